import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { TEST_JWT_SECRET, TestApp, Tokens } from '../support/test-app';

export interface Service {
  pid: number;
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  stop(): Promise<void>;
}

/**
 * Starts the service as `npm start` runs it (the built dist/, `node dist/src/main.js`, its own process) on
 * the benchmark's database and waits until it is ready. `env` overrides the defaults below (undefined
 * removes one, so that the service's own default applies). BENCH_SERVICE_NODE_ARGS adds Node.js options to
 * the service only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` for a CPU profile written when it stops.
 */
export async function startService(t: TestApp, env: Record<string, string | undefined> = {}): Promise<Service> {
  const port = await freePort();
  const merged: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: t.db.ownerUrl, DATABASE_APP_URL: t.db.appUrl, JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'warn', NODE_ENV: 'production', DATABASE_POOL_SIZE: '4',
    ...env,
  };
  const childEnv = Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'dist/src/main.js'], { env: childEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const origin = `http://127.0.0.1:${port}`;
  let ready = false;
  for (let i = 0; i < 600 && !ready; i++) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}; run npm run build first`);
    ready = await fetch(`${origin}/health/ready`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!ready) {
    child.kill('SIGTERM');
    throw new Error('the service did not become ready within 60 seconds');
  }
  return {
    pid: child.pid!,
    port,
    origin,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Logs a user in to the service over HTTP, on the service's own (real) clock. */
export async function login(service: Service, user: { username: string; password: string }): Promise<Tokens> {
  const response = await fetch(`${service.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  const body = (await response.json()) as Partial<Tokens>;
  if (response.status !== 200 || !body.accessToken) throw new Error(`login of ${user.username} failed: ${response.status} ${JSON.stringify(body)}`);
  return { accessToken: body.accessToken, refreshToken: body.refreshToken ?? '' };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

/** Keep-alive connections for the benchmarks' requests, as many as the clients that run at once. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * One HTTP request with node:http over a keep-alive connection: the client of the benchmarks. Measured on
 * this machine against a trivial server, fetch took 0.6–0.8 ms of the client's CPU per request and this
 * 0.15–0.3 ms; the difference is CPU taken from the service and PostgreSQL when all three share two cores,
 * and time added to every latency measured.
 */
export function call(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
