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
exports.AuditCheckpointDto = exports.AuditVerificationDto = exports.BrokenLinkDto = exports.ChainHeadDto = exports.AuditEventPageDto = exports.AuditEventDto = exports.ListAuditEventsQueryDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("../../common/http/max-chars");
const transforms_1 = require("../../common/http/transforms");
const uuid_1 = require("../../common/uuid");
const instant_1 = require("../../common/http/instant");
const optional_1 = require("../../common/http/optional");
const pagination_1 = require("../../common/http/pagination");
class ListAuditEventsQueryDto extends pagination_1.PageQueryDto {
}
exports.ListAuditEventsQueryDto = ListAuditEventsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'POST /traces/:id/send' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(120),
    __metadata("design:type", String)
], ListAuditEventsQueryDto.prototype, "action", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_transformer_1.Transform)(transforms_1.lower),
    (0, class_validator_1.IsUUID)('all', { message: 'actorId must be a UUID' }),
    __metadata("design:type", String)
], ListAuditEventsQueryDto.prototype, "actorId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'traces' }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(40),
    __metadata("design:type", String)
], ListAuditEventsQueryDto.prototype, "targetType", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(100),
    (0, class_transformer_1.Transform)(({ value }) => (typeof value === 'string' ? (0, uuid_1.canonicalId)(value) : value)),
    __metadata("design:type", String)
], ListAuditEventsQueryDto.prototype, "targetId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['success', 'failure', 'denied'] }),
    (0, optional_1.Optional)(),
    (0, class_validator_1.IsIn)(['success', 'failure', 'denied'], { message: 'outcome must be one of: success, failure, denied' }),
    __metadata("design:type", String)
], ListAuditEventsQueryDto.prototype, "outcome", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'ISO date-time, inclusive' }),
    (0, optional_1.Optional)(),
    (0, instant_1.IsInstant)('from'),
    __metadata("design:type", String)
], ListAuditEventsQueryDto.prototype, "from", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'ISO date-time, exclusive' }),
    (0, optional_1.Optional)(),
    (0, instant_1.IsInstant)('to'),
    __metadata("design:type", String)
], ListAuditEventsQueryDto.prototype, "to", void 0);
class AuditEventDto {
    static from(e) {
        return {
            seq: e.seq, at: e.at.toISOString(), actorId: e.actorId, action: e.action, targetType: e.targetType, targetId: e.targetId, outcome: e.outcome,
            requestId: e.requestId, sourceIp: e.sourceIp, details: e.details, hash: e.hash.toString('hex'), prevHash: e.prevHash.toString('hex'),
        };
    }
}
exports.AuditEventDto = AuditEventDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '42' }),
    __metadata("design:type", String)
], AuditEventDto.prototype, "seq", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditEventDto.prototype, "at", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], AuditEventDto.prototype, "actorId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditEventDto.prototype, "action", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], AuditEventDto.prototype, "targetType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], AuditEventDto.prototype, "targetId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['success', 'failure', 'denied'] }),
    __metadata("design:type", String)
], AuditEventDto.prototype, "outcome", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], AuditEventDto.prototype, "requestId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], AuditEventDto.prototype, "sourceIp", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: Object }),
    __metadata("design:type", Object)
], AuditEventDto.prototype, "details", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'SHA-256 of this event and the previous hash (hex)' }),
    __metadata("design:type", String)
], AuditEventDto.prototype, "hash", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditEventDto.prototype, "prevHash", void 0);
class AuditEventPageDto {
}
exports.AuditEventPageDto = AuditEventPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AuditEventDto] }),
    __metadata("design:type", Array)
], AuditEventPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], AuditEventPageDto.prototype, "nextCursor", void 0);
class ChainHeadDto {
}
exports.ChainHeadDto = ChainHeadDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ChainHeadDto.prototype, "seq", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ChainHeadDto.prototype, "hash", void 0);
class BrokenLinkDto {
}
exports.BrokenLinkDto = BrokenLinkDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], BrokenLinkDto.prototype, "seq", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['sequence_gap', 'prev_hash_mismatch', 'hash_mismatch', 'wrong_chain'] }),
    __metadata("design:type", String)
], BrokenLinkDto.prototype, "reason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], BrokenLinkDto.prototype, "message", void 0);
class AuditVerificationDto {
}
exports.AuditVerificationDto = AuditVerificationDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditVerificationDto.prototype, "stateCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], AuditVerificationDto.prototype, "ok", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], AuditVerificationDto.prototype, "checked", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: ChainHeadDto, nullable: true }),
    __metadata("design:type", Object)
], AuditVerificationDto.prototype, "head", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: BrokenLinkDto, nullable: true }),
    __metadata("design:type", Object)
], AuditVerificationDto.prototype, "firstBroken", void 0);
class AuditCheckpointDto {
}
exports.AuditCheckpointDto = AuditCheckpointDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'iti-trace/audit-checkpoint' }),
    __metadata("design:type", String)
], AuditCheckpointDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1 }),
    __metadata("design:type", Number)
], AuditCheckpointDto.prototype, "version", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditCheckpointDto.prototype, "stateCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditCheckpointDto.prototype, "seq", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditCheckpointDto.prototype, "hash", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditCheckpointDto.prototype, "signedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Raw Ed25519 public key of the node, base64' }),
    __metadata("design:type", String)
], AuditCheckpointDto.prototype, "publicKey", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Ed25519 signature over the canonical JSON of the other fields, base64' }),
    __metadata("design:type", String)
], AuditCheckpointDto.prototype, "signature", void 0);
//# sourceMappingURL=audit.dto.js.map