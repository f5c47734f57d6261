/**
 * A failure the client can act on: a stable `code`, an HTTP status, a message safe to show, and
 * optional details. Mapped to the response once, in HttpErrorFilter.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, code = 'NOT_FOUND') {
    super(404, code, `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

/** Fields a 400 names at most: the first ones, which are enough to correct a request, in an answer of bounded size. */
export const MAX_FIELD_ERRORS = 50;

export class ValidationFailedError extends AppError {
  constructor(details: FieldError[]) {
    const named = details.slice(0, MAX_FIELD_ERRORS);
    const more = details.length > named.length ? ` and ${details.length - named.length} more` : '';
    super(400, 'VALIDATION_FAILED', `Invalid request: ${named.map((d) => d.field).join(', ')}${more}`, named);
  }
}

/** A 400 naming one field and what is wrong with it. */
export function fieldError(field: string, message: string): ValidationFailedError {
  return new ValidationFailedError([{ field, messages: [message] }]);
}

export interface FieldError {
  field: string;
  messages: string[];
}

export class UnauthorizedError extends AppError {
  constructor(code = 'UNAUTHENTICATED', message = 'Authentication required') {
    super(401, code, message);
  }
}

/** The session behind a token is over (revoked, expired, idle, its user disabled): log in again. */
export class SessionEndedError extends UnauthorizedError {
  constructor() {
    super('SESSION_EXPIRED', 'The session has ended; log in again');
  }
}

export class ForbiddenError extends AppError {
  constructor(code = 'FORBIDDEN', message = 'Not allowed for your role') {
    super(403, code, message);
  }
}

/**
 * A 403 whose request's transaction commits all the same (RequestScopeInterceptor): what the refusing check
 * wrote must hold for the next request, which may be waiting for the same row (a wrong password, counted
 * toward the account's lockout). Thrown only before the request has changed anything else, and not on a
 * route that takes an Idempotency-Key (IdempotencyInterceptor's claim of the key would commit with it).
 */
export class CommittedRefusal extends ForbiddenError {}
