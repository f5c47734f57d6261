"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RecordCorrections1795479000000 = void 0;
/**
 * Corrections of the record itself (ITI 12: records accurate for as long as they are kept): a correction of
 * a record's first event may correct the description recorded with it, and any correction may withdraw
 * markings recorded in error. The correction keeps what it changed (`description`, each field from → to);
 * a withdrawn marking stays, naming the correction that withdrew it, and leaves the serial index. The app
 * role may no longer change a marking otherwise.
 */
/** The weapon's own entry in the serial index, as weapon_serials_of_updated_weapon() makes it (migration RegistrySecurity). */
const WEAPON_ENTRY = `
        DELETE FROM weapon_serials WHERE weapon_id = OLD.id AND marking_id IS NULL;
        IF NEW.serial_as_marked IS NOT NULL AND serial_normalise(NEW.serial_as_marked) <> '' THEN
          INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
          VALUES (NEW.state_code, NEW.id, serial_normalise(NEW.serial_as_marked), serial_fold(NEW.serial_as_marked));
        END IF;`;
class RecordCorrections1795479000000 {
    constructor() {
        this.name = 'RecordCorrections1795479000000';
    }
    async up(queryRunner) {
        await queryRunner.query(`ALTER TABLE "markings" ADD "withdrawn_by" uuid`);
        await queryRunner.query(`ALTER TABLE "record_events" ADD "description" jsonb`);
        await queryRunner.query(`ALTER TABLE "record_events" ADD CONSTRAINT "CHK_record_events_description" CHECK ("description" IS NULL OR ("type" = 'corrected' AND "restates"))`);
        // A marking is kept as read: the service only ever withdraws one.
        await queryRunner.query(`REVOKE UPDATE ON markings FROM iti_app`);
        await queryRunner.query(`GRANT UPDATE (withdrawn_by) ON markings TO iti_app`);
        // A withdrawal is final: a marking withdrawn in error is recorded again, as read.
        await queryRunner.query(`
      CREATE FUNCTION markings_withdrawal_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'marking % was withdrawn by correction %: a withdrawal is final', OLD.id, OLD.withdrawn_by USING ERRCODE = 'integrity_constraint_violation';
      END
      $$`);
        await queryRunner.query(`CREATE TRIGGER markings_withdrawal_final BEFORE UPDATE OF withdrawn_by ON markings
       FOR EACH ROW WHEN (OLD.withdrawn_by IS NOT NULL AND NEW.withdrawn_by IS DISTINCT FROM OLD.withdrawn_by) EXECUTE FUNCTION markings_withdrawal_final()`);
        await queryRunner.query(`
      CREATE FUNCTION weapon_serials_of_withdrawn_marking() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM weapon_serials WHERE marking_id = NEW.id;
        RETURN NULL;
      END
      $$`);
        await queryRunner.query(`CREATE TRIGGER markings_serial_index_withdrawn AFTER UPDATE OF withdrawn_by ON markings
       FOR EACH ROW WHEN (OLD.withdrawn_by IS NULL AND NEW.withdrawn_by IS NOT NULL) EXECUTE FUNCTION weapon_serials_of_withdrawn_marking()`);
        // A marking that repeated the weapon's serial was left out of the index (the weapon's own entry found it):
        // once the weapon's serial is corrected, such a marking is indexed on its own.
        await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_updated_weapon() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
${WEAPON_ENTRY}
        INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
        SELECT m.state_code, m.weapon_id, m.id, m.normalised, m.folded
          FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised, serial_fold(serial) AS folded
                  FROM markings WHERE weapon_id = NEW.id AND serial IS NOT NULL AND withdrawn_by IS NULL) m
         WHERE m.normalised <> ''
           AND NOT EXISTS (SELECT 1 FROM weapon_serials w
                            WHERE w.weapon_id = m.weapon_id AND (w.marking_id = m.id OR (w.marking_id IS NULL AND w.serial_key = m.folded)));
        RETURN NEW;
      END
      $$`);
    }
    async down(queryRunner) {
        await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_updated_weapon() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
${WEAPON_ENTRY}
        RETURN NEW;
      END
      $$`);
        // Withdrawn markings count again, found by their serials as before they were withdrawn.
        await queryRunner.query(`ALTER TABLE markings NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`
      INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
      SELECT m.state_code, m.weapon_id, m.id, m.normalised, m.folded
        FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised, serial_fold(serial) AS folded
                FROM markings WHERE withdrawn_by IS NOT NULL AND serial IS NOT NULL) m
       WHERE m.normalised <> ''
         AND NOT EXISTS (SELECT 1 FROM weapon_serials w
                          WHERE w.weapon_id = m.weapon_id AND (w.marking_id = m.id OR (w.marking_id IS NULL AND w.serial_key = m.folded)))`);
        await queryRunner.query(`ALTER TABLE markings FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`DROP TRIGGER markings_serial_index_withdrawn ON markings`);
        await queryRunner.query(`DROP FUNCTION weapon_serials_of_withdrawn_marking()`);
        await queryRunner.query(`DROP TRIGGER markings_withdrawal_final ON markings`);
        await queryRunner.query(`DROP FUNCTION markings_withdrawal_final()`);
        await queryRunner.query(`ALTER TABLE "record_events" DROP CONSTRAINT "CHK_record_events_description"`);
        await queryRunner.query(`ALTER TABLE "record_events" DROP COLUMN "description"`);
        await queryRunner.query(`ALTER TABLE "markings" DROP COLUMN "withdrawn_by"`);
        await queryRunner.query(`GRANT UPDATE ON markings TO iti_app`);
    }
}
exports.RecordCorrections1795479000000 = RecordCorrections1795479000000;
//# sourceMappingURL=1795479000000-RecordCorrections.js.map