import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { flatText, parsePdf } from './support/pdf';
import { DeactivatedFrom1795485000000 as Migration } from '../migrations/1795485000000-DeactivatedFrom';
import { SeizureMarkingRules1795489000000 as SeizureMarkingRules } from '../migrations/1795489000000-SeizureMarkingRules';
import { IllegibleSerialRules1795492000000 as IllegibleSerialRules } from '../migrations/1795492000000-IllegibleSerialRules';
import { MISSING_REQUIRED } from '../src/registry/entities/weapon.entity';
import { ReportsRepository } from '../src/reports/reports.repository';
import { asMigrator, bearer, bytes, createTestApp, createUser, inOwnerTransaction, login, ownerQuery, queryPlan, TestApp, Tokens, untilWaitingForLocks } from './support/test-app';
import { registerWeapon } from './support/weapons';

const api = (path: string) => `/api/v1${path}`;
const DAY = 86_400_000;

interface WeaponRow {
  key: string;
  type?: string;
  category?: string;
  status: string;
  incomplete?: string[];
  craft?: boolean;
  model?: string | null;
  country?: string | null;
  serial?: string | null;
  obliterated?: boolean;
  legalHold?: string | null;
  events: { type: string; daysAgo: number; retainUntil: string }[];
}

/**
 * A small registry whose figures are counted by hand in the comments below (FRA), and one weapon of BRA
 * that no FRA figure may include.
 */
const WEAPONS: WeaponRow[] = [
  { key: 'W1', status: 'civilian_held', serial: 'DUP-1', events: [{ type: 'manufactured', daysAgo: 3000, retainUntil: '2056-01-01' }] },
  { key: 'W2', status: 'civilian_held', incomplete: ['ITI_8A_MANUFACTURE_MARKING'], model: null, events: [{ type: 'manufactured', daysAgo: 9000, retainUntil: '2001-01-01' }] },
  { key: 'W3', status: 'civilian_held', incomplete: ['ITI_8B_IMPORT_MARKING'], events: [{ type: 'imported', daysAgo: 400, retainUntil: '2046-01-01' }] },
  { key: 'W4', type: 'rifle', status: 'in_service', events: [{ type: 'acquired_by_government', daysAgo: 800, retainUntil: '2046-01-01' }] },
  { key: 'W5', type: 'rifle', status: 'government_stock', incomplete: ['ITI_8D_GOVERNMENT_MARKING'], events: [{ type: 'acquired_by_government', daysAgo: 800, retainUntil: '2046-01-01' }] },
  { key: 'W6', status: 'seized', incomplete: ['ITI_9_SEIZED_OR_FOUND_MARKING'], serial: null, obliterated: true, events: [{ type: 'seized', daysAgo: 200, retainUntil: '2046-01-01' }] },
  { key: 'W7', status: 'found', incomplete: ['ITI_9_SEIZED_OR_FOUND_MARKING'], country: null, events: [{ type: 'found', daysAgo: 10, retainUntil: '2046-01-01' }] },
  {
    key: 'W8', status: 'civilian_held', incomplete: ['ITI_8C_TRANSFER_MARKING'], serial: 'DUP-1', legalHold: 'Court order 2026/77',
    events: [{ type: 'transferred_to_civilian', daysAgo: 100, retainUntil: '2046-01-01' }],
  },
  { key: 'W9', type: 'mortar', category: 'light_weapon', status: 'civilian_held', craft: true, events: [{ type: 'manufactured', daysAgo: 50, retainUntil: '2056-01-01' }] },
];

