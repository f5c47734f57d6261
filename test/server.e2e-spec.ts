import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config/app-config';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { DEMO_PASSWORD } from '../src/demo/demo.service';
import { RunningServer, startServer } from '../src/server';
import { LogCapture } from './support/test-app';

/**
 * Sends a login whose body arrives in two parts, so that the request is still in flight when
 * `between` starts; resolves when both the answer and `between` are done.
 */
async function slowLogin(port: number, between: () => Promise<void>): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({ username: 'fra.officer', password: DEMO_PASSWORD });
  let stopping: Promise<void> = Promise.resolve();
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => {
      stopping = between();
      stopping.catch(reject);
      setTimeout(() => req.end(body.slice(10)), 100);
    }, 100);
  });
  await stopping;
  return answer;
}

/** `npm start` as a new user gets it: embedded PostgreSQL, migrations, demo, service; then SIGTERM's shutdown. */
describe('the service from an empty data directory', () => {
  let dataDir: string;
  let server: RunningServer;
  let base: string;
  let port: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'iti-server-test-'));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
    server = await startServer(config, pino({ level: 'silent' }), new LogCapture());
    port = (server.app.getHttpServer().address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  }, 120_000);

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves the signals to the service: the embedded database does not stop and exit on SIGTERM under requests in flight', () => {
    // main.ts drains requests on SIGTERM and SIGINT, then stops the database; nothing else may act on them first.
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) expect(process.listeners(signal)).toEqual([]);
  });

  it('is ready, and a demo user logs in and reads /auth/me', async () => {
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ken.admin', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(await me.json()).toMatchObject({ username: 'ken.admin', stateCode: 'KEN', roles: ['admin'] });
    const hosted = await fetch(`${base}/api/v1/states?hosted=true`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(((await hosted.json()) as { items: { code: string }[] }).items.map((s) => s.code)).toEqual(['BRA', 'FRA', 'KEN']);
  });

  it('drains a request in flight, then stops the service and the embedded PostgreSQL', async () => {
    const databaseUrl = server.database.appUrl;
    const inFlight = await slowLogin(port, () => server.stop());
    expect(inFlight.status).toBe(200);
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
    const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    await expect(client.connect()).rejects.toThrow();
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});

describe('an embedded PostgreSQL shared by a CLI command and the service', () => {
  it('is stopped by the last of them to leave, not under the other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iti-pg-shared-'));
    const password = 'a password long enough';
    try {
      const data = join(dir, 'pg');
      // A CLI command starts it; the service joins it and connects.
      const command = await startEmbeddedPostgres(data, password, () => undefined);
      const service = await startEmbeddedPostgres(data, password, () => undefined);
      expect({ command: command.owned, service: service.owned, port: service.port }).toEqual({ command: true, service: false, port: command.port });
      const connect = () => new Client({ host: '127.0.0.1', port: command.port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: 2000 });
      // Their memberships' connections are lost (as when PostgreSQL restarts after a crash): both join again.
      const admin = connect();
      await admin.connect();
      const cut = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'iti-trace-embedded-user'`);
      expect(cut.rowCount).toBe(2);
      await admin.end();
      for (let i = 0; i < 50; i++) {
        const probe = connect();
        await probe.connect();
        const { rows } = await probe.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'iti-trace-embedded-user'`);
        await probe.end();
        if (rows[0].n === 2) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // The command ends while the service is idle (its pool holds no connection): the server stays.
      await command.stop();
      expect(existsSync(join(data, 'postmaster.pid'))).toBe(true);
      const serving = connect();
      await serving.connect();
      expect((await serving.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await serving.end();
      // The service stops: nobody uses it, so it goes.
      await service.stop();
      expect(existsSync(join(data, 'postmaster.pid'))).toBe(false);
      const late = connect();
      late.on('error', () => undefined);
      await expect(late.connect()).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('an embedded PostgreSQL that cannot start', () => {
  it('says why, from what PostgreSQL last wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iti-pg-broken-'));
    try {
      const data = join(dir, 'pg');
      mkdirSync(data, { mode: 0o700 });
      // A data directory of another PostgreSQL major version, as after an upgrade of the package.
      writeFileSync(join(data, 'PG_VERSION'), '9\n');
      writeFileSync(join(data, 'postgresql.conf'), '');
      if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres', dir]);
      const started = startEmbeddedPostgres(data, 'a password long enough', () => undefined);
      await expect(started).rejects.toThrow(/did not start[\s\S]*(incompatible|version 9)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a service whose application cannot be built', () => {
  it('throws to its caller, which stops the embedded database, rather than exit from inside Nest', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iti-server-broken-'));
    try {
      const missing = join(dataDir, 'no-such-keyring.json');
      const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ENCRYPTION_KEYRING_FILE: missing });
      await expect(startServer(config, pino({ level: 'silent' }), new LogCapture())).rejects.toThrow(`ENCRYPTION_KEYRING_FILE ${missing} does not exist`);
      // The embedded server it started was stopped on the way out: no postmaster is left on the data directory.
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a stop that requests outlast', () => {
  it('stops the embedded database under them once SHUTDOWN_GRACE_SECONDS have passed, rather than leave it running', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iti-server-grace-'));
    const socket = new Socket();
    try {
      const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_SEED_ON_FIRST_START: 'false' });
      const server = await startServer(config, pino({ level: 'silent' }), new LogCapture());
      const { port } = server.app.getHttpServer().address() as AddressInfo;
      // A request whose body never comes, as a slow upload's: the service would wait for it until its request timeout.
      await new Promise<void>((resolve) => socket.connect(port, '127.0.0.1', resolve));
      socket.on('error', () => undefined);
      socket.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const begin = Date.now();
      expect(await server.stopWithin(1000)).toBe(false);
      expect(Date.now() - begin).toBeLessThan(15_000);
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      socket.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a pool larger than the database serves', () => {
  it('stops at start, naming DATABASE_POOL_SIZE, rather than fail requests under load', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iti-server-pool-'));
    try {
      // The embedded server keeps PostgreSQL's default max_connections (100, 3 of them for superusers).
      const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '90' });
      await expect(startServer(config, pino({ level: 'silent' }), new LogCapture())).rejects.toThrow('DATABASE_POOL_SIZE 90 needs 121 connections to PostgreSQL (the pool, a third as many for reports, one more), more than the 97 its max_connections leaves');
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
