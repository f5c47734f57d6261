"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ImportSecurity1795421469100 = void 0;
const state_isolation_1 = require("./support/state-isolation");
const STATE_OWNED = ['weapon_imports', 'weapon_import_rejections'];
/** Isolation of imports, and the SQL helpers the import's checks use. */
class ImportSecurity1795421469100 {
    constructor() {
        this.name = 'ImportSecurity1795421469100';
    }
    async up(queryRunner) {
        for (const table of STATE_OWNED)
            await (0, state_isolation_1.isolateByState)(queryRunner, table);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON weapon_imports TO iti_app`);
        await queryRunner.query(`GRANT SELECT, INSERT ON weapon_import_rejections TO iti_app`);
        // The twin of src/reference/reference-key.ts: case, accents, spaces and punctuation removed, × read as x.
        await queryRunner.query(`
      CREATE FUNCTION reference_key(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(replace(lower(regexp_replace(normalize(p, NFKD), '[\\u0300-\\u036f]', '', 'g') COLLATE "C"), '×', 'x'), '[^a-z0-9]', '', 'g')
      $$`);
        // A calendar date written YYYY-MM-DD (no exception per row: checked arithmetically).
        await queryRunner.query(`
      CREATE FUNCTION import_valid_date(p text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN p IS NULL OR p !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN false
          WHEN substr(p, 6, 2)::int NOT BETWEEN 1 AND 12 OR substr(p, 1, 4)::int < 1 THEN false
          ELSE substr(p, 9, 2)::int BETWEEN 1 AND
               extract(day FROM make_date(substr(p, 1, 4)::int, substr(p, 6, 2)::int, 1) + interval '1 month - 1 day')::int
        END
      $$`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION reference_key(text), import_valid_date(text) TO iti_app`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP FUNCTION import_valid_date(text)`);
        await queryRunner.query(`DROP FUNCTION reference_key(text)`);
        for (const table of STATE_OWNED)
            await (0, state_isolation_1.removeStateIsolation)(queryRunner, table);
    }
}
exports.ImportSecurity1795421469100 = ImportSecurity1795421469100;
//# sourceMappingURL=1795421469100-ImportSecurity.js.map