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
 * Where each record of an RFC 4180 file begins, as a line of the file: a record's number (the header is
 * record 1) moved down by the line breaks that quoted fields before it hold. Fed the bytes as they stream
 * (a quote or a line feed is never part of a longer UTF-8 sequence); it keeps only the records that hold a
 * line break, so memory stays flat for the files that hold none.
 */
export class RecordLines {
  /** Records after which those that follow begin lower, and by how many lines in all. */
  readonly after: number[] = [];
  readonly shift: number[] = [];
  private record = 1;
  private quoted = false;
  private breaks = 0;
  private total = 0;

  feed(chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      // A doubled quote inside a quoted field turns the state twice: it stays quoted.
      if (byte === 0x22) this.quoted = !this.quoted;
      else if (byte === 0x0a) {
        if (this.quoted) this.breaks += 1;
        else {
          if (this.breaks > 0) {
            this.total += this.breaks;
            this.after.push(this.record);
            this.shift.push(this.total);
            this.breaks = 0;
          }
          this.record += 1;
        }
      }
    }
  }
}
