import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';
import { AuthSessionEntity } from './entities/auth-session.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';

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

  /** The session with its user, in one query (every authenticated request reads both). */
  findSessionWithUser(id: string, userId: string): Promise<AuthSessionEntity | null> {
    // A query builder, not findOne with relations: that one runs two statements (ids first, then the join).
    return this.db.repository(AuthSessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.id = :id AND s.user_id = :userId', { id, userId })
      .getOne();
  }

  findSessionForUpdate(id: string): Promise<AuthSessionEntity | null> {
    return this.db.repository(AuthSessionEntity).createQueryBuilder('s').where('s.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async touchSession(id: string, at: Date): Promise<void> {
    await this.db.repository(AuthSessionEntity).update({ id }, { lastActivityAt: at });
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
