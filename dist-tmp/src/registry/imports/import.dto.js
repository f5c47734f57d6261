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
exports.WeaponImportDto = exports.ListImportsQueryDto = exports.WeaponImportPageDto = exports.WeaponImportSummaryDto = exports.ImportRejectionPageDto = exports.ImportRejectionDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const optional_1 = require("../../common/http/optional");
const pagination_1 = require("../../common/http/pagination");
const weapon_import_entity_1 = require("./weapon-import.entity");
class ImportRejectionDto {
    static from(r) {
        return { line: r.line, column: r.column, code: r.code, message: r.message };
    }
}
exports.ImportRejectionDto = ImportRejectionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 14, description: 'Line of the file (the header is line 1; 0 = the whole file)' }),
    __metadata("design:type", Number)
], ImportRejectionDto.prototype, "line", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'occurred_on' }),
    __metadata("design:type", String)
], ImportRejectionDto.prototype, "column", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'DATE_INVALID' }),
    __metadata("design:type", String)
], ImportRejectionDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'occurred_on must be a date, YYYY-MM-DD' }),
    __metadata("design:type", String)
], ImportRejectionDto.prototype, "message", void 0);
class ImportRejectionPageDto {
}
exports.ImportRejectionPageDto = ImportRejectionPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ImportRejectionDto] }),
    __metadata("design:type", Array)
], ImportRejectionPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], ImportRejectionPageDto.prototype, "nextCursor", void 0);
/** One import as a list shows it: its figures, without the rejections of its rows. */
class WeaponImportSummaryDto {
    static from(i) {
        return Object.assign(new WeaponImportSummaryDto(), WeaponImportSummaryDto.fields(i));
    }
    static fields(i) {
        return {
            id: i.id, status: i.status, contentSha256: i.contentSha256, bytesReceived: Number(i.bytesReceived), totalRows: i.totalRows,
            acceptedRows: i.acceptedRows, rejectedRows: i.rejectedRows, createdAt: i.createdAt.toISOString(), finishedAt: i.finishedAt?.toISOString() ?? null,
        };
    }
}
exports.WeaponImportSummaryDto = WeaponImportSummaryDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], WeaponImportSummaryDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: weapon_import_entity_1.IMPORT_STATUSES, description: 'failed: an unexpected error; nothing of the file landed' }),
    __metadata("design:type", String)
], WeaponImportSummaryDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'SHA-256 of the file; a file that landed, sent again, is the same import (a rejected one is checked again)' }),
    __metadata("design:type", Object)
], WeaponImportSummaryDto.prototype, "contentSha256", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], WeaponImportSummaryDto.prototype, "bytesReceived", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], WeaponImportSummaryDto.prototype, "totalRows", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], WeaponImportSummaryDto.prototype, "acceptedRows", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Rows with at least one rejection' }),
    __metadata("design:type", Number)
], WeaponImportSummaryDto.prototype, "rejectedRows", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, format: 'date-time' }),
    __metadata("design:type", String)
], WeaponImportSummaryDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, format: 'date-time', nullable: true }),
    __metadata("design:type", Object)
], WeaponImportSummaryDto.prototype, "finishedAt", void 0);
class WeaponImportPageDto {
}
exports.WeaponImportPageDto = WeaponImportPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [WeaponImportSummaryDto] }),
    __metadata("design:type", Array)
], WeaponImportPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], WeaponImportPageDto.prototype, "nextCursor", void 0);
/** `GET /weapons/imports`: the State's imports, newest first, of one status if asked. */
class ListImportsQueryDto extends pagination_1.PageQueryDto {
}
exports.ListImportsQueryDto = ListImportsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: weapon_import_entity_1.IMPORT_STATUSES }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsIn)(weapon_import_entity_1.IMPORT_STATUSES, { message: `status must be one of ${weapon_import_entity_1.IMPORT_STATUSES.join(', ')}` }),
    __metadata("design:type", String)
], ListImportsQueryDto.prototype, "status", void 0);
class WeaponImportDto extends WeaponImportSummaryDto {
    static fromImport(i, rejections, replayed = false) {
        return Object.assign(new WeaponImportDto(), WeaponImportSummaryDto.fields(i), {
            replayed,
            rejections: { items: rejections.items.map(ImportRejectionDto.from), nextCursor: rejections.nextCursor },
        });
    }
}
exports.WeaponImportDto = WeaponImportDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'True when this file landed before and this answer is that import' }),
    __metadata("design:type", Boolean)
], WeaponImportDto.prototype, "replayed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: ImportRejectionPageDto, description: 'Why rows were refused, by line (paginated with ?limit=&cursor=)' }),
    __metadata("design:type", ImportRejectionPageDto)
], WeaponImportDto.prototype, "rejections", void 0);
//# sourceMappingURL=import.dto.js.map