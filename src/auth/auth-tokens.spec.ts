import { JwtService } from '@nestjs/jwt';
import fc from 'fast-check';
import { Clock } from '../common/clock';
import { UnauthorizedError } from '../common/errors/app-error';
import { AuthTokens } from './auth-tokens';

describe('AuthTokens refresh tokens', () => {
  const tokens = new AuthTokens(new JwtService({ secret: 'x'.repeat(40) }), new Clock(), 'x'.repeat(40));

  it('parses what it issues, to the same hash', () => {
    fc.assert(
      fc.property(fc.uuid(), (sessionId) => {
        const issued = tokens.newRefreshToken(sessionId);
        expect(tokens.parseRefreshToken(issued.token)).toEqual({ sessionId, hash: issued.hash });
      }),
    );
  });

  const refused = (token: string) => {
    try {
      tokens.parseRefreshToken(token);
      return false;
    } catch (error) {
      return error instanceof UnauthorizedError && error.status === 401;
    }
  };

  it('refuses any other string with a 401, never another error', () => {
    // Random strings are never well-formed tokens.
    fc.assert(fc.property(fc.string({ maxLength: 200 }), refused));
  });

  it('refuses a token it issued once changed: a part more, a secret a character short or long, its parts swapped', () => {
    const altered = fc.tuple(fc.uuid(), fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'Z', '0', '-', '_', '.', ' ') }), fc.nat(6)).map(([sessionId, extra, change]) => {
      const { token } = tokens.newRefreshToken(sessionId);
      const secret = token.split('.')[1];
      return [
        `${token}.${extra}`,
        `${token}${extra}`,
        `${sessionId}.${secret.slice(1)}`,
        `${extra}${token}`,
        `${secret}.${sessionId}`,
        `${sessionId}..${secret}`,
        `${sessionId}.${secret} `,
      ][change];
    });
    fc.assert(fc.property(altered, refused));
  });
});
