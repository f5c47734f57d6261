"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isolateByState = isolateByState;
exports.removeStateIsolation = removeStateIsolation;
/**
 * Row-level security of a table owned by one State: enabled, forced (the owner is bound too), and a
 * policy that shows and accepts only rows of the transaction's State (app_current_state()).
 */
async function isolateByState(queryRunner, table) {
    await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY state_isolation ON "${table}" USING (state_code = app_current_state()) WITH CHECK (state_code = app_current_state())`);
}
async function removeStateIsolation(queryRunner, table) {
    await queryRunner.query(`DROP POLICY state_isolation ON "${table}"`);
    await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
}
//# sourceMappingURL=state-isolation.js.map