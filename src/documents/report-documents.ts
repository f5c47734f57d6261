import type { NationalReport, RecordKeepingReport, TracingFigures, TracingReport } from '../reports/dto/report.dto';
import { FormDocument, percent } from './pdf-layout';
import { canonicalSha256 } from './trace-forms';

/**
 * The auditors' reports as PDF/A documents: tables and vector charts, the time of generation, the
 * data's as-of time, and the SHA-256 of the report's canonical JSON (the same report in JSON hashes alike).
 */
const DECORATION = {
  classification: 'restricted',
  restrictions: 'For the national authorities: record-keeping and tracing under the International Tracing Instrument',
};

const hours = (value: number | null) => (value === null ? '—' : `${value} h`);
const day = (iso: string) => iso.slice(0, 10);
/** A bound of a report's period: its day when it falls at midnight UTC, else its day and time (a default period ends now). */
export const periodBound = (iso: string) => (iso.slice(10) === 'T00:00:00.000Z' ? day(iso) : `${iso.slice(0, 16).replace('T', ' ')} UTC`);
const stamp = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function open(title: string, subject: string, stateCode: string, report: { generatedAt: string }, sha256: string): FormDocument {
  return new FormDocument({
    title: `${title} — ${stateCode}`,
    author: `ITI Trace, ${stateCode}`,
    subject,
    keywords: `ITI; ${title}; ${stateCode}; sha256:${sha256}`,
    creationDate: new Date(report.generatedAt),
  });
}

function times(form: FormDocument, report: { generatedAt: string; asOf: string }): void {
  form.field('Generated', stamp(report.generatedAt));
  form.field('Data as of', stamp(report.asOf));
}

function verification(form: FormDocument, sha256: string): void {
  form.section('Verification', 60);
  form.paragraph('SHA-256 of the report\'s content (RFC 8785 canonical JSON of the report as the API returns it in JSON):');
  form.monoLine(sha256);
}

export async function renderRecordKeepingPdf(report: RecordKeepingReport): Promise<Buffer> {
  const sha256 = canonicalSha256(report);
  const form = open('Record-keeping report', 'Completeness of marking and record-keeping under the ITI', report.stateCode, report, sha256);
  form.title('Record-keeping report', `${report.stateCode} · ${report.weapons} weapons in the registry`);
  times(form, report);

  form.section('Marking: share of weapons concerned whose markings meet each rule');
  form.barChart(
    report.marking.map((f) => ({ label: `${f.paragraph}`, share: f.share, note: `${f.met} of ${f.applicable}` })),
    `Bar chart of the share of weapons meeting each ITI marking rule: ${report.marking.map((f) => `${f.paragraph} ${percent(f.share)}`).join(', ')}`,
  );
  form.table(
    [{ header: 'Rule', weight: 1 }, { header: 'What it requires', weight: 5 }, { header: 'Concerned', weight: 1.2 }, { header: 'Meet it', weight: 1 }, { header: 'Share', weight: 1 }],
    report.marking.map((f) => [f.paragraph, f.description.replace(/^ITI [^:]*: /, ''), String(f.applicable), String(f.met), percent(f.share)]),
  );

  form.section('By category and type of weapon (ITI 4)');
  form.table(
    [{ header: 'Category', weight: 1.2 }, { header: 'Type', weight: 2 }, { header: 'Weapons', weight: 1.3 }, ...report.marking.map((f) => ({ header: f.paragraph, weight: 1 })), { header: 'Missing a field', weight: 1.1 }],
    report.byType.map((t) => [t.category.replace('_', ' '), t.type.replaceAll('_', ' '), String(t.weapons), ...t.marking.map((f) => percent(f.share)), String(t.missingRequired)]),
  );

  form.section('Seized and found weapons (ITI 9)');
  form.field(`Neither marked nor destroyed after ${report.seizedNotMarkedOrDestroyed.afterDays} days`, String(report.seizedNotMarkedOrDestroyed.weapons));

  form.section('Records (ITI 12)');
  form.field('Missing a required field', `${report.missingRequiredFields.weapons} (required: ${report.missingRequiredFields.fields.join(', ')})`);
  if (report.missingRequiredFields.records.items.length > 0) {
    form.caption(`Records missing a field (first ${report.missingRequiredFields.records.items.length}; the API pages through all)`);
    form.table(
      [{ header: 'Record', weight: 3 }, { header: 'Type', weight: 2 }, { header: 'Serial', weight: 1.5 }, { header: 'Missing', weight: 2.5 }],
      report.missingRequiredFields.records.items.map((r) => [r.id, r.type.replaceAll('_', ' '), r.serial ?? '—', r.missing.join(', ')]),
    );
  }
  form.field('Within retention', String(report.retention.withinRetention));
  form.field('On legal hold', String(report.retention.onLegalHold));
  form.field('Retention passed, eligible for purge', `${report.retention.eligibleForPurge}${report.retention.purgeEnabled ? '' : ' (purging is disabled on this node: they are kept)'}`);

  form.section('Suspected duplicate records (ITI 8: one unique marking per weapon)');
  form.field('Groups (same serial and manufacturer)', String(report.suspectedDuplicates.groups));
  form.field('Weapons in them', String(report.suspectedDuplicates.weapons));
  if (report.suspectedDuplicates.examples.length > 0) {
    form.table(
      [{ header: 'Serial (normalised)', weight: 2 }, { header: 'Manufacturer', weight: 2 }, { header: 'Records', weight: 5 }],
      report.suspectedDuplicates.examples.map((d) => [
        d.serial, d.manufacturer ?? '—', d.records > d.weaponIds.length ? `${d.records}, the first ${d.weaponIds.length}: ${d.weaponIds.join(', ')}` : d.weaponIds.join(', '),
      ]),
    );
  }
  verification(form, sha256);
  return form.finish({ ...DECORATION, footer: `Record-keeping report ${report.stateCode} · ${stamp(report.generatedAt)}` });
}

