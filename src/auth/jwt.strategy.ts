import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ACCESS_AUDIENCE, AccessTokenPayload, TOKEN_ALGORITHM, TOKEN_ISSUER } from './auth-tokens';
import { AuthService, TokenIdentity } from './auth.service';

export const JWT_SECRET = Symbol('JWT_SECRET');

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
      secretOrKey: secret,
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
