import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cyrillic and Greek letters, spelled in Latin by reference_key() since ReferenceKeyScripts; frozen here as
 * that migration froze them.
 */
const SPELLING: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  ђ: 'dj', є: 'ye', ѕ: 'dz', і: 'i', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ґ: 'g',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p',
  ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/**
 * Latin letters no decomposition makes plain, as LATIN_SPELLING (src/reference/reference-key.ts) spells them;
 * test/reference.e2e-spec.ts checks that reference_key() and referenceKey() agree on every character.
 */
const LATIN: Record<string, string> = {
  ł: 'l', Ł: 'l', ı: 'i', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ĸ: 'k',
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', þ: 'th', Þ: 'th', ŋ: 'ng', Ŋ: 'ng',
};

/** The expression that spells `value` by `letters`: replace() for each letter spelled in several, then one translate() for the rest. */
function spelled(value: string, letters: [string, string][]): string {
  const unique = [...new Map(letters).entries()];
  let sql = value;
  for (const [letter, latin] of unique.filter(([, latin]) => latin.length > 1)) sql = `replace(${sql}, '${letter}', '${latin}')`;
  const single = unique.filter(([, latin]) => latin.length === 1);
  const dropped = unique.filter(([, latin]) => latin.length === 0);
  const from = [...single, ...dropped].map(([letter]) => letter).join('');
  return `translate(${sql}, '${from}', '${single.map(([, latin]) => latin).join('')}')`;
}

const SCRIPTS = Object.entries(SPELLING).flatMap(([letter, latin]): [string, string][] => [[letter, latin], [letter.toUpperCase(), latin]]);
const MARKS_REMOVED = `regexp_replace(normalize(p, NFKD), '[\\u0300-\\u036f]', '', 'g')`;
const TIMES_READ = (value: string) => `regexp_replace(${value}, '([0-9])[ \\t\\n\\r\\f\\v]*[хХχΧ][ \\t\\n\\r\\f\\v]*(?=[0-9])', '\\1x', 'g')`;
const keyOf = (spelling: string) => `regexp_replace(replace(lower(${spelling} COLLATE "C"), '×', 'x'), '[^a-z0-9]', '', 'g')`;

/**
 * reference_key() spells the Latin letters that no decomposition makes plain (ł, ı, ø, đ, ß, æ...) as a keyboard
 * without them types them, where it dropped them: "Zakłady Metalowe Łucznik" is keyed as "Zaklady Metalowe
 * Lucznik" is, and matches Fabryka Broni Radom's former name. Records whose manufacturer or calibre was kept as
 * given, unknown, take the code of the entry they now match, the State's own additions first. Down restores
 * the key of ReferenceKeyScripts; the records keep the codes they took.
 */
export class ReferenceKeyLatinLetters1795498000000 implements MigrationInterface {
  name = 'ReferenceKeyLatinLetters1795498000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION reference_key(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT ${keyOf(spelled(spelled(TIMES_READ(MARKS_REMOVED), SCRIPTS), Object.entries(LATIN)))}
      $$`);
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

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION reference_key(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT ${keyOf(spelled(TIMES_READ(MARKS_REMOVED), SCRIPTS))}
      $$`);
  }
}
