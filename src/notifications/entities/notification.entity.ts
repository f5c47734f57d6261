import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message in one user's inbox (GET /notifications): a deadline passed, a trace arrived or moved. */
@Entity({ name: 'notifications' })
@Index('IDX_notifications_user', ['stateCode', 'userId', 'createdAt', 'id'])
@Index('IDX_notifications_unread', ['stateCode', 'userId', 'createdAt', 'id'], { where: 'read_at IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'uuid', name: 'trace_id', nullable: true })
  traceId: string | null;

  @Column({ type: 'text' })
  message: string;

  // Milliseconds, as a list's cursor carries it (src/common/http/pagination.ts).
  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt: Date | null;
}
