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
exports.AuditRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const pagination_1 = require("../common/http/pagination");
const db_1 = require("../database/db");
const node_crypto_1 = require("node:crypto");
const audit_event_entity_1 = require("./entities/audit-event.entity");
/** The audit chain's only queries. Writes go through audit_lock_heads() and audit_append() (see the migration). */
let AuditRepository = class AuditRepository {
    constructor(db) {
        this.db = db;
    }
    /**
     * The statement that appends events to their chains (audit_append numbers and hashes them), for the
     * commit's round trip: the events go as one JSON literal, dollar-quoted with a tag they do not contain.
     */
    appendStatement(events) {
        const json = JSON.stringify(events.map((e) => ({
            state_code: e.stateCode, at: e.at.toISOString(), actor_id: e.actorId, action: e.action, target_type: e.targetType, target_id: e.targetId,
            outcome: e.outcome, request_id: e.requestId, source_ip: e.sourceIp, details: e.details,
        })));
        let tag;
        do
            tag = `audit_${(0, node_crypto_1.randomBytes)(6).toString('hex')}`;
        while (json.includes(tag));
        return `SELECT audit_append($${tag}$${json}$${tag}$::jsonb)`;
    }
    list(stateCode, filters, page) {
        const query = this.db.repository(audit_event_entity_1.AuditEventEntity).createQueryBuilder('e').where('e.state_code = :stateCode', { stateCode });
        if (filters.action)
            query.andWhere('e.action = :action', { action: filters.action });
        if (filters.actorId)
            query.andWhere('e.actor_id = :actorId', { actorId: filters.actorId });
        if (filters.targetType)
            query.andWhere('e.target_type = :targetType', { targetType: filters.targetType });
        if (filters.targetId)
            query.andWhere('e.target_id IN (:...targetIds)', { targetIds: spellings(filters.targetId) });
        if (filters.outcome)
            query.andWhere('e.outcome = :outcome', { outcome: filters.outcome });
        if (filters.from)
            query.andWhere('e.at >= :from', { from: filters.from });
        if (filters.to)
            query.andWhere('e.at < :to', { to: filters.to });
        return (0, pagination_1.keysetPage)(query, [{ property: 'seq', column: 'e.seq' }], page);
    }
    /** Events of a chain after `afterSeq`, in order and in the text form that is hashed: verification reads the chain in batches. */
    async batch(stateCode, afterSeq, limit) {
        const rows = await this.db.manager.query(`SELECT e.seq::text AS seq, e.state_code AS "stateCode", to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
              e.actor_id::text AS "actorId", e.action, e.target_type AS "targetType", e.target_id AS "targetId", e.outcome,
              e.request_id AS "requestId", e.source_ip AS "sourceIp", e.details::text AS details, e.prev_hash AS "prevHash", e.hash
         FROM audit_events e WHERE e.state_code = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3`, [stateCode, afterSeq, limit]);
        return rows;
    }
    /** The latest `limit` times `action` was taken on a target (who read a case file, for auditors), newest first. */
    latestActionsOn(stateCode, targetType, targetId, action, limit) {
        return this.db.repository(audit_event_entity_1.AuditEventEntity).find({
            where: { stateCode, targetType, targetId: (0, typeorm_1.In)(spellings(targetId)), action },
            order: { seq: 'DESC' },
            take: limit,
        });
    }
};
exports.AuditRepository = AuditRepository;
exports.AuditRepository = AuditRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], AuditRepository);
/**
 * A target id as events may hold it: as given, and in upper case. Events are recorded with UUIDs in lower
 * case, but those recorded before were written as the request spelled them (and are hash-chained: never
 * rewritten); an id spelled in mixed case then is not found.
 */
function spellings(targetId) {
    return [...new Set([targetId, targetId.toUpperCase()])];
}
//# sourceMappingURL=audit.repository.js.map