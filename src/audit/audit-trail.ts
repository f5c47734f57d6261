import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { currentRequestOrigin } from '../common/http/request-context';
import { AppConfig } from '../config/app-config';
import { CommitBatch, Db } from '../database/db';
import type { AuditEventContent } from './audit-chain';
import { canonicalId } from '../common/uuid';
import { AuditDraft, AuditRepository } from './audit.repository';

export type AuditOutcome = AuditEventContent['outcome'];

/** What happened, as the code that did it says it. Never put confidential content in `details`. */
export interface AuditEntry {
  action: string;
  outcome?: AuditOutcome;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

type Actor = Pick<AuthUser, 'id' | 'stateCode'>;

const REFUSAL = Symbol('audited refusal');

/**
 * Marks an error as a refusal to be recorded in the audit trail once the request's transaction has rolled
 * back (RequestScopeInterceptor records it, in a transaction of its own): a service never needs a second
 * connection while it holds the request's.
 */
export function auditedRefusal<E extends Error>(error: E, entry: AuditEntry): E {
  Object.defineProperty(error, REFUSAL, { value: { outcome: 'denied', ...entry }, enumerable: false });
  return error;
}

export function refusalOf(error: unknown): AuditEntry | null {
  return error instanceof Error ? ((error as Error & { [REFUSAL]?: AuditEntry })[REFUSAL] ?? null) : null;
}

/**
 * Records security-relevant actions into their State's hash chain. Events are staged in the transaction
 * that does the action and appended by one statement sent with its COMMIT, so the chain's head stays
 * locked only while that statement and the commit run, and an action that rolls back leaves no event. Refusals, whose
 * transaction rolls back, are recorded with recordSeparately().
 */
@Injectable()
export class AuditTrail implements CommitBatch<AuditDraft> {
  constructor(
    private readonly db: Db,
    private readonly events: AuditRepository,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Stages an event in the current transaction, in the chain of `stateCode` (default: the actor's). */
  record(actor: Actor | null, entry: AuditEntry, stateCode = actor?.stateCode): void {
    if (!this.config.AUDIT_TRAIL) return;
    if (!stateCode) throw new Error(`Audit event ${entry.action} names no State`);
    const origin = currentRequestOrigin();
    this.db.stage<AuditDraft>(this, {
      stateCode,
      at: this.clock.now(),
      actorId: actor?.id ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      // The id as every response writes it: a read asked for with an upper-case UUID is found by the lower-case one.
      targetId: clip(entry.targetId ? canonicalId(entry.targetId) : null, 100),
      outcome: entry.outcome ?? 'success',
      requestId: clip(origin?.requestId ?? null, 100),
      sourceIp: clip(origin?.sourceIp ?? null, 64),
      details: entry.details ?? {},
    });
  }

  /** Records in a transaction of its own, which commits even though the caller's is about to roll back. */
  async recordSeparately(actor: Actor | null, entries: AuditEntry[], stateCode = actor?.stateCode): Promise<void> {
    if (!this.config.AUDIT_TRAIL || !stateCode) return;
    await this.db.separately(stateCode, async () => {
      for (const entry of entries) this.record(actor, entry, stateCode);
    });
  }

  commitStatement(drafts: AuditDraft[]): string {
    return this.events.appendStatement(drafts);
  }
}

/** A value from the request (a path parameter, a request id) fitted to its column; NUL cannot be stored. */
function clip(value: string | null, length: number): string | null {
  return value === null ? null : value.replaceAll('\u0000', '').slice(0, length);
}
