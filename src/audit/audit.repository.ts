import { Injectable } from '@nestjs/common';
import { keysetPage, Page, PageQueryDto } from '../common/http/pagination';
import { Db } from '../database/db';
import type { ChainedAuditEvent } from './audit-chain';
import { AuditEventEntity } from './entities/audit-event.entity';

export interface AuditEventFilters {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
}

/** The audit chain's only queries. Writes go through audit_lock_heads() and audit_append() (see the migration). */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Locks the named chains' heads until the transaction ends and returns them (seq 0 for a new chain). */
  async lockHeads(stateCodes: string[]): Promise<{ stateCode: string; seq: string; hash: Buffer }[]> {
    const rows: { state_code: string; seq: string; hash: Buffer }[] = await this.db.manager.query(
      `SELECT state_code, seq::text AS seq, hash FROM audit_lock_heads($1::text[])`,
      [stateCodes],
    );
    return rows.map((r) => ({ stateCode: r.state_code, seq: r.seq, hash: r.hash }));
  }

  async append(events: ChainedAuditEvent[]): Promise<void> {
    const rows = events.map((e) => ({
      state_code: e.stateCode, seq: e.seq, at: e.at.toISOString(), actor_id: e.actorId, action: e.action, target_type: e.targetType, target_id: e.targetId,
      outcome: e.outcome, request_id: e.requestId, source_ip: e.sourceIp, details: e.details, prev_hash: e.prevHash.toString('hex'), hash: e.hash.toString('hex'),
    }));
    await this.db.manager.query(`SELECT audit_append($1::jsonb)`, [JSON.stringify(rows)]);
  }

  list(stateCode: string, filters: AuditEventFilters, page: PageQueryDto): Promise<Page<AuditEventEntity>> {
    const query = this.db.repository(AuditEventEntity).createQueryBuilder('e').where('e.state_code = :stateCode', { stateCode });
    if (filters.action) query.andWhere('e.action = :action', { action: filters.action });
    if (filters.actorId) query.andWhere('e.actor_id = :actorId', { actorId: filters.actorId });
    if (filters.targetType) query.andWhere('e.target_type = :targetType', { targetType: filters.targetType });
    if (filters.targetId) query.andWhere('e.target_id = :targetId', { targetId: filters.targetId });
    if (filters.outcome) query.andWhere('e.outcome = :outcome', { outcome: filters.outcome });
    if (filters.from) query.andWhere('e.at >= :from', { from: filters.from });
    if (filters.to) query.andWhere('e.at < :to', { to: filters.to });
    return keysetPage(query, [{ property: 'seq', column: 'e.seq' }], page);
  }

  /** Events of a chain after `afterSeq`, in order: verification reads the chain in batches. */
  batch(stateCode: string, afterSeq: string, limit: number): Promise<AuditEventEntity[]> {
    return this.db.repository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.state_code = :stateCode AND e.seq > :afterSeq', { stateCode, afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Who read a record's content, and when (auditors see this, never the content). */
  reads(stateCode: string, targetType: string, targetId: string, action: string): Promise<AuditEventEntity[]> {
    return this.db.repository(AuditEventEntity).find({
      where: { stateCode, targetType, targetId, action },
      order: { seq: 'ASC' },
      take: 1000,
    });
  }
}
