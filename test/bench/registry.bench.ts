import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { IMPORT_COLUMNS } from '../../src/registry/imports/import-format';
import { foldSerial, LOOK_ALIKES } from '../../src/registry/serial';
import { bearer, createTestApp, createUser, TestApp, Tokens } from '../support/test-app';
import { machineLines, MachineSpeed, machineSpeed, percentile, round, serverVersion, writeSection } from './report';
import { call, Service, startService } from './service';

/**
 * Registry benchmark: bulk import of ROWS generated weapons into the built service (its own process)
 * against a raw COPY of the same file, then serial search latencies over HTTP. Prints them and writes
 * the "registry" section of docs/benchmarks.md (test/bench/report.ts). `npm run bench` builds first.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 1000);
/**
 * Searches of each kind, in turn, before any is timed. Measured on this machine, one exact search after
 * another: the median settles after about a thousand requests (4.5 ms over the first 100, 2.6 ms from the
 * 1,500th), as the service's request path is compiled.
 */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 400);
const LIST_PAGE = 50;
const MAKERS = [
  { name: 'Glock', country: 'AUT', type: 'pistol', calibre: '9mm Luger', prefix: 'GL' },
  { name: 'FN', country: 'BEL', type: 'assault rifle', calibre: '5.56 NATO', prefix: 'FN' },
  { name: 'Beretta', country: 'ITA', type: 'pistol', calibre: '9x19', prefix: 'BR' },
  { name: 'Izhmash', country: 'RUS', type: 'assault rifle', calibre: '7.62x39', prefix: 'IZ' },
  { name: 'Heckler & Koch', country: 'DEU', type: 'sub-machine gun', calibre: '9mm Para', prefix: 'HK' },
  { name: 'Taurus', country: 'BRA', type: 'revolver', calibre: '.38 Special', prefix: 'TA' },
];

