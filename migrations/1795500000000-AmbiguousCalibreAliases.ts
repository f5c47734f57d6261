import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bare designations that name several cartridges are no aliases (src/reference/data/calibres.json): "82mm" is
 * the 82 mm mortar's and the B-10 recoilless rifle's, ".357" the .357 Magnum's and the .357 SIG's, and "5.7mm"
 * keys as "57 mm" (the M18 recoilless rifle's calibre, a light weapon) does. They leave the shipped entries:
 * such a calibre is kept as given and flagged, as any calibre the reference data does not know. Records
 * already coded through them keep their code (operations.md lists them).
 */
const REMOVED: { code: string; alias: string; position: number }[] = [
  // Where each was among its entry's aliases (1 the first), to put it back there.
  { code: '82mm-mortar', alias: '82mm', position: 1 },
  { code: '.357mag', alias: '.357', position: 3 },
  { code: '5.7x28mm', alias: '5.7mm', position: 5 },
];

export class AmbiguousCalibreAliases1795500000000 implements MigrationInterface {
  name = 'AmbiguousCalibreAliases1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { code, alias } of REMOVED) {
      await queryRunner.query(`UPDATE reference_calibres SET aliases = array_remove(aliases, $2::varchar) WHERE code = $1`, [code, alias]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { code, alias, position } of REMOVED) {
      await queryRunner.query(
        `UPDATE reference_calibres SET aliases = aliases[:$3::int - 1] || $2::varchar || aliases[$3::int:] WHERE code = $1 AND NOT $2::varchar = ANY (aliases)`,
        [code, alias, position],
      );
    }
  }
}
