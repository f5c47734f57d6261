import { Injectable } from '@nestjs/common';
import { conflictOnUnique } from '../common/errors/database-errors';
import { ConflictError } from '../common/errors/app-error';
import { keysetPage, Page, PageQueryDto } from '../common/http/pagination';
import { Db } from '../database/db';
import { UserEntity } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Db) {}

  /** Before login: the State of a user name, through the SECURITY DEFINER look-up (no State needed). */
  async findStateOfUsername(username: string): Promise<string | null> {
    const rows: { state: string | null }[] = await this.db.manager.query('SELECT auth_user_state($1) AS state', [username]);
    return rows[0]?.state ?? null;
  }

  // Every query names the State as well: isolation holds in the service even before row-level security.

  findByUsername(stateCode: string, username: string): Promise<UserEntity | null> {
    return this.db.repository(UserEntity).findOneBy({ stateCode, username });
  }

  findByUsernameForUpdate(stateCode: string, username: string): Promise<UserEntity | null> {
    return this.db
      .repository(UserEntity)
      .createQueryBuilder('u')
      .where('u.state_code = :stateCode AND u.username = :username', { stateCode, username })
      .setLock('pessimistic_write')
      .getOne();
  }

  findById(stateCode: string, id: string): Promise<UserEntity | null> {
    return this.db.repository(UserEntity).findOneBy({ stateCode, id });
  }

  findByIdForUpdate(stateCode: string, id: string): Promise<UserEntity | null> {
    return this.db
      .repository(UserEntity)
      .createQueryBuilder('u')
      .where('u.state_code = :stateCode AND u.id = :id', { stateCode, id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Users of the State by id, locked in the order of their ids (two requests locking the same two never deadlock). */
  findManyByIdForUpdate(stateCode: string, ids: string[]): Promise<UserEntity[]> {
    return this.db
      .repository(UserEntity)
      .createQueryBuilder('u')
      .where('u.state_code = :stateCode AND u.id IN (:...ids)', { stateCode, ids })
      .orderBy('u.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  list(stateCode: string, page: PageQueryDto): Promise<Page<UserEntity>> {
    const query = this.db.repository(UserEntity).createQueryBuilder('u').where('u.state_code = :stateCode', { stateCode });
    return keysetPage(query, [{ property: 'username', column: 'u.username' }], page);
  }

  insert(user: Partial<UserEntity>): Promise<UserEntity> {
    const repository = this.db.repository(UserEntity);
    return conflictOnUnique(
      repository.save(repository.create(user)),
      'UQ_users_username',
      () => new ConflictError('USERNAME_TAKEN', `The user name ${user.username} is already taken on this node`),
    );
  }

  save(user: UserEntity): Promise<UserEntity> {
    return this.db.repository(UserEntity).save(user);
  }

  /** The States that still have TOTP secrets stored in plain text, through a SECURITY DEFINER look-up (no State needed). */
  async statesWithLegacyMfaSecrets(): Promise<string[]> {
    const rows: { code: string }[] = await this.db.manager.query('SELECT mfa_legacy_states() AS code');
    return rows.map((r) => r.code);
  }

  /** The State's users that still have a TOTP secret stored in plain text (from before secrets were sealed), locked. */
  withLegacyMfaSecretsForUpdate(stateCode: string): Promise<UserEntity[]> {
    return this.db
      .repository(UserEntity)
      .createQueryBuilder('u')
      .addSelect(['u.legacyMfaSecret', 'u.legacyMfaPendingSecret'])
      .where('u.state_code = :stateCode AND (u.mfa_secret_legacy IS NOT NULL OR u.mfa_pending_secret_legacy IS NOT NULL)', { stateCode })
      .orderBy('u.id') // locked in id order, as every other statement that locks several users
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Partial update of named columns, without reading the row back. */
  async update(stateCode: string, id: string, changes: Partial<UserEntity>): Promise<void> {
    await this.db.repository(UserEntity).update({ stateCode, id }, changes);
  }
}
