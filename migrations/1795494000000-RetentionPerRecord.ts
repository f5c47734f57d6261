import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ITI 12 in the database, per record rather than per event: an event leaves only when every event of its
 * weapon is past its retention and the weapon is under no legal hold, as the service's purge decides. Before,
 * an event past its own date could be deleted on its own while the record had to be kept (a weapon made in
 * 1980 and exported in 2010 losing its manufacture), and a correction dated long ago that annulled an event
 * could be deleted to bring the annulled event back. The rows a DELETE removed before this one are no
 * longer seen, but each of them passed the same check.
 */
export class RetentionPerRecord1795494000000 implements MigrationInterface {
  name = 'RetentionPerRecord1795494000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION record_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kept date;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'record events are append-only: record a correction instead' USING ERRCODE = 'restrict_violation';
        ELSIF TG_OP = 'DELETE' THEN
          SELECT max(e.retain_until) INTO kept FROM record_events e WHERE e.weapon_id = OLD.weapon_id;
          kept := greatest(kept, OLD.retain_until);
          IF kept > current_date THEN
            RAISE EXCEPTION 'record event % must be kept until % with its record (ITI 12)', OLD.id, kept USING ERRCODE = 'restrict_violation';
          END IF;
          IF EXISTS (SELECT 1 FROM weapons w WHERE w.id = OLD.weapon_id AND w.legal_holds <> '[]'::jsonb) THEN
            RAISE EXCEPTION 'record event % belongs to a record under a legal hold', OLD.id USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'record events cannot be truncated' USING ERRCODE = 'restrict_violation';
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION record_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'record events are append-only: record a correction instead' USING ERRCODE = 'restrict_violation';
        ELSIF TG_OP = 'DELETE' THEN
          IF OLD.retain_until > current_date THEN
            RAISE EXCEPTION 'record event % must be kept until % (ITI 12)', OLD.id, OLD.retain_until USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'record events cannot be truncated' USING ERRCODE = 'restrict_violation';
      END
      $$`);
  }
}
