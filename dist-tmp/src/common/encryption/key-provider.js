"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeyFileProvider = exports.StaticKeyProvider = exports.UnknownKeyError = void 0;
exports.parseKeyring = parseKeyring;
exports.newKeyId = newKeyId;
exports.createKeyringFile = createKeyringFile;
exports.rotateKeyringFile = rotateKeyringFile;
exports.loadKeyProvider = loadKeyProvider;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const durable_file_1 = require("../files/durable-file");
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
class UnknownKeyError extends Error {
    constructor(id) {
        super(`Unknown key-encryption key ${id}`);
        this.name = 'UnknownKeyError';
    }
}
exports.UnknownKeyError = UnknownKeyError;
/** Validates a keyring. Errors name `source` and the problem, never key material (not even a JSON.parse message: V8 quotes the input). */
function parseKeyring(text, source) {
    const fail = (problem) => new Error(`Keyring ${source}: ${problem}`);
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw fail('is not valid JSON');
    }
    if (!isRecord(parsed) || !isRecord(parsed.keys))
        throw fail('must be an object { "active": "<id>", "keys": { "<id>": "<base64 of 32 bytes>" } }');
    const keys = {};
    for (const [id, value] of Object.entries(parsed.keys)) {
        if (!KEY_ID.test(id))
            throw fail(`a key id does not match ${KEY_ID}`);
        // Canonical base64 only: Buffer.from(…, 'base64') silently skips invalid characters.
        if (typeof value !== 'string' || Buffer.from(value, 'base64').length !== KEY_BYTES || Buffer.from(value, 'base64').toString('base64') !== value) {
            throw fail(`key ${id} must be the base64 of exactly ${KEY_BYTES} bytes`);
        }
        keys[id] = value;
    }
    if (typeof parsed.active !== 'string' || parsed.active === '')
        throw fail('"active" is missing');
    if (!Object.hasOwn(keys, parsed.active))
        throw fail(`the active key ${KEY_ID.test(parsed.active) ? parsed.active : '(invalid id)'} is not among the keys`);
    return { active: parsed.active, keys };
}
class StaticKeyProvider {
    constructor(keyring) {
        this.keys = new Map(Object.entries(keyring.keys).map(([id, base64]) => [id, { id, key: Buffer.from(base64, 'base64') }]));
        this.activeId = keyring.active;
        if (!this.keys.has(this.activeId))
            throw new UnknownKeyError(this.activeId);
    }
    active() {
        return this.byId(this.activeId);
    }
    byId(id) {
        const kek = this.keys.get(id);
        if (!kek)
            throw new UnknownKeyError(id);
        return kek;
    }
    has(id) {
        return this.keys.has(id);
    }
}
exports.StaticKeyProvider = StaticKeyProvider;
/** Reads a keyring file; on an unknown id it reads the file again once (a rotation by the CLI while the service runs adds keys). */
class KeyFileProvider {
    constructor(path) {
        this.path = path;
        this.checkedAt = 0;
        this.modified = (0, node_fs_1.statSync)(this.path).mtimeMs;
        this.keyring = this.read();
    }
    /** The active key, as the file says now: a rotation while the service runs is picked up within a second. */
    active() {
        const now = Date.now();
        if (now - this.checkedAt >= 1000) {
            this.checkedAt = now;
            const modified = (0, node_fs_1.statSync)(this.path).mtimeMs;
            if (modified !== this.modified) {
                this.modified = modified;
                this.keyring = this.read();
            }
        }
        return this.keyring.active();
    }
    byId(id) {
        if (!this.keyring.has(id))
            this.keyring = this.read();
        return this.keyring.byId(id);
    }
    read() {
        return new StaticKeyProvider(parseKeyring((0, node_fs_1.readFileSync)(this.path, 'utf8'), this.path));
    }
}
exports.KeyFileProvider = KeyFileProvider;
/** e.g. kek-20261123T134501Z-3fa2: sortable by creation, unique enough with the random suffix. */
function newKeyId(now) {
    const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
    return `kek-${stamp}-${(0, node_crypto_1.randomBytes)(2).toString('hex')}`;
}
/** Writes a new keyring file with one fresh key (mode 0600, directory created). Never overwrites an existing keyring. */
function createKeyringFile(path, now = new Date()) {
    const id = newKeyId(now);
    writeKeyring(path, { active: id, keys: { [id]: newKey() } }, false);
}
/** Adds a fresh key to the file and makes it active; old keys are kept. Writes atomically (temp file + rename, mode 0600). Returns the new id. */
function rotateKeyringFile(path, now = new Date()) {
    // A lock, because two concurrent rotations would each drop the other's new key, which may already wrap data keys.
    const lock = `${path}.lock`;
    try {
        (0, node_fs_1.closeSync)((0, node_fs_1.openSync)(lock, 'wx', 0o600));
    }
    catch (error) {
        if (error.code === 'EEXIST')
            throw new Error(`Keyring ${path} is locked by another rotation (remove ${lock} if none is running)`, { cause: error });
        throw error;
    }
    try {
        const keyring = parseKeyring((0, node_fs_1.readFileSync)(path, 'utf8'), path);
        let id = newKeyId(now);
        while (Object.hasOwn(keyring.keys, id))
            id = newKeyId(now);
        writeKeyring(path, { active: id, keys: { ...keyring.keys, [id]: newKey() } }, true);
        return id;
    }
    finally {
        (0, node_fs_1.unlinkSync)(lock);
    }
}
/**
 * ENCRYPTION_KEYRING (the keyring JSON itself, for secrets managers) → StaticKeyProvider;
 * else ENCRYPTION_KEYRING_FILE → KeyFileProvider (the file must exist);
 * else DATA_DIR/keyring.json, created with a fresh key when absent (and `warn` says so).
 */
function loadKeyProvider(settings, warn) {
    if (settings.ENCRYPTION_KEYRING !== undefined) {
        return { provider: new StaticKeyProvider(parseKeyring(settings.ENCRYPTION_KEYRING, 'ENCRYPTION_KEYRING')), file: null };
    }
    if (settings.ENCRYPTION_KEYRING_FILE !== undefined) {
        const file = settings.ENCRYPTION_KEYRING_FILE;
        // Never create it here: a missing file in production means a wrong path or a lost key, not a first start.
        if (!(0, node_fs_1.existsSync)(file))
            throw new Error(`ENCRYPTION_KEYRING_FILE ${file} does not exist`);
        return { provider: new KeyFileProvider(file), file };
    }
    const file = (0, node_path_1.join)(settings.DATA_DIR, 'keyring.json');
    if (!(0, node_fs_1.existsSync)(file)) {
        try {
            createKeyringFile(file);
            warn(`Generated a key-encryption key in ${file}, next to the data it protects. ` +
                'In production keep keys apart from the data: set ENCRYPTION_KEYRING_FILE (a file on another volume) or ENCRYPTION_KEYRING (from a secrets manager), and back the keyring up.');
        }
        catch (error) {
            // Another process (a replica, the CLI) created it first: use theirs.
            if (error.code !== 'EEXIST')
                throw error;
        }
    }
    return { provider: new KeyFileProvider(file), file };
}
function newKey() {
    return (0, node_crypto_1.randomBytes)(KEY_BYTES).toString('base64');
}
/** A keyring lost in a crash loses every record it wraps: written durably (writeFileDurably). */
function writeKeyring(path, keyring, replace) {
    (0, durable_file_1.writeFileDurably)(path, `${JSON.stringify(keyring, null, 2)}\n`, replace);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=key-provider.js.map