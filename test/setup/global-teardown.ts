import { rmSync } from 'node:fs';
import { withClient } from '../../src/database/database-runtime';
import type { EmbeddedServer } from '../../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.ITI_TEST_ADMIN_URL;
  const template = process.env.ITI_TEST_TEMPLATE;
  if (adminUrl && template) {
    await withClient(adminUrl, async (client) => {
      const stale = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'iti_test_%' AND datname LIKE $1`, [`%_${process.pid}%`]);
      for (const row of stale.rows as { datname: string }[]) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    });
  }
  const embedded = (globalThis as { __ITI_TEST_SERVER__?: { server: EmbeddedServer; dir: string } }).__ITI_TEST_SERVER__;
  if (embedded) {
    await embedded.server.stop({ evenIfInUse: true });
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}
