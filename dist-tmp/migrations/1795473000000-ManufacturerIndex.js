"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ManufacturerIndex1795473000000 = void 0;
/**
 * A search of the registry by make without a serial (a weapon whose serial is wholly obliterated, the
 * candidates of such a trace) lists that make's weapons newest first: through this index it reads them
 * alone, in order, instead of walking the whole registry newest first and keeping those of the make.
 * Weapons of a make the reference data does not know (manufacturer_code null) are not in it.
 */
class ManufacturerIndex1795473000000 {
    constructor() {
        this.name = 'ManufacturerIndex1795473000000';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE INDEX "IDX_weapons_state_manufacturer" ON "weapons" ("state_code", "manufacturer_code", "created_at", "id") WHERE manufacturer_code IS NOT NULL');
    }
    async down(queryRunner) {
        await queryRunner.query('DROP INDEX "public"."IDX_weapons_state_manufacturer"');
    }
}
exports.ManufacturerIndex1795473000000 = ManufacturerIndex1795473000000;
//# sourceMappingURL=1795473000000-ManufacturerIndex.js.map