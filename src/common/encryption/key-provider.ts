import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../files/durable-file';

const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface KeyEncryptionKey {
  id: string;
  /** 32 bytes (AES-256). */
  key: Buffer;
}

/** Where key-encryption keys (KEKs) come from: a key file or an environment variable now, a KMS later. */
export interface KeyProvider {
  /** The KEK that wraps new data keys. */
  active(): KeyEncryptionKey;
  /** A KEK by id, retired ones included (they still unwrap old data keys). Throws UnknownKeyError. */
  byId(id: string): KeyEncryptionKey;
}

export class UnknownKeyError extends Error {
  constructor(id: string) {
    super(`Unknown key-encryption key ${id}`);
    this.name = 'UnknownKeyError';
  }
}

/** The keyring as stored: the active key's id and every key, base64 of 32 bytes. */
export interface Keyring {
  active: string;
  keys: Record<string, string>;
}

/** Validates a keyring. Errors name `source` and the problem, never key material (not even a JSON.parse message: V8 quotes the input). */
export function parseKeyring(text: string, source: string): Keyring {
  const fail = (problem: string) => new Error(`Keyring ${source}: ${problem}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fail('is not valid JSON');
  }
  if (!isRecord(parsed) || !isRecord(parsed.keys)) throw fail('must be an object { "active": "<id>", "keys": { "<id>": "<base64 of 32 bytes>" } }');
  const keys: Record<string, string> = {};
  for (const [id, value] of Object.entries(parsed.keys)) {
    if (!KEY_ID.test(id)) throw fail(`a key id does not match ${KEY_ID}`);
    // Canonical base64 only: Buffer.from(…, 'base64') silently skips invalid characters.
    if (typeof value !== 'string' || Buffer.from(value, 'base64').length !== KEY_BYTES || Buffer.from(value, 'base64').toString('base64') !== value) {
      throw fail(`key ${id} must be the base64 of exactly ${KEY_BYTES} bytes`);
    }
    keys[id] = value;
  }
  if (typeof parsed.active !== 'string' || parsed.active === '') throw fail('"active" is missing');
  if (!Object.hasOwn(keys, parsed.active)) throw fail(`the active key ${KEY_ID.test(parsed.active) ? parsed.active : '(invalid id)'} is not among the keys`);
  return { active: parsed.active, keys };
}

export class StaticKeyProvider implements KeyProvider {
  private readonly keys: Map<string, KeyEncryptionKey>;
  private readonly activeId: string;

  constructor(keyring: Keyring) {
    this.keys = new Map(Object.entries(keyring.keys).map(([id, base64]) => [id, { id, key: Buffer.from(base64, 'base64') }]));
    this.activeId = keyring.active;
    if (!this.keys.has(this.activeId)) throw new UnknownKeyError(this.activeId);
  }

  active(): KeyEncryptionKey {
    return this.byId(this.activeId);
  }

  byId(id: string): KeyEncryptionKey {
    const kek = this.keys.get(id);
    if (!kek) throw new UnknownKeyError(id);
    return kek;
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }
}

/** Reads a keyring file; on an unknown id it reads the file again once (a rotation by the CLI while the service runs adds keys). */
export class KeyFileProvider implements KeyProvider {
  private readonly logger = new Logger('Encryption');
  private keyring: StaticKeyProvider;
  private modified: number;
  private checkedAt = 0;
  /** When byId() last read the file for each unknown key id, whatever its modification time. */
  private readonly forcedAt = new Map<string, number>();

  constructor(private readonly path: string) {
    this.modified = statSync(this.path).mtimeMs;
    this.keyring = this.read();
  }

  /**
   * The active key, as the file says now: a rotation while the service runs is picked up within a second.
   * A file that cannot be read whole (being rewritten in place, missing for a moment) leaves the keyring read
   * before it in use, and is read again at the next look.
   */
  active(): KeyEncryptionKey {
    const now = Date.now();
    if (now - this.checkedAt >= 1000) {
      this.checkedAt = now;
      this.reload();
    }
    return this.keyring.active();
  }

  /**
   * A key, read again from the file first if it is not known (a rotation by the CLI): whatever the file's
   * modification time says (a shared file system may report a stale one), at most once a second for each
   * unknown id, so that a key no longer in the keyring does not keep a new one from being read.
   */
  byId(id: string): KeyEncryptionKey {
    if (!this.keyring.has(id)) {
      const now = Date.now();
      const last = this.forcedAt.get(id) ?? 0;
      if (now - last >= 1000) {
        if (this.forcedAt.size >= 1000) this.forcedAt.clear();
        this.forcedAt.set(id, now);
        this.reload(true);
      } else {
        this.reload();
      }
    }
    return this.keyring.byId(id);
  }

  /** Reads the file again if it changed (or `always`), once it can be read whole; meanwhile the keys read before stay in use. */
  private reload(always = false): void {
    try {
      const modified = statSync(this.path).mtimeMs;
      if (modified === this.modified && !always) return;
      this.keyring = this.read();
      this.modified = modified;
    } catch (error) {
      this.logger.warn(`the keyring file ${this.path} could not be read again, the keys read before stay in use: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private read(): StaticKeyProvider {
    return new StaticKeyProvider(parseKeyring(readFileSync(this.path, 'utf8'), this.path));
  }
}

/** e.g. kek-20261123T134501Z-3fa2: sortable by creation, unique enough with the random suffix. */
export function newKeyId(now: Date): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  return `kek-${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Writes a new keyring file with one fresh key (mode 0600, directory created). Never overwrites an existing keyring. */
export function createKeyringFile(path: string, now = new Date()): void {
  const id = newKeyId(now);
  writeKeyring(path, { active: id, keys: { [id]: newKey() } }, false);
}

/** Adds a fresh key to the file and makes it active; old keys are kept. Writes atomically (temp file + rename, mode 0600). Returns the new id. */
export function rotateKeyringFile(path: string, now = new Date()): string {
  // A lock, because two concurrent rotations would each drop the other's new key, which may already wrap data keys.
  const lock = `${path}.lock`;
  try {
    closeSync(openSync(lock, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`Keyring ${path} is locked by another rotation (remove ${lock} if none is running)`, { cause: error });
    throw error;
  }
  try {
    const keyring = parseKeyring(readFileSync(path, 'utf8'), path);
    let id = newKeyId(now);
    while (Object.hasOwn(keyring.keys, id)) id = newKeyId(now);
    writeKeyring(path, { active: id, keys: { ...keyring.keys, [id]: newKey() } }, true);
    return id;
  } finally {
    unlinkSync(lock);
  }
}

export interface KeyProviderSettings {
  ENCRYPTION_KEYRING?: string;
  ENCRYPTION_KEYRING_FILE?: string;
  DATA_DIR: string;
}

/**
 * ENCRYPTION_KEYRING (the keyring JSON itself, for secrets managers) → StaticKeyProvider;
 * else ENCRYPTION_KEYRING_FILE → KeyFileProvider (the file must exist);
 * else DATA_DIR/keyring.json, created with a fresh key when absent (and `warn` says so).
 */
export function loadKeyProvider(settings: KeyProviderSettings, warn: (message: string) => void): { provider: KeyProvider; file: string | null } {
  if (settings.ENCRYPTION_KEYRING !== undefined) {
    return { provider: new StaticKeyProvider(parseKeyring(settings.ENCRYPTION_KEYRING, 'ENCRYPTION_KEYRING')), file: null };
  }
  if (settings.ENCRYPTION_KEYRING_FILE !== undefined) {
    const file = settings.ENCRYPTION_KEYRING_FILE;
    // Never create it here: a missing file in production means a wrong path or a lost key, not a first start.
    if (!existsSync(file)) throw new Error(`ENCRYPTION_KEYRING_FILE ${file} does not exist`);
    return { provider: new KeyFileProvider(file), file };
  }
  const file = join(settings.DATA_DIR, 'keyring.json');
  if (!existsSync(file)) {
    try {
      createKeyringFile(file);
      warn(
        `Generated a key-encryption key in ${file}, next to the data it protects. ` +
          'In production keep keys apart from the data: set ENCRYPTION_KEYRING_FILE (a file on another volume) or ENCRYPTION_KEYRING (from a secrets manager), and back the keyring up.',
      );
    } catch (error) {
      // Another process (a replica, the CLI) created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { provider: new KeyFileProvider(file), file };
}

function newKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** A keyring lost in a crash loses every record it wraps: written durably (writeFileDurably). */
function writeKeyring(path: string, keyring: Keyring, replace: boolean): void {
  writeFileDurably(path, `${JSON.stringify(keyring, null, 2)}\n`, replace);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
