import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import * as argon2 from 'argon2';
import { generateSync } from 'otplib';
import { MfaSecrets } from '../src/auth/mfa-secrets';
import { PasswordHasher } from '../src/users/password-hasher';
import { SessionPurgeJob } from '../src/auth/session-purge.job';
import { AppConfig } from '../src/config/app-config';
import { bearer, createTestApp, createUser, login, ownerQuery, TEST_JWT_SECRET, TestApp } from './support/test-app';

const LOGIN = '/api/v1/auth/login';

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('authentication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('logs in and answers /auth/me with the user and the State from the token', async () => {
    const user = await createUser(t, { stateCode: 'KEN', roles: ['officer'] });
    const tokens = await login(t, user);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(200);
    expect(me.body).toMatchObject({ id: user.id, username: user.username, stateCode: 'KEN', stateName: 'Kenya', roles: ['officer'] });
  });

  it('refuses requests without a token, with a malformed one, with alg none, or signed with another key', async () => {
    const user = await createUser(t);
    const { accessToken } = await login(t, user);
    const [header, payload] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    const signedWith = (key: string) => {
      const body = `${header}.${payload}`;
      return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
    };
    // The right key reproduces the real signature: proves the forgery below differs only by its key.
    expect(signedWith(TEST_JWT_SECRET)).toBe(accessToken);
    for (const token of [undefined, 'garbage', unsigned, signedWith('another-key-another-key-another-key-000')]) {
      const request = t.http.get('/api/v1/auth/me');
      if (token) request.set('authorization', `Bearer ${token}`);
      const response = await request.expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect(response.body.requestId).toEqual(expect.any(String));
    }
  });

  it('gives an unknown user and a wrong password the same answer, in the same time', async () => {
    const user = await createUser(t);
    const unknown = await t.http.post(LOGIN).send({ username: 'nobody-at-all', password: 'wrong password!' }).expect(401);
    const wrong = await t.http.post(LOGIN).send({ username: user.username, password: 'wrong password!' }).expect(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');

    const time = async (username: string) => {
      const start = process.hrtime.bigint();
      await t.http.post(LOGIN).send({ username, password: 'wrong password!' }).expect(401);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const unknownTimes: number[] = [];
    const wrongTimes: number[] = [];
    // A wrong password of an account not locked: a fresh account every 4 failures (the 5th locks one, and a
    // locked account's failure is not counted, which would make it the cheaper case measured).
    let target = user;
    for (let i = 0; i < 48; i++) {
      if (i > 0 && i % 4 === 0) target = await createUser(t);
      unknownTimes.push(await time(`nobody-${i}`));
      wrongTimes.push(await time(target.username));
    }
    expect(Math.abs(median(unknownTimes) - median(wrongTimes))).toBeLessThan(20);
  });

  it('locks an account for 10 minutes after 5 consecutive failures', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 5; i++) {
      await t.http.post(LOGIN).send({ username: user.username, password: 'not the password' }).expect(401);
    }
    // Locked: even the right password is refused, with the same answer as any failure.
    const locked = await t.http.post(LOGIN).send({ username: user.username, password: user.password }).expect(401);
    expect(locked.body.code).toBe('INVALID_CREDENTIALS');
    t.clock.advance(9 * 60);
    await t.http.post(LOGIN).send({ username: user.username, password: user.password }).expect(401);
    t.clock.advance(61);
    await t.http.post(LOGIN).send({ username: user.username, password: user.password }).expect(200);
  });

  it('does not lock after 4 failures followed by a success', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 4; i++) await t.http.post(LOGIN).send({ username: user.username, password: 'nope nope nope' }).expect(401);
    await login(t, user);
    for (let i = 0; i < 4; i++) await t.http.post(LOGIN).send({ username: user.username, password: 'nope nope nope' }).expect(401);
    await login(t, user);
  });

  it('rotates refresh tokens and revokes the whole family when an old one is replayed', async () => {
    const user = await createUser(t);
    const first = await login(t, user);
    const second = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200)).body;
    await t.http.get('/api/v1/auth/me').set(bearer(third)).expect(200);

    const replay = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The family is gone: the newest tokens no longer work either.
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: third.refreshToken }).expect(401);
    await t.http.get('/api/v1/auth/me').set(bearer(third)).expect(401);
  });

  it('refuses a malformed or unknown refresh token with 401, not 500', async () => {
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: 'not-a-token' }).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: `00000000-0000-4000-8000-000000000000.${'a'.repeat(43)}` }).expect(401);
    const missing = await t.http.post('/api/v1/auth/refresh').send({}).expect(400);
    expect(missing.body.details).toEqual([{ field: 'refreshToken', messages: expect.any(Array) }]);
  });

  it('logout ends the session: its access and refresh tokens stop working', async () => {
    const user = await createUser(t);
    const tokens = await login(t, user);
    await t.http.post('/api/v1/auth/logout').set(bearer(tokens)).expect(204);
    await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
  });

  it('expires access tokens after 15 minutes and sessions after 30 idle minutes', async () => {
    const user = await createUser(t);
    const tokens = await login(t, user);
    t.clock.advance(15 * 60 + 1);
    const expired = await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
    // Still inside the idle window: refreshing works.
    const renewed = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200)).body;
    t.clock.advance(31 * 60);
    const idle = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: renewed.refreshToken }).expect(401);
    expect(idle.body.code).toBe('SESSION_EXPIRED');
  });

  it('answers a session\'s requests while a long request of the same session holds its row, and records activity after', async () => {
    const user = await createUser(t);
    const tokens = await login(t, user);
    t.clock.advance(2 * 60); // activity to record on the next request
    // A long request of this session (an import) that recorded its activity holds the row until it ends.
    const long = new Client({ connectionString: t.db.ownerUrl });
    await long.connect();
    try {
      await long.query('BEGIN');
      await long.query(`SELECT set_config('app.state_code', $1, true)`, [user.stateCode]);
      await long.query('SELECT 1 FROM auth_sessions WHERE user_id = $1 FOR UPDATE', [user.id]);
      const me = await t.http.get('/api/v1/auth/me').set(bearer(tokens)).timeout(10_000);
      expect(me.status).toBe(200);
    } finally {
      await long.query('ROLLBACK');
      await long.end();
    }
    await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(200);
    // Recorded just after the request's commit.
    let recorded = 0;
    for (let i = 0; i < 40 && recorded !== t.clock.now().getTime(); i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      const [session] = await ownerQuery<{ last_activity_at: Date }>(t, 'SELECT last_activity_at FROM auth_sessions WHERE user_id = $1', [user.id], user.stateCode);
      recorded = session.last_activity_at.getTime();
    }
    expect(recorded).toBe(t.clock.now().getTime());
  });

  it('stops a burst of guesses of the re-entered password at the lockout, as it stops logins', async () => {
    const user = await createUser(t, { stateCode: 'FRA', roles: ['officer'], mfaExempt: true });
    const tokens = await login(t, user);
    // Sent together: the checks take turns on the account's row, each seeing the failures committed before it.
    const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => t.http.post('/api/v1/auth/mfa/enroll').set(bearer(tokens)).send({ password: `guess number ${i}` })));
    const codes = guesses.map((r) => `${r.status} ${r.body.code}`);
    expect(codes.filter((c) => c === '403 PASSWORD_INCORRECT')).toHaveLength(5);
    expect(codes.filter((c) => c === '403 ACCOUNT_LOCKED')).toHaveLength(3);
    // The right one, now, is refused too: the account is locked (and a login with it as well).
    expect((await t.http.post('/api/v1/auth/mfa/enroll').set(bearer(tokens)).send({ password: user.password }).expect(403)).body.code).toBe('ACCOUNT_LOCKED');
    await t.http.post(LOGIN).send({ username: user.username, password: user.password }).expect(401);
    // Each refusal is in the trail with the failure it counted.
    const events = await ownerQuery<{ action: string; outcome: string }>(t, `SELECT action, outcome FROM audit_events WHERE actor_id = $1 AND action IN ('auth.mfa_enroll', 'POST /auth/mfa/enroll')`, [user.id], 'FRA');
    expect(events.filter((e) => e.action === 'auth.mfa_enroll' && e.outcome === 'failure')).toHaveLength(5);
    expect(events.filter((e) => e.action === 'POST /auth/mfa/enroll' && e.outcome === 'denied')).toHaveLength(9);
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const user = await createUser(t);
    let tokens = await login(t, user);
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      t.clock.advance(20 * 60);
      tokens = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200)).body;
    }
    await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(200);
    // The last access token was cut to end with the session (11h40 + 15 min at most, not past 12h)...
    const [header, payload] = tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sid: string; exp: number };
    const sessionEnd = (await ownerQuery<{ end: string }>(t, `SELECT extract(epoch FROM expires_at)::bigint AS "end" FROM auth_sessions WHERE id = $1`, [claims.sid], 'FRA'))[0].end;
    expect(claims.exp).toBeLessThanOrEqual(Number(sessionEnd));
    // ...and a token that outlives the session (signed with the node's key, as a longer-lived one would be) is refused at the session's end.
    const outliving = `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: Number(sessionEnd) + 3600 })).toString('base64url')}`;
    const forged = `${outliving}.${createHmac('sha256', TEST_JWT_SECRET).update(outliving).digest('base64url')}`;
    t.clock.advance(21 * 60);
    expect((await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(401)).body.code).toBe('TOKEN_EXPIRED');
    expect((await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${forged}`).expect(401)).body.code).toBe('SESSION_EXPIRED');
    const ended = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    expect(ended.body.code).toBe('SESSION_EXPIRED');
  });

  describe('MFA', () => {
    /** An officer who has enrolled MFA; `code()` is the authenticator's code at the test clock's time. */
    async function userWithMfa() {
      const user = await createUser(t, { roles: ['officer'] });
      const tokens = await login(t, user);
      const enrollment = (await t.http.post('/api/v1/auth/mfa/enroll').set(bearer(tokens)).send({ password: user.password }).expect(200)).body;
      const code = () => generateSync({ secret: enrollment.secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
      await t.http.post('/api/v1/auth/mfa/confirm').set(bearer(tokens)).send({ code: code() }).expect(204);
      t.clock.advance(60); // past the confirming code's time step
      return { user, code };
    }

    it('ends the other sessions without MFA of an officer who enables it (not only those of roles that must)', async () => {
      const user = await createUser(t, { roles: ['officer'] });
      const tokens = await login(t, user);
      const otherDevice = await login(t, user);
      const enrollment = (await t.http.post('/api/v1/auth/mfa/enroll').set(bearer(tokens)).send({ password: user.password }).expect(200)).body;
      const code = generateSync({ secret: enrollment.secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
      await t.http.post('/api/v1/auth/mfa/confirm').set(bearer(tokens)).send({ code }).expect(204);
      await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(200);
      expect((await t.http.get('/api/v1/auth/me').set(bearer(otherDevice)).expect(401)).body.code).toBe('SESSION_EXPIRED');
      // Ended, not only refused: its refresh token no longer rotates.
      expect((await t.http.post('/api/v1/auth/refresh').send({ refreshToken: otherDevice.refreshToken }).expect(401)).body.code).toBe('SESSION_EXPIRED');
      const sid = JSON.parse(Buffer.from(otherDevice.accessToken.split('.')[1], 'base64url').toString()).sid as string;
      const [session] = await ownerQuery<{ revoked_reason: string | null }>(t, 'SELECT revoked_reason FROM auth_sessions WHERE id = $1', [sid], 'FRA');
      expect(session.revoked_reason).toBe('mfa_enabled');
    });

    it('keeps an account exempt from MFA usable after it enrols (a demo account): its sessions need no code', async () => {
      const demo = await createUser(t, { roles: ['npc'], mfaExempt: true });
      const other = await login(t, demo);
      const tokens = await login(t, demo);
      const enrollment = (await t.http.post('/api/v1/auth/mfa/enroll').set(bearer(tokens)).send({ password: demo.password }).expect(200)).body;
      await t.http.post('/api/v1/auth/mfa/confirm').set(bearer(tokens)).send({ code: generateSync({ secret: enrollment.secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }) }).expect(204);
      await t.http.get('/api/v1/auth/me').set(bearer(other)).expect(200);
      const again = await login(t, demo);
      await t.http.get('/api/v1/auth/me').set(bearer(again)).expect(200);
    });

    it('makes an NPC enrol before anything else, then requires the code at login and refuses a replayed code', async () => {
      const npc = await createUser(t, { roles: ['npc'] });
      const first = await t.http.post(LOGIN).send({ username: npc.username, password: npc.password }).expect(200);
      expect(first.body).toMatchObject({ mfaRequired: false, mfaEnrollmentRequired: true });
      const pending = bearer(first.body);
      // The same account on another device, before MFA is enrolled.
      const otherDevice = (await t.http.post(LOGIN).send({ username: npc.username, password: npc.password }).expect(200)).body;
      const blocked = await t.http.get('/api/v1/states/FRA').set(pending).expect(403);
      expect(blocked.body.code).toBe('MFA_ENROLLMENT_REQUIRED');

      // The account's password is asked again: a token alone enrols nothing.
      const noPassword = await t.http.post('/api/v1/auth/mfa/enroll').set(pending).send({}).expect(400);
      expect(noPassword.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
      const wrongPassword = await t.http.post('/api/v1/auth/mfa/enroll').set(pending).send({ password: 'not the password at all' }).expect(403);
      expect(wrongPassword.body.code).toBe('PASSWORD_INCORRECT');
      const [counted] = await ownerQuery<{ failed_logins: number }>(t, 'SELECT failed_logins FROM users WHERE id = $1', [npc.id], 'FRA');
      expect(counted.failed_logins).toBe(1);
      const enrollment = (await t.http.post('/api/v1/auth/mfa/enroll').set(pending).send({ password: npc.password }).expect(200)).body;
      expect(enrollment.otpauthUri).toContain('otpauth://totp/');
      const codeAt = () => generateSync({ secret: enrollment.secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
      const wrong = await t.http.post('/api/v1/auth/mfa/confirm').set(pending).send({ code: codeAt() === '000000' ? '111111' : '000000' }).expect(400);
      expect(wrong.body.code).toBe('MFA_CODE_INVALID');
      await t.http.post('/api/v1/auth/mfa/confirm').set(pending).send({ code: codeAt() }).expect(204);
      await t.http.get('/api/v1/states/FRA').set(pending).expect(200);
      // The other device's session, which did not pass MFA, has ended: it logs in again, with a code.
      expect((await t.http.get('/api/v1/states/FRA').set(bearer(otherDevice)).expect(401)).body.code).toBe('SESSION_EXPIRED');
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: otherDevice.refreshToken }).expect(401);
      // One a login opened while the confirmation committed (so not revoked by it) is ended when it is used.
      const sid = JSON.parse(Buffer.from(otherDevice.accessToken.split('.')[1], 'base64url').toString()).sid as string;
      await ownerQuery(t, `UPDATE auth_sessions SET revoked_at = NULL, revoked_reason = NULL WHERE id = $1`, [sid], 'FRA');
      expect((await t.http.get('/api/v1/states/FRA').set(bearer(otherDevice)).expect(401)).body.code).toBe('SESSION_EXPIRED');

      t.clock.advance(60);
      const step = await t.http.post(LOGIN).send({ username: npc.username, password: npc.password }).expect(200);
      expect(step.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
      const code = codeAt();
      const done = await t.http.post('/api/v1/auth/mfa').send({ mfaToken: step.body.mfaToken, code }).expect(200);
      await t.http.get('/api/v1/auth/me').set(bearer(done.body)).expect(200);

      // The same code again, still inside its 30-second window: refused.
      const again = await t.http.post(LOGIN).send({ username: npc.username, password: npc.password }).expect(200);
      const replay = await t.http.post('/api/v1/auth/mfa').send({ mfaToken: again.body.mfaToken, code }).expect(401);
      expect(replay.body.code).toBe('MFA_CODE_INVALID');
      t.clock.advance(30);
      await t.http.post('/api/v1/auth/mfa').send({ mfaToken: again.body.mfaToken, code: codeAt() }).expect(200);
    });

    it('counts wrong MFA codes towards the lockout, even when the password is given again in between', async () => {
      const { user, code } = await userWithMfa();
      for (let i = 0; i < 5; i++) {
        const step = await t.http.post(LOGIN).send({ username: user.username, password: user.password }).expect(200);
        const wrong = code() === '000000' ? '111111' : '000000';
        await t.http.post('/api/v1/auth/mfa').send({ mfaToken: step.body.mfaToken, code: wrong }).expect(401);
      }
      const locked = await t.http.post(LOGIN).send({ username: user.username, password: user.password }).expect(401);
      expect(locked.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('asks a live session to enrol when its user is promoted to a role that requires MFA', async () => {
      const officer = await createUser(t, { roles: ['officer'] });
      const tokens = await login(t, officer);
      await t.http.get('/api/v1/states/FRA').set(bearer(tokens)).expect(200);
      const admin = await login(t, await createUser(t, { roles: ['admin'], mfaExempt: true }));
      await t.http.patch(`/api/v1/users/${officer.id}`).set(bearer(admin)).send({ roles: ['officer', 'npc'] }).expect(200);
      const blocked = await t.http.get('/api/v1/states/FRA').set(bearer(tokens)).expect(403);
      expect(blocked.body.code).toBe('MFA_ENROLLMENT_REQUIRED');
      const refreshed = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200)).body;
      expect(refreshed.mfaEnrollmentRequired).toBe(true);
    });

    it('keeps TOTP secrets sealed at rest: no form of the secret in the row, and a sealed secret moved to another user does not open', async () => {
      const user = await createUser(t, { roles: ['officer'] });
      const tokens = await login(t, user);
      const enrollment = (await t.http.post('/api/v1/auth/mfa/enroll').set(bearer(tokens)).send({ password: user.password }).expect(200)).body;
      const rowText = async (id: string) => {
        const [row] = await ownerQuery<Record<string, unknown>>(t, `SELECT * FROM users WHERE id = $1`, [id], 'FRA');
        return Object.values(row).map((v) => (Buffer.isBuffer(v) ? `${v.toString('latin1')} ${v.toString('hex')} ${v.toString('base64')}` : JSON.stringify(v))).join(' ');
      };
      const secretForms = [enrollment.secret, Buffer.from(enrollment.secret).toString('hex'), Buffer.from(enrollment.secret).toString('base64')];
      const pendingRow = await rowText(user.id);
      for (const form of secretForms) expect(pendingRow).not.toContain(form);
      const code = () => generateSync({ secret: enrollment.secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
      await t.http.post('/api/v1/auth/mfa/confirm').set(bearer(tokens)).send({ code: code() }).expect(204);
      const [sealed] = await ownerQuery<{ mfa_secret: Buffer | null; mfa_pending_secret: Buffer | null; kek_id: string | null }>(
        t, `SELECT mfa_secret, mfa_pending_secret, kek_id FROM users WHERE id = $1`, [user.id], 'FRA');
      expect({ secret: sealed.mfa_secret?.[0], pending: sealed.mfa_pending_secret, kek: typeof sealed.kek_id }).toEqual({ secret: 1, pending: null, kek: 'string' });
      const enrolledRow = await rowText(user.id);
      for (const form of secretForms) expect(enrolledRow).not.toContain(form);

      // The secret works at login. Copied onto another user with its data key too, it does not open there (the
      // ciphertext and the key are bound to their row): that login fails, and the refusal is in the audit trail.
      t.clock.advance(60);
      const step = await t.http.post(LOGIN).send({ username: user.username, password: user.password }).expect(200);
      await t.http.post('/api/v1/auth/mfa').send({ mfaToken: step.body.mfaToken, code: code() }).expect(200);
      const { user: other } = await userWithMfa();
      await ownerQuery(t, `UPDATE users o SET mfa_secret = u.mfa_secret, kek_id = u.kek_id, data_key = u.data_key FROM users u WHERE u.id = $1 AND o.id = $2`, [user.id, other.id], 'FRA');
      t.clock.advance(60);
      const otherStep = await t.http.post(LOGIN).send({ username: other.username, password: other.password }).expect(200);
      const refused = await t.http.post('/api/v1/auth/mfa').send({ mfaToken: otherStep.body.mfaToken, code: code() }).expect(500);
      expect(refused.body.code).toBe('INTERNAL_ERROR');
      const audited = await ownerQuery<{ outcome: string; details: { reason: string } }>(
        t, `SELECT outcome, details FROM audit_events WHERE action = 'auth.mfa' AND target_id = $1 ORDER BY seq DESC LIMIT 1`, [other.id], 'FRA');
      expect(audited).toEqual([{ outcome: 'denied', details: { reason: 'secret_unreadable' } }]);
    });

    it('seals at start the TOTP secrets stored in plain text before secrets were sealed', async () => {
      const { user } = await userWithMfa();
      const legacySecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      await ownerQuery(t, `UPDATE users SET mfa_secret = NULL, kek_id = NULL, data_key = NULL, mfa_secret_legacy = $1 WHERE id = $2`, [legacySecret, user.id], 'FRA');
      // One still enrolling: only a pending secret, confirmed after the conversion.
      const enrolling = await createUser(t, { roles: ['officer'] });
      const enrollingTokens = await login(t, enrolling);
      const pendingSecret = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
      await ownerQuery(t, `UPDATE users SET mfa_pending_secret_legacy = $1 WHERE id = $2`, [pendingSecret, enrolling.id], 'FRA');
      await t.app.get(MfaSecrets).onApplicationBootstrap();
      expect(await t.app.get(MfaSecrets).sealLegacy()).toBe(0);
      const pendingCode = generateSync({ secret: pendingSecret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
      await t.http.post('/api/v1/auth/mfa/confirm').set(bearer(enrollingTokens)).send({ code: pendingCode }).expect(204);
      const [converted] = await ownerQuery<{ legacy: string | null; pending: Buffer | null; secret: Buffer | null }>(
        t, `SELECT mfa_pending_secret_legacy AS legacy, mfa_pending_secret AS pending, mfa_secret AS secret FROM users WHERE id = $1`, [enrolling.id], 'FRA');
      expect({ legacy: converted.legacy, pending: converted.pending, secret: converted.secret?.[0] }).toEqual({ legacy: null, pending: null, secret: 1 });
      const [row] = await ownerQuery<{ mfa_secret: Buffer | null; mfa_secret_legacy: string | null }>(t, `SELECT mfa_secret, mfa_secret_legacy FROM users WHERE id = $1`, [user.id], 'FRA');
      expect({ legacy: row.mfa_secret_legacy, sealed: row.mfa_secret?.[0] }).toEqual({ legacy: null, sealed: 1 });
      t.clock.advance(60);
      const step = await t.http.post(LOGIN).send({ username: user.username, password: user.password }).expect(200);
      const code = generateSync({ secret: legacySecret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
      await t.http.post('/api/v1/auth/mfa').send({ mfaToken: step.body.mfaToken, code }).expect(200);
    });

    it('refuses an expired MFA step token', async () => {
      const { user, code } = await userWithMfa();
      const step = await t.http.post(LOGIN).send({ username: user.username, password: user.password }).expect(200);
      t.clock.advance(301);
      const late = await t.http.post('/api/v1/auth/mfa').send({ mfaToken: step.body.mfaToken, code: code() }).expect(401);
      expect(late.body.code).toBe('MFA_TOKEN_INVALID');
    });
  });

  it('re-hashes a password stored with weaker argon2 parameters at the next login', async () => {
    const user = await createUser(t);
    const weak = await argon2.hash(user.password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await ownerQuery(t, 'UPDATE users SET password_hash = $1 WHERE id = $2', [weak, user.id], 'FRA');
    // Not while the account is locked: hashing the right password then would time it apart from a wrong one.
    await ownerQuery(t, `UPDATE users SET locked_until = $1 WHERE id = $2`, [new Date(t.clock.now().getTime() + 60_000), user.id], 'FRA');
    const hash = jest.spyOn(t.app.get(PasswordHasher), 'hash');
    try {
      await t.http.post(LOGIN).send({ username: user.username, password: user.password }).expect(401);
      expect(hash).not.toHaveBeenCalled();
    } finally {
      hash.mockRestore();
    }
    await ownerQuery(t, `UPDATE users SET locked_until = NULL WHERE id = $1`, [user.id], 'FRA');
    await login(t, user);
    const rows = await ownerQuery<{ password_hash: string }>(t, 'SELECT password_hash FROM users WHERE id = $1', [user.id], 'FRA');
    expect(rows[0].password_hash).not.toBe(weak);
    expect(argon2.needsRehash(rows[0].password_hash, { memoryCost: 19456, timeCost: 2, parallelism: 1 })).toBe(false);
    await login(t, user);
  });
});

describe('with a short idle timeout (SESSION_IDLE_TIMEOUT_SECONDS=60)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SESSION_IDLE_TIMEOUT_SECONDS: '60' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps a session in use alive, and ends one left idle for the minute', async () => {
    const user = await createUser(t);
    const tokens = await login(t, user);
    for (let i = 0; i < 12; i++) {
      t.clock.advance(10);
      await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(200);
      // Activity is written after the request commits: wait for it as the next request would.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    t.clock.advance(61);
    expect((await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(401)).body.code).toBe('SESSION_EXPIRED');
  });
});

describe('throttling of the auth routes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ AUTH_THROTTLE_LIMIT: '3' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 429 past the per-IP limit', async () => {
    for (let i = 0; i < 3; i++) await t.http.post(LOGIN).send({ username: 'someone', password: 'something long' }).expect(401);
    const limited = await t.http.post(LOGIN).send({ username: 'someone', password: 'something long' }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    // The standard header says how many seconds to wait (within the window).
    const wait = Number(limited.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
  });
});

describe('throttling of MFA enrolment, which checks the password', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ AUTH_THROTTLE_LIMIT: '3' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 429 past the per-IP limit', async () => {
    const tokens = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['officer'], mfaExempt: true }));
    for (let i = 0; i < 3; i++) {
      const refused = await t.http.post('/api/v1/auth/mfa/enroll').set(bearer(tokens)).send({ password: `not the password ${i}` }).expect(403);
      expect(refused.body.code).toBe('PASSWORD_INCORRECT');
    }
    const limited = await t.http.post('/api/v1/auth/mfa/enroll').set(bearer(tokens)).send({ password: 'not the password 3' }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });

  it('limits the resets of credentials too, which check the admin\'s own password', async () => {
    const admin = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['admin'], mfaExempt: true }));
    const target = await createUser(t, { stateCode: 'FRA', roles: ['officer'], mfaExempt: true });
    const reset = (i: number) => t.http.post(`/api/v1/users/${target.id}/credentials-reset`).set(bearer(admin)).send({ adminPassword: `not the password ${i}`, unlock: true });
    for (let i = 0; i < 3; i++) expect((await reset(i).expect(403)).body.code).toBe('PASSWORD_INCORRECT');
    expect((await reset(3).expect(429)).body.code).toBe('RATE_LIMITED');
  });
});

describe('with a pool of two database connections', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '2' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('counts wrong passwords sent to MFA enrolment at once, each failure committed with its own refusal (no second connection)', async () => {
    const user = await createUser(t, { stateCode: 'FRA', roles: ['officer'], mfaExempt: true });
    const tokens = await login(t, user);
    // Each request holds a connection; a failure written on a second one while it is held would wait for ever.
    const refused = await Promise.all([1, 2, 3].map((i) => t.http.post('/api/v1/auth/mfa/enroll').set(bearer(tokens)).send({ password: `not the password ${i}` })));
    expect(refused.map((r) => [r.status, r.body.code])).toEqual([1, 2, 3].map(() => [403, 'PASSWORD_INCORRECT']));
    const [row] = await ownerQuery<{ failed_logins: number }>(t, 'SELECT failed_logins FROM users WHERE username = $1', [user.username], 'FRA');
    expect(row.failed_logins).toBe(3);
  }, 20_000);
});

describe('behind one reverse proxy (TRUST_PROXY=true)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', AUTH_THROTTLE_LIMIT: '3' });
  });

  afterAll(async () => {
    await t.close();
  });

  const sessionAddress = async (accessToken: string) => {
    const { sid } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { sid: string };
    return (await ownerQuery<{ client_ip: string | null }>(t, 'SELECT client_ip FROM auth_sessions WHERE id = $1', [sid], 'FRA'))[0].client_ip;
  };

  it('takes the address the proxy appended, not one the client wrote before it', async () => {
    const user = await createUser(t, { stateCode: 'FRA', roles: ['officer'], mfaExempt: true });
    const response = await t.http.post(LOGIN).set('x-forwarded-for', '6.6.6.6, 203.0.113.7').send({ username: user.username, password: user.password }).expect(200);
    expect(await sessionAddress(response.body.accessToken)).toBe('203.0.113.7');
  });

  it('records no address rather than a header text that is not one, and still logs in', async () => {
    const user = await createUser(t, { stateCode: 'FRA', roles: ['officer'], mfaExempt: true });
    const response = await t.http.post(LOGIN).set('x-forwarded-for', 'x'.repeat(80)).send({ username: user.username, password: user.password }).expect(200);
    expect(await sessionAddress(response.body.accessToken)).toBeNull();
  });

  it('limits a client per address whatever it writes in X-Forwarded-For', async () => {
    const from = (n: number) => ({ 'x-forwarded-for': `10.9.9.${n}, 198.51.100.20` });
    for (let i = 0; i < 3; i++) await t.http.post(LOGIN).set(from(i)).send({ username: 'someone', password: 'something long' }).expect(401);
    const limited = await t.http.post(LOGIN).set(from(3)).send({ username: 'someone', password: 'something long' }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    // Another client behind the same proxy is not.
    await t.http.post(LOGIN).set({ 'x-forwarded-for': '198.51.100.21' }).send({ username: 'someone', password: 'something long' }).expect(401);
  });
});

describe('with TRUST_PROXY naming proxies elsewhere', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '10.0.0.0/8' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('believes no X-Forwarded-For from a peer that is not one of them', async () => {
    const user = await createUser(t, { stateCode: 'FRA', roles: ['officer'], mfaExempt: true });
    const response = await t.http.post(LOGIN).set('x-forwarded-for', '203.0.113.9').send({ username: user.username, password: user.password }).expect(200);
    const { sid } = JSON.parse(Buffer.from(response.body.accessToken.split('.')[1], 'base64url').toString()) as { sid: string };
    const [session] = await ownerQuery<{ client_ip: string }>(t, 'SELECT client_ip FROM auth_sessions WHERE id = $1', [sid], 'FRA');
    expect(session.client_ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });
});

describe('the purge of ended sessions (a node of its own: the clock moves three months)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('deletes sessions, with their refresh tokens and addresses, SESSION_RETENTION_DAYS after they ended, and no live one', async () => {
    await ownerQuery(t, `UPDATE states SET hosted_since = now() WHERE code = 'FRA' AND hosted_since IS NULL`); // the job visits hosted States
    const user = await createUser(t);
    const ended = await login(t, user);
    await t.http.post('/api/v1/auth/logout').set(bearer(ended)).expect(204);
    const sessionOf = (tokens: { accessToken: string }) => JSON.parse(Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString()).sid as string;
    const rows = (sid: string) => ownerQuery<{ sessions: number; tokens: number }>(t,
      `SELECT (SELECT count(*)::int FROM auth_sessions WHERE id = $1) AS sessions, (SELECT count(*)::int FROM refresh_tokens WHERE session_id = $1) AS tokens`, [sid], 'FRA');
    const job = t.app.get(SessionPurgeJob);
    const days = t.app.get(AppConfig).SESSION_RETENTION_DAYS;
    expect(days).toBe(90);
    t.clock.advance((days - 1) * 24 * 3600);
    try {
      await job.run();
      expect(await rows(sessionOf(ended))).toEqual([{ sessions: 1, tokens: 1 }]);
      const live = await login(t, user);
      t.clock.advance(2 * 24 * 3600);
      const refreshed = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: live.refreshToken }).expect(401)).body; // idle for two days: ended, kept
      expect(refreshed.code).toBe('SESSION_EXPIRED');
      const current = await login(t, user);
      expect(await job.run()).toBeGreaterThanOrEqual(1);
      expect(await rows(sessionOf(ended))).toEqual([{ sessions: 0, tokens: 0 }]);
      expect(await rows(sessionOf(live))).toEqual([{ sessions: 1, tokens: 1 }]);
      await t.http.get('/api/v1/auth/me').set(bearer(current)).expect(200);
      // Its refresh token is unknown now: refused as any unknown token is.
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: ended.refreshToken }).expect(401);
    } finally {
      t.clock.advance(-(days + 1) * 24 * 3600);
    }
  });
});
