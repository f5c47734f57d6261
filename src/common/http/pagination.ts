import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { MaxChars } from './max-chars';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationFailedError } from '../errors/app-error';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** `?limit=&cursor=` on every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  // A cursor carries the last row's keys, which may be a name of 200 characters of four bytes each.
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s nextCursor' })
  @IsOptional() @IsString() @MaxChars(2000)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Keyset pagination on a unique ordered list of columns, ascending or (`order`) descending: stable
 * under inserts, index-friendly, no OFFSET. The cursor carries the last row's key values; a timestamp key must be stored to the
 * millisecond (a JavaScript Date's precision, timestamptz(3)), or the cursor falls behind its own row.
 * Each list has an index in its key order.
 */
export async function keysetPage<T extends ObjectLiteral, K extends keyof T & string>(
  query: SelectQueryBuilder<T>,
  keys: { property: K; column: string }[],
  page: PageQueryDto,
  order: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<T>> {
  if (page.cursor) {
    const values = decodeCursor(page.cursor, keys.length);
    const params = Object.fromEntries(values.map((v, i) => [`cursor${i}`, v]));
    const after = order === 'ASC' ? '>' : '<';
    query.andWhere(`(${keys.map((k) => k.column).join(', ')}) ${after} (${values.map((_, i) => `:cursor${i}`).join(', ')})`, params);
  }
  for (const [i, key] of keys.entries()) {
    if (i === 0) query.orderBy(key.column, order);
    else query.addOrderBy(key.column, order);
  }
  const rows = await query
    .limit(page.limit + 1)
    .getMany()
    .catch((error: unknown) => {
      // A cursor decoded fine but holds values of the wrong type for its columns (22xxx: data exception).
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (page.cursor && code?.startsWith('22')) throw invalidCursor();
      throw error;
    });
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > page.limit && last ? encodeCursor(keys.map((k) => serialise(last[k.property]))) : null;
  return { items, nextCursor };
}

export function mapPage<T, R>(page: Page<T>, map: (item: T) => R): Page<R> {
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}

function serialise(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** An opaque cursor carrying the last row's key values (for lists paged by hand-written SQL). */
export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string')) return values;
  } catch {
    // fall through
  }
  throw invalidCursor();
}

/** The 400 for a cursor this service did not issue (or whose values do not fit their columns). */
export function invalidCursor(): ValidationFailedError {
  return new ValidationFailedError([{ field: 'cursor', messages: ['cursor is not one this service issued'] }]);
}

/** The same paging over a list already in memory (small reference lists), sorted by `key`. */
export function arrayPage<T>(items: T[], key: (item: T) => string, page: PageQueryDto): Page<T> {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const after = page.cursor ? decodeCursor(page.cursor, 1)[0] : null;
  const rest = after === null ? sorted : sorted.filter((item) => key(item) > after);
  const pageItems = rest.slice(0, page.limit);
  const last = pageItems[pageItems.length - 1];
  return { items: pageItems, nextCursor: rest.length > page.limit && last ? encodeCursor([key(last)]) : null };
}
