import type { AuthUser } from '../common/auth/auth-user';
import type { Clock } from '../common/clock';
import type { Db } from '../database/db';
import { ChainedAuditEvent, chainAfter, GENESIS_HASH } from './audit-chain';
import type { AuditSigningKey } from './audit-chain';
import type { AuditRepository } from './audit.repository';
import type { AuditTrail } from './audit-trail';
import { AuditService } from './audit.service';

/** A chain of `n` events of FRA, one a millisecond. */
function chain(n: number): ChainedAuditEvent[] {
  const drafts = Array.from({ length: n }, (_, i) => ({
    stateCode: 'FRA', at: new Date(Date.UTC(2030, 0, 1) + i).toISOString().replace('Z', '000Z'), actorId: null, action: 'weapon.create',
    targetType: 'weapons', targetId: String(i), outcome: 'success' as const, requestId: null, sourceIp: null, details: '{}',
  }));
  return chainAfter({ seq: '0', hash: GENESIS_HASH }, drafts);
}

/** The service over a chain held in memory: each batch read is counted. */
function serviceOver(events: ChainedAuditEvent[]) {
  const reads: string[] = [];
  const repository = {
    batch: async (_stateCode: string, afterSeq: string, limit: number) => {
      reads.push(afterSeq);
      return events.filter((e) => BigInt(e.seq) > BigInt(afterSeq)).slice(0, limit);
    },
  } as unknown as AuditRepository;
  const trail = { record: jest.fn() } as unknown as AuditTrail;
  const service = new AuditService({} as Db, repository, trail, {} as Clock, {} as AuditSigningKey);
  return { service, reads };
}

const auditor = { id: 'a', stateCode: 'FRA', roles: ['auditor'] } as unknown as AuthUser;

describe('AuditService.verify', () => {
  it('reads a long chain in batches to its end when it is intact', async () => {
    const { service, reads } = serviceOver(chain(12_000));
    const result = await service.verify(auditor);
    expect(result).toMatchObject({ ok: true, checked: 12_000, head: { seq: '12000' } });
    expect(reads).toEqual(['0', '5000', '10000']);
  });

  it('stops reading at the batch that holds the first break: nothing after it is judged', async () => {
    const events = chain(12_000);
    events[2] = { ...events[2], action: 'weapon.delete' };
    const { service, reads } = serviceOver(events);
    const result = await service.verify(auditor);
    expect(result).toMatchObject({ ok: false, checked: 3, head: { seq: '2' }, firstBroken: { seq: '3', reason: 'hash_mismatch' } });
    expect(reads).toEqual(['0']);
  });
});
