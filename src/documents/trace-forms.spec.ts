import { createHash, randomBytes } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFParse } from 'pdf-parse';
import { encodePng, pngChunk, readRgbPng, tinyJpeg, tinyPng, tinyPngPixels, withFillBytes, withSegmentBeforeFrame, type PngOptions } from '../../test/support/images';
import { flatText, ParsedPdf, parsePdf } from '../../test/support/pdf';
import { create as createQrCode } from 'qrcode';
import { breakable, FormDocument, ImageError, type ImageMediaType } from './pdf-layout';
import {
  canonicalSha256,
  renderTraceRequestPdf,
  renderTraceResponsePdf,
  type FormPhoto,
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
    onBehalfOf: { kind: 'un_mission', organisation: 'Opération des Nations Unies en Côte d’Ivoire', consentReference: 'MAE/2024/0412', consentGivenOn: '2024-04-20' },
    requestedContactPoints: [
      { name: 'Иван Петров', agency: 'МВД России', email: 'trace@example.ru', phone: '+7 495 000 00 00' },
      { name: 'Desk officer', agency: null, email: null, phone: '+7 495 000 00 01' },
    ],
    requestingContactPoints: [],
    moreContactPoints: { requested: false, requesting: false },
    channel: 'interpol',
    priority: 'urgent',
    urgentJustification: 'Suspect in custody; hearing in 72 hours.',
    illicitBasis: ['not_marked_per_iti', 'illicit_under_national_law'],
    legalJustification: 'Code pénal, art. 255; Loi n° 2018-977 sur les armes.',
    recovery: { date: '2024-04-18', place: 'Cañón del Sumidero, Chiapas', context: 'Seized at a checkpoint with two other rifles.' },
    intendedUse: 'Criminal investigation and prosecution of the trafficking network.',
    ballistics: { database: 'IBIN', recordNumber: 'CI-2024-00917', exchangeable: false },
    disclosedCaseInformation: null,
    followsUp: [],
    weapon: weapon(),
    photos: [],
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
      // The request's restrictions stay attached to the answer, with those the answering State adds.
      useRestrictions: ['law_enforcement_only', 'no_publication'],
      restrictionsAdded: ['no_publication'],
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
    // ITI: a UN mission may open a trace for the State it supports, with that State's consent; ballistics complements tracing.
    expect(text).toMatch(/Opened on its behalf by\s+Opération des Nations Unies en Côte d’Ivoire \(United Nations mission\)/);
    expect(text).toMatch(/Consent of the State\s+MAE\/2024\/0412, given 2024-04-20/);
    expect(text).toMatch(/Ballistic database\s+IBIN\s+Record number\s+CI-2024-00917\s+Ballistic data may be exchanged\s+No/);
  });

  it('names the requesting State\'s contact points for the answer, and says when a list is cut', async () => {
    const text = flat((await parse(await renderTraceRequestPdf(request({
      requestingContactPoints: [{ name: 'Point focal national', agency: 'ComNat-ALPC', email: 'pfn@example.ci', phone: null }],
      moreContactPoints: { requested: true, requesting: false },
    })))).text);
    expect(text).toMatch(/Contact points of the requesting State, for the answer\s+• Point focal national — ComNat-ALPC — pfn@example\.ci/);
    // (the line may break after a slash)
    expect(text).toMatch(/Contact points of the requested State \(the first 2; all of them: GET \/api\/v1\/states\/RU\/\s?contact-points\)/);
    // A State with none in its directory says so, under the same heading.
    expect(flat(parsed.text)).toMatch(/Contact points of the requesting State, for the answer\s+none on record/);
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

describe('text of a form, whatever the process printed before it', () => {
  it('extracts the letters that accented capitals printed earlier are drawn from (É as E and an accent)', async () => {
    // A process that has printed nothing yet: its fonts are parsed afresh, and meet É and Ё before E and Е.
    let fresh: typeof import('./trace-forms') | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      fresh = require('./trace-forms') as typeof import('./trace-forms');
    });
    await fresh!.renderTraceRequestPdf(request({ requestingAuthority: 'Élodie Ёлкина, État' }));
    const text = flat((await parse(await fresh!.renderTraceRequestPdf(request({ requestingAuthority: 'Exported to Europe, ЕЛЕНА, KEN' })))).text);
    expect(text).toContain('Exported to Europe, ЕЛЕНА, KEN');
  });

  it('maps a ligature, or an Arabic letter in its joined form, to the letters it stands for, even after a form whose text held them as such', async () => {
    // Text pasted from a PDF may hold the ligature ﬁ and Arabic presentation forms themselves.
    await renderTraceRequestPdf(request({ requestingAuthority: 'Certiﬁcate oﬃce \uFEE3\uFEA4\uFEE4\uFEAA' }));
    const pdf = await renderTraceRequestPdf(request({ requestingAuthority: 'Office of the Certificate officer — محمد سلام' }));
    const maps = streams(pdf).filter((s) => s.includes('begincmap')).join('\n');
    expect(maps).toMatch(/<0066 ?0069>|<00660069>/i); // fi
    expect(maps).not.toMatch(/<fb[0-4][0-9a-f]>/i);
    expect(maps).not.toMatch(/<f[b-d][5-9a-f][0-9a-f]>|<fe[7-9a-f][0-9a-f]>/i);
  });
});

describe('text the embedded fonts cannot draw', () => {
  it('prints Chinese, Japanese, Korean and emoji as their code points, the rest as it is', async () => {
    const recovery = { ...request().recovery, place: '北京市 東京 서울 🔫 — Cañón, Ижевск' };
    const text = flat((await parse(await renderTraceRequestPdf(request({ recovery })))).text);
    // (The line may break between two code points.)
    expect(text.replace(/\] \[/g, '][')).toContain('[U+5317][U+4EAC][U+5E02][U+6771][U+4EAC][U+C11C][U+C6B8][U+1F52B] — Cañón, Ижевск');
  });
});

