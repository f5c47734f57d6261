import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail';
import { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { CommittedRefusal, ForbiddenError, SessionEndedError } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { UsersRepository } from './users.repository';

/** Wrong passwords and codes, counted toward an account's lockout, and the checks that count them. */
@Injectable()
export class PasswordCheck {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly clock: Clock,
    private readonly trail: AuditTrail,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  isLocked(user: UserEntity): boolean {
    return user.lockedUntil !== null && user.lockedUntil > this.clock.now();
  }

  /** One failure more, in the audit trail and toward the lockout (LOCKOUT_THRESHOLD in a row locks for LOCKOUT_SECONDS). */
  async recordFailure(user: UserEntity, action: string, reason: string): Promise<void> {
    const failures = user.failedLogins + 1;
    const locked = failures >= this.config.LOCKOUT_THRESHOLD;
    this.trail.record(user, { action, outcome: 'failure', targetType: 'user', targetId: user.id, details: { reason, accountLocked: locked } });
    if (locked) {
      const lockedUntil = new Date(this.clock.now().getTime() + this.config.LOCKOUT_SECONDS * 1000);
      await this.users.update(user.stateCode, user.id, { failedLogins: 0, lockedUntil });
    } else {
      await this.users.update(user.stateCode, user.id, { failedLogins: failures });
    }
  }

  /**
   * The caller's own password, asked again before a change a stolen access token alone must not make (enrolling
   * MFA, resetting another account); called before the request changes anything. A wrong one is 403
   * PASSWORD_INCORRECT and counts toward the caller's lockout (`action` names it in the trail), in the request's
   * transaction, which commits (CommittedRefusal). The account's row is locked first: checks sent together take
   * turns, each seeing the failures before it, so that a burst of guesses stops at the lockout as logins do.
   */
  async assertOwnPassword(actor: AuthUser, password: string, action: string, why: string): Promise<void> {
    const current = await this.users.findByIdForUpdate(actor.stateCode, actor.id);
    if (!current) throw new SessionEndedError();
    if (this.isLocked(current)) throw new ForbiddenError('ACCOUNT_LOCKED', 'Too many wrong passwords: try again later');
    if (await this.passwords.verify(current.passwordHash, password)) return;
    await this.recordFailure(current, action, 'wrong_password');
    throw new CommittedRefusal('PASSWORD_INCORRECT', `The password does not match: ${why}`);
  }
}
