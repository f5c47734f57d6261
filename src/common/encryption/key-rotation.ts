import { Inject, Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { DataKeysRepository, SEALED_TABLES, SealedTable } from './data-keys.repository';
import { DecryptionError, Envelope } from './envelope';

const BATCH = 500;
/** Ids of the records whose key could not be unwrapped a report names, per table (it counts them all). */
const UNREADABLE_NAMED = 100;

export interface RotationReport {
  activeKekId: string;
  rewrapped: Record<string, number>;
  /** Records still under another key after the run (written meanwhile by a service that had not seen the new key): run again before retiring a key. */
  remaining: Record<string, number>;
  /**
   * Records whose data key no key of the keyring unwraps (restored from a backup wrapped under a key since
   * removed, or damaged): left as they are, and named (the first ids), so that the rest is re-wrapped all the same.
   */
  unreadable: Record<string, { count: number; rowIds: string[] }>;
}

/**
 * Re-wraps every data key still wrapped by an older key-encryption key under the active one, State by
 * State in small transactions, while the service runs: ciphertexts are untouched, and a row changed
 * meanwhile is simply compared and swapped (its old wrapped key must still be the one read).
 */
@Injectable()
export class KeyRotation {
  constructor(
    private readonly db: Db,
    private readonly dataKeys: DataKeysRepository,
    @Inject(Envelope) private readonly envelope: Envelope,
  ) {}

  async rewrapAll(stateCodes: string[]): Promise<RotationReport> {
    const active = this.envelope.activeKekId();
    const rewrapped: Record<string, number> = {};
    const remaining: Record<string, number> = {};
    const unreadable: Record<string, { count: number; rowIds: string[] }> = {};
    for (const table of Object.keys(SEALED_TABLES) as SealedTable[]) {
      rewrapped[table] = 0;
      const failed = (unreadable[table] = { count: 0, rowIds: [] as string[] });
      for (const stateCode of stateCodes) {
        let after: string | null = null;
        for (;;) {
          const batch: { read: number; last: string | null } = await this.db.inState(stateCode, async () => {
            const rows = await this.dataKeys.wrappedUnder(table, stateCode, active, BATCH, after);
            for (const row of rows) {
              let next;
              try {
                // Under the key the run started with, even if another rotation lands meanwhile: each row moves once.
                next = this.envelope.rewrap({ stateCode, table, rowId: row.rowId }, row.wrapped, active);
              } catch (error) {
                if (!(error instanceof DecryptionError)) throw error;
                failed.count += 1;
                if (failed.rowIds.length < UNREADABLE_NAMED) failed.rowIds.push(row.rowId);
                continue;
              }
              // A record changed since it was read keeps what it was changed to (counted in `remaining` if still under an older key).
              if (await this.dataKeys.replace(table, stateCode, row.rowId, row.wrapped.wrapped, next)) rewrapped[table] += 1;
            }
            return { read: rows.length, last: rows.at(-1)?.rowId ?? null };
          });
          after = batch.last;
          if (batch.read < BATCH) break;
        }
      }
      remaining[table] = 0;
      for (const stateCode of stateCodes) {
        remaining[table] += await this.db.inState(stateCode, () => this.dataKeys.countNotUnder(table, stateCode, active));
      }
    }
    return { activeKekId: active, rewrapped, remaining, unreadable };
  }
}
