import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message delivered into the other State's mailbox keeps what says that it went (its kind, exchange, times,
 * tries) but no longer what it carried beyond its trace copy: the disclosed case fields (sealed, with the data
 * key that opens them) and the photos (up to 50 MB in base64) are dropped at delivery, as they now live in the
 * receiving State's copy. Until now they stayed in the sender's outbox for as long as the node ran: a third copy
 * of confidential content no one reads. Messages delivered before are cleared the same way.
 */
export class DeliveredMessagesForgetContent1795495000000 implements MigrationInterface {
  name = 'DeliveredMessagesForgetContent1795495000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION outbox_delivered(p_id uuid) RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM outbox_outside_states();
        UPDATE outbox_messages
           SET delivered_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL,
               sealed = NULL, kek_id = NULL, data_key = NULL, payload = payload - 'photos'
         WHERE id = p_id;
      END
      $$`);
    await queryRunner.query(`
      UPDATE outbox_messages SET sealed = NULL, kek_id = NULL, data_key = NULL, payload = payload - 'photos'
       WHERE delivered_at IS NOT NULL AND (sealed IS NOT NULL OR data_key IS NOT NULL OR payload ? 'photos')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION outbox_delivered(p_id uuid) RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM outbox_outside_states();
        UPDATE outbox_messages SET delivered_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL WHERE id = p_id;
      END
      $$`);
  }
}
