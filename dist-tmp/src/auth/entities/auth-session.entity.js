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
exports.AuthSessionEntity = void 0;
const typeorm_1 = require("typeorm");
const user_entity_1 = require("../../users/entities/user.entity");
/** A login: the family of refresh tokens issued from it, with its idle and absolute limits. */
let AuthSessionEntity = class AuthSessionEntity {
};
exports.AuthSessionEntity = AuthSessionEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], AuthSessionEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], AuthSessionEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'user_id' }),
    __metadata("design:type", String)
], AuthSessionEntity.prototype, "userId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.UserEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'user_id' }),
    __metadata("design:type", user_entity_1.UserEntity)
], AuthSessionEntity.prototype, "user", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', name: 'mfa_satisfied' }),
    __metadata("design:type", Boolean)
], AuthSessionEntity.prototype, "mfaSatisfied", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'created_at' }),
    __metadata("design:type", Date)
], AuthSessionEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'last_activity_at' }),
    __metadata("design:type", Date)
], AuthSessionEntity.prototype, "lastActivityAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'expires_at' }),
    __metadata("design:type", Date)
], AuthSessionEntity.prototype, "expiresAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'revoked_at', nullable: true }),
    __metadata("design:type", Object)
], AuthSessionEntity.prototype, "revokedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 32, name: 'revoked_reason', nullable: true }),
    __metadata("design:type", Object)
], AuthSessionEntity.prototype, "revokedReason", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, name: 'client_ip', nullable: true }),
    __metadata("design:type", Object)
], AuthSessionEntity.prototype, "clientIp", void 0);
exports.AuthSessionEntity = AuthSessionEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'auth_sessions' }),
    (0, typeorm_1.Index)('IDX_auth_sessions_user', ['userId'])
], AuthSessionEntity);
//# sourceMappingURL=auth-session.entity.js.map