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
exports.WeaponEntity = exports.MISSING_REQUIRED = exports.REQUIRED_FIELDS = void 0;
const typeorm_1 = require("typeorm");
const state_entity_1 = require("../../states/entities/state.entity");
/**
 * The fields a registry record must hold (ITI 12: accurate, complete records), each with the SQL that says
 * it is missing (on the row's own columns, unqualified).
 */
exports.REQUIRED_FIELDS = [
    ['manufacturer', 'manufacturer_code IS NULL AND manufacturer_text IS NULL'],
    ['model', 'model IS NULL'],
    ['calibre', 'calibre_code IS NULL AND calibre_text IS NULL'],
    ['serial', 'serial_as_marked IS NULL AND NOT serial_obliterated'],
    ['countryOfManufacture', 'country_of_manufacture IS NULL'],
];
/** SQL true for a record missing at least one required field: also the predicate of IDX_weapons_missing_required. */
exports.MISSING_REQUIRED = exports.REQUIRED_FIELDS.map(([, missing]) => `(${missing})`).join(' OR ');
/** A weapon in a State's marking registry (ITI 11–13). Its history is in record_events. */
let WeaponEntity = class WeaponEntity {
};
exports.WeaponEntity = WeaponEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], WeaponEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], WeaponEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => state_entity_1.StateEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'state_code' }),
    __metadata("design:type", state_entity_1.StateEntity)
], WeaponEntity.prototype, "state", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], WeaponEntity.prototype, "category", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, name: 'type_code' }),
    __metadata("design:type", String)
], WeaponEntity.prototype, "typeCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, name: 'manufacturer_code', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "manufacturerCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, name: 'manufacturer_text', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "manufacturerText", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120, nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "model", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, name: 'calibre_code', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "calibreCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120, name: 'calibre_text', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "calibreText", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, name: 'serial_as_marked', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "serialAsMarked", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, name: 'serial_normalised', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "serialNormalised", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'country_of_manufacture', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "countryOfManufacture", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint', name: 'year_of_manufacture', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "yearOfManufacture", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 24 }),
    __metadata("design:type", String)
], WeaponEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "holder", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "custodian", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', name: 'craft_or_3d_printed', default: false }),
    __metadata("design:type", Boolean)
], WeaponEntity.prototype, "craftOr3dPrinted", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], WeaponEntity.prototype, "modular", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', name: 'serial_obliterated', default: false }),
    __metadata("design:type", Boolean)
], WeaponEntity.prototype, "serialObliterated", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 48, array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], WeaponEntity.prototype, "incomplete", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 32, array: true, name: 'unknown_references', default: () => "'{}'" }),
    __metadata("design:type", Array)
], WeaponEntity.prototype, "unknownReferences", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', name: 'legal_holds', default: () => "'[]'" }),
    __metadata("design:type", Array)
], WeaponEntity.prototype, "legalHolds", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 32, array: true, name: 'event_types', default: () => "'{}'" }),
    __metadata("design:type", Array)
], WeaponEntity.prototype, "eventTypes", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date', name: 'retain_until', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "retainUntil", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date', name: 'seized_or_found_on', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "seizedOrFoundOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 24, name: 'deactivated_from', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "deactivatedFrom", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'created_by', nullable: true }),
    __metadata("design:type", Object)
], WeaponEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz', precision: 3, name: 'created_at' }),
    __metadata("design:type", Date)
], WeaponEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz', name: 'updated_at' }),
    __metadata("design:type", Date)
], WeaponEntity.prototype, "updatedAt", void 0);
exports.WeaponEntity = WeaponEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'weapons' }),
    (0, typeorm_1.Index)('IDX_weapons_missing_required', ['stateCode', 'id'], { where: exports.MISSING_REQUIRED }),
    (0, typeorm_1.Index)('IDX_weapons_state_manufacturer', ['stateCode', 'manufacturerCode', 'createdAt', 'id'], { where: 'manufacturer_code IS NOT NULL' }),
    (0, typeorm_1.Index)('IDX_weapons_state_status', ['stateCode', 'status', 'createdAt', 'id']),
    (0, typeorm_1.Index)('IDX_weapons_state_created', ['stateCode', 'createdAt', 'id'])
    // (state_code, custodian_key(custodian)): an expression index, built by migration ClosedCustodians; TypeORM leaves it be.
    ,
    (0, typeorm_1.Index)('IDX_weapons_state_custodian_key', { synchronize: false })
], WeaponEntity);
//# sourceMappingURL=weapon.entity.js.map