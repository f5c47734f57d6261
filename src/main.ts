import 'reflect-metadata';
import pino from 'pino';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { loadLocalSecrets } from './config/local-secrets';
import { openDatabase } from './database/database-runtime';
import { runMigrations } from './database/migrator';
import { DemoService, formatDemoAccounts } from './demo/demo.service';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      log.fatal(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  if (!config.DATABASE_URL) log.warn(`DATABASE_URL is unset: using an embedded PostgreSQL under ${config.DATA_DIR}/pg`);
  if (!config.JWT_SECRET) log.warn(`JWT_SECRET is unset: using a key generated into ${config.DATA_DIR}/secrets.json`);

  const database = await openDatabase(config, (line) => log.info(line));
  const applied = await runMigrations(database.ownerUrl);
  if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations');

  const jwtSecret = config.JWT_SECRET ?? loadLocalSecrets(config.DATA_DIR).jwtSecret;
  if (database.embedded && config.DEMO_SEED_ON_FIRST_START && config.NODE_ENV !== 'production') {
    // Hosting States needs the owner's rights: seed through a short-lived owner context.
    const seeding = await createApp({ config, databaseUrl: database.ownerUrl, jwtSecret });
    const demo = seeding.get(DemoService);
    if (await demo.isNodeEmpty()) {
      const accounts = await demo.seed();
      process.stdout.write(`\n${formatDemoAccounts(accounts)}\n\n`);
    }
    await seeding.close();
  }

  const app = await createApp({ config, databaseUrl: database.appUrl, jwtSecret });
  await app.listen({ port: config.PORT, host: config.HOST });
  log.info(`ITI Trace listening on http://${config.HOST}:${config.PORT} (API under /api/v1, docs at /api/docs)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: draining requests and shutting down`);
    const timer = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    try {
      await app.close(); // stops accepting, waits for in-flight requests, closes the pool
      await database.stop(); // the embedded PostgreSQL, if this process started it
      clearTimeout(timer);
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  pino().fatal({ err: error }, 'failed to start');
  process.exit(1);
});
