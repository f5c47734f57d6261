import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity';

/** A login: the family of refresh tokens issued from it, with its idle and absolute limits. */
@Entity({ name: 'auth_sessions' })
@Index('IDX_auth_sessions_user', ['userId'])
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'boolean', name: 'mfa_satisfied' })
  mfaSatisfied: boolean;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'last_activity_at' })
  lastActivityAt: Date;

  /** Absolute end of the session, whatever the activity. */
  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 32, name: 'revoked_reason', nullable: true })
  revokedReason: string | null;

  @Column({ type: 'varchar', length: 64, name: 'client_ip', nullable: true })
  clientIp: string | null;
}
