import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The next deliverable message, as outbox_claim() looks for it: among the messages still to deliver to
 * the States hosted on this node ($1, an array of their codes), through IDX_outbox_deliverable. Messages
 * to States hosted elsewhere wait in the outbox for as long as a transport takes them, and messages that
 * failed ten times wait for an operator: neither is in that index, so a claim never walks past them.
 * The check that no earlier message of the same exchange is still undelivered is asked of each candidate
 * through IDX_outbox_exchange (OFFSET 0 keeps PostgreSQL from turning it into a join that reads every
 * undelivered message).
 */
export const OUTBOX_CLAIM_QUERY = `
  SELECT m.* FROM outbox_messages m
   WHERE m.target_state = ANY ($1) AND m.delivered_at IS NULL AND m.attempts < 10 AND m.next_attempt_at <= clock_timestamp()
     AND NOT EXISTS (SELECT 1 FROM outbox_messages e
                      WHERE e.exchange_id = m.exchange_id AND e.delivered_at IS NULL AND (e.created_at, e.id) < (m.created_at, m.id)
                     OFFSET 0)
   ORDER BY m.created_at, m.id
   LIMIT 1
   FOR UPDATE OF m SKIP LOCKED`;

export class OutboxClaimHostedStates1795461000000 implements MigrationInterface {
  name = 'OutboxClaimHostedStates1795461000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Replaces the index of every undelivered message, in which a claim walked past all those waiting.
    await queryRunner.query('DROP INDEX "public"."IDX_outbox_pending"');
    await queryRunner.query(
      'CREATE INDEX "IDX_outbox_deliverable" ON "outbox_messages" ("target_state", "created_at", "id") WHERE delivered_at IS NULL AND attempts < 10',
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION outbox_claim() RETURNS SETOF outbox_messages
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_hosted char(3)[];
      BEGIN
        PERFORM outbox_outside_states();
        v_hosted := ARRAY(SELECT code FROM states WHERE hosted_since IS NOT NULL);
        RETURN QUERY ${OUTBOX_CLAIM_QUERY.replace('$1', 'v_hosted')};
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
