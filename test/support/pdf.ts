import { dirname, join } from 'node:path';
import { PDFParse } from 'pdf-parse';

// pdf.js starts its in-process ("fake") worker with a dynamic import(), which Jest's CommonJS
// runtime refuses without --experimental-vm-modules. The worker module registers itself on
// globalThis.pdfjsWorker, which pdf.js looks at first; loading it here (through Babel, see
// jest.config.js) avoids the import().
jest.requireActual(join(dirname(require.resolve('pdf-parse')), 'pdf.worker.mjs'));

export interface ParsedPdf {
  text: string;
  pages: string[];
}

/** The text of a PDF, as a reader extracts it: whole and page by page. */
export async function parsePdf(buffer: Buffer): Promise<ParsedPdf> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.pages.map((page) => page.text) };
  } finally {
    await parser.destroy();
  }
}

/** The text with runs of blanks made single, to compare across line layout. */
export function flatText(text: string): string {
  return text.replace(/\s+/g, ' ');
}
