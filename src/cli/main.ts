import 'reflect-metadata';
import { Command } from 'commander';
import { loadConfig } from '../config/app-config';
import { DatabaseRuntime, openDatabase } from '../database/database-runtime';
import { generateMigration, hasPendingMigrations, revertLastMigration, runMigrations, schemaDrift } from '../database/migrator';
import { registerAppCommands } from './app-commands';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Opens the configured database (starting the embedded one if needed), runs `work`, then closes it. */
export async function withDatabase<T>(work: (db: DatabaseRuntime) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadConfig(), log);
  try {
    return await work(db);
  } finally {
    await db.stop();
  }
}

const program = new Command('iti-trace').description('ITI Trace administration').showHelpAfterError();

program
  .command('migration:run')
  .description('apply pending migrations')
  .action(() => withDatabase(async (db) => {
    const applied = await runMigrations(db.ownerUrl);
    log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
  }));

program
  .command('migration:revert')
  .description('revert the last applied migration')
  .action(() => withDatabase(async (db) => revertLastMigration(db.ownerUrl)));

program
  .command('migration:generate <name>')
  .description('write a migration from the difference between the entities and the migrated schema')
  .action((name: string) => withDatabase(async (db) => {
    await runMigrations(db.ownerUrl);
    const file = await generateMigration(db.ownerUrl, name, 'migrations');
    log(file ? `wrote ${file}` : 'no changes: the schema matches the entities');
  }));

program
  .command('migration:check')
  .description('fail when the entities differ from what the migrations build (drift)')
  .action(() => withDatabase(async (db) => {
    await runMigrations(db.ownerUrl);
    const drift = await schemaDrift(db.ownerUrl);
    if (drift.up.length > 0) {
      log(`schema drift: the migrations miss\n${drift.up.join(';\n')}`);
      process.exitCode = 1;
    } else {
      log('no drift: the migrations build exactly the entities');
    }
  }));

program
  .command('db:check')
  .description('verify that the database is migrated (exit 1 when migrations are pending)')
  .action(() => withDatabase(async (db) => {
    const pending = await hasPendingMigrations(db.ownerUrl);
    log(pending ? 'the database has pending migrations' : 'the database is migrated');
    if (pending) process.exitCode = 1;
  }));

registerAppCommands(program, withDatabase);

program.parseAsync(process.argv).catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
