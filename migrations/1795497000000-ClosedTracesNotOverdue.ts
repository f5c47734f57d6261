import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A closed trace is owed nothing: its overdue mark goes with the close (the service clears it now, on the copy
 * closed and on the other State's). Copies closed while marked overdue kept the mark; it is cleared here.
 * Nothing to revert: a closed copy's mark said nothing true.
 */
export class ClosedTracesNotOverdue1795497000000 implements MigrationInterface {
  name = 'ClosedTracesNotOverdue1795497000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Every State's copies: row-level security lifted for this one owner statement.
    await queryRunner.query('ALTER TABLE traces NO FORCE ROW LEVEL SECURITY');
    await queryRunner.query(`UPDATE traces SET overdue_since = NULL WHERE status = 'closed' AND overdue_since IS NOT NULL`);
    await queryRunner.query('ALTER TABLE traces FORCE ROW LEVEL SECURITY');
  }

  public async down(): Promise<void> {
    // The marks cleared are not restored.
  }
}
