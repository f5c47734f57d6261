"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IsCalendarDate = exports.IsInstant = void 0;
const common_1 = require("@nestjs/common");
const class_validator_1 = require("class-validator");
/**
 * A calendar date (YYYY-MM-DD) or a date-time with its offset, in years 0001–9999, on a day that exists:
 * read the same way by JavaScript's Date and by PostgreSQL. ISO 8601 alone also allows week and ordinal
 * dates (2026-W05, 2026-035) and signed years, which Date cannot read or PostgreSQL cannot store.
 */
const INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const IsInstant = (field) => {
    const message = `${field} must be a date (YYYY-MM-DD) or a date-time with its offset (YYYY-MM-DDThh:mm:ssZ)`;
    return (0, common_1.applyDecorators)((0, class_validator_1.IsISO8601)({ strict: true }, { message }), (0, class_validator_1.Matches)(INSTANT, { message }));
};
exports.IsInstant = IsInstant;
/**
 * A calendar date, YYYY-MM-DD, in years 0001–9999, on a day that exists (2021-02-30 is refused): the only
 * form accepted for a date, so every record holds dates alike and PostgreSQL's date type can store them.
 */
const IsCalendarDate = (field) => {
    const message = `${field} must be a date, YYYY-MM-DD`;
    return (0, common_1.applyDecorators)((0, class_validator_1.IsISO8601)({ strict: true }, { message }), (0, class_validator_1.Matches)(/^(?!0000)\d{4}-\d{2}-\d{2}$/, { message }));
};
exports.IsCalendarDate = IsCalendarDate;
//# sourceMappingURL=instant.js.map