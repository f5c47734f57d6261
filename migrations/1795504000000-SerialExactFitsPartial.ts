import { MigrationInterface, QueryRunner } from 'typeorm';

/** registry_serial_exact() as migration RegistrySecurity wrote it (the rows estimate from SerialSearchRowEstimates). */
const EXACT_ONLY = `
      CREATE OR REPLACE FUNCTION registry_serial_exact(p_key text, p_limit int) RETURNS TABLE (weapon_id uuid, serial_normalised text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 5 AS $$
        SELECT s.weapon_id, s.serial_normalised::text FROM weapon_serials s
         WHERE s.state_code = app_current_state() AND s.serial_key = p_key
         LIMIT p_limit
      $$`;

/**
 * The keys held partly read that an exact serial may fit: with `?` or `*`, and narrow enough to tell weapons
 * apart (as a partial serial searched for must be: 3 readable characters in a row, or 2 at its start or end).
 * The partial index's predicate, written the same in the query so that it is used.
 */
const PARTLY_READ = `serial_key ~ '[?*]' AND serial_key ~ '^[^?*]{2}|[^?*]{2}$|[^?*]{3}'`;

/**
 * registry_serial_exact()'s query, $1 the key searched for and $2 the most entries (the State is the caller's):
 * the entries equal to the key first, then those held partly read that it fits, their key read as a LIKE
 * pattern (`?` one character, `*` any run, a literal `\`, `%` or `_` escaped). Exported for the plan test.
 */
export const SERIAL_EXACT_QUERY = `
        SELECT u.weapon_id, u.serial_normalised FROM (
          (SELECT s.weapon_id, s.serial_normalised::text, 0 AS fit FROM weapon_serials s
            WHERE s.state_code = app_current_state() AND s.serial_key = $1
            LIMIT $2)
          UNION ALL
          (SELECT s.weapon_id, s.serial_normalised::text, 1 AS fit FROM weapon_serials s
            WHERE s.state_code = app_current_state() AND ${PARTLY_READ.replaceAll('serial_key', 's.serial_key')}
              AND $1 LIKE replace(replace(replace(replace(replace(s.serial_key, '\\', '\\\\'), '%', '\\%'), '_', '\\_'), '?', '_'), '*', '%')
            LIMIT $2)
        ) u
        ORDER BY u.fit
        LIMIT $2`;

/**
 * An exact serial also finds the records whose serial was registered partly read: a registry keeps the serial
 * of a seized or worn weapon with `?` for a character that could not be read and `*` for a run, and a trace that
 * brings the whole serial must find it. Such entries are few (index IDX_weapon_serials_partial).
 */
export class SerialExactFitsPartial1795504000000 implements MigrationInterface {
  name = 'SerialExactFitsPartial1795504000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_weapon_serials_partial" ON weapon_serials (state_code) WHERE ${PARTLY_READ}`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION registry_serial_exact(p_key text, p_limit int) RETURNS TABLE (weapon_id uuid, serial_normalised text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 5 AS $$${SERIAL_EXACT_QUERY.replaceAll('$1', 'p_key').replaceAll('$2', 'p_limit')}
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EXACT_ONLY);
    await queryRunner.query(`DROP INDEX "IDX_weapon_serials_partial"`);
  }
}
