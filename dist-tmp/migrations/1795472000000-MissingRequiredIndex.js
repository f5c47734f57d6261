"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MissingRequiredIndex1795472000000 = void 0;
/**
 * The records missing a required field (ITI 12), listed by GET /reports/record-keeping/missing-fields in id
 * order: a partial index holds only them, so a page reads its own rows, not the whole registry to find
 * them. Its predicate is MISSING_REQUIRED of the weapon entity, as it stood when this migration was written.
 */
class MissingRequiredIndex1795472000000 {
    constructor() {
        this.name = 'MissingRequiredIndex1795472000000';
    }
    async up(queryRunner) {
        await queryRunner.query(`CREATE INDEX "IDX_weapons_missing_required" ON "weapons" ("state_code", "id")
        WHERE (manufacturer_code IS NULL AND manufacturer_text IS NULL) OR (model IS NULL) OR (calibre_code IS NULL AND calibre_text IS NULL)
           OR (serial_as_marked IS NULL AND NOT serial_obliterated) OR (country_of_manufacture IS NULL)`);
    }
    async down(queryRunner) {
        await queryRunner.query('DROP INDEX "public"."IDX_weapons_missing_required"');
    }
}
exports.MissingRequiredIndex1795472000000 = MissingRequiredIndex1795472000000;
//# sourceMappingURL=1795472000000-MissingRequiredIndex.js.map