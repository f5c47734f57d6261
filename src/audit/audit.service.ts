import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import type { AuthUser } from '../common/auth/auth-user';
import { ConflictError } from '../common/errors/app-error';
import { mapPage, Page } from '../common/http/pagination';
import { checkPeriod } from '../common/http/instant';
import { Clock } from '../common/clock';
import { Db } from '../database/db';
import { AuditCheckpoint, ChainVerification, ChainVerifier, checkCheckpointSignature, publicKeyPem, signCheckpoint } from './audit-chain';
import type { AuditSigningKey } from './audit-chain';
import { AuditRepository } from './audit.repository';
import { AuditTrail } from './audit-trail';
import { AuditEventDto, ListAuditEventsQueryDto } from './dto/audit.dto';

export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');
const VERIFY_BATCH = 5000;

export interface CheckpointVerification {
  ok: boolean;
  problems: string[];
  chain: ChainVerification | null;
}

/** The auditors' view of the trail: events, the recomputed chain, and signed checkpoints of its head. */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly events: AuditRepository,
    private readonly trail: AuditTrail,
    private readonly clock: Clock,
    @Inject(AUDIT_SIGNING_KEY) private readonly signingKey: AuditSigningKey,
  ) {}

  async list(actor: AuthUser, query: ListAuditEventsQueryDto): Promise<Page<AuditEventDto>> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    checkPeriod(from, to);
    const page = await this.events.list(actor.stateCode, { ...query, from, to }, query);
    // With the text forms the hashes cover: an auditor recomputes the chain from these pages alone.
    const hashed = await this.events.hashedForms(actor.stateCode, page.items.map((e) => e.seq));
    return mapPage(page, (e) => AuditEventDto.from(e, hashed.get(e.seq)!));
  }

  /** Who did `action` on a record, and when: e.g. the reads of a case's content, which auditors see. */
  /**
   * The latest `limit` times `action` was taken on a target, oldest first, and whether there were more before
   * them (the whole list is the audit trail's: GET /audit/events).
   */
  async actionsOn(
    stateCode: string, targetType: string, targetId: string, action: string, limit: number,
  ): Promise<{ actions: { userId: string | null; at: string; outcome: string }[]; earlier: boolean }> {
    const events = await this.events.latestActionsOn(stateCode, targetType, targetId, action, limit + 1);
    const shown = events.slice(0, limit).reverse();
    return { actions: shown.map((e) => ({ userId: e.actorId, at: e.at.toISOString(), outcome: e.outcome })), earlier: events.length > limit };
  }

  /** Recomputes the caller's State's chain from its first event and names the first broken link. */
  async verify(actor: AuthUser): Promise<ChainVerification> {
    const result = await this.recompute(actor.stateCode);
    this.trail.record(actor, { action: 'audit.verify', outcome: result.ok ? 'success' : 'failure', details: { checked: result.checked, firstBroken: result.firstBroken?.seq ?? null } });
    return result;
  }

  /** The public key that verifies this node's checkpoints. */
  publicKeyPem(): string {
    return publicKeyPem(this.signingKey);
  }

  /** A signed statement of the chain's head now, to keep outside the database and check later. */
  async checkpoint(actor: AuthUser | null, stateCode: string): Promise<AuditCheckpoint> {
    const result = await this.recompute(stateCode);
    if (!result.ok || !result.head) {
      throw new ConflictError('AUDIT_CHAIN_BROKEN', result.firstBroken?.message ?? 'The audit trail has no events yet: there is nothing to sign', { firstBroken: result.firstBroken });
    }
    const checkpoint = signCheckpoint({ stateCode, seq: result.head.seq, hash: result.head.hash }, this.signingKey.privateKey, this.clock.now());
    this.trail.record(actor, { action: 'audit.checkpoint', targetType: 'audit_events', targetId: checkpoint.seq }, stateCode);
    return checkpoint;
  }

  /**
   * Checks a checkpoint's signature against a trusted public key, then recomputes the chain up to the
   * checkpoint: a chain rewritten since (even with every hash recomputed) no longer has its hash there.
   */
  async verifyCheckpoint(checkpoint: unknown, trustedKey: KeyObject = this.signingKey.publicKey): Promise<CheckpointVerification> {
    const problems = checkCheckpointSignature(checkpoint, trustedKey);
    if (problems.length > 0) return { ok: false, problems, chain: null };
    const signed = checkpoint as AuditCheckpoint;
    const verifier = await this.db.inState(signed.stateCode, () => this.feedChain(signed.stateCode, signed.seq));
    const chain = verifier.result();
    const at = verifier.keptHash();
    if (!chain.ok && chain.firstBroken && BigInt(chain.firstBroken.seq) <= BigInt(signed.seq)) problems.push(chain.firstBroken.message);
    else if (at === null) problems.push(`the chain of ${signed.stateCode} no longer reaches event ${signed.seq}: events were removed`);
    else if (at !== signed.hash) problems.push(`the chain of ${signed.stateCode} was rewritten: event ${signed.seq} no longer has the hash signed on ${signed.signedAt}`);
    return { ok: problems.length === 0, problems, chain };
  }

  private async recompute(stateCode: string): Promise<ChainVerification> {
    return (await this.feedChain(stateCode, null)).result();
  }

  private async feedChain(stateCode: string, untilSeq: string | null): Promise<ChainVerifier> {
    const verifier = new ChainVerifier(stateCode, untilSeq);
    let after = '0';
    for (;;) {
      const batch = await this.events.batch(stateCode, after, VERIFY_BATCH);
      verifier.feed(batch);
      // Nothing after the first break is judged: the rest of a long chain is not read.
      if (batch.length < VERIFY_BATCH || verifier.isBroken()) break;
      after = batch[batch.length - 1].seq;
      if (untilSeq !== null && BigInt(after) >= BigInt(untilSeq)) break;
    }
    return verifier;
  }
}
