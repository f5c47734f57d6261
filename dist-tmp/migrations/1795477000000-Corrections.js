"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Corrections1795477000000 = void 0;
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
 * The event types and first seizure or finding of the weapons in `scope` (a condition on e.weapon_id), from
 * their histories as they stand: without the events their last correction annuls, each seizure or finding
 * on the date of its last correction. `standing` = false reads every event as recorded (before this migration).
 */
const summaryOf = (scope, standing = true) => `
        UPDATE weapons w
           SET event_types = s.types, seized_or_found_on = s.seized_on
          FROM (SELECT e.weapon_id, ARRAY(SELECT DISTINCT t FROM unnest(array_agg(e.type)) t ORDER BY t)::varchar[] AS types,
                       min(${standing ? 'coalesce(c.occurred_on, e.occurred_on)' : 'e.occurred_on'}) FILTER (WHERE e.type IN ('seized', 'found')) AS seized_on
                  FROM record_events e
                  ${standing ? `LEFT JOIN LATERAL (SELECT c.occurred_on, c.annuls FROM record_events c
                                      WHERE c.weapon_id = e.weapon_id AND c.corrects_event_id = e.id AND c.type = 'corrected' AND (c.restates OR c.annuls)
                                      ORDER BY date_trunc('milliseconds', c.recorded_at) DESC, c.id DESC LIMIT 1) c ON true` : ''}
                 WHERE ${scope} ${standing ? 'AND NOT coalesce(c.annuls, false)' : ''}
                 GROUP BY e.weapon_id) s
         WHERE w.id = s.weapon_id AND (w.event_types IS DISTINCT FROM s.types OR w.seized_or_found_on IS DISTINCT FROM s.seized_on);`;
/** Weapons with a correction among the events of `events`. */
const corrected = (events) => `e.weapon_id IN (SELECT x.weapon_id FROM ${events} x WHERE x.type = 'corrected')`;
const summaryFunction = (corrections) => `
      CREATE OR REPLACE FUNCTION weapons_summary_of_inserted_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('app.events_summarised', true) = 'on' THEN
          RETURN NULL;
        END IF;
        -- The new values are computed from the row being updated (not from a second read of weapons), so
        -- that two transactions adding events to one weapon both count: the second sees the first's row.
        ${FOLD}
        ${corrections ? `-- A correction can move a seizure either way, or annul an event: those weapons' summaries are read again from their histories.
        IF EXISTS (SELECT 1 FROM inserted_events WHERE type = 'corrected') THEN
          ${summaryOf(corrected('inserted_events'))}
        END IF;` : ''}
        RETURN NULL;
      END
      $$`;
/**
 * Corrections that restate or annul the event they correct (docs/decisions.md §31). A restating correction
 * (`restates`) gives the event's facts anew; an annulling one (`annuls`) says the event did not happen; the
 * corrections recorded before are notes and change nothing. A weapon's summary follows its history as it stands:
 * its event types leave out annulled events, and its first seizure or finding takes the date of the last
 * correction (the record-keeping report reads both). Retention needs nothing new: a correction carries the
 * retention date of the event it corrects, counted from its own date, and the weapon keeps the latest of all.
 */
class Corrections1795477000000 {
    constructor() {
        this.name = 'Corrections1795477000000';
    }
    async up(queryRunner) {
        // The corrections recorded so far were notes: they restate nothing.
        await queryRunner.query(`ALTER TABLE "record_events" ADD "restates" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "record_events" ADD "annuls" boolean NOT NULL DEFAULT false`);
        // A correction restates or annuls, not both; nothing else does either.
        await queryRunner.query(`ALTER TABLE "record_events" ADD CONSTRAINT "CHK_record_events_correction" CHECK (NOT ("restates" AND "annuls") AND (NOT ("restates" OR "annuls") OR ("type" = 'corrected' AND "corrects_event_id" IS NOT NULL)))`);
        // The time a row is written, so that the correction written last under the weapon's lock is the last.
        await queryRunner.query(`ALTER TABLE "record_events" ALTER COLUMN "recorded_at" SET DEFAULT clock_timestamp()`);
        // No summary changes: the corrections recorded so far restate and annul nothing.
        await queryRunner.query(summaryFunction(true));
    }
    async down(queryRunner) {
        await queryRunner.query(summaryFunction(false));
        await queryRunner.query(`ALTER TABLE "record_events" ALTER COLUMN "recorded_at" SET DEFAULT now()`);
        await queryRunner.query(`ALTER TABLE "record_events" DROP CONSTRAINT "CHK_record_events_correction"`);
        await queryRunner.query(`ALTER TABLE "record_events" DROP COLUMN "annuls"`);
        await queryRunner.query(`ALTER TABLE "record_events" DROP COLUMN "restates"`);
        // The summaries of the corrected records, as the previous version reads them: every event as recorded.
        // Row-level security is lifted for this owner statement only: it spans every State.
        await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE record_events NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(summaryOf(corrected('record_events'), false));
        await queryRunner.query(`ALTER TABLE record_events FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
    }
}
exports.Corrections1795477000000 = Corrections1795477000000;
//# sourceMappingURL=1795477000000-Corrections.js.map