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
exports.RecordSealing = exports.RecordCipher = void 0;
const common_1 = require("@nestjs/common");
const envelope_1 = require("./envelope");
/** Seals and opens the confidential columns of one record with that record's own data key. */
class RecordCipher {
    constructor(envelope, scope, key) {
        this.envelope = envelope;
        this.scope = scope;
        this.key = key;
    }
    seal(column, value) {
        return this.envelope.sealJson(this.key, this.scope, column, value);
    }
    open(column, sealed) {
        return this.envelope.openJson(this.key, this.scope, column, sealed);
    }
}
exports.RecordCipher = RecordCipher;
/**
 * Envelope encryption for the tables that hold confidential fields: each record gets a random data key,
 * stored wrapped by the active key-encryption key (DataKeyColumns); ciphertexts are bound to State,
 * table, column and row.
 */
let RecordSealing = class RecordSealing {
    constructor(envelope) {
        this.envelope = envelope;
    }
    newRecord(scope) {
        const { key, wrapped } = this.envelope.newDataKey(scope);
        return { cipher: new RecordCipher(this.envelope, scope, key), dataKey: { kekId: wrapped.kekId, wrapped: wrapped.wrapped } };
    }
    /** The cipher of a record that may not have a data key yet: its own when it has one, else a new one to store with it. */
    recordOrNew(scope, dataKey) {
        return dataKey?.wrapped ? { cipher: this.record(scope, dataKey), dataKey } : this.newRecord(scope);
    }
    record(scope, dataKey) {
        if (!dataKey.kekId || !dataKey.wrapped)
            throw new Error(`Record ${scope.table}/${scope.rowId} has no data key`);
        return new RecordCipher(this.envelope, scope, this.envelope.unwrap(scope, { kekId: dataKey.kekId, wrapped: dataKey.wrapped }));
    }
};
exports.RecordSealing = RecordSealing;
exports.RecordSealing = RecordSealing = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(envelope_1.Envelope)),
    __metadata("design:paramtypes", [envelope_1.Envelope])
], RecordSealing);
//# sourceMappingURL=record-cipher.js.map