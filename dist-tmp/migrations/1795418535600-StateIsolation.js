"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StateIsolation1795418535600 = void 0;
const state_isolation_1 = require("./support/state-isolation");
/** Tables owned by one State: only that State's rows are visible or writable. */
const STATE_OWNED_TABLES = ['users', 'auth_sessions', 'refresh_tokens'];
/**
 * Row-level security and the app role's rights. Policies compare `state_code` with
 * app_current_state(), which raises when the transaction set no State: "no setting" is an error,
 * never all rows (a bare current_setting() would read '' after an earlier set_config(..., true)).
 */
class StateIsolation1795418535600 {
    constructor() {
        this.name = 'StateIsolation1795418535600';
    }
    async up(queryRunner) {
        // A SQL function, so PostgreSQL inlines it into every policy: a cheap current_setting() per row,
        // and the raising helper runs only when the setting is missing or empty.
        await queryRunner.query(`
      CREATE FUNCTION app_state_code_missing() RETURNS char(3) LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RAISE EXCEPTION 'app.state_code is not set for this transaction' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
        await queryRunner.query(`
      CREATE FUNCTION app_current_state() RETURNS char(3) LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(nullif(current_setting('app.state_code', true), ''), app_state_code_missing())::char(3)
      $$`);
        for (const table of STATE_OWNED_TABLES)
            await (0, state_isolation_1.isolateByState)(queryRunner, table);
        // The NPC directory is read by every State (a requester must find whom to ask); each State writes only its own entries.
        await queryRunner.query(`ALTER TABLE contact_points ENABLE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE contact_points FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`CREATE POLICY directory_read ON contact_points FOR SELECT USING (true)`);
        await queryRunner.query(`CREATE POLICY state_insert ON contact_points FOR INSERT WITH CHECK (state_code = app_current_state())`);
        await queryRunner.query(`CREATE POLICY state_update ON contact_points FOR UPDATE USING (state_code = app_current_state()) WITH CHECK (state_code = app_current_state())`);
        await queryRunner.query(`CREATE POLICY state_delete ON contact_points FOR DELETE USING (state_code = app_current_state())`);
        // Before login the State is not known yet. Two SECURITY DEFINER look-ups, running as the owner,
        // return only the State of one user name or one session: the app role itself never reads across States.
        await queryRunner.query(`CREATE POLICY owner_auth_lookup ON users FOR SELECT TO CURRENT_USER USING (true)`);
        await queryRunner.query(`CREATE POLICY owner_auth_lookup ON auth_sessions FOR SELECT TO CURRENT_USER USING (true)`);
        await queryRunner.query(`
      CREATE FUNCTION auth_user_state(p_username text) RETURNS char(3)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT state_code FROM users WHERE username = lower(p_username)
      $$`);
        await queryRunner.query(`
      CREATE FUNCTION auth_session_state(p_session uuid) RETURNS char(3)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT state_code FROM auth_sessions WHERE id = p_session
      $$`);
        await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION auth_user_state(text), auth_session_state(uuid) FROM PUBLIC`);
        await queryRunner.query(`GRANT USAGE ON SCHEMA public TO iti_app`);
        await queryRunner.query(`GRANT SELECT ON states, migrations TO iti_app`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON contact_points, ${STATE_OWNED_TABLES.join(', ')} TO iti_app`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION app_current_state(), app_state_code_missing(), auth_user_state(text), auth_session_state(uuid) TO iti_app`);
    }
    async down(queryRunner) {
        await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM iti_app`);
        await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM iti_app`);
        await queryRunner.query(`DROP FUNCTION auth_session_state(uuid)`);
        await queryRunner.query(`DROP FUNCTION auth_user_state(text)`);
        await queryRunner.query(`DROP POLICY owner_auth_lookup ON auth_sessions`);
        await queryRunner.query(`DROP POLICY owner_auth_lookup ON users`);
        for (const policy of ['directory_read', 'state_insert', 'state_update', 'state_delete']) {
            await queryRunner.query(`DROP POLICY ${policy} ON contact_points`);
        }
        await queryRunner.query(`ALTER TABLE contact_points NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE contact_points DISABLE ROW LEVEL SECURITY`);
        for (const table of STATE_OWNED_TABLES)
            await (0, state_isolation_1.removeStateIsolation)(queryRunner, table);
        await queryRunner.query(`DROP FUNCTION app_current_state()`);
        await queryRunner.query(`DROP FUNCTION app_state_code_missing()`);
    }
}
exports.StateIsolation1795418535600 = StateIsolation1795418535600;
//# sourceMappingURL=1795418535600-StateIsolation.js.map