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
exports.CustodyTransferDto = exports.LegalHoldParamsDto = exports.LegalHoldDto = exports.ListWeaponsQueryDto = exports.RecordEventDto = exports.CORRECTED_REFERENCES = exports.DescriptionCorrectionDto = exports.CLEARABLE_DESCRIPTION_FIELDS = exports.DESCRIPTION_FIELDS = exports.RegisterWeaponDto = exports.EventDetailsDto = exports.PartyDto = exports.MarkingInputDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("../../common/http/max-chars");
const instant_1 = require("../../common/http/instant");
const optional_1 = require("../../common/http/optional");
const pagination_1 = require("../../common/http/pagination");
const search_dto_1 = require("./search.dto");
const registry_constants_1 = require("../registry.constants");
const clock_1 = require("../../common/clock");
const transforms_1 = require("../../common/http/transforms");
const STATE = /^[A-Z]{3}$/;
/** Not after the current year where the year is furthest ahead (as event dates), read when the value is checked (a process runs across New Year). */
const NotAfterThisYear = (field) => (0, class_validator_1.ValidateBy)({
    name: 'notAfterThisYear',
    validator: {
        validate: (value) => typeof value !== 'number' || value <= Number((0, clock_1.latestDateAt)(new Date()).slice(0, 4)),
        defaultMessage: () => `${field} cannot be after this year`,
    },
});
class MarkingInputDto {
}
exports.MarkingInputDto = MarkingInputDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: registry_constants_1.MARKING_KINDS }),
    (0, class_validator_1.IsIn)(registry_constants_1.MARKING_KINDS, { message: `kind must be one of ${registry_constants_1.MARKING_KINDS.join(', ')}` }),
    __metadata("design:type", String)
], MarkingInputDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: registry_constants_1.COMPONENTS }),
    (0, class_validator_1.IsIn)(registry_constants_1.COMPONENTS, { message: `component must be one of ${registry_constants_1.COMPONENTS.join(', ')}` }),
    __metadata("design:type", String)
], MarkingInputDto.prototype, "component", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FN HERSTAL BELGIUM 1A23456', description: 'The marking as read' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(500),
    __metadata("design:type", String)
], MarkingInputDto.prototype, "text", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'FN Herstal' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], MarkingInputDto.prototype, "manufacturer", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'BEL', description: 'ISO 3166 alpha-3: country of manufacture, of import, or the transferring State' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(STATE, { message: 'country must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], MarkingInputDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '1A23456' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(64),
    __metadata("design:type", String)
], MarkingInputDto.prototype, "serial", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 2019 }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(registry_constants_1.EARLIEST_YEAR),
    NotAfterThisYear('year'),
    __metadata("design:type", Number)
], MarkingInputDto.prototype, "year", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Alternative unique marking of ITI 8(a): the symbols' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(64),
    __metadata("design:type", String)
], MarkingInputDto.prototype, "symbolCode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'stamped' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(32),
    __metadata("design:type", String)
], MarkingInputDto.prototype, "method", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [String], description: 'References of photos of the marking' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.IsString)({ each: true }),
    (0, max_chars_1.MaxChars)(500, { each: true }),
    __metadata("design:type", Array)
], MarkingInputDto.prototype, "photoRefs", void 0);
class PartyDto {
}
exports.PartyDto = PartyDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        example: 'buyer',
        description: 'Free text. The recipient of a transfer is read by its role (end user, then new holder, acquirer, buyer..., then importer, consignee, then owner, holder), '
            + 'else it is the last party not named as the one handing over (seller, exporter, transferor...): docs/tracing.md',
    }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(64),
    __metadata("design:type", String)
], PartyDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FN Herstal SA' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], PartyDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'BEL' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(STATE, { message: 'country must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], PartyDto.prototype, "country", void 0);
/** What every record event carries, the first one included. */
class EventDetailsDto {
}
exports.EventDetailsDto = EventDetailsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-03-14', description: 'Date of the event (YYYY-MM-DD)' }),
    (0, instant_1.IsCalendarDate)('occurredOn'),
    __metadata("design:type", String)
], EventDetailsDto.prototype, "occurredOn", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [PartyDto] }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.IsObject)({ each: true }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => PartyDto),
    __metadata("design:type", Array)
], EventDetailsDto.prototype, "parties", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'BE-EXP-2026-0042' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], EventDetailsDto.prototype, "licenceRef", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'End-user certificate or other authorisation' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], EventDetailsDto.prototype, "authorisationRef", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'BEL', description: 'Destination of an export, origin of an import' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(STATE, { message: 'counterpartState must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], EventDetailsDto.prototype, "counterpartState", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(2000),
    __metadata("design:type", String)
], EventDetailsDto.prototype, "notes", void 0);
class RegisterWeaponDto extends EventDetailsDto {
}
exports.RegisterWeaponDto = RegisterWeaponDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: registry_constants_1.ORIGIN_EVENTS, description: 'How the weapon enters the registry: its first event' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsIn)(registry_constants_1.ORIGIN_EVENTS, { message: `origin must be one of ${registry_constants_1.ORIGIN_EVENTS.join(', ')}` }),
    __metadata("design:type", String)
], RegisterWeaponDto.prototype, "origin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'assault_rifle', description: 'Code, name or alias from GET /reference/weapon-types (ITI para 4)' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], RegisterWeaponDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'FN', description: 'Matched to the reference manufacturers through their aliases; kept as given when unknown' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], RegisterWeaponDto.prototype, "manufacturer", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'FNC' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], RegisterWeaponDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '5.56 NATO' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], RegisterWeaponDto.prototype, "calibre", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '1A23456', description: 'Serial on the frame or receiver, as marked (may be partial)' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(64),
    __metadata("design:type", String)
], RegisterWeaponDto.prototype, "serial", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'BEL' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(STATE, { message: 'countryOfManufacture must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], RegisterWeaponDto.prototype, "countryOfManufacture", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 2019 }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(registry_constants_1.EARLIEST_YEAR),
    NotAfterThisYear('yearOfManufacture'),
    __metadata("design:type", Number)
], RegisterWeaponDto.prototype, "yearOfManufacture", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['in_service', 'government_stock', 'civilian_held'], description: 'Status after a manufactured or imported origin (default civilian_held)' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsIn)(['in_service', 'government_stock', 'civilian_held'], { message: 'status must be in_service, government_stock or civilian_held' }),
    __metadata("design:type", String)
], RegisterWeaponDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], RegisterWeaponDto.prototype, "holder", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Whose records these are (manufacturer or dealer); ITI 13' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], RegisterWeaponDto.prototype, "custodian", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], RegisterWeaponDto.prototype, "craftOr3dPrinted", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], RegisterWeaponDto.prototype, "modular", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], RegisterWeaponDto.prototype, "serialObliterated", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [MarkingInputDto] }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.IsObject)({ each: true }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => MarkingInputDto),
    __metadata("design:type", Array)
], RegisterWeaponDto.prototype, "markings", void 0);
/** The description of a weapon as registered, field by field: what a correction of its first event may correct. */
exports.DESCRIPTION_FIELDS = [
    'type', 'manufacturer', 'model', 'calibre', 'serial', 'countryOfManufacture', 'yearOfManufacture', 'craftOr3dPrinted', 'modular', 'serialObliterated',
];
/**
 * The description fields a correction may clear (null): a value recorded in error where the right one is not
 * known. The type is always known, and the flags are corrected to false rather than cleared.
 */
