import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByState, removeStateIsolation } from './support/state-isolation';

/**
 * The manufacturers and dealers whose records passed to the State when they closed (ITI 13), so that no
 * record names them as custodian afterwards; those closed before are read from the events their transfers
 * wrote. Each State sees only its own.
 */
export class ClosedCustodians1795478000000 implements MigrationInterface {
  name = 'ClosedCustodians1795478000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"closed_custodians\" (\"state_code\" character(3) NOT NULL, \"name_key\" character varying(200) NOT NULL, \"name\" character varying(200) NOT NULL, \"closed_on\" date NOT NULL, \"records_custodian\" character varying(200) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"created_by\" uuid, CONSTRAINT \"PK_6e503c765502bb75bd743047813\" PRIMARY KEY (\"state_code\", \"name_key\"))");
    // The companies closed so far: each transfer of a company's records to the national registry wrote this
    // pair of parties on the events it added (WeaponsRepository.transferCustody). Read across every State.
    await queryRunner.query(`ALTER TABLE record_events NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      INSERT INTO closed_custodians (state_code, name_key, name, closed_on, records_custodian, created_by)
      SELECT DISTINCT ON (e.state_code, lower(btrim(e.parties->0->>'name')))
             e.state_code, lower(btrim(e.parties->0->>'name')), btrim(e.parties->0->>'name'), e.occurred_on, e.parties->1->>'name', e.recorded_by
        FROM record_events e JOIN states s ON s.code = e.state_code
       WHERE e.type = 'custody_transferred' AND jsonb_array_length(e.parties) = 2
         AND e.parties->0->>'role' = 'previous_custodian' AND e.parties->1->>'role' = 'custodian'
         AND e.parties->1->>'name' = s.name || ' (national registry)'
       ORDER BY e.state_code, lower(btrim(e.parties->0->>'name')), e.recorded_at`);
    await queryRunner.query(`ALTER TABLE record_events FORCE ROW LEVEL SECURITY`);
    await isolateByState(queryRunner, 'closed_custodians');
    await queryRunner.query(`GRANT SELECT, INSERT ON closed_custodians TO iti_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await removeStateIsolation(queryRunner, 'closed_custodians');
    await queryRunner.query("DROP TABLE \"closed_custodians\"");
  }
}
