"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthService = void 0;
const common_1 = require("@nestjs/common");
const audit_trail_1 = require("../audit/audit-trail");
const clock_1 = require("../common/clock");
const envelope_1 = require("../common/encryption/envelope");
const app_error_1 = require("../common/errors/app-error");
const app_config_1 = require("../config/app-config");
const db_1 = require("../database/db");
const states_service_1 = require("../states/states.service");
const password_hasher_1 = require("../users/password-hasher");
const users_repository_1 = require("../users/users.repository");
const auth_tokens_1 = require("./auth-tokens");
const uuid_1 = require("../common/uuid");
const auth_dto_1 = require("./dto/auth.dto");
const mfa_secrets_1 = require("./mfa-secrets");
const sessions_repository_1 = require("./sessions.repository");
const totp_1 = require("./totp");
/** One answer for an unknown user, a wrong password, a disabled or a locked account: nothing to enumerate. */
const invalidCredentials = () => new app_error_1.UnauthorizedError('INVALID_CREDENTIALS', 'Invalid user name or password, or the account is locked');
const sessionEnded = () => new app_error_1.UnauthorizedError('SESSION_EXPIRED', 'The session has ended; log in again');
const ACTIVITY_WRITE_INTERVAL_MS = 60_000;
let AuthService = class AuthService {
    constructor(db, users, sessions, passwords, tokens, totp, mfaSecrets, states, clock, trail, config) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.tokens = tokens;
        this.totp = totp;
        this.mfaSecrets = mfaSecrets;
        this.states = states;
        this.clock = clock;
        this.trail = trail;
        this.config = config;
    }
    async login(username, password, clientIp) {
        const name = username.trim().toLowerCase();
        const stateCode = await this.db.withoutState(() => this.users.findStateOfUsername(name));
        if (!stateCode) {
            await this.passwords.verifyAgainstDummy(password);
            throw invalidCredentials();
        }
        const outcome = await this.db.inState(stateCode, async () => {
            const user = await this.users.findByUsernameForUpdate(stateCode, name);
            if (!user) {
                await this.passwords.verifyAgainstDummy(password);
                return { ok: false, error: invalidCredentials() };
            }
            const valid = await this.passwords.verify(user.passwordHash, password);
            if (user.disabledAt || this.isLocked(user)) {
                this.trail.record(user, { action: 'auth.login', outcome: 'denied', targetType: 'user', targetId: user.id, details: { reason: user.disabledAt ? 'disabled' : 'locked' } });
                return { ok: false, error: invalidCredentials() };
            }
            if (!valid) {
                await this.recordFailure(user, 'auth.login', 'wrong_password');
                return { ok: false, error: invalidCredentials() };
            }
            const changes = {};
            if (this.passwords.needsRehash(user.passwordHash))
                changes.passwordHash = await this.passwords.hash(password);
            if (user.mfaEnabledAt && !user.mfaExempt) {
                // Failures are reset only when the second factor succeeds too: wrong MFA codes keep counting.
                if (changes.passwordHash)
                    await this.users.update(user.stateCode, user.id, changes);
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
        if (!outcome.ok)
            throw outcome.error;
        return outcome.value;
    }
    /** Second step of a login with MFA: the code from the authenticator, once. */
    async completeMfa(mfaToken, code, clientIp) {
        const step = this.tokens.verifyMfaStep(mfaToken);
        const outcome = await this.db.inState(step.st, async () => {
            const user = await this.users.findByIdForUpdate(step.st, step.sub);
            if (!user || !user.mfaSecret || user.disabledAt || this.isLocked(user)) {
                if (user)
                    this.trail.record(user, { action: 'auth.mfa', outcome: 'denied', targetType: 'user', targetId: user.id, details: { reason: 'locked_or_disabled' } });
                return { ok: false, error: invalidCredentials() };
            }
            let secret;
            try {
                secret = this.mfaSecrets.open(user, 'mfa_secret', user.mfaSecret);
            }
            catch (error) {
                // A secret that does not open (moved, altered, under an unknown key): refused, recorded, a bare 500.
                if (!(error instanceof envelope_1.DecryptionError))
                    throw error;
                this.trail.record(user, { action: 'auth.mfa', outcome: 'denied', targetType: 'user', targetId: user.id, details: { reason: 'secret_unreadable' } });
                return { ok: false, error };
            }
            const matched = this.totp.matchingStep(secret, code);
            if (matched === null || (user.mfaLastStep !== null && matched <= Number(user.mfaLastStep))) {
                await this.recordFailure(user, 'auth.mfa', 'wrong_code');
                return { ok: false, error: new app_error_1.UnauthorizedError('MFA_CODE_INVALID', 'The code is wrong, expired or already used') };
            }
            await this.users.update(user.stateCode, user.id, { mfaLastStep: String(matched), failedLogins: 0, lockedUntil: null, lastLoginAt: this.clock.now() });
            this.trail.record(user, { action: 'auth.mfa', targetType: 'user', targetId: user.id });
            return { ok: true, value: await this.startSession(user, true, clientIp) };
        });
        if (!outcome.ok)
            throw outcome.error;
        return outcome.value;
    }
    /** Rotates a refresh token. Presenting one already used revokes its whole session (family). */
    async refresh(refreshToken) {
        const { sessionId, hash } = this.tokens.parseRefreshToken(refreshToken);
        const stateCode = await this.db.withoutState(() => this.sessions.findStateOfSession(sessionId));
        if (!stateCode)
            throw new app_error_1.UnauthorizedError('REFRESH_TOKEN_INVALID', 'The refresh token is invalid');
        const outcome = await this.db.inState(stateCode, async () => {
            const session = await this.sessions.findSessionForUpdate(sessionId);
            const stored = await this.sessions.findRefreshTokenForUpdate(hash);
            if (!session || !stored || stored.sessionId !== session.id) {
                return { ok: false, error: new app_error_1.UnauthorizedError('REFRESH_TOKEN_INVALID', 'The refresh token is invalid') };
            }
            const now = this.clock.now();
            const actor = { id: session.userId, stateCode };
            if (stored.usedAt) {
                await this.sessions.revokeSession(session.id, 'refresh_token_reuse', now);
                this.trail.record(actor, { action: 'auth.refresh', outcome: 'denied', targetType: 'session', targetId: session.id, details: { reason: 'refresh_token_reuse', sessionRevoked: true } });
                return { ok: false, error: new app_error_1.UnauthorizedError('REFRESH_TOKEN_REUSED', 'This refresh token was already used; the session is revoked') };
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
        if (!outcome.ok)
            throw outcome.error;
        return outcome.value;
    }
    /** A signed token's claims: well formed and not expired (no database needed). */
    checkAccessClaims(payload) {
        if (typeof payload.exp !== 'number' || payload.exp <= this.clock.nowSeconds()) {
            throw new app_error_1.UnauthorizedError('TOKEN_EXPIRED', 'The access token has expired; refresh it');
        }
        if (typeof payload.st !== 'string' || typeof payload.sid !== 'string' || typeof payload.sub !== 'string' || !db_1.STATE_CODE.test(payload.st) || !uuid_1.UUID.test(payload.sid) || !uuid_1.UUID.test(payload.sub)) {
            throw new app_error_1.UnauthorizedError();
        }
        return payload;
    }
    /**
     * Runs `work` for the caller of a verified access token, in the request's transaction scoped to the
     * token's State, once the session behind the token is found live and its user read afresh (roles,
     * disabled): the session is read in the same round trip as the transaction's start.
     */
    withAccess(payload, work) {
        return this.sessions.inStateWithSession(payload.st, payload.sid, payload.sub, async (access) => {
            const now = this.clock.now();
            if (!access || !this.isSessionLive(access.session, now))
                throw sessionEnded();
            const { session, user } = access;
            if (user.stateCode !== payload.st || user.disabledAt)
                throw sessionEnded();
            if (now.getTime() - session.lastActivityAt.getTime() > ACTIVITY_WRITE_INTERVAL_MS) {
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
    async logout(actor) {
        await this.sessions.revokeSession(actor.sessionId, 'logout', this.clock.now());
    }
    async me(actor) {
        const user = await this.users.findById(actor.stateCode, actor.id);
        const session = await this.sessions.findSession(actor.sessionId, actor.id);
        if (!user || !session)
            throw sessionEnded();
        const state = await this.states.get(user.stateCode);
        return Object.assign(new auth_dto_1.MeDto(), {
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
     * counts as a failed login (committed on its own, once this request has failed and given its connection
     * back: a second connection held meanwhile would let a few such requests at once take the whole pool and
     * wait for ever) and the lockout applies.
     */
    async enrollMfa(actor, password) {
        const current = await this.users.findById(actor.stateCode, actor.id);
        if (!current)
            throw sessionEnded();
        if (this.isLocked(current))
            throw new app_error_1.ForbiddenError('ACCOUNT_LOCKED', 'Too many wrong passwords: try again later');
        if (!(await this.passwords.verify(current.passwordHash, password))) {
            this.db.afterRollback(() => this.db.inState(actor.stateCode, async () => {
                const user = await this.users.findByIdForUpdate(actor.stateCode, actor.id);
                if (user)
                    await this.recordFailure(user, 'auth.mfa_enroll', 'wrong_password');
            }));
            throw new app_error_1.ForbiddenError('PASSWORD_INCORRECT', 'The password does not match: a second factor is enrolled with the account\'s password');
        }
        const user = await this.users.findByIdForUpdate(actor.stateCode, actor.id);
        if (!user)
            throw sessionEnded();
        if (user.mfaEnabledAt)
            throw new app_error_1.ConflictError('MFA_ALREADY_ENABLED', 'MFA is already enabled for this account');
        const secret = this.totp.newSecret();
        const { sealed, dataKey } = this.mfaSecrets.seal(user, 'mfa_pending_secret', secret);
        await this.users.update(user.stateCode, user.id, { mfaPendingSecret: sealed, dataKey });
        return { secret, otpauthUri: this.totp.uri(secret, `${user.username} (${user.stateCode})`) };
    }
    async confirmMfa(actor, code) {
        const user = await this.users.findByIdForUpdate(actor.stateCode, actor.id);
        if (!user)
            throw sessionEnded();
        if (user.mfaEnabledAt)
            throw new app_error_1.ConflictError('MFA_ALREADY_ENABLED', 'MFA is already enabled for this account');
        if (!user.mfaPendingSecret)
            throw new app_error_1.ConflictError('MFA_NOT_ENROLLING', 'Call POST /auth/mfa/enroll first');
        const secret = this.mfaSecrets.open(user, 'mfa_pending_secret', user.mfaPendingSecret);
        const matched = this.totp.matchingStep(secret, code);
        if (matched === null)
            throw new app_error_1.AppError(400, 'MFA_CODE_INVALID', 'The code does not match the secret; check the device clock');
        await this.users.update(user.stateCode, user.id, {
            mfaSecret: this.mfaSecrets.seal(user, 'mfa_secret', secret).sealed,
            mfaPendingSecret: null,
            mfaEnabledAt: this.clock.now(),
            mfaLastStep: String(matched),
        });
        await this.sessions.markMfaSatisfied(actor.sessionId);
    }
    requiresMfa(user) {
        if (user.mfaExempt)
            return false;
        return user.mfaEnabledAt !== null || user.roles.some((role) => this.config.MFA_REQUIRED_ROLES.includes(role));
    }
    isLocked(user) {
        return user.lockedUntil !== null && user.lockedUntil > this.clock.now();
    }
    async recordFailure(user, action, reason) {
        const failures = user.failedLogins + 1;
        const locked = failures >= this.config.LOCKOUT_THRESHOLD;
        this.trail.record(user, { action, outcome: 'failure', targetType: 'user', targetId: user.id, details: { reason, accountLocked: locked } });
        if (locked) {
            const lockedUntil = new Date(this.clock.now().getTime() + this.config.LOCKOUT_SECONDS * 1000);
            await this.users.update(user.stateCode, user.id, { failedLogins: 0, lockedUntil });
        }
        else {
            await this.users.update(user.stateCode, user.id, { failedLogins: failures });
        }
    }
    isSessionLive(session, now) {
        if (session.revokedAt || session.expiresAt <= now)
            return false;
        return now.getTime() - session.lastActivityAt.getTime() <= this.config.SESSION_IDLE_TIMEOUT_SECONDS * 1000;
    }
    async startSession(user, mfaSatisfied, clientIp) {
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
    async issueTokens(user, sessionId, sessionExpiresAt, mfaSatisfied) {
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
};
exports.AuthService = AuthService;
exports.AuthService = AuthService = __decorate([
    (0, common_1.Injectable)(),
    __param(10, (0, common_1.Inject)(app_config_1.AppConfig)),
    __metadata("design:paramtypes", [db_1.Db,
        users_repository_1.UsersRepository,
        sessions_repository_1.SessionsRepository,
        password_hasher_1.PasswordHasher,
        auth_tokens_1.AuthTokens,
        totp_1.Totp,
        mfa_secrets_1.MfaSecrets,
        states_service_1.StatesService,
        clock_1.Clock,
        audit_trail_1.AuditTrail,
        app_config_1.AppConfig])
], AuthService);
//# sourceMappingURL=auth.service.js.map