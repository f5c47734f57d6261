"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ImportList1795487000000 = void 0;
/**
 * A State's imports are listed newest first (GET /weapons/imports), paged on (created_at, id) with the last
 * row's values in the cursor: the creation time is kept to the millisecond, as the cursor carries it, and an
 * index in that order lets a page read only its own rows. Rewrites weapon_imports (one row per import).
 */
class ImportList1795487000000 {
    constructor() {
        this.name = 'ImportList1795487000000';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "weapon_imports" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE');
        await queryRunner.query('CREATE INDEX "IDX_weapon_imports_state_created" ON "weapon_imports" ("state_code", "created_at", "id")');
    }
    async down(queryRunner) {
        await queryRunner.query('DROP INDEX "public"."IDX_weapon_imports_state_created"');
        await queryRunner.query('ALTER TABLE "weapon_imports" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE');
    }
}
exports.ImportList1795487000000 = ImportList1795487000000;
//# sourceMappingURL=1795487000000-ImportList.js.map