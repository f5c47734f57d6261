import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A file that landed is one import: sent again, it is replayed. A file that was rejected is checked again
 * when sent again (the reference data or the State's rule settings may have changed since), so only
 * completed imports hold their content's hash uniquely, and rejected ones may share it.
 */
export class ImportReplayCompleted1795471000000 implements MigrationInterface {
  name = 'ImportReplayCompleted1795471000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."UQ_weapon_imports_content"');
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_weapon_imports_content" ON "weapon_imports" ("state_code", "content_sha256") WHERE status = 'completed'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Fails, and reverts nothing, once a rejected file has been sent again: two imports then share its hash.
    await queryRunner.query('DROP INDEX "public"."UQ_weapon_imports_content"');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_weapon_imports_content" ON "weapon_imports" ("state_code", "content_sha256") ');
  }
}
