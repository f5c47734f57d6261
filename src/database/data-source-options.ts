import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';

/** The name of the DataSource that reports read their snapshots through (Db.snapshot). */
export const SNAPSHOT_SOURCE = 'snapshots';

/**
 * The snapshots' connections, which is how many reports run at once: two, or a third of the service's pool
 * where that is more (reports, like imports, leave the rest to logins and traces).
 */
export function snapshotConnections(poolSize: number): number {
  return Math.max(2, Math.floor(poolSize / 3));
}

/** Every session in UTC (see dataSourceOptions). */
const SESSION_OPTIONS = '-c TimeZone=UTC';

/**
 * The URL without its `options` parameter, and the session options to connect with: the URL's, then ours.
 * pg takes a URL's `options` instead of the ones it is given beside the URL, so a URL that set any
 * (`?options=-c statement_timeout=5000`) would otherwise drop the time zone.
 */
export function sessionOptions(url: string): { url: string; options: string } {
  // The query string alone is read: pg takes URLs that WHATWG's URL does not (a socket path for host, `postgres://u:p@/db?host=/run/pg`).
  const at = url.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
  const own = params.get('options');
  if (own === null) return { url, options: SESSION_OPTIONS };
  params.delete('options');
  const rest = params.toString();
  return { url: `${url.slice(0, at)}${rest ? `?${rest}` : ''}`, options: `${own} ${SESSION_OPTIONS}` };
}

/** One definition of how we talk to PostgreSQL, for the service, the CLI and the tests. */
export function dataSourceOptions(databaseUrl: string, poolSize: number): DataSourceOptions {
  const { url, options } = sessionOptions(databaseUrl);
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
    // Every session in UTC, whatever the server's, the database's or the URL's time zone: the service's dates
    // are UTC dates, and so must be PostgreSQL's current_date (the retention trigger) and its casts to date.
    extra: { max: poolSize, application_name: 'iti-trace', options },
    logging: false,
  };
}