export async function renderTracingPdf(report: TracingReport): Promise<Buffer> {
  const sha256 = canonicalSha256(report);
  const form = open('Tracing report', 'Timeliness and outcomes of traces under the ITI', report.stateCode, report, sha256);
  form.title('Tracing report', `${report.stateCode} · traces sent from ${periodBound(report.from)} to ${periodBound(report.to)} (exclusive)`);
  times(form, report);

  const columns = [
    { header: 'Counterpart', weight: 1.3 }, { header: 'Traces', weight: 1 }, { header: 'Answered', weight: 1.1 }, { header: 'Response rate', weight: 1.2 },
    { header: 'Acknowledged p50 / p90', weight: 1.8 }, { header: 'Answered p50 / p90', weight: 1.8 },
  ];
  const row = (label: string, f: TracingFigures) => [
    label, String(f.traces), String(f.answered), percent(f.responseRate), `${hours(f.acknowledgeHours.p50)} / ${hours(f.acknowledgeHours.p90)}`, `${hours(f.answerHours.p50)} / ${hours(f.answerHours.p90)}`,
  ];
  for (const [heading, direction, totals] of [['Requests sent, and the answers received', 'outgoing', report.sent], ['Requests received, and our answers', 'incoming', report.received]] as const) {
    form.section(heading);
    form.table(columns, [row('All', totals), ...report.byCounterpart.filter((c) => c.direction === direction).map((c) => row(c.state, c))]);
    form.field('Outcomes', `full ${totals.outcomes.full}, partial ${totals.outcomes.partial}, delayed ${totals.outcomes.delayed}, refused ${totals.outcomes.refused}`);
    form.field('Closed', String(totals.closed));
    form.field('Reached the point of diversion', `${totals.diversionPointIdentified} (${percent(totals.diversionShare)} of those closed)`);
  }

  form.section('Overdue now');
  form.field('Requests sent, waiting for the requested State', String(report.overdueNow.sent));
  form.field('Requests received, waiting for our answer', String(report.overdueNow.received));

  form.section('Why answers were not full');
  if (report.sent.answered + report.received.answered === 0) form.paragraph('No trace of the period has been answered yet: there is no answer to judge.');
  else if (report.failureReasons.length === 0) form.paragraph('Every answer in the period was full.');
  else {
    form.table(
      [{ header: 'Direction', weight: 1 }, { header: 'Reason', weight: 3 }, { header: 'Traces', weight: 1 }],
      report.failureReasons.map((r) => [r.direction === 'outgoing' ? 'sent' : 'received', r.reason.replaceAll('_', ' '), String(r.traces)]),
    );
  }

  form.section('Time to answer, by month of sending (median, hours)', 220);
  const months = monthsBetween(report.answerTimeByMonth.map((m) => m.month));
  if (months.length === 0) form.paragraph('No trace of the period has been answered yet.');
  else {
    const line = (direction: string) => months.map((month) => report.answerTimeByMonth.find((m) => m.direction === direction && m.month === month)?.answerHoursP50 ?? null);
    form.lineChart(months, [
      { label: 'Answers to our requests', values: line('outgoing') },
      { label: 'Our answers', values: line('incoming') },
    ], {
      unit: 'h',
      alt: `Line chart of the median hours to answer per month: ${report.answerTimeByMonth.map((m) => `${m.direction === 'outgoing' ? 'answers to us' : 'our answers'} ${m.month} ${m.answerHoursP50} h`).join(', ')}`,
    });
  }
  verification(form, sha256);
  return form.finish({ ...DECORATION, footer: `Tracing report ${report.stateCode} · ${stamp(report.generatedAt)}` });
}

export async function renderNationalPdf(report: NationalReport): Promise<Buffer> {
  const sha256 = canonicalSha256(report);
  const form = open('National report on the ITI', 'Biennial national report on the implementation of the International Tracing Instrument', report.stateCode, report, sha256);
  form.title(
    'National report on the International Tracing Instrument',
    `${report.stateName} (${report.stateCode}) · marking, record-keeping and tracing · ${periodBound(report.from)} to ${periodBound(report.to)} (exclusive)`,
  );
  times(form, report);
  form.paragraph(
    'Prefilled from the national registry as it stands at the data\'s as-of time (marking and record-keeping: the registry keeps no past states of itself) and from the traces of the period (tracing); the national point of contact reviews each answer and completes what the data cannot say.',
    { color: '#444444' },
  );
  for (const section of report.sections) {
    form.section(`${section.heading} (${section.paragraph})`);
    form.paragraph(section.prefilled);
    form.block('To complete', section.toComplete);
  }
  verification(form, sha256);
  return form.finish({ ...DECORATION, footer: `National report ${report.stateCode} · ${stamp(report.generatedAt)}` });
}

/** Every month from the first to the last given (YYYY-MM), so that the chart's time axis is even. */
function monthsBetween(months: string[]): string[] {
  if (months.length === 0) return [];
  const sorted = [...months].sort();
  const [first, last] = [sorted[0], sorted[sorted.length - 1]];
  const result: string[] = [];
  for (let [year, month] = first.split('-').map(Number); `${year}-${String(month).padStart(2, '0')}` <= last; month === 12 ? ((month = 1), (year += 1)) : (month += 1)) {
    result.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return result;
}