describe('Auditor reports', () => {
  let t: TestApp;
  const tokens: Record<string, Tokens> = {};
  const ids: Record<string, string> = {};

  async function insertWeapon(state: string, w: WeaponRow): Promise<void> {
    const id = randomUUID();
    ids[w.key] = id;
    const serial = w.serial === undefined ? `SER-${w.key}` : w.serial;
    await ownerQuery(
      t,
      `INSERT INTO weapons (id, state_code, category, type_code, manufacturer_text, model, calibre_text, serial_as_marked, serial_normalised, country_of_manufacture,
                            status, craft_or_3d_printed, serial_obliterated, incomplete, legal_holds)
       VALUES ($1, $2, $3, $4, 'Glock', $5, '9x19mm', $6, $7, $8, $9, $10, $11, $12, $13)`,
      [id, state, w.category ?? 'small_arm', w.type ?? 'self_loading_pistol', w.model === undefined ? '17' : w.model, serial, serial?.replace('-', '') ?? null,
        w.country === undefined ? 'AUT' : w.country, w.status, w.craft ?? false, w.obliterated ?? false, w.incomplete ?? [], JSON.stringify(w.legalHold ? [{ id: randomUUID(), reason: w.legalHold, placedAt: '2026-01-01T00:00:00.000Z', placedBy: null }] : [])],
      state,
    );
    for (const e of w.events) {
      await ownerQuery(
        t,
        `INSERT INTO record_events (state_code, weapon_id, type, occurred_on, status_after, record_class, retain_until) VALUES ($1, $2, $3, $4, $5, 'other', $6)`,
        [state, id, e.type, new Date(Date.now() - e.daysAgo * DAY).toISOString().slice(0, 10), w.status, e.retainUntil],
        state,
      );
    }
  }

  async function insertTrace(state: string, t0: { direction: string; counterpart: string; sentAt: string; ackHours?: number; answerHours?: number; answer?: object; closeReason?: string; overdue?: boolean; status?: string }) {
    const id = randomUUID();
    const sent = new Date(t0.sentAt);
    const at = (hours?: number) => (hours === undefined ? null : new Date(sent.getTime() + hours * 3600_000));
    const [requesting, requested] = t0.direction === 'outgoing' ? [state, t0.counterpart] : [t0.counterpart, state];
    const status = t0.status ?? (t0.closeReason ? 'closed' : t0.answer ? 'answered' : t0.ackHours !== undefined ? 'acknowledged' : 'sent');
    await ownerQuery(
      t,
      `INSERT INTO traces (id, state_code, exchange_id, direction, status, requesting_state, requested_state, requesting_authority, channel, priority,
                           illicit_basis, legal_justification, recovery, intended_use, classification, weapon_observed, created_at, updated_at,
                           sent_at, acknowledged_at, answered_at, answer, close_reason, closed_at, overdue_since)
       VALUES ($1, $2, $1, $3, $4, $5, $6, 'Police', 'direct', 'routine', '{not_marked_per_iti}', 'law', '{}', 'use', 'restricted', '{}', $7, $7,
               $7, $8, $9, $10, $11, $12, $13)`,
      [id, state, t0.direction, status, requesting, requested, sent, at(t0.ackHours), at(t0.answerHours), t0.answer ? JSON.stringify(t0.answer) : null,
        t0.closeReason ?? null, t0.closeReason ? at((t0.answerHours ?? 0) + 1) : null, t0.overdue ? new Date() : null],
      state,
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    for (const w of WEAPONS) await insertWeapon('FRA', w);
    await insertWeapon('BRA', { key: 'B1', status: 'civilian_held', incomplete: ['ITI_8A_MANUFACTURE_MARKING'], model: null, events: [{ type: 'manufactured', daysAgo: 10, retainUntil: '2056-01-01' }] });
    // Sent by FRA: two to BEL (answered in 72 h and 240 h, acknowledged in 24 h and 48 h), one to ITA still waiting and overdue.
    await insertTrace('FRA', { direction: 'outgoing', counterpart: 'BEL', sentAt: '2026-09-01T00:00:00Z', ackHours: 24, answerHours: 72, answer: { outcome: 'full' }, closeReason: 'diversion_point_identified' });
    await insertTrace('FRA', { direction: 'outgoing', counterpart: 'BEL', sentAt: '2026-09-10T00:00:00Z', ackHours: 48, answerHours: 240, answer: { outcome: 'refused', reasonCode: 'national_security' }, closeReason: 'chain_broken' });
    await insertTrace('FRA', { direction: 'outgoing', counterpart: 'ITA', sentAt: '2026-10-01T00:00:00Z', overdue: true });
    // Received by FRA from BRA: acknowledged in 12 h, answered partially in 36 h.
    await insertTrace('FRA', { direction: 'incoming', counterpart: 'BRA', sentAt: '2026-10-05T00:00:00Z', ackHours: 12, answerHours: 36, answer: { outcome: 'partial', reasonCode: 'ongoing_criminal_investigation' } });
    // Outside the period asked for: a delayed answer whose full one is overdue.
    await insertTrace('FRA', { direction: 'outgoing', counterpart: 'BEL', sentAt: '2020-01-01T00:00:00Z', ackHours: 1, answerHours: 2, answer: { outcome: 'delayed', reasonCode: 'other', expectedDate: '2020-02-01' }, overdue: true });
    // Also outside it: one whose requester, FRA, is late giving the information BEL asked for (FRA's own lateness).
    await insertTrace('FRA', { direction: 'outgoing', counterpart: 'BEL', sentAt: '2020-03-01T00:00:00Z', ackHours: 1, status: 'information_requested', overdue: true });
    for (const [name, state, roles] of [['auditor', 'FRA', ['auditor']], ['registrar', 'FRA', ['registrar']], ['officer', 'FRA', ['officer']], ['npc', 'FRA', ['npc']], ['braAuditor', 'BRA', ['auditor']]] as const) {
      tokens[name] = await login(t, await createUser(t, { stateCode: state, roles: [...roles], mfaExempt: true }));
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('counts the record-keeping figures of the hand-made registry, each with its ITI paragraph', async () => {
    const report = (await t.http.get(api('/reports/record-keeping')).set(bearer(tokens.auditor)).expect(200)).body;
    expect(report).toMatchObject({ stateCode: 'FRA', weapons: 9, asOf: expect.any(String), generatedAt: expect.any(String) });
    const rules = Object.fromEntries(report.marking.map((f: { rule: string }) => [f.rule, f]));
    // 8(a): all but the seized W6, the found W7 and the craft-made W9 (6); W2 breaches it.
    expect(rules['8a']).toMatchObject({ paragraph: 'ITI 8(a)', applicable: 6, met: 5, share: 0.8333 });
    expect(rules['8b']).toMatchObject({ paragraph: 'ITI 8(b)', applicable: 1, met: 0, share: 0 });
    expect(rules['8c']).toMatchObject({ paragraph: 'ITI 8(c)', applicable: 1, met: 0, share: 0 });
    expect(rules['8d']).toMatchObject({ paragraph: 'ITI 8(d)', applicable: 2, met: 1, share: 0.5 });
    expect(rules['9']).toMatchObject({ paragraph: 'ITI 9', applicable: 2, met: 0, share: 0 });
    // W6 was seized 200 days ago, W7 found 10 days ago: only W6 is past the 90 days.
    expect(report.seizedNotMarkedOrDestroyed).toEqual({ paragraph: 'ITI 9', afterDays: 90, weapons: 1 });
    expect(report.missingRequiredFields).toMatchObject({ paragraph: 'ITI 12', weapons: 2 });
    expect(report.missingRequiredFields.records.items.map((r: { id: string; missing: string[] }) => [r.id, r.missing]).sort()).toEqual(
      [[ids.W2, ['model']], [ids.W7, ['countryOfManufacture']]].sort(),
    );
    // W2's only record expired in 2001: eligible for purge; W8 is on legal hold.
    expect(report.retention).toEqual({ paragraph: 'ITI 12', withinRetention: 8, onLegalHold: 1, eligibleForPurge: 1, purgeEnabled: false });
    expect(report.suspectedDuplicates).toMatchObject({ paragraph: 'ITI 8', groups: 1, weapons: 2 });
    expect(report.suspectedDuplicates.examples[0].weaponIds.sort()).toEqual([ids.W1, ids.W8].sort());

    const byType = Object.fromEntries(report.byType.map((r: { type: string }) => [r.type, r]));
    expect(Object.keys(byType).sort()).toEqual(['mortar', 'rifle', 'self_loading_pistol']);
    expect(byType.self_loading_pistol).toMatchObject({ category: 'small_arm', weapons: 6, missingRequired: 2, seizedNotMarkedOrDestroyed: 1 });
    expect(byType.rifle.marking.find((f: { rule: string }) => f.rule === '8d')).toMatchObject({ applicable: 2, met: 1 });
    expect(byType.mortar).toMatchObject({ category: 'light_weapon', weapons: 1 });
    expect(byType.mortar.marking.find((f: { rule: string }) => f.rule === '8a')).toMatchObject({ applicable: 0, share: null });
  });

  it('counts every figure of a report in one snapshot: a record written while the report runs is in none of them', async () => {
    const repository = t.app.get(ReportsRepository);
    const original = repository.duplicates.bind(repository);
    const lateId = randomUUID();
    // Between the report's first figures and its duplicates, another registrar's weapon with W1's serial commits.
    const spy = jest.spyOn(repository, 'duplicates').mockImplementation(async (...args) => {
      await ownerQuery(
        t,
        `INSERT INTO weapons (id, state_code, category, type_code, manufacturer_text, model, calibre_text, serial_as_marked, serial_normalised, country_of_manufacture, status)
         VALUES ($1, 'FRA', 'small_arm', 'self_loading_pistol', 'Glock', '17', '9x19mm', 'DUP-1', 'DUP1', 'AUT', 'civilian_held')`,
        [lateId],
        'FRA',
      );
      return original(...args);
    });
    try {
      const report = (await t.http.get(api('/reports/record-keeping')).set(bearer(tokens.auditor)).expect(200)).body;
      expect(spy).toHaveBeenCalledTimes(1);
      expect(report.weapons).toBe(9);
      expect(report.suspectedDuplicates).toMatchObject({ groups: 1, weapons: 2 });
      // The next report counts it.
      spy.mockRestore();
      const next = (await t.http.get(api('/reports/record-keeping')).set(bearer(tokens.auditor)).expect(200)).body;
      expect(next.weapons).toBe(10);
      expect(next.suspectedDuplicates).toMatchObject({ groups: 1, weapons: 3 });
    } finally {
      spy.mockRestore();
      await ownerQuery(t, `DELETE FROM weapons WHERE id = $1`, [lateId], 'FRA');
    }
  });

  it('lists the records missing a required field: the first page in the report, the rest page by page', async () => {
    const first = (await t.http.get(api('/reports/record-keeping?limit=1')).set(bearer(tokens.auditor)).expect(200)).body.missingRequiredFields.records;
    expect(first.items).toHaveLength(1);
    const second = (await t.http.get(api('/reports/record-keeping/missing-fields')).query({ limit: 1, cursor: first.nextCursor }).set(bearer(tokens.auditor)).expect(200)).body;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([first.items[0].id, second.items[0].id].sort()).toEqual([ids.W2, ids.W7].sort());
    // Registrars, who complete them, read the list too; the State's own records only.
    const all = (await t.http.get(api('/reports/record-keeping/missing-fields')).set(bearer(tokens.registrar)).expect(200)).body;
    expect(all.items.map((r: { id: string }) => r.id)).toEqual([ids.W2, ids.W7].sort());
    expect(all.items.every((r: { missing: string[] }) => r.missing.length > 0)).toBe(true);
    expect((await t.http.get(api('/reports/record-keeping/missing-fields')).set(bearer(tokens.braAuditor)).expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([ids.B1]);
    await t.http.get(api('/reports/record-keeping/missing-fields')).set(bearer(tokens.officer)).expect(403);
    const forged = await t.http.get(api('/reports/record-keeping/missing-fields')).query({ cursor: Buffer.from('["x\'; --"]').toString('base64url') }).set(bearer(tokens.auditor)).expect(400);
    expect(forged.body.details[0].field).toBe('cursor');
    // The report itself takes no cursor: its figures are computed once.
    const stale = await t.http.get(api(`/reports/record-keeping?cursor=${first.nextCursor}`)).set(bearer(tokens.auditor)).expect(400);
    expect(stale.body.details[0].field).toBe('cursor');
  });

  it('reads a page of the records missing a field through an index that holds only them (query plan)', async () => {
    // 20,000 complete records, and two incomplete ones after them in id order.
    await ownerQuery(t, `INSERT INTO weapons (id, state_code, category, type_code, manufacturer_text, model, calibre_text, serial_as_marked, serial_normalised, country_of_manufacture, status)
                         SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'KEN', 'small_arm', 'rifle', 'Maker', 'M1', '7.62x39', 'K' || n, 'K' || n, 'RUS', 'civilian_held'
                           FROM generate_series(1, 20000) AS n`, [], 'KEN');
    await ownerQuery(t, `INSERT INTO weapons (id, state_code, category, type_code, serial_as_marked, serial_normalised, status)
                         VALUES ('ffffffff-0000-4000-8000-000000000001', 'KEN', 'small_arm', 'rifle', 'K-X1', 'KX1', 'civilian_held'),
                                ('ffffffff-0000-4000-8000-000000000002', 'KEN', 'small_arm', 'rifle', 'K-X2', 'KX2', 'civilian_held')`, [], 'KEN');
    await ownerQuery(t, 'ANALYZE weapons');
    const plan = await queryPlan(t, `SELECT w.id FROM weapons w WHERE w.state_code = 'KEN' AND (${MISSING_REQUIRED}) ORDER BY w.id LIMIT 51`, { stateCode: 'KEN', asApp: true, analyze: true });
    expect(plan).toContain('IDX_weapons_missing_required');
    expect(plan).not.toContain('Rows Removed by Filter');
    const kenAuditor = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['auditor'], mfaExempt: true }));
    const listed = (await t.http.get(api('/reports/record-keeping/missing-fields')).set(bearer(kenAuditor)).expect(200)).body;
    expect(listed.items.map((r: { id: string }) => r.id)).toEqual(['ffffffff-0000-4000-8000-000000000001', 'ffffffff-0000-4000-8000-000000000002']);
    expect(listed.items[0].missing).toEqual(['manufacturer', 'model', 'calibre', 'countryOfManufacture']);
  });

  it('writes the same figures as RFC 4180 CSV that parses back', async () => {
    const response = await t.http.get(api('/reports/record-keeping?format=csv')).set(bearer(tokens.auditor)).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.text).toContain('\r\n');
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    const value = (category: string, type: string, figure: string) => rows.find((r) => r.category === category && r.type === type && r.figure === figure);
    expect(value('all', 'all', '8a share')).toEqual({ section: 'marking', category: 'all', type: 'all', figure: '8a share', iti_paragraph: 'ITI 8(a)', value: '0.8333' });
    expect(value('all', 'all', 'eligible for purge')?.value).toBe('1');
    expect(value('small_arm', 'rifle', '8d met')?.value).toBe('1');
    expect(value('light_weapon', 'mortar', '8a share')?.value).toBe('');
    expect(value('all', 'all', 'weapons in suspected duplicate groups')).toMatchObject({ iti_paragraph: 'ITI 8', value: '2' });
  });

  it('measures tracing timeliness, outcomes and response rates over the period', async () => {
    const report = (await t.http.get(api('/reports/tracing?from=2026-01-01&to=2027-01-01')).set(bearer(tokens.auditor)).expect(200)).body;
    // Ordinal and week dates are ISO 8601 too, but neither JavaScript nor PostgreSQL reads them as dates.
    for (const [query, field] of [['from=2026-035', 'from'], ['from=2026-01-01&to=2027-W01', 'to'], ['from=2026-02-30', 'from']]) {
      const refused = await t.http.get(api(`/reports/tracing?${query}`)).set(bearer(tokens.auditor)).expect(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    expect(report.sent).toEqual({
      traces: 3, acknowledged: 2, answered: 2, responseRate: 0.6667,
      // Acknowledged in 24 h and 48 h; answered in 72 h and 240 h (linear interpolation for the 90th percentile).
      acknowledgeHours: { p50: 36, p90: 45.6 }, answerHours: { p50: 156, p90: 223.2 },
      outcomes: { full: 1, partial: 0, delayed: 0, refused: 1 }, closed: 2, diversionPointIdentified: 1, diversionShare: 0.5,
    });
    expect(report.received).toMatchObject({ traces: 1, answered: 1, responseRate: 1, acknowledgeHours: { p50: 12, p90: 12 }, answerHours: { p50: 36, p90: 36 }, outcomes: { partial: 1 } });
    const counterpart = (direction: string, state: string) => report.byCounterpart.find((c: { direction: string; state: string }) => c.direction === direction && c.state === state);
    expect(counterpart('outgoing', 'BEL')).toMatchObject({ traces: 2, answered: 2, responseRate: 1 });
    expect(counterpart('outgoing', 'ITA')).toMatchObject({ traces: 1, answered: 0, responseRate: 0, answerHours: { p50: null, p90: null } });
    expect(counterpart('incoming', 'BRA')).toMatchObject({ traces: 1 });
    // Waiting past a deadline now, whenever sent: the one to ITA, and the full answer the 2020 delayed one promised
    // (not the information FRA owes BEL).
    expect(report.overdueNow).toEqual({ sent: 2, received: 0 });
    expect(report.failureReasons).toEqual([
      { direction: 'incoming', reason: 'ongoing_criminal_investigation', traces: 1 },
      { direction: 'outgoing', reason: 'national_security', traces: 1 },
    ]);
    expect(report.answerTimeByMonth).toEqual([
      { direction: 'incoming', month: '2026-10', answered: 1, answerHoursP50: 36 },
      { direction: 'outgoing', month: '2026-09', answered: 2, answerHoursP50: 156 },
    ]);

    const csv = await t.http.get(api('/reports/tracing?from=2026-01-01&to=2027-01-01&format=csv')).set(bearer(tokens.auditor)).expect(200);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => `${r.direction}/${r.counterpart}`)).toEqual(['outgoing/all', 'outgoing/BEL', 'outgoing/ITA', 'incoming/all', 'incoming/BRA']);
    expect(rows[0]).toMatchObject({ traces: '3', response_rate: '0.6667', answer_hours_p90: '223.2', diversion_share: '0.5' });
  });

  async function pdfText(path: string, tokensOf: Tokens): Promise<string> {
    const response = await bytes(t.http.get(api(path)).set(bearer(tokensOf)));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    return flatText((await parsePdf(response.body as Buffer)).text);
  }

  it('renders the reports as PDF documents with their figures, times and SHA-256', async () => {
    const records = await pdfText('/reports/record-keeping?format=pdf', tokens.auditor);
    expect(records).toContain('Record-keeping report');
    expect(records).toMatch(/Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(records).toMatch(/Data as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(records).toMatch(/[0-9a-f]{64}/);
    expect(records).toContain('83.3 % 5 of 6'); // the 8(a) bar and its label
    expect(records).toContain('Neither marked nor destroyed after 90 days 1');
    expect(records).toContain('Retention passed, eligible for purge 1 (purging is disabled on this node: they are kept)');
    expect(records.replace(/\s+/g, '')).toContain(ids.W2); // a long id may wrap in its table cell

    const tracing = await pdfText('/reports/tracing?from=2026-01-01&to=2027-01-01&format=pdf', tokens.auditor);
    expect(tracing).toContain('Tracing report');
    expect(tracing).toContain('All 3 2 66.7 % 36 h / 45.6 h 156 h / 223.2 h');
    expect(tracing).toContain('Time to answer, by month of sending');
    expect(tracing).toContain('2026-09');
    expect(tracing).toContain('national security');
  });

  it('prefills the national report for the NPC, in JSON, CSV and PDF', async () => {
    const report = (await t.http.get(api('/reports/national?from=2026-01-01&to=2027-01-01')).set(bearer(tokens.npc)).expect(200)).body;
    expect(report).toMatchObject({ stateCode: 'FRA', stateName: 'France' });
    expect(report.sections.map((s: { id: string }) => s.id)).toEqual([
      'marking_at_manufacture', 'marking_at_import', 'marking_transfer_to_civilian', 'marking_government_stocks', 'seized_and_found', 'record_keeping', 'tracing',
    ]);
    const section = (id: string) => report.sections.find((s: { id: string }) => s.id === id);
    expect(section('marking_at_manufacture')).toMatchObject({ paragraph: 'ITI 8(a)', figures: { applicable: 6, met: 5, policy: 'refuse' } });
    expect(section('marking_at_manufacture').prefilled).toContain('a record that breaches it is refused, save a weapon imported and not made in the State, or one that left the State\'s hands after a seizure or a finding, which is kept and flagged as incomplete. 5 of the 6 weapons concerned (83.3 %) meet it.');
    expect(section('marking_government_stocks').prefilled).toContain('kept and flagged as incomplete');
    expect(section('seized_and_found').figures).toMatchObject({ overdue: 1, overdueAfterDays: 90 });
    expect(section('record_keeping').prefilled).toContain('at least 30 years (manufacture) and 20 years');
    expect(section('tracing').prefilled).toContain('From 2026-01-01 to 2027-01-01 (exclusive), 3 trace requests were sent, of which 2 were answered (median time to an answer: 6.5 days); 1 requests were received, of which 1 were answered (median time: 1.5 days)');
    // Biennial: two years to now by default (the tracing report, one), to the same time of day.
    const span = (body: { from: string; to: string }): [number, boolean] => [(Date.parse(body.to) - Date.parse(body.from)) / 86_400_000, body.from.slice(10) === body.to.slice(10)];
    const byDefault = (await t.http.get(api('/reports/national')).set(bearer(tokens.npc)).expect(200)).body;
    const [days, sameTime] = span(byDefault);
    expect([days >= 730 && days <= 731, sameTime]).toEqual([true, true]);
    // Its bounds fall at the time it was asked for: the text names them to the minute.
    const time = `${byDefault.to.slice(0, 16).replace('T', ' ')} UTC`;
    expect(byDefault.sections.find((s: { id: string }) => s.id === 'tracing').prefilled).toContain(`to ${time} (exclusive)`);
    const [tracingDays, tracingSameTime] = span((await t.http.get(api('/reports/tracing')).set(bearer(tokens.auditor)).expect(200)).body);
    expect([tracingDays >= 365 && tracingDays <= 366, tracingSameTime]).toEqual([true, true]);

    const csv = await t.http.get(api('/reports/national?from=2026-01-01&to=2027-01-01&format=csv')).set(bearer(tokens.npc)).expect(200);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows).toContainEqual({ section: 'tracing', iti_paragraph: 'ITI 14–23', figure: 'sent', value: '3' });
    const pdf = await pdfText('/reports/national?from=2026-01-01&to=2027-01-01&format=pdf', tokens.npc);
    expect(pdf).toContain('National report on the International Tracing Instrument');
    expect(pdf).toContain('To complete');
    expect(pdf).toContain('Marking at manufacture (ITI 8(a))');
    // The NPC reads the national report, not the auditors' detailed ones.
    await t.http.get(api('/reports/record-keeping')).set(bearer(tokens.npc)).expect(403);
  });

  it('counts under ITI 9 a weapon deactivated as found, not one deactivated after it went back to its owner', async () => {
    const kenAuditor = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['auditor'], mfaExempt: true }));
    await ownerQuery(t, `INSERT INTO weapons (state_code, category, type_code, status, deactivated_from, incomplete, event_types, seized_or_found_on)
                         VALUES ('KEN', 'small_arm', 'self_loading_pistol', 'deactivated', 'found', '{ITI_9_SEIZED_OR_FOUND_MARKING}', '{found,deactivated}', current_date - 200),
                                ('KEN', 'small_arm', 'self_loading_pistol', 'deactivated', 'civilian_held', '{}', '{manufactured,seized,transferred,deactivated}', current_date - 300)`, [], 'KEN');
    const report = (await t.http.get(api('/reports/record-keeping')).set(bearer(kenAuditor)).expect(200)).body;
    expect(report.marking.find((f: { rule: string }) => f.rule === '9')).toMatchObject({ applicable: 1, met: 0 });
    expect(report.seizedNotMarkedOrDestroyed).toMatchObject({ weapons: 1 });
  });

  it('shows another State\'s auditor none of it, refuses other roles, checks its query, and audits every report', async () => {
    const bra = (await t.http.get(api('/reports/record-keeping')).set(bearer(tokens.braAuditor)).expect(200)).body;
    expect(bra).toMatchObject({ stateCode: 'BRA', weapons: 1, suspectedDuplicates: { groups: 0 } });
    expect(bra.missingRequiredFields.records.items.map((r: { id: string }) => r.id)).toEqual([ids.B1]);
    const braTracing = (await t.http.get(api('/reports/tracing?from=2026-01-01&to=2027-01-01')).set(bearer(tokens.braAuditor)).expect(200)).body;
    expect(braTracing.sent.traces + braTracing.received.traces).toBe(0);
    // With nothing answered, no answer was full either: the PDF says so, not that every answer was.
    const braPdf = await pdfText('/reports/tracing?from=2026-01-01&to=2027-01-01&format=pdf', tokens.braAuditor);
    expect(braPdf).toContain('No trace of the period has been answered yet: there is no answer to judge.');
    expect(braPdf).not.toContain('Every answer in the period was full.');

    await t.http.get(api('/reports/record-keeping')).set(bearer(tokens.officer)).expect(403);
    const bad = await t.http.get(api('/reports/tracing?from=soon&format=xml')).set(bearer(tokens.auditor)).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['format', 'from']);
    const reversed = await t.http.get(api('/reports/tracing?from=2027-01-01&to=2026-01-01')).set(bearer(tokens.auditor)).expect(400);
    expect(reversed.body.details[0].field).toBe('from');

    const events = (await t.http.get(api('/audit/events?limit=100')).set(bearer(tokens.auditor)).expect(200)).body.items;
    expect(events.filter((e: { action: string; outcome: string }) => e.action === 'GET /reports/record-keeping' && e.outcome === 'success').length).toBeGreaterThanOrEqual(4);
    expect(events.filter((e: { action: string }) => e.action === 'GET /reports/tracing').length).toBeGreaterThanOrEqual(2);
  });
});

