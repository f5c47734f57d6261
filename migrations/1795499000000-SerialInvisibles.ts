import { MigrationInterface, QueryRunner } from 'typeorm';

/** The separators of serial_normalise until this migration (migration SerialDashes, src/registry/serial.ts). */
const SEPARATORS = String.raw`[ \t\n\r\f\v./\-\u2010-\u2015\u2212]`;
/** Unicode's Default_Ignorable_Code_Point (INVISIBLE_RANGES in src/registry/serial.ts), as PostgreSQL's regular expressions write them. */
const INVISIBLE = String.raw`\u00ad\u034f\u061c\u115f-\u1160\u17b4-\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff`;
const SEPARATORS_AND_INVISIBLE = String.raw`[ \t\n\r\f\v./\-\u2010-\u2015\u2212${INVISIBLE}]`;

function span(first: number, last: number): string {
  return String.fromCodePoint(...Array.from({ length: last - first + 1 }, (_, i) => first + i));
}

/** Cyrillic and Greek small letters and their capitals, one for one (migration SerialScripts). */
const SMALL = `${span(0x430, 0x44f)}${span(0x450, 0x45f)}\u0491${span(0x3b1, 0x3c1)}${span(0x3c3, 0x3c9)}\u03c2`;
const CAPITAL = `${span(0x410, 0x42f)}${span(0x400, 0x40f)}\u0490${span(0x391, 0x3a1)}${span(0x3a3, 0x3a9)}\u03a3`;

/**
 * Serials compare without the characters that show nothing: "AB\u00ad123" (a soft hyphen, as a PDF or a web page
 * gives it when copied) or "AB\u200b123" (a zero-width space) is "AB123"; and a letter and its accent kept apart
 * by a separator or such a character are one letter (NFKC once more). The stored forms of the weapons whose
 * serial, or a marking's, holds a character beyond ASCII (the weapon's normalised serial, its entries in the
 * serial index) are made again as the triggers make them; no other row changes. serial_fold() and the
 * triggers call serial_normalise().
 */
export class SerialInvisibles1795499000000 implements MigrationInterface {
  name = 'SerialInvisibles1795499000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // NFKC again once they are gone: a letter and the accent they kept apart are one letter.
    await this.normaliseWith(queryRunner, `normalize(regexp_replace(normalize(p, NFKC), E'${escaped(SEPARATORS_AND_INVISIBLE)}', '', 'g'), NFKC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.normaliseWith(queryRunner, `regexp_replace(normalize(p, NFKC), E'${escaped(SEPARATORS)}', '', 'g')`);
  }

  private async normaliseWith(queryRunner: QueryRunner, withoutSeparators: string): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION serial_normalise(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT translate(upper(${withoutSeparators} COLLATE "C"), '${SMALL}', '${CAPITAL}')
      $$`);
    // Only a serial with a character beyond ASCII (after NFKC) may read otherwise: an invisible one, or an accent.
    const beyondAscii = `E'${escaped(String.raw`[^\x01-\x7f]`)}'`;
    await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE markings NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`DROP TABLE IF EXISTS serial_invisible_weapons`);
    await queryRunner.query(`
      CREATE TEMP TABLE serial_invisible_weapons ON COMMIT DROP AS
      SELECT id FROM weapons WHERE normalize(serial_as_marked, NFKC) ~ ${beyondAscii}
      UNION SELECT weapon_id FROM markings WHERE normalize(serial, NFKC) ~ ${beyondAscii}`);
    await queryRunner.query(`UPDATE weapons SET serial_normalised = serial_normalise(serial_as_marked) WHERE serial_as_marked IS NOT NULL AND id IN (SELECT id FROM serial_invisible_weapons)`);
    await queryRunner.query(`DELETE FROM weapon_serials WHERE weapon_id IN (SELECT id FROM serial_invisible_weapons)`);
    await queryRunner.query(`
      INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
      SELECT state_code, id, normalised, serial_fold(serial_as_marked)
        FROM (SELECT state_code, id, serial_as_marked, serial_normalise(serial_as_marked) AS normalised
                FROM weapons WHERE serial_as_marked IS NOT NULL AND id IN (SELECT id FROM serial_invisible_weapons)) w
       WHERE normalised <> ''`);
    await queryRunner.query(`
      INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
      SELECT m.state_code, m.weapon_id, m.id, m.normalised, m.folded
        FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised, serial_fold(serial) AS folded
                FROM markings WHERE serial IS NOT NULL AND withdrawn_by IS NULL AND weapon_id IN (SELECT id FROM serial_invisible_weapons)) m
       WHERE m.normalised <> ''
         AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_key = m.folded)`);
    await queryRunner.query(`ALTER TABLE markings FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
  }
}

function escaped(pattern: string): string {
  return pattern.replaceAll('\\', '\\\\');
}
