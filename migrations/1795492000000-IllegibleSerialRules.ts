import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rules' codes in the order records list them (MARKING_RULES in src/registry/marking-rules.ts). */
const RULE_ORDER = `ARRAY['ITI_8A_MANUFACTURE_MARKING', 'ITI_8B_IMPORT_MARKING', 'ITI_8C_TRANSFER_MARKING', 'ITI_8D_GOVERNMENT_MARKING', 'ITI_9_SEIZED_OR_FOUND_MARKING']::varchar[]`;

/**
 * A unique marking (uniqueMarking in src/registry/marking-rules.ts) now needs its serial read whole (no `?` or `*`
 * once normalised), and a weapon whose serial is obliterated is not told apart by what was read of its
 * manufacture marking under ITI 9, nor under 8(d) once in the State's hands after it was seized or found. The records this makes breach 8(b), 8(d) or 9 are flagged; none is cleared (the rule is
 * only stricter). The flags are data, not schema: reverting leaves them as re-judged.
 */
export class IllegibleSerialRules1795492000000 implements MigrationInterface {
  name = 'IllegibleSerialRules1795492000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Row-level security is lifted for these owner statements only: they span every State.
    const tables = ['weapons', 'markings'];
    for (const table of tables) await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
    const unique = (obliterated = 'false') => `EXISTS (SELECT 1 FROM markings m WHERE m.weapon_id = w.id AND m.withdrawn_by IS NULL
        AND m.kind IN ('manufacture', 'import', 'government', 'seizure') AND nullif(btrim(m.serial), '') IS NOT NULL AND serial_normalise(m.serial) !~ '[?*]'
        AND NOT (${obliterated} AND m.kind = 'manufacture'))`;
    const missing = (code: string) => `NOT '${code}' = ANY (w.incomplete)`;
    const importedHere = `EXISTS (SELECT 1 FROM markings i WHERE i.weapon_id = w.id AND i.withdrawn_by IS NULL AND i.kind = 'import' AND i.country = w.state_code)`;
    await queryRunner.query(`
      UPDATE weapons w SET incomplete = ARRAY(
          SELECT c FROM unnest(w.incomplete || j.added) WITH ORDINALITY AS x(c, n) ORDER BY coalesce(array_position(${RULE_ORDER}, c), 99), n
        )::varchar[]
        FROM (SELECT w.id, array_remove(ARRAY[
                CASE WHEN 'imported' = ANY (w.event_types) AND ${missing('ITI_8B_IMPORT_MARKING')}
                          AND NOT (${importedHere} AND ${unique()})
                     THEN 'ITI_8B_IMPORT_MARKING' END,
                CASE WHEN w.status IN ('in_service', 'government_stock') AND ${missing('ITI_8D_GOVERNMENT_MARKING')}
                          AND NOT ${unique(`w.serial_obliterated AND w.event_types && ARRAY['seized', 'found']::varchar[]`)}
                     THEN 'ITI_8D_GOVERNMENT_MARKING' END,
                CASE WHEN (w.status IN ('seized', 'found') OR (w.status = 'deactivated' AND w.deactivated_from IN ('seized', 'found')))
                          AND ${missing('ITI_9_SEIZED_OR_FOUND_MARKING')} AND NOT ${unique('w.serial_obliterated')}
                     THEN 'ITI_9_SEIZED_OR_FOUND_MARKING' END], NULL)::varchar[] AS added
                FROM weapons w WHERE NOT w.antique) j
       WHERE j.id = w.id AND cardinality(j.added) > 0`);
    for (const table of [...tables].reverse()) await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  }

  public async down(): Promise<void> {
    // The flags stay as re-judged: the rules that set them before are gone with the code.
  }
}
