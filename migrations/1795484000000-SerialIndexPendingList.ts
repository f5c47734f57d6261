import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import adds its serials to the trigram index through the index's pending list, in batches as large as
 * the import's work_mem allows, and then merges what is left of the list into the index itself before it
 * commits (gin_clean_pending_list, which only the index's owner may call): searches never scan a long list.
 */
export class SerialIndexPendingList1795484000000 implements MigrationInterface {
  name = 'SerialIndexPendingList1795484000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION weapon_serials_merge_pending() RETURNS bigint
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT gin_clean_pending_list('"IDX_weapon_serials_trgm"'::regclass)
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION weapon_serials_merge_pending() FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION weapon_serials_merge_pending() TO iti_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION weapon_serials_merge_pending()`);
  }
}
