"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerAppCommands = registerAppCommands;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const commander_1 = require("commander");
const pino_1 = __importDefault(require("pino"));
const app_factory_1 = require("../app.factory");
const audit_chain_1 = require("../audit/audit-chain");
const audit_service_1 = require("../audit/audit.service");
const key_rotation_1 = require("../common/encryption/key-rotation");
const key_provider_1 = require("../common/encryption/key-provider");
const auth_user_1 = require("../common/auth/auth-user");
const clock_1 = require("../common/clock");
const openapi_1 = require("../common/http/openapi");
const app_config_1 = require("../config/app-config");
const local_secrets_1 = require("../config/local-secrets");
const db_1 = require("../database/db");
const migrator_1 = require("../database/migrator");
const demo_service_1 = require("../demo/demo.service");
const imports_service_1 = require("../registry/imports/imports.service");
const states_service_1 = require("../states/states.service");
const users_service_1 = require("../users/users.service");
const OPENAPI_FILE = 'docs/openapi.json';
/**
 * Administrative commands run through the application's own services, connected as the schema
 * owner (hosting a State changes the node-wide `states` table, which the app role only reads).
 */
async function withApp(withDatabase, work) {
    return withDatabase(async (db) => {
        const config = (0, app_config_1.loadConfig)();
        await (0, migrator_1.runMigrations)(db.ownerUrl);
        const jwtSecret = config.JWT_SECRET ?? (0, local_secrets_1.loadLocalSecrets)(config.DATA_DIR).jwtSecret;
        const app = await (0, app_factory_1.createApp)({ config: { ...config, LOG_LEVEL: 'warn' }, databaseUrl: db.ownerUrl, jwtSecret, logDestination: pino_1.default.destination({ dest: 2 }) });
        try {
            return await work(app);
        }
        finally {
            await app.close();
        }
    });
}
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
function openApiText(app) {
    return `${JSON.stringify((0, openapi_1.buildOpenApiDocument)(app), null, 2)}\n`;
}
function registerAppCommands(program, withDatabase) {
    program
        .command('user:create')
        .description('create a user; the password is read from standard input')
        .requiredOption('--state <code>', 'ISO 3166-1 alpha-3 code of the user\'s State')
        .requiredOption('--username <name>', 'login name (a-z 0-9 . _ -)')
        .requiredOption('--name <display name>', 'display name')
        .addOption(new commander_1.Option('--roles <roles>', `comma-separated: ${auth_user_1.ROLES.join(', ')}`).makeOptionMandatory())
        .option('--email <email>')
        .option('--agency <agency>')
        .action(async (options) => {
        const password = await readStdin();
        const roles = options.roles.split(',').map((r) => r.trim());
        const unknown = roles.filter((r) => !auth_user_1.ROLES.includes(r));
        if (unknown.length)
            throw new Error(`unknown roles: ${unknown.join(', ')} (known: ${auth_user_1.ROLES.join(', ')})`);
        if (password.length < 12)
            throw new Error('the password (standard input) must have at least 12 characters');
        const state = options.state.toUpperCase();
        await withApp(withDatabase, async (app) => {
            const known = await app.get(db_1.Db).withoutState(() => app.get(states_service_1.StatesService).get(state));
            if (!known.hosted)
                throw new Error(`${state} is not hosted on this node: host it first (state:host ${state}); its users and registry live where it is hosted`);
            const user = await app.get(db_1.Db).inState(state, () => app.get(users_service_1.UsersService).createInState({
                stateCode: state,
                username: options.username.toLowerCase(),
                displayName: options.name,
                password,
                roles,
                email: options.email,
                agency: options.agency,
            }));
            process.stdout.write(`created ${user.username} (${user.stateCode}, ${user.roles.join(', ')}) id ${user.id}\n`);
        });
    });
    program
        .command('state:host <code>')
        .description('host a State on this node: its users and registry live here')
        .action((code) => withApp(withDatabase, async (app) => {
        const state = await app.get(db_1.Db).withoutState(() => app.get(states_service_1.StatesService).host(code.toUpperCase(), app.get(clock_1.Clock).now()));
        process.stdout.write(`${state.code} (${state.name}) is hosted on this node\n`);
    }));
    program
        .command('import <file>')
        .description('import a CSV file into a State\'s registry (docs/import-format.md): all rows land, or none do')
        .requiredOption('--state <code>', 'ISO 3166-1 alpha-3 code of the State whose registry receives the file')
        .action((file, options) => withApp(withDatabase, async (app) => {
        const state = options.state.toUpperCase();
        const size = (0, node_fs_1.statSync)(file).size;
        const bar = progressBar(size);
        const result = await app.get(db_1.Db).inState(state, () => app.get(imports_service_1.ImportsService).importCsv({ stateCode: state, userId: null }, (0, node_fs_1.createReadStream)(file), bar.update));
        bar.done();
        process.stdout.write(`${JSON.stringify({ ...result, rejections: result.rejections.items.slice(0, 20) }, null, 2)}\n`);
        if (result.status !== 'completed')
            process.exitCode = 1;
    }));
    program
        .command('demo')
        .description('seed the demo: FRA, BRA and KEN hosted, one user per role, contact points')
        .action(() => withApp(withDatabase, async (app) => {
        process.stdout.write(`${(0, demo_service_1.formatDemoAccounts)(await app.get(demo_service_1.DemoService).seed())}\n`);
    }));
    program
        .command('keys:rotate')
        .description('add a new key-encryption key to the keyring file, make it active, and re-wrap every data key under it (the service may keep running)')
        .action(() => {
        const config = (0, app_config_1.loadConfig)();
        if (config.ENCRYPTION_KEYRING) {
            throw new Error('the keyring comes from ENCRYPTION_KEYRING: add a new key there, make it active, restart the service, then run keys:rewrap');
        }
        const file = keyringFile(config);
        const id = (0, key_provider_1.rotateKeyringFile)(file);
        process.stderr.write(`new active key-encryption key ${id} in ${file}\n`);
        return rewrapAll(withDatabase);
    });
    program
        .command('keys:rewrap')
        .description('re-wrap every data key still wrapped by an older key-encryption key under the active one')
        .action(() => rewrapAll(withDatabase));
    program
        .command('audit:checkpoint')
        .description('write a checkpoint of a State\'s audit chain head, signed with the node\'s Ed25519 key')
        .requiredOption('--state <code>', 'the State whose chain is signed')
        .option('--out <file>', 'where to write it (default: standard output)')
        .action((options) => withApp(withDatabase, async (app) => {
        const state = options.state.toUpperCase();
        const checkpoint = await app.get(db_1.Db).inState(state, () => app.get(audit_service_1.AuditService).checkpoint(null, state));
        const text = `${JSON.stringify(checkpoint, null, 2)}\n`;
        if (options.out)
            (0, node_fs_1.writeFileSync)(options.out, text);
        else
            process.stdout.write(text);
        process.stderr.write(`checkpoint of ${state} at event ${checkpoint.seq}\n`);
    }));
    program
        .command('audit:verify')
        .description('check a signed checkpoint and recompute the audit chain up to it: a rewritten chain fails')
        .requiredOption('--checkpoint <file>', 'a checkpoint written by GET /audit/checkpoint or audit:checkpoint')
        .option('--public-key <key>', 'the trusted Ed25519 public key: a PEM file, or the raw key in base64; default: the node\'s signing key')
        .action((options) => withApp(withDatabase, async (app) => {
        const checkpoint = JSON.parse((0, node_fs_1.readFileSync)(options.checkpoint, 'utf8'));
        const trusted = options.publicKey ? trustedPublicKey(options.publicKey) : undefined;
        const result = await app.get(audit_service_1.AuditService).verifyCheckpoint(checkpoint, trusted);
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        process.stderr.write(result.ok ? 'the audit chain matches the checkpoint\n' : `the audit chain does NOT match the checkpoint:\n  ${result.problems.join('\n  ')}\n`);
        if (!result.ok)
            process.exitCode = 1;
    }));
    program
        .command('audit:public-key')
        .description('print the public key that verifies this node\'s audit checkpoints (PEM), for auditors to keep')
        .action(() => withApp(withDatabase, async (app) => {
        process.stdout.write(app.get(audit_service_1.AuditService).publicKeyPem());
    }));
    program
        .command('openapi:write')
        .description(`write the OpenAPI document to ${OPENAPI_FILE}`)
        .action(() => withApp(withDatabase, async (app) => {
        (0, node_fs_1.writeFileSync)(OPENAPI_FILE, openApiText(app));
        process.stderr.write(`wrote ${OPENAPI_FILE}\n`);
    }));
    program
        .command('openapi:check')
        .description(`fail when ${OPENAPI_FILE} differs from what the code serves (drift)`)
        .action(() => withApp(withDatabase, async (app) => {
        const committed = (0, node_fs_1.readFileSync)(OPENAPI_FILE, 'utf8');
        if (committed !== openApiText(app)) {
            process.stderr.write(`${OPENAPI_FILE} is out of date: run npm run openapi:write and commit it\n`);
            process.exitCode = 1;
        }
        else {
            process.stderr.write(`${OPENAPI_FILE} matches the API\n`);
        }
    }));
}
/** A PEM file, or the raw 32-byte key in base64 as a checkpoint names it. */
function trustedPublicKey(value) {
    return /^[A-Za-z0-9+/]{43}=$/.test(value) ? (0, audit_chain_1.publicKeyFromBase64)(value) : (0, node_crypto_1.createPublicKey)((0, node_fs_1.readFileSync)(value, 'utf8'));
}
function keyringFile(config) {
    return config.ENCRYPTION_KEYRING_FILE ?? (0, node_path_1.join)(config.DATA_DIR, 'keyring.json');
}
async function rewrapAll(withDatabase) {
    await withApp(withDatabase, async (app) => {
        // Every State, not only those hosted now: a State no longer hosted keeps its sealed records.
        const states = await app.get(db_1.Db).withoutState(() => app.get(states_service_1.StatesService).allCodes());
        const report = await app.get(key_rotation_1.KeyRotation).rewrapAll(states);
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    });
}
/** A one-line progress bar on standard error (bytes read of the file). */
function progressBar(total) {
    const width = 40;
    let last = -1;
    const draw = (done) => {
        const share = total === 0 ? 1 : Math.min(1, done / total);
        const percent = Math.floor(share * 100);
        if (percent === last)
            return;
        last = percent;
        const filled = Math.round(share * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% of ${(total / 1048576).toFixed(1)} MiB`);
    };
    return { update: draw, done: () => { draw(total); process.stderr.write('\n'); } };
}
//# sourceMappingURL=app-commands.js.map