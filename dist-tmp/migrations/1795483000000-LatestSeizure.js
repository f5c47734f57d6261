"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LatestSeizure1795483000000 = void 0;
/** An aggregate of events (`e`: the alias of their table, or none): the date of their seizure or finding, `date` giving each event's, as `seizure` says. */
function seizureDate(seizure, date, e = '') {
    const seized = `${e}type IN ('seized', 'found')`;
    return seizure === 'latest'
        ? `(array_agg(${date} ORDER BY date_trunc('milliseconds', ${e}recorded_at) DESC, ${e}id DESC) FILTER (WHERE ${seized}))[1]`
        : `min(${date}) FILTER (WHERE ${seized})`;
}
/** The fold of new events into their weapons' summaries (event types, latest retention date, seizure or finding). */
function fold(seizure) {
    const changed = seizure === 'latest'
        ? 'a.seized_or_found_on IS NOT NULL AND a.seized_or_found_on IS DISTINCT FROM w.seized_or_found_on'
        : `a.seized_or_found_on < coalesce(w.seized_or_found_on, 'infinity'::date)`;
    return `
        WITH added AS (
               SELECT weapon_id, array_agg(DISTINCT type) AS types, max(retain_until) AS retain_until,
                      ${seizureDate(seizure, 'occurred_on')} AS seized_or_found_on
                 FROM inserted_events GROUP BY weapon_id)
        UPDATE weapons w
           SET event_types = ARRAY(SELECT DISTINCT t FROM unnest(w.event_types || a.types) t ORDER BY t)::varchar[],
               retain_until = greatest(w.retain_until, a.retain_until),
               seized_or_found_on = ${seizure === 'latest' ? 'coalesce(a.seized_or_found_on, w.seized_or_found_on)' : 'least(w.seized_or_found_on, a.seized_or_found_on)'}
          FROM added a
         WHERE w.id = a.weapon_id
           AND (NOT (a.types <@ w.event_types) OR a.retain_until > coalesce(w.retain_until, '-infinity'::date) OR ${changed});`;
}
/**
 * The event types and seizure or finding of the weapons in `scope` (a condition on e.weapon_id), from their
 * histories as they stand: without the events their last correction annuls, each on the date of its last correction.
 */
function summaryOf(seizure, scope) {
    return `
        UPDATE weapons w
           SET event_types = s.types, seized_or_found_on = s.seized_on
          FROM (SELECT e.weapon_id, ARRAY(SELECT DISTINCT t FROM unnest(array_agg(e.type)) t ORDER BY t)::varchar[] AS types,
                       ${seizureDate(seizure, 'coalesce(c.occurred_on, e.occurred_on)', 'e.')} AS seized_on
                  FROM record_events e
                  LEFT JOIN LATERAL (SELECT c.occurred_on, c.annuls FROM record_events c
                                      WHERE c.weapon_id = e.weapon_id AND c.corrects_event_id = e.id AND c.type = 'corrected' AND (c.restates OR c.annuls)
                                      ORDER BY date_trunc('milliseconds', c.recorded_at) DESC, c.id DESC LIMIT 1) c ON true
                 WHERE ${scope} AND NOT coalesce(c.annuls, false)
                 GROUP BY e.weapon_id) s
         WHERE w.id = s.weapon_id AND (w.event_types IS DISTINCT FROM s.types OR w.seized_or_found_on IS DISTINCT FROM s.seized_on);`;
}
function summaryFunction(seizure) {
    return `
      CREATE OR REPLACE FUNCTION weapons_summary_of_inserted_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('app.events_summarised', true) = 'on' THEN
          RETURN NULL;
        END IF;
        -- The new values are computed from the row being updated (not from a second read of weapons), so
        -- that two transactions adding events to one weapon both count: the second sees the first's row.
        ${fold(seizure)}
        -- A correction can move a seizure either way, or annul an event: those weapons' summaries are read again from their histories.
        IF EXISTS (SELECT 1 FROM inserted_events WHERE type = 'corrected') THEN
          ${summaryOf(seizure, `e.weapon_id IN (SELECT x.weapon_id FROM inserted_events x WHERE x.type = 'corrected')`)}
        END IF;
        RETURN NULL;
      END
      $$`;
}
/** Weapons seized or found more than once: the only ones whose summary differs between the two readings. */
const SEIZED_AGAIN = `e.weapon_id IN (SELECT x.weapon_id FROM record_events x WHERE x.type IN ('seized', 'found') GROUP BY x.weapon_id HAVING count(*) > 1)`;
/**
 * A weapon's `seized_or_found_on` is the date of the seizure or finding that put it in its status now, not
 * of its first one: a pistol seized in 2010, returned to its owner, and seized again last week has been
 * seized for a week, and the record-keeping report's ITI 9 figure (still unmarked 90 days after the event)
 * read it as sixteen years. The summaries of weapons seized or found more than once are read again.
 */
class LatestSeizure1795483000000 {
    constructor() {
        this.name = 'LatestSeizure1795483000000';
    }
    async up(queryRunner) {
        await this.apply(queryRunner, 'latest');
    }
    async down(queryRunner) {
        await this.apply(queryRunner, 'first');
    }
    async apply(queryRunner, seizure) {
        await queryRunner.query(summaryFunction(seizure));
        // Row-level security is lifted for this owner statement only: it spans every State.
        await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE record_events NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(summaryOf(seizure, SEIZED_AGAIN));
        await queryRunner.query(`ALTER TABLE record_events FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
    }
}
exports.LatestSeizure1795483000000 = LatestSeizure1795483000000;
//# sourceMappingURL=1795483000000-LatestSeizure.js.map