import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '../database/db';
import { isRestrictViolation } from '../common/errors/database-errors';
import { RecordEventEntity } from './entities/record-event.entity';

@Injectable()
export class RecordEventsRepository {
  constructor(private readonly db: Db) {}

  async insert(event: Partial<RecordEventEntity>): Promise<RecordEventEntity> {
    const repository = this.db.repository(RecordEventEntity);
    return repository.save(repository.create(event));
  }

  /**
   * When the next event of a weapon is written: now on the database's clock, and at least a millisecond
   * after its latest event (the clock may step back), to the millisecond, as the history is ordered.
   * Meaningful under the weapon's lock.
   */
  async nextWriteTime(stateCode: string, weaponId: string): Promise<Date> {
    const [row]: { at: Date }[] = await this.db.manager.query(`SELECT ${nextWriteTimeSql('$1', '$2')} AS at`, [stateCode, weaponId]);
    return row.at;
  }

  historyOf(stateCode: string, weaponId: string): Promise<RecordEventEntity[]> {
    return this.db.repository(RecordEventEntity).find({ where: { stateCode, weaponId }, order: { occurredOn: 'ASC', recordedAt: 'ASC' } });
  }

  /** The histories of several weapons in one query, each in the order of historyOf. */
  historiesOf(stateCode: string, weaponIds: string[]): Promise<RecordEventEntity[]> {
    if (weaponIds.length === 0) return Promise.resolve([]);
    return this.db.repository(RecordEventEntity).find({ where: { stateCode, weaponId: In(weaponIds) }, order: { occurredOn: 'ASC', recordedAt: 'ASC' } });
  }

  find(stateCode: string, weaponId: string, id: string): Promise<RecordEventEntity | null> {
    return this.db.repository(RecordEventEntity).findOneBy({ stateCode, weaponId, id });
  }

  /** The latest retain-until date of a weapon's history, or null when it has none. */
  async retainUntil(stateCode: string, weaponId: string): Promise<string | null> {
    const row = await this.db
      .repository(RecordEventEntity)
      .createQueryBuilder('e')
      .select('max(e.retain_until)::text', 'until')
      .where('e.state_code = :stateCode AND e.weapon_id = :weaponId', { stateCode, weaponId })
      .getRawOne<{ until: string | null }>();
    return row?.until ?? null;
  }

  /**
   * Deletes the weapon's history; false, deleting nothing, when the database keeps it (ITI 12, judged on its own
   * date, which can be a day behind the service's around midnight or on another clock).
   */
  async deleteHistory(stateCode: string, weaponId: string): Promise<boolean> {
    try {
      await this.db.repository(RecordEventEntity).delete({ stateCode, weaponId });
      return true;
    } catch (error) {
      if (isRestrictViolation(error)) return false;
      throw error;
    }
  }
}

/**
 * SQL for the time the next event of a weapon is written (RecordEventsRepository.nextWriteTime), for the
 * weapon named by the SQL expressions `stateCode` and `weaponId`.
 */
export function nextWriteTimeSql(stateCode: string, weaponId: string): string {
  return `date_trunc('milliseconds', greatest(clock_timestamp(),
    (SELECT date_trunc('milliseconds', max(e.recorded_at)) + interval '1 millisecond' FROM record_events e WHERE e.state_code = ${stateCode} AND e.weapon_id = ${weaponId})))`;
}
