import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../common/files/durable-file';

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
  const existing = existsSync(file) ? readSecrets(file) : {};
  const secrets: LocalSecrets = {
    databaseSuperuserPassword: existing.databaseSuperuserPassword ?? newSecret(),
    databaseOwnerPassword: existing.databaseOwnerPassword ?? newSecret(),
    databaseAppPassword: existing.databaseAppPassword ?? newSecret(),
    jwtSecret: existing.jwtSecret ?? newSecret(48),
  };
  if (JSON.stringify(existing) !== JSON.stringify(secrets)) {
    writeFileDurably(file, JSON.stringify(secrets, null, 2), true);
  }
  return secrets;
}

function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** The file's secrets; an error that names the file only: JSON.parse's own message quotes the text around the fault. */
function readSecrets(file: string): Partial<LocalSecrets> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file} is not valid JSON: restore it from a backup (it holds the database passwords and the token key)`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file} must hold a JSON object`);
  return parsed as Partial<LocalSecrets>;
}
