import { MigrationInterface, QueryRunner } from 'typeorm';

/** Weapons deactivated after they were seized or found, still without a unique marking (marking-rules.ts, rule 9). */
const UNMARKED_DEACTIVATED = `
  w.status = 'deactivated' AND w.event_types && ARRAY['seized', 'found']::varchar[]
  AND NOT EXISTS (SELECT 1 FROM markings m
                   WHERE m.weapon_id = w.id AND m.withdrawn_by IS NULL AND nullif(btrim(m.serial), '') IS NOT NULL
                     AND m.kind IN ('manufacture', 'import', 'government', 'seizure'))`;

/**
 * ITI 9 asks that a weapon seized or found be marked and recorded, or destroyed: deactivating it is neither,
 * so rule 9 now goes on applying to a weapon deactivated after a seizure or a finding. The records already
 * so, without a unique marking, are flagged as the service now flags them at their next change.
 */
export class DeactivatedSeizures1795485000000 implements MigrationInterface {
  name = 'DeactivatedSeizures1795485000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.acrossStates(queryRunner, `
      UPDATE weapons w SET incomplete = array_append(w.incomplete, 'ITI_9_SEIZED_OR_FOUND_MARKING')
       WHERE ${UNMARKED_DEACTIVATED} AND NOT 'ITI_9_SEIZED_OR_FOUND_MARKING' = ANY (w.incomplete)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.acrossStates(queryRunner, `
      UPDATE weapons w SET incomplete = array_remove(w.incomplete, 'ITI_9_SEIZED_OR_FOUND_MARKING')
       WHERE w.status = 'deactivated' AND 'ITI_9_SEIZED_OR_FOUND_MARKING' = ANY (w.incomplete)`);
  }

  /** Row-level security is lifted for this owner statement only: it spans every State. */
  private async acrossStates(queryRunner: QueryRunner, sql: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE markings NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(sql);
    await queryRunner.query(`ALTER TABLE markings FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
  }
}
