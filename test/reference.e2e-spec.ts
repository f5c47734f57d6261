import { allPages, bearer, createTestApp, createUser, login, ownerQuery, TestApp, Tokens } from './support/test-app';
import { registerWeapon, uniqueSerial } from './support/weapons';

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

  it('lists no entry for a query without a Latin letter or digit (not every one)', async () => {
    expect((await t.http.get('/api/v1/reference/manufacturers').query({ q: 'Ижмаш' }).set(bearer(registrar)).expect(200)).body.items).toEqual([]);
    expect((await t.http.get('/api/v1/reference/calibres').query({ q: 'Калибр' }).set(bearer(registrar)).expect(200)).body.items).toEqual([]);
  });

  it('matches names by their Latin letters and digits: one without any is refused, and never matches', async () => {
    const cyrillic = await t.http.post('/api/v1/reference/manufacturers').set(bearer(registrar))
      .send({ code: 'tula-arms', name: 'Tula Arms Plant', country: 'RUS', aliases: ['ТОЗ', 'TOZ'] }).expect(400);
    expect(cyrillic.body.details).toEqual([{ field: 'aliases', messages: [expect.stringContaining('aliases must each hold a Latin letter or digit')] }]);
    // One stored before names were checked (its key is empty) matches nothing, not every name in another script.
    await ownerQuery(t, `INSERT INTO reference_additions (state_code, kind, code, name, country, aliases) VALUES ('BRA', 'manufacturer', 'izh-legacy', 'Izh Legacy', 'RUS', '{Ижмаш}')`, [], 'BRA');
    const weapon = await registerWeapon(t, braRegistrar, { manufacturer: 'Тульский завод', countryOfManufacture: 'BEL', serial: uniqueSerial() });
    expect(weapon).toMatchObject({ manufacturerCode: null, manufacturer: 'Тульский завод', unknownReferences: ['manufacturer'], countryOfManufacture: 'BEL' });
  });
});
