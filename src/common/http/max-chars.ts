import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

/**
 * A string of at most `max` characters as PostgreSQL counts them in a varchar(max) column: code points.
 * class-validator's MaxLength counts a character followed by a variation selector (U+FE0E, U+FE0F) as
 * one, so a value it takes could still overflow its column (a 500, not a 400 naming the field).
 */
export function MaxChars(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxChars',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && codePoints(value) <= max,
        defaultMessage: buildMessage((each) => `${each}$property must be shorter than or equal to $constraint1 characters`, options),
      },
    },
    options,
  );
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
