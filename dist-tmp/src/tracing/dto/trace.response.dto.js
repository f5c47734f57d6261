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
exports.CandidatesDto = exports.CandidateDto = exports.TracePageDto = exports.TraceDto = exports.TracePhotoDto = exports.TraceSummaryDto = exports.TraceHopDto = void 0;
const swagger_1 = require("@nestjs/swagger");
class TraceHopDto {
    static from(t) {
        return {
            traceId: t.id,
            requestedState: t.requestedState,
            status: t.status,
            outcome: t.outcome,
            sentAt: t.sentAt?.toISOString() ?? null,
            answeredAt: t.answeredAt?.toISOString() ?? null,
            nextState: t.nextState,
            diversionPoint: t.closeReason === 'diversion_point_identified',
            closeReason: t.closeReason,
        };
    }
}
exports.TraceHopDto = TraceHopDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceHopDto.prototype, "traceId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceHopDto.prototype, "requestedState", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceHopDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceHopDto.prototype, "outcome", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceHopDto.prototype, "sentAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceHopDto.prototype, "answeredAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceHopDto.prototype, "nextState", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: Boolean, description: 'Whether this hop reached the point where the weapon became illicit' }),
    __metadata("design:type", Boolean)
], TraceHopDto.prototype, "diversionPoint", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'Why the hop was closed, when it was; withdrawn with sentAt null: a request never sent, which the other State never had' }),
    __metadata("design:type", Object)
], TraceHopDto.prototype, "closeReason", void 0);
class TraceSummaryDto {
    static from(t) {
        return {
            id: t.id,
            exchangeId: t.exchangeId,
            direction: t.direction,
            status: t.status,
            version: t.version,
            requestingState: t.requestingState,
            requestedState: t.requestedState,
            priority: t.priority,
            classification: t.classification,
            parentId: t.parentId,
            acknowledgeDueAt: t.acknowledgeDueAt?.toISOString() ?? null,
            answerDueAt: t.answerDueAt?.toISOString() ?? null,
            informationDueAt: t.informationDueAt?.toISOString() ?? null,
            overdueSince: t.overdueSince?.toISOString() ?? null,
            createdAt: t.createdAt.toISOString(),
            updatedAt: t.updatedAt.toISOString(),
        };
    }
}
exports.TraceSummaryDto = TraceSummaryDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceSummaryDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceSummaryDto.prototype, "exchangeId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['outgoing', 'incoming'] }),
    __metadata("design:type", String)
], TraceSummaryDto.prototype, "direction", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceSummaryDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TraceSummaryDto.prototype, "version", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceSummaryDto.prototype, "requestingState", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceSummaryDto.prototype, "requestedState", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceSummaryDto.prototype, "priority", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceSummaryDto.prototype, "classification", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceSummaryDto.prototype, "parentId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceSummaryDto.prototype, "acknowledgeDueAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceSummaryDto.prototype, "answerDueAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'On the requester\'s copy while the requested State waits for information: when it is due' }),
    __metadata("design:type", Object)
], TraceSummaryDto.prototype, "informationDueAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceSummaryDto.prototype, "overdueSince", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceSummaryDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceSummaryDto.prototype, "updatedAt", void 0);
class TracePhotoDto {
    static from(p) {
        return { id: p.id, component: p.component, caption: p.caption, mediaType: p.mediaType, size: p.size, sha256: p.sha256 };
    }
}
exports.TracePhotoDto = TracePhotoDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TracePhotoDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TracePhotoDto.prototype, "component", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TracePhotoDto.prototype, "caption", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['image/jpeg', 'image/png'] }),
    __metadata("design:type", String)
], TracePhotoDto.prototype, "mediaType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TracePhotoDto.prototype, "size", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TracePhotoDto.prototype, "sha256", void 0);
class TraceDto extends TraceSummaryDto {
    static full(t, chain, photos = [], disclosure = null) {
        return {
            ...TraceSummaryDto.from(t),
            weaponId: t.weaponId,
            requestingAuthority: t.requestingAuthority,
            officerName: t.officerName,
            npcName: t.npcName,
            channel: t.channel,
            urgentJustification: t.urgentJustification,
            illicitBasis: t.illicitBasis,
            legalJustification: t.legalJustification,
            recovery: t.recovery,
            intendedUse: t.intendedUse,
            confidentialityRequested: t.confidentialityRequested,
            useRestrictions: t.useRestrictions,
            weapon: t.weaponObserved,
            onBehalfOf: t.onBehalfOf,
            ballistics: t.ballistics,
            photos: photos.map(TracePhotoDto.from),
            caseId: t.caseId,
            disclosedFields: t.disclosedFields,
            disclosure,
            answer: t.answer,
            notes: t.notes,
            closeReason: t.closeReason,
            submittedAt: t.submittedAt?.toISOString() ?? null,
            sentAt: t.sentAt?.toISOString() ?? null,
            acknowledgedAt: t.acknowledgedAt?.toISOString() ?? null,
            answeredAt: t.answeredAt?.toISOString() ?? null,
            closedAt: t.closedAt?.toISOString() ?? null,
            chain: chain.map(TraceHopDto.from),
        };
    }
}
exports.TraceDto = TraceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceDto.prototype, "weaponId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceDto.prototype, "requestingAuthority", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceDto.prototype, "officerName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceDto.prototype, "npcName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceDto.prototype, "channel", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceDto.prototype, "urgentJustification", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], TraceDto.prototype, "illicitBasis", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceDto.prototype, "legalJustification", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Object)
], TraceDto.prototype, "recovery", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TraceDto.prototype, "intendedUse", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], TraceDto.prototype, "confidentialityRequested", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], TraceDto.prototype, "useRestrictions", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Object)
], TraceDto.prototype, "weapon", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ nullable: true, type: Object }),
    __metadata("design:type", Object)
], TraceDto.prototype, "onBehalfOf", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ nullable: true, type: Object }),
    __metadata("design:type", Object)
], TraceDto.prototype, "ballistics", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [TracePhotoDto] }),
    __metadata("design:type", Array)
], TraceDto.prototype, "photos", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'The requester\'s case file (outgoing copy only)' }),
    __metadata("design:type", Object)
], TraceDto.prototype, "caseId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], description: 'Which case fields the request discloses' }),
    __metadata("design:type", Array)
], TraceDto.prototype, "disclosedFields", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: Object, nullable: true, description: 'The disclosed case fields; null for readers without need to know (auditors)' }),
    __metadata("design:type", Object)
], TraceDto.prototype, "disclosure", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ nullable: true, type: Object }),
    __metadata("design:type", Object)
], TraceDto.prototype, "answer", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [Object] }),
    __metadata("design:type", Array)
], TraceDto.prototype, "notes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceDto.prototype, "closeReason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceDto.prototype, "submittedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceDto.prototype, "sentAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceDto.prototype, "acknowledgedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceDto.prototype, "answeredAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TraceDto.prototype, "closedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [TraceHopDto], description: 'Every hop of the chain this trace belongs to, from the first request on' }),
    __metadata("design:type", Array)
], TraceDto.prototype, "chain", void 0);
class TracePageDto {
}
exports.TracePageDto = TracePageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [TraceSummaryDto] }),
    __metadata("design:type", Array)
], TracePageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], TracePageDto.prototype, "nextCursor", void 0);
class CandidateDto {
}
exports.CandidateDto = CandidateDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CandidateDto.prototype, "weaponId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], CandidateDto.prototype, "score", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], CandidateDto.prototype, "reasons", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], CandidateDto.prototype, "serial", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], CandidateDto.prototype, "manufacturer", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], CandidateDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], CandidateDto.prototype, "calibre", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'The answer as it would be prefilled from this record' }),
    __metadata("design:type", Object)
], CandidateDto.prototype, "prefill", void 0);
class CandidatesDto {
}
exports.CandidatesDto = CandidatesDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CandidateDto] }),
    __metadata("design:type", Array)
], CandidatesDto.prototype, "items", void 0);
//# sourceMappingURL=trace.response.dto.js.map