import { Readable } from 'node:stream';
import { RecordLines, withoutByteOrderMark } from './import-format';

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

describe('RecordLines: the end-of-data marker', () => {
  const markerIn = (text: string, cut = 0) => {
    const lines = new RecordLines();
    const bytes = Buffer.from(text);
    for (const piece of cut > 0 ? [bytes.subarray(0, cut), bytes.subarray(cut)] : [bytes]) lines.feed(piece);
    return lines.endOfDataLine;
  };

  it('finds the first line holding only \\. (LF or CRLF, however the bytes are split), the last line included', () => {
    const file = 'a,b\n1,one\n\\.\n2,two\n\\.\n';
    for (let cut = 0; cut < file.length; cut++) expect(markerIn(file, cut)).toBe(3);
    expect(markerIn('a,b\r\n1,one\r\n\\.\r\n2,two\r\n')).toBe(3);
    expect(markerIn('a,b\n1,one\n\\.')).toBe(3);
    // Lines that end in a carriage return alone, as COPY reads such a file.
    const mac = 'a,b\r1,one\r\\.\r2,two\r';
    for (let cut = 0; cut < mac.length; cut++) expect(markerIn(mac, cut)).toBe(3);
    expect(markerIn('a,b\r1,"x\ry"\r\\.')).toBe(3);
  });

  it('takes no other line for it: quoted, inside a quoted field, or with more on the line', () => {
    expect(markerIn('a,b\n"\\.",x\n')).toBeNull();
    expect(markerIn('a,b\n"first\n\\.\nthird",x\n')).toBeNull();
    expect(markerIn('a,b\n\\.,x\n\\.\ry\n \\.\n\\\n')).toBeNull();
    expect(markerIn('a,b\n1,one\n')).toBeNull();
    // The line after a quoted field that spans lines is read as the file's own.
    expect(markerIn('a,b\n"x\ny",z\n\\.\n')).toBe(4);
  });
});
