"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ImportReplayCompleted1795471000000 = void 0;
/**
 * A file that landed is one import: sent again, it is replayed. A file that was rejected is checked again
 * when sent again (the reference data or the State's rule settings may have changed since), so only
 * completed imports hold their content's hash uniquely, and rejected ones may share it.
 */
class ImportReplayCompleted1795471000000 {
    constructor() {
        this.name = 'ImportReplayCompleted1795471000000';
    }
    async up(queryRunner) {
        await queryRunner.query('DROP INDEX "public"."UQ_weapon_imports_content"');
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_weapon_imports_content" ON "weapon_imports" ("state_code", "content_sha256") WHERE status = 'completed'`);
    }
    async down(queryRunner) {
        // Before, every import held its hash uniquely. Rejected imports forget theirs (their reports stay), so
        // that a file that landed is still replayed, and the same file, rejected twice, fits the index.
        // Row-level security is lifted for this owner statement only: it spans every State.
        await queryRunner.query('ALTER TABLE weapon_imports NO FORCE ROW LEVEL SECURITY');
        await queryRunner.query(`UPDATE weapon_imports SET content_sha256 = NULL WHERE status <> 'completed' AND content_sha256 IS NOT NULL`);
        await queryRunner.query('ALTER TABLE weapon_imports FORCE ROW LEVEL SECURITY');
        await queryRunner.query('DROP INDEX "public"."UQ_weapon_imports_content"');
        await queryRunner.query('CREATE UNIQUE INDEX "UQ_weapon_imports_content" ON "weapon_imports" ("state_code", "content_sha256") ');
    }
}
exports.ImportReplayCompleted1795471000000 = ImportReplayCompleted1795471000000;
//# sourceMappingURL=1795471000000-ImportReplayCompleted.js.map