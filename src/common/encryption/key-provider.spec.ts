import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createKeyringFile,
  KeyFileProvider,
  loadKeyProvider,
  newKeyId,
  parseKeyring,
  rotateKeyringFile,
  StaticKeyProvider,
  UnknownKeyError,
} from './key-provider';

const key64 = () => randomBytes(32).toString('base64');

function parseError(text: string): Error {
  try {
    parseKeyring(text, 'test-source');
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected parseKeyring to throw');
}

describe('parseKeyring', () => {
  it('accepts a valid keyring', () => {
    const keys = { 'kek-1': key64(), 'kek.2_B': key64() };
    expect(parseKeyring(JSON.stringify({ active: 'kek-1', keys }), 'x')).toEqual({ active: 'kek-1', keys });
  });

  it('names the source and the problem, never the key material', () => {
    const secret = key64();
    const cases: [string, RegExp][] = [
      [`{"active": "k", "keys": {"k": "${secret}"`, /not valid JSON/],
      [JSON.stringify({ keys: { k: secret } }), /"active" is missing/],
      [JSON.stringify({ active: 'other', keys: { k: secret } }), /active key other is not among the keys/],
      [JSON.stringify({ active: 'k', keys: { k: secret.slice(0, 20) } }), /key k must be the base64 of exactly 32 bytes/],
      [JSON.stringify({ active: 'k', keys: { k: randomBytes(16).toString('base64') } }), /exactly 32 bytes/],
      [JSON.stringify({ active: 'k', keys: { k: `${secret.slice(0, 40)}!!!!` } }), /exactly 32 bytes/],
      [JSON.stringify({ active: 'k', keys: { 'bad id': secret } }), /key id does not match/],
      [JSON.stringify({ active: 'k', keys: [secret] }), /must be an object/],
      [JSON.stringify([secret]), /must be an object/],
    ];
    for (const [text, problem] of cases) {
      const error = parseError(text);
      expect(error.message).toMatch(/^Keyring test-source: /);
      expect(error.message).toMatch(problem);
      expect(error.message).not.toContain(secret.slice(0, 12));
    }
  });
});

describe('StaticKeyProvider', () => {
  it('gives the active key and any key by id; UnknownKeyError otherwise', () => {
    const keys = { old: key64(), current: key64() };
    const provider = new StaticKeyProvider({ active: 'current', keys });
    expect(provider.active().id).toBe('current');
    expect(provider.active().key.equals(Buffer.from(keys.current, 'base64'))).toBe(true);
    expect(provider.byId('old').key.length).toBe(32);
    expect(() => provider.byId('missing')).toThrow(UnknownKeyError);
  });
});

describe('key files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'iti-keyring-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('newKeyId is timestamped and matches the id rule', () => {
    const id = newKeyId(new Date('2026-11-23T13:45:01.789Z'));
    expect(id).toMatch(/^kek-20261123T134501Z-[0-9a-f]{4}$/);
  });

  it('creates a keyring with one key, mode 0600, in a created directory, and never overwrites one', () => {
    const file = join(dir, 'nested', 'keyring.json');
    createKeyringFile(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const keyring = parseKeyring(readFileSync(file, 'utf8'), file);
    expect(Object.keys(keyring.keys)).toEqual([keyring.active]);
    expect(() => createKeyringFile(file)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(parseKeyring(readFileSync(file, 'utf8'), file)).toEqual(keyring);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['keyring.json']);
  });

  it('rotation adds an active key, keeps the old ones, writes 0600 and leaves no temporary or lock file', () => {
    const file = join(dir, 'keyring.json');
    createKeyringFile(file);
    const before = parseKeyring(readFileSync(file, 'utf8'), file);
    const id = rotateKeyringFile(file);
    const after = parseKeyring(readFileSync(file, 'utf8'), file);
    expect(after.active).toBe(id);
    expect(after.keys).toEqual({ ...before.keys, [id]: after.keys[id] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['keyring.json']);
  });

  it('rotation refuses to run while another holds the lock', () => {
    const file = join(dir, 'keyring.json');
    createKeyringFile(file);
    writeFileSync(`${file}.lock`, '');
    expect(() => rotateKeyringFile(file)).toThrow(/locked by another rotation/);
  });

  it('KeyFileProvider re-reads the file once for an unknown id', () => {
    const file = join(dir, 'keyring.json');
    createKeyringFile(file);
    const provider = new KeyFileProvider(file);
    const first = provider.active();
    const id = rotateKeyringFile(file);
    expect(provider.active().id).toBe(first.id);
    expect(provider.byId(id).id).toBe(id);
    expect(provider.active().id).toBe(id);
    expect(provider.byId(first.id).key.equals(first.key)).toBe(true);
    expect(() => provider.byId('never-there')).toThrow(UnknownKeyError);
  });

  it('KeyFileProvider reads the file for an unknown key id even when its modification time has not moved (a shared file system)', () => {
    const file = join(dir, 'keyring.json');
    createKeyringFile(file);
    // A time in whole seconds, which the file keeps exactly.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(file, mtime, mtime);
    const provider = new KeyFileProvider(file);
    const first = provider.active();
    writeFileSync(file, JSON.stringify({ active: 'kek-shared', keys: { [first.id]: first.key.toString('base64'), 'kek-shared': key64() } }));
    utimesSync(file, mtime, mtime);
    expect(statSync(file).mtime).toEqual(mtime);
    expect(provider.byId('kek-shared').id).toBe('kek-shared');
  });

  it('KeyFileProvider keeps the keys it read while the file cannot be read whole, and reads it at the next look', () => {
    const file = join(dir, 'keyring.json');
    createKeyringFile(file);
    let now = Date.parse('2026-11-23T09:00:00Z');
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const provider = new KeyFileProvider(file);
      const first = provider.active();
      // Caught half-written by an editor rewriting the file in place, a key in what was written so far.
      const next = { active: 'kek-next', keys: { [first.id]: first.key.toString('base64'), 'kek-next': key64() } };
      const whole = JSON.stringify(next);
      writeFileSync(file, whole.slice(0, whole.length - 3));
      const changedAt = new Date(now + 5000);
      utimesSync(file, changedAt, changedAt);
      now += 1500;
      expect(provider.active().id).toBe(first.id);
      // A key id not known yet is looked for in the file, which still cannot be read: unknown, not a failure of the service.
      expect(() => provider.byId('kek-next')).toThrow(UnknownKeyError);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read again, the keys read before stay in use'));
      expect(JSON.stringify(warn.mock.calls)).not.toContain(first.key.toString('base64'));
      expect(JSON.stringify(warn.mock.calls)).not.toContain(next.keys['kek-next']);
      // Written whole, with the same modification time (within its resolution): read at the next look, a second on.
      writeFileSync(file, whole);
      utimesSync(file, changedAt, changedAt);
      now += 1500;
      expect(provider.active().id).toBe('kek-next');
    } finally {
      clock.mockRestore();
      warn.mockRestore();
    }
  });
});

describe('loadKeyProvider', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'iti-keyring-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without settings creates DATA_DIR/keyring.json (0600) once, warns, and reuses the same key afterwards', () => {
    const dataDir = join(dir, 'data');
    const warn = jest.fn();
    const first = loadKeyProvider({ DATA_DIR: dataDir }, warn);
    const file = join(dataDir, 'keyring.json');
    expect(first.file).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/ENCRYPTION_KEYRING_FILE/);
    expect(warn.mock.calls[0][0]).toMatch(/ENCRYPTION_KEYRING\b/);

    const second = loadKeyProvider({ DATA_DIR: dataDir }, warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(second.provider.active().id).toBe(first.provider.active().id);
    expect(second.provider.active().key.equals(first.provider.active().key)).toBe(true);
  });

  it('ENCRYPTION_KEYRING wins, parsed from the variable itself', () => {
    const keys = { env: key64() };
    const warn = jest.fn();
    const loaded = loadKeyProvider({ ENCRYPTION_KEYRING: JSON.stringify({ active: 'env', keys }), ENCRYPTION_KEYRING_FILE: join(dir, 'nope'), DATA_DIR: dir }, warn);
    expect(loaded.file).toBeNull();
    expect(loaded.provider.active().id).toBe('env');
    expect(warn).not.toHaveBeenCalled();
    expect(existsSync(join(dir, 'keyring.json'))).toBe(false);
    expect(() => loadKeyProvider({ ENCRYPTION_KEYRING: '{', DATA_DIR: dir }, warn)).toThrow(/Keyring ENCRYPTION_KEYRING: is not valid JSON/);
  });

  it('ENCRYPTION_KEYRING_FILE must exist, and is used as is', () => {
    const file = join(dir, 'elsewhere.json');
    const warn = jest.fn();
    expect(() => loadKeyProvider({ ENCRYPTION_KEYRING_FILE: file, DATA_DIR: dir }, warn)).toThrow(/does not exist/);
    expect(existsSync(file)).toBe(false);
    createKeyringFile(file);
    const loaded = loadKeyProvider({ ENCRYPTION_KEYRING_FILE: file, DATA_DIR: dir }, warn);
    expect(loaded.file).toBe(file);
    expect(loaded.provider.active().id).toBe(parseKeyring(readFileSync(file, 'utf8'), file).active);
    expect(warn).not.toHaveBeenCalled();
    expect(existsSync(join(dir, 'keyring.json'))).toBe(false);
  });
});
