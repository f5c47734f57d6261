import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { flatText, ParsedPdf, parsePdf } from '../../test/support/pdf';
import { create as createQrCode } from 'qrcode';
import {
  canonicalSha256,
  renderTraceRequestPdf,
  renderTraceResponsePdf,
  type FormWeapon,
  type TraceRequestForm,
  type TraceResponseForm,
} from './trace-forms';

const parse = parsePdf;
const flat = flatText;

/** Every stream of the file, inflated when it is Flate-compressed, as latin1 text. */
function streams(buffer: Buffer): string[] {
  const raw = buffer.toString('latin1');
  const out: string[] = [];
  // An object's dictionary (not crossing `endobj`), then its data up to `endstream`.
  const re = /\d+ 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = buffer.subarray(start, end);
    out.push(/\/Filter \/FlateDecode/.test(match[1]) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1'));
    re.lastIndex = end;
  }
  return out;
}

/**
 * The QR code as drawn: the dark modules rebuilt from the rectangles inside the page's /Figure
 * marked content (one `x y w h re` per run of dark modules on a row), as rows of '#' and '.'.
 */
function drawnQrModules(buffer: Buffer): string[] {
  const page = streams(buffer).find((s) => /\/Figure <<[^>]*>> BDC/.test(s));
  if (!page) throw new Error('no /Figure in any content stream');
  const figure = page.slice(page.search(/\/Figure <<[^>]*>> BDC/), page.indexOf('EMC', page.search(/\/Figure <<[^>]*>> BDC/)));
  const rects = [...figure.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) => m.slice(1, 5).map(Number));
  const unit = rects[0][3];
  const minX = Math.min(...rects.map((r) => r[0]));
  const minY = Math.min(...rects.map((r) => r[1]));
  const size = Math.round((Math.max(...rects.map((r) => r[0] + r[2])) - minX) / unit);
  const grid = Array.from({ length: size }, () => Array<string>(size).fill('.'));
  for (const [x, y, w] of rects) {
    const row = Math.round((y - minY) / unit);
    const col = Math.round((x - minX) / unit);
    for (let i = 0; i < Math.round(w / unit); i++) grid[row][col + i] = '#';
  }
  return grid.map((row) => row.join(''));
}

function expectedQrModules(payload: string): string[] {
  const { modules } = createQrCode(payload, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from(modules.data.subarray(row * modules.size, (row + 1) * modules.size), (dark) => (dark ? '#' : '.')).join(''),
  );
}

const SHA = 'a'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8);
const TRACE_ID = '3f1c2a9e-7b4d-4e21-9c55-0a6b8d2e4f10';

function weapon(overrides: Partial<FormWeapon> = {}): FormWeapon {
  return {
    type: 'Assault rifle',
    calibre: '7.62×39 mm',
    make: 'Ижмаш',
    model: 'AK-74',
    serial: null,
    serialObliterated: true,
    serialReadable: '19??4417',
    countryOfManufacture: 'Россия (RU)',
    yearOfManufacture: 1987,
    markings: [
      { component: 'Receiver', text: 'ИЖМАШ 1987 ☆' },
      { component: 'Bolt carrier', text: 'ЛА 4417' },
      { component: 'Magazine', text: 'Ñandú 12' },
    ],
    photoRefs: ['PH-2024-0001', 'PH-2024-0002'],
    ...overrides,
  };
}

function request(overrides: Partial<TraceRequestForm> = {}): TraceRequestForm {
  return {
    traceId: TRACE_ID,
    classification: 'confidential',
    useRestrictions: ['law_enforcement_only', 'no_onward_disclosure'],
    confidentialityRequested: true,
    requestingState: { code: 'CI', name: "Côte d'Ivoire" },
    requestedState: { code: 'RU', name: 'Россия' },
    requestingAuthority: "Gendarmerie nationale — Côte d'Ivoire",
    officerName: 'Adjudant-chef Kouassi Yao',
    npcName: 'Commission nationale de lutte contre la prolifération des armes légères',
    requestedContactPoints: [
      { name: 'Иван Петров', agency: 'МВД России', email: 'trace@example.ru', phone: '+7 495 000 00 00' },
      { name: 'Desk officer', agency: null, email: null, phone: '+7 495 000 00 01' },
    ],
    channel: 'interpol',
    priority: 'urgent',
    urgentJustification: 'Suspect in custody; hearing in 72 hours.',
    illicitBasis: ['not_marked_per_iti', 'illicit_under_national_law'],
    legalJustification: 'Code pénal, art. 255; Loi n° 2018-977 sur les armes.',
    recovery: { date: '2024-04-18', place: 'Cañón del Sumidero, Chiapas', context: 'Seized at a checkpoint with two other rifles.' },
    intendedUse: 'Criminal investigation and prosecution of the trafficking network.',
    weapon: weapon(),
    status: 'sent',
    submittedAt: '2024-05-02T09:30:00.000Z',
    sentAt: '2024-05-02T10:15:42.000Z',
    contentSha256: SHA,
    generatedAt: '2024-05-03T08:00:00.000Z',
    ...overrides,
  };
}

