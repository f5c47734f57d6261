"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RecordLines = exports.IMPORT_MAX_LENGTHS = exports.IMPORT_COLUMNS = void 0;
exports.withoutByteOrderMark = withoutByteOrderMark;
const node_stream_1 = require("node:stream");
/**
 * The CSV columns of a registry import, in order (docs/import-format.md). The header must name
 * exactly these, in this order (PostgreSQL checks it: COPY ... HEADER MATCH).
 */
exports.IMPORT_COLUMNS = [
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
];
/** Longest value each text column may hold (the registry's column sizes). */
exports.IMPORT_MAX_LENGTHS = {
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
class RecordLines {
    constructor() {
        /** Records after which those that follow begin lower, and by how many lines in all. */
        this.after = [];
        this.shift = [];
        this.record = 1;
        this.quoted = false;
        this.breaks = 0;
        this.total = 0;
    }
    feed(chunk) {
        for (let i = 0; i < chunk.length; i++) {
            const byte = chunk[i];
            // A doubled quote inside a quoted field turns the state twice: it stays quoted.
            if (byte === 0x22)
                this.quoted = !this.quoted;
            else if (byte === 0x0a) {
                if (this.quoted)
                    this.breaks += 1;
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
exports.RecordLines = RecordLines;
const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);
/**
 * Drops a UTF-8 byte order mark at the start of the file (spreadsheets write one in "CSV UTF-8"), which
 * COPY would read as part of the first column's name; the rest passes as it came.
 */
function withoutByteOrderMark() {
    let head = Buffer.alloc(0);
    const release = (stream, bytes) => {
        head = null;
        const mark = bytes.subarray(0, 3).equals(BYTE_ORDER_MARK);
        stream.push(mark ? bytes.subarray(3) : bytes);
    };
    return new node_stream_1.Transform({
        transform(chunk, _encoding, done) {
            if (head === null)
                return done(null, chunk);
            const bytes = Buffer.concat([head, chunk]);
            if (bytes.length < BYTE_ORDER_MARK.length)
                head = bytes;
            else
                release(this, bytes);
            done();
        },
        flush(done) {
            if (head !== null && head.length > 0)
                this.push(head);
            done();
        },
    });
}
//# sourceMappingURL=import-format.js.map