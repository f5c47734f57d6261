import { randomBytes } from 'node:crypto';
import { withClient, withDatabase } from '../../src/database/database-runtime';

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  adminUrl: string;
  drop(): Promise<void>;
}

/** Refuses to touch a database whose name does not say it is for tests. */
export function assertTestDatabaseName(name: string): void {
  if (!/^iti_test_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to use "${name}" as a test database`);
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: run the tests through jest (test/setup/global-setup.ts)`);
  return value;
}

/** A fresh database for one test file, cloned from the migrated template (fast, and files run in parallel). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = env('ITI_TEST_ADMIN_URL');
  const template = env('ITI_TEST_TEMPLATE');
  const pid = template.split('_').pop();
  const name = `iti_test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}_${pid}`;
  assertTestDatabaseName(name);
  const owner = decodeURIComponent(new URL(env('ITI_TEST_OWNER_URL')).username);
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template} OWNER ${owner}`));
  return {
    name,
    adminUrl,
    ownerUrl: withDatabase(env('ITI_TEST_OWNER_URL'), name),
    appUrl: withDatabase(env('ITI_TEST_APP_URL'), name),
    drop: async () => {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
