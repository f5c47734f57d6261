import { MigrationInterface, QueryRunner } from 'typeorm';

/** A weapon bears a marking of `kind` that meets `condition` (`m`: the marking), withdrawn ones aside. */
const bears = (kind: string, condition: string) =>
  `EXISTS (SELECT 1 FROM markings m WHERE m.weapon_id = w.id AND m.withdrawn_by IS NULL AND m.kind = '${kind}' AND ${condition})`;

/**
 * Re-judges the flags kept on records under two readings of the ITI marking rules (src/registry/marking-rules.ts):
 * - 8(a) applies again to a weapon made or imported here, then seized or found, that left the State's hands
 *   again (not destroyed, deactivated, seized, found or in the State's hands): one that lacks a complete
 *   manufacture marking is flagged;
 * - a seizure marking with a serial (the State's ITI 9 marking) is a unique marking: a weapon in the State's
 *   hands that bears one meets 8(d), and an imported one marked by the State at import meets 8(b).
 * The flags are data, not schema: reverting leaves them as re-judged.
 */
export class SeizureMarkingRules1795489000000 implements MigrationInterface {
  name = 'SeizureMarkingRules1795489000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Row-level security is lifted for these owner statements only: they span every State.
    const tables = ['weapons', 'markings'];
    for (const table of tables) await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
    const given = (column: string) => `nullif(btrim(m.${column}), '') IS NOT NULL`;
    const manufactureMarked = bears('manufacture', `${given('serial')} AND ${given('country')} AND (${given('manufacturer')} OR ${given('symbol_code')})`);
    const seizureNumbered = bears('seizure', given('serial'));
    await queryRunner.query(
      `UPDATE weapons w SET incomplete = (ARRAY['ITI_8A_MANUFACTURE_MARKING'] || w.incomplete)::varchar[]
        WHERE NOT w.craft_or_3d_printed AND w.event_types && ARRAY['seized', 'found']::varchar[]
          AND w.event_types && ARRAY['manufactured', 'imported']::varchar[]
          AND w.status NOT IN ('seized', 'found', 'destroyed', 'deactivated', 'in_service', 'government_stock')
          AND NOT 'ITI_8A_MANUFACTURE_MARKING' = ANY (w.incomplete) AND NOT ${manufactureMarked}`,
    );
    await queryRunner.query(
      `UPDATE weapons w SET incomplete = array_remove(w.incomplete, 'ITI_8D_GOVERNMENT_MARKING')
        WHERE 'ITI_8D_GOVERNMENT_MARKING' = ANY (w.incomplete) AND ${seizureNumbered}`,
    );
    await queryRunner.query(
      `UPDATE weapons w SET incomplete = array_remove(w.incomplete, 'ITI_8B_IMPORT_MARKING')
        WHERE 'ITI_8B_IMPORT_MARKING' = ANY (w.incomplete) AND ${seizureNumbered} AND ${bears('import', 'm.country = w.state_code')}`,
    );
    for (const table of [...tables].reverse()) await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  }

  public async down(): Promise<void> {
    // The flags stay as re-judged: the rules that set them before are gone with the code.
  }
}
