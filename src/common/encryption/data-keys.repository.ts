import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import type { WrappedKey } from './envelope';

/**
 * Every table with wrapped data keys (DataKeyColumns): the row id its ciphertexts are bound to, and the
 * condition that finds a row by that id ($4) through the table's primary key.
 */
export const SEALED_TABLES = {
  cases: { rowId: 'id::text', byRowId: 'id = $4::uuid' },
  traces: { rowId: 'id::text', byRowId: 'id = $4::uuid' },
  outbox_messages: { rowId: 'id::text', byRowId: 'id = $4::uuid' },
  // A user id is 36 characters: the key follows the slash at 37.
  idempotency_keys: { rowId: `user_id::text || '/' || key`, byRowId: `user_id = left($4, 36)::uuid AND key = substr($4, 38)` },
  users: { rowId: 'id::text', byRowId: 'id = $4::uuid' },
} as const;
export type SealedTable = keyof typeof SEALED_TABLES;

/** The wrapped data keys of all sealed tables, for key rotation. */
@Injectable()
export class DataKeysRepository {
  constructor(private readonly db: Db) {}

  /**
   * Up to `limit` records of the State whose data key is wrapped by another KEK than `activeKekId`, after the
   * row id `after` (the last of the batch before, whose records may have stayed as they were), in the
   * order of their ids: a batch then locks rows in the order requests do (users by id), and never deadlocks with them.
   */
  async wrappedUnder(table: SealedTable, stateCode: string, activeKekId: string, limit: number, after: string | null): Promise<{ rowId: string; wrapped: WrappedKey }[]> {
    const rows: { row_id: string; kek_id: string; data_key: Buffer }[] = await this.db.manager.query(
      `SELECT ${SEALED_TABLES[table].rowId} AS row_id, kek_id, data_key FROM ${table}
        WHERE state_code = $1 AND data_key IS NOT NULL AND kek_id <> $2 AND kek_id <> 'none' AND ($4::text IS NULL OR ${SEALED_TABLES[table].rowId} > $4)
        ORDER BY 1 LIMIT $3`,
      [stateCode, activeKekId, limit, after],
    );
    return rows.map((r) => ({ rowId: r.row_id, wrapped: { kekId: r.kek_id, wrapped: r.data_key } }));
  }

  /** How many records of the State still have their data key wrapped by another KEK than `activeKekId`. */
  async countNotUnder(table: SealedTable, stateCode: string, activeKekId: string): Promise<number> {
    const rows: { n: string }[] = await this.db.manager.query(
      `SELECT count(*) AS n FROM ${table} WHERE state_code = $1 AND data_key IS NOT NULL AND kek_id <> $2 AND kek_id <> 'none'`,
      [stateCode, activeKekId],
    );
    return Number(rows[0].n);
  }

  /** Swaps the wrapped key of one record, only if it is still the one read (compare and swap); whether it did. */
  async replace(table: SealedTable, stateCode: string, rowId: string, previous: Buffer, next: WrappedKey): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.manager.query(
      `UPDATE ${table} SET kek_id = $1, data_key = $2 WHERE state_code = $3 AND ${SEALED_TABLES[table].byRowId} AND data_key = $5`,
      [next.kekId, next.wrapped, stateCode, rowId, previous],
    );
    return affected > 0;
  }
}
