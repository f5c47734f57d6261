import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../errors/app-error';

/**
 * Text PostgreSQL cannot store: U+0000, which text cannot hold, and a lone UTF-16 surrogate (`"\ud800"`
 * in JSON), which is not a character at all; jsonb refuses both and text would garble the second. Either
 * would otherwise come back from the database as an error, a 500. So is a number too large for JSON
 * (`1e999`, which parses as Infinity): neither jsonb nor a canonical JSON form can hold it. So is a field
 * named as what every JavaScript object has (`toString`, `constructor`, `hasOwnProperty`...): no field of
 * this API is, and the validation's copy of the input (class-transformer) drops such a field without a word,
 * where an unknown field is otherwise refused. Refused at the edge, in bodies, query strings and path
 * parameters, naming the field.
 */
@Injectable()
export class RejectUnstorableTextPipe implements PipeTransform {
  transform(value: unknown): unknown {
    rejectUnstorable(value);
    return value;
  }
}

/** Throws the pipe's 400 for `value` if it holds what the pipe refuses; for code that reads a body before pipes run. */
export function rejectUnstorable(value: unknown): void {
  const found = findUnstorable(value, '', 0);
  if (found === null) return;
  const name = found.path || 'the value';
  const messages = {
    nul: `${name} must not contain NUL (U+0000) characters`,
    surrogate: `${name} must be well-formed Unicode (it holds a lone surrogate)`,
    depth: `${name} is nested more than ${MAX_DEPTH} levels deep`,
    number: `${name} must be a finite number`,
    keys: `${name} has more than ${MAX_KEYS} fields`,
    items: `${name} holds more than ${MAX_ITEMS} items`,
    inherited: `property ${name} should not exist`,
  };
  throw new ValidationFailedError([{ field: found.path || 'body', messages: [messages[found.problem]] }]);
}

/**
 * No request of this API nests its data more than a few levels (a person's identity documents are the
 * deepest, at four); deeper JSON is refused before anything walks it, rather than overflowing the stack
 * of whatever walks it first (this pipe, then the validation).
 */
const MAX_DEPTH = 32;

/**
 * No request of this API has an object with more than a few dozen fields or a list of more than a few
 * dozen items (each list has its own, smaller, limit in its DTO). Larger ones are refused before anything
 * walks them: the validation's copy of an object is quadratic in its number of fields (class-transformer),
 * and it validates every item of a list even past the list's limit, so that a 1 MB body could hold the
 * process for seconds and fill its memory with errors.
 */
const MAX_KEYS = 200;
const MAX_ITEMS = 1000;

function findUnstorable(value: unknown, path: string, depth: number): { path: string; problem: 'nul' | 'surrogate' | 'depth' | 'number' | 'keys' | 'items' | 'inherited' } | null {
  if (depth > MAX_DEPTH) return { path, problem: 'depth' };
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path, problem: 'number' };
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, problem: 'nul' };
    return value.isWellFormed() ? null : { path, problem: 'surrogate' };
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_ITEMS) return { path, problem: 'items' };
    for (const [index, item] of value.entries()) {
      const found = findUnstorable(item, `${path}[${index}]`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  // Plain data only (parsed JSON, query strings): never walk a stream or another live object.
  if (value && typeof value === 'object' && isPlainData(value)) {
    const entries = Object.entries(value);
    if (entries.length > MAX_KEYS) return { path, problem: 'keys' };
    for (const [key, item] of entries) {
      if (Object.hasOwn(Object.prototype, key)) return { path: path ? `${path}.${key}` : key, problem: 'inherited' };
      const found = findUnstorable(item, path ? `${path}.${key}` : key, depth + 1);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * An object of data: its prototype is Object.prototype or null (parsed JSON), or an empty object without a
 * prototype of its own, as fast-querystring (Fastify's query-string parser) makes them.
 */
function isPlainData(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return true;
  return typeof prototype === 'object' && Object.getPrototypeOf(prototype) === null && Reflect.ownKeys(prototype).length === 0;
}
