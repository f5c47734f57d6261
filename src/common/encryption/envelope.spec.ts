import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecryptionError, Envelope, SealScope, WrappedKey } from './envelope';
import { createKeyringFile, KeyFileProvider, rotateKeyringFile, StaticKeyProvider } from './key-provider';

const scope: SealScope = { stateCode: 'FRA', table: 'cases', rowId: '6f1c2b1e-0000-4000-8000-000000000001' };
const COLUMN = 'description';

function staticProvider(...ids: string[]): StaticKeyProvider {
  return new StaticKeyProvider({ active: ids[0], keys: Object.fromEntries(ids.map((id) => [id, randomBytes(32).toString('base64')])) });
}

function expectDecryptionError(work: () => unknown, reason?: DecryptionError['reason']): void {
  let thrown: unknown;
  try {
    work();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DecryptionError);
  expect((thrown as DecryptionError).message).toBe('A confidential field could not be decrypted');
  if (reason) expect((thrown as DecryptionError).reason).toBe(reason);
}

function flipByte(buffer: Buffer, index: number): Buffer {
  const copy = Buffer.from(buffer);
  copy[index] ^= 0x01;
  return copy;
}

describe('Envelope', () => {
  const envelope = new Envelope(staticProvider('kek-a'));
  const { key } = envelope.newDataKey(scope);

  it('round-trips text, including Unicode and the empty string', () => {
    for (const text of ["Côte d'Ivoire", 'Иванов', '北京 🔫', '']) {
      expect(envelope.open(key, scope, COLUMN, envelope.seal(key, scope, COLUMN, text))).toBe(text);
    }
  });

  it('round-trips JSON', () => {
    const value = { country: "Côte d'Ivoire", officer: 'Иванов', serials: ['AK-47 123', null], count: 3, nested: { ok: true } };
    expect(envelope.openJson(key, scope, COLUMN, envelope.sealJson(key, scope, COLUMN, value))).toEqual(value);
  });

  it('writes version 1 | 12-byte IV | 16-byte tag | ciphertext, and never the plaintext', () => {
    const plaintext = 'serial number AB-1234567 of Иванов';
    const sealed = envelope.seal(key, scope, COLUMN, plaintext);
    expect(sealed[0]).toBe(0x01);
    expect(sealed.length).toBe(1 + 12 + 16 + Buffer.byteLength(plaintext));
    expect(sealed.includes(Buffer.from(plaintext, 'utf8'))).toBe(false);
    expect(sealed.includes(Buffer.from('AB-1234567'))).toBe(false);
    expect(sealed.toString('latin1')).not.toContain('AB-1234567');
  });

  it('gives different ciphertexts for the same plaintext (random IV)', () => {
    const a = envelope.seal(key, scope, COLUMN, 'same');
    const b = envelope.seal(key, scope, COLUMN, 'same');
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
  });

  describe('refuses a ciphertext moved elsewhere', () => {
    const sealed = envelope.seal(key, scope, COLUMN, 'confidential');

    it.each<[string, SealScope, string]>([
      ['another row', { ...scope, rowId: '6f1c2b1e-0000-4000-8000-000000000002' }, COLUMN],
      ['another column', scope, 'notes'],
      ['another table', { ...scope, table: 'traces' }, COLUMN],
      ['another State', { ...scope, stateCode: 'BRA' }, COLUMN],
    ])('to %s', (_, otherScope, otherColumn) => {
      expect(envelope.open(key, scope, COLUMN, sealed)).toBe('confidential');
      expectDecryptionError(() => envelope.open(key, otherScope, otherColumn, sealed), 'authentication');
    });

    it('under another data key', () => {
      expectDecryptionError(() => envelope.open(envelope.newDataKey(scope).key, scope, COLUMN, sealed), 'authentication');
    });
  });

  describe('refuses a damaged ciphertext', () => {
    const sealed = envelope.seal(key, scope, COLUMN, 'confidential field value');

    it.each<[string, Buffer, DecryptionError['reason']]>([
      ['empty', Buffer.alloc(0), 'format'],
      ['only the version', sealed.subarray(0, 1), 'format'],
      ['a cut tag', sealed.subarray(0, 1 + 12 + 8), 'format'],
      ['only the header', sealed.subarray(0, 1 + 12 + 16), 'authentication'],
      ['a cut body', sealed.subarray(0, sealed.length - 1), 'authentication'],
      ['a byte appended', Buffer.concat([sealed, Buffer.of(0)]), 'authentication'],
      ['a tampered IV byte', flipByte(sealed, 5), 'authentication'],
      ['a tampered tag byte', flipByte(sealed, 1 + 12 + 3), 'authentication'],
      ['a tampered body byte', flipByte(sealed, sealed.length - 2), 'authentication'],
      ['version 2', Buffer.concat([Buffer.of(0x02), sealed.subarray(1)]), 'format'],
      ['version 0 (plaintext) in enabled mode', Buffer.concat([Buffer.of(0x00), Buffer.from('slipped in')]), 'format'],
    ])('%s', (_, damaged, reason) => {
      expectDecryptionError(() => envelope.open(key, scope, COLUMN, damaged), reason);
    });

    it('JSON that does not parse, without quoting it in the error', () => {
      const notJson = envelope.seal(key, scope, COLUMN, 'secret-not-json');
      let thrown: unknown;
      try {
        envelope.openJson(key, scope, COLUMN, notJson);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DecryptionError);
      expect(String((thrown as Error).message)).not.toContain('secret');
    });
  });

  describe('data keys', () => {
    it('wraps a fresh 32-byte key into 60 bytes under the active KEK and unwraps it', () => {
      const first = envelope.newDataKey(scope);
      const second = envelope.newDataKey(scope);
      expect(first.key.length).toBe(32);
      expect(first.key.equals(second.key)).toBe(false);
      expect(first.wrapped.kekId).toBe('kek-a');
      expect(first.wrapped.wrapped.length).toBe(60);
      expect(first.wrapped.wrapped.includes(first.key)).toBe(false);
      expect(envelope.unwrap(scope, first.wrapped).equals(first.key)).toBe(true);
    });

    it.each<[string, SealScope]>([
      ['another row', { ...scope, rowId: 'other' }],
      ['another table', { ...scope, table: 'traces' }],
      ['another State', { ...scope, stateCode: 'KEN' }],
    ])('refuses a data key moved to %s', (_, otherScope) => {
      const { wrapped } = envelope.newDataKey(scope);
      expectDecryptionError(() => envelope.unwrap(otherScope, wrapped), 'authentication');
    });

    it('refuses a truncated, extended or tampered wrapped key', () => {
      const { wrapped } = envelope.newDataKey(scope);
      expectDecryptionError(() => envelope.unwrap(scope, { ...wrapped, wrapped: wrapped.wrapped.subarray(0, 59) }), 'format');
      expectDecryptionError(() => envelope.unwrap(scope, { ...wrapped, wrapped: wrapped.wrapped.subarray(0, 28) }), 'format');
      expectDecryptionError(() => envelope.unwrap(scope, { ...wrapped, wrapped: Buffer.concat([wrapped.wrapped, Buffer.of(0)]) }), 'format');
      for (const index of [0, 12, 40, 59]) {
        expectDecryptionError(() => envelope.unwrap(scope, { ...wrapped, wrapped: flipByte(wrapped.wrapped, index) }), 'authentication');
      }
    });

    it('refuses an unknown KEK, and a wrapped key relabelled with another KEK id', () => {
      const two = new Envelope(staticProvider('kek-a', 'kek-b'));
      const { wrapped } = two.newDataKey(scope);
      expectDecryptionError(() => two.unwrap(scope, { ...wrapped, kekId: 'kek-unknown' }), 'unknown_key');
      expectDecryptionError(() => two.unwrap(scope, { ...wrapped, kekId: 'kek-b' }), 'authentication');
    });

    it("refuses kekId 'none' when enabled", () => {
      expectDecryptionError(() => envelope.unwrap(scope, { kekId: 'none', wrapped: Buffer.alloc(0) }), 'format');
    });
  });

  describe('rotation', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'iti-envelope-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps old data keys readable and rewraps them under the new KEK without touching ciphertexts', () => {
      const file = join(dir, 'keyring.json');
      createKeyringFile(file);
      // The service's provider, created before the CLI rotates the file.
      const service = new Envelope(new KeyFileProvider(file));
      const oldKekId = service.activeKekId();
      const { key, wrapped } = service.newDataKey(scope);
      const sealed = service.seal(key, scope, COLUMN, 'Иванов');

      const newKekId = rotateKeyringFile(file);
      expect(newKekId).not.toBe(oldKekId);

      // The CLI's envelope reads the rotated file and rewraps.
      const cli = new Envelope(new KeyFileProvider(file));
      expect(cli.activeKekId()).toBe(newKekId);
      const rewrapped: WrappedKey = cli.rewrap(scope, wrapped);
      expect(rewrapped.kekId).toBe(newKekId);
      expect(rewrapped.wrapped.equals(wrapped.wrapped)).toBe(false);
      expect(cli.unwrap(scope, rewrapped).equals(key)).toBe(true);

      // The running service still unwraps the old form, and the new one after re-reading the file.
      expect(service.unwrap(scope, wrapped).equals(key)).toBe(true);
      const unwrapped = service.unwrap(scope, rewrapped);
      expect(unwrapped.equals(key)).toBe(true);
      expect(service.open(unwrapped, scope, COLUMN, sealed)).toBe('Иванов');
      // Having re-read the file, it wraps new data keys under the new KEK.
      expect(service.newDataKey(scope).wrapped.kekId).toBe(newKekId);
    });

    it('refuses to rewrap a data key moved to another record', () => {
      const envelopeA = new Envelope(staticProvider('kek-a'));
      const { wrapped } = envelopeA.newDataKey(scope);
      expectDecryptionError(() => envelopeA.rewrap({ ...scope, rowId: 'other' }, wrapped), 'authentication');
    });
  });

  describe('disabled (benchmark only)', () => {
    const disabled = new Envelope(staticProvider('kek-a'), false);

    it('stores version 0 and the plaintext, with an empty data key', () => {
      const { key: empty, wrapped } = disabled.newDataKey(scope);
      expect(disabled.enabled).toBe(false);
      expect(empty.length).toBe(0);
      expect(wrapped).toEqual({ kekId: 'none', wrapped: Buffer.alloc(0) });
      expect(disabled.unwrap(scope, wrapped).length).toBe(0);
      const sealed = disabled.seal(empty, scope, COLUMN, "Côte d'Ivoire");
      expect(sealed.equals(Buffer.concat([Buffer.of(0), Buffer.from("Côte d'Ivoire")]))).toBe(true);
      expect(disabled.open(empty, scope, COLUMN, sealed)).toBe("Côte d'Ivoire");
      expect(disabled.openJson(empty, scope, COLUMN, disabled.sealJson(empty, scope, COLUMN, { a: 'Иванов' }))).toEqual({ a: 'Иванов' });
    });

    it('accepts only version 0, and an enabled Envelope refuses it', () => {
      const plain = disabled.seal(Buffer.alloc(0), scope, COLUMN, 'x');
      expectDecryptionError(() => envelope.open(key, scope, COLUMN, plain), 'format');
      expectDecryptionError(() => disabled.open(Buffer.alloc(0), scope, COLUMN, envelope.seal(key, scope, COLUMN, 'x')), 'format');
    });
  });
});
