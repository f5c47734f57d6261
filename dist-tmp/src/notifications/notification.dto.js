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
exports.NotificationPageDto = exports.NotificationDto = exports.NotificationIdParamDto = exports.ListNotificationsQueryDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const optional_1 = require("../common/http/optional");
const pagination_1 = require("../common/http/pagination");
const transforms_1 = require("../common/http/transforms");
class ListNotificationsQueryDto extends pagination_1.PageQueryDto {
}
exports.ListNotificationsQueryDto = ListNotificationsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Only unread notifications' }),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    (0, class_validator_1.IsBoolean)({ message: 'unread must be true or false' }),
    __metadata("design:type", Boolean)
], ListNotificationsQueryDto.prototype, "unread", void 0);
class NotificationIdParamDto {
}
exports.NotificationIdParamDto = NotificationIdParamDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'id must be a UUID' }),
    __metadata("design:type", String)
], NotificationIdParamDto.prototype, "id", void 0);
class NotificationDto {
    static from(n) {
        return { id: n.id, kind: n.kind, traceId: n.traceId, message: n.message, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
    }
}
exports.NotificationDto = NotificationDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], NotificationDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], NotificationDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], NotificationDto.prototype, "traceId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], NotificationDto.prototype, "message", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], NotificationDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], NotificationDto.prototype, "readAt", void 0);
class NotificationPageDto {
}
exports.NotificationPageDto = NotificationPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [NotificationDto] }),
    __metadata("design:type", Array)
], NotificationPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], NotificationPageDto.prototype, "nextCursor", void 0);
//# sourceMappingURL=notification.dto.js.map