import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A registrar's addition to the reference data is read into the records that already name it: a weapon
 * whose manufacturer (or calibre) was kept as given, unknown, takes the code of the entry the addition
 * makes it match, as a weapon registered afterwards would, so that a search or report by that entry finds
 * it. The names matched are those the service matches (ReferenceMatcher): the code, name and aliases of a
 * new entry; the aliases only of an addition to a shipped one. Only the adding State's records change
 * (the trigger runs as the caller, under row-level security).
 */
export class ReferenceAdoption1795480000000 implements MigrationInterface {
  name = 'ReferenceAdoption1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION weapons_adopt_reference_addition() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        shipped boolean := CASE NEW.kind
          WHEN 'manufacturer' THEN EXISTS (SELECT 1 FROM reference_manufacturers WHERE code = NEW.code)
          ELSE EXISTS (SELECT 1 FROM reference_calibres WHERE code = NEW.code) END;
        keys text[] := ARRAY(SELECT DISTINCT reference_key(x)
                               FROM unnest(CASE WHEN shipped THEN NEW.aliases ELSE ARRAY[NEW.code, NEW.name]::varchar[] || NEW.aliases END) x
                              WHERE reference_key(x) <> '');
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
    await queryRunner.query(
      `CREATE TRIGGER reference_additions_adopted AFTER INSERT ON reference_additions FOR EACH ROW EXECUTE FUNCTION weapons_adopt_reference_addition()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER reference_additions_adopted ON reference_additions`);
    await queryRunner.query(`DROP FUNCTION weapons_adopt_reference_addition()`);
  }
}
