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
exports.CaseDto = exports.CaseContentDto = exports.CasePersonResponseDto = exports.IdentityDocumentResponseDto = exports.CaseReadDto = exports.CaseMemberDto = exports.CaseIdParamDto = exports.AddCaseMemberDto = exports.CreateCaseDto = exports.CasePersonDto = exports.IdentityDocumentDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("../../common/http/max-chars");
const instant_1 = require("../../common/http/instant");
const optional_1 = require("../../common/http/optional");
const transforms_1 = require("../../common/http/transforms");
const tracing_constants_1 = require("../../tracing/tracing.constants");
class IdentityDocumentDto {
}
exports.IdentityDocumentDto = IdentityDocumentDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'passport' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(60),
    __metadata("design:type", String)
], IdentityDocumentDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '12AB34567' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(60),
    __metadata("design:type", String)
], IdentityDocumentDto.prototype, "number", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'FRA' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(/^[A-Z]{3}$/, { message: 'issuingState must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], IdentityDocumentDto.prototype, "issuingState", void 0);
class CasePersonDto {
}
exports.CasePersonDto = CasePersonDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Jean Dupont' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], CasePersonDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '1980-04-12' }),
    (0, optional_1.Optional)(),
    (0, instant_1.IsCalendarDate)('dateOfBirth'),
    __metadata("design:type", String)
], CasePersonDto.prototype, "dateOfBirth", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'suspect' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(60),
    __metadata("design:type", String)
], CasePersonDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [IdentityDocumentDto] }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(10),
    (0, class_validator_1.IsObject)({ each: true }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => IdentityDocumentDto),
    __metadata("design:type", Array)
], CasePersonDto.prototype, "identityDocuments", void 0);
class CreateCaseDto {
}
exports.CreateCaseDto = CreateCaseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'PJ-2026-00412', description: 'The investigation\'s own reference' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(100),
    __metadata("design:type", String)
], CreateCaseDto.prototype, "reference", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Armed robbery' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(300),
    __metadata("design:type", String)
], CreateCaseDto.prototype, "offence", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Pistol seized at the arrest of the suspect…' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(20000),
    __metadata("design:type", String)
], CreateCaseDto.prototype, "narrative", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CasePersonDto] }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(50),
    (0, class_validator_1.IsObject)({ each: true }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => CasePersonDto),
    __metadata("design:type", Array)
], CreateCaseDto.prototype, "persons", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Marseille, quai du Port' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(300),
    __metadata("design:type", String)
], CreateCaseDto.prototype, "placeOfRecovery", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Police judiciaire, Marseille' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], CreateCaseDto.prototype, "investigatingAgency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: tracing_constants_1.CLASSIFICATIONS, default: 'confidential' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsIn)(tracing_constants_1.CLASSIFICATIONS, { message: `classification must be one of ${tracing_constants_1.CLASSIFICATIONS.join(', ')}` }),
    __metadata("design:type", String)
], CreateCaseDto.prototype, "classification", void 0);
class AddCaseMemberDto {
}
exports.AddCaseMemberDto = AddCaseMemberDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'A user of your State holding the officer or npc role' }),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'userId must be a UUID' }),
    __metadata("design:type", String)
], AddCaseMemberDto.prototype, "userId", void 0);
class CaseIdParamDto {
}
exports.CaseIdParamDto = CaseIdParamDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'id must be a UUID' }),
    __metadata("design:type", String)
], CaseIdParamDto.prototype, "id", void 0);
class CaseMemberDto {
}
exports.CaseMemberDto = CaseMemberDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseMemberDto.prototype, "userId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseMemberDto.prototype, "addedBy", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseMemberDto.prototype, "addedAt", void 0);
class CaseReadDto {
}
exports.CaseReadDto = CaseReadDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], CaseReadDto.prototype, "userId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseReadDto.prototype, "at", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['success', 'failure', 'denied'] }),
    __metadata("design:type", String)
], CaseReadDto.prototype, "outcome", void 0);
class IdentityDocumentResponseDto {
}
exports.IdentityDocumentResponseDto = IdentityDocumentResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], IdentityDocumentResponseDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], IdentityDocumentResponseDto.prototype, "number", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], IdentityDocumentResponseDto.prototype, "issuingState", void 0);
class CasePersonResponseDto {
}
exports.CasePersonResponseDto = CasePersonResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CasePersonResponseDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], CasePersonResponseDto.prototype, "dateOfBirth", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], CasePersonResponseDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [IdentityDocumentResponseDto] }),
    __metadata("design:type", Array)
], CasePersonResponseDto.prototype, "identityDocuments", void 0);
class CaseContentDto {
}
exports.CaseContentDto = CaseContentDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseContentDto.prototype, "reference", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseContentDto.prototype, "offence", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseContentDto.prototype, "narrative", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CasePersonResponseDto] }),
    __metadata("design:type", Array)
], CaseContentDto.prototype, "persons", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseContentDto.prototype, "placeOfRecovery", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseContentDto.prototype, "investigatingAgency", void 0);
class CaseDto {
}
exports.CaseDto = CaseDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseDto.prototype, "stateCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: tracing_constants_1.CLASSIFICATIONS }),
    __metadata("design:type", String)
], CaseDto.prototype, "classification", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseDto.prototype, "createdBy", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CaseDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CaseMemberDto] }),
    __metadata("design:type", Array)
], CaseDto.prototype, "members", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: CaseContentDto, nullable: true, description: 'For members only' }),
    __metadata("design:type", Object)
], CaseDto.prototype, "content", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CaseReadDto], nullable: true, description: 'Who read the content, for auditors only: the latest 1,000 reads, oldest first' }),
    __metadata("design:type", Object)
], CaseDto.prototype, "reads", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: Boolean, nullable: true,
        description: 'For auditors: there were reads before those listed (GET /audit/events?targetType=case&targetId=…&action=case.content_read lists them all)',
    }),
    __metadata("design:type", Object)
], CaseDto.prototype, "earlierReads", void 0);
//# sourceMappingURL=case.dto.js.map