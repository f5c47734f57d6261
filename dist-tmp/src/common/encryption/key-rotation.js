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
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeyRotation = void 0;
const common_1 = require("@nestjs/common");
const db_1 = require("../../database/db");
const data_keys_repository_1 = require("./data-keys.repository");
const envelope_1 = require("./envelope");
const BATCH = 500;
/**
 * Re-wraps every data key still wrapped by an older key-encryption key under the active one, State by
 * State in small transactions, while the service runs: ciphertexts are untouched, and a row changed
 * meanwhile is simply compared and swapped (its old wrapped key must still be the one read).
 */
let KeyRotation = class KeyRotation {
    constructor(db, dataKeys, envelope) {
        this.db = db;
        this.dataKeys = dataKeys;
        this.envelope = envelope;
    }
    async rewrapAll(stateCodes) {
        const active = this.envelope.activeKekId();
        const rewrapped = {};
        const remaining = {};
        for (const table of Object.keys(data_keys_repository_1.SEALED_TABLES)) {
            rewrapped[table] = 0;
            for (const stateCode of stateCodes) {
                for (;;) {
                    const done = await this.db.inState(stateCode, async () => {
                        const rows = await this.dataKeys.wrappedUnder(table, stateCode, active, BATCH);
                        for (const row of rows) {
                            // Under the key the run started with, even if another rotation lands meanwhile: each row moves once.
                            const next = this.envelope.rewrap({ stateCode, table, rowId: row.rowId }, row.wrapped, active);
                            await this.dataKeys.replace(table, stateCode, row.rowId, row.wrapped.wrapped, next);
                        }
                        return rows.length;
                    });
                    rewrapped[table] += done;
                    if (done < BATCH)
                        break;
                }
            }
            remaining[table] = 0;
            for (const stateCode of stateCodes) {
                remaining[table] += await this.db.inState(stateCode, () => this.dataKeys.countNotUnder(table, stateCode, active));
            }
        }
        return { activeKekId: active, rewrapped, remaining };
    }
};
exports.KeyRotation = KeyRotation;
exports.KeyRotation = KeyRotation = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(envelope_1.Envelope)),
    __metadata("design:paramtypes", [db_1.Db,
        data_keys_repository_1.DataKeysRepository,
        envelope_1.Envelope])
], KeyRotation);
//# sourceMappingURL=key-rotation.js.map