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
exports.TraceIdParamDto = exports.ListTracesQueryDto = exports.FollowUpDto = exports.WithdrawTraceDto = exports.CloseTraceDto = exports.RecordAnswerDto = exports.ReceivedOutsideDto = exports.AnswerTraceDto = exports.ChainLinkDto = exports.ReasonDto = exports.UpdateTraceDto = exports.PhotoParamDto = exports.PhotoQueryDto = exports.CreateTraceDto = exports.BallisticsDto = exports.OnBehalfOfDto = exports.RecoveryDto = exports.ObservedWeaponDto = exports.ObservedMarkingDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("../../common/http/max-chars");
const instant_1 = require("../../common/http/instant");
const optional_1 = require("../../common/http/optional");
const pagination_1 = require("../../common/http/pagination");
const transforms_1 = require("../../common/http/transforms");
const cases_constants_1 = require("../../cases/cases.constants");
const registry_constants_1 = require("../../registry/registry.constants");
const tracing_constants_1 = require("../tracing.constants");
const STATE = /^[A-Z]{3}$/;
const oneOf = (field, values) => ({ message: `${field} must be one of ${values.join(', ')}` });
class ObservedMarkingDto {
}
exports.ObservedMarkingDto = ObservedMarkingDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: registry_constants_1.COMPONENTS }),
    (0, class_validator_1.IsIn)(registry_constants_1.COMPONENTS, oneOf('component', registry_constants_1.COMPONENTS)),
    __metadata("design:type", String)
], ObservedMarkingDto.prototype, "component", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'GLOCK AUSTRIA BXR123' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(500),
    __metadata("design:type", String)
], ObservedMarkingDto.prototype, "text", void 0);
class ObservedWeaponDto {
}
exports.ObservedWeaponDto = ObservedWeaponDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'self-loading pistol' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], ObservedWeaponDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '9mm Luger' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], ObservedWeaponDto.prototype, "calibre", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Glock' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], ObservedWeaponDto.prototype, "make", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '17' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], ObservedWeaponDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'BXR123' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(64),
    __metadata("design:type", String)
], ObservedWeaponDto.prototype, "serial", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: false, description: 'The serial is obliterated; give what could be read in serialReadable' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], ObservedWeaponDto.prototype, "serialObliterated", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'BX?12*', description: '`?` one unreadable character, `*` an unreadable run' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(64),
    __metadata("design:type", String)
], ObservedWeaponDto.prototype, "serialReadable", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'AUT' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(STATE, { message: 'countryOfManufacture must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], ObservedWeaponDto.prototype, "countryOfManufacture", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 2015 }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1800),
    (0, class_validator_1.Max)(2100),
    __metadata("design:type", Number)
], ObservedWeaponDto.prototype, "yearOfManufacture", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ObservedMarkingDto], description: 'Every marking read on the weapon, at least one' }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1, { message: 'markings must list at least one marking as read' }),
    (0, class_validator_1.ArrayMaxSize)(30),
    (0, class_validator_1.IsObject)({ each: true }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => ObservedMarkingDto),
    __metadata("design:type", Array)
], ObservedWeaponDto.prototype, "markings", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [String], description: 'References of photos of each marking' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(30),
    (0, class_validator_1.IsString)({ each: true }),
    (0, max_chars_1.MaxChars)(500, { each: true }),
    __metadata("design:type", Array)
], ObservedWeaponDto.prototype, "photoRefs", void 0);
class RecoveryDto {
}
exports.RecoveryDto = RecoveryDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-10-02' }),
    (0, instant_1.IsCalendarDate)('date'),
    __metadata("design:type", String)
], RecoveryDto.prototype, "date", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Marseille, port of La Joliette' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(300),
    __metadata("design:type", String)
], RecoveryDto.prototype, "place", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Seized during a search of a vehicle' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(4000),
    __metadata("design:type", String)
], RecoveryDto.prototype, "context", void 0);
class OnBehalfOfDto {
}
exports.OnBehalfOfDto = OnBehalfOfDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['un_mission', 'regional_organisation'] }),
    (0, class_validator_1.IsIn)(['un_mission', 'regional_organisation'], oneOf('kind', ['un_mission', 'regional_organisation'])),
    __metadata("design:type", String)
], OnBehalfOfDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'MINUSCA' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], OnBehalfOfDto.prototype, "organisation", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'CAF/MJ/2026-114', description: "The host State's consent to this request" }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], OnBehalfOfDto.prototype, "consentReference", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-10-05' }),
    (0, instant_1.IsCalendarDate)('consentGivenOn'),
    __metadata("design:type", String)
], OnBehalfOfDto.prototype, "consentGivenOn", void 0);
class BallisticsDto {
}
exports.BallisticsDto = BallisticsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'IBIN' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], BallisticsDto.prototype, "database", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FR-2026-000731' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], BallisticsDto.prototype, "recordNumber", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Whether the ballistic data itself may be exchanged' }),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], BallisticsDto.prototype, "exchangeable", void 0);
class CreateTraceDto {
}
exports.CreateTraceDto = CreateTraceDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'AUT', description: 'The State asked. Default with weaponId: the country of import of its import marking, else its country of manufacture' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(STATE, { message: 'requestedState must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], CreateTraceDto.prototype, "requestedState", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'A weapon of your registry: the observed weapon is prefilled from it' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'weaponId must be a UUID' }),
    __metadata("design:type", String)
], CreateTraceDto.prototype, "weaponId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Police judiciaire, Marseille' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], CreateTraceDto.prototype, "requestingAuthority", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: tracing_constants_1.CHANNELS }),
    (0, class_validator_1.IsIn)(tracing_constants_1.CHANNELS, oneOf('channel', tracing_constants_1.CHANNELS)),
    __metadata("design:type", String)
], CreateTraceDto.prototype, "channel", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: tracing_constants_1.PRIORITIES }),
    (0, class_validator_1.IsIn)(tracing_constants_1.PRIORITIES, oneOf('priority', tracing_constants_1.PRIORITIES)),
    __metadata("design:type", String)
], CreateTraceDto.prototype, "priority", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Required when priority is urgent' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(2000),
    __metadata("design:type", String)
], CreateTraceDto.prototype, "urgentJustification", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: tracing_constants_1.ILLICIT_BASES, isArray: true, description: 'ITI para 6: at least one' }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1, { message: 'illicitBasis must name at least one ITI para 6 criterion' }),
    (0, class_validator_1.ArrayMaxSize)(tracing_constants_1.ILLICIT_BASES.length),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.IsIn)(tracing_constants_1.ILLICIT_BASES, { each: true, ...oneOf('illicitBasis', tracing_constants_1.ILLICIT_BASES) }),
    __metadata("design:type", Array)
], CreateTraceDto.prototype, "illicitBasis", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Code pénal, art. 222-52; seizure order 2026/118' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(4000),
    __metadata("design:type", String)
], CreateTraceDto.prototype, "legalJustification", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: RecoveryDto }),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => RecoveryDto),
    __metadata("design:type", RecoveryDto)
], CreateTraceDto.prototype, "recovery", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Criminal investigation into arms trafficking' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(2000),
    __metadata("design:type", String)
], CreateTraceDto.prototype, "intendedUse", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: tracing_constants_1.CLASSIFICATIONS, default: 'restricted' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsIn)(tracing_constants_1.CLASSIFICATIONS, oneOf('classification', tracing_constants_1.CLASSIFICATIONS)),
    __metadata("design:type", String)
], CreateTraceDto.prototype, "classification", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: true }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateTraceDto.prototype, "confidentialityRequested", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: tracing_constants_1.HANDLING_CODES, isArray: true, default: ['law_enforcement_only'] }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(tracing_constants_1.HANDLING_CODES.length),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.IsIn)(tracing_constants_1.HANDLING_CODES, { each: true, ...oneOf('useRestrictions', tracing_constants_1.HANDLING_CODES) }),
    __metadata("design:type", Array)
], CreateTraceDto.prototype, "useRestrictions", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: ObservedWeaponDto, description: 'Required unless weaponId is given' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => ObservedWeaponDto),
    __metadata("design:type", ObservedWeaponDto)
], CreateTraceDto.prototype, "weapon", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: OnBehalfOfDto, description: 'A UN mission or regional organisation asking on behalf of your State, with its consent' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => OnBehalfOfDto),
    __metadata("design:type", OnBehalfOfDto)
], CreateTraceDto.prototype, "onBehalfOf", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: BallisticsDto }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => BallisticsDto),
    __metadata("design:type", BallisticsDto)
], CreateTraceDto.prototype, "ballistics", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'A case file of your State this request relates to (you must be one of its members); the link itself never leaves your State' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'caseId must be a UUID' }),
    __metadata("design:type", String)
], CreateTraceDto.prototype, "caseId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: cases_constants_1.CASE_FIELDS, isArray: true, default: [], description: 'The fields of the case that go with the request: only these leave your State' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(cases_constants_1.CASE_FIELDS.length),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.IsIn)(cases_constants_1.CASE_FIELDS, { each: true, ...oneOf('disclose', cases_constants_1.CASE_FIELDS) }),
    __metadata("design:type", Array)
], CreateTraceDto.prototype, "disclose", void 0);
class PhotoQueryDto {
}
exports.PhotoQueryDto = PhotoQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: registry_constants_1.COMPONENTS }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsIn)(registry_constants_1.COMPONENTS, oneOf('component', registry_constants_1.COMPONENTS)),
    __metadata("design:type", String)
], PhotoQueryDto.prototype, "component", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Serial on the left side of the receiver' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(300),
    __metadata("design:type", String)
], PhotoQueryDto.prototype, "caption", void 0);
class PhotoParamDto {
}
exports.PhotoParamDto = PhotoParamDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'id must be a UUID' }),
    __metadata("design:type", String)
], PhotoParamDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'photoId must be a UUID' }),
    __metadata("design:type", String)
], PhotoParamDto.prototype, "photoId", void 0);
/** Every field may be left out; null is refused, except where it clears an optional part. */
class UpdateTraceDto extends (0, swagger_1.PartialType)((0, swagger_1.OmitType)(CreateTraceDto, ['weaponId', 'urgentJustification', 'onBehalfOf', 'ballistics']), { skipNullProperties: false }) {
}
exports.UpdateTraceDto = UpdateTraceDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, nullable: true, description: 'null clears it' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(2000),
    __metadata("design:type", Object)
], UpdateTraceDto.prototype, "urgentJustification", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: OnBehalfOfDto, nullable: true, description: 'null clears it' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => OnBehalfOfDto),
    __metadata("design:type", Object)
], UpdateTraceDto.prototype, "onBehalfOf", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: BallisticsDto, nullable: true, description: 'null clears it' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => BallisticsDto),
    __metadata("design:type", Object)
], UpdateTraceDto.prototype, "ballistics", void 0);
class ReasonDto {
}
exports.ReasonDto = ReasonDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'The legal justification does not name the seizure order' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(4000),
    __metadata("design:type", String)
], ReasonDto.prototype, "text", void 0);
class ChainLinkDto {
}
exports.ChainLinkDto = ChainLinkDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'exported' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(40),
    __metadata("design:type", String)
], ChainLinkDto.prototype, "event", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2019-03-01' }),
    (0, optional_1.Optional)(),
    (0, instant_1.IsCalendarDate)('date'),
    __metadata("design:type", String)
], ChainLinkDto.prototype, "date", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'AUT' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(STATE, { message: 'state must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], ChainLinkDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'FRA' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(STATE, { message: 'counterpartState must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], ChainLinkDto.prototype, "counterpartState", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'EXP-2019-0042' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], ChainLinkDto.prototype, "licenceRef", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Armes de France SARL' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], ChainLinkDto.prototype, "party", void 0);
class AnswerTraceDto {
}
exports.AnswerTraceDto = AnswerTraceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: tracing_constants_1.OUTCOMES }),
    (0, class_validator_1.IsIn)(tracing_constants_1.OUTCOMES, oneOf('outcome', tracing_constants_1.OUTCOMES)),
    __metadata("design:type", String)
], AnswerTraceDto.prototype, "outcome", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: tracing_constants_1.REASON_CODES, description: 'Required unless the outcome is full' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsIn)(tracing_constants_1.REASON_CODES, oneOf('reasonCode', tracing_constants_1.REASON_CODES)),
    __metadata("design:type", String)
], AnswerTraceDto.prototype, "reasonCode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Required unless the outcome is full' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(4000),
    __metadata("design:type", String)
], AnswerTraceDto.prototype, "reasonText", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-12-31', description: 'Required when the outcome is delayed' }),
    (0, optional_1.Optional)(),
    (0, instant_1.IsCalendarDate)('expectedDate'),
    __metadata("design:type", String)
], AnswerTraceDto.prototype, "expectedDate", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], AnswerTraceDto.prototype, "recordFound", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'A weapon of your registry: the chain, last legal holder and next State are prefilled from its history' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'weaponId must be a UUID' }),
    __metadata("design:type", String)
], AnswerTraceDto.prototype, "weaponId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [ChainLinkDto] }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(50),
    (0, class_validator_1.IsObject)({ each: true }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => ChainLinkDto),
    __metadata("design:type", Array)
], AnswerTraceDto.prototype, "chain", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(300),
    __metadata("design:type", String)
], AnswerTraceDto.prototype, "lastLegalHolder", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'FRA', description: 'The next State to ask' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(STATE, { message: 'nextState must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], AnswerTraceDto.prototype, "nextState", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: tracing_constants_1.HANDLING_CODES, isArray: true }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(tracing_constants_1.HANDLING_CODES.length),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.IsIn)(tracing_constants_1.HANDLING_CODES, { each: true, ...oneOf('useRestrictions', tracing_constants_1.HANDLING_CODES) }),
    __metadata("design:type", Array)
], AnswerTraceDto.prototype, "useRestrictions", void 0);
/** What a requested State not hosted on this node sent outside the system: when it came, how, under which reference. */
class ReceivedOutsideDto {
}
exports.ReceivedOutsideDto = ReceivedOutsideDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-20T09:30:00Z', description: 'When it was received: not before the request was sent, not in the future' }),
    (0, instant_1.IsInstant)('receivedAt'),
    __metadata("design:type", String)
], ReceivedOutsideDto.prototype, "receivedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: tracing_constants_1.CHANNELS, description: 'How it came: direct (from the NPC, by e-mail or letter), interpol or diplomatic' }),
    (0, class_validator_1.IsIn)(tracing_constants_1.CHANNELS, oneOf('via', tracing_constants_1.CHANNELS)),
    __metadata("design:type", String)
], ReceivedOutsideDto.prototype, "via", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'INTERPOL 2026/4411', description: 'Its reference: a message number, a note verbale' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], ReceivedOutsideDto.prototype, "reference", void 0);
/** An answer received outside the system, as the requested State gave it (the requester holds none of its records). */
class RecordAnswerDto extends (0, swagger_1.IntersectionType)((0, swagger_1.OmitType)(AnswerTraceDto, ['weaponId']), ReceivedOutsideDto) {
}
exports.RecordAnswerDto = RecordAnswerDto;
class CloseTraceDto {
}
exports.CloseTraceDto = CloseTraceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: tracing_constants_1.CLOSE_REASONS }),
    (0, class_validator_1.IsIn)(tracing_constants_1.CLOSE_REASONS, oneOf('reason', tracing_constants_1.CLOSE_REASONS)),
    __metadata("design:type", String)
], CloseTraceDto.prototype, "reason", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(4000),
    __metadata("design:type", String)
], CloseTraceDto.prototype, "note", void 0);
/** A request never sent is withdrawn with a note, at most: its reason is `withdrawn`. */
class WithdrawTraceDto extends (0, swagger_1.PickType)(CloseTraceDto, ['note']) {
}
exports.WithdrawTraceDto = WithdrawTraceDto;
class FollowUpDto {
}
exports.FollowUpDto = FollowUpDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'FRA', description: 'Default: the next State named by the answer' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(STATE, { message: 'requestedState must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], FollowUpDto.prototype, "requestedState", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: true, description: 'Tell the next State what the answer reported. Refused (403 RESTRICTED_INFORMATION) when the answer is marked no_onward_disclosure' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], FollowUpDto.prototype, "carryAnswer", void 0);
class ListTracesQueryDto extends pagination_1.PageQueryDto {
}
exports.ListTracesQueryDto = ListTracesQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: tracing_constants_1.TRACE_DIRECTIONS }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsIn)(tracing_constants_1.TRACE_DIRECTIONS, oneOf('direction', tracing_constants_1.TRACE_DIRECTIONS)),
    __metadata("design:type", String)
], ListTracesQueryDto.prototype, "direction", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: tracing_constants_1.TRACE_STATUSES }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsIn)(tracing_constants_1.TRACE_STATUSES, oneOf('status', tracing_constants_1.TRACE_STATUSES)),
    __metadata("design:type", String)
], ListTracesQueryDto.prototype, "status", void 0);
class TraceIdParamDto {
}
exports.TraceIdParamDto = TraceIdParamDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'id must be a UUID' }),
    __metadata("design:type", String)
], TraceIdParamDto.prototype, "id", void 0);
//# sourceMappingURL=trace.dto.js.map