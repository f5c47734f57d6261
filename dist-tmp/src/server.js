"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startServer = startServer;
const app_factory_1 = require("./app.factory");
const local_secrets_1 = require("./config/local-secrets");
const database_runtime_1 = require("./database/database-runtime");
const migrator_1 = require("./database/migrator");
const demo_service_1 = require("./demo/demo.service");
/**
 * What `npm start` does: database (embedded or DATABASE_URL), migrations under the advisory lock,
 * the demo on a first embedded start, then the HTTP service on PORT.
 */
async function startServer(config, log, logDestination) {
    if (!config.DATABASE_URL)
        log.warn(`DATABASE_URL is unset: using an embedded PostgreSQL under ${config.DATA_DIR}/pg`);
    if (!config.JWT_SECRET)
        log.warn(`JWT_SECRET is unset: using a key generated into ${config.DATA_DIR}/secrets.json`);
    const database = await (0, database_runtime_1.openDatabase)(config, (line) => log.info(line));
    try {
        const applied = await (0, migrator_1.runMigrations)(database.ownerUrl);
        if (applied.length > 0)
            log.info({ migrations: applied }, 'applied migrations');
        const jwtSecret = config.JWT_SECRET ?? (0, local_secrets_1.loadLocalSecrets)(config.DATA_DIR).jwtSecret;
        if (database.embedded && config.DEMO_SEED_ON_FIRST_START && config.NODE_ENV !== 'production') {
            // Hosting States needs the owner's rights: seed through a short-lived owner context.
            const seeding = await (0, app_factory_1.createApp)({ config, databaseUrl: database.ownerUrl, jwtSecret, logDestination });
            try {
                const demo = seeding.get(demo_service_1.DemoService);
                if (await demo.isNodeEmpty()) {
                    const accounts = await demo.seed();
                    process.stdout.write(`\n${(0, demo_service_1.formatDemoAccounts)(accounts)}\n\n`);
                }
            }
            finally {
                await seeding.close();
            }
        }
        const app = await (0, app_factory_1.createApp)({ config, databaseUrl: database.appUrl, jwtSecret, logDestination });
        await app.listen({ port: config.PORT, host: config.HOST });
        log.info(`ITI Trace listening on http://${config.HOST}:${config.PORT} (API under /api/v1, docs at /api/docs)`);
        return {
            app,
            database,
            stop: async () => {
                await app.close();
                await database.stop();
            },
        };
    }
    catch (error) {
        await database.stop();
        throw error;
    }
}
//# sourceMappingURL=server.js.map