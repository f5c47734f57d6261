import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import type { DataKeyColumns } from '../encryption/data-key.columns';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

/** The claim time before which a key is forgotten, `hours` (IDEMPOTENCY_KEY_HOURS) before `now`. */
export function keysForgottenBefore(now: Date, hours: number): Date {
  return new Date(now.getTime() - hours * 3_600_000);
}

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims the key in the request's transaction, or takes it over when it was claimed before
   * `expiredBefore` (a forgotten key is a new request). A concurrent request with the same key waits on
   * the unique key until this one commits or rolls back, then finds its result (or claims it in turn).
   * A replay locks the key's row too (ON CONFLICT DO UPDATE locks it even when its WHERE is false), until
   * its transaction ends: a short wait for a second replay of the same key, never a wrong answer.
   */
  async claim(stateCode: string, userId: string, key: string, requestSha256: string, at: Date, expiredBefore: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `INSERT INTO idempotency_keys (state_code, user_id, key, request_sha256, status_code, created_at) VALUES ($1, $2, $3, $4, 0, $5)
       ON CONFLICT (state_code, user_id, key) DO UPDATE
         SET request_sha256 = EXCLUDED.request_sha256, status_code = 0, response = NULL, kek_id = NULL, data_key = NULL, created_at = EXCLUDED.created_at
         WHERE idempotency_keys.created_at < $6
       RETURNING key`,
      [stateCode, userId, key, requestSha256, at, expiredBefore],
    );
    return rows.length > 0;
  }

  find(stateCode: string, userId: string, key: string): Promise<IdempotencyKeyEntity | null> {
    return this.db.repository(IdempotencyKeyEntity).findOneBy({ stateCode, userId, key });
  }

  async complete(stateCode: string, userId: string, key: string, statusCode: number, response: Buffer, dataKey: DataKeyColumns): Promise<void> {
    await this.db.repository(IdempotencyKeyEntity).update({ stateCode, userId, key }, { statusCode, response, dataKey });
  }

  /**
   * Deletes up to `batch` of the State's keys claimed before `before`, oldest first; returns how many.
   * The age is checked again on the row itself: a key that a request takes over while this waits for it
   * (its claim renewed) is kept.
   */
  async purge(stateCode: string, before: Date, batch: number): Promise<number> {
    const result = await this.db
      .repository(IdempotencyKeyEntity)
      .createQueryBuilder()
      .delete()
      .where('state_code = :stateCode AND created_at < :before', { stateCode, before })
      .andWhere('(user_id, key) IN (SELECT user_id, key FROM idempotency_keys WHERE state_code = :stateCode AND created_at < :before ORDER BY created_at LIMIT :batch)', { batch })
      .execute();
    return result.affected ?? 0;
  }
}
