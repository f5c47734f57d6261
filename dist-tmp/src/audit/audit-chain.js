"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHECKPOINT_FORMAT = exports.ChainVerifier = exports.GENESIS_HASH = void 0;
exports.auditEventLine = auditEventLine;
exports.auditEventHash = auditEventHash;
exports.chainAfter = chainAfter;
exports.signCheckpoint = signCheckpoint;
exports.checkCheckpointSignature = checkCheckpointSignature;
exports.loadAuditSigningKey = loadAuditSigningKey;
exports.publicKeyFromBase64 = publicKeyFromBase64;
exports.publicKeyPem = publicKeyPem;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const canonicalize_1 = __importDefault(require("canonicalize"));
/** The prevHash of seq 1 (also the hash of an empty chain's head). */
exports.GENESIS_HASH = Buffer.alloc(32);
/** The fields in the order they are hashed: the SQL function audit_event_line() writes the same line. */
const HASHED_FIELDS = ['seq', 'stateCode', 'at', 'actorId', 'action', 'targetType', 'targetId', 'outcome', 'requestId', 'sourceIp', 'details'];
/**
 * The line an event's hash covers: each field as the hex of its UTF-8 bytes ('-' for null), joined by
 * dots. Trivial to write identically in SQL and here, and unambiguous (hex never holds '.' or '-').
 */
function auditEventLine(content) {
    return HASHED_FIELDS.map((field) => {
        const value = content[field] ?? null;
        return value === null ? '-' : Buffer.from(String(value), 'utf8').toString('hex');
    }).join('.');
}
/** sha256(prevHash || auditEventLine(content)). */
function auditEventHash(prevHash, content) {
    return (0, node_crypto_1.createHash)('sha256').update(prevHash).update(auditEventLine(content), 'utf8').digest();
}
/** Chains events (in order) after a head: assigns seq = head.seq+1, +2... and links each to the one before. */
function chainAfter(head, events) {
    if (new Set(events.map((e) => e.stateCode)).size > 1)
        throw new Error('chainAfter: events of several States cannot share one chain');
    let seq = BigInt(head.seq);
    let prevHash = head.hash;
    return events.map((event) => {
        seq += 1n;
        const content = { ...event, seq: seq.toString() };
        const hash = auditEventHash(prevHash, content);
        const chained = { ...content, prevHash, hash };
        prevHash = hash;
        return chained;
    });
}
/**
 * Recomputes a chain read in seq order, fed in batches, and names the first broken link (checking
 * stops there: everything after a break is unverifiable). Keeps the recomputed hash of one event, the
 * one named `keep` (a checkpoint's), so that keptHash() can compare it with the checkpoint: memory
 * stays the same whatever the chain's length.
 */
