/**
 * Serial numbers as read from a weapon, made comparable. The same two functions exist in SQL
 * (serial_normalise, serial_fold: migrations RegistrySecurity, SerialDashes and SerialScripts); a test checks that they agree.
 */

/**
 * Characters that show nothing, Unicode's Default_Ignorable_Code_Point (a test checks the list against it): a
 * soft hyphen or a zero-width space copied with a serial from a PDF or a web page, a byte order mark, direction
 * marks, variation selectors. Listed, first to last, so that SQL drops exactly the same (migration SerialInvisibles).
 */
export const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0xad, 0xad], [0x34f, 0x34f], [0x61c, 0x61c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f], [0x200b, 0x200f], [0x202a, 0x202e],
  [0x2060, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0xffa0, 0xffa0], [0xfff0, 0xfff8], [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a], [0xe0000, 0xe0fff],
];

const hex = (codePoint: number) => `\\u{${codePoint.toString(16)}}`;

/**
 * Separators that markings and officers write inconsistently: ASCII white space, dots, slashes and dashes,
 * the typographic ones too (hyphen, non-breaking hyphen, figure dash, en and em dash, horizontal bar,
 * minus sign), which a word processor or spreadsheet puts in place of "-"; and the invisible characters
 * above. Other spaces and the full-width forms become these under NFKC first.
 */
const SEPARATORS = new RegExp(`[ \\t\\n\\r\\f\\v./\\-\\u2010-\\u2015\\u2212${INVISIBLE_RANGES.map(([first, last]) => `${hex(first)}-${hex(last)}`).join('')}]`, 'gu');

/** The characters from `first` to `last`, in code point order. */
function span(first: number, last: number): string {
  return String.fromCodePoint(...Array.from({ length: last - first + 1 }, (_, i) => first + i));
}

/**
 * The small letters of the Cyrillic and Greek scripts that serials are stamped in (weapons made in the former
 * Soviet Union, its successors and Greece), and their capitals, one for one: а–я, ѐ–џ, ґ; α–ρ, σ–ω and the final ς.
 * Listed rather than left to a locale, so that SQL's translate() (migration SerialScripts) does exactly the same.
 */
export const SCRIPT_SMALL = `${span(0x430, 0x44f)}${span(0x450, 0x45f)}\u0491${span(0x3b1, 0x3c1)}${span(0x3c3, 0x3c9)}\u03c2`;
export const SCRIPT_CAPITAL = `${span(0x410, 0x42f)}${span(0x400, 0x40f)}\u0490${span(0x391, 0x3a1)}${span(0x3a3, 0x3a9)}\u03a3`;

/**
 * Upper case without separators: "ab-12 34" → "AB1234", "кт 45" → "КТ45". ASCII, Cyrillic and Greek letters
 * change case (the SQL twin: upper() under the "C" collation, then translate() from SCRIPT_SMALL to SCRIPT_CAPITAL).
 * NFKC again once the separators are gone: a letter and the accent a separator or an invisible character kept
 * apart from it are one letter, as they are when typed without it (normalising twice changes nothing).
 */
export function normaliseSerial(asMarked: string): string {
  let upper = '';
  for (const character of asMarked.normalize('NFKC').replace(SEPARATORS, '').normalize('NFKC')) {
    const index = SCRIPT_SMALL.indexOf(character);
    upper += index >= 0 ? SCRIPT_CAPITAL[index] : /[a-z]/.test(character) ? character.toUpperCase() : character;
  }
  return upper;
}

/**
 * Whether a normalised serial holds a letter or a digit: an ASCII one, or any character beyond ASCII (a
 * letter of another script). Separators, wildcards and other punctuation alone ("-" put for "none") are
 * no serial. SQL twin: SERIAL_HAS_CHARACTER.
 */
export function holdsSerialCharacter(normalised: string): boolean {
  return [...normalised].some((character) => /[A-Za-z0-9]/.test(character) || character.codePointAt(0)! > 0x7f);
}

/** holdsSerialCharacter as a PostgreSQL regular expression (the import's check). */
export const SERIAL_HAS_CHARACTER = '[A-Za-z0-9]|[^\\x01-\\x7f]';

