import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day the requester owes the information the requested State asked for (on the requester's copy), so that
 * the deadline job reminds the requester as it reminds the requested State of its own deadlines.
 */
export class InformationDue1795488000000 implements MigrationInterface {
  name = 'InformationDue1795488000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "traces" ADD "information_due_at" TIMESTAMP WITH TIME ZONE');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "traces" DROP COLUMN "information_due_at"');
  }
}
