import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import type { DataKeyColumns } from '../encryption/data-key.columns';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims the key in the request's transaction. A concurrent request with the same key waits on the
   * unique key until this one commits or rolls back, then finds its result (or claims it in turn).
   */
  async claim(stateCode: string, userId: string, key: string, requestSha256: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `INSERT INTO idempotency_keys (state_code, user_id, key, request_sha256, status_code, created_at) VALUES ($1, $2, $3, $4, 0, $5)
       ON CONFLICT DO NOTHING RETURNING key`,
      [stateCode, userId, key, requestSha256, at],
    );
    return rows.length > 0;
  }

  find(stateCode: string, userId: string, key: string): Promise<IdempotencyKeyEntity | null> {
    return this.db.repository(IdempotencyKeyEntity).findOneBy({ stateCode, userId, key });
  }

  async complete(stateCode: string, userId: string, key: string, statusCode: number, response: Buffer, dataKey: DataKeyColumns): Promise<void> {
    await this.db.repository(IdempotencyKeyEntity).update({ stateCode, userId, key }, { statusCode, response, dataKey });
  }
}
