import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';

/** The name of the DataSource that reports read their snapshots through (Db.snapshot), and its connections. */
export const SNAPSHOT_SOURCE = 'snapshots';
export const SNAPSHOT_CONNECTIONS = 2;

/** One definition of how we talk to PostgreSQL, for the service, the CLI and the tests. */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
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
    // Every session in UTC, whatever the server's or the database's time zone: the service's dates are
    // UTC dates, and so must be PostgreSQL's current_date (the retention trigger) and its casts to date.
    extra: { max: poolSize, application_name: 'iti-trace', options: '-c TimeZone=UTC' },
    logging: false,
  };
}
