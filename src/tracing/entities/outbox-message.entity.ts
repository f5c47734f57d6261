import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DataKeyColumns } from '../../common/encryption/data-key.columns';

/**
 * A message from one State's mailbox to another's, written in the same transaction as the change that
 * causes it (transactional outbox) and delivered once by OutboxWorker.
 */
@Entity({ name: 'outbox_messages' })
@Index('IDX_outbox_exchange', ['exchangeId', 'createdAt'])
@Index('IDX_outbox_deliverable', ['targetState', 'createdAt', 'id'], { where: 'delivered_at IS NULL AND attempts < 10' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The sending State. */
  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'char', length: 3, name: 'target_state' })
  targetState: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'uuid', name: 'exchange_id' })
  exchangeId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** The confidential part of the message (disclosed case fields), sealed with the message's own data key. */
  @Column({ type: 'bytea', nullable: true })
  sealed: Buffer | null;

  @Column(() => DataKeyColumns, { prefix: false })
  dataKey: DataKeyColumns;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** After a failed delivery, the next try waits longer each time. */
  @Column({ type: 'timestamptz', name: 'next_attempt_at', default: () => 'clock_timestamp()' })
  nextAttemptAt: Date;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;
}
