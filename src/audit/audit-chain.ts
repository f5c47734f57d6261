import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';

/**
 * The audit trail's tamper evidence, as pure functions. Each event's hash covers its content and the
 * hash of the event before it, so editing, deleting or reordering a stored row breaks the chain at that
 * row. There is one chain per State: a State's auditors can only read their own State's rows (so they
 * must be able to recompute their chain alone), and States' writes should not serialise on one lock.
 * A chain recomputed from scratch only proves internal consistency: someone who can write the table can
 * rewrite every hash after an edit. Ed25519-signed checkpoints of the head, kept outside the database,
 * catch that: the rewritten chain no longer has the signed hash at the signed seq.
 */

/**
 * An audit event as stored (table audit_events), each field in the text form that is hashed. PostgreSQL
 * computes the hash when it appends the event (audit_append() in the migration ConfidentialSecurity); this
 * module recomputes it from the stored columns, independently of any function in the database.
 */
export interface AuditEventContent {
  /** bigint as decimal text: 1, 2, 3... per State chain. */
  seq: string;
  stateCode: string;
  /** UTC, microseconds: to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'). */
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  requestId: string | null;
  sourceIp: string | null;
  /** The jsonb column as PostgreSQL renders it (details::text). */
  details: string;
}

export interface ChainedAuditEvent extends AuditEventContent {
  prevHash: Buffer;
  hash: Buffer;
}

/** The prevHash of seq 1 (also the hash of an empty chain's head). */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** The fields in the order they are hashed: the SQL function audit_event_line() writes the same line. */
const HASHED_FIELDS = ['seq', 'stateCode', 'at', 'actorId', 'action', 'targetType', 'targetId', 'outcome', 'requestId', 'sourceIp', 'details'] as const;

/**
 * The line an event's hash covers: each field as the hex of its UTF-8 bytes ('-' for null), joined by
 * dots. Trivial to write identically in SQL and here, and unambiguous (hex never holds '.' or '-').
 */
export function auditEventLine(content: AuditEventContent): string {
  return HASHED_FIELDS.map((field) => {
    const value = content[field] ?? null;
    return value === null ? '-' : Buffer.from(String(value), 'utf8').toString('hex');
  }).join('.');
}

/** sha256(prevHash || auditEventLine(content)). */
export function auditEventHash(prevHash: Buffer, content: AuditEventContent): Buffer {
  return createHash('sha256').update(prevHash).update(auditEventLine(content), 'utf8').digest();
}

