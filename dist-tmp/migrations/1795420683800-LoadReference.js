"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoadReference1795420683800 = void 0;
const calibres_json_1 = __importDefault(require("../src/reference/data/calibres.json"));
const manufacturers_json_1 = __importDefault(require("../src/reference/data/manufacturers.json"));
const weapon_types_json_1 = __importDefault(require("../src/reference/data/weapon-types.json"));
/**
 * Loads the shipped reference data (src/reference/data/*.json, each file naming its sources).
 * A later change of a file is loaded by a new migration that upserts it.
 */
class LoadReference1795420683800 {
    constructor() {
        this.name = 'LoadReference1795420683800';
    }
    async up(queryRunner) {
        const types = weapon_types_json_1.default.entries;
        await queryRunner.query(`INSERT INTO reference_weapon_types (code, name, category, aliases)
       SELECT code, name, category, ARRAY(SELECT jsonb_array_elements_text(aliases))
         FROM jsonb_to_recordset($1::jsonb) AS t(code text, name text, category text, aliases jsonb)`, [JSON.stringify(types)]);
        const calibreRows = calibres_json_1.default.entries.map((c) => ({
            code: c.code, name: c.name, aliases: c.aliases, diameter_mm: c.diameter_mm ?? null, kind: c.kind ?? null,
        }));
        await queryRunner.query(`INSERT INTO reference_calibres (code, name, aliases, diameter_mm, kind)
       SELECT code, name, ARRAY(SELECT jsonb_array_elements_text(aliases)), diameter_mm, kind
         FROM jsonb_to_recordset($1::jsonb) AS t(code text, name text, aliases jsonb, diameter_mm numeric, kind text)`, [JSON.stringify(calibreRows)]);
        const makerRows = manufacturers_json_1.default.entries.map((m) => ({
            code: m.code, name: m.name, country: m.country, aliases: m.aliases, former_names: m.former_names ?? [],
        }));
        await queryRunner.query(`INSERT INTO reference_manufacturers (code, name, country, aliases, former_names)
       SELECT code, name, country, ARRAY(SELECT jsonb_array_elements_text(aliases)), ARRAY(SELECT jsonb_array_elements_text(former_names))
         FROM jsonb_to_recordset($1::jsonb) AS t(code text, name text, country text, aliases jsonb, former_names jsonb)`, [JSON.stringify(makerRows)]);
    }
    async down(queryRunner) {
        await queryRunner.query(`DELETE FROM reference_manufacturers`);
        await queryRunner.query(`DELETE FROM reference_calibres`);
        await queryRunner.query(`DELETE FROM reference_weapon_types`);
    }
}
exports.LoadReference1795420683800 = LoadReference1795420683800;
//# sourceMappingURL=1795420683800-LoadReference.js.map