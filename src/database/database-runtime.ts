import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { snapshotConnections } from './data-source-options';
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
    let appUrl = config.DATABASE_APP_URL;
    if (!appUrl) {
      // An explicit password is (re)applied at every start; a generated one only when creating the role,
      // so that a process with another DATA_DIR cannot change the password under running replicas.
      const explicit = config.DATABASE_APP_PASSWORD;
      const password = explicit ?? loadLocalSecrets(config.DATA_DIR).databaseAppPassword;
      await withClient(ownerUrl, (client) => ensureAppRole(client, password, explicit !== undefined));
      appUrl = withCredentials(ownerUrl, APP_ROLE, password);
    }
    await checkAppRole(appUrl, ownerUrl);
    return { ownerUrl, appUrl, embedded: false, stop: async () => undefined };
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
 * Refuses to run with an app connection that row-level security would not bind: a superuser, a BYPASSRLS
 * role, or the tables' owner (the role of DATABASE_URL, which runs the migrations) or a member of it, who
 * may act as the owner. Checked at every start, on the role DATABASE_APP_URL names as on the one managed here.
 */
export async function checkAppRole(appUrl: string, ownerUrl: string): Promise<void> {
  const owner = await withClient(ownerUrl, async (client) => (await client.query<{ role: string }>('SELECT current_user AS role')).rows[0].role);
  const role = await withClient(appUrl, async (client) => {
    const { rows } = await client.query<{ role: string; rolsuper: boolean; rolbypassrls: boolean; owner: boolean }>(
      `SELECT current_user AS role, rolsuper, rolbypassrls, pg_has_role(current_user, $1, 'MEMBER') AS owner FROM pg_roles WHERE rolname = current_user`,
      [owner],
    );
    return rows[0];
  });
  const problems = [
    ...(role.rolsuper ? ['is a superuser'] : []),
    ...(role.rolbypassrls ? ['has BYPASSRLS'] : []),
    ...(role.owner ? [role.role === owner ? `is the tables' owner (${owner})` : `is a member of the tables' owner ${owner}`] : []),
  ];
  if (problems.length) {
    throw new Error(`The app's database role ${role.role} ${problems.join(', ')}: row-level security would not apply to it. Connect the app as a role of its own (see docs/operations.md).`);
  }
}

/**
 * What is wrong with a pool the server cannot serve, or null: this process alone takes DATABASE_POOL_SIZE
 * connections and a third as many for the reports' snapshots, and one more to hold its place on an embedded
 * server; past max_connections, less those reserved for superusers, requests would fail under load ("too
 * many clients"). Counted for this process only (replicas add theirs), on the server DATABASE_URL reaches
 * (a pooler in between serves more).
 */
export async function connectionBudgetShortfall(ownerUrl: string, poolSize: number): Promise<string | null> {
  const available = await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ available: number }>(
      `SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
              - coalesce(current_setting('reserved_connections', true)::int, 0) AS available`,
    );
    return rows[0].available;
  });
  const needed = poolSize + snapshotConnections(poolSize) + 1;
  if (needed <= available) return null;
  return `DATABASE_POOL_SIZE ${poolSize} needs ${needed} connections to PostgreSQL (the pool, a third as many for reports, one more), ` +
    `more than the ${available} its max_connections leaves: lower DATABASE_POOL_SIZE, or raise max_connections`;
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
  // The server's iteration count where it has one (scram_iterations, PostgreSQL 16 and later).
  const setting = await client.query<{ iterations: string | null }>(`SELECT current_setting('scram_iterations', true) AS iterations`);
  const verifier = client.escapeLiteral(scramSha256Verifier(password, randomBytes(16), Number(setting.rows[0]?.iterations) || 4096));
  const sql = exists ? `ALTER ROLE ${role} PASSWORD ${verifier}` : `CREATE ROLE ${role} LOGIN ${attributes} PASSWORD ${verifier}`;
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

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802 and 7677, in PostgreSQL's format),
 * computed here as libpq's PQencryptPasswordConn does, so that the password itself never reaches the
 * server: a statement's text can land in the server's log (log_statement, or the statement of any error)
 * and in pg_stat_statements. The password is prepared as node-postgres prepares it when the service logs
 * in (SASLprep's mappings: non-ASCII spaces to a space, the characters mapped to nothing removed, NFKC),
 * which is what PostgreSQL and libpq do too, except for a password with a character SASLprep prohibits
 * (an emoji, say), which they use unprepared: the service logs in with such a password, psql would not.
 */
export function scramSha256Verifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const prepared = password
    .replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
    // eslint-disable-next-line no-misleading-character-class -- joiners and variation selectors, removed one by one
    .replace(/[\u00AD\u034F\u1806\u180B-\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g, '')
    .normalize('NFKC');
  const salted = pbkdf2Sync(Buffer.from(prepared, 'utf8'), salt, iterations, 32, 'sha256');
  const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  const serverKey = hmac(salted, 'Server Key');
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

export function withCredentials(url: string, user: string, password: string): string {
  return editUrl(url, (parsed) => {
    parsed.username = encodeURIComponent(user);
    parsed.password = encodeURIComponent(password);
  });
}

export function withDatabase(url: string, database: string): string {
  return editUrl(url, (parsed) => {
    parsed.pathname = `/${database}`;
  });
}

/** Stands for an empty host while WHATWG's URL edits a URL (pg-connection-string reads such URLs the same way). */
const NO_HOST = '___no_host___';

/**
 * Edits a PostgreSQL URL, including those pg takes and WHATWG's URL does not: an empty host, the socket
 * directory in `?host=` (`postgres://user:secret@/iti?host=/run/postgresql`). A URL it cannot read is an
 * error that does not repeat it (Node's carries the text in `input`, and the text holds the password).
 */
function editUrl(url: string, edit: (parsed: URL) => void): string {
  const noHost = /^postgres(ql)?:\/\/([^/?#]*@)?[/?]/.test(url);
  let parsed: URL;
  try {
    parsed = new URL(noHost ? url.replace(/^(postgres(?:ql)?:\/\/(?:[^/?#]*@)?)/, `$1${NO_HOST}`) : url);
  } catch {
    throw new Error('The database URL is not one this service can read: percent-encode the reserved characters of its user name and password (@ : / ? #), or set DATABASE_APP_URL');
  }
  edit(parsed);
  const text = parsed.toString();
  return noHost ? text.replace(`@${NO_HOST}`, '@').replace(`//${NO_HOST}`, '//') : text;
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