function response(overrides: Partial<TraceResponseForm['answer']> = {}): TraceResponseForm {
  return {
    traceId: TRACE_ID,
    classification: 'restricted',
    useRestrictions: ['law_enforcement_only'],
    requestingState: { code: 'CI', name: "Côte d'Ivoire" },
    requestedState: { code: 'ES', name: 'España' },
    weapon: weapon({ serial: 'ES-448812', serialObliterated: false, serialReadable: null, make: 'Star Bonifacio Echeverría', markings: [] }),
    answer: {
      outcome: 'partial',
      reasonCode: 'ongoing_criminal_investigation',
      reasonText: 'Part of the chain is under investigation by the Audiencia Nacional.',
      expectedDate: null,
      recordFound: true,
      chain: [
        { event: 'manufacture', date: '1991-03-04', state: 'ES', counterpartState: null, licenceRef: null, party: 'Star Bonifacio Echeverría SA, Eibar' },
        { event: 'export', date: '1992-06-11', state: 'ES', counterpartState: 'GH', licenceRef: 'EXP-92/1184', party: 'Armería Ñandú SL' },
        { event: 'import', date: '1992-07-01', state: 'GH', counterpartState: 'ES', licenceRef: 'IMP-0712', party: 'Ghana Police Service' },
      ],
      lastLegalHolder: 'Ghana Police Service, Accra armoury',
      nextState: 'GH',
      useRestrictions: ['no_publication'],
      answeredAt: '2024-06-01T12:00:00.000Z',
      ...overrides,
    },
    contentSha256: SHA,
    generatedAt: '2024-06-01T12:05:00.000Z',
  };
}

