import { MigrationInterface, QueryRunner } from 'typeorm';

/** The look-alikes folded (FOLD_FROM, FOLD_TO in src/registry/serial.ts; migration SerialScripts). */
const FOLD = `'OILSBZGАВЕЁЗІЇЈКМНОРСЅТУХΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', '0115826A8EE311JKMH0PC5TYXA8E2H1KMN0PTYX'`;

/**
 * The triggers that index a statement's new serials normalise each serial once. PostgreSQL inlines
 * serial_normalise() into the query, and a subquery's column used in the filter, the folding and the
 * select list was computed there once for each use: three times a weapon, three a marking, the most
 * costly part of an import (half of the weapons' insert). A MATERIALIZED step computes it once. What the
 * triggers write does not change.
 */
export class SerialIndexOncePerRow1795502000000 implements MigrationInterface {
  name = 'SerialIndexOncePerRow1795502000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_inserted_weapons() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH normalised AS MATERIALIZED (
               SELECT state_code, id, serial_normalise(serial_as_marked) AS normalised FROM inserted_weapons WHERE serial_as_marked IS NOT NULL)
        INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
        SELECT state_code, id, normalised, translate(normalised, ${FOLD}) FROM normalised WHERE normalised <> '';
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_inserted_markings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A marking that repeats the weapon's own serial (the usual frame marking) adds nothing to the index.
        WITH normalised AS MATERIALIZED (
               SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised FROM inserted_markings WHERE serial IS NOT NULL),
             folded AS MATERIALIZED (
               SELECT n.*, translate(n.normalised, ${FOLD}) AS folded FROM normalised n WHERE n.normalised <> '')
        INSERT INTO weapon_serials (state_code, weapon_id, marking_id, serial_normalised, serial_key)
        SELECT m.state_code, m.weapon_id, m.id, m.normalised, m.folded
          FROM folded m
         WHERE NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_key = m.folded);
        RETURN NULL;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // As migration SerialScripts left them.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION weapon_serials_of_inserted_weapons() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key)
        SELECT state_code, id, normalised, translate(normalised, ${FOLD})
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
          FROM (SELECT n.*, translate(n.normalised, ${FOLD}) AS folded
                  FROM (SELECT state_code, weapon_id, id, serial_normalise(serial) AS normalised
                          FROM inserted_markings WHERE serial IS NOT NULL) n) m
         WHERE m.normalised <> ''
           AND NOT EXISTS (SELECT 1 FROM weapon_serials w WHERE w.weapon_id = m.weapon_id AND w.marking_id IS NULL AND w.serial_key = m.folded);
        RETURN NULL;
      END
      $$`);
  }
}
