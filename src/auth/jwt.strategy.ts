import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ACCESS_AUDIENCE, AccessTokenPayload, TOKEN_ALGORITHM, TOKEN_ISSUER } from './auth-tokens';
import { AuthService, TokenIdentity } from './auth.service';
import { JWT_SECRET } from './jwt-secret';

/**
 * Bearer access tokens. The signature, algorithm, issuer and audience are checked by passport-jwt,
 * expiry against the injected clock; the session behind the token by RequestScopeInterceptor.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: jsonwebtoken would otherwise try (and fail) to parse the string as a
      // public key on every request, the costliest step of a request in the profile.
      secretOrKey: createSecretKey(Buffer.from(secret, 'utf8')) as unknown as Buffer,
      algorithms: [TOKEN_ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: ACCESS_AUDIENCE,
      ignoreExpiration: true,
    });
  }

  /** The token's claims, checked for shape and expiry; the session behind it is checked in the request's transaction. */
  validate(payload: AccessTokenPayload): TokenIdentity {
    return { claims: this.auth.checkAccessClaims(payload) };
  }
}