/** Chains events (in order) after a head: assigns seq = head.seq+1, +2... and links each to the one before. */
export function chainAfter(head: { seq: string; hash: Buffer }, events: Omit<AuditEventContent, 'seq'>[]): ChainedAuditEvent[] {
  if (new Set(events.map((e) => e.stateCode)).size > 1) throw new Error('chainAfter: events of several States cannot share one chain');
  let seq = BigInt(head.seq);
  let prevHash = head.hash;
  return events.map((event) => {
    seq += 1n;
    const content: AuditEventContent = { ...event, seq: seq.toString() };
    const hash = auditEventHash(prevHash, content);
    const chained: ChainedAuditEvent = { ...content, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

export type ChainBreak = 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'wrong_chain';

export interface ChainVerification {
  stateCode: string;
  ok: boolean;
  /** Events examined (the broken one included; none after it). */
  checked: number;
  /** The last event checked that was intact. */
  head: { seq: string; hash: string } | null;
  firstBroken: { seq: string; reason: ChainBreak; message: string } | null;
}

/**
 * Recomputes a chain read in seq order, fed in batches, and names the first broken link (checking
 * stops there: everything after a break is unverifiable). Keeps the recomputed hash of one event, the
 * one named `keep` (a checkpoint's), so that keptHash() can compare it with the checkpoint: memory
 * stays the same whatever the chain's length.
 */
export class ChainVerifier {
  private checked = 0;
  private intact = 0n;
  private prevHash: Buffer = GENESIS_HASH;
  private readonly keep: bigint | null;
  private kept: string | null = null;
  private broken: ChainVerification['firstBroken'] = null;

  constructor(private readonly stateCode: string, keep: string | null = null) {
    this.keep = keep !== null && /^[0-9]{1,19}$/.test(keep) ? BigInt(keep) : null;
  }

  feed(events: ChainedAuditEvent[]): void {
    for (const event of events) {
      if (this.broken) return;
      this.checked += 1;
      const problem = this.check(event);
      if (problem) {
        this.broken = { seq: String(event.seq), ...problem };
        return;
      }
      this.remember(event.hash);
    }
  }

  /** Whether a break was found: events fed after it are not checked. */
  isBroken(): boolean {
    return this.broken !== null;
  }

  /** The recomputed hash (hex) of the event named `keep` if verification reached it intact, else null. */
  keptHash(): string | null {
    return this.kept;
  }

  result(): ChainVerification {
    return {
      stateCode: this.stateCode,
      ok: this.broken === null,
      checked: this.checked,
      head: this.intact === 0n ? null : { seq: this.intact.toString(), hash: this.prevHash.toString('hex') },
      firstBroken: this.broken,
    };
  }

  private check(event: ChainedAuditEvent): { reason: ChainBreak; message: string } | null {
    const expected = this.intact + 1n;
    if (event.stateCode !== this.stateCode) {
      return { reason: 'wrong_chain', message: `event ${event.seq} belongs to the chain of ${event.stateCode}, not of ${this.stateCode}` };
    }
    let seq: bigint | null;
    try {
      seq = BigInt(event.seq);
    } catch {
      seq = null;
    }
    if (seq === null) return { reason: 'sequence_gap', message: `event "${event.seq}" has no valid sequence number` };
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
    let recomputed: Buffer;
    try {
      recomputed = auditEventHash(event.prevHash, event);
    } catch (error) {
      return { reason: 'hash_mismatch', message: `event ${seq} cannot be hashed (${(error as Error).message}): its content was changed after it was written` };
    }
    if (!Buffer.isBuffer(event.hash) || !event.hash.equals(recomputed)) {
      return { reason: 'hash_mismatch', message: `event ${seq} was changed after it was written (its hash does not match its content)` };
    }
    return null;
  }

  private remember(hash: Buffer): void {
    this.intact += 1n;
    this.prevHash = Buffer.from(hash);
    if (this.intact === this.keep) this.kept = this.prevHash.toString('hex');
  }
}

export const CHECKPOINT_FORMAT = 'iti-trace/audit-checkpoint';

/** A signed statement of a chain's head, to keep outside the database and check later. */
export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  version: 1;
  stateCode: string;
  seq: string;
  /** hex */
  hash: string;
  /** ISO */
  signedAt: string;
  /** base64 of the raw 32-byte Ed25519 public key: identifies the signer, is never trusted by itself. */
  publicKey: string;
  /** base64 Ed25519 signature over UTF-8 canonicalize({format, version, stateCode, seq, hash, signedAt, publicKey}). */
  signature: string;
}

export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyBase64: string;
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function signCheckpoint(head: { stateCode: string; seq: string; hash: string }, privateKey: KeyObject, signedAt: Date): AuditCheckpoint {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('signCheckpoint needs an Ed25519 private key');
  const unsigned: Omit<AuditCheckpoint, 'signature'> = {
    format: CHECKPOINT_FORMAT,
    version: 1,
    stateCode: head.stateCode,
    seq: head.seq,
    hash: head.hash,
    signedAt: signedAt.toISOString(),
    publicKey: rawPublicKeyBase64(createPublicKey(privateKey)),
  };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), privateKey).toString('base64') };
}

/**
 * Checks a checkpoint's form and signature against a trusted public key, never the one inside the file
 * (a forger would put their own there). Returns the problems found, empty when valid; never throws on input.
 */
