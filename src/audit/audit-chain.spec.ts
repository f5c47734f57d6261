import fc from 'fast-check';
import { createHash, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import {
  AuditCheckpoint,
  AuditEventContent,
  auditEventHash,
  ChainedAuditEvent,
  chainAfter,
  ChainVerifier,
  checkCheckpointSignature,
  GENESIS_HASH,
  loadAuditSigningKey,
  publicKeyFromBase64,
  publicKeyPem,
  signCheckpoint,
} from './audit-chain';

type Draft = Omit<AuditEventContent, 'seq'>;

function draft(i: number, stateCode = 'FRA'): Draft {
  return {
    stateCode,
    at: new Date(Date.UTC(2030, 0, 1, 12, 0, 0, i)),
    actorId: `00000000-0000-4000-8000-00000000000${i % 10}`,
    action: i % 2 ? 'case.read' : 'POST /traces/:id/send',
    targetType: 'traces',
    targetId: `trace-${i}`,
    outcome: 'success',
    requestId: `req-${i}`,
    sourceIp: '192.0.2.1',
    details: { n: i, tags: ['a', 'b'] },
  };
}

function chain(n: number, stateCode = 'FRA'): ChainedAuditEvent[] {
  return chainAfter({ seq: '0', hash: GENESIS_HASH }, Array.from({ length: n }, (_, i) => draft(i + 1, stateCode)));
}

function verify(events: ChainedAuditEvent[], stateCode = 'FRA'): ChainVerifier {
  const verifier = new ChainVerifier(stateCode);
  verifier.feed(events);
  return verifier;
}

const keyPair = () => generateKeyPairSync('ed25519');

describe('audit chain', () => {
  it('chains events after a head and verifies them, with the right head', () => {
    const first = chain(3);
    const more = chainAfter({ seq: '3', hash: first[2].hash }, [draft(4), draft(5)]);
    expect(more.map((e) => e.seq)).toEqual(['4', '5']);
    expect(more[0].prevHash.equals(first[2].hash)).toBe(true);
    expect(first[0].prevHash.equals(GENESIS_HASH)).toBe(true);

    const result = verify([...first, ...more]).result();
    expect(result).toEqual({ stateCode: 'FRA', ok: true, checked: 5, head: { seq: '5', hash: more[1].hash.toString('hex') }, firstBroken: null });
  });

  it('hashes sha256(prevHash || canonical JSON of the content with at as ISO)', () => {
    const [event] = chain(1);
    const { prevHash, hash, ...content } = event;
    const json = canonicalize({ ...content, at: content.at.toISOString() }) as string;
    expect(hash.toString('hex')).toBe(createHash('sha256').update(prevHash).update(json, 'utf8').digest('hex'));
  });

  it('reports an empty chain as intact with no head', () => {
    expect(verify([]).result()).toEqual({ stateCode: 'FRA', ok: true, checked: 0, head: null, firstBroken: null });
  });

  it.each([
    ['details', { details: { n: 3, tags: ['a', 'b'], extra: true } }],
    ['actorId', { actorId: null }],
    ['at', { at: new Date(Date.UTC(2030, 0, 1, 12, 0, 0, 4)) }],
  ])('finds an edited %s as hash_mismatch at that event', (_field, change) => {
    const events = chain(5);
    events[2] = { ...events[2], ...change };
    const result = verify(events).result();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ seq: '3', reason: 'hash_mismatch', message: 'event 3 was changed after it was written (its hash does not match its content)' });
    expect(result.head).toEqual({ seq: '2', hash: events[1].hash.toString('hex') });
    expect(result.checked).toBe(3);
  });

  it('finds a deleted event as a sequence_gap at the next one', () => {
    const events = chain(5);
    events.splice(2, 1);
    const result = verify(events).result();
    expect(result.firstBroken?.seq).toBe('4');
    expect(result.firstBroken?.reason).toBe('sequence_gap');
    expect(result.firstBroken?.message).toMatch(/event 3 is missing/);
    expect(result.head?.seq).toBe('2');
  });

  it('finds swapped events (contents swapped, seqs kept increasing) at the first swapped one', () => {
    const events = chain(5);
    const [a, b] = [events[2], events[3]];
    events[2] = { ...b, seq: '3' };
    events[3] = { ...a, seq: '4' };
    const result = verify(events).result();
    expect(result.firstBroken?.seq).toBe('3');
    expect(result.firstBroken?.reason).toBe('prev_hash_mismatch');
    expect(result.head?.seq).toBe('2');
  });

  it('requires the chain to start at seq 1 from the genesis hash, and to be the verifier\'s State', () => {
    expect(verify(chain(3).slice(1)).result().firstBroken).toMatchObject({ seq: '2', reason: 'sequence_gap' });
    const moved = chainAfter({ seq: '0', hash: Buffer.alloc(32, 1) }, [draft(1)]);
    expect(verify(moved).result().firstBroken).toMatchObject({ seq: '1', reason: 'prev_hash_mismatch' });
    const foreign = chain(2, 'KEN');
    const result = verify([...chain(1), { ...foreign[1] }]).result();
    expect(result.firstBroken).toMatchObject({ seq: '2', reason: 'wrong_chain' });
    expect(verify(chain(1, 'KEN')).result().firstBroken?.reason).toBe('wrong_chain');
  });

  it('stops checking after the first break', () => {
    const events = chain(6);
    events[1] = { ...events[1], action: 'edited' };
    events.splice(4, 1);
    const verifier = verify(events);
    expect(verifier.result()).toMatchObject({ checked: 2, firstBroken: { seq: '2', reason: 'hash_mismatch' } });
    expect(verifier.hashAt('1')).toBe(events[0].hash.toString('hex'));
    expect(verifier.hashAt('2')).toBeNull();
  });

  it('gives the same result fed in batches as all at once', () => {
    const intact = chain(11);
    const broken = chain(11);
    broken[7] = { ...broken[7], targetId: 'other' };
    for (const events of [intact, broken]) {
      const whole = verify(events);
      const batched = new ChainVerifier('FRA');
      for (let i = 0; i < events.length; i += 3) batched.feed(events.slice(i, i + 3));
      expect(batched.result()).toEqual(whole.result());
      for (const seq of ['1', '4', '7', '8', '11', '12']) expect(batched.hashAt(seq)).toBe(whole.hashAt(seq));
    }
  });

  it('keeps hashes for hashAt beyond its initial buffer', () => {
    const events = chain(1100);
    const verifier = verify(events);
    expect(verifier.result().ok).toBe(true);
    expect(verifier.hashAt('1')).toBe(events[0].hash.toString('hex'));
    expect(verifier.hashAt('1025')).toBe(events[1024].hash.toString('hex'));
    expect(verifier.hashAt('1100')).toBe(events[1099].hash.toString('hex'));
    expect(verifier.hashAt('1101')).toBeNull();
    expect(verifier.hashAt('0')).toBeNull();
    expect(verifier.hashAt('x')).toBeNull();
  });

  it('hashes Unicode details as UTF-8 and survives a JSON (jsonb) round trip', () => {
    const details = { name: 'Žarko Đorđević', city: '北京', mark: '🔫 №7', 'clé': 'é' };
    const events = chainAfter({ seq: '0', hash: GENESIS_HASH }, [{ ...draft(1), details }, draft(2)]);
    const reread = events.map((e) => ({ ...e, details: JSON.parse(JSON.stringify(e.details)) as Record<string, unknown> }));
    expect(verify(reread).result().ok).toBe(true);
    // é composed (U+00E9) and decomposed (e + U+0301) look alike but are different content.
    const decomposed = { ...events[0], details: { ...details, 'clé': 'e\u0301' } };
    expect(auditEventHash(GENESIS_HASH, decomposed).equals(events[0].hash)).toBe(false);
  });

  describe('fast-check', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const nullable = fc.option(text, { nil: null });
    const content: fc.Arbitrary<AuditEventContent> = fc.record({
      seq: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String),
      stateCode: fc.constantFrom('FRA', 'KEN', 'BRA'),
      at: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
      actorId: nullable,
      action: text,
      targetType: nullable,
      targetId: nullable,
      outcome: fc.constantFrom('success' as const, 'failure' as const, 'denied' as const),
      requestId: nullable,
      sourceIp: nullable,
      details: fc.dictionary(text, fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 2 }), { maxKeys: 4 }),
    });
    const fields = ['prevHash', 'seq', 'stateCode', 'at', 'actorId', 'action', 'targetType', 'targetId', 'outcome', 'requestId', 'sourceIp', 'details'] as const;
    const other = (v: string | null) => (v === null ? '' : `${v}x`);

    it('hashes deterministically (also after a JSON round trip) and differently when any field changes', () => {
      fc.assert(
        fc.property(content, fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.constantFrom(...fields), (c, prev, field) => {
          const prevHash = Buffer.from(prev);
          const hash = auditEventHash(prevHash, c);
          const copy = { ...c, at: new Date(c.at.getTime()), details: JSON.parse(JSON.stringify(c.details)) as Record<string, unknown> };
          expect(auditEventHash(Buffer.from(prev), copy).equals(hash)).toBe(true);

          let changed = { ...c };
          let changedPrev = prevHash;
          switch (field) {
            case 'prevHash': changedPrev = Buffer.from(prevHash); changedPrev[0] ^= 1; break;
            case 'seq': changed.seq = String(BigInt(c.seq) + 1n); break;
            case 'at': changed.at = new Date(c.at.getTime() + 1); break;
            case 'outcome': changed.outcome = c.outcome === 'success' ? 'denied' : 'success'; break;
            case 'stateCode': case 'action': changed = { ...c, [field]: `${c[field]}x` }; break;
            case 'details': {
              let key = 'changed';
              while (Object.prototype.hasOwnProperty.call(c.details, key)) key += '_';
              changed.details = { ...c.details, [key]: 1 };
              break;
            }
            default: changed = { ...c, [field]: other(c[field]) };
          }
          expect(auditEventHash(changedPrev, changed).equals(hash)).toBe(false);
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('audit checkpoints', () => {
  const { privateKey, publicKey } = keyPair();
  const head = { stateCode: 'FRA', seq: '5', hash: chain(5)[4].hash.toString('hex') };
  const signedAt = new Date('2031-02-03T04:05:06.789Z');
  const checkpoint = signCheckpoint(head, privateKey, signedAt);

  it('signs the head and checks against the trusted key', () => {
    expect(checkpoint).toMatchObject({ format: 'iti-trace/audit-checkpoint', version: 1, ...head, signedAt: '2031-02-03T04:05:06.789Z' });
    expect(Buffer.from(checkpoint.publicKey, 'base64')).toHaveLength(32);
    expect(Buffer.from(checkpoint.signature, 'base64')).toHaveLength(64);
    expect(checkCheckpointSignature(checkpoint, publicKey)).toEqual([]);
    expect(checkCheckpointSignature(JSON.parse(JSON.stringify(checkpoint)), publicKeyFromBase64(checkpoint.publicKey))).toEqual([]);
  });

  it.each([
    ['seq', { seq: '4' }],
    ['hash', { hash: 'f'.repeat(64) }],
    ['stateCode', { stateCode: 'KEN' }],
    ['signedAt', { signedAt: '2031-02-03T04:05:06.000Z' }],
  ])('is invalid once its %s is changed', (_field, change) => {
    const problems = checkCheckpointSignature({ ...checkpoint, ...change }, publicKey);
    expect(problems).toEqual([expect.stringMatching(/signature does not match/)]);
  });

  it('is invalid against another trusted key, even when the file carries that key', () => {
    const other = keyPair();
    const otherRaw = signCheckpoint(head, other.privateKey, signedAt).publicKey;
    expect(checkCheckpointSignature(checkpoint, other.publicKey)).not.toEqual([]);
    expect(checkCheckpointSignature({ ...checkpoint, publicKey: otherRaw }, other.publicKey)).toEqual([expect.stringMatching(/signature does not match/)]);
    // A forger signing with their own key, and naming it, is still refused by the real trusted key.
    const forged = signCheckpoint({ ...head, hash: '0'.repeat(64) }, other.privateKey, signedAt);
    expect(checkCheckpointSignature(forged, publicKey)).toHaveLength(2);
  });

  it('returns problems for malformed input instead of throwing', () => {
    for (const input of [null, undefined, 'checkpoint', 42, [], [checkpoint]]) {
      expect(checkCheckpointSignature(input, publicKey)).toEqual(['the checkpoint is not a JSON object']);
    }
    expect(checkCheckpointSignature({}, publicKey).length).toBeGreaterThanOrEqual(8);
    const { signature: _s, ...unsigned } = checkpoint;
    expect(checkCheckpointSignature(unsigned, publicKey)).toEqual(['the checkpoint has no signature']);
    expect(checkCheckpointSignature({ ...checkpoint, seq: 5 }, publicKey)).toEqual(["the checkpoint's seq is not a positive whole number"]);
    expect(checkCheckpointSignature({ ...checkpoint, hash: 'zz' }, publicKey)).toHaveLength(1);
    expect(checkCheckpointSignature({ ...checkpoint, version: 2 }, publicKey)).toHaveLength(1);
    expect(checkCheckpointSignature({ ...checkpoint, signature: 'not base64!' }, publicKey)).toHaveLength(1);
    expect(checkCheckpointSignature({ ...checkpoint, signedAt: 'yesterday' }, publicKey)).toHaveLength(1);
  });

  it('catches a chain rewritten with every hash recomputed: it verifies, but not at the checkpoint', () => {
    const drafts = Array.from({ length: 8 }, (_, i) => draft(i + 1));
    const original = chainAfter({ seq: '0', hash: GENESIS_HASH }, drafts);
    const signed: AuditCheckpoint = signCheckpoint({ stateCode: 'FRA', seq: '6', hash: original[5].hash.toString('hex') }, privateKey, signedAt);
    expect(verify(original).hashAt(signed.seq)).toBe(signed.hash);

    drafts[2] = { ...drafts[2], details: { n: 3, tags: ['a', 'b'], hidden: 'nothing happened' } };
    const rewritten = chainAfter({ seq: '0', hash: GENESIS_HASH }, drafts);
    const verifier = verify(rewritten);
    expect(verifier.result().ok).toBe(true);
    expect(checkCheckpointSignature(signed, publicKey)).toEqual([]);
    expect(verifier.hashAt(signed.seq)).not.toBeNull();
    expect(verifier.hashAt(signed.seq)).not.toBe(signed.hash);
  });
});

describe('loadAuditSigningKey', () => {
  const roundTrip = (a: { privateKey: KeyObject }, b: { publicKey: KeyObject }) =>
    checkCheckpointSignature(signCheckpoint({ stateCode: 'FRA', seq: '1', hash: 'a'.repeat(64) }, a.privateKey, new Date()), b.publicKey);

  it('generates a key file (0600, directory created) with a warning, then reuses it', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'iti-audit-key-')), 'data');
    const warnings: string[] = [];
    const first = loadAuditSigningKey({ DATA_DIR: dataDir }, (m) => warnings.push(m));
    const file = join(dataDir, 'audit-signing-key.pem');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('AUDIT_SIGNING_KEY');

    const second = loadAuditSigningKey({ DATA_DIR: dataDir }, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(second.publicKeyBase64).toBe(first.publicKeyBase64);
    expect(roundTrip(first, second)).toEqual([]);
    expect(publicKeyFromBase64(first.publicKeyBase64).equals(first.publicKey)).toBe(true);
    expect(publicKeyPem(first)).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPublicKey(publicKeyPem(first)).equals(second.publicKey)).toBe(true);
  });

  it('uses AUDIT_SIGNING_KEY (PKCS#8 PEM) when given, without touching DATA_DIR', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'iti-audit-key-')), 'data');
    const pair = keyPair();
    const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const warn = jest.fn();
    const key = loadAuditSigningKey({ AUDIT_SIGNING_KEY: pem, DATA_DIR: dataDir }, warn);
    expect(key.publicKey.equals(pair.publicKey)).toBe(true);
    expect(roundTrip(key, pair)).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    expect(existsSync(dataDir)).toBe(false);
    // As often written in an environment file, with literal \n.
    const escaped = loadAuditSigningKey({ AUDIT_SIGNING_KEY: pem.trim().replace(/\n/g, '\\n'), DATA_DIR: dataDir }, warn);
    expect(escaped.publicKeyBase64).toBe(key.publicKeyBase64);
  });

  it('refuses a key that is not an Ed25519 private key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(() => loadAuditSigningKey({ AUDIT_SIGNING_KEY: rsa, DATA_DIR: tmpdir() }, () => undefined)).toThrow(/Ed25519/);
    expect(() => loadAuditSigningKey({ AUDIT_SIGNING_KEY: 'garbage', DATA_DIR: tmpdir() }, () => undefined)).toThrow(/PKCS#8/);
    expect(() => publicKeyFromBase64('AAAA')).toThrow(/32 bytes/);
  });
});
