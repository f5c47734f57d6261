import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists are paged in creation order, (created_at, id), with the last row's values in the cursor. Indexes
 * in that order let a page read only its own rows instead of sorting a State's whole registry or every
 * trace it holds. A weapon's creation time is kept to the millisecond, as the cursor carries it: at the
 * database's microseconds, a cursor fell behind its own row and the next page began again.
 */
export class ListOrderIndexes1795460000000 implements MigrationInterface {
  name = 'ListOrderIndexes1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "weapons" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE');
    await queryRunner.query('DROP INDEX "public"."IDX_weapons_state_status"');
    await queryRunner.query('CREATE INDEX "IDX_weapons_state_status" ON "weapons" ("state_code", "status", "created_at", "id")');
    await queryRunner.query('CREATE INDEX "IDX_weapons_state_created" ON "weapons" ("state_code", "created_at", "id")');
    await queryRunner.query('CREATE INDEX "IDX_traces_state_created" ON "traces" ("state_code", "created_at", "id")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_traces_state_created"');
    await queryRunner.query('DROP INDEX "public"."IDX_weapons_state_created"');
    await queryRunner.query('DROP INDEX "public"."IDX_weapons_state_status"');
    await queryRunner.query('CREATE INDEX "IDX_weapons_state_status" ON "weapons" ("state_code", "status")');
    await queryRunner.query('ALTER TABLE "weapons" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE');
  }
}
