import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { ConflictError, fieldError, ForbiddenError, NotFoundError } from '../common/errors/app-error';
import { mapPage, Page, PageQueryDto } from '../common/http/pagination';
import { SessionsRepository } from '../auth/sessions.repository';
import { AuditTrail } from '../audit/audit-trail';
import { AdminResetCredentialsDto, CreateUserDto, ResetCredentialsDto, UpdateUserDto, UserDto } from './dto/user.dto';
import { PasswordCheck } from './password-check';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './entities/user.entity';
import { UsersRepository } from './users.repository';

export interface NewUser extends CreateUserDto {
  stateCode: string;
  mfaExempt?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly passwordCheck: PasswordCheck,
    private readonly sessions: SessionsRepository,
    private readonly clock: Clock,
    private readonly trail: AuditTrail,
  ) {}

  /**
   * An admin creates a user of their own State: the State comes from the admin's token. The admin's own row
   * is locked and read again before the insert (after the slow password hash, so the lock stays short): an
   * admin demoted or disabled meanwhile creates no one.
   */
  async create(actor: AuthUser, input: CreateUserDto): Promise<UserDto> {
    const passwordHash = await this.passwords.hash(input.password);
    assertStillAdmin(actor, await this.users.findManyByIdForUpdate(actor.stateCode, [actor.id]));
    return this.insert(actor, { ...input, stateCode: actor.stateCode }, passwordHash);
  }

  /** Creation without an acting admin (CLI, demo): the caller has scoped the transaction to `stateCode`. */
  async createInState(input: NewUser): Promise<UserDto> {
    return this.insert(null, input, await this.passwords.hash(input.password));
  }

  /** Inserts the account, and records the access it gives, by `actor` (null: an operator's command on the node). */
  private async insert(actor: AuthUser | null, input: NewUser, passwordHash: string): Promise<UserDto> {
    const created = await this.users.insert({
      stateCode: input.stateCode,
      username: input.username,
      displayName: input.displayName,
      email: input.email?.toLowerCase() ?? null,
      agency: input.agency ?? null,
      roles: input.roles,
      passwordHash,
      mfaExempt: input.mfaExempt ?? false,
    });
    this.recordAccess(actor, input.stateCode, created.id, { roles: [], disabled: false }, { roles: created.roles, disabled: false });
    return UserDto.from(created, this.clock.now());
  }

  /**
   * Records in the audit trail a change of what an account may do (the route's own event names only the account),
   * by an admin, or by no one (an operator's command on the node).
   */
  private recordAccess(actor: AuthUser | null, stateCode: string, userId: string, before: Access, after: Access): void {
    if (before.disabled === after.disabled && [...before.roles].sort().join() === [...after.roles].sort().join()) return;
    this.trail.record(actor, {
      action: 'user.access_changed', targetType: 'user', targetId: userId,
      details: { rolesBefore: before.roles, rolesAfter: after.roles, disabledBefore: before.disabled, disabledAfter: after.disabled },
    }, stateCode);
  }

  async list(actor: AuthUser, page: PageQueryDto): Promise<Page<UserDto>> {
    const now = this.clock.now();
    return mapPage(await this.users.list(actor.stateCode, page), (user) => UserDto.from(user, now));
  }

  async get(actor: AuthUser, id: string): Promise<UserDto> {
    const user = await this.users.findById(actor.stateCode, id);
    if (!user) throw new NotFoundError('User', 'USER_NOT_FOUND');
    return UserDto.from(user, this.clock.now());
  }

  async update(actor: AuthUser, id: string, input: UpdateUserDto): Promise<UserDto> {
    // The admin's own row is locked too, and read again once locked: two admins removing each other's
    // role at once would otherwise both succeed and leave the State without one.
    const locked = await this.users.findManyByIdForUpdate(actor.stateCode, [...new Set([actor.id, id])]);
    assertStillAdmin(actor, locked);
    const user = locked.find((u) => u.id === id);
    if (!user) throw new NotFoundError('User', 'USER_NOT_FOUND');
    if (id === actor.id && (input.disabled === true || (input.roles && !input.roles.includes('admin')))) {
      throw new ConflictError('CANNOT_DEMOTE_SELF', 'An admin cannot disable their own account or remove their own admin role');
    }
    // An admin does not give themselves more access (an auditor's, of the trail that records their own changes; an
    // NPC's; a registrar's): another admin of the State does, and the trail records who. Dropping a role needs no one.
    if (id === actor.id && input.roles?.some((role) => !user.roles.includes(role))) {
      throw new ConflictError('CANNOT_ADD_OWN_ROLES', 'An admin\'s roles are added to by another admin of the State');
    }
    const before: Access = { roles: [...user.roles], disabled: user.disabledAt !== null };
    if (input.displayName !== undefined) user.displayName = input.displayName;
    if (input.email !== undefined) user.email = input.email?.toLowerCase() ?? null;
    if (input.agency !== undefined) user.agency = input.agency ?? null;
    if (input.roles !== undefined) user.roles = input.roles;
    if (input.disabled !== undefined) user.disabledAt = input.disabled ? (user.disabledAt ?? this.clock.now()) : null;
    const saved = await this.users.save(user);
    this.recordAccess(actor, actor.stateCode, user.id, before, { roles: [...saved.roles], disabled: saved.disabledAt !== null });
    // Sessions end with the account; enabling it again does not bring them back.
    if (input.disabled === true) await this.sessions.revokeAllOfUser(user.id, 'account_disabled', this.clock.now());
    return UserDto.from(saved, this.clock.now());
  }

  /**
   * An admin resets another account of the State: a new password, its MFA (the user enrols again), its lockout.
   * A new password or MFA reset ends the account's sessions. The admin gives their own password again, so that an
   * access token taken from them cannot take another account; an admin's own credentials are reset by another
   * admin (or by the operator: `user:reset`).
   */
  async resetCredentials(actor: AuthUser, id: string, input: AdminResetCredentialsDto): Promise<UserDto> {
    if (input.password === undefined && input.mfa !== true && input.unlock !== true) {
      throw fieldError('password', 'give a new password, mfa: true or unlock: true');
    }
    if (id === actor.id) throw new ConflictError('CANNOT_RESET_OWN_CREDENTIALS', 'An admin\'s own credentials are reset by another admin of the State');
    const passwordHash = input.password === undefined ? null : await this.passwords.hash(input.password);
    // Both accounts locked first, in one order: two admins resetting each other never wait for each other in a
    // cycle (the password check locks the acting admin's row, held already).
    const locked = await this.users.findManyByIdForUpdate(actor.stateCode, [...new Set([actor.id, id])]);
    await this.passwordCheck.assertOwnPassword(actor, input.adminPassword, 'user.credentials_reset', 'an account\'s credentials are reset with the acting admin\'s own password');
    assertStillAdmin(actor, locked);
    const user = locked.find((u) => u.id === id);
    if (!user) throw new NotFoundError('User', 'USER_NOT_FOUND');
    return this.applyReset(actor, user, input, passwordHash);
  }

  /** The operator's reset of an account (`user:reset`, no admin needed): the caller has scoped the transaction to the account's State. */
  async resetCredentialsInState(stateCode: string, username: string, input: ResetCredentialsDto): Promise<UserDto> {
    const passwordHash = input.password === undefined ? null : await this.passwords.hash(input.password);
    const user = await this.users.findByUsernameForUpdate(stateCode, username);
    if (!user) throw new NotFoundError(`User ${username} of ${stateCode}`, 'USER_NOT_FOUND');
    return this.applyReset(null, user, input, passwordHash);
  }

  private async applyReset(actor: AuthUser | null, user: UserEntity, input: ResetCredentialsDto, passwordHash: string | null): Promise<UserDto> {
    const saved = await this.users.save(Object.assign(user, credentialsReset(input, passwordHash)));
    const now = this.clock.now();
    if (passwordHash !== null || input.mfa === true) await this.sessions.revokeAllOfUser(user.id, 'credentials_reset', now);
    this.trail.record(actor, {
      action: 'user.credentials_reset', targetType: 'user', targetId: user.id,
      details: { password: passwordHash !== null, mfa: input.mfa === true, unlock: input.unlock === true },
    }, user.stateCode);
    return UserDto.from(saved, now);
  }
}

/** What a reset of credentials changes on the account (UsersService.resetCredentials). */
function credentialsReset(input: ResetCredentialsDto, passwordHash: string | null): Partial<UserEntity> {
  return {
    ...(passwordHash !== null && { passwordHash }),
    ...(input.mfa === true && { mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null }),
    ...(input.unlock === true && { lockedUntil: null, failedLogins: 0 }),
  };
}

/** The access an account gives: its roles, and whether it is disabled. */
interface Access {
  roles: readonly string[];
  disabled: boolean;
}

/** The acting admin's own row, as locked by this transaction, still says admin and enabled. */
function assertStillAdmin(actor: AuthUser, locked: UserEntity[]): void {
  const self = locked.find((u) => u.id === actor.id);
  if (!self || self.disabledAt !== null || !self.roles.includes('admin')) {
    throw new ForbiddenError('ROLE_REQUIRED', 'This needs one of the roles: admin (the account no longer has it)');
  }
}
