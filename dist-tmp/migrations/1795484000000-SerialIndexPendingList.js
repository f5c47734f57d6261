"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SerialIndexPendingList1795484000000 = void 0;
/**
 * An import adds its serials to the trigram index through the index's pending list, in batches as large as
 * the import's work_mem allows, and then merges what is left of the list into the index itself before it
 * commits (gin_clean_pending_list, which only the index's owner may call): searches never scan a long list.
 */
class SerialIndexPendingList1795484000000 {
    constructor() {
        this.name = 'SerialIndexPendingList1795484000000';
    }
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE FUNCTION weapon_serials_merge_pending() RETURNS bigint
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT gin_clean_pending_list('"IDX_weapon_serials_trgm"'::regclass)
      $$`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION weapon_serials_merge_pending() FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION weapon_serials_merge_pending() TO iti_app`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP FUNCTION weapon_serials_merge_pending()`);
    }
}
exports.SerialIndexPendingList1795484000000 = SerialIndexPendingList1795484000000;
//# sourceMappingURL=1795484000000-SerialIndexPendingList.js.map