import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { startServer } from './server';
import { bootLogger } from './common/logging/logger-options';

async function main(): Promise<void> {
  // At info until the settings are checked: an unknown LOG_LEVEL is a configuration error (78) like any other.
  const log = bootLogger();
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
  // Listening from the start: a signal during start-up (migrations, demo seed) stops the service as soon as
  // it is up, the database with it, rather than killing the process and leaving PostgreSQL behind.
  let requested: string | null = null;
  let stop: ((signal: string) => Promise<void>) | null = null;
  const onSignal = (signal: string) => {
    if (stop) return void stop(signal);
    if (requested === null) {
      requested = signal;
      log.info(`${signal}: stopping once started`);
      return;
    }
    // A second signal while start-up still runs: the operator will not wait for it.
    log.error(`${signal} again during start-up: exiting at once`);
    process.exit(1);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  const server = await startServer(config, log);

  let stopping = false;
  stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: draining requests and shutting down`);
    try {
      if (await server.stopWithin(config.SHUTDOWN_GRACE_SECONDS * 1000)) process.exit(0);
      log.error(`requests or background work still running after SHUTDOWN_GRACE_SECONDS (${config.SHUTDOWN_GRACE_SECONDS}): the database was left under them; exiting`);
      process.exit(1);
    } catch (error) {
      log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  if (requested) await stop(requested);
}

main().catch((error: unknown) => {
  bootLogger().fatal({ err: error }, 'failed to start');
  process.exit(1);
});
