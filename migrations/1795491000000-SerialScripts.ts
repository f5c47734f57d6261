import { MigrationInterface, QueryRunner } from 'typeorm';

/** The separators of serial_normalise (migration SerialDashes, src/registry/serial.ts). */
const SEPARATORS = String.raw`[ \t\n\r\f\v./\-\u2010-\u2015\u2212]`;

function span(first: number, last: number): string {
  return String.fromCodePoint(...Array.from({ length: last - first + 1 }, (_, i) => first + i));
}

/** Cyrillic and Greek small letters and their capitals, one for one (SCRIPT_SMALL, SCRIPT_CAPITAL in src/registry/serial.ts). */
const SMALL = `${span(0x430, 0x44f)}${span(0x450, 0x45f)}\u0491${span(0x3b1, 0x3c1)}${span(0x3c3, 0x3c9)}\u03c2`;
const CAPITAL = `${span(0x410, 0x42f)}${span(0x400, 0x40f)}\u0490${span(0x391, 0x3a1)}${span(0x3a3, 0x3a9)}\u03a3`;

/** The look-alikes folded, Cyrillic and Greek capitals to their Latin twins and on to digits (FOLD_FROM, FOLD_TO). */
const FOLD_FROM = 'OILSBZGАВЕЁЗІЇЈКМНОРСЅТУХΑΒΕΖΗΙΚΜΝΟΡΤΥΧ';
const FOLD_TO = '0115826A8EE311JKMH0PC5TYXA8E2H1KMN0PTYX';

/** A Cyrillic or Greek character, after NFKC: the serials whose stored forms change. */
const SCRIPTS = String.raw`[\u0370-\u03ff\u0400-\u04ff]`;

/**
 * Serials stamped in Cyrillic or Greek compare as they read: "кт 4512" is "КТ4512" (case, as for Latin
 * letters), and its look-alike key is the Latin one's ("KT4512" finds it). The stored forms of the weapons
 * whose serial, or a marking's, holds such a letter are made again as the triggers make them; no other row
 * changes.
 */
export class SerialScripts1795491000000 implements MigrationInterface {
  name = 'SerialScripts1795491000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.serialsWith(queryRunner, `translate(upper(regexp_replace(normalize(p, NFKC), E'${escaped(SEPARATORS)}', '', 'g') COLLATE "C"), '${SMALL}', '${CAPITAL}')`, FOLD_FROM, FOLD_TO);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.serialsWith(queryRunner, `upper(regexp_replace(normalize(p, NFKC), E'${escaped(SEPARATORS)}', '', 'g') COLLATE "C")`, 'OILSBZG', '0115826');
  }

  private async serialsWith(queryRunner: QueryRunner, normalise: string, foldFrom: string, foldTo: string): Promise<void> {
    const fold = (normalised: string) => `translate(${normalised}, '${foldFrom}', '${foldTo}')`;
    await queryRunner.query(`CREATE OR REPLACE FUNCTION serial_normalise(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ${normalise} $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION serial_fold(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ${fold('serial_normalise(p)')} $$`);
    // The triggers that index a statement's inserts fold the normalised serial they computed (no second call).
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_inserted_weapons() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
        SELECT state_code, id, normalised, ${fold('normalised')}
          FROM (SELECT state_code, id, serial_normalise(serial_as_marked) AS normalised FROM inserted_weapons WHERE serial_as_marked IS NOT NULL) w
         WHERE normalised <> '';
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_inserted_markings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A marking that repeats the weapon's own serial (the usual frame marking) adds nothing to the index.
        INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
        SELECT m.state_code, m.weapon_id, m.id, m.normalised, m.folded
          FROM (SELECT n.*, ${fold('n.normalised')} AS folded
                  FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised
                          FROM inserted_markings WHERE serial IS NOT NULL) n) m
         WHERE m.normalised <> ''
           AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_key = m.folded);
        RETURN NULL;
      END
      $$`);
    const scripts = `E'${escaped(SCRIPTS)}'`;
    await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE markings NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`DROP TABLE IF EXISTS serial_script_weapons`);
    await queryRunner.query(`
      CREATE TEMP TABLE serial_script_weapons ON COMMIT DROP AS
      SELECT id FROM weapons WHERE normalize(serial_as_marked, NFKC) ~ ${scripts}
      UNION SELECT weapon_id FROM markings WHERE normalize(serial, NFKC) ~ ${scripts}`);
    await queryRunner.query(`UPDATE weapons SET serial_normalised = serial_normalise(serial_as_marked) WHERE serial_as_marked IS NOT NULL AND id IN (SELECT id FROM serial_script_weapons)`);
    await queryRunner.query(`DELETE FROM weapon_serials WHERE weapon_id IN (SELECT id FROM serial_script_weapons)`);
    await queryRunner.query(`
      INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
      SELECT state_code, id, normalised, serial_fold(serial_as_marked)
        FROM (SELECT state_code, id, serial_as_marked, serial_normalise(serial_as_marked) AS normalised
                FROM weapons WHERE serial_as_marked IS NOT NULL AND id IN (SELECT id FROM serial_script_weapons)) w
       WHERE normalised <> ''`);
    await queryRunner.query(`
      INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
      SELECT m.state_code, m.weapon_id, m.id, m.normalised, m.folded
        FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised, serial_fold(serial) AS folded
                FROM markings WHERE serial IS NOT NULL AND withdrawn_by IS NULL AND weapon_id IN (SELECT id FROM serial_script_weapons)) m
       WHERE m.normalised <> ''
         AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_key = m.folded)`);
    await queryRunner.query(`ALTER TABLE markings FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
  }
}

function escaped(pattern: string): string {
  return pattern.replaceAll('\\', '\\\\');
}
