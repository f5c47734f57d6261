import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail';
import { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { DecryptionError } from '../common/encryption/envelope';
import { AppError, ConflictError, SessionEndedError, UnauthorizedError } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { Db, STATE_CODE } from '../database/db';
import { StatesService } from '../states/states.service';
import { UserEntity } from '../users/entities/user.entity';
import { PasswordCheck } from '../users/password-check';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenPayload, AuthTokens } from './auth-tokens';
import { UUID } from '../common/uuid';
import { LoginResponseDto, MeDto, MfaEnrollmentDto, TokensDto } from './dto/auth.dto';
import { MfaSecrets } from './mfa-secrets';
import { SessionsRepository } from './sessions.repository';
import { Totp } from './totp';

/** One answer for an unknown user, a wrong password, a disabled or a locked account: nothing to enumerate. */
const invalidCredentials = () => new UnauthorizedError('INVALID_CREDENTIALS', 'Invalid user name or password, or the account is locked');
const sessionEnded = () => new SessionEndedError();
const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

/** What a verified token says, before the session behind it is checked. */
export interface TokenIdentity {
  claims: AccessTokenPayload;
}

/** Outcome of work done in a transaction that must commit even when the caller gets an error. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError | DecryptionError };

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordHasher,
    private readonly passwordCheck: PasswordCheck,
    private readonly tokens: AuthTokens,
    private readonly totp: Totp,
    private readonly mfaSecrets: MfaSecrets,
    private readonly states: StatesService,
    private readonly clock: Clock,
    private readonly trail: AuditTrail,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, clientIp: string | null): Promise<LoginResponseDto> {
    const name = username.trim().toLowerCase();
    const stateCode = await this.db.withoutState(() => this.users.findStateOfUsername(name));
    if (!stateCode) {
      await this.passwords.verifyAgainstDummy(password);
      throw invalidCredentials();
    }
    // The password is checked before the account's row is locked, and with no connection held: logins that
    // arrive together for one account (a guessing attack) hash side by side instead of holding every pooled
    // connection while they queue for the row. Its verdict is judged under the lock, on the row as it is then.
    const read = await this.db.inState(stateCode, () => this.users.findByUsername(stateCode, name));
    if (!read) {
      await this.passwords.verifyAgainstDummy(password);
      throw invalidCredentials();
    }
    const validRead = await this.passwords.verify(read.passwordHash, password);
    const outcome = await this.db.inState(stateCode, async (): Promise<Outcome<LoginResponseDto>> => {
      const user = await this.users.findByUsernameForUpdate(stateCode, name);
      if (!user || user.id !== read.id) return { ok: false, error: invalidCredentials() };
      // A password changed meanwhile is checked again: the verdict above was on the one before.
      const valid = user.passwordHash === read.passwordHash ? validRead : await this.passwords.verify(user.passwordHash, password);
      if (user.disabledAt || this.passwordCheck.isLocked(user)) {
        this.trail.record(user, { action: 'auth.login', outcome: 'denied', targetType: 'user', targetId: user.id, details: { reason: user.disabledAt ? 'disabled' : 'locked' } });
        return { ok: false, error: invalidCredentials() };
      }
      if (!valid) {
        await this.passwordCheck.recordFailure(user, 'auth.login', 'wrong_password');
        return { ok: false, error: invalidCredentials() };
      }
      // Only now, the checks passed (hashing a right password sooner would time it apart on a locked account): the
      // one hash under the lock, once per account after its parameters were raised.
      const changes: Partial<UserEntity> = {};
      if (this.passwords.needsRehash(user.passwordHash)) changes.passwordHash = await this.passwords.hash(password);
      if (user.mfaEnabledAt && !user.mfaExempt) {
        // Failures are reset only when the second factor succeeds too: wrong MFA codes keep counting.
        if (changes.passwordHash) await this.users.update(user.stateCode, user.id, changes);
        this.trail.record(user, { action: 'auth.login', targetType: 'user', targetId: user.id, details: { mfaRequired: true } });
        return { ok: true, value: { mfaRequired: true, mfaToken: this.tokens.signMfaStep(user.id, user.stateCode) } };
      }
      await this.users.update(user.stateCode, user.id, { ...changes, failedLogins: 0, lockedUntil: null, lastLoginAt: this.clock.now() });
      // The session records whether MFA was *done*; whether it is *required* is decided per request from the
      // current roles, so a later promotion to npc or admin asks this session to enrol.
      const tokens = await this.startSession(user, false, clientIp);
      this.trail.record(user, { action: 'auth.login', targetType: 'user', targetId: user.id, details: { mfaRequired: false } });
      return { ok: true, value: { mfaRequired: false, ...tokens } };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** Second step of a login with MFA: the code from the authenticator, once. */
  async completeMfa(mfaToken: string, code: string, clientIp: string | null): Promise<TokensDto> {
    const step = this.tokens.verifyMfaStep(mfaToken);
    const outcome = await this.db.inState(step.st, async (): Promise<Outcome<TokensDto>> => {
      const user = await this.users.findByIdForUpdate(step.st, step.sub);
      if (!user || !user.mfaSecret || user.disabledAt || this.passwordCheck.isLocked(user)) {
        if (user) this.trail.record(user, { action: 'auth.mfa', outcome: 'denied', targetType: 'user', targetId: user.id, details: { reason: 'locked_or_disabled' } });
        return { ok: false, error: invalidCredentials() };
      }
      let secret: string;
      try {
        secret = this.mfaSecrets.open(user, 'mfa_secret', user.mfaSecret);
      } catch (error) {
        // A secret that does not open (moved, altered, under an unknown key): refused, recorded, a bare 500.
        if (!(error instanceof DecryptionError)) throw error;
        this.trail.record(user, { action: 'auth.mfa', outcome: 'denied', targetType: 'user', targetId: user.id, details: { reason: 'secret_unreadable' } });
        return { ok: false, error };
      }
      const matched = this.totp.matchingStep(secret, code);
      if (matched === null || (user.mfaLastStep !== null && matched <= Number(user.mfaLastStep))) {
        await this.passwordCheck.recordFailure(user, 'auth.mfa', 'wrong_code');
        return { ok: false, error: new UnauthorizedError('MFA_CODE_INVALID', 'The code is wrong, expired or already used') };
      }
      await this.users.update(user.stateCode, user.id, { mfaLastStep: String(matched), failedLogins: 0, lockedUntil: null, lastLoginAt: this.clock.now() });
      this.trail.record(user, { action: 'auth.mfa', targetType: 'user', targetId: user.id });
      return { ok: true, value: await this.startSession(user, true, clientIp) };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** Rotates a refresh token. Presenting one already used revokes its whole session (family). */
  async refresh(refreshToken: string): Promise<TokensDto> {
    const { sessionId, hash } = this.tokens.parseRefreshToken(refreshToken);
    const stateCode = await this.db.withoutState(() => this.sessions.findStateOfSession(sessionId));
    if (!stateCode) throw new UnauthorizedError('REFRESH_TOKEN_INVALID', 'The refresh token is invalid');
    const outcome = await this.db.inState(stateCode, async (): Promise<Outcome<TokensDto>> => {
      const session = await this.sessions.findSessionForUpdate(sessionId);
      const stored = await this.sessions.findRefreshTokenForUpdate(hash);
      if (!session || !stored || stored.sessionId !== session.id) {
        return { ok: false, error: new UnauthorizedError('REFRESH_TOKEN_INVALID', 'The refresh token is invalid') };
      }
      const now = this.clock.now();
      const actor = { id: session.userId, stateCode };
      if (stored.usedAt) {
        await this.sessions.revokeSession(session.id, 'refresh_token_reuse', now);
        this.trail.record(actor, { action: 'auth.refresh', outcome: 'denied', targetType: 'session', targetId: session.id, details: { reason: 'refresh_token_reuse', sessionRevoked: true } });
        return { ok: false, error: new UnauthorizedError('REFRESH_TOKEN_REUSED', 'This refresh token was already used; the session is revoked') };
      }
      const user = await this.users.findById(stateCode, session.userId);
      if (!user || user.disabledAt || !this.isSessionLive(session, now)) {
        await this.sessions.revokeSession(session.id, 'expired', now);
        this.trail.record(actor, { action: 'auth.refresh', outcome: 'denied', targetType: 'session', targetId: session.id, details: { reason: 'session_ended', sessionRevoked: true } });
        return { ok: false, error: sessionEnded() };
      }
      await this.sessions.markRefreshTokenUsed(stored.id, now);
      await this.sessions.touchSession(session.id, now);
      this.trail.record(actor, { action: 'auth.refresh', targetType: 'session', targetId: session.id });
      return { ok: true, value: await this.issueTokens(user, session.id, session.expiresAt, session.mfaSatisfied) };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** A signed token's claims: well formed and not expired (no database needed). */
  checkAccessClaims(payload: AccessTokenPayload): AccessTokenPayload {
    if (typeof payload.exp !== 'number' || payload.exp <= this.clock.nowSeconds()) {
      throw new UnauthorizedError('TOKEN_EXPIRED', 'The access token has expired; refresh it');
    }
    if (typeof payload.st !== 'string' || typeof payload.sid !== 'string' || typeof payload.sub !== 'string' || !STATE_CODE.test(payload.st) || !UUID.test(payload.sid) || !UUID.test(payload.sub)) {
      throw new UnauthorizedError();
    }
    return payload;
  }

  /**
   * Runs `work` for the caller of a verified access token, in the request's transaction scoped to the
   * token's State, once the session behind the token is found live and its user read afresh (roles,
   * disabled): the session is read in the same round trip as the transaction's start.
   */
  withAccess<T>(payload: AccessTokenPayload, work: (user: AuthUser) => Promise<T>): Promise<T> {
    return this.sessions.inStateWithSession(payload.st, payload.sid, payload.sub, async (access) => {
      const now = this.clock.now();
      if (!access || !this.isSessionLive(access.session, now)) throw sessionEnded();
      const { session, user } = access;
      if (user.stateCode !== payload.st || user.disabledAt) throw sessionEnded();
      // A session opened without MFA before the account enabled it (one a login opened while MFA was being
      // confirmed elsewhere escapes confirmMfa's revocation): it logs in again, with a code.
      if (!session.mfaSatisfied && user.mfaEnabledAt && this.requiresMfa(user)) throw sessionEnded();
      // Often enough that a session in use never looks idle, however short SESSION_IDLE_TIMEOUT_SECONDS is.
      if (now.getTime() - session.lastActivityAt.getTime() > Math.min(ACTIVITY_WRITE_INTERVAL_MS, this.config.SESSION_IDLE_TIMEOUT_SECONDS * 250)) {
        // Once this request has committed and given its connection back, in a short transaction of its own:
        // a long request (an import) never holds the session's row, which every other request of the
        // session (progress polls, refresh, logout) writes too, and no request needs two connections at once.
        // Best effort: if it fails, the session's next request records its activity.
        this.db.afterCommit(() => {
          this.db.inState(user.stateCode, () => this.sessions.touchSession(session.id, now)).catch(() => undefined);
        });
      }
      return work({
        id: user.id,
        stateCode: user.stateCode,
        name: user.displayName || user.username,
        roles: user.roles,
        sessionId: session.id,
        mfaSatisfied: session.mfaSatisfied || !this.requiresMfa(user),
      });
    });
  }

  async logout(actor: AuthUser): Promise<void> {
    await this.sessions.revokeSession(actor.sessionId, 'logout', this.clock.now());
  }

  async me(actor: AuthUser): Promise<MeDto> {
    const user = await this.users.findById(actor.stateCode, actor.id);
    const session = await this.sessions.findSession(actor.sessionId, actor.id);
    if (!user || !session) throw sessionEnded();
    const state = await this.states.get(user.stateCode);
    return Object.assign(new MeDto(), {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      stateCode: user.stateCode,
      stateName: state.name,
      roles: user.roles,
      agency: user.agency,
      mfaEnabled: user.mfaEnabledAt !== null,
      mfaRequired: this.requiresMfa(user),
      sessionExpiresAt: session.expiresAt.toISOString(),
    });
  }

  /** Issues a new TOTP secret, pending until confirmed with a code. */
  /**
   * A second factor is enrolled only with the account's password, asked again: a stolen access token alone
   * would otherwise enrol the thief's device, and lock the owner out of their next login. A wrong password
   * counts as a failed login, committed with the refusal in this request's own transaction (CommittedRefusal:
   * no second connection), and the lockout applies.
   */
  async enrollMfa(actor: AuthUser, password: string): Promise<MfaEnrollmentDto> {
    await this.passwordCheck.assertOwnPassword(actor, password, 'auth.mfa_enroll', 'a second factor is enrolled with the account\'s password');
    const user = await this.users.findByIdForUpdate(actor.stateCode, actor.id);
    if (!user) throw sessionEnded();
    if (user.mfaEnabledAt) throw new ConflictError('MFA_ALREADY_ENABLED', 'MFA is already enabled for this account');
    const secret = this.totp.newSecret();
    const { sealed, dataKey } = this.mfaSecrets.seal(user, 'mfa_pending_secret', secret);
    await this.users.update(user.stateCode, user.id, { mfaPendingSecret: sealed, dataKey });
    return { secret, otpauthUri: this.totp.uri(secret, `${user.username} (${user.stateCode})`) };
  }

  async confirmMfa(actor: AuthUser, code: string): Promise<void> {
    const user = await this.users.findByIdForUpdate(actor.stateCode, actor.id);
    if (!user) throw sessionEnded();
    if (user.mfaEnabledAt) throw new ConflictError('MFA_ALREADY_ENABLED', 'MFA is already enabled for this account');
    if (!user.mfaPendingSecret) throw new ConflictError('MFA_NOT_ENROLLING', 'Call POST /auth/mfa/enroll first');
    const secret = this.mfaSecrets.open(user, 'mfa_pending_secret', user.mfaPendingSecret);
    const matched = this.totp.matchingStep(secret, code);
    if (matched === null) throw new AppError(400, 'MFA_CODE_INVALID', 'The code does not match the secret; check the device clock');
    await this.users.update(user.stateCode, user.id, {
      mfaSecret: this.mfaSecrets.seal(user, 'mfa_secret', secret).sealed,
      mfaPendingSecret: null,
      mfaEnabledAt: this.clock.now(),
      mfaLastStep: String(matched),
    });
    await this.sessions.markMfaSatisfied(actor.sessionId);
    // Another session opened before, without MFA, could do nothing more (enrolment is done, MFA is owed, by
    // every account not exempt once it has enabled MFA, whatever its roles): it ends, and its device logs in
    // again with a code.
    if (!user.mfaExempt) await this.sessions.revokeOthersWithoutMfa(user.id, actor.sessionId, 'mfa_enabled', this.clock.now());
  }

  requiresMfa(user: Pick<UserEntity, 'mfaExempt' | 'mfaEnabledAt' | 'roles'>): boolean {
    if (user.mfaExempt) return false;
    return user.mfaEnabledAt !== null || user.roles.some((role) => this.config.MFA_REQUIRED_ROLES.includes(role));
  }


  private isSessionLive(session: { revokedAt: Date | null; expiresAt: Date; lastActivityAt: Date }, now: Date): boolean {
    if (session.revokedAt || session.expiresAt <= now) return false;
    return now.getTime() - session.lastActivityAt.getTime() <= this.config.SESSION_IDLE_TIMEOUT_SECONDS * 1000;
  }

  private async startSession(user: UserEntity, mfaSatisfied: boolean, clientIp: string | null): Promise<TokensDto> {
    const now = this.clock.now();
    const session = await this.sessions.insertSession({
      stateCode: user.stateCode,
      userId: user.id,
      mfaSatisfied,
      createdAt: now,
      lastActivityAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_TIMEOUT_SECONDS * 1000),
      clientIp,
    });
    return this.issueTokens(user, session.id, session.expiresAt, mfaSatisfied);
  }

  private async issueTokens(user: UserEntity, sessionId: string, sessionExpiresAt: Date, mfaSatisfied: boolean): Promise<TokensDto> {
    const now = this.clock.now();
    const refresh = this.tokens.newRefreshToken(sessionId);
    await this.sessions.insertRefreshToken({ stateCode: user.stateCode, sessionId, tokenHash: refresh.hash, createdAt: now });
    const exp = Math.min(this.clock.nowSeconds() + this.config.ACCESS_TOKEN_TTL_SECONDS, Math.floor(sessionExpiresAt.getTime() / 1000));
    const accessToken = this.tokens.signAccess({ sub: user.id, st: user.stateCode, sid: sessionId, roles: user.roles, exp });
    return {
      accessToken,
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: exp - this.clock.nowSeconds(),
      mfaEnrollmentRequired: !mfaSatisfied && this.requiresMfa(user) && user.mfaEnabledAt === null,
    };
  }
}
