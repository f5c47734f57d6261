import { Injectable } from '@nestjs/common';

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

  nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}