/** Characters misread for one another on worn or stamped metal, each folded to one representative. */
export const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1', S: '5', B: '8', Z: '2', G: '6' };

/**
 * Capitals of the Cyrillic and Greek scripts that look like a Latin letter or a digit (Unicode's confusables),
 * read as that one: a serial stamped "КТ 4512" in Cyrillic is typed "KT4512" by an officer abroad, and found.
 */
export const SCRIPT_LOOK_ALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', Ё: 'E', З: '3', І: 'I', Ї: 'I', Ј: 'J', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Ѕ: 'S', Т: 'T', У: 'Y', Х: 'X',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

/** Every look-alike to its representative: a Cyrillic or Greek capital to its Latin twin, then that to its digit. */
const FOLDS: Record<string, string> = {
  ...LOOK_ALIKES,
  ...Object.fromEntries(Object.entries(SCRIPT_LOOK_ALIKES).map(([character, latin]) => [character, LOOK_ALIKES[latin] ?? latin])),
};
export const FOLD_FROM = Object.keys(FOLDS).join('');
export const FOLD_TO = Object.values(FOLDS).join('');

/**
 * The look-alike-tolerant key: normalised, Cyrillic and Greek look-alikes read as Latin (К→K, О→O...), then
 * O→0, I/L→1, S→5, B→8, Z→2, G→6, and NFKC once more: a Cyrillic Ё with an accent of its own ("Ё\u0308") is
 * read as a Latin E with it, one letter (Ë), as typed (folding twice changes nothing). SQL twin: serial_fold(),
 * translate() from FOLD_FROM to FOLD_TO, then normalize().
 */
export function foldSerial(asMarked: string): string {
  let folded = '';
  for (const character of normaliseSerial(asMarked)) {
    const index = FOLD_FROM.indexOf(character);
    folded += index >= 0 ? FOLD_TO[index] : character;
  }
  return folded.normalize('NFKC');
}

export interface SerialQuery {
  kind: 'exact' | 'pattern';
  /** Normalised serial (exact), or the pattern on the folded key in LIKE syntax (pattern). */
  normalised: string;
  folded: string;
  /** Count of unknown characters (`?`) and runs (`*`), to rank pattern matches. */
  unknowns: number;
}

/**
 * Parses a serial as typed by an investigator: `?` stands for one unreadable character, `*` for any
 * run of them (obliterated part). Without wildcards it is an exact (and look-alike) query.
 */
export function parseSerialQuery(input: string): SerialQuery {
  const normalised = normaliseSerial(input);
  if (!/[?*]/.test(normalised)) return { kind: 'exact', normalised, folded: foldSerial(normalised), unknowns: 0 };
  let like = '';
  let unknowns = 0;
  // The characters read between wildcards are folded together, as a stored key is (a letter and its accent
  // compose once folded), then LIKE's own characters in them escaped.
  let read = '';
  const flush = () => {
    like += foldSerial(read).replace(/[%_\\]/g, (character) => `\\${character}`);
    read = '';
  };
  // Runs side by side are one run (an escaped % before a * is a character, not a run).
  let afterRun = false;
  for (const character of normalised) {
    if (character === '*') {
      flush();
      if (!afterRun) like += '%';
      unknowns += 1;
      afterRun = true;
      continue;
    }
    afterRun = false;
    if (character === '?') {
      flush();
      like += '_';
      unknowns += 1;
    } else {
      read += character;
    }
  }
  flush();
  return { kind: 'pattern', normalised, folded: like, unknowns };
}

/**
 * Whether the trigram index can narrow the search for a pattern: by a run of three known characters anywhere
 * ("P*719?3" has "719"), or of two at its start or end, where a serial's key begins or ends ("AB?CD?EF": the
 * keys that begin with "AB" and end with "EF"). "A?B?C", with as many known characters, has neither, and would
 * read every serial of the node.
 */
export function narrowsSearch(query: SerialQuery): boolean {
  const runs = query.normalised.split(/[?*]/).map((run) => [...run].length);
  return runs.some((length) => length >= 3) || runs[0] >= 2 || runs[runs.length - 1] >= 2;
}