exports.CLEARABLE_DESCRIPTION_FIELDS = ['manufacturer', 'model', 'calibre', 'serial', 'countryOfManufacture', 'yearOfManufacture'];
const FIXED_DESCRIPTION_FIELDS = exports.DESCRIPTION_FIELDS.filter((field) => !exports.CLEARABLE_DESCRIPTION_FIELDS.includes(field));
/** Null is taken only for the fields a correction may clear (their checks skip it); the others refuse it. */
class DescriptionCorrectionDto extends (0, swagger_1.IntersectionType)((0, swagger_1.PartialType)((0, swagger_1.PickType)(RegisterWeaponDto, FIXED_DESCRIPTION_FIELDS), { skipNullProperties: false }), (0, swagger_1.PartialType)((0, swagger_1.PickType)(RegisterWeaponDto, exports.CLEARABLE_DESCRIPTION_FIELDS))) {
}
exports.DescriptionCorrectionDto = DescriptionCorrectionDto;
// Shown as nullable in the OpenAPI document (the mapped types keep each field's other metadata).
for (const field of exports.CLEARABLE_DESCRIPTION_FIELDS)
    (0, swagger_1.ApiPropertyOptional)({ nullable: true })(DescriptionCorrectionDto.prototype, field);
/** The references a correction may clear (the date is always given; parties are cleared with an empty list). */
exports.CORRECTED_REFERENCES = ['licenceRef', 'authorisationRef', 'counterpartState'];
class RecordEventDto extends EventDetailsDto {
}
exports.RecordEventDto = RecordEventDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: registry_constants_1.EVENT_TYPES.filter((t) => t !== 'manufactured') }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsIn)(registry_constants_1.EVENT_TYPES.filter((t) => t !== 'manufactured'), { message: 'type must be an event type other than manufactured (the first event)' }),
    __metadata("design:type", String)
], RecordEventDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['in_service', 'government_stock', 'civilian_held'], description: 'Status afterwards, for imported and transferred' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsIn)(['in_service', 'government_stock', 'civilian_held'], { message: 'statusAfter must be in_service, government_stock or civilian_held' }),
    __metadata("design:type", String)
], RecordEventDto.prototype, "statusAfter", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'For corrected: the event whose facts (date, parties, references, counterpart State) this one restates' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'correctsEventId must be a UUID' }),
    __metadata("design:type", String)
], RecordEventDto.prototype, "correctsEventId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'For corrected: the corrected event did not happen (recorded in error); the history reads without it and the status is replayed. occurredOn is then the day the error was established' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsBoolean)({ message: 'annuls must be true or false' }),
    __metadata("design:type", Boolean)
], RecordEventDto.prototype, "annuls", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: exports.CORRECTED_REFERENCES, isArray: true, description: 'For corrected: facts of the corrected event recorded in error that have no value; the others not given carry over' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(3),
    (0, class_validator_1.IsIn)(exports.CORRECTED_REFERENCES, { each: true, message: `clears must list some of ${exports.CORRECTED_REFERENCES.join(', ')}` }),
    __metadata("design:type", Array)
], RecordEventDto.prototype, "clears", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: () => DescriptionCorrectionDto,
        description: 'For corrected, of the record\'s first event: the description recorded in error, the fields given replacing those recorded (a serial mistyped, a wrong model...); '
            + `null clears one of ${exports.CLEARABLE_DESCRIPTION_FIELDS.join(', ')} (recorded in error, the right value not known). The rules are judged again; the correction keeps each change, from → to (null when cleared)`,
    }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsObject)({ message: 'description must be an object of the fields to correct' }),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => DescriptionCorrectionDto),
    __metadata("design:type", DescriptionCorrectionDto)
], RecordEventDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: [String],
        description: 'For corrected: markings of this weapon recorded in error (misread, mistyped), by id. They stay on the record as withdrawn by this correction and no longer count for the rules or the serial search; the right reading goes in markings',
    }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.lowerEach),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.ArrayUnique)({ message: 'withdrawsMarkings must not repeat a marking' }),
    (0, class_validator_1.IsUUID)('all', { each: true, message: 'withdrawsMarkings must list marking ids (UUIDs)' }),
    __metadata("design:type", Array)
], RecordEventDto.prototype, "withdrawsMarkings", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'For custody_transferred: the new custodian of the records' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], RecordEventDto.prototype, "custodian", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [MarkingInputDto], description: 'Markings applied with the event (import, transfer, seizure...)' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.IsObject)({ each: true }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => MarkingInputDto),
    __metadata("design:type", Array)
], RecordEventDto.prototype, "markings", void 0);
/** GET /weapons: every record that passes the filters, oldest first, a page at a time (a search ranks the best 100 at most). */
class ListWeaponsQueryDto extends (0, swagger_1.IntersectionType)(pagination_1.PageQueryDto, search_dto_1.WeaponFiltersDto) {
}
exports.ListWeaponsQueryDto = ListWeaponsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: registry_constants_1.WEAPON_STATUSES }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsIn)(registry_constants_1.WEAPON_STATUSES, { message: `status must be one of ${registry_constants_1.WEAPON_STATUSES.join(', ')}` }),
    __metadata("design:type", String)
], ListWeaponsQueryDto.prototype, "status", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    __metadata("design:type", Number)
], ListWeaponsQueryDto.prototype, "yearFrom", void 0);
__decorate([
    (0, class_transformer_1.Type)(() => Number),
    __metadata("design:type", Number)
], ListWeaponsQueryDto.prototype, "yearTo", void 0);
class LegalHoldDto {
}
exports.LegalHoldDto = LegalHoldDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Court order 2026/118' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(500),
    __metadata("design:type", String)
], LegalHoldDto.prototype, "reason", void 0);
class LegalHoldParamsDto {
}
exports.LegalHoldParamsDto = LegalHoldParamsDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'id must be a UUID' }),
    __metadata("design:type", String)
], LegalHoldParamsDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'holdId must be a UUID' }),
    __metadata("design:type", String)
], LegalHoldParamsDto.prototype, "holdId", void 0);
class CustodyTransferDto {
}
exports.CustodyTransferDto = CustodyTransferDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Acme Arms Ltd', description: 'The closing manufacturer or dealer, as recorded in custodian' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], CustodyTransferDto.prototype, "fromCustodian", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01' }),
    (0, instant_1.IsCalendarDate)('occurredOn'),
    __metadata("design:type", String)
], CustodyTransferDto.prototype, "occurredOn", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Company dissolved; records handed to the national firearms authority' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(2000),
    __metadata("design:type", String)
], CustodyTransferDto.prototype, "notes", void 0);
//# sourceMappingURL=weapon.dto.js.map