/**
 * Log paths whose values never reach a log: credentials, tokens, TOTP material, and any field a
 * module marks confidential by naming it `confidential` or putting it under `confidential.*`.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.mfaToken',
  '*.token',
  '*.code',
  '*.secret',
  '*.mfaSecret',
  '*.passwordHash',
  '*.confidential',
  'confidential.*',
  '*.confidential.*',
];
