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
exports.MeDto = exports.MfaEnrollmentDto = exports.LoginResponseDto = exports.TokensDto = exports.RefreshDto = exports.MfaCodeDto = exports.MfaLoginDto = exports.MfaEnrollDto = exports.LoginDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("../../common/http/max-chars");
const auth_user_1 = require("../../common/auth/auth-user");
class LoginDto {
}
exports.LoginDto = LoginDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'fra.officer' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(64),
    __metadata("design:type", String)
], LoginDto.prototype, "username", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'correct horse battery staple' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, class_validator_1.MaxLength)(256),
    __metadata("design:type", String)
], LoginDto.prototype, "password", void 0);
/** Enrolling a second factor: the account's password, asked again. */
class MfaEnrollDto extends (0, swagger_1.PickType)(LoginDto, ['password']) {
}
exports.MfaEnrollDto = MfaEnrollDto;
class MfaLoginDto {
}
exports.MfaLoginDto = MfaLoginDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'mfaToken from POST /auth/login' }),
    (0, class_validator_1.IsJWT)({ message: 'mfaToken must be the token returned by login' }),
    __metadata("design:type", String)
], MfaLoginDto.prototype, "mfaToken", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '123456' }),
    (0, class_validator_1.Matches)(/^\d{6}$/, { message: 'code must be the 6 digits shown by the authenticator app' }),
    __metadata("design:type", String)
], MfaLoginDto.prototype, "code", void 0);
class MfaCodeDto {
}
exports.MfaCodeDto = MfaCodeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '123456' }),
    (0, class_validator_1.Matches)(/^\d{6}$/, { message: 'code must be the 6 digits shown by the authenticator app' }),
    __metadata("design:type", String)
], MfaCodeDto.prototype, "code", void 0);
class RefreshDto {
}
exports.RefreshDto = RefreshDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], RefreshDto.prototype, "refreshToken", void 0);
class TokensDto {
}
exports.TokensDto = TokensDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TokensDto.prototype, "accessToken", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TokensDto.prototype, "refreshToken", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Bearer' }),
    __metadata("design:type", String)
], TokensDto.prototype, "tokenType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Seconds until the access token expires' }),
    __metadata("design:type", Number)
], TokensDto.prototype, "expiresIn", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'The account must enrol MFA before it can do anything else' }),
    __metadata("design:type", Boolean)
], TokensDto.prototype, "mfaEnrollmentRequired", void 0);
class LoginResponseDto {
}
exports.LoginResponseDto = LoginResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'True: send the mfaToken and a TOTP code to POST /auth/mfa' }),
    __metadata("design:type", Boolean)
], LoginResponseDto.prototype, "mfaRequired", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    __metadata("design:type", String)
], LoginResponseDto.prototype, "mfaToken", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    __metadata("design:type", String)
], LoginResponseDto.prototype, "accessToken", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    __metadata("design:type", String)
], LoginResponseDto.prototype, "refreshToken", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    __metadata("design:type", String)
], LoginResponseDto.prototype, "tokenType", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    __metadata("design:type", Number)
], LoginResponseDto.prototype, "expiresIn", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    __metadata("design:type", Boolean)
], LoginResponseDto.prototype, "mfaEnrollmentRequired", void 0);
class MfaEnrollmentDto {
}
exports.MfaEnrollmentDto = MfaEnrollmentDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Base32 TOTP secret, to type into an authenticator app' }),
    __metadata("design:type", String)
], MfaEnrollmentDto.prototype, "secret", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'otpauth:// URI, to show as a QR code' }),
    __metadata("design:type", String)
], MfaEnrollmentDto.prototype, "otpauthUri", void 0);
class MeDto {
}
exports.MeDto = MeDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MeDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MeDto.prototype, "username", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MeDto.prototype, "displayName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FRA' }),
    __metadata("design:type", String)
], MeDto.prototype, "stateCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'France' }),
    __metadata("design:type", String)
], MeDto.prototype, "stateName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: auth_user_1.ROLES, isArray: true }),
    __metadata("design:type", Array)
], MeDto.prototype, "roles", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], MeDto.prototype, "agency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], MeDto.prototype, "mfaEnabled", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'MFA is required for this account' }),
    __metadata("design:type", Boolean)
], MeDto.prototype, "mfaRequired", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, format: 'date-time' }),
    __metadata("design:type", String)
], MeDto.prototype, "sessionExpiresAt", void 0);
//# sourceMappingURL=auth.dto.js.map