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
exports.UpdateRegistrySettingsDto = exports.RegistrySettingsDto = exports.SearchResultDto = exports.SearchHitDto = exports.SearchWeaponsDto = exports.WeaponFiltersDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("../../common/http/max-chars");
const optional_1 = require("../../common/http/optional");
const registry_constants_1 = require("../registry.constants");
const weapon_response_dto_1 = require("./weapon.response.dto");
const transforms_1 = require("../../common/http/transforms");
/** The filters of a search (POST /weapons/search) and of the list (GET /weapons). */
class WeaponFiltersDto {
}
exports.WeaponFiltersDto = WeaponFiltersDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Fabrique Nationale', description: 'Matched through the reference aliases and former names' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], WeaponFiltersDto.prototype, "manufacturer", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'FNC' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], WeaponFiltersDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '.223 Rem', description: 'Matched through the reference aliases' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], WeaponFiltersDto.prototype, "calibre", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'BEL', description: 'Country of manufacture' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.upper),
    (0, class_validator_1.Matches)(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166 alpha-3 code' }),
    __metadata("design:type", String)
], WeaponFiltersDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 1980, description: 'Year of manufacture, from' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(registry_constants_1.EARLIEST_YEAR),
    (0, class_validator_1.Max)(2100),
    __metadata("design:type", Number)
], WeaponFiltersDto.prototype, "yearFrom", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 1995, description: 'Year of manufacture, up to' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(registry_constants_1.EARLIEST_YEAR),
    (0, class_validator_1.Max)(2100),
    __metadata("design:type", Number)
], WeaponFiltersDto.prototype, "yearTo", void 0);
class SearchWeaponsDto extends WeaponFiltersDto {
}
exports.SearchWeaponsDto = SearchWeaponsDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '1A2?45*',
        description: 'Serial as read. `?` = one unreadable character, `*` = any run of them. Spaces, dashes (typographic ones too), dots and slashes are ignored; look-alikes (O/0, I/1/L, S/5, B/8, Z/2, G/6) match each other.',
    }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(64),
    __metadata("design:type", String)
], SearchWeaponsDto.prototype, "serial", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: registry_constants_1.WEAPON_STATUSES, isArray: true }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(10),
    (0, class_validator_1.IsIn)(registry_constants_1.WEAPON_STATUSES, { each: true, message: `each of status must be one of ${registry_constants_1.WEAPON_STATUSES.join(', ')}` }),
    __metadata("design:type", Array)
], SearchWeaponsDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 20, maximum: 100 }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(100),
    __metadata("design:type", Number)
], SearchWeaponsDto.prototype, "limit", void 0);
class SearchHitDto {
}
exports.SearchHitDto = SearchHitDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: weapon_response_dto_1.WeaponSummaryDto }),
    __metadata("design:type", weapon_response_dto_1.WeaponSummaryDto)
], SearchHitDto.prototype, "weapon", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 0.9, description: '1 = exact serial; lower for look-alike and partial matches' }),
    __metadata("design:type", Number)
], SearchHitDto.prototype, "score", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], example: ['serial matches with look-alike characters (O read as 0)'] }),
    __metadata("design:type", Array)
], SearchHitDto.prototype, "reasons", void 0);
class SearchResultDto {
}
exports.SearchResultDto = SearchResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [SearchHitDto] }),
    __metadata("design:type", Array)
], SearchResultDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'How the serial was read: exact, or a pattern', example: { kind: 'pattern', normalised: '1A2?45*' } }),
    __metadata("design:type", Object)
], SearchResultDto.prototype, "serialQuery", void 0);
class RegistrySettingsDto {
}
exports.RegistrySettingsDto = RegistrySettingsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: { '8a': 'refuse', '8b': 'refuse', '8c': 'flag', '8d': 'flag', '9': 'flag' } }),
    __metadata("design:type", Object)
], RegistrySettingsDto.prototype, "rulePolicies", void 0);
class UpdateRegistrySettingsDto {
}
exports.UpdateRegistrySettingsDto = UpdateRegistrySettingsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: { '8d': 'refuse' }, description: 'Per ITI rule (8a, 8b, 8c, 8d, 9): refuse a breach (422) or accept it and flag the record. 8(a) of a weapon imported and not made in the State is flagged under either' }),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], UpdateRegistrySettingsDto.prototype, "rulePolicies", void 0);
//# sourceMappingURL=search.dto.js.map