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
exports.WeaponPageDto = exports.WeaponDto = exports.WeaponSummaryDto = exports.LegalHoldOutDto = exports.RuleBreachDto = exports.RecordEventDtoOut = exports.MarkingDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const corrections_1 = require("../../records/corrections");
const legal_holder_1 = require("../../records/legal-holder");
const marking_rules_1 = require("../marking-rules");
class MarkingDto {
    static from(m) {
        return Object.assign(new MarkingDto(), {
            id: m.id, kind: m.kind, component: m.component, text: m.text, manufacturer: m.manufacturer, country: m.country,
            serial: m.serial, year: m.year, symbolCode: m.symbolCode, method: m.method, photoRefs: m.photoRefs, withdrawnBy: m.withdrawnBy,
        });
    }
}
exports.MarkingDto = MarkingDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MarkingDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MarkingDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MarkingDto.prototype, "component", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MarkingDto.prototype, "text", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], MarkingDto.prototype, "manufacturer", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], MarkingDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], MarkingDto.prototype, "serial", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: Number, nullable: true }),
    __metadata("design:type", Object)
], MarkingDto.prototype, "year", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], MarkingDto.prototype, "symbolCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], MarkingDto.prototype, "method", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], MarkingDto.prototype, "photoRefs", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'The correction that withdrew this marking, recorded in error (listed under withdrawnMarkings)' }),
    __metadata("design:type", Object)
], MarkingDto.prototype, "withdrawnBy", void 0);
class RecordEventDtoOut {
    static from(e, correctedBy, withdrawsMarkings) {
        return Object.assign(new RecordEventDtoOut(), {
            id: e.id, type: e.type, occurredOn: e.occurredOn, parties: e.parties, licenceRef: e.licenceRef, authorisationRef: e.authorisationRef,
            counterpartState: e.counterpartState, correctsEventId: e.correctsEventId, restates: e.restates, annuls: e.annuls, description: e.description, withdrawsMarkings,
            correctedBy, statusAfter: e.statusAfter, recordClass: e.recordClass,
            retainUntil: e.retainUntil, notes: e.notes, recordedAt: e.recordedAt.toISOString(),
        });
    }
}
exports.RecordEventDtoOut = RecordEventDtoOut;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RecordEventDtoOut.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RecordEventDtoOut.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-03-14' }),
    __metadata("design:type", String)
], RecordEventDtoOut.prototype, "occurredOn", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'array', items: { type: 'object' } }),
    __metadata("design:type", Array)
], RecordEventDtoOut.prototype, "parties", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], RecordEventDtoOut.prototype, "licenceRef", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], RecordEventDtoOut.prototype, "authorisationRef", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], RecordEventDtoOut.prototype, "counterpartState", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'For corrected: the event whose facts this one restates' }),
    __metadata("design:type", Object)
], RecordEventDtoOut.prototype, "correctsEventId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'For corrected: its facts replace those of the event it corrects (false for a correction that annuls, or a note recorded before corrections restated anything)' }),
    __metadata("design:type", Boolean)
], RecordEventDtoOut.prototype, "restates", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'For corrected: the corrected event did not happen' }),
    __metadata("design:type", Boolean)
], RecordEventDtoOut.prototype, "annuls", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: 'object', nullable: true, additionalProperties: { type: 'object', properties: { from: {}, to: {} }, required: ['from', 'to'] },
        example: { serial: { from: '1A23465', to: '1A23456' } },
        description: 'For corrected, of the record\'s first event: the description it corrected, each field from → to (null: not recorded, or cleared)',
    }),
    __metadata("design:type", Object)
], RecordEventDtoOut.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], description: 'For corrected: the markings it withdrew, recorded in error' }),
    __metadata("design:type", Array)
], RecordEventDtoOut.prototype, "withdrawsMarkings", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'The correction that stands for this event (the last recorded): its facts replace this event\'s, or it annuls the event' }),
    __metadata("design:type", Object)
], RecordEventDtoOut.prototype, "correctedBy", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RecordEventDtoOut.prototype, "statusAfter", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['manufacture', 'other'] }),
    __metadata("design:type", String)
], RecordEventDtoOut.prototype, "recordClass", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2056-03-14', description: 'Earliest purge date (ITI 12)' }),
    __metadata("design:type", String)
], RecordEventDtoOut.prototype, "retainUntil", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], RecordEventDtoOut.prototype, "notes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, format: 'date-time' }),
    __metadata("design:type", String)
], RecordEventDtoOut.prototype, "recordedAt", void 0);
class RuleBreachDto {
}
exports.RuleBreachDto = RuleBreachDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ITI_8D_GOVERNMENT_MARKING' }),
    __metadata("design:type", String)
], RuleBreachDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ITI 8(d)' }),
    __metadata("design:type", String)
], RuleBreachDto.prototype, "paragraph", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RuleBreachDto.prototype, "message", void 0);
class LegalHoldOutDto {
}
exports.LegalHoldOutDto = LegalHoldOutDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], LegalHoldOutDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Court order 2026/118' }),
    __metadata("design:type", String)
], LegalHoldOutDto.prototype, "reason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", String)
], LegalHoldOutDto.prototype, "placedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'The registrar who placed it; null for a hold placed before holds were listed' }),
    __metadata("design:type", Object)
], LegalHoldOutDto.prototype, "placedBy", void 0);
class WeaponSummaryDto {
    static from(w) {
        return Object.assign(new WeaponSummaryDto(), summary(w));
    }
}
exports.WeaponSummaryDto = WeaponSummaryDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], WeaponSummaryDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'FRA' }),
    __metadata("design:type", String)
], WeaponSummaryDto.prototype, "stateCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['small_arm', 'light_weapon'] }),
    __metadata("design:type", String)
], WeaponSummaryDto.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'assault_rifle' }),
    __metadata("design:type", String)
], WeaponSummaryDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'Reference code when matched' }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "manufacturerCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'As given' }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "manufacturer", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "model", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "calibreCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "calibre", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "serial", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "serialNormalised", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "countryOfManufacture", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: Number, nullable: true }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "yearOfManufacture", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], WeaponSummaryDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'The holder the record was registered with, as given (the last known one is legalHolder)' }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "holder", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "custodian", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: Object, example: { craftOr3dPrinted: false, modular: false, serialObliterated: false } }),
    __metadata("design:type", Object)
], WeaponSummaryDto.prototype, "flags", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RuleBreachDto], description: 'ITI rules this record breaches, accepted and flagged' }),
    __metadata("design:type", Array)
], WeaponSummaryDto.prototype, "incomplete", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], description: 'Fields whose values are not in the reference data' }),
    __metadata("design:type", Array)
], WeaponSummaryDto.prototype, "unknownReferences", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [LegalHoldOutDto], description: 'Legal holds standing, oldest first; the record cannot be purged while any stands' }),
    __metadata("design:type", Array)
], WeaponSummaryDto.prototype, "legalHolds", void 0);
class WeaponDto extends WeaponSummaryDto {
    static full(w, markings, events) {
        const retainUntil = events.reduce((latest, e) => (latest === null || e.retainUntil > latest ? e.retainUntil : latest), null);
        const corrections = (0, corrections_1.standingCorrections)(events);
        return Object.assign(new WeaponDto(), summary(w), {
            markings: markings.filter((m) => !m.withdrawnBy).map(MarkingDto.from),
            withdrawnMarkings: markings.filter((m) => m.withdrawnBy).map(MarkingDto.from),
            events: events.map((e) => RecordEventDtoOut.from(e, corrections.get(e.id)?.id ?? null, markings.filter((m) => m.withdrawnBy === e.id).map((m) => m.id))),
            retainUntil,
            legalHolder: (0, legal_holder_1.legalHolderOf)((0, corrections_1.standingHistory)(events), w.holder, w.custodian),
        });
    }
}
exports.WeaponDto = WeaponDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [MarkingDto], description: 'The markings as read, those withdrawn by a correction aside' }),
    __metadata("design:type", Array)
], WeaponDto.prototype, "markings", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [MarkingDto], description: 'Markings recorded in error, withdrawn by a correction: kept, but no longer counted by the rules or found by serial' }),
    __metadata("design:type", Array)
], WeaponDto.prototype, "withdrawnMarkings", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RecordEventDtoOut], description: 'The history as recorded, oldest first: corrections are events of their own (see correctedBy)' }),
    __metadata("design:type", Array)
], WeaponDto.prototype, "events", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'Earliest date the record may be purged: the latest retainUntil of its events' }),
    __metadata("design:type", Object)
], WeaponDto.prototype, "retainUntil", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: String, nullable: true,
        description: 'The last known legal holder, from the history as it stands: the recipient of the latest transfer, import or acquisition after the first event; '
            + 'without one, holder (as registered), then the first event\'s recipient, then the custodian of the records. A trace answer prefills it.',
    }),
    __metadata("design:type", Object)
], WeaponDto.prototype, "legalHolder", void 0);
function summary(w) {
    return {
        id: w.id, stateCode: w.stateCode, category: w.category, type: w.typeCode, manufacturerCode: w.manufacturerCode, manufacturer: w.manufacturerText,
        model: w.model, calibreCode: w.calibreCode, calibre: w.calibreText, serial: w.serialAsMarked, serialNormalised: w.serialNormalised,
        countryOfManufacture: w.countryOfManufacture, yearOfManufacture: w.yearOfManufacture, status: w.status, holder: w.holder, custodian: w.custodian,
        flags: { craftOr3dPrinted: w.craftOr3dPrinted, modular: w.modular, serialObliterated: w.serialObliterated },
        incomplete: w.incomplete.map(toBreach).filter((b) => b !== null),
        unknownReferences: w.unknownReferences,
        legalHolds: w.legalHolds.map((h) => ({ id: h.id, reason: h.reason, placedAt: h.placedAt, placedBy: h.placedBy })),
    };
}
function toBreach(code) {
    const rule = marking_rules_1.MARKING_RULES.find((r) => r.code === code);
    return rule ? { code: rule.code, paragraph: rule.paragraph, message: rule.message } : null;
}
class WeaponPageDto {
}
exports.WeaponPageDto = WeaponPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [WeaponSummaryDto] }),
    __metadata("design:type", Array)
], WeaponPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], WeaponPageDto.prototype, "nextCursor", void 0);
//# sourceMappingURL=weapon.response.dto.js.map