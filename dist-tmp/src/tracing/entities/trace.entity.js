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
exports.TraceEntity = void 0;
exports.restrictionsAddedBy = restrictionsAddedBy;
const typeorm_1 = require("typeorm");
const data_key_columns_1 = require("../../common/encryption/data-key.columns");
/**
 * The handling codes the answering State set itself: restrictionsAdded, or for an answer recorded before it
 * was kept, those the answer carries; never one the request carried already (an answer that repeats the
 * request's codes adds nothing, and is read so also where it was stored with them).
 */
function restrictionsAddedBy(answer, requestRestrictions) {
    return (answer.restrictionsAdded ?? answer.useRestrictions).filter((code) => !requestRestrictions.includes(code));
}
/**
 * One State's copy of a trace request: the requester's outgoing copy or the requested State's incoming
 * one. No State reads the other's copy; changes travel as messages (outbox_messages).
 */
let TraceEntity = class TraceEntity {
};
exports.TraceEntity = TraceEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], TraceEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], TraceEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'exchange_id' }),
    __metadata("design:type", String)
], TraceEntity.prototype, "exchangeId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 8 }),
    __metadata("design:type", String)
], TraceEntity.prototype, "direction", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 24 }),
    __metadata("design:type", String)
], TraceEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer', default: 1 }),
    __metadata("design:type", Number)
], TraceEntity.prototype, "version", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'requesting_state' }),
    __metadata("design:type", String)
], TraceEntity.prototype, "requestingState", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'requested_state' }),
    __metadata("design:type", String)
], TraceEntity.prototype, "requestedState", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'parent_id', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "parentId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'weapon_id', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "weaponId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'officer_id', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "officerId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, name: 'officer_name', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "officerName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'npc_id', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "npcId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, name: 'npc_name', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "npcName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, name: 'requesting_authority' }),
    __metadata("design:type", String)
], TraceEntity.prototype, "requestingAuthority", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], TraceEntity.prototype, "channel", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], TraceEntity.prototype, "priority", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', name: 'urgent_justification', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "urgentJustification", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40, array: true, name: 'illicit_basis' }),
    __metadata("design:type", Array)
], TraceEntity.prototype, "illicitBasis", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', name: 'legal_justification' }),
    __metadata("design:type", String)
], TraceEntity.prototype, "legalJustification", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "recovery", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', name: 'intended_use' }),
    __metadata("design:type", String)
], TraceEntity.prototype, "intendedUse", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], TraceEntity.prototype, "classification", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', name: 'confidentiality_requested', default: false }),
    __metadata("design:type", Boolean)
], TraceEntity.prototype, "confidentialityRequested", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 48, array: true, name: 'use_restrictions', default: '{}' }),
    __metadata("design:type", Array)
], TraceEntity.prototype, "useRestrictions", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', name: 'weapon_observed' }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "weaponObserved", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', name: 'on_behalf_of', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "onBehalfOf", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "ballistics", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "answer", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'case_id', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "caseId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40, array: true, name: 'disclosed_fields', default: '{}' }),
    __metadata("design:type", Array)
], TraceEntity.prototype, "disclosedFields", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "disclosure", void 0);
__decorate([
    (0, typeorm_1.Column)(() => data_key_columns_1.DataKeyColumns, { prefix: false }),
    __metadata("design:type", data_key_columns_1.DataKeyColumns)
], TraceEntity.prototype, "dataKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', default: () => "'[]'" }),
    __metadata("design:type", Array)
], TraceEntity.prototype, "notes", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 32, name: 'close_reason', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "closeReason", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'acknowledge_due_at', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "acknowledgeDueAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'answer_due_at', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "answerDueAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'information_due_at', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "informationDueAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'overdue_since', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "overdueSince", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'submitted_at', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "submittedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'sent_at', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "sentAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'acknowledged_at', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "acknowledgedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'answered_at', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "answeredAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'closed_at', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "closedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'created_by', nullable: true }),
    __metadata("design:type", Object)
], TraceEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', precision: 3, name: 'created_at' }),
    __metadata("design:type", Date)
], TraceEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'updated_at' }),
    __metadata("design:type", Date)
], TraceEntity.prototype, "updatedAt", void 0);
exports.TraceEntity = TraceEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'traces' }),
    (0, typeorm_1.Index)('IDX_traces_state_direction_status', ['stateCode', 'direction', 'status']),
    (0, typeorm_1.Index)('UQ_traces_exchange', ['stateCode', 'exchangeId', 'direction'], { unique: true }),
    (0, typeorm_1.Index)('IDX_traces_parent', ['parentId']),
    (0, typeorm_1.Index)('IDX_traces_state_created', ['stateCode', 'createdAt', 'id']),
    (0, typeorm_1.Index)('IDX_traces_state_creator', ['stateCode', 'createdBy', 'createdAt', 'id'])
], TraceEntity);
//# sourceMappingURL=trace.entity.js.map