import { generateSync } from 'otplib';
import { Client } from 'pg';
import { runCli } from './support/cli';
import { allPages, bearer, createTestApp, createUser, login, ownerQuery, TestApp, Tokens, untilWaitingForLocks } from './support/test-app';

describe('users (admins of a State)', () => {
  let t: TestApp;
  let fraAdmin: Tokens;
  let fraAdminUser: { id: string; username: string; password: string };
  let braAdminUser: { id: string; username: string; password: string };
  let braAdmin: Tokens;
  let fraOfficer: Tokens;
  let fraAuditor: Tokens;

  beforeAll(async () => {
    t = await createTestApp();
    fraAdminUser = await createUser(t, { stateCode: 'FRA', roles: ['admin'], mfaExempt: true });
    fraAdmin = await login(t, fraAdminUser);
    braAdminUser = await createUser(t, { stateCode: 'BRA', roles: ['admin'], mfaExempt: true });
    braAdmin = await login(t, braAdminUser);
    fraOfficer = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['officer'] }));
    fraAuditor = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['auditor'] }));
  });

  afterAll(async () => {
    await t.close();
  });

  const newUser = (overrides: Record<string, unknown> = {}) => ({
    username: `new.${Math.random().toString(36).slice(2, 10)}`,
    displayName: 'Jeanne Martin',
    password: 'twelve chars or more, any kind',
    roles: ['officer'],
    email: 'Jeanne.Martin@example.fr',
    ...overrides,
  });

  it('creates a user in the admin\'s own State, whatever the body says', async () => {
    const created = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser()).expect(201);
    expect(created.body).toMatchObject({ stateCode: 'FRA', roles: ['officer'], email: 'jeanne.martin@example.fr', disabled: false, mfaEnabled: false });
    expect(created.body).not.toHaveProperty('passwordHash');
    const smuggled = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser({ stateCode: 'BRA' })).expect(400);
    expect(smuggled.body.details).toEqual([{ field: 'stateCode', messages: ['property stateCode should not exist'] }]);
  });

  it('lets the new user log in', async () => {
    const body = newUser();
    await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(body).expect(201);
    const tokens = await login(t, body);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(200);
    expect(me.body.stateCode).toBe('FRA');
  });

  it('refuses a taken user name with 409', async () => {
    const body = newUser();
    await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(body).expect(201);
    const again = await t.http.post('/api/v1/users').set(bearer(braAdmin)).send(body).expect(409);
    expect(again.body.code).toBe('USERNAME_TAKEN');
  });

  it('names every bad field', async () => {
    const response = await t.http
      .post('/api/v1/users')
      .set(bearer(fraAdmin))
      .send({ username: 'x', displayName: '', password: 'short', roles: ['general'], email: 'not-an-email' })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const fields = (response.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'password', 'roles', 'username']);
  });

  it('judges an e-mail address as it will be stored, in lower case: 400, not a 500 from a column it outgrows', async () => {
    // 162 characters as sent; lower-cased, each İ becomes i and a combining dot (317 characters).
    const label = 'İ'.repeat(41);
    const email = `${'İ'.repeat(32)}@${label}.${label}.${label}.com`;
    const created = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser({ email })).expect(400);
    expect(created.body.details.map((d: { field: string }) => d.field)).toEqual(['email']);
  });

  it('accepts a 256-character password and refuses a longer one', async () => {
    await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser({ password: 'é'.repeat(256) })).expect(201);
    const tooLong = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser({ password: 'x'.repeat(257) })).expect(400);
    expect(tooLong.body.details[0].field).toBe('password');
  });

  it('lists only the admin\'s own State, page by page', async () => {
    for (let i = 0; i < 3; i++) await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser()).expect(201);
    const users = await allPages<{ stateCode: string; username: string }>(t, fraAdmin, '/api/v1/users', { limit: 2 }, (page) => expect(page.length).toBeLessThanOrEqual(2));
    for (const user of users) expect(user.stateCode).toBe('FRA');
    const seen = users.map((user) => user.username);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    const bad = await t.http.get('/api/v1/users').query({ cursor: 'nonsense', limit: 500 }).set(bearer(fraAdmin)).expect(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['limit']);
    const badCursor = await t.http.get('/api/v1/users').query({ cursor: 'nonsense' }).set(bearer(fraAdmin)).expect(400);
    expect(badCursor.body.details[0].field).toBe('cursor');
  });

  it('answers 404 to another State\'s admin for a user that exists', async () => {
    const created = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser()).expect(201);
    await t.http.get(`/api/v1/users/${created.body.id}`).set(bearer(fraAdmin)).expect(200);
    const read = await t.http.get(`/api/v1/users/${created.body.id}`).set(bearer(braAdmin)).expect(404);
    expect(read.body.code).toBe('USER_NOT_FOUND');
    await t.http.patch(`/api/v1/users/${created.body.id}`).set(bearer(braAdmin)).send({ disabled: true }).expect(404);
    const still = await t.http.get(`/api/v1/users/${created.body.id}`).set(bearer(fraAdmin)).expect(200);
    expect(still.body.disabled).toBe(false);
    await t.http.get('/api/v1/users/not-a-uuid').set(bearer(fraAdmin)).expect(400);
  });

  it('disables a user: their sessions end for good and login is refused; enabling allows new logins only', async () => {
    const body = newUser();
    const created = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(body).expect(201);
    const tokens = await login(t, body);
    const disabled = await t.http.patch(`/api/v1/users/${created.body.id.toUpperCase()}`).set(bearer(fraAdmin)).send({ disabled: true }).expect(200);
    expect(disabled.body.disabled).toBe(true);
    await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: body.username, password: body.password }).expect(401);
    await t.http.patch(`/api/v1/users/${created.body.id}`).set(bearer(fraAdmin)).send({ disabled: false }).expect(200);
    // The old session stays revoked after enabling the account again.
    await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    await login(t, body);
  });

  it('resets another account\'s password, MFA or lockout: its sessions end, and the trail records what, never the password', async () => {
    const body = newUser({ roles: ['npc'] });
    const created = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(body).expect(201);
    const reset = (id: string, change: object, tokens = fraAdmin, adminPassword = fraAdminUser.password) =>
      t.http.post(`/api/v1/users/${id}/credentials-reset`).set(bearer(tokens)).send({ adminPassword, ...change });
    // Enrolled, then the device is lost.
    const first = await login(t, body);
    const enrollment = (await t.http.post('/api/v1/auth/mfa/enroll').set(bearer(first)).send({ password: body.password }).expect(200)).body;
    await t.http.post('/api/v1/auth/mfa/confirm').set(bearer(first)).send({ code: generateSync({ secret: enrollment.secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }) }).expect(204);
    expect((await t.http.post('/api/v1/auth/login').send({ username: body.username, password: body.password }).expect(200)).body).toMatchObject({ mfaRequired: true });
    const mfaReset = await reset(created.body.id, { mfa: true }).expect(200);
    expect(mfaReset.body).toMatchObject({ id: created.body.id, mfaEnabled: false });
    await t.http.get('/api/v1/auth/me').set(bearer(first)).expect(401);
    expect((await t.http.post('/api/v1/auth/login').send({ username: body.username, password: body.password }).expect(200)).body).toMatchObject({ mfaRequired: false, mfaEnrollmentRequired: true });

    // A leaked password: the old one no longer logs in, the new one does.
    const before = await login(t, { ...body, username: body.username });
    await reset(created.body.id, { password: 'a new password of some length' }).expect(200);
    await t.http.get('/api/v1/auth/me').set(bearer(before)).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: body.username, password: body.password }).expect(401);
    await login(t, { username: body.username, password: 'a new password of some length' });

    // Locked after failed logins, then unlocked.
    for (let i = 0; i < 5; i++) await t.http.post('/api/v1/auth/login').send({ username: body.username, password: 'not the password at all' });
    expect((await t.http.get(`/api/v1/users/${created.body.id}`).set(bearer(fraAdmin)).expect(200)).body.locked).toBe(true);
    expect((await reset(created.body.id, { unlock: true }).expect(200)).body.locked).toBe(false);
    await login(t, { username: body.username, password: 'a new password of some length' });

    const events = (await t.http.get(`/api/v1/audit/events?action=user.credentials_reset&targetId=${created.body.id}&limit=10`).set(bearer(fraAuditor)).expect(200)).body.items as { details: unknown }[];
    expect(events.map((e) => e.details)).toEqual(expect.arrayContaining([
      { password: false, mfa: true, unlock: false }, { password: true, mfa: false, unlock: false }, { password: false, mfa: false, unlock: true },
    ]));
    expect(t.logs.text).not.toContain('a new password of some length');

    // Nothing to reset, one's own, another State's account, a password too short: refused.
    expect((await reset(created.body.id, {}).expect(400)).body.details[0].field).toBe('password');
    expect((await reset(created.body.id, { password: 'short' }).expect(400)).body.details[0].field).toBe('password');
    expect((await reset(created.body.id, { password: null, mfa: true }).expect(400)).body.details[0].field).toBe('password');
    const self = (await t.http.get('/api/v1/auth/me').set(bearer(fraAdmin)).expect(200)).body.id as string;
    expect((await reset(self, { mfa: true }).expect(409)).body.code).toBe('CANNOT_RESET_OWN_CREDENTIALS');
    await reset(created.body.id, { unlock: true }, braAdmin, braAdminUser.password).expect(404);
    await t.http.post(`/api/v1/users/${created.body.id}/credentials-reset`).set(bearer(fraOfficer)).send({ adminPassword: 'whatever it is', unlock: true }).expect(403);
    // The acting admin's own password, which a stolen access token does not give: a wrong one resets nothing, and counts.
    expect((await t.http.post(`/api/v1/users/${created.body.id}/credentials-reset`).set(bearer(fraAdmin)).send({ mfa: true }).expect(400)).body.details[0].field).toBe('adminPassword');
    const wrong = await reset(created.body.id, { password: 'taken over by someone else' }, fraAdmin, 'not the admin password').expect(403);
    expect(wrong.body.code).toBe('PASSWORD_INCORRECT');
    await login(t, { username: body.username, password: 'a new password of some length' });
    const [counted] = await ownerQuery<{ failed_logins: number }>(t, 'SELECT failed_logins FROM users WHERE id = $1', [fraAdminUser.id], 'FRA');
    expect(counted.failed_logins).toBe(1);
    await reset(created.body.id, { unlock: true }).expect(200);
  });

  it('refuses null for fields that cannot be empty, and clears nullable ones with null', async () => {
    const created = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser()).expect(201);
    const path = `/api/v1/users/${created.body.id}`;
    for (const field of ['displayName', 'roles', 'disabled']) {
      const response = await t.http.patch(path).set(bearer(fraAdmin)).send({ [field]: null }).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    const cleared = await t.http.patch(path).set(bearer(fraAdmin)).send({ email: null, agency: null }).expect(200);
    expect(cleared.body).toMatchObject({ email: null, agency: null, disabled: false });
  });

  it('refuses NUL characters with 400 naming the field, on the way in', async () => {
    const response = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser({ displayName: 'Jeanne\u0000Martin' })).expect(400);
    expect(response.body.details).toEqual([{ field: 'displayName', messages: [expect.stringContaining('NUL')] }]);
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'a\u0000b', password: 'whatever it is' }).expect(400);
    expect(login.body.details[0].field).toBe('username');
    const query = await t.http.get('/api/v1/users').query({ cursor: 'x\u0000' }).set(bearer(fraAdmin)).expect(400);
    expect(query.body.details[0].field).toBe('cursor');
  });

  it('refuses a lone UTF-16 surrogate ("\\ud800" in JSON) with 400 naming the field, and keeps real emoji', async () => {
    const response = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser({ displayName: 'Jeanne \ud800 Martin' })).expect(400);
    expect(response.body.details).toEqual([{ field: 'displayName', messages: [expect.stringContaining('lone surrogate')] }]);
    const emoji = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser({ displayName: 'Jeanne 🙂 Martin' })).expect(201);
    expect(emoji.body.displayName).toBe('Jeanne 🙂 Martin');
  });

  it('changes roles, and refuses an admin removing their own admin role', async () => {
    const created = await t.http.post('/api/v1/users').set(bearer(fraAdmin)).send(newUser()).expect(201);
    const changed = await t.http.patch(`/api/v1/users/${created.body.id}`).set(bearer(fraAdmin)).send({ roles: ['npc', 'registrar'] }).expect(200);
    expect(changed.body.roles).toEqual(['npc', 'registrar']);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(fraAdmin)).expect(200);
    const self = await t.http.patch(`/api/v1/users/${me.body.id}`).set(bearer(fraAdmin)).send({ disabled: true }).expect(409);
    expect(self.body.code).toBe('CANNOT_DEMOTE_SELF');
    // Nor give themselves another role's access; their roles given as they are change nothing.
    const own = (await t.http.get(`/api/v1/users/${me.body.id}`).set(bearer(fraAdmin)).expect(200)).body.roles as string[];
    const granted = await t.http.patch(`/api/v1/users/${me.body.id}`).set(bearer(fraAdmin)).send({ roles: [...own, 'auditor'] }).expect(409);
    expect(granted.body.code).toBe('CANNOT_ADD_OWN_ROLES');
    await t.http.patch(`/api/v1/users/${me.body.id}`).set(bearer(fraAdmin)).send({ roles: [...own].reverse(), displayName: 'Admin FRA' }).expect(200);
    const badRoles = await t.http.patch(`/api/v1/users/${created.body.id}`).set(bearer(fraAdmin)).send({ roles: [] }).expect(400);
    expect(badRoles.body.details[0].field).toBe('roles');
  });

  it('leaves one admin when two remove each other\'s admin role at the same moment', async () => {
    const [x, y] = [await createUser(t, { stateCode: 'FRA', roles: ['admin'], mfaExempt: true }), await createUser(t, { stateCode: 'FRA', roles: ['admin'], mfaExempt: true })];
    const [xTokens, yTokens] = [await login(t, x), await login(t, y)];
    // Another transaction holds both rows until both requests wait for them, then lets them go together.
    const other = new Client({ connectionString: t.db.ownerUrl });
    await other.connect();
    let results: { status: number; body: { code?: string } }[];
    try {
      await other.query('BEGIN');
      await other.query(`SELECT set_config('app.state_code', 'FRA', true)`);
      await other.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) FOR UPDATE', [[x.id, y.id]]);
      const both = Promise.all([
        t.http.patch(`/api/v1/users/${y.id}`).set(bearer(xTokens)).send({ roles: ['officer'] }).then((r) => r),
        t.http.patch(`/api/v1/users/${x.id}`).set(bearer(yTokens)).send({ roles: ['officer'] }).then((r) => r),
      ]);
      await untilWaitingForLocks(t, 2);
      await other.query('COMMIT');
      results = await both;
    } finally {
      await other.end();
    }
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    expect(results.find((r) => r.status === 403)?.body.code).toBe('ROLE_REQUIRED');
    const roles = await Promise.all([x, y].map(async (u) => (await t.http.get(`/api/v1/users/${u.id}`).set(bearer(fraAdmin)).expect(200)).body.roles as string[]));
    expect(roles.filter((r) => r.includes('admin'))).toHaveLength(1);
  });

  it('lets an admin disabled while a creation waits create no one', async () => {
    const x = await createUser(t, { stateCode: 'FRA', roles: ['admin'], mfaExempt: true });
    const xTokens = await login(t, x);
    const username = `made.by.${x.username}`;
    // Another admin's change of X: X disabled, and not yet committed when X's request arrives.
    const other = new Client({ connectionString: t.db.ownerUrl });
    await other.connect();
    let created;
    try {
      await other.query('BEGIN');
      await other.query(`SELECT set_config('app.state_code', 'FRA', true)`);
      await other.query('UPDATE users SET disabled_at = now() WHERE id = $1', [x.id]);
      const creation = t.http.post('/api/v1/users').set(bearer(xTokens)).send(newUser({ username })).then((r) => r);
      await untilWaitingForLocks(t, 1);
      await other.query('COMMIT');
      created = await creation;
    } finally {
      await other.end();
    }
    expect(created.status).toBe(403);
    expect(created.body.code).toBe('ROLE_REQUIRED');
    const all = await allPages<{ username: string }>(t, fraAdmin, '/api/v1/users', { limit: 100 });
    expect(all.map((u) => u.username)).not.toContain(username);
  });

  it('is for admins only', async () => {
    const response = await t.http.get('/api/v1/users').set(bearer(fraOfficer)).expect(403);
    expect(response.body.code).toBe('ROLE_REQUIRED');
    await t.http.get('/api/v1/users').expect(401);
  });
});

