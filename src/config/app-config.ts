import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, validateSync } from 'class-validator';

/** The longest retention a setting may ask for: a date 1000 years after any event still has four digits, as PostgreSQL and ISO 8601 dates need. */
const MAX_RETENTION_YEARS = 1000;
/** The longest pauses of periodic jobs: a timer longer than 2^31 ms (about 24.8 days) fires at once, again and again. */
const DAY_SECONDS = 86_400;
/** The longest tracing deadline a node may set, in days: ten years. */
const MAX_DEADLINE_DAYS = 3650;
const HOUR_MS = 3_600_000;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
/** How a setting says yes, and no. */
const YES = ['1', 'true', 'yes', 'on'];
const NO = ['0', 'false', 'no', 'off'];
/** A yes or a no; anything else is kept as given, for @IsBoolean() to refuse by the variable's name (a typo in ENCRYPTION_AT_REST is no "false"). */
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const text = String(value).trim().toLowerCase();
  return YES.includes(text) ? true : NO.includes(text) ? false : value;
};
/** Where `TRUST_PROXY=true` trusts a proxy to be: loopback and private networks (proxy-addr's names for them). */
const PRIVATE_NETWORKS = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY as Fastify takes it: false, or the addresses a trusted proxy connects from. */
const toTrustedProxies = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const text = String(value).trim().toLowerCase();
  if (NO.includes(text)) return false;
  if (YES.includes(text)) return PRIVATE_NETWORKS;
  return text.split(',').map((s) => s.trim()).filter(Boolean);
};
/** An address, a CIDR range, or one of proxy-addr's names for a range. */
const isProxyAddress = (entry: string) => {
  const [address, bits, extra] = entry.split('/');
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^[0-9]{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};
function IsTrustedProxies() {
  return ValidateBy({
    name: 'isTrustedProxies',
    validator: {
      validate: (value: unknown) => value === false || (Array.isArray(value) && value.length > 0 && value.every(isProxyAddress)),
      defaultMessage: () => 'TRUST_PROXY must be false, true (proxies on loopback and private networks), or a comma-separated list of proxy addresses or CIDR ranges',
    },
  });
}
/**
 * A URL that `new URL()` reads. The message does not repeat the value: a URL can hold a password (and the
 * error of `new URL()` does repeat it, which is why it is checked here and not where the URL is used).
 */
function IsReadableUrl(name: string) {
  return ValidateBy({
    name: 'isReadableUrl',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && URL.canParse(value),
      defaultMessage: () => `${name} is not a URL that can be read: a / ? or # in the user name or password is written percent-encoded (%2F, %3F, %23)`,
    },
  });
}
const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? [] : String(value).split(',').map((s) => s.trim()).filter(Boolean);

