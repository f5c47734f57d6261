import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { ClientRequest, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { withDatabase } from '../src/database/database-runtime';
import { AppConfig } from '../src/config/app-config';
import { Db } from '../src/database/db';
import { AbandonedImportsJob } from '../src/registry/imports/abandoned-imports.job';
import { ImportsService } from '../src/registry/imports/imports.service';
import { IMPORT_COLUMNS } from '../src/registry/imports/import-format';
import { runCli } from './support/cli';
import { allPages, bearer, createTestApp, createUser, inOwnerTransaction, login, ownerQuery, TestApp, Tokens, untilWaitingForLocks } from './support/test-app';
import { IMPORT_HEADER as HEADER, importRow as row, manufacturedWeapon, uniqueSerial, weaponsWithStaleSummary } from './support/weapons';

function manufactured(serial: string, overrides: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {}) {
  return row({
    origin: 'manufactured', occurred_on: '2021-04-01', type: 'pistol', manufacturer: 'Glock', model: 'G17', calibre: '9mm Luger', serial,
    country_of_manufacture: 'AUT', year_of_manufacture: '2021', marking_text: `GLOCK AUSTRIA ${serial}`, marking_component: 'slide', ...overrides,
  });
}

/**
 * An import sent as a client streaming a file sends it, over a connection of its own (supertest sends a body
 * whole): the caller writes the body to `request`, and `answer` comes once it has ended it.
 */
async function streamImport(t: TestApp, tokens: Tokens, contentLength?: number): Promise<{ request: ClientRequest; answer: Promise<{ status: number; body: string }> }> {
  const port = (t.app.getHttpServer().address() as AddressInfo | null)?.port ?? (await t.app.listen(0, '127.0.0.1'), (t.app.getHttpServer().address() as AddressInfo).port);
  const length = contentLength === undefined ? {} : { 'content-length': contentLength };
  const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/weapons/imports', headers: { ...bearer(tokens), 'content-type': 'text/csv', ...length } });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
  return { request, answer };
}

describe('bulk import (CSV)', () => {
  let t: TestApp;
  let registrar: Tokens;
  let braRegistrar: Tokens;

  const post = (csv: string, tokens = registrar) => t.http.post('/api/v1/weapons/imports').set(bearer(tokens)).set('content-type', 'text/csv').send(csv);
  const found = async (serial: string) => (await t.http.post('/api/v1/weapons/search').set(bearer(registrar)).send({ serial }).expect(200)).body.items;

  beforeAll(async () => {
    // The abandoned imports job runs when a test asks, never on its own in the middle of one.
    t = await createTestApp({ IMPORT_ABANDONED_JOB_SECONDS: '0' });
    registrar = await login(t, await createUser(t, { roles: ['registrar'] }));
    braRegistrar = await login(t, await createUser(t, { stateCode: 'BRA', roles: ['registrar'] }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('imports every row with its markings and first event, matching reference aliases', async () => {
    const [a, b, c] = [uniqueSerial('IM'), uniqueSerial('IM'), uniqueSerial('IM')];
    const csv = [
      HEADER,
      manufactured(a, { model: '"G17 ""Gen 5"", police"' }),
      row({ origin: 'imported', occurred_on: '2024-02-01', type: 'assault rifle', manufacturer: 'Fabrique Nationale', calibre: '5.56 NATO', serial: b, counterpart_state: 'BEL', licence_ref: 'FR-IMP-1', marking_text: `FN ${b}`, marking_component: 'receiver', import_marking_text: 'FR 24', import_marking_year: '2024' }),
      row({ origin: 'seized', occurred_on: '2026-10-10', type: 'revolver', serial: c, marking_text: `SZ ${c}`, marking_component: 'frame' }),
    ].join('\r\n');
    const response = await post(csv).expect(201);
    expect(response.body).toMatchObject({ status: 'completed', totalRows: 3, acceptedRows: 3, rejectedRows: 0, replayed: false, rejections: { items: [] } });
    expect(response.body.contentSha256).toMatch(/^[0-9a-f]{64}$/);

    const [first] = await found(a);
    const weapon = (await t.http.get(`/api/v1/weapons/${first.weapon.id}`).set(bearer(registrar)).expect(200)).body;
    expect(weapon).toMatchObject({ model: 'G17 "Gen 5", police', manufacturerCode: 'glock', calibreCode: '9x19mm', type: 'self_loading_pistol', incomplete: [] });
    expect(weapon.events).toEqual([expect.objectContaining({ type: 'manufactured', recordClass: 'manufacture', retainUntil: '2051-04-01' })]);
    expect(weapon.markings).toEqual([expect.objectContaining({ kind: 'manufacture', component: 'slide', serial: a, country: 'AUT' })]);

    const imported = (await found(b))[0].weapon;
    const importedFull = (await t.http.get(`/api/v1/weapons/${imported.id}`).set(bearer(registrar)).expect(200)).body;
    expect(importedFull.markings.map((m: { kind: string; country: string }) => `${m.kind}:${m.country}`).sort()).toEqual(['import:FRA', 'manufacture:BEL']);
    expect(importedFull.events[0]).toMatchObject({ type: 'imported', counterpartState: 'BEL', retainUntil: '2044-02-01' });
    expect((await found(c))[0].weapon).toMatchObject({ status: 'seized', incomplete: [] });

    // Keys in file order (time_ordered_uuid: UUID version 7), so that an import appends to its indexes.
    const ids = [first.weapon.id, imported.id, (await found(c))[0].weapon.id] as string[];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    const keys = await ownerQuery<{ table: string; ordered: boolean }>(t, `
      SELECT 'markings' AS table, bool_and(m.id::text LIKE '________-____-7%') AS ordered FROM markings m WHERE m.weapon_id = ANY($1::uuid[])
      UNION ALL SELECT 'record_events', bool_and(e.id::text LIKE '________-____-7%') FROM record_events e WHERE e.weapon_id = ANY($1::uuid[])`, [ids], 'FRA');
    expect(keys).toEqual([{ table: 'markings', ordered: true }, { table: 'record_events', ordered: true }]);
  });

  it('lists an import\'s weapons page by page, each once, in file order', async () => {
    // One transaction gives every row the same creation time: the pages go on by id within it.
    const serials = Array.from({ length: 7 }, () => uniqueSerial('PG'));
    await post([HEADER, ...serials.map((serial) => manufactured(serial))].join('\n')).expect(201);
    const imported = await Promise.all(serials.map(async (serial) => (await found(serial))[0].weapon.id as string));
    const listed = (await allPages<{ id: string }>(t, registrar, '/api/v1/weapons', { limit: 2 })).map((w) => w.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((id) => imported.includes(id))).toEqual(imported);
  });

  it('finds a serial that many weapons share by the make searched for, and the exact reading first', async () => {
    // A short serial restarted by each maker: 600 Glocks read "S<n>5" (folded like "5<n>5"), then one FN
    // and one Glock that read exactly "5<n>5". The index entries of the FN and of the exact Glock come last.
    const serial = `5${uniqueSerial('').replace(/\D/g, '').slice(-6)}5`;
    const lookAlike = `S${serial.slice(1)}`;
    const rows = Array.from({ length: 600 }, () => manufactured(lookAlike, { model: 'G19' }));
    rows.push(manufactured(serial, { manufacturer: 'FN Herstal', model: 'Five-seven', calibre: '5.7x28', country_of_manufacture: 'BEL', marking_text: `FN ${serial}` }));
    rows.push(manufactured(serial, { model: 'G26' }));
    await post([HEADER, ...rows].join('\n')).expect(201);

    const byMake = (await t.http.post('/api/v1/weapons/search').set(bearer(registrar)).send({ serial, manufacturer: 'FN' }).expect(200)).body.items;
    expect(byMake).toEqual([expect.objectContaining({ weapon: expect.objectContaining({ model: 'Five-seven' }) })]);
    const all = (await t.http.post('/api/v1/weapons/search').set(bearer(registrar)).send({ serial, limit: 5 }).expect(200)).body.items;
    expect(all).toHaveLength(5);
    expect(all.slice(0, 2).map((item: { weapon: { model: string } }) => item.weapon.model).sort()).toEqual(['Five-seven', 'G26']);
    expect(all[2].weapon.model).toBe('G19');
  });

  it('says an import failed when its transaction fails at the very end, at its commit, and lands nothing', async () => {
    // A check PostgreSQL runs only at COMMIT, refusing one row: everything before it has succeeded.
    await ownerQuery(t, `CREATE FUNCTION test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`);
    await ownerQuery(t, `CREATE CONSTRAINT TRIGGER test_refuse_at_commit AFTER INSERT ON weapons DEFERRABLE INITIALLY DEFERRED
                           FOR EACH ROW WHEN (NEW.model = 'REFUSED-AT-COMMIT') EXECUTE FUNCTION test_refuse_at_commit()`);
    try {
      const serial = uniqueSerial('RC');
      await post([HEADER, manufactured(serial, { model: 'REFUSED-AT-COMMIT' })].join('\n')).expect(500);
      const [last] = await ownerQuery<{ id: string }>(t, `SELECT id FROM weapon_imports ORDER BY created_at DESC LIMIT 1`, [], 'FRA');
      const status = await t.http.get(`/api/v1/weapons/imports/${last.id}`).set(bearer(registrar)).expect(200);
      expect(status.body).toMatchObject({ status: 'failed', finishedAt: expect.any(String) });
      expect(await found(serial)).toEqual([]);
    } finally {
      await ownerQuery(t, 'DROP TRIGGER test_refuse_at_commit ON weapons');
      await ownerQuery(t, 'DROP FUNCTION test_refuse_at_commit()');
    }
  });

  it('refuses the whole file when any row is wrong, with a report by line, column and code', async () => {
    const good = uniqueSerial('OK');
    const csv = [
      HEADER,
      manufactured(good),
      manufactured(uniqueSerial(), { occurred_on: '2021-02-30' }),
      manufactured(uniqueSerial(), { type: 'laser blaster', year_of_manufacture: '1392' }),
      manufactured(uniqueSerial(), { marking_text: '' }),
      row({ origin: 'imported', occurred_on: '2024-01-01', type: 'rifle', serial: uniqueSerial(), manufacturer: 'Sako', country_of_manufacture: 'FIN', marking_text: 'SAKO', marking_component: 'receiver' }),
      manufactured(uniqueSerial(), { country_of_manufacture: 'XYZ', marking_component: 'grip' }),
      row({ origin: 'found', occurred_on: '2024-01-01', type: 'rifle', serial: uniqueSerial(), import_marking_text: 'X', marking_component: 'foo' }),
    ].join('\n');
    const response = await post(csv).expect(201);
    expect(response.body).toMatchObject({ status: 'rejected', totalRows: 7, acceptedRows: 0, rejectedRows: 6 });
    const report = response.body.rejections.items.map((r: { line: number; column: string; code: string }) => `${r.line} ${r.column} ${r.code}`);
    expect(report).toEqual([
      '3 occurred_on DATE_INVALID',
      '4 type UNKNOWN_WEAPON_TYPE',
      '4 year_of_manufacture YEAR_INVALID',
      '5 marking_text ITI_8A_MANUFACTURE_MARKING',
      '6 counterpart_state REQUIRED',
      '6 import_marking_text ITI_8B_IMPORT_MARKING',
      '7 country_of_manufacture STATE_UNKNOWN',
      '7 marking_component COMPONENT_INVALID',
      '8 marking_component COMPONENT_INVALID',
    ]);
    expect(response.body.rejections.items.find((r: { code: string }) => r.code === 'ITI_8A_MANUFACTURE_MARKING').message).toContain('ITI 8(a)');
    expect(await found(good)).toEqual([]); // none of the file landed
    const again = await t.http.get(`/api/v1/weapons/imports/${response.body.id}`).query({ limit: 3 }).set(bearer(registrar)).expect(200);
    // (the report pages: first 3, then the rest)
    expect(again.body.rejections.items).toHaveLength(3);
    const next = await t.http.get(`/api/v1/weapons/imports/${response.body.id}`).query({ limit: 10, cursor: again.body.rejections.nextCursor }).set(bearer(registrar)).expect(200);
    expect([...again.body.rejections.items, ...next.body.rejections.items].map((r: { line: number; column: string; code: string }) => `${r.line} ${r.column} ${r.code}`)).toEqual(report);
  });

  it('refuses, as the API does, a status other than the one a seizure, a finding or an acquisition by the State leaves', async () => {
    const seizedRow = { origin: 'seized', occurred_on: '2024-01-01', type: 'rifle', manufacturer: 'FN', country_of_manufacture: 'BEL', marking_text: 'FN', marking_component: 'receiver' };
    const csv = [HEADER, row({ ...seizedRow, serial: uniqueSerial(), status: 'civilian_held' }), row({ ...seizedRow, origin: 'acquired_by_government', serial: uniqueSerial(), status: 'government_stock' })].join('\n');
    const response = await post(csv).expect(201);
    expect(response.body).toMatchObject({ status: 'rejected', rejectedRows: 1 });
    expect(response.body.rejections.items).toEqual([expect.objectContaining({
      line: 2, column: 'status', code: 'STATUS_INVALID', message: 'a weapon seized is seized when registered: leave status empty, and record what followed as an event',
    })]);
    const api = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ origin: 'seized', status: 'civilian_held' })).expect(400);
    expect(api.body.details).toEqual([{ field: 'status', messages: ['a weapon seized is seized when registered: leave status out, and record what followed as an event'] }]);
    await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ origin: 'acquired_by_government', status: 'government_stock' })).expect(201);
  });

  it('names the column to fill in for a rule a row breaks, and an empty type as required', async () => {
    const imported = { origin: 'imported', occurred_on: '2024-03-01', type: 'pistol', manufacturer: 'Norinco', counterpart_state: 'BEL', licence_ref: 'FR-IMP-8' };
    const csv = [
      HEADER,
      manufactured(uniqueSerial(), { serial: '' }),
      manufactured(uniqueSerial(), { manufacturer: '' }),
      manufactured(uniqueSerial(), { manufacturer: 'Atelier Inconnu', country_of_manufacture: '' }),
      row({ ...imported, serial: 'AB12?', import_marking_text: 'FRA 2024 AB12?' }),
      manufactured(uniqueSerial(), { type: '' }),
    ].join('\n');
    const response = await post(csv).expect(201);
    expect(response.body.rejections.items.map((r: { line: number; column: string; code: string }) => `${r.line} ${r.column} ${r.code}`)).toEqual([
      '2 serial ITI_8A_MANUFACTURE_MARKING',
      '3 manufacturer ITI_8A_MANUFACTURE_MARKING',
      '4 country_of_manufacture ITI_8A_MANUFACTURE_MARKING',
      '5 serial ITI_8B_IMPORT_MARKING',
      '6 type REQUIRED',
    ]);
    expect(response.body.rejections.items[4].message).toBe('type is required: an ITI para 4 type (see GET /reference/weapon-types)');
  });

  it('names the line of the file a rejected row begins on, past quoted fields that hold line breaks', async () => {
    const csv = [
      HEADER,
      manufactured(uniqueSerial(), { holder: '"Armurerie Martin\r\n12 rue des Arts\nLyon"' }),
      manufactured(uniqueSerial(), { occurred_on: '2021-02-30' }),
      manufactured(uniqueSerial(), { model: '"G17 ""Gen 5"""', holder: '"Police\nnationale"', marking_text: '"GLOCK\nAUSTRIA\n"' }),
      manufactured(uniqueSerial(), { type: 'laser blaster' }),
    ].join('\r\n');
    const response = await post(csv).expect(201);
    expect(response.body).toMatchObject({ status: 'rejected', totalRows: 4, rejectedRows: 2 });
    // The first row spans lines 2 to 4: the second begins on line 5; a doubled quote breaks no line, and the
    // third row's two fields break it three times: the fourth begins on line 10.
    expect(response.body.rejections.items.map((r: { line: number; code: string }) => `${r.line} ${r.code}`)).toEqual(['5 DATE_INVALID', '10 UNKNOWN_WEAPON_TYPE']);
  });

  it('matches the State\'s reference additions as the API does: an addition to a shipped entry adds aliases only, and an added name wins', async () => {
    const add = (body: Record<string, unknown>) => t.http.post('/api/v1/reference/manufacturers').set(bearer(braRegistrar)).send(body).expect(201);
    await add({ code: 'glock', name: 'Glock Wien Werk', country: 'BEL', aliases: ['Glock Austria GmbH'] });
    await add({ code: 'fn-local', name: 'FN Local Works', country: 'BRA', aliases: ['FN'] });
    const makers = ['Glock Wien Werk', 'Glock Austria GmbH', 'FN'];
    const serials = makers.map(() => uniqueSerial('RA'));
    const csv = [HEADER, ...makers.map((manufacturer, i) => row({ origin: 'found', occurred_on: '2026-01-01', type: 'rifle', manufacturer, serial: serials[i] }))].join('\n');
    expect((await post(csv, braRegistrar).expect(201)).body.status).toBe('completed');
    const described = (w: { manufacturerCode: string | null; countryOfManufacture: string | null; unknownReferences: string[] }) =>
      `${w.manufacturerCode} ${w.countryOfManufacture} ${w.unknownReferences.join('+')}`;
    for (const [i, manufacturer] of makers.entries()) {
      const imported = (await t.http.post('/api/v1/weapons/search').set(bearer(braRegistrar)).send({ serial: serials[i] }).expect(200)).body.items[0].weapon;
      const registered = (await t.http.post('/api/v1/weapons').set(bearer(braRegistrar))
        .send({ origin: 'found', occurredOn: '2026-01-01', type: 'rifle', manufacturer, serial: uniqueSerial('RA') }).expect(201)).body;
      expect(described(imported)).toBe(described(registered));
    }
    const glock = (await t.http.post('/api/v1/weapons/search').set(bearer(braRegistrar)).send({ serial: serials[1] }).expect(200)).body.items[0].weapon;
    expect(described(glock)).toBe('glock AUT ');
  });

  it('treats the same file twice as the same import', async () => {
    const serial = uniqueSerial('ID');
    const csv = `${HEADER}\n${manufactured(serial)}\n`;
    const first = await post(csv).expect(201);
    const second = await post(csv).expect(201);
    expect(second.body).toMatchObject({ id: first.body.id, status: 'completed', replayed: true, acceptedRows: 1 });
    expect(await found(serial)).toHaveLength(1);
  });

  it('answers 409 to the same file landing at the same time, and keeps no import of it said to have failed', async () => {
    const serial = uniqueSerial('IP');
    const csv = `${HEADER}\n${manufactured(serial)}\n`;
    const sha = createHash('sha256').update(csv).digest('hex');
    let answer: { status: number; body: { code?: string } } | undefined;
    const [{ since }] = await ownerQuery<{ since: Date }>(t, 'SELECT clock_timestamp() AS since');
    // Another import of the same file lands while this one merges: it holds the content's hash, uncommitted, until this one waits on it.
    await inOwnerTransaction(t, 'FRA', async (client) => {
      await client.query(`INSERT INTO weapon_imports (state_code, content_sha256, status) VALUES ('FRA', $1, 'completed')`, [sha]);
      const sent = post(csv).then((r) => (answer = r));
      await untilWaitingForLocks(t, 1);
      await client.query('COMMIT');
      await sent;
    });
    expect({ status: answer?.status, code: answer?.body.code }).toEqual({ status: 409, code: 'IMPORT_IN_PROGRESS' });
    const imports = await ownerQuery<{ status: string }>(t, `SELECT status FROM weapon_imports WHERE content_sha256 = $1 OR created_at >= $2`, [sha, since], 'FRA');
    expect(imports).toEqual([{ status: 'completed' }]);
    expect(await found(serial)).toHaveLength(0);
  });

  it('checks a rejected file again when it is sent again, under the rules in force then', async () => {
    const serial = uniqueSerial('RE');
    const csv = `${HEADER}\n${manufactured(serial, { marking_text: '' })}\n`;
    const foundInBra = async () => (await t.http.post('/api/v1/weapons/search').set(bearer(braRegistrar)).send({ serial }).expect(200)).body.items;
    const rejected = await post(csv, braRegistrar).expect(201);
    expect(rejected.body).toMatchObject({ status: 'rejected', replayed: false, rejections: { items: [expect.objectContaining({ code: 'ITI_8A_MANUFACTURE_MARKING' })] } });
    // Sent again unchanged: checked again, and rejected again (a report of its own).
    const again = await post(csv, braRegistrar).expect(201);
    expect(again.body).toMatchObject({ status: 'rejected', replayed: false, rejectedRows: 1 });
    expect(again.body.id).not.toBe(rejected.body.id);
    // The State now accepts the breach and flags it: the same file lands, once.
    await t.http.put('/api/v1/registry/settings').set(bearer(braRegistrar)).send({ rulePolicies: { '8a': 'flag' } }).expect(200);
    try {
      const landed = await post(csv, braRegistrar).expect(201);
      expect(landed.body).toMatchObject({ status: 'completed', replayed: false, acceptedRows: 1 });
      const replayed = await post(csv, braRegistrar).expect(201);
      expect(replayed.body).toMatchObject({ id: landed.body.id, status: 'completed', replayed: true });
      expect(await foundInBra()).toEqual([expect.objectContaining({ weapon: expect.objectContaining({ incomplete: [expect.objectContaining({ code: 'ITI_8A_MANUFACTURE_MARKING' })] }) })]);
      // The first report is still there, as it was.
      const first = await t.http.get(`/api/v1/weapons/imports/${rejected.body.id}`).set(bearer(braRegistrar)).expect(200);
      expect(first.body).toMatchObject({ status: 'rejected', rejectedRows: 1 });
    } finally {
      await t.http.put('/api/v1/registry/settings').set(bearer(braRegistrar)).send({ rulePolicies: { '8a': 'refuse' } }).expect(200);
    }
  });

  it('flags accepted breaches like the API does (ITI 8(d), ITI 9)', async () => {
    const [a, b] = [uniqueSerial('FL'), uniqueSerial('FL')];
    // A craft weapon taken into government stock without any marking: 8(a) does not apply, 8(d) does.
    const csv = [
      HEADER,
      row({ origin: 'acquired_by_government', occurred_on: '2025-01-01', type: 'rifle', serial: a, craft_or_3d_printed: 'true' }),
      row({ origin: 'found', occurred_on: '2026-01-01', type: 'rifle', serial: b }),
    ].join('\n');
    const response = await post(csv).expect(201);
    expect(response.body.status).toBe('completed');
    expect((await found(a))[0].weapon.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_8D_GOVERNMENT_MARKING']);
    expect((await found(b))[0].weapon.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
    // The API judges the same weapon the same way.
    const api = await t.http
      .post('/api/v1/weapons')
      .set(bearer(registrar))
      .send({ origin: 'acquired_by_government', occurredOn: '2025-01-01', type: 'rifle', serial: uniqueSerial('FL'), craftOr3dPrinted: true })
      .expect(201);
    expect(api.body.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_8D_GOVERNMENT_MARKING']);

    // ITI 9: a found weapon whose only marking read is an import marking with its serial is uniquely marked, here as there.
    const c = uniqueSerial('FL');
    expect((await post([HEADER, row({ origin: 'found', occurred_on: '2026-01-01', type: 'rifle', serial: c, import_marking_text: 'FRA 2019', import_marking_year: '2019' })].join('\n')).expect(201)).body.status)
      .toBe('completed');
    expect((await found(c))[0].weapon.incomplete).toEqual([]);
    const viaApi = await t.http.post('/api/v1/weapons').set(bearer(registrar))
      .send({ origin: 'found', occurredOn: '2026-01-01', type: 'rifle', serial: uniqueSerial('FL'), markings: [{ kind: 'import', component: 'receiver', text: 'FRA 2019', country: 'FRA', serial: c, year: 2019 }] })
      .expect(201);
    expect(viaApi.body.incomplete).toEqual([]);

    // A serial partly read (`?` for what could not be read) tells no weapon apart: ITI 9 asks for the State's marking, here as there.
    const partial = `${uniqueSerial('FL')}?`;
    const partialRow = row({ origin: 'found', occurred_on: '2026-01-01', type: 'rifle', serial: partial, marking_text: 'FN HERSTAL', marking_component: 'frame' });
    expect((await post([HEADER, partialRow].join('\n')).expect(201)).body.status).toBe('completed');
    expect((await found(partial))[0].weapon.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
    const partialViaApi = await t.http.post('/api/v1/weapons').set(bearer(registrar))
      .send({ origin: 'found', occurredOn: '2026-01-01', type: 'rifle', serial: partial, markings: [{ kind: 'manufacture', component: 'frame', text: 'FN HERSTAL', serial: partial }] })
      .expect(201);
    expect(partialViaApi.body.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
    // Its serial obliterated, what was read of a found weapon's manufacture marking does not either; the State's seizure marking does.
    const obliterated = { origin: 'found', occurredOn: '2026-01-01', type: 'rifle', serial: uniqueSerial('FL'), serialObliterated: true };
    const read = { kind: 'manufacture', component: 'frame', text: 'FN HERSTAL', manufacturer: 'FN Herstal', country: 'BEL', serial: obliterated.serial };
    const unmarked = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...obliterated, markings: [read] }).expect(201);
    expect(unmarked.body.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
    const marked = await t.http.post(`/api/v1/weapons/${unmarked.body.id}/markings`).set(bearer(registrar))
      .send({ markings: [{ kind: 'seizure', component: 'frame', text: 'FRA 26-0042', country: 'FRA', serial: 'FRA26-0042' }] })
      .expect(201);
    expect(marked.body.incomplete).toEqual([]);
  });

  it('flags, not refuses, ITI 8(a) of a weapon imported without its manufacture marking, like the API: the importing State answers for 8(b)', async () => {
    const [marked, unmarked] = [uniqueSerial('IM'), uniqueSerial('IM')];
    const imported = { origin: 'imported', occurred_on: '2024-03-01', type: 'pistol', manufacturer: 'Norinco', serial: marked, counterpart_state: 'BEL', licence_ref: 'FR-IMP-8' };
    const refused = await post([HEADER, row({ ...imported, serial: unmarked })].join('\n')).expect(201);
    expect(refused.body.rejections.items.map((r: { column: string; code: string }) => `${r.column} ${r.code}`)).toEqual(['import_marking_text ITI_8B_IMPORT_MARKING']);
    const response = await post([HEADER, row({ ...imported, import_marking_text: `FRA 2024 ${marked}`, import_marking_year: '2024' })].join('\n')).expect(201);
    expect(response.body.status).toBe('completed');
    const [hit] = await found(marked);
    expect(hit.weapon.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_8A_MANUFACTURE_MARKING']);
    const record = await t.http.get(`/api/v1/weapons/${hit.weapon.id}`).set(bearer(registrar)).expect(200);
    expect(record.body.markings).toEqual([expect.objectContaining({ kind: 'import', country: 'FRA', serial: marked })]);
    // The API judges the same weapons the same way.
    const body = {
      origin: 'imported', occurredOn: '2024-03-01', type: 'pistol', manufacturer: 'Norinco', serial: uniqueSerial('IM'), counterpartState: 'BEL',
      markings: [{ kind: 'import', component: 'receiver', text: 'FRA 2024', country: 'FRA', serial: 'FR-24-0007', year: 2024 }],
    };
    const viaApi = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(body).expect(201);
    expect(viaApi.body.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_8A_MANUFACTURE_MARKING']);
    expect((await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...body, markings: [] }).expect(422)).body.code).toBe('ITI_8B_IMPORT_MARKING');
    // Where the State flags 8(b), a weapon not yet marked at import is kept, flagged under both.
    await t.http.put('/api/v1/registry/settings').set(bearer(braRegistrar)).send({ rulePolicies: { '8b': 'flag' } }).expect(200);
    try {
      const later = uniqueSerial('IM');
      expect((await post([HEADER, row({ ...imported, serial: later, counterpart_state: 'BEL' })].join('\n'), braRegistrar).expect(201)).body.status).toBe('completed');
      const [kept] = (await t.http.post('/api/v1/weapons/search').set(bearer(braRegistrar)).send({ serial: later }).expect(200)).body.items;
      expect(kept.weapon.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_8A_MANUFACTURE_MARKING', 'ITI_8B_IMPORT_MARKING']);
      const braApi = await t.http.post('/api/v1/weapons').set(bearer(braRegistrar)).send({ ...body, serial: uniqueSerial('IM'), markings: [] }).expect(201);
      expect(braApi.body.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_8A_MANUFACTURE_MARKING', 'ITI_8B_IMPORT_MARKING']);
    } finally {
      await t.http.put('/api/v1/registry/settings').set(bearer(braRegistrar)).send({ rulePolicies: { '8b': 'refuse' } }).expect(200);
    }
  });

  it('exempts a temporary import for a verifiable lawful purpose from ITI 8(b), like the API, and asks for its licence or permit', async () => {
    const serial = uniqueSerial('TI');
    const visiting = {
      origin: 'imported_temporarily', occurred_on: '2024-09-01', type: 'rifle', manufacturer: 'Sako', calibre: '.308 Winchester', serial, country_of_manufacture: 'FIN',
      counterpart_state: 'FIN', marking_text: `SAKO FINLAND ${serial}`, marking_component: 'receiver',
    };
    const rejected = await post([HEADER, row({ ...visiting, counterpart_state: '' }), row({ ...visiting, serial: uniqueSerial('TI'), licence_ref: 'EFP-FI-2024-77', counterpart_state: 'FRA' })].join('\n')).expect(201);
    expect(rejected.body.rejections.items.map((r: { line: number; column: string; code: string }) => `${r.line} ${r.column} ${r.code}`)).toEqual([
      '2 counterpart_state REQUIRED', '2 licence_ref REQUIRED', '3 counterpart_state COUNTERPART_OWN_STATE',
    ]);
    const landed = await post([HEADER, row({ ...visiting, licence_ref: 'EFP-FI-2024-77' })].join('\n')).expect(201);
    expect(landed.body.status).toBe('completed');
    const [hit] = await found(serial);
    expect(hit.weapon).toMatchObject({ status: 'civilian_held', incomplete: [] });
    const record = await t.http.get(`/api/v1/weapons/${hit.weapon.id}`).set(bearer(registrar)).expect(200);
    expect(record.body.events).toEqual([expect.objectContaining({ type: 'imported_temporarily', counterpartState: 'FIN', licenceRef: 'EFP-FI-2024-77' })]);
    // Without its manufacture marking, as the API judges it: 8(a) flagged (FRA did not make it), 8(b) not asked.
    const bare = uniqueSerial('TI');
    expect((await post([HEADER, row({ ...visiting, serial: bare, licence_ref: 'EFP-FI-2024-78', marking_text: '', marking_component: '' })].join('\n')).expect(201)).body.status).toBe('completed');
    const [flagged] = await found(bare);
    expect(flagged.weapon.incomplete.map((i: { code: string }) => i.code)).toEqual(['ITI_8A_MANUFACTURE_MARKING']);
  });

  it('lists the State\'s imports newest first, page by page, of one status if asked, to registrars and auditors of that State only', async () => {
    const landed = (await post(`${HEADER}\n${manufactured(uniqueSerial())}\n`).expect(201)).body;
    const refused = (await post(`${HEADER}\n${manufactured(uniqueSerial(), { occurred_on: 'yesterday' })}\n`).expect(201)).body;
    expect([landed.status, refused.status]).toEqual(['completed', 'rejected']);
    type Listed = { id: string; status: string; createdAt: string; acceptedRows: number; rejectedRows: number };
    const all = await allPages<Listed>(t, registrar, '/api/v1/weapons/imports', { limit: 1 }, (items) => expect(items.length).toBeLessThanOrEqual(1));
    const ids = all.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Newest first: the refused import, made last, comes before the one that landed.
    expect(ids.indexOf(refused.id)).toBeLessThan(ids.indexOf(landed.id));
    expect(all.map((i) => i.createdAt)).toEqual([...all.map((i) => i.createdAt)].sort().reverse());
    expect(all.find((i) => i.id === landed.id)).toEqual({
      id: landed.id, status: 'completed', contentSha256: landed.contentSha256, bytesReceived: landed.bytesReceived, totalRows: 1, acceptedRows: 1, rejectedRows: 0,
      createdAt: landed.createdAt, finishedAt: landed.finishedAt,
    });
    const rejectedOnly = await allPages<Listed>(t, registrar, '/api/v1/weapons/imports', { status: 'rejected' });
    expect(rejectedOnly.map((i) => i.id)).toContain(refused.id);
    expect(rejectedOnly.every((i) => i.status === 'rejected')).toBe(true);
    const auditor = await login(t, await createUser(t, { roles: ['auditor'], mfaExempt: true }));
    expect((await allPages<Listed>(t, auditor, '/api/v1/weapons/imports')).map((i) => i.id)).toEqual(ids);
    expect((await allPages<Listed>(t, braRegistrar, '/api/v1/weapons/imports')).map((i) => i.id)).not.toContain(landed.id);
    const officer = await login(t, await createUser(t, { roles: ['officer'] }));
    await t.http.get('/api/v1/weapons/imports').set(bearer(officer)).expect(403);
    const bad = await t.http.get('/api/v1/weapons/imports').query({ status: 'done' }).set(bearer(registrar)).expect(400);
    expect(bad.body.details).toEqual([{ field: 'status', messages: [expect.stringContaining('status must be one of receiving')] }]);
  });

  it('trims every field as the API does (all the white space that trim() removes, not spaces only)', async () => {
    const serial = uniqueSerial('TRM');
    // A spreadsheet's byte order mark or line separator around a serial does not hide it from an exact search.
    const landed = await post(`${HEADER}\n${manufactured(`\ufeff${serial}\u2028`, { model: 'G17\u00a0' })}\n`).expect(201);
    expect(landed.body.status).toBe('completed');
    const items = await found(serial);
    expect(items).toHaveLength(1);
    expect(items[0].weapon).toMatchObject({ serial, model: 'G17' });
    // A marking of a no-break space alone is no marking: ITI 8(a), which this State refuses.
    const blank = await post(`${HEADER}\n${manufactured(uniqueSerial('TRM'), { marking_text: '\u00a0\t' })}\n`).expect(201);
    expect(blank.body.status).toBe('rejected');
    expect(blank.body.rejections.items.map((r: { code: string }) => r.code)).toEqual(['ITI_8A_MANUFACTURE_MARKING']);
  });

  it('reports a wrong header, broken CSV and invalid UTF-8 as the file\'s fault', async () => {
    const header = await post(`origin,occurred_on\n${manufactured(uniqueSerial())}`).expect(201);
    expect(header.body.rejections.items).toEqual([expect.objectContaining({ line: 1, code: 'CSV_HEADER_INVALID' })]);
    const broken = await post(`${HEADER}\n${manufactured(uniqueSerial())}\nmanufactured,"2021-01-01\n`).expect(201);
    expect(broken.body).toMatchObject({ status: 'rejected', contentSha256: null });
    expect(broken.body.rejections.items[0].code).toBe('CSV_INVALID');
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(manufactured(uniqueSerial(), { holder: 'Société' }), 'latin1')]);
    const encoding = await t.http.post('/api/v1/weapons/imports').set(bearer(registrar)).set('content-type', 'text/csv').send(latin1).expect(201);
    expect(encoding.body.rejections.items[0]).toMatchObject({ line: 2, code: 'ENCODING_INVALID' });
    const empty = await post(`${HEADER}\n`).expect(201);
    expect(empty.body.rejections.items[0].code).toBe('EMPTY_FILE');
    // Nothing at all, not even a header: empty too, not a header that is wrong.
    const nothing = await t.http.post('/api/v1/weapons/imports').set(bearer(registrar)).set('content-type', 'text/csv').send(Buffer.alloc(0)).expect(201);
    expect(nothing.body).toMatchObject({ status: 'rejected', totalRows: 0, acceptedRows: 0 });
    expect(nothing.body.rejections.items).toEqual([expect.objectContaining({ line: 0, code: 'EMPTY_FILE', message: 'The file is empty: no header and no rows' })]);
    await t.http.post('/api/v1/weapons/imports').set(bearer(registrar)).send({ csv: 'no' }).expect(415);
  });

  it('refuses a file with a line holding only \\., where COPY before PostgreSQL 18 would end the data and drop the rows after it', async () => {
    const serials = [uniqueSerial('EOD'), uniqueSerial('EOD')];
    for (const [marker, line] of [['\\.', 3], ['\\.\r', 3]] as const) {
      const file = await post(`${HEADER}\n${manufactured(serials[0])}\n${marker}\n${manufactured(serials[1])}\n`).expect(201);
      expect(file.body).toMatchObject({ status: 'rejected', acceptedRows: 0, contentSha256: null });
      expect(file.body.rejections.items).toEqual([expect.objectContaining({ line, column: '', code: 'CSV_INVALID', message: expect.stringContaining(`Line ${line} holds only \\.`) })]);
    }
    // In a file whose lines end in a carriage return alone.
    const mac = await post(`${HEADER}\r${manufactured(serials[0])}\r\\.\r${manufactured(serials[1])}\r`).expect(201);
    expect(mac.body.rejections.items).toEqual([expect.objectContaining({ line: 3, code: 'CSV_INVALID' })]);
    // Right after the header too, where the rows before it would be none.
    const first = await post(`${HEADER}\n\\.\n${manufactured(serials[1])}\n`).expect(201);
    expect(first.body.rejections.items).toEqual([expect.objectContaining({ line: 2, code: 'CSV_INVALID' })]);
    for (const serial of serials) expect(await found(serial)).toEqual([]);
    // Quoted, it is a value like any other.
    const quoted = await post(`${HEADER}\n${manufactured(serials[0], { holder: '"\\."' })}\n`).expect(201);
    expect(quoted.body).toMatchObject({ status: 'completed', acceptedRows: 1 });
  });

  it('reads a file that starts with a byte order mark (a spreadsheet\'s "CSV UTF-8")', async () => {
    const serial = uniqueSerial('BOM');
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\r\n${manufactured(serial, { holder: 'Société Générale' })}\r\n`)]);
    const imported = (await t.http.post('/api/v1/weapons/imports').set(bearer(registrar)).set('content-type', 'text/csv').send(file).expect(201)).body;
    expect(imported).toMatchObject({ status: 'completed', acceptedRows: 1 });
    expect((await found(serial))[0].weapon).toMatchObject({ serial, holder: 'Société Générale' });
  });

  it('answers with the report of a large file refused at its start, the rest of it read and dropped', async () => {
    // PostgreSQL refuses the header (or a byte that is not UTF-8) long before the client has sent the file:
    // the request is read to its end all the same, and the client gets its report, not a connection reset.
    const rows = Array.from({ length: 40_000 }, () => manufactured(uniqueSerial('LH'))).join('\n');
    for (const [file, code] of [
      [Buffer.from(`origin,occurred_on\n${rows}\n`), 'CSV_HEADER_INVALID'],
      [Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(manufactured(uniqueSerial('LH'), { holder: 'Société' }), 'latin1'), Buffer.from(`\n${rows}\n`)]), 'ENCODING_INVALID'],
    ] as const) {
      expect(file.length).toBeGreaterThan(4 * 1024 * 1024);
      const { request, answer } = await streamImport(t, registrar, file.length);
      const gone = new Promise((resolve) => request.once('close', resolve));
      for (let at = 0; at < file.length && !request.destroyed; at += 64 * 1024) {
        if (!request.write(file.subarray(at, at + 64 * 1024))) await Promise.race([new Promise((resolve) => request.once('drain', resolve)), gone]);
      }
      request.end();
      const done = await answer;
      expect(done.status).toBe(201);
      const body = JSON.parse(done.body);
      expect(body).toMatchObject({ status: 'rejected', acceptedRows: 0 });
      expect(body.rejections.items[0].code).toBe(code);
    }
  });

  it('shows progress while the file arrives', async () => {
    const serial = uniqueSerial('PR');
    const body = `${HEADER}\n${manufactured(serial)}\n`;
    const { request, answer } = await streamImport(t, registrar, Buffer.byteLength(body));
    request.write(body.slice(0, 60));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    try {
      const receiving = await ownerQuery<{ id: string }>(t, `SELECT id FROM weapon_imports WHERE status = 'receiving' AND bytes_received > 0`, [], 'FRA');
      expect(receiving).toHaveLength(1);
      const seen = await t.http.get(`/api/v1/weapons/imports/${receiving[0].id}`).set(bearer(registrar)).expect(200);
      expect(seen.body).toMatchObject({ status: 'receiving', bytesReceived: 60 });
      await t.http.get(`/api/v1/weapons/imports/${receiving[0].id}`).set(bearer(braRegistrar)).expect(404);
    } finally {
      request.end(body.slice(60));
    }
    const done = await answer;
    expect(done.status).toBe(201);
    expect(JSON.parse(done.body)).toMatchObject({ status: 'completed', bytesReceived: Buffer.byteLength(body) });
  });

  it('says an import failed, not that its file was wrong, when the client goes away mid-file', async () => {
    const serial = uniqueSerial('GO');
    const body = `${HEADER}\n${manufactured(serial)}\n`;
    const { request, answer } = await streamImport(t, registrar, Buffer.byteLength(body));
    answer.catch(() => undefined);
    request.write(body.slice(0, 60));
    let receiving: { id: string }[] = [];
    for (let i = 0; i < 100 && receiving.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      receiving = await ownerQuery<{ id: string }>(t, `SELECT id FROM weapon_imports WHERE status = 'receiving' AND bytes_received > 0`, [], 'FRA');
    }
    expect(receiving).toHaveLength(1);
    request.destroy();
    let seen: { status: string; rejectedRows: number; rejections: { items: unknown[] } } | undefined;
    for (let i = 0; i < 100 && (!seen || seen.status === 'receiving'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = (await t.http.get(`/api/v1/weapons/imports/${receiving[0].id}`).set(bearer(registrar)).expect(200)).body;
    }
    expect(seen).toMatchObject({ status: 'failed', rejectedRows: 0, rejections: { items: [] } });
    expect(await found(serial)).toEqual([]);
  });

  it('fails, rather than waits for ever, an import whose sender went away before its file was read', async () => {
    // As a request whose client hung up while the import waited for a connection: closed before COPY begins.
    const source = new PassThrough();
    source.write(`${HEADER}\n`);
    source.destroy();
    const [{ id: userId }] = await ownerQuery<{ id: string }>(t, `SELECT id FROM users WHERE state_code = 'FRA' LIMIT 1`, [], 'FRA');
    const outcome = await Promise.race([
      t.app.get(Db).inState('FRA', () => t.app.get(ImportsService).importCsv({ stateCode: 'FRA', userId }, source)).then(() => 'imported', () => 'failed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 10_000)),
    ]);
    expect(outcome).toBe('failed');
    let left: { status: string }[] = [];
    for (let i = 0; i < 100 && left[0]?.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = await ownerQuery<{ status: string }>(t, `SELECT status FROM weapon_imports WHERE state_code = 'FRA' ORDER BY created_at DESC LIMIT 1`, [], 'FRA');
    }
    expect(left).toEqual([{ status: 'failed' }]);
  });

  it('marks failed an import a process left under way when it ended, never one a process still runs', async () => {
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code = 'FRA' AND hosted_since IS NULL`); // the job visits hosted States
    // As a process killed mid-import leaves it: receiving for minutes, no transaction holding it.
    const [left] = await ownerQuery<{ id: string }>(t, `INSERT INTO weapon_imports (state_code, status, created_at) VALUES ('FRA', 'receiving', now() - interval '5 minutes') RETURNING id`, [], 'FRA');
    // One under way as long.
    const serial = uniqueSerial('AB');
    const body = `${HEADER}\n${manufactured(serial)}\n`;
    const { request, answer } = await streamImport(t, registrar, Buffer.byteLength(body));
    request.write(body.slice(0, 60));
    let running: { id: string }[] = [];
    for (let i = 0; i < 100 && running.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      running = await ownerQuery<{ id: string }>(t, `SELECT id FROM weapon_imports WHERE status = 'receiving' AND bytes_received > 0`, [], 'FRA');
    }
    expect(running).toHaveLength(1);
    await ownerQuery(t, `UPDATE weapon_imports SET created_at = now() - interval '5 minutes' WHERE id = $1`, [running[0].id], 'FRA');
    try {
      expect(await t.app.get(AbandonedImportsJob).run()).toBe(1);
    } finally {
      request.end(body.slice(60));
    }
    expect((await t.http.get(`/api/v1/weapons/imports/${left.id}`).set(bearer(registrar)).expect(200)).body).toMatchObject({ status: 'failed', finishedAt: expect.any(String) });
    expect(JSON.parse((await answer).body)).toMatchObject({ id: running[0].id, status: 'completed', acceptedRows: 1 });
    expect(await t.app.get(AbandonedImportsJob).run()).toBe(0);
  });

  it('runs at most a third of its connection pool\'s worth of imports at once: the next answers 503, then goes through', async () => {
    // As many files as the pool allows (3 for the default 10 connections; the tests' pool is smaller), arriving slowly.
    const allowed = Math.max(1, Math.floor(t.app.get(AppConfig).DATABASE_POOL_SIZE / 3));
    const bodies = Array.from({ length: allowed }, () => `${HEADER}\n${manufactured(uniqueSerial('BZ'))}\n`);
    const uploads = await Promise.all(bodies.map(async (body) => {
      const { request, answer } = await streamImport(t, registrar, Buffer.byteLength(body));
      request.write(body.slice(0, 60));
      return { answer: answer.then((done) => done.status), finish: () => request.end(body.slice(60)) };
    }));
    try {
      for (let i = 0; i < 100; i++) {
        const [{ n }] = await ownerQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM weapon_imports WHERE status = 'receiving'`, [], 'FRA');
        if (n === allowed) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const busy = await post([HEADER, manufactured(uniqueSerial('BZ'))].join('\n')).expect(503);
      expect(busy.body.code).toBe('IMPORTS_BUSY');
    } finally {
      for (const upload of uploads) upload.finish();
    }
    expect(await Promise.all(uploads.map((upload) => upload.answer))).toEqual(bodies.map(() => 201));
    await post([HEADER, manufactured(uniqueSerial('BZ'))].join('\n')).expect(201);
  });

  it('gives imported weapons the summary of their history their events give', async () => {
    const [{ n }] = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM weapons WHERE 'imported' = ANY (event_types) OR 'manufactured' = ANY (event_types)`, [], 'FRA');
    expect(Number(n)).toBeGreaterThanOrEqual(4);
    expect(await weaponsWithStaleSummary(t, 'FRA')).toEqual([]);
  });
});

describe('bulk import (CSV) of a file larger than IMPORT_MAX_MB', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ IMPORT_MAX_MB: '1' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('rejects the file as a whole once it passes the size, reads the rest to answer, and lands nothing', async () => {
    const registrar = await login(t, await createUser(t, { roles: ['registrar'] }));
    const serials = Array.from({ length: 30_000 }, () => uniqueSerial('BIG'));
    const csv = [HEADER, ...serials.map((serial) => manufactured(serial))].join('\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(2.5 * 1024 * 1024);
    // Sent in pieces, as a client streaming a file does: the answer comes once the whole file is sent.
    const { request, answer } = await streamImport(t, registrar);
    const bytes = Buffer.from(csv);
    for (let at = 0; at < bytes.length; at += 64 * 1024) request.write(bytes.subarray(at, at + 64 * 1024));
    request.end();
    const done = await answer;
    expect(done.status).toBe(201);
    const response = { body: JSON.parse(done.body) };
    expect(response.body).toMatchObject({ status: 'rejected', acceptedRows: 0, contentSha256: null });
    expect(response.body.rejections.items).toEqual([expect.objectContaining({ line: 0, code: 'FILE_TOO_LARGE', message: expect.stringContaining('larger than 1 MB') })]);
    const [{ n }] = await ownerQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM weapons WHERE serial_as_marked LIKE 'BIG%'`, [], 'FRA');
    expect(n).toBe(0);
  });
});

describe('bulk import (CSV) through the CLI', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('imports a file as the API does, with the named State\'s reference additions only, even where the schema owner is a superuser', async () => {
    const ken = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['registrar'] }));
    await t.http.post('/api/v1/reference/manufacturers').set(bearer(ken)).send({ code: 'acme-ken', name: 'Acme Ken Arms', country: 'KEN', aliases: ['Acme Nairobi'] }).expect(201);
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code = 'BRA' AND hosted_since IS NULL`);
    const serial = uniqueSerial('CL');
    const file = join(t.dataDir, 'cli-import.csv');
    writeFileSync(file, `${[HEADER, row({ origin: 'found', occurred_on: '2026-01-01', type: 'rifle', manufacturer: 'Acme Ken Arms', serial })].join('\n')}\n`);
    // As the official PostgreSQL image makes it: the schema owner a superuser, whom row-level security does not bind.
    const superuser = withDatabase(process.env.ITI_TEST_ADMIN_URL!, t.db.name);
    const run = await runCli(t, ['import', file, '--state', 'bra'], superuser);
    expect(run.error).toBeUndefined();
    const [printed, bar] = [run.stdout, run.stderr];
    expect(JSON.parse(printed)).toMatchObject({ status: 'completed', acceptedRows: 1, rejectedRows: 0 });
    expect(bar).toContain('100% of');
    // Read from the database: the CLI's application, in this process, left passport verifying tokens on its own (real) clock.
    const weapons = (state: string) => ownerQuery<{ manufacturer: string; manufacturer_code: string | null; country_of_manufacture: string | null; unknown_references: string[] }>(
      t, `SELECT w.manufacturer_text AS manufacturer, w.manufacturer_code, w.country_of_manufacture, w.unknown_references FROM weapons w JOIN weapon_serials s ON s.weapon_id = w.id WHERE s.serial_normalised = serial_normalise($1)`, [serial], state);
    expect(await weapons('BRA')).toEqual([{ manufacturer: 'Acme Ken Arms', manufacturer_code: null, country_of_manufacture: null, unknown_references: ['manufacturer'] }]);
    expect(await weapons('KEN')).toEqual([]);
  });
});
