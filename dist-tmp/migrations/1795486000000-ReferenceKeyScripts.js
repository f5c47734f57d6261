"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReferenceKeyScripts1795486000000 = void 0;
const calibres_json_1 = __importDefault(require("../src/reference/data/calibres.json"));
const manufacturers_json_1 = __importDefault(require("../src/reference/data/manufacturers.json"));
/**
 * Cyrillic and Greek letters, spelled in Latin by reference_key() as by referenceKey(). Frozen here: a
 * change of the service's table (TRANSLITERATION in src/reference/reference-key.ts) needs a migration of
 * its own, and test/reference.e2e-spec.ts fails until it has one.
 */
const SPELLING = {
    а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
    р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
    ђ: 'dj', є: 'ye', ѕ: 'dz', і: 'i', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ґ: 'g',
    α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p',
    ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
/** The expression that spells `value` in Latin: replace() for each letter spelled in several, then one translate() for the rest. */
function spelled(value) {
    const letters = Object.entries(SPELLING).flatMap(([letter, latin]) => [[letter, latin], [letter.toUpperCase(), latin]]);
    const unique = [...new Map(letters.map(([letter, latin]) => [letter, latin])).entries()];
    let sql = value;
    for (const [letter, latin] of unique.filter(([, latin]) => latin.length > 1))
        sql = `replace(${sql}, '${letter}', '${latin}')`;
    // translate() replaces each letter of its second argument by the letter at the same place in the third,
    // and drops those past the third's end: the letters spelled in one letter first, then those spelled in none.
    const single = unique.filter(([, latin]) => latin.length === 1);
    const dropped = unique.filter(([, latin]) => latin.length === 0);
    const from = [...single, ...dropped].map(([letter]) => letter).join('');
    return `translate(${sql}, '${from}', '${single.map(([, latin]) => latin).join('')}')`;
}
const MARKS_REMOVED = `regexp_replace(normalize(p, NFKD), '[\\u0300-\\u036f]', '', 'g')`;
/** A Cyrillic х or Greek χ between digits (spaces around it) read as the multiplication sign: "7,62х39". */
const TIMES_READ = (value) => `regexp_replace(${value}, '([0-9])[ \\t\\n\\r\\f\\v]*[хХχΧ][ \\t\\n\\r\\f\\v]*(?=[0-9])', '\\1x', 'g')`;
/**
 * Free text in Cyrillic or Greek is matched to the reference data: reference_key() spells those letters in
 * Latin, as the service's referenceKey() does, where it dropped them. "Ижмаш" now matches Kalashnikov
 * Concern through its former name Izhmash, and "7,62х39 мм" (a Cyrillic х between digits is read as the
 * multiplication sign) the 7.62×39 mm calibre. The shipped data gains
 * the names in those scripts that a transliteration misses (aliases of their entries), and the records
 * whose manufacturer or calibre was kept as given, unknown, take the code of the entry they now match, the
 * State's own additions first, as ReferenceAdoption reads an addition into them.
 *
 * Down restores the Latin-only key and drops the shipped names that have no Latin letter or digit; the
 * records keep the codes they took.
 */
class ReferenceKeyScripts1795486000000 {
    constructor() {
        this.name = 'ReferenceKeyScripts1795486000000';
    }
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE OR REPLACE FUNCTION reference_key(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(replace(lower(${spelled(TIMES_READ(MARKS_REMOVED))} COLLATE "C"), '×', 'x'), '[^a-z0-9]', '', 'g')
      $$`);
        await queryRunner.query(`UPDATE reference_manufacturers m
          SET aliases = ARRAY(SELECT jsonb_array_elements_text(j.aliases)), former_names = ARRAY(SELECT jsonb_array_elements_text(j.former_names))
         FROM jsonb_to_recordset($1::jsonb) AS j(code text, aliases jsonb, former_names jsonb)
        WHERE m.code = j.code`, [JSON.stringify(manufacturers_json_1.default.entries.map((e) => ({ code: e.code, aliases: e.aliases, former_names: e.former_names ?? [] })))]);
        await queryRunner.query(`UPDATE reference_calibres c SET aliases = ARRAY(SELECT jsonb_array_elements_text(j.aliases))
         FROM jsonb_to_recordset($1::jsonb) AS j(code text, aliases jsonb)
        WHERE c.code = j.code`, [JSON.stringify(calibres_json_1.default.entries.map((e) => ({ code: e.code, aliases: e.aliases })))]);
        await queryRunner.query(`ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE reference_additions NO FORCE ROW LEVEL SECURITY`);
        for (const kind of ['manufacturer', 'calibre']) {
            const unknown = `w.${kind}_code IS NULL AND w.${kind}_text IS NOT NULL`;
            // A State's additions first: a name both shipped and added is the addition's.
            await queryRunner.query(`
        UPDATE weapons w SET ${kind}_code = k.code, unknown_references = array_remove(w.unknown_references, '${kind}')
          FROM (SELECT DISTINCT ON (state_code, key) state_code, key, code
                  FROM (SELECT a.state_code, a.code, a.created_at, reference_key(x) AS key
                          FROM reference_additions a, unnest(reference_addition_names(a)) x WHERE a.kind = '${kind}') keyed
                 WHERE key <> '' ORDER BY state_code, key, created_at DESC) k
         WHERE w.state_code = k.state_code AND ${unknown} AND reference_key(w.${kind}_text) = k.key`);
            const table = kind === 'manufacturer' ? 'reference_manufacturers' : 'reference_calibres';
            const names = kind === 'manufacturer' ? `ARRAY[r.code, r.name] || r.aliases || r.former_names` : `ARRAY[r.code, r.name] || r.aliases`;
            await queryRunner.query(`
        UPDATE weapons w SET ${kind}_code = k.code, unknown_references = array_remove(w.unknown_references, '${kind}')
          FROM (SELECT DISTINCT ON (key) key, code FROM (SELECT r.code, reference_key(x) AS key FROM ${table} r, unnest(${names}) x) keyed
                 WHERE key <> '' ORDER BY key, code DESC) k
         WHERE ${unknown} AND reference_key(w.${kind}_text) = k.key`);
        }
        await queryRunner.query(`ALTER TABLE reference_additions FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE weapons FORCE ROW LEVEL SECURITY`);
    }
    async down(queryRunner) {
        await queryRunner.query(`
      CREATE OR REPLACE FUNCTION reference_key(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(replace(lower(${MARKS_REMOVED} COLLATE "C"), '×', 'x'), '[^a-z0-9]', '', 'g')
      $$`);
        const latin = (column) => `ARRAY(SELECT x FROM unnest(${column}) x WHERE reference_key(x) <> '')::varchar[]`;
        await queryRunner.query(`UPDATE reference_manufacturers SET aliases = ${latin('aliases')}, former_names = ${latin('former_names')}`);
        await queryRunner.query(`UPDATE reference_calibres SET aliases = ${latin('aliases')}`);
    }
}
exports.ReferenceKeyScripts1795486000000 = ReferenceKeyScripts1795486000000;
//# sourceMappingURL=1795486000000-ReferenceKeyScripts.js.map