import { QueryRunner } from 'typeorm';

/**
 * Row-level security of a table owned by one State: enabled, forced (the owner is bound too), and a
 * policy that shows and accepts only rows of the transaction's State (app_current_state()).
 */
export async function isolateByState(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(
    `CREATE POLICY state_isolation ON "${table}" USING (state_code = app_current_state()) WITH CHECK (state_code = app_current_state())`,
  );
}

export async function removeStateIsolation(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`DROP POLICY state_isolation ON "${table}"`);
  await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
}
