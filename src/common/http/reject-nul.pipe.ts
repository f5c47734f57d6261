import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../errors/app-error';

/**
 * PostgreSQL text cannot hold U+0000, and would answer a bound NUL with an error (a 500). Refuse it
 * at the edge, in bodies, query strings and path parameters, naming the field.
 */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown): unknown {
    const field = findNul(value, '');
    if (field !== null) {
      throw new ValidationFailedError([{ field: field || 'body', messages: [`${field || 'the value'} must not contain NUL (U+0000) characters`] }]);
    }
    return value;
  }
}

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  // Plain data only (parsed JSON, query strings): never walk a stream or another live object.
  if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}
