import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ITI 4: antique weapons and their replicas are outside the instrument, and none is made after 1899. A record
 * says so (`antique`), with a year of manufacture of 1899 or before; the marking rules ask nothing of it.
 */
export class AntiqueWeapons1795490000000 implements MigrationInterface {
  name = 'AntiqueWeapons1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "weapons" ADD "antique" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "weapons" ADD CONSTRAINT "CHK_weapons_antique" CHECK (NOT "antique" OR ("year_of_manufacture" IS NOT NULL AND "year_of_manufacture" <= 1899))');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "weapons" DROP CONSTRAINT "CHK_weapons_antique"');
    await queryRunner.query('ALTER TABLE "weapons" DROP COLUMN "antique"');
  }
}
