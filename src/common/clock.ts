import { Injectable } from '@nestjs/common';

/** The date it is at `now` where the day is furthest ahead (UTC+14), YYYY-MM-DD. */
export function latestDateAt(now: Date): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** The one source of "now", so that expiry and lockout can be tested with a controlled clock. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's date, YYYY-MM-DD, in UTC: the service's dates are UTC dates. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /**
   * The latest date that is today somewhere (UTC+14), YYYY-MM-DD: a date after it is in the future
   * everywhere. A seizure recorded at 07:00 in Manila is dated a day the UTC date has not reached yet.
   */
  latestToday(): string {
    return latestDateAt(this.now());
  }

  nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}
