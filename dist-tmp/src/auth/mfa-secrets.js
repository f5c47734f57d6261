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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var MfaSecrets_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.MfaSecrets = void 0;
const common_1 = require("@nestjs/common");
const record_cipher_1 = require("../common/encryption/record-cipher");
const app_config_1 = require("../config/app-config");
const db_1 = require("../database/db");
const users_repository_1 = require("../users/users.repository");
/**
 * TOTP secrets sealed at rest like case content: AES-256-GCM with a data key per user row (created with
 * the first secret), bound to the State, the table, the column and the user. Someone who reads the
 * database or a backup cannot generate a user's codes without the keyring.
 */
let MfaSecrets = MfaSecrets_1 = class MfaSecrets {
    constructor(sealing, users, db, config) {
        this.sealing = sealing;
        this.users = users;
        this.db = db;
        this.config = config;
        this.logger = new common_1.Logger(MfaSecrets_1.name);
    }
    /** `secret` sealed for `column` of the user's row, with the data key the row must keep. */
    seal(user, column, secret) {
        const scope = { stateCode: user.stateCode, table: 'users', rowId: user.id };
        const { cipher, dataKey } = this.sealing.recordOrNew(scope, user.dataKey);
        return { sealed: cipher.seal(column, secret), dataKey };
    }
    open(user, column, sealed) {
        return this.sealing.record({ stateCode: user.stateCode, table: 'users', rowId: user.id }, user.dataKey).open(column, sealed);
    }
    /** Secrets stored in plain text before they were sealed are sealed before the service takes requests. */
    async onApplicationBootstrap() {
        // Without encryption at rest (a benchmark's setting) they would be converted for good into records an
        // enabled service cannot read: they wait for a service that seals.
        if (!this.config.ENCRYPTION_AT_REST)
            return;
        const sealed = await this.sealLegacy();
        if (sealed > 0)
            this.logger.log(`sealed the TOTP secrets of ${sealed} users, stored in plain text before`);
    }
    /** Seals every TOTP secret still in a legacy plain-text column, State by State; returns how many users. */
    async sealLegacy() {
        let total = 0;
        for (const stateCode of await this.db.withoutState(() => this.users.statesWithLegacyMfaSecrets())) {
            total += await this.db.inState(stateCode, async () => {
                const legacy = await this.users.withLegacyMfaSecretsForUpdate(stateCode);
                for (const user of legacy) {
                    let dataKey = user.dataKey;
                    const changes = { legacyMfaSecret: null, legacyMfaPendingSecret: null };
                    for (const [column, secret, property] of [
                        ['mfa_secret', user.legacyMfaSecret, 'mfaSecret'],
                        ['mfa_pending_secret', user.legacyMfaPendingSecret, 'mfaPendingSecret'],
                    ]) {
                        if (!secret)
                            continue;
                        const result = this.seal({ ...user, dataKey }, column, secret);
                        dataKey = result.dataKey;
                        changes[property] = result.sealed;
                    }
                    await this.users.update(stateCode, user.id, { ...changes, dataKey });
                }
                return legacy.length;
            });
        }
        return total;
    }
};
exports.MfaSecrets = MfaSecrets;
exports.MfaSecrets = MfaSecrets = MfaSecrets_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(app_config_1.AppConfig)),
    __metadata("design:paramtypes", [record_cipher_1.RecordSealing,
        users_repository_1.UsersRepository,
        db_1.Db,
        app_config_1.AppConfig])
], MfaSecrets);
//# sourceMappingURL=mfa-secrets.js.map