import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';
import type { UserEntity } from '../users/entities/user.entity';
import { UUID } from '../common/uuid';
import { AuthSessionEntity } from './entities/auth-session.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';

/** A session with its user, as each authenticated request reads them. */
export interface SessionAccess {
  session: Pick<AuthSessionEntity, 'id' | 'mfaSatisfied' | 'lastActivityAt' | 'expiresAt' | 'revokedAt'>;
  user: Pick<UserEntity, 'id' | 'stateCode' | 'username' | 'displayName' | 'roles' | 'disabledAt' | 'mfaExempt' | 'mfaEnabledAt'>;
}

interface AccessRow {
  session_id: string;
  mfa_satisfied: boolean;
  last_activity_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  user_id: string;
  state_code: string;
  username: string;
  display_name: string;
  roles: UserEntity['roles'];
  disabled_at: Date | null;
  mfa_exempt: boolean;
  mfa_enabled_at: Date | null;
}

function accessOf(r: AccessRow): SessionAccess {
  return {
    session: { id: r.session_id, mfaSatisfied: r.mfa_satisfied, lastActivityAt: r.last_activity_at, expiresAt: r.expires_at, revokedAt: r.revoked_at },
    user: {
      id: r.user_id, stateCode: r.state_code, username: r.username, displayName: r.display_name, roles: r.roles, disabledAt: r.disabled_at,
      mfaExempt: r.mfa_exempt, mfaEnabledAt: r.mfa_enabled_at,
    },
  };
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Db) {}

  /** Before the State is known: the State of a session, through the SECURITY DEFINER look-up. */
  async findStateOfSession(sessionId: string): Promise<string | null> {
    const rows: { state: string | null }[] = await this.db.manager.query('SELECT auth_session_state($1) AS state', [sessionId]);
    return rows[0]?.state ?? null;
  }

  insertSession(session: Partial<AuthSessionEntity>): Promise<AuthSessionEntity> {
    const repository = this.db.repository(AuthSessionEntity);
    return repository.save(repository.create(session));
  }

  findSession(id: string, userId: string): Promise<AuthSessionEntity | null> {
    return this.db.repository(AuthSessionEntity).findOneBy({ id, userId });
  }

  /**
   * Runs `work` in a transaction scoped to `stateCode` that starts by reading session `sessionId` of user
   * `userId` with its user, through auth_access() in the same round trip as the transaction's start (every
   * authenticated request does this first); `work` gets null when there is no such session.
   */
  async inStateWithSession<T>(stateCode: string, sessionId: string, userId: string, work: (access: SessionAccess | null) => Promise<T>): Promise<T> {
    // Written into the opening statement (quoted): only ids of the UUID form, a verified token's, are taken.
    if (!UUID.test(sessionId) || !UUID.test(userId)) throw new Error('A session and its user are named by UUIDs');
    return this.db.inStateOpening(stateCode, { fn: 'auth_access', args: [sessionId, userId] }, (rows) => work(rows[0] ? accessOf(rows[0] as unknown as AccessRow) : null));
  }

  findSessionForUpdate(id: string): Promise<AuthSessionEntity | null> {
    return this.db.repository(AuthSessionEntity).createQueryBuilder('s').where('s.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /**
   * Records the session's activity, unless another transaction holds its row (a refresh or a logout of
   * the same session, which ends it soon): a request never waits on its session's row for that.
   */
  async touchSession(id: string, at: Date): Promise<void> {
    await this.db.manager.query(
      'UPDATE auth_sessions SET last_activity_at = $2 WHERE id = (SELECT id FROM auth_sessions WHERE id = $1 FOR UPDATE SKIP LOCKED)',
      [id, at],
    );
  }

  async markMfaSatisfied(id: string): Promise<void> {
    await this.db.repository(AuthSessionEntity).update({ id }, { mfaSatisfied: true });
  }

  async revokeSession(id: string, reason: string, at: Date): Promise<void> {
    await this.db.repository(AuthSessionEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: at, revokedReason: reason })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
  }

  async revokeAllOfUser(userId: string, reason: string, at: Date): Promise<void> {
    await this.db.repository(AuthSessionEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: at, revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }

  /** Ends the user's other live sessions that did not pass MFA (the account now has it: they would be stuck). */
  async revokeOthersWithoutMfa(userId: string, keptId: string, reason: string, at: Date): Promise<void> {
    await this.db.repository(AuthSessionEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: at, revokedReason: reason })
      .where('user_id = :userId AND id <> :keptId AND revoked_at IS NULL AND NOT mfa_satisfied', { userId, keptId })
      .execute();
  }

  /** Deletes up to `batch` of the State's sessions that ended (revoked, or past their absolute end) before `before`, with their refresh tokens; returns how many. */
  async purgeEnded(stateCode: string, before: Date, batch: number): Promise<number> {
    const rows: unknown[] = await this.db.manager.query(
      `DELETE FROM auth_sessions WHERE id IN (
         SELECT id FROM auth_sessions WHERE state_code = $1 AND least(revoked_at, expires_at) < $2 LIMIT $3 FOR UPDATE SKIP LOCKED
       ) RETURNING id`,
      [stateCode, before, batch],
    );
    return rows.length;
  }

  async insertRefreshToken(token: Partial<RefreshTokenEntity>): Promise<void> {
    await this.db.repository(RefreshTokenEntity).insert(token);
  }

  findRefreshTokenForUpdate(hash: string): Promise<RefreshTokenEntity | null> {
    return this.db.repository(RefreshTokenEntity).createQueryBuilder('t').where('t.token_hash = :hash', { hash }).setLock('pessimistic_write').getOne();
  }

  async markRefreshTokenUsed(id: string, at: Date): Promise<void> {
    await this.db.repository(RefreshTokenEntity).update({ id }, { usedAt: at });
  }
}
