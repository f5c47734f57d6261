"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SerialDashes1795481000000 = void 0;
const ASCII_SEPARATORS = String.raw `[ \t\n\r\f\v./-]`;
/** The typographic dashes a word processor writes for "-" (U+2010–U+2015, U+2212), separators too (src/registry/serial.ts). */
const SEPARATORS = String.raw `[ \t\n\r\f\v./\-\u2010-\u2015\u2212]`;
const TYPOGRAPHIC_DASH = String.raw `[\u2010-\u2015\u2212]`;
/**
 * Serials compare without the typographic dashes too: "AB–123" (an en dash) is "AB123" like "AB-123". The
 * stored forms of the weapons whose serial, or a marking's, holds one (the weapon's normalised serial, its
 * entries in the serial index) are made again as the triggers make them; no other row changes.
 */
class SerialDashes1795481000000 {
    constructor() {
        this.name = 'SerialDashes1795481000000';
    }
    async up(queryRunner) {
        await this.normaliseWith(queryRunner, SEPARATORS);
    }
    async down(queryRunner) {
        await this.normaliseWith(queryRunner, ASCII_SEPARATORS);
    }
    async normaliseWith(queryRunner, separators) {
        await queryRunner.query(`
      CREATE OR REPLACE FUNCTION serial_normalise(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT upper(regexp_replace(normalize(p, NFKC), E'${separators.replaceAll('\\', '\\\\')}', '', 'g') COLLATE "C")
      $$`);
        // Only the weapons whose serial, or a marking's, holds a typographic dash (after NFKC) read differently:
        // their normalised serial is computed again and their index entries made again, as the triggers make them.
        const dash = `E'${TYPOGRAPHIC_DASH.replaceAll('\\', '\\\\')}'`;
        await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE markings NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`DROP TABLE IF EXISTS serial_dash_weapons`);
        await queryRunner.query(`
      CREATE TEMP TABLE serial_dash_weapons ON COMMIT DROP AS
      SELECT id FROM weapons WHERE normalize(serial_as_marked, NFKC) ~ ${dash}
      UNION SELECT weapon_id FROM markings WHERE normalize(serial, NFKC) ~ ${dash}`);
        await queryRunner.query(`UPDATE weapons SET serial_normalised = serial_normalise(serial_as_marked) WHERE serial_as_marked IS NOT NULL AND id IN (SELECT id FROM serial_dash_weapons)`);
        await queryRunner.query(`DELETE FROM weapon_serials WHERE weapon_id IN (SELECT id FROM serial_dash_weapons)`);
        await queryRunner.query(`
      INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
      SELECT state_code, id, normalised, serial_fold(serial_as_marked)
        FROM (SELECT state_code, id, serial_as_marked, serial_normalise(serial_as_marked) AS normalised
                FROM weapons WHERE serial_as_marked IS NOT NULL AND id IN (SELECT id FROM serial_dash_weapons)) w
       WHERE normalised <> ''`);
        await queryRunner.query(`
      INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
      SELECT m.state_code, m.weapon_id, m.id, m.normalised, m.folded
        FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised, serial_fold(serial) AS folded
                FROM markings WHERE serial IS NOT NULL AND withdrawn_by IS NULL AND weapon_id IN (SELECT id FROM serial_dash_weapons)) m
       WHERE m.normalised <> ''
         AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_key = m.folded)`);
        await queryRunner.query(`ALTER TABLE markings FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
    }
}
exports.SerialDashes1795481000000 = SerialDashes1795481000000;
//# sourceMappingURL=1795481000000-SerialDashes.js.map