import { Client } from 'pg';
import { allPages, bearer, createTestApp, createUser, login, ownerQuery, TestApp, Tokens, untilWaitingForLocks } from './support/test-app';
import { runCli } from './support/cli';

describe('States and contact points', () => {
  let t: TestApp;
  let fraAdmin: Tokens;
  let braAdmin: Tokens;
  let kenOfficer: Tokens;

  beforeAll(async () => {
    t = await createTestApp();
    fraAdmin = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['admin'], mfaExempt: true }));
    braAdmin = await login(t, await createUser(t, { stateCode: 'BRA', roles: ['admin'], mfaExempt: true }));
    kenOfficer = await login(t, await createUser(t, { stateCode: 'KEN', roles: ['officer'] }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists every ISO 3166-1 country and the four former States, page by page', async () => {
    const codes = (await allPages<{ code: string }>(t, kenOfficer, '/api/v1/states', { limit: 100 })).map((s) => s.code);
    expect(codes).toHaveLength(249 + 4);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(['FRA', 'BRA', 'KEN', 'CIV', 'RUS', 'SUN', 'YUG', 'CSK', 'DDR']));
  });

  it('shows one State, with its name as ISO writes it', async () => {
    const civ = await t.http.get('/api/v1/states/civ').set(bearer(kenOfficer)).expect(200);
    expect(civ.body).toEqual({ code: 'CIV', alpha2: 'CI', numericCode: '384', name: "Côte d'Ivoire", former: false, hosted: false });
    const sun = await t.http.get('/api/v1/states/SUN').set(bearer(kenOfficer)).expect(200);
    expect(sun.body).toMatchObject({ name: 'USSR', former: true });
    expect((await t.http.get('/api/v1/states/XXX').set(bearer(kenOfficer)).expect(404)).body.code).toBe('STATE_NOT_FOUND');
    expect((await t.http.get('/api/v1/states/FR').set(bearer(kenOfficer)).expect(400)).body.details[0].field).toBe('code');
  });

  it('filters hosted States', async () => {
    const hosted = await t.http.get('/api/v1/states').query({ hosted: 'true' }).set(bearer(kenOfficer)).expect(200);
    expect(hosted.body.items).toEqual([]);
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code = 'KEN'`);
    try {
      const [kenHosted, notHosted] = await Promise.all([true, false].map((value) => allPages<{ code: string; hosted: boolean }>(t, kenOfficer, '/api/v1/states', { hosted: String(value) })));
      expect(kenHosted).toEqual([expect.objectContaining({ code: 'KEN', hosted: true })]);
      expect(notHosted.map((s) => s.code)).not.toContain('KEN');
      expect(notHosted.length).toBeGreaterThan(240);
    } finally {
      await ownerQuery(t, `UPDATE states SET hosted_since = NULL WHERE code = 'KEN'`);
    }
    const bad = await t.http.get('/api/v1/states').query({ hosted: 'maybe' }).set(bearer(kenOfficer)).expect(400);
    expect(bad.body.details[0].field).toBe('hosted');
  });

  const contactPoint = {
    name: 'Point de contact national',
    agency: 'Office central',
    email: 'NPC@example.fr',
    phone: '+33 1 23 45 67 89',
    languages: ['fr', 'en'],
    verifiedAt: '2026-11-01T00:00:00.000Z',
  };

  it('lets a State\'s admin add, change and remove its contact points, and every user read them', async () => {
    const created = await t.http.post('/api/v1/states/FRA/contact-points').set(bearer(fraAdmin)).send(contactPoint).expect(201);
    expect(created.body).toMatchObject({ ...contactPoint, email: 'npc@example.fr', stateCode: 'FRA' });
    const list = await t.http.get('/api/v1/states/FRA/contact-points').set(bearer(kenOfficer)).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);

    const path = `/api/v1/states/FRA/contact-points/${created.body.id}`;
    const changed = await t.http.patch(path).set(bearer(fraAdmin)).send({ phone: '+33 1 00 00 00 00', verifiedAt: '2026-11-20T00:00:00Z' }).expect(200);
    expect(changed.body).toMatchObject({ phone: '+33 1 00 00 00 00', verifiedAt: '2026-11-20T00:00:00.000Z', name: contactPoint.name });
    // A date JavaScript reads but PostgreSQL cannot store (before year 1) is refused, naming the field.
    // An ISO 8601 date or date-time with its offset, nothing else: not a signed year, not a form only some readers take.
    // A day is judged by the day: at 10:30 UTC it is already tomorrow where the day is furthest ahead (UTC+14),
    // and that day is no day to come; its midnight UTC, read as an instant, would be.
    const toHalfPastTen = (Date.parse(`${t.clock.today()}T10:30:00Z`) - t.clock.now().getTime()) / 1000;
    t.clock.advance(toHalfPastTen);
    try {
      const admin = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['admin'], mfaExempt: true }));
      expect(t.clock.latestToday() > t.clock.today()).toBe(true);
      await t.http.patch(path).set(bearer(admin)).send({ verifiedAt: t.clock.latestToday() }).expect(200);
    } finally {
      t.clock.advance(-toHalfPastTen);
    }
    // An offset that carries the instant out of the years 0001–9999 in UTC, and a confirmation still to come, are refused too.
    for (const verifiedAt of ['-005000-01-01T00:00:00Z', '11/01/2026', '2026-11-01 10:00', 'Sun Nov 01 2026', '9999-12-31T23:59:59-23:59', '0001-01-01T00:00:00+23:59', '2099-01-01T00:00:00Z']) {
      const refused = await t.http.patch(path).set(bearer(fraAdmin)).send({ verifiedAt }).expect(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['verifiedAt']);
    }
    // One entry per address: the same one again, in any case, is refused naming the entry that has it; so is
    // another entry changed to it. An entry keeps its own address when saved with it.
    const twice = await t.http.post('/api/v1/states/FRA/contact-points').set(bearer(fraAdmin)).send({ ...contactPoint, email: 'NPC@Example.FR' }).expect(409);
    expect(twice.body).toMatchObject({ code: 'CONTACT_POINT_LISTED', message: `npc@example.fr is already listed for FRA (contact point ${created.body.id}): change that entry instead`, details: { id: created.body.id } });
    const entries = async () => (await allPages<{ email: string }>(t, fraAdmin, '/api/v1/states/FRA/contact-points')).map((c) => c.email).filter((email) => email.endsWith('example.fr'));
    expect(await entries()).toEqual(['npc@example.fr']);
    // A State keeps one at least: another comes before this one goes.
    const other = await t.http.post('/api/v1/states/FRA/contact-points').set(bearer(fraAdmin)).send({ ...contactPoint, email: 'npc2@example.fr' }).expect(201);
    const moved = await t.http.patch(`/api/v1/states/FRA/contact-points/${other.body.id}`).set(bearer(fraAdmin)).send({ email: 'npc@example.fr' }).expect(409);
    expect(moved.body).toMatchObject({ code: 'CONTACT_POINT_LISTED', details: { id: created.body.id } });
    await t.http.patch(path).set(bearer(fraAdmin)).send({ email: 'NPC@example.fr', agency: 'OCLCO' }).expect(200);
    expect((await entries()).sort()).toEqual(['npc2@example.fr', 'npc@example.fr']);
    await t.http.delete(path).set(bearer(fraAdmin)).expect(204);
    await t.http.delete(path).set(bearer(fraAdmin)).expect(404);
  });

  it('keeps a State\'s last contact point (409), even when two admins remove the last two at once', async () => {
    const itaAdmin = await login(t, await createUser(t, { stateCode: 'ITA', roles: ['admin'], mfaExempt: true }));
    let added = 0;
    const add = async () => (await t.http.post('/api/v1/states/ITA/contact-points').set(bearer(itaAdmin)).send({ ...contactPoint, email: `npc${++added}@example.it` }).expect(201)).body.id as string;
    const remove = (id: string) => t.http.delete(`/api/v1/states/ITA/contact-points/${id}`).set(bearer(itaAdmin));
    const existing = await allPages<{ id: string }>(t, itaAdmin, '/api/v1/states/ITA/contact-points');
    for (const { id } of existing.slice(1)) await remove(id).expect(204);
    const ids = existing.length > 0 ? [existing[0].id] : [await add()];
    const last = await remove(ids[0]).expect(409);
    expect(last.body).toMatchObject({ code: 'LAST_CONTACT_POINT', message: expect.stringContaining('Add its replacement first') });
    const second = await add();
    // Both removals wait on another transaction that holds both entries, then go at once when it ends.
    const other = new Client({ connectionString: t.db.ownerUrl });
    await other.connect();
    let both: { status: number }[];
    try {
      await other.query('BEGIN');
      await other.query(`SELECT set_config('app.state_code', 'ITA', true)`);
      await other.query(`SELECT id FROM contact_points WHERE state_code = 'ITA' FOR UPDATE`);
      const removals = [remove(ids[0]).then((r) => r), remove(second).then((r) => r)];
      await untilWaitingForLocks(t, 2);
      await other.query('COMMIT');
      both = await Promise.all(removals);
    } finally {
      await other.end();
    }
    expect(both.map((r) => r.status).sort()).toEqual([204, 409]);
    expect(await allPages(t, itaAdmin, '/api/v1/states/ITA/contact-points')).toHaveLength(1);
  });

  it('lists an address once when two admins add it at once, to a directory with no entry yet', async () => {
    const espAdmin = await login(t, await createUser(t, { stateCode: 'ESP', roles: ['admin'], mfaExempt: true }));
    expect(await allPages(t, espAdmin, '/api/v1/states/ESP/contact-points')).toEqual([]);
    const add = () => t.http.post('/api/v1/states/ESP/contact-points').set(bearer(espAdmin)).send({ ...contactPoint, email: 'pnc@example.es' }).then((r) => r);
    // Both additions wait on another transaction that holds the directory, then go at once when it ends.
    const other = new Client({ connectionString: t.db.ownerUrl });
    await other.connect();
    let both: { status: number }[];
    try {
      await other.query('BEGIN');
      await other.query(`SELECT pg_advisory_xact_lock(hashtextextended('iti:contact-points:ESP', 0))`);
      const additions = [add(), add()];
      await untilWaitingForLocks(t, 2);
      await other.query('COMMIT');
      both = await Promise.all(additions);
    } finally {
      await other.end();
    }
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await allPages(t, espAdmin, '/api/v1/states/ESP/contact-points')).toHaveLength(1);
  });

  it('pages contact points whose names are long in a script of several bytes a letter (the cursor carries the name)', async () => {
    const names = ['А', 'Б', 'В'].map((letter, i) => `${letter.repeat(170)}${i}`);
    for (const [i, name] of names.entries()) await t.http.post('/api/v1/states/FRA/contact-points').set(bearer(fraAdmin)).send({ ...contactPoint, name, email: `cyrillic${i}@example.fr` }).expect(201);
    const listed = await allPages<{ name: string }>(t, fraAdmin, '/api/v1/states/FRA/contact-points', { limit: 1 });
    expect(listed.map((c) => c.name)).toEqual(expect.arrayContaining(names));
  });

  it('answers 403 when another State\'s admin tries to manage them (the directory is read by all), and changes nothing', async () => {
    const created = await t.http.post('/api/v1/states/FRA/contact-points').set(bearer(fraAdmin)).send(contactPoint).expect(201);
    const path = `/api/v1/states/FRA/contact-points/${created.body.id}`;
    expect((await t.http.post('/api/v1/states/FRA/contact-points').set(bearer(braAdmin)).send(contactPoint).expect(403)).body)
      .toMatchObject({ code: 'OTHER_STATE_DIRECTORY', message: expect.stringContaining('/states/BRA/contact-points') });
    expect((await t.http.patch(path).set(bearer(braAdmin)).send({ name: 'Hijacked' }).expect(403)).body.code).toBe('OTHER_STATE_DIRECTORY');
    expect((await t.http.delete(path).set(bearer(braAdmin)).expect(403)).body.code).toBe('OTHER_STATE_DIRECTORY');
    // The refusal is audited; a State the node does not know is not there at all.
    const refusals = await ownerQuery<{ action: string; outcome: string }>(t, `SELECT action, outcome FROM audit_events WHERE details->>'code' = 'OTHER_STATE_DIRECTORY'`, [], 'BRA');
    expect(refusals.map((r) => `${r.action} ${r.outcome}`)).toEqual(expect.arrayContaining(['POST /states/:code/contact-points denied', 'DELETE /states/:code/contact-points/:id denied']));
    expect((await t.http.post('/api/v1/states/XYZ/contact-points').set(bearer(braAdmin)).send(contactPoint).expect(404)).body.code).toBe('STATE_NOT_FOUND');
    // Through its own State's path, the other State's id is not there.
    expect((await t.http.patch(`/api/v1/states/BRA/contact-points/${created.body.id}`).set(bearer(braAdmin)).send({ name: 'Hijacked' }).expect(404)).body.code).toBe('CONTACT_POINT_NOT_FOUND');
    const list = await t.http.get('/api/v1/states/FRA/contact-points').set(bearer(braAdmin)).expect(200);
    expect(list.body.items.find((c: { id: string }) => c.id === created.body.id).name).toBe(contactPoint.name);
  });

  it('answers 404 to an edit that waited for the removal of its contact point, and does not bring it back', async () => {
    const created = await t.http.post('/api/v1/states/FRA/contact-points').set(bearer(fraAdmin)).send({ ...contactPoint, email: 'npc-removed@example.fr' }).expect(201);
    const path = `/api/v1/states/FRA/contact-points/${created.body.id}`;
    // Another transaction holds the row while the removal, then the edit, come to wait for it.
    const other = new Client({ connectionString: t.db.ownerUrl });
    await other.connect();
    let removed, edited;
    try {
      await other.query('BEGIN');
      await other.query(`SELECT set_config('app.state_code', 'FRA', true)`);
      await other.query('SELECT id FROM contact_points WHERE id = $1 FOR UPDATE', [created.body.id]);
      const removal = t.http.delete(path).set(bearer(fraAdmin)).then((r) => r);
      await untilWaitingForLocks(t, 1);
      const edit = t.http.patch(path).set(bearer(fraAdmin)).send({ phone: '+33 1 99 99 99 99' }).then((r) => r);
      await untilWaitingForLocks(t, 2);
      await other.query('COMMIT');
      [removed, edited] = await Promise.all([removal, edit]);
    } finally {
      await other.end();
    }
    expect(removed.status).toBe(204);
    expect(edited.status).toBe(404);
    expect(edited.body.code).toBe('CONTACT_POINT_NOT_FOUND');
    const list = await allPages<{ id: string }>(t, kenOfficer, '/api/v1/states/FRA/contact-points', { limit: 100 });
    expect(list.map((c) => c.id)).not.toContain(created.body.id);
  });

  it('refuses null for required contact-point fields, clears phone and verifiedAt with null, and refuses a forged cursor', async () => {
    const created = await t.http.post('/api/v1/states/FRA/contact-points').set(bearer(fraAdmin)).send({ ...contactPoint, email: 'npc-nulls@example.fr' }).expect(201);
    const path = `/api/v1/states/FRA/contact-points/${created.body.id}`;
    for (const field of ['name', 'agency', 'email', 'languages']) {
      const response = await t.http.patch(path).set(bearer(fraAdmin)).send({ [field]: null }).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    const cleared = await t.http.patch(path).set(bearer(fraAdmin)).send({ phone: null, verifiedAt: null }).expect(200);
    expect(cleared.body).toMatchObject({ phone: null, verifiedAt: null, name: contactPoint.name });
    const forged = Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url');
    const response = await t.http.get('/api/v1/states/FRA/contact-points').query({ cursor: forged }).set(bearer(kenOfficer)).expect(400);
    expect(response.body.details[0].field).toBe('cursor');
  });

  it('is managed by admins only', async () => {
    const response = await t.http.post('/api/v1/states/KEN/contact-points').set(bearer(kenOfficer)).send(contactPoint).expect(403);
    expect(response.body.code).toBe('ROLE_REQUIRED');
  });

  it('names every bad field of a contact point', async () => {
    const response = await t.http
      .post('/api/v1/states/FRA/contact-points')
      .set(bearer(fraAdmin))
      .send({ name: '', agency: 42, email: 'nope', phone: 'call me', languages: ['French'], verifiedAt: 'yesterday' })
      .expect(400);
    const fields = (response.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['agency', 'email', 'languages', 'name', 'phone', 'verifiedAt']);
  });

  it('checks the length of an e-mail address as stored, in lower case (where İ is two characters)', async () => {
    // 159 characters as sent, 313 once in lower case: longer than the 254 an address may hold.
    const long = `${'İ'.repeat(32)}@${'İ'.repeat(40)}.${'İ'.repeat(40)}.${'İ'.repeat(40)}.com`;
    const refused = await t.http.post('/api/v1/states/FRA/contact-points').set(bearer(fraAdmin)).send({ ...contactPoint, email: long }).expect(400);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['email']);
    const created = await t.http.post('/api/v1/states/FRA/contact-points').set(bearer(fraAdmin)).send({ ...contactPoint, email: 'NPC.Two@Example.FR' }).expect(201);
    expect(created.body.email).toBe('npc.two@example.fr');
    const patched = await t.http.patch(`/api/v1/states/FRA/contact-points/${created.body.id}`).set(bearer(fraAdmin)).send({ email: long }).expect(400);
    expect(patched.body.details.map((d: { field: string }) => d.field)).toEqual(['email']);
  });
});

describe('contact points of States not hosted here (the operator, from the United Nations directory)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const listed = (code: string) => ownerQuery<{ id: string; email: string; agency: string }>(t, `SELECT id, email, agency FROM contact_points WHERE state_code = $1 ORDER BY created_at`, [code], code);

  it('adds one once, changes it, and removes any but the last; a hosted State\'s are its admins\' to keep', async () => {
    const added = await runCli(t, ['contact-point:add', 'usa', '--name', 'NPC', '--agency', 'ATF', '--email', 'NPC@atf.example.gov']);
    expect(added.error).toBeUndefined();
    const [first] = await listed('USA');
    expect(first).toMatchObject({ email: 'npc@atf.example.gov', agency: 'ATF' });
    expect(added.stdout).toBe(`added contact point ${first.id} of USA (United States of America): NPC, ATF\n`);
    // The same address again (as the directory is copied in by hand) is not listed twice.
    const again = await runCli(t, ['contact-point:add', 'USA', '--name', 'NPC', '--agency', 'ATF', '--email', 'npc@atf.example.gov']);
    expect(String(again.error)).toContain(`npc@atf.example.gov is already listed for USA (contact point ${first.id}): change that entry instead`);
    expect(await listed('USA')).toHaveLength(1);
    // A typo corrected.
    const changed = await runCli(t, ['contact-point:update', 'USA', first.id.toUpperCase(), '--agency', 'ATF National Tracing Center']);
    expect(changed.error).toBeUndefined();
    expect((await listed('USA'))[0]).toMatchObject({ id: first.id, agency: 'ATF National Tracing Center' });
    expect(String((await runCli(t, ['contact-point:update', 'USA', first.id])).error)).toContain('say what to change');
    expect(String((await runCli(t, ['contact-point:update', 'USA', first.id, '--email', 'not an address'])).error)).toContain('email');
    expect(String((await runCli(t, ['contact-point:update', 'USA', 'not-an-id', '--name', 'X'])).error)).toContain('id must be a UUID');
    // Its last one stays; once replaced, it goes.
    expect(String((await runCli(t, ['contact-point:remove', 'USA', first.id])).error)).toContain("This is USA's last contact point");
    expect((await runCli(t, ['contact-point:add', 'USA', '--name', 'NPC 2', '--agency', 'ATF', '--email', 'ntc@atf.example.gov'])).error).toBeUndefined();
    const second = (await listed('USA')).find((c) => c.email === 'ntc@atf.example.gov')!;
    expect(String((await runCli(t, ['contact-point:update', 'USA', second.id, '--email', 'NPC@atf.example.gov'])).error)).toContain(`npc@atf.example.gov is already listed for USA (contact point ${first.id})`);
    const removed = await runCli(t, ['contact-point:remove', 'USA', first.id]);
    expect(removed).toMatchObject({ error: undefined, stdout: `removed contact point ${first.id} of USA\n` });
    expect((await listed('USA')).map((c) => c.email)).toEqual(['ntc@atf.example.gov']);
    // A hosted State's contact points are its admins' (through the API), not the operator's.
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code = 'KEN'`);
    expect(String((await runCli(t, ['contact-point:add', 'KEN', '--name', 'NPC', '--agency', 'Police', '--email', 'npc@police.example.ke'])).error)).toContain('KEN is hosted on this node');
    expect(String((await runCli(t, ['contact-point:remove', 'KEN', first.id])).error)).toContain('KEN is hosted on this node');
  });
});
