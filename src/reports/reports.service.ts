import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { snapshotConnections } from '../database/data-source-options';
import { Db } from '../database/db';
import { checkPeriod } from '../common/http/instant';
import { Page, PageQueryDto } from '../common/http/pagination';
import { AppConfig } from '../config/app-config';
import { AfterCommit } from '../common/http/after-commit';
import { percent } from '../documents/pdf-layout';
import { periodBound, renderNationalPdf, renderRecordKeepingPdf, renderTracingPdf } from '../documents/report-documents';
import { MARKING_RULES } from '../registry/marking-rules';
import { WeaponsService } from '../registry/weapons.service';
import { StatesService } from '../states/states.service';
import { MissingFieldsRecord, NationalReport, NationalReportSection, RecordKeepingQueryDto, RecordKeepingReport, ReportFormat, RuleFigure, TracingFigures, TracingReport, TracingReportQueryDto } from './dto/report.dto';
import { RecordKeepingRow, REQUIRED_FIELD_NAMES, ReportsRepository, TracingRow } from './reports.repository';

const DAY = 86_400_000;
const DUPLICATE_EXAMPLES = 20;
/** Records named in each group of suspected duplicates (the group says how many it holds). */
const DUPLICATE_IDS_SHOWN = 10;
/** The marking rules the report measures, with the counts of the repository's row that hold them. */
type Count = Exclude<keyof RecordKeepingRow, 'category' | 'type'>;
const MEASURED: { rule: '8a' | '8b' | '8c' | '8d' | '9'; applicable: Count; met: Count }[] = [
  { rule: '8a', applicable: 'a8Applicable', met: 'a8Met' },
  { rule: '8b', applicable: 'b8Applicable', met: 'b8Met' },
  { rule: '8c', applicable: 'c8Applicable', met: 'c8Met' },
  { rule: '8d', applicable: 'd8Applicable', met: 'd8Met' },
  { rule: '9', applicable: 'seizedOrFound', met: 'seizedMarked' },
];
const SUMMED: Count[] = [
  'weapons', 'a8Applicable', 'a8Met', 'b8Applicable', 'b8Met', 'c8Applicable', 'c8Met', 'd8Applicable', 'd8Met', 'seizedOrFound', 'seizedMarked',
  'seizedOverdue', 'missingRequired', 'withinRetention', 'onLegalHold', 'eligibleForPurge',
];

/** A report as JSON (no file headers), or a file: CSV text, or a PDF to render once the transaction has ended. */
export type Rendered<R> = { body: R; contentType?: undefined; filename?: undefined } | { contentType: string; filename: string; body: string | AfterCommit<Buffer> };

/** The same instant `years` years before (29 February to 1 March in a year without one). */
function yearsBefore(instant: Date, years: number): Date {
  const before = new Date(instant);
  before.setUTCFullYear(before.getUTCFullYear() - years);
  return before;
}

/**
 * part / whole to four decimals, never rounded to all or to none when it is neither: 999,999 records of a
 * million that meet a rule are 0.9999, not 1.
 */
export const share = (part: number, whole: number) => {
  if (whole === 0) return null;
  const rounded = Math.round((part / whole) * 10_000);
  return Math.min(part < whole ? 9_999 : 10_000, Math.max(part > 0 ? 1 : 0, rounded)) / 10_000;
};

