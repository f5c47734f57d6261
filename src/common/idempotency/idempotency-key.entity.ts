import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DataKeyColumns } from '../encryption/data-key.columns';

/**
 * The first result of a POST sent with an Idempotency-Key, replayed for the same key and body for
 * IDEMPOTENCY_KEY_HOURS, then deleted by IdempotencyPurgeJob (through the index by age).
 */
@Entity({ name: 'idempotency_keys' })
@Index('IDX_idempotency_keys_created', ['stateCode', 'createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column({ type: 'char', length: 64, name: 'request_sha256' })
  requestSha256: string;

  @Column({ type: 'integer', name: 'status_code' })
  statusCode: number;

  /** The first response, sealed with the record's data key: it can hold confidential case content. */
  @Column({ type: 'bytea', nullable: true })
  response: Buffer | null;

  @Column(() => DataKeyColumns, { prefix: false })
  dataKey: DataKeyColumns;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
