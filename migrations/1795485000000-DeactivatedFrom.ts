import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ITI 9 asks that a weapon seized or found be marked and recorded, or destroyed: deactivating it is neither.
 * `weapons.deactivated_from` keeps the status a deactivated weapon had just before its deactivation, which the
 * service writes at each change; rule 9 goes on applying to one deactivated as seized or found. For the records
 * already deactivated it is read here from the events as recorded (the event that moved the status last before
 * the deactivation, by date; corrections are not read: the service reads them at the record's next change), and
 * those deactivated as seized or found without a unique marking are flagged as the service flags them.
 */
export class DeactivatedFrom1795485000000 implements MigrationInterface {
  name = 'DeactivatedFrom1795485000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "weapons" ADD "deactivated_from" character varying(24)`);
    await this.acrossStates(queryRunner, async () => {
      await queryRunner.query(`
        UPDATE weapons w SET deactivated_from = p.status_after
          FROM (SELECT DISTINCT ON (d.weapon_id) d.weapon_id, prev.status_after
                  FROM record_events d
                  JOIN LATERAL (SELECT e.status_after FROM record_events e
                                 WHERE e.weapon_id = d.weapon_id AND e.id <> d.id AND e.occurred_on <= d.occurred_on
                                   AND e.type NOT IN ('marked', 'custody_transferred', 'corrected', 'deactivated')
                                 ORDER BY e.occurred_on DESC, e.recorded_at DESC, e.id DESC LIMIT 1) prev ON true
                 WHERE d.type = 'deactivated'
                 ORDER BY d.weapon_id, d.occurred_on DESC, d.recorded_at DESC, d.id DESC) p
         WHERE w.id = p.weapon_id AND w.status = 'deactivated'`);
      await queryRunner.query(`
        UPDATE weapons w SET incomplete = array_append(w.incomplete, 'ITI_9_SEIZED_OR_FOUND_MARKING')
         WHERE w.status = 'deactivated' AND w.deactivated_from IN ('seized', 'found')
           AND NOT 'ITI_9_SEIZED_OR_FOUND_MARKING' = ANY (w.incomplete)
           AND NOT EXISTS (SELECT 1 FROM markings m
                            WHERE m.weapon_id = w.id AND m.withdrawn_by IS NULL AND nullif(btrim(m.serial), '') IS NOT NULL
                              AND m.kind IN ('manufacture', 'import', 'government', 'seizure'))`);
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.acrossStates(queryRunner, () =>
      queryRunner.query(`UPDATE weapons SET incomplete = array_remove(incomplete, 'ITI_9_SEIZED_OR_FOUND_MARKING') WHERE status = 'deactivated'`));
    await queryRunner.query(`ALTER TABLE "weapons" DROP COLUMN "deactivated_from"`);
  }

  /** Row-level security is lifted for these owner statements only: they span every State. */
  private async acrossStates(queryRunner: QueryRunner, work: () => Promise<unknown>): Promise<void> {
    const tables = ['weapons', 'record_events', 'markings'];
    for (const table of tables) await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
    await work();
    for (const table of [...tables].reverse()) await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  }
}
