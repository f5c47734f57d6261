import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Client } from 'pg';

/**
 * docs/benchmarks.md is shared by every benchmark in test/bench: each one owns a section between
 * `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and rewrites only that, so running one benchmark
 * keeps the figures of the others. The title and the line that says how the file is written are kept
 * (and put back when missing).
 */
export const BENCHMARKS_FILE = 'docs/benchmarks.md';

const TITLE = '# Benchmarks';
const INTRO =
  'Written by `npm run bench` (test/bench/*.bench.ts): each benchmark rewrites only its own section, between ' +
  '`<!-- bench:NAME -->` markers; numbers from its last run, not edited by hand.';

/** Replaces the section NAME of the file with `body`, or appends it when the file has none yet. */
export function writeSection(name: string, body: string, file = BENCHMARKS_FILE): void {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad section name "${name}"`);
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const section = `${open}\n${body.trim()}\n${close}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (!text.startsWith(TITLE)) text = `${TITLE}\n\n${INTRO}\n\n${text.trimStart()}`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start >= 0 && end > start) {
    text = text.slice(0, start) + section + text.slice(end + close.length);
  } else if (start >= 0 || end >= 0) {
    throw new Error(`${file}: the markers of section "${name}" are broken; fix them by hand`);
  } else {
    text = `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(file, `${text.trimEnd()}\n`);
}

/**
 * The machine the figures come from: CPUs, memory, Node.js and PostgreSQL, the date of the run, and its
 * speed that day (machineSpeed) when measured.
 */
export function machineLines(postgres: string, speed?: MachineSpeed): string[] {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return [
    `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 1073741824)} GiB RAM, Node.js ${process.version}, PostgreSQL ${postgres}` +
      `${process.env.DATABASE_URL ? ' (DATABASE_URL)' : ' (embedded)'}; client, service and database on the same machine.`,
    `Run: ${new Date().toISOString().slice(0, 10)}.` +
      (speed
        ? ` Speed of the machine just before the run (a virtual machine's speed varies from day to day: compare runs by these figures):` +
          ` \`SELECT 1\` to the database and back, median ${speed.roundTripMicros} µs of ${SPEED_ROUND_TRIPS};` +
          ` ${SPEED_HASHES.toLocaleString('en')} SHA-256 of 1 KiB, ${speed.hashMillis} ms.`
        : ''),
  ];
}

export interface MachineSpeed {
  roundTripMicros: number;
  hashMillis: number;
}

const SPEED_ROUND_TRIPS = 2000;
const SPEED_HASHES = 100_000;

/**
 * Two measures of the machine, taken while nothing else of the benchmark runs: the round trip of a trivial
 * query (the system calls and context switches every request pays) and a fixed amount of pure CPU work.
 */
export async function machineSpeed(url: string): Promise<MachineSpeed> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const trips: number[] = [];
  try {
    for (let i = 0; i < SPEED_ROUND_TRIPS + 200; i++) {
      const begin = performance.now();
      await client.query('SELECT 1');
      if (i >= 200) trips.push(performance.now() - begin);
    }
  } finally {
    await client.end();
  }
  const block = Buffer.alloc(1024, 7);
  const begin = performance.now();
  for (let i = 0; i < SPEED_HASHES; i++) createHash('sha256').update(block).digest();
  return { roundTripMicros: Math.round(percentile(trips, 50) * 1000), hashMillis: Math.round(performance.now() - begin) };
}

export async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version as string;
  } finally {
    await client.end();
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function round(value: number, digits = 1): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