describe('control characters in what was typed or pasted', () => {
  it('breaks lines at carriage returns, prints a tab as a space and a bell as its code point, and draws no .notdef glyph (PDF/A)', async () => {
    const pdf = await renderTraceRequestPdf(request({ legalJustification: 'Code pénal art. 222-52\r\nSeizure order 2026/118\rSealed\tby the court\u0007' }));
    const text = flat((await parse(pdf)).text);
    expect(text).toContain('Code pénal art. 222-52 Seizure order 2026/118 Sealed by the court[U+0007]');
    // Glyph ids are drawn as 4-digit hex strings in the content streams: glyph 0 is .notdef.
    const drawn = streams(pdf).filter((s) => /\bTJ\b/.test(s)).join('\n').match(/<([0-9a-f]+)>/gi) ?? [];
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((hex) => /^<(?:[0-9a-f]{4})*0000/i.test(hex))).toEqual([]);
  });
});

describe('serial of the weapon observed', () => {
  it('prints a serial given with an obliterated one, as the request (and its hash) holds both', async () => {
    const weapon = { ...request().weapon, serial: 'ABC123', serialObliterated: true, serialReadable: null };
    const text = flat((await parse(await renderTraceRequestPdf(request({ weapon })))).text);
    expect(text).toContain('Serial number ABC123 (obliterated — readable: nothing)');
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

  it('prints a table cell taller than a page whole below its table', async () => {
    // A marking read over 150 lines: cut in the table, whole below it.
    const text = Array.from({ length: 150 }, (_, i) => `line ${i + 1}`).join('\n');
    const pdf = await parse(await renderTraceRequestPdf(request({ weapon: weapon({ markings: [{ component: 'Frame', text }, { component: 'Slide', text: 'FN 12345' }] }) })));
    const flatText = flat(pdf.text);
    const below = flatText.indexOf('Text as read, row 1 of the table above, in full');
    expect(below).toBeGreaterThan(flatText.indexOf('2 Slide FN 12345'));
    expect(flatText.indexOf('line 150')).toBeGreaterThan(below);
    // Only the cell that was cut, and only its row.
    expect(flatText).not.toMatch(/Component, row|#, row|row 2 of the table above/);
  });

  it('wraps a long run without spaces wherever it is, and keeps every character of it', async () => {
    // 1,500 characters without a space in a field, and 1,000 in a marking's cell.
    const run = Array.from({ length: 1500 }, (_, i) => 'ABCDEFGHJK'[i % 10]).join('');
    const pdf = await parse(await renderTraceRequestPdf(request({ legalJustification: run, weapon: weapon({ markings: [{ component: 'Frame', text: run.slice(0, 1000) }] }) })));
    // Read back without the line breaks it was wrapped at (and the break opportunities it was given), and
    // without the page's footer and the next page's header where it goes on to the next page.
    const text = pdf.text.replace(/[\s\u200b]/g, '').replace(/CONFIDENTIALLawenforcementonly·NoonwarddisclosureTrace[0-9a-f-]+Page\d+of\d+--\d+of\d+--/g, '');
    expect(text).toContain(`Legaljustification${run}Circumstances`);
    expect(text).toContain(`Frame${run.slice(0, 1000)}Photo`);
    expect(breakable(run).split('\u200b').map((part) => part.length)).toEqual([200, 200, 200, 200, 200, 200, 200, 100]);
    // No-break spaces and invisible characters do not break a run: they are part of it.
    expect(breakable('A\u00a0'.repeat(150)).split('\u200b').map((part) => part.length)).toEqual([200, 100]);
    expect(breakable('B\ufeff'.repeat(150)).split('\u200b').map((part) => part.length)).toEqual([200, 100]);
    // A serial, a hash or a verification payload is printed whole.
    expect(breakable(`iti-trace:request:${TRACE_ID}:sha256:${SHA}`)).not.toContain('\u200b');
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
    expect(last).toMatch(new RegExp(`Verification[\\s\\S]*${SHA}[\\s\\S]*iti-trace:request:${TRACE_ID}:sha256:${SHA}`));
    expect(parsed.pages.slice(0, -1).join('\n')).not.toContain('Verification');
  });
});

describe('trace response PDF', () => {
  let pdf: Buffer;
  let parsed: ParsedPdf;

  beforeAll(async () => {
    pdf = await renderTraceResponsePdf(response());
    parsed = await parse(pdf);
  });

  it('names the photos the request carries, and a reference type by its name', async () => {
    // The fixture's type is free text, printed as written; a code from the registry is printed with its name.
    expect(flat(parsed.text)).toMatch(/Type\s+Assault rifle/);
    expect(flat(parsed.text)).not.toContain('attached to the request');
    const text = flat((await parse(await renderTraceResponsePdf({ ...response(), requestPhotos: 2, weapon: weapon({ type: 'self_loading_pistol', markings: [], photoRefs: [] }) }))).text);
    expect(text).toMatch(/Type\s+Self-loading pistol \(self_loading_pistol\)/);
    expect(text).toMatch(/Photo references\s+No photo reference\.\s+Photos of markings\s+2 attached to the request, reproduced in the request form \(request\.pdf\)/);
    const referenced = flat((await parse(await renderTraceResponsePdf({ ...response(), requestPhotos: 1, weapon: weapon({ photoRefs: ['CASE-7/IMG-2'], markings: [] }) }))).text);
    expect(referenced).toContain('Photo reference 1: CASE-7/IMG-2');
    expect(referenced).toMatch(/Photos of markings\s+1 attached to the request, reproduced in the request form \(request\.pdf\)/);
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

  it('tells the restrictions of the request from those the answering State added', async () => {
    const lines = /Use restrictions of the trace\s+Law enforcement only\s+Use restrictions set by the answering State\s+No publication\s/;
    expect(flat(parsed.text)).toMatch(lines);
    // An answer recorded before the added restrictions were kept apart: those beyond the request's.
    const { restrictionsAdded: _added, ...earlier } = response().answer;
    expect(flat((await parse(await renderTraceResponsePdf({ ...response(), answer: earlier }))).text)).toMatch(lines);
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

// ---- Photos

const CONTENT_WIDTH = 595.28 - 56 - 56; // A4 less the side margins
const PHOTO_MAX_HEIGHT = 260;

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function photo(n: number, data: Buffer, mediaType: FormPhoto['mediaType'], overrides: Partial<FormPhoto> = {}): FormPhoto {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    component: 'receiver',
    caption: null,
    mediaType,
    sha256: sha256(data),
    data,
    ...overrides,
  };
}

interface ImageObject {
  id: number;
  dict: string;
  /** The stream, inflated when it is Flate-compressed (a JPEG stays as it is). */
  data: Buffer;
}

/** Every image XObject of the file (pdfkit writes one dictionary entry a line). */
function imageObjects(buffer: Buffer): ImageObject[] {
  const raw = buffer.toString('latin1');
  const out: ImageObject[] = [];
  const re = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('\nendstream', start);
    re.lastIndex = end;
    if (!/\/Subtype \/Image/.test(match[2])) continue;
    const bytes = buffer.subarray(start, end);
    out.push({ id: Number(match[1]), dict: match[2], data: /\/Filter \/FlateDecode/.test(match[2]) ? inflateSync(bytes) : bytes });
  }
  return out;
}

/** The image objects of one picture: the image and its soft mask, if any; found by its size in pixels. */
function imageBySize(images: ImageObject[], width: number, height: number): { image: ImageObject; softMask?: ImageObject } {
  const sized = images.filter((o) => o.dict.includes(`/Width ${width}\n`) && o.dict.includes(`/Height ${height}\n`));
  const masks = new Set(sized.flatMap((o) => /\/SMask (\d+) 0 R/.exec(o.dict)?.[1] ?? []).map(Number));
  const image = sized.find((o) => !masks.has(o.id));
  if (!image) throw new Error(`no image of ${width}×${height}`);
  const ref = /\/SMask (\d+) 0 R/.exec(image.dict);
  return { image, softMask: ref ? images.find((o) => o.id === Number(ref[1])) : undefined };
}

/** Where images are drawn: `w 0 0 -h x y+h cm /Name Do` in the content streams (pdfkit's y axis points down). */
function drawnImages(buffer: Buffer): { name: string; x: number; y: number; width: number; height: number }[] {
  return streams(buffer).flatMap((s) =>
    [...s.matchAll(/([\d.]+) 0 0 -([\d.]+) ([\d.]+) ([\d.]+) cm\n\/(\w+) Do/g)].map((m) => ({
      name: m[5],
      width: Number(m[1]),
      height: Number(m[2]),
      x: Number(m[3]),
      y: Number(m[4]) - Number(m[2]),
    })),
  );
}

/** The content stream of each page, in page order (each has its running header, a pagination artifact). */
function pageContents(buffer: Buffer): string[] {
  return streams(buffer).filter((s) => /\/Artifact <<\s*\/Type \/Pagination\s*\/Attached \[\/Top\]/.test(s));
}

function imageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;
}

function utf16be(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('latin1');
}

describe('trace request PDF with photos', () => {
  const pngPhoto = photo(1, tinyPng(), 'image/png', { caption: 'Serial number, left side' });
  const jpegPhoto = photo(2, tinyJpeg(), 'image/jpeg', { component: 'barrel' });
  let pdf: Buffer;
  let parsed: ParsedPdf;

  beforeAll(async () => {
    pdf = await renderTraceRequestPdf(request({ photos: [pngPhoto, jpegPhoto] }));
    parsed = await parse(pdf);
  });

  it('embeds the two photos as two image XObjects, the JPEG as its own bytes (DCTDecode)', () => {
    expect(imageCount(pdf)).toBe(2);
    const images = imageObjects(pdf);
    expect(images).toHaveLength(2);
    const jpeg = images.filter((o) => o.dict.includes('/Filter /DCTDecode'));
    expect(jpeg).toHaveLength(1);
    expect(jpeg[0].dict).toMatch(/\/Width 16\s+\/Height 8\s+\/ColorSpace \/DeviceRGB/);
    expect(jpeg[0].data.equals(tinyJpeg())).toBe(true);
    // The PNG: its zlib stream read through the PNG predictor, as the samples it encodes.
    const png = images.find((o) => o !== jpeg[0]);
    expect(png?.dict).toMatch(/\/Filter \/FlateDecode\s+\/DecodeParms <<\s*\/Predictor 15\s+\/Colors 3\s+\/BitsPerComponent 8\s+\/Columns 8/);
    expect(png?.data.length).toBe(8 * (1 + 8 * 3));
  });

  it('prints under each photo what it shows and its SHA-256', () => {
    const text = flat(parsed.text);
    expect(text).toContain('Photo 1 — Receiver — Serial number, left side');
    expect(text).toContain('Photo 2 — Barrel');
    expect(text).not.toContain('Photo 2 — Barrel —'); // no caption: no dangling dash
    expect(text).toContain(`SHA-256 ${pngPhoto.sha256}`);
    expect(text).toContain(`SHA-256 ${jpegPhoto.sha256}`);
    expect(text).not.toContain('No photos attached');
  });

  it('puts the photos after the markings and before the verification block', () => {
    const text = flat(parsed.text);
    const order = ['Magazine Ñandú 12', 'Photos of markings', 'Photo 1 —', `SHA-256 ${pngPhoto.sha256}`, 'Photo 2 —', `SHA-256 ${jpegPhoto.sha256}`, 'Verification'];
    const at = order.map((part) => text.indexOf(part));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('draws each photo centred, within the text width and 260 pt high, keeping its shape', () => {
    const drawn = drawnImages(pdf);
    expect(drawn).toHaveLength(2);
    for (const image of drawn) {
      expect(image.width).toBeLessThanOrEqual(CONTENT_WIDTH + 0.01);
      expect(image.height).toBeLessThanOrEqual(PHOTO_MAX_HEIGHT + 0.01);
      expect(image.x + image.width / 2).toBeCloseTo(56 + CONTENT_WIDTH / 2, 1);
    }
    // The 8×8 PNG is limited by the height, the 16×8 JPEG by the width.
    expect(drawn[0]).toMatchObject({ width: PHOTO_MAX_HEIGHT, height: PHOTO_MAX_HEIGHT });
    expect(drawn[1].width).toBeCloseTo(CONTENT_WIDTH, 1);
    expect(drawn[1].height).toBeCloseTo(CONTENT_WIDTH / 2, 1);
  });

  it('tags each photo as a figure with its description as alternative text', () => {
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/S \/Figure/g)).toHaveLength(3); // two photos and the QR code
    expect(raw).toContain(utf16be('Photo 1 — Receiver — Serial number, left side'));
    expect(raw).toContain(utf16be('Photo 2 — Barrel'));
  });

  it('keeps the photo references, named as references', () => {
    const text = flat(parsed.text);
    expect(text).toContain('Photo references recorded with the markings');
    expect(text).toContain('Photo reference 1: PH-2024-0001');
  });

  it('is still PDF/A-2b and the same bytes for the same input', async () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const xmp = streams(pdf).find((s) => s.includes('<x:xmpmeta'));
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(pdf.toString('latin1')).not.toMatch(/\/DeviceCMYK|\/Interpolate true|\/Alternates/);
    const again = await renderTraceRequestPdf(request({ photos: [pngPhoto, jpegPhoto] }));
    expect(again.equals(pdf)).toBe(true);
  });

  it('keeps the XMP metadata well-formed XML whatever the requesting authority holds', async () => {
    const odd = await renderTraceRequestPdf(request({ requestingAuthority: 'Police\uFFFEnationale <b> & \uFFFFdouanes' }));
    const xmp = Buffer.from(streams(odd).find((s) => s.includes('<x:xmpmeta')) ?? '', 'latin1').toString('utf8');
    expect(xmp).toContain('Police nationale b +  douanes');
    expect(xmp).not.toMatch(/[\uFFFE\uFFFF]/u);
  });

  it('draws a photo readable and on its page even under a caption of many lines (one stored before captions were one line)', async () => {
    const caption = Array.from({ length: 150 }, (_, i) => `line ${i + 1}`).join('\n');
    const long = await renderTraceRequestPdf(request({ photos: [photo(1, tinyPng(), 'image/png', { caption })] }));
    const [drawn] = drawnImages(long);
    expect(drawn.height).toBeGreaterThanOrEqual(120);
    // Within the page's body: below the top margin, above the bottom one (A4 is 841.89 pt high).
    expect(drawn.y).toBeGreaterThanOrEqual(78);
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(841.89 - 64);
    const parsedLong = await parse(long);
    const text = flat(parsedLong.text);
    expect(text).toContain('line 150');
    // The section's heading is on the photo's page, not left alone on the page before it.
    expect(flat(parsedLong.pages.find((page) => page.includes('Photos of markings')) ?? '')).toContain('line 1 line 2 line 3');
    expect(text).toContain(`SHA-256 ${sha256(tinyPng())}`);
  });

  it('says "No photos attached" when there is none', async () => {
    const none = flat((await parse(await renderTraceRequestPdf(request()))).text);
    expect(none).toMatch(/Photos of markings No photos attached/);
    expect(none.indexOf('No photos attached')).toBeLessThan(none.indexOf('Verification'));
  });
});

describe('trace request PDF with many photos', () => {
  const photos = Array.from({ length: 6 }, (_, i) =>
    i % 2 === 0
      ? photo(i + 1, tinyPng(), 'image/png', { component: 'frame', caption: `Close-up ${i + 1}` })
      : photo(i + 1, tinyJpeg(), 'image/jpeg', { component: null, caption: `Close-up ${i + 1}` }),
  );
  let pdf: Buffer;
  let parsed: ParsedPdf;

  beforeAll(async () => {
    pdf = await renderTraceRequestPdf(request({ photos }));
    parsed = await parse(pdf);
  });

  it('goes on to new pages and numbers every page', () => {
    const total = parsed.pages.length;
    expect(total).toBeGreaterThanOrEqual(4);
    parsed.pages.forEach((page, i) => {
      expect(page).toContain('CONFIDENTIAL');
      expect(page).toContain(`Trace ${TRACE_ID}`);
      expect(page).toContain(`Page ${i + 1} of ${total}`);
    });
    expect(parsed.text.match(/Page \d+ of \d+/g)).toHaveLength(total);
  });

  it('prints every photo once, in order, each with its description and hash on its own page', () => {
    const contents = pageContents(pdf);
    expect(contents).toHaveLength(parsed.pages.length);
    const numbers = [...flat(parsed.text).matchAll(/Photo (\d) — /g)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(flat(parsed.text)).toContain('Photo 2 — component not recorded — Close-up 2');
    expect(flat(parsed.text)).toContain('Photo 3 — Frame — Close-up 3');
    parsed.pages.forEach((page, i) => {
      const described = page.match(/Photo \d — /g)?.length ?? 0;
      const hashes = page.match(/SHA-256 [0-9a-f]{64}/g)?.length ?? 0;
      const drawn = contents[i].match(/\/(I|Ph)\d+ Do/g)?.length ?? 0;
      expect(described).toBe(drawn);
      expect(hashes).toBe(drawn);
    });
    expect(drawnImages(pdf)).toHaveLength(6);
    // Three PNG and three JPEG photos, each embedded on its own.
    expect(imageCount(pdf)).toBe(6);
  });

  it('keeps the verification block whole at the end', () => {
    const last = parsed.pages[parsed.pages.length - 1];
    expect(last).toMatch(new RegExp(`Verification[\\s\\S]*iti-trace:request:${TRACE_ID}:sha256:${SHA}`));
    expect(parsed.pages.slice(0, -1).join('\n')).not.toContain('Verification');
  });
});

describe('trace request PDF with photos that cannot be shown', () => {
  it('names an undecodable photo with its hash and still makes a valid PDF', async () => {
    const garbage = photo(1, randomBytes(600), 'image/png');
    const good = photo(2, tinyJpeg(), 'image/jpeg', { component: 'barrel', caption: 'Barrel stamp' });
    const pdf = await renderTraceRequestPdf(request({ photos: [garbage, good] }));
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const parsed = await parse(pdf);
    const text = flat(parsed.text);
    // On one line, the hash whole.
    expect(parsed.text).toContain(`Photo 1 could not be rendered (SHA-256 ${garbage.sha256})`);
    expect(text).toContain('Photo 1 — Receiver (not shown: not a PNG image)');
    expect(text).toContain('Photo 2 — Barrel — Barrel stamp');
    expect(text).toContain(`SHA-256 ${good.sha256}`);
    expect(imageCount(pdf)).toBe(1);
    expect(drawnImages(pdf)).toHaveLength(1);
    parsed.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${parsed.pages.length}`));
  });

  it('refuses a photo whose bytes are not the ones its SHA-256 names, a damaged PNG and a CMYK JPEG', async () => {
    const png = tinyPng();
    const damaged = Buffer.from(png);
    damaged[damaged.length - 20] ^= 0xff; // inside the IDAT chunk: its CRC no longer matches
    const photos = [
      photo(1, png, 'image/png', { sha256: sha256(tinyJpeg()) }),
      photo(2, damaged, 'image/png'),
      photo(3, cmykJpeg(), 'image/jpeg'),
    ];
    const pdf = await renderTraceRequestPdf(request({ photos }));
    const text = flat((await parse(pdf)).text);
    expect(text).toContain(`Photo 1 could not be rendered (SHA-256 ${sha256(tinyJpeg())})`);
    expect(text).toContain('Photo 1 — Receiver (not shown: the image bytes do not match this SHA-256)');
    expect(text).toContain(`Photo 2 could not be rendered (SHA-256 ${photos[1].sha256})`);
    expect(text).toContain('Photo 2 — Receiver (not shown: corrupt PNG image (checksum))');
    expect(text).toContain(`Photo 3 could not be rendered (SHA-256 ${photos[2].sha256})`);
    expect(text).toContain('Photo 3 — Receiver (not shown: CMYK JPEG not allowed in this PDF/A record)');
    expect(imageCount(pdf)).toBe(0);
  });
});

// ---- Raster images in FormDocument: what is written for each kind of PNG, and what is refused

function newForm(): FormDocument {
  return new FormDocument({ title: 'Images', author: 'Test', subject: 'Images', keywords: 'test', creationDate: new Date('2024-01-01T00:00:00Z') });
}

async function finish(form: FormDocument): Promise<Buffer> {
  return form.finish({ classification: 'unclassified', restrictions: 'none', footer: 'images' });
}

/** Packed rows from one sample list per pixel (row-major), `depth` bits a sample. */
function pack(width: number, height: number, depth: number, samples: number[][]): Buffer {
  const perPixel = samples[0].length;
  const stride = Math.ceil((width * perPixel * depth) / 8);
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    let bit = 0;
    for (let x = 0; x < width; x++) {
      for (const value of samples[y * width + x]) {
        if (depth === 16) {
          out.writeUInt16BE(value, y * stride + bit / 8);
        } else {
          out[y * stride + (bit >> 3)] |= value << (8 - depth - (bit & 7));
        }
        bit += depth;
      }
    }
  }
  return out;
}

/** A pseudo-random sample list (the same every run). */
function samples(count: number, perPixel: number, max: number, seed: number): number[][] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % (max + 1);
  };
  return Array.from({ length: count }, () => Array.from({ length: perPixel }, next));
}

/** A JPEG header (no image data) whose frame is `sof`, with `precision` and `components`. */
function jpegHeader(sof: number, precision: number, components: number): Buffer {
  const frame = [0xff, sof, 0, 8 + 3 * components, precision, 0, 8, 0, 8, components];
  for (let c = 1; c <= components; c++) frame.push(c, 0x11, 0);
  const scan = [0xff, 0xda, 0, 6 + 2 * components, components];
  for (let c = 1; c <= components; c++) scan.push(c, 0);
  scan.push(0, 63, 0);
  return Buffer.from([0xff, 0xd8, ...frame, ...scan, 0x00, 0xff, 0xd9]);
}

function cmykJpeg(): Buffer {
  return jpegHeader(0xc0, 8, 4);
}

/** The JPEG with an EXIF segment (after its JFIF segment) giving `orientation` (1-8). */
function withOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const exif = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
  const segment = Buffer.from([0xff, 0xe1, 0, exif.length + 2, ...exif]);
  const afterJfif = 4 + jpeg.readUInt16BE(4);
  return Buffer.concat([jpeg.subarray(0, afterJfif), segment, jpeg.subarray(afterJfif)]);
}

describe('PNG photos in the PDF', () => {
  interface Case {
    name: string;
    png: PngOptions;
    /** What the image stream must hold once inflated, and the soft mask if any. */
    data: Buffer;
    alpha?: Buffer;
    dict: RegExp;
  }
  const cases: Case[] = [];
  {
    const px = samples(5 * 3, 4, 255, 1);
    cases.push({
      name: 'RGBA, every row filter: colour and alpha apart',
      png: { width: 5, height: 3, colorType: 6, pixels: pack(5, 3, 8, px), filter: 'cycle' },
      data: Buffer.from(px.flatMap((p) => p.slice(0, 3))),
      alpha: Buffer.from(px.map((p) => p[3])),
      dict: /\/BitsPerComponent 8\s+\/ColorSpace \/DeviceRGB\s+\/Filter \/FlateDecode\s+\/SMask \d+ 0 R/,
    });
  }
  {
    const px = samples(3 * 4, 4, 65535, 2);
    cases.push({
      name: '16-bit RGBA: reduced to 8 bits',
      png: { width: 3, height: 4, colorType: 6, depth: 16, pixels: pack(3, 4, 16, px), filter: 'cycle' },
      data: Buffer.from(px.flatMap((p) => p.slice(0, 3).map((v) => v >> 8))),
      alpha: Buffer.from(px.map((p) => p[3] >> 8)),
      dict: /\/BitsPerComponent 8\s+\/ColorSpace \/DeviceRGB/,
    });
  }
  {
    const px = samples(9 * 9, 2, 255, 3);
    cases.push({
      name: 'grey + alpha, interlaced',
      png: { width: 9, height: 9, colorType: 4, pixels: pack(9, 9, 8, px), interlaced: true, filter: 'cycle' },
      data: Buffer.from(px.map((p) => p[0])),
      alpha: Buffer.from(px.map((p) => p[1])),
      dict: /\/BitsPerComponent 8\s+\/ColorSpace \/DeviceGray/,
    });
  }
  {
    const pixels = pack(13, 11, 8, samples(13 * 11, 3, 255, 4));
    cases.push({
      name: 'RGB, interlaced, odd size',
      png: { width: 13, height: 11, pixels, interlaced: true, filter: 'cycle' },
      data: pixels,
      dict: /\/BitsPerComponent 8\s+\/ColorSpace \/DeviceRGB\s+\/Filter \/FlateDecode\s+\/Length/,
    });
  }
  {
    const pixels = pack(3, 2, 8, samples(3 * 2, 3, 255, 5));
    cases.push({
      name: 'RGB, interlaced, smaller than a pass (empty passes)',
      png: { width: 3, height: 2, pixels, interlaced: true, filter: 'cycle' },
      data: pixels,
      dict: /\/ColorSpace \/DeviceRGB/,
    });
  }
  {
    const pixels = pack(10, 7, 1, samples(10 * 7, 1, 1, 6));
    cases.push({
      name: '1-bit grey, interlaced: packed bits in place',
      png: { width: 10, height: 7, colorType: 0, depth: 1, pixels, interlaced: true, filter: 'cycle' },
      data: pixels,
      dict: /\/BitsPerComponent 1\s+\/ColorSpace \/DeviceGray/,
    });
  }
  {
    const px = samples(5 * 5, 1, 5, 7);
    const palette = Buffer.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0, 0, 0, 0, 9, 9, 9]);
    const transparency = Buffer.from([255, 0, 128]); // entries past the list are opaque
    cases.push({
      name: '4-bit palette with transparency: indexed colours and a soft mask',
      png: { width: 5, height: 5, colorType: 3, depth: 4, pixels: pack(5, 5, 4, px), palette, transparency, filter: 'cycle' },
      data: pack(5, 5, 4, px),
      alpha: Buffer.from(px.map(([index]) => (index < 3 ? transparency[index] : 255))),
      dict: new RegExp(`/BitsPerComponent 4\\s+/ColorSpace \\[/Indexed /DeviceRGB 5 <${palette.toString('hex')}>\\]`),
    });
  }
  {
    const pixels = pack(4, 6, 8, samples(4 * 6, 1, 255, 8));
    cases.push({
      name: 'grey with a transparent value: a colour key mask, the PNG stream kept',
      png: { width: 4, height: 6, colorType: 0, pixels, transparency: Buffer.from([0, 0x40]), filter: 'cycle' },
      data: pixels,
      dict: /\/DecodeParms <<\s*\/Predictor 15\s+\/Colors 1\s+\/BitsPerComponent 8\s+\/Columns 4\s*>>\s+\/Mask \[64 64\]/,
    });
  }
  {
    const px = samples(6 * 6, 3, 65535, 9);
    cases.push({
      name: '16-bit RGB in three IDAT chunks: the PNG stream kept, 16 bits',
      png: { width: 6, height: 6, colorType: 2, depth: 16, pixels: pack(6, 6, 16, px), idatChunks: 3, filter: 2 },
      data: pack(6, 6, 16, px),
      dict: /\/BitsPerComponent 16\s+\/ColorSpace \/DeviceRGB\s+\/Filter \/FlateDecode\s+\/DecodeParms <<\s*\/Predictor 15\s+\/Colors 3\s+\/BitsPerComponent 16\s+\/Columns 6/,
    });
  }

  let images: ImageObject[];
  beforeAll(async () => {
    const form = newForm();
    for (const c of cases) form.figure(form.embedImage(encodePng(c.png), 'image/png'), { alt: c.name, maxHeight: 40 });
    images = imageObjects(await finish(form));
  });

  /** Undoes the PNG predictor of a kept PNG stream (filter byte, then the row). */
  function unpredict(data: Buffer, stride: number, bpp: number): Buffer {
    const rows = data.length / (stride + 1);
    const out = Buffer.alloc(rows * stride);
    for (let y = 0; y < rows; y++) {
      const type = data[y * (stride + 1)];
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? out[y * stride + i - bpp] : 0;
        const b = y > 0 ? out[(y - 1) * stride + i] : 0;
        const c = y > 0 && i >= bpp ? out[(y - 1) * stride + i - bpp] : 0;
        const p = a + b - c;
        const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        out[y * stride + i] = (data[y * (stride + 1) + 1 + i] + [0, a, b, (a + b) >> 1, paeth][type]) & 0xff;
      }
    }
    return out;
  }

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { image, softMask } = imageBySize(images, c.png.width, c.png.height);
    expect(image.dict).toMatch(c.dict);
    const predictor = /\/Predictor 15/.test(image.dict);
    const bytesPerPixel = Math.max(1, (({ 0: 1, 2: 3, 3: 1 } as Record<number, number>)[c.png.colorType ?? 2] * (c.png.depth ?? 8)) >> 3);
    const data = predictor ? unpredict(image.data, c.data.length / c.png.height, bytesPerPixel) : image.data;
    expect(data.equals(c.data)).toBe(true);
    if (c.alpha) {
      expect(softMask?.dict).toMatch(/\/BitsPerComponent 8\s+\/ColorSpace \/DeviceGray\s+\/Filter \/FlateDecode/);
      expect(softMask?.data.equals(c.alpha)).toBe(true);
    } else {
      expect(image.dict).not.toContain('/SMask');
    }
  });

  it('writes the same bytes for the same images', async () => {
    const render = async () => {
      const form = newForm();
      for (const c of cases) form.figure(form.embedImage(encodePng(c.png), 'image/png'), { alt: c.name, maxHeight: 40 });
      return finish(form);
    };
    expect((await render()).equals(await render())).toBe(true);
  });
});

describe('photos as a PDF reader shows them', () => {
  // Each picture alone on a page, 2 × 2 blocks (or two for the JPEG), drawn 483.28 pt wide at the top
  // left of the text area; pdf.js renders the pages and each block's centre is compared.
  const WHITE = [255, 255, 255];
  const pictures: { name: string; data: Buffer; mediaType: ImageMediaType; blocks: number[][] }[] = [
    {
      name: 'RGBA: opaque, transparent, half transparent',
      data: encodePng({ width: 2, height: 2, colorType: 6, pixels: pack(2, 2, 8, [[255, 0, 0, 255], [0, 255, 0, 0], [0, 0, 255, 255], [0, 0, 0, 128]]), filter: 'cycle' }),
      mediaType: 'image/png',
      blocks: [[255, 0, 0], WHITE, [0, 0, 255], [127, 127, 127]],
    },
    {
      name: '16-bit RGB through the predictor',
      data: encodePng({ width: 2, height: 2, depth: 16, pixels: pack(2, 2, 16, [[65535, 0, 0], [0, 65535, 0], [0, 0, 65535], [32896, 32896, 32896]]), filter: 4 }),
      mediaType: 'image/png',
      blocks: [[255, 0, 0], [0, 255, 0], [0, 0, 255], [128, 128, 128]],
    },
    {
      name: '2-bit palette, interlaced, one entry transparent',
      data: encodePng({
        width: 2,
        height: 2,
        colorType: 3,
        depth: 2,
        pixels: pack(2, 2, 2, [[0], [1], [2], [3]]),
        palette: Buffer.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0]),
        transparency: Buffer.from([255, 0]),
        interlaced: true,
      }),
      mediaType: 'image/png',
      blocks: [[255, 0, 0], WHITE, [0, 0, 255], [255, 255, 0]],
    },
    {
      // 10 × 10 in 5 × 5 blocks: rows of 2 bytes, 6 bits of padding. (pdf.js draws 1-bit images of
      // 2 or 4 pixels wrong whatever the data; 6 and up are right.)
      name: '1-bit grey, interlaced',
      data: encodePng({
        width: 10,
        height: 10,
        colorType: 0,
        depth: 1,
        pixels: pack(10, 10, 1, Array.from({ length: 100 }, (_, p) => [Number(p % 10 < 5 !== p < 50)])),
        interlaced: true,
      }),
      mediaType: 'image/png',
      blocks: [[0, 0, 0], WHITE, WHITE, [0, 0, 0]],
    },
    {
      name: 'grey with a colour key',
      data: encodePng({ width: 2, height: 2, colorType: 0, pixels: pack(2, 2, 8, [[0], [0x40], [0x80], [0x40]]), transparency: Buffer.from([0, 0x40]), filter: 1 }),
      mediaType: 'image/png',
      blocks: [[0, 0, 0], WHITE, [128, 128, 128], WHITE],
    },
    { name: 'the tiny JPEG', data: tinyJpeg(), mediaType: 'image/jpeg', blocks: [[208, 32, 32], [32, 64, 208]] },
    // Turned a quarter clockwise by its EXIF orientation: 8 × 16 as shown, red above blue, 300 × 600 pt.
    { name: 'the tiny JPEG, EXIF orientation 6', data: withOrientation(tinyJpeg(), 6), mediaType: 'image/jpeg', blocks: [] },
    { name: 'the tiny PNG', data: tinyPng(), mediaType: 'image/png', blocks: [] },
  ];
  let pages: { width: number; height: number; pixel(x: number, y: number): number[] }[];

  beforeAll(async () => {
    const form = newForm();
    for (const p of pictures) form.figure(form.embedImage(p.data, p.mediaType), { alt: p.name, maxHeight: 600 });
    const parser = new PDFParse({ data: new Uint8Array(await finish(form)) });
    try {
      const shots = await parser.getScreenshot({ scale: 1, imageDataUrl: false, imageBuffer: true });
      pages = shots.pages.map((page) => readRgbPng(Buffer.from(page.data)));
    } finally {
      await parser.destroy();
    }
  });

  it('has one page a picture', () => {
    expect(pages).toHaveLength(pictures.length);
  });

  it.each(pictures.map((p, i) => [p.name, i] as const).filter(([, i]) => pictures[i].blocks.length))('%s', (_name, i) => {
    const picture = pictures[i];
    const columns = 2;
    const block = CONTENT_WIDTH / columns;
    picture.blocks.forEach((expected, k) => {
      const x = Math.round(56 + block * ((k % columns) + 0.5));
      const y = Math.round(78 + block * (Math.floor(k / columns) + 0.5));
      const actual = pages[i].pixel(x, y).slice(0, 3);
      actual.forEach((value, channel) => expect(Math.abs(value - expected[channel])).toBeLessThanOrEqual(12));
    });
  });

  it('turns a JPEG as its EXIF orientation says', () => {
    const page = pages[pictures.findIndex((p) => p.name.includes('EXIF'))];
    const centre = Math.round(56 + CONTENT_WIDTH / 2);
    const expectNear = (actual: number[], expected: number[]) =>
      expected.forEach((value, channel) => expect(Math.abs(actual[channel] - value)).toBeLessThanOrEqual(12));
    expectNear(page.pixel(centre, 78 + 150), [208, 32, 32]);
    expectNear(page.pixel(centre, 78 + 450), [32, 64, 208]);
    expectNear(page.pixel(centre - 160, 78 + 150), [255, 255, 255]); // 300 pt wide, centred
  });

  it('shows the tiny PNG the right way up (red rises to the right, green downwards)', () => {
    const page = pages[pictures.length - 1];
    const size = Math.min(CONTENT_WIDTH, 600);
    const left = 56 + (CONTENT_WIDTH - size) / 2;
    const pixels = tinyPngPixels();
    for (const [px, py] of [[0, 0], [7, 0], [0, 7], [5, 3]]) {
      const actual = page.pixel(Math.round(left + (px + 0.5) * (size / 8)), Math.round(78 + (py + 0.5) * (size / 8))).slice(0, 3);
      const expected = [...pixels.subarray((py * 8 + px) * 3, (py * 8 + px + 1) * 3)];
      actual.forEach((value, channel) => expect(Math.abs(value - expected[channel])).toBeLessThanOrEqual(6));
    }
  });
});

describe('images that cannot be shown', () => {
  const rgb = (width: number, height: number) => pack(width, height, 8, samples(width * height, 3, 255, 10));
  const good = encodePng({ width: 4, height: 4, pixels: rgb(4, 4) });
  const ihdr = (width: number, height: number, depth: number, colorType: number, interlace = 0) => {
    const body = Buffer.alloc(13);
    body.writeUInt32BE(width, 0);
    body.writeUInt32BE(height, 4);
    body.set([depth, colorType, 0, 0, interlace], 8);
    return pngChunk('IHDR', body);
  };
  const signature = good.subarray(0, 8);
  const iend = pngChunk('IEND', Buffer.alloc(0));
  /** A 4×4 RGB PNG whose zlib stream holds `filtered` (filter bytes and rows, as given). */
  const withData = (filtered: Buffer, colorType = 2, extra: Buffer[] = []) =>
    Buffer.concat([signature, ihdr(4, 4, 8, colorType), ...extra, pngChunk('IDAT', deflateSync(filtered)), iend]);
  const rows = (filter: number, bytesPerRow: number, count = 4) =>
    Buffer.concat(Array.from({ length: count }, () => Buffer.from([filter, ...Array<number>(bytesPerRow).fill(7)])));

  const bad: [string, Buffer, ImageMediaType, RegExp][] = [
    ['random bytes as PNG', randomBytes(300), 'image/png', /^not a PNG image$/],
    ['a JPEG as PNG', tinyJpeg(), 'image/png', /^not a PNG image$/],
    ['a PNG as JPEG', good, 'image/jpeg', /^not a JPEG image$/],
    ['a PNG cut short', good.subarray(0, good.length - 20), 'image/png', /truncated PNG image/],
    ['a PNG with a bad checksum', Buffer.from(good).fill(0, 42, 44), 'image/png', /checksum/],
    ['a PNG with no IEND', good.subarray(0, good.length - 12), 'image/png', /truncated PNG image/],
    ['a row filter 7 (PNG stream kept)', withData(rows(7, 12)), 'image/png', /row filter/],
    ['a row filter 5 (decoded: alpha)', withData(rows(5, 16), 6), 'image/png', /row filter/],
    ['too few rows', withData(rows(0, 12, 3)), 'image/png', /truncated data/],
    ['too many rows', withData(rows(0, 12, 5)), 'image/png', /compressed data/],
    ['IDAT that is not zlib', Buffer.concat([signature, ihdr(4, 4, 8, 2), pngChunk('IDAT', randomBytes(40)), iend]), 'image/png', /compressed data/],
    ['a huge size in a small file', Buffer.concat([signature, ihdr(100000, 100000, 8, 6), pngChunk('IDAT', deflateSync(Buffer.alloc(10))), iend]), 'image/png', /too large/],
    ['4-bit RGB (not a PNG depth)', Buffer.concat([signature, ihdr(4, 4, 4, 2), pngChunk('IDAT', deflateSync(rows(0, 6))), iend]), 'image/png', /not supported/],
    ['an unknown critical chunk', withData(rows(0, 12), 2, [pngChunk('ABCD', Buffer.alloc(4))]), 'image/png', /not supported/],
    ['a palette image without its palette', Buffer.concat([signature, ihdr(4, 4, 8, 3), pngChunk('IDAT', deflateSync(rows(0, 4))), iend]), 'image/png', /no palette/],
    ['a CMYK JPEG', cmykJpeg(), 'image/jpeg', /CMYK JPEG/],
    ['a 12-bit JPEG', jpegHeader(0xc1, 12, 3), 'image/jpeg', /12-bit JPEG/],
    ['a lossless JPEG', jpegHeader(0xc3, 8, 3), 'image/jpeg', /JPEG coding not supported/],
    ['an arithmetic-coded JPEG', jpegHeader(0xc9, 8, 3), 'image/jpeg', /JPEG coding not supported/],
    ['a JPEG cut in its header', tinyJpeg().subarray(0, 100), 'image/jpeg', /truncated JPEG image/],
    ['a JPEG with a scan and no frame', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 0xff, 0xd9]), 'image/jpeg', /corrupt JPEG image/],
    // Both are allowed by the JPEG standard and read by viewers, but pdfkit's own reading of the header misses the frame.
    ['a JPEG with fill bytes before its frame', withFillBytes(tinyJpeg()), 'image/jpeg', /PDF writer cannot read/],
    ['a JPEG with a DAC segment before its frame', withSegmentBeforeFrame(tinyJpeg(), [0xff, 0xcc, 0, 4, 0, 0x10]), 'image/jpeg', /PDF writer cannot read/],
  ];

  it.each(bad)('refuses %s, writing nothing', async (_name, data, mediaType, reason) => {
    const form = newForm();
    let error: unknown;
    try {
      form.embedImage(data, mediaType);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImageError);
    expect((error as Error).message).toMatch(reason);
    // The document goes on and ends as if nothing had happened: no object left open, no image.
    form.paragraph('after');
    const pdf = await finish(form);
    expect(imageCount(pdf)).toBe(0);
    expect((await parse(pdf)).text).toContain('after');
  });

  it('accepts the same PNG once mended, in the same document', async () => {
    const form = newForm();
    expect(() => form.embedImage(withData(rows(7, 12)), 'image/png')).toThrow(ImageError);
    form.figure(form.embedImage(withData(rows(0, 12)), 'image/png'), { alt: 'mended', maxHeight: 50 });
    const pdf = await finish(form);
    expect(imageCount(pdf)).toBe(1);
    expect(drawnImages(pdf)).toHaveLength(1);
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
