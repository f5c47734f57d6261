"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeactivatedFrom1795485000000 = void 0;
/**
 * ITI 9 asks that a weapon seized or found be marked and recorded, or destroyed: deactivating it is neither.
 * `weapons.deactivated_from` keeps the status a deactivated weapon had just before its deactivation, which the
 * service writes at each change; rule 9 goes on applying to one deactivated as seized or found. For the records
 * already deactivated it is read here from their histories as they stand, as the service reads them (the event
 * that moved the status last before the deactivation, by date, without annulled events, on corrected dates),
 * and those deactivated as seized or found without a unique marking are flagged as the service flags them.
 */
class DeactivatedFrom1795485000000 {
    constructor() {
        this.name = 'DeactivatedFrom1795485000000';
    }
    async up(queryRunner) {
        await queryRunner.query(`ALTER TABLE "weapons" ADD "deactivated_from" character varying(24)`);
        await this.acrossStates(queryRunner, async () => {
            // The history as it stands (as standingHistory reads it): without annulled events, each on the date of its last correction.
            await queryRunner.query(`
        WITH standing AS (
               SELECT e.weapon_id, e.id, e.type, e.status_after, coalesce(c.occurred_on, e.occurred_on) AS occurred_on, e.recorded_at
                 FROM record_events e
                 JOIN weapons d ON d.id = e.weapon_id AND d.status = 'deactivated'
                 LEFT JOIN LATERAL (SELECT c.occurred_on, c.annuls FROM record_events c
                                     WHERE c.weapon_id = e.weapon_id AND c.corrects_event_id = e.id AND c.type = 'corrected' AND (c.restates OR c.annuls)
                                     ORDER BY date_trunc('milliseconds', c.recorded_at) DESC, c.id DESC LIMIT 1) c ON true
                WHERE e.type NOT IN ('marked', 'custody_transferred', 'corrected') AND NOT coalesce(c.annuls, false)),
             ranked AS (
               SELECT s.*, row_number() OVER (PARTITION BY s.weapon_id ORDER BY s.occurred_on DESC, s.recorded_at DESC, s.id DESC) AS n FROM standing s)
        UPDATE weapons w SET deactivated_from = prev.status_after
          FROM ranked last JOIN ranked prev ON prev.weapon_id = last.weapon_id AND prev.n = 2
         WHERE last.n = 1 AND last.type = 'deactivated' AND w.id = last.weapon_id`);
            await queryRunner.query(`
        UPDATE weapons w SET incomplete = array_append(w.incomplete, 'ITI_9_SEIZED_OR_FOUND_MARKING')
         WHERE w.status = 'deactivated' AND w.deactivated_from IN ('seized', 'found')
           AND NOT 'ITI_9_SEIZED_OR_FOUND_MARKING' = ANY (w.incomplete)
           AND NOT EXISTS (SELECT 1 FROM markings m
                            WHERE m.weapon_id = w.id AND m.withdrawn_by IS NULL AND nullif(btrim(m.serial), '') IS NOT NULL
                              AND m.kind IN ('manufacture', 'import', 'government', 'seizure'))`);
        });
    }
    async down(queryRunner) {
        await this.acrossStates(queryRunner, () => queryRunner.query(`UPDATE weapons SET incomplete = array_remove(incomplete, 'ITI_9_SEIZED_OR_FOUND_MARKING') WHERE status = 'deactivated'`));
        await queryRunner.query(`ALTER TABLE "weapons" DROP COLUMN "deactivated_from"`);
    }
    /** Row-level security is lifted for these owner statements only: they span every State. */
    async acrossStates(queryRunner, work) {
        const tables = ['weapons', 'record_events', 'markings'];
        for (const table of tables)
            await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
        await work();
        for (const table of [...tables].reverse())
            await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
}
exports.DeactivatedFrom1795485000000 = DeactivatedFrom1795485000000;
//# sourceMappingURL=1795485000000-DeactivatedFrom.js.map