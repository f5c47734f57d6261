"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WeaponHistorySummary1795444699394 = void 0;
/**
 * A summary of each weapon's history on its row (event types, latest retention date, first seizure or
 * finding), kept by a statement trigger on record_events: the record-keeping report counts a million
 * weapons in one pass over one table instead of joining every event.
 */
class WeaponHistorySummary1795444699394 {
    constructor() {
        this.name = 'WeaponHistorySummary1795444699394';
    }
    async up(queryRunner) {
        await queryRunner.query("ALTER TABLE \"weapons\" ADD \"event_types\" character varying(32) array NOT NULL DEFAULT '{}'");
        await queryRunner.query("ALTER TABLE \"weapons\" ADD \"retain_until\" date");
        await queryRunner.query("ALTER TABLE \"weapons\" ADD \"seized_or_found_on\" date");
        // Folds the events a statement inserted into their weapons' summaries; a weapon whose summary does not
        // change is not written again. An import sets the summary with each weapon it inserts and says so for
        // the statement that adds their first events (app.events_summarised), which then has nothing to fold.
        await queryRunner.query(`
      CREATE FUNCTION weapons_summary_of_inserted_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('app.events_summarised', true) = 'on' THEN
          RETURN NULL;
        END IF;
        -- The new values are computed from the row being updated (not from a second read of weapons), so
        -- that two transactions adding events to one weapon both count: the second sees the first's row.
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
                OR a.seized_or_found_on < coalesce(w.seized_or_found_on, 'infinity'::date));
        RETURN NULL;
      END
      $$`);
        await queryRunner.query(`CREATE TRIGGER record_events_weapon_summary AFTER INSERT ON record_events REFERENCING NEW TABLE AS inserted_events
       FOR EACH STATEMENT EXECUTE FUNCTION weapons_summary_of_inserted_events()`);
        // The weapons recorded so far, from their whole history (row-level security is lifted for this owner
        // statement only: it spans every State).
        await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE record_events NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`
      UPDATE weapons w
         SET event_types = h.types, retain_until = h.retain_until, seized_or_found_on = h.seized_or_found_on
        FROM (SELECT weapon_id, ARRAY(SELECT DISTINCT t FROM unnest(array_agg(type)) t ORDER BY t)::varchar[] AS types, max(retain_until) AS retain_until,
                     min(occurred_on) FILTER (WHERE type IN ('seized', 'found')) AS seized_or_found_on
                FROM record_events GROUP BY weapon_id) h
       WHERE w.id = h.weapon_id`);
        await queryRunner.query(`ALTER TABLE record_events FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TRIGGER record_events_weapon_summary ON record_events`);
        await queryRunner.query(`DROP FUNCTION weapons_summary_of_inserted_events()`);
        await queryRunner.query("ALTER TABLE \"weapons\" DROP COLUMN \"seized_or_found_on\"");
        await queryRunner.query("ALTER TABLE \"weapons\" DROP COLUMN \"retain_until\"");
        await queryRunner.query("ALTER TABLE \"weapons\" DROP COLUMN \"event_types\"");
    }
}
exports.WeaponHistorySummary1795444699394 = WeaponHistorySummary1795444699394;
//# sourceMappingURL=1795444699394-WeaponHistorySummary.js.map