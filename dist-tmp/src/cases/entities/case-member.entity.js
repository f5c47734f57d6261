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
exports.CaseMemberEntity = void 0;
const typeorm_1 = require("typeorm");
const case_entity_1 = require("./case.entity");
/** A user of the case's State who needs to know its content (need to know). */
let CaseMemberEntity = class CaseMemberEntity {
};
exports.CaseMemberEntity = CaseMemberEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'uuid', name: 'case_id' }),
    __metadata("design:type", String)
], CaseMemberEntity.prototype, "caseId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => case_entity_1.CaseEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'case_id' }),
    __metadata("design:type", case_entity_1.CaseEntity)
], CaseMemberEntity.prototype, "case", void 0);
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'uuid', name: 'user_id' }),
    __metadata("design:type", String)
], CaseMemberEntity.prototype, "userId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], CaseMemberEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'added_by' }),
    __metadata("design:type", String)
], CaseMemberEntity.prototype, "addedBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'added_at' }),
    __metadata("design:type", Date)
], CaseMemberEntity.prototype, "addedAt", void 0);
exports.CaseMemberEntity = CaseMemberEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'case_members' }),
    (0, typeorm_1.Index)('IDX_case_members_user', ['stateCode', 'userId'])
], CaseMemberEntity);
//# sourceMappingURL=case-member.entity.js.map