import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but when it is sent it must be valid — `null` included. Use it for
 * columns that cannot be empty; `@IsOptional()` (which also lets `null` through) is for fields where
 * `null` means "clear it".
 */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);
