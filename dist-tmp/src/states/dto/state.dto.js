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
exports.StateCodeParamDto = exports.ListStatesQueryDto = exports.StatePageDto = exports.StateDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const pagination_1 = require("../../common/http/pagination");
class StateDto {
    static from(state) {
        return Object.assign(new StateDto(), {
            code: state.code,
            alpha2: state.alpha2,
            numericCode: state.numericCode,
            name: state.name,
            former: state.former,
            hosted: state.hostedSince !== null,
        });
    }
}
exports.StateDto = StateDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FRA', description: 'ISO 3166-1 alpha-3 (or ISO 3166-3 for former States)' }),
    __metadata("design:type", String)
], StateDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FR' }),
    __metadata("design:type", String)
], StateDto.prototype, "alpha2", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '250' }),
    __metadata("design:type", String)
], StateDto.prototype, "numericCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'France' }),
    __metadata("design:type", String)
], StateDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'A former State (USSR, Yugoslavia, Czechoslovakia, GDR)' }),
    __metadata("design:type", Boolean)
], StateDto.prototype, "former", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Its users and registry live on this node' }),
    __metadata("design:type", Boolean)
], StateDto.prototype, "hosted", void 0);
class StatePageDto {
}
exports.StatePageDto = StatePageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [StateDto] }),
    __metadata("design:type", Array)
], StatePageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], StatePageDto.prototype, "nextCursor", void 0);
class ListStatesQueryDto extends pagination_1.PageQueryDto {
}
exports.ListStatesQueryDto = ListStatesQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Only States hosted (true) or not hosted (false) on this node' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], ListStatesQueryDto.prototype, "hosted", void 0);
class StateCodeParamDto {
}
exports.StateCodeParamDto = StateCodeParamDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FRA' }),
    (0, class_transformer_1.Transform)(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value)),
    (0, class_validator_1.Matches)(/^[A-Z]{3}$/, { message: 'code must be an ISO 3166 alpha-3 code (three letters)' }),
    __metadata("design:type", String)
], StateCodeParamDto.prototype, "code", void 0);
//# sourceMappingURL=state.dto.js.map