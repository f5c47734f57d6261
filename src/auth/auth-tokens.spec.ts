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

  it('refuses any other string with a 401, never another error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        try {
          tokens.parseRefreshToken(junk);
          return false; // random strings are never well-formed tokens
        } catch (error) {
          return error instanceof UnauthorizedError && error.status === 401;
        }
      }),
    );
  });
});
