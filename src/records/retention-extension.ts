import { withClient } from '../database/database-runtime';
import { RecordClass } from './entities/record-event.entity';
import { retainUntilSql } from './retention';

/** Serialises the extension between replicas that start together (the migrations' own lock is 7316001). */
const EXTENSION_LOCK = 7316002;

/**
 * ITI 12 under the node's settings for the records already kept: every event kept less than
 * RETENTION_*_YEARS from the day it happened is kept that long, and each weapon's retention date follows; a
 * date already later stays, so a shorter setting moves nothing (a record keeps the longest retention it was
 * ever given). Runs as the owner at every start, after the migrations, in one transaction (an advisory lock):
 * the last replica of a rolling upgrade to longer settings moves what the older ones wrote meanwhile.
 * Resolves with how many events were kept longer.
 */
export async function extendRetention(ownerUrl: string, years: Record<RecordClass, number>): Promise<number> {
  return withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [EXTENSION_LOCK]);
      // History rows are each State's (row-level security, forced on the owner too): a pass per State that has records.
      const { rows: states } = await client.query<{ code: string }>('SELECT code FROM states ORDER BY code');
      await client.query(`SELECT set_config('app.retention_extension', 'on', true)`);
      const kept = retainUntilSql('occurred_on', `record_class = 'manufacture'`, '$2', '$3');
      let moved = 0;
      for (const { code } of states) {
        await client.query(`SELECT set_config('app.state_code', $1, true)`, [code]);
        const { rows: [{ held }] } = await client.query<{ held: boolean }>('SELECT EXISTS (SELECT 1 FROM weapons WHERE state_code = $1) AS held', [code]);
        if (!held) continue;
        const events = await client.query(`UPDATE record_events SET retain_until = ${kept} WHERE state_code = $1 AND retain_until < ${kept}`, [code, years.manufacture, years.other]);
        if (!events.rowCount) continue;
        moved += events.rowCount;
        await client.query(
          `UPDATE weapons w SET retain_until = e.kept
             FROM (SELECT weapon_id, max(retain_until) AS kept FROM record_events WHERE state_code = $1 GROUP BY weapon_id) e
            WHERE w.state_code = $1 AND w.id = e.weapon_id AND (w.retain_until IS NULL OR w.retain_until < e.kept)`,
          [code],
        );
      }
      await client.query('COMMIT');
      return moved;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}
