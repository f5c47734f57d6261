"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ForbiddenError = exports.UnauthorizedError = exports.ValidationFailedError = exports.MAX_FIELD_ERRORS = exports.ConflictError = exports.NotFoundError = exports.AppError = void 0;
exports.fieldError = fieldError;
/**
 * A failure the client can act on: a stable `code`, an HTTP status, a message safe to show, and
 * optional details. Mapped to the response once, in HttpErrorFilter.
 */
class AppError extends Error {
    constructor(status, code, message, details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
        this.name = new.target.name;
    }
}
exports.AppError = AppError;
class NotFoundError extends AppError {
    constructor(what, code = 'NOT_FOUND') {
        super(404, code, `${what} not found`);
    }
}
exports.NotFoundError = NotFoundError;
class ConflictError extends AppError {
    constructor(code, message, details) {
        super(409, code, message, details);
    }
}
exports.ConflictError = ConflictError;
/** Fields a 400 names at most: the first ones, which are enough to correct a request, in an answer of bounded size. */
exports.MAX_FIELD_ERRORS = 50;
class ValidationFailedError extends AppError {
    constructor(details) {
        const named = details.slice(0, exports.MAX_FIELD_ERRORS);
        const more = details.length > named.length ? ` and ${details.length - named.length} more` : '';
        super(400, 'VALIDATION_FAILED', `Invalid request: ${named.map((d) => d.field).join(', ')}${more}`, named);
    }
}
exports.ValidationFailedError = ValidationFailedError;
/** A 400 naming one field and what is wrong with it. */
function fieldError(field, message) {
    return new ValidationFailedError([{ field, messages: [message] }]);
}
class UnauthorizedError extends AppError {
    constructor(code = 'UNAUTHENTICATED', message = 'Authentication required') {
        super(401, code, message);
    }
}
exports.UnauthorizedError = UnauthorizedError;
class ForbiddenError extends AppError {
    constructor(code = 'FORBIDDEN', message = 'Not allowed for your role') {
        super(403, code, message);
    }
}
exports.ForbiddenError = ForbiddenError;
//# sourceMappingURL=app-error.js.map