/**
 * Every setting the service reads from its environment, validated at boot.
 * README.md lists each variable with its default; keep the two in step.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /**
   * Loopback unless told: a node started as a newcomer starts it (its demo accounts have public passwords)
   * is reachable from this machine only. A deployment sets the address to serve on (the Docker image: 0.0.0.0).
   */
  @IsString()
  HOST = '127.0.0.1';

  /** Owner connection (runs migrations). Unset: an embedded PostgreSQL under DATA_DIR. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Connection of the app role. Unset: DATABASE_URL with the app role's name and password. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_APP_URL must be a postgres:// URL' })
  DATABASE_APP_URL?: string;

  /** Password of the app role when the service creates it. Unset: generated into DATA_DIR. */
  @IsOptional() @IsString() @MinLength(16)
  DATABASE_APP_PASSWORD?: string;

  /**
   * Seconds a stop (SIGTERM, SIGINT) waits for the requests in flight; past them the database is stopped under
   * those left (an import rolls back, and is marked failed later) and the process exits 1.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  SHUTDOWN_GRACE_SECONDS = 10;

  /** 2 at least: an import holds its request's connection and takes a second one for its progress. */
  @Transform(toInt) @IsInt() @Min(2) @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  DATA_DIR = '.data';

  /** HMAC key for access tokens. Unset: generated into DATA_DIR. */
  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt) @IsInt() @Min(60) @Max(900)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(60)
  SESSION_IDLE_TIMEOUT_SECONDS = 1800;

  @Transform(toInt) @IsInt() @Min(300) @Max(30 * DAY_SECONDS)
  SESSION_ABSOLUTE_TIMEOUT_SECONDS = 43200;

  /**
   * Days a session is kept once it has ended (revoked, or past its absolute end), with its refresh tokens and
   * the address it was opened from, for looking into a misuse; then it is deleted (the audit trail keeps the
   * logins and revocations).
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  SESSION_RETENTION_DAYS = 90;

  /** How often the sessions ended more than SESSION_RETENTION_DAYS ago are deleted; 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(DAY_SECONDS)
  SESSION_PURGE_JOB_SECONDS = 3600;

  @Transform(toList) @IsIn(['officer', 'npc', 'registrar', 'auditor', 'admin'], { each: true })
  MFA_REQUIRED_ROLES: string[] = ['npc', 'admin'];

  @Transform(toInt) @IsInt() @Min(1)
  LOCKOUT_THRESHOLD = 5;

  @Transform(toInt) @IsInt() @Min(1) @Max(365 * DAY_SECONDS)
  LOCKOUT_SECONDS = 600;

  @Transform(toInt) @IsInt() @Min(1)
  AUTH_THROTTLE_LIMIT = 20;

  @Transform(toInt) @IsInt() @Min(1)
  AUTH_THROTTLE_TTL_SECONDS = 60;

  /**
   * How long a client may take to send a whole request, body included (408 after it): a client that sends
   * a body slowly, or stops, would otherwise hold its connection, and what its body holds, for ever. Half an
   * hour by default: an import of IMPORT_MAX_MB (1024 MB) then needs 0.6 MB/s (about 5 Mbit/s).
   */
  @Transform(toInt) @IsInt() @Min(1)
  HTTP_REQUEST_TIMEOUT_SECONDS = 1800;

  /**
   * Comma-separated origins allowed by CORS (scheme://host[:port]). Empty: CORS closed. Scheme and host in lower
   * case, as browsers send them (the header is compared as it is): "https://App.Example.org" allows the app.
   */
  @Transform(({ value }: { value: unknown }) => toList({ value }).map(lowerOrigin))
  @Matches(/^https?:\/\/[^/\s?#*]+$/, { each: true, message: 'CORS_ORIGINS must be origins such as https://app.example.org (scheme and host, a port if any; no path, no *)' })
  CORS_ORIGINS: string[] = [];

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Seed the demo States and users on a first start of an empty embedded database. */
  @Transform(toBool) @IsBoolean()
  DEMO_SEED_ON_FIRST_START = true;

  /**
   * Whose word on the client's address to take (X-Forwarded-For): `false`, none (the socket's peer); or the
   * addresses proxies connect from, a comma-separated list of addresses and CIDR ranges (`true`: loopback and
   * private networks). The client's address is the last one in the header that is not such a proxy: never
   * one further left, which the client writes itself, nor one from a peer that is not a trusted proxy.
   */
  @Transform(toTrustedProxies) @IsTrustedProxies()
  TRUST_PROXY: false | string[] = false;

  /**
   * The largest CSV file an import takes, in MB (a million weapons are about 130 MB): a larger one is rejected
   * as a whole (`FILE_TOO_LARGE`) as soon as it passes this size, before it fills the database's disk.
   */
  @Transform(toInt) @IsInt() @Min(1)
  IMPORT_MAX_MB = 1024;

  /** ITI 12: manufacturing records are kept at least 30 years; 1000 stands for "indefinitely" (a retention date stays a four-digit year). */
  @Transform(toInt) @IsInt() @Min(30, { message: 'RETENTION_MANUFACTURE_YEARS must be at least 30 (ITI 12)' })
  @Max(MAX_RETENTION_YEARS, { message: `RETENTION_MANUFACTURE_YEARS must be at most ${MAX_RETENTION_YEARS} (records kept indefinitely)` })
  RETENTION_MANUFACTURE_YEARS = 30;

  /** ITI 12: all other records (import, export, transfer...) at least 20 years. */
  @Transform(toInt) @IsInt() @Min(20, { message: 'RETENTION_OTHER_YEARS must be at least 20 (ITI 12)' })
  @Max(MAX_RETENTION_YEARS, { message: `RETENTION_OTHER_YEARS must be at most ${MAX_RETENTION_YEARS} (records kept indefinitely)` })
  RETENTION_OTHER_YEARS = 20;

  /** Whether records past their retention may be deleted at all. Off: nothing is ever deleted. */
  @Transform(toBool) @IsBoolean()
  RETENTION_PURGE_ENABLED = false;

  /** ITI 9: days after which a seized or found weapon neither marked and recorded nor destroyed is reported. */
  @Transform(toInt) @IsInt() @Min(1) @Max(36500)
  REPORT_SEIZED_MARKING_DAYS = 90;

  // Tracing deadlines (the ITI sets no number: "a reasonable time", "promptly"; per-node settings), at most
  // ten years each: a date past that means "never", which a deadline is not.
  /** Hours the requested State has to acknowledge a routine request. */
  @Transform(toInt) @IsInt() @Min(1) @Max(MAX_DEADLINE_DAYS * 24)
  TRACE_ACKNOWLEDGE_HOURS_ROUTINE = 120;

  @Transform(toInt) @IsInt() @Min(1) @Max(MAX_DEADLINE_DAYS * 24)
  TRACE_ACKNOWLEDGE_HOURS_URGENT = 24;

  /** Days from sending to the answer of a routine request. */
  @Transform(toInt) @IsInt() @Min(1) @Max(MAX_DEADLINE_DAYS)
  TRACE_ANSWER_DAYS_ROUTINE = 30;

  @Transform(toInt) @IsInt() @Min(1) @Max(MAX_DEADLINE_DAYS)
  TRACE_ANSWER_DAYS_URGENT = 7;

  /** Days the requester has to give the information the requested State asked for, for a routine request. */
  @Transform(toInt) @IsInt() @Min(1) @Max(MAX_DEADLINE_DAYS)
  TRACE_INFORMATION_DAYS_ROUTINE = 14;

  @Transform(toInt) @IsInt() @Min(1) @Max(MAX_DEADLINE_DAYS)
  TRACE_INFORMATION_DAYS_URGENT = 3;

  /** How often the deadline job looks for overdue traces; 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(DAY_SECONDS)
  TRACE_DEADLINE_JOB_SECONDS = 300;

  /**
   * Hours an Idempotency-Key's first result is kept and replayed; after that the key is forgotten (its
   * sealed copy of the response deleted) and a request with it is a new request.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(8760)
  IDEMPOTENCY_KEY_HOURS = 24;

  /** How often the keys older than IDEMPOTENCY_KEY_HOURS are deleted; 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(DAY_SECONDS)
  IDEMPOTENCY_PURGE_JOB_SECONDS = 3600;

  /** How often imports a process left under way when it ended are marked failed; 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(DAY_SECONDS)
  IMPORT_ABANDONED_JOB_SECONDS = 600;

  /** SMTP server for e-mail copies of notifications, e.g. smtp://user:pass@mail.example.org:587. Unset: no e-mail. */
  @IsOptional() @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' }) @IsReadableUrl('SMTP_URL')
  SMTP_URL?: string;

  @IsString()
  SMTP_FROM = 'ITI Trace <no-reply@localhost>';

  /** The key-encryption keyring as JSON ({"active": id, "keys": {id: base64 of 32 bytes}}), e.g. from a secrets manager. */
  @IsOptional() @IsString()
  ENCRYPTION_KEYRING?: string;

  /** A keyring file (same JSON). Unset, with ENCRYPTION_KEYRING unset too: DATA_DIR/keyring.json, generated with a warning. */
  @IsOptional() @IsString()
  ENCRYPTION_KEYRING_FILE?: string;

  /** Ed25519 private key (PKCS#8 PEM) that signs audit checkpoints. Unset: DATA_DIR/audit-signing-key.pem, generated with a warning. */
  @IsOptional() @IsString()
  AUDIT_SIGNING_KEY?: string;

  /** Off only to measure what encryption costs (npm run bench); refused in production. */
  @Transform(toBool) @IsBoolean()
  ENCRYPTION_AT_REST = true;

  /** Off only to measure what the audit trail costs (npm run bench); refused in production. */
  @Transform(toBool) @IsBoolean()
  AUDIT_TRAIL = true;

  /**
   * Whether this process delivers messages between State mailboxes and runs the periodic jobs (deadlines, key
   * purge, abandoned imports). Off, another process of the node must: the CLI's commands run with it off.
   */
  @Transform(toBool) @IsBoolean()
  BACKGROUND_WORK = true;

  /** How often undelivered messages between State mailboxes are retried; 0 turns the poll off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(HOUR_MS)
  OUTBOX_POLL_MS = 2000;
}

export class ConfigError extends Error {}

/**
 * Settings a blank value never stands for the default of: set but empty, they are a mistake (a secrets
 * template that rendered nothing), and the default would be silently wrong: an embedded database instead of
 * the server, keys generated beside the data instead of the operator's.
 */
const NOT_BLANK = ['DATA_DIR', 'DATABASE_URL', 'DATABASE_APP_URL', 'DATABASE_APP_PASSWORD', 'JWT_SECRET', 'ENCRYPTION_KEYRING', 'ENCRYPTION_KEYRING_FILE', 'AUDIT_SIGNING_KEY'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blank = NOT_BLANK.filter((name) => env[name] !== undefined && env[name]!.trim() === '');
  if (blank.length > 0) {
    throw new ConfigError(`Invalid environment:\n${blank.map((name) => `  ${name}: set but empty: unset it to use the default, or give it its value`).join('\n')}`);
  }
  const input = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  // whitelist drops every variable that is not a setting of ours (PATH, HOME...).
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  // Without DATABASE_URL the service starts its embedded database, where these would be silently ignored.
  const withoutServer = (['DATABASE_APP_URL', 'DATABASE_APP_PASSWORD'] as const).filter((name) => config[name] !== undefined && config.DATABASE_URL === undefined);
  if (withoutServer.length > 0) {
    throw new ConfigError(`Invalid environment:\n${withoutServer.map((name) => `  ${name}: given without DATABASE_URL, which it goes with: set DATABASE_URL too, or unset it to use the embedded database`).join('\n')}`);
  }
  if (config.NODE_ENV === 'production' && (!config.ENCRYPTION_AT_REST || !config.AUDIT_TRAIL)) {
    throw new ConfigError('Invalid environment:\n  ENCRYPTION_AT_REST and AUDIT_TRAIL cannot be turned off in production (they exist to measure their cost)');
  }
  const deadlines = deadlineContradictions(config);
  if (deadlines.length > 0) throw new ConfigError(`Invalid environment:\n${deadlines.map((line) => `  ${line}`).join('\n')}`);
  return config;
}

/**
 * Tracing deadlines that contradict each other: a request acknowledged in time would be overdue for its
 * answer at once, or an urgent request given longer than a routine one.
 */
function deadlineContradictions(config: AppConfig): string[] {
  const lines: string[] = [];
  for (const priority of ['ROUTINE', 'URGENT'] as const) {
    const acknowledge = config[`TRACE_ACKNOWLEDGE_HOURS_${priority}`];
    const answer = config[`TRACE_ANSWER_DAYS_${priority}`];
    if (acknowledge >= answer * 24) {
      lines.push(`TRACE_ACKNOWLEDGE_HOURS_${priority}: ${acknowledge} hours is not before the answer's deadline (TRACE_ANSWER_DAYS_${priority}: ${answer} days, ${answer * 24} hours)`);
    }
  }
  for (const setting of ['TRACE_ACKNOWLEDGE_HOURS', 'TRACE_ANSWER_DAYS', 'TRACE_INFORMATION_DAYS'] as const) {
    if (config[`${setting}_URGENT`] > config[`${setting}_ROUTINE`]) {
      lines.push(`${setting}_URGENT: ${config[`${setting}_URGENT`]} is longer than ${setting}_ROUTINE (${config[`${setting}_ROUTINE`]}): an urgent request is not given longer`);
    }
  }
  return lines;
}

/** An origin's scheme and host in lower case (a port as given); anything else as given, for validation to judge. */
function lowerOrigin(origin: string): string {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/:?#]*)(.*)$/.exec(origin);
  return match ? `${match[1].toLowerCase()}${match[2].toLowerCase()}${match[3]}` : origin;
}
