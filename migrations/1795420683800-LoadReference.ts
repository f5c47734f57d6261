import { MigrationInterface, QueryRunner } from 'typeorm';
import calibres from '../src/reference/data/calibres.json';
import manufacturers from '../src/reference/data/manufacturers.json';
import weaponTypes from '../src/reference/data/weapon-types.json';

/**
 * Loads the shipped reference data (src/reference/data/*.json, each file naming its sources).
 * A later change of a file is loaded by a new migration that upserts it.
 */
export class LoadReference1795420683800 implements MigrationInterface {
  name = 'LoadReference1795420683800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const types = weaponTypes.entries as { code: string; name: string; category: string; aliases: string[] }[];
    await queryRunner.query(
      `INSERT INTO reference_weapon_types (code, name, category, aliases)
       SELECT code, name, category, ARRAY(SELECT jsonb_array_elements_text(aliases))
         FROM jsonb_to_recordset($1::jsonb) AS t(code text, name text, category text, aliases jsonb)`,
      [JSON.stringify(types)],
    );
    const calibreRows = (calibres.entries as { code: string; name: string; aliases: string[]; diameter_mm?: number; kind?: string }[]).map((c) => ({
      code: c.code, name: c.name, aliases: c.aliases, diameter_mm: c.diameter_mm ?? null, kind: c.kind ?? null,
    }));
    await queryRunner.query(
      `INSERT INTO reference_calibres (code, name, aliases, diameter_mm, kind)
       SELECT code, name, ARRAY(SELECT jsonb_array_elements_text(aliases)), diameter_mm, kind
         FROM jsonb_to_recordset($1::jsonb) AS t(code text, name text, aliases jsonb, diameter_mm numeric, kind text)`,
      [JSON.stringify(calibreRows)],
    );
    const makerRows = (manufacturers.entries as { code: string; name: string; country: string; aliases: string[]; former_names?: string[] }[]).map((m) => ({
      code: m.code, name: m.name, country: m.country, aliases: m.aliases, former_names: m.former_names ?? [],
    }));
    await queryRunner.query(
      `INSERT INTO reference_manufacturers (code, name, country, aliases, former_names)
       SELECT code, name, country, ARRAY(SELECT jsonb_array_elements_text(aliases)), ARRAY(SELECT jsonb_array_elements_text(former_names))
         FROM jsonb_to_recordset($1::jsonb) AS t(code text, name text, country text, aliases jsonb, former_names jsonb)`,
      [JSON.stringify(makerRows)],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM reference_manufacturers`);
    await queryRunner.query(`DELETE FROM reference_calibres`);
    await queryRunner.query(`DELETE FROM reference_weapon_types`);
  }
}
