"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = exports.AppConfig = void 0;
exports.loadConfig = loadConfig;
const node_net_1 = require("node:net");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
/** The longest retention a setting may ask for: a date 1000 years after any event still has four digits, as PostgreSQL and ISO 8601 dates need. */
const MAX_RETENTION_YEARS = 1000;
/** The longest pauses of periodic jobs: a timer longer than 2^31 ms (about 24.8 days) fires at once, again and again. */
const DAY_SECONDS = 86_400;
const HOUR_MS = 3_600_000;
const toInt = ({ value }) => (value === undefined || value === '' ? undefined : Number(value));
/** How a setting says yes. */
const YES = ['1', 'true', 'yes', 'on'];
const toBool = ({ value }) => value === undefined || value === '' ? undefined : YES.includes(String(value).toLowerCase());
/** Where `TRUST_PROXY=true` trusts a proxy to be: loopback and private networks (proxy-addr's names for them). */
const PRIVATE_NETWORKS = ['loopback', 'linklocal', 'uniquelocal'];
/** TRUST_PROXY as Fastify takes it: false, or the addresses a trusted proxy connects from. */
const toTrustedProxies = ({ value }) => {
    if (value === undefined || value === '')
        return undefined;
    const text = String(value).trim().toLowerCase();
    if (['false', 'no', 'off', '0'].includes(text))
        return false;
    if (YES.includes(text))
        return PRIVATE_NETWORKS;
    return text.split(',').map((s) => s.trim()).filter(Boolean);
};
/** An address, a CIDR range, or one of proxy-addr's names for a range. */
const isProxyAddress = (entry) => {
    const [address, bits, extra] = entry.split('/');
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry))
        return true;
    const family = (0, node_net_1.isIP)(address);
    if (!family || extra !== undefined)
        return false;
    return bits === undefined || (/^[0-9]{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};
function IsTrustedProxies() {
    return (0, class_validator_1.ValidateBy)({
        name: 'isTrustedProxies',
        validator: {
            validate: (value) => value === false || (Array.isArray(value) && value.length > 0 && value.every(isProxyAddress)),
            defaultMessage: () => 'TRUST_PROXY must be false, true (proxies on loopback and private networks), or a comma-separated list of proxy addresses or CIDR ranges',
        },
    });
}
const toList = ({ value }) => value === undefined || value === '' ? [] : String(value).split(',').map((s) => s.trim()).filter(Boolean);
/**
 * Every setting the service reads from its environment, validated at boot.
 * README.md lists each variable with its default; keep the two in step.
 */
class AppConfig {
    constructor() {
        this.NODE_ENV = 'development';
        this.PORT = 3000;
        this.HOST = '0.0.0.0';
        this.DATABASE_POOL_SIZE = 10;
        this.DATA_DIR = '.data';
        this.ACCESS_TOKEN_TTL_SECONDS = 900;
        this.SESSION_IDLE_TIMEOUT_SECONDS = 1800;
        this.SESSION_ABSOLUTE_TIMEOUT_SECONDS = 43200;
        this.MFA_REQUIRED_ROLES = ['npc', 'admin'];
        this.LOCKOUT_THRESHOLD = 5;
        this.LOCKOUT_SECONDS = 600;
        this.AUTH_THROTTLE_LIMIT = 20;
        this.AUTH_THROTTLE_TTL_SECONDS = 60;
        /**
         * How long a client may take to send a whole request, body included (408 after it): a client that sends
         * a body slowly, or stops, would otherwise hold its connection, and what its body holds, for ever. Half an
         * hour by default: an import of IMPORT_MAX_MB (1024 MB) then needs 0.6 MB/s (about 5 Mbit/s).
         */
        this.HTTP_REQUEST_TIMEOUT_SECONDS = 1800;
        /** Comma-separated origins allowed by CORS. Empty: CORS closed. */
        this.CORS_ORIGINS = [];
        this.LOG_LEVEL = 'info';
        /** Seed the demo States and users on a first start of an empty embedded database. */
        this.DEMO_SEED_ON_FIRST_START = true;
        /**
         * Whose word on the client's address to take (X-Forwarded-For): `false`, none (the socket's peer); or the
         * addresses proxies connect from, a comma-separated list of addresses and CIDR ranges (`true`: loopback and
         * private networks). The client's address is the last one in the header that is not such a proxy: never
         * one further left, which the client writes itself, nor one from a peer that is not a trusted proxy.
         */
        this.TRUST_PROXY = false;
        /**
         * The largest CSV file an import takes, in MB (a million weapons are about 130 MB): a larger one is rejected
         * as a whole (`FILE_TOO_LARGE`) as soon as it passes this size, before it fills the database's disk.
         */
        this.IMPORT_MAX_MB = 1024;
        /** ITI 12: manufacturing records are kept at least 30 years; 1000 stands for "indefinitely" (a retention date stays a four-digit year). */
        this.RETENTION_MANUFACTURE_YEARS = 30;
        /** ITI 12: all other records (import, export, transfer...) at least 20 years. */
        this.RETENTION_OTHER_YEARS = 20;
        /** Whether records past their retention may be deleted at all. Off: nothing is ever deleted. */
        this.RETENTION_PURGE_ENABLED = false;
        /** ITI 9: days after which a seized or found weapon neither marked and recorded nor destroyed is reported. */
        this.REPORT_SEIZED_MARKING_DAYS = 90;
        // Tracing deadlines (the ITI sets no number: "a reasonable time", "promptly"; per-node settings).
        /** Hours the requested State has to acknowledge a routine request. */
        this.TRACE_ACKNOWLEDGE_HOURS_ROUTINE = 120;
        this.TRACE_ACKNOWLEDGE_HOURS_URGENT = 24;
        /** Days from sending to the answer of a routine request. */
        this.TRACE_ANSWER_DAYS_ROUTINE = 30;
        this.TRACE_ANSWER_DAYS_URGENT = 7;
        /** Days the requester has to give the information the requested State asked for, for a routine request. */
        this.TRACE_INFORMATION_DAYS_ROUTINE = 14;
        this.TRACE_INFORMATION_DAYS_URGENT = 3;
        /** How often the deadline job looks for overdue traces; 0 turns it off. */
        this.TRACE_DEADLINE_JOB_SECONDS = 300;
        /**
         * Hours an Idempotency-Key's first result is kept and replayed; after that the key is forgotten (its
         * sealed copy of the response deleted) and a request with it is a new request.
         */
        this.IDEMPOTENCY_KEY_HOURS = 24;
        /** How often the keys older than IDEMPOTENCY_KEY_HOURS are deleted; 0 turns it off. */
        this.IDEMPOTENCY_PURGE_JOB_SECONDS = 3600;
        this.SMTP_FROM = 'ITI Trace <no-reply@localhost>';
        /** Off only to measure what encryption costs (npm run bench); refused in production. */
        this.ENCRYPTION_AT_REST = true;
        /** Off only to measure what the audit trail costs (npm run bench); refused in production. */
        this.AUDIT_TRAIL = true;
        /** How often undelivered messages between State mailboxes are retried; 0 turns the poll off. */
        this.OUTBOX_POLL_MS = 2000;
    }
}
exports.AppConfig = AppConfig;
__decorate([
    (0, class_validator_1.IsIn)(['development', 'production', 'test']),
    __metadata("design:type", String)
], AppConfig.prototype, "NODE_ENV", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], AppConfig.prototype, "PORT", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "HOST", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' }),
    __metadata("design:type", String)
], AppConfig.prototype, "DATABASE_URL", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^postgres(ql)?:\/\//, { message: 'DATABASE_APP_URL must be a postgres:// URL' }),
    __metadata("design:type", String)
], AppConfig.prototype, "DATABASE_APP_URL", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(16),
    __metadata("design:type", String)
], AppConfig.prototype, "DATABASE_APP_PASSWORD", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200),
    __metadata("design:type", Object)
], AppConfig.prototype, "DATABASE_POOL_SIZE", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "DATA_DIR", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(32, { message: 'JWT_SECRET must be at least 32 characters' }),
    __metadata("design:type", String)
], AppConfig.prototype, "JWT_SECRET", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(60),
    (0, class_validator_1.Max)(900),
    __metadata("design:type", Object)
], AppConfig.prototype, "ACCESS_TOKEN_TTL_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(60),
    __metadata("design:type", Object)
], AppConfig.prototype, "SESSION_IDLE_TIMEOUT_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(300),
    __metadata("design:type", Object)
], AppConfig.prototype, "SESSION_ABSOLUTE_TIMEOUT_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toList),
    (0, class_validator_1.IsIn)(['officer', 'npc', 'registrar', 'auditor', 'admin'], { each: true }),
    __metadata("design:type", Array)
], AppConfig.prototype, "MFA_REQUIRED_ROLES", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "LOCKOUT_THRESHOLD", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "LOCKOUT_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "AUTH_THROTTLE_LIMIT", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "AUTH_THROTTLE_TTL_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "HTTP_REQUEST_TIMEOUT_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toList),
    (0, class_validator_1.IsString)({ each: true }),
    __metadata("design:type", Array)
], AppConfig.prototype, "CORS_ORIGINS", void 0);
__decorate([
    (0, class_validator_1.IsIn)(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    __metadata("design:type", Object)
], AppConfig.prototype, "LOG_LEVEL", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBool),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "DEMO_SEED_ON_FIRST_START", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toTrustedProxies),
    IsTrustedProxies(),
    __metadata("design:type", Object)
], AppConfig.prototype, "TRUST_PROXY", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "IMPORT_MAX_MB", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(30, { message: 'RETENTION_MANUFACTURE_YEARS must be at least 30 (ITI 12)' }),
    (0, class_validator_1.Max)(MAX_RETENTION_YEARS, { message: `RETENTION_MANUFACTURE_YEARS must be at most ${MAX_RETENTION_YEARS} (records kept indefinitely)` }),
    __metadata("design:type", Object)
], AppConfig.prototype, "RETENTION_MANUFACTURE_YEARS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(20, { message: 'RETENTION_OTHER_YEARS must be at least 20 (ITI 12)' }),
    (0, class_validator_1.Max)(MAX_RETENTION_YEARS, { message: `RETENTION_OTHER_YEARS must be at most ${MAX_RETENTION_YEARS} (records kept indefinitely)` }),
    __metadata("design:type", Object)
], AppConfig.prototype, "RETENTION_OTHER_YEARS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBool),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "RETENTION_PURGE_ENABLED", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(36500),
    __metadata("design:type", Object)
], AppConfig.prototype, "REPORT_SEIZED_MARKING_DAYS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "TRACE_ACKNOWLEDGE_HOURS_ROUTINE", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "TRACE_ACKNOWLEDGE_HOURS_URGENT", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "TRACE_ANSWER_DAYS_ROUTINE", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "TRACE_ANSWER_DAYS_URGENT", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "TRACE_INFORMATION_DAYS_ROUTINE", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Object)
], AppConfig.prototype, "TRACE_INFORMATION_DAYS_URGENT", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(DAY_SECONDS),
    __metadata("design:type", Object)
], AppConfig.prototype, "TRACE_DEADLINE_JOB_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(8760),
    __metadata("design:type", Object)
], AppConfig.prototype, "IDEMPOTENCY_KEY_HOURS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(DAY_SECONDS),
    __metadata("design:type", Object)
], AppConfig.prototype, "IDEMPOTENCY_PURGE_JOB_SECONDS", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' }),
    __metadata("design:type", String)
], AppConfig.prototype, "SMTP_URL", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "SMTP_FROM", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], AppConfig.prototype, "ENCRYPTION_KEYRING", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], AppConfig.prototype, "ENCRYPTION_KEYRING_FILE", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], AppConfig.prototype, "AUDIT_SIGNING_KEY", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBool),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "ENCRYPTION_AT_REST", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBool),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "AUDIT_TRAIL", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(HOUR_MS),
    __metadata("design:type", Object)
], AppConfig.prototype, "OUTBOX_POLL_MS", void 0);
class ConfigError extends Error {
}
exports.ConfigError = ConfigError;
function loadConfig(env = process.env) {
    const input = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
    const config = (0, class_transformer_1.plainToInstance)(AppConfig, input, { exposeDefaultValues: true });
    // whitelist drops every variable that is not a setting of ours (PATH, HOME...).
    const errors = (0, class_validator_1.validateSync)(config, { whitelist: true, forbidUnknownValues: true });
    if (errors.length > 0) {
        const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
        throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
    }
    if (config.NODE_ENV === 'production' && (!config.ENCRYPTION_AT_REST || !config.AUDIT_TRAIL)) {
        throw new ConfigError('Invalid environment:\n  ENCRYPTION_AT_REST and AUDIT_TRAIL cannot be turned off in production (they exist to measure their cost)');
    }
    return config;
}
//# sourceMappingURL=app-config.js.map