"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RegistrySecurity1795420683700 = exports.SERIAL_PATTERN_QUERY = void 0;
const state_isolation_1 = require("./support/state-isolation");
const STATE_OWNED = ['weapons', 'markings', 'record_events', 'registry_settings', 'reference_additions'];
/**
 * The serial index query run by registry_serial_pattern(), shared with the test that checks its plan.
 * $1 State, $2 LIKE pattern on the folded key, $3 limit.
 */
exports.SERIAL_PATTERN_QUERY = 'SELECT s.weapon_id, s.serial_normalised::text FROM weapon_serials s WHERE s.state_code = $1 AND s.serial_key LIKE $2 LIMIT $3';
/**
 * Registry isolation, append-only history and the serial search index.
 *
 * Search under row-level security: LIKE is not leakproof, so with a policy on the table PostgreSQL
 * evaluates the policy first and cannot use the trigram index. Serials therefore also live in
 * weapon_serials, whose row-level security is enabled but not forced: the app role is bound by the
 * policy, while two SECURITY DEFINER functions (owned by the owner, which the policy does not bind)
 * search it through its indexes and apply the State filter themselves, from app_current_state().
 */
class RegistrySecurity1795420683700 {
    constructor() {
        this.name = 'RegistrySecurity1795420683700';
    }
    async up(queryRunner) {
        for (const table of STATE_OWNED)
            await (0, state_isolation_1.isolateByState)(queryRunner, table);
        // ITI 11-12: the history is append-only. Corrections are new events; an event leaves only after its retention.
        await queryRunner.query(`
      CREATE FUNCTION record_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'record events are append-only: record a correction instead' USING ERRCODE = 'restrict_violation';
        ELSIF TG_OP = 'DELETE' THEN
          IF OLD.retain_until > current_date THEN
            RAISE EXCEPTION 'record event % must be kept until % (ITI 12)', OLD.id, OLD.retain_until USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'record events cannot be truncated' USING ERRCODE = 'restrict_violation';
      END
      $$`);
        await queryRunner.query(`CREATE TRIGGER record_events_append_only BEFORE UPDATE OR DELETE ON record_events FOR EACH ROW EXECUTE FUNCTION record_events_append_only()`);
        await queryRunner.query(`CREATE TRIGGER record_events_no_truncate BEFORE TRUNCATE ON record_events FOR EACH STATEMENT EXECUTE FUNCTION record_events_append_only()`);
        // Serial normalisation, the twin of src/registry/serial.ts (a test compares them).
        await queryRunner.query(`
      CREATE FUNCTION serial_normalise(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT upper(regexp_replace(normalize(p, NFKC), '[ \\t\\n\\r\\f\\v./-]', '', 'g') COLLATE "C")
      $$`);
        await queryRunner.query(`
      CREATE FUNCTION serial_fold(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT translate(serial_normalise(p), 'OILSBZG', '0115826')
      $$`);
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`
      -- No foreign keys: only the triggers below write it, from rows that exist, and a weapon's entries
      -- leave with it (trigger weapon_serials_of_deleted_weapon); per-row key checks would halve import speed.
      CREATE TABLE weapon_serials (
        state_code char(3) NOT NULL,
        weapon_id uuid NOT NULL,
        marking_id uuid,
        serial_normalised varchar(64) NOT NULL,
        serial_key varchar(64) NOT NULL
      )`);
        await queryRunner.query(`CREATE INDEX "IDX_weapon_serials_key" ON weapon_serials (state_code, serial_key)`);
        await queryRunner.query(`CREATE INDEX "IDX_weapon_serials_trgm" ON weapon_serials USING gin (serial_key gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "IDX_weapon_serials_weapon" ON weapon_serials (weapon_id)`);
        await queryRunner.query(`ALTER TABLE weapon_serials ENABLE ROW LEVEL SECURITY`);
        await queryRunner.query(`CREATE POLICY state_isolation ON weapon_serials USING (state_code = app_current_state()) WITH CHECK (state_code = app_current_state())`);
        // Kept in step by triggers, so that every path that writes weapons or markings (API, bulk import)
        // indexes them. Inserts are handled per statement through transition tables: one INSERT ... SELECT
        // for a whole import instead of one trigger call per row.
        await queryRunner.query(`
      CREATE FUNCTION weapon_serials_of_inserted_weapons() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
        SELECT state_code, id, normalised, translate(normalised, 'OILSBZG', '0115826')
          FROM (SELECT state_code, id, serial_normalise(serial_as_marked) AS normalised FROM inserted_weapons WHERE serial_as_marked IS NOT NULL) w
         WHERE normalised <> '';
        RETURN NULL;
      END
      $$`);
        await queryRunner.query(`CREATE TRIGGER weapons_serial_index_insert AFTER INSERT ON weapons REFERENCING NEW TABLE AS inserted_weapons
       FOR EACH STATEMENT EXECUTE FUNCTION weapon_serials_of_inserted_weapons()`);
        await queryRunner.query(`
      CREATE FUNCTION weapon_serials_of_updated_weapon() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM weapon_serials WHERE weapon_id = OLD.id AND marking_id IS NULL;
        IF NEW.serial_as_marked IS NOT NULL AND serial_normalise(NEW.serial_as_marked) <> '' THEN
          INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
          VALUES (NEW.state_code, NEW.id, serial_normalise(NEW.serial_as_marked), serial_fold(NEW.serial_as_marked));
        END IF;
        RETURN NEW;
      END
      $$`);
        await queryRunner.query(`CREATE TRIGGER weapons_serial_index_update AFTER UPDATE OF serial_as_marked ON weapons
       FOR EACH ROW WHEN (OLD.serial_as_marked IS DISTINCT FROM NEW.serial_as_marked) EXECUTE FUNCTION weapon_serials_of_updated_weapon()`);
        await queryRunner.query(`
      CREATE FUNCTION weapon_serials_of_inserted_markings() RETURNS trigger LANGUAGE plpgsql AS $$
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
        await queryRunner.query(`
      CREATE FUNCTION weapon_serials_of_deleted_weapon() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM weapon_serials WHERE weapon_id = OLD.id;
        RETURN OLD;
      END
      $$`);
        await queryRunner.query(`CREATE TRIGGER weapons_serial_index_delete AFTER DELETE ON weapons FOR EACH ROW EXECUTE FUNCTION weapon_serials_of_deleted_weapon()`);
        await queryRunner.query(`CREATE TRIGGER markings_serial_index AFTER INSERT ON markings REFERENCING NEW TABLE AS inserted_markings
       FOR EACH STATEMENT EXECUTE FUNCTION weapon_serials_of_inserted_markings()`);
        await queryRunner.query(`
      CREATE FUNCTION registry_serial_exact(p_key text, p_limit int) RETURNS TABLE (weapon_id uuid, serial_normalised text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT s.weapon_id, s.serial_normalised::text FROM weapon_serials s
         WHERE s.state_code = app_current_state() AND s.serial_key = p_key
         LIMIT p_limit
      $$`);
        // EXECUTE plans each call with its pattern, so the trigram index is chosen when the pattern allows it.
        await queryRunner.query(`
      CREATE FUNCTION registry_serial_pattern(p_like text, p_limit int) RETURNS TABLE (weapon_id uuid, serial_normalised text)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        RETURN QUERY EXECUTE '${exports.SERIAL_PATTERN_QUERY}' USING app_current_state(), p_like, p_limit;
      END
      $$`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION registry_serial_exact(text, int), registry_serial_pattern(text, int) FROM PUBLIC`);
        await queryRunner.query(`GRANT SELECT ON reference_weapon_types, reference_calibres, reference_manufacturers TO iti_app`);
        await queryRunner.query(`GRANT SELECT, INSERT ON reference_additions TO iti_app`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON weapons, markings TO iti_app`);
        await queryRunner.query(`GRANT SELECT, INSERT, DELETE ON record_events, weapon_serials TO iti_app`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON registry_settings TO iti_app`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION serial_normalise(text), serial_fold(text), registry_serial_exact(text, int), registry_serial_pattern(text, int) TO iti_app`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP FUNCTION registry_serial_pattern(text, int)`);
        await queryRunner.query(`DROP FUNCTION registry_serial_exact(text, int)`);
        await queryRunner.query(`DROP TRIGGER weapons_serial_index_delete ON weapons`);
        await queryRunner.query(`DROP FUNCTION weapon_serials_of_deleted_weapon()`);
        await queryRunner.query(`DROP TRIGGER markings_serial_index ON markings`);
        await queryRunner.query(`DROP FUNCTION weapon_serials_of_inserted_markings()`);
        await queryRunner.query(`DROP TRIGGER weapons_serial_index_update ON weapons`);
        await queryRunner.query(`DROP FUNCTION weapon_serials_of_updated_weapon()`);
        await queryRunner.query(`DROP TRIGGER weapons_serial_index_insert ON weapons`);
        await queryRunner.query(`DROP FUNCTION weapon_serials_of_inserted_weapons()`);
        await queryRunner.query(`DROP TABLE weapon_serials`);
        await queryRunner.query(`DROP FUNCTION serial_fold(text)`);
        await queryRunner.query(`DROP FUNCTION serial_normalise(text)`);
        await queryRunner.query(`DROP TRIGGER record_events_no_truncate ON record_events`);
        await queryRunner.query(`DROP TRIGGER record_events_append_only ON record_events`);
        await queryRunner.query(`DROP FUNCTION record_events_append_only()`);
        for (const table of STATE_OWNED)
            await (0, state_isolation_1.removeStateIsolation)(queryRunner, table);
    }
}
exports.RegistrySecurity1795420683700 = RegistrySecurity1795420683700;
//# sourceMappingURL=1795420683700-RegistrySecurity.js.map