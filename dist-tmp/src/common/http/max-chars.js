"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MaxChars = MaxChars;
const class_validator_1 = require("class-validator");
/**
 * A string of at most `max` characters as PostgreSQL counts them in a varchar(max) column: code points.
 * class-validator's MaxLength counts a character followed by a variation selector (U+FE0E, U+FE0F) as
 * one, so a value it takes could still overflow its column (a 500, not a 400 naming the field).
 */
function MaxChars(max, options) {
    return (0, class_validator_1.ValidateBy)({
        name: 'maxChars',
        constraints: [max],
        validator: {
            validate: (value) => typeof value === 'string' && codePoints(value) <= max,
            defaultMessage: (0, class_validator_1.buildMessage)((each) => `${each}$property must be shorter than or equal to $constraint1 characters`, options),
        },
    }, options);
}
function codePoints(text) {
    let count = 0;
    for (const _ of text)
        count++;
    return count;
}
//# sourceMappingURL=max-chars.js.map