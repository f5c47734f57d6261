import { Command } from 'commander';
import { registerAppCommands } from '../../src/cli/app-commands';
import { TEST_JWT_SECRET, TestApp } from './test-app';

export interface CliRun {
  stdout: string;
  stderr: string;
  /** process.exitCode as the command left it (restored afterwards). */
  exitCode: number | string | undefined;
  /** What the command threw, if it did. */
  error: unknown;
}

/**
 * Runs an application command of the CLI (`npm run cli -- …`) in this process, on the test app's database
 * (through `ownerUrl`, the owner's by default) and DATA_DIR, capturing what it prints.
 */
export async function runCli(t: TestApp, args: string[], ownerUrl = t.db.ownerUrl): Promise<CliRun> {
  const program = new Command().exitOverride();
  registerAppCommands(program, (work) => work({ ownerUrl, appUrl: t.db.appUrl, embedded: false, stop: async () => undefined }));
  const env = { DATA_DIR: t.dataDir, JWT_SECRET: TEST_JWT_SECRET, DATABASE_POOL_SIZE: '2' };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const savedExitCode = process.exitCode;
  Object.assign(process.env, env);
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  let error: unknown;
  let stdout: string;
  let stderr: string;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (thrown) {
    error = thrown;
  } finally {
    stdout = out.mock.calls.map(([chunk]) => String(chunk)).join('');
    stderr = err.mock.calls.map(([chunk]) => String(chunk)).join('');
    out.mockRestore();
    err.mockRestore();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  const exitCode = process.exitCode;
  process.exitCode = savedExitCode;
  return { stdout, stderr, exitCode, error };
}
