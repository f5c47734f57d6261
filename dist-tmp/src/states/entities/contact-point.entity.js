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
exports.ContactPointEntity = void 0;
const typeorm_1 = require("typeorm");
const state_entity_1 = require("./state.entity");
/** A national point of contact (NPC) of a State, ITI para 25. */
let ContactPointEntity = class ContactPointEntity {
};
exports.ContactPointEntity = ContactPointEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ContactPointEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], ContactPointEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => state_entity_1.StateEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'state_code' }),
    __metadata("design:type", state_entity_1.StateEntity)
], ContactPointEntity.prototype, "state", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], ContactPointEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], ContactPointEntity.prototype, "agency", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 254 }),
    __metadata("design:type", String)
], ContactPointEntity.prototype, "email", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 32, nullable: true }),
    __metadata("design:type", Object)
], ContactPointEntity.prototype, "phone", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 3, array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], ContactPointEntity.prototype, "languages", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'verified_at', nullable: true }),
    __metadata("design:type", Object)
], ContactPointEntity.prototype, "verifiedAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz', name: 'created_at' }),
    __metadata("design:type", Date)
], ContactPointEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz', name: 'updated_at' }),
    __metadata("design:type", Date)
], ContactPointEntity.prototype, "updatedAt", void 0);
exports.ContactPointEntity = ContactPointEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'contact_points' }),
    (0, typeorm_1.Index)('IDX_contact_points_state', ['stateCode'])
], ContactPointEntity);
//# sourceMappingURL=contact-point.entity.js.map