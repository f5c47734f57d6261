import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { keysetPage, Page, PageQueryDto } from '../common/http/pagination';
import { Db } from '../database/db';
import { randomBytes } from 'node:crypto';
import type { AuditEventContent, ChainedAuditEvent } from './audit-chain';
import { AuditEventEntity } from './entities/audit-event.entity';

/** An event's time as its hash covers it: UTC with microseconds (audit_event_line()). */
const HASHED_AT = `to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** An event before the chain numbers and hashes it. */
export type AuditDraft = Omit<AuditEventContent, 'seq' | 'at' | 'details'> & { at: Date; details: Record<string, unknown> };

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

  /**
   * The statement that appends events to their chains (audit_append numbers and hashes them), for the
   * commit's round trip: the events go as one JSON literal, dollar-quoted with a tag they do not contain.
   */
  appendStatement(events: AuditDraft[]): string {
    const json = JSON.stringify(events.map((e) => ({
      state_code: e.stateCode, at: e.at.toISOString(), actor_id: e.actorId, action: e.action, target_type: e.targetType, target_id: e.targetId,
      outcome: e.outcome, request_id: e.requestId, source_ip: e.sourceIp, details: e.details,
    })));
    let tag: string;
    do tag = `audit_${randomBytes(6).toString('hex')}`; while (json.includes(tag));
    return `SELECT audit_append($${tag}$${json}$${tag}$::jsonb)`;
  }

  list(stateCode: string, filters: AuditEventFilters, page: PageQueryDto): Promise<Page<AuditEventEntity>> {
    const query = this.db.repository(AuditEventEntity).createQueryBuilder('e').where('e.state_code = :stateCode', { stateCode });
    if (filters.action) query.andWhere('e.action = :action', { action: filters.action });
    if (filters.actorId) query.andWhere('e.actor_id = :actorId', { actorId: filters.actorId });
    if (filters.targetType) query.andWhere('e.target_type IN (:...targetTypes)', { targetTypes: targetTypeSpellings(filters.targetType) });
    if (filters.targetId) query.andWhere('e.target_id IN (:...targetIds)', { targetIds: spellings(filters.targetId) });
    if (filters.outcome) query.andWhere('e.outcome = :outcome', { outcome: filters.outcome });
    if (filters.from) query.andWhere('e.at >= :from', { from: filters.from });
    if (filters.to) query.andWhere('e.at < :to', { to: filters.to });
    return keysetPage(query, [{ property: 'seq', column: 'e.seq' }], page);
  }

  /** The text forms that are hashed of the time and details of events `seqs` of a chain (audit_event_line()), by seq. */
  async hashedForms(stateCode: string, seqs: string[]): Promise<Map<string, { at: string; details: string }>> {
    const rows: { seq: string; at: string; details: string }[] = await this.db.manager.query(
      `SELECT e.seq::text AS seq, ${HASHED_AT} AS at, e.details::text AS details FROM audit_events e WHERE e.state_code = $1 AND e.seq = ANY($2::bigint[])`,
      [stateCode, seqs],
    );
    return new Map(rows.map((r) => [r.seq, { at: r.at, details: r.details }]));
  }

  /** Events of a chain after `afterSeq`, in order and in the text form that is hashed: verification reads the chain in batches. */
  async batch(stateCode: string, afterSeq: string, limit: number): Promise<ChainedAuditEvent[]> {
    const rows: Record<string, string | Buffer | null>[] = await this.db.manager.query(
      `SELECT e.seq::text AS seq, e.state_code AS "stateCode", ${HASHED_AT} AS at,
              e.actor_id::text AS "actorId", e.action, e.target_type AS "targetType", e.target_id AS "targetId", e.outcome,
              e.request_id AS "requestId", e.source_ip AS "sourceIp", e.details::text AS details, e.prev_hash AS "prevHash", e.hash
         FROM audit_events e WHERE e.state_code = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3`,
      [stateCode, afterSeq, limit],
    );
    return rows as unknown as ChainedAuditEvent[];
  }

  /** The latest `limit` times `action` was taken on a target (who read a case file, for auditors), newest first. */
  latestActionsOn(stateCode: string, targetType: string, targetId: string, action: string, limit: number): Promise<AuditEventEntity[]> {
    return this.db.repository(AuditEventEntity).find({
      where: { stateCode, targetType, targetId: In(spellings(targetId)), action },
      order: { seq: 'DESC' },
      take: limit,
    });
  }
}

/**
 * A target id as events may hold it: as given, and in upper case. Events are recorded with UUIDs in lower
 * case, but those recorded before were written as the request spelled them (and are hash-chained: never
 * rewritten); an id spelled in mixed case then is not found.
 */
/**
 * Events of a request name their target by its route (`cases`, `users`, `weapons` for an import), the service's own
 * events by the record (`case`, `user`, `weapon_imports` for an import from the CLI): the filter on either finds
 * both, as the chained events keep the spelling they were written with.
 */
const TARGET_TYPE_PAIRS: Record<string, string> = { case: 'cases', cases: 'case', user: 'users', users: 'user', weapon_imports: 'weapons', weapons: 'weapon_imports' };

function targetTypeSpellings(targetType: string): string[] {
  return TARGET_TYPE_PAIRS[targetType] ? [targetType, TARGET_TYPE_PAIRS[targetType]] : [targetType];
}

function spellings(targetId: string): string[] {
  return [...new Set([targetId, targetId.toUpperCase()])];
}
