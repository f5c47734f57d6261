import { Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { Clock } from '../common/clock';

const ISSUER = 'ITI Trace';
/** One 30-second step either side, for clocks that drift a little. */
const TOLERANCE_SECONDS = 30;
const PERIOD_SECONDS = 30;

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s): what every authenticator app speaks. */
@Injectable()
export class Totp {
  constructor(private readonly clock: Clock) {}

  newSecret(): string {
    return generateSecret();
  }

  uri(secret: string, account: string): string {
    return generateURI({ issuer: ISSUER, label: account, secret });
  }

  /** The time step the code belongs to, or null when it matches none in the window. */
  matchingStep(secret: string, code: string): number | null {
    if (!/^\d{6}$/.test(code)) return null;
    const now = this.clock.nowSeconds();
    const result = verifySync({ secret, token: code, epoch: now, epochTolerance: TOLERANCE_SECONDS });
    return result.valid ? Math.floor(now / PERIOD_SECONDS) + result.delta : null;
  }
}
