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
exports.ClosedCustodianEntity = void 0;
const typeorm_1 = require("typeorm");
/**
 * A manufacturer or dealer whose records passed to the State when it closed (ITI 13): no record names it as
 * custodian afterwards. Keyed by its name in lower case without surrounding spaces (computed in SQL).
 */
let ClosedCustodianEntity = class ClosedCustodianEntity {
};
exports.ClosedCustodianEntity = ClosedCustodianEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], ClosedCustodianEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 200, name: 'name_key' }),
    __metadata("design:type", String)
], ClosedCustodianEntity.prototype, "nameKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], ClosedCustodianEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date', name: 'closed_on' }),
    __metadata("design:type", String)
], ClosedCustodianEntity.prototype, "closedOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, name: 'records_custodian' }),
    __metadata("design:type", String)
], ClosedCustodianEntity.prototype, "recordsCustodian", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz', name: 'created_at' }),
    __metadata("design:type", Date)
], ClosedCustodianEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'created_by', nullable: true }),
    __metadata("design:type", Object)
], ClosedCustodianEntity.prototype, "createdBy", void 0);
exports.ClosedCustodianEntity = ClosedCustodianEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'closed_custodians' })
], ClosedCustodianEntity);
//# sourceMappingURL=closed-custodian.entity.js.map