/**
 * Cyrillic and Greek letters as the key spells them in Latin (lower case; a capital is read as its small
 * letter), once accents and other marks are gone: "Ижмаш" is keyed "izhmash", as "Izhmash" is. One table
 * for Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian, in the simple spelling of most
 * markings and trade names (BGN/PCGN without its diacritics); the names a transliteration misses are
 * aliases of their entries. The migration ReferenceKeyScripts holds the twin of this table for
 * PostgreSQL's reference_key(); test/reference.e2e-spec.ts checks that the two agree on every character.
 */
export const TRANSLITERATION: Readonly<Record<string, string>> = {
  // Cyrillic (й, ё, ї, ў, ѓ, ќ, ѝ and ѐ lose their marks first, and are read as и, е, і, у, г, к, и and е)
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  ђ: 'dj', є: 'ye', ѕ: 'dz', і: 'i', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ґ: 'g',
  // Greek (accents and diaereses go first)
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p',
  ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/**
 * A Cyrillic х or a Greek χ between digits, as Russian and Greek texts write calibres ("7,62х39", "9 х 18"):
 * the multiplication sign, read as x (spelled, it would be "kh" or "ch"). Spaces may stand around it.
 */
export const TIMES_BETWEEN_DIGITS = /([0-9])[ \t\n\r\f\v]*[хХχΧ][ \t\n\r\f\v]*(?=[0-9])/g;

/**
 * Latin letters that no decomposition takes to a plain letter, spelled as a keyboard without them types them:
 * "Zakłady" is keyed as "Zaklady", "Sarsılmaz" as "Sarsilmaz", "Smørbrød" as "Smorbrod", "Straße" as "Strasse".
 * The migration ReferenceKeyLatinLetters holds its twin.
 */
export const LATIN_SPELLING: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'l', ı: 'i', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ĸ: 'k',
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', þ: 'th', Þ: 'th', ŋ: 'ng', Ŋ: 'ng',
};

const LATIN_LETTERS = new RegExp(`[${Object.keys(LATIN_SPELLING).join('')}]`, 'g');

/** Each letter of the table and its capital, to its Latin spelling. */
const SPELLING = new Map<string, string>(
  Object.entries(TRANSLITERATION).flatMap(([letter, latin]) => [[letter, latin], [letter.toUpperCase(), latin]] as [string, string][]),
);

/**
 * The key under which free text is matched to reference data: case, accents, spaces and
 * punctuation removed, Cyrillic and Greek spelled in Latin (TRANSLITERATION), Latin letters without a plain
 * base spelled plain (LATIN_SPELLING), "×" read as "x", and so
 * is a Cyrillic х or Greek χ between digits (TIMES_BETWEEN_DIGITS). "9 mm Luger", "9MM-LUGER" and
 * "9mm luger" meet here, and "7,62х39 мм" meets "7.62x39mm".
 * Letters of other scripts are not keyed: a name written only in them matches nothing.
 */
export function referenceKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(TIMES_BETWEEN_DIGITS, '$1x')
    .replace(/[\u0370-\u03ff\u0400-\u04ff]/g, (letter) => SPELLING.get(letter) ?? letter)
    .replace(LATIN_LETTERS, (letter) => LATIN_SPELLING[letter])
    .toLowerCase()
    .replace(/×/g, 'x')
    .replace(/[^a-z0-9]/g, '');
}