describe('trace request PDF', () => {
  let pdf: Buffer;
  let parsed: ParsedPdf;

  beforeAll(async () => {
    pdf = await renderTraceRequestPdf(request());
    parsed = await parse(pdf);
  });

  it('renders French, Spanish and Russian text exactly', () => {
    const text = parsed.text;
    expect(text).toContain('Trace request (International Tracing Instrument)');
    expect(text).toContain("Gendarmerie nationale — Côte d'Ivoire");
    expect(text).toContain('Ижмаш');
    expect(text).toContain('Cañón del Sumidero, Chiapas');
    expect(text).toContain('Россия (RU)');
    expect(text).toContain('Иван Петров — МВД России — trace@example.ru — +7 495 000 00 00');
    expect(flat(text)).toContain('Commission nationale de lutte contre la prolifération des armes légères');
  });

  it('prints the request fields as readable labels', () => {
    const text = flat(parsed.text);
    expect(text).toContain('Not marked in accordance with the Instrument (ITI para 6(c))');
    expect(text).toContain('Illicit under the law of the State where it was found (ITI para 6(a))');
    expect(text).toContain('INTERPOL');
    expect(text).toContain('Suspect in custody; hearing in 72 hours.');
    expect(text).toMatch(/Confidentiality requested\s+Yes/);
    expect(text).toContain('obliterated — readable: 19??4417');
    expect(text).toContain('7.62×39 mm');
    expect(text).toContain('2024-04-18');
    expect(text).toContain('Seized at a checkpoint with two other rifles.');
    expect(text).toContain('Criminal investigation and prosecution of the trafficking network.');
    expect(text).toContain('Photo reference 1: PH-2024-0001');
    expect(text).toContain('Photo reference 2: PH-2024-0002');
    expect(text).toMatch(/Submitted\s+2024-05-02 09:30:00 UTC/);
    expect(text).toMatch(/Sent\s+2024-05-02 10:15:42 UTC/);
  });

  it('has the markings table, the hash and the QR payload', () => {
    const text = parsed.text;
    // Header row then one row per marking, in order.
    expect(text).toMatch(/#\s+Component\s+Text as read/);
    expect(text).toMatch(/1\s+Receiver\s+ИЖМАШ 1987 ☆/);
    expect(text).toMatch(/2\s+Bolt carrier\s+ЛА 4417/);
    expect(text).toMatch(/3\s+Magazine\s+Ñandú 12/);
    expect(flat(text)).toContain("SHA-256 of the request's canonical content");
    expect(text).toContain(SHA);
    expect(text).toContain(`iti-trace:request:${TRACE_ID}:sha256:${SHA}`);
  });

  it('draws the QR code of the payload as vector rectangles', () => {
    // No image XObject: the code is a path of `re` operators, module for module the matrix of
    // QRCode.create(payload), so it decodes to the payload.
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    expect(drawnQrModules(pdf)).toEqual(expectedQrModules(`iti-trace:request:${TRACE_ID}:sha256:${SHA}`));
  });

  it('is PDF 1.7 declaring PDF/A-2b, with embedded TrueType fonts only', () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const raw = pdf.toString('latin1');
    // pdfkit writes the XMP metadata stream uncompressed (PDF/A wants it readable without a
    // filter); the check below does not rely on that: it reads every stream, inflated if need be.
    const xmp = streams(pdf).find((s) => s.includes('<x:xmpmeta'));
    expect(xmp).toBeDefined();
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Trace request 3f1c2a9e-7b4d-4e21-9c55-0a6b8d2e4f10</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2024-05-03T08:00:00Z</xmp:CreateDate>');
    expect(raw).toMatch(/\/Type \/Metadata/);
    expect(raw).toMatch(/\/S \/GTS_PDFA1/); // sRGB output intent
    // Embedded TrueType (CID) fonts, subsets of DejaVu; no standard 14 font.
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).not.toContain('/Helvetica');
    expect(raw).not.toMatch(/\/Subtype \/Type1/);
    // Tagged, with the title shown by viewers.
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
  });

  it('is the same bytes for the same input', async () => {
    const again = await renderTraceRequestPdf(request());
    expect(again.equals(pdf)).toBe(true);
  });
});

describe('trace request PDF over several pages', () => {
  const paragraph =
    'Le fusil a été saisi lors d’un contrôle routier ; les marquages du boîtier de culasse ont été partiellement ' +
    'effacés. La procédure pénale engagée en application du Code pénal exige l’établissement de la chaîne de ' +
    'détention complète, depuis la fabrication jusqu’au dernier détenteur légal connu. ';
  let parsed: ParsedPdf;

  beforeAll(async () => {
    const form = request({
      legalJustification: Array.from({ length: 12 }, (_, i) => `§${i + 1}. ${paragraph.repeat(4)}`).join('\n\n'),
    });
    parsed = await parse(await renderTraceRequestPdf(form));
  });

  it('flows long text over 3 or more pages', () => {
    expect(parsed.pages.length).toBeGreaterThanOrEqual(3);
    expect(flat(parsed.text)).toContain('§12. Le fusil a été saisi');
  });

  it('has the header and the footer on every page', () => {
    const total = parsed.pages.length;
    parsed.pages.forEach((page, i) => {
      expect(page).toContain('CONFIDENTIAL');
      expect(page).toContain('Law enforcement only · No onward disclosure');
      expect(page).toContain(`Trace ${TRACE_ID}`);
      expect(page).toContain(`Page ${i + 1} of ${total}`);
    });
  });

  it('repeats the header row of a table that goes on to the next page', async () => {
    const markings = Array.from({ length: 70 }, (_, i) => ({ component: `Part ${i + 1}`, text: `MARK-${String(i + 1).padStart(3, '0')}` }));
    const long = await parse(await renderTraceRequestPdf(request({ weapon: weapon({ markings }) })));
    const withRows = long.pages.filter((page) => /MARK-\d{3}/.test(page));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page).toMatch(/#\s+Component\s+Text as read/);
    // Every row once, in order.
    const rows = [...long.text.matchAll(/(\d+)\s+Part \1\s+MARK-(\d{3})/g)].map((m) => Number(m[2]));
    expect(rows).toEqual(markings.map((_, i) => i + 1));
  });

  it('keeps the verification block whole at the end', () => {
    const last = parsed.pages[parsed.pages.length - 1];
    expect(last).toContain(SHA);
    expect(last).toContain(`iti-trace:request:${TRACE_ID}:sha256:${SHA}`);
  });
});

