import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthUser } from '../common/auth/auth-user';
import { ACCESS_AUDIENCE, AccessTokenPayload, TOKEN_ALGORITHM, TOKEN_ISSUER } from './auth-tokens';
import { AuthService } from './auth.service';

export const JWT_SECRET = Symbol('JWT_SECRET');

/**
 * Bearer access tokens. The signature, algorithm, issuer and audience are checked by passport-jwt;
 * expiry and the session behind the token by AuthService against the injected clock.
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

  validate(payload: AccessTokenPayload): Promise<AuthUser> {
    return this.auth.authenticateAccess(payload);
  }
}
