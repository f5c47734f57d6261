"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReferenceAdoption1795480000000 = void 0;
/**
 * A registrar's addition to the reference data is read into the records that already name it: a weapon
 * whose manufacturer (or calibre) was kept as given, unknown, takes the code of the entry the addition
 * makes it match, as a weapon registered afterwards would, so that a search or report by that entry finds
 * it. The names matched are those the service matches (ReferenceMatcher): the code, name and aliases of a
 * new entry; the aliases only of an addition to a shipped one. Only the adding State's records change
 * (the trigger runs as the caller, under row-level security). The additions made before are read into the
 * records registered before them once, here.
 */
class ReferenceAdoption1795480000000 {
    constructor() {
        this.name = 'ReferenceAdoption1795480000000';
    }
    async up(queryRunner) {
        // The names an addition is matched by (the import reads them here too).
        await queryRunner.query(`
      CREATE FUNCTION reference_addition_names(a reference_additions) RETURNS varchar[] LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN EXISTS (SELECT 1 FROM reference_manufacturers m WHERE a.kind = 'manufacturer' AND m.code = a.code)
                      OR EXISTS (SELECT 1 FROM reference_calibres c WHERE a.kind = 'calibre' AND c.code = a.code)
                    THEN a.aliases ELSE ARRAY[a.code, a.name]::varchar[] || a.aliases END
      $$`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION reference_addition_names(reference_additions) TO iti_app`);
        await queryRunner.query(`
      CREATE FUNCTION weapons_adopt_reference_addition() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        keys text[] := ARRAY(SELECT DISTINCT reference_key(x) FROM unnest(reference_addition_names(NEW)) x WHERE reference_key(x) <> '');
      BEGIN
        IF NEW.kind = 'manufacturer' THEN
          UPDATE weapons SET manufacturer_code = NEW.code, unknown_references = array_remove(unknown_references, 'manufacturer')
           WHERE state_code = NEW.state_code AND manufacturer_code IS NULL AND manufacturer_text IS NOT NULL AND reference_key(manufacturer_text) = ANY (keys);
        ELSIF NEW.kind = 'calibre' THEN
          UPDATE weapons SET calibre_code = NEW.code, unknown_references = array_remove(unknown_references, 'calibre')
           WHERE state_code = NEW.state_code AND calibre_code IS NULL AND calibre_text IS NOT NULL AND reference_key(calibre_text) = ANY (keys);
        END IF;
        RETURN NULL;
      END
      $$`);
        await queryRunner.query(`CREATE TRIGGER reference_additions_adopted AFTER INSERT ON reference_additions FOR EACH ROW EXECUTE FUNCTION weapons_adopt_reference_addition()`);
        // The additions made before: read into the records registered before them, as the trigger reads those to come.
        await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE reference_additions NO FORCE ROW LEVEL SECURITY`);
        for (const kind of ['manufacturer', 'calibre']) {
            await queryRunner.query(`
        UPDATE weapons w SET ${kind}_code = k.code, unknown_references = array_remove(w.unknown_references, '${kind}')
          FROM (SELECT DISTINCT ON (state_code, key) state_code, key, code
                  FROM (SELECT a.state_code, a.code, a.created_at, reference_key(x) AS key
                          FROM reference_additions a, unnest(reference_addition_names(a)) x WHERE a.kind = '${kind}') keyed
                 WHERE key <> '' ORDER BY state_code, key, created_at DESC) k
         WHERE w.state_code = k.state_code AND w.${kind}_code IS NULL AND w.${kind}_text IS NOT NULL AND reference_key(w.${kind}_text) = k.key`);
        }
        await queryRunner.query(`ALTER TABLE reference_additions FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TRIGGER reference_additions_adopted ON reference_additions`);
        await queryRunner.query(`DROP FUNCTION weapons_adopt_reference_addition()`);
        await queryRunner.query(`DROP FUNCTION reference_addition_names(reference_additions)`);
    }
}
exports.ReferenceAdoption1795480000000 = ReferenceAdoption1795480000000;
//# sourceMappingURL=1795480000000-ReferenceAdoption.js.map