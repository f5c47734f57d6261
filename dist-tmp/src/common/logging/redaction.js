"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDACTED_LOG_PATHS = void 0;
/**
 * Log paths whose values never reach a log: credentials, tokens, TOTP material, and any field a
 * module marks confidential by naming it `confidential` or putting it under `confidential.*`.
 * Request bodies are not logged at all; the body paths guard against a future change of that.
 */
exports.REDACTED_LOG_PATHS = [
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
    'req.body.code',
    'body.code',
    '*.totp',
    '*.secret',
    '*.mfaSecret',
    '*.passwordHash',
    // A failed query's bound values (a password hash, a token hash) and PostgreSQL's detail line that repeats them.
    'err.parameters',
    'err.detail',
    'err.driverError.detail',
    // Node's ERR_INVALID_URL carries the text it could not parse: a database URL with its password.
    'err.input',
    '*.confidential',
    'confidential.*',
    '*.confidential.*',
];
//# sourceMappingURL=redaction.js.map