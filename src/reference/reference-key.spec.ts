import calibres from './data/calibres.json';
import manufacturers from './data/manufacturers.json';
import weaponTypes from './data/weapon-types.json';
import { referenceKey } from './reference-key';

describe('referenceKey', () => {
  it.each([
    ['9 mm Luger', '9mmluger'],
    ['9MM-LUGER', '9mmluger'],
    ['7.62×39 mm', '762x39mm'],
    ['Zastava oružje', 'zastavaoruzje'],
    // Cyrillic and Greek are spelled in Latin, capitals as small letters, marks dropped first (й as и, ё as е)
    ['Ижмаш', 'izhmash'],
    ['ИЖМАШ', 'izhmash'],
    ['7,62×39 мм', '762x39mm'],
    // A Cyrillic х or Greek χ between digits is the multiplication sign; elsewhere a letter
    ['7,62х39 мм', '762x39mm'],
    ['9 Х 18 ПМ', '9x18pm'],
    ['5,45χ39', '545x39'],
    ['1х2х3', '1x2x3'],
    ['Охота 12х', 'okhota12kh'],
    ['Байкал', 'baikal'],
    ['Щука Ёж Юла Ящик Ъ Ь', 'shchukaezhyulayashchik'],
    ['Ґудзик Їжак Єдність', 'gudzikizhakyednist'],
    ['Ђурђевац Љубљана Њива Џеп Ћуприја', 'djurdjevatsljubljananjivadzepcuprija'],
    ['ΕΑΣ', 'eas'],
    ['Πυρκάλ', 'pyrkal'],
    ['Θεσσαλονίκη ψυχή', 'thessalonikipsychi'],
    // Latin letters no decomposition makes plain, spelled as typed without them
    ['Zakłady Mechaniczne Tarnów', 'zakladymechanicznetarnow'],
    ['ZAKŁADY', 'zaklady'],
    ['Sarsılmaz', 'sarsilmaz'],
    ['Smørbrød Đaković Þór', 'smorbroddakovicthor'],
    ['Straße STRAẞE Æsir Œuvre', 'strassestrasseaesiroeuvre'],
    // Other scripts are not keyed
    ['中国北方工业公司', ''],
    ['Norinco 北方', 'norinco'],
  ])('keys %s as %s', (text, key) => {
    expect(referenceKey(text)).toBe(key);
  });

  it('is idempotent on its keys', () => {
    for (const text of ['Ижмаш', 'Ελληνικά Αμυντικά Συστήματα', '7,62×39 мм']) expect(referenceKey(referenceKey(text))).toBe(referenceKey(text));
  });

  it('gives each name of the shipped data to one entry of its kind only', () => {
    const kinds: Record<string, { code: string; names: string[] }[]> = {
      type: weaponTypes.entries.map((e) => ({ code: e.code, names: [e.code, e.name, ...e.aliases] })),
      calibre: calibres.entries.map((e) => ({ code: e.code, names: [e.code, e.name, ...e.aliases] })),
      manufacturer: manufacturers.entries.map((e) => ({ code: e.code, names: [e.code, e.name, ...e.aliases, ...(e.former_names ?? [])] })),
    };
    const shared: string[] = [];
    const empty: string[] = [];
    for (const [kind, entries] of Object.entries(kinds)) {
      const owner = new Map<string, string>();
      for (const { code, names } of entries) {
        for (const name of names) {
          const key = referenceKey(name);
          if (!key) empty.push(`${kind} ${code}: ${name}`);
          else if (owner.has(key) && owner.get(key) !== code) shared.push(`${kind} ${key}: ${owner.get(key)} and ${code}`);
          else owner.set(key, code);
        }
      }
    }
    expect({ shared, empty }).toEqual({ shared: [], empty: [] });
  });
});
