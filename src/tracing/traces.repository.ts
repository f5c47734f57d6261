import { Injectable } from '@nestjs/common';
import { escapeLiteral } from 'pg';
import { IsNull, Not } from 'typeorm';
import { keysetPage, Page, PageQueryDto } from '../common/http/pagination';
import { UUID } from '../common/uuid';
import { CommitBatch, Db } from '../database/db';
import { TraceEntity } from './entities/trace.entity';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { TracePhotoEntity } from './entities/trace-photo.entity';
import type { TracePhotoInfo, TraceView } from './entities/trace-view';
import type { TraceDirection } from './tracing.constants';

interface HopRow {
  id: string;
  parent_id: string | null;
  requested_state: string;
  status: string;
  outcome: string | null;
  next_state: string | null;
  sent_at: Date | null;
  answered_at: Date | null;
  close_reason: string | null;
  photos: TracePhotoInfo[] | null;
}

export interface TraceListFilter {
  direction?: string;
  status?: string;
  /** Officers see only the traces they opened. */
  createdBy?: string;
}

/** The messages a delivery transaction marks delivered as it commits (ids checked as UUIDs before they are staged). */
const DELIVERED: CommitBatch<string> = {
  commitStatement: (ids) => ids.map((id) => `SELECT outbox_delivered(${escapeLiteral(id)})`).join('; '),
};

@Injectable()
export class TracesRepository {
  constructor(private readonly db: Db) {}

  /**
   * Inserts a new copy (insert, not save: save would first look the new id up). The nullable columns left
   * out are null on the returned copy, as save would set them and as a read gives them (insert itself fills
   * in only generated and default values).
   */
  async insert(trace: Partial<TraceEntity>): Promise<TraceEntity> {
    const repository = this.db.repository(TraceEntity);
    const entity = repository.create(trace);
    for (const column of repository.metadata.columns) {
      if (column.isNullable && column.getEntityValue(entity) === undefined) column.setEntityValue(entity, null);
    }
    await repository.insert(entity);
    return entity;
  }

  findById(stateCode: string, id: string): Promise<TraceEntity | null> {
    return this.db.repository(TraceEntity).findOneBy({ stateCode, id });
  }

  /** The follow-ups of a trace that were sent to the next State (IDX_traces_parent). */
  sentFollowUps(stateCode: string, parentId: string): Promise<TraceEntity[]> {
    return this.db.repository(TraceEntity).findBy({ stateCode, parentId, sentAt: Not(IsNull()) });
  }

  /** Locks the copy until the transaction ends: concurrent transitions queue and see each other's version. */
  findByIdForUpdate(stateCode: string, id: string): Promise<TraceEntity | null> {
    return this.db.repository(TraceEntity)
      .createQueryBuilder('t')
      .where('t.state_code = :stateCode AND t.id = :id', { stateCode, id })
      .setLock('pessimistic_write')
      .getOne();
  }

  findCopyForUpdate(stateCode: string, exchangeId: string, direction: TraceDirection): Promise<TraceEntity | null> {
    return this.copyQuery(stateCode, exchangeId, direction).setLock('pessimistic_write').getOne();
  }

  /** The State's copy of an exchange, read without a lock. */
  findCopy(stateCode: string, exchangeId: string, direction: TraceDirection): Promise<TraceEntity | null> {
    return this.copyQuery(stateCode, exchangeId, direction).getOne();
  }

  private copyQuery(stateCode: string, exchangeId: string, direction: TraceDirection) {
    return this.db.repository(TraceEntity)
      .createQueryBuilder('t')
      .where('t.state_code = :stateCode AND t.exchange_id = :exchangeId AND t.direction = :direction', { stateCode, exchangeId, direction });
  }

  /** Writes the changes and moves the version on by one. */
  async update(trace: TraceEntity, changes: Partial<TraceEntity>, at: Date): Promise<TraceEntity> {
    const next = { ...changes, version: trace.version + 1, updatedAt: at };
    await this.db.repository(TraceEntity).update({ stateCode: trace.stateCode, id: trace.id }, next);
    return Object.assign(trace, next);
  }

