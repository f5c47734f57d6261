"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Envelope = exports.DecryptionError = void 0;
const node_crypto_1 = require("node:crypto");
const key_provider_1 = require("./key-provider");
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Field ciphertext: version | IV | tag | ciphertext. */
const SEALED_V1 = 0x01;
const FIELD_HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
/** Wrapped data key: IV | tag | encrypted key. */
const WRAPPED_BYTES = IV_BYTES + TAG_BYTES + KEY_BYTES;
/**
 * Disabled mode exists only so that a benchmark can measure what encryption costs: data keys are empty
 * (kekId 'none') and fields are stored as version 0x00 + UTF-8 plaintext. An enabled Envelope refuses
 * both, so nobody with write access to the database can slip in plaintext rows marked 0x00.
 */
const PLAIN = 0x00;
const NO_KEK = 'none';
/** Deliberately generic: the underlying error may quote data, and the reason is enough to investigate. */
class DecryptionError extends Error {
    constructor(reason) {
        super('A confidential field could not be decrypted');
        this.reason = reason;
        this.name = 'DecryptionError';
    }
}
exports.DecryptionError = DecryptionError;
/**
 * Envelope encryption with AES-256-GCM: each record has its own random data key, stored wrapped by a
 * key-encryption key (KEK). Ciphertexts are bound (AAD) to State, table, column and row, and wrapped
 * keys to KEK, State, table and row, so nothing can be moved to another place and still decrypt.
 */
class Envelope {
    constructor(provider, enabled = true) {
        this.provider = provider;
        this.enabled = enabled;
    }
    activeKekId() {
        return this.provider.active().id;
    }
    /** A fresh random 32-byte data key for one record, and its wrapped form (AES-256-GCM under the active KEK). */
    newDataKey(scope) {
        if (!this.enabled)
            return { key: Buffer.alloc(0), wrapped: { kekId: NO_KEK, wrapped: Buffer.alloc(0) } };
        const key = (0, node_crypto_1.randomBytes)(KEY_BYTES);
        return { key, wrapped: this.wrap(scope, key) };
    }
    unwrap(scope, wrapped) {
        if (wrapped.kekId === NO_KEK) {
            if (this.enabled)
                throw new DecryptionError('format');
            return Buffer.alloc(0);
        }
        if (wrapped.wrapped.length !== WRAPPED_BYTES)
            throw new DecryptionError('format');
        let kek;
        try {
            kek = this.provider.byId(wrapped.kekId);
        }
        catch (error) {
            if (error instanceof key_provider_1.UnknownKeyError)
                throw new DecryptionError('unknown_key');
            throw error; // an unreadable keyring is an operational fault, not a bad record
        }
        const iv = wrapped.wrapped.subarray(0, IV_BYTES);
        const tag = wrapped.wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
        return decrypt(kek.key, iv, tag, wrapped.wrapped.subarray(IV_BYTES + TAG_BYTES), dataKeyAad(wrapped.kekId, scope));
    }
    /** Re-wraps under the active KEK (key rotation); the data key itself and every ciphertext stay as they are. */
    rewrap(scope, wrapped, kekId = this.provider.active().id) {
        return this.wrap(scope, this.unwrap(scope, wrapped), kekId);
    }
    seal(key, scope, column, plaintext) {
        if (!this.enabled)
            return Buffer.concat([Buffer.of(PLAIN), Buffer.from(plaintext, 'utf8')]);
        const iv = (0, node_crypto_1.randomBytes)(IV_BYTES);
        const { tag, ciphertext } = encrypt(key, iv, Buffer.from(plaintext, 'utf8'), fieldAad(scope, column));
        return Buffer.concat([Buffer.of(SEALED_V1), iv, tag, ciphertext]);
    }
    open(key, scope, column, sealed) {
        if (!this.enabled) {
            if (sealed.length < 1 || sealed[0] !== PLAIN)
                throw new DecryptionError('format');
            return sealed.subarray(1).toString('utf8');
        }
        if (sealed.length < FIELD_HEADER_BYTES || sealed[0] !== SEALED_V1)
            throw new DecryptionError('format');
        const iv = sealed.subarray(1, 1 + IV_BYTES);
        const tag = sealed.subarray(1 + IV_BYTES, FIELD_HEADER_BYTES);
        return decrypt(key, iv, tag, sealed.subarray(FIELD_HEADER_BYTES), fieldAad(scope, column)).toString('utf8');
    }
    sealJson(key, scope, column, value) {
        const json = JSON.stringify(value);
        if (json === undefined)
            throw new Error(`Column ${column}: the value is not representable as JSON`);
        return this.seal(key, scope, column, json);
    }
    openJson(key, scope, column, sealed) {
        const json = this.open(key, scope, column, sealed);
        try {
            return JSON.parse(json);
        }
        catch {
            throw new DecryptionError('format'); // JSON.parse's message would quote the plaintext
        }
    }
    /** Wraps under the KEK named (a rotation keeps the one it started with), by default the active one. */
    wrap(scope, key, kekId) {
        if (key.length !== KEY_BYTES)
            throw new Error(`A data key must be ${KEY_BYTES} bytes`);
        const kek = kekId === undefined ? this.provider.active() : this.provider.byId(kekId);
        const iv = (0, node_crypto_1.randomBytes)(IV_BYTES);
        const { tag, ciphertext } = encrypt(kek.key, iv, key, dataKeyAad(kek.id, scope));
        return { kekId: kek.id, wrapped: Buffer.concat([iv, tag, ciphertext]) };
    }
}
exports.Envelope = Envelope;
function encrypt(key, iv, plaintext, aad) {
    const cipher = (0, node_crypto_1.createCipheriv)(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { tag: cipher.getAuthTag(), ciphertext };
}
function decrypt(key, iv, tag, ciphertext, aad) {
    // GCM would otherwise accept a shorter tag, which is easier to forge.
    if (tag.length !== TAG_BYTES)
        throw new DecryptionError('format');
    try {
        const decipher = (0, node_crypto_1.createDecipheriv)(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tag);
        decipher.setAAD(aad);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    }
    catch {
        throw new DecryptionError('authentication');
    }
}
function fieldAad(scope, column) {
    return aad('iti-trace/field/v1', scope.stateCode, scope.table, column, scope.rowId);
}
function dataKeyAad(kekId, scope) {
    return aad('iti-trace/data-key/v1', kekId, scope.stateCode, scope.table, scope.rowId);
}
/** NUL-separated, so a NUL inside a part would make two scopes collide: refused. */
function aad(...parts) {
    if (parts.some((part) => part.includes('\u0000')))
        throw new Error('A sealing scope must not contain NUL characters');
    return Buffer.from(parts.join('\u0000'), 'utf8');
}
//# sourceMappingURL=envelope.js.map