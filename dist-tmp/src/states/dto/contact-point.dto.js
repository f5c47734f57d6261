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
exports.ContactPointPageDto = exports.ContactPointDto = exports.ContactPointParamsDto = exports.UpdateContactPointDto = exports.CreateContactPointDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("../../common/http/max-chars");
const instant_1 = require("../../common/http/instant");
const optional_1 = require("../../common/http/optional");
const state_dto_1 = require("./state.dto");
const transforms_1 = require("../../common/http/transforms");
class CreateContactPointDto {
}
exports.CreateContactPointDto = CreateContactPointDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Bureau des armes' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], CreateContactPointDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Office central de lutte contre le crime organisé' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], CreateContactPointDto.prototype, "agency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'npc@interieur.gouv.fr' })
    // Lower-cased before the checks, as stored: a lower case can be longer (İ is two characters).
    ,
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsEmail)({}, { message: 'email must be an e-mail address' }),
    (0, max_chars_1.MaxChars)(254),
    __metadata("design:type", String)
], CreateContactPointDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, nullable: true, example: '+33 1 49 27 49 27' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^\+?[0-9][0-9 ().-]{5,30}$/, { message: 'phone must be a telephone number (digits, spaces, + ( ) . -)' }),
    __metadata("design:type", Object)
], CreateContactPointDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: ['fr', 'en'], description: 'ISO 639-1 language codes' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.Matches)(/^[a-z]{2}$/, { each: true, message: 'each of languages must be an ISO 639-1 code such as "fr"' }),
    __metadata("design:type", Array)
], CreateContactPointDto.prototype, "languages", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, format: 'date-time', nullable: true, example: '2026-11-01T00:00:00Z', description: 'When the details were last confirmed' }),
    (0, class_validator_1.IsOptional)(),
    (0, instant_1.IsInstant)('verifiedAt'),
    __metadata("design:type", Object)
], CreateContactPointDto.prototype, "verifiedAt", void 0);
class UpdateContactPointDto {
}
exports.UpdateContactPointDto = UpdateContactPointDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], UpdateContactPointDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], UpdateContactPointDto.prototype, "agency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsEmail)({}, { message: 'email must be an e-mail address' }),
    (0, max_chars_1.MaxChars)(254),
    __metadata("design:type", String)
], UpdateContactPointDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, nullable: true, description: 'null clears it' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^\+?[0-9][0-9 ().-]{5,30}$/, { message: 'phone must be a telephone number (digits, spaces, + ( ) . -)' }),
    __metadata("design:type", Object)
], UpdateContactPointDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: ['fr', 'en'], description: 'ISO 639-1 language codes' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.Matches)(/^[a-z]{2}$/, { each: true, message: 'each of languages must be an ISO 639-1 code such as "fr"' }),
    __metadata("design:type", Array)
], UpdateContactPointDto.prototype, "languages", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, format: 'date-time', nullable: true, description: 'null clears it' }),
    (0, class_validator_1.IsOptional)(),
    (0, instant_1.IsInstant)('verifiedAt'),
    __metadata("design:type", Object)
], UpdateContactPointDto.prototype, "verifiedAt", void 0);
class ContactPointParamsDto extends state_dto_1.StateCodeParamDto {
}
exports.ContactPointParamsDto = ContactPointParamsDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'id must be a UUID' }),
    __metadata("design:type", String)
], ContactPointParamsDto.prototype, "id", void 0);
class ContactPointDto {
    static from(entity) {
        return Object.assign(new ContactPointDto(), {
            id: entity.id,
            stateCode: entity.stateCode,
            name: entity.name,
            agency: entity.agency,
            email: entity.email,
            phone: entity.phone,
            languages: entity.languages,
            verifiedAt: entity.verifiedAt?.toISOString() ?? null,
            updatedAt: entity.updatedAt.toISOString(),
        });
    }
}
exports.ContactPointDto = ContactPointDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ContactPointDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FRA' }),
    __metadata("design:type", String)
], ContactPointDto.prototype, "stateCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ContactPointDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ContactPointDto.prototype, "agency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ContactPointDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], ContactPointDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], ContactPointDto.prototype, "languages", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, format: 'date-time', nullable: true }),
    __metadata("design:type", Object)
], ContactPointDto.prototype, "verifiedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, format: 'date-time' }),
    __metadata("design:type", String)
], ContactPointDto.prototype, "updatedAt", void 0);
class ContactPointPageDto {
}
exports.ContactPointPageDto = ContactPointPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ContactPointDto] }),
    __metadata("design:type", Array)
], ContactPointPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], ContactPointPageDto.prototype, "nextCursor", void 0);
//# sourceMappingURL=contact-point.dto.js.map