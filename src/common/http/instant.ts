import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, ValidateBy } from 'class-validator';
import { latestDateAt } from '../clock';
import { ValidationFailedError } from '../errors/app-error';

/**
 * A calendar date (YYYY-MM-DD) or a date-time with its offset, in years 0001–9999, on a day that exists:
 * read the same way by JavaScript's Date and by PostgreSQL. ISO 8601 alone also allows week and ordinal
 * dates (2026-W05, 2026-035) and signed years, which Date cannot read or PostgreSQL cannot store.
 */
const INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The instant in UTC within years 0001–9999 too: an offset can carry one written in 9999 into 10000
 * (9999-12-31T23:59-23:59), which a response could not write as RFC 3339.
 */
const InUtcYears = (field: string) =>
  ValidateBy({
    name: 'inUtcYears',
    validator: {
      validate: (value: unknown) => {
        const year = typeof value === 'string' ? new Date(value).getUTCFullYear() : NaN;
        return Number.isNaN(year) || (year >= 1 && year <= 9999);
      },
      defaultMessage: () => `${field} must fall in the years 0001 to 9999 in UTC`,
    },
  });

export const IsInstant = (field: string) => {
  const message = `${field} must be a date (YYYY-MM-DD) or a date-time with its offset (YYYY-MM-DDThh:mm:ssZ)`;
  return applyDecorators(IsISO8601({ strict: true }, { message }), Matches(INSTANT, { message }), InUtcYears(field));
};

/** A date-time with its offset (YYYY-MM-DDThh:mm, seconds optional, Z or ±hh:mm): an instant, not a day. */
export const IsDateTime = (field: string) => {
  const message = `${field} must be a date-time with its offset (YYYY-MM-DDThh:mm:ssZ)`;
  return applyDecorators(IsISO8601({ strict: true }, { message }), Matches(/^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, { message }), InUtcYears(field));
};

/**
 * A calendar date, YYYY-MM-DD, in years 0001–9999, on a day that exists (2021-02-30 is refused): the only
 * form accepted for a date, so every record holds dates alike and PostgreSQL's date type can store them.
 */
export const IsCalendarDate = (field: string) => {
  const message = `${field} must be a date, YYYY-MM-DD`;
  return applyDecorators(IsISO8601({ strict: true }, { message }), Matches(/^(?!0000)\d{4}-\d{2}-\d{2}$/, { message }));
};

/** A year not after the current one where the year is furthest ahead (as event dates), read when the value is checked (a process runs across New Year). */
export const NotAfterThisYear = (field: string) =>
  ValidateBy({
    name: 'notAfterThisYear',
    validator: {
      validate: (value: unknown) => typeof value !== 'number' || value <= Number(latestDateAt(new Date()).slice(0, 4)),
      defaultMessage: () => `${field} cannot be after this year`,
    },
  });

/** A period [from, to) that holds something: an empty or reversed one is refused on `from` (400), not read as "nothing happened". */
export function checkPeriod(from: Date | undefined, to: Date | undefined): void {
  if (from && to && from >= to) throw new ValidationFailedError([{ field: 'from', messages: ['from must be before to'] }]);
}