describe('trace response PDF', () => {
  let pdf: Buffer;
  let parsed: ParsedPdf;

  beforeAll(async () => {
    pdf = await renderTraceResponsePdf(response());
    parsed = await parse(pdf);
  });

  it('has the outcome, the reason, the chain and the next State', () => {
    // Cells that wrap put their second line after the row's first line: compare with blanks made one.
    const text = flat(parsed.text);
    expect(text).toContain('Trace response');
    expect(text).toMatch(/Outcome\s+Partial answer/);
    expect(text).toContain('Ongoing criminal investigation (ongoing_criminal_investigation)');
    expect(flat(text)).toContain('Part of the chain is under investigation by the Audiencia Nacional.');
    expect(text).toMatch(/Record found\s+Yes/);
    expect(text).toMatch(/Event\s+Date\s+State\s+Counterpart State\s+Licence\s+Party/);
    expect(text).toMatch(/Manufacture\s+1991-03-04\s+ES\s+—\s+—\s+Star Bonifacio Echeverría SA, Eibar/);
    expect(text).toMatch(/Export\s+1992-06-11\s+ES\s+GH\s+EXP-92\/1184\s+Armería Ñandú SL/);
    expect(text).toMatch(/Import\s+1992-07-01\s+GH\s+ES\s+IMP-0712\s+Ghana Police Service/);
    expect(text).toMatch(/Last known legal holder\s+Ghana Police Service, Accra armoury/);
    expect(text).toMatch(/Next State to ask\s+GH/);
    expect(text).toContain('ES-448812');
    expect(text).toContain(`iti-trace:response:${TRACE_ID}:sha256:${SHA}`);
  });

  it('heads every page with the classification and the restrictions of the trace and the answer', () => {
    parsed.pages.forEach((page, i) => {
      expect(page).toContain('RESTRICTED');
      expect(page).toContain('Law enforcement only · No publication');
      expect(page).toContain(`Page ${i + 1} of ${parsed.pages.length}`);
    });
  });

  it('gives the expected date of a delayed answer and no chain when there is none', async () => {
    const delayed = await parse(
      await renderTraceResponsePdf(
        response({ outcome: 'delayed', reasonCode: 'national_law', reasonText: null, expectedDate: '2024-09-30', recordFound: false, chain: [], nextState: null }),
      ),
    );
    expect(delayed.text).toMatch(/Outcome\s+Answer delayed/);
    expect(delayed.text).toContain('Restricted by national law (national_law)');
    expect(delayed.text).toMatch(/Full answer expected by\s+2024-09-30/);
    expect(delayed.text).toMatch(/Record found\s+No/);
    expect(delayed.text).toContain('No chain of custody given.');
  });

  it('draws the QR code of the response payload', () => {
    expect(drawnQrModules(pdf)).toEqual(expectedQrModules(`iti-trace:response:${TRACE_ID}:sha256:${SHA}`));
  });
});

describe('canonicalSha256', () => {
  it('does not depend on key order', () => {
    expect(canonicalSha256({ a: 1, b: 2 })).toBe(canonicalSha256({ b: 2, a: 1 }));
    expect(canonicalSha256({ x: { a: [1, { d: 'é', c: null }], b: true } })).toBe(canonicalSha256({ x: { b: true, a: [1, { c: null, d: 'é' }] } }));
  });

  it('changes when a value changes', () => {
    expect(canonicalSha256({ a: 1, b: 2 })).not.toBe(canonicalSha256({ a: 1, b: 3 }));
    expect(canonicalSha256({ a: '1' })).not.toBe(canonicalSha256({ a: 1 }));
  });

  it('is the SHA-256 of the RFC 8785 form', () => {
    // RFC 8785: sorted keys, no blanks, numbers in their shortest form: {"a":1,"b":[2,"é"]}
    const expected = createHash('sha256').update('{"a":1,"b":[2,"é"]}', 'utf8').digest('hex');
    expect(canonicalSha256({ b: [2.0, 'é'], a: 1 })).toBe(expected);
    expect(canonicalSha256({ b: [2.0, 'é'], a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
