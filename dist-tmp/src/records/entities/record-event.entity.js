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
exports.RecordEventEntity = void 0;
const typeorm_1 = require("typeorm");
const weapon_entity_1 = require("../../registry/entities/weapon.entity");
/** One entry of a weapon's append-only history. A correction is a new event pointing at the old one. */
let RecordEventEntity = class RecordEventEntity {
};
exports.RecordEventEntity = RecordEventEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], RecordEventEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], RecordEventEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'weapon_id' }),
    __metadata("design:type", String)
], RecordEventEntity.prototype, "weaponId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => weapon_entity_1.WeaponEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'weapon_id' }),
    __metadata("design:type", weapon_entity_1.WeaponEntity)
], RecordEventEntity.prototype, "weapon", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 32 }),
    __metadata("design:type", String)
], RecordEventEntity.prototype, "type", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date', name: 'occurred_on' }),
    __metadata("design:type", String)
], RecordEventEntity.prototype, "occurredOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', default: () => "'[]'" }),
    __metadata("design:type", Array)
], RecordEventEntity.prototype, "parties", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120, name: 'licence_ref', nullable: true }),
    __metadata("design:type", Object)
], RecordEventEntity.prototype, "licenceRef", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120, name: 'authorisation_ref', nullable: true }),
    __metadata("design:type", Object)
], RecordEventEntity.prototype, "authorisationRef", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'counterpart_state', nullable: true }),
    __metadata("design:type", Object)
], RecordEventEntity.prototype, "counterpartState", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'corrects_event_id', nullable: true }),
    __metadata("design:type", Object)
], RecordEventEntity.prototype, "correctsEventId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], RecordEventEntity.prototype, "restates", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], RecordEventEntity.prototype, "annuls", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', nullable: true }),
    __metadata("design:type", Object)
], RecordEventEntity.prototype, "description", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 24, name: 'status_after' }),
    __metadata("design:type", String)
], RecordEventEntity.prototype, "statusAfter", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, name: 'record_class' }),
    __metadata("design:type", String)
], RecordEventEntity.prototype, "recordClass", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date', name: 'retain_until' }),
    __metadata("design:type", String)
], RecordEventEntity.prototype, "retainUntil", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], RecordEventEntity.prototype, "notes", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'recorded_by', nullable: true }),
    __metadata("design:type", Object)
], RecordEventEntity.prototype, "recordedBy", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz', name: 'recorded_at', default: () => 'clock_timestamp()' }),
    __metadata("design:type", Date)
], RecordEventEntity.prototype, "recordedAt", void 0);
exports.RecordEventEntity = RecordEventEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'record_events' }),
    (0, typeorm_1.Index)('IDX_record_events_weapon', ['weaponId', 'occurredOn']),
    (0, typeorm_1.Check)('CHK_record_events_description', `"description" IS NULL OR ("type" = 'corrected' AND "restates")`),
    (0, typeorm_1.Check)('CHK_record_events_correction', `NOT ("restates" AND "annuls") AND (NOT ("restates" OR "annuls") OR ("type" = 'corrected' AND "corrects_event_id" IS NOT NULL))`)
], RecordEventEntity);
//# sourceMappingURL=record-event.entity.js.map