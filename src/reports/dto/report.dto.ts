import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsInstant } from '../../common/http/instant';
import { Optional } from '../../common/http/optional';
import { PageQueryDto } from '../../common/http/pagination';

export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
const formatRule = IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` });

/** `?format=`, and `?limit=`: the records missing a required field listed on the report's first page. */
export class RecordKeepingQueryDto extends PickType(PageQueryDto, ['limit'] as const) {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' }) @Optional() @formatRule
  format?: ReportFormat;
}

/** A record missing at least one required field (ITI 12), and which. */
export class MissingFieldsRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() category: string;
  @ApiProperty({ description: 'Weapon type code' }) type: string;
  @ApiProperty({ type: String, nullable: true, description: 'Serial as marked' }) serial: string | null;
  @ApiProperty({ type: [String], example: ['model', 'calibre'] }) missing: string[];
}

export class MissingFieldsPageDto {
  @ApiProperty({ type: [MissingFieldsRecord] }) items: MissingFieldsRecord[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** The period is of the traces' sending: [from, to). Default: the twelve months up to now. */
export class TracingReportQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' }) @Optional() @IsInstant('from')
  from?: string;

  @ApiPropertyOptional({ example: '2027-01-01' }) @Optional() @IsInstant('to')
  to?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' }) @Optional() @formatRule
  format?: ReportFormat;
}

const nullableNumber = (description?: string) => ApiProperty({ type: Number, nullable: true, description });

export class RuleFigure {
  @ApiProperty({ example: 'ITI_8A_MANUFACTURE_MARKING' }) rule: string;
  @ApiProperty({ example: 'ITI 8(a)' }) paragraph: string;
  @ApiProperty() description: string;
  @ApiProperty() applicable: number;
  @ApiProperty() met: number;
  /** met / applicable, null when no record is concerned. */
  @nullableNumber('met / applicable; null when no record is concerned') share: number | null;
}

export class TypeFigures {
  @ApiProperty() category: string;
  @ApiProperty() type: string;
  @ApiProperty() weapons: number;
  @ApiProperty({ type: [RuleFigure] }) marking: RuleFigure[];
  @ApiProperty() missingRequired: number;
  @ApiProperty() seizedNotMarkedOrDestroyed: number;
}

export class SeizedFigure {
  @ApiProperty() paragraph: string;
  @ApiProperty() afterDays: number;
  @ApiProperty() weapons: number;
}

export class MissingRequiredFigures {
  @ApiProperty() paragraph: string;
  @ApiProperty({ type: [String] }) fields: string[];
  @ApiProperty() weapons: number;
  /** The first page; the next ones from GET /reports/record-keeping/missing-fields with its nextCursor. */
  @ApiProperty({ type: MissingFieldsPageDto, description: 'The first page; the next ones from GET /reports/record-keeping/missing-fields' }) records: MissingFieldsPageDto;
}

export class RetentionFigures {
  @ApiProperty() paragraph: string;
  @ApiProperty() withinRetention: number;
  @ApiProperty() onLegalHold: number;
  @ApiProperty({ description: 'Past retention, not on hold, not the subject of a trace sent and not closed: what a purge would accept, when purging is enabled' }) eligibleForPurge: number;
  @ApiProperty({ description: 'Whether this node purges records at all (RETENTION_PURGE_ENABLED): when not, eligibleForPurge are kept all the same' }) purgeEnabled: boolean;
}

export class DuplicateExample {
  @ApiProperty() serial: string;
  @ApiProperty({ type: String, nullable: true }) manufacturer: string | null;
  @ApiProperty({ description: 'How many records the group holds' }) records: number;
  @ApiProperty({ type: [String], description: 'The first of them by id (at most 10): GET /weapons/search with the serial lists them all' }) weaponIds: string[];
}

export class DuplicateFigures {
  @ApiProperty() paragraph: string;
  @ApiProperty() groups: number;
  @ApiProperty() weapons: number;
  @ApiProperty({ type: [DuplicateExample] }) examples: DuplicateExample[];
}

/** What every report starts with. */
export class ReportHeader {
  @ApiProperty() stateCode: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  /** The database's time of the snapshot the figures come from. */
  @ApiProperty({ format: 'date-time', description: 'The database\'s time of the snapshot the figures come from' }) asOf: string;
}

/** A report over a period of the traces' sending, [from, to). */
export class PeriodReportHeader extends ReportHeader {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
}

export class RecordKeepingReport extends ReportHeader {
  @ApiProperty() weapons: number;
  @ApiProperty({ type: [RuleFigure] }) marking: RuleFigure[];
  @ApiProperty({ type: [TypeFigures] }) byType: TypeFigures[];
  @ApiProperty({ type: SeizedFigure }) seizedNotMarkedOrDestroyed: SeizedFigure;
  @ApiProperty({ type: MissingRequiredFigures }) missingRequiredFields: MissingRequiredFigures;
  @ApiProperty({ type: RetentionFigures }) retention: RetentionFigures;
  @ApiProperty({ type: DuplicateFigures }) suspectedDuplicates: DuplicateFigures;
}

export class HoursFigure {
  @nullableNumber() p50: number | null;
  @nullableNumber() p90: number | null;
}

export class OutcomeCounts {
  @ApiProperty() full: number;
  @ApiProperty() partial: number;
  @ApiProperty() delayed: number;
  @ApiProperty() refused: number;
}

export class TracingFigures {
  @ApiProperty() traces: number;
  @ApiProperty() acknowledged: number;
  @ApiProperty() answered: number;
  /** answered / traces */
  @nullableNumber('answered / traces') responseRate: number | null;
  @ApiProperty({ type: HoursFigure }) acknowledgeHours: HoursFigure;
  @ApiProperty({ type: HoursFigure }) answerHours: HoursFigure;
  @ApiProperty({ type: OutcomeCounts }) outcomes: OutcomeCounts;
  @ApiProperty() closed: number;
  @ApiProperty() diversionPointIdentified: number;
  /** diversionPointIdentified / closed: the share of traces that reached the point of diversion. */
  @nullableNumber('diversionPointIdentified / closed: the share of traces that reached the point of diversion') diversionShare: number | null;
}

export class CounterpartFigures extends TracingFigures {
  @ApiProperty({ enum: ['outgoing', 'incoming'] }) direction: 'outgoing' | 'incoming';
  @ApiProperty() state: string;
}

export class OverdueFigures {
  @ApiProperty() sent: number;
  @ApiProperty() received: number;
}

export class FailureReasonFigure {
  @ApiProperty() direction: string;
  @ApiProperty() reason: string;
  @ApiProperty() traces: number;
}

export class MonthlyAnswerTime {
  @ApiProperty() direction: string;
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty() answered: number;
  @ApiProperty() answerHoursP50: number;
}

export class TracingReport extends PeriodReportHeader {
  /** Requests this State sent, and those it received. */
  @ApiProperty({ type: TracingFigures, description: 'Requests this State sent' }) sent: TracingFigures;
  @ApiProperty({ type: TracingFigures, description: 'Requests this State received' }) received: TracingFigures;
  @ApiProperty({ type: [CounterpartFigures] }) byCounterpart: CounterpartFigures[];
  @ApiProperty({ type: OverdueFigures }) overdueNow: OverdueFigures;
  @ApiProperty({ type: [FailureReasonFigure] }) failureReasons: FailureReasonFigure[];
  @ApiProperty({ type: [MonthlyAnswerTime] }) answerTimeByMonth: MonthlyAnswerTime[];
}

/** One part of the biennial national report on the ITI, prefilled from the data. */
export class NationalReportSection {
  @ApiProperty() id: string;
  @ApiProperty() heading: string;
  @ApiProperty() paragraph: string;
  /** A draft answer written from the figures; the NPC reviews and completes it. */
  @ApiProperty({ description: 'A draft answer written from the figures; the NPC reviews and completes it' }) prefilled: string;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true } }) figures: Record<string, number | string | null>;
  /** What the NPC still has to say, in words no system can supply. */
  @ApiProperty({ description: 'What the NPC still has to say, in words no system can supply' }) toComplete: string;
}

export class NationalReport extends PeriodReportHeader {
  @ApiProperty() stateName: string;
  @ApiProperty({ type: [NationalReportSection] }) sections: NationalReportSection[];
}