describe('suspected duplicates in numbers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('counts every record of a group, names the first 10 in JSON and in the PDF, and says how many there are', async () => {
    const registrar = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['registrar'] }));
    const auditor = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['auditor'], mfaExempt: true }));
    const serial = `DUP${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await registerWeapon(t, registrar, { serial })).id);
    const report = (await t.http.get(api('/reports/record-keeping')).set(bearer(auditor)).expect(200)).body;
    expect(report.suspectedDuplicates).toMatchObject({ groups: 1, weapons: 12 });
    const [group] = report.suspectedDuplicates.examples;
    expect(group.records).toBe(12);
    expect(group.weaponIds).toEqual([...ids].sort().slice(0, 10));
    const response = await bytes(t.http.get(api('/reports/record-keeping?format=pdf')).set(bearer(auditor)));
    expect(response.status).toBe(200);
    const text = flatText((await parsePdf(response.body as Buffer)).text);
    expect(text).toContain(`12, the first 10: ${[...ids].sort()[0]}`);
  });
});

describe('reports with a small pool', () => {
  let t: TestApp;
  let auditor: Tokens;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '2' });
    auditor = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['auditor'], mfaExempt: true }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers more reports at once than the pool has connections: each waits for a snapshot of its own, never for another request', async () => {
    const paths = ['/reports/record-keeping', '/reports/tracing', '/reports/national'];
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => t.http.get(api(paths[i % paths.length])).set(bearer(auditor))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
  }, 20_000);
});

describe('reports past what the snapshots can serve', () => {
  let t: TestApp;
  let auditor: Tokens;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '4' });
    auditor = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['auditor'], mfaExempt: true }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 503 REPORTS_BUSY to one report more than may wait, and leaves connections for the other requests', async () => {
    // The snapshots' 2 connections (more than a third of the pool of 4): 2 reports at once. The registry is held so that they wait.
    await inOwnerTransaction(t, 'FRA', async (holder) => {
      await holder.query('LOCK TABLE weapons IN ACCESS EXCLUSIVE MODE');
      const waiting = Array.from({ length: 2 }, () => t.http.get(api('/reports/record-keeping')).set(bearer(auditor)).then((r) => r.status));
      await untilWaitingForLocks(t, 2);
      const busy = await t.http.get(api('/reports/record-keeping')).set(bearer(auditor)).expect(503);
      expect(busy.body.code).toBe('REPORTS_BUSY');
      // A request of another kind still finds a connection.
      await t.http.get(api('/notifications')).set(bearer(auditor)).expect(200);
      await holder.query('COMMIT');
      expect(await Promise.all(waiting)).toEqual([200, 200]);
    });
  }, 20_000);
});

describe('reports on a larger pool', () => {
  let t: TestApp;
  let auditor: Tokens;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '12' });
    auditor = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['auditor'], mfaExempt: true }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('runs a third of the pool of reports at once, each on a snapshot connection of its own, none waiting for one', async () => {
    await inOwnerTransaction(t, 'FRA', async (holder) => {
      await holder.query('LOCK TABLE weapons IN ACCESS EXCLUSIVE MODE');
      const waiting = Array.from({ length: 4 }, () => t.http.get(api('/reports/record-keeping')).set(bearer(auditor)).then((r) => r.status));
      // All four reach the registry, each in its snapshot.
      await untilWaitingForLocks(t, 4);
      expect((await t.http.get(api('/reports/record-keeping')).set(bearer(auditor)).expect(503)).body.code).toBe('REPORTS_BUSY');
      await holder.query('COMMIT');
      expect(await Promise.all(waiting)).toEqual([200, 200, 200, 200]);
    });
  }, 20_000);
});

describe('migration DeactivatedFrom', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('fills deactivated_from from the histories as corrected, and flags under ITI 9 those deactivated as found without a unique marking', async () => {
    const weapon = async (events: [string, string, string][], marked = false) => {
      const [{ id }] = await ownerQuery<{ id: string }>(t, `INSERT INTO weapons (state_code, category, type_code, status) VALUES ('KEN', 'small_arm', 'self_loading_pistol', 'deactivated') RETURNING id`, [], 'KEN');
      const ids: string[] = [];
      for (const [n, [type, occurredOn, statusAfter]] of events.entries()) {
        const [event] = await ownerQuery<{ id: string }>(t, `INSERT INTO record_events (state_code, weapon_id, type, occurred_on, status_after, record_class, retain_until, recorded_at)
                                                             VALUES ('KEN', $1, $2, $3, $4, 'other', '2060-01-01', now() - make_interval(days => $5)) RETURNING id`,
        [id, type, occurredOn, statusAfter, 100 - n], 'KEN');
        ids.push(event.id);
      }
      if (marked) await ownerQuery(t, `INSERT INTO markings (state_code, weapon_id, kind, component, text, serial) VALUES ('KEN', $1, 'seizure', 'frame', 'KEN-SZ-1', 'KEN-SZ-1')`, [id], 'KEN');
      return { id, events: ids };
    };
    const found = await weapon([['found', '2020-01-01', 'found'], ['deactivated', '2021-01-01', 'deactivated']]);
    const foundMarked = await weapon([['found', '2020-01-01', 'found'], ['deactivated', '2021-01-01', 'deactivated']], true);
    const annulled = await weapon([['manufactured', '2018-01-01', 'civilian_held'], ['seized', '2019-01-01', 'seized'], ['deactivated', '2021-01-01', 'deactivated']]);
    await ownerQuery(t, `INSERT INTO record_events (state_code, weapon_id, type, occurred_on, status_after, record_class, retain_until, corrects_event_id, annuls)
                         VALUES ('KEN', $1, 'corrected', '2021-02-01', 'deactivated', 'other', '2060-01-01', $2, true)`, [annulled.id, annulled.events[1]], 'KEN');
    // A theft dated after the finding, corrected to before it: the finding is then the last event before the deactivation.
    const redated = await weapon([['manufactured', '2018-01-01', 'civilian_held'], ['stolen', '2020-06-01', 'stolen'], ['found', '2020-03-01', 'found'], ['deactivated', '2021-01-01', 'deactivated']]);
    await ownerQuery(t, `INSERT INTO record_events (state_code, weapon_id, type, occurred_on, status_after, record_class, retain_until, corrects_event_id, restates)
                         VALUES ('KEN', $1, 'corrected', '2020-01-01', 'deactivated', 'other', '2060-01-01', $2, true)`, [redated.id, redated.events[1]], 'KEN');

    await asMigrator(t, async (runner) => {
      await new Migration().down(runner);
      await new Migration().up(runner);
    });
    const rows = await ownerQuery<{ id: string; deactivated_from: string | null; incomplete: string[] }>(t, `SELECT id, deactivated_from, incomplete FROM weapons`, [], 'KEN');
    const of = (id: string) => rows.find((r) => r.id === id);
    expect(of(found.id)).toMatchObject({ deactivated_from: 'found', incomplete: ['ITI_9_SEIZED_OR_FOUND_MARKING'] });
    expect(of(foundMarked.id)).toMatchObject({ deactivated_from: 'found', incomplete: [] });
    expect(of(annulled.id)).toMatchObject({ deactivated_from: 'civilian_held', incomplete: [] });
    expect(of(redated.id)).toMatchObject({ deactivated_from: 'found', incomplete: ['ITI_9_SEIZED_OR_FOUND_MARKING'] });
  });
});

describe('migration SeizureMarkingRules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('flags under 8(a) the weapons given back after a seizure without their manufacture marking, and clears 8(d) of those the State marked as seized', async () => {
    const weapon = async (status: string, events: [string, string][], incomplete: string[] = [], markings: [kind: string, manufacturer: string | null, country: string | null, serial: string | null][] = []) => {
      const [{ id }] = await ownerQuery<{ id: string }>(t, `INSERT INTO weapons (state_code, category, type_code, status, incomplete) VALUES ('KEN', 'small_arm', 'self_loading_pistol', $1, $2) RETURNING id`, [status, incomplete], 'KEN');
      for (const [n, [type, statusAfter]] of events.entries()) {
        await ownerQuery(t, `INSERT INTO record_events (state_code, weapon_id, type, occurred_on, status_after, record_class, retain_until, recorded_at)
                             VALUES ('KEN', $1, $2, '2020-01-01'::date + $4::int, $3, 'other', '2060-01-01', now() - make_interval(days => 100 - $4::int))`, [id, type, statusAfter, n], 'KEN');
      }
      for (const [kind, manufacturer, country, serial] of markings) {
        await ownerQuery(t, `INSERT INTO markings (state_code, weapon_id, kind, component, text, manufacturer, country, serial) VALUES ('KEN', $1, $2, 'frame', 'as read', $3, $4, $5)`, [id, kind, manufacturer, country, serial], 'KEN');
      }
      return id;
    };
    const history: [string, string][] = [['manufactured', 'civilian_held'], ['seized', 'seized'], ['transferred', 'civilian_held']];
    const returned = await weapon('civilian_held', history);
    const returnedMarked = await weapon('civilian_held', history, [], [['manufacture', 'Glock', 'AUT', 'KE1']]);
    const returnedFlagged = await weapon('civilian_held', history, ['ITI_8C_TRANSFER_MARKING']);
    const destroyed = await weapon('destroyed', [['found', 'found'], ['destroyed', 'destroyed']]);
    const stocked = await weapon('government_stock', [['seized', 'seized'], ['acquired_by_government', 'government_stock']], ['ITI_8D_GOVERNMENT_MARKING'], [['seizure', null, 'KEN', 'KEN24-0001']]);
    const stockedUnmarked = await weapon('government_stock', [['seized', 'seized'], ['acquired_by_government', 'government_stock']], ['ITI_8D_GOVERNMENT_MARKING'], [['seizure', null, 'KEN', null]]);
    const soldAfterFound = await weapon('civilian_held', [['found', 'found'], ['acquired_by_government', 'government_stock'], ['transferred_to_civilian', 'civilian_held']]);
    const importedMarkedAsSeized = await weapon('civilian_held', [['imported', 'civilian_held']], ['ITI_8A_MANUFACTURE_MARKING', 'ITI_8B_IMPORT_MARKING'], [['import', null, 'KEN', null], ['seizure', null, 'KEN', ' KEN24-0002 ']]);
    const importedElsewhere = await weapon('civilian_held', [['imported', 'civilian_held']], ['ITI_8A_MANUFACTURE_MARKING', 'ITI_8B_IMPORT_MARKING'], [['import', null, 'UGA', null], ['seizure', null, 'KEN', 'KEN24-0003']]);
    const blankSerial = await weapon('civilian_held', history, [], [['manufacture', 'Glock', 'AUT', '  ']]);

    await asMigrator(t, (runner) => new SeizureMarkingRules().up(runner));
    const rows = await ownerQuery<{ id: string; incomplete: string[] }>(t, `SELECT id, incomplete FROM weapons`, [], 'KEN');
    const flags = (id: string) => rows.find((r) => r.id === id)?.incomplete;
    expect(flags(returned)).toEqual(['ITI_8A_MANUFACTURE_MARKING']);
    expect(flags(returnedMarked)).toEqual([]);
    expect(flags(returnedFlagged)).toEqual(['ITI_8A_MANUFACTURE_MARKING', 'ITI_8C_TRANSFER_MARKING']);
    expect(flags(destroyed)).toEqual([]);
    expect(flags(stocked)).toEqual([]);
    expect(flags(stockedUnmarked)).toEqual(['ITI_8D_GOVERNMENT_MARKING']);
    expect(flags(soldAfterFound)).toEqual([]);
    expect(flags(importedMarkedAsSeized)).toEqual(['ITI_8A_MANUFACTURE_MARKING']);
    expect(flags(importedElsewhere)).toEqual(['ITI_8A_MANUFACTURE_MARKING', 'ITI_8B_IMPORT_MARKING']);
    expect(flags(blankSerial)).toEqual(['ITI_8A_MANUFACTURE_MARKING']);
    // The report counts under 8(a) the six made or imported here and never seized, or back in other hands after
    // a seizure; not the one that came in found and was sold by the State, nor those destroyed or in its stocks.
    const auditor = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['auditor'], mfaExempt: true }));
    const report = (await t.http.get(api('/reports/record-keeping')).set(bearer(auditor)).expect(200)).body;
    expect(report.marking.find((f: { rule: string }) => f.rule === '8a')).toMatchObject({ applicable: 6, met: 1 });
  });
});

describe('migration IllegibleSerialRules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('flags under 8(b), 8(d) and 9 the records told apart only by a serial partly read, or by what was read of an obliterated one', async () => {
    const weapon = async (status: string, eventTypes: string[], markings: [kind: string, country: string | null, serial: string | null][], extra: { obliterated?: boolean; incomplete?: string[]; antique?: boolean; deactivatedFrom?: string } = {}) => {
      const [{ id }] = await ownerQuery<{ id: string }>(t, `
        INSERT INTO weapons (state_code, category, type_code, status, incomplete, event_types, serial_obliterated, antique, year_of_manufacture, deactivated_from)
        VALUES ('KEN', 'small_arm', 'self_loading_pistol', $1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [status, extra.incomplete ?? [], eventTypes, extra.obliterated ?? false, extra.antique ?? false, extra.antique ? 1880 : null, extra.deactivatedFrom ?? null], 'KEN');
      for (const [kind, country, serial] of markings) {
        await ownerQuery(t, `INSERT INTO markings (state_code, weapon_id, kind, component, text, manufacturer, country, serial) VALUES ('KEN', $1, $2, 'frame', 'as read', 'Glock', $3, $4)`, [id, kind, country, serial], 'KEN');
      }
      return id;
    };
    const foundPartly = await weapon('found', ['found'], [['manufacture', 'AUT', 'AB?123']]);
    const foundObliterated = await weapon('found', ['found'], [['manufacture', 'AUT', 'AB0123']], { obliterated: true });
    const foundMarked = await weapon('found', ['found'], [['manufacture', 'AUT', 'AB0124'], ['seizure', 'KEN', 'KEN26-0001']], { obliterated: true });
    const stockPartly = await weapon('government_stock', ['manufactured', 'acquired_by_government'], [['government', 'KEN', 'KE-*']], { incomplete: ['ITI_8A_MANUFACTURE_MARKING'] });
    const importedPartly = await weapon('civilian_held', ['imported'], [['import', 'KEN', '12?4'], ['manufacture', 'AUT', null]], { incomplete: ['ITI_8A_MANUFACTURE_MARKING', 'ITI_9_SEIZED_OR_FOUND_MARKING'] });
    const deactivatedFound = await weapon('deactivated', ['found', 'deactivated'], [['manufacture', 'AUT', '5*']], { deactivatedFrom: 'found' });
    const whole = await weapon('found', ['found'], [['manufacture', 'AUT', 'AB0125']]);
    // Obliterated, but in the State's stocks: 8(d) reads its manufacture marking as before (ITI 9 alone asks the State's marking).
    const stockObliterated = await weapon('government_stock', ['manufactured', 'acquired_by_government'], [['manufacture', 'AUT', 'AB0128']], { obliterated: true });
    // Seized with its serial obliterated, then taken into the stocks: 8(d) asks the State's marking, as ITI 9 did.
    const seizedIntoStock = await weapon('government_stock', ['seized', 'acquired_by_government'], [['manufacture', 'AUT', 'AB0130']], { obliterated: true });
    const fullWidth = await weapon('found', ['found'], [['manufacture', 'AUT', 'AB\uFF1F129']]);
    const alreadyFlagged = await weapon('found', ['found'], [['manufacture', 'AUT', 'AB?126']], { incomplete: ['ITI_9_SEIZED_OR_FOUND_MARKING'] });
    const antique = await weapon('found', ['found'], [['manufacture', 'AUT', 'AB?127']], { antique: true });

    await asMigrator(t, (runner) => new IllegibleSerialRules().up(runner));
    const rows = await ownerQuery<{ id: string; incomplete: string[] }>(t, `SELECT id, incomplete FROM weapons`, [], 'KEN');
    const flags = (id: string) => rows.find((r) => r.id === id)?.incomplete;
    expect(flags(foundPartly)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
    expect(flags(foundObliterated)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
    expect(flags(foundMarked)).toEqual([]);
    expect(flags(stockPartly)).toEqual(['ITI_8A_MANUFACTURE_MARKING', 'ITI_8D_GOVERNMENT_MARKING']);
    // In rule order, the flags it had kept.
    expect(flags(importedPartly)).toEqual(['ITI_8A_MANUFACTURE_MARKING', 'ITI_8B_IMPORT_MARKING', 'ITI_9_SEIZED_OR_FOUND_MARKING']);
    expect(flags(deactivatedFound)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
    expect(flags(whole)).toEqual([]);
    expect(flags(stockObliterated)).toEqual([]);
    expect(flags(seizedIntoStock)).toEqual(['ITI_8D_GOVERNMENT_MARKING']);
    expect(flags(fullWidth)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
    expect(flags(alreadyFlagged)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
    expect(flags(antique)).toEqual([]);
  });
});
