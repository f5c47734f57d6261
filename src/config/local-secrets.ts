import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets generated on first start when the environment gives none: kept in DATA_DIR/secrets.json
 * (mode 0600) so that restarts keep sessions and database passwords. Production sets them explicitly.
 */
export interface LocalSecrets {
  databaseSuperuserPassword: string;
  databaseOwnerPassword: string;
  databaseAppPassword: string;
  jwtSecret: string;
}

export function loadLocalSecrets(dataDir: string): LocalSecrets {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  const existing: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets: LocalSecrets = {
    databaseSuperuserPassword: existing.databaseSuperuserPassword ?? newSecret(),
    databaseOwnerPassword: existing.databaseOwnerPassword ?? newSecret(),
    databaseAppPassword: existing.databaseAppPassword ?? newSecret(),
    jwtSecret: existing.jwtSecret ?? newSecret(48),
  };
  if (JSON.stringify(existing) !== JSON.stringify(secrets)) {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
