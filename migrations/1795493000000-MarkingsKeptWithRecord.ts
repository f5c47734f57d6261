import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A marking goes only with its record (a purge past retention deletes the weapon, and its markings with it by
 * the foreign key's cascade, which runs with the table owner's rights): the app role may not delete one, as it
 * may not rewrite one (RecordCorrections). Nothing the service does needed it.
 */
export class MarkingsKeptWithRecord1795493000000 implements MigrationInterface {
  name = 'MarkingsKeptWithRecord1795493000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE DELETE ON markings FROM iti_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT DELETE ON markings TO iti_app`);
  }
}
