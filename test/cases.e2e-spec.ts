import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { Client } from 'pg';
import { rotateKeyringFile } from '../src/common/encryption/key-provider';
import { KeyRotation } from '../src/common/encryption/key-rotation';
import { withDatabase } from '../src/database/database-runtime';
import { OutboxWorker } from '../src/tracing/outbox.worker';
import { runCli } from './support/cli';
import { flatText, parsePdf } from './support/pdf';
import { bearer, bytes, createTestApp, createUser, login, ownerQuery, TestApp, Tokens } from './support/test-app';
import { traceRequestBody } from './support/traces';

const api = (path: string) => `/api/v1${path}`;

/** A unique string per confidential field: where it shows up, the content went. */
const tag = randomBytes(4).toString('hex');
const CANARY = {
  reference: `CANARY-REF-${tag}`,
  offence: `CANARY-OFFENCE-${tag}`,
  narrative: `CANARY-NARRATIVE-${tag}`,
  personName: `CANARY-PERSON-${tag}`,
  documentNumber: `CANARY-DOC-${tag}`,
  placeOfRecovery: `CANARY-PLACE-${tag}`,
  investigatingAgency: `CANARY-AGENCY-${tag}`,
};
/** The fields the officer discloses with the trace request; the others never leave the case. */
const DISCLOSED = [CANARY.offence, CANARY.placeOfRecovery];
const UNDISCLOSED = Object.values(CANARY).filter((c) => !DISCLOSED.includes(c));

function caseBody(overrides: Record<string, unknown> = {}) {
  return {
    reference: CANARY.reference,
    offence: CANARY.offence,
    narrative: `Pistol seized at the arrest of the suspect. ${CANARY.narrative}`,
    persons: [{ name: CANARY.personName, dateOfBirth: '1980-04-12', role: 'suspect', identityDocuments: [{ type: 'passport', number: CANARY.documentNumber, issuingState: 'FRA' }] }],
    placeOfRecovery: CANARY.placeOfRecovery,
    investigatingAgency: CANARY.investigatingAgency,
    ...overrides,
  };
}

/**
 * Every encoding in which a canary could sit in a dump: as text, as the hex of bytea, as base64 wherever it
 * starts in the encoded value (at a byte offset of 0, 1 or 2 modulo 3, each with the characters that depend
 * on the bytes around it left out).
 */
function encodings(canary: string): string[] {
  const bytes = Buffer.from(canary);
  const base64 = [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // The first character that holds none of the padding bytes; 16 characters from there, clear of the end.
    const first = Math.ceil((offset * 8) / 6);
    return encoded.slice(first, first + 16);
  });
  return [canary, bytes.toString('hex'), ...base64];
}

/**
 * Confidential case files through the API: need to know, disclosure into a trace request, encryption at
 * rest (with key rotation), and the canary test: the content reaches case members, and the disclosed
 * fields the parties of the trace, and nothing else — no log, error body, foreign PDF or raw table.
 */
