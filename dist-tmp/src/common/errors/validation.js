"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toFieldErrors = toFieldErrors;
exports.validationExceptionFactory = validationExceptionFactory;
const app_error_1 = require("./app-error");
/** Flattens class-validator's tree into one entry per field path (`markings[0].text`). */
function toFieldErrors(errors, prefix = '') {
    return errors.flatMap((error) => {
        const field = prefix ? (/^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`) : error.property;
        const own = error.constraints ? [{ field, messages: messagesOf(error, field) }] : [];
        return [...own, ...toFieldErrors(error.children ?? [], field)];
    });
}
/**
 * A field left out breaks every check it has (its type, length, range...), which says nothing useful: it is
 * "required", unless a check says under what condition it is (its message then names it).
 */
function messagesOf(error, field) {
    const messages = Object.values(error.constraints ?? {});
    if (error.value !== undefined || 'whitelistValidation' in (error.constraints ?? {}))
        return messages;
    const conditional = messages.filter((message) => /\brequired\b/.test(message));
    return conditional.length ? conditional : [`${field} is required`];
}
function validationExceptionFactory(errors) {
    return new app_error_1.ValidationFailedError(toFieldErrors(errors));
}
//# sourceMappingURL=validation.js.map