  list(stateCode: string, filter: TraceListFilter, page: PageQueryDto): Promise<Page<TraceEntity>> {
    const query = this.db.repository(TraceEntity).createQueryBuilder('t').where('t.state_code = :stateCode', { stateCode });
    if (filter.direction) query.andWhere('t.direction = :direction', { direction: filter.direction });
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.createdBy) query.andWhere('t.created_by = :createdBy', { createdBy: filter.createdBy });
    return keysetPage(query, [{ property: 'createdAt', column: 't.created_at' }, { property: 'id', column: 't.id' }], page);
  }

  /**
   * What the view of a copy shows besides the copy itself, in one round trip (trace_view(), a function so
   * that its plan is kept): the hops of its chain (up to the first request, then every follow-up from it,
   * depth first: each hop followed by its own follow-ups, in the order they were opened) and its photos
   * without their bytes.
   */
  async viewOf(stateCode: string, traceId: string): Promise<TraceView> {
    const rows: HopRow[] = await this.db.manager.query('SELECT * FROM trace_view($1, $2)', [stateCode, traceId]);
    return {
      chain: rows.map((r) => ({
        id: r.id, parentId: r.parent_id, requestedState: r.requested_state, status: r.status, outcome: r.outcome, nextState: r.next_state,
        sentAt: r.sent_at, answeredAt: r.answered_at, closeReason: r.close_reason,
      })),
      photos: rows.find((r) => r.id === traceId)?.photos ?? [],
    };
  }

  /** The requester's copies waiting to give information without a date it is due (asked before copies kept one). */
  undatedInformation(stateCode: string): Promise<Pick<TraceEntity, 'id' | 'priority' | 'notes'>[]> {
    return this.db.repository(TraceEntity).find({
      select: { id: true, priority: true, notes: true },
      where: { stateCode, direction: 'outgoing', status: 'information_requested', informationDueAt: IsNull() },
    });
  }

  /** Dates the information a copy waits for; the copy's version moves on, as with any change a reader sees. */
  async setInformationDue(stateCode: string, id: string, due: Date, now: Date): Promise<void> {
    await this.db.repository(TraceEntity).update({ stateCode, id, informationDueAt: IsNull() }, { informationDueAt: due, version: () => 'version + 1', updatedAt: now });
  }

  /**
   * Marks the State's traces whose deadline passed; each is returned once, whatever the number of
   * replicas. A trace waiting for the requester's information (information_requested) is not late on the
   * requested State's side, and is on the requester's once that information is due; a delayed answer is
   * late once the day it expected the full answer has passed (UTC). The version of each copy marked moves on:
   * the mark is part of what a reader sees (its ETag), so an NPC who read it before is told to read it again.
   */
  async markOverdue(stateCode: string, now: Date): Promise<TraceEntity[]> {
    const rows: { id: string }[] = await this.db.manager.query(
      `UPDATE traces SET overdue_since = $2, version = version + 1, updated_at = $2
        WHERE state_code = $1 AND overdue_since IS NULL
          AND ((status = 'sent' AND acknowledge_due_at < $2)
            OR (status = 'acknowledged' AND answer_due_at < $2)
            OR (status = 'information_requested' AND information_due_at < $2)
            -- The copy of another node's answer is stored as sent: the cast is guarded (AND is not evaluated in order).
            OR (status = 'answered' AND CASE WHEN answer->>'outcome' = 'delayed' AND import_valid_date(answer->>'expectedDate')
                                             THEN (answer->>'expectedDate')::date < ($2::timestamptz AT TIME ZONE 'UTC')::date ELSE false END))
        RETURNING id`,
      [stateCode, now],
    ).then((result: [{ id: string }[], number]) => result[0]);
    if (rows.length === 0) return [];
    return this.db.repository(TraceEntity).createQueryBuilder('t')
      // One array parameter, however many traces fell due at once (a list of $n would stop at 65,535).
      .where('t.state_code = :stateCode AND t.id = ANY(CAST(:ids AS uuid[]))', { stateCode, ids: rows.map((r) => r.id) })
      .getMany();
  }

  async addPhoto(photo: Omit<TracePhotoEntity, 'id'>): Promise<TracePhotoEntity> {
    const repository = this.db.repository(TracePhotoEntity);
    const saved = await repository.save(repository.create(photo));
    return saved;
  }

  /** The photos of a copy, without their bytes. */
  photosOf(stateCode: string, traceId: string): Promise<TracePhotoEntity[]> {
    return this.db.repository(TracePhotoEntity).find({ where: { stateCode, traceId }, order: { position: 'ASC' } });
  }

  /** The photos of a copy with their bytes (forms, messages). */
  photosWithData(stateCode: string, traceId: string): Promise<TracePhotoEntity[]> {
    return this.db.repository(TracePhotoEntity)
      .createQueryBuilder('p')
      .addSelect('p.data')
      .where('p.state_code = :stateCode AND p.trace_id = :traceId', { stateCode, traceId })
      .orderBy('p.position', 'ASC')
      .getMany();
  }

  photo(stateCode: string, traceId: string, id: string): Promise<TracePhotoEntity | null> {
    return this.db.repository(TracePhotoEntity)
      .createQueryBuilder('p')
      .addSelect('p.data')
      .where('p.state_code = :stateCode AND p.trace_id = :traceId AND p.id = :id', { stateCode, traceId, id })
      .getOne();
  }

  async addMessage(message: Partial<OutboxMessageEntity>): Promise<void> {
    await this.db.repository(OutboxMessageEntity).insert(message as object);
  }

  /**
   * Runs `work` in a transaction without a State that starts by claiming the oldest undelivered message whose
   * exchange has no older one pending, locked (SKIP LOCKED) for this transaction, in the same round trip as
   * the transaction's start; `work` gets null when there is none. Through a SECURITY DEFINER function: the
   * outbox spans every State.
   */
  withClaimedMessage<T>(work: (message: OutboxMessageEntity | null) => Promise<T>): Promise<T> {
    return this.db.withoutStateOpening({ fn: 'outbox_claim', args: [] }, (rows) => {
      const r = rows[0];
      if (!r) return work(null);
      return work(Object.assign(new OutboxMessageEntity(), {
        id: r.id, stateCode: r.state_code, targetState: r.target_state, kind: r.kind, exchangeId: r.exchange_id,
        payload: r.payload, sealed: r.sealed, dataKey: { kekId: r.kek_id, wrapped: r.data_key }, createdAt: r.created_at, deliveredAt: null,
        attempts: r.attempts, lastError: r.last_error,
      }));
    });
  }

  /**
   * Marks a claimed message delivered by a statement sent with the transaction's COMMIT (in its round
   * trip): it counts only if everything the delivery wrote commits with it.
   */
  async markDelivered(id: string): Promise<void> {
    if (!UUID.test(id)) throw new Error(`Not a message id: ${JSON.stringify(id)}`);
    this.db.stage(DELIVERED, id);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.manager.query('SELECT outbox_failed($1, $2)', [id, error.slice(0, 500)]);
  }
}
