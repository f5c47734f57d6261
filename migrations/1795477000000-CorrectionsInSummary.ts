import { MigrationInterface, QueryRunner } from 'typeorm';

/** The fold of new events into their weapons' summaries (event types, latest retention date, first seizure or finding). */
const FOLD = `
        WITH added AS (
               SELECT weapon_id, array_agg(DISTINCT type) AS types, max(retain_until) AS retain_until,
                      min(occurred_on) FILTER (WHERE type IN ('seized', 'found')) AS seized_or_found_on
                 FROM inserted_events GROUP BY weapon_id)
        UPDATE weapons w
           SET event_types = ARRAY(SELECT DISTINCT t FROM unnest(w.event_types || a.types) t ORDER BY t)::varchar[],
               retain_until = greatest(w.retain_until, a.retain_until),
               seized_or_found_on = least(w.seized_or_found_on, a.seized_or_found_on)
          FROM added a
         WHERE w.id = a.weapon_id
           AND (NOT (a.types <@ w.event_types) OR a.retain_until > coalesce(w.retain_until, '-infinity'::date)
                OR a.seized_or_found_on < coalesce(w.seized_or_found_on, 'infinity'::date));`;

/**
 * The first seizure or finding of the weapons in `scope` (a condition on e.weapon_id), from their
 * histories as they stand: each seizure or finding on the date of its last correction, if it has one.
 */
const standingSeizure = (scope: string) => `
        UPDATE weapons w
           SET seized_or_found_on = s.seized_on
          FROM (SELECT e.weapon_id, min(coalesce(c.occurred_on, e.occurred_on)) AS seized_on
                  FROM record_events e
                  LEFT JOIN LATERAL (SELECT c.occurred_on FROM record_events c
                                      WHERE c.weapon_id = e.weapon_id AND c.corrects_event_id = e.id AND c.type = 'corrected'
                                      ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1) c ON true
                 WHERE e.type IN ('seized', 'found') AND ${scope}
                 GROUP BY e.weapon_id) s
         WHERE w.id = s.weapon_id AND w.seized_or_found_on IS DISTINCT FROM s.seized_on;`;

/** Weapons whose seizure or finding has been corrected, among the events of `events`. */
const correctedSeizures = (events: string) =>
  `e.weapon_id IN (SELECT x.weapon_id FROM ${events} x JOIN record_events t ON t.id = x.corrects_event_id
                    WHERE x.type = 'corrected' AND t.type IN ('seized', 'found'))`;

const summaryFunction = (correctionsToo: boolean) => `
      CREATE OR REPLACE FUNCTION weapons_summary_of_inserted_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('app.events_summarised', true) = 'on' THEN
          RETURN NULL;
        END IF;
        -- The new values are computed from the row being updated (not from a second read of weapons), so
        -- that two transactions adding events to one weapon both count: the second sees the first's row.
        ${FOLD}
        ${correctionsToo ? `-- A correction can move a seizure or a finding either way: those weapons' date is read again from the history.
        ${standingSeizure(correctedSeizures('inserted_events'))}` : ''}
        RETURN NULL;
      END
      $$`;

/**
 * A correction restates the facts of the event it corrects; the summary of a weapon's history follows
 * the history as it stands. A corrected seizure or finding date moves the weapon's `seized_or_found_on`
 * (which the record-keeping report reads for the seizures still unmarked). Retention needs nothing new: a
 * correction carries the retention date of the event it corrects, counted from its own date, and the
 * weapon keeps the latest of all.
 */
export class CorrectionsInSummary1795477000000 implements MigrationInterface {
  name = 'CorrectionsInSummary1795477000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(summaryFunction(true));
    await this.recompute(queryRunner, standingSeizure(correctedSeizures('record_events')));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(summaryFunction(false));
    await this.recompute(queryRunner, `
      UPDATE weapons w SET seized_or_found_on = s.seized_on
        FROM (SELECT e.weapon_id, min(e.occurred_on) AS seized_on FROM record_events e
               WHERE e.type IN ('seized', 'found') AND ${correctedSeizures('record_events')} GROUP BY e.weapon_id) s
       WHERE w.id = s.weapon_id`);
  }

  /** Row-level security is lifted for this owner statement only: it spans every State. */
  private async recompute(queryRunner: QueryRunner, statement: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE record_events NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(statement);
    await queryRunner.query(`ALTER TABLE record_events FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
  }
}
