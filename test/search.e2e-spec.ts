import fc from 'fast-check';
import { Client } from 'pg';
import { SERIAL_PATTERN_QUERY } from '../migrations/1795420683700-RegistrySecurity';
import { SerialScripts1795491000000 as SerialScripts } from '../migrations/1795491000000-SerialScripts';
import { SerialInvisibles1795499000000 as SerialInvisibles } from '../migrations/1795499000000-SerialInvisibles';
import { SerialIndexReadings1795502000000 as SerialIndexReadings } from '../migrations/1795502000000-SerialIndexReadings';
import { SERIAL_EXACT_QUERY } from '../migrations/1795504000000-SerialExactFitsPartial';
import { Db } from '../src/database/db';
import { foldSerial, LOOK_ALIKES, normaliseSerial } from '../src/registry/serial';
import { SerialMatch, WeaponsRepository } from '../src/registry/weapons.repository';
import { allPages, asMigrator, bearer, createTestApp, createUser, login, ownerQuery, queryPlan, TestApp, Tokens } from './support/test-app';
import { manufacturedWeapon, registerWeapon, uniqueSerial } from './support/weapons';

interface StoredSerial { weapon_id: string; marking: boolean; serial_normalised: string; serial_key: string; weapon_normalised: string }

describe('weapon search', () => {
  let t: TestApp;
  let registrar: Tokens;
  let npc: Tokens;

  it('finds, by its whole serial, a record whose serial the registry holds partly read, below an exact match and in its State only', async () => {
    const base = uniqueSerial('PR');
    const whole = `${base}734`;
    const partlyRead = await registerWeapon(t, registrar, { origin: 'seized', occurredOn: '2026-01-10', markings: [], serial: `${base}7?4` });
    const obliterated = await registerWeapon(t, registrar, { origin: 'seized', occurredOn: '2026-01-10', markings: [], serial: `${base}*34` });
    // One read too little to tell weapons apart (a single character before the run) fits no exact search.
    const vague = await registerWeapon(t, registrar, { origin: 'seized', occurredOn: '2026-01-10', markings: [], serial: `${base.slice(0, 1)}*4` });
    const exact = await registerWeapon(t, registrar, { serial: whole });
    const result = await search({ serial: whole.toLowerCase() });
    expect(result.serialQuery).toEqual({ kind: 'exact', normalised: whole });
    const byId = new Map(result.items.map((i: { weapon: { id: string }; score: number; reasons: string[] }) => [i.weapon.id, i]));
    expect(result.items[0].weapon.id).toBe(exact.id);
    expect(byId.get(partlyRead.id)).toMatchObject({ score: 0.7, reasons: [`serial ${whole} fits the partial serial ${base}7?4 the registry holds`] });
    expect(byId.get(obliterated.id)).toMatchObject({ score: 0.7 });
    // ? stands for one character, not two, and the rest must be as read.
    expect(byId.has(vague.id)).toBe(false);
    for (const other of [`${base}7134`, `${base}735`, `${base.slice(0, 4)}X`]) {
      expect((await search({ serial: other })).items.map((i: { weapon: { id: string } }) => i.weapon.id)).not.toContain(partlyRead.id);
    }
    // The index function itself gives them to the caller's State only.
    const entries = (state: string) => ownerQuery<{ weapon_id: string }>(t, 'SELECT weapon_id FROM registry_serial_exact(serial_fold($1), 100)', [whole], state);
    expect((await entries('FRA')).map((e) => e.weapon_id).sort()).toEqual([exact.id, partlyRead.id, obliterated.id].sort());
    expect(await entries('BRA')).toEqual([]);
  });

  /** The serial index entries of FRA's weapons `ids`, each with its weapon's normalised serial, as the owner reads them. */
  const storedSerials = (ids: string[]) =>
    ownerQuery<StoredSerial>(t, `
      SELECT s.weapon_id, s.marking_id IS NOT NULL AS marking, s.serial_normalised, s.serial_key, w.serial_normalised AS weapon_normalised
        FROM weapon_serials s JOIN weapons w ON w.id = s.weapon_id WHERE s.weapon_id = ANY($1::uuid[]) ORDER BY s.weapon_id, s.marking_id NULLS FIRST`,
    [ids], 'FRA');
  const entryOf = (rows: StoredSerial[], id: string, marking = false) => rows.find((r) => r.weapon_id === id && r.marking === marking);

  const search = async (body: Record<string, unknown>, tokens = registrar) => (await t.http.post('/api/v1/weapons/search').set(bearer(tokens)).send(body).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    registrar = await login(t, await createUser(t, { roles: ['registrar'] }));
    npc = await login(t, await createUser(t, { roles: ['npc'], mfaExempt: true }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds an exact serial, whatever the separators and case, with score 1 and the reason', async () => {
    const weapon = await registerWeapon(t, registrar, { serial: 'KX-7731-Q' });
    const result = await search({ serial: 'kx 7731.q' }, npc);
    expect(result.serialQuery).toEqual({ kind: 'exact', normalised: 'KX7731Q' });
    expect(result.items[0]).toEqual({ weapon: expect.objectContaining({ id: weapon.id }), score: 1, reasons: ['serial KX7731Q matches exactly'] });
  });

  it('reads serials stamped in Cyrillic or Greek: in either case exactly, and typed with the Latin letters they look like', async () => {
    const weapon = await registerWeapon(t, registrar, { serial: 'КТ 4512' });
    const ids = async (serial: string) => (await search({ serial, limit: 100 })).items.map((i: { weapon: { id: string }; score: number; reasons: string[] }) => [i.weapon.id, i.score, i.reasons[0]]);
    expect(await ids('кт-4512')).toContainEqual([weapon.id, 1, 'serial КТ4512 matches exactly']);
    expect(await ids('KT4512')).toContainEqual([weapon.id, 0.9, 'serial КТ4512 matches with look-alike characters (K read as К, T read as Т)']);
    expect((await ids('KT45*')).map(([id]: [string]) => id)).toContain(weapon.id);
    // A Greek serial on a marking of another weapon, typed in Latin capitals with a digit for the omicron.
    const greek = await registerWeapon(t, registrar, {
      markings: [{ kind: 'manufacture', component: 'receiver', text: 'ΕΑΣ ΚΟΡ 77', manufacturer: 'FN Herstal', country: 'BEL', serial: 'ΚΟΡ 77', year: 2019 }],
    });
    expect((await ids('K0P77')).map(([id]: [string]) => id)).toContain(greek.id);
  });

  it('migration SerialScripts makes the stored forms of Cyrillic and Greek serials again, weapon and marking, and no others', async () => {
    const cyrillic = await registerWeapon(t, registrar, { serial: 'жк-0042' });
    const greek = await registerWeapon(t, registrar, {
      markings: [{ kind: 'manufacture', component: 'receiver', text: 'ΕΑΣ ορ 43', manufacturer: 'FN Herstal', country: 'BEL', serial: 'ορ 43', year: 2019 }],
    });
    const latin = await registerWeapon(t, registrar, { serial: 'lat-0044' });
    const stored = () => storedSerials([cyrillic.id, greek.id, latin.id]);
    const migrate = (direction: 'up' | 'down') => asMigrator(t, (runner) => new SerialScripts()[direction](runner));
    const now = await stored();
    expect(entryOf(now, cyrillic.id)).toMatchObject({ serial_normalised: 'ЖК0042', serial_key: 'ЖK0042', weapon_normalised: 'ЖК0042' });
    expect(entryOf(now, greek.id, true)).toMatchObject({ serial_normalised: 'ΟΡ43', serial_key: '0P43' });
    await migrate('down');
    const before = await stored();
    expect(entryOf(before, cyrillic.id)).toMatchObject({ serial_normalised: 'жк0042', serial_key: 'жк0042', weapon_normalised: 'жк0042' });
    expect(entryOf(before, greek.id, true)).toMatchObject({ serial_normalised: 'ορ43', serial_key: 'ορ43' });
    await migrate('up');
    expect(await stored()).toEqual(now);
    expect(entryOf(now, latin.id)).toMatchObject({ serial_normalised: 'LAT0044', serial_key: '1AT0044' });
    // serial_normalise() and the index's triggers as the later migrations that replace them again leave them, for the tests that follow.
    await asMigrator(t, (runner) => new SerialInvisibles().up(runner));
    await asMigrator(t, (runner) => new SerialIndexReadings().up(runner));
  });

  it('finds a serial copied with characters that show nothing (a soft hyphen, a zero-width space), and one typed without them', async () => {
    // As a PDF or a web page gives a serial when it is copied: "SH-7702" broken at its hyphen, a zero-width space.
    const weapon = await registerWeapon(t, registrar, { serial: 'SH\u00ad7702\u200b9' });
    expect(weapon.serialNormalised).toBe('SH77029');
    for (const typed of ['SH77029', 'sh 7702 9', '\ufeffSH\u200b7702\u00ad9', 'SH7702?']) {
      const ids = (await search({ serial: typed })).items.map((i: { weapon: { id: string } }) => i.weapon.id);
      expect({ typed, found: ids.includes(weapon.id) }).toEqual({ typed, found: true });
    }
    // Nothing but invisible characters is no serial.
    const none = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ serial: '\u00ad\u200b' })).expect(400);
    expect(none.body.details.map((d: { field: string }) => d.field)).toContain('serial');
  });

  it('migration SerialInvisibles makes the stored forms of serials holding invisible characters again, weapon and marking, and no others', async () => {
    const weapon = await registerWeapon(t, registrar, { serial: 'IV\u00ad0051' });
    const marked = await registerWeapon(t, registrar, {
      markings: [{ kind: 'manufacture', component: 'receiver', text: 'FN IV 0052', manufacturer: 'FN Herstal', country: 'BEL', serial: 'IV\u200b0052', year: 2019 }],
    });
    const plain = await registerWeapon(t, registrar, { serial: 'IV-0053' });
    // An accent a dot kept apart from its letter: one letter, as typed without the dot.
    const accent = await registerWeapon(t, registrar, { serial: 'IC.\u0301-0054' });
    const stored = () => storedSerials([weapon.id, marked.id, plain.id, accent.id]);
    const migrate = (direction: 'up' | 'down') => asMigrator(t, (runner) => new SerialInvisibles()[direction](runner));
    const now = await stored();
    expect(entryOf(now, weapon.id)).toMatchObject({ serial_normalised: 'IV0051', serial_key: '1V0051', weapon_normalised: 'IV0051' });
    expect(entryOf(now, marked.id, true)).toMatchObject({ serial_normalised: 'IV0052', serial_key: '1V0052' });
    expect(entryOf(now, accent.id)).toMatchObject({ serial_normalised: 'I\u01060054', serial_key: '1\u01060054', weapon_normalised: 'I\u01060054' });
    await migrate('down');
    const before = await stored();
    expect(entryOf(before, weapon.id)).toMatchObject({ serial_normalised: 'IV\u00ad0051', serial_key: '1V\u00ad0051', weapon_normalised: 'IV\u00ad0051' });
    expect(entryOf(before, marked.id, true)).toMatchObject({ serial_normalised: 'IV\u200b0052', serial_key: '1V\u200b0052' });
    expect(entryOf(before, accent.id)).toMatchObject({ serial_normalised: 'IC\u03010054', weapon_normalised: 'IC\u03010054' });
    expect(entryOf(before, plain.id)).toEqual(entryOf(now, plain.id));
    await migrate('up');
    expect(await stored()).toEqual(now);
  });

  it('ranks a marking read otherwise than the serial, by look-alikes only, as an exact match of that reading', async () => {
    // The frame marking read "AB1O5" (a letter O) on a weapon registered as "AB105".
    const marking = { kind: 'manufacture', component: 'frame', text: 'FN AB1O5', manufacturer: 'FN Herstal', country: 'BEL', year: 2019 };
    const weapon = await registerWeapon(t, registrar, { serial: 'AB105', markings: [{ ...marking, serial: 'AB1O5' }] });
    // A marking read exactly as the serial adds no entry.
    const same = await registerWeapon(t, registrar, { serial: 'AB106', markings: [{ ...marking, serial: 'ab-106' }] });
    const hit = async (serial: string, id: string) => (await search({ serial })).items.find((i: { weapon: { id: string } }) => i.weapon.id === id);
    expect(await hit('AB1O5', weapon.id)).toMatchObject({ score: 1, reasons: ['serial AB1O5 matches exactly'] });
    expect(await hit('AB105', weapon.id)).toMatchObject({ score: 1, reasons: ['serial AB105 matches exactly'] });
    const stored = await storedSerials([weapon.id, same.id]);
    const readings = (rows: StoredSerial[], id: string) => rows.filter((s) => s.weapon_id === id).map((s) => [s.marking, s.serial_normalised]);
    expect(readings(stored, weapon.id)).toEqual([[false, 'AB105'], [true, 'AB1O5']]);
    expect(readings(stored, same.id)).toEqual([[false, 'AB106']]);

    // The migration adds the entries of markings recorded before it, and its revert takes them away again.
    const migrate = (direction: 'up' | 'down') => asMigrator(t, (runner) => new SerialIndexReadings()[direction](runner));
    await migrate('down');
    expect(readings(await storedSerials([weapon.id]), weapon.id)).toEqual([[false, 'AB105']]);
    await migrate('up');
    expect(await storedSerials([weapon.id, same.id])).toEqual(stored);
  });

  it('finds a Cyrillic Ё with an accent of its own when the serial is typed with the Latin letter it looks like (Ë), and keys it so', async () => {
    // "КЁ̈ 2207": Cyrillic К, Ё and a combining diaeresis; its look-alike key is the Latin "KË2207", one letter Ë.
    const weapon = await registerWeapon(t, registrar, { serial: 'К\u0401\u0308 2207' });
    const hit = (await search({ serial: 'K\u00cb2207' })).items.find((i: { weapon: { id: string } }) => i.weapon.id === weapon.id);
    expect(hit).toMatchObject({ score: 0.9 });
    const key = async () => entryOf(await storedSerials([weapon.id]), weapon.id)!.serial_key;
    expect(await key()).toBe('K\u00cb2207');
    // Reverted, the key is as it was (two characters), and the migration composes it again.
    const migrate = (direction: 'up' | 'down') => asMigrator(t, (runner) => new SerialIndexReadings()[direction](runner));
    await migrate('down');
    expect(await key()).toBe('KE\u03082207');
    await migrate('up');
    expect(await key()).toBe('K\u00cb2207');
  });

  it('finds look-alike readings (O/0, I/1/L, S/5, B/8, Z/2, G/6) below an exact match', async () => {
    const weapon = await registerWeapon(t, registrar, { serial: 'B0S-1Z6' });
    const result = await search({ serial: '8O5-IZG' });
    const hit = result.items.find((i: { weapon: { id: string } }) => i.weapon.id === weapon.id);
    expect(hit.score).toBe(0.9);
    expect(hit.reasons[0]).toMatch(/^serial B0S1Z6 matches with look-alike characters \(8 read as B, O read as 0, 5 read as S, I read as 1, G read as 6\)$/);
  });

  it('says when more serials fit than a search reads (5,000), filters or not, and not otherwise', async () => {
    await ownerQuery(t, `INSERT INTO weapons (state_code, category, type_code, serial_as_marked, serial_normalised, status)
                         SELECT 'FRA', 'small_arm', 'pistol', 'TRQ' || n, 'TRQ' || n, 'civilian_held' FROM generate_series(1, 5001) AS n`, [], 'FRA');
    const broad = await search({ serial: 'TRQ*', limit: 5 });
    expect(broad).toMatchObject({ truncated: true, serialQuery: { kind: 'pattern' } });
    expect(broad.items).toHaveLength(5);
    // Filters read only what the index gave: none of those 5,000 is a Glock, and the answer says it may be incomplete.
    expect(await search({ serial: 'TRQ*', manufacturer: 'Glock' })).toEqual({ items: [], serialQuery: { kind: 'pattern', normalised: 'TRQ*' }, truncated: true });
    expect(await search({ serial: 'TRQ1?' })).toMatchObject({ truncated: false });
    // Exactly as many as a search reads: all were read.
    await ownerQuery(t, `INSERT INTO weapons (state_code, category, type_code, serial_as_marked, serial_normalised, status)
                         SELECT 'FRA', 'small_arm', 'pistol', 'TRP' || n, 'TRP' || n, 'civilian_held' FROM generate_series(1, 5000) AS n`, [], 'FRA');
    expect(await search({ serial: 'TRP*', manufacturer: 'Glock' })).toMatchObject({ items: [], truncated: false });
    expect(await search({ serial: 'TRP*' })).toMatchObject({ truncated: false });
    expect(await search({ serial: 'TRQ1?', manufacturer: 'Glock' })).toEqual({ items: [], serialQuery: { kind: 'pattern', normalised: 'TRQ1?' }, truncated: false });
    expect(await search({ serial: 'TRQ4711' })).toMatchObject({ truncated: false, items: [expect.objectContaining({ score: 1 })] });
    expect(await search({ manufacturer: 'Glock' })).toMatchObject({ truncated: false });
  });

  it('finds partial serials: ? for one unreadable character, * for an obliterated run', async () => {
    const weapon = await registerWeapon(t, registrar, { serial: 'PQ4471983' });
    for (const pattern of ['PQ44?1983', 'PQ4?7?983', '*71983', 'PQ447*', 'P*719?3', 'PQ?4?19?3', '*4?1?83']) {
      const result = await search({ serial: pattern });
      expect(result.serialQuery.kind).toBe('pattern');
      const hit = result.items.find((i: { weapon: { id: string } }) => i.weapon.id === weapon.id);
      expect({ pattern, found: Boolean(hit) }).toEqual({ pattern, found: true });
      expect(hit.score).toBeLessThan(0.9);
      expect(hit.reasons[0]).toContain('fits the partial serial');
    }
    // Separators or invisible characters alone are no serial: 400, not an empty answer that ignores the filters.
    for (const nothing of ['-', ' / ', '\u2013', '\u200b']) {
      const refused = await t.http.post('/api/v1/weapons/search').set(bearer(registrar)).send({ serial: nothing, manufacturer: 'Glock' }).expect(400);
      expect(refused.body.details).toEqual([{ field: 'serial', messages: ['serial holds no letter or digit: leave it out to search by the other fields alone'] }]);
    }
    const broad = await t.http.post('/api/v1/weapons/search').set(bearer(registrar)).send({ serial: '*4*' }).expect(400);
    expect(broad.body.details[0].field).toBe('serial');
    // As many readable characters, but neither three in a row nor two at an end: the index could narrow nothing.
    for (const scattered of ['P?4?7?9', '*Q*X*J', '?Q4?1?', '*P?4*']) {
      const refused = await t.http.post('/api/v1/weapons/search').set(bearer(registrar)).send({ serial: scattered }).expect(400);
      expect(refused.body.details).toEqual([{ field: 'serial', messages: ['a partial serial needs at least 3 readable characters in a row, or 2 at its start or end'] }]);
    }
  });

  it('filters by manufacturer and calibre through their aliases, and by country, years and status', async () => {
    const serial = 'FLT-2000-1';
    const weapon = await registerWeapon(t, registrar, { serial, yearOfManufacture: 1988, occurredOn: '1988-03-01' });
    const byAlias = await search({ serial, manufacturer: 'Fabrique Nationale', calibre: '5.56x45' });
    expect(byAlias.items[0].weapon.id).toBe(weapon.id);
    expect(byAlias.items[0].reasons).toEqual(
      expect.arrayContaining(['manufacturer FN Herstal (through "Fabrique Nationale")', expect.stringMatching(/^calibre 5\.56×45 mm NATO/)]),
    );
    expect((await search({ serial, manufacturer: 'Glock' })).items).toEqual([]);
    expect((await search({ serial, calibre: '9mm Luger' })).items).toEqual([]);
    expect((await search({ serial, country: 'BEL', yearFrom: 1980, yearTo: 1990, status: ['civilian_held'] })).items).toHaveLength(1);
    expect((await search({ serial, yearFrom: 1990 })).items).toEqual([]);
    expect((await search({ serial, status: ['destroyed'] })).items).toEqual([]);
    const filtersOnly = await search({ manufacturer: 'FN', yearFrom: 1988, yearTo: 1988 });
    expect(filtersOnly.items.map((i: { weapon: { id: string } }) => i.weapon.id)).toContain(weapon.id);
  });

  it('compares a make or calibre not in the reference data as the registry compares names, and one of no Latin letter by its case', async () => {
    const acme = await registerWeapon(t, registrar, { serial: 'ACM-77-1', manufacturer: 'Acme Arms Workshop', calibre: '.17 Acme Special', craftOr3dPrinted: true });
    const byKey = await search({ serial: 'ACM-77-1', manufacturer: 'ACME-ARMS workshop', calibre: '.17 ACME special' });
    expect(byKey.items.map((i: { weapon: { id: string } }) => i.weapon.id)).toEqual([acme.id]);
    // Cyrillic is read in Latin letters by the key; a name in a script it does not read has an empty key, and is compared by its case.
    const cyrillic = await registerWeapon(t, registrar, { serial: 'ACM-77-2', manufacturer: 'Мастерская Петрова', craftOr3dPrinted: true });
    expect((await search({ serial: 'ACM-77-2', manufacturer: 'мастерская петрова' })).items.map((i: { weapon: { id: string } }) => i.weapon.id)).toEqual([cyrillic.id]);
    expect((await search({ serial: 'ACM-77-2', manufacturer: 'Мастерская Иванова' })).items).toEqual([]);
    const [{ key }] = await ownerQuery<{ key: string }>(t, `SELECT reference_key('東京工房') AS key`);
    expect(key).toBe('');
    const cjk = await registerWeapon(t, registrar, { serial: 'ACM-77-3', manufacturer: '東京工房', craftOr3dPrinted: true });
    expect((await search({ serial: 'ACM-77-3', manufacturer: '東京工房' })).items.map((i: { weapon: { id: string } }) => i.weapon.id)).toEqual([cjk.id]);
    expect((await search({ serial: 'ACM-77-3', manufacturer: '大阪工房' })).items).toEqual([]);
  });

  it('names what a search lacks or gets backwards, and reads a country in lower case', async () => {
    const refused = async (body: Record<string, unknown>) => (await t.http.post('/api/v1/weapons/search').set(bearer(registrar)).send(body).expect(400)).body.details;
    expect(await refused({})).toEqual([{ field: 'serial', messages: [expect.stringContaining('give a serial, or at least one of manufacturer, model')] }]);
    expect(await refused({ limit: 5, status: [] })).toEqual([expect.objectContaining({ field: 'serial' })]);
    expect(await refused({ serial: 'ZZ1', yearFrom: 1995, yearTo: 1990 })).toEqual([{ field: 'yearTo', messages: ['yearTo 1990 is before yearFrom 1995'] }]);
    // A JSON body gives numbers: a year as text is refused (a query string's is read as a number).
    expect(await refused({ serial: 'ZZ1', yearFrom: '1980' })).toEqual([expect.objectContaining({ field: 'yearFrom' })]);
    const serial = 'LOWER-CASE-1';
    const weapon = await registerWeapon(t, registrar, { serial });
    expect((await search({ serial, country: 'bel' })).items.map((i: { weapon: { id: string } }) => i.weapon.id)).toEqual([weapon.id]);
  });

  it('lists every record that passes the filters, a page at a time, with GET /weapons', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await registerWeapon(t, registrar, { model: 'LISTX-9', yearOfManufacture: 1991, occurredOn: '1991-06-01' })).id);
      t.clock.advance(10);
    }
    await registerWeapon(t, registrar, { model: 'LISTX-9', yearOfManufacture: 1999, occurredOn: '1999-06-01' });
    await registerWeapon(t, registrar, { model: 'LISTX-9', manufacturer: 'Glock', calibre: '9mm Luger', yearOfManufacture: 1991, occurredOn: '1991-06-01', countryOfManufacture: 'AUT' });
    const query = { model: 'listx-9', manufacturer: 'Fabrique Nationale', calibre: '5.56x45', country: 'bel', yearFrom: 1990, yearTo: 1992, status: 'civilian_held', limit: 1 };
    const listed = await allPages<{ id: string }>(t, registrar, '/api/v1/weapons', query);
    expect(listed.map((w) => w.id)).toEqual(ids);
    const reversed = await t.http.get('/api/v1/weapons').query({ yearFrom: 1995, yearTo: 1990 }).set(bearer(registrar)).expect(400);
    expect(reversed.body.details).toEqual([{ field: 'yearTo', messages: ['yearTo 1990 is before yearFrom 1995'] }]);
    expect((await t.http.get('/api/v1/weapons').query({ yearFrom: 'old' }).set(bearer(registrar)).expect(400)).body.details[0].field).toBe('yearFrom');
  });

  it('shows the newest record first among matches of equal score', async () => {
    const registered: string[] = [];
    for (const letter of 'ACDEFH') {
      registered.push((await registerWeapon(t, registrar, { serial: `TIE-77-${letter}1` })).id);
      t.clock.advance(10);
    }
    const hits = (await search({ serial: 'TIE77?1' })).items as { weapon: { id: string }; score: number }[];
    expect(hits.map((h) => h.weapon.id)).toEqual([...registered].reverse());
    expect(new Set(hits.map((h) => h.score)).size).toBe(1);
  });

  it('finds markings\' serials too (a modular weapon\'s parts)', async () => {
    const weapon = await registerWeapon(t, registrar, {
      serial: 'FRAME-0091',
      modular: true,
      markings: [
        { kind: 'manufacture', component: 'frame', text: 'FN BEL FRAME-0091', manufacturer: 'FN', country: 'BEL', serial: 'FRAME-0091' },
        { kind: 'manufacture', component: 'barrel', text: 'BRL 55120', manufacturer: 'FN', country: 'BEL', serial: 'BRL-55120' },
      ],
    });
    expect((await search({ serial: 'BRL55120' })).items[0].weapon.id).toBe(weapon.id);
  });

  describe('properties', () => {
    // Every letter and digit, the look-alikes among them.
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
    const partArb = fc.array(fc.constantFrom(...alphabet), { minLength: 3, maxLength: 5 }).map((cs) => cs.join(''));
    /** Each character that has a look-alike, and what it is typed as: a letter as its digit, a digit as each letter read so. */
    const swaps = Object.entries(LOOK_ALIKES).flatMap(([letter, digit]) => [[letter, digit], [digit, letter]]);

    it('every registered serial is found exactly, and still with any one character as ? or as a look-alike', async () => {
      await fc.assert(
        fc.asyncProperty(partArb, fc.constantFrom(...swaps), partArb, fc.nat(), async (before, [character, typed], after, position) => {
          const serial = `${before}${character}${after}`;
          const weapon = await registerWeapon(t, registrar, { serial });
          const ids = async (query: string) => (await search({ serial: query, limit: 100 })).items.map((i: { weapon: { id: string } }) => i.weapon.id);
          expect(await ids(serial)).toContain(weapon.id);
          const i = position % serial.length;
          expect(await ids(`${serial.slice(0, i)}?${serial.slice(i + 1)}`)).toContain(weapon.id);
          expect(await ids(`${before}${typed}${after}`)).toContain(weapon.id);
        }),
        { numRuns: 25 },
      );
    });

    it('normalises and folds exactly like the SQL functions the index is built with', async () => {
      const client = new Client({ connectionString: t.db.appUrl });
      await client.connect();
      try {
        await fc.assert(
          fc.asyncProperty(fc.string({ maxLength: 20, unit: fc.constantFrom(...'aBcOoIiLlSsZzGg019 -./\t\u00a0é½Ⅻ_%\u2010\u2011\u2013\u2014\u2212\uff0d\u00ad\u200b\u200d\u2060\ufeff\u202e\ufe0f\u3164e\u0301\u0308\u034fкКтТоОзЗёЁїЇжЖґҐѕЅαΑοΟζΖςσΣλΛ'.split('')) }), async (text) => {
            const { rows } = await client.query('SELECT serial_normalise($1) AS n, serial_fold($1) AS f', [text]);
            expect({ text, n: rows[0].n, f: rows[0].f }).toEqual({ text, n: normaliseSerial(text), f: foldSerial(text) });
          }),
          { numRuns: 300 },
        );
      } finally {
        await client.end();
      }
    });
  });

  it('reads the weapons of one make, without a serial, through an index by make (query plan)', async () => {
    // 20,000 Glocks, newer than the two FN rifles searched for.
    const fn = await ownerQuery<{ id: string }>(t, `INSERT INTO weapons (state_code, category, type_code, manufacturer_code, serial_normalised, status, created_at)
                         VALUES ('KEN', 'small_arm', 'rifle', 'fn-herstal', 'KFN1', 'civilian_held', now() - interval '2 days'),
                                ('KEN', 'small_arm', 'rifle', 'fn-herstal', 'KFN2', 'civilian_held', now() - interval '1 day') RETURNING id`, [], 'KEN');
    await ownerQuery(t, `INSERT INTO weapons (state_code, category, type_code, manufacturer_code, serial_normalised, status)
                         SELECT 'KEN', 'small_arm', 'pistol', 'glock', 'KGL' || n, 'civilian_held' FROM generate_series(1, 20000) AS n`, [], 'KEN');
    await ownerQuery(t, 'ANALYZE weapons');
    // The query of a search without a serial, as the app role (row-level security binds it).
    const plan = await queryPlan(t, `SELECT w.id FROM weapons w WHERE w.state_code = 'KEN' AND w.manufacturer_code = 'fn-herstal' ORDER BY w.created_at DESC LIMIT 21`,
      { stateCode: 'KEN', asApp: true, analyze: true });
    expect(plan).toContain('IDX_weapons_state_manufacturer');
    expect(plan).not.toContain('Rows Removed by Filter');
    const kenRegistrar = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['registrar'] }));
    const found = await search({ manufacturer: 'Fabrique Nationale' }, kenRegistrar);
    // Newest first.
    expect(found.items.map((i: { weapon: { id: string } }) => i.weapon.id)).toEqual([fn[1].id, fn[0].id]);
  });

  it('looks each serial match up by primary key, not by walking the registry, whatever its size (query plans)', async () => {
    // 30,000 weapons: a size at which, believing the search functions return 1,000 rows, the planner
    // walked the whole primary key in id order (a merge join) to join a match or two to its weapon. That
    // walk looks cheap because ids follow the order of insertion, as the service's time-ordered (version 7)
    // UUIDs do: these are made the same way.
    await ownerQuery(t, `INSERT INTO weapons (id, state_code, category, type_code, serial_as_marked, serial_normalised, status)
                         SELECT ('01a20ace-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'BRA', 'small_arm', 'pistol', 'BR' || n, 'BR' || n, 'civilian_held'
                           FROM generate_series(1, 30000) AS n`, [], 'BRA');
    await ownerQuery(t, 'ANALYZE weapons, weapon_serials');
    const [{ key }] = await ownerQuery<{ key: string }>(t, `SELECT serial_fold('BR12345') AS key`);
    // The query of WeaponsRepository.serialMatches as the service sends it, run as the app role.
    const planOf = async (match: SerialMatch) => {
      const [sql, params] = await t.app.get(Db).inState('BRA', async () => t.app.get(WeaponsRepository).serialMatchesQuery('BRA', match, {}, 20).getQueryAndParameters());
      return queryPlan(t, sql, { params, stateCode: 'BRA', asApp: true, analyze: true });
    };
    const plans = [await planOf({ kind: 'exact', key, normalised: 'BR12345' }), await planOf({ kind: 'pattern', key: `${key.slice(0, 6)}_`, normalised: null })];
    for (const plan of plans) {
      expect(plan).toContain('Nested Loop');
      expect(plan).toMatch(/Index Scan using "PK_\w+" on weapons w/);
      expect(plan).toMatch(/Index Cond: \(id = /);
      expect(plan).not.toMatch(/Merge Join|Hash Join/);
    }
    expect((await search({ serial: 'BR12345' })).items.length).toBe(0); // another State's: BRA's registrar is not this one
    const braRegistrar = await login(t, await createUser(t, { stateCode: 'BRA', roles: ['registrar'] }));
    expect((await search({ serial: 'br-12345' }, braRegistrar)).items.map((i: { weapon: { serialNormalised: string } }) => i.weapon.serialNormalised)).toEqual(['BR12345']);
  });

  it('uses the trigram index for partial serials under row-level security (query plans)', async () => {
    // A registry large enough for the planner to prefer an index to a scan: 60,000 serials, loaded
    // in bulk (the trigram index rebuilt once, not row by row; this database is this file's own).
    await ownerQuery(
      t,
      `INSERT INTO weapons (state_code, category, type_code, serial_normalised, status)
       SELECT 'FRA', 'small_arm', 'rifle', upper(substr(md5(i::text), 1, 9)), 'civilian_held' FROM generate_series(1, 60000) i`,
      [],
      'FRA',
    );
    await ownerQuery(t, 'DROP INDEX "IDX_weapon_serials_trgm"');
    await ownerQuery(
      t,
      `INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
       SELECT state_code, id, serial_normalised, serial_fold(serial_normalised) FROM weapons WHERE serial_as_marked IS NULL AND type_code = 'rifle'`,
      [],
      'FRA',
    );
    await ownerQuery(t, 'CREATE INDEX "IDX_weapon_serials_trgm" ON weapon_serials USING gin (serial_key gin_trgm_ops)');
    await ownerQuery(t, 'ANALYZE weapon_serials');
    const [{ key }] = await ownerQuery<{ key: string }>(t, `SELECT serial_fold(upper(substr(md5('1234'), 1, 9))) AS key`);
    const pattern = `${key.slice(0, 3)}_${key.slice(4, 8)}%`;
    const planOf = (sql: string, params: unknown[] = [], asApp = false) => queryPlan(t, sql, { params, stateCode: 'FRA', asApp });
    // The search function's own query, as it runs (as the owner, which weapon_serials' policy does not bind).
    expect(await planOf(SERIAL_PATTERN_QUERY.replace('$1', `'FRA'`).replace('$2', `'${pattern}'`).replace('$3', '500'))).toContain(
      'Bitmap Index Scan on "IDX_weapon_serials_trgm"',
    );
    expect(await planOf(`SELECT weapon_id FROM weapon_serials WHERE state_code = 'FRA' AND serial_key = '${key}'`)).toContain('IDX_weapon_serials_key');
    // The few entries held partly read, which an exact serial may fit, through their own index.
    expect(await planOf(SERIAL_EXACT_QUERY.replaceAll('$1', `'${key}'`).replaceAll('$2', '5001'))).toContain('IDX_weapon_serials_partial');

    // Why it is built so: the same LIKE on a table whose policy binds the caller cannot use a trigram index.
    await ownerQuery(t, 'CREATE INDEX rls_probe_trgm ON weapons USING gin (serial_normalised gin_trgm_ops)');
    try {
      await ownerQuery(t, 'ANALYZE weapons');
      const probe = `SELECT id FROM weapons WHERE state_code = 'FRA' AND serial_normalised LIKE '${pattern}'`;
      expect(await planOf(probe, [], true)).not.toContain('rls_probe_trgm');
      // Control: the same query by the owner, with the policy not forced on it, does use that index.
      await ownerQuery(t, 'ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY');
      try {
        expect(await planOf(probe)).toContain('rls_probe_trgm');
      } finally {
        await ownerQuery(t, 'ALTER TABLE weapons FORCE ROW LEVEL SECURITY');
      }
    } finally {
      await ownerQuery(t, 'DROP INDEX rls_probe_trgm');
    }

    // And through the API the function finds it, in the caller's State only.
    const [{ normalised }] = await ownerQuery<{ normalised: string }>(t, `SELECT upper(substr(md5('1234'), 1, 9)) AS normalised`);
    const found = await search({ serial: `${normalised.slice(0, 3)}?${normalised.slice(4, 8)}*` });
    expect(found.items.map((i: { weapon: { serialNormalised: string } }) => i.weapon.serialNormalised)).toContain(normalised);
  });
});
