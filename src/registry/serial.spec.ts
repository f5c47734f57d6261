import fc from 'fast-check';
import { foldSerial, INVISIBLE_RANGES, normaliseSerial, parseSerialQuery } from './serial';

const serialCharacter = fc.oneof(
  fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- ./\u00ad\u200b\ufeff\u034fe\u0301\u0308'.split('')),
  // Lower case, compatibility forms (fullwidth, ligatures, fractions, Roman numerals, squared units), typographic
  // dashes, Cyrillic and Greek (a final sigma), letters whose capital is two (ß, ŉ) or has no single form (ǅ).
  fc.constantFrom(...'abcxyzＡｂ１ﬁﬂ½Ⅻⅻ㎜\u2010\u2013\u2212\uff0dкКёЁїЇґαΑςσΣßŉǅǆΐ'.split('')),
  // Anything at all, one grapheme at a time.
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const serial = fc.array(serialCharacter, { minLength: 1, maxLength: 16 }).map((cs) => cs.join(''));

describe('serial normalisation', () => {
  it('drops separators and case', () => {
    expect(normaliseSerial(' ab-12.34/5 ')).toBe('AB12345');
  });

  it('drops the typographic dashes a word processor writes for "-"', () => {
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uff0d', '\ufe63']) expect(normaliseSerial(`AB${dash}123`)).toBe('AB123');
  });

  it('drops the characters that show nothing: a soft hyphen or zero-width space copied from a PDF, a byte order mark', () => {
    for (const invisible of ['\u00ad', '\u200b', '\u200d', '\u2060', '\ufeff', '\u200e', '\u202e', '\ufe0f', '\u{e0041}']) {
      expect(normaliseSerial(`AB${invisible}123`)).toBe('AB123');
      expect(foldSerial(`${invisible}ab 12${invisible}3`)).toBe('A8123');
    }
  });

  it("lists exactly Unicode's default-ignorable code points as invisible", () => {
    const listed = (codePoint: number) => INVISIBLE_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last);
    const differing: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (/\p{Default_Ignorable_Code_Point}/u.test(String.fromCodePoint(codePoint)) !== listed(codePoint)) differing.push(codePoint.toString(16));
    }
    expect(differing).toEqual([]);
    // Each range in order and apart from the next, as SQL's list is written.
    for (let i = 1; i < INVISIBLE_RANGES.length; i++) expect(INVISIBLE_RANGES[i][0]).toBeGreaterThan(INVISIBLE_RANGES[i - 1][1] + 1);
  });

  it('makes one letter of a letter and the accent a separator or an invisible character kept apart from it', () => {
    for (const apart of ['e.\u0301', 'e\u00ad\u0301', 'e\u034f\u0301', 'e \u0301']) {
      expect(normaliseSerial(`AB${apart}1`)).toBe('AB\u00e91');
      expect(normaliseSerial(normaliseSerial(`AB${apart}1`))).toBe(normaliseSerial(`AB${apart}1`));
    }
  });

  it('folds look-alike characters', () => {
    expect(foldSerial('OIL-SBZG')).toBe('0115826');
    expect(foldSerial('0115-826')).toBe(foldSerial('oil sbzg'));
  });

  it('is idempotent (normalising or folding twice changes nothing)', () => {
    fc.assert(
      fc.property(serial, (s) => {
        expect(normaliseSerial(normaliseSerial(s))).toBe(normaliseSerial(s));
        expect(foldSerial(foldSerial(s))).toBe(foldSerial(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns ? into one-character and * into any-run wildcards on the folded key', () => {
    expect(parseSerialQuery('AB?1*')).toEqual({ kind: 'pattern', normalised: 'AB?1*', folded: 'A8_1%', unknowns: 2 });
    expect(parseSerialQuery('ab 12')).toEqual({ kind: 'exact', normalised: 'AB12', folded: 'A812', unknowns: 0 });
    expect(parseSerialQuery('**12').folded).toBe('%12');
    // LIKE's own characters are escaped, and an escaped % is a character: a * after it is still a run.
    expect(parseSerialQuery('A_B%1\\*')).toEqual({ kind: 'pattern', normalised: 'A_B%1\\*', folded: 'A\\_8\\%1\\\\%', unknowns: 1 });
    expect(parseSerialQuery('AB%*').folded).toBe('A8\\%%');
  });

  it('folds the characters between wildcards as a stored key is folded: a Cyrillic Ё and its own accent are the Latin Ë', () => {
    expect(parseSerialQuery('К\u0401\u0308 22?7').folded).toBe('K\u00cb22_7');
    // A serial with one character put as ?: its key fits the pattern (where that character is one of the key's).
    let checked = 0;
    fc.assert(
      fc.property(serial, fc.nat(), (s, position) => {
        const key = foldSerial(s);
        const characters = [...normaliseSerial(s)];
        if (characters.length === 0) return;
        const i = position % characters.length;
        const pattern = [...characters.slice(0, i), '?', ...characters.slice(i + 1)].join('');
        const { folded } = parseSerialQuery(pattern);
        const like = new RegExp(`^${folded.replace(/\\(.)|([%_])|([^\\%_])/gu, (_, escaped: string, wildcard: string, plain: string) =>
          escaped ? escapeRegExp(escaped) : wildcard === '%' ? '.*' : wildcard === '_' ? '.' : escapeRegExp(plain))}$`, 'u');
        if (foldSerial(characters[i]).length !== 1 || [...key].length !== characters.length) return;
        checked += 1;
        expect({ pattern, key, matches: like.test(key) }).toEqual({ pattern, key, matches: true });
      }),
      { numRuns: 1000 },
    );
    expect(checked).toBeGreaterThan(500);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
