import { createHash, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import canonicalize from 'canonicalize';
import { deflateSync } from 'node:zlib';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { IdempotencyPurgeJob } from '../src/common/idempotency/idempotency-purge.job';
import { DeadlineJob, OutboxWorker } from '../src/tracing/outbox.worker';
import { OUTBOX_CANDIDATES, OUTBOX_CANDIDATES_QUERY } from '../migrations/1795461000000-OutboxClaimHostedStates';
import { pngChunk, tinyJpeg, tinyPng, withFillBytes } from './support/images';
import { flatText, parsePdf } from './support/pdf';
import { traceRequestBody } from './support/traces';
import { TracesRepository } from '../src/tracing/traces.repository';
import { TracingService } from '../src/tracing/tracing.service';
import * as traceForms from '../src/documents/trace-forms';
import { allPages, bearer, bytes, createTestApp, createUser, login, ownerQuery, queryPlan, TestApp, Tokens, untilWaitingForLocks } from './support/test-app';
import { IMPORT_HEADER, importRow, registerWeapon, uniqueSerial } from './support/weapons';

/**
 * The tracing lifecycle between two States hosted on one node (FRA asks, BEL answers), through the API:
 * roles, transitions, versions (If-Match), the outbox between mailboxes, idempotency, deadlines.
 */
describe('Tracing between national points of contact', () => {
  let t: TestApp;
  let outbox: OutboxWorker;
  const tokens: Record<string, Tokens> = {};
  const accounts: Record<string, { id: string; username: string; password: string }> = {};
  let belNpcUser: { id: string; username: string; password: string };
  let fraNpcUser: { id: string; username: string; password: string };
  let fraOfficerUser: { id: string; username: string; password: string };
  // A real SMTP server on loopback receives the notification e-mails.
  const mails: { to: string[]; body: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp({ OUTBOX_POLL_MS: '0', TRACE_DEADLINE_JOB_SECONDS: '0', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SMTP_FROM: 'ITI Trace <trace@example.org>' });
    outbox = t.app.get(OutboxWorker);
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code IN ('FRA', 'BEL', 'ITA', 'BRA')`);
    for (const code of ['BEL', 'ITA', 'FRA']) {
      await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ($1, 'NPC', 'Agency', 'npc@example.org')`, [code], code);
    }
    const users: [string, string, ('officer' | 'npc' | 'registrar' | 'auditor')[]][] = [
      ['fraOfficer', 'FRA', ['officer']], ['fraOfficer2', 'FRA', ['officer']], ['fraNpc', 'FRA', ['npc']], ['belNpc', 'BEL', ['npc']],
      ['belNpc2', 'BEL', ['npc']], ['belRegistrar', 'BEL', ['registrar']], ['fraRegistrar', 'FRA', ['registrar']], ['braNpc', 'BRA', ['npc']], ['itaNpc', 'ITA', ['npc']], ['itaRegistrar', 'ITA', ['registrar']],
    ];
    for (const [name, stateCode, roles] of users) {
      const user = await createUser(t, { stateCode, roles, mfaExempt: true });
      if (name === 'belNpc') belNpcUser = user;
      if (name === 'fraNpc') fraNpcUser = user;
      if (name === 'fraOfficer') fraOfficerUser = user;
      accounts[name] = user;
      tokens[name] = await login(t, user);
    }
  });

  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const api = (path: string) => `/api/v1${path}`;

  /** Logs every account in again: access tokens last 15 minutes of the test clock. */
  async function loginAgain() {
    for (const [name, account] of Object.entries(accounts)) tokens[name] = await login(t, account);
  }

  const requestBody = traceRequestBody;

  async function transition(who: string, id: string, action: string, body: object = {}, expected = 200) {
    const current = await t.http.get(api(`/traces/${id}`)).set(bearer(tokens[who])).expect(200);
    const response = await t.http.post(api(`/traces/${id}/${action}`)).set(bearer(tokens[who])).set('If-Match', current.headers.etag).send(body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: expected });
    return response.body;
  }

  async function incomingCopy(exchangeId: string) {
    await outbox.drain();
    const list = await t.http.get(api('/traces?direction=incoming&limit=100')).set(bearer(tokens.belNpc)).expect(200);
    return list.body.items.find((item: { exchangeId: string }) => item.exchangeId === exchangeId);
  }

  async function sentTrace(overrides: Record<string, unknown> = {}) {
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody(overrides)).expect(201);
    await transition('fraOfficer', created.body.id, 'submit');
    await transition('fraNpc', created.body.id, 'send');
    return { outgoing: created.body, incoming: await incomingCopy(created.body.id) };
  }

  it('offers among the candidates the weapon of the make observed, however many weapons of other makes share its serial', async () => {
    const serial = uniqueSerial('SH');
    // The FN and a make the reference data does not know first, then 105 Glocks with the same serial: the
    // serial alone ranks the newest first.
    const fn = await registerWeapon(t, tokens.belRegistrar, { serial, markings: [{ kind: 'manufacture', component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}`, manufacturer: 'FN Herstal', country: 'BEL', serial, year: 2019 }] });
    const acme = await registerWeapon(t, tokens.belRegistrar, { serial, manufacturer: 'Acme Arms Works', countryOfManufacture: 'BEL', markings: [{ kind: 'manufacture', component: 'receiver', text: `ACME ${serial}`, manufacturer: 'Acme Arms Works', country: 'BEL', serial, year: 2019 }] });
    expect(acme).toMatchObject({ manufacturerCode: null, unknownReferences: ['manufacturer'] });
    const glocks = Array.from({ length: 105 }, () => importRow({
      origin: 'manufactured', occurred_on: '2021-04-01', type: 'pistol', manufacturer: 'Glock', model: 'G17', calibre: '9mm Luger', serial,
      country_of_manufacture: 'AUT', year_of_manufacture: '2021', marking_text: `GLOCK AUSTRIA ${serial}`, marking_component: 'slide',
    }));
    const imported = await t.http.post(api('/weapons/imports')).set(bearer(tokens.belRegistrar)).set('content-type', 'text/csv').send([IMPORT_HEADER, ...glocks].join('\n')).expect(201);
    expect(imported.body).toMatchObject({ status: 'completed', acceptedRows: 105 });
    const { incoming } = await sentTrace({ weapon: { type: 'assault rifle', make: 'Fabrique Nationale', model: 'FNC', calibre: '5.56x45', serial, markings: [{ component: 'receiver', text: `FN HERSTAL ${serial}` }] } });
    const candidates = (await t.http.get(api(`/traces/${incoming.id}/candidates`)).set(bearer(tokens.belNpc)).expect(200)).body.items;
    expect(candidates[0]).toMatchObject({ weaponId: fn.id, manufacturer: expect.stringContaining('FN') });
    expect(candidates).toHaveLength(10);
    const unknownMake = await sentTrace({ weapon: { type: 'pistol', make: 'ACME ARMS WORKS', serial, markings: [{ component: 'receiver', text: `ACME ${serial}` }] } });
    const ofAcme = (await t.http.get(api(`/traces/${unknownMake.incoming.id}/candidates`)).set(bearer(tokens.belNpc)).expect(200)).body.items;
    expect(ofAcme[0]).toMatchObject({ weaponId: acme.id, reasons: expect.arrayContaining([expect.stringContaining('as observed')]) });
  });

  it('prefills the answer from the record as corrected: a corrected export points to the State its correction names', async () => {
    const serial = uniqueSerial('CX');
    const weapon = await registerWeapon(t, tokens.belRegistrar, { serial, markings: [{ kind: 'manufacture', component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}`, manufacturer: 'FN Herstal', country: 'BEL', serial, year: 2019 }] });
    const events = api(`/weapons/${weapon.id}/events`);
    const exported = await t.http.post(events).set(bearer(tokens.belRegistrar))
      .send({ type: 'exported', occurredOn: '2020-06-01', counterpartState: 'ITA', licenceRef: 'BE-EXP-2020-77' })
      .expect(201);
    const exportId = exported.body.events.find((e: { type: string }) => e.type === 'exported').id;
    // The licence shows the export went to Spain, a day later.
    await t.http.post(events).set(bearer(tokens.belRegistrar))
      .send({ type: 'corrected', correctsEventId: exportId, occurredOn: '2020-06-02', counterpartState: 'ESP', licenceRef: 'BE-EXP-2020-78', notes: 'Destination as on the licence' })
      .expect(201);

    const { incoming } = await sentTrace({ weapon: { ...requestBody().weapon, serial, markings: [{ component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}` }] } });
    const candidates = await t.http.get(api(`/traces/${incoming.id}/candidates`)).set(bearer(tokens.belNpc)).expect(200);
    const prefill = candidates.body.items.find((item: { weaponId: string }) => item.weaponId === weapon.id).prefill;
    expect(prefill).toEqual({
      nextState: 'ESP',
      lastLegalHolder: null,
      chain: [
        expect.objectContaining({ event: 'manufactured', state: 'BEL' }),
        { event: 'exported', date: '2020-06-02', state: 'BEL', counterpartState: 'ESP', licenceRef: 'BE-EXP-2020-78', party: null },
      ],
    });
  });

  it('withdraws a request never sent, by its officer or an NPC; one sent is closed instead', async () => {
    const draft = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody()).expect(201);
    const byOther = await t.http.post(api(`/traces/${draft.body.id}/withdraw`)).set(bearer(tokens.fraOfficer2)).set('If-Match', draft.headers.etag).send({});
    expect(byOther.status).toBe(404);
    const withdrawn = await transition('fraOfficer', draft.body.id, 'withdraw', { note: 'Opened by mistake' });
    expect(withdrawn).toMatchObject({ status: 'closed', closeReason: 'withdrawn', notes: [expect.objectContaining({ kind: 'closed', text: 'Opened by mistake' })] });
    // A submitted one, by the NPC; nothing goes to the requested State.
    const submitted = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody()).expect(201);
    await transition('fraOfficer', submitted.body.id, 'submit');
    await transition('fraNpc', submitted.body.id, 'withdraw');
    const messages = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM outbox_messages WHERE exchange_id = ANY($1::uuid[])`, [[draft.body.id, submitted.body.id]], 'FRA');
    expect(Number(messages[0].n)).toBe(0);
    // Its officer is told; a request withdrawn is neither followed up nor exported.
    const inbox = await t.http.get(api('/notifications?limit=100')).set(bearer(tokens.fraOfficer)).expect(200);
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'trace_withdrawn', traceId: submitted.body.id })]));
    expect(await transition('fraNpc', submitted.body.id, 'follow-ups', { requestedState: 'ITA' }, 409)).toMatchObject({ code: 'TRACE_TRANSITION_NOT_ALLOWED' });
    expect((await t.http.get(api(`/traces/${submitted.body.id}/interpol.json`)).set(bearer(tokens.fraNpc)).expect(409)).body.code).toBe('TRACE_NOT_EXPORTABLE');
    // A sent one is not withdrawn: the other State has it, and the NPC closes it.
    const { outgoing, incoming } = await sentTrace();
    const refused = await transition('fraNpc', outgoing.id, 'withdraw', {}, 409);
    expect(refused).toMatchObject({ code: 'TRACE_TRANSITION_NOT_ALLOWED', message: 'A trace that is sent cannot be withdrawn' });
    // A follow-up to the wrong State is withdrawn, and the chain says so.
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: false });
    await outbox.drain();
    const wrong = await transition('fraNpc', outgoing.id, 'follow-ups', { requestedState: 'ITA' }, 201);
    await transition('fraNpc', wrong.id, 'withdraw', { note: 'Wrong State: the answer names none' });
    const chain = (await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body.chain;
    expect(chain).toEqual([
      expect.objectContaining({ traceId: outgoing.id, requestedState: 'BEL', status: 'answered', closeReason: null }),
      expect.objectContaining({ traceId: wrong.id, requestedState: 'ITA', status: 'closed', closeReason: 'withdrawn', sentAt: null }),
    ]);
  });

  it('merges an edited observation of a weapon drafted from the registry with the record, as on create', async () => {
    const serial = uniqueSerial('PM');
    const marking = { kind: 'manufacture', component: 'frame', text: `P. BERETTA ITALY ${serial}`, manufacturer: 'Beretta', country: 'ITA', serial, year: 2015 };
    const found = await registerWeapon(t, tokens.fraOfficer, {
      origin: 'found', occurredOn: '2026-10-02', type: 'pistol', manufacturer: 'Beretta', model: '92FS', calibre: '9x19', serial, countryOfManufacture: 'ITA', markings: [marking],
    });
    const { weapon: _observed, ...request } = requestBody();
    const draft = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send({ ...request, weaponId: found.id }).expect(201);
    const edited = await t.http.patch(api(`/traces/${draft.body.id}`)).set(bearer(tokens.fraOfficer)).set('If-Match', draft.headers.etag)
      .send({ weapon: { model: '92FS Inox', markings: [{ component: 'slide', text: 'PB 92FS' }] } })
      .expect(200);
    expect(edited.body.weapon).toMatchObject({ serial, make: 'Beretta', model: '92FS Inox' });
    expect(edited.body.weapon.markings.map((m: { text: string }) => m.text)).toEqual(['PB 92FS', marking.text]);
  });

  it('prefills as last legal holder the one the record\'s last transfer names, not the holder it was registered with', async () => {
    const serial = uniqueSerial('LH');
    const weapon = await registerWeapon(t, tokens.belRegistrar, {
      serial, holder: 'Armurerie Martin', markings: [{ kind: 'manufacture', component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}`, manufacturer: 'FN Herstal', country: 'BEL', serial, year: 2019 }],
    });
    let chain: { event: string; party: string | null }[] = [];
    const candidatesOf = async () => {
      const { incoming } = await sentTrace({ weapon: { ...requestBody().weapon, serial, markings: [{ component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}` }] } });
      const candidates = await t.http.get(api(`/traces/${incoming.id}/candidates`)).set(bearer(tokens.belNpc)).expect(200);
      const { prefill } = candidates.body.items.find((item: { weaponId: string }) => item.weaponId === weapon.id);
      chain = prefill.chain;
      return prefill.lastLegalHolder;
    };
    expect(await candidatesOf()).toBe('Armurerie Martin');
    await t.http.post(api(`/weapons/${weapon.id}/events`)).set(bearer(tokens.belRegistrar))
      .send({ type: 'transferred', occurredOn: '2021-03-01', statusAfter: 'civilian_held', parties: [{ role: 'seller', name: 'Armurerie Martin' }, { role: 'buyer', name: 'J. Dupont' }] })
      .expect(201);
    // A seizure's parties hold it for the State, not as its legal holders.
    await t.http.post(api(`/weapons/${weapon.id}/events`)).set(bearer(tokens.belRegistrar))
      .send({ type: 'seized', occurredOn: '2024-05-01', parties: [{ role: 'seizing_unit', name: 'Police fédérale' }] })
      .expect(201);
    expect(await candidatesOf()).toBe('J. Dupont');
    // The recipient is read by its role, whatever the order the parties were given in.
    await t.http.post(api(`/weapons/${weapon.id}/events`)).set(bearer(tokens.belRegistrar))
      .send({ type: 'transferred', occurredOn: '2025-02-01', statusAfter: 'civilian_held', parties: [{ role: 'New_Holder', name: 'M. Lambert' }, { role: 'previous holder', name: 'J. Dupont' }] })
      .expect(201);
    expect(await candidatesOf()).toBe('M. Lambert');
    // Each step of the chain names whom it put the weapon in the hands of, by the parties' roles too.
    expect(chain.map((link) => [link.event, link.party])).toEqual([
      ['manufactured', 'FN'], ['transferred', 'J. Dupont'], ['seized', 'Police fédérale'], ['transferred', 'M. Lambert'],
    ]);
    // A step that did not hand the weapon on (a seizure) names who took it, not the holder it was taken from.
    await t.http.post(api(`/weapons/${weapon.id}/events`)).set(bearer(tokens.belRegistrar))
      .send({ type: 'seized', occurredOn: '2025-06-01', parties: [{ role: 'holder', name: 'M. Lambert' }, { role: 'seizing_unit', name: 'Douane' }] })
      .expect(201);
    await candidatesOf();
    expect(chain.at(-1)).toMatchObject({ event: 'seized', party: 'Douane' });
    // The record says the same: its holder as registered, and the last known legal holder.
    const record = await t.http.get(api(`/weapons/${weapon.id}`)).set(bearer(tokens.belRegistrar)).expect(200);
    expect(record.body).toMatchObject({ holder: 'Armurerie Martin', legalHolder: 'M. Lambert' });
  });

  it('follows a weapon from the requesting officer to the answer, the follow-up and the chain', async () => {
    // BEL's registry: made by FN, exported to Italy under a licence.
    const serial = uniqueSerial('TR');
    const weapon = await registerWeapon(t, tokens.belRegistrar, { serial, markings: [{ kind: 'manufacture', component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}`, manufacturer: 'FN Herstal', country: 'BEL', serial, year: 2019 }] });
    await t.http.post(api(`/weapons/${weapon.id}/events`)).set(bearer(tokens.belRegistrar))
      .send({ type: 'exported', occurredOn: '2020-06-01', counterpartState: 'ITA', licenceRef: 'BE-EXP-2020-77', parties: [{ role: 'consignee', name: 'Armeria Roma SpA', country: 'ITA' }] })
      .expect(201);

    const observed = { type: 'assault rifle', make: 'Fabrique Nationale', model: 'FNC', calibre: '5.56x45', serial, markings: [{ component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}` }] };
    // The officer drafts (and alone edits and submits): a draft opened by anyone else could never leave draft.
    const byNpc = await t.http.post(api('/traces')).set(bearer(tokens.fraNpc)).send(requestBody({ weapon: observed })).expect(403);
    expect(byNpc.body.code).toBe('ROLE_REQUIRED');
    const draft = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ weapon: observed })).expect(201);
    expect(draft.body).toMatchObject({ status: 'draft', direction: 'outgoing', requestingState: 'FRA', requestedState: 'BEL', version: 1 });
    expect(draft.headers.etag).toBe('"1"');
    // A new trace answers with the same fields as a read of it, nulls included.
    const read = (await t.http.get(api(`/traces/${draft.body.id}`)).set(bearer(tokens.fraOfficer)).expect(200)).body;
    expect(draft.body).toEqual(read);
    expect(draft.body).toMatchObject({ parentId: null, npcName: null, answer: null, closeReason: null, sentAt: null });

    // Only the NPC sends, and only a submitted trace.
    await transition('fraNpc', draft.body.id, 'send', {}, 409);
    await transition('fraOfficer', draft.body.id, 'submit');
    await transition('fraOfficer', draft.body.id, 'send', {}, 403);
    const sent = await transition('fraNpc', draft.body.id, 'send');
    expect(sent).toMatchObject({ status: 'sent', version: 3 });
    expect(Date.parse(sent.acknowledgeDueAt) - Date.parse(sent.sentAt)).toBe(120 * 3600_000);

    // BEL's own incoming copy, written through the outbox.
    const incoming = await incomingCopy(draft.body.id);
    expect(incoming).toMatchObject({ direction: 'incoming', status: 'sent', requestingState: 'FRA' });
    expect(incoming.id).not.toBe(draft.body.id);
    await transition('belNpc', incoming.id, 'send', {}, 409);

    // Candidates from BEL's registry, with the answer they would prefill.
    const candidates = await t.http.get(api(`/traces/${incoming.id}/candidates`)).set(bearer(tokens.belNpc)).expect(200);
    expect(candidates.body.items[0]).toMatchObject({ weaponId: weapon.id, serial });
    expect(candidates.body.items[0].score).toBeGreaterThanOrEqual(1);
    expect(candidates.body.items[0].reasons.join(' ')).toContain('manufacturer');
    expect(candidates.body.items[0].prefill).toMatchObject({
      nextState: 'ITA',
      chain: [expect.objectContaining({ event: 'manufactured', state: 'BEL' }), expect.objectContaining({ event: 'exported', counterpartState: 'ITA', licenceRef: 'BE-EXP-2020-77' })],
    });

    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'acknowledge', {}, 409);
    await outbox.drain();
    expect((await t.http.get(api(`/traces/${draft.body.id}`)).set(bearer(tokens.fraOfficer)).expect(200)).body.status).toBe('acknowledged');

    await transition('belNpc', incoming.id, 'request-information', { text: 'Send photos of the receiver markings' });
    await outbox.drain();
    const asked = (await t.http.get(api(`/traces/${draft.body.id}`)).set(bearer(tokens.fraOfficer)).expect(200)).body;
    expect(asked).toMatchObject({ status: 'information_requested', notes: [expect.objectContaining({ kind: 'information_requested', byState: 'BEL' })] });
    await transition('fraOfficer', draft.body.id, 'provide-information', { text: 'Photos sent as PH-1 and PH-2' });
    await outbox.drain();

    const answered = await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, weaponId: weapon.id });
    expect(answered.answer).toMatchObject({ outcome: 'full', nextState: 'ITA', useRestrictions: ['law_enforcement_only', 'no_onward_disclosure'] });
    await outbox.drain();
    const atFra = (await t.http.get(api(`/traces/${draft.body.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(atFra).toMatchObject({ status: 'answered', answer: { outcome: 'full', recordFound: true, nextState: 'ITA', lastLegalHolder: null } });
    expect(atFra.answer.chain.map((l: { event: string }) => l.event)).toEqual(['manufactured', 'exported']);

    // The follow-up to Italy, prefilled; the chain shows both hops.
    const child = await transition('fraNpc', draft.body.id, 'follow-ups', {}, 201);
    expect(child).toEqual((await t.http.get(api(`/traces/${child.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body);
    expect(child).toMatchObject({ status: 'submitted', requestedState: 'ITA', parentId: draft.body.id, useRestrictions: ['law_enforcement_only', 'no_onward_disclosure'] });
    expect(child.chain.map((h: { requestedState: string; outcome: string | null }) => `${h.requestedState}:${h.outcome}`)).toEqual(['BEL:full', 'ITA:null']);
    await transition('fraNpc', child.id, 'send');
    await transition('fraNpc', draft.body.id, 'close', { reason: 'chain_broken', note: 'continued with Italy' });
    await outbox.drain();
    expect((await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body).toMatchObject({ status: 'closed', closeReason: 'chain_broken' });
    const root = (await t.http.get(api(`/traces/${draft.body.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(root.chain.map((h: { traceId: string; status: string }) => `${h.traceId}:${h.status}`)).toEqual([`${draft.body.id}:closed`, `${child.id}:sent`]);
  });

  it('runs the ITI chain: found in C, imported through B, made in A, the point of diversion identified', async () => {
    // C = FRA, B = BEL, A = ITA. A made the pistol and exported it to B; B imported it (import marking "BEL").
    const serial = uniqueSerial('BE');
    const manufactureMarking = { kind: 'manufacture', component: 'frame', text: `P. BERETTA ITALY ${serial}`, manufacturer: 'Beretta', country: 'ITA', serial, year: 2015 };
    const pistol = { type: 'pistol', manufacturer: 'Beretta', model: '92FS', calibre: '9x19', serial, countryOfManufacture: 'ITA', yearOfManufacture: 2015 };
    const atA = await registerWeapon(t, tokens.itaRegistrar, { ...pistol, origin: 'manufactured', occurredOn: '2015-03-02', markings: [manufactureMarking] });
    await t.http.post(api(`/weapons/${atA.id}/events`)).set(bearer(tokens.itaRegistrar))
      .send({ type: 'exported', occurredOn: '2016-01-20', counterpartState: 'BEL', licenceRef: 'IT-EXP-2016-0042', parties: [{ role: 'consignee', name: 'Armurerie Liégeoise SA', country: 'BEL' }] })
      .expect(201);
    const importMarking = { kind: 'import', component: 'frame', text: 'BEL 16', country: 'BEL', year: 2016 };
    const atB = await registerWeapon(t, tokens.belRegistrar, {
      ...pistol, origin: 'imported', occurredOn: '2016-02-01', counterpartState: 'ITA', licenceRef: 'BE-IMP-2016-7', markings: [manufactureMarking, importMarking],
    });

    // C: an officer records the found pistol and drafts a trace from it; B is the country of import.
    const found = await registerWeapon(t, tokens.fraOfficer, { ...pistol, origin: 'found', occurredOn: '2026-10-02', markings: [manufactureMarking, importMarking] });
    const { weapon: _observed, requestedState: _state, ...request } = requestBody({ illicitBasis: ['illicit_under_national_law', 'transferred_without_licence'] });
    const draft = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send({ ...request, weaponId: found.id }).expect(201);
    expect(draft.body).toMatchObject({ requestedState: 'BEL', weaponId: found.id, weapon: { serial, make: 'Beretta' } });
    await transition('fraOfficer', draft.body.id, 'submit');
    await transition('fraNpc', draft.body.id, 'send');

    // B acknowledges, finds its record among the candidates, answers "imported from A".
    const atBIncoming = await incomingCopy(draft.body.id);
    expect(atBIncoming).toBeDefined();
    const seenByB = (await t.http.get(api(`/traces/${atBIncoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body;
    // B sees exactly what C sent: the request, not C's registry record or its officer's notes.
    expect(seenByB).toMatchObject({ weaponId: null, weapon: draft.body.weapon, legalJustification: draft.body.legalJustification, requestingState: 'FRA' });
    await transition('belNpc', atBIncoming.id, 'acknowledge');
    const candidates = (await t.http.get(api(`/traces/${atBIncoming.id}/candidates`)).set(bearer(tokens.belNpc)).expect(200)).body;
    expect(candidates.items[0].weaponId).toBe(atB.id);
    // B's record begins with what it says of the manufacture (B did not make the weapon), then its import; the trace goes up to A.
    expect(candidates.items[0].prefill).toMatchObject({
      nextState: 'ITA',
      chain: [
        { event: 'manufactured', date: null, state: 'ITA', party: 'Beretta' },
        expect.objectContaining({ event: 'imported', counterpartState: 'ITA', licenceRef: 'BE-IMP-2016-7' }),
      ],
    });
    await transition('belNpc', atBIncoming.id, 'answer', { outcome: 'full', recordFound: true, weaponId: atB.id });
    await outbox.drain();

    // C follows up to A; A answers with manufacture and export to B.
    const followUp = await transition('fraNpc', draft.body.id, 'follow-ups', {}, 201);
    expect(followUp).toMatchObject({ requestedState: 'ITA', status: 'submitted', weapon: { serial } });
    await transition('fraNpc', followUp.id, 'send');
    await outbox.drain();
    const itaList = await t.http.get(api('/traces?direction=incoming&limit=100')).set(bearer(tokens.itaNpc)).expect(200);
    const atAIncoming = itaList.body.items.find((item: { exchangeId: string }) => item.exchangeId === followUp.id);
    // A learns what B answered, which points at its own export.
    expect((await t.http.get(api(`/traces/${atAIncoming.id}`)).set(bearer(tokens.itaNpc)).expect(200)).body.notes).toEqual([expect.objectContaining({
      kind: 'information_provided', byState: 'FRA', text: `Follows up trace ${draft.body.id}: BEL answered full; last step reported: imported on 2016-02-01 from ITA (licence BE-IMP-2016-7)`,
    })]);
    await transition('itaNpc', atAIncoming.id, 'acknowledge');
    const fromA = await transition('itaNpc', atAIncoming.id, 'answer', { outcome: 'full', recordFound: true, weaponId: atA.id });
    expect(fromA.answer.chain).toEqual([
      expect.objectContaining({ event: 'manufactured', date: '2015-03-02', state: 'ITA' }),
      expect.objectContaining({ event: 'exported', date: '2016-01-20', counterpartState: 'BEL', licenceRef: 'IT-EXP-2016-0042', party: 'Armurerie Liégeoise SA' }),
    ]);
    await outbox.drain();

    // C closes: the weapon left legal hands in B, after its import.
    await transition('fraNpc', followUp.id, 'close', { reason: 'diversion_point_identified', note: 'Diverted in Belgium after import in 2016' });
    const chain = (await t.http.get(api(`/traces/${draft.body.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body.chain;
    expect(chain.map((h: { requestedState: string; outcome: string; status: string; diversionPoint: boolean }) => `${h.requestedState}:${h.outcome}:${h.status}:${h.diversionPoint}`))
      .toEqual(['BEL:full:answered:false', 'ITA:full:closed:true']);
    await outbox.drain();
    expect((await t.http.get(api(`/traces/${atAIncoming.id}`)).set(bearer(tokens.itaNpc)).expect(200)).body).toMatchObject({ status: 'closed', closeReason: 'diversion_point_identified' });
  });

  it('keeps what an answering State marked no_onward_disclosure from a third State, in answers recorded before the added restrictions were kept apart', async () => {
    const { outgoing, incoming } = await sentTrace({ useRestrictions: ['law_enforcement_only'] });
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA', useRestrictions: ['no_onward_disclosure'] });
    await outbox.drain();
    await ownerQuery(t, `UPDATE traces SET answer = answer - 'restrictionsAdded' WHERE id = $1`, [outgoing.id], 'FRA');
    const refused = await transition('fraNpc', outgoing.id, 'follow-ups', {}, 403);
    expect(refused.code).toBe('RESTRICTED_INFORMATION');
    expect((await transition('fraNpc', outgoing.id, 'follow-ups', { carryAnswer: false }, 201)).notes).toEqual([]);
  });

  it('sends nothing of the record with a refused or delayed answer, even one chosen among the candidates', async () => {
    const serial = uniqueSerial('RF');
    const weapon = await registerWeapon(t, tokens.belRegistrar, { serial, markings: [{ kind: 'manufacture', component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}`, manufacturer: 'FN Herstal', country: 'BEL', serial, year: 2019 }] });
    await t.http.post(api(`/weapons/${weapon.id}/events`)).set(bearer(tokens.belRegistrar))
      .send({ type: 'exported', occurredOn: '2020-06-01', counterpartState: 'ITA', licenceRef: 'BE-EXP-2020-91', parties: [{ role: 'consignee', name: 'Armeria Roma SpA', country: 'ITA' }] }).expect(201);
    const { outgoing, incoming } = await sentTrace({ weapon: { ...requestBody().weapon, serial, markings: [{ component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}` }] } });
    await transition('belNpc', incoming.id, 'acknowledge');
    const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();
    const refusal = { outcome: 'refused', recordFound: true, reasonCode: 'national_security', reasonText: 'Withheld', weaponId: weapon.id };
    expect(fieldsOf(await transition('belNpc', incoming.id, 'answer', { ...refusal, chain: [{ event: 'manufactured', state: 'BEL' }], lastLegalHolder: 'Armeria Roma SpA' }, 400)))
      .toEqual(['chain', 'lastLegalHolder']);
    const past = await transition('belNpc', incoming.id, 'answer', { ...refusal, outcome: 'delayed', expectedDate: '2026-11-22' }, 400);
    expect(past.details).toEqual([{ field: 'expectedDate', messages: ['expectedDate cannot be in the past'] }]);
    const answered = await transition('belNpc', incoming.id, 'answer', refusal);
    expect(answered.answer).toMatchObject({ outcome: 'refused', chain: [], lastLegalHolder: null, nextState: null });
    await outbox.drain();
    const atFra = (await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(atFra.answer).toMatchObject({ outcome: 'refused', chain: [], lastLegalHolder: null, nextState: null });
  });

  it('keeps a delayed answer, and every restriction it set, under the answer that follows it', async () => {
    const { outgoing, incoming } = await sentTrace({ useRestrictions: ['law_enforcement_only'] });
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'delayed', recordFound: true, reasonCode: 'other', reasonText: 'Archives being moved', expectedDate: '2026-12-15', useRestrictions: ['no_onward_disclosure'] });
    const full = await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA', useRestrictions: ['no_publication'] });
    expect(full.answer).toMatchObject({
      outcome: 'full',
      useRestrictions: ['law_enforcement_only', 'no_onward_disclosure', 'no_publication'],
      restrictionsAdded: ['no_onward_disclosure', 'no_publication'],
      earlier: [expect.objectContaining({ outcome: 'delayed', reasonText: 'Archives being moved', expectedDate: '2026-12-15', restrictionsAdded: ['no_onward_disclosure'] })],
    });
    await outbox.drain();
    const atFra = (await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(atFra.answer).toEqual(full.answer);
    // What the delayed answer marked no_onward_disclosure still does not travel to a third State.
    expect((await transition('fraNpc', outgoing.id, 'follow-ups', {}, 403)).code).toBe('RESTRICTED_INFORMATION');
    const pdf = await bytes(t.http.get(api(`/traces/${outgoing.id}/response.pdf`)).set(bearer(tokens.fraNpc))).expect(200);
    const text = flatText((await parsePdf(pdf.body)).text);
    expect(text).toMatch(/Earlier answer 1 of 1, 2026-\d\d-\d\d \d\d:\d\d:\d\d UTC Outcome Answer delayed Reason Other reason \(other\) Reason given Archives being moved Full answer expected by 2026-12-15/);
  });

  it('adds to a refused or partial answer when what held it back is over, keeps every earlier answer, and times the trace by its first answer', async () => {
    const { outgoing, incoming } = await sentTrace({ useRestrictions: ['law_enforcement_only'] });
    await transition('belNpc', incoming.id, 'acknowledge');
    const withheld = { recordFound: true, reasonCode: 'ongoing_criminal_investigation', reasonText: 'An investigation is under way' };
    const refused = await transition('belNpc', incoming.id, 'answer', { ...withheld, outcome: 'refused', useRestrictions: ['no_publication'] });
    await outbox.drain();
    // A supplement adds to what was answered: never a delay.
    const delayed = await transition('belNpc', incoming.id, 'answer', { ...withheld, outcome: 'delayed', expectedDate: '2027-03-01' }, 400);
    expect(delayed.details).toEqual([{ field: 'outcome', messages: ['an answer that follows a refused one adds to it: full, partial or refused'] }]);

    t.clock.advance(60);
    const partial = await transition('belNpc', incoming.id, 'answer', { ...withheld, outcome: 'partial', chain: [{ event: 'manufactured', state: 'BEL', party: 'FN Herstal' }], nextState: 'ITA' });
    // Nothing of what was reported is taken back: no refusal after it, and what a supplement does not give again stays.
    const takenBack = await transition('belNpc', incoming.id, 'answer', { ...withheld, outcome: 'refused', reasonCode: 'national_security' }, 400);
    expect(takenBack.details).toEqual([{ field: 'outcome', messages: ['an answer that follows a partial one adds to it: full or partial'] }]);
    const again = await transition('belNpc', incoming.id, 'answer', { ...withheld, outcome: 'partial', reasonText: 'The buyer is still under investigation', lastLegalHolder: 'Armeria Roma SpA' });
    expect(again.answer).toMatchObject({ chain: partial.answer.chain, nextState: 'ITA', lastLegalHolder: 'Armeria Roma SpA' });
    const notFound = await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: false }, 400);
    expect(notFound.details).toEqual([{ field: 'recordFound', messages: ['an answer that follows a partial one that found the record keeps it found: recordFound true'] }]);
    t.clock.advance(60);
    const full = await transition('belNpc', incoming.id, 'answer', {
      outcome: 'full', recordFound: true, chain: [{ event: 'manufactured', state: 'BEL' }, { event: 'exported', state: 'BEL', counterpartState: 'ITA', licenceRef: 'BE-EXP-2019-4' }], nextState: 'ITA',
    });
    expect(full.answer).toMatchObject({
      outcome: 'full',
      useRestrictions: ['law_enforcement_only', 'no_publication'],
      restrictionsAdded: ['no_publication'],
      earlier: [
        expect.objectContaining({ outcome: 'refused', answeredAt: refused.answer.answeredAt }),
        expect.objectContaining({ outcome: 'partial', answeredAt: partial.answer.answeredAt, nextState: 'ITA' }),
        expect.objectContaining({ outcome: 'partial', reasonText: 'The buyer is still under investigation' }),
      ],
    });
    const final = await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true }, 409);
    expect(final).toMatchObject({ code: 'TRACE_TRANSITION_NOT_ALLOWED', message: 'A trace answered in full cannot be answered again' });

    await outbox.drain();
    const atFra = (await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(atFra.answer).toEqual(full.answer);
    // Both copies were answered when the refusal came: the supplements that came later do not make BEL late.
    expect(atFra.answeredAt).toBe(refused.answer.answeredAt);
    const answeredAt = await ownerQuery<{ at: Date }>(t, `SELECT answered_at AS at FROM traces WHERE id = $1`, [incoming.id], 'BEL');
    expect(answeredAt[0].at.toISOString()).toBe(refused.answer.answeredAt);
    const inbox = (await t.http.get(api('/notifications?limit=100')).set(bearer(tokens.fraOfficer)).expect(200)).body.items as { traceId: string; message: string }[];
    expect(inbox.filter((n) => n.traceId === outgoing.id).map((n) => n.message).sort()).toEqual([
      'BEL acknowledged the trace request', 'BEL added to its answer: full', 'BEL added to its answer: partial', 'BEL added to its answer: partial', 'BEL answered: refused',
    ]);
    const text = flatText((await parsePdf((await bytes(t.http.get(api(`/traces/${outgoing.id}/response.pdf`)).set(bearer(tokens.fraNpc))).expect(200)).body)).text);
    const printed = (iso: string) => `${iso.replace('T', ' ').slice(0, 19)} UTC`;
    expect(text).toContain(`Earlier answer 1 of 3, ${printed(refused.answer.answeredAt)} Outcome Answer refused Reason Ongoing criminal investigation (ongoing_criminal_investigation) Reason given An investigation is under way`);
    // Each earlier answer whole: the chain the first partial answer reported, which the full one replaced, stays on the record.
    expect(text).toContain(`Earlier answer 2 of 3, ${printed(partial.answer.answeredAt)} Outcome Partial answer`);
    expect(text).toMatch(/Earlier answer 2 of 3,.*Manufactured — BEL — — FN Herstal.*Next State to ask ITA.*Earlier answer 3 of 3/);

    // Once the requester closed it, the requested State's copy takes no more answers.
    const other = await sentTrace();
    await transition('belNpc', other.incoming.id, 'acknowledge');
    await transition('belNpc', other.incoming.id, 'answer', { ...withheld, outcome: 'partial' });
    await outbox.drain();
    await transition('fraNpc', other.outgoing.id, 'close', { reason: 'chain_broken' });
    await outbox.drain();
    expect((await transition('belNpc', other.incoming.id, 'answer', { outcome: 'full', recordFound: true }, 409)).message).toBe('A trace that is closed cannot be answered');
  });

  it('takes in an answer only what can be so: nothing taken back by an empty chain, no empty names, no date ahead, known States, another next State', async () => {
    const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();
    const { incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    const full = { outcome: 'full', recordFound: true };
    expect(fieldsOf(await transition('belNpc', incoming.id, 'answer', { ...full, lastLegalHolder: '  ', chain: [{ event: 'exported', licenceRef: '', party: ' ' }] }, 400)))
      .toEqual(['chain[0].licenceRef', 'chain[0].party', 'lastLegalHolder']);
    const ahead = await transition('belNpc', incoming.id, 'answer', { ...full, expectedDate: '2027-01-10', nextState: 'BEL', chain: [{ event: 'exported', date: '2099-01-01' }] }, 400);
    expect(ahead.details).toEqual([
      { field: 'expectedDate', messages: ['expectedDate is the date a delayed answer expects to answer by: a full answer has none'] },
      { field: 'nextState', messages: ['nextState is the next State to ask, another than BEL, the one answering'] },
      { field: 'chain[0].date', messages: ['chain[0].date cannot be in the future'] },
    ]);
    expect((await transition('belNpc', incoming.id, 'answer', { ...full, nextState: 'QQQ', chain: [{ event: 'exported', state: 'BEL', counterpartState: 'XXX' }] }, 400)).details).toEqual([
      { field: 'nextState', messages: ['QQQ is not an ISO 3166 State known to this node'] },
      { field: 'chain[0].counterpartState', messages: ['XXX is not an ISO 3166 State known to this node'] },
    ]);

    // A supplement with an empty chain gives nothing again: the chain reported stays.
    const withheld = { recordFound: true, reasonCode: 'national_law', reasonText: 'Buyer details withheld' };
    const partial = await transition('belNpc', incoming.id, 'answer', { ...withheld, outcome: 'partial', chain: [{ event: 'manufactured', state: 'BEL', party: 'FN Herstal' }], nextState: 'ITA' });
    const supplement = await transition('belNpc', incoming.id, 'answer', { ...full, chain: [], lastLegalHolder: 'Armeria Roma SpA' });
    expect(supplement.answer).toMatchObject({ outcome: 'full', chain: partial.answer.chain, nextState: 'ITA', lastLegalHolder: 'Armeria Roma SpA' });

    // Nor does a record chosen with it put the registry's whole history in place of the chain reported.
    const serial = uniqueSerial('SP');
    const weapon = await registerWeapon(t, tokens.belRegistrar, { serial, markings: [{ kind: 'manufacture', component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}`, manufacturer: 'FN Herstal', country: 'BEL', serial, year: 2019 }] });
    await t.http.post(api(`/weapons/${weapon.id}/events`)).set(bearer(tokens.belRegistrar))
      .send({ type: 'exported', occurredOn: '2020-06-01', counterpartState: 'ITA', licenceRef: 'BE-EXP-2020-90' }).expect(201);
    const other = await sentTrace();
    await transition('belNpc', other.incoming.id, 'acknowledge');
    const reported = await transition('belNpc', other.incoming.id, 'answer', { ...withheld, outcome: 'partial', chain: [{ event: 'manufactured', state: 'BEL' }] });
    const fromRecord = await transition('belNpc', other.incoming.id, 'answer', { ...full, weaponId: weapon.id, chain: [] });
    expect(fromRecord.answer).toMatchObject({ outcome: 'full', chain: reported.answer.chain, nextState: 'ITA' });
  });

  it('sends a follow-up back to the State that answered under no_onward_disclosure, never to the requester itself', async () => {
    const { outgoing, incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA', useRestrictions: ['no_onward_disclosure'] });
    await outbox.drain();
    // Where a follow-up may go is judged before what it may carry there.
    const itself = await transition('fraNpc', outgoing.id, 'follow-ups', { requestedState: 'FRA' }, 400);
    expect(itself.details).toEqual([{ field: 'requestedState', messages: ['a State does not send a trace request to itself'] }]);
    // One message for a State the node does not know, wherever a State code is checked.
    expect((await transition('fraNpc', outgoing.id, 'follow-ups', { requestedState: 'XXX' }, 400)).details).toEqual([{ field: 'requestedState', messages: ['XXX is not an ISO 3166 State known to this node'] }]);
    expect((await transition('fraNpc', outgoing.id, 'follow-ups', {}, 403)).code).toBe('RESTRICTED_INFORMATION');
    const back = await transition('fraNpc', outgoing.id, 'follow-ups', { requestedState: 'BEL' }, 201);
    expect(back).toMatchObject({ requestedState: 'BEL', parentId: outgoing.id, notes: [expect.objectContaining({ kind: 'information_provided', carried: true })] });
    // BEL answers the follow-up without marking it again (the request carries its mark): what it said still goes to no other State.
    await transition('fraNpc', back.id, 'send');
    const backIncoming = await incomingCopy(back.id);
    await transition('belNpc', backIncoming.id, 'acknowledge');
    const again = await transition('belNpc', backIncoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA' });
    expect(again.useRestrictions).toContain('no_onward_disclosure');
    await outbox.drain();
    const onward = await transition('fraNpc', back.id, 'follow-ups', {}, 403);
    expect(onward).toMatchObject({ code: 'RESTRICTED_INFORMATION', message: expect.stringContaining('The answer of BEL is marked no_onward_disclosure') });
    await transition('fraNpc', back.id, 'follow-ups', { carryAnswer: false }, 201);
  });

  it('opens a follow-up of a request sent under earlier rules, and asks for what the rules ask now when it is sent', async () => {
    const { outgoing, incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA' });
    await outbox.drain();
    // Sent before a serial had to hold a letter or a digit.
    await ownerQuery(t, `UPDATE traces SET weapon_observed = jsonb_set(weapon_observed, '{serial}', '"-"') WHERE id = $1`, [outgoing.id], 'FRA');
    const child = await transition('fraNpc', outgoing.id, 'follow-ups', {}, 201);
    expect(child).toMatchObject({ status: 'submitted', requestedState: 'ITA', weapon: expect.objectContaining({ serial: '-' }) });
    const unsent = await transition('fraNpc', child.id, 'send', {}, 400);
    expect(unsent.details.map((d: { field: string }) => d.field)).toEqual(['weapon.serial']);
  });

  it('takes a serial with a letter or a digit only, as the registry does, and an If-Match tag as it was given', async () => {
    const post = (overrides: Record<string, unknown>) => t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody(overrides));
    const dash = await post({ weapon: { serial: ' - ', markings: [{ component: 'frame', text: 'FN -' }] } }).expect(400);
    expect(dash.body.details).toEqual([{ field: 'weapon.serial', messages: ['serial holds no letter or digit: leave it out, and set serialObliterated if it cannot be read'] }]);
    const unread = await post({ weapon: { serialObliterated: true, serialReadable: '?*?', markings: [{ component: 'frame', text: 'FN' }] } }).expect(400);
    expect(unread.body.details).toEqual([{ field: 'weapon.serialReadable', messages: ['serialReadable holds no letter or digit: leave it out'] }]);
    // Obliterated, and given as marked too: which is it? (The requested State would search only what could be read.)
    const both = await post({ weapon: { serial: 'BXR123', serialObliterated: true, markings: [{ component: 'frame', text: 'FN' }] } }).expect(400);
    expect(both.body.details).toEqual([{ field: 'weapon.serial', messages: ['an obliterated serial has no serial as marked: give what could be read in serialReadable, or leave serialObliterated unset'] }]);

    // What else was observed is held to what the registry takes: a year not ahead, a State known, a recovery since 1800.
    const observed = await post({ weapon: { serial: 'FN12345', countryOfManufacture: 'QQQ', yearOfManufacture: 2099, markings: [{ component: 'frame', text: 'FN 12345' }] } }).expect(400);
    expect(observed.body.details).toEqual([{ field: 'weapon.yearOfManufacture', messages: ['yearOfManufacture cannot be after this year'] }]);
    const country = await post({ weapon: { serial: 'FN12345', countryOfManufacture: 'QQQ', markings: [{ component: 'frame', text: 'FN 12345' }] } }).expect(400);
    expect(country.body.details).toEqual([{ field: 'weapon.countryOfManufacture', messages: ['QQQ is not an ISO 3166 State known to this node'] }]);
    const early = await post({ recovery: { date: '1700-01-01', place: 'Marseille', context: 'Customs check' } }).expect(400);
    expect(early.body.details).toEqual([{ field: 'recovery.date', messages: ['recovery.date must be in 1800 or later'] }]);

    const draft = await post({}).expect(201);
    const padded = await t.http.post(api(`/traces/${draft.body.id}/submit`)).set(bearer(tokens.fraOfficer)).set('If-Match', '"01"').expect(412);
    expect(padded.body.code).toBe('VERSION_MISMATCH');
    await t.http.post(api(`/traces/${draft.body.id}/submit`)).set(bearer(tokens.fraOfficer)).set('If-Match', '"1"').expect(200);
  });

  it('sends a follow-up with what the answer reports when it leaves, refuses it if the answer was restricted since, and tells the NPCs of one sent before', async () => {
    const { outgoing, incoming } = await sentTrace({ useRestrictions: ['law_enforcement_only'] });
    await transition('belNpc', incoming.id, 'acknowledge');
    const withheld = { recordFound: true, reasonCode: 'ongoing_criminal_investigation', reasonText: 'The buyer is under investigation' };
    await transition('belNpc', incoming.id, 'answer', { ...withheld, outcome: 'partial', chain: [{ event: 'manufactured', state: 'BEL' }], nextState: 'ITA' });
    await outbox.drain();
    const open = (body = {}) => transition('fraNpc', outgoing.id, 'follow-ups', body, 201);
    const [early, later, refused, bare] = [await open(), await open(), await open(), await open({ carryAnswer: false })];
    await transition('fraNpc', early.id, 'send');
    await transition('fraNpc', bare.id, 'send');
    // One sent before carried notes were marked is known by its note, written before it was sent.
    await ownerQuery(t, `UPDATE traces SET notes = (SELECT jsonb_agg(n - 'carried') FROM jsonb_array_elements(notes) n) WHERE id = $1`, [early.id], 'FRA');
    const told = async (traceId: string) =>
      (await ownerQuery<{ message: string }>(t, `SELECT message FROM notifications WHERE trace_id = $1 AND kind = 'trace_follow_up_outdated' ORDER BY message`, [traceId], 'FRA'))
        .map((n) => n.message);
    const [{ npcs }] = await ownerQuery<{ npcs: number }>(t, `SELECT count(*)::int AS npcs FROM users WHERE state_code = 'FRA' AND 'npc' = ANY (roles)`, [], 'FRA');
    // ITA asks FRA something about the one sent without the answer: what FRA gives it is no answer of BEL's.
    await outbox.drain();
    const bareAtIta = ((await t.http.get(api('/traces?direction=incoming&limit=100')).set(bearer(tokens.itaNpc)).expect(200)).body.items as { id: string; exchangeId: string }[])
      .find((i) => i.exchangeId === bare.id)!;
    t.clock.advance(60);
    await transition('itaNpc', bareAtIta.id, 'acknowledge');
    await transition('itaNpc', bareAtIta.id, 'request-information', { text: 'Where was it found?' });
    await outbox.drain();
    await transition('fraNpc', bare.id, 'provide-information', { text: 'In a car at the port of Marseille' });

    // BEL adds the export, and restricts its publication: the follow-up sent now tells ITA of both.
    const exported = { event: 'exported', date: '2019-05-02', state: 'BEL', counterpartState: 'ITA', licenceRef: 'BE-EXP-2019-4' };
    await transition('belNpc', incoming.id, 'answer', { ...withheld, outcome: 'partial', chain: [{ event: 'manufactured', state: 'BEL' }, exported], useRestrictions: ['no_publication'] });
    await outbox.drain();
    await transition('fraNpc', later.id, 'send');
    await outbox.drain();
    const itaCopy = async (exchangeId: string) => {
      const items = (await t.http.get(api('/traces?direction=incoming&limit=100')).set(bearer(tokens.itaNpc)).expect(200)).body.items as { id: string; exchangeId: string }[];
      return (await t.http.get(api(`/traces/${items.find((i) => i.exchangeId === exchangeId)!.id}`)).set(bearer(tokens.itaNpc)).expect(200)).body;
    };
    expect((await itaCopy(early.id)).notes.map((n: { text: string }) => n.text)).toEqual([`Follows up trace ${outgoing.id}: BEL answered partial; last step reported: manufactured`]);
    expect(await itaCopy(later.id)).toMatchObject({
      useRestrictions: ['law_enforcement_only', 'no_publication'],
      notes: [expect.objectContaining({ text: `Follows up trace ${outgoing.id}: BEL answered partial; last step reported: exported on 2019-05-02 to ITA (licence BE-EXP-2019-4)` })],
    });
    // For a State that receives it on paper or through INTERPOL, the form and the export say the same.
    const carried = `Follows up trace ${outgoing.id}: BEL answered partial; last step reported: exported on 2019-05-02 to ITA (licence BE-EXP-2019-4)`;
    const form = flatText((await parsePdf((await bytes(t.http.get(api(`/traces/${later.id}/request.pdf`)).set(bearer(tokens.fraNpc))).expect(200)).body)).text);
    expect(form).toContain('Earlier trace this request follows');
    expect(form).toContain(carried);
    const exportedLater = (await t.http.get(api(`/traces/${later.id}/interpol.json`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(exportedLater).toMatchObject({ formatVersion: 3, followsUp: [carried] });
    expect((await t.http.get(api(`/traces/${outgoing.id}/interpol.json`)).set(bearer(tokens.fraNpc)).expect(200)).body.followsUp).toEqual([]);
    const followsUpOf = async (id: string) => (await t.http.get(api(`/traces/${id}/interpol.json`)).set(bearer(tokens.fraNpc)).expect(200)).body.followsUp;
    // One sent before carried notes were marked, by its note dated before it was sent; the information given after sending is no part of it.
    expect(await followsUpOf(early.id)).toEqual([`Follows up trace ${outgoing.id}: BEL answered partial; last step reported: manufactured`]);
    expect(await followsUpOf(bare.id)).toEqual([]);

    // BEL's full answer may not go on to a third State, and is confidential: the follow-up still waiting cannot carry it.
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, useRestrictions: ['no_onward_disclosure'], classification: 'confidential' });
    await outbox.drain();
    expect(await transition('fraNpc', refused.id, 'send', {}, 403)).toMatchObject({ code: 'RESTRICTED_INFORMATION', message: expect.stringContaining('Withdraw this follow-up and follow up with carryAnswer: false') });
    // Its form, before it is sent, prints nothing of what it may not carry.
    const unsentForm = flatText((await parsePdf((await bytes(t.http.get(api(`/traces/${refused.id}/request.pdf`)).set(bearer(tokens.fraNpc))).expect(200)).body)).text);
    expect(unsentForm).not.toContain('Earlier trace this request follows');
    // Those that left before with the answer: the NPCs are told what each lacks, once for each answer that added it.
    const further = (what: string) => Array<string>(npcs).fill(`BEL ${what} after this follow-up went to ITA: tell ITA`);
    expect(await told(early.id)).toEqual([
      ...further('restricted its answer further (no_onward_disclosure) and classified it confidential'), ...further('restricted its answer further (no_publication)'),
    ]);
    expect(await told(later.id)).toEqual(further('restricted its answer further (no_onward_disclosure) and classified it confidential'));
    // Nor is what left with it exported or printed again: withheld, saying why.
    const withheldLine = 'Withheld: BEL has since marked its answer no_onward_disclosure; it cannot be passed on to ITA without BEL\'s consent';
    expect(await followsUpOf(later.id)).toEqual([withheldLine]);
    const laterForm = flatText((await parsePdf((await bytes(t.http.get(api(`/traces/${later.id}/request.pdf`)).set(bearer(tokens.fraNpc))).expect(200)).body)).text);
    expect(laterForm).toContain(withheldLine);
    expect(laterForm).not.toContain(carried);
    // One sent without the answer told ITA nothing of it; one never sent has nothing to catch up on.
    expect(await told(bare.id)).toEqual([]);
    expect(await told(refused.id)).toEqual([]);
  });

  it('tells the next State what the answer says when the follow-up leaves, a refusal come since included', async () => {
    const { outgoing, incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'delayed', recordFound: true, reasonCode: 'other', reasonText: 'Archives being moved', expectedDate: '2027-01-15', nextState: 'ITA' });
    await outbox.drain();
    const child = await transition('fraNpc', outgoing.id, 'follow-ups', {}, 201);
    expect(child.notes).toEqual([expect.objectContaining({ kind: 'information_provided', text: `Follows up trace ${outgoing.id}: BEL answered delayed`, carried: true })]);
    await transition('belNpc', incoming.id, 'answer', { outcome: 'refused', recordFound: false, reasonCode: 'no_record', reasonText: 'No record', nextState: 'ITA' });
    await outbox.drain();
    const sent = await transition('fraNpc', child.id, 'send');
    expect(sent.notes).toEqual([expect.objectContaining({ text: `Follows up trace ${outgoing.id}: BEL answered refused`, carried: true })]);
  });

  it('lets the officer edit a follow-up whose parent a later answer classified higher, and raises it when it is sent', async () => {
    const { outgoing, incoming } = await sentTrace({ classification: 'unclassified' });
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'partial', recordFound: true, reasonCode: 'other', reasonText: 'More to come', nextState: 'ITA' });
    await outbox.drain();
    const child = await transition('fraNpc', outgoing.id, 'follow-ups', {}, 201);
    expect(child.classification).toBe('unclassified');
    await transition('fraNpc', child.id, 'return', { text: 'Say what the information is for' });
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA', classification: 'confidential' });
    await outbox.drain();
    const read = await t.http.get(api(`/traces/${child.id}`)).set(bearer(tokens.fraOfficer)).expect(200);
    // Raised, if not yet as high as the parent: send() takes it the rest of the way.
    const edited = await t.http.patch(api(`/traces/${child.id}`)).set(bearer(tokens.fraOfficer)).set('If-Match', read.headers.etag)
      .send({ intendedUse: 'To find the dealer who sold it on', classification: 'restricted' }).expect(200);
    expect(edited.body).toMatchObject({ intendedUse: 'To find the dealer who sold it on', classification: 'restricted' });
    const lowered = await t.http.patch(api(`/traces/${child.id}`)).set(bearer(tokens.fraOfficer)).set('If-Match', edited.headers.etag).send({ classification: 'unclassified' }).expect(400);
    expect(lowered.body.details).toEqual([{ field: 'classification', messages: ['a follow-up is classified at least as the trace it follows: confidential'] }]);
    await transition('fraOfficer', child.id, 'submit');
    expect((await transition('fraNpc', child.id, 'send')).classification).toBe('confidential');
  });

  it('classifies an answer higher than the request where what it reports is more sensitive, on every copy, form and follow-up', async () => {
    const { outgoing, incoming } = await sentTrace();
    expect(outgoing.classification).toBe('restricted');
    await transition('belNpc', incoming.id, 'acknowledge');
    const lower = await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, classification: 'unclassified' }, 400);
    expect(lower.details).toEqual([{ field: 'classification', messages: ['an answer is classified at least as the request and the answer it follows: restricted'] }]);
    const withheld = { recordFound: true, reasonCode: 'ongoing_criminal_investigation', reasonText: 'The buyer is under investigation' };
    const partial = await transition('belNpc', incoming.id, 'answer', { ...withheld, outcome: 'partial', nextState: 'ITA', classification: 'confidential' });
    expect(partial.answer.classification).toBe('confidential');
    // The supplement is classified at least as the answer it follows.
    expect((await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, classification: 'restricted' }, 400)).details[0].field).toBe('classification');
    const full = await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA' });
    expect(full).toMatchObject({ classification: 'restricted', answer: { classification: 'confidential', earlier: [expect.objectContaining({ classification: 'confidential' })] } });
    await outbox.drain();

    const atFra = (await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(atFra).toMatchObject({ classification: 'restricted', answer: { classification: 'confidential' } });
    const pages = async (path: string) => (await parsePdf((await bytes(t.http.get(api(path)).set(bearer(tokens.fraNpc))).expect(200)).body)).text;
    const response = await pages(`/traces/${outgoing.id}/response.pdf`);
    expect(flatText(response)).toContain('Classification Confidential');
    // Every page of the answer carries its classification; the request's form stays as it was sent.
    const pageTexts = response.split(/-- \d+ of \d+ --/).filter((page) => page.trim());
    expect(pageTexts.length).toBeGreaterThan(0);
    for (const page of pageTexts) expect(page).toContain('CONFIDENTIAL');
    expect(flatText(await pages(`/traces/${outgoing.id}/request.pdf`))).toContain('Classification Restricted');

    // A follow-up is classified as the answer it follows, and cannot be classified lower.
    const child = await transition('fraNpc', outgoing.id, 'follow-ups', {}, 201);
    expect(child).toMatchObject({ requestedState: 'ITA', classification: 'confidential' });
    await transition('fraNpc', child.id, 'return', { text: 'Check the classification' });
    const read = await t.http.get(api(`/traces/${child.id}`)).set(bearer(tokens.fraOfficer)).expect(200);
    const lowered = await t.http.patch(api(`/traces/${child.id}`)).set(bearer(tokens.fraOfficer)).set('If-Match', read.headers.etag).send({ classification: 'restricted' }).expect(400);
    expect(lowered.body.details).toEqual([{ field: 'classification', messages: ['a follow-up is classified at least as the trace it follows: confidential'] }]);
  });

  it('keeps the restrictions and the classification a follow-up inherits, through the officer\'s edits', async () => {
    const { outgoing, incoming } = await sentTrace({ useRestrictions: ['law_enforcement_only'], classification: 'confidential' });
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA', useRestrictions: ['not_for_use_in_court_without_consent'] });
    await outbox.drain();
    const child = await transition('fraNpc', outgoing.id, 'follow-ups', {}, 201);
    await transition('fraNpc', child.id, 'return', { text: 'Choose what of the case goes with it' });
    const read = await t.http.get(api(`/traces/${child.id}`)).set(bearer(tokens.fraOfficer)).expect(200);
    const edit = (body: object) => t.http.patch(api(`/traces/${child.id}`)).set(bearer(tokens.fraOfficer)).set('If-Match', read.headers.etag).send(body);
    const stripped = await edit({ useRestrictions: ['law_enforcement_only'], classification: 'restricted' }).expect(400);
    expect(stripped.body.details).toEqual([
      { field: 'useRestrictions', messages: ['a follow-up keeps the restrictions of the trace it follows and of its answer: not_for_use_in_court_without_consent'] },
      { field: 'classification', messages: ['a follow-up is classified at least as the trace it follows: confidential'] },
    ]);
    const added = await edit({ useRestrictions: ['law_enforcement_only', 'not_for_use_in_court_without_consent', 'no_publication'] }).expect(200);
    expect(added.body.useRestrictions).toEqual(['law_enforcement_only', 'not_for_use_in_court_without_consent', 'no_publication']);
  });

  it('sends a follow-up opened after a delayed answer with the restrictions and classification the full answer added since', async () => {
    const { outgoing, incoming } = await sentTrace({ useRestrictions: ['law_enforcement_only'] });
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'delayed', recordFound: true, reasonCode: 'other', reasonText: 'Archives being moved', expectedDate: '2026-12-15', nextState: 'ITA' });
    await outbox.drain();
    const child = await transition('fraNpc', outgoing.id, 'follow-ups', { carryAnswer: false }, 201);
    expect(child.useRestrictions).toEqual(['law_enforcement_only']);
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA', useRestrictions: ['no_publication'], classification: 'confidential' });
    await outbox.drain();
    const sent = await transition('fraNpc', child.id, 'send');
    expect(sent).toMatchObject({ useRestrictions: ['law_enforcement_only', 'no_publication'], classification: 'confidential' });
    await outbox.drain();
    const atIta = (await t.http.get(api('/traces?direction=incoming&limit=100')).set(bearer(tokens.itaNpc)).expect(200)).body.items.find((i: { exchangeId: string }) => i.exchangeId === child.id);
    expect((await t.http.get(api(`/traces/${atIta.id}`)).set(bearer(tokens.itaNpc)).expect(200)).body.useRestrictions).toEqual(['law_enforcement_only', 'no_publication']);
  });

  it('tells the requested State\'s NPCs when the requester closes the trace', async () => {
    const { outgoing, incoming } = await sentTrace();
    await transition('fraNpc', outgoing.id, 'close', { reason: 'withdrawn' });
    await outbox.drain();
    const inbox = (await t.http.get(api('/notifications?limit=100')).set(bearer(tokens.belNpc2)).expect(200)).body.items as { kind: string; traceId: string; message: string }[];
    expect(inbox).toContainEqual(expect.objectContaining({ kind: 'trace_closed', traceId: incoming.id, message: 'FRA closed the trace (withdrawn)' }));
  });

  it('looks for candidates by make and model when too little of an obliterated serial is readable, and offers none when nothing was observed', async () => {
    const serial = uniqueSerial('OB');
    const weapon = await registerWeapon(t, tokens.belRegistrar, { serial, manufacturer: 'Glock', type: 'pistol', model: 'Model 19X', calibre: '9mm Luger', markings: [{ kind: 'manufacture', component: 'frame', text: `GLOCK AUSTRIA ${serial}`, manufacturer: 'Glock', country: 'AUT', serial, year: 2019 }] });
    const byMake = await sentTrace({ weapon: { type: 'pistol', make: 'Glock', model: 'Model 19X', serialObliterated: true, serialReadable: 'B?7', markings: [{ component: 'frame', text: 'GLOCK AUSTRIA B?7' }] } });
    const candidates = (await t.http.get(api(`/traces/${byMake.incoming.id}/candidates`)).set(bearer(tokens.belNpc)).expect(200)).body.items as { weaponId: string }[];
    expect(candidates.map((c) => c.weaponId)).toContain(weapon.id);
    const blank = await sentTrace({ weapon: { type: 'pistol', serialObliterated: true, markings: [{ component: 'frame', text: 'ground off' }] } });
    expect((await t.http.get(api(`/traces/${blank.incoming.id}/candidates`)).set(bearer(tokens.belNpc)).expect(200)).body.items).toEqual([]);
  });

  it('says when more serials fit the part of a serial observed than a search reads, so that the weapon may be missing from the candidates', async () => {
    await ownerQuery(t, `INSERT INTO weapons (state_code, category, type_code, serial_as_marked, serial_normalised, status)
                         SELECT 'BEL', 'small_arm', 'pistol', 'TRW' || n, 'TRW' || n, 'civilian_held' FROM generate_series(1, 5001) AS n`, [], 'BEL');
    const candidatesOf = async (serialReadable: string) => {
      const { incoming } = await sentTrace({ weapon: { type: 'pistol', make: 'Glock', serialObliterated: true, serialReadable, markings: [{ component: 'frame', text: `GLOCK ${serialReadable}` }] } });
      return (await t.http.get(api(`/traces/${incoming.id}/candidates`)).set(bearer(tokens.belNpc)).expect(200)).body as { items: unknown[]; truncated: boolean };
    };
    expect(await candidatesOf('TRW*')).toMatchObject({ truncated: true, items: expect.arrayContaining([expect.objectContaining({ serial: expect.stringMatching(/^TRW/) })]) });
    expect(await candidatesOf('TRW42?7')).toMatchObject({ truncated: false });
  });

  it("counts a request's deadlines from its arrival at a State hosted here only after it was sent, and from sending otherwise", async () => {
    // Delivered as it is sent: both copies share the deadlines.
    const { outgoing, incoming } = await sentTrace();
    const fraCopy = (await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(fraCopy.acknowledgeDueAt).not.toBeNull();
    expect([fraCopy.acknowledgeDueAt, fraCopy.answerDueAt]).toEqual([incoming.acknowledgeDueAt, incoming.answerDueAt]);

    // To a State whose users come to this node ten days later: its copy counts from then.
    await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ('NLD', 'NPC', 'Politie', 'npc@example.nl')`, [], 'NLD');
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ requestedState: 'NLD' })).expect(201);
    await transition('fraOfficer', created.body.id, 'submit');
    const sent = await transition('fraNpc', created.body.id, 'send');
    await outbox.drain();
    t.clock.advance(10 * 24 * 3600);
    await loginAgain();
    await ownerQuery(t, `UPDATE states SET hosted_since = $1 WHERE code = 'NLD'`, [t.clock.now()]);
    await outbox.drain();
    const nldNpc = await login(t, await createUser(t, { stateCode: 'NLD', roles: ['npc'], mfaExempt: true }));
    const items = (await t.http.get(api('/traces?direction=incoming&limit=100')).set(bearer(nldNpc)).expect(200)).body.items as { id: string; exchangeId: string }[];
    const nldCopy = (await t.http.get(api(`/traces/${items.find((i) => i.exchangeId === created.body.id)!.id}`)).set(bearer(nldNpc)).expect(200)).body;
    const tenDays = 10 * 24 * 3600_000;
    expect(Date.parse(nldCopy.acknowledgeDueAt) - Date.parse(sent.acknowledgeDueAt)).toBe(tenDays);
    expect(Date.parse(nldCopy.answerDueAt) - Date.parse(sent.answerDueAt)).toBe(tenDays);
    expect(nldCopy.sentAt).toBe(sent.sentAt);
    // The requester's copy keeps its own.
    expect((await t.http.get(api(`/traces/${created.body.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body.acknowledgeDueAt).toBe(sent.acknowledgeDueAt);
  });

  it('keeps a question that crossed the closing of the trace among its notes, and asks nobody to answer it', async () => {
    const { outgoing, incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    await outbox.drain();
    // Both on their way at once: FRA closes while BEL asks.
    await outbox.onApplicationShutdown();
    try {
      await transition('fraNpc', outgoing.id, 'close', { reason: 'chain_broken' });
      await transition('belNpc', incoming.id, 'request-information', { text: 'Which unit seized it?' });
    } finally {
      outbox.onApplicationBootstrap();
    }
    await outbox.drain();
    const closed = (await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', notes: expect.arrayContaining([expect.objectContaining({ kind: 'information_requested', text: 'Which unit seized it?' })]) });
    for (const who of ['fraNpc', 'fraOfficer']) {
      const inbox = (await t.http.get(api('/notifications?limit=100')).set(bearer(tokens[who])).expect(200)).body.items as { kind: string; traceId: string }[];
      expect(inbox.filter((n) => n.traceId === outgoing.id).map((n) => n.kind)).not.toContain('trace_information_requested');
    }
  });

  it('shows the follow-ups of one answer in the chain in the order they were opened', async () => {
    const { outgoing, incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA' });
    await outbox.drain();
    const opened: string[] = [];
    for (const requestedState of ['ITA', 'BEL', 'ITA', 'BEL']) {
      t.clock.advance(60);
      opened.push((await transition('fraNpc', outgoing.id, 'follow-ups', { requestedState, carryAnswer: false }, 201)).id);
    }
    const chain = (await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body.chain as { traceId: string; parentId: string | null }[];
    expect(chain.slice(1).map((hop) => hop.traceId)).toEqual(opened);
    expect(chain.map((hop) => hop.parentId)).toEqual([null, ...opened.map(() => outgoing.id)]);

    // The first two answered, then followed up, the second first: each branch reads as one, depth first.
    const answered = async (id: string, npc: string, nextState: string) => {
      await transition('fraNpc', id, 'send');
      await outbox.drain();
      const items = (await t.http.get(api('/traces?direction=incoming&limit=100')).set(bearer(tokens[npc])).expect(200)).body.items as { id: string; exchangeId: string }[];
      const copy = items.find((item) => item.exchangeId === id)!.id;
      await transition(npc, copy, 'acknowledge');
      await transition(npc, copy, 'answer', { outcome: 'full', recordFound: true, nextState });
      await outbox.drain();
    };
    await answered(opened[0], 'itaNpc', 'BEL');
    await answered(opened[1], 'belNpc', 'ITA');
    t.clock.advance(60);
    const underSecond = (await transition('fraNpc', opened[1], 'follow-ups', { carryAnswer: false }, 201)).id;
    t.clock.advance(60);
    const underFirst = (await transition('fraNpc', opened[0], 'follow-ups', { carryAnswer: false }, 201)).id;
    const branched = (await t.http.get(api(`/traces/${underFirst}`)).set(bearer(tokens.fraNpc)).expect(200)).body.chain as { traceId: string; parentId: string | null }[];
    expect(branched.map((hop) => [hop.traceId, hop.parentId])).toEqual([
      [outgoing.id, null],
      [opened[0], outgoing.id], [underFirst, opened[0]],
      [opened[1], outgoing.id], [underSecond, opened[1]],
      [opened[2], outgoing.id], [opened[3], outgoing.id],
    ]);
  });

  it('drafts from a record whose serial is obliterated with what could be read of it', async () => {
    const readable = `${uniqueSerial('OB').slice(0, 6)}`;
    const found = await registerWeapon(t, tokens.fraOfficer, {
      type: 'pistol', manufacturer: 'Beretta', model: '92FS', calibre: '9x19', serial: readable, serialObliterated: true, countryOfManufacture: 'ITA', origin: 'found', occurredOn: '2026-10-02',
      markings: [{ kind: 'manufacture', component: 'frame', text: `P. BERETTA ITALY ${readable}`, manufacturer: 'Beretta', country: 'ITA', serial: readable }],
    });
    const { weapon: _observed, requestedState: _state, ...request } = requestBody();
    const draft = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send({ ...request, requestedState: 'BEL', weaponId: found.id }).expect(201);
    expect(draft.body.weapon).toMatchObject({ serial: null, serialObliterated: true, serialReadable: readable });
    // The officer's own observation, silent on the serial, leaves it obliterated.
    const observed = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer))
      .send({ ...request, requestedState: 'BEL', weaponId: found.id, weapon: { markings: [{ component: 'slide', text: 'PB 92' }] } }).expect(201);
    expect(observed.body.weapon).toMatchObject({ serialObliterated: true, serialReadable: readable });
    // The officer who restored the serial says so: the observation wins.
    const restored = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer))
      .send({ ...request, requestedState: 'BEL', weaponId: found.id, weapon: { serial: `${readable}77`, serialObliterated: false, markings: [{ component: 'slide', text: 'PB 92' }] } }).expect(201);
    expect(restored.body.weapon).toMatchObject({ serial: `${readable}77`, serialObliterated: false, serialReadable: null });
    // A serial given as marked says it can be read, without a word on the flag.
    const given = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer))
      .send({ ...request, requestedState: 'BEL', weaponId: found.id, weapon: { serial: `${readable}78`, markings: [{ component: 'slide', text: 'PB 92' }] } }).expect(201);
    expect(given.body.weapon).toMatchObject({ serial: `${readable}78`, serialObliterated: false, serialReadable: null });
    // The other way: a record whose serial reads whole, seen obliterated, keeps no serial as marked, only what was read.
    const whole = await registerWeapon(t, tokens.fraOfficer, { serial: uniqueSerial('WH'), origin: 'found', occurredOn: '2026-10-02' });
    const ground = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer))
      .send({ ...request, requestedState: 'BEL', weaponId: whole.id, weapon: { serialObliterated: true, serialReadable: 'WH?1*', markings: [{ component: 'slide', text: 'ground' }] } }).expect(201);
    expect(ground.body.weapon).toMatchObject({ serial: null, serialObliterated: true, serialReadable: 'WH?1*' });
  });

  it('follows up a request kept with a serial both obliterated and given (before that was refused) by what could be read', async () => {
    const { outgoing, incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: false });
    await outbox.drain();
    // As an earlier version kept a request the officer saw obliterated, made from a record holding the serial whole.
    await ownerQuery(t, `UPDATE traces SET weapon_observed = weapon_observed || '{"serial": "LEGACY77", "serialObliterated": true, "serialReadable": "LEG*"}'::jsonb WHERE id = $1`, [outgoing.id], 'FRA');
    const child = await transition('fraNpc', outgoing.id, 'follow-ups', { requestedState: 'ITA' }, 201);
    expect(child.weapon).toMatchObject({ serial: null, serialObliterated: true, serialReadable: 'LEG*' });
    expect(await transition('fraNpc', child.id, 'send')).toMatchObject({ status: 'sent' });
  });

  it('asks the State of import named by a marking other than the requester\'s own, or the State of manufacture', async () => {
    const serial = uniqueSerial('IM');
    const marking = { kind: 'manufacture', component: 'frame', text: `P. BERETTA ITALY ${serial}`, manufacturer: 'Beretta', country: 'ITA', serial };
    const { weapon: _observed, requestedState: _state, ...request } = requestBody();
    const draftFrom = async (markings: Record<string, unknown>[]) => {
      const found = await registerWeapon(t, tokens.fraOfficer, {
        type: 'pistol', manufacturer: 'Beretta', model: '92FS', calibre: '9x19', serial: uniqueSerial('IM'), countryOfManufacture: 'ITA', origin: 'found', occurredOn: '2026-10-02', markings,
      });
      return (await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send({ ...request, weaponId: found.id }).expect(201)).body.requestedState;
    };
    const own = { kind: 'import', component: 'frame', text: 'FRA 17', country: 'FRA', year: 2017 };
    expect(await draftFrom([marking, own])).toBe('ITA');
    expect(await draftFrom([marking, own, { kind: 'import', component: 'frame', text: 'BEL 16', country: 'BEL', year: 2016 }])).toBe('BEL');
  });

  it('refuses a stale version with 412 and a missing one with 428: two NPCs answering at once leave one answer', async () => {
    const { incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    const read = await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200);
    await t.http.post(api(`/traces/${incoming.id}/answer`)).set(bearer(tokens.belNpc)).send({ outcome: 'full', recordFound: false }).expect(428);
    // If-Match compares strongly: the weak form of the very tag read does not match.
    const weak = await t.http.post(api(`/traces/${incoming.id}/answer`)).set(bearer(tokens.belNpc)).set('If-Match', `W/${read.headers.etag}`).send({ outcome: 'full', recordFound: false }).expect(412);
    expect(weak.body).toMatchObject({ code: 'VERSION_MISMATCH', message: expect.stringContaining('weak ETag') });
    const answer = (who: string, outcome: string) =>
      t.http.post(api(`/traces/${incoming.id}/answer`)).set(bearer(tokens[who])).set('If-Match', read.headers.etag)
        .send({ outcome, recordFound: false, reasonCode: 'no_record', reasonText: 'No record of this serial' });
    const results = await Promise.all([answer('belNpc', 'refused'), answer('belNpc2', 'partial')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(results.find((r) => r.status === 412)!.body).toMatchObject({ code: 'VERSION_MISMATCH' });
    const rows = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM outbox_messages WHERE exchange_id = $1 AND kind = 'trace.answered'`, [incoming.exchangeId], 'BEL');
    expect(Number(rows[0].n)).toBe(1);
  });

  it('replays a POST with the same Idempotency-Key and body, and refuses the key with another body', async () => {
    const key = `create-${uniqueSerial()}`;
    const first = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', key).send(requestBody()).expect(201);
    const again = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', key).send(requestBody()).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    // The trail says that one trace was made, and then replayed.
    const trail = await ownerQuery<{ details: unknown }>(t, `SELECT details FROM audit_events WHERE action = 'POST /traces' AND target_id = $1 ORDER BY seq`, [first.body.id], 'FRA');
    expect(trail).toEqual([{ details: {} }, { details: { replayed: true } }]);
    const other = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', key).send(requestBody({ intendedUse: 'Another use' })).expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const rows = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM traces WHERE id = $1 OR intended_use = 'Another use'`, [first.body.id], 'FRA');
    expect(Number(rows[0].n)).toBe(1);
  });

  it('does not replay a stored result once the user\'s roles changed: it may hold what only those roles could read', async () => {
    const user = await createUser(t, { stateCode: 'FRA', roles: ['officer'], mfaExempt: true });
    const officer = await login(t, user);
    const key = `create-${uniqueSerial()}`;
    const first = await t.http.post(api('/traces')).set(bearer(officer)).set('Idempotency-Key', key).send(requestBody()).expect(201);
    expect((await t.http.post(api('/traces')).set(bearer(officer)).set('Idempotency-Key', key).send(requestBody()).expect(201)).body.id).toBe(first.body.id);
    await ownerQuery(t, `UPDATE users SET roles = '{officer,registrar}' WHERE id = $1`, [user.id], 'FRA');
    const replay = await t.http.post(api('/traces')).set(bearer(officer)).set('Idempotency-Key', key).send(requestBody()).expect(422);
    expect(replay.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('before your roles changed') });
  });

  it('counts the version a transition was made against in its Idempotency-Key, and a body by its content, not the order of its keys', async () => {
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody()).expect(201);
    const id = created.body.id;
    const key = `submit-${id}`;
    const submit = (etag: string) => t.http.post(api(`/traces/${id}/submit`)).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', key).set('If-Match', etag);
    const first = await submit(created.headers.etag).expect(200);
    expect((await submit(created.headers.etag).expect(200)).headers['idempotent-replayed']).toBe('true');
    await transition('fraNpc', id, 'return', { text: 'Add the ballistics reference' });
    const current = await t.http.get(api(`/traces/${id}`)).set(bearer(tokens.fraOfficer)).expect(200);
    expect(current.headers.etag).not.toBe(first.headers.etag);
    // The same key against the new version is another request: refused, not answered with the first submission.
    const stale = await submit(current.headers.etag).expect(422);
    expect(stale.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await t.http.get(api(`/traces/${id}`)).set(bearer(tokens.fraOfficer)).expect(200)).body.status).toBe('returned');
    // The same body with its keys in another order is the same request.
    const body = requestBody();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const createKey = `create-${uniqueSerial()}`;
    const made = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', createKey).send(body).expect(201);
    const replayed = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', createKey).send(reordered).expect(201);
    expect(replayed.body.id).toBe(made.body.id);
  });

  it('forgets a key after IDEMPOTENCY_KEY_HOURS (then it is a new request); the purge job deletes forgotten keys', async () => {
    const key = `aged-${uniqueSerial()}`;
    const fresh = `fresh-${uniqueSerial()}`;
    const post = (idempotencyKey: string, body: Record<string, unknown>) => t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', idempotencyKey).send(body);
    // The key's claim moved back in time, as if it had been sent `hours` ago by this node's clock.
    const age = (hours: number, which = key) => ownerQuery(t, `UPDATE idempotency_keys SET created_at = $2::timestamptz - make_interval(secs => $3) WHERE key = $1`, [which, t.clock.now(), hours * 3600], 'FRA');
    const stored = async (keys = [key, fresh]) => (await ownerQuery<{ key: string }>(t, `SELECT key FROM idempotency_keys WHERE key = ANY($1) ORDER BY key`, [keys], 'FRA')).map((r) => r.key);

    const first = await post(key, requestBody()).expect(201);
    await post(fresh, requestBody()).expect(201);
    await age(23.9);
    expect((await post(key, requestBody({ intendedUse: 'Another use, a day later' })).expect(422)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await post(key, requestBody()).expect(201)).body.id).toBe(first.body.id);

    await age(24.1);
    const renewed = await post(key, requestBody({ intendedUse: 'Another use, a day later' })).expect(201);
    expect(renewed.body.id).not.toBe(first.body.id);
    expect(renewed.headers['idempotent-replayed']).toBeUndefined();
    const replayed = await post(key, requestBody({ intendedUse: 'Another use, a day later' })).expect(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body.id).toBe(renewed.body.id);
    // Forgetting a key undoes nothing: the first trace stands.
    await t.http.get(api(`/traces/${first.body.id}`)).set(bearer(tokens.fraOfficer)).expect(200);

    await age(25);
    const job = t.app.get(IdempotencyPurgeJob);
    expect(await job.run()).toBeGreaterThanOrEqual(1);
    expect(await stored()).toEqual([fresh]);
    expect(await job.run()).toBe(0);
    expect(await stored()).toEqual([fresh]);

    // A key a request takes over while the purge waits for its row (locked by the takeover) is kept.
    const takenOver = `taken-${uniqueSerial()}`;
    await post(takenOver, requestBody()).expect(201);
    await age(25, takenOver);
    const takeover = new Client({ connectionString: t.db.appUrl });
    await takeover.connect();
    try {
      await takeover.query('BEGIN');
      await takeover.query(`SELECT set_config('app.state_code', 'FRA', true)`);
      await takeover.query('UPDATE idempotency_keys SET created_at = $2 WHERE key = $1', [takenOver, t.clock.now()]);
      const purge = job.run();
      await untilWaitingForLocks(t, 1);
      await takeover.query('COMMIT');
      expect(await purge).toBe(0);
    } finally {
      await takeover.end();
    }
    expect(await stored([takenOver])).toEqual([takenOver]);
  });

  it('keeps a closed trace closed when the other State acknowledged at the same time', async () => {
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody()).expect(201);
    await transition('fraOfficer', created.body.id, 'submit');
    await transition('fraNpc', created.body.id, 'send');
    const incoming = await incomingCopy(created.body.id);
    // Both move their own copy before either message is delivered (delivery after each commit held back): the messages cross.
    const written = t.app.get(TracingService).outbox;
    const deliverers = written.listeners('written') as (() => void)[];
    written.removeAllListeners('written');
    let closed, acknowledged;
    try {
      const readAtFra = await t.http.get(api(`/traces/${created.body.id}`)).set(bearer(tokens.fraNpc)).expect(200);
      closed = await t.http.post(api(`/traces/${created.body.id}/close`)).set(bearer(tokens.fraNpc)).set('If-Match', readAtFra.headers.etag).send({ reason: 'withdrawn' });
      const readAtBel = await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200);
      acknowledged = await t.http.post(api(`/traces/${incoming.id}/acknowledge`)).set(bearer(tokens.belNpc)).set('If-Match', readAtBel.headers.etag);
    } finally {
      for (const deliver of deliverers) written.on('written', deliver);
    }
    expect([closed.status, acknowledged.status]).toEqual([200, 200]);
    await outbox.drain();
    const fra = (await t.http.get(api(`/traces/${created.body.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    const bel = (await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body;
    expect([fra.status, bel.status]).toEqual(['closed', 'closed']);
    // The acknowledgement is kept on the requester's copy, as BEL's says it was given (the tracing report counts it).
    expect(bel.acknowledgedAt).toEqual(expect.any(String));
    expect(fra.acknowledgedAt).toBe(bel.acknowledgedAt);
  });

  it('delivers in one drain every message held back, in order within each exchange', async () => {
    const first = await sentTrace();
    const second = await sentTrace();
    // BEL acknowledges the first trace, then acknowledges and answers the second, before anything is
    // delivered. The first delivery opens a second lane: one lane takes the second acknowledgement while the
    // other finds the answer held back behind it (outbox_claim() keeps an exchange in order), and the drain
    // must still deliver that answer before it resolves.
    const written = t.app.get(TracingService).outbox;
    const deliverers = written.listeners('written') as (() => void)[];
    written.removeAllListeners('written');
    try {
      await transition('belNpc', first.incoming.id, 'acknowledge');
      await transition('belNpc', second.incoming.id, 'acknowledge');
      await transition('belNpc', second.incoming.id, 'answer', { outcome: 'full', recordFound: false });
    } finally {
      for (const deliver of deliverers) written.on('written', deliver);
    }
    expect(await outbox.drain()).toBe(3);
    const statusAtFra = async (id: string) => (await t.http.get(api(`/traces/${id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect((await statusAtFra(first.outgoing.id)).status).toBe('acknowledged');
    const answered = await statusAtFra(second.outgoing.id);
    expect({ status: answered.status, acknowledged: typeof answered.acknowledgedAt, outcome: answered.answer?.outcome }).toEqual({ status: 'answered', acknowledged: 'string', outcome: 'full' });
  });

  it('edits a draft: null refused where a value is required, accepted where it clears; a follow-up needs a fresh version', async () => {
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ priority: 'urgent', urgentJustification: 'Suspect in custody' })).expect(201);
    const patch = (etag: string, body: object) => t.http.patch(api(`/traces/${created.body.id}`)).set(bearer(tokens.fraOfficer)).set('If-Match', etag).send(body);
    const refused = await patch(created.headers.etag, { requestingAuthority: null }).expect(400);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['requestingAuthority']);
    const cleared = await patch(created.headers.etag, { priority: 'routine', urgentJustification: null }).expect(200);
    expect(cleared.body).toMatchObject({ priority: 'routine', urgentJustification: null, version: 2 });
    // An edit that changes nothing keeps the version: another reader's tag stays good.
    for (const body of [{}, { priority: 'routine', channel: 'direct' }]) {
      const unchanged = await patch(cleared.headers.etag, body).expect(200);
      expect(unchanged.headers.etag).toBe(cleared.headers.etag);
    }

    const { outgoing, incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, nextState: 'ITA' });
    await outbox.drain();
    const read = await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200);
    const followUp = () => t.http.post(api(`/traces/${outgoing.id}/follow-ups`)).set(bearer(tokens.fraNpc)).set('If-Match', read.headers.etag).send({});
    const results = await Promise.all([followUp(), followUp()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 412]);
  });

  it('idempotency: concurrent requests with one key make one trace; a failed request stores nothing; keys are per user', async () => {
    const key = `race-${uniqueSerial()}`;
    const body = requestBody({ intendedUse: `Idempotency ${key}` });
    const [a, b] = await Promise.all([
      t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', key).send(body),
      t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', key).send(body),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const made = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM traces WHERE intended_use = $1`, [`Idempotency ${key}`], 'FRA');
    expect(Number(made[0].n)).toBe(1);

    const retried = `retry-${uniqueSerial()}`;
    await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', retried).send(requestBody({ priority: 'urgent' })).expect(400);
    await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).set('Idempotency-Key', retried).send(requestBody()).expect(201);

    const other = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer2)).set('Idempotency-Key', key).send(body).expect(201);
    expect(other.body.id).not.toBe(a.body.id);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
  });

  it('delivers a message once: pending while the target has no mailbox here, exactly once after, failures kept for retry', async () => {
    await ownerQuery(t, `UPDATE states SET hosted_since = NULL WHERE code = 'BEL'`);
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody()).expect(201);
    await transition('fraOfficer', created.body.id, 'submit');
    await transition('fraNpc', created.body.id, 'send');
    expect(await outbox.drain()).toBe(0);
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code = 'BEL'`);
    // What waits is delivered when the worker starts, though this one has no poll (OUTBOX_POLL_MS=0): as after a restart.
    await outbox.onApplicationShutdown();
    outbox.onApplicationBootstrap();
    let copies: { n: string }[] = [];
    for (let i = 0; i < 100 && Number(copies[0]?.n ?? 0) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      copies = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM traces WHERE exchange_id = $1`, [created.body.id], 'BEL');
    }
    expect(Number(copies[0].n)).toBe(1);
    // Drains after it, two at once among them, deliver it no second time.
    await Promise.all([outbox.drain(), outbox.drain()]);
    await outbox.drain();
    copies = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM traces WHERE exchange_id = $1`, [created.body.id], 'BEL');
    expect(Number(copies[0].n)).toBe(1);
    const sent = await ownerQuery<{ attempts: number; delivered: boolean }>(t, `SELECT attempts, delivered_at IS NOT NULL AS delivered FROM outbox_messages WHERE exchange_id = $1`, [created.body.id], 'FRA');
    expect(sent).toEqual([{ attempts: 1, delivered: true }]);

    // Delivery functions refuse to run inside a State's transaction.
    await expect(ownerQuery(t, 'SELECT * FROM outbox_claim()', [], 'FRA')).rejects.toThrow('outbox delivery runs outside any State');

    // A message that cannot be applied stays undelivered with its error, and changes nothing.
    await ownerQuery(t, `INSERT INTO outbox_messages (state_code, target_state, kind, exchange_id, payload) VALUES ('FRA', 'BEL', 'trace.acknowledged', gen_random_uuid(), '{}')`, [], 'FRA');
    await outbox.drain();
    const failed = await ownerQuery<{ attempts: number; last_error: string; delivered_at: Date | null }>(t, `SELECT attempts, last_error, delivered_at FROM outbox_messages WHERE kind = 'trace.acknowledged' AND delivered_at IS NULL`, [], 'FRA');
    expect(failed).toEqual([expect.objectContaining({ attempts: 1, delivered_at: null, last_error: expect.stringContaining('No outgoing copy') })]);
  });

  it('tells the sending State, on its copy, when a message is left for an operator after its last try, and not before', async () => {
    // FRA's draft, never sent: BEL has no copy for a closing to reach, so its delivery fails every time.
    const draft = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody()).expect(201);
    const [{ id }] = await ownerQuery<{ id: string }>(t, `INSERT INTO outbox_messages (state_code, target_state, kind, exchange_id, payload, attempts)
                         VALUES ('FRA', 'BEL', 'trace.closed', $1, '{}', 8) RETURNING id`, [draft.body.id], 'FRA');
    const stoppedFor = async (who: string) => {
      const inbox = (await t.http.get(api('/notifications?limit=100')).set(bearer(tokens[who])).expect(200)).body.items as { kind: string; traceId: string; message: string }[];
      return inbox.filter((n) => n.kind === 'delivery_stopped' && n.traceId === draft.body.id);
    };
    const tryAgain = async () => {
      await ownerQuery(t, `UPDATE outbox_messages SET next_attempt_at = now() WHERE id = $1`, [id], 'FRA');
      await outbox.drain();
      return (await ownerQuery<{ attempts: number }>(t, `SELECT attempts FROM outbox_messages WHERE id = $1`, [id], 'FRA'))[0].attempts;
    };
    try {
      expect(await tryAgain()).toBe(9);
      expect(await stoppedFor('fraNpc')).toEqual([]);
      expect(await tryAgain()).toBe(10);
      const told = [{ kind: 'delivery_stopped', traceId: draft.body.id, message: 'BEL has not received the closing of the trace after 10 tries: its delivery waits for an operator, and the later messages of this exchange, either way, wait behind it' }];
      expect(await stoppedFor('fraNpc')).toEqual([expect.objectContaining(told[0])]);
      expect(await stoppedFor('fraOfficer')).toEqual([expect.objectContaining(told[0])]);
      expect(await stoppedFor('belNpc')).toEqual([]);
      // Not tried again, nor told twice, until an operator sets it going again.
      expect(await tryAgain()).toBe(10);
      expect(await stoppedFor('fraNpc')).toHaveLength(1);
    } finally {
      await ownerQuery(t, `DELETE FROM outbox_messages WHERE id = $1`, [id], 'FRA');
    }
  });

  it("records a delivery in the receiving State's trail as background work, not as the sending request", async () => {
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody()).expect(201);
    await transition('fraOfficer', created.body.id, 'submit');
    const current = await t.http.get(api(`/traces/${created.body.id}`)).set(bearer(tokens.fraNpc)).expect(200);
    // The send's commit asks for a delivery run at once, from within the request.
    await t.http.post(api(`/traces/${created.body.id}/send`)).set(bearer(tokens.fraNpc)).set('If-Match', current.headers.etag).set('X-Request-Id', 'fra-send-0042').send({}).expect(200);
    const incoming = await incomingCopy(created.body.id);
    const received = await ownerQuery<{ request_id: string | null; source_ip: string | null; actor_id: string | null }>(t,
      `SELECT request_id, source_ip, actor_id FROM audit_events WHERE action = 'trace.received' AND target_id = $1`, [incoming.id], 'BEL');
    expect(received).toEqual([{ request_id: null, source_ip: null, actor_id: null }]);
    const sent = await ownerQuery<{ request_id: string }>(t, `SELECT request_id FROM audit_events WHERE action = 'POST /traces/:id/send' AND target_id = $1`, [created.body.id], 'FRA');
    expect(sent).toEqual([{ request_id: 'fra-send-0042' }]);
  });

  it('records a form that could not be made as a failure, beside the read it was made of', async () => {
    const { outgoing } = await sentTrace();
    const broken = jest.spyOn(traceForms, 'renderTraceRequestPdf').mockRejectedValueOnce(new Error('the renderer broke'));
    try {
      const response = await t.http.get(api(`/traces/${outgoing.id}/request.pdf`)).set(bearer(tokens.fraNpc)).set('X-Request-Id', 'form-broke-0001');
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 500, code: 'INTERNAL_ERROR' });
    } finally {
      broken.mockRestore();
    }
    const events = await ownerQuery<{ action: string; outcome: string; target_id: string; details: Record<string, unknown> }>(t,
      `SELECT action, outcome, target_id, details FROM audit_events WHERE request_id = 'form-broke-0001' ORDER BY seq`, [], 'FRA');
    expect(events).toEqual([
      { action: 'GET /traces/:id/request.pdf', outcome: 'success', target_id: outgoing.id, details: {} },
      { action: 'GET /traces/:id/request.pdf', outcome: 'failure', target_id: outgoing.id, details: { status: 500, code: 'INTERNAL_ERROR', afterCommit: true } },
    ]);
  });

  it('delivers a backlog longer than one round of deliveries in one drain', async () => {
    // 250 messages that cannot be applied (no outgoing copy acknowledges them), tried 5 times before: each is
    // tried once more, then waits its back-off (64 s, longer than the drain).
    await ownerQuery(t, `INSERT INTO outbox_messages (state_code, target_state, kind, exchange_id, payload, attempts)
                         SELECT 'FRA', 'BEL', 'trace.acknowledged', gen_random_uuid(), '{"backlog": true}', 5 FROM generate_series(1, 250)`, [], 'FRA');
    try {
      await outbox.drain();
      const tried = await ownerQuery<{ attempts: number; n: string }>(t, `SELECT attempts, count(*) AS n FROM outbox_messages WHERE payload = '{"backlog": true}'::jsonb GROUP BY attempts`, [], 'FRA');
      expect(tried).toEqual([{ attempts: 6, n: '250' }]);
    } finally {
      await ownerQuery(t, `DELETE FROM outbox_messages WHERE payload = '{"backlog": true}'::jsonb`, [], 'FRA');
    }
  });

  it('claims the next deliverable message reading a bounded number, none of those that wait for another node or an operator', async () => {
    // Older than any other: 2,000 messages to a State hosted elsewhere, 2,000 that failed ten times, and a
    // backlog of 300 deliverable ones (each in its own exchange).
    const waiting = `SELECT 'FRA', $1::char(3), 'trace.sent', gen_random_uuid(), '{}', clock_timestamp() - interval '1 day' + n * interval '1 ms', $2::int
                       FROM generate_series(1, $3::int) AS n`;
    const insert = `INSERT INTO outbox_messages (state_code, target_state, kind, exchange_id, payload, created_at, attempts) ${waiting}`;
    await ownerQuery(t, insert, ['USA', 0, 2000], 'FRA');
    await ownerQuery(t, insert, ['BEL', 10, 2000], 'FRA');
    await ownerQuery(t, insert, ['BEL', 0, 300], 'FRA');
    // The real message waits too while the plan is taken (BEL unhosted): the plan is that of a claim for BEL.
    await ownerQuery(t, `UPDATE states SET hosted_since = NULL WHERE code = 'BEL'`);
    try {
      const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody()).expect(201);
      await transition('fraOfficer', created.body.id, 'submit');
      await transition('fraNpc', created.body.id, 'send');
      await ownerQuery(t, 'ANALYZE outbox_messages');
      const hosted = ['FRA', 'BEL', 'ITA', 'BRA'];
      // The candidates of outbox_claim(): BEL's oldest deliverable messages, in order, OUTBOX_CANDIDATES of them.
      const candidates = await ownerQuery<{ id: string }>(t, OUTBOX_CANDIDATES_QUERY, [hosted]);
      const oldest = await ownerQuery<{ id: string }>(t, `SELECT id FROM outbox_messages WHERE target_state = 'BEL' AND attempts = 0 AND delivered_at IS NULL ORDER BY created_at, id LIMIT $1`, [OUTBOX_CANDIDATES]);
      expect(candidates.map((c) => c.id)).toEqual(oldest.map((c) => c.id));
      // Its plan: the index of deliverable messages, read in order and no further than the candidates.
      const plan = (await ownerQuery<{ 'QUERY PLAN': string }>(t, `EXPLAIN (ANALYZE, COSTS false, TIMING false) ${OUTBOX_CANDIDATES_QUERY}`, [hosted]))
        .map((row) => row['QUERY PLAN'])
        .join('\n');
      expect(plan).toContain('IDX_outbox_exchange');
      expect(plan).not.toContain('Seq Scan on outbox_messages');
      const scans = [...plan.matchAll(/Index Scan using "IDX_outbox_deliverable" on outbox_messages m \(actual rows=([\d.]+) loops=(\d+)\)/g)];
      expect(scans).toHaveLength(1);
      expect(Number(scans[0][1]) * Number(scans[0][2])).toBeLessThanOrEqual(OUTBOX_CANDIDATES + 1);
      const removed = [...plan.matchAll(/Rows Removed by Filter: (\d+)/g)].map((match) => Number(match[1]));
      expect(Math.max(0, ...removed)).toBeLessThan(10);
      // outbox_claim() claims nothing for a State not hosted here, and the oldest candidate once it is.
      expect(await ownerQuery(t, `SELECT id FROM outbox_claim()`)).toEqual([]);
      await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code = 'BEL'`);
      expect(await ownerQuery(t, `SELECT id FROM outbox_claim()`)).toEqual([{ id: oldest[0].id }]);
      await ownerQuery(t, `DELETE FROM outbox_messages WHERE kind = 'trace.sent' AND payload = '{}'::jsonb AND attempts = 0 AND target_state = 'BEL'`, [], 'FRA');
      await outbox.drain();
      const copies = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM traces WHERE exchange_id = $1`, [created.body.id], 'BEL');
      expect(Number(copies[0].n)).toBe(1);
    } finally {
      await ownerQuery(t, `UPDATE states SET hosted_since = coalesce(hosted_since, now()) WHERE code = 'BEL'`);
      await ownerQuery(t, `DELETE FROM outbox_messages WHERE kind = 'trace.sent' AND payload = '{}'::jsonb`, [], 'FRA');
    }
  });

  it('tells apart, among the candidates, many weapons that share the serial observed by make and model', async () => {
    // A short serial that 30 weapons of another make carry in BEL's registry, and one FNC.
    const serial = `7${uniqueSerial('').replace(/\D/g, '').slice(-4)}`;
    for (let i = 0; i < 30; i++) {
      await registerWeapon(t, tokens.belRegistrar, {
        serial, type: 'pistol', manufacturer: 'Glock', model: 'G17', calibre: '9x19', countryOfManufacture: 'AUT',
        markings: [{ kind: 'manufacture', component: 'slide', text: `GLOCK ${serial}`, manufacturer: 'Glock', country: 'AUT', serial, year: 2019 }],
      });
    }
    const fnc = await registerWeapon(t, tokens.belRegistrar, { serial });
    const { incoming } = await sentTrace({ weapon: { ...requestBody().weapon, serial } });
    const candidates = (await t.http.get(api(`/traces/${incoming.id}/candidates`)).set(bearer(tokens.belNpc)).expect(200)).body.items;
    expect(candidates).toHaveLength(10);
    expect(candidates[0]).toMatchObject({ weaponId: fnc.id, model: 'FNC' });
    expect(candidates[0].reasons.join(' ')).toContain('as observed');
    expect(candidates.slice(1).every((c: { model: string }) => c.model === 'G17')).toBe(true);
  });

  it('refuses text that cannot be stored in a field kept as JSON with 400 naming it, not a 500', async () => {
    const body = requestBody();
    const response = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send({ ...body, recovery: { ...body.recovery, place: 'Marseille \ud800' } }).expect(400);
    expect(response.body.details).toEqual([{ field: 'recovery.place', messages: [expect.stringContaining('lone surrogate')] }]);
  });

  it('prefills a request from a weapon of the registry; what the officer observed wins', async () => {
    const serial = uniqueSerial('RG');
    const weapon = await registerWeapon(t, tokens.fraRegistrar, { serial, markings: [{ kind: 'manufacture', component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}`, manufacturer: 'FN Herstal', country: 'BEL', serial, year: 2019 }] });
    const { weapon: _omit, ...withoutWeapon } = requestBody();
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send({ ...withoutWeapon, weaponId: weapon.id }).expect(201);
    expect(created.body).toMatchObject({ weaponId: weapon.id, weapon: { serial, make: 'FN', model: 'FNC', countryOfManufacture: 'BEL', yearOfManufacture: 2019, markings: [{ component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}` }] } });
    const observed = { model: 'FNC Para', markings: [{ component: 'barrel', text: 'PROOF 19' }] };
    const both = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send({ ...withoutWeapon, weaponId: weapon.id, weapon: observed }).expect(201);
    expect(both.body.weapon).toMatchObject({ serial, model: 'FNC Para' });
    expect(both.body.weapon.markings.map((m: { text: string }) => m.text)).toEqual(['PROOF 19', `FN HERSTAL BELGIUM ${serial}`]);
    await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send({ ...withoutWeapon, weaponId: '00000000-0000-4000-8000-000000000000' }).expect(404);
  });

  it('checks what a request must hold, naming the field', async () => {
    const post = (body: object) => t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(body);
    const fieldsOf = (r: { body: { details?: { field: string }[] } }) => (r.body.details ?? []).map((d) => d.field);
    expect(fieldsOf(await post(requestBody({ priority: 'urgent' })).expect(400))).toEqual(['urgentJustification']);
    expect(fieldsOf(await post(requestBody({ illicitBasis: [] })).expect(400))).toContain('illicitBasis');
    expect(fieldsOf(await post(requestBody({ weapon: { markings: [{ component: 'frame', text: 'X' }] } })).expect(400))).toEqual(['weapon.serial']);
    expect(fieldsOf(await post(requestBody({ requestedState: 'XXX' })).expect(400))).toEqual(['requestedState']);
    expect((await post(requestBody({ requestedState: 'DEU' })).expect(422)).body.code).toBe('NO_CONTACT_POINT');
    // Dates are YYYY-MM-DD only: ISO 8601's other forms (week, ordinal and basic dates, a date-time) are refused.
    expect(fieldsOf(await post(requestBody({ recovery: { date: '2026-W40', place: 'Marseille', context: 'Customs check' } })).expect(400))).toEqual(['recovery.date']);
    const consent = { kind: 'un_mission', organisation: 'MINUSCA', consentReference: 'FRA/MJ/2026-114', consentGivenOn: '2026-10-05T00:00Z' };
    expect(fieldsOf(await post(requestBody({ channel: 'interpol', onBehalfOf: consent })).expect(400))).toEqual(['onBehalfOf.consentGivenOn']);
    const answer = await t.http.post(api(`/traces/${randomUUID()}/answer`)).set(bearer(tokens.belNpc)).set('If-Match', '"1"').send({
      outcome: 'delayed', recordFound: true, reasonCode: 'other', reasonText: 'Archive closed', expectedDate: '2026-W52',
      chain: [{ event: 'manufactured', state: 'BEL', date: '20190301' }],
    }).expect(400);
    expect(fieldsOf(answer).sort()).toEqual(['chain[0].date', 'expectedDate']);
    const obliterated = await post(requestBody({ weapon: { serialObliterated: true, serialReadable: 'FN?12*', markings: [{ component: 'frame', text: 'FN ?12' }] } })).expect(201);
    expect(obliterated.body.weapon).toMatchObject({ serialObliterated: true, serialReadable: 'FN?12*', serial: null });
    // What could be read is of an obliterated serial only: one not obliterated is given as marked.
    expect(fieldsOf(await post(requestBody({ weapon: { serial: 'FN12345', serialReadable: 'FN?12*', markings: [{ component: 'frame', text: 'FN 12345' }] } })).expect(400))).toEqual(['weapon.serialReadable']);
  });

  it('lets the requested State answer while it waits for information it asked for (the requester may never reply)', async () => {
    const { outgoing, incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'request-information', { text: 'Which unit seized it?' });
    await outbox.drain();
    // Not delayed: the requester could then no longer send what the full answer would wait for.
    const delayed = await transition('belNpc', incoming.id, 'answer', {
      outcome: 'delayed', recordFound: true, reasonCode: 'other', reasonText: 'Waiting', expectedDate: t.clock.now().toISOString().slice(0, 10),
    }, 400);
    expect(delayed.details).toEqual([{ field: 'outcome', messages: [expect.stringContaining('wait for the information rather than delay')] }]);
    const refused = await transition('belNpc', incoming.id, 'answer', {
      outcome: 'refused', recordFound: false, reasonCode: 'other', reasonText: 'The information asked for on 1 March never came',
    });
    expect(refused).toMatchObject({ status: 'answered', answer: { outcome: 'refused' } });
    await outbox.drain();
    const atFra = (await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(atFra).toMatchObject({ status: 'answered', answer: { outcome: 'refused', reasonText: 'The information asked for on 1 March never came' } });
    // Answered, the request no longer waits for the information.
    expect((await transition('fraNpc', outgoing.id, 'provide-information', { text: 'Too late' }, 409)).code).toBe('TRACE_TRANSITION_NOT_ALLOWED');
  });

  it('shows a trace only to its State (404 elsewhere) and to the officer who opened it', async () => {
    const { outgoing, incoming } = await sentTrace();
    await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.braNpc)).expect(404);
    await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.belNpc)).expect(404);
    await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.fraNpc)).expect(404);
    await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraOfficer2)).expect(404);
    const read = await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200);
    await t.http.post(api(`/traces/${incoming.id}/acknowledge`)).set(bearer(tokens.braNpc)).set('If-Match', read.headers.etag).expect(404);
    const list = await t.http.get(api('/traces?limit=100')).set(bearer(tokens.fraOfficer2)).expect(200);
    expect(list.body.items.some((item: { id: string }) => item.id === outgoing.id)).toBe(false);
  });

  it('attaches photos of markings, judged by content, and sends them with the request, checksums intact', async () => {
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody()).expect(201);
    const upload = (etag: string, bytes: Buffer, type: string, query = '?component=receiver&caption=Left%20side') =>
      t.http.post(api(`/traces/${created.body.id}/photos${query}`)).set(bearer(tokens.fraOfficer)).set('If-Match', etag).set('content-type', type).send(bytes);
    const png = tinyPng();
    const first = await upload(created.headers.etag, png, 'image/png').expect(201);
    // A PNG declared as JPEG is stored as what it is.
    const second = await upload(first.headers.etag, png, 'image/jpeg', '').expect(201);
    const third = await upload(second.headers.etag, tinyJpeg(), 'image/jpeg', '?component=barrel').expect(201);
    expect(third.body.photos.map((p: { mediaType: string; component: string | null }) => `${p.mediaType}:${p.component}`)).toEqual(['image/png:receiver', 'image/png:null', 'image/jpeg:barrel']);
    expect(third.body.photos[0]).toMatchObject({ size: png.length, caption: 'Left side', sha256: createHash('sha256').update(png).digest('hex') });
    expect((await upload(third.headers.etag, Buffer.from('GIF89a not really'), 'image/png').expect(415)).body.code).toBe('PHOTO_TYPE_INVALID');
    // A small file that claims 5600 × 5600 pixels (125 MB once inflated), which every print of the form would decode.
    const header = Buffer.alloc(13);
    header.writeUInt32BE(5600, 0);
    header.writeUInt32BE(5600, 4);
    header.set([8, 6, 0, 0, 1], 8);
    const bomb = Buffer.concat([png.subarray(0, 8), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.alloc(1 << 20))), pngChunk('IEND', Buffer.alloc(0))]);
    const refused = await upload(third.headers.etag, bomb, 'image/png').expect(422);
    expect(refused.body).toMatchObject({ code: 'PHOTO_NOT_PRINTABLE', message: expect.stringContaining('5600 × 5600 pixels') });
    // One whose pixels do not inflate is refused now, not left out of every form printed later.
    header.writeUInt32BE(8, 0);
    header.writeUInt32BE(8, 4);
    const corrupt = Buffer.concat([png.subarray(0, 8), pngChunk('IHDR', header), pngChunk('IDAT', Buffer.from('not deflate data')), pngChunk('IEND', Buffer.alloc(0))]);
    expect((await upload(third.headers.etag, corrupt, 'image/png').expect(422)).body.message).toContain('corrupt PNG image');
    // A JPEG the form's PDF writer would misread (fill bytes before its frame) is refused now, not printed as "could not be rendered".
    expect((await upload(third.headers.etag, withFillBytes(tinyJpeg()), 'image/jpeg').expect(422)).body).toMatchObject({ code: 'PHOTO_NOT_PRINTABLE', message: expect.stringContaining('PDF writer cannot read') });
    await upload(third.headers.etag, Buffer.alloc(5 * 1024 * 1024 + 1, 1), 'image/png').expect(413);
    // A caption is one line, printed under its photo.
    const twoLines = await upload(third.headers.etag, png, 'image/png', '?caption=Left%0Aside').expect(400);
    expect(twoLines.body.details).toEqual([{ field: 'caption', messages: ['caption must be one line, without line breaks, tabs or control characters'] }]);
    await upload(first.headers.etag, png, 'image/png').expect(412);

    await transition('fraOfficer', created.body.id, 'submit');
    await upload(`"${third.body.version + 1}"`, png, 'image/png').expect(409);
    await transition('fraNpc', created.body.id, 'send');
    const incoming = await incomingCopy(created.body.id);
    const atBel = (await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body;
    expect(atBel.photos.map((p: { sha256: string }) => p.sha256)).toEqual(third.body.photos.map((p: { sha256: string }) => p.sha256));
    // Delivered, the message no longer carries the photos: BEL's copy holds them.
    const message = await ownerQuery(t, `SELECT delivered_at IS NOT NULL AS delivered, payload ? 'photos' AS photos, payload ? 'request' AS request FROM outbox_messages WHERE exchange_id = $1 AND kind = 'trace.sent'`, [created.body.id], 'FRA');
    expect(message).toEqual([{ delivered: true, photos: false, request: true }]);
    const photo = await bytes(t.http.get(api(`/traces/${incoming.id}/photos/${atBel.photos[2].id}`)).set(bearer(tokens.belNpc))).expect(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(photo.body, tinyJpeg())).toBe(0);
    expect(photo.headers['cache-control']).toBe('no-store');
    await t.http.get(api(`/traces/${incoming.id}/photos/${atBel.photos[2].id}`)).set(bearer(tokens.fraNpc)).expect(404);

    // The hash both forms print covers the photos, each by its SHA-256 in order: one swapped for another changes it.
    const exported = (await t.http.get(api(`/traces/${created.body.id}/interpol.json`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    const photos = exported.photos.map((p: Record<string, unknown>) => ({ component: p.component, caption: p.caption, mediaType: p.mediaType, sha256: p.sha256 }));
    expect(exported.contentSha256).toBe(traceForms.canonicalSha256({ traceId: created.body.id, request: exported.request, photos }));
    expect(exported.contentSha256).not.toBe(traceForms.canonicalSha256({ traceId: created.body.id, request: exported.request }));
    for (const [who, id] of [[tokens.fraNpc, created.body.id], [tokens.belNpc, incoming.id]] as const) {
      const form = await bytes(t.http.get(api(`/traces/${id}/request.pdf`)).set(bearer(who))).expect(200);
      expect(form.headers['cache-control']).toBe('no-store');
      expect(flatText((await parsePdf(form.body)).text)).toContain(`sha256:${exported.contentSha256}`);
    }
  });

  it('exports a request for the INTERPOL channel with the hash of the form; names a UN mission acting with consent and a ballistics record', async () => {
    const onBehalfOf = { kind: 'un_mission', organisation: 'MINUSCA', consentReference: 'FRA/MJ/2026-114', consentGivenOn: '2026-10-05' };
    const ballistics = { database: 'IBIN', recordNumber: 'FR-2026-000731', exchangeable: false };
    const late = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ channel: 'interpol', onBehalfOf: { ...onBehalfOf, consentGivenOn: '2027-01-01' } })).expect(400);
    expect(late.body.details.map((d: { field: string }) => d.field)).toEqual(['onBehalfOf.consentGivenOn']);
    const { outgoing, incoming } = await sentTrace({ channel: 'interpol', onBehalfOf, ballistics });
    expect(incoming).toBeDefined();
    const atBel = (await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body;
    expect(atBel).toMatchObject({ onBehalfOf, ballistics, channel: 'interpol' });
    const exported = (await t.http.get(api(`/traces/${outgoing.id}/interpol.json`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(exported).toMatchObject({ format: 'iti-trace/trace-request', formatVersion: 3, requestId: outgoing.id, request: { requestingState: 'FRA', requestedState: 'BEL', onBehalfOf, ballistics } });
    const pdf = await bytes(t.http.get(api(`/traces/${outgoing.id}/request.pdf`)).set(bearer(tokens.fraNpc))).expect(200);
    expect(flatText((await parsePdf(pdf.body)).text)).toContain(exported.contentSha256);
    await t.http.get(api(`/traces/${outgoing.id}/interpol.json`)).set(bearer(tokens.fraOfficer)).expect(403);
    // Not the requested State's copy, which carries what FRA disclosed to BEL alone; not a request not sent yet.
    const incomingCopy = await t.http.get(api(`/traces/${incoming.id}/interpol.json`)).set(bearer(tokens.belNpc)).expect(409);
    expect(incomingCopy.body).toMatchObject({ code: 'TRACE_NOT_EXPORTABLE', details: { direction: 'incoming' } });
    const draft = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ channel: 'interpol' })).expect(201);
    const unsent = await t.http.get(api(`/traces/${draft.body.id}/interpol.json`)).set(bearer(tokens.fraNpc)).expect(409);
    expect(unsent.body).toMatchObject({ code: 'TRACE_NOT_EXPORTABLE', details: { status: 'draft' } });
  });

  it('refuses a body or a query string a route does not take, naming it, rather than drop it without a word', async () => {
    const { incoming } = await sentTrace();
    const note = await transition('belNpc', incoming.id, 'acknowledge', { text: 'Received, looking into it' }, 400);
    expect(note.details).toEqual([{ field: 'body', messages: ['this request takes no body'] }]);
    const limited = await t.http.get(api(`/traces/${incoming.id}/candidates?limit=5`)).set(bearer(tokens.belNpc)).expect(400);
    expect(limited.body.details).toEqual([{ field: 'limit', messages: ['property limit should not exist'] }]);
    // Nothing happened: the copy is as it was sent; an empty body is no body.
    expect((await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body.status).toBe('sent');
    expect(await transition('belNpc', incoming.id, 'acknowledge', {})).toMatchObject({ status: 'acknowledged' });
  });

  it('answers HEAD as GET and records it as the read it is, not as a change', async () => {
    const { outgoing } = await sentTrace();
    const get = await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200);
    const head = await t.http.head(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200);
    for (const header of ['etag', 'content-type', 'cache-control']) expect({ header, value: head.headers[header] }).toEqual({ header, value: get.headers[header] });
    // A read that is not audited (the trace itself) records nothing, as its GET; an audited one (the form) is recorded as the read it is.
    const events = () => ownerQuery<{ action: string; outcome: string; target_id: string }>(t, `SELECT action, outcome, target_id FROM audit_events WHERE target_id = $1 AND action LIKE '% /traces/:id%' AND action NOT LIKE 'POST %' ORDER BY seq`, [outgoing.id], 'FRA');
    expect(await events()).toEqual([]);
    await t.http.head(api(`/traces/${outgoing.id}/request.pdf`)).set(bearer(tokens.fraNpc)).expect(200);
    expect(await events()).toEqual([{ action: 'HEAD /traces/:id/request.pdf', outcome: 'success', target_id: outgoing.id }]);
  });

  it('refuses nested fields that are not objects, naming them: nothing malformed is stored or sent', async () => {
    for (const [body, field] of [
      [requestBody({ recovery: undefined }), 'recovery'],
      [requestBody({ recovery: [] }), 'recovery'],
      [requestBody({ weapon: [] }), 'weapon'],
      [requestBody({ onBehalfOf: [] }), 'onBehalfOf'],
      [requestBody({ ballistics: [[]] }), 'ballistics'],
      [requestBody({ weapon: { ...requestBody().weapon, markings: [[]] } }), 'weapon.markings'],
    ] as [Record<string, unknown>, string][]) {
      const refused = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(body).expect(400);
      expect({ field, fields: refused.body.details.map((d: { field: string }) => d.field) }).toEqual({ field, fields: [field] });
    }
    const { incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    const chain = await transition('belNpc', incoming.id, 'answer', { outcome: 'full', recordFound: true, chain: [[]] }, 400);
    expect(chain.details.map((d: { field: string }) => d.field)).toEqual(['chain']);
  });

  it('applies a message once when its delivery is interrupted before it is marked delivered', async () => {
    const repository = t.app.get(TracesRepository);
    const spy = jest.spyOn(repository, 'markDelivered').mockRejectedValueOnce(new Error('connection lost'));
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody()).expect(201);
    await transition('fraOfficer', created.body.id, 'submit');
    await transition('fraNpc', created.body.id, 'send');
    await outbox.drain();
    // The first try was interrupted after the copy was written (the transaction and its copy went), a later one delivered it.
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(2);
    spy.mockRestore();
    await outbox.drain();
    await outbox.drain();
    expect(await ownerQuery(t, `SELECT status FROM traces WHERE exchange_id = $1`, [created.body.id], 'BEL')).toEqual([{ status: 'sent' }]);
    const delivered = await ownerQuery<{ attempts: number; delivered: boolean }>(t, `SELECT attempts, delivered_at IS NOT NULL AS delivered FROM outbox_messages WHERE exchange_id = $1`, [created.body.id], 'FRA');
    expect(delivered).toEqual([{ attempts: 1, delivered: true }]);
    const notified = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM notifications n JOIN traces t ON t.id = n.trace_id WHERE t.exchange_id = $1 AND n.kind = 'trace_received'`, [created.body.id], 'BEL');
    expect(Number(notified[0].n)).toBe(2); // one per BEL NPC, once
  });

  it('records a question a State not hosted here asked outside the system: the requester owes the information, and the answer waits for it', async () => {
    await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ('MEX', 'NPC', 'FGR', 'npc@example.mx')`, [], 'MEX');
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ requestedState: 'MEX', channel: 'interpol' })).expect(201);
    await transition('fraOfficer', created.body.id, 'submit');
    const sent = await transition('fraNpc', created.body.id, 'send');
    // Whole minutes, so that the clock keeps its seconds for the tests after this one.
    t.clock.advance(120);
    const askedAt = t.clock.now().toISOString();
    const question = { receivedAt: askedAt, via: 'interpol', reference: 'IP 2026/5120', text: 'Send photos of the receiver markings' };
    await transition('fraOfficer', created.body.id, 'record-information-request', question, 403);
    expect((await transition('fraNpc', created.body.id, 'record-information-request', { ...question, text: ' ' }, 400)).details.map((d: { field: string }) => d.field)).toEqual(['text']);
    // A question received is a request received: acknowledged then.
    const asked = await transition('fraNpc', created.body.id, 'record-information-request', question);
    expect(asked).toMatchObject({
      status: 'information_requested', acknowledgedAt: askedAt,
      informationDueAt: new Date(Date.parse(askedAt) + 14 * 24 * 3600_000).toISOString(),
      notes: [expect.objectContaining({ kind: 'information_requested', text: 'Send photos of the receiver markings', at: askedAt, byState: 'MEX' })],
    });
    const inbox = (await t.http.get(api('/notifications?limit=100')).set(bearer(tokens.fraOfficer)).expect(200)).body.items as { kind: string; traceId: string; message: string }[];
    expect(inbox).toContainEqual(expect.objectContaining({ kind: 'trace_information_requested', traceId: created.body.id, message: 'MEX asks for more information (through INTERPOL)' }));
    // The answer's deadline moves on by the time the information took.
    t.clock.advance(180);
    const given = await transition('fraNpc', created.body.id, 'provide-information', { text: 'Photos sent through INTERPOL' });
    expect(given).toMatchObject({ status: 'acknowledged', informationDueAt: null });
    expect(Date.parse(given.answerDueAt) - Date.parse(sent.answerDueAt)).toBe(180_000);
    // A second question came after the information was given, not before: the answer's pause is counted once.
    const crossed = await transition('fraNpc', created.body.id, 'record-information-request', { ...question, receivedAt: new Date(Date.parse(askedAt) + 60_000).toISOString() }, 400);
    expect(crossed.details).toEqual([{ field: 'receivedAt', messages: [`receivedAt cannot be before the information given (${given.notes.at(-1).at})`] }]);
    await transition('fraNpc', created.body.id, 'record-information-request', { ...question, receivedAt: t.clock.now().toISOString() });
    // Asked again, it answers without waiting for the information: never delayed.
    const answer = { receivedAt: t.clock.now().toISOString(), via: 'interpol', outcome: 'delayed', recordFound: true, reasonCode: 'other', reasonText: 'Archives', expectedDate: '2026-12-31' };
    expect((await transition('fraNpc', created.body.id, 'record-answer', answer, 400)).details.map((d: { field: string }) => d.field)).toEqual(['outcome']);
    expect(await transition('fraNpc', created.body.id, 'record-answer', { ...answer, outcome: 'refused', expectedDate: undefined })).toMatchObject({ status: 'answered', informationDueAt: null });
    // Asked through the system when the State is hosted here.
    const { outgoing } = await sentTrace();
    const hosted = await transition('fraNpc', outgoing.id, 'record-information-request', { ...question, receivedAt: t.clock.now().toISOString() }, 409);
    expect(hosted.code).toBe('REQUESTED_STATE_HOSTED');
    await loginAgain();
  });

  it('records an answer received outside the system no earlier than the acknowledgement recorded before it', async () => {
    await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ('CAN', 'NPC', 'RCMP', 'npc@example.ca')`, [], 'CAN');
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ requestedState: 'CAN', channel: 'interpol' })).expect(201);
    await transition('fraOfficer', created.body.id, 'submit');
    const sent = await transition('fraNpc', created.body.id, 'send');
    // Whole minutes, so that the clock keeps its seconds for the tests after this one.
    t.clock.advance(120);
    const acknowledged = await transition('fraNpc', created.body.id, 'record-acknowledgement', { receivedAt: t.clock.now().toISOString(), via: 'interpol' });
    t.clock.advance(60);
    const between = new Date(new Date(sent.sentAt).getTime() + 30_000).toISOString();
    const early = await transition('fraNpc', created.body.id, 'record-answer', { receivedAt: between, via: 'interpol', outcome: 'full', recordFound: false }, 400);
    expect(early.details).toEqual([{ field: 'receivedAt', messages: [`receivedAt cannot be before the acknowledgement (${acknowledged.acknowledgedAt})`] }]);
    const answered = await transition('fraNpc', created.body.id, 'record-answer', { receivedAt: t.clock.now().toISOString(), via: 'interpol', outcome: 'full', recordFound: false });
    expect(answered).toMatchObject({ status: 'answered', acknowledgedAt: acknowledged.acknowledgedAt });
  });

  it('records what a State not hosted here acknowledged and answered outside the system, and follows the answer up', async () => {
    await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ('USA', 'NPC', 'ATF', 'npc@example.gov')`, [], 'USA');
    const created = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ requestedState: 'USA', channel: 'interpol' })).expect(201);
    await transition('fraOfficer', created.body.id, 'submit');
    const sent = await transition('fraNpc', created.body.id, 'send');
    await outbox.drain();
    expect((await t.http.get(api(`/traces/${created.body.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body.status).toBe('sent'); // no system to deliver to
    const id = created.body.id;
    const now = t.clock.now().toISOString();
    const received = { receivedAt: now, via: 'interpol' };

    // Only the requesting State's NPC records, and only what came: not in the future, not before the request left.
    await transition('fraOfficer', id, 'record-acknowledgement', received, 403);
    const future = await transition('fraNpc', id, 'record-acknowledgement', { ...received, receivedAt: new Date(t.clock.now().getTime() + 3600_000).toISOString() }, 400);
    expect(future.details).toEqual([{ field: 'receivedAt', messages: ['receivedAt cannot be in the future'] }]);
    const early = await transition('fraNpc', id, 'record-acknowledgement', { ...received, receivedAt: '2026-01-01T12:00:00+01:00' }, 400);
    expect(early.details).toEqual([{ field: 'receivedAt', messages: [`receivedAt cannot be before the request was sent (${sent.sentAt})`] }]);
    expect((await transition('fraNpc', id, 'record-acknowledgement', { ...received, via: 'fax' }, 400)).details).toEqual([{ field: 'via', messages: ['via must be one of direct, interpol, diplomatic'] }]);
    // An instant, not a day: the reports count hours from sending.
    expect((await transition('fraNpc', id, 'record-acknowledgement', { ...received, receivedAt: now.slice(0, 10) }, 400)).details).toEqual([
      { field: 'receivedAt', messages: ['receivedAt must be a date-time with its offset (YYYY-MM-DDThh:mm:ssZ)'] },
    ]);

    const acknowledged = await transition('fraNpc', id, 'record-acknowledgement', { ...received, reference: 'IP 2026/4411' });
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedAt: now, overdueSince: null });
    expect(acknowledged.notes.at(-1)).toEqual({ kind: 'acknowledgement_received', text: 'Acknowledgement received through INTERPOL, reference IP 2026/4411', at: now, byState: 'FRA' });
    await transition('fraNpc', id, 'record-acknowledgement', received, 409);

    // A delayed answer, then the full one; each keeps what the answering State set.
    const delayed = await transition('fraNpc', id, 'record-answer', { ...received, outcome: 'delayed', recordFound: true, reasonCode: 'other', reasonText: 'Dealer records being retrieved', expectedDate: '2026-12-15', useRestrictions: ['no_publication'] });
    expect(delayed).toMatchObject({ status: 'answered', answeredAt: now, answer: { outcome: 'delayed', received: { via: 'interpol', reference: null, recordedAt: now } } });
    const answer = {
      ...received, via: 'diplomatic', reference: 'Note verbale 118/2026', outcome: 'partial', recordFound: true, reasonCode: 'national_law', reasonText: 'Buyer details withheld',
      chain: [{ event: 'exported', date: '2019-05-02', state: 'USA', counterpartState: 'ITA', licenceRef: 'DSP-5 0001' }], nextState: 'ITA',
    };
    expect((await transition('fraNpc', id, 'record-answer', { ...answer, chain: [], outcome: 'full', weaponId: randomUUID() }, 400)).details).toEqual([
      { field: 'weaponId', messages: ['property weaponId should not exist'] },
    ]);
    const answered = await transition('fraNpc', id, 'record-answer', answer);
    expect(answered).toMatchObject({
      status: 'answered', answeredAt: now,
      answer: {
        outcome: 'partial', nextState: 'ITA', useRestrictions: expect.arrayContaining(['no_publication']), earlier: [{ outcome: 'delayed' }],
        chain: [{ event: 'exported', counterpartState: 'ITA', licenceRef: 'DSP-5 0001' }],
        received: { via: 'diplomatic', reference: 'Note verbale 118/2026', recordedAt: now },
      },
    });
    expect(answered.answer.received.recordedBy).toEqual(expect.any(String));
    // What follows a partial answer adds to it: never a delay.
    const delayedAgain = await transition('fraNpc', id, 'record-answer', { ...answer, chain: [], outcome: 'delayed', expectedDate: '2027-01-15' }, 400);
    expect(delayedAgain.details).toEqual([{ field: 'outcome', messages: ['an answer that follows a partial one adds to it: full or partial'] }]);
    const inbox = await t.http.get(api('/notifications?limit=100')).set(bearer(tokens.fraOfficer)).expect(200);
    expect(inbox.body.items.filter((n: { traceId: string }) => n.traceId === id).map((n: { message: string }) => n.message)).toEqual(expect.arrayContaining([
      'USA acknowledged the trace request (through INTERPOL)', 'USA answered: partial (by diplomatic channel)',
    ]));

    // The response form says where the answer came from; the chain goes on to the State it names.
    const form = flatText((await parsePdf((await bytes(t.http.get(api(`/traces/${id}/response.pdf`)).set(bearer(tokens.fraNpc))).expect(200)).body)).text);
    expect(form).toContain('Received outside the system');
    expect(form).toContain('Diplomatic channels · reference Note verbale 118/2026');
    expect(form).toContain('Buyer details withheld');
    const child = await transition('fraNpc', id, 'follow-ups', {}, 201);
    expect(child).toMatchObject({ requestedState: 'ITA', parentId: id });

    // An answer recorded without an acknowledgement before it acknowledges the request too.
    const second = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ requestedState: 'USA', channel: 'diplomatic' })).expect(201);
    await transition('fraOfficer', second.body.id, 'submit');
    t.clock.advance(30);
    const secondSent = (await transition('fraNpc', second.body.id, 'send')).sentAt;
    // Given to the minute the request left in (as a letter's stamp reads): taken as the instant it left.
    const sameMinute = `${secondSent.slice(0, 16)}Z`;
    expect(new Date(sameMinute).getTime()).toBeLessThan(new Date(secondSent).getTime());
    const direct = await transition('fraNpc', second.body.id, 'record-answer', {
      ...received, receivedAt: sameMinute, outcome: 'refused', recordFound: false, reasonCode: 'no_record', reasonText: 'No record', classification: 'confidential',
    });
    expect(direct).toMatchObject({ status: 'answered', acknowledgedAt: secondSent, answeredAt: secondSent });

    // Closed before the answer came by letter: the answer is recorded all the same, the trace stays closed.
    const third = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ requestedState: 'USA', channel: 'diplomatic' })).expect(201);
    await transition('fraOfficer', third.body.id, 'submit');
    await transition('fraNpc', third.body.id, 'send');
    await transition('fraNpc', third.body.id, 'close', { reason: 'chain_broken' });
    const late = await transition('fraNpc', third.body.id, 'record-answer', { ...received, receivedAt: t.clock.now().toISOString(), outcome: 'partial', recordFound: true, reasonCode: 'other', reasonText: 'Late', nextState: 'ITA' });
    expect(late).toMatchObject({ status: 'closed', closeReason: 'chain_broken', answer: { outcome: 'partial', received: { via: 'interpol' } } });
    // Its supplement, when the investigation that held the rest back is over; a full answer is the last.
    const supplement = await transition('fraNpc', third.body.id, 'record-answer', { ...received, receivedAt: t.clock.now().toISOString(), outcome: 'full', recordFound: true, nextState: 'ITA' });
    expect(supplement).toMatchObject({ status: 'closed', answer: { outcome: 'full', earlier: [expect.objectContaining({ outcome: 'partial', reasonText: 'Late' })] } });
    await transition('fraNpc', third.body.id, 'record-answer', { ...received, receivedAt: t.clock.now().toISOString(), outcome: 'full', recordFound: true }, 409);
    // Withdrawn before it was sent: nothing came back.
    const withdrawn = await t.http.post(api('/traces')).set(bearer(tokens.fraOfficer)).send(requestBody({ requestedState: 'USA', channel: 'diplomatic' })).expect(201);
    await transition('fraOfficer', withdrawn.body.id, 'withdraw', {});
    const never = await transition('fraNpc', withdrawn.body.id, 'record-answer', { ...received, receivedAt: t.clock.now().toISOString(), outcome: 'full', recordFound: true }, 409);
    expect(never).toMatchObject({ code: 'TRACE_TRANSITION_NOT_ALLOWED', details: { closeReason: 'withdrawn' } });

    // A State hosted here answers on its own copy: the requester records nothing for it.
    const { outgoing } = await sentTrace();
    expect(await transition('fraNpc', outgoing.id, 'record-answer', { ...answer, outcome: 'full', chain: [] }, 409)).toMatchObject({ code: 'REQUESTED_STATE_HOSTED' });
    expect(await transition('fraNpc', outgoing.id, 'record-acknowledgement', received, 409)).toMatchObject({ code: 'REQUESTED_STATE_HOSTED' });

    // USA hosted here later: the request still waiting for it arrives; its answer through the system keeps the one recorded.
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code = 'USA'`);
    await outbox.drain();
    tokens.usaNpc = await login(t, await createUser(t, { stateCode: 'USA', roles: ['npc'], mfaExempt: true }));
    const list = await t.http.get(api('/traces?direction=incoming&limit=100')).set(bearer(tokens.usaNpc)).expect(200);
    const atUsa = list.body.items.find((item: { exchangeId: string }) => item.exchangeId === second.body.id);
    await transition('usaNpc', atUsa.id, 'acknowledge');
    t.clock.advance(60);
    await transition('usaNpc', atUsa.id, 'answer', { outcome: 'partial', recordFound: true, reasonCode: 'other', reasonText: 'More to come' });
    await outbox.drain();
    t.clock.advance(60);
    await transition('usaNpc', atUsa.id, 'answer', { outcome: 'full', recordFound: true });
    await outbox.drain();
    const both = (await t.http.get(api(`/traces/${second.body.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    // Answered when the refusal came by letter, not when the answers through the system came: USA was not late.
    expect(both).toMatchObject({ acknowledgedAt: secondSent, answeredAt: secondSent, answer: { outcome: 'full' } });
    // The recorded answer is in the notes, not among the answers USA itself gave before its full one.
    expect(both.answer.earlier).toEqual([expect.objectContaining({ outcome: 'partial', reasonText: 'More to come' })]);
    expect(both.notes.at(-1)).toMatchObject({
      kind: 'answer_received_outside', text: `Answer received through INTERPOL, at ${secondSent}, recorded by ${answered.answer.received.recordedBy}: refused (no_record: No record)`,
      answer: { outcome: 'refused', recordFound: false, reasonText: 'No record', useRestrictions: direct.answer.useRestrictions, received: { via: 'interpol', recordedAt: direct.answer.received.recordedAt } },
    });
    // What the recorded answer set still binds FRA: a follow-up is classified as it was.
    expect((await transition('fraNpc', second.body.id, 'follow-ups', { requestedState: 'ITA' }, 201)).classification).toBe('confidential');
    // Both States' response forms hash the same answer.
    const hashOf = async (token: Tokens, id: string) => /sha256:([0-9a-f]{64})/.exec(flatText((await parsePdf((await bytes(t.http.get(api(`/traces/${id}/response.pdf`)).set(bearer(token)))).body)).text))?.[1];
    expect(await hashOf(tokens.fraNpc, second.body.id)).toBe(await hashOf(tokens.usaNpc, atUsa.id));
    // As docs/tracing.md says a reader recomputes it: the exchange's id and the answer as GET /traces/:id gives them.
    const copy = (await t.http.get(api(`/traces/${atUsa.id}`)).set(bearer(tokens.usaNpc)).expect(200)).body;
    expect(await hashOf(tokens.usaNpc, atUsa.id)).toBe(createHash('sha256').update(canonicalize({ traceId: copy.exchangeId, answer: copy.answer })!).digest('hex'));
  });

  it('prints the request and the answer as forms that carry the same hash for both States', async () => {
    const { outgoing, incoming } = await sentTrace({ requestingAuthority: 'Gendarmerie nationale — Côte d\'Ivoire section' });
    const atFra = await bytes(t.http.get(api(`/traces/${outgoing.id}/request.pdf`)).set(bearer(tokens.fraNpc))).expect(200);
    expect(atFra.headers['content-type']).toBe('application/pdf');
    const atBel = await bytes(t.http.get(api(`/traces/${incoming.id}/request.pdf`)).set(bearer(tokens.belNpc))).expect(200);
    const [fraText, belText] = [flatText((await parsePdf(atFra.body)).text), flatText((await parsePdf(atBel.body)).text)];
    const hashOf = (text: string) => /sha256:([0-9a-f]{64})/.exec(text)?.[1];
    expect(hashOf(fraText)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(belText)).toBe(hashOf(fraText));
    // When the officer submitted it is the requesting State's own step: on its form only, not "not recorded" on the other's.
    expect(fraText).toMatch(/Submitted \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    expect(belText).not.toContain('Submitted');
    expect(fraText).toContain(`iti-trace:request:${outgoing.id}:sha256:`);
    expect(fraText).toContain("Gendarmerie nationale — Côte d'Ivoire section");
    expect(fraText).toContain('FN HERSTAL');
    // Where an answer goes, as the requesting State's directory says, on both States' forms.
    for (const text of [fraText, belText]) expect(text).toMatch(/Contact points of the requesting State, for the answer\s+• NPC — Agency — npc@example\.org/);
    const elsewhere = await t.http.get(api(`/traces/${outgoing.id}/request.pdf`)).set(bearer(tokens.braNpc)).expect(404);
    expect(elsewhere.headers['content-type']).toMatch(/^application\/json/);
    expect(elsewhere.headers['content-disposition']).toBeUndefined();
    await t.http.get(api(`/traces/${incoming.id}/response.pdf`)).set(bearer(tokens.belNpc)).expect(409);

    await transition('belNpc', incoming.id, 'acknowledge');
    await transition('belNpc', incoming.id, 'answer', { outcome: 'refused', recordFound: true, reasonCode: 'ongoing_criminal_investigation', reasonText: 'Investigation 2026/44 in progress', useRestrictions: ['no_publication'] });
    await outbox.drain();
    const response = await bytes(t.http.get(api(`/traces/${outgoing.id}/response.pdf`)).set(bearer(tokens.fraOfficer))).expect(200);
    const parsed = await parsePdf(response.body);
    expect(flatText(parsed.text)).toContain('Investigation 2026/44 in progress');
    // The restrictions of the request and of the answer, on every page.
    for (const page of parsed.pages) expect(flatText(page)).toMatch(/Law enforcement only.*No publication|No publication.*Law enforcement only/);
  });

  it('lists a user\'s few unread notifications among many read through an index (query plan)', async () => {
    const user = await createUser(t, { stateCode: 'BEL', roles: ['npc'], mfaExempt: true });
    await ownerQuery(t, `INSERT INTO notifications (state_code, user_id, kind, message, created_at, read_at)
                         SELECT 'BEL', $1, 'trace_received', 'Read long ago', now() - interval '1 day' + n * interval '1 ms', now() FROM generate_series(1, 20000) AS n`, [user.id], 'BEL');
    await ownerQuery(t, `INSERT INTO notifications (state_code, user_id, kind, message, created_at) VALUES ('BEL', $1, 'trace_received', 'Not read yet', now() - interval '2 days')`, [user.id], 'BEL');
    await ownerQuery(t, 'ANALYZE notifications');
    const plan = await queryPlan(t, `SELECT n.* FROM notifications n WHERE n.state_code = 'BEL' AND n.user_id = $1 AND n.read_at IS NULL ORDER BY n.created_at DESC, n.id DESC LIMIT 51`,
      { params: [user.id], stateCode: 'BEL', asApp: true, analyze: true });
    expect(plan).toContain('IDX_notifications_unread');
    expect(plan).not.toContain('Rows Removed by Filter');
    const unread = await t.http.get(api('/notifications?unread=true')).set(bearer(await login(t, user))).expect(200);
    expect(unread.body.items.map((n: { message: string }) => n.message)).toEqual(['Not read yet']);
  });

  it('dates the information a requester owes when its copy was asked before copies kept the date, and clears it at the close', async () => {
    const { outgoing, incoming } = await sentTrace();
    await transition('belNpc', incoming.id, 'acknowledge');
    const asked = await transition('belNpc', incoming.id, 'request-information', { text: 'Which unit seized it?' });
    await outbox.drain();
    await ownerQuery(t, `UPDATE traces SET information_due_at = NULL WHERE id = $1`, [outgoing.id], 'FRA');
    // Another, whose note (from another node) gives no time it can read: passed over, the job goes on.
    const garbled = await sentTrace();
    await transition('belNpc', garbled.incoming.id, 'acknowledge');
    await transition('belNpc', garbled.incoming.id, 'request-information', { text: 'Which unit?' });
    await outbox.drain();
    // A time shaped as one but that is none (February 30th) is passed over as well.
    await ownerQuery(t, `UPDATE traces SET information_due_at = NULL, notes = jsonb_set(notes, '{0,at}', '"2026-02-30T25:61:00Z"') WHERE id = $1`, [garbled.outgoing.id], 'FRA');
    await t.app.get(DeadlineJob).run();
    const dated = (await t.http.get(api(`/traces/${outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(new Date(dated.informationDueAt).getTime()).toBe(new Date(asked.notes.at(-1).at).getTime() + 14 * 24 * 3600_000);
    expect((await t.http.get(api(`/traces/${garbled.outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body.informationDueAt).toBeNull();
    const closed = await transition('fraNpc', outgoing.id, 'close', { reason: 'chain_broken' });
    expect(closed).toMatchObject({ status: 'closed', informationDueAt: null });
  });

  // Last: it moves the clock on by a day.
  it('marks overdue traces once and reminds the NPCs in their inbox', async () => {
    const { incoming } = await sentTrace({ priority: 'urgent', urgentJustification: 'Suspect in custody for 48 hours' });
    // Waiting for the requester's information is not late: acknowledged, then asked, past the answer deadline.
    const waiting = await sentTrace({ priority: 'urgent', urgentJustification: 'Second suspect' });
    await transition('belNpc', waiting.incoming.id, 'acknowledge');
    await transition('belNpc', waiting.incoming.id, 'request-information', { text: 'Which unit seized it?' });
    // A delayed answer that expects the full one today: late tomorrow.
    const delayed = await sentTrace();
    await transition('belNpc', delayed.incoming.id, 'acknowledge');
    await transition('belNpc', delayed.incoming.id, 'answer', { outcome: 'delayed', recordFound: true, reasonCode: 'other', reasonText: 'Archives being moved', expectedDate: t.clock.now().toISOString().slice(0, 10) });
    // Another node's answer is stored as it came: a date that is no date neither stops the job nor counts as late.
    const garbled = await sentTrace();
    await transition('belNpc', garbled.incoming.id, 'acknowledge');
    await transition('belNpc', garbled.incoming.id, 'answer', { outcome: 'delayed', recordFound: true, reasonCode: 'other', reasonText: 'Archives being moved', expectedDate: t.clock.now().toISOString().slice(0, 10) });
    await outbox.drain();
    await ownerQuery(t, `UPDATE traces SET answer = jsonb_set(answer, '{expectedDate}', '"2026-02-30"') WHERE id = $1`, [garbled.outgoing.id], 'FRA');
    // The requester owes the information asked for, from the question's delivery: 3 days for an urgent request.
    const owing = (await t.http.get(api(`/traces/${waiting.outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body;
    expect(owing.status).toBe('information_requested');
    expect(new Date(owing.informationDueAt).getTime()).toBe(t.clock.now().getTime() + 3 * 24 * 3600_000);
    expect((await t.http.get(api(`/traces/${waiting.incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body.informationDueAt).toBeNull();
    t.clock.advance(25 * 3600);
    tokens.belNpc = await login(t, belNpcUser); // access tokens last 15 minutes
    await ownerQuery(t, `UPDATE users SET email = 'npc@police.example.be' WHERE id = $1`, [belNpcUser.id], 'BEL');
    const job = t.app.get(DeadlineJob);
    const read = (await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body;
    expect(await job.run()).toBeGreaterThanOrEqual(2); // the incoming copy at BEL and the outgoing one at FRA
    expect(await job.run()).toBe(0);
    // Marked overdue, the copy has a new version: an acknowledgement made on what was read before is told to read it again.
    const marked = await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200);
    expect(marked.body.version).toBe(read.version + 1);
    expect(marked.headers.etag).toBe(`"${read.version + 1}"`);
    await t.http.post(api(`/traces/${incoming.id}/acknowledge`)).set(bearer(tokens.belNpc)).set('If-Match', `"${read.version}"`).expect(412);
    const inbox = await t.http.get(api('/notifications?unread=true&limit=100')).set(bearer(tokens.belNpc)).expect(200);
    // Newest first; page by page, the same list.
    const times = inbox.body.items.map((n: { createdAt: string }) => n.createdAt);
    expect(new Set(times).size).toBeGreaterThan(1);
    expect(times).toEqual([...times].sort().reverse());
    const paged = (await allPages<{ id: string }>(t, tokens.belNpc, api('/notifications'), { unread: 'true', limit: 1 })).map((n) => n.id);
    expect(paged).toEqual(inbox.body.items.map((n: { id: string }) => n.id));
    const reminder = inbox.body.items.find((n: { kind: string; traceId: string }) => n.kind === 'trace_overdue' && n.traceId === incoming.id);
    expect(reminder.message).toContain('acknowledgement');
    await t.http.post(api(`/notifications/${reminder.id}/read`)).set(bearer(tokens.belNpc)).expect(200);
    const after = await t.http.get(api('/notifications?unread=true&limit=100')).set(bearer(tokens.belNpc)).expect(200);
    expect(after.body.items.some((n: { id: string }) => n.id === reminder.id)).toBe(false);
    expect((await t.http.get(api(`/traces/${incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body.overdueSince).not.toBeNull();
    const lateFull = inbox.body.items.find((n: { kind: string; traceId: string }) => n.kind === 'trace_overdue' && n.traceId === delayed.incoming.id);
    expect(lateFull.message).toMatch(/^Overdue: the full answer \(after its delayed one\) of the trace request from FRA was due \d{4}-\d\d-\d\d$/);
    const fraNpc = await login(t, fraNpcUser);
    expect((await t.http.get(api(`/traces/${delayed.outgoing.id}`)).set(bearer(fraNpc)).expect(200)).body.overdueSince).not.toBeNull();
    expect((await t.http.get(api(`/traces/${garbled.outgoing.id}`)).set(bearer(fraNpc)).expect(200)).body.overdueSince).toBeNull();
    expect((await t.http.get(api(`/traces/${waiting.outgoing.id}`)).set(bearer(fraNpc)).expect(200)).body.overdueSince).toBeNull(); // due in 2 days
    t.clock.advance(8 * 24 * 3600); // past the urgent answer deadline too
    tokens.belNpc = await login(t, belNpcUser);
    await job.run();
    const asked = (await t.http.get(api(`/traces/${waiting.incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body;
    expect(asked.overdueSince).toBeNull();
    // The requester is late with the information: its copy is marked, its NPCs and the officer reminded.
    tokens.fraNpc = await login(t, fraNpcUser);
    tokens.fraOfficer = await login(t, fraOfficerUser);
    expect((await t.http.get(api(`/traces/${waiting.outgoing.id}`)).set(bearer(tokens.fraNpc)).expect(200)).body.overdueSince).not.toBeNull();
    for (const who of ['fraNpc', 'fraOfficer']) {
      const fraInbox = await t.http.get(api('/notifications?unread=true&limit=100')).set(bearer(tokens[who])).expect(200);
      const owed = fraInbox.body.items.find((n: { kind: string; traceId: string }) => n.kind === 'trace_overdue' && n.traceId === waiting.outgoing.id);
      expect(owed.message).toBe(`Overdue: the information BEL asked for was due ${owing.informationDueAt}`);
    }
    // The information given, the answer is due as many days later as the requested State waited for it.
    const given = await transition('fraNpc', waiting.outgoing.id, 'provide-information', { text: 'Brigade mobile de recherche, Marseille' });
    expect(given).toMatchObject({ status: 'acknowledged', informationDueAt: null, overdueSince: null });
    await outbox.drain();
    const resumed = (await t.http.get(api(`/traces/${waiting.incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body;
    const waited = new Date(given.notes.at(-1).at).getTime() - new Date(asked.notes.at(-1).at).getTime();
    expect(waited).toBeGreaterThan(9 * 24 * 3600 * 1000);
    expect(new Date(resumed.answerDueAt).getTime()).toBe(new Date(asked.answerDueAt).getTime() + waited);
    expect(given.answerDueAt).toBe(resumed.answerDueAt);
    expect(await job.run()).toBe(0);
    // Closed, a trace is owed nothing: the mark goes, on the copy closed and on the other State's.
    expect((await t.http.get(api(`/traces/${delayed.incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body.overdueSince).not.toBeNull();
    expect(await transition('fraNpc', delayed.outgoing.id, 'close', { reason: 'chain_broken' })).toMatchObject({ status: 'closed', overdueSince: null });
    await outbox.drain();
    expect((await t.http.get(api(`/traces/${delayed.incoming.id}`)).set(bearer(tokens.belNpc)).expect(200)).body).toMatchObject({ status: 'closed', overdueSince: null });

    // The e-mail copy says where to look, and carries none of the trace.
    for (let i = 0; i < 50 && !mails.some((m) => m.to.includes('npc@police.example.be')); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const mail = mails.find((m) => m.to.includes('npc@police.example.be'));
    expect(mail?.body).toContain('Subject: ITI Trace: trace overdue');
    expect(mail?.body).not.toContain(incoming.id);
    expect(mail?.body).not.toContain('Marseille');
  });
});