class ChainVerifier {
    constructor(stateCode, keep = null) {
        this.stateCode = stateCode;
        this.checked = 0;
        this.intact = 0n;
        this.prevHash = exports.GENESIS_HASH;
        this.kept = null;
        this.broken = null;
        this.keep = keep !== null && /^[0-9]{1,19}$/.test(keep) ? BigInt(keep) : null;
    }
    feed(events) {
        for (const event of events) {
            if (this.broken)
                return;
            this.checked += 1;
            const problem = this.check(event);
            if (problem) {
                this.broken = { seq: String(event.seq), ...problem };
                return;
            }
            this.remember(event.hash);
        }
    }
    /** The recomputed hash (hex) of the event named `keep` if verification reached it intact, else null. */
    keptHash() {
        return this.kept;
    }
    result() {
        return {
            stateCode: this.stateCode,
            ok: this.broken === null,
            checked: this.checked,
            head: this.intact === 0n ? null : { seq: this.intact.toString(), hash: this.prevHash.toString('hex') },
            firstBroken: this.broken,
        };
    }
    check(event) {
        const expected = this.intact + 1n;
        if (event.stateCode !== this.stateCode) {
            return { reason: 'wrong_chain', message: `event ${event.seq} belongs to the chain of ${event.stateCode}, not of ${this.stateCode}` };
        }
        let seq;
        try {
            seq = BigInt(event.seq);
        }
        catch {
            seq = null;
        }
        if (seq === null)
            return { reason: 'sequence_gap', message: `event "${event.seq}" has no valid sequence number` };
        if (seq !== expected) {
            const message = this.intact === 0n
                ? `the chain starts at event ${seq} instead of event 1: the events before it are missing`
                : seq > expected
                    ? `event ${expected} is missing: event ${this.intact} is followed by event ${seq} (events were deleted)`
                    : `event ${seq} appears after event ${this.intact}: events are repeated or out of order`;
            return { reason: 'sequence_gap', message };
        }
        if (!Buffer.isBuffer(event.prevHash) || !event.prevHash.equals(this.prevHash)) {
            const message = this.intact === 0n
                ? `event 1 does not start the chain: its previous hash is not the genesis value`
                : `event ${seq} does not follow event ${this.intact}: its previous hash is not that event's hash (events were reordered, replaced or inserted)`;
            return { reason: 'prev_hash_mismatch', message };
        }
        let recomputed;
        try {
            recomputed = auditEventHash(event.prevHash, event);
        }
        catch (error) {
            return { reason: 'hash_mismatch', message: `event ${seq} cannot be hashed (${error.message}): its content was changed after it was written` };
        }
        if (!Buffer.isBuffer(event.hash) || !event.hash.equals(recomputed)) {
            return { reason: 'hash_mismatch', message: `event ${seq} was changed after it was written (its hash does not match its content)` };
        }
        return null;
    }
    remember(hash) {
        this.intact += 1n;
        this.prevHash = Buffer.from(hash);
        if (this.intact === this.keep)
            this.kept = this.prevHash.toString('hex');
    }
}
exports.ChainVerifier = ChainVerifier;
exports.CHECKPOINT_FORMAT = 'iti-trace/audit-checkpoint';
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
function signCheckpoint(head, privateKey, signedAt) {
    if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519')
        throw new TypeError('signCheckpoint needs an Ed25519 private key');
    const unsigned = {
        format: exports.CHECKPOINT_FORMAT,
        version: 1,
        stateCode: head.stateCode,
        seq: head.seq,
        hash: head.hash,
        signedAt: signedAt.toISOString(),
        publicKey: rawPublicKeyBase64((0, node_crypto_1.createPublicKey)(privateKey)),
    };
    return { ...unsigned, signature: (0, node_crypto_1.sign)(null, signedBytes(unsigned), privateKey).toString('base64') };
}
/**
 * Checks a checkpoint's form and signature against a trusted public key, never the one inside the file
 * (a forger would put their own there). Returns the problems found, empty when valid; never throws on input.
 */
