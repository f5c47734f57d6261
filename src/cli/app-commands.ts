import { createPublicKey } from 'node:crypto';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Command, Option } from 'commander';
import pino from 'pino';
import { createApp } from '../app.factory';
import { publicKeyFromBase64 } from '../audit/audit-chain';
import { AuditService } from '../audit/audit.service';
import { AuditTrail } from '../audit/audit-trail';
import { KeyRotation } from '../common/encryption/key-rotation';
import { rotateKeyringFile } from '../common/encryption/key-provider';
import { ROLES } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { buildOpenApiDocument } from '../common/http/openapi';
import { loadConfig } from '../config/app-config';
import { loadLocalSecrets } from '../config/local-secrets';
import { DatabaseRuntime } from '../database/database-runtime';
import { Db } from '../database/db';
import { runMigrations } from '../database/migrator';
import { demoRefusal, DemoService, formatDemoAccounts } from '../demo/demo.service';
import { ImportsService } from '../registry/imports/imports.service';
import { ContactPointParamsDto, CreateContactPointDto, UpdateContactPointDto } from '../states/dto/contact-point.dto';
import { StatesService } from '../states/states.service';
import { CreateUserDto, ResetCredentialsDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';

type WithDatabase = <T>(work: (db: DatabaseRuntime) => Promise<T>) => Promise<T>;

const OPENAPI_FILE = 'docs/openapi.json';

/**
 * Administrative commands run through the application's own services, connected as the schema
 * owner (hosting a State changes the node-wide `states` table, which the app role only reads), or, for
 * work inside one State's data (`connectAs: 'app'`: an import), as the service's own role, which
 * row-level security binds whatever the owner is (a superuser in the official PostgreSQL image).
 */
async function withApp<T>(withDatabase: WithDatabase, work: (app: NestFastifyApplication) => Promise<T>, check?: (db: DatabaseRuntime) => void, connectAs: 'owner' | 'app' = 'owner'): Promise<T> {
  return withDatabase(async (db) => {
    check?.(db);
    const config = loadConfig();
    await runMigrations(db.ownerUrl);
    const jwtSecret = config.JWT_SECRET ?? loadLocalSecrets(config.DATA_DIR).jwtSecret;
    const databaseUrl = connectAs === 'app' ? db.appUrl : db.ownerUrl;
    // A command delivers no message and runs no periodic job: the service's processes do.
    const app = await createApp({ config: { ...config, LOG_LEVEL: 'warn', BACKGROUND_WORK: false }, databaseUrl, jwtSecret, logDestination: pino.destination({ dest: 2 }) });
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  });
}

/** Options read as the API reads a body: the DTO's transforms and checks, every broken rule named. */
async function validated<T extends object>(type: new () => T, plain: object): Promise<T> {
  const input = plainToInstance(type, plain);
  const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new Error(errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; '));
  return input;
}

/** A State the node knows and does not host: its contact points are the operator's to keep (a hosted State's admins keep its own). */
async function foreignState(app: NestFastifyApplication, code: string): Promise<{ code: string; name: string }> {
  const state = code.toUpperCase();
  const known = await app.get(Db).withoutState(() => app.get(StatesService).get(state));
  if (known.hosted) throw new Error(`${state} is hosted on this node: its administrators keep its contact points (/states/${state}/contact-points)`);
  return { code: state, name: known.name };
}

function languages(list: string | undefined): string[] | undefined {
  return list?.split(',').map((code) => code.trim());
}

/** A State this node hosts (its users and registry live here), or an error that says how to host it. */
async function hostedState(app: NestFastifyApplication, code: string): Promise<string> {
  const state = code.toUpperCase();
  const known = await app.get(Db).withoutState(() => app.get(StatesService).get(state));
  if (!known.hosted) throw new Error(`${state} is not hosted on this node: host it first (state:host ${state}); its users and registry live where it is hosted`);
  return state;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function openApiText(app: NestFastifyApplication): string {
  return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
}

export function registerAppCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('user:create')
    .description('create a user; the password is read from standard input')
    .requiredOption('--state <code>', 'ISO 3166-1 alpha-3 code of the user\'s State')
    .requiredOption('--username <name>', 'login name (a-z 0-9 . _ -)')
    .requiredOption('--name <display name>', 'display name')
    .addOption(new Option('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`).makeOptionMandatory())
    .option('--email <email>')
    .option('--agency <agency>')
    .action(async (options: { state: string; username: string; name: string; roles: string; email?: string; agency?: string }) => {
      // The same checks as POST /users: a name that could never log in, a bad e-mail address, a role twice are refused.
      const input = await validated(CreateUserDto, {
        username: options.username, displayName: options.name, password: await readStdin(),
        roles: options.roles.split(',').map((r) => r.trim()), email: options.email, agency: options.agency,
      });
      await withApp(withDatabase, async (app) => {
        const state = await hostedState(app, options.state);
        const user = await app.get(Db).inState(state, () => app.get(UsersService).createInState({ ...input, stateCode: state }));
        process.stdout.write(`created ${user.username} (${user.stateCode}, ${user.roles.join(', ')}) id ${user.id}\n`);
      });
    });

  program
    .command('user:reset')
    .description('reset a user\'s password (read from standard input), MFA or lockout, when no admin of its State can: a lost device, a lost password')
    .requiredOption('--state <code>', 'ISO 3166-1 alpha-3 code of the user\'s State')
    .requiredOption('--username <name>', 'login name')
    .option('--password', 'set a new password, read from standard input')
    .option('--mfa', 'reset MFA: the user enrols again at the next login')
    .option('--unlock', 'end the lockout after failed logins')
    .action(async (options: { state: string; username: string; password?: boolean; mfa?: boolean; unlock?: boolean }) => {
      // The same checks as POST /users/:id/credentials-reset.
      const input = await validated(ResetCredentialsDto, { password: options.password ? await readStdin() : undefined, mfa: options.mfa, unlock: options.unlock });
      if (input.password === undefined && !input.mfa && !input.unlock) throw new Error('say what to reset: --password, --mfa or --unlock');
      await withApp(withDatabase, async (app) => {
        const state = await hostedState(app, options.state);
        const user = await app.get(Db).inState(state, () => app.get(UsersService).resetCredentialsInState(state, options.username.toLowerCase(), input));
        process.stdout.write(`reset ${[input.password !== undefined && 'password', input.mfa && 'MFA', input.unlock && 'lockout'].filter(Boolean).join(', ')} of ${user.username} (${user.stateCode})\n`);
      });
    });

  program
    .command('state:host <code>')
    .description('host a State on this node: its users and registry live here')
    .action((code: string) =>
      withApp(withDatabase, async (app) => {
        const state = await app.get(Db).withoutState(() => app.get(StatesService).host(code.toUpperCase(), app.get(Clock).now()));
        process.stdout.write(`${state.code} (${state.name}) is hosted on this node\n`);
      }),
    );

  program
    .command('contact-point:add <code>')
    .description('add a contact point of a State not hosted on this node (from the United Nations directory of national points of contact), so that traces can be addressed to it; a hosted State\'s administrators keep its own')
    .requiredOption('--name <name>', 'name of the point of contact')
    .requiredOption('--agency <agency>', 'its agency')
    .requiredOption('--email <email>')
    .option('--phone <phone>')
    .option('--languages <codes>', 'comma-separated ISO 639-1 codes, e.g. en,fr')
    .action((code: string, options: { name: string; agency: string; email: string; phone?: string; languages?: string }) =>
      withApp(withDatabase, async (app) => {
        const input = await validated(CreateContactPointDto, { ...options, languages: languages(options.languages) });
        const state = await foreignState(app, code);
        const added = await app.get(Db).inState(state.code, () => app.get(StatesService).createContactPoint(state.code, input));
        process.stdout.write(`added contact point ${added.id} of ${state.code} (${state.name}): ${added.name}, ${added.agency}\n`);
      }),
    );

  program
    .command('contact-point:update <code> <id>')
    .description('change a contact point of a State not hosted on this node (a new e-mail address, agency...)')
    .option('--name <name>')
    .option('--agency <agency>')
    .option('--email <email>')
    .option('--phone <phone>')
    .option('--languages <codes>', 'comma-separated ISO 639-1 codes, e.g. en,fr')
    .action((code: string, id: string, options: { name?: string; agency?: string; email?: string; phone?: string; languages?: string }) =>
      withApp(withDatabase, async (app) => {
        const input = await validated(UpdateContactPointDto, { ...options, languages: languages(options.languages) });
        if (Object.values(input).every((value) => value === undefined)) throw new Error('say what to change: --name, --agency, --email, --phone or --languages');
        const state = await foreignState(app, code);
        const { id: contactPoint } = await validated(ContactPointParamsDto, { code, id });
        const changed = await app.get(Db).inState(state.code, () => app.get(StatesService).changeContactPoint(state.code, contactPoint, input));
        process.stdout.write(`changed contact point ${changed.id} of ${state.code}: ${changed.name}, ${changed.agency}, ${changed.email}\n`);
      }),
    );

  program
    .command('contact-point:remove <code> <id>')
    .description('remove a contact point of a State not hosted on this node (never its last: add the replacement first)')
    .action((code: string, id: string) =>
      withApp(withDatabase, async (app) => {
        const state = await foreignState(app, code);
        const { id: contactPoint } = await validated(ContactPointParamsDto, { code, id });
        await app.get(Db).inState(state.code, () => app.get(StatesService).deleteContactPoint(state.code, contactPoint));
        process.stdout.write(`removed contact point ${id} of ${state.code}\n`);
      }),
    );

  program
    .command('import <file>')
    .description('import a CSV file into a State\'s registry (docs/import-format.md): all rows land, or none do')
    .requiredOption('--state <code>', 'ISO 3166-1 alpha-3 code of the State whose registry receives the file')
    .action((file: string, options: { state: string }) =>
      withApp(withDatabase, async (app) => {
        const state = await hostedState(app, options.state);
        const size = statSync(file).size;
        const bar = progressBar(size);
        const result = await app.get(Db).inState(state, async () => {
          const imported = await app.get(ImportsService).importCsv({ stateCode: state, userId: null }, createReadStream(file), bar.update);
          // As POST /weapons/imports is, in the State's audit chain (no user: the operator ran it on the node).
          app.get(AuditTrail).record(null, {
            action: 'registry.imported', targetType: 'weapon_imports', targetId: imported.id,
            details: { via: 'cli', status: imported.status, acceptedRows: imported.acceptedRows, rejectedRows: imported.rejectedRows, contentSha256: imported.contentSha256 },
          }, state);
          return imported;
        });
        bar.done();
        process.stdout.write(`${JSON.stringify({ ...result, rejections: result.rejections.items.slice(0, 20) }, null, 2)}\n`);
        if (result.status !== 'completed') process.exitCode = 1;
      }, undefined, 'app'),
    );

  program
    .command('demo')
    .description('seed the demo: FRA, BRA and KEN hosted, one user per role, contact points')
    .action(() =>
      withApp(withDatabase, async (app) => {
        process.stdout.write(`${formatDemoAccounts(await app.get(DemoService).seed())}\n`);
      }, (db) => {
        const refusal = demoRefusal(db, loadConfig());
        if (refusal) throw new Error(refusal);
      }),
    );

  program
    .command('keys:rotate')
    .description('add a new key-encryption key to the keyring file, make it active, and re-wrap every data key under it (the service may keep running)')
    .action(() => {
      const config = loadConfig();
      if (config.ENCRYPTION_KEYRING) {
        throw new Error('the keyring comes from ENCRYPTION_KEYRING: add a new key there, make it active, restart the service, then run keys:rewrap');
      }
      const file = keyringFile(config);
      const id = rotateKeyringFile(file);
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
    .action((options: { state: string; out?: string }) =>
      withApp(withDatabase, async (app) => {
        const state = options.state.toUpperCase();
        // The file is written before the checkpoint's audit event commits: one that cannot be written records none.
        const { checkpoint, text } = await app.get(Db).inState(state, async () => {
          const made = await app.get(AuditService).checkpoint(null, state);
          const written = `${JSON.stringify(made, null, 2)}\n`;
          if (options.out) writeFileSync(options.out, written);
          return { checkpoint: made, text: written };
        });
        if (!options.out) process.stdout.write(text);
        process.stderr.write(`checkpoint of ${state} at event ${checkpoint.seq}\n`);
      }),
    );

  program
    .command('audit:verify')
    .description('check a signed checkpoint and recompute the audit chain up to it: a rewritten chain fails')
    .requiredOption('--checkpoint <file>', 'a checkpoint written by GET /audit/checkpoint or audit:checkpoint')
    .option('--public-key <key>', 'the trusted Ed25519 public key: a PEM file, or the raw key in base64; default: the node\'s signing key')
    .action((options: { checkpoint: string; publicKey?: string }) =>
      withApp(withDatabase, async (app) => {
        const checkpoint: unknown = JSON.parse(readFileSync(options.checkpoint, 'utf8'));
        const trusted = options.publicKey ? trustedPublicKey(options.publicKey) : undefined;
        const result = await app.get(AuditService).verifyCheckpoint(checkpoint, trusted);
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        process.stderr.write(result.ok ? 'the audit chain matches the checkpoint\n' : `the audit chain does NOT match the checkpoint:\n  ${result.problems.join('\n  ')}\n`);
        if (!result.ok) process.exitCode = 1;
      }),
    );

  program
    .command('audit:public-key')
    .description('print the public key that verifies this node\'s audit checkpoints (PEM), for auditors to keep')
    .action(() =>
      withApp(withDatabase, async (app) => {
        process.stdout.write(app.get(AuditService).publicKeyPem());
      }),
    );

  program
    .command('openapi:write')
    .description(`write the OpenAPI document to ${OPENAPI_FILE}`)
    .action(() =>
      withApp(withDatabase, async (app) => {
        writeFileSync(OPENAPI_FILE, openApiText(app));
        process.stderr.write(`wrote ${OPENAPI_FILE}\n`);
      }),
    );

  program
    .command('openapi:check')
    .description(`fail when ${OPENAPI_FILE} differs from what the code serves (drift)`)
    .action(() =>
      withApp(withDatabase, async (app) => {
        const committed = readFileSync(OPENAPI_FILE, 'utf8');
        if (committed !== openApiText(app)) {
          process.stderr.write(`${OPENAPI_FILE} is out of date: run npm run openapi:write and commit it\n`);
          process.exitCode = 1;
        } else {
          process.stderr.write(`${OPENAPI_FILE} matches the API\n`);
        }
      }),
    );
}

/** A PEM file, or the raw 32-byte key in base64 as a checkpoint names it. */
function trustedPublicKey(value: string) {
  return /^[A-Za-z0-9+/]{43}=$/.test(value) ? publicKeyFromBase64(value) : createPublicKey(readFileSync(value, 'utf8'));
}

function keyringFile(config: { ENCRYPTION_KEYRING_FILE?: string; DATA_DIR: string }): string {
  return config.ENCRYPTION_KEYRING_FILE ?? join(config.DATA_DIR, 'keyring.json');
}

async function rewrapAll(withDatabase: WithDatabase): Promise<void> {
  await withApp(withDatabase, async (app) => {
    // Every State, not only those hosted now: a State no longer hosted keeps its sealed records.
    const states = await app.get(Db).withoutState(() => app.get(StatesService).allCodes());
    const report = await app.get(KeyRotation).rewrapAll(states);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    // Everything else was re-wrapped; the records no key unwraps keep the rotation from ending.
    if (Object.values(report.unreadable).some((failed) => failed.count > 0)) process.exitCode = 1;
  });
}

/** A one-line progress bar on standard error (bytes read of the file). */
function progressBar(total: number): { update: (done: number) => void; done: () => void } {
  const width = 40;
  let last = -1;
  const draw = (done: number) => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const percent = Math.floor(share * 100);
    if (percent === last) return;
    last = percent;
    const filled = Math.round(share * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% of ${(total / 1048576).toFixed(1)} MiB`);
  };
  return { update: draw, done: () => { draw(total); process.stderr.write('\n'); } };
}
