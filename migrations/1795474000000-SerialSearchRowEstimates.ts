import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The serial search functions return a handful of rows (an exact key) or a few dozen (a pattern), not the
 * 1,000 PostgreSQL assumes of a set-returning function it cannot inline (both are SECURITY DEFINER). With
 * that estimate, a search on a registry of up to about 150,000 weapons joined its matches to `weapons` by
 * walking the whole primary key in id order (a merge join) instead of looking each match up: 2.4 ms for an
 * exact serial at 20,000 weapons instead of 0.2 ms. The estimates make the planner look the matches up.
 */
export class SerialSearchRowEstimates1795474000000 implements MigrationInterface {
  name = 'SerialSearchRowEstimates1795474000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER FUNCTION registry_serial_exact(text, integer) ROWS 5');
    await queryRunner.query('ALTER FUNCTION registry_serial_pattern(text, integer) ROWS 50');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER FUNCTION registry_serial_pattern(text, integer) ROWS 1000');
    await queryRunner.query('ALTER FUNCTION registry_serial_exact(text, integer) ROWS 1000');
  }
}
