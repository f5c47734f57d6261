"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClosedCustodians1795478000000 = void 0;
const state_isolation_1 = require("./support/state-isolation");
/**
 * The manufacturers and dealers whose records passed to the State when they closed (ITI 13), so that no
 * record names them as custodian afterwards; those closed before are read from the events their transfers
 * wrote. Each State sees only its own.
 */
class ClosedCustodians1795478000000 {
    constructor() {
        this.name = 'ClosedCustodians1795478000000';
    }
    async up(queryRunner) {
        // A company's name as the registry compares it: case and surrounding white space aside (the white space
        // JavaScript's trim() removes, as the API does from what it is given).
        await queryRunner.query(`
      CREATE FUNCTION custodian_key(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT lower(btrim(p, E' \\t\\n\\r\\f\\u000b\\u00a0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008\\u2009\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'))
      $$`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION custodian_key(text) TO iti_app`);
        // A transfer moves every record of the company however its name was written.
        await queryRunner.query(`DROP INDEX "IDX_weapons_state_custodian"`);
        await queryRunner.query(`CREATE INDEX "IDX_weapons_state_custodian_key" ON weapons (state_code, custodian_key(custodian)) WHERE custodian IS NOT NULL`);
        await queryRunner.query("CREATE TABLE \"closed_custodians\" (\"state_code\" character(3) NOT NULL, \"name_key\" character varying(200) NOT NULL, \"name\" character varying(200) NOT NULL, \"closed_on\" date NOT NULL, \"records_custodian\" character varying(200) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"created_by\" uuid, CONSTRAINT \"PK_6e503c765502bb75bd743047813\" PRIMARY KEY (\"state_code\", \"name_key\"))");
        // The companies closed so far: each transfer of a company's records to the national registry wrote this
        // pair of parties on the events it added (WeaponsRepository.transferCustody). Not the registry itself
        // (a transfer to itself was once accepted), nor a company that records still name (passed back since).
        await queryRunner.query(`ALTER TABLE record_events NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`
      INSERT INTO closed_custodians (state_code, name_key, name, closed_on, records_custodian, created_at, created_by)
      SELECT DISTINCT ON (e.state_code, custodian_key(e.parties->0->>'name'))
             e.state_code, custodian_key(e.parties->0->>'name'), btrim(e.parties->0->>'name'), e.occurred_on, e.parties->1->>'name', e.recorded_at, e.recorded_by
        FROM record_events e JOIN states s ON s.code = e.state_code
       WHERE e.type = 'custody_transferred' AND jsonb_array_length(e.parties) = 2
         AND e.parties->0->>'role' = 'previous_custodian' AND e.parties->1->>'role' = 'custodian'
         AND e.parties->1->>'name' = s.name || ' (national registry)'
         AND custodian_key(e.parties->0->>'name') <> custodian_key(e.parties->1->>'name')
         AND NOT EXISTS (SELECT 1 FROM weapons w WHERE w.state_code = e.state_code AND custodian_key(w.custodian) = custodian_key(e.parties->0->>'name'))
       ORDER BY e.state_code, custodian_key(e.parties->0->>'name'), e.recorded_at`);
        await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE record_events FORCE ROW LEVEL SECURITY`);
        await (0, state_isolation_1.isolateByState)(queryRunner, 'closed_custodians');
        // Reopened when a company was closed in error.
        await queryRunner.query(`GRANT SELECT, INSERT, DELETE ON closed_custodians TO iti_app`);
    }
    async down(queryRunner) {
        await (0, state_isolation_1.removeStateIsolation)(queryRunner, 'closed_custodians');
        await queryRunner.query("DROP TABLE \"closed_custodians\"");
        await queryRunner.query(`DROP INDEX "IDX_weapons_state_custodian_key"`);
        await queryRunner.query(`CREATE INDEX "IDX_weapons_state_custodian" ON "weapons" ("state_code", "custodian")`);
        await queryRunner.query(`DROP FUNCTION custodian_key(text)`);
    }
}
exports.ClosedCustodians1795478000000 = ClosedCustodians1795478000000;
//# sourceMappingURL=1795478000000-ClosedCustodians.js.map