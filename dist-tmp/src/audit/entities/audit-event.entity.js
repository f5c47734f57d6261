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
exports.AuditHeadEntity = exports.AuditEventEntity = void 0;
const typeorm_1 = require("typeorm");
/**
 * One link of a State's audit chain: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE, and the
 * app role may only read; rows arrive through audit_append()). `hash` covers the content and `prev_hash`.
 */
let AuditEventEntity = class AuditEventEntity {
};
exports.AuditEventEntity = AuditEventEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'bigint' }),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "seq", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], AuditEventEntity.prototype, "at", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'actor_id', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "actorId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120 }),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "action", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40, name: 'target_type', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "targetType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100, name: 'target_id', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "targetId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 8 }),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "outcome", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100, name: 'request_id', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "requestId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, name: 'source_ip', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "sourceIp", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', default: () => "'{}'" }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "details", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', name: 'prev_hash' }),
    __metadata("design:type", Buffer)
], AuditEventEntity.prototype, "prevHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea' }),
    __metadata("design:type", Buffer)
], AuditEventEntity.prototype, "hash", void 0);
exports.AuditEventEntity = AuditEventEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'audit_events' }),
    (0, typeorm_1.Index)('IDX_audit_events_state_at', ['stateCode', 'at']),
    (0, typeorm_1.Index)('IDX_audit_events_target', ['stateCode', 'targetType', 'targetId', 'seq']),
    (0, typeorm_1.Index)('IDX_audit_events_actor', ['stateCode', 'actorId', 'seq']),
    (0, typeorm_1.Index)('IDX_audit_events_action', ['stateCode', 'action', 'seq']),
    (0, typeorm_1.Index)('IDX_audit_events_unsuccessful', ['stateCode', 'outcome', 'seq'], { where: "outcome <> 'success'" })
], AuditEventEntity);
/** The last link of each State's chain, locked while a transaction appends (one writer per chain at a time). */
let AuditHeadEntity = class AuditHeadEntity {
};
exports.AuditHeadEntity = AuditHeadEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], AuditHeadEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bigint' }),
    __metadata("design:type", String)
], AuditHeadEntity.prototype, "seq", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea' }),
    __metadata("design:type", Buffer)
], AuditHeadEntity.prototype, "hash", void 0);
exports.AuditHeadEntity = AuditHeadEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'audit_heads' })
], AuditHeadEntity);
//# sourceMappingURL=audit-event.entity.js.map