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
exports.ClosedCustodianQueryDto = exports.ClosedCustodianPageDto = exports.ClosedCustodianDto = exports.CustodyTransferResultDto = exports.WeaponIdParamDto = exports.AddMarkingsDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("../../common/http/max-chars");
const transforms_1 = require("../../common/http/transforms");
const weapon_dto_1 = require("./weapon.dto");
class AddMarkingsDto {
}
exports.AddMarkingsDto = AddMarkingsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [weapon_dto_1.MarkingInputDto] }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.IsObject)({ each: true }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => weapon_dto_1.MarkingInputDto),
    __metadata("design:type", Array)
], AddMarkingsDto.prototype, "markings", void 0);
class WeaponIdParamDto {
}
exports.WeaponIdParamDto = WeaponIdParamDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'id must be a UUID' }),
    __metadata("design:type", String)
], WeaponIdParamDto.prototype, "id", void 0);
class CustodyTransferResultDto {
}
exports.CustodyTransferResultDto = CustodyTransferResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1200 }),
    __metadata("design:type", Number)
], CustodyTransferResultDto.prototype, "transferred", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'France (national registry)' }),
    __metadata("design:type", String)
], CustodyTransferResultDto.prototype, "custodian", void 0);
/** A company whose records passed to the State when it closed (ITI 13): no record names it as custodian afterwards. */
class ClosedCustodianDto {
    static from(c) {
        return Object.assign(new ClosedCustodianDto(), { name: c.name, closedOn: c.closedOn, recordsCustodian: c.recordsCustodian, recordedAt: c.createdAt.toISOString() });
    }
}
exports.ClosedCustodianDto = ClosedCustodianDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Acme Arms Ltd', description: 'As the first transfer of its records named it' }),
    __metadata("design:type", String)
], ClosedCustodianDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01' }),
    __metadata("design:type", String)
], ClosedCustodianDto.prototype, "closedOn", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'France (national registry)', description: 'Who keeps its records now' }),
    __metadata("design:type", String)
], ClosedCustodianDto.prototype, "recordsCustodian", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, format: 'date-time' }),
    __metadata("design:type", String)
], ClosedCustodianDto.prototype, "recordedAt", void 0);
class ClosedCustodianPageDto {
}
exports.ClosedCustodianPageDto = ClosedCustodianPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ClosedCustodianDto] }),
    __metadata("design:type", Array)
], ClosedCustodianPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], ClosedCustodianPageDto.prototype, "nextCursor", void 0);
class ClosedCustodianQueryDto {
}
exports.ClosedCustodianQueryDto = ClosedCustodianQueryDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Acme Arms Ltd', description: 'The company, as closed (case and surrounding white space aside)' }),
    (0, class_transformer_1.Transform)(transforms_1.trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    (0, max_chars_1.MaxChars)(200),
    __metadata("design:type", String)
], ClosedCustodianQueryDto.prototype, "name", void 0);
//# sourceMappingURL=markings.dto.js.map