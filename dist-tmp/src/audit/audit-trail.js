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
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditTrail = void 0;
exports.auditedRefusal = auditedRefusal;
exports.refusalOf = refusalOf;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const request_context_1 = require("../common/http/request-context");
const app_config_1 = require("../config/app-config");
const db_1 = require("../database/db");
const uuid_1 = require("../common/uuid");
const audit_repository_1 = require("./audit.repository");
const REFUSAL = Symbol('audited refusal');
/**
 * Marks an error as a refusal to be recorded in the audit trail once the request's transaction has rolled
 * back (RequestScopeInterceptor records it, in a transaction of its own): a service never needs a second
 * connection while it holds the request's.
 */
function auditedRefusal(error, entry) {
    Object.defineProperty(error, REFUSAL, { value: { outcome: 'denied', ...entry }, enumerable: false });
    return error;
}
function refusalOf(error) {
    return error instanceof Error ? (error[REFUSAL] ?? null) : null;
}
/**
 * Records security-relevant actions into their State's hash chain. Events are staged in the transaction
 * that does the action and appended by one statement sent with its COMMIT, so the chain's head stays
 * locked only while that statement and the commit run, and an action that rolls back leaves no event. Refusals, whose
 * transaction rolls back, are recorded with recordSeparately().
 */
let AuditTrail = class AuditTrail {
    constructor(db, events, clock, config) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }
    /** Stages an event in the current transaction, in the chain of `stateCode` (default: the actor's). */
    record(actor, entry, stateCode = actor?.stateCode) {
        if (!this.config.AUDIT_TRAIL)
            return;
        if (!stateCode)
            throw new Error(`Audit event ${entry.action} names no State`);
        const origin = (0, request_context_1.currentRequestOrigin)();
        this.db.stage(this, {
            stateCode,
            at: this.clock.now(),
            actorId: actor?.id ?? null,
            action: entry.action,
            targetType: entry.targetType ?? null,
            // The id as every response writes it: a read asked for with an upper-case UUID is found by the lower-case one.
            targetId: clip(entry.targetId ? (0, uuid_1.canonicalId)(entry.targetId) : null, 100),
            outcome: entry.outcome ?? 'success',
            requestId: clip(origin?.requestId ?? null, 100),
            sourceIp: clip(origin?.sourceIp ?? null, 64),
            details: entry.details ?? {},
        });
    }
    /** Records in a transaction of its own, which commits even though the caller's is about to roll back. */
    async recordSeparately(actor, entry, stateCode = actor?.stateCode) {
        if (!this.config.AUDIT_TRAIL || !stateCode)
            return;
        await this.db.separately(stateCode, async () => this.record(actor, entry, stateCode));
    }
    commitStatement(drafts) {
        return this.events.appendStatement(drafts);
    }
};
exports.AuditTrail = AuditTrail;
exports.AuditTrail = AuditTrail = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(app_config_1.AppConfig)),
    __metadata("design:paramtypes", [db_1.Db,
        audit_repository_1.AuditRepository,
        clock_1.Clock,
        app_config_1.AppConfig])
], AuditTrail);
/** A value from the request (a path parameter, a request id) fitted to its column; NUL cannot be stored. */
function clip(value, length) {
    return value === null ? null : value.replaceAll('\u0000', '').slice(0, length);
}
//# sourceMappingURL=audit-trail.js.map