import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutboxWorker } from '../src/tracing/outbox.worker';
import { tinyPng } from './support/images';
import { bearer, createTestApp, createUser, login, ownerQuery, TestApp, Tokens } from './support/test-app';
import { traceRequestBody } from './support/traces';
import { manufacturedWeapon, uniqueSerial } from './support/weapons';

type Schema = Record<string, unknown>;
interface Operation { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }

/**
 * The API answers what docs/openapi.json says it answers: each JSON response of the routes below, from
 * one real run of the registry and tracing workflows, is validated against its operation's documented
 * schema for that status. Documented objects are closed (an undocumented field fails too), every
 * documented required field must be there, and nullable fields are the only ones that may be null.
 */
describe('responses match the OpenAPI document', () => {
  let t: TestApp;
  const tokens: Record<string, Tokens> = {};
  const doc = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI 3.0 into JSON Schema: an object with documented properties takes no others, and `nullable`
  // (which OpenAPI puts beside a $ref in allOf too) also admits null.
  const closed = JSON.parse(JSON.stringify(doc.components.schemas), (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    let schema = value as Schema;
    if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) schema = { ...schema, additionalProperties: false };
    if (schema.nullable === true) {
      const { nullable: _nullable, ...rest } = schema;
      return { anyOf: [rest, { type: 'null' }] };
    }
    return schema;
  }) as Record<string, Schema>;
  ajv.addSchema({ $id: 'api', components: { schemas: closed } });
  const validators = new Map<string, ValidateFunction>();
  const checked: string[] = [];

  /**
   * Calls `method template` with `params`, and checks the answer against the documented schema of its status
   * (an error, `expected`, against the one every operation documents for the statuses it does not list).
   */
  async function call(
    who: string | null,
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    template: string,
    options: { params?: Record<string, string>; body?: unknown; query?: string; headers?: Record<string, string>; expected?: number } = {},
  ) {
    const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(options.params?.[name] ?? ''));
    let request = t.http[method](`/api/v1${path}${options.query ?? ''}`);
    if (who) request = request.set(bearer(tokens[who]));
    for (const [name, value] of Object.entries(options.headers ?? {})) request = request.set(name, value);
    const response = await (options.body === undefined ? request : request.send(options.body as object));
    const route = `${method.toUpperCase()} ${template} → ${response.status}`;
    if (options.expected) expect({ route, status: response.status }).toEqual({ route, status: options.expected });
    else expect({ route, success: response.status < 300, body: response.status < 300 ? null : response.body }).toEqual({ route, success: true, body: null });
    const responses = doc.paths[`/api/v1${template}`]?.[method]?.responses;
    const schema = (responses?.[String(response.status)] ?? (options.expected ? responses?.default : undefined))?.content?.['application/json']?.schema;
    expect({ route, documented: Boolean(schema) }).toEqual({ route, documented: true });
    let validate = validators.get(route);
    if (!validate) {
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/')) as Schema);
      validators.set(route, validate);
    }
    const valid = validate(response.body);
    expect({ route, errors: valid ? [] : validate.errors }).toEqual({ route, errors: [] });
    checked.push(route);
    return response;
  }

  beforeAll(async () => {
    t = await createTestApp({ OUTBOX_POLL_MS: '0', TRACE_DEADLINE_JOB_SECONDS: '0' });
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code IN ('FRA', 'BEL')`);
    await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ('BEL', 'NPC', 'Agency', 'npc@example.org')`, [], 'BEL');
    const users: [string, string, ('officer' | 'npc' | 'registrar' | 'auditor' | 'admin')[]][] = [
      ['officer', 'FRA', ['officer']], ['npc', 'FRA', ['npc']], ['registrar', 'FRA', ['registrar']], ['auditor', 'FRA', ['auditor']],
      ['admin', 'FRA', ['admin']], ['belNpc', 'BEL', ['npc']], ['belRegistrar', 'BEL', ['registrar']],
    ];
    for (const [name, stateCode, roles] of users) tokens[name] = await login(t, await createUser(t, { stateCode, roles, mfaExempt: true }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('for the registry, reference data, States, users and reports', async () => {
    await call('registrar', 'get', '/auth/me');
    await call('admin', 'get', '/users');
    const user = (await call('admin', 'post', '/users', { body: { username: `contract.${uniqueSerial('')}`.toLowerCase(), displayName: 'Contract Test', password: 'a long enough password', roles: ['auditor'] } })).body;
    await call('admin', 'get', '/users/{id}', { params: { id: user.id } });
    await call('admin', 'patch', '/users/{id}', { params: { id: user.id }, body: { displayName: 'Contract Test 2' } });
    await call('registrar', 'get', '/states', { query: '?limit=5' });
    await call('registrar', 'get', '/states/{code}', { params: { code: 'FRA' } });
    await call('registrar', 'get', '/states/{code}/contact-points', { params: { code: 'BEL' } });
    const point = (await call('admin', 'post', '/states/{code}/contact-points', { params: { code: 'FRA' }, body: { name: 'NPC France', agency: 'OCLCO', email: 'npc@interieur.example.fr' } })).body;
    await call('admin', 'patch', '/states/{code}/contact-points/{id}', { params: { code: 'FRA', id: point.id }, body: { phone: '+33 1 00 00 00 00' } });
    await call('registrar', 'get', '/reference/weapon-types', { query: '?limit=5' });
    await call('registrar', 'get', '/reference/calibres', { query: '?q=9mm' });
    await call('registrar', 'get', '/reference/manufacturers', { query: '?q=FN' });
    const code = uniqueSerial('c').toLowerCase();
    await call('registrar', 'post', '/reference/calibres', { body: { code, name: `Contract calibre ${code}`, aliases: [] } });
    await call('registrar', 'post', '/reference/manufacturers', { body: { code, name: `Contract Arms ${code}`, country: 'FRA', aliases: [] } });

    const serial = uniqueSerial('OA');
    const weapon = (await call('registrar', 'post', '/weapons', { body: manufacturedWeapon({ serial, occurredOn: '1980-05-02', yearOfManufacture: 1980, custodian: 'Contract Dealer' }) })).body;
    await call('registrar', 'get', '/weapons', { query: '?limit=5' });
    await call('registrar', 'get', '/weapons/{id}', { params: { id: weapon.id } });
    await call('registrar', 'post', '/weapons/search', { body: { serial } });
    await call('registrar', 'post', '/weapons/search', { body: { serial: `${serial.slice(0, 4)}*` } });
    await call('registrar', 'post', '/weapons/{id}/markings', { params: { id: weapon.id }, body: { markings: [{ kind: 'import', component: 'frame', text: 'FRA 2021', country: 'FRA', year: 2021 }] } });
    await call('registrar', 'post', '/weapons/{id}/events', { params: { id: weapon.id }, body: { type: 'stolen', occurredOn: '2025-01-02' } });
    const proof = (await call('registrar', 'post', '/weapons/{id}/markings', { params: { id: weapon.id }, body: { markings: [{ kind: 'proof', component: 'barrel', text: 'PV 99Q1' }] } })).body;
    // A correction of the first event with a description (from → to) and a withdrawn marking.
    await call('registrar', 'post', '/weapons/{id}/events', {
      params: { id: weapon.id },
      body: {
        type: 'corrected', occurredOn: '1980-05-02', correctsEventId: weapon.events[0].id, description: { model: 'FNC 80', yearOfManufacture: 1979 },
        withdrawsMarkings: [proof.markings.find((m: { kind: string }) => m.kind === 'proof').id],
      },
    });
    const held = (await call('registrar', 'post', '/weapons/{id}/legal-holds', { params: { id: weapon.id }, body: { reason: 'Court order 2026/118' } })).body;
    await call('registrar', 'delete', '/weapons/{id}/legal-holds/{holdId}', { params: { id: weapon.id, holdId: held.legalHolds[0].id } });
    await call('registrar', 'post', '/registry/custody-transfers', { body: { fromCustodian: 'Contract Dealer', occurredOn: '2026-11-01' } });
    await call('registrar', 'get', '/registry/closed-custodians');
    await call('registrar', 'get', '/registry/settings');
    await call('registrar', 'put', '/registry/settings', { body: { rulePolicies: { '8d': 'flag' } } });
    const csv = `origin,occurred_on,type,manufacturer,model,calibre,serial,country_of_manufacture,year_of_manufacture,status,holder,custodian,counterpart_state,licence_ref,craft_or_3d_printed,marking_text,marking_component,import_marking_text,import_marking_year\nmanufactured,2021-04-01,pistol,Glock,G17,9mm Luger,${uniqueSerial('OI')},AUT,2021,,,,,,,GLOCK AUSTRIA,slide,,\n`;
    const imported = (await call('registrar', 'post', '/weapons/imports', { body: csv, headers: { 'content-type': 'text/csv' } })).body;
    await call('registrar', 'get', '/weapons/imports/{id}', { params: { id: imported.id } });
    await call('auditor', 'get', '/reports/record-keeping/missing-fields');
    await call('auditor', 'get', '/reports/record-keeping');
    await call('auditor', 'get', '/audit/events', { query: '?limit=5' });
    await call('auditor', 'get', '/audit/verify');
    await call('auditor', 'get', '/audit/checkpoint');
  });

  it('for a trace from its draft to its follow-up, and the inbox', async () => {
    const etag = (response: { headers: Record<string, string> }) => ({ 'If-Match': response.headers.etag });
    const weapon = (await call('registrar', 'post', '/weapons', { body: manufacturedWeapon() })).body;
    let outgoing = await call('officer', 'post', '/traces', { body: traceRequestBody({ weaponId: weapon.id }) });
    const id = outgoing.body.id as string;
    outgoing = await call('officer', 'patch', '/traces/{id}', { params: { id }, body: { intendedUse: 'Criminal investigation, contract test' }, headers: etag(outgoing) });
    outgoing = await call('officer', 'post', '/traces/{id}/photos', { params: { id }, query: '?component=receiver', body: tinyPng(), headers: { ...etag(outgoing), 'content-type': 'image/png' } });
    outgoing = await call('officer', 'post', '/traces/{id}/submit', { params: { id }, headers: etag(outgoing) });
    outgoing = await call('npc', 'post', '/traces/{id}/return', { params: { id }, body: { text: 'Add the seizure order number' }, headers: etag(outgoing) });
    outgoing = await call('officer', 'post', '/traces/{id}/submit', { params: { id }, headers: etag(outgoing) });
    outgoing = await call('npc', 'post', '/traces/{id}/send', { params: { id }, headers: etag(outgoing) });
    await call('npc', 'get', '/traces/{id}/interpol.json', { params: { id } });
    await call('officer', 'get', '/traces', { query: '?direction=outgoing&limit=5' });
    await t.app.get(OutboxWorker).drain();

    const [{ id: incomingId }] = await ownerQuery<{ id: string }>(t, `SELECT id FROM traces WHERE exchange_id = $1 AND direction = 'incoming'`, [outgoing.body.exchangeId], 'BEL');
    let incoming = await call('belNpc', 'get', '/traces/{id}', { params: { id: incomingId } });
    incoming = await call('belNpc', 'post', '/traces/{id}/acknowledge', { params: { id: incomingId }, headers: etag(incoming) });
    await call('belNpc', 'post', '/traces/{id}/request-information', { params: { id: incomingId }, body: { text: 'Which unit seized it?' }, headers: etag(incoming) });
    await t.app.get(OutboxWorker).drain();
    outgoing = await call('npc', 'get', '/traces/{id}', { params: { id } });
    await call('npc', 'post', '/traces/{id}/provide-information', { params: { id }, body: { text: 'The customs brigade of Marseille' }, headers: etag(outgoing) });
    await t.app.get(OutboxWorker).drain();
    await call('belNpc', 'get', '/traces/{id}/candidates', { params: { id: incomingId } });
    incoming = await call('belNpc', 'get', '/traces/{id}', { params: { id: incomingId } });
    await call('belNpc', 'post', '/traces/{id}/answer', {
      params: { id: incomingId }, headers: etag(incoming),
      body: { outcome: 'partial', reasonCode: 'ongoing_criminal_investigation', reasonText: 'Part of the chain is under investigation', recordFound: true, nextState: 'FRA', chain: [{ event: 'exported', date: '2019-06-01', state: 'BEL', counterpartState: 'FRA', licenceRef: 'EXP-1' }] },
    });
    await t.app.get(OutboxWorker).drain();
    outgoing = await call('npc', 'get', '/traces/{id}', { params: { id } });
    const child = await call('npc', 'post', '/traces/{id}/follow-ups', { params: { id }, body: { requestedState: 'BEL' }, headers: etag(outgoing) });
    outgoing = await call('npc', 'get', '/traces/{id}', { params: { id } });
    await call('npc', 'post', '/traces/{id}/close', { params: { id }, body: { reason: 'chain_broken', note: 'Continued in the follow-up' }, headers: etag(outgoing) });
    expect(child.body.parentId).toBe(id);

    const inbox = await call('npc', 'get', '/notifications', { query: '?limit=5' });
    // FRA's NPC has been told of BEL's answer by now.
    expect(inbox.body.items.length).toBeGreaterThan(0);
    await call('npc', 'post', '/notifications/{id}/read', { params: { id: inbox.body.items[0].id } });
    const kase = await call('officer', 'post', '/cases', { body: { reference: 'PJ-CONTRACT-1', offence: 'Arms trafficking', narrative: 'Seized at a customs check', persons: [], placeOfRecovery: 'Marseille', investigatingAgency: 'PJ Marseille' } });
    await call('officer', 'get', '/cases/{id}', { params: { id: kase.body.id } });
    // The reports once there are traces to count, in both directions.
    const tracing = await call('auditor', 'get', '/reports/tracing');
    expect(tracing.body.byCounterpart.length).toBeGreaterThan(0);
    await call('npc', 'get', '/reports/national');
    await call('auditor', 'get', '/reports/record-keeping');
  });

  it('for errors, each in the one shape every operation documents', async () => {
    const body = (response: { body: { code: string; details?: unknown } }) => response.body;
    expect(body(await call(null, 'get', '/weapons', { expected: 401 }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(body(await call('registrar', 'post', '/weapons', { body: { ...manufacturedWeapon(), serial: 7 }, expected: 400 }))).toMatchObject({
      code: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.objectContaining({ field: 'serial' })]),
    });
    expect(body(await call('officer', 'get', '/audit/events', { expected: 403 }))).toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(body(await call('registrar', 'get', '/weapons/{id}', { params: { id: '01937c2e-7a4b-7c1d-9f0e-3b2a1c0d9e8f' }, expected: 404 }))).toMatchObject({ code: 'WEAPON_NOT_FOUND' });
    const created = await call('officer', 'post', '/traces', { body: traceRequestBody() });
    expect(body(await call('officer', 'post', '/traces/{id}/submit', { params: { id: created.body.id }, headers: { 'if-match': '"7"' }, expected: 412 }))).toMatchObject({
      code: 'VERSION_MISMATCH', details: { currentVersion: 1 },
    });
    expect(body(await call('npc', 'post', '/traces/{id}/send', { params: { id: created.body.id }, headers: { 'if-match': created.headers.etag }, expected: 409 }))).toMatchObject({
      code: 'TRACE_TRANSITION_NOT_ALLOWED', details: expect.objectContaining({ status: 'draft' }),
    });
  });

  it('checked the routes it meant to', () => {
    // Most JSON routes of the document, each at least once (the rest: 204s, files, reports in three formats, health).
    expect(new Set(checked.map((route) => route.split(' → ')[0])).size).toBeGreaterThanOrEqual(50);
  });
});