/**
 * The auditors' reports: how complete the State's records are against the ITI, and how fast its traces
 * are answered. Every figure is an SQL aggregation over the State's own rows; JSON or CSV (RFC 4180).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Db,
    private readonly reports: ReportsRepository,
    private readonly weapons: WeaponsService,
    private readonly states: StatesService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Reports being made in this process now. */
  private running = 0;

  /**
   * Each report's figures come from one snapshot of the database (Db.snapshot), the time of which is its
   * `asOf`. A report holds its request's connection while it runs: as many reports as the snapshots have
   * connections run at once, none waiting for one; one more answers 503 at once rather than take the
   * connections logins and traces need (imports take at most another third).
   */
  private async snapshot<T>(actor: AuthUser, work: () => Promise<T>): Promise<T> {
    const most = snapshotConnections(this.config.DATABASE_POOL_SIZE);
    if (this.running >= most) {
      throw new AppError(503, 'REPORTS_BUSY', `This server is already making ${this.running} reports, its most at once; ask again in a few seconds`);
    }
    this.running += 1;
    try {
      return await this.db.snapshot(actor.stateCode, work);
    } finally {
      this.running -= 1;
    }
  }

  recordKeeping(actor: AuthUser, query: RecordKeepingQueryDto): Promise<RecordKeepingReport> {
    return this.snapshot(actor, () => this.recordKeepingNow(actor, query));
  }

  private async recordKeepingNow(actor: AuthUser, query: RecordKeepingQueryDto): Promise<RecordKeepingReport> {
    const asOf = await this.reports.asOf();
    const today = asOf.toISOString().slice(0, 10);
    const seizedBefore = new Date(asOf.getTime() - this.config.REPORT_SEIZED_MARKING_DAYS * DAY).toISOString().slice(0, 10);
    const rows = await this.reports.recordKeeping(actor.stateCode, today, seizedBefore);
    const totals = Object.fromEntries(SUMMED.map((key) => [key, rows.reduce((sum, row) => sum + row[key], 0)])) as Pick<RecordKeepingRow, Count>;
    // The first page of the records missing a field; the next ones come from GET /reports/record-keeping/missing-fields.
    const records = totals.missingRequired === 0 ? { items: [], nextCursor: null } : await this.reports.missingRequired(actor.stateCode, { limit: query.limit });
    const duplicates = await this.reports.duplicates(actor.stateCode, DUPLICATE_EXAMPLES, DUPLICATE_IDS_SHOWN);
    return {
      stateCode: actor.stateCode,
      generatedAt: this.clock.now().toISOString(),
      asOf: asOf.toISOString(),
      weapons: totals.weapons,
      marking: ruleFigures(totals),
      byType: rows.map((row) => ({
        category: row.category, type: row.type, weapons: row.weapons, marking: ruleFigures(row), missingRequired: row.missingRequired, seizedNotMarkedOrDestroyed: row.seizedOverdue,
      })),
      seizedNotMarkedOrDestroyed: { paragraph: 'ITI 9', afterDays: this.config.REPORT_SEIZED_MARKING_DAYS, weapons: totals.seizedOverdue },
      missingRequiredFields: {
        paragraph: 'ITI 12',
        fields: REQUIRED_FIELD_NAMES,
        weapons: totals.missingRequired,
        records,
      },
      retention: { paragraph: 'ITI 12', withinRetention: totals.withinRetention, onLegalHold: totals.onLegalHold, eligibleForPurge: totals.eligibleForPurge, purgeEnabled: this.config.RETENTION_PURGE_ENABLED },
      suspectedDuplicates: { paragraph: 'ITI 8', ...duplicates },
    };
  }

  /** Every record of the State missing a required field (ITI 12), page by page: what registrars have to complete. */
  missingFields(actor: AuthUser, page: PageQueryDto): Promise<Page<MissingFieldsRecord>> {
    return this.reports.missingRequired(actor.stateCode, page);
  }

  tracing(actor: AuthUser, query: TracingReportQueryDto): Promise<TracingReport> {
    return this.snapshot(actor, () => this.tracingNow(actor, query));
  }

  /** `years`: the period when `from` is not given, to `to` (or now), at the same time of day. */
  private async tracingNow(actor: AuthUser, query: TracingReportQueryDto, years = 1): Promise<TracingReport> {
    const asOf = await this.reports.asOf();
    const to = query.to ? new Date(query.to) : asOf;
    const from = query.from ? new Date(query.from) : yearsBefore(to, years);
    checkPeriod(from, to);
    const rows = await this.reports.tracing(actor.stateCode, from, to);
    const overdue = await this.reports.overdueNow(actor.stateCode);
    const total = (direction: string) => tracingFigures(rows.find((r) => r.direction === direction && r.counterpart === null));
    return {
      stateCode: actor.stateCode,
      generatedAt: this.clock.now().toISOString(),
      asOf: asOf.toISOString(),
      from: from.toISOString(),
      to: to.toISOString(),
      sent: total('outgoing'),
      received: total('incoming'),
      byCounterpart: rows
        .filter((r) => r.counterpart !== null)
        .map((r) => ({ direction: r.direction as 'outgoing' | 'incoming', state: r.counterpart as string, ...tracingFigures(r) })),
      overdueNow: {
        sent: overdue.find((o) => o.direction === 'outgoing')?.traces ?? 0,
        received: overdue.find((o) => o.direction === 'incoming')?.traces ?? 0,
      },
      failureReasons: await this.reports.failureReasons(actor.stateCode, from, to),
      answerTimeByMonth: await this.reports.answerTimeByMonth(actor.stateCode, from, to),
    };
  }

  /**
   * The marking, record-keeping and tracing part of the biennial national report (ITI 36), each answer
   * prefilled from the figures, for the NPC to complete and export: the tracing part from the traces of the
   * period, the marking and record-keeping parts from the registry as it stands at `asOf` (it keeps no past
   * states of itself), as the form says.
   */
  national(actor: AuthUser, query: TracingReportQueryDto): Promise<NationalReport> {
    return this.snapshot(actor, () => this.nationalNow(actor, query));
  }

  private async nationalNow(actor: AuthUser, query: TracingReportQueryDto): Promise<NationalReport> {
    const records = await this.recordKeepingNow(actor, { limit: 1 } as RecordKeepingQueryDto);
    // The national report is biennial: two years to now unless a period is given.
    const tracing = await this.tracingNow(actor, query, 2);
    const policies = (await this.weapons.settings(actor)).rulePolicies;
    const state = await this.states.get(actor.stateCode);
    const rule = (id: string) => records.marking.find((f) => f.rule === id)!;
    const handled = (id: string) => {
      if (policies[id] !== 'refuse') return 'a record that breaches it is kept and flagged as incomplete';
      const excused = MARKING_RULES.find((r) => r.id === id)?.excused;
      return `a record that breaches it is refused${excused ? `, save ${excused}, which is kept and flagged as incomplete` : ''}`;
    };
    const met = (f: RuleFigure) => (f.applicable === 0 ? 'No weapon in the registry is concerned.' : f.applicable === 1 ? `The one weapon concerned ${f.met === 1 ? 'meets' : 'does not meet'} it.` : `${f.met} of the ${f.applicable} weapons concerned (${percent(f.share)}) meet it.`);
    const markingSection = (id: string, key: string, heading: string, practice: string, extra: Record<string, number> = {}): NationalReportSection => {
      const f = rule(id);
      return {
        id: key, heading, paragraph: f.paragraph,
        prefilled: `${practice} The national registry checks every record against ${f.paragraph}; ${handled(id)}. ${met(f)}`,
        figures: { applicable: f.applicable, met: f.met, share: f.share, policy: policies[id] ?? null, ...extra },
        toComplete: 'The legal basis of this marking, who applies it, and the measures taken for weapons that do not meet it.',
      };
    };
    const days = (h: number | null) => (h === null ? 'not measurable yet' : `${Math.round((h / 24) * 10) / 10} days`);
    const sections: NationalReportSection[] = [
      markingSection('8a', 'marking_at_manufacture', 'Marking at manufacture', 'At manufacture each weapon is marked with the name of the manufacturer, the country of manufacture and a serial number, or an alternative unique marking identifying the country of manufacture.'),
      markingSection('8b', 'marking_at_import', 'Marking at import', 'At import each weapon receives a marking identifying the country of import and, where possible, the year, and a unique marking if it bears none.'),
      markingSection('8c', 'marking_transfer_to_civilian', 'Transfer from government stocks to civilian use', 'A weapon transferred from government stocks to permanent civilian use is marked to identify the transferring State.'),
      markingSection('8d', 'marking_government_stocks', 'Weapons held by government forces', 'Weapons held by the government armed and security forces are duly marked.'),
      markingSection('9', 'seized_and_found', 'Illicit weapons found or seized', 'An illicit weapon found or seized is uniquely marked and recorded, or destroyed.', {
        overdueAfterDays: records.seizedNotMarkedOrDestroyed.afterDays, overdue: records.seizedNotMarkedOrDestroyed.weapons,
      }),
      {
        id: 'record_keeping', heading: 'Record-keeping', paragraph: 'ITI 11–13',
        prefilled:
          `Records are kept in the national registry for at least ${this.config.RETENTION_MANUFACTURE_YEARS} years (manufacture) and ${this.config.RETENTION_OTHER_YEARS} years (all other records); ` +
          `${this.config.RETENTION_PURGE_ENABLED ? 'records past their retention may be purged' : 'no record is ever purged'}, and records under a legal hold are kept in any case. ` +
          `The registry holds ${records.weapons} weapons; ${records.missingRequiredFields.weapons} records lack a required field and ${records.retention.onLegalHold} are on legal hold. ` +
          'When a manufacturer or dealer closes, its records pass to the State.',
        figures: { weapons: records.weapons, missingRequired: records.missingRequiredFields.weapons, onLegalHold: records.retention.onLegalHold, suspectedDuplicates: records.suspectedDuplicates.groups },
        toComplete: 'Who keeps the records (State, manufacturers, dealers), and how they are kept accessible for tracing.',
      },
      {
        id: 'tracing', heading: 'Tracing', paragraph: 'ITI 14–23',
        prefilled:
          `From ${periodBound(tracing.from)} to ${periodBound(tracing.to)} (exclusive), ${tracing.sent.traces} trace requests were sent, of which ${tracing.sent.answered} were answered ` +
          `(median time to an answer: ${days(tracing.sent.answerHours.p50)}); ${tracing.received.traces} requests were received, of which ${tracing.received.answered} were answered ` +
          `(median time: ${days(tracing.received.answerHours.p50)}). ${tracing.sent.diversionPointIdentified} traces reached the point where the weapon became illicit.`,
        figures: {
          sent: tracing.sent.traces, sentAnswered: tracing.sent.answered, received: tracing.received.traces, receivedAnswered: tracing.received.answered,
          answerHoursP50Sent: tracing.sent.answerHours.p50, answerHoursP50Received: tracing.received.answerHours.p50, diversionPointIdentified: tracing.sent.diversionPointIdentified,
        },
        toComplete: 'The experience of tracing: difficulties met, cooperation with other States and with INTERPOL, and assistance needed or offered.',
      },
    ];
    return { stateCode: actor.stateCode, stateName: state.name, from: tracing.from, to: tracing.to, generatedAt: records.generatedAt, asOf: records.asOf, sections };
  }

  /** A report in the format asked for: the report itself (JSON), CSV text, or a PDF rendered after the commit. */
  render<R>(format: ReportFormat | undefined, name: string, report: R, csvOf: (report: R) => string, pdfOf: (report: R) => Promise<Buffer>): Rendered<R> {
    if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', filename: `${name}.csv`, body: csvOf(report) };
    if (format === 'pdf') return { contentType: 'application/pdf', filename: `${name}.pdf`, body: new AfterCommit(() => pdfOf(report)) };
    return { body: report };
  }

  recordKeepingPdf(report: RecordKeepingReport): Promise<Buffer> {
    return renderRecordKeepingPdf(report);
  }

  tracingPdf(report: TracingReport): Promise<Buffer> {
    return renderTracingPdf(report);
  }

  nationalPdf(report: NationalReport): Promise<Buffer> {
    return renderNationalPdf(report);
  }

  /** The national report as CSV: one figure per line, with its section and ITI paragraph. */
  nationalCsv(report: NationalReport): string {
    return csv(['section', 'iti_paragraph', 'figure', 'value'], report.sections.flatMap((s) => Object.entries(s.figures).map(([figure, value]) => [s.id, s.paragraph, figure, value])));
  }

  /** The record-keeping report as CSV: one figure per line, each with its ITI paragraph. */
  recordKeepingCsv(report: RecordKeepingReport): string {
    const lines: (string | number | null)[][] = [];
    const rules = (category: string, type: string, figures: RuleFigure[]) => {
      for (const f of figures) {
        lines.push(['marking', category, type, `${f.rule} applicable`, f.paragraph, f.applicable]);
        lines.push(['marking', category, type, `${f.rule} met`, f.paragraph, f.met]);
        lines.push(['marking', category, type, `${f.rule} share`, f.paragraph, f.share]);
      }
    };
    rules('all', 'all', report.marking);
    for (const t of report.byType) {
      lines.push(['records', t.category, t.type, 'weapons', '', t.weapons]);
      rules(t.category, t.type, t.marking);
      lines.push(['records', t.category, t.type, 'missing a required field', 'ITI 12', t.missingRequired]);
      lines.push(['marking', t.category, t.type, `seized or found, neither marked nor destroyed after ${report.seizedNotMarkedOrDestroyed.afterDays} days`, 'ITI 9', t.seizedNotMarkedOrDestroyed]);
    }
    lines.push(['records', 'all', 'all', 'weapons', '', report.weapons]);
    lines.push(['records', 'all', 'all', 'missing a required field', 'ITI 12', report.missingRequiredFields.weapons]);
    lines.push(['marking', 'all', 'all', `seized or found, neither marked nor destroyed after ${report.seizedNotMarkedOrDestroyed.afterDays} days`, 'ITI 9', report.seizedNotMarkedOrDestroyed.weapons]);
    lines.push(['retention', 'all', 'all', 'within retention', 'ITI 12', report.retention.withinRetention]);
    lines.push(['retention', 'all', 'all', 'on legal hold', 'ITI 12', report.retention.onLegalHold]);
    lines.push(['retention', 'all', 'all', 'eligible for purge', 'ITI 12', report.retention.eligibleForPurge]);
    lines.push(['duplicates', 'all', 'all', 'suspected duplicate groups', 'ITI 8', report.suspectedDuplicates.groups]);
    lines.push(['duplicates', 'all', 'all', 'weapons in suspected duplicate groups', 'ITI 8', report.suspectedDuplicates.weapons]);
    return csv(['section', 'category', 'type', 'figure', 'iti_paragraph', 'value'], lines);
  }

  /** The tracing report as CSV: one line per direction and counterpart (the direction's totals first). */
  tracingCsv(report: TracingReport): string {
    const line = (direction: string, state: string, f: TracingFigures) => [
      direction, state, f.traces, f.acknowledged, f.answered, f.responseRate, f.acknowledgeHours.p50, f.acknowledgeHours.p90, f.answerHours.p50, f.answerHours.p90,
      f.outcomes.full, f.outcomes.partial, f.outcomes.delayed, f.outcomes.refused, f.closed, f.diversionPointIdentified, f.diversionShare,
    ];
    const lines = [
      line('outgoing', 'all', report.sent),
      ...report.byCounterpart.filter((c) => c.direction === 'outgoing').map((c) => line('outgoing', c.state, c)),
      line('incoming', 'all', report.received),
      ...report.byCounterpart.filter((c) => c.direction === 'incoming').map((c) => line('incoming', c.state, c)),
    ];
    return csv([
      'direction', 'counterpart', 'traces', 'acknowledged', 'answered', 'response_rate', 'acknowledge_hours_p50', 'acknowledge_hours_p90', 'answer_hours_p50',
      'answer_hours_p90', 'full', 'partial', 'delayed', 'refused', 'closed', 'diversion_point_identified', 'diversion_share',
    ], lines);
  }
}

