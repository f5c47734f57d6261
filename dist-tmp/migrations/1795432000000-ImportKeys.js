"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ImportKeys1795432000000 = void 0;
/**
 * Bulk-import speed: time-ordered keys and one normalisation per marking.
 *
 * time_ordered_uuid() builds a UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, the version, a
 * 30-bit counter (method 1, "fixed bit-length dedicated counter") across rand_a and rand_b, the variant
 * and 44 random bits. An import numbers its rows with it, so the
 * rows of one file land at the right edge of every primary-key and weapon_id index instead of at
 * random places in indexes larger than memory. Uniqueness comes from the time and the counter; the
 * 44 random bits only tell apart two imports started in the same millisecond.
 */
class ImportKeys1795432000000 {
    constructor() {
        this.name = 'ImportKeys1795432000000';
    }
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE FUNCTION time_ordered_uuid(p_at timestamptz, p_counter bigint) RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
        SELECT encode(
          int8send((floor(extract(epoch FROM p_at) * 1000)::bigint << 16) | 28672 | ((p_counter >> 18) & 4095))
          || int8send((-9223372036854775808)::bigint | ((p_counter & 262143) << 44) | floor(random() * 17592186044416)::bigint),
          'hex')::uuid
      $$`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION time_ordered_uuid(timestamptz, bigint) TO iti_app`);
        await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_inserted_markings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A marking that repeats the weapon's own serial (the usual frame marking) adds nothing to the index.
        INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
        SELECT m.state_code, m.weapon_id, m.id, m.normalised, m.folded
          FROM (SELECT n.*, translate(n.normalised, 'OILSBZG', '0115826') AS folded
                  FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised
                          FROM inserted_markings WHERE serial IS NOT NULL) n) m
         WHERE m.normalised <> ''
           AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_key = m.folded);
        RETURN NULL;
      END
      $$`);
    }
    async down(queryRunner) {
        await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_inserted_markings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A marking that repeats the weapon's own serial (the usual frame marking) adds nothing to the index.
        INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
        SELECT m.state_code, m.weapon_id, m.id, m.normalised, m.folded
          FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised,
                       translate(serial_normalise(serial), 'OILSBZG', '0115826') AS folded
                  FROM inserted_markings WHERE serial IS NOT NULL) m
         WHERE m.normalised <> ''
           AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_key = m.folded);
        RETURN NULL;
      END
      $$`);
        await queryRunner.query(`DROP FUNCTION time_ordered_uuid(timestamptz, bigint)`);
    }
}
exports.ImportKeys1795432000000 = ImportKeys1795432000000;
//# sourceMappingURL=1795432000000-ImportKeys.js.map