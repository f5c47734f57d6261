import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One link of a State's audit chain: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE, and the
 * app role may only read; rows arrive through audit_append()). `hash` covers the content and `prev_hash`.
 */
@Entity({ name: 'audit_events' })
@Index('IDX_audit_events_state_at', ['stateCode', 'at'])
@Index('IDX_audit_events_target', ['stateCode', 'targetType', 'targetId', 'seq'])
@Index('IDX_audit_events_actor', ['stateCode', 'actorId', 'seq'])
@Index('IDX_audit_events_action', ['stateCode', 'action', 'seq'])
@Index('IDX_audit_events_unsuccessful', ['stateCode', 'outcome', 'seq'], { where: "outcome <> 'success'" })
export class AuditEventEntity {
  @PrimaryColumn({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 120 })
  action: string;

  @Column({ type: 'varchar', length: 40, name: 'target_type', nullable: true })
  targetType: string | null;

  @Column({ type: 'varchar', length: 100, name: 'target_id', nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 8 })
  outcome: 'success' | 'failure' | 'denied';

  @Column({ type: 'varchar', length: 100, name: 'request_id', nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, name: 'source_ip', nullable: true })
  sourceIp: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @Column({ type: 'bytea', name: 'prev_hash' })
  prevHash: Buffer;

  @Column({ type: 'bytea' })
  hash: Buffer;
}

/** The last link of each State's chain, locked while a transaction appends (one writer per chain at a time). */
@Entity({ name: 'audit_heads' })
export class AuditHeadEntity {
  @PrimaryColumn({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'bytea' })
  hash: Buffer;
}
