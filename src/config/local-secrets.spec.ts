import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLocalSecrets } from './local-secrets';

describe('loadLocalSecrets', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'iti-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the secrets once, in a file only the service reads, and keeps them', () => {
    const first = loadLocalSecrets(dir);
    const file = join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadLocalSecrets(dir)).toEqual(first);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
  });

  it('refuses a damaged file by its name, quoting none of it', () => {
    const secrets = loadLocalSecrets(dir);
    const file = join(dir, 'secrets.json');
    // A hand edit that left a trailing comma after the token key.
    writeFileSync(file, JSON.stringify(secrets, null, 2).replace(/("jwtSecret": "[^"]+")/, '$1,'));
    let message = '';
    try {
      loadLocalSecrets(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`${file} is not valid JSON`);
    expect(message).not.toContain(secrets.jwtSecret.slice(-8));
    expect(readFileSync(file, 'utf8')).toContain(secrets.jwtSecret);
  });
});
