/**
 * The key under which free text is matched to reference data: case, accents, spaces and
 * punctuation removed, "×" read as "x". "9 mm Luger", "9MM-LUGER" and "9mm luger" meet here.
 */
export function referenceKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/×/g, 'x')
    .replace(/[^a-z0-9]/g, '');
}
