import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAppRole, withClient, withCredentials, withDatabase } from '../../src/database/database-runtime';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/migrator';
import { assertTestDatabaseName } from '../support/test-database';

const OWNER = 'iti_test_owner';

/**
 * One PostgreSQL for the whole run: the server of DATABASE_URL when set, otherwise an embedded
 * one in a temporary directory. A template database is migrated once; each test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const password = randomBytes(16).toString('hex');
    const dir = mkdtempSync(join(tmpdir(), 'iti-test-pg-'));
    const server = await startEmbeddedPostgres(join(dir, 'pg'), password, () => undefined);
    (globalThis as { __ITI_TEST_SERVER__?: unknown }).__ITI_TEST_SERVER__ = { server, dir };
    adminUrl = withCredentials(`postgres://127.0.0.1:${server.port}/postgres`, 'postgres', password);
  }
  const template = `iti_test_template_${process.pid}`;
  assertTestDatabaseName(template);
  const ownerPassword = randomBytes(16).toString('hex');
  const appPassword = randomBytes(16).toString('hex');
  await withClient(adminUrl, async (client) => {
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [OWNER]);
    await client.query(`${role.rowCount ? 'ALTER' : 'CREATE'} ROLE ${OWNER} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${ownerPassword}'`);
    await client.query(`DROP DATABASE IF EXISTS ${template}`);
    await client.query(`CREATE DATABASE ${template} OWNER ${OWNER} TEMPLATE template0 ENCODING 'UTF8'`);
    await ensureAppRole(client, appPassword);
  });
  const ownerUrl = withCredentials(withDatabase(adminUrl, template), OWNER, ownerPassword);
  await runMigrations(ownerUrl);
  Object.assign(process.env, {
    ITI_TEST_ADMIN_URL: adminUrl,
    ITI_TEST_TEMPLATE: template,
    ITI_TEST_OWNER_URL: ownerUrl,
    ITI_TEST_APP_URL: withCredentials(withDatabase(adminUrl, template), 'iti_app', appPassword),
  });
}
