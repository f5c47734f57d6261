"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxClaimHostedStates1795461000000 = exports.OUTBOX_CANDIDATES_QUERY = exports.OUTBOX_CANDIDATES = void 0;
/** Candidates a claim considers per hosted State, oldest first. */
exports.OUTBOX_CANDIDATES = 50;
/**
 * What outbox_claim() may deliver next: for each State hosted on this node ($1, an array of their codes),
 * its oldest messages still to deliver, through IDX_outbox_deliverable, read in order and at most
 * OUTBOX_CANDIDATES each; then all of them oldest first. Messages to States hosted elsewhere wait in the
 * outbox for as long as a transport takes them, and messages that failed ten times wait for an operator:
 * neither is in that index, so a claim never reads them, and a backlog costs each claim a bounded read.
 * A message waits for the earlier messages of its exchange; that check is asked of each candidate through
 * IDX_outbox_exchange (OFFSET 0 keeps PostgreSQL from turning it into a join that reads every undelivered
 * message).
 */
exports.OUTBOX_CANDIDATES_QUERY = `
  SELECT c.id FROM unnest($1::char(3)[]) AS hosted (code)
   CROSS JOIN LATERAL (
     SELECT m.id, m.created_at FROM outbox_messages m
      WHERE m.target_state = hosted.code AND m.delivered_at IS NULL AND m.attempts < 10 AND m.next_attempt_at <= clock_timestamp()
        AND NOT EXISTS (SELECT 1 FROM outbox_messages e
                         WHERE e.exchange_id = m.exchange_id AND e.delivered_at IS NULL AND (e.created_at, e.id) < (m.created_at, m.id)
                        OFFSET 0)
      ORDER BY m.created_at, m.id
      LIMIT ${exports.OUTBOX_CANDIDATES}) c
   ORDER BY c.created_at, c.id`;
class OutboxClaimHostedStates1795461000000 {
    constructor() {
        this.name = 'OutboxClaimHostedStates1795461000000';
    }
    async up(queryRunner) {
        // Replaces the index of every undelivered message, in which a claim walked past all those waiting.
        await queryRunner.query('DROP INDEX "public"."IDX_outbox_pending"');
        await queryRunner.query('CREATE INDEX "IDX_outbox_deliverable" ON "outbox_messages" ("target_state", "created_at", "id") WHERE delivered_at IS NULL AND attempts < 10');
        await queryRunner.query(`
      CREATE OR REPLACE FUNCTION outbox_claim() RETURNS SETOF outbox_messages
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_hosted char(3)[];
        v_id uuid;
      BEGIN
        PERFORM outbox_outside_states();
        v_hosted := ARRAY(SELECT code FROM states WHERE hosted_since IS NOT NULL);
        -- The first candidate no other replica holds, if it is still due (another may have just tried it).
        FOR v_id IN ${exports.OUTBOX_CANDIDATES_QUERY.replace('$1', 'v_hosted')} LOOP
          RETURN QUERY SELECT m.* FROM outbox_messages m
                        WHERE m.id = v_id AND m.delivered_at IS NULL AND m.attempts < 10 AND m.next_attempt_at <= clock_timestamp()
                          FOR UPDATE SKIP LOCKED;
          IF FOUND THEN
            RETURN;
          END IF;
        END LOOP;
      END
      $$`);
    }
    async down(queryRunner) {
        await queryRunner.query(`
      CREATE OR REPLACE FUNCTION outbox_claim() RETURNS SETOF outbox_messages
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
        await queryRunner.query('DROP INDEX "public"."IDX_outbox_deliverable"');
        await queryRunner.query('CREATE INDEX "IDX_outbox_pending" ON "outbox_messages" ("created_at") WHERE delivered_at IS NULL');
    }
}
exports.OutboxClaimHostedStates1795461000000 = OutboxClaimHostedStates1795461000000;
//# sourceMappingURL=1795461000000-OutboxClaimHostedStates.js.map