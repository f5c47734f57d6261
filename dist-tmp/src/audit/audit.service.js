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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditService = exports.AUDIT_SIGNING_KEY = void 0;
const common_1 = require("@nestjs/common");
const app_error_1 = require("../common/errors/app-error");
const pagination_1 = require("../common/http/pagination");
const clock_1 = require("../common/clock");
const db_1 = require("../database/db");
const audit_chain_1 = require("./audit-chain");
const audit_repository_1 = require("./audit.repository");
const audit_trail_1 = require("./audit-trail");
const audit_dto_1 = require("./dto/audit.dto");
exports.AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');
const VERIFY_BATCH = 5000;
/** The auditors' view of the trail: events, the recomputed chain, and signed checkpoints of its head. */
let AuditService = class AuditService {
    constructor(db, events, trail, clock, signingKey) {
        this.db = db;
        this.events = events;
        this.trail = trail;
        this.clock = clock;
        this.signingKey = signingKey;
    }
    async list(actor, query) {
        const page = await this.events.list(actor.stateCode, {
            ...query,
            from: query.from ? new Date(query.from) : undefined,
            to: query.to ? new Date(query.to) : undefined,
        }, query);
        return (0, pagination_1.mapPage)(page, audit_dto_1.AuditEventDto.from);
    }
    /** Who did `action` on a record, and when: e.g. the reads of a case's content, which auditors see. */
    /**
     * The latest `limit` times `action` was taken on a target, oldest first, and whether there were more before
     * them (the whole list is the audit trail's: GET /audit/events).
     */
    async actionsOn(stateCode, targetType, targetId, action, limit) {
        const events = await this.events.latestActionsOn(stateCode, targetType, targetId, action, limit + 1);
        const shown = events.slice(0, limit).reverse();
        return { actions: shown.map((e) => ({ userId: e.actorId, at: e.at.toISOString(), outcome: e.outcome })), earlier: events.length > limit };
    }
    /** Recomputes the caller's State's chain from its first event and names the first broken link. */
    async verify(actor) {
        const result = await this.recompute(actor.stateCode);
        this.trail.record(actor, { action: 'audit.verify', outcome: result.ok ? 'success' : 'failure', details: { checked: result.checked, firstBroken: result.firstBroken?.seq ?? null } });
        return result;
    }
    /** The public key that verifies this node's checkpoints. */
    publicKeyPem() {
        return (0, audit_chain_1.publicKeyPem)(this.signingKey);
    }
    /** A signed statement of the chain's head now, to keep outside the database and check later. */
    async checkpoint(actor, stateCode) {
        const result = await this.recompute(stateCode);
        if (!result.ok || !result.head) {
            throw new app_error_1.ConflictError('AUDIT_CHAIN_BROKEN', result.firstBroken?.message ?? 'The audit trail has no events yet: there is nothing to sign', { firstBroken: result.firstBroken });
        }
        const checkpoint = (0, audit_chain_1.signCheckpoint)({ stateCode, seq: result.head.seq, hash: result.head.hash }, this.signingKey.privateKey, this.clock.now());
        this.trail.record(actor, { action: 'audit.checkpoint', targetType: 'audit_events', targetId: checkpoint.seq }, stateCode);
        return checkpoint;
    }
    /**
     * Checks a checkpoint's signature against a trusted public key, then recomputes the chain up to the
     * checkpoint: a chain rewritten since (even with every hash recomputed) no longer has its hash there.
     */
    async verifyCheckpoint(checkpoint, trustedKey = this.signingKey.publicKey) {
        const problems = (0, audit_chain_1.checkCheckpointSignature)(checkpoint, trustedKey);
        if (problems.length > 0)
            return { ok: false, problems, chain: null };
        const signed = checkpoint;
        const verifier = await this.db.inState(signed.stateCode, () => this.feedChain(signed.stateCode, signed.seq));
        const chain = verifier.result();
        const at = verifier.keptHash();
        if (!chain.ok && chain.firstBroken && BigInt(chain.firstBroken.seq) <= BigInt(signed.seq))
            problems.push(chain.firstBroken.message);
        else if (at === null)
            problems.push(`the chain of ${signed.stateCode} no longer reaches event ${signed.seq}: events were removed`);
        else if (at !== signed.hash)
            problems.push(`the chain of ${signed.stateCode} was rewritten: event ${signed.seq} no longer has the hash signed on ${signed.signedAt}`);
        return { ok: problems.length === 0, problems, chain };
    }
    async recompute(stateCode) {
        return (await this.feedChain(stateCode, null)).result();
    }
    async feedChain(stateCode, untilSeq) {
        const verifier = new audit_chain_1.ChainVerifier(stateCode, untilSeq);
        let after = '0';
        for (;;) {
            const batch = await this.events.batch(stateCode, after, VERIFY_BATCH);
            verifier.feed(batch);
            if (batch.length < VERIFY_BATCH)
                break;
            after = batch[batch.length - 1].seq;
            if (untilSeq !== null && BigInt(after) >= BigInt(untilSeq))
                break;
        }
        return verifier;
    }
};
exports.AuditService = AuditService;
exports.AuditService = AuditService = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, common_1.Inject)(exports.AUDIT_SIGNING_KEY)),
    __metadata("design:paramtypes", [db_1.Db,
        audit_repository_1.AuditRepository,
        audit_trail_1.AuditTrail,
        clock_1.Clock, Object])
], AuditService);
//# sourceMappingURL=audit.service.js.map