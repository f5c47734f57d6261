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
exports.NotificationsRepository = void 0;
const common_1 = require("@nestjs/common");
const pagination_1 = require("../common/http/pagination");
const db_1 = require("../database/db");
const notification_entity_1 = require("./entities/notification.entity");
let NotificationsRepository = class NotificationsRepository {
    constructor(db) {
        this.db = db;
    }
    /** One notification for every active user of the State holding one of the roles, plus the named users; their e-mail addresses. */
    async addForUsers(stateCode, roles, userIds, notification, at) {
        const rows = await this.db.manager.query(`WITH added AS (
         INSERT INTO notifications (state_code, user_id, kind, trace_id, message, created_at)
         SELECT $1, u.id, $4, $5, $6, $7 FROM users u
          WHERE u.state_code = $1 AND u.disabled_at IS NULL AND (u.roles && $2::varchar[] OR u.id = ANY($3::uuid[]))
         RETURNING user_id)
       SELECT u.email FROM added JOIN users u ON u.id = added.user_id`, [stateCode, roles, userIds, notification.kind, notification.traceId, notification.message, at]);
        return rows.map((r) => r.email).filter((email) => !!email);
    }
    list(stateCode, userId, unreadOnly, page) {
        const query = this.db.repository(notification_entity_1.NotificationEntity)
            .createQueryBuilder('n')
            .where('n.state_code = :stateCode AND n.user_id = :userId', { stateCode, userId });
        if (unreadOnly)
            query.andWhere('n.read_at IS NULL');
        // Newest first, as an inbox reads.
        return (0, pagination_1.keysetPage)(query, [{ property: 'createdAt', column: 'n.created_at' }, { property: 'id', column: 'n.id' }], page, 'DESC');
    }
    async markRead(stateCode, userId, id, at) {
        const repository = this.db.repository(notification_entity_1.NotificationEntity);
        // Locked: of two marks at once, the second sees the first's time and keeps it.
        const found = await repository.createQueryBuilder('n').where('n.state_code = :stateCode AND n.user_id = :userId AND n.id = :id', { stateCode, userId, id }).setLock('pessimistic_write').getOne();
        if (!found)
            return null;
        if (!found.readAt) {
            found.readAt = at;
            await repository.update({ stateCode, id }, { readAt: at });
        }
        return found;
    }
};
exports.NotificationsRepository = NotificationsRepository;
exports.NotificationsRepository = NotificationsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], NotificationsRepository);
//# sourceMappingURL=notifications.repository.js.map