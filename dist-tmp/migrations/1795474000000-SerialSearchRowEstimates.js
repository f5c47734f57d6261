"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SerialSearchRowEstimates1795474000000 = void 0;
/**
 * The serial search functions return a handful of rows (an exact key) or a few dozen (a pattern), not the
 * 1,000 PostgreSQL assumes of a set-returning function it cannot inline (both are SECURITY DEFINER). With
 * that estimate, a search on a registry of up to about 150,000 weapons joined its matches to `weapons` by
 * walking the whole primary key in id order (a merge join) instead of looking each match up: 2.4 ms for an
 * exact serial at 20,000 weapons instead of 0.2 ms. The estimates make the planner look the matches up.
 */
class SerialSearchRowEstimates1795474000000 {
    constructor() {
        this.name = 'SerialSearchRowEstimates1795474000000';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER FUNCTION registry_serial_exact(text, integer) ROWS 5');
        await queryRunner.query('ALTER FUNCTION registry_serial_pattern(text, integer) ROWS 50');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER FUNCTION registry_serial_pattern(text, integer) ROWS 1000');
        await queryRunner.query('ALTER FUNCTION registry_serial_exact(text, integer) ROWS 1000');
    }
}
exports.SerialSearchRowEstimates1795474000000 = SerialSearchRowEstimates1795474000000;
//# sourceMappingURL=1795474000000-SerialSearchRowEstimates.js.map