/** Deterministic pseudo-random numbers, so every run benchmarks the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHABET = '0123456789ACDEFHJKMNPRTUVWXY';

function serialOf(next: () => number, prefix: string): string {
  let serial = prefix;
  for (let i = 0; i < 8; i++) serial += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return serial;
}

/** Writes the file; returns serials of it to time searches with, and others to warm up with. */
async function writeCsv(file: string): Promise<{ sample: string[]; warmUpSample: string[] }> {
  const next = random(42);
  const sample: string[] = [];
  const warmUpSample: string[] = [];
  const step = Math.max(1, Math.floor(ROWS / 2000));
  const out = createWriteStream(file);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write(`${IMPORT_COLUMNS.join(',')}\n`);
  for (let i = 0; i < ROWS; i++) {
    const maker = MAKERS[i % MAKERS.length];
    const serial = serialOf(next, maker.prefix);
    if (i % step === 0) sample.push(serial);
    else if (i % step === Math.floor(step / 2)) warmUpSample.push(serial);
    const year = 1970 + Math.floor(next() * 55);
    const imported = i % 4 === 0;
    const values: Record<string, string> = {
      origin: imported ? 'imported' : 'manufactured',
      occurred_on: `${year}-0${1 + (i % 9)}-1${i % 9}`,
      type: maker.type,
      manufacturer: maker.name,
      model: `M${i % 40}`,
      calibre: maker.calibre,
      serial,
      country_of_manufacture: maker.country,
      year_of_manufacture: String(year),
      status: 'civilian_held',
      holder: '',
      custodian: i % 10 === 0 ? 'Armurerie Centrale' : '',
      counterpart_state: imported ? maker.country : '',
      licence_ref: imported ? `IMP-${year}-${i}` : '',
      craft_or_3d_printed: '',
      marking_text: `${maker.name.toUpperCase()} ${maker.country} ${serial}`,
      marking_component: 'frame',
      import_marking_text: imported ? `FRA ${year}` : '',
      import_marking_year: imported ? String(year) : '',
    };
    await write(`${IMPORT_COLUMNS.map((c) => values[c]).join(',')}\n`);
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { sample, warmUpSample };
}

/** Record-keeping reports timed over the imported registry, after some to warm up. */
const REPORTS = Number(process.env.BENCH_REPORTS ?? 10);
const REPORT_WARM_UP = 2;

describe('registry benchmark', () => {
  let t: TestApp;
  let registrar: Tokens;
  let registrarUser: { username: string; password: string };
  let auditorUser: { username: string; password: string };
  let dir: string;

  let speed: MachineSpeed;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'warn' });
    speed = await machineSpeed(t.db.ownerUrl);
    registrarUser = await createUser(t, { roles: ['registrar'] });
    auditorUser = await createUser(t, { roles: ['auditor'], mfaExempt: true });
    dir = mkdtempSync(join(tmpdir(), 'iti-bench-'));
  });

  let service: Service | undefined;

  afterAll(async () => {
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it(`imports ${ROWS} weapons and searches them`, async () => {
    const file = join(dir, 'weapons.csv');
    const { sample, warmUpSample } = await writeCsv(file);
    const megabytes = statSync(file).size / 1048576;

    // Baselines: the same file with COPY into an unindexed table, no checks — logged, as the registry's
    // tables are, and unlogged (no write-ahead log at all).
    const owner = new Client({ connectionString: t.db.ownerUrl });
    await owner.connect();
    const rawCopy = async (kind: 'TABLE' | 'UNLOGGED TABLE'): Promise<number> => {
      await owner.query(`CREATE ${kind} bench_raw (${IMPORT_COLUMNS.map((c) => `${c} text`).join(', ')})`);
      const begin = performance.now();
      await pipeline(createReadStream(file), owner.query(copyFrom(`COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)`)));
      const seconds = (performance.now() - begin) / 1000;
      await owner.query('DROP TABLE bench_raw');
      return seconds;
    };
    const rawSeconds = await rawCopy('TABLE');
    const rawUnloggedSeconds = await rawCopy('UNLOGGED TABLE');
    // The import starts from a checkpoint, not with the baselines' writes still to flush.
    const admin = new Client({ connectionString: t.db.adminUrl });
    await admin.connect();
    await admin.query('CHECKPOINT');
    await admin.end();

    // The import over HTTP, every index, trigger, policy and rule in place; the service's RSS sampled.
    // The service as `npm start` runs it (the built dist/, its own process) on this benchmark's database,
    // so that its memory is its own: the kernel's high-water mark of its resident set (VmHWM).
    service = await startService(t);
    const port = service.port;
    // Logged in to that service, on its own (real) clock.
    const loggedIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: registrarUser.username, password: registrarUser.password }),
    });
    registrar = (await loggedIn.json()) as Tokens;
    const start = performance.now();
    const result = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/weapons/imports', headers: { ...bearer(registrar), 'content-type': 'text/csv' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      createReadStream(file).pipe(req);
    });
    const importSeconds = (performance.now() - start) / 1000;
    const peakRss = peakResidentBytes(service.pid);
    const summary = JSON.parse(result.body) as { status: string; acceptedRows: number };
    expect(summary).toMatchObject({ status: 'completed', acceptedRows: ROWS });
    // The registry at rest, as searches find it in service: vacuumed (the trigram index's pending list
    // merged, visibility maps set) and analysed, rather than during the clean-up that follows an import.
    await owner.query('VACUUM (ANALYZE) weapons, markings, record_events, weapon_serials');
    await owner.end();

    // Searches over HTTP (keep-alive), each kind SEARCHES times on serials known to exist.
    const next = random(7);
    let drawFrom = warmUpSample.length > 0 ? warmUpSample : sample; // a file too small for two samples warms up on the one
    const pick = () => drawFrom[Math.floor(next() * drawFrom.length)];
    const lookAlike = (serial: string) => {
      const reverse = Object.fromEntries(Object.entries(LOOK_ALIKES).map(([letter, digit]) => [digit, letter]));
      return [...serial].map((c, i) => (i > 1 && reverse[c] ? reverse[c] : c)).join('');
    };
    const kinds: Record<string, () => string> = {
      exact: () => pick(),
      'partial: one ? inside': () => { const s = pick(); return `${s.slice(0, 5)}?${s.slice(6)}`; },
      'partial: two ? inside': () => { const s = pick(); return `${s.slice(0, 4)}?${s.slice(5, 7)}?${s.slice(8)}`; },
      'partial: * prefix': () => `*${pick().slice(3)}`,
      'look-alike': () => lookAlike(pick()),
    };
    const search = async (serial: string): Promise<number> => {
      const begin = performance.now();
      const response = await call(`http://127.0.0.1:${port}/api/v1/weapons/search`, {
        method: 'POST',
        headers: { ...bearer(registrar), 'content-type': 'application/json' },
        body: JSON.stringify({ serial, limit: 20 }),
      });
      const elapsed = performance.now() - begin;
      const body = JSON.parse(response.body.toString()) as { items: unknown[] };
      expect(body.items.length).toBeGreaterThan(0);
      return elapsed;
    };
    // Warm-up, not timed: WARM_UP searches of each kind in turn, on other serials than those timed, so that the
    // times are those of a service in use (its request path compiled) rather than of one just started.
    const kindList = Object.values(kinds);
    for (let i = 0; i < WARM_UP * kindList.length; i++) await search(kindList[i % kindList.length]());
    drawFrom = sample;
    const latencies: Record<string, { p50: number; p95: number }> = {};
    for (const [kind, query] of Object.entries(kinds)) {
      const times: number[] = [];
      for (let i = 0; i < SEARCHES; i++) times.push(await search(query()));
      latencies[kind] = { p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2) };
    }

    // Listing: GET /weapons, LIST_PAGE weapons a page, each page the next after the previous one's cursor.
    const listTimes: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < Math.min(SEARCHES, Math.floor(ROWS / LIST_PAGE)); i++) {
      const begin = performance.now();
      const response = await call(`http://127.0.0.1:${port}/api/v1/weapons?limit=${LIST_PAGE}${cursor ? `&cursor=${cursor}` : ''}`, { headers: bearer(registrar) });
      listTimes.push(performance.now() - begin);
      const body = JSON.parse(response.body.toString()) as { items: unknown[]; nextCursor: string | null };
      expect(body.items).toHaveLength(LIST_PAGE);
      cursor = body.nextCursor;
    }
    latencies[`list: ${LIST_PAGE} a page, following cursors`] = { p50: round(percentile(listTimes, 50), 2), p95: round(percentile(listTimes, 95), 2) };

    // The database's share of an exact search: the index function alone, as the app role in its State.
    const app = new Client({ connectionString: t.db.appUrl });
    await app.connect();
    const sqlTimes: number[] = [];
    for (let i = 0; i < SEARCHES; i++) {
      const key = foldSerial(pick());
      const begin = performance.now();
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.state_code', 'FRA', true)`);
      const { rows } = await app.query('SELECT weapon_id FROM registry_serial_exact($1, 500)', [key]);
      await app.query('COMMIT');
      sqlTimes.push(performance.now() - begin);
      expect(rows.length).toBeGreaterThan(0);
    }
    await app.end();
    latencies['exact, database only (transaction + index function)'] = { p50: round(percentile(sqlTimes, 50), 2), p95: round(percentile(sqlTimes, 95), 2) };

    const rowsPerSecond = Math.round(ROWS / importSeconds);
    const rawRowsPerSecond = Math.round(ROWS / rawSeconds);
    const rawUnloggedRowsPerSecond = Math.round(ROWS / rawUnloggedSeconds);
    const version = await serverVersion(t.db.ownerUrl);
    const figures = {
      rows: ROWS, megabytes: round(megabytes), importSeconds: round(importSeconds, 2), rowsPerSecond, rawSeconds: round(rawSeconds, 2), rawRowsPerSecond,
      rawUnloggedSeconds: round(rawUnloggedSeconds, 2), rawUnloggedRowsPerSecond,
      ratio: round(rowsPerSecond / rawRowsPerSecond, 3), warmUps: WARM_UP * kindList.length, ratioUnlogged: round(rowsPerSecond / rawUnloggedRowsPerSecond, 3), peakRssMb: Math.round(peakRss / 1048576), latencies,
    };
    // eslint-disable-next-line no-console
    console.log(JSON.stringify(figures, null, 2));
    writeSection('registry', report(figures, version, speed));
  });

  it(`computes the record-keeping report over the ${ROWS} weapons`, async () => {
    if (!service) throw new Error('the import above did not run');
    const origin = `http://127.0.0.1:${service.port}/api/v1`;
    const auditor = (await (await fetch(`${origin}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: auditorUser.username, password: auditorUser.password }),
    })).json()) as Tokens;
    const times: number[] = [];
    let weapons = 0;
    for (let i = 0; i < REPORT_WARM_UP + REPORTS; i++) {
      const begin = performance.now();
      const response = await fetch(`${origin}/reports/record-keeping`, { headers: bearer(auditor) });
      const body = (await response.json()) as { weapons: number };
      if (i >= REPORT_WARM_UP) times.push(performance.now() - begin);
      expect(response.status).toBe(200);
      weapons = body.weapons;
    }
    expect(weapons).toBe(ROWS);
    const figures = { weapons, reports: REPORTS, p50: round(percentile(times, 50), 0), p95: round(percentile(times, 95), 0), max: round(Math.max(...times), 0) };
    // eslint-disable-next-line no-console
    console.log(JSON.stringify(figures, null, 2));
    writeSection('reports', [
      '## Record-keeping report',
      '',
      `\`GET /api/v1/reports/record-keeping\` over the ${weapons} weapons imported above (with their markings and events), ${REPORTS} requests one at a`,
      `time after ${REPORT_WARM_UP} to warm up, over HTTP against the built service: every figure is an SQL aggregation (one pass over weapons and`,
      'their events, one over serials for duplicates, one page of records missing a field). Times are the client\'s.',
      '',
      ...machineLines(await serverVersion(t.db.ownerUrl), speed),
      '',
      '| measure | value | target |',
      '|---|---|---|',
      `| record-keeping report, ${weapons} weapons | median ${figures.p50} ms, p95 ${figures.p95} ms, max ${figures.max} ms | ≤ 2 s |`,
      '',
    ].join('\n'));
  });
});

