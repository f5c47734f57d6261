import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { DataKeyColumns } from '../common/encryption/data-key.columns';
import { RecordSealing } from '../common/encryption/record-cipher';
import { AppConfig } from '../config/app-config';
import { Db } from '../database/db';
import type { UserEntity } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';

type SecretColumn = 'mfa_secret' | 'mfa_pending_secret';
type SealedUser = Pick<UserEntity, 'id' | 'stateCode' | 'dataKey'>;

/**
 * TOTP secrets sealed at rest like case content: AES-256-GCM with a data key per user row (created with
 * the first secret), bound to the State, the table, the column and the user. Someone who reads the
 * database or a backup cannot generate a user's codes without the keyring.
 */
@Injectable()
export class MfaSecrets implements OnApplicationBootstrap {
  private readonly logger = new Logger(MfaSecrets.name);

  constructor(
    private readonly sealing: RecordSealing,
    private readonly users: UsersRepository,
    private readonly db: Db,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** `secret` sealed for `column` of the user's row, with the data key the row must keep. */
  seal(user: SealedUser, column: SecretColumn, secret: string): { sealed: Buffer; dataKey: DataKeyColumns } {
    const scope = { stateCode: user.stateCode, table: 'users', rowId: user.id };
    const { cipher, dataKey } = this.sealing.recordOrNew(scope, user.dataKey);
    return { sealed: cipher.seal(column, secret), dataKey };
  }

  open(user: SealedUser, column: SecretColumn, sealed: Buffer): string {
    return this.sealing.record({ stateCode: user.stateCode, table: 'users', rowId: user.id }, user.dataKey).open<string>(column, sealed);
  }

  /** Secrets stored in plain text before they were sealed are sealed before the service takes requests. */
  async onApplicationBootstrap(): Promise<void> {
    // Without encryption at rest (a benchmark's setting) they would be converted for good into records an
    // enabled service cannot read: they wait for a service that seals.
    if (!this.config.ENCRYPTION_AT_REST) return;
    const sealed = await this.sealLegacy();
    if (sealed > 0) this.logger.log(`sealed the TOTP secrets of ${sealed} users, stored in plain text before`);
  }

  /** Seals every TOTP secret still in a legacy plain-text column, State by State; returns how many users. */
  async sealLegacy(): Promise<number> {
    let total = 0;
    for (const stateCode of await this.db.withoutState(() => this.users.statesWithLegacyMfaSecrets())) {
      total += await this.db.inState(stateCode, async () => {
        const legacy = await this.users.withLegacyMfaSecretsForUpdate(stateCode);
        for (const user of legacy) {
          let dataKey = user.dataKey;
          const changes: Partial<UserEntity> = { legacyMfaSecret: null, legacyMfaPendingSecret: null };
          for (const [column, secret, property] of [
            ['mfa_secret', user.legacyMfaSecret, 'mfaSecret'],
            ['mfa_pending_secret', user.legacyMfaPendingSecret, 'mfaPendingSecret'],
          ] as const) {
            if (!secret) continue;
            const result = this.seal({ ...user, dataKey }, column, secret);
            dataKey = result.dataKey;
            changes[property] = result.sealed;
          }
          await this.users.update(stateCode, user.id, { ...changes, dataKey });
        }
        return legacy.length;
      });
    }
    return total;
  }
}
