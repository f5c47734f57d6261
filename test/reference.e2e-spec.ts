import { allPages, asMigrator, bearer, createTestApp, createUser, login, ownerQuery, TestApp, Tokens } from './support/test-app';
import { ReferenceKeyScripts1795486000000 as ReferenceKeyScripts } from '../migrations/1795486000000-ReferenceKeyScripts';
import { ReferenceKeyLatinLetters1795498000000 as ReferenceKeyLatinLetters } from '../migrations/1795498000000-ReferenceKeyLatinLetters';
import { AmbiguousCalibreAliases1795500000000 as AmbiguousCalibreAliases } from '../migrations/1795500000000-AmbiguousCalibreAliases';
import { referenceKey } from '../src/reference/reference-key';
import { IMPORT_HEADER, importRow, registerWeapon, uniqueSerial } from './support/weapons';

describe('reference data', () => {
  let t: TestApp;
  let registrar: Tokens;
  let braRegistrar: Tokens;
  let officer: Tokens;

  beforeAll(async () => {
    t = await createTestApp();
    registrar = await login(t, await createUser(t, { roles: ['registrar'] }));
    braRegistrar = await login(t, await createUser(t, { stateCode: 'BRA', roles: ['registrar'] }));
    officer = await login(t, await createUser(t, { roles: ['officer'] }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists the ITI para 4 weapon types', async () => {
    const types = (await t.http.get('/api/v1/reference/weapon-types').query({ limit: 100 }).set(bearer(officer)).expect(200)).body.items;
    const codes = types.map((w: { code: string }) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['revolver', 'self_loading_pistol', 'rifle', 'carbine', 'sub_machine_gun', 'assault_rifle', 'light_machine_gun',
      'heavy_machine_gun', 'grenade_launcher', 'portable_anti_aircraft_gun', 'portable_anti_tank_gun', 'recoilless_rifle',
      'portable_anti_tank_missile_launcher', 'portable_anti_aircraft_missile_launcher', 'mortar']));
    expect(types.find((w: { code: string }) => w.code === 'mortar').category).toBe('light_weapon');
  });

  it('ships at least 60 calibres and 100 manufacturers, searchable by alias', async () => {
    const count = async (path: string) => (await allPages(t, officer, path, { limit: 100 })).length;
    expect(await count('/api/v1/reference/calibres')).toBeGreaterThanOrEqual(60);
    expect(await count('/api/v1/reference/manufacturers')).toBeGreaterThanOrEqual(100);
    const parabellum = (await t.http.get('/api/v1/reference/calibres').query({ q: '9 mm parabellum' }).set(bearer(officer)).expect(200)).body.items;
    expect(parabellum.map((c: { code: string }) => c.code)).toContain('9x19mm');
    const izhmash = (await t.http.get('/api/v1/reference/manufacturers').query({ q: 'izhmash' }).set(bearer(officer)).expect(200)).body.items;
    expect(izhmash[0]).toMatchObject({ name: expect.stringContaining('Kalashnikov'), country: 'RUS' });
  });

  it('keeps as given, and flags, a bare designation that names several calibres: .357, 82 mm, and 57 mm (not 5.7 mm)', async () => {
    const calibreOf = async (calibre: string) => {
      const weapon = await registerWeapon(t, registrar, { calibre });
      return [weapon.calibreCode, weapon.unknownReferences];
    };
    expect(await calibreOf('57 mm')).toEqual([null, ['calibre']]);
    expect(await calibreOf('.357')).toEqual([null, ['calibre']]);
    expect(await calibreOf('82mm')).toEqual([null, ['calibre']]);
    // The full designations still match.
    expect(await calibreOf('.357 Magnum')).toEqual(['.357mag', []]);
    expect(await calibreOf('5.7x28')).toEqual(['5.7x28mm', []]);
    expect(await calibreOf('82 mm mortar bomb')).toEqual(['82mm-mortar', []]);
    // Migration AmbiguousCalibreAliases takes them out of a database that shipped them, and back in when reverted.
    const aliases = async () => Object.fromEntries((await ownerQuery<{ code: string; aliases: string[] }>(t,
      `SELECT code, aliases FROM reference_calibres WHERE code IN ('82mm-mortar', '.357mag', '5.7x28mm') ORDER BY code`)).map((r) => [r.code, r.aliases]));
    const now = await aliases();
    await asMigrator(t, (runner) => new AmbiguousCalibreAliases().down(runner));
    const before = await aliases();
    // Each back where it was among the aliases shipped before.
    expect(before['.357mag']).toEqual(['.357 Mag', '.357 S&W Magnum', '.357', '9x33mmR', '9x33R']);
    expect(before['82mm-mortar']).toEqual(['82mm', '82 mm mortar bomb', '82 mm Soviet mortar']);
    expect(before['5.7x28mm']).toEqual(['5.7x28', '5.7x28mm', '5,7x28', '5.7 mm FN', '5.7mm', '5.7x28 FN']);
    await asMigrator(t, (runner) => new AmbiguousCalibreAliases().up(runner));
    expect(await aliases()).toEqual(now);
    expect(Object.values(now).flat()).not.toContain('.357');
  });

  it('lets a registrar add a manufacturer and aliases, seen and matched in their State only', async () => {
    const added = await t.http
      .post('/api/v1/reference/manufacturers')
      .set(bearer(registrar))
      .send({ code: 'atelier-dupont', name: 'Atelier Dupont', country: 'FRA', aliases: ['Dupont & Fils', 'ADP'] })
      .expect(201);
    expect(added.body).toMatchObject({ code: 'atelier-dupont', addedByState: true });
    await t.http.post('/api/v1/reference/calibres').set(bearer(registrar)).send({ code: '9x19mm', name: '9×19 mm Parabellum', aliases: ['9 para FR'] }).expect(201);

    const weapon = await registerWeapon(t, registrar, {
      manufacturer: 'Dupont & Fils', calibre: '9 para FR', serial: uniqueSerial(),
      markings: [{ kind: 'manufacture', component: 'frame', text: 'ADP', manufacturer: 'ADP', country: 'FRA', serial: uniqueSerial() }],
    });
    expect(weapon).toMatchObject({ manufacturerCode: 'atelier-dupont', calibreCode: '9x19mm', unknownReferences: [] });

    const inBrazil = (await t.http.get('/api/v1/reference/manufacturers').query({ q: 'dupont' }).set(bearer(braRegistrar)).expect(200)).body.items;
    expect(inBrazil).toEqual([]);
    const again = await t.http.post('/api/v1/reference/manufacturers').set(bearer(registrar)).send({ code: 'atelier-dupont', name: 'X', country: 'FRA', aliases: [] }).expect(409);
    expect(again.body.code).toBe('REFERENCE_ADDITION_EXISTS');
    await t.http.post('/api/v1/reference/manufacturers').set(bearer(officer)).send({ code: 'x', name: 'X', country: 'FRA', aliases: [] }).expect(403);
    const bad = await t.http.post('/api/v1/reference/manufacturers').set(bearer(registrar)).send({ code: 'Bad Code', name: '', country: 'France', aliases: 'no' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['aliases', 'code', 'country', 'name']);
  });

  it('gives a name to one entry only when two registrars add it at the same time', async () => {
    for (let round = 0; round < 5; round++) {
      const alias = `Armes Simultanées ${round}`;
      const add = (code: string) => t.http.post('/api/v1/reference/manufacturers').set(bearer(registrar)).send({ code, name: `${code} SA`, country: 'FRA', aliases: [alias] });
      const answers = await Promise.all([add(`simul-a${round}`), add(`simul-b${round}`)]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
      expect(answers.find((a) => a.status === 400)!.body.details[0]).toMatchObject({ field: 'aliases[0]' });
    }
  });

  it('reads an addition into the records that already name it, in the adding State only', async () => {
    const search = async (tokens: Tokens, body: Record<string, unknown>) =>
      ((await t.http.post('/api/v1/weapons/search').set(bearer(tokens)).send(body).expect(200)).body.items as { weapon: { id: string } }[]).map((i) => i.weapon.id);
    const serial = uniqueSerial('FE');
    const fra = await registerWeapon(t, registrar, { manufacturer: 'Ferrand & Cie', calibre: '7,62 M43', serial });
    const bra = await registerWeapon(t, braRegistrar, { manufacturer: 'Ferrand & Cie', serial: uniqueSerial('FE') });
    expect(fra).toMatchObject({ manufacturerCode: null, unknownReferences: ['manufacturer', 'calibre'] });

    await t.http.post('/api/v1/reference/manufacturers').set(bearer(registrar))
      .send({ code: 'ateliers-ferrand', name: 'Ateliers Ferrand', country: 'FRA', aliases: ['Ferrand et Cie', 'Ferrand & Cie'] }).expect(201);
    // An alias added to a shipped calibre: the record names it now.
    await t.http.post('/api/v1/reference/calibres').set(bearer(registrar)).send({ code: '7.62x39mm', name: '7.62×39 mm', aliases: ['7,62 M43'] }).expect(201);
    const adopted = (await t.http.get(`/api/v1/weapons/${fra.id}`).set(bearer(registrar)).expect(200)).body;
    expect(adopted).toMatchObject({ manufacturerCode: 'ateliers-ferrand', manufacturer: 'Ferrand & Cie', calibreCode: '7.62x39mm', calibre: '7,62 M43', unknownReferences: [] });
    expect(await search(registrar, { manufacturer: 'Ateliers Ferrand', serial })).toEqual([fra.id]);
    expect((await t.http.get(`/api/v1/weapons/${bra.id}`).set(bearer(braRegistrar)).expect(200)).body).toMatchObject({ manufacturerCode: null, unknownReferences: ['manufacturer'] });
  });

  it('refuses an alias added to an entry that already names another one, and reads a country in lower case, naming the field', async () => {
    const taken = await t.http.post('/api/v1/reference/manufacturers').set(bearer(registrar))
      .send({ code: 'glock', name: 'Glock', country: 'AUT', aliases: ['Glock Ges.m.b.H.', 'Fabrique Nationale'] }).expect(400);
    expect(taken.body.details).toEqual([{ field: 'aliases[1]', messages: [expect.stringMatching(/^"Fabrique Nationale" already names FN Herstal \(fn-herstal\)/)] }]);
    const calibre = await t.http.post('/api/v1/reference/calibres').set(bearer(registrar)).send({ code: '.22lr', name: '.22 Long Rifle', aliases: ['9 mm Luger'] }).expect(400);
    expect(calibre.body.details.map((d: { field: string }) => d.field)).toEqual(['aliases[0]']);
    const unknown = await t.http.post('/api/v1/reference/manufacturers').set(bearer(registrar)).send({ code: 'fabrique-dupuis', name: 'Fabrique Dupuis', country: 'XXX', aliases: [] }).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'country', messages: ['XXX is not an ISO 3166 State known to this node'] }]);
    const added = await t.http.post('/api/v1/reference/manufacturers').set(bearer(registrar)).send({ code: 'fabrique-dupuis', name: 'Fabrique Dupuis', country: 'fra', aliases: ['Dupuis'] }).expect(201);
    expect(added.body).toMatchObject({ code: 'fabrique-dupuis', country: 'FRA' });
    // An entry's own names may be given again when adding aliases to it.
    await t.http.post('/api/v1/reference/manufacturers').set(bearer(braRegistrar)).send({ code: 'fn-herstal', name: 'FN Herstal', country: 'BEL', aliases: ['Fabrique Nationale', 'FN Belgique'] }).expect(201);
    // A new entry may take a shipped name of another (it wins), not one a registrar added to another.
    const added2 = await t.http.post('/api/v1/reference/manufacturers').set(bearer(braRegistrar)).send({ code: 'fn-belgique-sa', name: 'FN Belgique', country: 'BEL', aliases: [] }).expect(400);
    expect(added2.body.details).toEqual([{ field: 'name', messages: [expect.stringMatching(/^"FN Belgique" already names FN Herstal \(fn-herstal\)/)] }]);
    // A code is a name too.
    const code = await t.http.post('/api/v1/reference/manufacturers').set(bearer(braRegistrar)).send({ code: 'fn-belgique', name: 'Fabrique de Liège', country: 'BEL', aliases: [] }).expect(400);
    expect(code.body.details.map((d: { field: string }) => d.field)).toEqual(['code']);
  });

  it('keeps a shipped name from a new entry once records of the State were coded through it: a search by it would miss them', async () => {
    const deuRegistrar = await login(t, await createUser(t, { stateCode: 'DEU', roles: ['registrar'] }));
    const serial = `FNX${Date.now()}`;
    const registered = await t.http.post('/api/v1/weapons').set(bearer(deuRegistrar))
      .send({ origin: 'found', occurredOn: '2026-01-01', type: 'rifle', manufacturer: 'F.N.', serial }).expect(201);
    expect(registered.body.manufacturerCode).toBe('fn-herstal');
    const refused = await t.http.post('/api/v1/reference/manufacturers').set(bearer(deuRegistrar))
      .send({ code: 'fn-lokal', name: 'FN Lokalwerk', country: 'DEU', aliases: ['FN'] }).expect(400);
    expect(refused.body.details).toEqual([{ field: 'aliases[0]', messages: ['"FN" names FN Herstal (fn-herstal) in 1 record of this State: taken by another entry, a search by it would no longer find them; choose another name'] }]);
    // The record is found by the name it was registered with, as before.
    const found = await t.http.post('/api/v1/weapons/search').set(bearer(deuRegistrar)).send({ serial, manufacturer: 'FN' }).expect(200);
    expect(found.body.items.map((i: { weapon: { id: string } }) => i.weapon.id)).toEqual([registered.body.id]);
    // Another State, whose records never named it so, may still give the name to an entry of its own.
    const ken = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['registrar'] }));
    await t.http.post('/api/v1/reference/manufacturers').set(bearer(ken)).send({ code: 'fn-lokal', name: 'FN Lokalwerk', country: 'DEU', aliases: ['FN'] }).expect(201);
  });

  it('matches Cyrillic and Greek names spelled in Latin, in the API, the import and the reference lists', async () => {
    // Ижмаш is Izhmash, a former name of Kalashnikov Concern; 7,62х39 мм (a Cyrillic х) is 7.62x39mm; ΕΑΣ is EAS.
    const made = { serial: uniqueSerial(), countryOfManufacture: undefined, markings: undefined, manufacturer: 'Ижмаш', calibre: '7,62х39 мм' };
    const weapon = await registerWeapon(t, registrar, { ...made, markings: [{ kind: 'manufacture', component: 'receiver', text: `ИЖМАШ ${made.serial}`, manufacturer: 'Ижмаш', country: 'RUS', serial: made.serial }] });
    expect(weapon).toMatchObject({ manufacturerCode: 'kalashnikov-concern', manufacturer: 'Ижмаш', calibreCode: '7.62x39mm', countryOfManufacture: 'RUS', unknownReferences: [] });
    const serial = uniqueSerial();
    const csv = [IMPORT_HEADER, importRow({
      origin: 'manufactured', occurred_on: '2020-01-01', type: 'assault rifle', manufacturer: 'ΕΑΣ', calibre: '"7,62×39 мм"', serial, marking_text: `EAS ${serial}`, marking_component: 'receiver',
    })].join('\n');
    expect((await t.http.post('/api/v1/weapons/imports').set(bearer(registrar)).set('content-type', 'text/csv').send(csv).expect(201)).body).toMatchObject({ status: 'completed', rejectedRows: 0, rejections: { items: [] } });
    const [hit] = (await t.http.post('/api/v1/weapons/search').set(bearer(registrar)).send({ serial }).expect(200)).body.items;
    expect(hit.weapon).toMatchObject({ manufacturerCode: 'hellenic-defence-systems', calibreCode: '7.62x39mm', countryOfManufacture: 'GRC' });
    const listed = await t.http.get('/api/v1/reference/manufacturers').query({ q: 'Ижмаш' }).set(bearer(registrar)).expect(200);
    expect(listed.body.items.map((m: { code: string }) => m.code)).toEqual(['kalashnikov-concern']);
  });

  it('reads a name both shipped and added as the addition\'s in the API as in the import, whatever the codes\' order', async () => {
    // An alias a State added to a shipped entry that later shipped data gives to another entry with a later code (as
    // new shipped names can): the check at adding could not refuse it then, so it is written here directly.
    const [first, last] = await ownerQuery<{ code: string; name: string }>(t, `(SELECT code, name FROM reference_manufacturers ORDER BY code LIMIT 1) UNION ALL (SELECT code, name FROM reference_manufacturers ORDER BY code DESC LIMIT 1)`);
    await ownerQuery(t, `INSERT INTO reference_additions (state_code, kind, code, name, aliases) VALUES ('KEN', 'manufacturer', $1, $2, $3)`, [first.code, first.name, [last.name]], 'KEN');
    const kenRegistrar = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['registrar'] }));
    const viaApi = await registerWeapon(t, kenRegistrar, { manufacturer: last.name });
    const serial = uniqueSerial();
    const csv = [IMPORT_HEADER, importRow({ origin: 'manufactured', occurred_on: '2020-01-01', type: 'pistol', manufacturer: `"${last.name}"`, serial, marking_text: `X ${serial}`, marking_component: 'frame' })].join('\n');
    expect((await t.http.post('/api/v1/weapons/imports').set(bearer(kenRegistrar)).set('content-type', 'text/csv').send(csv).expect(201)).body.status).toBe('completed');
    const [viaImport] = (await t.http.post('/api/v1/weapons/search').set(bearer(kenRegistrar)).send({ serial }).expect(200)).body.items;
    expect(viaApi.manufacturerCode).toBe(first.code);
    expect(viaImport.weapon.manufacturerCode).toBe(first.code);
  });

  it('lists no entry for a query without a letter or digit it can key (not every one)', async () => {
    expect((await t.http.get('/api/v1/reference/manufacturers').query({ q: '北方工业' }).set(bearer(registrar)).expect(200)).body.items).toEqual([]);
  });

  it('refuses a name written only in a script it cannot key, and never matches one stored before names were checked', async () => {
    const chinese = await t.http.post('/api/v1/reference/manufacturers').set(bearer(registrar))
      .send({ code: 'north-ind', name: 'North Industries Works', country: 'CHN', aliases: ['北方工业', 'NIW'] }).expect(400);
    expect(chinese.body.details).toEqual([{ field: 'aliases', messages: [expect.stringContaining('aliases must each hold a Latin, Cyrillic or Greek letter or a digit')] }]);
    // A Cyrillic alias is a name like any other.
    await t.http.post('/api/v1/reference/manufacturers').set(bearer(registrar)).send({ code: 'vostok-arms', name: 'Vostok Arms', country: 'RUS', aliases: ['Восток'] }).expect(201);
    expect(await registerWeapon(t, registrar, { manufacturer: 'ВОСТОК', countryOfManufacture: 'RUS', serial: uniqueSerial() })).toMatchObject({ manufacturerCode: 'vostok-arms' });
    // One stored before names were checked (its key is empty) matches nothing, not every name in another script.
    await ownerQuery(t, `INSERT INTO reference_additions (state_code, kind, code, name, country, aliases) VALUES ('BRA', 'manufacturer', 'legacy-works', 'Legacy Works', 'CHN', '{北方工业}')`, [], 'BRA');
    const weapon = await registerWeapon(t, braRegistrar, { manufacturer: '建设工业', countryOfManufacture: 'BEL', serial: uniqueSerial() });
    expect(weapon).toMatchObject({ manufacturerCode: null, manufacturer: '建设工业', unknownReferences: ['manufacturer'], countryOfManufacture: 'BEL' });
  });

  it('keys every character in PostgreSQL as the service does (reference_key and referenceKey are twins)', async () => {
    // Every character up to the end of Japanese kana (no surrogates), alone and within Latin text.
    const characters = Array.from({ length: 0x3100 - 0x20 }, (_, n) => String.fromCharCode(0x20 + n));
    const samples = [...characters, ...characters.map((c) => `a${c}Ω9`), 'Ижмаш', 'Ελληνικά Αμυντικά Συστήματα', 'ЩУКА Ёж', '7,62×39 мм', 'Ђурђевац', 'Ґудзик Їжак', '7,62х39 мм', '9 Х\t18', '5,45χ39', '1х2х3х', 'х12х', '12 \u00a0х 3'];
    const rows = await ownerQuery<{ text: string; key: string }>(t, `SELECT x AS text, reference_key(x) AS key FROM unnest($1::text[]) x`, [samples]);
    const differ = rows.filter((row) => row.key !== referenceKey(row.text)).map((row) => `${row.text} (U+${row.text.codePointAt(0)!.toString(16)}): ${row.key} ≠ ${referenceKey(row.text)}`);
    expect(differ).toEqual([]);
    expect(rows).toHaveLength(samples.length);
  });

  it('keys every other code point in PostgreSQL as the service does too (fullwidth forms, ligatures, squared units, mathematical letters...)', async () => {
    // From the end of kana to the last code point, surrogates aside, in batches: the service's keys are sent, and
    // the database says where it differs. A character that Node.js's Unicode decomposes and the database's older
    // one does not yet know (U+1CCD6, outlined Latin letters of Unicode 16, on PostgreSQL 15) is the tables'
    // version, not the key: counted apart, and few.
    const codePoints = Array.from({ length: 0x110000 - 0x3100 }, (_, n) => 0x3100 + n).filter((c) => c < 0xd800 || c > 0xdfff);
    const differ: string[] = [];
    let newerUnicode = 0;
    const batch = 200_000;
    for (let first = 0; first < codePoints.length; first += batch) {
      const characters = codePoints.slice(first, first + batch).map((c) => String.fromCodePoint(c));
      const rows = await ownerQuery<{ text: string; key: string; known: boolean }>(t, `
        SELECT x AS text, reference_key(x) AS key, normalize(x, NFKD) = decomposed AS known
          FROM unnest($1::text[], $2::text[], $3::text[]) AS u (x, expected, decomposed) WHERE reference_key(x) IS DISTINCT FROM expected`,
      [characters, characters.map((c) => referenceKey(c)), characters.map((c) => c.normalize('NFKD'))]);
      newerUnicode += rows.filter((row) => !row.known).length;
      differ.push(...rows.filter((row) => row.known).map((row) => `U+${row.text.codePointAt(0)!.toString(16)}: ${row.key} ≠ ${referenceKey(row.text)}`));
    }
    expect(differ).toEqual([]);
    expect(newerUnicode).toBeLessThan(200);
    expect(['Ａ', 'ﬁ', '㎜', '𝐀', '①'].map((c) => referenceKey(c))).toEqual(['a', 'fi', 'mm', 'a', '1']);
  });

  it('reads the Cyrillic and Greek names of records kept before into their entries when migration ReferenceKeyScripts runs, additions first', async () => {
    await t.http.post('/api/v1/reference/manufacturers').set(bearer(braRegistrar)).send({ code: 'zarya-works', name: 'Zarya Works', country: 'RUS', aliases: ['Заря'] }).expect(201);
    const kept = async (tokens: Tokens, manufacturer: string) => {
      const weapon = await registerWeapon(t, tokens, { manufacturer, countryOfManufacture: 'RUS', serial: uniqueSerial() });
      // As the record was kept under the Latin-only key: its manufacturer unknown.
      await ownerQuery(t, `UPDATE weapons SET manufacturer_code = NULL, unknown_references = '{manufacturer}' WHERE id = $1`, [weapon.id], tokens === registrar ? 'FRA' : 'BRA');
      return weapon.id as string;
    };
    const [izhmash, zarya, zaryaElsewhere, unknown] = [await kept(registrar, 'Ижмаш'), await kept(braRegistrar, 'ЗАРЯ'), await kept(registrar, 'Заря'), await kept(registrar, 'Неизвестный завод')];
    await asMigrator(t, async (runner, client) => {
      // Back to the key before it, the later migration that replaced it undone first, then both again.
      await new ReferenceKeyLatinLetters().down(runner);
      await new ReferenceKeyScripts().down(runner);
      expect((await client.query(`SELECT reference_key('Ижмаш 74') AS key`)).rows).toEqual([{ key: '74' }]);
      await new ReferenceKeyScripts().up(runner);
      await new ReferenceKeyLatinLetters().up(runner);
    });
    const rows = await ownerQuery<{ id: string; manufacturer_code: string | null; unknown_references: string[] }>(
      t, `SELECT id, manufacturer_code, unknown_references FROM weapons WHERE id = ANY ($1)`, [[izhmash, zarya, zaryaElsewhere, unknown]], 'FRA');
    const bra = await ownerQuery<{ id: string; manufacturer_code: string | null; unknown_references: string[] }>(t, `SELECT id, manufacturer_code, unknown_references FROM weapons WHERE id = $1`, [zarya], 'BRA');
    const of = (id: string) => [...rows, ...bra].find((r) => r.id === id);
    expect(of(izhmash)).toMatchObject({ manufacturer_code: 'kalashnikov-concern', unknown_references: [] });
    expect(of(zarya)).toMatchObject({ manufacturer_code: 'zarya-works', unknown_references: [] });
    // BRA's addition is BRA's alone.
    expect(of(zaryaElsewhere)).toMatchObject({ manufacturer_code: null, unknown_references: ['manufacturer'] });
    expect(of(unknown)).toMatchObject({ manufacturer_code: null, unknown_references: ['manufacturer'] });
    const [shipped] = await ownerQuery<{ aliases: string[] }>(t, `SELECT aliases FROM reference_manufacturers WHERE code = 'kalashnikov-concern'`);
    expect(shipped.aliases).toContain('Концерн Калашников');
  });

  it('matches a name typed without ł, ı, ø, ß... to the entry written with them, and reads the records kept before into it when migration ReferenceKeyLatinLetters runs', async () => {
    // Fabryka Broni Radom's former name is "Zakłady Metalowe Łucznik"; Sarsılmaz is shipped as written.
    expect(await registerWeapon(t, registrar, { manufacturer: 'ZAKLADY METALOWE LUCZNIK', countryOfManufacture: 'POL', serial: uniqueSerial() })).toMatchObject({ manufacturerCode: 'fb-radom', unknownReferences: [] });
    expect(await registerWeapon(t, registrar, { manufacturer: 'Sarsilmaz Silah Sanayi', countryOfManufacture: 'TUR', serial: uniqueSerial() })).toMatchObject({ manufacturerCode: 'sarsilmaz' });
    const kept = await registerWeapon(t, registrar, { manufacturer: 'Zaklady Mechaniczne Tarnow', countryOfManufacture: 'POL', serial: uniqueSerial() });
    expect(kept).toMatchObject({ manufacturerCode: 'zm-tarnow' });
    // As the record was kept under the key that dropped ł: its manufacturer unknown.
    await ownerQuery(t, `UPDATE weapons SET manufacturer_code = NULL, unknown_references = '{manufacturer}' WHERE id = $1`, [kept.id], 'FRA');
    await asMigrator(t, async (runner, client) => {
      await new ReferenceKeyLatinLetters().down(runner);
      expect((await client.query(`SELECT reference_key('Zakłady Łucznik') AS key`)).rows).toEqual([{ key: 'zakadyucznik' }]);
      await new ReferenceKeyLatinLetters().up(runner);
      expect((await client.query(`SELECT reference_key('Zakłady Łucznik') AS key`)).rows).toEqual([{ key: 'zakladylucznik' }]);
    });
    const [row] = await ownerQuery<{ manufacturer_code: string | null; unknown_references: string[] }>(t, `SELECT manufacturer_code, unknown_references FROM weapons WHERE id = $1`, [kept.id], 'FRA');
    expect(row).toEqual({ manufacturer_code: 'zm-tarnow', unknown_references: [] });
  });
});
