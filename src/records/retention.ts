import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EventType } from '../registry/registry.constants';
import { RecordClass } from './entities/record-event.entity';

/**
 * RetentionPolicy.retainUntil in SQL: the day `occurredOn` (a date) plus the years of its class, `manufactureYears`
 * when `isManufacture` holds, else `otherYears` (SQL expressions: columns or parameters). PostgreSQL's date
 * arithmetic takes 29 February to 28 February, as retainUntil does.
 */
export function retainUntilSql(occurredOn: string, isManufacture: string, manufactureYears: string, otherYears: string): string {
  return `(${occurredOn} + make_interval(years => CASE WHEN ${isManufacture} THEN ${manufactureYears}::int ELSE ${otherYears}::int END))::date`;
}

/** ITI 12: how long each record is kept, from per-node settings (defaults 30 and 20 years). */
@Injectable()
export class RetentionPolicy {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  classOf(event: EventType): RecordClass {
    return event === 'manufactured' ? 'manufacture' : 'other';
  }

  /** The earliest purge date of a record of `event` that happened on `occurredOn` (YYYY-MM-DD). */
  retainUntil(event: EventType, occurredOn: string): string {
    const years = this.classOf(event) === 'manufacture' ? this.config.RETENTION_MANUFACTURE_YEARS : this.config.RETENTION_OTHER_YEARS;
    const [y, m, d] = occurredOn.split('-').map(Number);
    const date = new Date(Date.UTC(y + years, m - 1, d));
    if (date.getUTCMonth() !== m - 1) date.setUTCDate(0); // 29 February + n years → 28 February
    return date.toISOString().slice(0, 10);
  }

  get purgeEnabled(): boolean {
    return this.config.RETENTION_PURGE_ENABLED;
  }
}
