import { Transform } from 'node:stream';

/**
 * The CSV columns of a registry import, in order (docs/import-format.md). The header must name
 * exactly these, in this order (PostgreSQL checks it: COPY ... HEADER MATCH).
 */
export const IMPORT_COLUMNS = [
  'origin',
  'occurred_on',
  'type',
  'manufacturer',
  'model',
  'calibre',
  'serial',
  'country_of_manufacture',
  'year_of_manufacture',
  'status',
  'holder',
  'custodian',
  'counterpart_state',
  'licence_ref',
  'craft_or_3d_printed',
  'marking_text',
  'marking_component',
  'import_marking_text',
  'import_marking_year',
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Longest value each text column may hold (the registry's column sizes). */
export const IMPORT_MAX_LENGTHS: Partial<Record<ImportColumn, number>> = {
  type: 120,
  manufacturer: 200,
  model: 120,
  calibre: 120,
  serial: 64,
  holder: 200,
  custodian: 200,
  licence_ref: 120,
  marking_text: 500,
  import_marking_text: 500,
};

/**
 * What the lines of an RFC 4180 file say of its records, read as the bytes stream (a quote or a line feed is
 * never part of a longer UTF-8 sequence), in memory that stays flat whatever the file's size: whether a quoted
 * field holds a line break (then a record begins lower in the file than its number says: the import counts
 * the breaks of the staged rows, in SQL), and the line COPY would read as its end of data.
 */
export class RecordLines {
  /** Whether a quoted field holds a line feed. */
  quotedBreaks = false;
  private quoted = false;
  /** The file's line being read (from 1), its first bytes (two more than END_OF_DATA has, at most), and whether it began inside a quoted field. */
  private line = 1;
  private head = '';
  private beganQuoted = false;
  private marker: number | null = null;
  /** How the file's lines end, once its first line has ended. */
  private lineEnd: 'lf' | 'crlf' | 'cr' | null = null;
  private pendingCarriageReturn = false;

  feed(chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (this.pendingCarriageReturn) {
        // The file's first line end, as COPY reads it: a carriage return alone, or one before a line feed.
        this.pendingCarriageReturn = false;
        this.lineEnd = byte === 0x0a ? 'crlf' : 'cr';
        if (this.lineEnd === 'cr') this.endLine();
      }
      if (byte === 0x0d && !this.quoted && this.lineEnd !== 'crlf' && this.lineEnd !== 'lf') {
        // A file whose lines end in a carriage return alone (a "Macintosh" CSV) has no line feed to count.
        if (this.lineEnd === null) this.pendingCarriageReturn = true;
        else this.endLine();
        continue;
      }
      if (byte === 0x0a) {
        this.lineEnd ??= 'lf';
        this.endLine();
        if (this.quoted) this.quotedBreaks = true;
        continue;
      }
      if (this.head.length <= END_OF_DATA.length + 1) this.head += String.fromCharCode(byte);
      // A doubled quote inside a quoted field turns the state twice: it stays quoted.
      if (byte === 0x22) this.quoted = !this.quoted;
    }
  }

  /**
   * The first line of the file that holds only `\.`, unquoted (the last line included, once the file has been
   * fed whole): COPY before PostgreSQL 18 reads it as the end of the data and drops the rest of the file
   * unread, without an error; PostgreSQL 18 reads it as a row of one field. Null when there is none.
   */
  get endOfDataLine(): number | null {
    return this.marker ?? (this.isEndOfData() ? this.line : null);
  }

  private endLine(): void {
    if (this.marker === null && this.isEndOfData()) this.marker = this.line;
    this.line += 1;
    this.head = '';
    this.beganQuoted = this.quoted;
  }

  private isEndOfData(): boolean {
    return !this.beganQuoted && (this.head === END_OF_DATA || this.head === `${END_OF_DATA}\r`);
  }
}

/** COPY's end-of-data marker, a backslash and a period alone on a line. */
const END_OF_DATA = '\\.';

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Drops a UTF-8 byte order mark at the start of the file (spreadsheets write one in "CSV UTF-8"), which
 * COPY would read as part of the first column's name; the rest passes as it came.
 */
export function withoutByteOrderMark(): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  const release = (stream: Transform, bytes: Buffer) => {
    head = null;
    const mark = bytes.subarray(0, 3).equals(BYTE_ORDER_MARK);
    stream.push(mark ? bytes.subarray(3) : bytes);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (head === null) return done(null, chunk);
      const bytes = Buffer.concat([head, chunk]);
      if (bytes.length < BYTE_ORDER_MARK.length) head = bytes;
      else release(this, bytes);
      done();
    },
    flush(done) {
      if (head !== null && head.length > 0) this.push(head);
      done();
    },
  });
}
