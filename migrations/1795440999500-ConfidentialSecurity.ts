import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByState, removeStateIsolation } from './support/state-isolation';

/**
 * Isolation of case files, and the append-only audit chain. The app role reads audit events of its own
 * State and nothing else: rows arrive only through audit_append(), which checks that each State's
 * events continue its chain exactly where the locked head says; a trigger refuses UPDATE, DELETE and
 * TRUNCATE for everyone, the owner included.
 */
export class ConfidentialSecurity1795440999500 implements MigrationInterface {
  name = 'ConfidentialSecurity1795440999500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['cases', 'case_members']) await isolateByState(queryRunner, table);
    // Not forced: audit_append(), owned by the owner, writes the chain of the State a delivery acts for
    // from outside any State; the app role still reads only its own State's events.
    await queryRunner.query(`ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY state_isolation ON audit_events USING (state_code = app_current_state()) WITH CHECK (state_code = app_current_state())`,
    );
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
    await queryRunner.query(
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
    );
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
    // Locks the heads of the named chains (in code order, so two writers never wait on each other in a
    // cycle) until the transaction ends, creating a chain's head on its first event.
    await queryRunner.query(`
      CREATE FUNCTION audit_lock_heads(p_states text[]) RETURNS TABLE (state_code char(3), seq bigint, hash bytea)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM audit_check_scope(p_states);
        INSERT INTO audit_heads AS h (state_code, seq, hash)
          SELECT s, 0, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea FROM unnest(p_states) s
          ON CONFLICT DO NOTHING;
        RETURN QUERY SELECT h.state_code, h.seq, h.hash FROM audit_heads h WHERE h.state_code = ANY (p_states) ORDER BY h.state_code FOR UPDATE;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_incoming(p_events jsonb) RETURNS SETOF audit_events
      LANGUAGE sql IMMUTABLE AS $$
        SELECT e.state_code, e.seq, e.at, e.actor_id, e.action, e.target_type, e.target_id, e.outcome, e.request_id, e.source_ip,
               coalesce(e.details, '{}'), decode(e.prev_hash, 'hex'), decode(e.hash, 'hex')
          FROM jsonb_to_recordset(p_events) AS e(state_code char(3), seq bigint, at timestamptz, actor_id uuid, action varchar, target_type varchar,
               target_id varchar, outcome varchar, request_id varchar, source_ip varchar, details jsonb, prev_hash text, hash text)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_append(p_events jsonb) RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE broken text;
      BEGIN
        PERFORM audit_check_scope(ARRAY(SELECT DISTINCT i.state_code::text FROM audit_incoming(p_events) i));
        -- Each State's events must follow its locked head without a gap, each linked to the one before.
        SELECT string_agg(DISTINCT l.state_code, ', ') INTO broken
          FROM (SELECT i.state_code, i.seq, i.prev_hash,
                       lag(i.seq) OVER w AS before_seq, lag(i.hash) OVER w AS before_hash
                  FROM audit_incoming(p_events) i WINDOW w AS (PARTITION BY i.state_code ORDER BY i.seq)) l
          LEFT JOIN audit_heads h ON h.state_code = l.state_code
         WHERE h.state_code IS NULL
            OR l.seq <> coalesce(l.before_seq, h.seq) + 1
            OR l.prev_hash <> coalesce(l.before_hash, h.hash);
        IF broken IS NOT NULL THEN
          RAISE EXCEPTION 'audit events do not continue the chain of %', broken USING ERRCODE = 'check_violation';
        END IF;
        INSERT INTO audit_events SELECT * FROM audit_incoming(p_events);
        UPDATE audit_heads h SET seq = l.seq, hash = l.hash
          FROM (SELECT DISTINCT ON (i.state_code) i.state_code, i.seq, i.hash FROM audit_incoming(p_events) i ORDER BY i.state_code, i.seq DESC) l
         WHERE h.state_code = l.state_code;
      END
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION audit_lock_heads(text[]), audit_append(jsonb) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION audit_lock_heads(text[]), audit_append(jsonb) TO iti_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_append(jsonb)`);
    await queryRunner.query(`DROP FUNCTION audit_incoming(jsonb)`);
    await queryRunner.query(`DROP FUNCTION audit_lock_heads(text[])`);
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
    for (const table of ['case_members', 'cases']) await removeStateIsolation(queryRunner, table);
  }
}
