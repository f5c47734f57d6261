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
 * An exact serial also finds the records whose serial was registered partly read: a registry keeps the serial
 * of a seized or worn weapon with `?` for a character that could not be read and `*` for a run, and a trace that
 * brings the whole serial must find it. Such entries are few (index IDX_weapon_serials_partial); their key is
 * read as a LIKE pattern (`?` one character, `*` any run, a literal `%`, `_` or `\` escaped) that the key
 * searched for must fit. The entries equal to the key come first.
 */
export class SerialExactFitsPartial1795504000000 implements MigrationInterface {
  name = 'SerialExactFitsPartial1795504000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_weapon_serials_partial" ON weapon_serials (state_code) WHERE serial_key ~ '[?*]'`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION registry_serial_exact(p_key text, p_limit int) RETURNS TABLE (weapon_id uuid, serial_normalised text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 5 AS $$
        SELECT u.weapon_id, u.serial_normalised FROM (
          (SELECT s.weapon_id, s.serial_normalised::text FROM weapon_serials s
            WHERE s.state_code = app_current_state() AND s.serial_key = p_key
            LIMIT p_limit)
          UNION ALL
          (SELECT s.weapon_id, s.serial_normalised::text FROM weapon_serials s
            WHERE s.state_code = app_current_state() AND s.serial_key ~ '[?*]'
              AND p_key LIKE replace(replace(replace(replace(replace(s.serial_key, '\\', '\\\\'), '%', '\\%'), '_', '\\_'), '?', '_'), '*', '%')
            LIMIT p_limit)
        ) u
        LIMIT p_limit
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EXACT_ONLY);
    await queryRunner.query(`DROP INDEX "IDX_weapon_serials_partial"`);
  }
}
