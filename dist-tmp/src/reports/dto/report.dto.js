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
exports.NationalReport = exports.NationalReportSection = exports.TracingReport = exports.MonthlyAnswerTime = exports.FailureReasonFigure = exports.OverdueFigures = exports.CounterpartFigures = exports.TracingFigures = exports.OutcomeCounts = exports.HoursFigure = exports.RecordKeepingReport = exports.PeriodReportHeader = exports.ReportHeader = exports.DuplicateFigures = exports.DuplicateExample = exports.RetentionFigures = exports.MissingRequiredFigures = exports.SeizedFigure = exports.TypeFigures = exports.RuleFigure = exports.TracingReportQueryDto = exports.MissingFieldsPageDto = exports.MissingFieldsRecord = exports.RecordKeepingQueryDto = exports.REPORT_FORMATS = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const instant_1 = require("../../common/http/instant");
const optional_1 = require("../../common/http/optional");
const pagination_1 = require("../../common/http/pagination");
exports.REPORT_FORMATS = ['json', 'csv', 'pdf'];
const formatRule = (0, class_validator_1.IsIn)(exports.REPORT_FORMATS, { message: `format must be one of ${exports.REPORT_FORMATS.join(', ')}` });
/** `?format=`, and `?limit=`: the records missing a required field listed on the report's first page. */
class RecordKeepingQueryDto extends (0, swagger_1.PickType)(pagination_1.PageQueryDto, ['limit']) {
}
exports.RecordKeepingQueryDto = RecordKeepingQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: exports.REPORT_FORMATS, default: 'json' }),
    (0, optional_1.Optional)(),
    formatRule,
    __metadata("design:type", String)
], RecordKeepingQueryDto.prototype, "format", void 0);
/** A record missing at least one required field (ITI 12), and which. */
class MissingFieldsRecord {
}
exports.MissingFieldsRecord = MissingFieldsRecord;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], MissingFieldsRecord.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MissingFieldsRecord.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Weapon type code' }),
    __metadata("design:type", String)
], MissingFieldsRecord.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true, description: 'Serial as marked' }),
    __metadata("design:type", Object)
], MissingFieldsRecord.prototype, "serial", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], example: ['model', 'calibre'] }),
    __metadata("design:type", Array)
], MissingFieldsRecord.prototype, "missing", void 0);
class MissingFieldsPageDto {
}
exports.MissingFieldsPageDto = MissingFieldsPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [MissingFieldsRecord] }),
    __metadata("design:type", Array)
], MissingFieldsPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], MissingFieldsPageDto.prototype, "nextCursor", void 0);
/** The period is of the traces' sending: [from, to). Default: the twelve months up to now. */
class TracingReportQueryDto {
}
exports.TracingReportQueryDto = TracingReportQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-01-01' }),
    (0, optional_1.Optional)(),
    (0, instant_1.IsInstant)('from'),
    __metadata("design:type", String)
], TracingReportQueryDto.prototype, "from", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2027-01-01' }),
    (0, optional_1.Optional)(),
    (0, instant_1.IsInstant)('to'),
    __metadata("design:type", String)
], TracingReportQueryDto.prototype, "to", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: exports.REPORT_FORMATS, default: 'json' }),
    (0, optional_1.Optional)(),
    formatRule,
    __metadata("design:type", String)
], TracingReportQueryDto.prototype, "format", void 0);
const nullableNumber = (description) => (0, swagger_1.ApiProperty)({ type: Number, nullable: true, description });
class RuleFigure {
}
exports.RuleFigure = RuleFigure;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ITI_8A_MANUFACTURE_MARKING' }),
    __metadata("design:type", String)
], RuleFigure.prototype, "rule", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ITI 8(a)' }),
    __metadata("design:type", String)
], RuleFigure.prototype, "paragraph", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RuleFigure.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RuleFigure.prototype, "applicable", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RuleFigure.prototype, "met", void 0);
__decorate([
    nullableNumber('met / applicable; null when no record is concerned'),
    __metadata("design:type", Object)
], RuleFigure.prototype, "share", void 0);
class TypeFigures {
}
exports.TypeFigures = TypeFigures;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TypeFigures.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TypeFigures.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TypeFigures.prototype, "weapons", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RuleFigure] }),
    __metadata("design:type", Array)
], TypeFigures.prototype, "marking", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TypeFigures.prototype, "missingRequired", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TypeFigures.prototype, "seizedNotMarkedOrDestroyed", void 0);
class SeizedFigure {
}
exports.SeizedFigure = SeizedFigure;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SeizedFigure.prototype, "paragraph", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], SeizedFigure.prototype, "afterDays", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], SeizedFigure.prototype, "weapons", void 0);
class MissingRequiredFigures {
}
exports.MissingRequiredFigures = MissingRequiredFigures;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MissingRequiredFigures.prototype, "paragraph", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], MissingRequiredFigures.prototype, "fields", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], MissingRequiredFigures.prototype, "weapons", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: MissingFieldsPageDto, description: 'The first page; the next ones from GET /reports/record-keeping/missing-fields' }),
    __metadata("design:type", MissingFieldsPageDto)
], MissingRequiredFigures.prototype, "records", void 0);
class RetentionFigures {
}
exports.RetentionFigures = RetentionFigures;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RetentionFigures.prototype, "paragraph", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RetentionFigures.prototype, "withinRetention", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RetentionFigures.prototype, "onLegalHold", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Past retention, not on hold, not the subject of a trace sent and not closed: what a purge would accept' }),
    __metadata("design:type", Number)
], RetentionFigures.prototype, "eligibleForPurge", void 0);
class DuplicateExample {
}
exports.DuplicateExample = DuplicateExample;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], DuplicateExample.prototype, "serial", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], DuplicateExample.prototype, "manufacturer", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], DuplicateExample.prototype, "weaponIds", void 0);
class DuplicateFigures {
}
exports.DuplicateFigures = DuplicateFigures;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], DuplicateFigures.prototype, "paragraph", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], DuplicateFigures.prototype, "groups", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], DuplicateFigures.prototype, "weapons", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [DuplicateExample] }),
    __metadata("design:type", Array)
], DuplicateFigures.prototype, "examples", void 0);
/** What every report starts with. */
class ReportHeader {
}
exports.ReportHeader = ReportHeader;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ReportHeader.prototype, "stateCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", String)
], ReportHeader.prototype, "generatedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time', description: 'The database\'s time of the snapshot the figures come from' }),
    __metadata("design:type", String)
], ReportHeader.prototype, "asOf", void 0);
/** A report over a period of the traces' sending, [from, to). */
class PeriodReportHeader extends ReportHeader {
}
exports.PeriodReportHeader = PeriodReportHeader;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", String)
], PeriodReportHeader.prototype, "from", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", String)
], PeriodReportHeader.prototype, "to", void 0);
class RecordKeepingReport extends ReportHeader {
}
exports.RecordKeepingReport = RecordKeepingReport;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RecordKeepingReport.prototype, "weapons", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RuleFigure] }),
    __metadata("design:type", Array)
], RecordKeepingReport.prototype, "marking", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [TypeFigures] }),
    __metadata("design:type", Array)
], RecordKeepingReport.prototype, "byType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: SeizedFigure }),
    __metadata("design:type", SeizedFigure)
], RecordKeepingReport.prototype, "seizedNotMarkedOrDestroyed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: MissingRequiredFigures }),
    __metadata("design:type", MissingRequiredFigures)
], RecordKeepingReport.prototype, "missingRequiredFields", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: RetentionFigures }),
    __metadata("design:type", RetentionFigures)
], RecordKeepingReport.prototype, "retention", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: DuplicateFigures }),
    __metadata("design:type", DuplicateFigures)
], RecordKeepingReport.prototype, "suspectedDuplicates", void 0);
class HoursFigure {
}
exports.HoursFigure = HoursFigure;
__decorate([
    nullableNumber(),
    __metadata("design:type", Object)
], HoursFigure.prototype, "p50", void 0);
__decorate([
    nullableNumber(),
    __metadata("design:type", Object)
], HoursFigure.prototype, "p90", void 0);
class OutcomeCounts {
}
exports.OutcomeCounts = OutcomeCounts;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], OutcomeCounts.prototype, "full", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], OutcomeCounts.prototype, "partial", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], OutcomeCounts.prototype, "delayed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], OutcomeCounts.prototype, "refused", void 0);
class TracingFigures {
}
exports.TracingFigures = TracingFigures;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TracingFigures.prototype, "traces", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TracingFigures.prototype, "acknowledged", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TracingFigures.prototype, "answered", void 0);
__decorate([
    nullableNumber('answered / traces'),
    __metadata("design:type", Object)
], TracingFigures.prototype, "responseRate", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: HoursFigure }),
    __metadata("design:type", HoursFigure)
], TracingFigures.prototype, "acknowledgeHours", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: HoursFigure }),
    __metadata("design:type", HoursFigure)
], TracingFigures.prototype, "answerHours", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: OutcomeCounts }),
    __metadata("design:type", OutcomeCounts)
], TracingFigures.prototype, "outcomes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TracingFigures.prototype, "closed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TracingFigures.prototype, "diversionPointIdentified", void 0);
__decorate([
    nullableNumber('diversionPointIdentified / closed: the share of traces that reached the point of diversion'),
    __metadata("design:type", Object)
], TracingFigures.prototype, "diversionShare", void 0);
class CounterpartFigures extends TracingFigures {
}
exports.CounterpartFigures = CounterpartFigures;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['outgoing', 'incoming'] }),
    __metadata("design:type", String)
], CounterpartFigures.prototype, "direction", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CounterpartFigures.prototype, "state", void 0);
class OverdueFigures {
}
exports.OverdueFigures = OverdueFigures;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], OverdueFigures.prototype, "sent", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], OverdueFigures.prototype, "received", void 0);
class FailureReasonFigure {
}
exports.FailureReasonFigure = FailureReasonFigure;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], FailureReasonFigure.prototype, "direction", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], FailureReasonFigure.prototype, "reason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], FailureReasonFigure.prototype, "traces", void 0);
class MonthlyAnswerTime {
}
exports.MonthlyAnswerTime = MonthlyAnswerTime;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MonthlyAnswerTime.prototype, "direction", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-10' }),
    __metadata("design:type", String)
], MonthlyAnswerTime.prototype, "month", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], MonthlyAnswerTime.prototype, "answered", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], MonthlyAnswerTime.prototype, "answerHoursP50", void 0);
class TracingReport extends PeriodReportHeader {
}
exports.TracingReport = TracingReport;
__decorate([
    (0, swagger_1.ApiProperty)({ type: TracingFigures, description: 'Requests this State sent' }),
    __metadata("design:type", TracingFigures)
], TracingReport.prototype, "sent", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: TracingFigures, description: 'Requests this State received' }),
    __metadata("design:type", TracingFigures)
], TracingReport.prototype, "received", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CounterpartFigures] }),
    __metadata("design:type", Array)
], TracingReport.prototype, "byCounterpart", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: OverdueFigures }),
    __metadata("design:type", OverdueFigures)
], TracingReport.prototype, "overdueNow", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [FailureReasonFigure] }),
    __metadata("design:type", Array)
], TracingReport.prototype, "failureReasons", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [MonthlyAnswerTime] }),
    __metadata("design:type", Array)
], TracingReport.prototype, "answerTimeByMonth", void 0);
/** One part of the biennial national report on the ITI, prefilled from the data. */
class NationalReportSection {
}
exports.NationalReportSection = NationalReportSection;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], NationalReportSection.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], NationalReportSection.prototype, "heading", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], NationalReportSection.prototype, "paragraph", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'A draft answer written from the figures; the NPC reviews and completes it' }),
    __metadata("design:type", String)
], NationalReportSection.prototype, "prefilled", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'object', additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true } }),
    __metadata("design:type", Object)
], NationalReportSection.prototype, "figures", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'What the NPC still has to say, in words no system can supply' }),
    __metadata("design:type", String)
], NationalReportSection.prototype, "toComplete", void 0);
class NationalReport extends PeriodReportHeader {
}
exports.NationalReport = NationalReport;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], NationalReport.prototype, "stateName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [NationalReportSection] }),
    __metadata("design:type", Array)
], NationalReport.prototype, "sections", void 0);
//# sourceMappingURL=report.dto.js.map