import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service changes nothing of a case file once opened but its data key's wrapping, at a key rotation: the
 * app role may update those two columns only. Before, it could update any (the creator, the classification,
 * the sealed content), which the service never does, so a leaked app role password let someone do what no
 * user of the service can.
 */
export class CaseKeysOnlyUpdated1795496000000 implements MigrationInterface {
  name = 'CaseKeysOnlyUpdated1795496000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE UPDATE ON cases FROM iti_app`);
    await queryRunner.query(`GRANT UPDATE (kek_id, data_key) ON cases TO iti_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE UPDATE (kek_id, data_key) ON cases FROM iti_app`);
    await queryRunner.query(`GRANT UPDATE ON cases TO iti_app`);
  }
}
