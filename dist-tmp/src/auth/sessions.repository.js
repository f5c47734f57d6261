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
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionsRepository = void 0;
const common_1 = require("@nestjs/common");
const db_1 = require("../database/db");
const uuid_1 = require("../common/uuid");
const auth_session_entity_1 = require("./entities/auth-session.entity");
const refresh_token_entity_1 = require("./entities/refresh-token.entity");
function accessOf(r) {
    return {
        session: { id: r.session_id, mfaSatisfied: r.mfa_satisfied, lastActivityAt: r.last_activity_at, expiresAt: r.expires_at, revokedAt: r.revoked_at },
        user: {
            id: r.user_id, stateCode: r.state_code, username: r.username, displayName: r.display_name, roles: r.roles, disabledAt: r.disabled_at,
            mfaExempt: r.mfa_exempt, mfaEnabledAt: r.mfa_enabled_at,
        },
    };
}
let SessionsRepository = class SessionsRepository {
    constructor(db) {
        this.db = db;
    }
    /** Before the State is known: the State of a session, through the SECURITY DEFINER look-up. */
    async findStateOfSession(sessionId) {
        const rows = await this.db.manager.query('SELECT auth_session_state($1) AS state', [sessionId]);
        return rows[0]?.state ?? null;
    }
    insertSession(session) {
        const repository = this.db.repository(auth_session_entity_1.AuthSessionEntity);
        return repository.save(repository.create(session));
    }
    findSession(id, userId) {
        return this.db.repository(auth_session_entity_1.AuthSessionEntity).findOneBy({ id, userId });
    }
    /**
     * Runs `work` in a transaction scoped to `stateCode` that starts by reading session `sessionId` of user
     * `userId` with its user, through auth_access() in the same round trip as the transaction's start (every
     * authenticated request does this first); `work` gets null when there is no such session.
     */
    async inStateWithSession(stateCode, sessionId, userId, work) {
        // Written into the opening statement (quoted): only ids of the UUID form, a verified token's, are taken.
        if (!uuid_1.UUID.test(sessionId) || !uuid_1.UUID.test(userId))
            throw new Error('A session and its user are named by UUIDs');
        return this.db.inStateOpening(stateCode, { fn: 'auth_access', args: [sessionId, userId] }, (rows) => work(rows[0] ? accessOf(rows[0]) : null));
    }
    findSessionForUpdate(id) {
        return this.db.repository(auth_session_entity_1.AuthSessionEntity).createQueryBuilder('s').where('s.id = :id', { id }).setLock('pessimistic_write').getOne();
    }
    /**
     * Records the session's activity, unless another transaction holds its row (a refresh or a logout of
     * the same session, which ends it soon): a request never waits on its session's row for that.
     */
    async touchSession(id, at) {
        await this.db.manager.query('UPDATE auth_sessions SET last_activity_at = $2 WHERE id = (SELECT id FROM auth_sessions WHERE id = $1 FOR UPDATE SKIP LOCKED)', [id, at]);
    }
    async markMfaSatisfied(id) {
        await this.db.repository(auth_session_entity_1.AuthSessionEntity).update({ id }, { mfaSatisfied: true });
    }
    async revokeSession(id, reason, at) {
        await this.db.repository(auth_session_entity_1.AuthSessionEntity)
            .createQueryBuilder()
            .update()
            .set({ revokedAt: at, revokedReason: reason })
            .where('id = :id AND revoked_at IS NULL', { id })
            .execute();
    }
    async revokeAllOfUser(userId, reason, at) {
        await this.db.repository(auth_session_entity_1.AuthSessionEntity)
            .createQueryBuilder()
            .update()
            .set({ revokedAt: at, revokedReason: reason })
            .where('user_id = :userId AND revoked_at IS NULL', { userId })
            .execute();
    }
    async insertRefreshToken(token) {
        await this.db.repository(refresh_token_entity_1.RefreshTokenEntity).insert(token);
    }
    findRefreshTokenForUpdate(hash) {
        return this.db.repository(refresh_token_entity_1.RefreshTokenEntity).createQueryBuilder('t').where('t.token_hash = :hash', { hash }).setLock('pessimistic_write').getOne();
    }
    async markRefreshTokenUsed(id, at) {
        await this.db.repository(refresh_token_entity_1.RefreshTokenEntity).update({ id }, { usedAt: at });
    }
};
exports.SessionsRepository = SessionsRepository;
exports.SessionsRepository = SessionsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], SessionsRepository);
//# sourceMappingURL=sessions.repository.js.map