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
exports.AddManufacturerDto = exports.AddReferenceDto = exports.ManufacturerPageDto = exports.CalibrePageDto = exports.WeaponTypePageDto = exports.ManufacturerDto = exports.CalibreDto = exports.WeaponTypeDto = exports.ReferenceQueryDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("../../common/http/max-chars");
const optional_1 = require("../../common/http/optional");
const pagination_1 = require("../../common/http/pagination");
const transforms_1 = require("../../common/http/transforms");
const reference_key_1 = require("../reference-key");
/** A name is matched by its letters and digits, Cyrillic and Greek spelled in Latin (referenceKey): one without any would match nothing. */
const Matchable = (options) => (0, class_validator_1.ValidateBy)({
    name: 'matchable',
    validator: {
        validate: (value) => typeof value !== 'string' || (0, reference_key_1.referenceKey)(value) !== '',
        defaultMessage: (args) => `${args?.property === 'aliases' ? 'aliases must each' : `${args?.property ?? 'name'} must`} hold a Latin, Cyrillic or Greek letter or a digit: names are matched by them, so give a name in another script in one of these (Norinco for 北方工业)`,
    },
}, options);
class ReferenceQueryDto extends pagination_1.PageQueryDto {
}
exports.ReferenceQueryDto = ReferenceQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Free text matched against names and aliases (case, spaces and punctuation ignored)' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], ReferenceQueryDto.prototype, "q", void 0);
class WeaponTypeDto {
}
exports.WeaponTypeDto = WeaponTypeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'assault_rifle' }),
    __metadata("design:type", String)
], WeaponTypeDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Assault rifle' }),
    __metadata("design:type", String)
], WeaponTypeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['small_arm', 'light_weapon'] }),
    __metadata("design:type", String)
], WeaponTypeDto.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], WeaponTypeDto.prototype, "aliases", void 0);
class CalibreDto {
}
exports.CalibreDto = CalibreDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '9x19mm' }),
    __metadata("design:type", String)
], CalibreDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '9×19 mm Parabellum' }),
    __metadata("design:type", String)
], CalibreDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], CalibreDto.prototype, "aliases", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: Number, nullable: true }),
    __metadata("design:type", Object)
], CalibreDto.prototype, "diameterMm", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], CalibreDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Added by this State\'s registrars (not shipped)' }),
    __metadata("design:type", Boolean)
], CalibreDto.prototype, "addedByState", void 0);
class ManufacturerDto {
}
exports.ManufacturerDto = ManufacturerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'fn-herstal' }),
    __metadata("design:type", String)
], ManufacturerDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FN Herstal' }),
    __metadata("design:type", String)
], ManufacturerDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, example: 'BEL' }),
    __metadata("design:type", Object)
], ManufacturerDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], ManufacturerDto.prototype, "aliases", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], ManufacturerDto.prototype, "formerNames", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], ManufacturerDto.prototype, "addedByState", void 0);
class WeaponTypePageDto {
}
exports.WeaponTypePageDto = WeaponTypePageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [WeaponTypeDto] }),
    __metadata("design:type", Array)
], WeaponTypePageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], WeaponTypePageDto.prototype, "nextCursor", void 0);
class CalibrePageDto {
}
exports.CalibrePageDto = CalibrePageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CalibreDto] }),
    __metadata("design:type", Array)
], CalibrePageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], CalibrePageDto.prototype, "nextCursor", void 0);
class ManufacturerPageDto {
}
exports.ManufacturerPageDto = ManufacturerPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ManufacturerDto] }),
    __metadata("design:type", Array)
], ManufacturerPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], ManufacturerPageDto.prototype, "nextCursor", void 0);
/** A registrar's addition: a new entry, or more aliases for a shipped one (give its code). */
class AddReferenceDto {
}
exports.AddReferenceDto = AddReferenceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'acme-arms', description: 'New code, or the code of a shipped entry to extend' }),
    (0, class_validator_1.Matches)(/^[a-z0-9.][a-z0-9.+-]{0,63}$/, { message: 'code must be 1 to 64 of a-z, 0-9, dot, plus or dash' }),
    __metadata("design:type", String)
], AddReferenceDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Acme Arms Ltd', description: 'Matched by its letters and digits, Cyrillic and Greek spelled in Latin (case, accents and punctuation aside)' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    Matchable(),
    __metadata("design:type", String)
], AddReferenceDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], example: ['Acme', 'AAL'], description: 'Each matched by its letters and digits, Cyrillic and Greek spelled in Latin: give a name in another script in one of these' }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(50),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.IsNotEmpty)({ each: true }),
    (0, max_chars_1.MaxChars)(200, { each: true }),
    Matchable({ each: true }),
    __metadata("design:type", Array)
], AddReferenceDto.prototype, "aliases", void 0);
class AddManufacturerDto extends AddReferenceDto {
}
exports.AddManufacturerDto = AddManufacturerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FRA', description: 'ISO 3166 alpha-3 of the country of manufacture' }),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], AddManufacturerDto.prototype, "country", void 0);
//# sourceMappingURL=reference.dto.js.map