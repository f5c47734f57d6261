import fc from 'fast-check';
import { foldSerial, normaliseSerial, parseSerialQuery } from './serial';

const serialCharacter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- ./'.split(''));
const serial = fc.array(serialCharacter, { minLength: 1, maxLength: 16 }).map((cs) => cs.join(''));

describe('serial normalisation', () => {
  it('drops separators and case', () => {
    expect(normaliseSerial(' ab-12.34/5 ')).toBe('AB12345');
  });

  it('drops the typographic dashes a word processor writes for "-"', () => {
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uff0d', '\ufe63']) expect(normaliseSerial(`AB${dash}123`)).toBe('AB123');
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
});
