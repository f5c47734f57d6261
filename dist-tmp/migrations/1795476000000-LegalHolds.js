"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LegalHolds1795476000000 = void 0;
/**
 * A record may stand under several legal holds (two court orders, say), each released on its own: the
 * single `legal_hold` text becomes `legal_holds`, a list of {id, reason, placedAt, placedBy}. A hold
 * already standing is kept as the list's one entry, placed when this migration ran, by no one known.
 * Row-level security is lifted for the two owner statements that span every State.
 */
class LegalHolds1795476000000 {
    constructor() {
        this.name = 'LegalHolds1795476000000';
    }
    async up(queryRunner) {
        await queryRunner.query(`ALTER TABLE "weapons" ADD "legal_holds" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query('ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY');
        await queryRunner.query(`UPDATE weapons SET legal_holds = jsonb_build_array(jsonb_build_object(
         'id', gen_random_uuid(), 'reason', legal_hold, 'placedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'placedBy', NULL))
        WHERE legal_hold IS NOT NULL`);
        await queryRunner.query('ALTER TABLE weapons FORCE ROW LEVEL SECURITY');
        await queryRunner.query(`ALTER TABLE "weapons" DROP COLUMN "legal_hold"`);
    }
    async down(queryRunner) {
        await queryRunner.query(`ALTER TABLE "weapons" ADD "legal_hold" text`);
        await queryRunner.query('ALTER TABLE weapons NO FORCE ROW LEVEL SECURITY');
        await queryRunner.query(`UPDATE weapons SET legal_hold = (SELECT string_agg(h->>'reason', '; ') FROM jsonb_array_elements(legal_holds) h) WHERE legal_holds <> '[]'::jsonb`);
        await queryRunner.query('ALTER TABLE weapons FORCE ROW LEVEL SECURITY');
        await queryRunner.query(`ALTER TABLE "weapons" DROP COLUMN "legal_holds"`);
    }
}
exports.LegalHolds1795476000000 = LegalHolds1795476000000;
//# sourceMappingURL=1795476000000-LegalHolds.js.map