export function checkCheckpointSignature(checkpoint: unknown, trustedPublicKey: KeyObject): string[] {
  if (typeof checkpoint !== 'object' || checkpoint === null || Array.isArray(checkpoint)) return ['the checkpoint is not a JSON object'];
  const c = checkpoint as Record<string, unknown>;
  const problems: string[] = [];
  const expectString = (field: string, valid: (v: string) => boolean, what: string) => {
    const value = c[field];
    if (value === undefined) problems.push(`the checkpoint has no ${field}`);
    else if (typeof value !== 'string' || !valid(value)) problems.push(`the checkpoint's ${field} is not ${what}`);
  };
  if (c.format !== CHECKPOINT_FORMAT) problems.push(`the checkpoint's format is not ${CHECKPOINT_FORMAT}`);
  if (c.version !== 1) problems.push('the checkpoint\'s version is not 1');
  expectString('stateCode', (v) => v.length > 0, 'a State code');
  expectString('seq', (v) => /^[1-9][0-9]*$/.test(v), 'a positive whole number');
  expectString('hash', (v) => /^[0-9a-f]{64}$/.test(v), 'a SHA-256 hash in lower-case hex');
  expectString('signedAt', (v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v, 'an ISO 8601 date-time');
  expectString('publicKey', (v) => isBase64(v, 32), 'a base64 Ed25519 public key');
  expectString('signature', (v) => isBase64(v, 64), 'a base64 Ed25519 signature');
  if (problems.length > 0) return problems;

  const signed = c as unknown as AuditCheckpoint;
  let trusted: string;
  try {
    trusted = rawPublicKeyBase64(trustedPublicKey.type === 'private' ? createPublicKey(trustedPublicKey) : trustedPublicKey);
  } catch {
    return ['the trusted key is not an Ed25519 key'];
  }
  if (signed.publicKey !== trusted) problems.push(`the checkpoint names signing key ${signed.publicKey}, not the trusted key ${trusted}`);
  const { signature, ...unsigned } = signed;
  let valid: boolean;
  try {
    valid = verify(null, signedBytes(unsigned), trustedPublicKey, Buffer.from(signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) problems.push('the signature does not match the checkpoint under the trusted key: it was altered or signed by another key');
  return problems;
}

/**
 * AUDIT_SIGNING_KEY (PKCS#8 PEM text) if given; otherwise DATA_DIR/audit-signing-key.pem, generated
 * (mode 0600) with a warning when absent, so a development install signs with a stable key.
 */
export function loadAuditSigningKey(settings: { AUDIT_SIGNING_KEY?: string; DATA_DIR: string }, warn: (m: string) => void): AuditSigningKey {
  let pem = settings.AUDIT_SIGNING_KEY?.trim();
  // Environment variables often carry PEM newlines as literal "\n".
  if (pem) pem = pem.replace(/\\n/g, '\n');
  else {
    const file = join(settings.DATA_DIR, 'audit-signing-key.pem');
    if (existsSync(file)) pem = readFileSync(file, 'utf8');
    else {
      mkdirSync(settings.DATA_DIR, { recursive: true, mode: 0o700 });
      pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
      try {
        writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        // Another process started at the same moment and wrote its key first: use that one.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        return loadAuditSigningKey(settings, warn);
      }
      warn(`AUDIT_SIGNING_KEY is not set: generated an Ed25519 audit signing key in ${file}. Set AUDIT_SIGNING_KEY in production and give auditors its public key.`);
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`The audit signing key is not a PKCS#8 PEM private key: ${(error as Error).message}`, { cause: error });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`The audit signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyBase64: rawPublicKeyBase64(publicKey) };
}

/** An Ed25519 public key from its raw 32-byte base64 form (as in a checkpoint's publicKey). */
export function publicKeyFromBase64(raw: string): KeyObject {
  const bytes = Buffer.from(raw.trim(), 'base64');
  if (!isBase64(raw.trim(), 32)) throw new Error('An Ed25519 public key is 32 bytes in base64');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}

export function publicKeyPem(key: AuditSigningKey): string {
  return key.publicKey.export({ type: 'spki', format: 'pem' }) as string;
}

function rawPublicKeyBase64(publicKey: KeyObject): string {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError('not an Ed25519 key');
  return (publicKey.export({ type: 'spki', format: 'der' }) as Buffer).subarray(-32).toString('base64');
}

function signedBytes(c: Omit<AuditCheckpoint, 'signature'>): Buffer {
  // Only the named fields are signed, whatever else the file carries.
  const json = canonicalize({ format: c.format, version: c.version, stateCode: c.stateCode, seq: c.seq, hash: c.hash, signedAt: c.signedAt, publicKey: c.publicKey });
  return Buffer.from(json as string, 'utf8');
}

function isBase64(value: string, bytes: number): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length % 4 === 0 && Buffer.from(value, 'base64').length === bytes;
}
