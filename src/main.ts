import 'reflect-metadata';
import pino from 'pino';
import { ConfigError, loadConfig } from './config/app-config';
import { startServer } from './server';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  // At info until the settings are checked: an unknown LOG_LEVEL is a configuration error (78) like any other.
  const log = pino({ level: 'info' });
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
  log.level = config.LOG_LEVEL;
  const server = await startServer(config, log);

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
      await server.stop();
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
