import { Inject, Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { DataKeysRepository, SEALED_TABLES, SealedTable } from './data-keys.repository';
import { Envelope } from './envelope';

const BATCH = 500;

export interface RotationReport {
  activeKekId: string;
  rewrapped: Record<string, number>;
  /** Records still under another key after the run (written meanwhile by a service that had not seen the new key): run again before retiring a key. */
  remaining: Record<string, number>;
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
    for (const table of Object.keys(SEALED_TABLES) as SealedTable[]) {
      rewrapped[table] = 0;
      for (const stateCode of stateCodes) {
        for (;;) {
          const done = await this.db.inState(stateCode, async () => {
            const rows = await this.dataKeys.wrappedUnder(table, stateCode, active, BATCH);
            for (const row of rows) {
              // Under the key the run started with, even if another rotation lands meanwhile: each row moves once.
              const next = this.envelope.rewrap({ stateCode, table, rowId: row.rowId }, row.wrapped, active);
              await this.dataKeys.replace(table, stateCode, row.rowId, row.wrapped.wrapped, next);
            }
            return rows.length;
          });
          rewrapped[table] += done;
          if (done < BATCH) break;
        }
      }
      remaining[table] = 0;
      for (const stateCode of stateCodes) {
        remaining[table] += await this.db.inState(stateCode, () => this.dataKeys.countNotUnder(table, stateCode, active));
      }
    }
    return { activeKekId: active, rewrapped, remaining };
  }
}
