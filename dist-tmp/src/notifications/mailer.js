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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var Mailer_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.Mailer = void 0;
const common_1 = require("@nestjs/common");
const nodemailer_1 = require("nodemailer");
const app_config_1 = require("../config/app-config");
/** Connections to the SMTP server at most: more mails wait their turn. */
const SMTP_CONNECTIONS = 3;
/**
 * Optional e-mail copies of notifications, through SMTP_URL. The mail says only that something
 * happened and where to look: no trace content leaves the system by e-mail.
 */
let Mailer = Mailer_1 = class Mailer {
    constructor(config) {
        this.config = config;
        this.logger = new common_1.Logger(Mailer_1.name);
        // Pooled: the reminders of one run of the deadline job go through a few connections, one mail after
        // another, rather than one connection each at once, which a mail server's limit per client refuses.
        this.transport = config.SMTP_URL ? (0, nodemailer_1.createTransport)({ url: config.SMTP_URL, pool: true, maxConnections: SMTP_CONNECTIONS }) : null;
    }
    /** Closes the pool's connections (on shutdown). */
    close() {
        this.transport?.close();
    }
    onModuleDestroy() {
        this.close();
    }
    get enabled() {
        return this.transport !== null;
    }
    /** Best effort: a failed delivery is logged (without addresses) and never fails the caller. */
    async send(to, subject, text) {
        if (!this.transport || to.length === 0)
            return;
        try {
            await this.transport.sendMail({ from: this.config.SMTP_FROM, bcc: to, subject, text });
        }
        catch (error) {
            // The codes only: the server's reply, which the error's message quotes, names the addresses it refused.
            const { code, responseCode } = error;
            this.logger.warn(`notification e-mail not sent to ${to.length} recipient(s): ${code ?? 'error'}${responseCode ? ` (SMTP ${responseCode})` : ''}`);
        }
    }
};
exports.Mailer = Mailer;
exports.Mailer = Mailer = Mailer_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(app_config_1.AppConfig)),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], Mailer);
//# sourceMappingURL=mailer.js.map