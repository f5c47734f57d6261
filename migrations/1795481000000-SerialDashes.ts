import { MigrationInterface, QueryRunner } from 'typeorm';

const ASCII_SEPARATORS = String.raw`[ \t\n\r\f\v./-]`;
/** The typographic dashes a word processor writes for "-" (U+2010–U+2015, U+2212), separators too (src/registry/serial.ts). */
const SEPARATORS = String.raw`[ \t\n\r\f\v./\-\u2010-\u2015\u2212]`;
const TYPOGRAPHIC_DASH = String.raw`[\u2010-\u2015\u2212]`;

/**
 * Serials compare without the typographic dashes too: "AB–123" (an en dash) is "AB123" like "AB-123". The
 * stored forms of the serials that hold one (the weapon's normalised serial, and the serial index) are
 * computed again; no other row changes.
 */
export class SerialDashes1795481000000 implements MigrationInterface {
  name = 'SerialDashes1795481000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.normaliseWith(queryRunner, SEPARATORS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.normaliseWith(queryRunner, ASCII_SEPARATORS);
  }

  private async normaliseWith(queryRunner: QueryRunner, separators: string): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION serial_normalise(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT upper(regexp_replace(normalize(p, NFKC), E'${separators.replaceAll('\\', '\\\\')}', '', 'g') COLLATE "C")
      $$`);
    // Only serials that hold a typographic dash (after NFKC) read differently: they alone are computed again.
    await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE markings NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `UPDATE weapons SET serial_normalised = serial_normalise(serial_as_marked) WHERE normalize(serial_as_marked, NFKC) ~ E'${TYPOGRAPHIC_DASH.replaceAll('\\', '\\\\')}'`,
    );
    await queryRunner.query(`
      UPDATE weapon_serials s SET serial_normalised = serial_normalise(w.serial_as_marked), serial_key = serial_fold(w.serial_as_marked)
        FROM weapons w
       WHERE s.weapon_id = w.id AND s.marking_id IS NULL AND normalize(w.serial_as_marked, NFKC) ~ E'${TYPOGRAPHIC_DASH.replaceAll('\\', '\\\\')}'`);
    await queryRunner.query(`
      UPDATE weapon_serials s SET serial_normalised = serial_normalise(m.serial), serial_key = serial_fold(m.serial)
        FROM markings m
       WHERE s.marking_id = m.id AND normalize(m.serial, NFKC) ~ E'${TYPOGRAPHIC_DASH.replaceAll('\\', '\\\\')}'`);
    await queryRunner.query(`ALTER TABLE markings FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
  }
}
