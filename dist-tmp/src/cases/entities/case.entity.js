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
exports.CaseEntity = void 0;
const typeorm_1 = require("typeorm");
const data_key_columns_1 = require("../../common/encryption/data-key.columns");
/**
 * A confidential criminal-investigation file. Every content column holds a ciphertext sealed with the
 * record's own data key (envelope encryption); only the classification and the dates are in clear.
 */
let CaseEntity = class CaseEntity {
};
exports.CaseEntity = CaseEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'uuid' }),
    __metadata("design:type", String)
], CaseEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], CaseEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], CaseEntity.prototype, "classification", void 0);
__decorate([
    (0, typeorm_1.Column)(() => data_key_columns_1.DataKeyColumns, { prefix: false }),
    __metadata("design:type", data_key_columns_1.DataKeyColumns)
], CaseEntity.prototype, "dataKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea' }),
    __metadata("design:type", Buffer)
], CaseEntity.prototype, "reference", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea' }),
    __metadata("design:type", Buffer)
], CaseEntity.prototype, "offence", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea' }),
    __metadata("design:type", Buffer)
], CaseEntity.prototype, "narrative", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea' }),
    __metadata("design:type", Buffer)
], CaseEntity.prototype, "persons", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', name: 'place_of_recovery' }),
    __metadata("design:type", Buffer)
], CaseEntity.prototype, "placeOfRecovery", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', name: 'investigating_agency' }),
    __metadata("design:type", Buffer)
], CaseEntity.prototype, "investigatingAgency", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'created_by' }),
    __metadata("design:type", String)
], CaseEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'created_at' }),
    __metadata("design:type", Date)
], CaseEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'updated_at' }),
    __metadata("design:type", Date)
], CaseEntity.prototype, "updatedAt", void 0);
exports.CaseEntity = CaseEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'cases' }),
    (0, typeorm_1.Index)('IDX_cases_state_created', ['stateCode', 'createdAt'])
], CaseEntity);
//# sourceMappingURL=case.entity.js.map