/** The kernel's record of the process's largest resident set so far. */
function peakResidentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) * 1024;
}

function report(f: {
  rows: number; megabytes: number; importSeconds: number; rowsPerSecond: number; rawSeconds: number; rawRowsPerSecond: number;
  rawUnloggedSeconds: number; rawUnloggedRowsPerSecond: number; ratio: number; warmUps: number; ratioUnlogged: number; peakRssMb: number;
  latencies: Record<string, { p50: number; p95: number }>;
}, postgres: string, speed: MachineSpeed): string {
  const lines = [
    ...machineLines(postgres, speed),
    '',
    `## Bulk import of ${f.rows.toLocaleString('en')} weapons (${f.megabytes} MiB CSV)`,
    '',
    'The import goes over HTTP (`POST /api/v1/weapons/imports`) with every index, trigger, row-level security policy and ITI rule in place;',
    'the baselines are a raw `COPY` of the same file into an unindexed table with no checks, in the same run: a logged table',
    '(like the registry\'s own tables) and an unlogged one (no write-ahead log).',
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| import | ${f.importSeconds} s, ${f.rowsPerSecond.toLocaleString('en')} rows/s | ≥ 50,000 rows/s |`,
    `| raw COPY baseline, logged table | ${f.rawSeconds} s, ${f.rawRowsPerSecond.toLocaleString('en')} rows/s | — |`,
    `| raw COPY baseline, unlogged table | ${f.rawUnloggedSeconds} s, ${f.rawUnloggedRowsPerSecond.toLocaleString('en')} rows/s | — |`,
    `| ratio import / raw COPY (logged) | ${f.ratio} | ≥ 0.25 |`,
    `| ratio import / raw COPY (unlogged) | ${f.ratioUnlogged} | — |`,
    `| peak RSS of the service process during the import (VmHWM) | ${f.peakRssMb} MB | ≤ 300 MB |`,
    '',
    `## Serial search and listing over HTTP, ${f.rows.toLocaleString('en')} weapons in the registry`,
    '',
    `\`POST /api/v1/weapons/search\`, ${SEARCHES} requests of each kind, one at a time (node:http, keep-alive), on serials known to exist, after \`VACUUM (ANALYZE)\` of the registry's tables`,
    `and ${WARM_UP} searches of each kind in turn to warm up (${f.warmUps} in all, on other serials), not timed; then \`GET /api/v1/weapons\`, ${Math.min(SEARCHES, Math.floor(f.rows / LIST_PAGE))} pages one after another; milliseconds.`,
    '',
    '| request | p50 | p95 | target p95 |',
    '|---|---|---|---|',
    ...Object.entries(f.latencies).map(([kind, l]) => {
      const target = kind.startsWith('exact') || kind.startsWith('list') ? (kind === 'exact' ? '≤ 5' : '—') : kind === 'look-alike' ? '≤ 100' : '≤ 50';
      return `| ${kind} | ${l.p50} | ${l.p95} | ${target} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
