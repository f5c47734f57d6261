"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EMBEDDED_DATABASE = exports.EMBEDDED_OWNER_ROLE = exports.APP_ROLE = void 0;
exports.openDatabase = openDatabase;
exports.ensureAppRole = ensureAppRole;
exports.scramSha256Verifier = scramSha256Verifier;
exports.withCredentials = withCredentials;
exports.withDatabase = withDatabase;
exports.withClient = withClient;
const node_crypto_1 = require("node:crypto");
const node_path_1 = require("node:path");
const pg_1 = require("pg");
const local_secrets_1 = require("../config/local-secrets");
const embedded_postgres_1 = require("./embedded-postgres");
/** The role the service connects as: not the owner, not superuser, not BYPASSRLS, DML rights only. */
exports.APP_ROLE = 'iti_app';
/** Owner of the schema in the embedded database; with DATABASE_URL, the owner is that URL's user. */
exports.EMBEDDED_OWNER_ROLE = 'iti_owner';
exports.EMBEDDED_DATABASE = 'iti';
/**
 * Brings up the database the service will use: the server named by DATABASE_URL, or an embedded
 * PostgreSQL under DATA_DIR/pg. Ensures the owner and app roles exist. Does not migrate (see migrator).
 */
async function openDatabase(config, log) {
    if (config.DATABASE_URL) {
        const ownerUrl = config.DATABASE_URL;
        if (config.DATABASE_APP_URL) {
            return { ownerUrl, appUrl: config.DATABASE_APP_URL, embedded: false, stop: async () => undefined };
        }
        // An explicit password is (re)applied at every start; a generated one only when creating the role,
        // so that a process with another DATA_DIR cannot change the password under running replicas.
        const explicit = config.DATABASE_APP_PASSWORD;
        const password = explicit ?? (0, local_secrets_1.loadLocalSecrets)(config.DATA_DIR).databaseAppPassword;
        await withClient(ownerUrl, (client) => ensureAppRole(client, password, explicit !== undefined));
        return { ownerUrl, appUrl: withCredentials(ownerUrl, exports.APP_ROLE, password), embedded: false, stop: async () => undefined };
    }
    const secrets = (0, local_secrets_1.loadLocalSecrets)(config.DATA_DIR);
    const server = await (0, embedded_postgres_1.startEmbeddedPostgres)((0, node_path_1.join)(config.DATA_DIR, 'pg'), secrets.databaseSuperuserPassword, log);
    const base = `postgres://127.0.0.1:${server.port}/postgres`;
    try {
        await withClient(withCredentials(base, embedded_postgres_1.EMBEDDED_SUPERUSER, secrets.databaseSuperuserPassword), async (client) => {
            await ensureRole(client, exports.EMBEDDED_OWNER_ROLE, secrets.databaseOwnerPassword, 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS');
            const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [exports.EMBEDDED_DATABASE]);
            if (exists.rowCount === 0) {
                await client.query(`CREATE DATABASE ${exports.EMBEDDED_DATABASE} OWNER ${exports.EMBEDDED_OWNER_ROLE} ENCODING 'UTF8' TEMPLATE template0`);
            }
            await ensureAppRole(client, secrets.databaseAppPassword);
        });
    }
    catch (error) {
        await server.stop();
        throw error;
    }
    const database = `postgres://127.0.0.1:${server.port}/${exports.EMBEDDED_DATABASE}`;
    return {
        ownerUrl: withCredentials(database, exports.EMBEDDED_OWNER_ROLE, secrets.databaseOwnerPassword),
        appUrl: withCredentials(database, exports.APP_ROLE, secrets.databaseAppPassword),
        embedded: true,
        stop: () => server.stop(),
    };
}
async function ensureAppRole(client, password, updatePassword = true) {
    await ensureRole(client, exports.APP_ROLE, password, 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION', updatePassword);
    const { rows } = await client.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1', [exports.APP_ROLE]);
    if (rows[0]?.rolsuper || rows[0]?.rolbypassrls) {
        throw new Error(`The role ${exports.APP_ROLE} is superuser or BYPASSRLS: row-level security would not apply. Remove those attributes.`);
    }
}
/**
 * Creates the role with its attributes, or only sets the password of an existing one (changing
 * SUPERUSER/BYPASSRLS attributes needs a superuser, which the owner need not be).
 */
async function ensureRole(client, role, password, attributes, updatePassword = true) {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const exists = (found.rowCount ?? 0) > 0;
    if (exists && !updatePassword)
        return;
    const statement = exists ? 'ALTER' : 'CREATE';
    // The server's iteration count where it has one (scram_iterations, PostgreSQL 16 and later).
    const setting = await client.query(`SELECT current_setting('scram_iterations', true) AS iterations`);
    const verifier = client.escapeLiteral(scramSha256Verifier(password, (0, node_crypto_1.randomBytes)(16), Number(setting.rows[0]?.iterations) || 4096));
    const sql = exists ? `ALTER ROLE ${role} PASSWORD ${verifier}` : `CREATE ROLE ${role} LOGIN ${attributes} PASSWORD ${verifier}`;
    try {
        await client.query(sql);
    }
    catch (error) {
        const code = error.code;
        if (code === '42710')
            return; // created meanwhile by another replica
        if (code === '42501') {
            throw new Error(`The database user cannot ${statement.toLowerCase()} the role "${role}". Grant it CREATEROLE, ` +
                `or create the role yourself and set DATABASE_APP_URL (see docs/operations.md).`, { cause: error });
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
function scramSha256Verifier(password, salt = (0, node_crypto_1.randomBytes)(16), iterations = 4096) {
    const prepared = password
        .replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
        // eslint-disable-next-line no-misleading-character-class -- joiners and variation selectors, removed one by one
        .replace(/[\u00AD\u034F\u1806\u180B-\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g, '')
        .normalize('NFKC');
    const salted = (0, node_crypto_1.pbkdf2Sync)(Buffer.from(prepared, 'utf8'), salt, iterations, 32, 'sha256');
    const hmac = (key, text) => (0, node_crypto_1.createHmac)('sha256', key).update(text).digest();
    const storedKey = (0, node_crypto_1.createHash)('sha256').update(hmac(salted, 'Client Key')).digest();
    const serverKey = hmac(salted, 'Server Key');
    return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
function withCredentials(url, user, password) {
    const parsed = new URL(url);
    parsed.username = encodeURIComponent(user);
    parsed.password = encodeURIComponent(password);
    return parsed.toString();
}
function withDatabase(url, database) {
    const parsed = new URL(url);
    parsed.pathname = `/${database}`;
    return parsed.toString();
}
async function withClient(url, work) {
    const client = new pg_1.Client({ connectionString: url });
    await client.connect();
    try {
        return await work(client);
    }
    finally {
        await client.end();
    }
}
//# sourceMappingURL=database-runtime.js.map