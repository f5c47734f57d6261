import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { loadLocalSecrets } from '../config/local-secrets';
import { EMBEDDED_SUPERUSER, startEmbeddedPostgres } from './embedded-postgres';

/** The role the service connects as: not the owner, not superuser, not BYPASSRLS, DML rights only. */
export const APP_ROLE = 'iti_app';
/** Owner of the schema in the embedded database; with DATABASE_URL, the owner is that URL's user. */
export const EMBEDDED_OWNER_ROLE = 'iti_owner';
export const EMBEDDED_DATABASE = 'iti';

export interface DatabaseRuntime {
  /** Connection that owns the schema and runs migrations. */
  ownerUrl: string;
  /** Connection of the app role, used by the service for every request. */
  appUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Brings up the database the service will use: the server named by DATABASE_URL, or an embedded
 * PostgreSQL under DATA_DIR/pg. Ensures the owner and app roles exist. Does not migrate (see migrator).
 */
export async function openDatabase(config: AppConfig, log: (line: string) => void): Promise<DatabaseRuntime> {
  if (config.DATABASE_URL) {
    const ownerUrl = config.DATABASE_URL;
    if (config.DATABASE_APP_URL) {
      return { ownerUrl, appUrl: config.DATABASE_APP_URL, embedded: false, stop: async () => undefined };
    }
    // An explicit password is (re)applied at every start; a generated one only when creating the role,
    // so that a process with another DATA_DIR cannot change the password under running replicas.
    const explicit = config.DATABASE_APP_PASSWORD;
    const password = explicit ?? loadLocalSecrets(config.DATA_DIR).databaseAppPassword;
    await withClient(ownerUrl, (client) => ensureAppRole(client, password, explicit !== undefined));
    return { ownerUrl, appUrl: withCredentials(ownerUrl, APP_ROLE, password), embedded: false, stop: async () => undefined };
  }

  const secrets = loadLocalSecrets(config.DATA_DIR);
  const server = await startEmbeddedPostgres(join(config.DATA_DIR, 'pg'), secrets.databaseSuperuserPassword, log);
  const base = `postgres://127.0.0.1:${server.port}/postgres`;
  try {
    await withClient(withCredentials(base, EMBEDDED_SUPERUSER, secrets.databaseSuperuserPassword), async (client) => {
      await ensureRole(client, EMBEDDED_OWNER_ROLE, secrets.databaseOwnerPassword, 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS');
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE} OWNER ${EMBEDDED_OWNER_ROLE} ENCODING 'UTF8' TEMPLATE template0`);
      }
      await ensureAppRole(client, secrets.databaseAppPassword);
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  const database = `postgres://127.0.0.1:${server.port}/${EMBEDDED_DATABASE}`;
  return {
    ownerUrl: withCredentials(database, EMBEDDED_OWNER_ROLE, secrets.databaseOwnerPassword),
    appUrl: withCredentials(database, APP_ROLE, secrets.databaseAppPassword),
    embedded: true,
    stop: () => server.stop(),
  };
}

export async function ensureAppRole(client: Client, password: string, updatePassword = true): Promise<void> {
  await ensureRole(client, APP_ROLE, password, 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION', updatePassword);
  const { rows } = await client.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  if (rows[0]?.rolsuper || rows[0]?.rolbypassrls) {
    throw new Error(`The role ${APP_ROLE} is superuser or BYPASSRLS: row-level security would not apply. Remove those attributes.`);
  }
}

/**
 * Creates the role with its attributes, or only sets the password of an existing one (changing
 * SUPERUSER/BYPASSRLS attributes needs a superuser, which the owner need not be).
 */
async function ensureRole(client: Client, role: string, password: string, attributes: string, updatePassword = true): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const exists = (found.rowCount ?? 0) > 0;
  if (exists && !updatePassword) return;
  const statement = exists ? 'ALTER' : 'CREATE';
  const sql = exists
    ? `ALTER ROLE ${role} PASSWORD ${client.escapeLiteral(password)}`
    : `CREATE ROLE ${role} LOGIN ${attributes} PASSWORD ${client.escapeLiteral(password)}`;
  try {
    await client.query(sql);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42710') return; // created meanwhile by another replica
    if (code === '42501') {
      throw new Error(
        `The database user cannot ${statement.toLowerCase()} the role "${role}". Grant it CREATEROLE, ` +
          `or create the role yourself and set DATABASE_APP_URL (see docs/operations.md).`,
        { cause: error },
      );
    }
    throw error;
  }
}

export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
