"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TracesRepository = void 0;
const common_1 = require("@nestjs/common");
const pg_1 = require("pg");
const pagination_1 = require("../common/http/pagination");
const uuid_1 = require("../common/uuid");
const db_1 = require("../database/db");
const trace_entity_1 = require("./entities/trace.entity");
const outbox_message_entity_1 = require("./entities/outbox-message.entity");
const trace_photo_entity_1 = require("./entities/trace-photo.entity");
/** The messages a delivery transaction marks delivered as it commits (ids checked as UUIDs before they are staged). */
const DELIVERED = {
    commitStatement: (ids) => ids.map((id) => `SELECT outbox_delivered(${(0, pg_1.escapeLiteral)(id)})`).join('; '),
};
let TracesRepository = class TracesRepository {
    constructor(db) {
        this.db = db;
    }
    /**
     * Inserts a new copy (insert, not save: save would first look the new id up). The nullable columns left
     * out are null on the returned copy, as save would set them and as a read gives them (insert itself fills
     * in only generated and default values).
     */
    async insert(trace) {
        const repository = this.db.repository(trace_entity_1.TraceEntity);
        const entity = repository.create(trace);
        for (const column of repository.metadata.columns) {
            if (column.isNullable && column.getEntityValue(entity) === undefined)
                column.setEntityValue(entity, null);
        }
        await repository.insert(entity);
        return entity;
    }
    findById(stateCode, id) {
        return this.db.repository(trace_entity_1.TraceEntity).findOneBy({ stateCode, id });
    }
    /** Locks the copy until the transaction ends: concurrent transitions queue and see each other's version. */
    findByIdForUpdate(stateCode, id) {
        return this.db.repository(trace_entity_1.TraceEntity)
            .createQueryBuilder('t')
            .where('t.state_code = :stateCode AND t.id = :id', { stateCode, id })
            .setLock('pessimistic_write')
            .getOne();
    }
    findCopyForUpdate(stateCode, exchangeId, direction) {
        return this.db.repository(trace_entity_1.TraceEntity)
            .createQueryBuilder('t')
            .where('t.state_code = :stateCode AND t.exchange_id = :exchangeId AND t.direction = :direction', { stateCode, exchangeId, direction })
            .setLock('pessimistic_write')
            .getOne();
    }
    /** Writes the changes and moves the version on by one. */
    async update(trace, changes, at) {
        const next = { ...changes, version: trace.version + 1, updatedAt: at };
        await this.db.repository(trace_entity_1.TraceEntity).update({ stateCode: trace.stateCode, id: trace.id }, next);
        return Object.assign(trace, next);
    }
    list(stateCode, filter, page) {
        const query = this.db.repository(trace_entity_1.TraceEntity).createQueryBuilder('t').where('t.state_code = :stateCode', { stateCode });
        if (filter.direction)
            query.andWhere('t.direction = :direction', { direction: filter.direction });
        if (filter.status)
            query.andWhere('t.status = :status', { status: filter.status });
        if (filter.createdBy)
            query.andWhere('t.created_by = :createdBy', { createdBy: filter.createdBy });
        return (0, pagination_1.keysetPage)(query, [{ property: 'createdAt', column: 't.created_at' }, { property: 'id', column: 't.id' }], page);
    }
    /**
     * What the view of a copy shows besides the copy itself, in one round trip (trace_view(), a function so
     * that its plan is kept): the hops of its chain (up to the first request, then every follow-up from it,
     * in the order of the walk) and its photos without their bytes.
     */
    async viewOf(stateCode, traceId) {
        const rows = await this.db.manager.query('SELECT * FROM trace_view($1, $2)', [stateCode, traceId]);
        return {
            chain: rows.map((r) => ({
                id: r.id, requestedState: r.requested_state, status: r.status, outcome: r.outcome, nextState: r.next_state,
                sentAt: r.sent_at, answeredAt: r.answered_at, closeReason: r.close_reason,
            })),
            photos: rows.find((r) => r.id === traceId)?.photos ?? [],
        };
    }
    /**
     * Marks the State's traces whose deadline passed; each is returned once, whatever the number of
     * replicas. A trace waiting for the requester's information (information_requested) is not late on the
     * requested State's side, and is on the requester's once that information is due; a delayed answer is
     * late once the day it expected the full answer has passed (UTC).
     */
    async markOverdue(stateCode, now) {
        const rows = await this.db.manager.query(`UPDATE traces SET overdue_since = $2
        WHERE state_code = $1 AND overdue_since IS NULL
          AND ((status = 'sent' AND acknowledge_due_at < $2)
            OR (status = 'acknowledged' AND answer_due_at < $2)
            OR (status = 'information_requested' AND information_due_at < $2)
            -- The copy of another node's answer is stored as sent: the cast is guarded (AND is not evaluated in order).
            OR (status = 'answered' AND CASE WHEN answer->>'outcome' = 'delayed' AND import_valid_date(answer->>'expectedDate')
                                             THEN (answer->>'expectedDate')::date < ($2::timestamptz AT TIME ZONE 'UTC')::date ELSE false END))
        RETURNING id`, [stateCode, now]).then((result) => result[0]);
        if (rows.length === 0)
            return [];
        return this.db.repository(trace_entity_1.TraceEntity).createQueryBuilder('t')
            // One array parameter, however many traces fell due at once (a list of $n would stop at 65,535).
            .where('t.state_code = :stateCode AND t.id = ANY(CAST(:ids AS uuid[]))', { stateCode, ids: rows.map((r) => r.id) })
            .getMany();
    }
    async addPhoto(photo) {
        const repository = this.db.repository(trace_photo_entity_1.TracePhotoEntity);
        const saved = await repository.save(repository.create(photo));
        return saved;
    }
    /** The photos of a copy, without their bytes. */
    photosOf(stateCode, traceId) {
        return this.db.repository(trace_photo_entity_1.TracePhotoEntity).find({ where: { stateCode, traceId }, order: { position: 'ASC' } });
    }
    /** The photos of a copy with their bytes (forms, messages). */
    photosWithData(stateCode, traceId) {
        return this.db.repository(trace_photo_entity_1.TracePhotoEntity)
            .createQueryBuilder('p')
            .addSelect('p.data')
            .where('p.state_code = :stateCode AND p.trace_id = :traceId', { stateCode, traceId })
            .orderBy('p.position', 'ASC')
            .getMany();
    }
    photo(stateCode, traceId, id) {
        return this.db.repository(trace_photo_entity_1.TracePhotoEntity)
            .createQueryBuilder('p')
            .addSelect('p.data')
            .where('p.state_code = :stateCode AND p.trace_id = :traceId AND p.id = :id', { stateCode, traceId, id })
            .getOne();
    }
    async addMessage(message) {
        await this.db.repository(outbox_message_entity_1.OutboxMessageEntity).insert(message);
    }
    /**
     * Runs `work` in a transaction without a State that starts by claiming the oldest undelivered message whose
     * exchange has no older one pending, locked (SKIP LOCKED) for this transaction, in the same round trip as
     * the transaction's start; `work` gets null when there is none. Through a SECURITY DEFINER function: the
     * outbox spans every State.
     */
    withClaimedMessage(work) {
        return this.db.withoutStateOpening({ fn: 'outbox_claim', args: [] }, (rows) => {
            const r = rows[0];
            if (!r)
                return work(null);
            return work(Object.assign(new outbox_message_entity_1.OutboxMessageEntity(), {
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
    async markDelivered(id) {
        if (!uuid_1.UUID.test(id))
            throw new Error(`Not a message id: ${JSON.stringify(id)}`);
        this.db.stage(DELIVERED, id);
    }
    async markFailed(id, error) {
        await this.db.manager.query('SELECT outbox_failed($1, $2)', [id, error.slice(0, 500)]);
    }
};
exports.TracesRepository = TracesRepository;
exports.TracesRepository = TracesRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], TracesRepository);
//# sourceMappingURL=traces.repository.js.map