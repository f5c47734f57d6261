import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../../common/auth/auth-user';
import { StateEntity } from '../../states/entities/state.entity';

@Entity({ name: 'users' })
@Index('IDX_users_state', ['stateCode'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @ManyToOne(() => StateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: StateEntity;

  /** Lower-case, unique on the node: the login name. */
  @Index('UQ_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 200, name: 'display_name' })
  displayName: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  agency: string | null;

  @Column({ type: 'varchar', length: 16, array: true })
  roles: Role[];

  /** argon2id PHC string. */
  @Column({ type: 'text', name: 'password_hash' })
  passwordHash: string;

  @Column({ type: 'text', name: 'mfa_secret', nullable: true })
  mfaSecret: string | null;

  /** Secret issued by enroll, waiting for a confirming code. */
  @Column({ type: 'text', name: 'mfa_pending_secret', nullable: true })
  mfaPendingSecret: string | null;

  @Column({ type: 'timestamptz', name: 'mfa_enabled_at', nullable: true })
  mfaEnabledAt: Date | null;

  /** Highest TOTP time step accepted, so that a used code cannot be replayed. */
  @Column({ type: 'bigint', name: 'mfa_last_step', nullable: true })
  mfaLastStep: string | null;

  /** Demo accounts only: never required to use MFA. */
  @Column({ type: 'boolean', name: 'mfa_exempt', default: false })
  mfaExempt: boolean;

  @Column({ type: 'int', name: 'failed_logins', default: 0 })
  failedLogins: number;

  @Column({ type: 'timestamptz', name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'timestamptz', name: 'last_login_at', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