describe('Confidential case files', () => {
  let t: TestApp;
  const tokens: Record<string, Tokens> = {};
  const ids: Record<string, string> = {};
  /** Every response of the scenario, with who received it. */
  const seen: { who: string; status: number; text: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ OUTBOX_POLL_MS: '0', TRACE_DEADLINE_JOB_SECONDS: '0' });
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code IN ('FRA', 'BEL', 'ITA')`);
    for (const code of ['BEL', 'ITA']) {
      await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ($1, 'NPC', 'Agency', 'npc@example.org')`, [code], code);
    }
    const users: [string, string, ('officer' | 'npc' | 'registrar' | 'auditor')[]][] = [
      ['officer', 'FRA', ['officer']], ['colleague', 'FRA', ['officer']], ['outsider', 'FRA', ['officer']], ['fraNpc', 'FRA', ['npc']],
      ['fraAuditor', 'FRA', ['auditor']], ['fraRegistrar', 'FRA', ['registrar']], ['belNpc', 'BEL', ['npc']], ['belAuditor', 'BEL', ['auditor']],
    ];
    for (const [name, stateCode, roles] of users) {
      const user = await createUser(t, { stateCode, roles, mfaExempt: true });
      ids[name] = user.id;
      tokens[name] = await login(t, user);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  async function call(who: string, method: 'get' | 'post' | 'patch', path: string, body?: object, headers: Record<string, string> = {}) {
    let request = t.http[method](api(path)).set(bearer(tokens[who])).set(headers);
    if (path.endsWith('.pdf')) request = bytes(request);
    const response = body ? await request.send(body) : await request;
    // A PDF's text both as laid out and with every blank removed (a value may wrap across lines).
    const pdfText = Buffer.isBuffer(response.body) && response.headers['content-type'] === 'application/pdf' ? (await parsePdf(response.body)).text : null;
    const text = pdfText !== null ? `${flatText(pdfText)}\n${pdfText.replace(/\s+/g, '')}` : JSON.stringify(response.body);
    seen.push({ who, status: response.status, text });
    return response;
  }

  async function move(who: string, id: string, action: string, body: object = {}) {
    const current = await call(who, 'get', `/traces/${id}`);
    expect(current.status).toBe(200);
    const response = await call(who, 'post', `/traces/${id}/${action}`, body, { 'If-Match': current.headers.etag });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
    return response.body;
  }

  it('opens a case for its creator; the content is sealed per column, bound to the row', async () => {
    const created = await call('officer', 'post', '/cases', caseBody());
    expect(created.status).toBe(201);
    ids.case = created.body.id;
    expect(created.body).toMatchObject({ classification: 'confidential', createdBy: ids.officer, content: { reference: CANARY.reference, persons: [{ name: CANARY.personName }] } });
    expect(created.body.members).toEqual([expect.objectContaining({ userId: ids.officer })]);

    const [row] = await ownerQuery<{ reference: Buffer; narrative: Buffer; kek_id: string; data_key: Buffer }>(t, `SELECT reference, narrative, kek_id, data_key FROM cases WHERE id = $1`, [ids.case], 'FRA');
    expect(row.reference[0]).toBe(1); // format version 1: AES-256-GCM
    expect(row.reference.length).toBe(1 + 12 + 16 + Buffer.byteLength(JSON.stringify(CANARY.reference)));
    expect(row.kek_id).toMatch(/\S/);
    expect(row.data_key.length).toBe(60);
  });

  it('lets only members read the content; the creator adds members of the same State', async () => {
    expect((await call('outsider', 'get', `/cases/${ids.case}`)).status).toBe(404);
    expect((await call('fraNpc', 'get', `/cases/${ids.case}`)).status).toBe(404);
    expect((await call('belNpc', 'get', `/cases/${ids.case}`)).status).toBe(404);

    const added = await call('officer', 'post', `/cases/${ids.case}/members`, { userId: ids.colleague });
    expect(added.status).toBe(200);
    expect(added.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual([ids.officer, ids.colleague].sort());
    // Whom the creator let in is in the audit chain, not only in case_members; once (added again, granted nothing).
    expect((await call('officer', 'post', `/cases/${ids.case}/members`, { userId: ids.colleague })).status).toBe(200);
    const grants = await ownerQuery<{ actor_id: string; details: unknown }>(t, `SELECT actor_id, details FROM audit_events WHERE action = 'case.member_added' AND target_id = $1`, [ids.case], 'FRA');
    expect(grants).toEqual([{ actor_id: ids.officer, details: { userId: ids.colleague } }]);
    const read = await call('colleague', 'get', `/cases/${ids.case}`);
    expect(read.status).toBe(200);
    expect(read.body.content.narrative).toContain(CANARY.narrative);

    // Only the creator adds; no auditor, no user of another State.
    expect((await call('colleague', 'post', `/cases/${ids.case}/members`, { userId: ids.outsider })).body.code).toBe('CASE_CREATOR_ONLY');
    const auditor = await call('officer', 'post', `/cases/${ids.case}/members`, { userId: ids.fraAuditor });
    expect({ status: auditor.status, field: auditor.body.details?.[0]?.field }).toEqual({ status: 400, field: 'userId' });
    const foreign = await call('officer', 'post', `/cases/${ids.case}/members`, { userId: ids.belNpc });
    expect({ status: foreign.status, field: foreign.body.details?.[0]?.field }).toEqual({ status: 400, field: 'userId' });
    expect((await call('outsider', 'post', `/cases/${ids.case}/members`, { userId: ids.outsider })).status).toBe(404);
  });

  it('shows auditors that a case exists and who read it, never its content', async () => {
    const view = await call('fraAuditor', 'get', `/cases/${ids.case}`);
    expect(view.status).toBe(200);
    expect(view.body.content).toBeNull();
    const readers = view.body.reads.filter((r: { outcome: string }) => r.outcome === 'success').map((r: { userId: string }) => r.userId);
    expect(readers).toContain(ids.colleague);
    expect(view.body.members).toHaveLength(2);
    expect((await call('belAuditor', 'get', `/cases/${ids.case}`)).status).toBe(404);

    // Refused reads are in the trail too, with who tried.
    const denied = await call('fraAuditor', 'get', `/audit/events?action=case.content_read&outcome=denied&targetId=${ids.case}`);
    expect(denied.body.items.map((e: { actorId: string }) => e.actorId)).toEqual(expect.arrayContaining([ids.outsider, ids.fraNpc]));
    // The case as the service names it (case) and as a route does (cases): either filter finds both.
    for (const targetType of ['case', 'cases']) {
      const found = await call('fraAuditor', 'get', `/audit/events?targetType=${targetType}&targetId=${ids.case}&limit=100`);
      expect(new Set(found.body.items.map((e: { targetType: string }) => e.targetType))).toEqual(new Set(['case', 'cases']));
    }
  });

  it('records a read asked for with the id in upper case under the id itself: auditors see it', async () => {
    const upper = ids.case.toUpperCase();
    const read = await call('officer', 'get', `/cases/${upper}`);
    expect({ status: read.status, id: read.body.id }).toEqual({ status: 200, id: ids.case });
    const view = await call('fraAuditor', 'get', `/cases/${ids.case}`);
    const officerReads = view.body.reads.filter((r: { userId: string; outcome: string }) => r.userId === ids.officer && r.outcome === 'success');
    expect(officerReads.length).toBeGreaterThan(0);
    // The trail is searched by the id in either case.
    for (const targetId of [ids.case, upper]) {
      const events = await call('fraAuditor', 'get', `/audit/events?action=case.content_read&outcome=success&targetId=${targetId}`);
      expect(events.body.items.map((e: { actorId: string; targetId: string }) => [e.actorId, e.targetId])).toContainEqual([ids.officer, ids.case]);
    }
    expect(JSON.stringify((await call('fraAuditor', 'get', `/audit/events?targetId=${upper}`)).body.items)).not.toContain(upper);

    // A read recorded before ids were lower-cased kept the id as the request spelled it: still found.
    const before = [{ state_code: 'FRA', at: new Date().toISOString(), actor_id: ids.colleague, action: 'case.content_read', target_type: 'case', target_id: upper,
      outcome: 'success', request_id: null, source_ip: null, details: {} }];
    await ownerQuery(t, 'SELECT audit_append($1::jsonb)', [JSON.stringify(before)], 'FRA');
    const reads = (await call('fraAuditor', 'get', `/cases/${ids.case}`)).body.reads as { userId: string; at: string }[];
    expect(reads.filter((r) => r.userId === ids.colleague).length).toBeGreaterThanOrEqual(2);
    for (const targetId of [ids.case, upper]) {
      const events = await call('fraAuditor', 'get', `/audit/events?action=case.content_read&targetId=${targetId}`);
      expect(events.body.items.map((e: { targetId: string }) => e.targetId)).toEqual(expect.arrayContaining([ids.case, upper]));
    }
    expect((await call('fraAuditor', 'get', '/audit/verify')).status).toBe(200);

    // A busy case: the auditor sees the latest reads, oldest first, and is told that there were earlier ones.
    const old = Array.from({ length: 1000 }, () => ({ ...before[0], at: '2020-01-01T00:00:00.000Z', target_id: ids.case }));
    await ownerQuery(t, 'SELECT audit_append($1::jsonb)', [JSON.stringify(old)], 'FRA');
    await call('officer', 'get', `/cases/${ids.case}`);
    const busy = (await call('fraAuditor', 'get', `/cases/${ids.case}`)).body as { reads: { userId: string; at: string }[]; earlierReads: boolean };
    expect(busy.reads).toHaveLength(1000);
    expect(busy.earlierReads).toBe(true);
    expect(busy.reads.at(-1)!.userId).toBe(ids.officer);
    expect(busy.reads.map((r) => r.at)).toEqual([...busy.reads.map((r) => r.at)].sort());
  });

  it('refuses bad case bodies with the field named, echoing no content', async () => {
    const bad = await call('officer', 'post', '/cases', caseBody({ classification: CANARY.reference, persons: [{ name: CANARY.personName, dateOfBirth: CANARY.personName }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['classification', 'persons[0].dateOfBirth']);
    expect(JSON.stringify(bad.body)).not.toContain(tag);
    const ordinal = await call('officer', 'post', '/cases', caseBody({ persons: [{ name: CANARY.personName, dateOfBirth: '1980-103' }] }));
    expect(ordinal.status).toBe(400);
    expect(ordinal.body.details.map((d: { field: string }) => d.field)).toEqual(['persons[0].dateOfBirth']);
    // A birth still to come, and a document of a State this node does not know.
    const unborn = await call('officer', 'post', '/cases', caseBody({ persons: [{ name: CANARY.personName, dateOfBirth: '2090-01-01', identityDocuments: [{ type: 'passport', number: CANARY.documentNumber, issuingState: 'QQQ' }] }] }));
    expect({ status: unborn.status, details: unborn.body.details }).toEqual({ status: 400, details: [
      { field: 'persons[0].dateOfBirth', messages: ['dateOfBirth cannot be in the future'] },
      { field: 'persons[0].identityDocuments[0].issuingState', messages: ['issuingState is not a State known to this node'] },
    ] });
    expect(JSON.stringify(unborn.body)).not.toContain(tag);
    expect((await call('fraRegistrar', 'post', '/cases', caseBody())).status).toBe(403);
  });

  it('asks which fields of another case go when a draft is linked to it instead, and reads nothing of a case linked with none', async () => {
    const other = await call('officer', 'post', '/cases', caseBody());
    const readsOfOther = async () => (await ownerQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.content_read' AND target_id = $1`, [other.body.id], 'FRA'))[0].n;
    const before = await readsOfOther();
    const draft = await call('officer', 'post', '/traces', traceRequestBody({ caseId: ids.case, disclose: ['offence'], requestedState: 'BEL' }));
    expect(draft.status).toBe(201);
    // The fields chosen of the first case are no choice of the other's.
    const moved = await call('officer', 'patch', `/traces/${draft.body.id}`, { caseId: other.body.id }, { 'If-Match': draft.headers.etag });
    expect({ status: moved.status, details: moved.body.details }).toEqual({
      status: 400, details: [{ field: 'disclose', messages: ['the request names another case: say which of its fields go with the request (disclose, [] for none)'] }],
    });
    const none = await call('officer', 'patch', `/traces/${draft.body.id}`, { caseId: other.body.id, disclose: [] }, { 'If-Match': draft.headers.etag });
    expect({ status: none.status, caseId: none.body.caseId, disclosedFields: none.body.disclosedFields }).toEqual({ status: 200, caseId: other.body.id, disclosedFields: [] });
    expect(none.body.disclosure ?? {}).toEqual({});
    // Linked with no field, on create as on an edit: a member's link, and no read of its content.
    const linked = await call('officer', 'post', '/traces', traceRequestBody({ caseId: other.body.id, requestedState: 'BEL' }));
    expect({ status: linked.status, disclosedFields: linked.body.disclosedFields }).toEqual({ status: 201, disclosedFields: [] });
    expect(await readsOfOther()).toBe(before);
    const chosen = await call('officer', 'patch', `/traces/${linked.body.id}`, { disclose: ['offence'] }, { 'If-Match': linked.headers.etag });
    expect(chosen.body.disclosure).toEqual({ offence: CANARY.offence });
    expect(await readsOfOther()).toBe(before + 1);
    const outsider = await call('outsider', 'post', '/traces', traceRequestBody({ caseId: other.body.id }));
    expect(outsider.status).toBe(404);
  });

  it('discloses only the chosen fields with a trace request, to the requested State and in its PDF', async () => {
    // Linking a case needs membership: a non-member gets 404, as for the case itself.
    const refused = await call('outsider', 'post', '/traces', traceRequestBody({ caseId: ids.case, disclose: ['offence'] }));
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
    // Recorded both as the refused read of the case and as the request that failed, under its route.
    const attempt = await ownerQuery<{ action: string; outcome: string; target_id: string | null; code: string | null }>(t,
      `SELECT action, outcome, target_id, details ->> 'code' AS code FROM audit_events WHERE request_id = $1 ORDER BY seq`, [refused.headers['x-request-id']], 'FRA');
    expect(attempt).toEqual([
      { action: 'case.content_read', outcome: 'denied', target_id: ids.case, code: null },
      { action: 'POST /traces', outcome: 'failure', target_id: null, code: 'CASE_NOT_FOUND' },
    ]);
    const noCase = await call('officer', 'post', '/traces', traceRequestBody({ disclose: ['offence'] }));
    expect({ status: noCase.status, field: noCase.body.details?.[0]?.field }).toEqual({ status: 400, field: 'disclose' });

    const created = await call('officer', 'post', '/traces', traceRequestBody({ caseId: ids.case, disclose: ['offence', 'placeOfRecovery'], requestedState: 'BEL' }));
    expect(created.status).toBe(201);
    ids.trace = created.body.id;
    expect(created.body).toMatchObject({ caseId: ids.case, disclosedFields: ['offence', 'placeOfRecovery'], disclosure: { offence: CANARY.offence, placeOfRecovery: CANARY.placeOfRecovery } });
    expect(Object.keys(created.body.disclosure)).toEqual(['offence', 'placeOfRecovery']);
    // One read of the case for the request that linked it (its response carries what it read), not two.
    const createReads = await ownerQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.content_read' AND target_id = $1 AND request_id = (
      SELECT request_id FROM audit_events WHERE action = 'POST /traces' AND target_id = $2)`, [ids.case, created.body.id], 'FRA');
    expect(createReads).toEqual([{ n: 1 }]);
    // Case content travels under the case's classification at least: a default is raised to it, a lower choice refused.
    expect(created.body.classification).toBe('confidential');
    const lower = await call('officer', 'post', '/traces', traceRequestBody({ caseId: ids.case, disclose: ['offence'], classification: 'restricted', requestedState: 'BEL' }));
    expect({ status: lower.status, details: lower.body.details }).toEqual({
      status: 400, details: [{ field: 'classification', messages: ['the request discloses fields of a case file classified confidential: classify it confidential at least'] }],
    });
    const lowered = await call('officer', 'patch', `/traces/${ids.trace}`, { classification: 'unclassified' }, { 'If-Match': '"1"' });
    expect({ status: lowered.status, field: lowered.body.details?.[0]?.field }).toEqual({ status: 400, field: 'classification' });

    await move('officer', ids.trace, 'submit');
    await move('fraNpc', ids.trace, 'send');
    await t.app.get(OutboxWorker).drain();

    const incoming = await call('belNpc', 'get', '/traces?direction=incoming');
    const copy = incoming.body.items.find((i: { exchangeId: string }) => i.exchangeId === ids.trace);
    ids.belCopy = copy.id;
    const belView = await call('belNpc', 'get', `/traces/${copy.id}`);
    expect(belView.body).toMatchObject({ caseId: null, disclosedFields: ['offence', 'placeOfRecovery'], disclosure: { offence: CANARY.offence, placeOfRecovery: CANARY.placeOfRecovery } });
    // Delivered, the message keeps no sealed copy of what it carried, nor the key to it: BEL's copy holds it now.
    const message = await ownerQuery(t, `SELECT delivered_at IS NOT NULL AS delivered, sealed, kek_id, data_key FROM outbox_messages WHERE exchange_id = $1 AND kind = 'trace.sent'`, [ids.trace], 'FRA');
    expect(message).toEqual([{ delivered: true, sealed: null, kek_id: null, data_key: null }]);

    const belPdf = await call('belNpc', 'get', `/traces/${copy.id}/request.pdf`);
    expect(belPdf.status).toBe(200);
    const belText = seen[seen.length - 1].text;
    expect(belText).toContain('Case information disclosed with the request');
    expect(belText).toContain(CANARY.offence);
    expect(belText).not.toContain(CANARY.narrative);

    // What the FRA NPC read of the case through the trace (the copy it sent, the request form) is among the case's reads.
    await call('fraNpc', 'get', `/traces/${ids.trace}`);
    const caseView = await call('fraAuditor', 'get', `/cases/${ids.case}`);
    expect(caseView.body.reads.map((r: { userId: string }) => r.userId)).toContain(ids.fraNpc);
    const throughTrace = await ownerQuery<{ details: unknown }>(t, `SELECT details FROM audit_events WHERE action = 'case.content_read' AND target_id = $1 AND actor_id = $2 ORDER BY seq DESC LIMIT 1`, [ids.case, ids.fraNpc], 'FRA');
    expect(throughTrace).toEqual([{ details: { via: 'trace', traceId: ids.trace, fields: ['offence', 'placeOfRecovery'] } }]);

    // The auditors of both States see the trace and its form, without the disclosed content.
    const auditorView = await call('fraAuditor', 'get', `/traces/${ids.trace}`);
    expect(auditorView.body).toMatchObject({ disclosedFields: ['offence', 'placeOfRecovery'], disclosure: null });
    const auditorPdf = await call('fraAuditor', 'get', `/traces/${ids.trace}/request.pdf`);
    expect(auditorPdf.status).toBe(200);
    expect(seen[seen.length - 1].text).toContain(`Trace ${ids.trace}`);
    expect((await call('belAuditor', 'get', `/traces/${copy.id}`)).body.disclosure).toBeNull();
    const belAuditorPdf = await call('belAuditor', 'get', `/traces/${copy.id}/request.pdf`);
    expect(belAuditorPdf.status).toBe(200);
    // The form names the request by the requester's id, on both States' copies.
    expect(seen[seen.length - 1].text).toContain(`Trace ${ids.trace}`);
  });

  it('records a read of the case at every replay of a response that carries its content (Idempotency-Key)', async () => {
    const key = { 'Idempotency-Key': `case-trace-${randomBytes(8).toString('hex')}` };
    const body = traceRequestBody({ caseId: ids.case, disclose: ['offence'], requestedState: 'BEL' });
    const first = await call('officer', 'post', '/traces', body, key);
    const replay = await call('officer', 'post', '/traces', body, key);
    expect({ status: replay.status, replayed: replay.headers['idempotent-replayed'], id: replay.body.id, disclosure: replay.body.disclosure }).toEqual({
      status: 201, replayed: 'true', id: first.body.id, disclosure: { offence: CANARY.offence },
    });
    const reads = await ownerQuery<{ details: Record<string, unknown> }>(t, `SELECT details FROM audit_events WHERE action = 'case.content_read' AND target_id = $1 AND details ->> 'traceId' = $2`, [ids.case, first.body.id], 'FRA');
    expect(reads).toEqual([{ details: { via: 'trace', traceId: first.body.id, fields: ['offence'], replayed: true } }]);
  });

  it('refuses to pass restricted information on, audits the attempt, and carries the restrictions into the follow-up', async () => {
    await move('belNpc', ids.belCopy, 'acknowledge');
    await move('belNpc', ids.belCopy, 'answer', {
      outcome: 'full', recordFound: true, nextState: 'ITA', useRestrictions: ['no_onward_disclosure'],
      chain: [{ event: 'exported', date: '2019-05-02', state: 'BEL', counterpartState: 'ITA', licenceRef: 'BE-EXP-1' }],
    });
    await t.app.get(OutboxWorker).drain();

    const current = await call('fraNpc', 'get', `/traces/${ids.trace}`);
    const refused = await call('fraNpc', 'post', `/traces/${ids.trace}/follow-ups`, {}, { 'If-Match': current.headers.etag });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'RESTRICTED_INFORMATION' });
    const audited = await call('fraAuditor', 'get', `/audit/events?outcome=denied&targetId=${ids.trace}`);
    expect(audited.body.items).toEqual([expect.objectContaining({ action: 'POST /traces/:id/follow-ups', actorId: ids.fraNpc, details: { status: 403, code: 'RESTRICTED_INFORMATION' } })]);

    const child = await call('fraNpc', 'post', `/traces/${ids.trace}/follow-ups`, { carryAnswer: false }, { 'If-Match': current.headers.etag });
    expect(child.status).toBe(201);
    // The restrictions go on; the case stays linked, but none of it goes to ITA unless a member discloses it again.
    expect(child.body).toMatchObject({ requestedState: 'ITA', parentId: ids.trace, caseId: ids.case, disclosedFields: [], disclosure: null });
    expect(child.body.useRestrictions).toEqual(expect.arrayContaining(['law_enforcement_only', 'no_onward_disclosure']));
    expect(child.body.notes).toEqual([]);
    // The NPC returns it to the officer, a member, who chooses what goes with it.
    const returned = await move('fraNpc', child.body.id, 'return', { text: 'Choose what of the case goes to ITA' });
    expect(returned.status).toBe('returned');
    const childNow = await call('officer', 'get', `/traces/${child.body.id}`);
    const edited = await call('officer', 'patch', `/traces/${child.body.id}`, { caseId: ids.case, disclose: ['offence'] }, { 'If-Match': childNow.headers.etag });
    expect(edited.body).toMatchObject({ disclosedFields: ['offence'], disclosure: { offence: CANARY.offence } });
  });

  it('keeps every record readable through a key rotation while the service runs', async () => {
    const before = await ownerQuery<{ kek_id: string }>(t, `SELECT DISTINCT kek_id FROM traces WHERE kek_id IS NOT NULL`, [], 'FRA');
    // A user with a sealed TOTP secret, who logs in with it after the rotation too.
    const enrolled = await createUser(t, { roles: ['officer'] });
    const enrolledTokens = await login(t, enrolled);
    const { secret } = (await t.http.post('/api/v1/auth/mfa/enroll').set(bearer(enrolledTokens)).send({ password: enrolled.password }).expect(200)).body;
    const totp = () => generateSync({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
    await t.http.post('/api/v1/auth/mfa/confirm').set(bearer(enrolledTokens)).send({ code: totp() }).expect(204);
    // A stored response to replay (Idempotency-Key), sealed like the record it made.
    const replayable = traceRequestBody({ requestedState: 'BEL' });
    const idempotent = await call('officer', 'post', '/traces', replayable, { 'Idempotency-Key': 'rotation-replay' });
    expect(idempotent.status).toBe(201);
    const [{ keys }] = await ownerQuery<{ keys: number }>(t, `SELECT count(*)::int AS keys FROM idempotency_keys WHERE response IS NOT NULL`, [], 'FRA');
    // A message sent but not delivered yet (to a State not hosted on this node), sealed with its own data key:
    // one delivered keeps neither its sealed content nor the key.
    await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ('DEU', 'NPC', 'BKA', 'npc@example.de')`, [], 'DEU');
    const pending = await call('officer', 'post', '/traces', traceRequestBody({ caseId: ids.case, disclose: ['offence'], requestedState: 'DEU' }));
    expect(pending.status).toBe(201);
    await move('officer', pending.body.id, 'submit');
    await move('fraNpc', pending.body.id, 'send');
    const newKek = rotateKeyringFile(join(t.dataDir, 'keyring.json'));
    // The running service looks at its keyring file at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const report = await t.app.get(KeyRotation).rewrapAll(['FRA', 'BEL', 'ITA']);
    expect(report.activeKekId).toBe(newKek);
    // The case of this file's tests, and the one a draft was linked to instead.
    expect(report.rewrapped.cases).toBe(2);
    expect(report.rewrapped.traces).toBeGreaterThanOrEqual(2);
    expect(report.rewrapped.outbox_messages).toBeGreaterThanOrEqual(1);
    expect(report.rewrapped.users).toBe(1);
    expect(keys).toBeGreaterThanOrEqual(1);
    expect(report.rewrapped.idempotency_keys).toBe(keys);
    expect(report.remaining).toEqual({ cases: 0, traces: 0, outbox_messages: 0, idempotency_keys: 0, users: 0 });
    for (const state of ['FRA', 'BEL']) {
      const keks = await ownerQuery<{ kek_id: string }>(t, `SELECT DISTINCT kek_id FROM cases WHERE kek_id IS NOT NULL UNION SELECT DISTINCT kek_id FROM traces WHERE kek_id IS NOT NULL`, [], state);
      expect(keks.map((k) => k.kek_id)).toEqual([newKek]);
    }
    expect(before.map((k) => k.kek_id)).not.toContain(newKek);
    // A second run finds nothing left to re-wrap.
    expect(Object.values((await t.app.get(KeyRotation).rewrapAll(['FRA', 'BEL'])).rewrapped).every((n) => n === 0)).toBe(true);

    t.clock.advance(60);
    const step = await t.http.post('/api/v1/auth/login').send({ username: enrolled.username, password: enrolled.password }).expect(200);
    await t.http.post('/api/v1/auth/mfa').send({ mfaToken: step.body.mfaToken, code: totp() }).expect(200);
    const read = await call('officer', 'get', `/cases/${ids.case}`);
    expect(read.body.content.reference).toBe(CANARY.reference);
    expect((await call('belNpc', 'get', `/traces/${ids.belCopy}`)).body.disclosure.offence).toBe(CANARY.offence);
    const replayed = await call('officer', 'post', '/traces', replayable, { 'Idempotency-Key': 'rotation-replay' });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(idempotent.body);
    // New records get their data key wrapped under the new key.
    const another = await call('officer', 'post', '/cases', caseBody({ reference: 'PJ-2' }));
    const [row] = await ownerQuery<{ kek_id: string }>(t, `SELECT kek_id FROM cases WHERE id = $1`, [another.body.id], 'FRA');
    expect(row.kek_id).toBe(newKek);
  });

  it('re-wraps every other record when one has a data key no key of the keyring unwraps, and names that one', async () => {
    const lost = await call('officer', 'post', '/cases', caseBody({ reference: 'PJ-LOST' }));
    const kept = await call('officer', 'post', '/cases', caseBody({ reference: 'PJ-KEPT' }));
    // As restored from a backup wrapped under a key since removed from the keyring.
    await ownerQuery(t, `UPDATE cases SET kek_id = 'kek-20200101T000000Z-dead' WHERE id = $1`, [lost.body.id], 'FRA');
    const newKek = rotateKeyringFile(join(t.dataDir, 'keyring.json'));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const report = await t.app.get(KeyRotation).rewrapAll(['FRA', 'BEL', 'ITA']);
    expect(report.unreadable.cases).toEqual({ count: 1, rowIds: [lost.body.id] });
    expect(report.unreadable.traces).toEqual({ count: 0, rowIds: [] });
    expect(report.rewrapped.cases).toBeGreaterThanOrEqual(2);
    expect(report.remaining.cases).toBe(1);
    const [row] = await ownerQuery<{ kek_id: string }>(t, `SELECT kek_id FROM cases WHERE id = $1`, [kept.body.id], 'FRA');
    expect(row.kek_id).toBe(newKek);
    expect((await call('officer', 'get', `/cases/${kept.body.id}`)).body.content.reference).toBe('PJ-KEPT');
    // Run again: the same one named, nothing else left.
    const again = await t.app.get(KeyRotation).rewrapAll(['FRA', 'BEL', 'ITA']);
    expect(again.unreadable.cases).toEqual({ count: 1, rowIds: [lost.body.id] });
    expect(Object.values(again.rewrapped).every((n) => n === 0)).toBe(true);
  });

  it('refuses a ciphertext moved to another row, and says nothing of it', async () => {
    const other = await call('colleague', 'post', '/cases', caseBody({ reference: 'PJ-3', narrative: 'another narrative' }));
    await ownerQuery(t, `UPDATE cases SET narrative = (SELECT narrative FROM cases WHERE id = $1) WHERE id = $2`, [ids.case, other.body.id], 'FRA');
    const read = await call('colleague', 'get', `/cases/${other.body.id}`);
    expect(read.status).toBe(500);
    expect(JSON.stringify(read.body)).not.toContain(tag);
  });

  it('finds the canaries only where need to know allows: members, and the trace parties for what was disclosed', () => {
    const members = new Set(['officer', 'colleague']);
    const traceParties = new Set([...members, 'fraNpc', 'belNpc']);
    for (const response of seen) {
      for (const canary of UNDISCLOSED) {
        if (response.text.includes(canary)) expect({ who: response.who, canary }).toEqual({ who: expect.stringMatching(/^(officer|colleague)$/), canary });
      }
      for (const canary of DISCLOSED) {
        if (response.text.includes(canary)) expect(traceParties.has(response.who) ? 'party' : response.who).toBe('party');
      }
    }
    // The test saw the content where it belongs (else it would prove nothing).
    expect(seen.some((r) => r.who === 'officer' && UNDISCLOSED.every((c) => r.text.includes(c)))).toBe(true);
    expect(seen.some((r) => r.who === 'belNpc' && DISCLOSED.every((c) => r.text.includes(c)))).toBe(true);
    expect(seen.filter((r) => r.who.endsWith('Auditor')).length).toBeGreaterThan(4);
  });

  it('finds no canary in the logs', () => {
    expect(t.logs.text.length).toBeGreaterThan(1000);
    for (const canary of Object.values(CANARY)) expect(t.logs.text).not.toContain(canary);
  });

  it('finds no canary in any table of the raw database, in any encoding', async () => {
    // As the superuser, which row-level security does not bind: the whole database as an attacker would dump it.
    const dump = await withDatabaseClient(async (client) => {
      const tables = await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
      let text = '';
      for (const { table_name } of tables.rows) {
        const rows = await client.query(`SELECT t::text AS row FROM "${table_name}" t`);
        text += rows.rows.map((r: { row: string }) => r.row).join('\n');
      }
      return text;
    });
    expect(dump).toContain(ids.case); // the dump did read the tables
    for (const canary of Object.values(CANARY)) {
      for (const encoded of encodings(canary)) expect(dump).not.toContain(encoded);
    }
  });

  async function withDatabaseClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: withDatabase(t.db.adminUrl, t.db.name) });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
});

// The CLI's application, built in this process, leaves passport verifying tokens on its own (real) clock: on an app of its own.
describe('key rotation through the CLI', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('prints the report of keys:rewrap, and fails while a record has a data key no key of the keyring unwraps', async () => {
    const officer = await login(t, await createUser(t, { roles: ['officer'] }));
    const lost = await t.http.post('/api/v1/cases').set(bearer(officer)).send(caseBody({ reference: 'PJ-CLI' })).expect(201);
    await ownerQuery(t, `UPDATE cases SET kek_id = 'kek-20200101T000000Z-dead' WHERE id = $1`, [lost.body.id], 'FRA');
    const cli = await runCli(t, ['keys:rewrap']);
    expect({ error: cli.error, exitCode: cli.exitCode }).toEqual({ error: undefined, exitCode: 1 });
    expect(JSON.parse(cli.stdout)).toMatchObject({ unreadable: { cases: { count: 1, rowIds: [lost.body.id] } }, remaining: { cases: 1 } });
  });
});
