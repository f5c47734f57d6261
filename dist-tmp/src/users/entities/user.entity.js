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
exports.UserEntity = void 0;
const typeorm_1 = require("typeorm");
const data_key_columns_1 = require("../../common/encryption/data-key.columns");
const state_entity_1 = require("../../states/entities/state.entity");
let UserEntity = class UserEntity {
};
exports.UserEntity = UserEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], UserEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], UserEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => state_entity_1.StateEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'state_code' }),
    __metadata("design:type", state_entity_1.StateEntity)
], UserEntity.prototype, "state", void 0);
__decorate([
    (0, typeorm_1.Index)('UQ_users_username', { unique: true }),
    (0, typeorm_1.Column)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], UserEntity.prototype, "username", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, name: 'display_name' }),
    __metadata("design:type", String)
], UserEntity.prototype, "displayName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 254, nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "email", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "agency", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, array: true }),
    __metadata("design:type", Array)
], UserEntity.prototype, "roles", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', name: 'password_hash' }),
    __metadata("design:type", String)
], UserEntity.prototype, "passwordHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', name: 'mfa_secret', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "mfaSecret", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', name: 'mfa_pending_secret', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "mfaPendingSecret", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', name: 'mfa_secret_legacy', nullable: true, select: false }),
    __metadata("design:type", Object)
], UserEntity.prototype, "legacyMfaSecret", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', name: 'mfa_pending_secret_legacy', nullable: true, select: false }),
    __metadata("design:type", Object)
], UserEntity.prototype, "legacyMfaPendingSecret", void 0);
__decorate([
    (0, typeorm_1.Column)(() => data_key_columns_1.DataKeyColumns, { prefix: false }),
    __metadata("design:type", data_key_columns_1.DataKeyColumns)
], UserEntity.prototype, "dataKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'mfa_enabled_at', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "mfaEnabledAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bigint', name: 'mfa_last_step', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "mfaLastStep", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', name: 'mfa_exempt', default: false }),
    __metadata("design:type", Boolean)
], UserEntity.prototype, "mfaExempt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', name: 'failed_logins', default: 0 }),
    __metadata("design:type", Number)
], UserEntity.prototype, "failedLogins", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'locked_until', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "lockedUntil", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'disabled_at', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "disabledAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'last_login_at', nullable: true }),
    __metadata("design:type", Object)
], UserEntity.prototype, "lastLoginAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz', name: 'created_at' }),
    __metadata("design:type", Date)
], UserEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz', name: 'updated_at' }),
    __metadata("design:type", Date)
], UserEntity.prototype, "updatedAt", void 0);
exports.UserEntity = UserEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'users' }),
    (0, typeorm_1.Index)('IDX_users_state', ['stateCode'])
], UserEntity);
//# sourceMappingURL=user.entity.js.map