function checkCheckpointSignature(checkpoint, trustedPublicKey) {
    if (typeof checkpoint !== 'object' || checkpoint === null || Array.isArray(checkpoint))
        return ['the checkpoint is not a JSON object'];
    const c = checkpoint;
    const problems = [];
    const expectString = (field, valid, what) => {
        const value = c[field];
        if (value === undefined)
            problems.push(`the checkpoint has no ${field}`);
        else if (typeof value !== 'string' || !valid(value))
            problems.push(`the checkpoint's ${field} is not ${what}`);
    };
    if (c.format !== exports.CHECKPOINT_FORMAT)
        problems.push(`the checkpoint's format is not ${exports.CHECKPOINT_FORMAT}`);
    if (c.version !== 1)
        problems.push('the checkpoint\'s version is not 1');
    expectString('stateCode', (v) => v.length > 0, 'a State code');
    expectString('seq', (v) => /^[1-9][0-9]*$/.test(v), 'a positive whole number');
    expectString('hash', (v) => /^[0-9a-f]{64}$/.test(v), 'a SHA-256 hash in lower-case hex');
    expectString('signedAt', (v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v, 'an ISO 8601 date-time');
    expectString('publicKey', (v) => isBase64(v, 32), 'a base64 Ed25519 public key');
    expectString('signature', (v) => isBase64(v, 64), 'a base64 Ed25519 signature');
    if (problems.length > 0)
        return problems;
    const signed = c;
    let trusted;
    try {
        trusted = rawPublicKeyBase64(trustedPublicKey.type === 'private' ? (0, node_crypto_1.createPublicKey)(trustedPublicKey) : trustedPublicKey);
    }
    catch {
        return ['the trusted key is not an Ed25519 key'];
    }
    if (signed.publicKey !== trusted)
        problems.push(`the checkpoint names signing key ${signed.publicKey}, not the trusted key ${trusted}`);
    const { signature, ...unsigned } = signed;
    let valid;
    try {
        valid = (0, node_crypto_1.verify)(null, signedBytes(unsigned), trustedPublicKey, Buffer.from(signature, 'base64'));
    }
    catch {
        valid = false;
    }
    if (!valid)
        problems.push('the signature does not match the checkpoint under the trusted key: it was altered or signed by another key');
    return problems;
}
/**
 * AUDIT_SIGNING_KEY (PKCS#8 PEM text) if given; otherwise DATA_DIR/audit-signing-key.pem, generated
 * (mode 0600) with a warning when absent, so a development install signs with a stable key.
 */
function loadAuditSigningKey(settings, warn) {
    let pem = settings.AUDIT_SIGNING_KEY?.trim();
    // Environment variables often carry PEM newlines as literal "\n".
    if (pem)
        pem = pem.replace(/\\n/g, '\n');
    else {
        const file = (0, node_path_1.join)(settings.DATA_DIR, 'audit-signing-key.pem');
        if ((0, node_fs_1.existsSync)(file))
            pem = (0, node_fs_1.readFileSync)(file, 'utf8');
        else {
            (0, node_fs_1.mkdirSync)(settings.DATA_DIR, { recursive: true, mode: 0o700 });
            pem = (0, node_crypto_1.generateKeyPairSync)('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
            try {
                (0, node_fs_1.writeFileSync)(file, pem, { mode: 0o600, flag: 'wx' });
            }
            catch (error) {
                // Another process started at the same moment and wrote its key first: use that one.
                if (error.code !== 'EEXIST')
                    throw error;
                return loadAuditSigningKey(settings, warn);
            }
            warn(`AUDIT_SIGNING_KEY is not set: generated an Ed25519 audit signing key in ${file}. Set AUDIT_SIGNING_KEY in production and give auditors its public key.`);
        }
    }
    let privateKey;
    try {
        privateKey = (0, node_crypto_1.createPrivateKey)(pem);
    }
    catch (error) {
        throw new Error(`The audit signing key is not a PKCS#8 PEM private key: ${error.message}`, { cause: error });
    }
    if (privateKey.asymmetricKeyType !== 'ed25519')
        throw new Error(`The audit signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
    const publicKey = (0, node_crypto_1.createPublicKey)(privateKey);
    return { privateKey, publicKey, publicKeyBase64: rawPublicKeyBase64(publicKey) };
}
/** An Ed25519 public key from its raw 32-byte base64 form (as in a checkpoint's publicKey). */
function publicKeyFromBase64(raw) {
    const bytes = Buffer.from(raw.trim(), 'base64');
    if (!isBase64(raw.trim(), 32))
        throw new Error('An Ed25519 public key is 32 bytes in base64');
    return (0, node_crypto_1.createPublicKey)({ key: Buffer.concat([ED25519_SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}
function publicKeyPem(key) {
    return key.publicKey.export({ type: 'spki', format: 'pem' });
}
function rawPublicKeyBase64(publicKey) {
    if (publicKey.asymmetricKeyType !== 'ed25519')
        throw new TypeError('not an Ed25519 key');
    return publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');
}
function signedBytes(c) {
    // Only the named fields are signed, whatever else the file carries.
    const json = (0, canonicalize_1.default)({ format: c.format, version: c.version, stateCode: c.stateCode, seq: c.seq, hash: c.hash, signedAt: c.signedAt, publicKey: c.publicKey });
    return Buffer.from(json, 'utf8');
}
function isBase64(value, bytes) {
    return /^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length % 4 === 0 && Buffer.from(value, 'base64').length === bytes;
}
//# sourceMappingURL=audit-chain.js.map