// The CLI's application, built in this process, leaves passport verifying tokens on its own (real) clock: on an app of its own.
describe('user:reset (the operator, when no admin can)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('resets the MFA and the lockout of an account of a hosted State, and says what it reset', async () => {
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code = 'FRA'`);
    const admin = await createUser(t, { stateCode: 'FRA', roles: ['admin'] });
    const tokens = await login(t, admin);
    const enrollment = (await t.http.post('/api/v1/auth/mfa/enroll').set(bearer(tokens)).send({ password: admin.password }).expect(200)).body;
    await t.http.post('/api/v1/auth/mfa/confirm').set(bearer(tokens)).send({ code: generateSync({ secret: enrollment.secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }) }).expect(204);
    await ownerQuery(t, `UPDATE users SET locked_until = now() + interval '1 hour', failed_logins = 5 WHERE id = $1`, [admin.id], 'FRA');
    const run = await runCli(t, ['user:reset', '--state', 'fra', '--username', admin.username, '--mfa', '--unlock']);
    expect(run).toMatchObject({ error: undefined, stdout: `reset MFA, lockout of ${admin.username} (FRA)\n` });
    const [row] = await ownerQuery<{ mfa_enabled_at: Date | null; locked_until: Date | null; failed_logins: number }>(t, `SELECT mfa_enabled_at, locked_until, failed_logins FROM users WHERE id = $1`, [admin.id], 'FRA');
    expect(row).toEqual({ mfa_enabled_at: null, locked_until: null, failed_logins: 0 });
    const [event] = await ownerQuery<{ actor_id: string | null; details: unknown }>(t, `SELECT actor_id, details FROM audit_events WHERE action = 'user.credentials_reset' AND target_id = $1`, [admin.id], 'FRA');
    expect(event).toEqual({ actor_id: null, details: { password: false, mfa: true, unlock: true } });
    // Nothing asked for: refused, and nothing recorded.
    const nothing = await runCli(t, ['user:reset', '--state', 'fra', '--username', admin.username]);
    expect(String(nothing.error)).toMatch(/say what to reset: --password, --mfa or --unlock/);
    expect(await ownerQuery(t, `SELECT 1 FROM audit_events WHERE action = 'user.credentials_reset' AND target_id = $1`, [admin.id], 'FRA')).toHaveLength(1);
  });
});
