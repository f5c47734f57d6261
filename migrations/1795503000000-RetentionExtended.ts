import { MigrationInterface, QueryRunner } from 'typeorm';

/** record_events_append_only() as migration RetentionPerRecord left it, its UPDATE branch aside. */
function appendOnly(onUpdate: string): string {
  return `
      CREATE OR REPLACE FUNCTION record_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kept date;
        unchanged record_events;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
${onUpdate}
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
      $$`;
}

/**
 * ITI 12 under a longer retention than the one a record was written with: one change the append-only history
 * allows, to the owner who says so (`app.retention_extension`): an event's retention date moved later, nothing
 * else of it. At start, the service keeps the records already kept as long as its RETENTION_*_YEARS say
 * (src/records/retention-extension.ts); before, a record written under 30 years stayed purgeable after 30
 * years whatever the setting said since.
 */
export class RetentionExtended1795503000000 implements MigrationInterface {
  name = 'RetentionExtended1795503000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(appendOnly(`
          -- The retention extension (owner only: the app role may not update events at all) moves the date later, and only it.
          IF current_setting('app.retention_extension', true) = 'on' AND NEW.retain_until > OLD.retain_until THEN
            unchanged := NEW;
            unchanged.retain_until := OLD.retain_until;
            IF unchanged IS NOT DISTINCT FROM OLD THEN
              RETURN NEW;
            END IF;
          END IF;`));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(appendOnly(''));
  }
}
