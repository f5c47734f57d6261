import { foldSerial, holdsSerialCharacter, normaliseSerial, SERIAL_HAS_CHARACTER } from '../src/registry/serial';
import { CUSTODY_LOCK_KEY } from '../src/registry/weapons.repository';
import { extendRetention } from '../src/records/retention-extension';
import { allPages, bearer, createTestApp, createUser, inOwnerTransaction, login, ownerQuery, TestApp, Tokens, untilWaitingForLocks } from './support/test-app';
import { traceRequestBody } from './support/traces';
import { IMPORT_HEADER, importRow, manufacturedWeapon, registerWeapon, uniqueSerial, weaponsWithStaleSummary } from './support/weapons';

describe('marking registry', () => {
  let t: TestApp;
  let registrar: Tokens;
  let officer: Tokens;
  let auditor: Tokens;
  let braRegistrar: Tokens;

  beforeAll(async () => {
    t = await createTestApp();
    registrar = await login(t, await createUser(t, { roles: ['registrar'] }));
    officer = await login(t, await createUser(t, { roles: ['officer'] }));
    auditor = await login(t, await createUser(t, { roles: ['auditor'] }));
    braRegistrar = await login(t, await createUser(t, { stateCode: 'BRA', roles: ['registrar'] }));
  });

  afterAll(async () => {
    await t.close();
  });

  describe('registration', () => {
    it('records a blank holder as no holder, and reads codes with spaces around them, as the import does', async () => {
      const weapon = await registerWeapon(t, registrar, { holder: '  ', origin: ' manufactured ', status: 'civilian_held\t' });
      expect(weapon).toMatchObject({ status: 'civilian_held' });
      const stolen = await t.http.post(`/api/v1/weapons/${weapon.id}/events`).set(bearer(registrar)).send({ type: ' stolen ', occurredOn: '2024-01-01' }).expect(201);
      expect(stolen.body.status).toBe('stolen');
      expect(weapon.holder).toBeNull();
      const [row] = await ownerQuery<{ holder: string | null }>(t, 'SELECT holder FROM weapons WHERE id = $1', [weapon.id], 'FRA');
      expect(row.holder).toBeNull();
    });

    it('registers a weapon with its markings and first event, matching reference aliases', async () => {
      const weapon = await registerWeapon(t, registrar);
      expect(weapon).toMatchObject({
        stateCode: 'FRA', category: 'small_arm', type: 'assault_rifle', manufacturerCode: 'fn-herstal', manufacturer: 'FN',
        calibreCode: '5.56x45mm', calibre: '5.56 NATO', status: 'civilian_held', incomplete: [], unknownReferences: [],
      });
      expect(weapon.markings).toHaveLength(1);
      expect(weapon.events).toEqual([expect.objectContaining({ type: 'manufactured', occurredOn: '2019-05-02', recordClass: 'manufacture', retainUntil: '2049-05-02' })]);
      expect(weapon.retainUntil).toBe('2049-05-02');
    });

    it('keeps unknown manufacturers and calibres as given, flagged', async () => {
      const weapon = await registerWeapon(t, registrar, { manufacturer: 'Atelier Inconnu', calibre: '7.7 Wildcat', markings: [{ kind: 'manufacture', component: 'frame', text: 'AI', manufacturer: 'Atelier Inconnu', country: 'FRA', serial: uniqueSerial() }] });
      expect(weapon).toMatchObject({ manufacturerCode: null, manufacturer: 'Atelier Inconnu', calibreCode: null, unknownReferences: ['manufacturer', 'calibre'] });
    });

    it('refuses a weapon without an ITI 8(a) manufacture marking (422 with the rule code)', async () => {
      const response = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ markings: [] })).expect(422);
      expect(response.body.code).toBe('ITI_8A_MANUFACTURE_MARKING');
      expect(response.body.message).toContain('ITI 8(a)');
    });

    it('accepts it flagged when the State chooses to flag 8(a)', async () => {
      const braBody = manufacturedWeapon({ markings: [] });
      await t.http.put('/api/v1/registry/settings').set(bearer(braRegistrar)).send({ rulePolicies: { '8a': 'flag' } }).expect(200);
      const created = await t.http.post('/api/v1/weapons').set(bearer(braRegistrar)).send(braBody).expect(201);
      expect(created.body.incomplete).toEqual([expect.objectContaining({ code: 'ITI_8A_MANUFACTURE_MARKING', paragraph: 'ITI 8(a)' })]);
      // France still refuses: the setting is BRA's alone.
      await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ markings: [] })).expect(422);
      const bad = await t.http.put('/api/v1/registry/settings').set(bearer(braRegistrar)).send({ rulePolicies: { '8z': 'flag', '9': 'maybe' } }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['rulePolicies.8z', 'rulePolicies.9']);
      // Keys every JavaScript object has are not rules either: refused, never stored.
      const inherited = await t.http.put('/api/v1/registry/settings').set(bearer(braRegistrar)).send({ rulePolicies: { toString: 'flag', constructor: 'flag' } }).expect(400);
      expect(inherited.body.details).toEqual([{ field: 'rulePolicies.toString', messages: ['property rulePolicies.toString should not exist'] }]);
      const stored = await t.http.get('/api/v1/registry/settings').set(bearer(braRegistrar)).expect(200);
      expect(Object.keys(stored.body.rulePolicies).sort()).toEqual(['8a', '8b', '8c', '8d', '9']);
    });

    it('keeps every registrar\'s change when several change different rules at once', async () => {
      const itaRegistrar = await login(t, await createUser(t, { stateCode: 'ITA', roles: ['registrar'] }));
      const changes = [{ '8a': 'flag' }, { '8b': 'flag' }, { '8c': 'refuse' }, { '8d': 'refuse' }, { '9': 'refuse' }];
      await Promise.all(changes.map((rulePolicies) => t.http.put('/api/v1/registry/settings').set(bearer(itaRegistrar)).send({ rulePolicies }).expect(200)));
      const stored = await t.http.get('/api/v1/registry/settings').set(bearer(itaRegistrar)).expect(200);
      expect(stored.body.rulePolicies).toEqual({ '8a': 'flag', '8b': 'flag', '8c': 'refuse', '8d': 'refuse', '9': 'refuse' });
    });

    it('refuses an import without the importing State\'s marking (ITI 8(b)) and accepts it with one', async () => {
      const serial = uniqueSerial();
      const body = manufacturedWeapon({ serial, origin: 'imported', counterpartState: 'BEL', occurredOn: '2024-02-01' });
      const refused = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(body).expect(422);
      expect(refused.body.code).toBe('ITI_8B_IMPORT_MARKING');
      const markings = [...(body.markings as object[]), { kind: 'import', component: 'receiver', text: 'FR 24', country: 'FRA', year: 2024 }];
      const accepted = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...body, markings }).expect(201);
      expect(accepted.body.events[0]).toMatchObject({ type: 'imported', counterpartState: 'BEL', recordClass: 'other', retainUntil: '2044-02-01' });
      const noOrigin = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...body, markings, counterpartState: undefined }).expect(400);
      expect(noOrigin.body.details[0].field).toBe('counterpartState');
    });

    it('records a temporary import for a verifiable lawful purpose without an import marking (ITI 8(b) exempts it), and asks for one when the weapon stays', async () => {
      const importMarkingFigure = async () =>
        (await t.http.get('/api/v1/reports/record-keeping').set(bearer(auditor)).expect(200)).body.marking.find((f: { rule: string }) => f.rule === '8b');
      const before = await importMarkingFigure();
      const body = manufacturedWeapon({ origin: 'imported_temporarily', counterpartState: 'BEL', licenceRef: 'EFP-BE-2024-118', occurredOn: '2024-02-01' });
      const visiting = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(body).expect(201);
      expect(visiting.body).toMatchObject({ status: 'civilian_held', incomplete: [] });
      expect(visiting.body.events[0]).toMatchObject({ type: 'imported_temporarily', counterpartState: 'BEL', licenceRef: 'EFP-BE-2024-118', recordClass: 'other' });
      // Verifiable: from another State, with the licence or permit of its purpose.
      const unverifiable = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...body, serial: uniqueSerial(), licenceRef: undefined, counterpartState: undefined }).expect(400);
      expect(unverifiable.body.details.map((d: { field: string }) => d.field)).toEqual(['counterpartState', 'licenceRef']);
      const fromHome = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...body, serial: uniqueSerial(), counterpartState: 'FRA' }).expect(400);
      expect(fromHome.body.details[0]).toMatchObject({ field: 'counterpartState', messages: [expect.stringContaining('another State than FRA')] });
      // Made elsewhere: 8(a) is not FRA's to answer for, flagged whatever its policy.
      const unmarked = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...body, serial: uniqueSerial(), markings: [] }).expect(201);
      expect(unmarked.body.incomplete.map((b: { code: string }) => b.code)).toEqual(['ITI_8A_MANUFACTURE_MARKING']);

      // The report does not count them under 8(b) either.
      expect(await importMarkingFigure()).toEqual(before);

      // Sold in the State, it would be no temporary import: the import for good comes first.
      const path = `/api/v1/weapons/${visiting.body.id}/events`;
      const sale = { type: 'transferred', occurredOn: '2024-05-01', statusAfter: 'civilian_held', parties: [{ role: 'buyer', name: 'Armurerie du Centre' }] };
      const sold = await t.http.post(path).set(bearer(registrar)).send(sale).expect(409);
      expect(sold.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', message: expect.stringContaining('record its import for good (imported) first') });
      // Nor deactivated, which would take it past that rule.
      const deactivated = await t.http.post(path).set(bearer(registrar)).send({ type: 'deactivated', occurredOn: '2024-05-01' }).expect(409);
      expect(deactivated.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', message: expect.stringContaining('deactivated only once imported for good') });
      // Nor once seized: deactivated then, it could be acquired and sold deactivated, never imported.
      const seized = (await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...body, serial: uniqueSerial() }).expect(201)).body;
      await t.http.post(`/api/v1/weapons/${seized.id}/events`).set(bearer(registrar)).send({ type: 'seized', occurredOn: '2024-03-01' }).expect(201);
      const seizedDeactivated = await t.http.post(`/api/v1/weapons/${seized.id}/events`).set(bearer(registrar)).send({ type: 'deactivated', occurredOn: '2024-04-01' }).expect(409);
      expect(seizedDeactivated.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', message: expect.stringContaining('the State acquires it first (acquired_by_government), then records its import (imported)') });

      // It stays: imported for good, in the hands it is in, from then on with the importing State's marking.
      const stays = { type: 'imported', occurredOn: '2024-06-01', counterpartState: 'BEL', statusAfter: 'civilian_held' };
      expect((await t.http.post(path).set(bearer(registrar)).send(stays).expect(422)).body.code).toBe('ITI_8B_IMPORT_MARKING');
      const importMarking = { kind: 'import', component: 'receiver', text: 'FR 24', country: 'FRA', year: 2024 };
      const kept = await t.http.post(path).set(bearer(registrar)).send({ ...stays, markings: [importMarking] }).expect(201);
      expect(kept.body).toMatchObject({ status: 'civilian_held', incomplete: [] });
      expect(kept.body.events.map((e: { type: string }) => e.type)).toEqual(['imported_temporarily', 'imported']);
      expect(await importMarkingFigure()).toMatchObject({ applicable: before.applicable + 1, met: before.met + 1 });
      await t.http.post(path).set(bearer(registrar)).send({ ...sale, occurredOn: '2024-08-01' }).expect(201);
      // Once only: it is in the State for good now, as a weapon made here always was.
      expect((await t.http.post(path).set(bearer(registrar)).send({ ...stays, occurredOn: '2024-07-01' }).expect(409)).body.code).toBe('EVENT_NOT_ALLOWED');
      const madeHere = await registerWeapon(t, registrar);
      const notAbroad = await t.http.post(`/api/v1/weapons/${madeHere.id}/events`).set(bearer(registrar)).send(stays).expect(409);
      expect(notAbroad.body.message).toBe('A weapon that is civilian held cannot be imported');
      // Another leaves as it came: re-exported.
      const leaves = await t.http
        .post(`/api/v1/weapons/${unmarked.body.id}/events`)
        .set(bearer(registrar))
        .send({ type: 'exported', occurredOn: '2024-03-01', counterpartState: 'BEL', licenceRef: 'EFP-BE-2024-118' })
        .expect(201);
      expect(leaves.body.status).toBe('exported');
    });

    it('records an antique made in 1899 or before outside the marking rules (ITI 4), and says so in the report', async () => {
      const figures = async () =>
        Object.fromEntries(((await t.http.get('/api/v1/reports/record-keeping').set(bearer(auditor)).expect(200)).body.marking as { rule: string; applicable: number }[])
          .map((f) => [f.rule, f.applicable]));
      const before = await figures();
      const musket = {
        origin: 'imported', occurredOn: '2024-02-01', counterpartState: 'BEL', type: 'rifle', manufacturer: 'Manufacture de Liège', model: 'Albini-Braendlin',
        yearOfManufacture: 1873, serial: uniqueSerial('AB'), antique: true, markings: [],
      };
      const recorded = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(musket).expect(201);
      expect(recorded.body).toMatchObject({ incomplete: [], flags: { antique: true } });
      // Without its year, or made later, it is no antique under the ITI.
      for (const [year, message] of [[undefined, 'give its yearOfManufacture'], [1900, 'yearOfManufacture 1900 is later']] as const) {
        const refused = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...musket, serial: uniqueSerial('AB'), yearOfManufacture: year }).expect(400);
        expect(refused.body.details).toEqual([{ field: 'antique', messages: [`an antique weapon (ITI 4) was made in 1899 or before: ${message}`] }]);
      }
      // Nor would the same rifle be taken as an import without its import marking.
      expect((await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...musket, serial: uniqueSerial('AB'), antique: false }).expect(422)).body.code).toBe('ITI_8B_IMPORT_MARKING');
      expect(await figures()).toEqual(before);

      // A revolver found and flagged under ITI 9 is corrected to an antique: the flag goes.
      const revolver = { origin: 'found', occurredOn: '2026-01-10', type: 'revolver', yearOfManufacture: 1892, markings: [], serial: uniqueSerial('LF') };
      // Whether it is an antique is the registrar's to say, not the officer's who found it.
      const byOfficer = await t.http.post('/api/v1/weapons').set(bearer(officer)).send(manufacturedWeapon({ ...revolver, antique: true })).expect(403);
      expect(byOfficer.body.code).toBe('ROLE_REQUIRED');
      const found = await registerWeapon(t, officer, revolver);
      expect(found.incomplete).toEqual([expect.objectContaining({ code: 'ITI_9_SEIZED_OR_FOUND_MARKING' })]);
      const events = `/api/v1/weapons/${found.id}/events`;
      const first = (found.events as { id: string }[])[0].id;
      const corrected = await t.http.post(events).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2026-01-10', correctsEventId: first, description: { antique: true } }).expect(201);
      expect(corrected.body).toMatchObject({ incomplete: [], flags: { antique: true } });
      const later = await t.http.post(events).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2026-01-10', correctsEventId: first, description: { yearOfManufacture: 1905 } }).expect(400);
      expect(later.body.details).toEqual([{ field: 'description.antique', messages: ['an antique weapon (ITI 4) was made in 1899 or before: yearOfManufacture 1905 is later'] }]);
      for (const year of [1950, null]) {
        await expect(ownerQuery(t, `UPDATE weapons SET year_of_manufacture = $2 WHERE id = $1`, [found.id, year], 'FRA')).rejects.toThrow(/CHK_weapons_antique/);
      }
      // An antique may be older than any event of the registry: a flintlock of 1750.
      const flintlock = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send({ ...musket, serial: uniqueSerial('FL'), yearOfManufacture: 1750 }).expect(201);
      expect(flintlock.body).toMatchObject({ yearOfManufacture: 1750, flags: { antique: true } });
    });

    it('lets an officer record a seized weapon, flagged under ITI 9 until it is marked', async () => {
      const seized = await t.http
        .post('/api/v1/weapons')
        .set(bearer(officer))
        .send({ origin: 'seized', occurredOn: '2026-11-20', type: 'self-loading pistol', serialObliterated: true, serial: '4?7*', parties: [{ role: 'seized_from', name: 'unknown' }] })
        .expect(201);
      expect(seized.body.status).toBe('seized');
      expect(seized.body.incomplete.map((b: { code: string }) => b.code)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
      const marked = await t.http
        .post(`/api/v1/weapons/${seized.body.id}/markings`)
        .set(bearer(officer))
        .send({ markings: [{ kind: 'seizure', component: 'frame', text: 'FRA-SZ-2026-0042', country: 'FRA', serial: 'FRA-SZ-2026-0042' }] })
        .expect(201);
      expect(marked.body.incomplete).toEqual([]);
      // An officer may not register a manufacture.
      const forbidden = await t.http.post('/api/v1/weapons').set(bearer(officer)).send(manufacturedWeapon()).expect(403);
      expect(forbidden.body.code).toBe('ROLE_REQUIRED');
    });

    it('judges 8(a) again of a weapon given back after a seizure (flagged, never refused), and counts the State\'s seizure marking for 8(d)', async () => {
      const kenRegistrar = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['registrar'] }));
      const kenOfficer = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['officer'] }));
      const policy = (rule8a: string) => t.http.put('/api/v1/registry/settings').set(bearer(kenRegistrar)).send({ rulePolicies: { '8a': rule8a } }).expect(200);
      // Registered while KEN flagged 8(a), without its manufacture marking; KEN refuses 8(a) breaches again since.
      await policy('flag');
      const weapon = (await t.http.post('/api/v1/weapons').set(bearer(kenRegistrar)).send(manufacturedWeapon({ countryOfManufacture: 'KEN', markings: [], parties: [{ role: 'owner', name: 'Wanjiru' }] })).expect(201)).body;
      expect(weapon.incomplete.map((b: { code: string }) => b.code)).toEqual(['ITI_8A_MANUFACTURE_MARKING']);
      await policy('refuse');
      const events = `/api/v1/weapons/${weapon.id}/events`;
      const seized = (await t.http.post(events).set(bearer(kenOfficer)).send({ type: 'seized', occurredOn: '2024-01-01' }).expect(201)).body;
      expect(seized.incomplete.map((b: { code: string }) => b.code)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
      // Given back to its owner as it came: recorded, and its 8(a) breach flagged again.
      const returned = (await t.http.post(events).set(bearer(kenRegistrar)).send({ type: 'transferred', occurredOn: '2024-02-01', statusAfter: 'civilian_held', parties: [{ role: 'owner', name: 'Wanjiru' }] }).expect(201)).body;
      expect(returned.status).toBe('civilian_held');
      expect(returned.incomplete.map((b: { code: string }) => b.code)).toEqual(['ITI_8A_MANUFACTURE_MARKING']);

      // Seized with its serial obliterated, marked by the State (ITI 9), then taken into its stocks: duly marked (8(d)).
      const found = (await t.http.post('/api/v1/weapons').set(bearer(kenOfficer)).send({ origin: 'seized', occurredOn: '2024-06-01', type: 'pistol', serialObliterated: true }).expect(201)).body;
      const seizure = { kind: 'seizure', component: 'frame', text: 'KEN24-0001', country: 'KEN', serial: 'KEN24-0001' };
      await t.http.post(`/api/v1/weapons/${found.id}/events`).set(bearer(kenOfficer)).send({ type: 'marked', occurredOn: '2024-06-02', markings: [seizure] }).expect(201);
      const stocked = (await t.http.post(`/api/v1/weapons/${found.id}/events`).set(bearer(kenRegistrar)).send({ type: 'acquired_by_government', occurredOn: '2024-07-01' }).expect(201)).body;
      expect(stocked).toMatchObject({ status: 'government_stock', incomplete: [] });
    });

    it('lets an officer mark only the weapons seized or found: the markings of other records are a registrar\'s', async () => {
      const held = await registerWeapon(t, registrar);
      const seizure = { kind: 'seizure', component: 'frame', text: 'FRA-SZ-2026-0043', country: 'FRA', serial: 'FRA-SZ-2026-0043' };
      const markings = await t.http.post(`/api/v1/weapons/${held.id}/markings`).set(bearer(officer)).send({ markings: [seizure] }).expect(403);
      expect(markings.body).toMatchObject({ code: 'ROLE_REQUIRED', message: expect.stringContaining('civilian held') });
      const marked = await t.http.post(`/api/v1/weapons/${held.id}/events`).set(bearer(officer)).send({ type: 'marked', occurredOn: '2026-11-20', markings: [seizure] }).expect(403);
      expect(marked.body.code).toBe('ROLE_REQUIRED');
      const unchanged = await t.http.get(`/api/v1/weapons/${held.id}`).set(bearer(registrar)).expect(200);
      expect(unchanged.body.markings).toHaveLength(1);
      expect(unchanged.body.events.map((e: { type: string }) => e.type)).toEqual(['manufactured']);
      // Seized, it is the officer's to mark: with the seizure, and after it.
      const seized = await t.http.post(`/api/v1/weapons/${held.id}/events`).set(bearer(officer)).send({ type: 'seized', occurredOn: '2026-11-20', markings: [seizure] }).expect(201);
      expect(seized.body.status).toBe('seized');
      await t.http.post(`/api/v1/weapons/${held.id}/markings`).set(bearer(officer)).send({ markings: [{ ...seizure, kind: 'other', text: 'BALLISTICS-TAG-7' }] }).expect(201);
      // A registrar marks any record.
      const other = await registerWeapon(t, registrar);
      await t.http.post(`/api/v1/weapons/${other.id}/markings`).set(bearer(registrar)).send({ markings: [seizure] }).expect(201);
    });

    it('names every bad field', async () => {
      const response = await t.http
        .post('/api/v1/weapons')
        .set(bearer(registrar))
        .send({ origin: 'invented', occurredOn: '2026-13-01', type: '', countryOfManufacture: 'XX', yearOfManufacture: 1300, markings: [{ kind: 'etched', component: 'grip', text: '' }] })
        .expect(400);
      const fields = (response.body.details as { field: string }[]).map((d) => d.field).sort();
      expect(fields).toEqual(expect.arrayContaining(['countryOfManufacture', 'markings[0].component', 'markings[0].kind', 'markings[0].text', 'occurredOn', 'origin', 'type', 'yearOfManufacture']));
      const unknownType = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ type: 'laser blaster' })).expect(400);
      expect(unknownType.body.code).toBe('UNKNOWN_WEAPON_TYPE');
      const unknownState = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ countryOfManufacture: 'XXX' })).expect(400);
      expect(unknownState.body.details[0].field).toBe('countryOfManufacture');
      // A party's country too, on registration and on an event: a State this node knows.
      const parties = [{ role: 'owner', name: 'Jean Dupont', country: 'FRA' }, { role: 'seller', name: 'Armurerie du Port', country: 'XXX' }];
      const unknownParty = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ parties })).expect(400);
      expect(unknownParty.body.details).toEqual([{ field: 'parties[1].country', messages: ['XXX is not an ISO 3166 State known to this node'] }]);
      const registered = (await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon()).expect(201)).body;
      const onEvent = await t.http.post(`/api/v1/weapons/${registered.id}/events`).set(bearer(registrar))
        .send({ type: 'transferred', occurredOn: '2026-01-05', statusAfter: 'civilian_held', parties }).expect(400);
      expect(onEvent.body.details.map((d: { field: string }) => d.field)).toEqual(['parties[1].country']);
      const future = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ occurredOn: '2099-01-01' })).expect(400);
      expect(future.body.details[0].field).toBe('occurredOn');
      for (const occurredOn of ['0000-06-01', '2026-W05', '+002026-01-01']) {
        const notADate = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ occurredOn })).expect(400);
        expect(notADate.body.details.map((d: { field: string }) => d.field)).toEqual(['occurredOn']);
      }
      // NFKC turns each U+FDFA into 18 characters (15 without its spaces): too long once normalised, refused before the database.
      const long = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ serial: '\ufdfa'.repeat(5) })).expect(400);
      expect(long.body.details.map((d: { field: string }) => d.field)).toEqual(['serial', 'markings[0].serial']);
    });
  });

  describe('record events', () => {
    it('records the sale, the theft and the seizure of a deactivated weapon on its own record', async () => {
      const weapon = await registerWeapon(t, registrar);
      const path = `/api/v1/weapons/${weapon.id}/events`;
      const post = (body: Record<string, unknown>, status: number) => t.http.post(path).set(bearer(registrar)).send(body).expect(status);
      await post({ type: 'deactivated', occurredOn: '2021-01-10' }, 201);
      const resold = await post({ type: 'transferred', occurredOn: '2022-05-01', statusAfter: 'civilian_held', parties: [{ role: 'buyer', name: 'A collector' }] }, 409);
      expect(resold.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', message: expect.stringContaining('stays deactivated when it changes hands') });
      const sold = await post({ type: 'transferred', occurredOn: '2022-05-01', statusAfter: 'deactivated', parties: [{ role: 'buyer', name: 'A collector' }] }, 201);
      expect(sold.body).toMatchObject({ status: 'deactivated', legalHolder: 'A collector' });
      expect((await post({ type: 'stolen', occurredOn: '2024-02-03' }, 201)).body.status).toBe('stolen');
      const seized = await post({ type: 'seized', occurredOn: '2025-09-30', parties: [{ role: 'seizing_authority', name: 'Police judiciaire' }] }, 201);
      expect(seized.body.status).toBe('seized');
      const history = (await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200)).body.events.map((e: { type: string }) => e.type);
      expect(history).toEqual(['manufactured', 'deactivated', 'transferred', 'stolen', 'seized']);
    });

    it('has the State acquire a weapon deactivated while seized before it is sold, deactivated, by the State', async () => {
      const weapon = await registerWeapon(t, registrar);
      const post = (body: Record<string, unknown>, status: number) => t.http.post(`/api/v1/weapons/${weapon.id}/events`).set(bearer(registrar)).send(body).expect(status);
      await post({ type: 'seized', occurredOn: '2024-01-10', parties: [{ role: 'seizing_authority', name: 'Police judiciaire' }] }, 201);
      await post({ type: 'deactivated', occurredOn: '2024-03-01' }, 201);
      const sale = { type: 'transferred', occurredOn: '2024-06-01', statusAfter: 'deactivated', parties: [{ role: 'buyer', name: 'A collector' }] };
      expect((await post(sale, 409)).body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', message: expect.stringContaining('the State acquires it first (acquired_by_government)') });
      const acquired = await post({ type: 'acquired_by_government', occurredOn: '2024-04-01' }, 201);
      expect(acquired.body).toMatchObject({ status: 'deactivated', legalHolder: 'Government of FRA' });
      const sold = await post(sale, 201);
      expect(sold.body).toMatchObject({ status: 'deactivated', legalHolder: 'A collector' });
    });

    it('follows the status through its events and refuses impossible ones with 409', async () => {
      const weapon = await registerWeapon(t, registrar);
      const path = `/api/v1/weapons/${weapon.id}/events`;
      const exported = await t.http
        .post(path)
        .set(bearer(registrar))
        .send({ type: 'exported', occurredOn: '2020-06-01', counterpartState: 'KEN', licenceRef: 'FR-EXP-2020-17', authorisationRef: 'EUC-KE-2020-3' })
        .expect(201);
      expect(exported.body.status).toBe('exported');
      const lost = await t.http.post(path).set(bearer(registrar)).send({ type: 'lost', occurredOn: '2020-07-01' }).expect(409);
      expect(lost.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', message: 'A weapon that is exported cannot be lost' });

      const other = await registerWeapon(t, registrar);
      await t.http.post(`/api/v1/weapons/${other.id}/events`).set(bearer(registrar)).send({ type: 'destroyed', occurredOn: '2021-01-01' }).expect(201);
      const afterDestruction = await t.http
        .post(`/api/v1/weapons/${other.id}/events`)
        .set(bearer(registrar))
        .send({ type: 'exported', occurredOn: '2021-02-01', counterpartState: 'KEN', licenceRef: 'L-1' })
        .expect(409);
      expect(afterDestruction.body.message).toBe('A weapon that is destroyed cannot be exported');

      // ITI 9: a weapon found is marked and recorded, or destroyed: destroyed as found, whatever it bears.
      const found = await registerWeapon(t, officer, { origin: 'found', occurredOn: '2026-01-10', markings: [], serial: uniqueSerial() });
      const destroyed = await t.http.post(`/api/v1/weapons/${found.id}/events`).set(bearer(registrar)).send({ type: 'destroyed', occurredOn: '2026-02-01' }).expect(201);
      expect(destroyed.body).toMatchObject({ status: 'destroyed', incomplete: [] });
      // Deactivated as found is neither marked nor destroyed: still flagged, until it is marked.
      const another = await registerWeapon(t, officer, { origin: 'found', occurredOn: '2026-01-10', markings: [], serial: uniqueSerial() });
      const deactivated = await t.http.post(`/api/v1/weapons/${another.id}/events`).set(bearer(registrar)).send({ type: 'deactivated', occurredOn: '2026-02-01' }).expect(201);
      expect(deactivated.body.incomplete.map((b: { code: string }) => b.code)).toEqual(['ITI_9_SEIZED_OR_FOUND_MARKING']);
      const seizureMarking = { kind: 'seizure', component: 'frame', text: 'FRA-SZ-2026-0044', country: 'FRA', serial: 'FRA-SZ-2026-0044' };
      const marked = await t.http.post(`/api/v1/weapons/${another.id}/markings`).set(bearer(registrar)).send({ markings: [seizureMarking] }).expect(201);
      expect(marked.body).toMatchObject({ status: 'deactivated', incomplete: [] });
      // One returned to its owner after a seizure, and deactivated later, is not ITI 9's any more.
      const returned = await registerWeapon(t, registrar, { occurredOn: '2019-05-02', status: 'civilian_held', markings: [], serial: uniqueSerial(), manufacturer: undefined, craftOr3dPrinted: true });
      await t.http.post(`/api/v1/weapons/${returned.id}/events`).set(bearer(registrar)).send({ type: 'seized', occurredOn: '2025-01-10' }).expect(201);
      await t.http.post(`/api/v1/weapons/${returned.id}/events`).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2025-02-01', statusAfter: 'civilian_held' }).expect(201);
      const later = await t.http.post(`/api/v1/weapons/${returned.id}/events`).set(bearer(registrar)).send({ type: 'deactivated', occurredOn: '2025-03-01' }).expect(201);
      expect(later.body).toMatchObject({ status: 'deactivated', incomplete: [] });

      // ITI 8(c): from government stocks to civilian use only with its own event, which asks for the State's marking.
      const issued = await registerWeapon(t, registrar, { status: 'in_service' });
      await t.http.post(`/api/v1/weapons/${issued.id}/events`).set(bearer(registrar)).send({ type: 'stolen', occurredOn: '2024-02-01' }).expect(201);
      await t.http.post(`/api/v1/weapons/${issued.id}/events`).set(bearer(registrar)).send({ type: 'found', occurredOn: '2024-03-01' }).expect(201);
      // Back to its unit, not to a civilian: only to what it was before.
      await t.http.post(`/api/v1/weapons/${issued.id}/events`).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2024-04-01', statusAfter: 'civilian_held' }).expect(409);
      expect((await t.http.post(`/api/v1/weapons/${issued.id}/events`).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2024-04-01', statusAfter: 'in_service' }).expect(201)).body.status).toBe('in_service');

      // Found with no known holder: the State acquires it first, where 8(c) and 8(d) ask for its marking.
      const stray = await registerWeapon(t, registrar, { origin: 'found', occurredOn: '2024-02-01' });
      const straying = await t.http.post(`/api/v1/weapons/${stray.id}/events`).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2024-05-01', statusAfter: 'civilian_held' }).expect(409);
      expect(straying.body.message).toContain('acquired_by_government');

      const stock = await registerWeapon(t, registrar, { status: 'government_stock' });
      const bypass = await t.http.post(`/api/v1/weapons/${stock.id}/events`).set(bearer(registrar))
        .send({ type: 'transferred', occurredOn: '2021-01-01', statusAfter: 'civilian_held' }).expect(409);
      expect(bypass.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', message: expect.stringContaining('transferred_to_civilian event (ITI 8(c))') });
    });

    it('needs the destination and licence of an export', async () => {
      const weapon = await registerWeapon(t, registrar);
      const response = await t.http.post(`/api/v1/weapons/${weapon.id}/events`).set(bearer(registrar)).send({ type: 'exported', occurredOn: '2020-06-01' }).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['counterpartState', 'licenceRef']);
    });

    it('checks ITI 8(c) on a transfer from government stocks to civilian use', async () => {
      const weapon = await registerWeapon(t, registrar, { status: 'government_stock' });
      const path = `/api/v1/weapons/${weapon.id}/events`;
      const flagged = await t.http.post(path).set(bearer(registrar)).send({ type: 'transferred_to_civilian', occurredOn: '2022-01-10' }).expect(201);
      expect(flagged.body.status).toBe('civilian_held');
      expect(flagged.body.incomplete.map((b: { code: string }) => b.code)).toEqual(['ITI_8C_TRANSFER_MARKING']);
      const fixed = await t.http
        .post(`/api/v1/weapons/${weapon.id}/markings`)
        .set(bearer(registrar))
        .send({ markings: [{ kind: 'state_to_civilian', component: 'receiver', text: 'RF', country: 'FRA' }] })
        .expect(201);
      expect(fixed.body.incomplete).toEqual([]);
    });

    it('records a correction as a new event; the history cannot be edited or deleted in place', async () => {
      const weapon = await registerWeapon(t, registrar);
      const first = (weapon.events as { id: string }[])[0];
      const corrected = await t.http
        .post(`/api/v1/weapons/${weapon.id}/events`)
        .set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2019-05-03', correctsEventId: first.id, notes: 'Manufacture date was 2019-05-03' })
        .expect(201);
      expect(corrected.body.events.map((e: { type: string }) => e.type)).toEqual(['manufactured', 'corrected']);
      expect(corrected.body.events[1].correctsEventId).toBe(first.id);
      await expect(ownerQuery(t, `UPDATE record_events SET occurred_on = '2000-01-01' WHERE id = $1`, [first.id], 'FRA')).rejects.toThrow(/append-only/);
      await expect(ownerQuery(t, `DELETE FROM record_events WHERE id = $1`, [first.id], 'FRA')).rejects.toThrow(/must be kept until 2049-05-03 with its record/);
      const missing = await t.http
        .post(`/api/v1/weapons/${weapon.id}/events`)
        .set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2019-05-03', correctsEventId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
      expect(missing.body.code).toBe('EVENT_NOT_FOUND');
      const notUuid = await t.http
        .post(`/api/v1/weapons/${weapon.id}/events`)
        .set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2019-05-03', correctsEventId: '-'.repeat(36) })
        .expect(400);
      expect(notUuid.body.details[0].field).toBe('correctsEventId');
    });

    it('reads a corrected event with the facts of its last correction, kept as long as the event it corrects', async () => {
      const weapon = await registerWeapon(t, registrar);
      const made = (weapon.events as { id: string }[])[0];
      const path = `/api/v1/weapons/${weapon.id}/events`;
      // The manufacture date was mistyped: the correction is a manufacture record, kept 30 years from the date it gives.
      const first = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2021-03-04', correctsEventId: made.id }).expect(201);
      const firstFix = first.body.events.find((e: { type: string }) => e.type === 'corrected');
      expect(firstFix).toMatchObject({ correctsEventId: made.id, correctedBy: null, recordClass: 'manufacture', retainUntil: '2051-03-04' });
      expect(first.body.events[0]).toMatchObject({ id: made.id, occurredOn: '2019-05-02', correctedBy: firstFix.id });
      expect(first.body.retainUntil).toBe('2051-03-04');
      // Corrected again: the last correction stands; the record is still kept until the latest date either gave.
      const second = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2020-01-15', correctsEventId: made.id }).expect(201);
      const secondFix = second.body.events.find((e: { type: string; id: string }) => e.type === 'corrected' && e.id !== firstFix.id);
      expect(second.body.events[0].correctedBy).toBe(secondFix.id);
      expect(secondFix.retainUntil).toBe('2050-01-15');
      expect(second.body.retainUntil).toBe('2051-03-04');
      await expect(t.http.delete(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(409)).resolves.toMatchObject({ body: { details: { retainUntil: '2051-03-04' } } });

      // A correction names an event that is not itself a correction; only a correction names one.
      const ofCorrection = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2020-01-16', correctsEventId: secondFix.id }).expect(400);
      expect(ofCorrection.body.details).toEqual([{ field: 'correctsEventId', messages: [`event ${secondFix.id} is itself a correction: correct event ${made.id} again (its last correction stands)`] }]);
      const notACorrection = await t.http.post(path).set(bearer(registrar)).send({ type: 'marked', occurredOn: '2020-01-16', correctsEventId: made.id }).expect(400);
      expect(notACorrection.body.details[0].field).toBe('correctsEventId');
      const after = await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200);
      expect(after.body.events).toHaveLength(3);
    });

    it('restates the corrected event whole: what a correction does not give is carried over, and it is checked like the event', async () => {
      const weapon = await registerWeapon(t, registrar);
      const path = `/api/v1/weapons/${weapon.id}/events`;
      const exported = await t.http.post(path).set(bearer(registrar))
        .send({ type: 'exported', occurredOn: '2020-06-01', counterpartState: 'ITA', licenceRef: 'EXP-1', parties: [{ role: 'consignee', name: 'Armeria Roma SpA', country: 'ITA' }] })
        .expect(201);
      const exportId = exported.body.events.find((e: { type: string }) => e.type === 'exported').id;
      // Only the date was wrong: destination, licence and consignee carry over.
      const dated = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2020-06-03', correctsEventId: exportId }).expect(201);
      expect(dated.body.events.at(-1)).toMatchObject({
        type: 'corrected', restates: true, annuls: false, occurredOn: '2020-06-03', counterpartState: 'ITA', licenceRef: 'EXP-1', parties: [{ role: 'consignee', name: 'Armeria Roma SpA', country: 'ITA' }],
      });
      const unknown = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2020-06-01', correctsEventId: exportId, counterpartState: 'XXX' }).expect(400);
      expect(unknown.body.details[0].field).toBe('counterpartState');
      // Then the destination (a correction always gives the date).
      const fixed = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2020-06-02', correctsEventId: exportId, counterpartState: 'ESP', licenceRef: 'EXP-2' }).expect(201);
      const destination = fixed.body.events.find((e: { type: string; occurredOn: string }) => e.type === 'corrected' && e.occurredOn === '2020-06-02');
      expect(destination).toMatchObject({ counterpartState: 'ESP', licenceRef: 'EXP-2', parties: [{ name: 'Armeria Roma SpA' }] });
      // The status is not an event's fact: the weapon is still exported; the correction is an "other" record, 20 years.
      expect(fixed.body.status).toBe('exported');
      expect(destination).toMatchObject({ recordClass: 'other', retainUntil: '2040-06-02' });

      // A correction recorded before corrections restated anything is a note: it changes nothing.
      await ownerQuery(t, `INSERT INTO record_events (state_code, weapon_id, type, occurred_on, corrects_event_id, status_after, record_class, retain_until, notes)
                           VALUES ('FRA', $1, 'corrected', '2020-06-05', $2, 'exported', 'other', '2040-06-05', 'Licence checked')`, [weapon.id, exportId], 'FRA');
      const read = await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200);
      const note = read.body.events.find((e: { notes: string | null }) => e.notes === 'Licence checked');
      expect(note).toMatchObject({ restates: false, annuls: false });
      expect(read.body.events.find((e: { id: string }) => e.id === exportId).correctedBy).toBe(destination.id);
    });

    it('annuls an event recorded in error: the history keeps it, the status and the rules are replayed without it', async () => {
      const weapon = await registerWeapon(t, registrar);
      const path = `/api/v1/weapons/${weapon.id}/events`;
      const destroyed = await t.http.post(path).set(bearer(registrar)).send({ type: 'destroyed', occurredOn: '2022-01-01' }).expect(201);
      const destruction = destroyed.body.events.find((e: { type: string }) => e.type === 'destroyed');
      await t.http.post(path).set(bearer(registrar)).send({ type: 'exported', occurredOn: '2023-01-01', counterpartState: 'ITA', licenceRef: 'EXP-1' }).expect(409);

      // The destruction was recorded on the wrong weapon.
      const annulled = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: destruction.id, annuls: true, occurredOn: '2026-11-01', notes: 'Recorded on the wrong record' }).expect(201);
      expect(annulled.body.status).toBe('civilian_held');
      const annulment = annulled.body.events.find((e: { type: string }) => e.type === 'corrected');
      expect(annulment).toMatchObject({ annuls: true, correctsEventId: destruction.id, statusAfter: 'civilian_held' });
      expect(annulled.body.events.find((e: { id: string }) => e.id === destruction.id)).toMatchObject({ type: 'destroyed', correctedBy: annulment.id });
      const [{ types }] = await ownerQuery<{ types: string[] }>(t, `SELECT event_types AS types FROM weapons WHERE id = $1`, [weapon.id], 'FRA');
      expect(types).toEqual(['corrected', 'manufactured']);
      await t.http.post(path).set(bearer(registrar)).send({ type: 'exported', occurredOn: '2023-01-01', counterpartState: 'ITA', licenceRef: 'EXP-1' }).expect(201);

      // Restating the destruction now would contradict the export recorded since.
      const restated = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: destruction.id, occurredOn: '2022-01-01' }).expect(409);
      expect(restated.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
      expect(restated.body.message).toContain('a weapon that is destroyed cannot be exported');
      // The first event is how the record came to be: it is never annulled.
      const first = (weapon.events as { id: string }[])[0];
      const origin = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: first.id, annuls: true, occurredOn: '2026-11-01' }).expect(409);
      expect(origin.body.message).toContain('first event of a record cannot be annulled');
      const after = await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200);
      expect(after.body).toMatchObject({ status: 'exported' });
      expect(after.body.events).toHaveLength(4);
    });

    it('judges the ITI rules again when an event is annulled', async () => {
      const weapon = await registerWeapon(t, registrar, { status: 'government_stock' });
      const path = `/api/v1/weapons/${weapon.id}/events`;
      const transferred = await t.http.post(path).set(bearer(registrar)).send({ type: 'transferred_to_civilian', occurredOn: '2022-01-10' }).expect(201);
      expect(transferred.body.incomplete.map((b: { code: string }) => b.code)).toEqual(['ITI_8C_TRANSFER_MARKING']);
      const transfer = transferred.body.events.find((e: { type: string }) => e.type === 'transferred_to_civilian');
      const annulled = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: transfer.id, annuls: true, occurredOn: '2026-11-01' }).expect(201);
      expect(annulled.body).toMatchObject({ status: 'government_stock', incomplete: [] });
    });

    it('restores an annulled event with its last restated facts; a restatement clears the references it names', async () => {
      const weapon = await registerWeapon(t, registrar);
      const path = `/api/v1/weapons/${weapon.id}/events`;
      const send = (body: object, status = 201) => t.http.post(path).set(bearer(registrar)).send(body).expect(status);
      const exported = await send({ type: 'exported', occurredOn: '2020-06-01', counterpartState: 'ITA', licenceRef: 'EXP-1', authorisationRef: 'EUC-9' });
      const exportId = exported.body.events.find((e: { type: string }) => e.type === 'exported').id;
      await send({ type: 'corrected', correctsEventId: exportId, occurredOn: '2020-06-01', counterpartState: 'ESP' });
      const annulled = await send({ type: 'corrected', correctsEventId: exportId, occurredOn: '2026-11-01', annuls: true });
      expect(annulled.body.status).toBe('civilian_held');
      // Restored by a restatement that gives only the date: the destination is Spain's, as last restated.
      const restored = await send({ type: 'corrected', correctsEventId: exportId, occurredOn: '2020-06-04' });
      expect(restored.body.status).toBe('exported');
      const last = restored.body.events.find((e: { type: string; occurredOn: string }) => e.type === 'corrected' && e.occurredOn === '2020-06-04');
      expect(last).toMatchObject({ restates: true, counterpartState: 'ESP', licenceRef: 'EXP-1', authorisationRef: 'EUC-9' });
      // The end-user certificate was never part of this export.
      const cleared = await send({ type: 'corrected', correctsEventId: exportId, occurredOn: '2020-06-05', clears: ['authorisationRef'] });
      expect(cleared.body.events.find((e: { occurredOn: string; type: string }) => e.type === 'corrected' && e.occurredOn === '2020-06-05')).toMatchObject({ authorisationRef: null, licenceRef: 'EXP-1' });
      // An export keeps its destination and licence.
      const bare = await send({ type: 'corrected', correctsEventId: exportId, occurredOn: '2020-06-05', clears: ['licenceRef'] }, 400);
      expect(bare.body.details[0].field).toBe('licenceRef');
      const both = await send({ type: 'corrected', correctsEventId: exportId, occurredOn: '2020-06-05', licenceRef: 'EXP-3', clears: ['licenceRef'] }, 400);
      expect(both.body.details[0].field).toBe('clears');
      const unknown = await send({ type: 'corrected', correctsEventId: exportId, occurredOn: '2020-06-05', clears: ['occurredOn'] }, 400);
      expect(unknown.body.details[0].field).toBe('clears');
      // Each event of the record was written after the one before it, in the order of the requests.
      const read = await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200);
      const byWriting = [...read.body.events].sort((a: { recordedAt: string }, b: { recordedAt: string }) => a.recordedAt.localeCompare(b.recordedAt));
      expect(byWriting.map((e: { type: string; occurredOn: string }) => `${e.type} ${e.occurredOn}`)).toEqual([
        'manufactured 2019-05-02', 'exported 2020-06-01', 'corrected 2020-06-01', 'corrected 2026-11-01', 'corrected 2020-06-04', 'corrected 2020-06-05',
      ]);
      expect(new Set(byWriting.map((e: { recordedAt: string }) => e.recordedAt)).size).toBe(byWriting.length);
    });

    it('annuls only with a correction, and never a custody transfer', async () => {
      const weapon = await registerWeapon(t, registrar);
      const path = `/api/v1/weapons/${weapon.id}/events`;
      const first = (weapon.events as { id: string }[])[0];
      const notACorrection = await t.http.post(path).set(bearer(registrar)).send({ type: 'marked', occurredOn: '2026-11-01', annuls: true }).expect(400);
      expect(notACorrection.body.details[0].field).toBe('annuls');
      const notABoolean = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: first.id, occurredOn: '2026-11-01', annuls: 'yes' }).expect(400);
      expect(notABoolean.body.details[0].field).toBe('annuls');
      const marked = await t.http.post(path).set(bearer(registrar)).send({ type: 'marked', occurredOn: '2026-11-01', markings: [{ kind: 'other', component: 'frame', text: 'INV 42' }] }).expect(201);
      const marking = marked.body.events.find((e: { type: string }) => e.type === 'marked');
      const markedAnnulled = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: marking.id, annuls: true, occurredOn: '2026-11-02' }).expect(400);
      expect(markedAnnulled.body.details[0].field).toBe('annuls');
      const custody = await t.http.post(path).set(bearer(registrar)).send({ type: 'custody_transferred', occurredOn: '2026-11-01', custodian: 'Armurerie Dupont' }).expect(201);
      const transfer = custody.body.events.find((e: { type: string }) => e.type === 'custody_transferred');
      const custodian = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: transfer.id, occurredOn: '2026-11-01', custodian: 'Armurerie Martin' }).expect(400);
      expect(custodian.body.details[0].field).toBe('custodian');
      const refused = await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: transfer.id, annuls: true, occurredOn: '2026-11-02' }).expect(400);
      expect(refused.body.details[0].field).toBe('annuls');
      // The record's custodian and the history's are one: a party named custodian is the custodian given.
      const other = await t.http.post(path).set(bearer(registrar)).send({ type: 'custody_transferred', occurredOn: '2026-11-03', custodian: 'Beta Ltd', parties: [{ role: 'Custodian', name: 'Acme Arms' }] }).expect(400);
      expect(other.body.details).toEqual([{ field: 'parties', messages: ['the party named custodian is the new custodian given (Beta Ltd), not Acme Arms: leave it out, or name it so'] }]);
      // Other parties given, the custodians are added to them.
      const witnessed = await t.http.post(path).set(bearer(registrar)).send({ type: 'custody_transferred', occurredOn: '2026-11-03', custodian: 'Beta Ltd', parties: [{ role: 'dealer', name: 'Acme Arms' }] }).expect(201);
      expect(witnessed.body.custodian).toBe('Beta Ltd');
      expect(witnessed.body.events.at(-1).parties).toEqual([{ role: 'dealer', name: 'Acme Arms' }, { role: 'previous_custodian', name: 'Armurerie Dupont' }, { role: 'custodian', name: 'Beta Ltd' }]);
    });

    it('moves the seizure date of the record when the seizure is corrected, either way', async () => {
      const weapon = await registerWeapon(t, registrar, { origin: 'seized', occurredOn: '2026-01-10' });
      const seizure = (weapon.events as { id: string }[])[0];
      const seizedOn = async () => (await ownerQuery<{ on: string }>(t, `SELECT seized_or_found_on::text AS on FROM weapons WHERE id = $1`, [weapon.id], 'FRA'))[0].on;
      expect(await seizedOn()).toBe('2026-01-10');
      const path = `/api/v1/weapons/${weapon.id}/events`;
      await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2025-12-01', correctsEventId: seizure.id }).expect(201);
      expect(await seizedOn()).toBe('2025-12-01');
      await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2026-02-01', correctsEventId: seizure.id }).expect(201);
      expect(await seizedOn()).toBe('2026-02-01');
    });

    it('dates a weapon seized again by its last seizure, the one that put it in its status, corrected or not', async () => {
      const weapon = await registerWeapon(t, registrar);
      const seizedOn = async () => (await ownerQuery<{ on: string }>(t, `SELECT seized_or_found_on::text AS on FROM weapons WHERE id = $1`, [weapon.id], 'FRA'))[0].on;
      const path = `/api/v1/weapons/${weapon.id}/events`;
      const event = async (body: Record<string, unknown>) => {
        const events = (await t.http.post(path).set(bearer(registrar)).send(body).expect(201)).body.events as { id: string; type: string }[];
        return events[events.length - 1];
      };
      await event({ type: 'stolen', occurredOn: '2020-01-10' });
      await event({ type: 'seized', occurredOn: '2020-03-01' });
      await event({ type: 'transferred', occurredOn: '2020-04-01', statusAfter: 'civilian_held' });
      expect(await seizedOn()).toBe('2020-03-01');
      await event({ type: 'lost', occurredOn: '2026-09-01' });
      const found = await event({ type: 'found', occurredOn: '2026-11-01' });
      expect(found.type).toBe('found');
      // Found three weeks ago: not the seizure of 2020, which the report would count as six years unmarked.
      expect(await seizedOn()).toBe('2026-11-01');
      await event({ type: 'corrected', occurredOn: '2026-10-20', correctsEventId: found.id });
      expect(await seizedOn()).toBe('2026-10-20');
      expect((await weaponsWithStaleSummary(t, 'FRA')).map((w) => w.id)).not.toContain(weapon.id);
    });
  });

  describe('corrections of the record itself (description, markings)', () => {
    const found = async (serial: string) =>
      ((await t.http.post('/api/v1/weapons/search').set(bearer(registrar)).send({ serial }).expect(200)).body.items as { weapon: { id: string } }[]).map((i) => i.weapon.id);
    const indexedKeys = async (weaponId: string) =>
      (await ownerQuery<{ serial_key: string }>(t, `SELECT serial_key FROM weapon_serials WHERE weapon_id = $1 ORDER BY serial_key`, [weaponId], 'FRA')).map((r) => r.serial_key);

    it('corrects the holder a record was registered with, which its last legal holder then names, and clears it', async () => {
      const weapon = await registerWeapon(t, registrar, { serial: uniqueSerial('HO'), holder: 'Jon Smith' });
      expect(weapon).toMatchObject({ holder: 'Jon Smith', legalHolder: 'Jon Smith' });
      const made = (weapon.events as { id: string }[])[0];
      const correct = (holder: string | null) => t.http.post(`/api/v1/weapons/${weapon.id}/events`).set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2019-05-02', correctsEventId: made.id, description: { holder } });
      const corrected = await correct('John Smyth').expect(201);
      expect(corrected.body).toMatchObject({ holder: 'John Smyth', legalHolder: 'John Smyth' });
      expect(corrected.body.events.find((e: { type: string }) => e.type === 'corrected')).toMatchObject({ description: { holder: { from: 'Jon Smith', to: 'John Smyth' } } });
      const cleared = await correct(null).expect(201);
      expect(cleared.body.holder).toBeNull();
      expect(cleared.body.legalHolder).not.toBe('John Smyth');
      // A blank one is none, as at registration.
      await correct('John Smyth').expect(201);
      const blank = await correct('   ').expect(201);
      expect(blank.body.holder).toBeNull();
    });

    it('corrects a serial mistyped at registration: found by the right serial only, the misread marking kept as withdrawn', async () => {
      const typo = uniqueSerial('TY');
      const right = uniqueSerial('RT');
      const weapon = await registerWeapon(t, registrar, { serial: typo });
      const made = (weapon.events as { id: string }[])[0];
      const misread = (weapon.markings as { id: string }[])[0];
      const response = await t.http.post(`/api/v1/weapons/${weapon.id}/events`).set(bearer(registrar)).send({
        type: 'corrected', occurredOn: '2019-05-02', correctsEventId: made.id, description: { serial: right }, withdrawsMarkings: [misread.id],
        markings: [{ kind: 'manufacture', component: 'receiver', text: `FN HERSTAL BELGIUM ${right}`, manufacturer: 'FN Herstal', country: 'BEL', serial: right, year: 2019 }],
      }).expect(201);
      const correction = response.body.events.find((e: { type: string }) => e.type === 'corrected');
      expect(response.body).toMatchObject({ serial: right, serialNormalised: right, incomplete: [] });
      expect(correction).toMatchObject({ restates: true, description: { serial: { from: typo, to: right } }, withdrawsMarkings: [misread.id] });
      expect(response.body.markings).toEqual([expect.objectContaining({ serial: right, withdrawnBy: null })]);
      expect(response.body.withdrawnMarkings).toEqual([expect.objectContaining({ id: misread.id, serial: typo, withdrawnBy: correction.id })]);
      expect(response.body.events[0]).toMatchObject({ id: made.id, correctedBy: correction.id });

      expect(await found(right)).toContain(weapon.id);
      expect(await found(typo)).not.toContain(weapon.id);
      expect(await indexedKeys(weapon.id)).toEqual([foldSerial(right)]);
      // A withdrawal is final, in the database too.
      await expect(ownerQuery(t, `UPDATE markings SET withdrawn_by = NULL WHERE id = $1`, [misread.id], 'FRA')).rejects.toThrow(/a withdrawal is final/);
    });

    it('indexes a marking that repeated the former serial once the weapon\'s serial is corrected', async () => {
      const marked = uniqueSerial('MK');
      const corrected = uniqueSerial('CR');
      const weapon = await registerWeapon(t, registrar, { serial: marked });
      expect(await indexedKeys(weapon.id)).toEqual([foldSerial(marked)]);
      const made = (weapon.events as { id: string }[])[0];
      // The frame reads as marked; the serial field was what was wrong (another part's number, say).
      await t.http.post(`/api/v1/weapons/${weapon.id}/events`).set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2019-05-02', correctsEventId: made.id, description: { serial: corrected } }).expect(201);
      expect(await indexedKeys(weapon.id)).toEqual([foldSerial(corrected), foldSerial(marked)].sort());
      expect(await found(marked)).toContain(weapon.id);
      expect(await found(corrected)).toContain(weapon.id);
    });

    it('reads the corrected description against the reference data and the rules again; a refused correction writes nothing', async () => {
      const weapon = await registerWeapon(t, registrar);
      const made = (weapon.events as { id: string }[])[0];
      const path = `/api/v1/weapons/${weapon.id}/events`;
      // The country of manufacture was FN's: it follows the manufacturer, and the correction says so.
      const fixed = await t.http.post(path).set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2019-05-02', correctsEventId: made.id, description: { type: 'self-loading pistol', manufacturer: 'Glock', model: '17', yearOfManufacture: 2018 } })
        .expect(201);
      expect(fixed.body).toMatchObject({
        type: 'self_loading_pistol', category: 'small_arm', manufacturerCode: 'glock', manufacturer: 'Glock', unknownReferences: [],
        model: '17', yearOfManufacture: 2018, countryOfManufacture: 'AUT', calibreCode: '5.56x45mm', serial: weapon.serial,
      });
      expect(fixed.body.events.at(-1).description).toEqual({
        type: { from: 'assault_rifle', to: 'self_loading_pistol' }, manufacturer: { from: 'FN', to: 'Glock' }, model: { from: 'FNC', to: '17' },
        countryOfManufacture: { from: 'BEL', to: 'AUT' }, yearOfManufacture: { from: 2019, to: 2018 },
      });
      // A manufacturer unknown to the reference data is kept as given, flagged; the country was Glock's, so the correction says what it is now.
      const unknownBody = { type: 'corrected', occurredOn: '2019-05-02', correctsEventId: made.id, description: { manufacturer: 'Atelier Inconnu' } };
      const countryless = await t.http.post(path).set(bearer(registrar)).send(unknownBody).expect(400);
      expect(countryless.body.details).toEqual([{
        field: 'description.countryOfManufacture',
        messages: ['the country of manufacture AUT is Glock GmbH\'s: give the new manufacturer\'s in description.countryOfManufacture (null if it is not known)'],
      }]);
      const unknown = await t.http.post(path).set(bearer(registrar)).send({ ...unknownBody, description: { manufacturer: 'Atelier Inconnu', countryOfManufacture: 'AUT' } }).expect(201);
      expect(unknown.body).toMatchObject({ manufacturerCode: null, manufacturer: 'Atelier Inconnu', unknownReferences: ['manufacturer'], countryOfManufacture: 'AUT' });
      expect(unknown.body.events.at(-1).description).toEqual({ manufacturer: { from: 'Glock', to: 'Atelier Inconnu' } });
      // The type named as recorded, however written, changes nothing.
      const same = await t.http.post(path).set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2019-05-02', correctsEventId: made.id, description: { type: 'Self-loading pistol' } }).expect(400);
      expect(same.body.details).toEqual([{ field: 'description', messages: ['the description given is the one recorded: nothing to correct'] }]);

      // Withdrawing the only manufacture marking breaches ITI 8(a), which this State refuses: nothing is written.
      const marking = (weapon.markings as { id: string }[])[0];
      const refused = await t.http.post(path).set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2019-05-02', correctsEventId: made.id, description: { serial: uniqueSerial() }, withdrawsMarkings: [marking.id] }).expect(422);
      expect(refused.body.code).toBe('ITI_8A_MANUFACTURE_MARKING');
      const after = await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200);
      expect(after.body).toMatchObject({ serial: weapon.serial, withdrawnMarkings: [] });
      expect(after.body.markings).toEqual([expect.objectContaining({ id: marking.id, withdrawnBy: null })]);
      expect(after.body.events).toHaveLength(3);
      expect(await found(weapon.serial)).toContain(weapon.id);
    });

    it('clears with null a description field recorded in error whose right value is not known; never the type or a flag', async () => {
      const marked = uniqueSerial('MK');
      const stray = uniqueSerial('ST');
      // The serial typed into the record is not the one on the weapon (its marking's), and the model and year were guessed.
      const weapon = await registerWeapon(t, registrar, {
        serial: stray, markings: [{ kind: 'manufacture', component: 'receiver', text: `FN HERSTAL BELGIUM ${marked}`, manufacturer: 'FN Herstal', country: 'BEL', serial: marked, year: 2019 }],
      });
      const made = (weapon.events as { id: string }[])[0];
      const path = `/api/v1/weapons/${weapon.id}/events`;
      const cleared = await t.http.post(path).set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2019-05-02', correctsEventId: made.id, description: { serial: null, model: null, yearOfManufacture: null, calibre: null } })
        .expect(201);
      expect(cleared.body).toMatchObject({ serial: null, model: null, yearOfManufacture: null, calibre: null, calibreCode: null, manufacturer: 'FN', countryOfManufacture: 'BEL', unknownReferences: [] });
      expect(cleared.body.events.at(-1).description).toEqual({
        serial: { from: stray, to: null }, model: { from: 'FNC', to: null }, calibre: { from: '5.56 NATO', to: null }, yearOfManufacture: { from: 2019, to: null },
      });
      // The serial index follows: the stray serial finds nothing, the marking's still finds the weapon.
      expect(await found(stray)).not.toContain(weapon.id);
      expect(await found(marked)).toContain(weapon.id);
      expect(await indexedKeys(weapon.id)).toEqual([foldSerial(marked)]);

      // A year guessed wrong and a date typed wrong, both corrected at once: the year cleared is judged against no date.
      const guessed = await registerWeapon(t, registrar, { yearOfManufacture: 2019 });
      const redated = await t.http.post(`/api/v1/weapons/${guessed.id}/events`).set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2015-03-01', correctsEventId: (guessed.events as { id: string }[])[0].id, description: { yearOfManufacture: null } }).expect(201);
      expect(redated.body).toMatchObject({ yearOfManufacture: null });
      expect(redated.body.events.find((e: { type: string }) => e.type === 'corrected')).toMatchObject({ occurredOn: '2015-03-01', description: { yearOfManufacture: { from: 2019, to: null } } });

      // A manufacturer unknown to the reference data, cleared: no longer flagged as unknown; the country stays.
      const odd = await registerWeapon(t, registrar, { manufacturer: 'Atelier Inconnu' });
      expect(odd.unknownReferences).toEqual(['manufacturer']);
      const oddPath = `/api/v1/weapons/${odd.id}/events`;
      const unknownCleared = await t.http.post(oddPath).set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2019-05-02', correctsEventId: (odd.events as { id: string }[])[0].id, description: { manufacturer: null } }).expect(201);
      expect(unknownCleared.body).toMatchObject({ manufacturer: null, manufacturerCode: null, unknownReferences: [], countryOfManufacture: 'BEL' });

      // Nothing to clear is nothing to correct; the type and the flags are corrected, never cleared.
      const field = async (description: Record<string, unknown>) =>
        (await t.http.post(path).set(bearer(registrar)).send({ type: 'corrected', occurredOn: '2019-05-02', correctsEventId: made.id, description }).expect(400)).body.details;
      expect(await field({ model: null })).toEqual([{ field: 'description', messages: ['the description given is the one recorded: nothing to correct'] }]);
      expect((await field({ type: null }))[0].field).toBe('description.type');
      expect((await field({ serialObliterated: null }))[0].field).toBe('description.serialObliterated');
      expect((await field({ model: '' }))[0].field).toBe('description.model');
      const unchanged = await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200);
      expect(unchanged.body.events).toHaveLength(2);
    });

    it('withdraws markings with any correction, an annulment included, and names what it refuses', async () => {
      const weapon = await registerWeapon(t, registrar);
      const other = await registerWeapon(t, registrar);
      const made = (weapon.events as { id: string }[])[0];
      const path = `/api/v1/weapons/${weapon.id}/events`;
      // A seizure recorded on the wrong weapon: annulled, and the seizure marking it added withdrawn.
      const seized = await t.http.post(path).set(bearer(registrar)).send({
        type: 'seized', occurredOn: '2020-02-01', markings: [{ kind: 'seizure', component: 'frame', text: 'SAISIE 2020/17' }],
      }).expect(201);
      const seizure = seized.body.events.find((e: { type: string }) => e.type === 'seized');
      const seizureMarking = seized.body.markings.find((m: { kind: string }) => m.kind === 'seizure');
      // Identifiers compare however written.
      const annulled = await t.http.post(path).set(bearer(registrar))
        .send({ type: 'corrected', occurredOn: '2020-03-01', correctsEventId: seizure.id, annuls: true, withdrawsMarkings: [seizureMarking.id.toUpperCase()] }).expect(201);
      expect(annulled.body).toMatchObject({ status: 'civilian_held' });
      expect(annulled.body.markings).toHaveLength(1);
      expect(annulled.body.withdrawnMarkings).toEqual([expect.objectContaining({ id: seizureMarking.id })]);

      const send = (body: Record<string, unknown>, expected: number) => t.http.post(path).set(bearer(registrar)).send({ occurredOn: '2019-05-02', ...body }).expect(expected);
      const field = async (body: Record<string, unknown>) => (await send(body, 400)).body.details[0];
      expect(await field({ type: 'corrected', correctsEventId: seizure.id, description: { model: 'X' } }))
        .toEqual({ field: 'description', messages: [`the description was recorded with the record's first event: correct it with a correction of event ${made.id}`] });
      expect((await field({ type: 'marked', description: { model: 'X' }, markings: [] })).field).toBe('description');
      expect((await field({ type: 'marked', withdrawsMarkings: [seizureMarking.id] })).field).toBe('withdrawsMarkings');
      expect((await field({ type: 'corrected', correctsEventId: made.id, annuls: true, description: { model: 'X' } })).field).toBe('description');
      expect(await field({ type: 'corrected', correctsEventId: made.id, description: [{ model: 'X' }] })).toEqual({ field: 'description', messages: ['description must be an object of the fields to correct'] });
      expect(await field({ type: 'corrected', correctsEventId: made.id, description: {} })).toEqual({ field: 'description', messages: [expect.stringContaining('at least one field')] });
      expect(await field({ type: 'corrected', correctsEventId: made.id, description: { model: 'FNC' } })).toEqual({ field: 'description', messages: ['the description given is the one recorded: nothing to correct'] });
      expect((await field({ type: 'corrected', correctsEventId: made.id, description: { modular: null } })).field).toBe('description.modular');
      expect((await field({ type: 'corrected', correctsEventId: made.id, description: { type: 'catapult' } })).field).toBe('description.type');
      expect((await field({ type: 'corrected', correctsEventId: made.id, description: { countryOfManufacture: 'XXX' } })).field).toBe('description.countryOfManufacture');
      expect((await field({ type: 'corrected', correctsEventId: made.id, withdrawsMarkings: ['not-an-id'] })).field).toBe('withdrawsMarkings');
      const stray = (other.markings as { id: string }[])[0].id;
      expect(await field({ type: 'corrected', correctsEventId: made.id, withdrawsMarkings: [stray] }))
        .toEqual({ field: 'withdrawsMarkings[0]', messages: [`marking ${stray} is not one of this weapon's`] });
      expect(await field({ type: 'corrected', correctsEventId: made.id, withdrawsMarkings: [seizureMarking.id] }))
        .toEqual({ field: 'withdrawsMarkings[0]', messages: [`marking ${seizureMarking.id} was withdrawn already`] });
      // Another State's record is not there to correct.
      await t.http.post(path).set(bearer(braRegistrar)).send({ type: 'corrected', occurredOn: '2019-05-02', correctsEventId: made.id, description: { model: 'X' } }).expect(404);
      const unchanged = await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200);
      expect(unchanged.body).toMatchObject({ model: 'FNC' });
      expect(unchanged.body.events).toHaveLength(3);
    });
  });

  describe('retention (ITI 12)', () => {
    it('refuses to delete a record before its retention date, with the date', async () => {
      const weapon = await registerWeapon(t, registrar);
      const response = await t.http.delete(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(409);
      expect(response.body).toMatchObject({
        code: 'RETENTION_ACTIVE', details: { retainUntil: '2049-05-02', purgeEnabled: false }, message: expect.stringContaining('purging is also disabled on this node'),
      });
      await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200);
    });

    it('keeps an expired record while purging is off, and while a legal hold stands', async () => {
      const old = await registerWeapon(t, registrar, { occurredOn: '1980-01-15', yearOfManufacture: 1980 });
      expect(old.retainUntil).toBe('2010-01-15');
      const disabled = await t.http.delete(`/api/v1/weapons/${old.id}`).set(bearer(registrar)).expect(409);
      expect(disabled.body.code).toBe('PURGE_DISABLED');
      await t.http.post(`/api/v1/weapons/${old.id}/legal-holds`).set(bearer(registrar)).send({ reason: 'Court order 2026/118' }).expect(201);
      const held = await t.http.delete(`/api/v1/weapons/${old.id}`).set(bearer(registrar)).expect(409);
      expect(held.body).toMatchObject({ code: 'LEGAL_HOLD', details: { legalHolds: [expect.objectContaining({ reason: 'Court order 2026/118' })] } });
    });
  });

  it('passes a closed company\'s records to the State in one operation (ITI 13)', async () => {
    const custodian = `Armurerie Fermée ${uniqueSerial('')}`;
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await registerWeapon(t, registrar, { custodian })).id);
    // One with no one named but the dealer whose records these are: its last known legal holder.
    const unnamed = (await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ custodian, parties: [] })).expect(201)).body;
    expect(unnamed.legalHolder).toBe(custodian);
    ids.push(unnamed.id);
    const result = await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: custodian, occurredOn: '2026-11-01' }).expect(201);
    expect(result.body).toEqual({ transferred: 4, custodian: 'France (national registry)' });
    const recorded = await ownerQuery<{ details: Record<string, unknown> }>(t, `SELECT details FROM audit_events WHERE action = 'registry.custody_transferred' AND details->>'fromCustodian' = $1`, [custodian], 'FRA');
    expect(recorded).toEqual([{ details: { fromCustodian: custodian, custodian: 'France (national registry)', transferred: 4 } }]);
    // Its papers are the State's now; the weapon is still the dealer's.
    expect((await t.http.get(`/api/v1/weapons/${unnamed.id}`).set(bearer(registrar)).expect(200)).body.legalHolder).toBe(custodian);
    for (const id of ids) {
      const weapon = await t.http.get(`/api/v1/weapons/${id}`).set(bearer(registrar)).expect(200);
      expect(weapon.body.custodian).toBe('France (national registry)');
      expect(weapon.body.events.map((e: { type: string }) => e.type)).toEqual(['manufactured', 'custody_transferred']);
      expect(weapon.body.events[1].parties).toEqual([{ role: 'previous_custodian', name: custodian }, { role: 'custodian', name: 'France (national registry)' }]);
    }
    await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: custodian, occurredOn: '2026-11-01' }).expect(404);
    // Written after the weapon's latest event, even one written ahead of the clock (as a write a millisecond after
    // another is): the history is ordered by the time of writing.
    const ahead = `Armurerie En Avance ${uniqueSerial('')}`;
    const aheadId = (await registerWeapon(t, registrar, { custodian: ahead })).id;
    await ownerQuery(t, `INSERT INTO record_events (state_code, weapon_id, type, occurred_on, parties, status_after, record_class, retain_until, recorded_by, recorded_at)
      SELECT state_code, weapon_id, 'marked', occurred_on, '[]', status_after, record_class, retain_until, recorded_by, clock_timestamp() + interval '1 hour' FROM record_events WHERE weapon_id = $1`, [aheadId], 'FRA');
    await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: ahead, occurredOn: '2026-11-01' }).expect(201);
    const order = await ownerQuery<{ type: string }>(t, `SELECT type FROM record_events WHERE weapon_id = $1 ORDER BY recorded_at, id`, [aheadId], 'FRA');
    expect(order.map((e) => e.type)).toEqual(['manufactured', 'marked', 'custody_transferred']);
    // Never before a record's first event.
    const recent = `Armurerie Récente ${uniqueSerial('')}`;
    const late = await registerWeapon(t, registrar, { custodian: recent, occurredOn: '2025-03-01', yearOfManufacture: 2025 });
    await registerWeapon(t, registrar, { custodian: recent, occurredOn: '2024-06-01', yearOfManufacture: 2024 });
    const early = await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: recent, occurredOn: '2024-12-31' }).expect(400);
    expect(early.body.details).toEqual([{
      field: 'occurredOn',
      messages: [`1 records of ${recent} came into its custody after 2024-12-31 (the latest on 2025-03-01, by their first event or their last custody transfer): the transfer cannot come before`],
    }]);
    // The first event as corrected: a 2025 typo for 2015 no longer holds the closure back.
    const first = (await t.http.get(`/api/v1/weapons/${late.id}`).set(bearer(registrar)).expect(200)).body.events[0];
    await t.http.post(`/api/v1/weapons/${late.id}/events`).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: first.id, occurredOn: '2024-03-01', description: { yearOfManufacture: 2024 } }).expect(201);
    await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: recent, occurredOn: '2024-12-31' }).expect(201);
    // Nor before a record passed into the company's custody: registered in 2020 elsewhere, handed to it in June 2026.
    const handed = `Armurerie Reprise ${uniqueSerial('')}`;
    const older = await registerWeapon(t, registrar, { occurredOn: '2020-02-01', yearOfManufacture: 2020 });
    await t.http.post(`/api/v1/weapons/${older.id}/events`).set(bearer(registrar)).send({ type: 'custody_transferred', occurredOn: '2026-06-01', custodian: handed }).expect(201);
    const beforeHanded = await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: handed, occurredOn: '2026-01-01' }).expect(400);
    expect(beforeHanded.body.details[0].messages[0]).toContain('(the latest on 2026-06-01,');
    await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: handed, occurredOn: '2026-06-01' }).expect(201);
    const future = await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: custodian, occurredOn: '2099-01-01' }).expect(400);
    expect(future.body.details[0].field).toBe('occurredOn');
    // Never the national registry itself, whose records are already the State's.
    const itself = await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: 'france (National Registry)', occurredOn: '2026-11-01' }).expect(400);
    expect(itself.body.details[0].field).toBe('fromCustodian');
    // Written in capitals, as a Turkish keyboard writes them: the same custodian, as the registry compares names.
    const turRegistrar = await login(t, await createUser(t, { stateCode: 'TUR', roles: ['registrar'] }));
    const capitals = await t.http.post('/api/v1/registry/custody-transfers').set(bearer(turRegistrar)).send({ fromCustodian: 'TÜRKİYE (NATIONAL REGISTRY)', occurredOn: '2026-11-01' }).expect(400);
    expect(capitals.body.details).toEqual([{ field: 'fromCustodian', messages: [expect.stringContaining('are already the State\'s')] }]);
  });

  it('names a closed company as custodian of no record afterwards: registration, event and import refused (ITI 13)', async () => {
    const custodian = `Armurerie Close ${uniqueSerial('')}`;
    const weapon = await registerWeapon(t, registrar, { custodian });
    await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: custodian, occurredOn: '2026-11-01' }).expect(201);
    const closed = { code: 'CUSTODIAN_CLOSED', details: { field: 'custodian', custodian, closedOn: '2026-11-01', recordsCustodian: 'France (national registry)' } };
    const listed = await allPages<{ name: string; closedOn: string; recordsCustodian: string }>(t, auditor, '/api/v1/registry/closed-custodians', { limit: 2 });
    expect(listed.filter((c) => c.name === custodian)).toEqual([expect.objectContaining({ closedOn: '2026-11-01', recordsCustodian: 'France (national registry)' })]);
    await t.http.get('/api/v1/registry/closed-custodians').set(bearer(braRegistrar)).expect(200).then((r) => expect(r.body.items.filter((c: { name: string }) => c.name === custodian)).toEqual([]));
    // Case and surrounding spaces aside.
    const registered = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ custodian: ` ${custodian.toUpperCase()} ` })).expect(409);
    expect(registered.body).toMatchObject(closed);
    expect(registered.body.message).toBe(`${custodian} closed on 2026-11-01: its records are kept by France (national registry) (ITI 13)`);
    const moved = await t.http.post(`/api/v1/weapons/${weapon.id}/events`).set(bearer(registrar)).send({ type: 'custody_transferred', occurredOn: '2026-11-02', custodian }).expect(409);
    expect(moved.body).toMatchObject(closed);
    const serial = uniqueSerial('CC');
    const row = importRow({
      origin: 'manufactured', occurred_on: '2021-04-01', type: 'pistol', manufacturer: 'Glock', serial, country_of_manufacture: 'AUT',
      custodian: `${custodian.toLowerCase()}\u2003`, marking_text: `GLOCK AUSTRIA ${serial}`, marking_component: 'slide',
    });
    const csv = `${IMPORT_HEADER}\n${row}\n`;
    const imported = await t.http.post('/api/v1/weapons/imports').set(bearer(registrar)).set('content-type', 'text/csv').send(csv).expect(201);
    expect(imported.body).toMatchObject({ status: 'rejected', rejectedRows: 1 });
    expect(imported.body.rejections.items).toEqual([
      expect.objectContaining({ line: 2, column: 'custodian', code: 'CUSTODIAN_CLOSED', message: `${custodian} closed on 2026-11-01: its records are kept by France (national registry) (ITI 13)` }),
    ]);
    // Another State's company of the same name is its own matter.
    await registerWeapon(t, braRegistrar, { custodian });
    // Closed in error: reopened, records may name it again, and a transfer pass them back.
    await t.http.delete('/api/v1/registry/closed-custodians').query({ name: custodian.toLowerCase() }).set(bearer(registrar)).expect(204);
    await registerWeapon(t, registrar, { custodian });
    const again = await t.http.delete('/api/v1/registry/closed-custodians').query({ name: custodian }).set(bearer(registrar)).expect(404);
    expect(again.body.code).toBe('CUSTODIAN_NOT_CLOSED');
    const reopened = await ownerQuery(t, `SELECT 1 FROM audit_events WHERE action = 'registry.custodian_reopened' AND details->>'custodian' = $1`, [custodian.toLowerCase()], 'FRA');
    expect(reopened).toHaveLength(1);
  });

  it('moves every record of the company however its name was written, and waits for the writes naming a custodian (ITI 13)', async () => {
    const custodian = `Armurerie Close ${uniqueSerial('')}`;
    await registerWeapon(t, registrar, { custodian: custodian.toUpperCase() });
    await registerWeapon(t, registrar, { custodian: `${custodian.toLowerCase()}\u00a0` });
    // Another transaction shares custody, as a registration or an import naming a custodian does, and writes a record of the company.
    await inOwnerTransaction(t, 'FRA', async (other) => {
      await other.query(`SELECT pg_advisory_xact_lock_shared(${CUSTODY_LOCK_KEY})`, ['FRA']);
      await other.query(`INSERT INTO weapons (state_code, category, type_code, status, custodian) VALUES ('FRA', 'small_arm', 'rifle', 'civilian_held', $1)`, [custodian]);
      const transfer = t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: custodian, occurredOn: '2026-11-01' }).then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await other.query('COMMIT');
      const result = await transfer;
      expect({ status: result.status, body: result.body }).toEqual({ status: 201, body: { transferred: 3, custodian: 'France (national registry)' } });
    });
  });

  it('answers 409 CUSTODY_BUSY when the writes naming a custodian do not end within a few seconds (ITI 13)', async () => {
    const custodian = `Armurerie Close ${uniqueSerial('')}`;
    await registerWeapon(t, registrar, { custodian });
    await inOwnerTransaction(t, 'FRA', async (other) => {
      await other.query(`SELECT pg_advisory_xact_lock_shared(${CUSTODY_LOCK_KEY})`, ['FRA']);
      const busy = await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: custodian, occurredOn: '2026-11-01' }).expect(409);
      expect(busy.body.code).toBe('CUSTODY_BUSY');
      // Registrations naming a custodian went on meanwhile.
      await registerWeapon(t, registrar, { custodian });
      await other.query('ROLLBACK');
    });
    const done = await t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: custodian, occurredOn: '2026-11-01' }).expect(201);
    expect(done.body.transferred).toBe(2);
  });

  it('makes a registration that names a company being closed wait, then refuses it (ITI 13)', async () => {
    const custodian = `Armurerie Close ${uniqueSerial('')}`;
    await registerWeapon(t, registrar, { custodian });
    // Another transaction holds the custody lock as a transfer does, until it has closed the company.
    await inOwnerTransaction(t, 'FRA', async (other) => {
      await other.query(`SELECT pg_advisory_xact_lock(${CUSTODY_LOCK_KEY})`, ['FRA']);
      const registration = t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ custodian })).then((r) => r);
      await untilWaitingForLocks(t, 1);
      await other.query(`INSERT INTO closed_custodians (state_code, name_key, name, closed_on, records_custodian) VALUES ('FRA', lower($1), $1, '2026-11-01', 'France (national registry)')`, [custodian]);
      await other.query('COMMIT');
      const refused = await registration;
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('CUSTODIAN_CLOSED');
    });
  });

  it('moves a weapon changed during a transfer with its event, or leaves both alone (ITI 13)', async () => {
    const custodian = `Armurerie Fermée ${uniqueSerial('')}`;
    const [changed, kept] = [(await registerWeapon(t, registrar, { custodian })).id, (await registerWeapon(t, registrar, { custodian })).id];
    // Another transaction gives one weapon another custodian and commits while the transfer waits for it.
    await inOwnerTransaction(t, 'FRA', async (other) => {
      await other.query(`UPDATE weapons SET custodian = 'Armurerie Ouverte' WHERE id = $1`, [changed]);
      const transfer = t.http.post('/api/v1/registry/custody-transfers').set(bearer(registrar)).send({ fromCustodian: custodian, occurredOn: '2026-11-01' }).then((r) => r);
      // Until the transfer waits for that weapon's row.
      await untilWaitingForLocks(t, 1);
      await other.query('COMMIT');
      const result = await transfer;
      expect(result.status).toBe(201);
      expect(result.body.transferred).toBe(1);
    });
    const left = (await t.http.get(`/api/v1/weapons/${changed}`).set(bearer(registrar)).expect(200)).body;
    expect(left.custodian).toBe('Armurerie Ouverte');
    expect(left.events.map((e: { type: string }) => e.type)).toEqual(['manufactured']);
    const moved = (await t.http.get(`/api/v1/weapons/${kept}`).set(bearer(registrar)).expect(200)).body;
    expect(moved.custodian).toBe('France (national registry)');
    expect(moved.events.map((e: { type: string }) => e.type)).toEqual(['manufactured', 'custody_transferred']);
  });

  it('shows another State none of these weapons: 404 on read, absent from lists and search', async () => {
    const weapon = await registerWeapon(t, registrar);
    const read = await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(braRegistrar)).expect(404);
    expect(read.body.code).toBe('WEAPON_NOT_FOUND');
    await t.http.post(`/api/v1/weapons/${weapon.id}/events`).set(bearer(braRegistrar)).send({ type: 'lost', occurredOn: '2024-01-01' }).expect(404);
    await t.http.post(`/api/v1/weapons/${weapon.id}/markings`).set(bearer(braRegistrar)).send({ markings: [{ kind: 'other', component: 'other', text: 'x' }] }).expect(404);
    await t.http.delete(`/api/v1/weapons/${weapon.id}`).set(bearer(braRegistrar)).expect(404);
    await registerWeapon(t, braRegistrar);
    const list = await allPages<{ id: string; stateCode: string }>(t, braRegistrar, '/api/v1/weapons', { limit: 100 });
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((w) => w.stateCode === 'BRA')).toBe(true);
    expect(list.map((w) => w.id)).not.toContain(weapon.id);
    const search = await t.http.post('/api/v1/weapons/search').set(bearer(braRegistrar)).send({ serial: weapon.serial }).expect(200);
    expect(search.body.items).toEqual([]);
    const own = await t.http.post('/api/v1/weapons/search').set(bearer(auditor)).send({ serial: weapon.serial }).expect(200);
    expect(own.body.items[0].weapon.id).toBe(weapon.id);
  });

  it('lists the State\'s weapons page by page, filtered by status, each once', async () => {
    const listed = await allPages<{ id: string; status: string }>(t, auditor, '/api/v1/weapons', { limit: 3, status: 'civilian_held' });
    for (const w of listed) expect(w.status).toBe('civilian_held');
    const seen = listed.map((w) => w.id);
    const [{ n }] = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM weapons WHERE status = 'civilian_held'`, [], 'FRA');
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(Number(n));
  });
  it('keeps each weapon\'s summary of its history in step with its events', async () => {
    const [{ n }] = await ownerQuery<{ n: string }>(t, `SELECT count(*) AS n FROM weapons`, [], 'FRA');
    expect(Number(n)).toBeGreaterThan(5);
    expect(await weaponsWithStaleSummary(t, 'FRA')).toEqual([]);
  });

  describe('what a registrar gets wrong, answered by field', () => {
    const fieldsOf = (r: { body: { details?: { field: string }[] } }) => (r.body.details ?? []).map((d) => d.field);

    it('refuses a serial without a letter or digit (a "-" put for none): it would count as marked and never be found', async () => {
      const bare = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ serial: '-' })).expect(400);
      expect(fieldsOf(bare)).toEqual(['serial', 'markings[0].serial']);
      expect(fieldsOf(await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ serial: '#?', markings: [] })).expect(400))).toEqual(['serial']);
      // The import reads "a letter or a digit" as the API does, a letter of another script included.
      for (const serial of ['-', '#?*_', 'Ж', '•', 'ab', '', '1']) {
        const [{ holds }] = await ownerQuery<{ holds: boolean }>(t, `SELECT serial_normalise($1) ~ '${SERIAL_HAS_CHARACTER}' AS holds`, [serial]);
        expect({ serial, holds }).toEqual({ serial, holds: holdsSerialCharacter(normaliseSerial(serial)) });
      }
      const marking = await t.http.post('/api/v1/weapons').set(bearer(registrar))
        .send(manufacturedWeapon({ markings: [{ kind: 'manufacture', component: 'frame', text: 'FN', manufacturer: 'FN', country: 'BEL', serial: ' - / . ' }] })).expect(400);
      expect(fieldsOf(marking)).toEqual(['markings[0].serial']);
      const imported = await t.http.post('/api/v1/weapons/imports').set(bearer(registrar)).set('content-type', 'text/csv')
        .send(`${IMPORT_HEADER}\n${importRow({ origin: 'manufactured', occurred_on: '2020-01-01', type: 'pistol', manufacturer: 'Glock', serial: '--', country_of_manufacture: 'AUT', marking_text: 'GLOCK AUSTRIA', marking_component: 'slide' })}\n`).expect(201);
      expect(imported.body).toMatchObject({ status: 'rejected', acceptedRows: 0 });
      expect(imported.body.rejections.items).toContainEqual(expect.objectContaining({ line: 2, column: 'serial', code: 'SERIAL_INVALID' }));
    });

    it('names statusAfter when a transfer or an import does not give it (400, not 409)', async () => {
      const weapon = await registerWeapon(t, registrar);
      const events = `/api/v1/weapons/${weapon.id}/events`;
      const missing = await t.http.post(events).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2024-01-01' }).expect(400);
      expect(missing.body.details).toEqual([{ field: 'statusAfter', messages: ['transferred needs the status afterwards: one of in_service, government_stock, civilian_held, deactivated'] }]);
      expect(fieldsOf(await t.http.post(events).set(bearer(registrar)).send({ type: 'imported', occurredOn: '2024-01-01', counterpartState: 'BEL' }).expect(400))).toEqual(['statusAfter']);
    });

    it('returns a found or seized weapon with a transfer to a status it had before, while one from government stocks still needs 8(c)', async () => {
      const stolen = await registerWeapon(t, registrar);
      const events = `/api/v1/weapons/${stolen.id}/events`;
      await t.http.post(events).set(bearer(registrar)).send({ type: 'stolen', occurredOn: '2024-02-01' }).expect(201);
      await t.http.post(events).set(bearer(registrar)).send({ type: 'found', occurredOn: '2024-03-01' }).expect(201);
      const returned = await t.http.post(events).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2024-04-01', statusAfter: 'civilian_held', notes: 'Returned to its owner' }).expect(201);
      expect(returned.body.status).toBe('civilian_held');

      const seized = await registerWeapon(t, registrar);
      await t.http.post(`/api/v1/weapons/${seized.id}/events`).set(bearer(registrar)).send({ type: 'seized', occurredOn: '2024-02-01' }).expect(201);
      expect((await t.http.post(`/api/v1/weapons/${seized.id}/events`).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2024-05-01', statusAfter: 'civilian_held' }).expect(201)).body.status).toBe('civilian_held');

      const stock = await registerWeapon(t, registrar, { status: 'government_stock' });
      const refused = await t.http.post(`/api/v1/weapons/${stock.id}/events`).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2024-05-01', statusAfter: 'civilian_held' }).expect(409);
      expect(refused.body.code).toBe('EVENT_NOT_ALLOWED');
    });

    it('refuses an event dated before the record\'s first one, and a weapon made after it, naming the field', async () => {
      const weapon = await registerWeapon(t, registrar, { occurredOn: '2015-03-02', yearOfManufacture: 2015 });
      const events = `/api/v1/weapons/${weapon.id}/events`;
      const typo = await t.http.post(events).set(bearer(registrar)).send({ type: 'exported', occurredOn: '2003-05-01', counterpartState: 'DEU', licenceRef: 'EXP-2023-4' }).expect(400);
      expect(typo.body.details).toEqual([{ field: 'occurredOn', messages: ['occurredOn 2003-05-01 is before the record\'s first event (manufactured on 2015-03-02)'] }]);
      const exported = (await t.http.post(events).set(bearer(registrar)).send({ type: 'exported', occurredOn: '2015-03-02', counterpartState: 'DEU', licenceRef: 'EXP-2015-4' }).expect(201)).body;
      // A correction is judged as the history stands after it.
      const exportId = exported.events.find((e: { type: string }) => e.type === 'exported').id;
      const manufacturedId = exported.events.find((e: { type: string }) => e.type === 'manufactured').id;
      const backdated = await t.http.post(events).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: exportId, occurredOn: '2003-05-01', counterpartState: 'DEU', licenceRef: 'EXP-2015-4' }).expect(400);
      expect(backdated.body.details).toEqual([{ field: 'occurredOn', messages: ['occurredOn 2003-05-01 is before the record\'s first event (manufactured on 2015-03-02)'] }]);
      const moved = await t.http.post(events).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: manufacturedId, occurredOn: '2016-01-10' }).expect(400);
      expect(moved.body.details).toEqual([{ field: 'occurredOn', messages: ['the record\'s first event cannot come after its exported on 2015-03-02'] }]);
      const madeLater = await t.http.post(events).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: manufacturedId, occurredOn: '2015-03-02', description: { yearOfManufacture: 2016 } }).expect(400);
      expect(madeLater.body.details).toEqual([{ field: 'description.yearOfManufacture', messages: ['the year of manufacture, 2016, is after the record\'s first event (manufactured on 2015-03-02)'] }]);
      await t.http.post(events).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: manufacturedId, occurredOn: '2015-03-01', description: { yearOfManufacture: 2014 } }).expect(201);
      // A record that broke the rule before it existed (an event written before its first) can still be corrected.
      await ownerQuery(t, `INSERT INTO record_events (state_code, weapon_id, type, occurred_on, status_after, record_class, retain_until)
                           VALUES ('FRA', $1, 'transferred', '2001-01-01', 'civilian_held', 'other', '2031-01-01')`, [weapon.id], 'FRA');
      await t.http.post(events).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: manufacturedId, occurredOn: '2015-03-01', description: { model: 'FNC Para' } }).expect(201);
      const later = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ occurredOn: '2015-03-02', yearOfManufacture: 2019 })).expect(400);
      expect(later.body.details).toEqual([{ field: 'yearOfManufacture', messages: ['yearOfManufacture 2019 is after the first event (manufactured on 2015-03-02)'] }]);
      const imported = await t.http.post('/api/v1/weapons/imports').set(bearer(registrar)).set('content-type', 'text/csv')
        .send(`${IMPORT_HEADER}\n${importRow({ origin: 'manufactured', occurred_on: '2021-01-01', type: 'pistol', manufacturer: 'Glock', serial: uniqueSerial('YR'), country_of_manufacture: 'AUT', year_of_manufacture: '2022', marking_text: 'GLOCK AUSTRIA', marking_component: 'slide' })}\n`).expect(201);
      expect(imported.body.rejections.items).toEqual([expect.objectContaining({ line: 2, column: 'year_of_manufacture', code: 'YEAR_AFTER_EVENT', message: 'year_of_manufacture 2022 is after the first event (manufactured on 2021-01-01)' })]);
    });

    it('refuses an event dated before one recorded earlier, or a correction that moves one past a later one, naming occurredOn', async () => {
      const weapon = await registerWeapon(t, registrar, { occurredOn: '2015-03-02', yearOfManufacture: 2015 });
      const events = `/api/v1/weapons/${weapon.id}/events`;
      const stolen = (await t.http.post(events).set(bearer(registrar)).send({ type: 'stolen', occurredOn: '2024-05-01' }).expect(201)).body;
      const found = await t.http.post(events).set(bearer(officer)).send({ type: 'found', occurredOn: '2019-01-01' }).expect(400);
      expect(found.body.details).toEqual([{ field: 'occurredOn', messages: [
        'occurredOn 2019-01-01 is before the stolen on 2024-05-01, recorded earlier: events are recorded in the order they happened (correct that event if its date is wrong)'] }]);
      // The same day is in order; a fact learnt late about the past is a correction of the event it concerns.
      await t.http.post(events).set(bearer(officer)).send({ type: 'found', occurredOn: '2024-05-01' }).expect(201);
      const stolenId = stolen.events.find((e: { type: string }) => e.type === 'stolen').id;
      const moved = await t.http.post(events).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: stolenId, occurredOn: '2024-06-01' }).expect(400);
      expect(moved.body.details).toEqual([{ field: 'occurredOn', messages: [
        'the found on 2024-05-01 would come before the stolen on 2024-06-01, recorded before it: events are recorded in the order they happened'] }]);
      await t.http.post(events).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: stolenId, occurredOn: '2024-04-20' }).expect(201);
      // A marking keeps the status and is not ordered with the events that move it; but nothing is marked after its destruction.
      await t.http.post(events).set(bearer(officer)).send({ type: 'marked', occurredOn: '2026-01-10', markings: [{ kind: 'seizure', component: 'frame', text: 'FRA-SZ-2026-0050', country: 'FRA', serial: 'FRA-SZ-2026-0050' }] }).expect(201);
      await t.http.post(events).set(bearer(registrar)).send({ type: 'acquired_by_government', occurredOn: '2025-12-01' }).expect(201);
      const destroyedBefore = await t.http.post(events).set(bearer(registrar)).send({ type: 'destroyed', occurredOn: '2026-01-01' }).expect(400);
      expect(destroyedBefore.body.details).toEqual([{ field: 'occurredOn', messages: ['the marked on 2026-01-10 would come after the weapon\'s destruction (destroyed on 2026-01-01)'] }]);
      await t.http.post(events).set(bearer(registrar)).send({ type: 'destroyed', occurredOn: '2026-01-10' }).expect(201);
      const markedAfter = await t.http.post(events).set(bearer(registrar)).send({ type: 'marked', occurredOn: '2026-02-01', markings: [{ kind: 'other', component: 'frame', text: 'LATE' }] }).expect(400);
      expect(markedAfter.body.details).toEqual([{ field: 'occurredOn', messages: ['occurredOn 2026-02-01 is after the weapon\'s destruction (destroyed on 2026-01-10): it could not be marked then'] }]);
      const record = (await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200)).body;
      expect(record.status).toBe('destroyed');
      expect(record.events.map((e: { type: string; occurredOn: string }) => `${e.type} ${e.occurredOn}`))
        .toEqual(['manufactured 2015-03-02', 'corrected 2024-04-20', 'stolen 2024-05-01', 'found 2024-05-01', 'acquired_by_government 2025-12-01', 'marked 2026-01-10', 'destroyed 2026-01-10']);
    });

    it('returns a weapon found to the hands it was in before, read from the events that moved its status, not from a custody transfer written earlier', async () => {
      const weapon = await registerWeapon(t, registrar, { occurredOn: '2015-03-02', yearOfManufacture: 2015, status: 'civilian_held', custodian: 'Armurerie Martin' });
      const events = `/api/v1/weapons/${weapon.id}/events`;
      await t.http.post(events).set(bearer(registrar)).send({ type: 'custody_transferred', occurredOn: '2026-03-01', custodian: 'Registre national' }).expect(201);
      // A sale to the police, found afterwards in the dealer's books.
      await t.http.post(events).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2026-02-15', statusAfter: 'in_service' }).expect(201);
      await t.http.post(events).set(bearer(registrar)).send({ type: 'stolen', occurredOn: '2026-04-01' }).expect(201);
      await t.http.post(events).set(bearer(registrar)).send({ type: 'found', occurredOn: '2026-04-10' }).expect(201);
      await t.http.post(events).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2026-04-20', statusAfter: 'civilian_held' }).expect(409);
      const back = await t.http.post(events).set(bearer(registrar)).send({ type: 'transferred', occurredOn: '2026-04-20', statusAfter: 'in_service' }).expect(201);
      expect(back.body.status).toBe('in_service');
    });

    it('dates events from 1800 to today, and refuses what an event would ignore or send back to the own State, naming the field', async () => {
      const typo = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(manufacturedWeapon({ occurredOn: '1019-05-02', yearOfManufacture: undefined })).expect(400);
      expect(typo.body.details).toEqual([{ field: 'occurredOn', messages: ['occurredOn must be in 1800 or later'] }]);
      const weapon = await registerWeapon(t, registrar, { occurredOn: '2015-03-02', yearOfManufacture: 2015 });
      const events = `/api/v1/weapons/${weapon.id}/events`;
      const tomorrow = new Date(t.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
      const future = await t.http.post(events).set(bearer(registrar)).send({ type: 'lost', occurredOn: tomorrow }).expect(400);
      expect(future.body.details).toEqual([{ field: 'occurredOn', messages: ['occurredOn cannot be in the future'] }]);
      const home = await t.http.post(events).set(bearer(registrar)).send({ type: 'exported', occurredOn: '2020-01-01', counterpartState: 'fra', licenceRef: 'EXP-1' }).expect(400);
      expect(home.body.details).toEqual([{ field: 'counterpartState', messages: ['an export goes to another State than FRA, the one keeping this record'] }]);
      const ignored = await t.http.post(events).set(bearer(registrar)).send({ type: 'acquired_by_government', occurredOn: '2020-01-01', statusAfter: 'in_service' }).expect(400);
      expect(ignored.body.details).toEqual([{ field: 'statusAfter', messages: ['acquired by government sets the status itself (government stock): leave statusAfter out'] }]);
      const nobody = await t.http.post(events).set(bearer(registrar)).send({ type: 'custody_transferred', occurredOn: '2020-01-01' }).expect(400);
      expect(nobody.body.details).toEqual([{ field: 'custodian', messages: ['a custody transfer names the new custodian of the records'] }]);
      const stray = await t.http.post(events).set(bearer(registrar)).send({ type: 'lost', occurredOn: '2020-01-01', custodian: 'Armurerie Martin' }).expect(400);
      expect(stray.body.details).toEqual([{ field: 'custodian', messages: ['only a custody transfer names a custodian'] }]);
      const unchanged = (await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200)).body;
      expect(unchanged.events).toHaveLength(1);
      const legacyWeapon = await registerWeapon(t, registrar, { occurredOn: '2015-03-02', yearOfManufacture: 2015 });
      const legacyEvents = `/api/v1/weapons/${legacyWeapon.id}/events`;
      // An export to this State written before that was refused is corrected in its other facts; only a counterpart given is judged.
      const [legacy] = await ownerQuery<{ id: string }>(t, `INSERT INTO record_events (state_code, weapon_id, type, occurred_on, counterpart_state, licence_ref, status_after, record_class, retain_until)
                                                          VALUES ('FRA', $1, 'exported', '2016-01-01', 'FRA', 'EXP-0', 'exported', 'other', '2036-01-01') RETURNING id`, [legacyWeapon.id], 'FRA');
      await t.http.post(legacyEvents).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: legacy.id, occurredOn: '2016-01-01', licenceRef: 'EXP-0-A' }).expect(201);
      const stillHome = await t.http.post(legacyEvents).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: legacy.id, occurredOn: '2016-01-01', counterpartState: 'FRA' }).expect(400);
      expect(stillHome.body.details[0].field).toBe('counterpartState');
      await t.http.post(legacyEvents).set(bearer(registrar)).send({ type: 'corrected', correctsEventId: legacy.id, occurredOn: '2016-01-01', annuls: true }).expect(201);
      // A custody transfer of one record writes who kept its papers before and who keeps them after.
      const kept = (await t.http.post(events).set(bearer(registrar)).send({ type: 'custody_transferred', occurredOn: '2020-01-01', custodian: 'Armurerie Martin' }).expect(201)).body;
      expect(kept.custodian).toBe('Armurerie Martin');
      expect(kept.events.find((e: { type: string }) => e.type === 'custody_transferred').parties).toEqual([{ role: 'custodian', name: 'Armurerie Martin' }]);
      const again = (await t.http.post(events).set(bearer(registrar)).send({ type: 'custody_transferred', occurredOn: '2021-01-01', custodian: 'Armes Dupont' }).expect(201)).body;
      // Custody transfers follow one another in date order: the record's custodian is the last one written.
      const backwards = await t.http.post(events).set(bearer(registrar)).send({ type: 'custody_transferred', occurredOn: '2020-06-01', custodian: 'Armes Durand' }).expect(400);
      expect(backwards.body.details[0]).toEqual({ field: 'occurredOn', messages: [expect.stringContaining('before the custody transferred on 2021-01-01, recorded earlier')] });
      expect(again.events.filter((e: { type: string }) => e.type === 'custody_transferred').at(-1).parties)
        .toEqual([{ role: 'previous_custodian', name: 'Armurerie Martin' }, { role: 'custodian', name: 'Armes Dupont' }]);
      const imported = await t.http.post('/api/v1/weapons/imports').set(bearer(registrar)).set('content-type', 'text/csv').send([
        IMPORT_HEADER,
        importRow({ origin: 'manufactured', occurred_on: '1019-01-01', type: 'pistol', manufacturer: 'Glock', serial: uniqueSerial('OLD'), country_of_manufacture: 'AUT', marking_text: 'GLOCK AUSTRIA', marking_component: 'slide' }),
        importRow({ origin: 'imported', occurred_on: '2021-01-01', type: 'pistol', manufacturer: 'Glock', serial: uniqueSerial('HOME'), counterpart_state: 'FRA', marking_text: 'GLOCK AUSTRIA', marking_component: 'slide', import_marking_text: 'FRA 2021' }),
        '',
      ].join('\n')).expect(201);
      expect(imported.body.rejections.items).toEqual([
        expect.objectContaining({ line: 2, column: 'occurred_on', code: 'DATE_TOO_EARLY', message: 'occurred_on must be in 1800 or later' }),
        expect.objectContaining({ line: 3, column: 'counterpart_state', code: 'COUNTERPART_OWN_STATE', message: 'an import comes from another State than FRA, the one importing' }),
      ]);
    });

    it('releases a legal hold named in upper case', async () => {
      const weapon = await registerWeapon(t, registrar);
      const held = (await t.http.post(`/api/v1/weapons/${weapon.id}/legal-holds`).set(bearer(registrar)).send({ reason: 'Court order 2026/201' }).expect(201)).body;
      const released = await t.http.delete(`/api/v1/weapons/${weapon.id}/legal-holds/${held.legalHolds[0].id.toUpperCase()}`).set(bearer(registrar)).expect(200);
      expect(released.body.legalHolds).toEqual([]);
    });
  });
});

describe('purging expired records (RETENTION_PURGE_ENABLED=true)', () => {
  let t: TestApp;
  let registrar: Tokens;

  beforeAll(async () => {
    t = await createTestApp({ RETENTION_PURGE_ENABLED: 'true' });
    registrar = await login(t, await createUser(t, { roles: ['registrar'] }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('deletes a record and its history once every event is past its retention, and only then', async () => {
    const expired = await registerWeapon(t, registrar, { occurredOn: '1980-01-15', yearOfManufacture: 1980 });
    await t.http.delete(`/api/v1/weapons/${expired.id}`).set(bearer(registrar)).expect(204);
    await t.http.get(`/api/v1/weapons/${expired.id}`).set(bearer(registrar)).expect(404);
    expect(await ownerQuery(t, 'SELECT 1 FROM record_events WHERE weapon_id = $1', [expired.id], 'FRA')).toEqual([]);
    // The audit trail keeps what was destroyed.
    const purged = await ownerQuery<{ details: Record<string, unknown> }>(t, `SELECT details FROM audit_events WHERE action = 'weapon.purged' AND target_id = $1`, [expired.id], 'FRA');
    expect(purged).toEqual([{ details: { serial: expired.serial, type: expired.type, manufacturer: expired.manufacturerCode, model: expired.model, retainUntil: '2010-01-15' } }]);

    // A later event (an export in 2010, kept 20 years) keeps the whole record.
    const mixed = await registerWeapon(t, registrar, { occurredOn: '1980-01-15', yearOfManufacture: 1980 });
    await t.http
      .post(`/api/v1/weapons/${mixed.id}/events`)
      .set(bearer(registrar))
      .send({ type: 'exported', occurredOn: '2010-03-01', counterpartState: 'KEN', licenceRef: 'L-2010-1' })
      .expect(201);
    const refused = await t.http.delete(`/api/v1/weapons/${mixed.id}`).set(bearer(registrar)).expect(409);
    expect(refused.body).toMatchObject({ code: 'RETENTION_ACTIVE', details: { retainUntil: '2030-03-01', purgeEnabled: true }, message: 'The record must be kept until 2030-03-01 (ITI 12)' });
    // The database keeps the record whole too, whoever connects: not its manufacture, past its own date, alone.
    await expect(ownerQuery(t, `DELETE FROM record_events WHERE weapon_id = $1 AND type = 'manufactured'`, [mixed.id], 'FRA')).rejects.toThrow(/must be kept until 2030-03-01 with its record/);
  });

  it('answers 409 when the database still keeps a record the service judged past its retention (its date is a day behind)', async () => {
    const [{ today }] = await ownerQuery<{ today: string }>(t, `SELECT current_date::text AS today`);
    // Kept until tomorrow by the database's date (the day after, when tomorrow is a 29 February, which 30 years
    // before did not have); the service's clock is moved two days past today.
    const tomorrow = new Date(`${today}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + (tomorrow.toISOString().slice(5, 10) === '02-28' ? 2 : 1));
    const madeOn = `${tomorrow.getUTCFullYear() - 30}${tomorrow.toISOString().slice(4, 10)}`;
    const weapon = await registerWeapon(t, registrar, { occurredOn: madeOn, yearOfManufacture: Number(madeOn.slice(0, 4)) });
    const ahead = (new Date(`${today}T12:00:00Z`).getTime() - t.clock.now().getTime()) / 1000 + 3 * 86400;
    t.clock.advance(ahead);
    try {
      const tokens = await login(t, await createUser(t, { roles: ['registrar'] }));
      const refused = await t.http.delete(`/api/v1/weapons/${weapon.id}`).set(bearer(tokens)).expect(409);
      expect(refused.body).toMatchObject({ code: 'RETENTION_ACTIVE' });
    } finally {
      t.clock.advance(-ahead);
    }
    await t.http.get(`/api/v1/weapons/${weapon.id}`).set(bearer(registrar)).expect(200);
  });

  it('keeps a record while any of its legal holds stands, each released on its own', async () => {
    const expired = await registerWeapon(t, registrar, { occurredOn: '1980-01-15', yearOfManufacture: 1980 });
    const hold = (reason: string) => t.http.post(`/api/v1/weapons/${expired.id}/legal-holds`).set(bearer(registrar)).send({ reason }).expect(201);
    await hold('Court order 2026/118');
    const both = (await hold('Investigation PJ-2026-0457')).body;
    expect(both.legalHolds.map((h: { reason: string }) => h.reason)).toEqual(['Court order 2026/118', 'Investigation PJ-2026-0457']);
    expect(both.legalHolds[0]).toEqual({ id: expect.any(String), reason: 'Court order 2026/118', placedAt: expect.any(String), placedBy: expect.any(String) });
    // Why it is held may name an investigation: an officer or an NPC sees that it is held, not why.
    for (const roles of [['officer'], ['npc']] as const) {
      const reader = await login(t, await createUser(t, { roles: [...roles], mfaExempt: true }));
      const read = (await t.http.get(`/api/v1/weapons/${expired.id}`).set(bearer(reader)).expect(200)).body;
      expect(read.legalHolds.map((h: { reason: string | null }) => h.reason)).toEqual([null, null]);
      const listed = (await t.http.post('/api/v1/weapons/search').set(bearer(reader)).send({ serial: expired.serial }).expect(200)).body.items;
      expect(listed.map((i: { weapon: { legalHolds: { reason: string | null }[] } }) => i.weapon.legalHolds.map((h) => h.reason))).toEqual([[null, null]]);
    }
    const [first, second] = both.legalHolds as { id: string }[];
    const release = (id: string, expected: number) => t.http.delete(`/api/v1/weapons/${expired.id}/legal-holds/${id}`).set(bearer(registrar)).expect(expected);

    const one = (await release(first.id, 200)).body;
    expect(one.legalHolds.map((h: { id: string }) => h.id)).toEqual([second.id]);
    expect((await release(first.id, 404)).body.code).toBe('LEGAL_HOLD_NOT_FOUND');
    const refused = await t.http.delete(`/api/v1/weapons/${expired.id}`).set(bearer(registrar)).expect(409);
    expect(refused.body).toMatchObject({ code: 'LEGAL_HOLD', details: { legalHolds: [expect.objectContaining({ id: second.id, reason: 'Investigation PJ-2026-0457' })] } });
    await expect(ownerQuery(t, 'DELETE FROM record_events WHERE weapon_id = $1', [expired.id], 'FRA')).rejects.toThrow(/under a legal hold/);
    // Another State's registrar neither sees nor releases them.
    const braRegistrar = await login(t, await createUser(t, { stateCode: 'BRA', roles: ['registrar'] }));
    await t.http.delete(`/api/v1/weapons/${expired.id}/legal-holds/${second.id}`).set(bearer(braRegistrar)).expect(404);
    await t.http.post(`/api/v1/weapons/${expired.id}/legal-holds`).set(bearer(braRegistrar)).send({ reason: 'x' }).expect(404);

    await release(second.id, 200);
    await t.http.delete(`/api/v1/weapons/${expired.id}`).set(bearer(registrar)).expect(204);
  });

  it('counts a record as purgeable from its retention date on, as a purge does', async () => {
    const auditor = await login(t, await createUser(t, { roles: ['auditor'] }));
    const retention = async () => (await t.http.get('/api/v1/reports/record-keeping').set(bearer(auditor)).expect(200)).body.retention;
    const before = await retention();
    // The report is as of the database's day: a record found twenty years before it is kept until that day.
    const [{ today }] = await ownerQuery<{ today: string }>(t, `SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`);
    const due = await registerWeapon(t, registrar, { origin: 'found', occurredOn: `${Number(today.slice(0, 4)) - 20}${today.slice(4)}`, yearOfManufacture: 2001 });
    expect(due.retainUntil).toBe(today);
    expect(await retention()).toMatchObject({ withinRetention: before.withinRetention, eligibleForPurge: before.eligibleForPurge + 1 });
  });

  it('keeps a record that a trace sent and not closed was made from, and a trace is never made from a record being purged', async () => {
    await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ('BEL', 'NPC', 'Agency', 'npc@example.org')`, [], 'BEL');
    const officer = await login(t, await createUser(t, { roles: ['officer'] }));
    const npc = await login(t, await createUser(t, { roles: ['npc'], mfaExempt: true }));
    const act = async (who: Tokens, id: string, action: string, body: object = {}) => {
      const read = await t.http.get(`/api/v1/traces/${id}`).set(bearer(who)).expect(200);
      return t.http.post(`/api/v1/traces/${id}/${action}`).set(bearer(who)).set('If-Match', read.headers.etag).send(body).expect(200);
    };
    const expired = await registerWeapon(t, registrar, { occurredOn: '1980-01-15', yearOfManufacture: 1980 });
    const trace = await t.http.post('/api/v1/traces').set(bearer(officer)).send(traceRequestBody({ weaponId: expired.id, weapon: undefined })).expect(201);
    await act(officer, trace.body.id, 'submit');
    await act(npc, trace.body.id, 'send');
    const refused = await t.http.delete(`/api/v1/weapons/${expired.id}`).set(bearer(registrar)).expect(409);
    expect(refused.body).toMatchObject({ code: 'TRACE_OPEN', details: { traceId: trace.body.id } });
    // The record-keeping report counts as purgeable only what a purge would accept.
    const auditor = await login(t, await createUser(t, { roles: ['auditor'] }));
    const purgeable = async () => (await t.http.get('/api/v1/reports/record-keeping').set(bearer(auditor)).expect(200)).body.retention.eligibleForPurge as number;
    const whileOpen = await purgeable();
    await act(npc, trace.body.id, 'close', { reason: 'chain_broken' });
    expect(await purgeable()).toBe(whileOpen + 1);
    await t.http.delete(`/api/v1/weapons/${expired.id}`).set(bearer(registrar)).expect(204);
    // A follow-up of the closed trace no longer points at the purged record.
    const read = await t.http.get(`/api/v1/traces/${trace.body.id}`).set(bearer(npc)).expect(200);
    const child = await t.http.post(`/api/v1/traces/${trace.body.id}/follow-ups`).set(bearer(npc)).set('If-Match', read.headers.etag).send({ requestedState: 'BEL' }).expect(201);
    expect(child.body.weaponId).toBeNull();

    // A draft never sent (which cannot be closed) keeps its own copy of the weapon and does not hold the record.
    const drafted = await registerWeapon(t, registrar, { occurredOn: '1980-01-15', yearOfManufacture: 1980 });
    await t.http.post('/api/v1/traces').set(bearer(officer)).send(traceRequestBody({ weaponId: drafted.id, weapon: undefined })).expect(201);
    await t.http.delete(`/api/v1/weapons/${drafted.id}`).set(bearer(registrar)).expect(204);

    // A purge under way (the record deleted, not yet committed): a trace made from it waits, then finds no record.
    const purging = await registerWeapon(t, registrar, { occurredOn: '1980-01-15', yearOfManufacture: 1980 });
    await inOwnerTransaction(t, 'FRA', async (purge) => {
      await purge.query('DELETE FROM record_events WHERE weapon_id = $1', [purging.id]);
      await purge.query('DELETE FROM weapons WHERE id = $1', [purging.id]);
      const made = t.http.post('/api/v1/traces').set(bearer(officer)).send(traceRequestBody({ weaponId: purging.id, weapon: undefined })).then((response) => response);
      await untilWaitingForLocks(t, 1);
      await purge.query('COMMIT');
      expect((await made).status).toBe(404);
    });

    // A purge under way when a trace made from the record is sent: the send waits for it. A purge that went on
    // found no trace sent (it looked before), so the trace leaves without the record it can no longer point at.
    const sentLate = await registerWeapon(t, registrar, { occurredOn: '1980-01-15', yearOfManufacture: 1980 });
    const lateTrace = await t.http.post('/api/v1/traces').set(bearer(officer)).send(traceRequestBody({ weaponId: sentLate.id, weapon: undefined })).expect(201);
    await act(officer, lateTrace.body.id, 'submit');
    const readLate = await t.http.get(`/api/v1/traces/${lateTrace.body.id}`).set(bearer(npc)).expect(200);
    await inOwnerTransaction(t, 'FRA', async (late) => {
      await late.query('SELECT id FROM weapons WHERE id = $1 FOR UPDATE', [sentLate.id]);
      await late.query('DELETE FROM record_events WHERE weapon_id = $1', [sentLate.id]);
      await late.query('DELETE FROM weapons WHERE id = $1', [sentLate.id]);
      const sending = t.http.post(`/api/v1/traces/${lateTrace.body.id}/send`).set(bearer(npc)).set('If-Match', readLate.headers.etag).then((response) => response);
      await untilWaitingForLocks(t, 1);
      await late.query('COMMIT');
      expect((await sending).body).toMatchObject({ status: 'sent', weaponId: null });
    });
    // Sent first, a purge that comes after finds the trace open.
    const sentFirst = await registerWeapon(t, registrar, { occurredOn: '1980-01-15', yearOfManufacture: 1980 });
    const firstTrace = await t.http.post('/api/v1/traces').set(bearer(officer)).send(traceRequestBody({ weaponId: sentFirst.id, weapon: undefined })).expect(201);
    await act(officer, firstTrace.body.id, 'submit');
    await act(npc, firstTrace.body.id, 'send');
    expect((await t.http.get(`/api/v1/traces/${firstTrace.body.id}`).set(bearer(npc)).expect(200)).body.weaponId).toBe(sentFirst.id);
    expect((await t.http.delete(`/api/v1/weapons/${sentFirst.id}`).set(bearer(registrar)).expect(409)).body.code).toBe('TRACE_OPEN');
  });

  it("keeps the records already kept for longer when the node's retention is lengthened, and never for less", async () => {
    const made = await registerWeapon(t, registrar, { occurredOn: '1980-01-15', yearOfManufacture: 1980 });
    await t.http.post(`/api/v1/weapons/${made.id}/events`).set(bearer(registrar)).send({ type: 'exported', occurredOn: '1995-06-01', counterpartState: 'KEN', licenceRef: 'L-1995-1' }).expect(201);
    const read = async () => (await t.http.get(`/api/v1/weapons/${made.id}`).set(bearer(registrar)).expect(200)).body;
    expect((await read()).retainUntil).toBe('2015-06-01');

    // Manufacture records kept 1000 years from now on: this one's manufacture too, and with it the record.
    expect(await extendRetention(t.db.ownerUrl, { manufacture: 1000, other: 20 })).toBeGreaterThan(0);
    const kept = await read();
    expect(kept.retainUntil).toBe('2980-01-15');
    expect(kept.events.map((e: { type: string; retainUntil: string }) => [e.type, e.retainUntil])).toEqual([['manufactured', '2980-01-15'], ['exported', '2015-06-01']]);
    const refused = await t.http.delete(`/api/v1/weapons/${made.id}`).set(bearer(registrar)).expect(409);
    expect(refused.body).toMatchObject({ code: 'RETENTION_ACTIVE', details: { retainUntil: '2980-01-15' } });
    await expect(ownerQuery(t, `DELETE FROM record_events WHERE weapon_id = $1`, [made.id], 'FRA')).rejects.toThrow(/must be kept until 2980-01-15/);

    // The same years again move nothing; shorter ones move nothing back.
    expect(await extendRetention(t.db.ownerUrl, { manufacture: 1000, other: 20 })).toBe(0);
    expect(await extendRetention(t.db.ownerUrl, { manufacture: 30, other: 20 })).toBe(0);
    expect((await read()).retainUntil).toBe('2980-01-15');
    // An event written afterwards by a process still on 30 years (a replica not yet restarted) is caught at the next start.
    await t.http.post(`/api/v1/weapons/${made.id}/events`).set(bearer(registrar)).send({ type: 'marked', occurredOn: '2026-11-01', markings: [{ kind: 'other', component: 'frame', text: 'INV 7' }] }).expect(201);
    expect(await extendRetention(t.db.ownerUrl, { manufacture: 1000, other: 1000 })).toBeGreaterThanOrEqual(2);
    expect((await read()).events.map((e: { retainUntil: string }) => e.retainUntil)).toEqual(['2980-01-15', '2995-06-01', '3026-11-01']);

    // The history stays append-only: even the owner who says it extends retention moves only a date, and only later.
    const change = (set: string) => inOwnerTransaction(t, 'FRA', async (client) => {
      await client.query(`SELECT set_config('app.retention_extension', 'on', true)`);
      await client.query(`UPDATE record_events SET ${set} WHERE weapon_id = $1 AND type = 'manufactured'`, [made.id]);
    });
    await expect(change(`retain_until = '2990-01-15', occurred_on = '1981-01-15'`)).rejects.toThrow(/append-only/);
    await expect(change(`retain_until = '2000-01-15'`)).rejects.toThrow(/append-only/);
  });
});
