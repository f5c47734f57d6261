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
exports.UserPageDto = exports.UserDto = exports.UserIdParamDto = exports.UpdateUserDto = exports.CreateUserDto = exports.PASSWORD_MAX_LENGTH = exports.PASSWORD_MIN_LENGTH = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("../../common/http/max-chars");
const auth_user_1 = require("../../common/auth/auth-user");
const optional_1 = require("../../common/http/optional");
const transforms_1 = require("../../common/http/transforms");
exports.PASSWORD_MIN_LENGTH = 12;
exports.PASSWORD_MAX_LENGTH = 256;
class CreateUserDto {
}
exports.CreateUserDto = CreateUserDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'fra.officer2', description: 'Login name: 3–64 of a-z 0-9 . _ -' }),
    (0, class_transformer_1.Transform)(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    (0, class_validator_1.Matches)(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3 to 64 characters of a-z, 0-9, dot, underscore or dash' }),
    __metadata("design:type", String)
], CreateUserDto.prototype, "username", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Jeanne Martin' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], CreateUserDto.prototype, "displayName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minLength: exports.PASSWORD_MIN_LENGTH, maxLength: exports.PASSWORD_MAX_LENGTH, description: 'Any characters; no composition rules' })
    // Hashed, never stored as text: class-validator's count, as the login's.
    ,
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(exports.PASSWORD_MIN_LENGTH),
    (0, class_validator_1.MaxLength)(exports.PASSWORD_MAX_LENGTH),
    __metadata("design:type", String)
], CreateUserDto.prototype, "password", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: auth_user_1.ROLES, isArray: true, example: ['officer'] }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(auth_user_1.ROLES.length),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.IsIn)(auth_user_1.ROLES, { each: true, message: `each of roles must be one of ${auth_user_1.ROLES.join(', ')}` }),
    __metadata("design:type", Array)
], CreateUserDto.prototype, "roles", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'jeanne.martin@interieur.gouv.fr' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsEmail)({}, { message: 'email must be an e-mail address' }),
    (0, max_chars_1.MaxChars)(254),
    __metadata("design:type", String)
], CreateUserDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Gendarmerie nationale' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], CreateUserDto.prototype, "agency", void 0);
class UpdateUserDto {
}
exports.UpdateUserDto = UpdateUserDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], UpdateUserDto.prototype, "displayName", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: auth_user_1.ROLES, isArray: true }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(auth_user_1.ROLES.length),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.IsIn)(auth_user_1.ROLES, { each: true, message: `each of roles must be one of ${auth_user_1.ROLES.join(', ')}` }),
    __metadata("design:type", Array)
], UpdateUserDto.prototype, "roles", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, nullable: true, description: 'null clears it' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsEmail)({}, { message: 'email must be an e-mail address' }),
    (0, max_chars_1.MaxChars)(254),
    __metadata("design:type", Object)
], UpdateUserDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, nullable: true, description: 'null clears it' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", Object)
], UpdateUserDto.prototype, "agency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'true disables the account and ends its sessions; false enables it again (for new logins)' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], UpdateUserDto.prototype, "disabled", void 0);
class UserIdParamDto {
}
exports.UserIdParamDto = UserIdParamDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'id must be a UUID' }),
    __metadata("design:type", String)
], UserIdParamDto.prototype, "id", void 0);
class UserDto {
    static from(user, now) {
        return Object.assign(new UserDto(), {
            id: user.id,
            stateCode: user.stateCode,
            username: user.username,
            displayName: user.displayName,
            email: user.email,
            agency: user.agency,
            roles: user.roles,
            mfaEnabled: user.mfaEnabledAt !== null,
            disabled: user.disabledAt !== null,
            locked: user.lockedUntil !== null && user.lockedUntil > now,
            lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
            createdAt: user.createdAt.toISOString(),
        });
    }
}
exports.UserDto = UserDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], UserDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FRA' }),
    __metadata("design:type", String)
], UserDto.prototype, "stateCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], UserDto.prototype, "username", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], UserDto.prototype, "displayName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], UserDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], UserDto.prototype, "agency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: auth_user_1.ROLES, isArray: true }),
    __metadata("design:type", Array)
], UserDto.prototype, "roles", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], UserDto.prototype, "mfaEnabled", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], UserDto.prototype, "disabled", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Locked after repeated failed logins' }),
    __metadata("design:type", Boolean)
], UserDto.prototype, "locked", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, format: 'date-time', nullable: true }),
    __metadata("design:type", Object)
], UserDto.prototype, "lastLoginAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, format: 'date-time' }),
    __metadata("design:type", String)
], UserDto.prototype, "createdAt", void 0);
class UserPageDto {
}
exports.UserPageDto = UserPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [UserDto] }),
    __metadata("design:type", Array)
], UserPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], UserPageDto.prototype, "nextCursor", void 0);
//# sourceMappingURL=user.dto.js.map