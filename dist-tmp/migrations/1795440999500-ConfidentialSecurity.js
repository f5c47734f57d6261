"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfidentialSecurity1795440999500 = void 0;
const state_isolation_1 = require("./support/state-isolation");
/**
 * Isolation of case files, and the append-only audit chain. The app role reads audit events of its own
 * State and nothing else: rows arrive only through audit_append(), which numbers and hashes each
 * State's events after its locked head; a trigger refuses UPDATE, DELETE and
 * TRUNCATE for everyone, the owner included.
 */
class ConfidentialSecurity1795440999500 {
    constructor() {
        this.name = 'ConfidentialSecurity1795440999500';
    }
    async up(queryRunner) {
        for (const table of ['cases', 'case_members'])
            await (0, state_isolation_1.isolateByState)(queryRunner, table);
        // Not forced: audit_append(), owned by the owner, writes the chain of the State a delivery acts for
        // from outside any State; the app role still reads only its own State's events.
        await queryRunner.query(`ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`);
        await queryRunner.query(`CREATE POLICY state_isolation ON audit_events USING (state_code = app_current_state()) WITH CHECK (state_code = app_current_state())`);
        await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON cases TO iti_app`);
        await queryRunner.query(`GRANT SELECT, INSERT ON case_members TO iti_app`);
        await queryRunner.query(`GRANT SELECT ON audit_events, audit_heads TO iti_app`);
        await queryRunner.query(`ALTER TABLE audit_heads ENABLE ROW LEVEL SECURITY`);
        await queryRunner.query(`CREATE POLICY state_isolation ON audit_heads USING (state_code = app_current_state())`);
        // Key rotation re-wraps the data keys of outgoing messages too.
        await queryRunner.query(`GRANT UPDATE (kek_id, data_key) ON outbox_messages TO iti_app`);
        await queryRunner.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
        await queryRunner.query(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
        await queryRunner.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
        // Inside a State's transaction only that State's chain may be written; outside any (deliveries between
        // mailboxes, which act for the receiving State) the caller names the chains.
        await queryRunner.query(`
      CREATE FUNCTION audit_check_scope(p_states text[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE current_state text := coalesce(current_setting('app.state_code', true), '');
      BEGIN
        IF current_state <> '' AND EXISTS (SELECT 1 FROM unnest(p_states) s WHERE s <> current_state) THEN
          RAISE EXCEPTION 'new row violates row-level security policy: audit events of another State refused in a transaction of %', current_state
            USING ERRCODE = 'insufficient_privilege';
        END IF;
      END
      $$`);
        // The line an event's hash covers; src/audit/audit-chain.ts (auditEventLine) recomputes it from the columns.
        await queryRunner.query(`
      CREATE FUNCTION audit_hex(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(encode(convert_to(p, 'UTF8'), 'hex'), '-')
      $$`);
        await queryRunner.query(`
      CREATE FUNCTION audit_event_line(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT concat_ws('.', audit_hex(e.seq::text), audit_hex(e.state_code::text),
                         audit_hex(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), audit_hex(e.actor_id::text),
                         audit_hex(e.action), audit_hex(e.target_type), audit_hex(e.target_id), audit_hex(e.outcome),
                         audit_hex(e.request_id), audit_hex(e.source_ip), audit_hex(e.details::text))
      $$`);
        // Appends events (in array order) to their States' chains: locks the heads (in code order, so two writers
        // never wait on each other in a cycle), numbers and hashes each event after the one before. The app calls
        // it in the round trip that commits, so a head stays locked only while this runs and the commit.
        await queryRunner.query(`
      CREATE FUNCTION audit_append(p_events jsonb) RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        states text[] := ARRAY(SELECT DISTINCT x->>'state_code' FROM jsonb_array_elements(p_events) x ORDER BY 1);
        e record;
        head audit_heads;
        event audit_events;
      BEGIN
        PERFORM audit_check_scope(states);
        INSERT INTO audit_heads (state_code, seq, hash)
          SELECT s, 0, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea FROM unnest(states) s
          ON CONFLICT DO NOTHING;
        PERFORM 1 FROM audit_heads h WHERE h.state_code = ANY (states) ORDER BY h.state_code FOR UPDATE;
        FOR e IN
          SELECT x.* FROM jsonb_array_elements(p_events) WITH ORDINALITY AS a(item, n),
                 jsonb_to_record(a.item) AS x(state_code char(3), at timestamptz, actor_id uuid, action varchar, target_type varchar,
                 target_id varchar, outcome varchar, request_id varchar, source_ip varchar, details jsonb)
           ORDER BY a.n
        LOOP
          SELECT * INTO head FROM audit_heads h WHERE h.state_code = e.state_code;
          event := ROW(e.state_code, head.seq + 1, e.at, e.actor_id, e.action, e.target_type, e.target_id, e.outcome, e.request_id,
                       e.source_ip, coalesce(e.details, '{}'), head.hash, NULL);
          event.hash := sha256(head.hash || convert_to(audit_event_line(event), 'UTF8'));
          INSERT INTO audit_events SELECT event.*;
          UPDATE audit_heads SET seq = event.seq, hash = event.hash WHERE state_code = e.state_code;
        END LOOP;
      END
      $$`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION audit_append(jsonb) FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION audit_append(jsonb) TO iti_app`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP FUNCTION audit_append(jsonb)`);
        await queryRunner.query(`DROP FUNCTION audit_event_line(audit_events)`);
        await queryRunner.query(`DROP FUNCTION audit_hex(text)`);
        await queryRunner.query(`DROP FUNCTION audit_check_scope(text[])`);
        await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`);
        await queryRunner.query(`DROP TRIGGER audit_events_append_only ON audit_events`);
        await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
        await queryRunner.query(`REVOKE UPDATE (kek_id, data_key) ON outbox_messages FROM iti_app`);
        await queryRunner.query(`REVOKE ALL ON cases, case_members, audit_events, audit_heads FROM iti_app`);
        await queryRunner.query(`DROP POLICY state_isolation ON audit_heads`);
        await queryRunner.query(`ALTER TABLE audit_heads DISABLE ROW LEVEL SECURITY`);
        await queryRunner.query(`DROP POLICY state_isolation ON audit_events`);
        await queryRunner.query(`ALTER TABLE audit_events DISABLE ROW LEVEL SECURITY`);
        for (const table of ['case_members', 'cases'])
            await (0, state_isolation_1.removeStateIsolation)(queryRunner, table);
    }
}
exports.ConfidentialSecurity1795440999500 = ConfidentialSecurity1795440999500;
//# sourceMappingURL=1795440999500-ConfidentialSecurity.js.map