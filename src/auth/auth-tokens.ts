import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { Role } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { UnauthorizedError } from '../common/errors/app-error';
import { UUID } from '../common/uuid';
import { JWT_SECRET } from './jwt-secret';

export const TOKEN_ISSUER = 'iti-trace';
export const ACCESS_AUDIENCE = 'iti-trace:api';
const MFA_AUDIENCE = 'iti-trace:mfa';
/** Pinned: tokens signed with any other algorithm (including "none") are refused. */
export const TOKEN_ALGORITHM = 'HS256';
const MFA_TOKEN_TTL_SECONDS = 300;

export interface AccessTokenPayload {
  sub: string;
  st: string;
  sid: string;
  roles: Role[];
  iat: number;
  exp: number;
}

interface MfaTokenPayload {
  sub: string;
  st: string;
  exp: number;
}


/** Signs and checks the three kinds of token: access (JWT), MFA step (JWT) and refresh (opaque). */
@Injectable()
export class AuthTokens {
  /** The verification key as a KeyObject (see JwtStrategy: a string is re-parsed on every verify). */
  private readonly verificationKey: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(JWT_SECRET) secret: string,
  ) {
    this.verificationKey = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  signAccess(claims: Omit<AccessTokenPayload, 'iat'>): string {
    return this.jwt.sign({ ...claims, iat: this.clock.nowSeconds() }, { algorithm: TOKEN_ALGORITHM, issuer: TOKEN_ISSUER, audience: ACCESS_AUDIENCE });
  }

  signMfaStep(userId: string, stateCode: string): string {
    const now = this.clock.nowSeconds();
    return this.jwt.sign(
      { sub: userId, st: stateCode, iat: now, exp: now + MFA_TOKEN_TTL_SECONDS },
      { algorithm: TOKEN_ALGORITHM, issuer: TOKEN_ISSUER, audience: MFA_AUDIENCE },
    );
  }

  verifyMfaStep(token: string): MfaTokenPayload {
    try {
      const payload = this.jwt.verify<MfaTokenPayload>(token, {
        secret: this.verificationKey as unknown as Buffer,
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: MFA_AUDIENCE,
        clockTimestamp: this.clock.nowSeconds(),
      });
      if (typeof payload.sub !== 'string' || typeof payload.st !== 'string') throw new Error('bad claims');
      return payload;
    } catch {
      throw new UnauthorizedError('MFA_TOKEN_INVALID', 'The MFA step has expired or is invalid; log in again');
    }
  }

  /** A refresh token is `<session id>.<secret>`; only its SHA-256 is stored. */
  newRefreshToken(sessionId: string): { token: string; hash: string } {
    const token = `${sessionId}.${randomBytes(32).toString('base64url')}`;
    return { token, hash: hashRefreshToken(token) };
  }

  parseRefreshToken(token: string): { sessionId: string; hash: string } {
    const parts = token.split('.');
    const [sessionId, secret] = parts;
    if (parts.length !== 2 || !UUID.test(sessionId) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) {
      throw new UnauthorizedError('REFRESH_TOKEN_INVALID', 'The refresh token is invalid');
    }
    return { sessionId, hash: hashRefreshToken(token) };
  }
}

function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
