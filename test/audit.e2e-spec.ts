import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { auditEventHash, AuditEventContent } from '../src/audit/audit-chain';
import { AuditService } from '../src/audit/audit.service';
import { withDatabase } from '../src/database/database-runtime';
import { runCli } from './support/cli';
import { allPages, bearer, createTestApp, createUser, login, ownerQuery, queryPlan, TestApp, TestUser, Tokens } from './support/test-app';
import { traceRequestBody } from './support/traces';
import { registerWeapon } from './support/weapons';

const api = (path: string) => `/api/v1${path}`;

interface EventRow {
  seq: string;
  action: string;
  outcome: string;
  actorId: string | null;
  targetId: string | null;
  requestId: string | null;
  sourceIp: string | null;
  targetType: string | null;
  details: Record<string, unknown>;
}

/**
 * The hash-chained audit trail: what is recorded (logins, MFA, tokens, user changes, registry writes,
 * trace transitions, exports, refusals), who may read it, and that verification and signed checkpoints
 * catch every change made under the API — an edited, deleted or reordered row, or a whole rewritten chain.
 */
describe('Audit trail', () => {
  let t: TestApp;
  let officer: TestUser;
  const tokens: Record<string, Tokens> = {};

  beforeAll(async () => {
    t = await createTestApp({ OUTBOX_POLL_MS: '0', TRACE_DEADLINE_JOB_SECONDS: '0' });
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code IN ('FRA', 'BEL', 'BRA')`);
    await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ('BEL', 'NPC', 'Agency', 'npc@example.org')`, [], 'BEL');
    officer = await createUser(t, { stateCode: 'FRA', roles: ['officer'], mfaExempt: true });
    for (const [name, stateCode, roles] of [
      ['auditor', 'FRA', ['auditor']], ['admin', 'FRA', ['admin']], ['registrar', 'FRA', ['registrar']], ['braAuditor', 'BRA', ['auditor']],
    ] as const) {
      tokens[name] = await login(t, await createUser(t, { stateCode, roles: [...roles], mfaExempt: true }));
    }
    tokens.officer = await login(t, officer);
  });

  afterAll(async () => {
    await t.close();
  });

  async function events(query = ''): Promise<EventRow[]> {
    return allPages<EventRow>(t, tokens.auditor, api(`/audit/events?limit=100${query}`));
  }

  async function verify() {
    return (await t.http.get(api('/audit/verify')).set(bearer(tokens.auditor)).expect(200)).body;
  }

  /** Runs SQL as the owner with the append-only trigger off: what someone with database rights could do. */
  async function tamper(sql: string, params: unknown[] = []): Promise<void> {
    const client = new Client({ connectionString: t.db.ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.state_code', 'FRA', true)`);
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await client.query(sql, params);
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }

  it('records logins and their failures, token refresh and revocation, with request id and source address', async () => {
    await t.http.post(api('/auth/login')).send({ username: officer.username, password: 'wrong password, surely' }).expect(401);
    const session = await login(t, officer);
    const refreshed = await t.http.post(api('/auth/refresh')).send({ refreshToken: session.refreshToken }).expect(200);
    // A refresh token used twice revokes its session: recorded as a denial.
    await t.http.post(api('/auth/refresh')).send({ refreshToken: session.refreshToken }).expect(401);
    await t.http.post(api('/auth/logout')).set(bearer({ accessToken: refreshed.body.accessToken, refreshToken: '' })).expect(401);

    const trail = await events();
    const of = (action: string, outcome: string) => trail.filter((e) => e.action === action && e.outcome === outcome && e.targetId !== null);
    expect(of('auth.login', 'failure')).toEqual([expect.objectContaining({ actorId: officer.id, targetId: officer.id, details: { reason: 'wrong_password', accountLocked: false } })]);
    expect(of('auth.login', 'success').filter((e) => e.actorId === officer.id)).toHaveLength(2);
    expect(of('auth.refresh', 'success')).toHaveLength(1);
    expect(of('auth.refresh', 'denied')).toEqual([expect.objectContaining({ details: { reason: 'refresh_token_reuse', sessionRevoked: true } })]);
    for (const event of trail.filter((e) => e.action.startsWith('auth.'))) {
      expect(event.requestId).toMatch(/\S/);
      expect(event.sourceIp).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    }
  });

  it('records user and role changes, registry writes, trace transitions, exports and refused authorisations', async () => {
    const created = await t.http.post(api('/users')).set(bearer(tokens.admin))
      .send({ username: `audited.${Date.now()}`, displayName: 'Audited', password: 'twelve chars or more, any kind', roles: ['officer'] }).expect(201);
    await t.http.patch(api(`/users/${created.body.id}`)).set(bearer(tokens.admin)).send({ roles: ['officer', 'npc'] }).expect(200);
    await t.http.patch(api(`/users/${created.body.id}`)).set(bearer(tokens.admin)).send({ roles: ['npc', 'officer'], displayName: 'Renamed' }).expect(200);
    await t.http.patch(api(`/users/${created.body.id}`)).set(bearer(tokens.admin)).send({ disabled: true }).expect(200);
    const weapon = await registerWeapon(t, tokens.registrar);
    const trace = await t.http.post(api('/traces')).set(bearer(tokens.officer)).send(traceRequestBody()).expect(201);
    await t.http.post(api(`/traces/${trace.body.id}/submit`)).set(bearer(tokens.officer)).set('If-Match', '"1"').expect(200);
    await t.http.get(api(`/traces/${trace.body.id}/request.pdf`)).set(bearer(tokens.officer)).expect(200);
    await t.http.get(api('/audit/events')).set(bearer(tokens.officer)).expect(403);
    // A refused change is recorded too, whatever its path holds (a NUL cannot be stored: it is dropped).
    await t.http.post(api(`/traces/bad%00${'x'.repeat(90)}/submit`)).set(bearer(tokens.officer)).set('If-Match', '"1"').expect(400);

    const trail = await events();
    const find = (action: string, targetId: string | null, outcome = 'success') => trail.filter((e) => e.action === action && e.targetId === targetId && e.outcome === outcome);
    expect(find('POST /users', created.body.id)).toHaveLength(1);
    expect(find('PATCH /users/:id', created.body.id)).toHaveLength(3);
    // Who may do what: the roles granted and the account disabled, in the chain; a rename or the same roles in another order grant nothing.
    expect(find('user.access_changed', created.body.id).map((e) => e.details)).toEqual([
      { rolesBefore: [], rolesAfter: ['officer'], disabledBefore: false, disabledAfter: false },
      { rolesBefore: ['officer'], rolesAfter: ['officer', 'npc'], disabledBefore: false, disabledAfter: false },
      { rolesBefore: ['npc', 'officer'], rolesAfter: ['npc', 'officer'], disabledBefore: false, disabledAfter: true },
    ]);
    expect(find('POST /weapons', weapon.id)).toHaveLength(1);
    expect(find('POST /traces', trace.body.id)).toHaveLength(1);
    expect(find('POST /traces/:id/submit', trace.body.id)).toHaveLength(1);
    expect(find('GET /traces/:id/request.pdf', trace.body.id)).toHaveLength(1);
    expect(find('GET /audit/events', null, 'denied')).toEqual([expect.objectContaining({ actorId: officer.id, details: { status: 403, code: 'ROLE_REQUIRED' } })]);
    expect(trail.filter((e) => e.action === 'POST /traces/:id/submit' && e.outcome === 'failure')).toEqual([
      expect.objectContaining({ targetId: `bad${'x'.repeat(90)}`, details: { status: 400, code: 'VALIDATION_FAILED' } }),
    ]);
    // Plain reads are not recorded; no event carries a token or a password.
    expect(trail.some((e) => e.action === 'GET /traces/:id')).toBe(false);
    expect(JSON.stringify(trail)).not.toMatch(/twelve chars|Bearer|accessToken/);
  });

  it('shows the trail to auditors of its State only, filtered and paginated', async () => {
    await t.http.get(api('/audit/events')).set(bearer(tokens.officer)).expect(403);
    // A refused change is recorded too, whatever its path holds (a NUL cannot be stored: it is dropped).
    await t.http.post(api(`/traces/bad%00${'x'.repeat(90)}/submit`)).set(bearer(tokens.officer)).set('If-Match', '"1"').expect(400);
    // A week date is ISO 8601 but not a date JavaScript or PostgreSQL reads: refused, naming the field.
    const weekDate = await t.http.get(api('/audit/events?from=2026-W05')).set(bearer(tokens.auditor)).expect(400);
    expect(weekDate.body.details.map((d: { field: string }) => d.field)).toEqual(['from']);
    // A reversed or empty period is refused on from: not an empty page, which an auditor would read as "nothing happened".
    for (const period of ['from=2027-01-01&to=2026-01-01', 'from=2026-01-01T01:00:00%2B01:00&to=2026-01-01']) {
      const reversed = await t.http.get(api(`/audit/events?${period}`)).set(bearer(tokens.auditor)).expect(400);
      expect(reversed.body.details).toEqual([{ field: 'from', messages: ['from must be before to'] }]);
    }
    const bra = await allPages<EventRow>(t, tokens.braAuditor, api('/audit/events'), { limit: 100 });
    expect(bra.length).toBeGreaterThan(0);
    expect(bra.map((e) => e.actorId)).not.toContain(officer.id);
    const page = await t.http.get(api('/audit/events?limit=2&outcome=success')).set(bearer(tokens.auditor)).expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await t.http.get(api(`/audit/events?limit=2&outcome=success&cursor=${page.body.nextCursor}`)).set(bearer(tokens.auditor)).expect(200);
    expect(BigInt(next.body.items[0].seq)).toBeGreaterThan(BigInt(page.body.items[1].seq));
    const bad = await t.http.get(api('/audit/events?outcome=maybe&from=yesterday')).set(bearer(tokens.auditor)).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'outcome']);
  });

  it('finds a few events by action, or the refused and failed ones, among many through indexes (query plans)', async () => {
    // A State's trail of 20,000 reads, and among them three exports and two refusals.
    const events = (count: number, action: string, outcome: string) => `
      SELECT audit_append(jsonb_agg(jsonb_build_object('state_code', 'KEN', 'at', now(), 'actor_id', NULL, 'action', '${action}', 'target_type', 'traces',
                                                       'target_id', n::text, 'outcome', '${outcome}', 'request_id', NULL, 'source_ip', NULL, 'details', '{}'::jsonb)))
        FROM generate_series(1, ${count}) AS n`;
    await ownerQuery(t, events(10_000, 'GET /traces/:id', 'success'), [], 'KEN');
    await ownerQuery(t, events(3, 'GET /traces/:id/request.pdf', 'success'), [], 'KEN');
    await ownerQuery(t, events(2, 'GET /traces/:id', 'denied'), [], 'KEN');
    await ownerQuery(t, events(10_000, 'GET /traces/:id', 'success'), [], 'KEN');
    await ownerQuery(t, 'ANALYZE audit_events');
    // The list's query as keysetPage writes it, as the app role (row-level security binds it).
    const page = (filter: string) => `SELECT e.* FROM audit_events e WHERE e.state_code = 'KEN' AND ${filter} ORDER BY e.seq ASC LIMIT 51`;
    const byAction = await queryPlan(t, page(`e.action = 'GET /traces/:id/request.pdf'`), { stateCode: 'KEN', asApp: true, analyze: true });
    expect(byAction).toContain('IDX_audit_events_action');
    const refused = await queryPlan(t, page(`e.outcome = 'denied'`), { stateCode: 'KEN', asApp: true, analyze: true });
    expect(refused).toContain('IDX_audit_events_unsuccessful');
    for (const plan of [byAction, refused]) {
      expect(plan).not.toContain('Seq Scan');
      expect(Math.max(0, ...[...plan.matchAll(/Rows Removed by Filter: (\d+)/g)].map((m) => Number(m[1])))).toBe(0);
    }
    // And through the API, to an auditor of that State.
    const auditor = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['auditor'], mfaExempt: true }));
    const exports = await t.http.get(api('/audit/events')).query({ action: 'GET /traces/:id/request.pdf' }).set(bearer(auditor)).expect(200);
    expect(exports.body.items.map((e: EventRow) => e.targetId)).toEqual(['1', '2', '3']);
    const denied = await t.http.get(api('/audit/events')).query({ outcome: 'denied' }).set(bearer(auditor)).expect(200);
    expect(denied.body.items).toHaveLength(2);
  });

  it('cannot be changed through the app role, nor by the owner while the trigger stands', async () => {
    const app = new Client({ connectionString: t.db.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.state_code', 'FRA', true)`);
      await expect(app.query(`UPDATE audit_events SET outcome = 'success' WHERE state_code = 'FRA'`)).rejects.toMatchObject({ code: '42501' });
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
    await expect(ownerQuery(t, `DELETE FROM audit_events WHERE seq = 1`, [], 'FRA')).rejects.toThrow(/append-only/);
    await expect(ownerQuery(t, `TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('gives auditors, in the events list, what they need to recompute their chain without the node', async () => {
    const events = await allPages<EventRow & { hash: string; prevHash: string; hashedAt: string; hashedDetails: string }>(t, tokens.auditor, api('/audit/events'), { limit: 100 });
    expect(events.length).toBeGreaterThan(3);
    // As docs/security.md writes it: hex of each field's UTF-8 ("-" for null), joined by ".", after the previous hash.
    const hex = (value: string | null) => (value === null ? '-' : Buffer.from(value, 'utf8').toString('hex'));
    let prev = Buffer.alloc(32);
    for (const [i, e] of events.entries()) {
      expect(e.seq).toBe(String(i + 1));
      expect(e.hashedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      expect(JSON.parse(e.hashedDetails)).toEqual(e.details);
      const line = [e.seq, 'FRA', e.hashedAt, e.actorId, e.action, e.targetType, e.targetId, e.outcome, e.requestId, e.sourceIp, e.hashedDetails].map(hex).join('.');
      const hash = createHash('sha256').update(prev).update(line, 'utf8').digest();
      expect(e.prevHash).toBe(prev.toString('hex'));
      expect(e.hash).toBe(hash.toString('hex'));
      prev = hash;
    }
  });

  it('verifies an intact chain and names the first broken link after an edit, a deletion or a reordering', async () => {
    const intact = await verify();
    expect(intact).toMatchObject({ stateCode: 'FRA', ok: true, firstBroken: null });
    expect(intact.checked).toBeGreaterThan(10);

    const [row] = await ownerQuery<{ details: object }>(t, `SELECT details FROM audit_events WHERE state_code = 'FRA' AND seq = 5`, [], 'FRA');
    await tamper(`UPDATE audit_events SET details = '{"edited": true}' WHERE state_code = 'FRA' AND seq = 5`);
    expect((await verify()).firstBroken).toMatchObject({ seq: '5', reason: 'hash_mismatch' });
    await tamper(`UPDATE audit_events SET details = $1 WHERE state_code = 'FRA' AND seq = 5`, [row.details]);
    expect((await verify()).ok).toBe(true);

    const [saved] = await ownerQuery<Record<string, unknown>>(t, `SELECT * FROM audit_events WHERE state_code = 'FRA' AND seq = 7`, [], 'FRA');
    await tamper(`DELETE FROM audit_events WHERE state_code = 'FRA' AND seq = 7`);
    expect((await verify()).firstBroken).toMatchObject({ seq: '8', reason: 'sequence_gap' });
    const columns = Object.keys(saved);
    await tamper(`INSERT INTO audit_events (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(saved));
    expect((await verify()).ok).toBe(true);

    // Two events swap places: each keeps its content and hashes, under the other's number.
    await tamper(`UPDATE audit_events SET seq = -seq WHERE state_code = 'FRA' AND seq IN (3, 4)`);
    await tamper(`UPDATE audit_events SET seq = CASE seq WHEN -3 THEN 4 ELSE 3 END WHERE state_code = 'FRA' AND seq IN (-3, -4)`);
    const swapped = await verify();
    expect(swapped.ok).toBe(false);
    expect(swapped.firstBroken.seq).toBe('3');
  });

  it('catches a chain rewritten with recomputed hashes through a signed checkpoint', async () => {
    // Undo the swap of the previous test, then take a checkpoint of the intact chain.
    await tamper(`UPDATE audit_events SET seq = -seq WHERE state_code = 'FRA' AND seq IN (3, 4)`);
    await tamper(`UPDATE audit_events SET seq = CASE seq WHEN -3 THEN 4 ELSE 3 END WHERE state_code = 'FRA' AND seq IN (-3, -4)`);
    expect((await verify()).ok).toBe(true);
    const checkpoint = (await t.http.get(api('/audit/checkpoint')).set(bearer(tokens.auditor)).expect(200)).body;
    expect(checkpoint).toMatchObject({ format: 'iti-trace/audit-checkpoint', stateCode: 'FRA', signature: expect.any(String) });
    expect(await t.app.get(AuditService).verifyCheckpoint(checkpoint)).toMatchObject({ ok: true, problems: [] });

    // Someone with database rights edits event 2 and recomputes every hash after it: verify alone is fooled...
    const rows = await ownerQuery<AuditEventContent>(
      t,
      `SELECT state_code AS "stateCode", seq::text AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, actor_id::text AS "actorId",
              action, target_type AS "targetType", target_id AS "targetId", outcome, request_id AS "requestId", source_ip AS "sourceIp",
              details::text AS details
         FROM audit_events WHERE state_code = 'FRA' ORDER BY audit_events.seq`,
      [],
      'FRA',
    );
    rows[1].details = '{"rewritten": true}';
    let previous: Buffer = Buffer.alloc(32);
    const client = new Client({ connectionString: withDatabase(t.db.adminUrl, t.db.name) });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      for (const row of rows) {
        const hash = auditEventHash(previous, row);
        await client.query(`UPDATE audit_events SET details = $1, prev_hash = $2, hash = $3 WHERE state_code = 'FRA' AND seq = $4`, [row.details, previous, hash, row.seq]);
        previous = hash;
      }
      await client.query(`UPDATE audit_heads SET hash = $1 WHERE state_code = 'FRA'`, [previous]);
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
    // ...the checkpoint is not.
    const result = await t.app.get(AuditService).verifyCheckpoint(checkpoint);
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toMatch(/rewritten/);

    // A forged checkpoint (signature changed) is refused before any chain is read.
    const forged = await t.app.get(AuditService).verifyCheckpoint({ ...checkpoint, seq: '1' });
    expect(forged.ok).toBe(false);
    expect(forged.chain).toBeNull();
  });
});

// The CLI's application, built in this process, leaves passport verifying tokens on its own (real) clock: on an app of its own.
describe('audit checkpoints through the CLI', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('writes a checkpoint with the CLI, and records none that it could not write', async () => {
    const user = await createUser(t, { stateCode: 'ITA', roles: ['registrar'] });
    await login(t, user); // an event or two in ITA's chain to sign
    const checkpoints = async () => (await ownerQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_events WHERE state_code = 'ITA' AND action = 'audit.checkpoint'`, [], 'ITA'))[0].n;
    const failed = await runCli(t, ['audit:checkpoint', '--state', 'ita', '--out', join(t.dataDir, 'no-such-directory', 'checkpoint.json')]);
    expect(String(failed.error)).toContain('ENOENT');
    expect(await checkpoints()).toBe(0);
    const file = join(t.dataDir, 'checkpoint.json');
    const written = await runCli(t, ['audit:checkpoint', '--state', 'ita', '--out', file]);
    expect(written.error).toBeUndefined();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'iti-trace/audit-checkpoint', stateCode: 'ITA' });
    expect(await checkpoints()).toBe(1);
  });
});
