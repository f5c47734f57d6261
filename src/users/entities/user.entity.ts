import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../../common/auth/auth-user';
import { DataKeyColumns } from '../../common/encryption/data-key.columns';
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

  /** The TOTP secret, sealed with the row's data key (MfaSecrets). */
  @Column({ type: 'bytea', name: 'mfa_secret', nullable: true })
  mfaSecret: Buffer | null;

  /** Secret issued by enroll, waiting for a confirming code; sealed like mfaSecret. */
  @Column({ type: 'bytea', name: 'mfa_pending_secret', nullable: true })
  mfaPendingSecret: Buffer | null;

  /** A secret stored in plain text before secrets were sealed: sealed when the service starts, then emptied. */
  @Column({ type: 'text', name: 'mfa_secret_legacy', nullable: true, select: false })
  legacyMfaSecret?: string | null;

  @Column({ type: 'text', name: 'mfa_pending_secret_legacy', nullable: true, select: false })
  legacyMfaPendingSecret?: string | null;

  /** Wraps the data key that seals the TOTP secrets of this row. */
  @Column(() => DataKeyColumns, { prefix: false })
  dataKey: DataKeyColumns;

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
