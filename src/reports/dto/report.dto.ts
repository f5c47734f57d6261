import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsInstant } from '../../common/http/instant';
import { Optional } from '../../common/http/optional';
import { Page, PageQueryDto } from '../../common/http/pagination';

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

export interface RuleFigure {
  rule: string;
  paragraph: string;
  description: string;
  applicable: number;
  met: number;
  /** met / applicable, null when no record is concerned. */
  share: number | null;
}

export interface RecordKeepingReport {
  stateCode: string;
  generatedAt: string;
  /** The database's time of the snapshot the figures come from. */
  asOf: string;
  weapons: number;
  marking: RuleFigure[];
  byType: { category: string; type: string; weapons: number; marking: RuleFigure[]; missingRequired: number; seizedNotMarkedOrDestroyed: number }[];
  seizedNotMarkedOrDestroyed: { paragraph: string; afterDays: number; weapons: number };
  missingRequiredFields: {
    paragraph: string;
    fields: string[];
    weapons: number;
    /** The first page; the next ones from GET /reports/record-keeping/missing-fields with its nextCursor. */
    records: Page<MissingFieldsRecord>;
  };
  retention: { paragraph: string; withinRetention: number; onLegalHold: number; eligibleForPurge: number };
  suspectedDuplicates: { paragraph: string; groups: number; weapons: number; examples: { serial: string; manufacturer: string | null; weaponIds: string[] }[] };
}

export interface TracingFigures {
  traces: number;
  acknowledged: number;
  answered: number;
  /** answered / traces */
  responseRate: number | null;
  acknowledgeHours: { p50: number | null; p90: number | null };
  answerHours: { p50: number | null; p90: number | null };
  outcomes: { full: number; partial: number; delayed: number; refused: number };
  closed: number;
  diversionPointIdentified: number;
  /** diversionPointIdentified / closed: the share of traces that reached the point of diversion. */
  diversionShare: number | null;
}

export interface TracingReport {
  stateCode: string;
  generatedAt: string;
  asOf: string;
  from: string;
  to: string;
  /** Requests this State sent, and those it received. */
  sent: TracingFigures;
  received: TracingFigures;
  byCounterpart: ({ direction: 'outgoing' | 'incoming'; state: string } & TracingFigures)[];
  overdueNow: { sent: number; received: number };
  failureReasons: { direction: string; reason: string; traces: number }[];
  answerTimeByMonth: { direction: string; month: string; answered: number; answerHoursP50: number }[];
}

/** One part of the biennial national report on the ITI, prefilled from the data. */
export interface NationalReportSection {
  id: string;
  heading: string;
  paragraph: string;
  /** A draft answer written from the figures; the NPC reviews and completes it. */
  prefilled: string;
  figures: Record<string, number | string | null>;
  /** What the NPC still has to say, in words no system can supply. */
  toComplete: string;
}

export interface NationalReport {
  stateCode: string;
  stateName: string;
  from: string;
  to: string;
  generatedAt: string;
  asOf: string;
  sections: NationalReportSection[];
}
