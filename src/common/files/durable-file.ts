import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `text` to `path` so that a crash leaves either the old file or the new one, and the new one once
 * this returns: a temporary file (0600) flushed to disk, moved into place, then the directory flushed too
 * (a rename is durable only once its directory is). `replace`: rename over an existing file; otherwise
 * link, which fails with EEXIST when the file is already there (another process wrote it first).
 */
export function writeFileDurably(path: string, text: string, replace: boolean): void {
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (replace) renameSync(temp, path);
    else linkSync(temp, path);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
  const dir = openSync(directory, 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
