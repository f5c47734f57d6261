import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream, Logger } from 'pino';
import { createApp } from './app.factory';
import { AppConfig } from './config/app-config';
import { loadLocalSecrets } from './config/local-secrets';
import { connectionBudgetShortfall, DatabaseRuntime, openDatabase } from './database/database-runtime';
import { runMigrations } from './database/migrator';
import { extendRetention } from './records/retention-extension';
import { demoRefusal, DemoService, formatDemoAccounts } from './demo/demo.service';

export interface RunningServer {
  app: NestFastifyApplication;
  database: DatabaseRuntime;
  /** Stops accepting connections, waits for in-flight requests, closes the pool, stops the embedded PostgreSQL. */
  stop(): Promise<void>;
  /**
   * stop(), giving the application `ms` to close (requests in flight, background work): when they outlast it
   * (a long import), the database is stopped all the same, its connections cut (the import rolls back, and is
   * marked failed later), so that no embedded PostgreSQL is left running; false then. The database is stopped
   * too when closing the application fails.
   */
  stopWithin(ms: number): Promise<boolean>;
}

/**
 * What `npm start` does: database (embedded or DATABASE_URL), migrations under the advisory lock,
 * the demo on a first embedded start, then the HTTP service on PORT.
 */
export async function startServer(config: AppConfig, log: Logger, logDestination?: DestinationStream): Promise<RunningServer> {
  if (!config.DATABASE_URL) log.warn(`DATABASE_URL is unset: using an embedded PostgreSQL under ${config.DATA_DIR}/pg`);
  if (!config.JWT_SECRET) log.warn(`JWT_SECRET is unset: using a key generated into ${config.DATA_DIR}/secrets.json`);

  const database = await openDatabase(config, (line) => log.info(line));
  try {
    // The embedded server's limit is known, and this node's alone: refused. A server reached through DATABASE_URL may
    // sit behind a pooler that serves more, or be shared by replicas that need more: said.
    const shortfall = await connectionBudgetShortfall(database.ownerUrl, config.DATABASE_POOL_SIZE);
    if (shortfall && database.embedded) throw new Error(shortfall);
    if (shortfall) log.warn(shortfall);
    const applied = await runMigrations(database.ownerUrl);
    if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations');
    // ITI 12: a longer retention than the records were written with keeps them longer too.
    const kept = await extendRetention(database.ownerUrl, { manufacture: config.RETENTION_MANUFACTURE_YEARS, other: config.RETENTION_OTHER_YEARS });
    if (kept > 0) log.info(`${kept} record events kept longer, as RETENTION_MANUFACTURE_YEARS (${config.RETENTION_MANUFACTURE_YEARS}) and RETENTION_OTHER_YEARS (${config.RETENTION_OTHER_YEARS}) now say`);

    const jwtSecret = config.JWT_SECRET ?? loadLocalSecrets(config.DATA_DIR).jwtSecret;
    if (config.DEMO_SEED_ON_FIRST_START && demoRefusal(database, config) === null) {
      // Hosting States needs the owner's rights: seed through a short-lived owner context.
      const seeding = await createApp({ config, databaseUrl: database.ownerUrl, jwtSecret, logDestination });
      try {
        const demo = seeding.get(DemoService);
        if (await demo.isNodeEmpty()) {
          const accounts = await demo.seed();
          process.stdout.write(`\n${formatDemoAccounts(accounts)}\n\n`);
        }
      } finally {
        await seeding.close();
      }
    }

    const app = await createApp({ config, databaseUrl: database.appUrl, jwtSecret, logDestination });
    await app.listen({ port: config.PORT, host: config.HOST });
    // The port bound: the one asked for, or the one the system chose for PORT=0.
    const port = (app.getHttpServer().address() as AddressInfo | null)?.port ?? config.PORT;
    log.info(`ITI Trace listening on http://${config.HOST}:${port} (API under /api/v1, docs at /api/docs)`);
    // Once, whichever asks first: stopWithin() when the requests outlast the grace, stop() when they end at last.
    let databaseStopped: Promise<void> | null = null;
    const stopDatabase = () => (databaseStopped ??= database.stop());
    const stop = async () => {
      await app.close();
      await stopDatabase();
    };
    return {
      app,
      database,
      stop,
      stopWithin: async (ms: number) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
        try {
          // Only the application is timed: the database then stops however its close went (and a checkpoint takes its time).
          return await Promise.race([app.close().then(() => true as const), late]);
        } finally {
          clearTimeout(timer);
          await stopDatabase();
        }
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