function ruleFigures(row: Pick<RecordKeepingRow, Count>): RuleFigure[] {
  return MEASURED.map(({ rule, applicable, met }) => {
    const definition = MARKING_RULES.find((r) => r.id === rule)!;
    return { rule, paragraph: definition.paragraph, description: definition.message, applicable: row[applicable], met: row[met], share: share(row[met], row[applicable]) };
  });
}

function tracingFigures(row: TracingRow | undefined): TracingFigures {
  const r = row ?? ({ traces: 0, acknowledged: 0, answered: 0, full: 0, partial: 0, delayed: 0, refused: 0, closed: 0, diversionPointIdentified: 0 } as TracingRow);
  return {
    traces: r.traces,
    acknowledged: r.acknowledged,
    answered: r.answered,
    responseRate: share(r.answered, r.traces),
    acknowledgeHours: { p50: r.acknowledgeHoursP50 ?? null, p90: r.acknowledgeHoursP90 ?? null },
    answerHours: { p50: r.answerHoursP50 ?? null, p90: r.answerHoursP90 ?? null },
    outcomes: { full: r.full, partial: r.partial, delayed: r.delayed, refused: r.refused },
    closed: r.closed,
    diversionPointIdentified: r.diversionPointIdentified,
    diversionShare: share(r.diversionPointIdentified, r.closed),
  };
}

/** RFC 4180: a header line, CRLF line ends, fields quoted where needed; an empty field for no value. */
function csv(header: string[], lines: (string | number | null)[][]): string {
  return stringify([header, ...lines.map((l) => l.map((v) => (v === null ? '' : v)))], { record_delimiter: 'windows' });
}
