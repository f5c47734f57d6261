"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotificationsService = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const db_1 = require("../database/db");
const mailer_1 = require("./mailer");
const app_error_1 = require("../common/errors/app-error");
const pagination_1 = require("../common/http/pagination");
const notification_dto_1 = require("./notification.dto");
const notifications_repository_1 = require("./notifications.repository");
let NotificationsService = class NotificationsService {
    constructor(notifications, clock, mailer, db) {
        this.notifications = notifications;
        this.clock = clock;
        this.mailer = mailer;
        this.db = db;
    }
    /**
     * Writes to the inbox of the State's users holding `roles` and of `userIds`, in the caller's
     * transaction; with SMTP_URL set, an e-mail goes out once that transaction has committed.
     */
    async notify(stateCode, roles, userIds, notification) {
        const emails = await this.notifications.addForUsers(stateCode, roles, userIds.filter((id) => !!id), notification, this.clock.now());
        if (this.mailer.enabled && emails.length > 0) {
            const subject = `ITI Trace: ${notification.kind.replace(/_/g, ' ')}`;
            const text = `There is a new notification for you in ITI Trace (${notification.kind.replace(/_/g, ' ')}).\nSign in and open your notifications to read it.`;
            this.db.afterCommit(() => void this.mailer.send(emails, subject, text));
        }
        return emails.length;
    }
    async list(actor, query) {
        return (0, pagination_1.mapPage)(await this.notifications.list(actor.stateCode, actor.id, query.unread === true, query), notification_dto_1.NotificationDto.from);
    }
    async markRead(actor, id) {
        const found = await this.notifications.markRead(actor.stateCode, actor.id, id, this.clock.now());
        if (!found)
            throw new app_error_1.NotFoundError('Notification', 'NOTIFICATION_NOT_FOUND');
        return notification_dto_1.NotificationDto.from(found);
    }
};
exports.NotificationsService = NotificationsService;
exports.NotificationsService = NotificationsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [notifications_repository_1.NotificationsRepository,
        clock_1.Clock,
        mailer_1.Mailer,
        db_1.Db])
], NotificationsService);
//# sourceMappingURL=notifications.service.js.map