import { Injectable } from '@nestjs/common';

/** The one source of "now", so that expiry and lockout can be tested with a controlled clock. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}
