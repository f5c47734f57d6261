"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withDatabase = withDatabase;
require("reflect-metadata");
const commander_1 = require("commander");
const app_config_1 = require("../config/app-config");
const database_runtime_1 = require("../database/database-runtime");
const migrator_1 = require("../database/migrator");
const app_commands_1 = require("./app-commands");
const log = (line) => process.stderr.write(`${line}\n`);
/** Opens the configured database (starting the embedded one if needed), runs `work`, then closes it. */
async function withDatabase(work) {
    const db = await (0, database_runtime_1.openDatabase)((0, app_config_1.loadConfig)(), log);
    try {
        return await work(db);
    }
    finally {
        await db.stop();
    }
}
const program = new commander_1.Command('iti-trace').description('ITI Trace administration').showHelpAfterError();
program
    .command('migration:run')
    .description('apply pending migrations')
    .action(() => withDatabase(async (db) => {
    const applied = await (0, migrator_1.runMigrations)(db.ownerUrl);
    log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
}));
program
    .command('migration:revert')
    .description('revert the last applied migration')
    .action(() => withDatabase(async (db) => (0, migrator_1.revertLastMigration)(db.ownerUrl)));
program
    .command('migration:generate <name>')
    .description('write a migration from the difference between the entities and the migrated schema')
    .action((name) => withDatabase(async (db) => {
    await (0, migrator_1.runMigrations)(db.ownerUrl);
    const file = await (0, migrator_1.generateMigration)(db.ownerUrl, name, 'migrations');
    log(file ? `wrote ${file}` : 'no changes: the schema matches the entities');
}));
program
    .command('migration:check')
    .description('fail when the entities differ from what the migrations build (drift)')
    .action(() => withDatabase(async (db) => {
    await (0, migrator_1.runMigrations)(db.ownerUrl);
    const drift = await (0, migrator_1.schemaDrift)(db.ownerUrl);
    if (drift.up.length > 0) {
        log(`schema drift: the migrations miss\n${drift.up.join(';\n')}`);
        process.exitCode = 1;
    }
    else {
        log('no drift: the migrations build exactly the entities');
    }
}));
program
    .command('db:check')
    .description('verify that the database is migrated (exit 1 when migrations are pending)')
    .action(() => withDatabase(async (db) => {
    const pending = await (0, migrator_1.hasPendingMigrations)(db.ownerUrl);
    log(pending ? 'the database has pending migrations' : 'the database is migrated');
    if (pending)
        process.exitCode = 1;
}));
(0, app_commands_1.registerAppCommands)(program, withDatabase);
program.parseAsync(process.argv).catch((error) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
});
//# sourceMappingURL=main.js.map