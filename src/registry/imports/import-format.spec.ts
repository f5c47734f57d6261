import { Readable } from 'node:stream';
import { withoutByteOrderMark } from './import-format';

async function through(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks, { objectMode: false }).pipe(withoutByteOrderMark())) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

describe('withoutByteOrderMark', () => {
  const mark = Buffer.from([0xef, 0xbb, 0xbf]);
  const csv = Buffer.from('origin,occurred_on\r\nfound,2026-01-02\r\n');

  it('drops the mark however the first bytes are split, and passes the rest as it came', async () => {
    const file = Buffer.concat([mark, csv]);
    for (const cuts of [[], [1], [2], [3], [1, 2], [1, 2, 3], [4], [2, 7]]) {
      const pieces = [0, ...cuts, file.length].slice(1).map((end, i, ends) => file.subarray(i === 0 ? 0 : ends[i - 1], end));
      expect((await through(pieces)).equals(csv)).toBe(true);
    }
  });

  it('leaves a file without the mark, or shorter than it, as it is', async () => {
    expect((await through([csv.subarray(0, 1), csv.subarray(1)])).equals(csv)).toBe(true);
    expect((await through([Buffer.from([0xef, 0xbb])])).equals(Buffer.from([0xef, 0xbb]))).toBe(true);
    expect((await through([Buffer.from('a')])).toString()).toBe('a');
    // Only a mark at the very start is one.
    expect((await through([Buffer.concat([csv, mark])])).equals(Buffer.concat([csv, mark]))).toBe(true);
  });
});
