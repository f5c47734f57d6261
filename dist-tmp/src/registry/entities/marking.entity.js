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
exports.MarkingEntity = void 0;
const typeorm_1 = require("typeorm");
const weapon_entity_1 = require("./weapon.entity");
/** A marking on one component of a weapon, as read, with its structured parts. */
let MarkingEntity = class MarkingEntity {
};
exports.MarkingEntity = MarkingEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], MarkingEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], MarkingEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'weapon_id' }),
    __metadata("design:type", String)
], MarkingEntity.prototype, "weaponId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => weapon_entity_1.WeaponEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'weapon_id' }),
    __metadata("design:type", weapon_entity_1.WeaponEntity)
], MarkingEntity.prototype, "weapon", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 24 }),
    __metadata("design:type", String)
], MarkingEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], MarkingEntity.prototype, "component", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 500 }),
    __metadata("design:type", String)
], MarkingEntity.prototype, "text", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, nullable: true }),
    __metadata("design:type", Object)
], MarkingEntity.prototype, "manufacturer", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, nullable: true }),
    __metadata("design:type", Object)
], MarkingEntity.prototype, "country", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], MarkingEntity.prototype, "serial", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint', nullable: true }),
    __metadata("design:type", Object)
], MarkingEntity.prototype, "year", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, name: 'symbol_code', nullable: true }),
    __metadata("design:type", Object)
], MarkingEntity.prototype, "symbolCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 32, nullable: true }),
    __metadata("design:type", Object)
], MarkingEntity.prototype, "method", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 500, array: true, name: 'photo_refs', default: () => "'{}'" }),
    __metadata("design:type", Array)
], MarkingEntity.prototype, "photoRefs", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'withdrawn_by', nullable: true }),
    __metadata("design:type", Object)
], MarkingEntity.prototype, "withdrawnBy", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz', name: 'created_at' }),
    __metadata("design:type", Date)
], MarkingEntity.prototype, "createdAt", void 0);
exports.MarkingEntity = MarkingEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'markings' }),
    (0, typeorm_1.Index)('IDX_markings_weapon', ['weaponId'])
], MarkingEntity);
//# sourceMappingURL=marking.entity.js.map