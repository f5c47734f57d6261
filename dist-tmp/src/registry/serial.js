"use strict";
/**
 * Serial numbers as read from a weapon, made comparable. The same two functions exist in SQL
 * (serial_normalise, serial_fold: migrations RegistrySecurity and SerialDashes); a test checks that they agree.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOOK_ALIKES = exports.SERIAL_HAS_CHARACTER = void 0;
exports.normaliseSerial = normaliseSerial;
exports.holdsSerialCharacter = holdsSerialCharacter;
exports.foldSerial = foldSerial;
exports.parseSerialQuery = parseSerialQuery;
exports.knownCharacters = knownCharacters;
/**
 * Separators that markings and officers write inconsistently: ASCII white space, dots, slashes and dashes,
 * the typographic ones too (hyphen, non-breaking hyphen, figure dash, en and em dash, horizontal bar,
 * minus sign), which a word processor or spreadsheet puts in place of "-". Other spaces and the full-width
 * forms become these under NFKC first.
 */
const SEPARATORS = /[ \t\n\r\f\v./\-\u2010-\u2015\u2212]/g;
/**
 * Upper case without separators: "ab-12 34" → "AB1234". Only ASCII letters change case, exactly as
 * the SQL twin (upper() under the "C" collation) does.
 */
function normaliseSerial(asMarked) {
    return asMarked.normalize('NFKC').replace(SEPARATORS, '').replace(/[a-z]/g, (c) => c.toUpperCase());
}
/**
 * Whether a normalised serial holds a letter or a digit: an ASCII one, or any character beyond ASCII (a
 * letter of another script). Separators, wildcards and other punctuation alone ("-" put for "none") are
 * no serial. SQL twin: SERIAL_HAS_CHARACTER.
 */
function holdsSerialCharacter(normalised) {
    return [...normalised].some((character) => /[A-Za-z0-9]/.test(character) || character.codePointAt(0) > 0x7f);
}
/** holdsSerialCharacter as a PostgreSQL regular expression (the import's check). */
exports.SERIAL_HAS_CHARACTER = '[A-Za-z0-9]|[^\\x01-\\x7f]';
/** Characters misread for one another on worn or stamped metal, each folded to one representative. */
exports.LOOK_ALIKES = { O: '0', I: '1', L: '1', S: '5', B: '8', Z: '2', G: '6' };
const FOLD_FROM = Object.keys(exports.LOOK_ALIKES).join('');
const FOLD_TO = Object.values(exports.LOOK_ALIKES).join('');
/** The look-alike-tolerant key: normalised, then O→0, I/L→1, S→5, B→8, Z→2, G→6. */
function foldSerial(asMarked) {
    let folded = '';
    for (const character of normaliseSerial(asMarked)) {
        const index = FOLD_FROM.indexOf(character);
        folded += index >= 0 ? FOLD_TO[index] : character;
    }
    return folded;
}
/**
 * Parses a serial as typed by an investigator: `?` stands for one unreadable character, `*` for any
 * run of them (obliterated part). Without wildcards it is an exact (and look-alike) query.
 */
function parseSerialQuery(input) {
    const normalised = normaliseSerial(input);
    if (!/[?*]/.test(normalised))
        return { kind: 'exact', normalised, folded: foldSerial(normalised), unknowns: 0 };
    let like = '';
    let unknowns = 0;
    // Runs side by side are one run (an escaped % before a * is a character, not a run).
    let afterRun = false;
    for (const character of normalised) {
        if (character === '*') {
            if (!afterRun)
                like += '%';
            unknowns += 1;
            afterRun = true;
            continue;
        }
        afterRun = false;
        if (character === '?') {
            like += '_';
            unknowns += 1;
        }
        else if (character === '%' || character === '_' || character === '\\') {
            like += `\\${character}`;
        }
        else {
            like += foldSerial(character);
        }
    }
    return { kind: 'pattern', normalised, folded: like, unknowns };
}
/** Known characters in a pattern: the trigram index needs some to narrow the search. */
function knownCharacters(query) {
    return [...query.normalised.replace(/[?*]/g, '')].length;
}
//# sourceMappingURL=serial.js.map