import { MigrationInterface, QueryRunner } from 'typeorm';

/** The look-alikes folded (FOLD_FROM, FOLD_TO in src/registry/serial.ts; migration SerialScripts). */
const FOLD = `'OILSBZGАВЕЁЗІЇЈКМНОРСЅТУХΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', '0115826A8EE311JKMH0PC5TYXA8E2H1KMN0PTYX'`;

/** A serial index entry's key, from its normalised serial: folded, then composed (foldSerial in src/registry/serial.ts). */
const KEY = (normalised: string) => `normalize(translate(${normalised}, ${FOLD}), NFKC)`;
/** The key as migration SerialScripts left it: folded only. */
const FOLDED_KEY = (normalised: string) => `translate(${normalised}, ${FOLD})`;

/** A character beyond ASCII: only a key holding one may change. */
const BEYOND_ASCII = String.raw`E'[^\\x01-\\x7f]'`;

/** The weapon's own entry in the serial index, as weapon_serials_of_updated_weapon() makes it (migration RecordCorrections). */
const WEAPON_ENTRY = `
        DELETE FROM weapon_serials WHERE weapon_id = OLD.id AND marking_id IS NULL;
        IF NEW.serial_as_marked IS NOT NULL AND serial_normalise(NEW.serial_as_marked) <> '' THEN
          INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
          VALUES (NEW.state_code, NEW.id, serial_normalise(NEW.serial_as_marked), serial_fold(NEW.serial_as_marked));
        END IF;`;

/**
 * Three changes to the serial index (weapon_serials), one purpose: each reading of a weapon's serials is found
 * as it reads.
 *
 * - It holds every reading of a weapon's markings that differs from its serial's. A marking that read as the
 *   serial only through look-alikes (serial "AB105", frame marking read "AB1O5") was left out, the weapon's own
 *   entry finding it; a search for the marking's exact reading then ranked the weapon as a look-alike. Such
 *   markings are indexed now, and those already recorded added; a marking that reads exactly as the serial still
 *   adds nothing.
 * - A key is composed after folding (NFKC): a Cyrillic Ё with an accent of its own ("Ё\u0308") folds to a Latin E
 *   with that accent, which is the one letter Ë, as typed; it was kept as two characters, which the same serial
 *   typed in Latin letters never matched (folding twice changed it). Keys holding a character beyond ASCII are
 *   composed again; no other changes.
 * - The triggers that index a statement's new rows normalise each serial once: PostgreSQL inlines
 *   serial_normalise(), and a subquery's column used in the filter, the folding and the select list was
 *   computed once for each use (three times an imported weapon, as often its marking: the costliest part of an
 *   import). A marking whose serial is written as the weapon's entry reads (the usual frame marking) is not
 *   normalised at all: it reads so.
 */
export class SerialIndexReadings1795502000000 implements MigrationInterface {
  name = 'SerialIndexReadings1795502000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION serial_fold(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ${KEY('serial_normalise(p)')} $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_inserted_weapons() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH normalised AS MATERIALIZED (
               SELECT state_code, id, serial_normalise(serial_as_marked) AS normalised FROM inserted_weapons WHERE serial_as_marked IS NOT NULL)
        INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
        SELECT state_code, id, normalised, ${KEY('normalised')} FROM normalised WHERE normalised <> '';
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_inserted_markings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A marking that reads exactly as the weapon's serial (the usual frame marking) adds nothing to the index;
        -- one written as the serial's entry reads is such a marking without normalising it (normalising is idempotent).
        WITH candidates AS MATERIALIZED (
               SELECT m.state_code, m.weapon_id, m.id, serial_normalise(m.serial) AS normalised FROM inserted_markings m
                WHERE m.serial IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_normalised = m.serial))
        INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
        SELECT c.state_code, c.weapon_id, c.id, c.normalised, ${KEY('c.normalised')}
          FROM candidates c
         WHERE c.normalised <> ''
           AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = c.weapon_id AND w.marking_id IS NULL AND w.serial_normalised = c.normalised);
        RETURN NULL;
      END
      $$`);
    await this.updatedWeaponTrigger(queryRunner, 'w.serial_normalised = m.normalised');
    // Keys composed (weapon_serials' row-level security is not forced: the owner reads every State's).
    await queryRunner.query(`
      UPDATE weapon_serials SET serial_key = ${KEY('serial_normalised')}
       WHERE serial_key ~ ${BEYOND_ASCII} AND serial_key <> ${KEY('serial_normalised')}`);
    // The markings recorded so far that read as their weapon's serial only through look-alikes.
    await queryRunner.query(`ALTER TABLE markings NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
      SELECT m.state_code, m.weapon_id, m.id, m.normalised, ${KEY('m.normalised')}
        FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised
                FROM markings WHERE serial IS NOT NULL AND withdrawn_by IS NULL) m
       WHERE m.normalised <> ''
         AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND (w.marking_id = m.id OR (w.marking_id IS NULL AND w.serial_normalised = m.normalised)))`);
    await queryRunner.query(`ALTER TABLE markings FORCE ROW LEVEL SECURITY`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // As migrations SerialScripts and RecordCorrections left them.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION serial_fold(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ${FOLDED_KEY('serial_normalise(p)')} $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_inserted_weapons() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
        SELECT state_code, id, normalised, ${FOLDED_KEY('normalised')}
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
          FROM (SELECT n.*, ${FOLDED_KEY('n.normalised')} AS folded
                  FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised
                          FROM inserted_markings WHERE serial IS NOT NULL) n) m
         WHERE m.normalised <> ''
           AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_key = m.folded);
        RETURN NULL;
      END
      $$`);
    await this.updatedWeaponTrigger(queryRunner, 'w.serial_key = m.folded');
    await queryRunner.query(`
      UPDATE weapon_serials SET serial_key = ${FOLDED_KEY('serial_normalised')}
       WHERE serial_key ~ ${BEYOND_ASCII} AND serial_key <> ${FOLDED_KEY('serial_normalised')}`);
    // The markings' entries that the weapon's own entry finds again through look-alikes only (those up() added) go.
    await queryRunner.query(`
      DELETE FROM weapon_serials m
       WHERE m.marking_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_key = m.serial_key
                                                     AND w.serial_normalised <> m.serial_normalised)`);
  }

  /** weapon_serials_of_updated_weapon(), its markings left out of the index when `sameAsWeapon` (w: the weapon's entry, m: the marking). */
  private async updatedWeaponTrigger(queryRunner: QueryRunner, sameAsWeapon: string): Promise<void> {
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
                            WHERE w.weapon_id = m.weapon_id AND (w.marking_id = m.id OR (w.marking_id IS NULL AND ${sameAsWeapon})));
        RETURN NEW;
      END
      $$`);
  }
}
