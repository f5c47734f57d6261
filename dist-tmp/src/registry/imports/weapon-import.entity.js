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
exports.ImportRejectionEntity = exports.WeaponImportEntity = exports.IMPORT_STATUSES = void 0;
const typeorm_1 = require("typeorm");
exports.IMPORT_STATUSES = ['receiving', 'validating', 'merging', 'completed', 'rejected', 'failed'];
/** One CSV import into a State's registry: all rows land, or none do. */
let WeaponImportEntity = class WeaponImportEntity {
};
exports.WeaponImportEntity = WeaponImportEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], WeaponImportEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], WeaponImportEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 64, name: 'content_sha256', nullable: true }),
    __metadata("design:type", Object)
], WeaponImportEntity.prototype, "contentSha256", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], WeaponImportEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bigint', name: 'bytes_received', default: 0 }),
    __metadata("design:type", String)
], WeaponImportEntity.prototype, "bytesReceived", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', name: 'total_rows', default: 0 }),
    __metadata("design:type", Number)
], WeaponImportEntity.prototype, "totalRows", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', name: 'accepted_rows', default: 0 }),
    __metadata("design:type", Number)
], WeaponImportEntity.prototype, "acceptedRows", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', name: 'rejected_rows', default: 0 }),
    __metadata("design:type", Number)
], WeaponImportEntity.prototype, "rejectedRows", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'created_by', nullable: true }),
    __metadata("design:type", Object)
], WeaponImportEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz', precision: 3, name: 'created_at' }),
    __metadata("design:type", Date)
], WeaponImportEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'finished_at', nullable: true }),
    __metadata("design:type", Object)
], WeaponImportEntity.prototype, "finishedAt", void 0);
exports.WeaponImportEntity = WeaponImportEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'weapon_imports' }),
    (0, typeorm_1.Index)('UQ_weapon_imports_content', ['stateCode', 'contentSha256'], { unique: true, where: "status = 'completed'" }),
    (0, typeorm_1.Index)('IDX_weapon_imports_state_created', ['stateCode', 'createdAt', 'id'])
], WeaponImportEntity);
/** Why a row (line of the file) was refused. */
let ImportRejectionEntity = class ImportRejectionEntity {
};
exports.ImportRejectionEntity = ImportRejectionEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ImportRejectionEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], ImportRejectionEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'import_id' }),
    __metadata("design:type", String)
], ImportRejectionEntity.prototype, "importId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int' }),
    __metadata("design:type", Number)
], ImportRejectionEntity.prototype, "line", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], ImportRejectionEntity.prototype, "column", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], ImportRejectionEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], ImportRejectionEntity.prototype, "message", void 0);
exports.ImportRejectionEntity = ImportRejectionEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'weapon_import_rejections' }),
    (0, typeorm_1.Index)('IDX_weapon_import_rejections_import', ['importId', 'line'])
], ImportRejectionEntity);
//# sourceMappingURL=weapon-import.entity.js.map