import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Keys are forgotten after IDEMPOTENCY_KEY_HOURS: IdempotencyPurgeJob deletes them, oldest
 * first, through an index by State and age, as the app role (row-level security scopes it to one State).
 */
export class IdempotencyKeyExpiry1795475000000 implements MigrationInterface {
  name = 'IdempotencyKeyExpiry1795475000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_idempotency_keys_created" ON "idempotency_keys" ("state_code", "created_at")');
    await queryRunner.query('GRANT DELETE ON idempotency_keys TO iti_app');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('REVOKE DELETE ON idempotency_keys FROM iti_app');
    await queryRunner.query('DROP INDEX "public"."IDX_idempotency_keys_created"');
  }
}
