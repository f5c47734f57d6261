import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import type { QueryRunner } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { Clock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/app-config';
import { Db } from '../../src/database/db';
import { UsersService } from '../../src/users/users.service';
import type { Role } from '../../src/common/auth/auth-user';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-for-signing-access-tokens-0123456789';
export const TEST_PASSWORD = 'a long enough test password';

/** A clock that stands still until a test moves it. */
export class FakeClock extends Clock {
  private current = new Date('2026-11-23T09:00:00Z');

  override now(): Date {
    return new Date(this.current);
  }

  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

/** Collects the service's log lines, to check what reaches the log. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(chunk.toString('utf8'));
    done();
  }

  get text(): string {
    return this.lines.join('');
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  db: TestDatabase;
  clock: FakeClock;
  logs: LogCapture;
  /** The app's DATA_DIR: its generated keyring (keyring.json) and audit signing key live here. */
  dataDir: string;
  close(): Promise<void>;
}

/** The real application over HTTP, on its own cloned database, with a controlled clock. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'iti-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: db.ownerUrl,
    DATABASE_APP_URL: db.appUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'info',
    AUTH_THROTTLE_LIMIT: '100000',
    DATABASE_POOL_SIZE: '4',
    ...env,
  });
  const clock = new FakeClock();
  const logs = new LogCapture();
  const app = await createApp({ config, databaseUrl: db.appUrl, jwtSecret: TEST_JWT_SECRET, clock, logDestination: logs });
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    clock,
    logs,
    dataDir,
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  stateCode: string;
}

let sequence = 0;

/** A user in the database, made through the real service (argon2id hash and all). */
export async function createUser(
  t: TestApp,
  overrides: { stateCode?: string; roles?: Role[]; username?: string; password?: string; mfaExempt?: boolean } = {},
): Promise<TestUser> {
  const stateCode = overrides.stateCode ?? 'FRA';
  const username = overrides.username ?? `user${++sequence}.${stateCode.toLowerCase()}.${process.pid}`;
  const password = overrides.password ?? TEST_PASSWORD;
  const created = await t.app.get(Db).inState(stateCode, () =>
    t.app.get(UsersService).createInState({
      stateCode,
      username,
      displayName: `Test ${username}`,
      password,
      roles: overrides.roles ?? ['officer'],
      mfaExempt: overrides.mfaExempt ?? false,
    }),
  );
  return { id: created.id, username, password, stateCode };
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export async function login(t: TestApp, user: { username: string; password: string }): Promise<Tokens> {
  const response = await t.http.post('/api/v1/auth/login').send({ username: user.username, password: user.password });
  if (response.status !== 200 || !response.body.accessToken) {
    throw new Error(`login of ${user.username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return { accessToken: response.body.accessToken, refreshToken: response.body.refreshToken };
}

export const bearer = (tokens: Tokens) => ({ authorization: `Bearer ${tokens.accessToken}` });

/** Every item of a paged list (`GET path` with `query`), page after page through `nextCursor`; each page is passed to `onPage` as it comes. */
export async function allPages<T = Record<string, unknown>>(
  t: TestApp,
  tokens: Tokens,
  path: string,
  query: Record<string, string | number> = {},
  onPage: (items: T[]) => void = () => undefined,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = (await t.http.get(path).query(cursor ? { ...query, cursor } : query).set(bearer(tokens)).expect(200)).body;
    onPage(page.items);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** A supertest request whose body is kept as bytes (a PDF, a photo): `bytes(t.http.get(url))`. */
export function bytes<R extends request.Test>(req: R): R {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  }) as R;
}

/** Waits (up to 5 s) until `count` backends of the test database wait for a lock held by another transaction. */
export async function untilWaitingForLocks(t: TestApp, count: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [{ n }] = await ownerQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`);
    if (n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} transactions came to wait for a lock within 5 s`);
}

/**
 * The plan PostgreSQL chooses for `sql` (EXPLAIN, text), in a transaction scoped to `stateCode`: as the
 * app role when `asApp` (row-level security binds it, as it binds the service), otherwise as the owner.
 */
export async function queryPlan(t: TestApp, sql: string, options: { params?: unknown[]; stateCode: string; asApp?: boolean; analyze?: boolean }): Promise<string> {
  const client = new Client({ connectionString: options.asApp ? t.db.appUrl : t.db.ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.state_code', $1, true)`, [options.stateCode]);
    const { rows } = await client.query(`EXPLAIN ${options.analyze ? '(ANALYZE, COSTS false, TIMING false) ' : ''}${sql}`, options.params ?? []);
    await client.query('COMMIT');
    return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` in a transaction of its own as the schema owner, scoped to `stateCode`, for tests that hold
 * locks while a request waits; `work` ends the transaction (COMMIT or ROLLBACK).
 */
export async function inOwnerTransaction(t: TestApp, stateCode: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: t.db.ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.state_code', $1, true)`, [stateCode]);
    await work(client);
  } finally {
    await client.end();
  }
}

/** Runs SQL as the schema owner, in one transaction, scoped to `stateCode` when given (for tests that must reach under the API). */
/**
 * Runs `work` as the migrator runs a migration: a QueryRunner on the schema owner's connection, in one
 * transaction (`client`, the same connection, for checks between steps).
 */
export async function asMigrator(t: TestApp, work: (runner: QueryRunner, client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: t.db.ownerUrl });
  await client.connect();
  try {
    const runner = { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as QueryRunner;
    await client.query('BEGIN');
    await work(runner, client);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

export async function ownerQuery<R = unknown>(t: TestApp, sql: string, params: unknown[] = [], stateCode?: string): Promise<R[]> {
  const client = new Client({ connectionString: t.db.ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    if (stateCode) await client.query(`SELECT set_config('app.state_code', $1, true)`, [stateCode]);
    const result = await client.query(sql, params);
    await client.query('COMMIT');
    return result.rows as R[];
  } finally {
    await client.end();
  }
}
