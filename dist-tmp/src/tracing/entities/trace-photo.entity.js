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
exports.TracePhotoEntity = void 0;
const typeorm_1 = require("typeorm");
/** A photo of a marking attached to a trace request (JPEG or PNG, checked by content), with its checksum. */
let TracePhotoEntity = class TracePhotoEntity {
};
exports.TracePhotoEntity = TracePhotoEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], TracePhotoEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], TracePhotoEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'trace_id' }),
    __metadata("design:type", String)
], TracePhotoEntity.prototype, "traceId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'smallint' }),
    __metadata("design:type", Number)
], TracePhotoEntity.prototype, "position", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, nullable: true }),
    __metadata("design:type", Object)
], TracePhotoEntity.prototype, "component", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300, nullable: true }),
    __metadata("design:type", Object)
], TracePhotoEntity.prototype, "caption", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, name: 'media_type' }),
    __metadata("design:type", String)
], TracePhotoEntity.prototype, "mediaType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer' }),
    __metadata("design:type", Number)
], TracePhotoEntity.prototype, "size", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 64 }),
    __metadata("design:type", String)
], TracePhotoEntity.prototype, "sha256", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', select: false }),
    __metadata("design:type", Buffer)
], TracePhotoEntity.prototype, "data", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'created_at' }),
    __metadata("design:type", Date)
], TracePhotoEntity.prototype, "createdAt", void 0);
exports.TracePhotoEntity = TracePhotoEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'trace_photos' }),
    (0, typeorm_1.Index)('IDX_trace_photos_trace', ['stateCode', 'traceId'])
], TracePhotoEntity);
//# sourceMappingURL=trace-photo.entity.js.map