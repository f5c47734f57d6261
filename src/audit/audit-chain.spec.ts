import fc from 'fast-check';
import { createHash, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuditCheckpoint,
  AuditEventContent,
  auditEventHash,
  auditEventLine,
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

/** The hashed fields in their documented order (seq, stateCode, at, ..., details). */
const ORDER = ['seq', 'stateCode', 'at', 'actorId', 'action', 'targetType', 'targetId', 'outcome', 'requestId', 'sourceIp', 'details'] as const;

/** Microseconds since the epoch as to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') renders them. */
function pgAt(micros: bigint): string {
  const ms = micros / 1000n;
  const us = micros % 1000n;
  return `${new Date(Number(ms)).toISOString().slice(0, 23)}${us.toString().padStart(3, '0')}Z`;
}

function pgAtMicros(at: string): bigint {
  return BigInt(Date.parse(`${at.slice(0, 23)}Z`)) * 1000n + BigInt(at.slice(23, 26));
}

const PG_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const NOON_2030 = BigInt(Date.UTC(2030, 0, 1, 12, 0, 0)) * 1000n;

/** The documented line, written independently of the module: hex of each field's UTF-8 ('-' for null), joined by '.'. */
function expectedLine(c: AuditEventContent): string {
  return ORDER.map((field) => {
    const value = c[field];
    if (value === null) return '-';
    return Array.from(new TextEncoder().encode(value), (byte) => byte.toString(16).padStart(2, '0')).join('');
  }).join('.');
}

function expectedHash(prevHash: Buffer, c: AuditEventContent): Buffer {
  return createHash('sha256').update(Buffer.concat([prevHash, Buffer.from(expectedLine(c), 'ascii')])).digest();
}

/** A line back to its fields: possible only because the line is unambiguous. */
function decodeLine(line: string): (string | null)[] {
  return line.split('.').map((segment) => (segment === '-' ? null : Buffer.from(segment, 'hex').toString('utf8')));
}

function draft(i: number, stateCode = 'FRA'): Draft {
  return {
    stateCode,
    // i milliseconds after noon: '2030-01-01T12:00:00.004000Z' for i = 4.
    at: pgAt(NOON_2030 + BigInt(i) * 1000n),
    actorId: `00000000-0000-4000-8000-00000000000${i % 10}`,
    action: i % 2 ? 'case.read' : 'POST /traces/:id/send',
    targetType: 'traces',
    targetId: `trace-${i}`,
    outcome: 'success',
    requestId: `req-${i}`,
    sourceIp: '192.0.2.1',
    // As PostgreSQL renders jsonb (details::text).
    details: `{"n": ${i}, "tags": ["a", "b"]}`,
  };
}

function chain(n: number, stateCode = 'FRA'): ChainedAuditEvent[] {
  return chainAfter({ seq: '0', hash: GENESIS_HASH }, Array.from({ length: n }, (_, i) => draft(i + 1, stateCode)));
}

function verify(events: ChainedAuditEvent[], stateCode = 'FRA', keep: string | null = null): ChainVerifier {
  const verifier = new ChainVerifier(stateCode, keep);
  verifier.feed(events);
  return verifier;
}

const keyPair = () => generateKeyPairSync('ed25519');

/** A small event with two null fields, used for the exact-format tests. */
const sample: AuditEventContent = {
  seq: '1',
  stateCode: 'FRA',
  at: '2030-01-01T12:00:00.004000Z',
  actorId: null,
  action: 'case.read',
  targetType: 'traces',
  targetId: 'trace-1',
  outcome: 'success',
  requestId: null,
  sourceIp: '192.0.2.1',
  details: '{"n": 1}',
};

describe('audit event line and hash', () => {
  it('writes the documented line: hex of each field\'s UTF-8, "-" for null, joined by "."', () => {
    expect(auditEventLine(sample)).toBe(
      [
        '31', // seq '1'
        '465241', // 'FRA'
        '323033302d30312d30315431323a30303a30302e3030343030305a', // '2030-01-01T12:00:00.004000Z'
        '-', // actorId null
        '636173652e72656164', // 'case.read'
        '747261636573', // 'traces'
        '74726163652d31', // 'trace-1'
        '73756363657373', // 'success'
        '-', // requestId null
        '3139322e302e322e31', // '192.0.2.1'
        '7b226e223a20317d', // '{"n": 1}'
      ].join('.'),
    );
    expect(auditEventLine(sample)).toBe(expectedLine(sample));
  });

  it('hashes sha256(prevHash || line), matching known answers', () => {
    const line = auditEventLine(sample);
    const prev = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    for (const prevHash of [GENESIS_HASH, prev]) {
      const recomputed = createHash('sha256').update(Buffer.concat([prevHash, Buffer.from(line, 'utf8')])).digest();
      expect(auditEventHash(prevHash, sample).equals(recomputed)).toBe(true);
    }
    // Computed outside Node (sha256sum / Python hashlib) over the bytes prevHash || line, for the SQL side to match.
    expect(auditEventHash(GENESIS_HASH, sample).toString('hex')).toBe('9b56d76b8a72c60bd3587077bd52a32734a389880508fc35421249f0cc91ea46');
    expect(auditEventHash(prev, sample).toString('hex')).toBe('9692e3fdff16012575085f713453ad41bb1eb81062152dd99bf383e0363b5897');
    // The hash is not over the line alone, nor over the content's JSON.
    expect(auditEventHash(GENESIS_HASH, sample).equals(createHash('sha256').update(line).digest())).toBe(false);
  });

  it('gives chained events the hash of their stored fields after the previous hash', () => {
    const events = chain(3);
    expect(events[0].at).toBe('2030-01-01T12:00:00.001000Z');
    expect(events[2].details).toBe('{"n": 3, "tags": ["a", "b"]}');
    let prev = GENESIS_HASH;
    for (const event of events) {
      const { prevHash, hash, ...content } = event;
      expect(prevHash.equals(prev)).toBe(true);
      expect(hash.equals(expectedHash(prev, content))).toBe(true);
      prev = hash;
    }
  });

  it('keeps null, "-" and the empty string apart', () => {
    const asNull = { ...sample, actorId: null };
    const asDash = { ...sample, actorId: '-' };
    const asEmpty = { ...sample, actorId: '' };
    expect(auditEventLine(asNull).split('.')[3]).toBe('-');
    expect(auditEventLine(asDash).split('.')[3]).toBe('2d');
    expect(auditEventLine(asEmpty).split('.')[3]).toBe('');
    expect(auditEventLine(asEmpty)).toContain('.465241.323033302d30312d30315431323a30303a30302e3030343030305a..636173652e72656164.');
    const hashes = [asNull, asDash, asEmpty].map((c) => auditEventHash(GENESIS_HASH, c).toString('hex'));
    expect(new Set(hashes).size).toBe(3);
    // Not-null fields can be empty too: an empty segment, still 11 of them.
    const emptyAction = { ...sample, action: '', details: '' };
    expect(auditEventLine(emptyAction).split('.')).toHaveLength(11);
    expect(decodeLine(auditEventLine(emptyAction))).toEqual(ORDER.map((f) => emptyAction[f]));
    expect(auditEventHash(GENESIS_HASH, emptyAction).equals(auditEventHash(GENESIS_HASH, sample))).toBe(false);
  });

  it('does not let a value move across a field boundary', () => {
    const pairs: [Partial<AuditEventContent>, Partial<AuditEventContent>][] = [
      [{ action: 'ab', targetType: 'c' }, { action: 'a', targetType: 'bc' }],
      [{ action: 'a.b', targetType: 'c' }, { action: 'a', targetType: 'b.c' }],
      [{ targetType: null, targetId: 'x' }, { targetType: 'x', targetId: null }],
      [{ targetType: '', targetId: 'x' }, { targetType: 'x', targetId: '' }],
      [{ requestId: '-', sourceIp: null }, { requestId: null, sourceIp: '-' }],
      [{ sourceIp: '192.0.2.1', details: '{}' }, { sourceIp: '192.0.2.1{', details: '}' }],
    ];
    for (const [left, right] of pairs) {
      const a = { ...sample, ...left };
      const b = { ...sample, ...right };
      for (const c of [a, b]) {
        const line = auditEventLine(c);
        expect(line).toMatch(/^(-|(?:[0-9a-f]{2})*)(\.(-|(?:[0-9a-f]{2})*)){10}$/);
        expect(decodeLine(line)).toEqual(ORDER.map((f) => c[f]));
      }
      expect(auditEventLine(a)).not.toBe(auditEventLine(b));
      expect(auditEventHash(GENESIS_HASH, a).equals(auditEventHash(GENESIS_HASH, b))).toBe(false);
    }
  });

  it('hashes Unicode details as UTF-8, exactly as stored', () => {
    const details = '{"clé": "é", "city": "北京", "mark": "🔫 №7", "name": "Žarko Đorđević"}';
    const events = chainAfter({ seq: '0', hash: GENESIS_HASH }, [{ ...draft(1), details }, draft(2)]);
    const segment = auditEventLine(events[0]).split('.')[10];
    expect(segment).toBe(Buffer.from(details, 'utf8').toString('hex'));
    expect(segment).toContain('c3a9'); // é (U+00E9)
    expect(segment).toContain('e58c97e4baac'); // 北京
    expect(segment).toContain('f09f94ab'); // 🔫 as one 4-byte UTF-8 sequence, not a UTF-16 surrogate pair
    expect(segment).not.toContain('d83d');
    expect(segment).toContain('e28496'); // №
    expect(events[0].hash.equals(expectedHash(GENESIS_HASH, { ...events[0] }))).toBe(true);
    // The stored text, reread as text, verifies.
    expect(verify(events.map((e) => ({ ...e, details: `${e.details}` }))).result().ok).toBe(true);

    // é composed (U+00E9) and decomposed (e + U+0301) look alike but are different content.
    const decomposed = { ...events[0], details: details.replace('"é"', '"e\u0301"') };
    expect(decomposed.details).not.toBe(details);
    expect(auditEventLine(decomposed).split('.')[10]).toContain('65cc81');
    expect(auditEventHash(GENESIS_HASH, decomposed).equals(events[0].hash)).toBe(false);
    // The text is hashed, not the JSON value: the same value written differently is different content.
    const compact = { ...sample, details: '{"n":1}' };
    expect(JSON.parse(compact.details)).toEqual(JSON.parse(sample.details));
    expect(auditEventHash(GENESIS_HASH, compact).equals(auditEventHash(GENESIS_HASH, sample))).toBe(false);
  });
});

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

  it('refuses to chain events of several States together', () => {
    expect(() => chainAfter({ seq: '0', hash: GENESIS_HASH }, [draft(1, 'FRA'), draft(2, 'KEN')])).toThrow(/several States/);
  });

  it('reports an empty chain as intact with no head', () => {
    expect(verify([]).result()).toEqual({ stateCode: 'FRA', ok: true, checked: 0, head: null, firstBroken: null });
  });

  it.each([
    ['details', { details: '{"n": 3, "tags": ["a", "b"], "extra": true}' }],
    ['details (whitespace only)', { details: '{"n": 3, "tags": ["a","b"]}' }],
    ['actorId (to null)', { actorId: null }],
    ['actorId (to empty)', { actorId: '' }],
    ['at', { at: '2030-01-01T12:00:00.004000Z' }],
    ['at (one microsecond)', { at: '2030-01-01T12:00:00.003001Z' }],
  ])('finds an edited %s as hash_mismatch at that event', (_field, change) => {
    const events = chain(5);
    expect(events[2].at).toBe('2030-01-01T12:00:00.003000Z');
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
    expect(verify(events, 'FRA', '1').keptHash()).toBe(events[0].hash.toString('hex'));
    expect(verify(events, 'FRA', '2').keptHash()).toBeNull();
  });

  it('gives the same result fed in batches as all at once', () => {
    const intact = chain(11);
    const broken = chain(11);
    broken[7] = { ...broken[7], targetId: 'other' };
    for (const events of [intact, broken]) {
      for (const seq of ['1', '4', '7', '8', '11', '12']) {
        const whole = verify(events, 'FRA', seq);
        const batched = new ChainVerifier('FRA', seq);
        for (let i = 0; i < events.length; i += 3) batched.feed(events.slice(i, i + 3));
        expect(batched.result()).toEqual(whole.result());
        expect(batched.keptHash()).toBe(whole.keptHash());
      }
    }
  });

  it('keeps the recomputed hash of the one event it was asked for, anywhere in the chain', () => {
    const events = chain(1100);
    expect(events[1099].at).toBe('2030-01-01T12:00:01.100000Z');
    expect(verify(events).result().ok).toBe(true);
    expect(verify(events).keptHash()).toBeNull();
    expect(verify(events, 'FRA', '1').keptHash()).toBe(events[0].hash.toString('hex'));
    expect(verify(events, 'FRA', '1025').keptHash()).toBe(events[1024].hash.toString('hex'));
    expect(verify(events, 'FRA', '1100').keptHash()).toBe(events[1099].hash.toString('hex'));
    expect(verify(events, 'FRA', '1101').keptHash()).toBeNull();
    expect(verify(events, 'FRA', '0').keptHash()).toBeNull();
    expect(verify(events, 'FRA', 'x').keptHash()).toBeNull();
  });

  describe('fast-check', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const nullable = fc.option(text, { nil: null });
    const micros = (iso: string) => BigInt(Date.parse(iso)) * 1000n;
    const content: fc.Arbitrary<AuditEventContent> = fc.record({
      seq: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String),
      stateCode: fc.constantFrom('FRA', 'KEN', 'BRA'),
      at: fc.bigInt({ min: micros('2000-01-01T00:00:00Z'), max: micros('2100-01-01T00:00:00Z') }).map(pgAt),
      actorId: nullable,
      action: text,
      targetType: nullable,
      targetId: nullable,
      outcome: fc.constantFrom('success' as const, 'failure' as const, 'denied' as const),
      requestId: nullable,
      sourceIp: nullable,
      details: fc.oneof(fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 2 }).map((v) => JSON.stringify(v)), text),
    });
    const fields = ['prevHash', ...ORDER] as const;
    // null -> '', '' -> null, anything else gains a character: null and '' must hash differently too.
    const other = (v: string | null) => (v === null ? '' : v === '' ? null : `${v}x`);

    it('hashes deterministically by the documented formula and differently when any field or prevHash changes', () => {
      fc.assert(
        fc.property(content, fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.constantFrom(...fields), (c, prev, field) => {
          expect(c.at).toMatch(PG_AT);
          const prevHash = Buffer.from(prev);
          const hash = auditEventHash(prevHash, c);
          expect(hash.equals(expectedHash(prevHash, c))).toBe(true);
          expect(auditEventHash(Buffer.from(prev), structuredClone(c)).equals(hash)).toBe(true);
          const line = auditEventLine(c);
          expect(line).toBe(expectedLine(c));
          expect(decodeLine(line)).toEqual(ORDER.map((f) => c[f]));

          let changed: AuditEventContent = { ...c };
          let changedPrev = prevHash;
          switch (field) {
            case 'prevHash': changedPrev = Buffer.from(prevHash); changedPrev[0] ^= 1; break;
            case 'seq': changed.seq = String(BigInt(c.seq) + 1n); break;
            case 'at': changed.at = pgAt(pgAtMicros(c.at) + 1n); break;
            case 'outcome': changed.outcome = c.outcome === 'success' ? 'denied' : 'success'; break;
            case 'stateCode': case 'action': case 'details': changed = { ...c, [field]: `${c[field]}x` }; break;
            default: changed = { ...c, [field]: other(c[field]) };
          }
          if (field === 'at') expect(changed.at).toMatch(PG_AT);
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
    expect(verify(original, 'FRA', signed.seq).keptHash()).toBe(signed.hash);

    drafts[2] = { ...drafts[2], details: '{"n": 3, "tags": ["a", "b"], "hidden": "nothing happened"}' };
    const rewritten = chainAfter({ seq: '0', hash: GENESIS_HASH }, drafts);
    const verifier = verify(rewritten, 'FRA', signed.seq);
    expect(verifier.result().ok).toBe(true);
    expect(checkCheckpointSignature(signed, publicKey)).toEqual([]);
    expect(verifier.keptHash()).not.toBeNull();
    expect(verifier.keptHash()).not.toBe(signed.hash);
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
