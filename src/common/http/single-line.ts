import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

/** Line and paragraph breaks, tabs and other control characters (Unicode Cc, U+2028, U+2029). */
const BREAK_OR_CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * A string on one line, without control characters: for short labels printed beside something else (a photo's
 * caption under the photo), whose height the layout counts on.
 */
export function SingleLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'singleLine',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !BREAK_OR_CONTROL.test(value),
        defaultMessage: buildMessage((each) => `${each}$property must be one line, without line breaks, tabs or control characters`, options),
      },
    },
    options,
  );
}
