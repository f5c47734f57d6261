import pino from 'pino';
import { Writable } from 'node:stream';
import { bootLogger } from './logger-options';
import { REDACTED_LOG_PATHS } from './redaction';

function sink(): { stream: Writable; output: () => string } {
  let output = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  return { stream, output: () => output };
}

describe('log redaction', () => {
  it('hides credentials, tokens, TOTP material, confidential fields and failed queries\' bound values', () => {
    const { stream, output } = sink();
    const logger = pino({ redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, stream);
    logger.info({
      req: { headers: { authorization: 'Bearer secret-access', cookie: 'sid=secret-cookie' }, body: { code: '123456' } },
      user: { password: 'secret-password', mfaSecret: 'SECRETBASE32', passwordHash: '$argon2id$secret' },
      tokens: { accessToken: 'secret-a', refreshToken: 'secret-r' },
      err: { code: '23505', parameters: ['secret-param'], detail: 'Key (token_hash)=(secret-detail) already exists' },
      case: { confidential: 'secret-narrative' },
    });
    for (const secret of ['secret-access', 'secret-cookie', '123456', 'secret-password', 'SECRETBASE32', '$argon2id$secret', 'secret-a', 'secret-r', 'secret-param', 'secret-detail', 'secret-narrative']) {
      expect(output()).not.toContain(secret);
    }
    expect(output()).toContain('"code":"23505"'); // error codes stay visible for operators
  });

  it('hides, in the start-up log too, the database URL that Node\'s URL parser repeats in its error', () => {
    const { stream, output } = sink();
    let error: unknown;
    try {
      new URL('postgres://owner:secret-password@/iti?host=/var/run/postgresql');
    } catch (caught) {
      error = caught;
    }
    expect((error as { input?: string }).input).toContain('secret-password'); // what would leak
    bootLogger(stream).fatal({ err: error }, 'failed to start');
    expect(output()).toContain('failed to start');
    expect(output()).not.toContain('secret-password');
  });
});
