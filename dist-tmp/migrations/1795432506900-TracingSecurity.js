"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TracingSecurity1795432506900 = void 0;
const state_isolation_1 = require("./support/state-isolation");
const STATE_OWNED = ['traces', 'notifications', 'idempotency_keys'];
/**
 * Isolation of the tracing tables. Each State owns its copy of a trace; the outbox is the one place
 * where a row of one State is read for another: its row-level security binds the app role (a State
 * writes and reads only its own outgoing messages) but is not forced, so the delivery functions below,
 * owned by the owner, read every State's pending messages and nothing else.
 */
class TracingSecurity1795432506900 {
    constructor() {
        this.name = 'TracingSecurity1795432506900';
    }
    async up(queryRunner) {
        for (const table of STATE_OWNED)
            await (0, state_isolation_1.isolateByState)(queryRunner, table);
        await queryRunner.query(`ALTER TABLE outbox_messages ENABLE ROW LEVEL SECURITY`);
        await queryRunner.query(`CREATE POLICY state_isolation ON outbox_messages USING (state_code = app_current_state()) WITH CHECK (state_code = app_current_state())`);
        // The oldest deliverable message whose exchange has no older one pending (messages of one trace
        // arrive in order), locked for the caller's transaction; other replicas skip it.
        // Delivery runs outside any State: called from a State's transaction, these functions refuse.
        await queryRunner.query(`
      CREATE FUNCTION outbox_outside_states() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('app.state_code', true), '') <> '' THEN
          RAISE EXCEPTION 'outbox delivery runs outside any State' USING ERRCODE = 'insufficient_privilege';
        END IF;
      END
      $$`);
        await queryRunner.query(`
      CREATE FUNCTION outbox_claim() RETURNS SETOF outbox_messages
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM outbox_outside_states();
        RETURN QUERY
        SELECT m.* FROM outbox_messages m
         WHERE m.delivered_at IS NULL AND m.attempts < 10 AND m.next_attempt_at <= clock_timestamp()
           AND EXISTS (SELECT 1 FROM states s WHERE s.code = m.target_state AND s.hosted_since IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM outbox_messages e
                            WHERE e.exchange_id = m.exchange_id AND e.delivered_at IS NULL AND (e.created_at, e.id) < (m.created_at, m.id))
         ORDER BY m.created_at, m.id
         LIMIT 1
         FOR UPDATE OF m SKIP LOCKED;
      END
      $$`);
        await queryRunner.query(`
      CREATE FUNCTION outbox_delivered(p_id uuid) RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM outbox_outside_states();
        UPDATE outbox_messages SET delivered_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL WHERE id = p_id;
      END
      $$`);
        // A failed delivery waits 2, 4, 8... seconds (at most an hour) before the next try; after ten it stays for an operator.
        await queryRunner.query(`
      CREATE FUNCTION outbox_failed(p_id uuid, p_error text) RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM outbox_outside_states();
        UPDATE outbox_messages
           SET attempts = attempts + 1, last_error = p_error,
               next_attempt_at = clock_timestamp() + least(interval '1 hour', interval '1 second' * power(2, attempts + 1))
         WHERE id = p_id AND delivered_at IS NULL;
      END
      $$`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION outbox_claim(), outbox_delivered(uuid), outbox_failed(uuid, text) FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION outbox_claim(), outbox_delivered(uuid), outbox_failed(uuid, text) TO iti_app`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON traces, notifications TO iti_app`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON idempotency_keys TO iti_app`);
        await queryRunner.query(`GRANT SELECT, INSERT ON outbox_messages TO iti_app`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP FUNCTION outbox_failed(uuid, text)`);
        await queryRunner.query(`DROP FUNCTION outbox_delivered(uuid)`);
        await queryRunner.query(`DROP FUNCTION outbox_claim()`);
        await queryRunner.query(`DROP FUNCTION outbox_outside_states()`);
        await queryRunner.query(`DROP POLICY state_isolation ON outbox_messages`);
        await queryRunner.query(`ALTER TABLE outbox_messages DISABLE ROW LEVEL SECURITY`);
        for (const table of STATE_OWNED)
            await (0, state_isolation_1.removeStateIsolation)(queryRunner, table);
    }
}
exports.TracingSecurity1795432506900 = TracingSecurity1795432506900;
//# sourceMappingURL=1795432506900-TracingSecurity.js.map