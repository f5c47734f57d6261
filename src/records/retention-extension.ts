import { withClient } from '../database/database-runtime';
import { RecordClass } from './entities/record-event.entity';

/** Serialises the extension between replicas that start together (the migrations' own lock is 7316001). */
const EXTENSION_LOCK = 7316002;

export interface ExtendedRetention {
  recordClass: RecordClass;
  years: number;
  /** Record events whose retention date moved later. */
  events: number;
}

/**
 * ITI 12 under the node's settings for the records already kept: where RETENTION_*_YEARS are longer than
 * the years this node last applied (or none was recorded yet), every event of that class is kept its new
 * number of years from the day it happened, and each weapon's retention date follows; a date already later
 * stays. Shorter settings move nothing: a record keeps the longest retention it was ever given. Runs as the
 * owner, at start, after the migrations, in one transaction per node (an advisory lock).
 */
export async function extendRetention(ownerUrl: string, years: Record<RecordClass, number>): Promise<ExtendedRetention[]> {
  return withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [EXTENSION_LOCK]);
      const { rows: applied } = await client.query<{ record_class: RecordClass; years: number }>('SELECT record_class, years FROM retention_settings');
      const longer = (Object.entries(years) as [RecordClass, number][]).filter(([recordClass, wanted]) => {
        const before = applied.find((row) => row.record_class === recordClass);
        return !before || wanted > before.years;
      });
      const extended: ExtendedRetention[] = [];
      if (longer.length > 0) {
        // History rows are each State's (row-level security, forced on the owner too): one pass per hosted State.
        const { rows: states } = await client.query<{ code: string }>('SELECT code FROM states WHERE hosted_since IS NOT NULL ORDER BY code');
        await client.query(`SELECT set_config('app.retention_extension', 'on', true)`);
        for (const [recordClass, wanted] of longer) {
          let events = 0;
          for (const { code } of states) {
            await client.query(`SELECT set_config('app.state_code', $1, true)`, [code]);
            const moved = await client.query(
              `UPDATE record_events SET retain_until = (occurred_on + make_interval(years => $2))::date
                WHERE state_code = $1 AND record_class = $3 AND retain_until < (occurred_on + make_interval(years => $2))::date`,
              [code, wanted, recordClass],
            );
            events += moved.rowCount ?? 0;
            if ((moved.rowCount ?? 0) > 0) {
              await client.query(
                `UPDATE weapons w SET retain_until = e.kept
                   FROM (SELECT weapon_id, max(retain_until) AS kept FROM record_events WHERE state_code = $1 GROUP BY weapon_id) e
                  WHERE w.state_code = $1 AND w.id = e.weapon_id AND (w.retain_until IS NULL OR w.retain_until < e.kept)`,
                [code],
              );
            }
          }
          extended.push({ recordClass, years: wanted, events });
        }
      }
      // The years applied now, longer or shorter: a later lengthening is measured from them.
      for (const [recordClass, wanted] of Object.entries(years)) {
        await client.query(
          `INSERT INTO retention_settings (record_class, years) VALUES ($1, $2)
           ON CONFLICT (record_class) DO UPDATE SET years = EXCLUDED.years, applied_at = now() WHERE retention_settings.years <> EXCLUDED.years`,
          [recordClass, wanted],
        );
      }
      await client.query('COMMIT');
      return extended;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}
