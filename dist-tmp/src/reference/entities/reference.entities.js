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
exports.ReferenceAdditionEntity = exports.ManufacturerEntity = exports.CalibreEntity = exports.WeaponTypeEntity = void 0;
const typeorm_1 = require("typeorm");
/** ITI para 4 list, shipped in src/reference/data/weapon-types.json. Node-wide. */
let WeaponTypeEntity = class WeaponTypeEntity {
};
exports.WeaponTypeEntity = WeaponTypeEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], WeaponTypeEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120 }),
    __metadata("design:type", String)
], WeaponTypeEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], WeaponTypeEntity.prototype, "category", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120, array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], WeaponTypeEntity.prototype, "aliases", void 0);
exports.WeaponTypeEntity = WeaponTypeEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'reference_weapon_types' })
], WeaponTypeEntity);
/** Shipped calibres with their aliases (src/reference/data/calibres.json). Node-wide. */
let CalibreEntity = class CalibreEntity {
};
exports.CalibreEntity = CalibreEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], CalibreEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120 }),
    __metadata("design:type", String)
], CalibreEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120, array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], CalibreEntity.prototype, "aliases", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'numeric', precision: 6, scale: 2, name: 'diameter_mm', nullable: true }),
    __metadata("design:type", Object)
], CalibreEntity.prototype, "diameterMm", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, nullable: true }),
    __metadata("design:type", Object)
], CalibreEntity.prototype, "kind", void 0);
exports.CalibreEntity = CalibreEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'reference_calibres' })
], CalibreEntity);
/** Shipped manufacturers and State arsenals (src/reference/data/manufacturers.json). Node-wide. */
let ManufacturerEntity = class ManufacturerEntity {
};
exports.ManufacturerEntity = ManufacturerEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], ManufacturerEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], ManufacturerEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3 }),
    __metadata("design:type", String)
], ManufacturerEntity.prototype, "country", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], ManufacturerEntity.prototype, "aliases", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, array: true, name: 'former_names', default: () => "'{}'" }),
    __metadata("design:type", Array)
], ManufacturerEntity.prototype, "formerNames", void 0);
exports.ManufacturerEntity = ManufacturerEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'reference_manufacturers' })
], ManufacturerEntity);
/**
 * A registrar's addition to the reference data: a new calibre or manufacturer, or more aliases
 * for a shipped one (same code). Seen only by that State.
 */
let ReferenceAdditionEntity = class ReferenceAdditionEntity {
};
exports.ReferenceAdditionEntity = ReferenceAdditionEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ReferenceAdditionEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], ReferenceAdditionEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], ReferenceAdditionEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], ReferenceAdditionEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], ReferenceAdditionEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, nullable: true }),
    __metadata("design:type", Object)
], ReferenceAdditionEntity.prototype, "country", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], ReferenceAdditionEntity.prototype, "aliases", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'added_by', nullable: true }),
    __metadata("design:type", Object)
], ReferenceAdditionEntity.prototype, "addedBy", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz', name: 'created_at' }),
    __metadata("design:type", Date)
], ReferenceAdditionEntity.prototype, "createdAt", void 0);
exports.ReferenceAdditionEntity = ReferenceAdditionEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'reference_additions' }),
    (0, typeorm_1.Index)('UQ_reference_additions_code', ['stateCode', 'kind', 'code'], { unique: true })
], ReferenceAdditionEntity);
//# sourceMappingURL=reference.entities.js.map