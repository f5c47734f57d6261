import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { create as createFont, Font } from 'fontkit';
import { dirname, join } from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { create as createQrCode } from 'qrcode';

/**
 * Drawing helpers for the PDF records (trace requests and answers): an A4 PDF/A-2b document with
 * embedded DejaVu fonts, a tagged structure tree, key/value fields, ruled tables that repeat their
 * header row on each page, a vector QR code, and a header and footer on every page written once
 * the page count is known, and raster images (photos) checked before they are written. See
 * docs/decisions.md ("PDF records").
 */

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** Fonts are always selected by path: one path is one embedded font (a registered alias would be a second copy). */
export const FONT_REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
export const FONT_BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');
export const FONT_MONO = join(FONT_DIR, 'DejaVuSansMono.ttf');

const parsedFonts = new Map<string, Font>();

/**
 * Each TrueType file parsed once per process (fontkit), not once per document: parsing was most of a
 * form's CPU time. pdfkit takes a parsed font as a font source and makes its own subset per document.
 *
 * fontkit keeps each glyph it meets with the characters it first met it by, and pdfkit writes those into a
 * document's text mapping. A glyph first met inside another character (the E of an É, the Е of an Ё, which
 * the font's tables decompose) would keep none, and from then on print, in every document, as a letter no
 * reader can extract or search: every glyph the font maps a character to is met first by that character.
 * Save the compatibility characters (ligatures such as ﬁ, Arabic presentation forms), which the font's tables
 * reach from the plain letters: met first by those letters, they extract as the letters they stand for.
 */
function parsedFont(path: string): Font {
  let font = parsedFonts.get(path);
  if (!font) {
    font = createFont(readFileSync(path)) as Font;
    for (const codePoint of font.characterSet) {
      const character = String.fromCodePoint(codePoint);
      if (character.normalize('NFKC') === character) font.glyphForCodePoint(codePoint);
    }
    parsedFonts.set(path, font);
  }
  return font;
}

const MARGINS = { top: 78, bottom: 64, left: 56, right: 56 };
const BODY_SIZE = 9.5;
const SMALL_SIZE = 8;
const LABEL_WIDTH = 160;
const LINE_GAP = 1.5;
const CELL_PADDING = 4;
/** The least height a figure is drawn at, whatever is kept on its page with it: about 4 cm. */
const MIN_FIGURE_HEIGHT = 120;
const TEXT_COLOR = '#000000';
const MUTED_COLOR = '#444444';
const RULE_COLOR = '#777777';
const HEADER_FILL = '#e6e6e6';

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** Also the XMP CreateDate: with it fixed, the same input gives the same bytes. */
  creationDate: Date;
}

/** Printed in the margins of every page. */
export interface PageDecoration {
  /** Shown in capitals, first line of the header. */
  classification: string;
  /** Second line of the header (already readable labels). */
  restrictions: string;
  /** Left of the footer; "Page N of M" goes on the right. */
  footer: string;
}

export interface TableColumn {
  header: string;
  /** Relative width. */
  weight: number;
}

type Struct = PDFKit.PDFStructureElement;

/**
 * The XMP packet is written by pdfkit without escaping, and PDF/A requires it to agree with the
 * document information dictionary: the same text goes in both, so it is kept free of markup and of
 * what XML 1.0 cannot hold (control characters, the non-characters U+FFFE and U+FFFF).
 */
function xmpSafe(text: string): string {
  return text.replace(/&/g, '+').replace(/[<>]/g, '').replace(/[\p{Cc}\uFFFE\uFFFF]/gu, ' ');
}

// ---- Raster images (photos)
//
// JPEG goes into the file as it is (DCTDecode), once its header is checked. PNG is decoded here, not by
// pdfkit: pdfkit hands PNGs that need decoding (alpha, interlaced, palette transparency) to png-js,
// which inflates asynchronously and throws from the zlib callback on bad data (an uncaught exception,
// not one the caller can catch, and an image object left open so the document never ends), trusts
// chunk lengths (a length of 2^31 or more reads as negative and moves backwards), mishandles sub-byte
// interlaced images and tRNS of grey and RGB images, and finishes objects in an order that depends on
// the thread pool (the same input would not always give the same bytes). Here everything is checked
// and decoded synchronously before the first object is written, so an image that cannot be shown
// leaves the document untouched.

export type ImageMediaType = 'image/jpeg' | 'image/png';

/** Why an image cannot be shown, in words for the reader of the record. */
export class ImageError extends Error {
  override name = 'ImageError';
}

/** Decoded samples above this size are not printed (a small compressed file can claim a huge image). */
const MAX_IMAGE_BYTES = 128 * 1024 * 1024;

/**
 * Decoded samples above this size are refused at upload: 32 MB, 8 megapixels in colour with transparency.
 * Decoding is done in the service's own thread (see preparedPng); a photo of a marking in PNG holds far fewer
 * pixels (its file is at most 5 MB). Photos stored before this limit print up to MAX_IMAGE_BYTES.
 */
const MAX_UPLOAD_IMAGE_BYTES = 32 * 1024 * 1024;

/** The PNG rasters kept decoded (their FlateDecode data), the least recently used dropped first. */
const PREPARED_PNG_BYTES = 128 * 1024 * 1024;

/** What pdfkit's drawing code reads from an image (its own JPEG class, or ours for PNG). */
interface PdfRef {
  data: Record<string, unknown>;
  offset?: number;
  end(chunk?: Uint8Array): void;
}
interface PdfKitImage {
  width: number;
  height: number;
  label: string;
  obj: PdfRef | null;
  orientation?: number;
  bits?: number;
  colorSpace?: string;
  embed(doc: unknown): void;
}
interface PdfKitInternals {
  openImage(src: Uint8Array): PdfKitImage;
  ref(data?: Record<string, unknown>): PdfRef;
}

/** An image written into the file, ready to be drawn. */
export class EmbeddedImage {
  /** `width` and `height`: as shown (EXIF orientation applied), in pixels. */
  constructor(
    readonly width: number,
    readonly height: number,
    /** pdfkit's image object (internal). */
    readonly source: unknown,
  ) {}
}

// -- JPEG

interface JpegFrame {
  width: number;
  height: number;
  components: number;
}

/** SOF markers: C0-CF but for DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * Walks the JPEG's marker segments up to the first scan and checks that its frame is one a PDF
 * DCTDecode filter reads and PDF/A-2b allows: baseline, extended or progressive Huffman coding, 8-bit
 * samples, greyscale or colour (1 or 3 components: CMYK would need a CMYK output intent).
 */
function checkJpeg(data: Uint8Array): JpegFrame {
  const u16 = (at: number) => (data[at] << 8) | data[at + 1];
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) throw new ImageError('not a JPEG image');
  let pos = 2;
  let frame: JpegFrame | null = null;
  for (;;) {
    // Stray bytes before a marker are skipped, as decoders do (with a warning).
    while (pos < data.length && data[pos] !== 0xff) pos++;
    while (pos < data.length && data[pos] === 0xff) pos++; // fill bytes
    if (pos >= data.length) throw new ImageError('truncated JPEG image');
    const marker = data[pos++];
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length field
    if (marker === 0x00 || marker === 0xd8 || marker === 0xd9) throw new ImageError('corrupt JPEG image');
    if (pos + 2 > data.length) throw new ImageError('truncated JPEG image');
    const length = u16(pos);
    if (length < 2 || pos + length > data.length) throw new ImageError('truncated JPEG image');
    if (isStartOfFrame(marker)) {
      if (frame) throw new ImageError('corrupt JPEG image');
      if (marker > 0xc2) throw new ImageError('JPEG coding not supported in PDF (lossless, hierarchical or arithmetic)');
      if (length < 8) throw new ImageError('corrupt JPEG image');
      const precision = data[pos + 2];
      const components = data[pos + 7];
      if (length < 8 + 3 * components) throw new ImageError('corrupt JPEG image');
      if (precision !== 8) throw new ImageError(`${precision}-bit JPEG not supported in PDF`);
      if (components === 4) throw new ImageError('CMYK JPEG not allowed in this PDF/A record');
      if (components !== 1 && components !== 3) throw new ImageError(`JPEG with ${components} components not supported`);
      frame = { height: u16(pos + 3), width: u16(pos + 5), components };
      if (!frame.width || !frame.height) throw new ImageError('JPEG without its size in the frame header not supported');
    } else if (marker === 0xda) {
      if (!frame) throw new ImageError('corrupt JPEG image');
      return frame;
    }
    pos += length;
  }
}

// -- PNG

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Samples per pixel, by colour type. */
export const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Bit depths allowed by the PNG specification, by colour type. */
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7 passes: first column, first row, column step, row step. */
export const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

interface PngFile {
  width: number;
  height: number;
  depth: number;
  colorType: number;
  interlaced: boolean;
  palette: Buffer | null;
  transparency: Buffer | null;
  /** The zlib stream (all IDAT chunks joined). */
  compressed: Buffer;
}

/** Reads and checks the chunks (lengths, CRCs, order, header values); ancillary chunks are skipped. */
function readPng(data: Buffer): PngFile {
  if (data.length < 8 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) throw new ImageError('not a PNG image');
  let pos = 8;
  let header: Omit<PngFile, 'palette' | 'transparency' | 'compressed'> | null = null;
  let palette: Buffer | null = null;
  let transparency: Buffer | null = null;
  const idat: Buffer[] = [];
  let idatEnded = false;
  for (;;) {
    if (pos + 12 > data.length) throw new ImageError('truncated PNG image');
    const length = data.readUInt32BE(pos);
    const type = data.toString('latin1', pos + 4, pos + 8);
    if (length > 0x7fffffff || pos + 12 + length > data.length) throw new ImageError('truncated PNG image');
    const body = data.subarray(pos + 8, pos + 8 + length);
    if (crc32(body, crc32(data.subarray(pos + 4, pos + 8))) !== data.readUInt32BE(pos + 8 + length)) {
      throw new ImageError('corrupt PNG image (checksum)');
    }
    pos += 12 + length;
    if (!header && type !== 'IHDR') throw new ImageError('corrupt PNG image');
    if (idat.length && type !== 'IDAT') idatEnded = true;
    switch (type) {
      case 'IHDR': {
        if (header || length !== 13) throw new ImageError('corrupt PNG image');
        const [depth, colorType, compression, filter, interlace] = body.subarray(8, 13);
        header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth, colorType, interlaced: interlace === 1 };
        if (!header.width || !header.height || header.width > 0x7fffffff || header.height > 0x7fffffff) {
          throw new ImageError('corrupt PNG image');
        }
        if (!PNG_DEPTHS[colorType]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) {
          throw new ImageError('PNG variant not supported');
        }
        break;
      }
      case 'PLTE':
        if (idat.length || length === 0 || length % 3 !== 0 || length > 256 * 3) throw new ImageError('corrupt PNG image');
        palette = body;
        break;
      case 'tRNS':
        if (idat.length) throw new ImageError('corrupt PNG image');
        transparency = body;
        break;
      case 'IDAT':
        if (idatEnded) throw new ImageError('corrupt PNG image');
        idat.push(body);
        break;
      case 'IEND': {
        if (!header || !idat.length) throw new ImageError('corrupt PNG image');
        if (header.colorType === 3 && !palette) throw new ImageError('corrupt PNG image (no palette)');
        return { ...header, palette, transparency, compressed: Buffer.concat(idat) };
      }
      default:
        // An unknown critical chunk (first letter upper case) changes how the image reads.
        if (/^[A-Z]/.test(type)) throw new ImageError('PNG variant not supported');
    }
  }
}

/** Bytes of one row of `width` pixels of `bitsPerPixel` (without the filter byte). */
function rowBytes(width: number, bitsPerPixel: number): number {
  return Math.ceil((width * bitsPerPixel) / 8);
}

/** The sub-images of the file: the whole image, or the 7 Adam7 passes (an empty pass has no bytes). */
function pngPasses(png: PngFile): { x0: number; y0: number; dx: number; dy: number; width: number; height: number }[] {
  const passes = png.interlaced ? ADAM7 : [[0, 0, 1, 1]];
  return passes
    .map(([x0, y0, dx, dy]) => ({
      x0,
      y0,
      dx,
      dy,
      width: png.width > x0 ? Math.ceil((png.width - x0) / dx) : 0,
      height: png.height > y0 ? Math.ceil((png.height - y0) / dy) : 0,
    }))
    .filter((pass) => pass.width > 0 && pass.height > 0);
}

/** Undoes the PNG row filters of `rows` rows from `raw` at `offset` into `out`; returns the new offset. */
function unfilter(raw: Buffer, offset: number, rows: number, stride: number, bpp: number, out: Buffer): number {
  for (let row = 0; row < rows; row++) {
    const filter = raw[offset++];
    const at = row * stride;
    const up = at - stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? out[at + i - bpp] : 0;
      const b = row > 0 ? out[up + i] : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const c = row > 0 && i >= bpp ? out[up + i - bpp] : 0;
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new ImageError('corrupt PNG image (row filter)');
      }
      out[at + i] = (raw[offset + i] + predictor) & 0xff;
    }
    offset += stride;
  }
  return offset;
}

/** An image XObject's dictionary entries and data, before it is written. */
interface Raster {
  width: number;
  height: number;
  bitsPerComponent: number;
  colorSpace: string | unknown[];
  /** FlateDecode data. */
  data: Buffer;
  decodeParms?: Record<string, number>;
  /** Colour key mask (PNG tRNS for grey or RGB images). */
  mask?: number[];
  /** FlateDecode 8-bit alpha, for a soft mask. */
  alpha?: Buffer;
}

/**
 * Checks and decodes a PNG into image XObject data. A non-interlaced PNG without alpha keeps its zlib
 * stream, read through the PNG predictor (as pdfkit does), once every row filter has been checked; the
 * others are decoded to samples: interlacing undone, alpha (or palette transparency) split off into a
 * soft mask, 16-bit samples of images with alpha reduced to 8.
 */
/** The size of a PNG's samples once inflated (`expected`, filter bytes included) and of one row of them; refused above `max`. */
function pngSize(png: PngFile, max = MAX_IMAGE_BYTES): { expected: number; stride: number; bitsPerPixel: number } {
  const bitsPerPixel = PNG_CHANNELS[png.colorType] * png.depth;
  const expected = pngPasses(png).reduce((sum, pass) => sum + pass.height * (1 + rowBytes(pass.width, bitsPerPixel)), 0);
  const stride = rowBytes(png.width, bitsPerPixel);
  if (expected > max || png.height * stride > max) {
    throw new ImageError(`PNG image too large: ${png.width} × ${png.height} pixels, more than ${max / 1024 / 1024} MB of samples`);
  }
  return { expected, stride, bitsPerPixel };
}

/**
 * Checks that an image can be printed: a JPEG's frame as a PDF and pdfkit read it; a PNG decoded as the form
 * decodes it, its samples at most MAX_UPLOAD_IMAGE_BYTES (their size is read from the header first).
 * Throws an ImageError with the reason.
 */
export function checkPrintable(data: Buffer, mediaType: ImageMediaType): void {
  if (mediaType === 'image/jpeg') openJpeg(new PDFDocument({ autoFirstPage: false }), data);
  else preparedPng(data, MAX_UPLOAD_IMAGE_BYTES);
}

const preparedPngs = new Map<string, Raster>();
let preparedPngBytes = 0;
const rasterBytes = (raster: Raster) => raster.data.length + (raster.alpha?.length ?? 0);
/** A copy in memory of its own (Buffer.alloc never takes from the shared pool). */
const exactCopy = (buffer: Buffer) => {
  const copy = Buffer.alloc(buffer.length);
  buffer.copy(copy);
  return copy;
};

/**
 * A PNG as the form embeds it, decoded once per file, not on every print: the largest take about a second of
 * the service's own thread, and ten on a request, printed again and again, would hold every other request
 * up as long. Kept by the SHA-256 of the file (the check at upload decodes it for the first print), within
 * PREPARED_PNG_BYTES; the size allowed (`max`) is judged from the header every time.
 */
function preparedPng(data: Buffer, max: number): Raster {
  pngSize(readPng(data), max);
  const key = createHash('sha256').update(data).digest('hex');
  const kept = preparedPngs.get(key);
  if (kept) {
    preparedPngs.delete(key);
    preparedPngs.set(key, kept);
    return kept;
  }
  // Kept in buffers of their own size: zlib's output, or a slice of Node's shared pool, would keep a block
  // many times larger alive (16 KB or 8 KB for a few bytes), which the count below would not see.
  const decoded = decodePng(data, max);
  const raster = { ...decoded, data: exactCopy(decoded.data), alpha: decoded.alpha ? exactCopy(decoded.alpha) : decoded.alpha };
  if (rasterBytes(raster) <= PREPARED_PNG_BYTES) {
    preparedPngs.set(key, raster);
    preparedPngBytes += rasterBytes(raster);
    for (const [oldest, dropped] of preparedPngs) {
      if (preparedPngBytes <= PREPARED_PNG_BYTES) break;
      preparedPngs.delete(oldest);
      preparedPngBytes -= rasterBytes(dropped);
    }
  }
  return raster;
}

/**
 * A JPEG checked (checkJpeg) and opened by pdfkit, which reads the header again with a parser of its own
 * (for the EXIF orientation): the two must agree, or the form would print something else than what was
 * checked. pdfkit's parser takes fill bytes before a marker, or a DAC segment, for a frame of its own.
 */
function openJpeg(doc: PDFKit.PDFDocument, data: Buffer): { image: PdfKitImage; frame: JpegFrame } {
  const frame = checkJpeg(data);
  const unreadable = () => new ImageError('JPEG image laid out in a way the PDF writer cannot read (for instance fill bytes or a DAC segment before the frame): save it again as a baseline JPEG');
  let image: PdfKitImage;
  try {
    image = (doc as unknown as PdfKitInternals).openImage(data);
  } catch {
    throw unreadable();
  }
  if (image.width !== frame.width || image.height !== frame.height || image.bits !== 8 || !['DeviceGray', 'DeviceRGB'].includes(image.colorSpace ?? '')) {
    throw unreadable();
  }
  return { image, frame };
}

function decodePng(data: Buffer, max = MAX_IMAGE_BYTES): Raster {
  const png = readPng(data);
  const channels = PNG_CHANNELS[png.colorType];
  const { expected, stride, bitsPerPixel } = pngSize(png, max);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  let raw: Buffer;
  try {
    raw = inflateSync(png.compressed, { maxOutputLength: expected });
  } catch {
    throw new ImageError('corrupt PNG image (compressed data)');
  }
  if (raw.length !== expected) throw new ImageError('corrupt PNG image (truncated data)');

  const palette = png.colorType === 3 ? png.palette : null;
  const colorSpace: Raster['colorSpace'] = palette
    ? ['Indexed', 'DeviceRGB', palette.length / 3 - 1, new Uint8Array(palette)]
    : channels >= 3
      ? 'DeviceRGB'
      : 'DeviceGray';
  const mask = colorKeyMask(png);
  const indexedAlpha = png.colorType === 3 && png.transparency?.length ? png.transparency : null;
  const hasAlpha = png.colorType === 4 || png.colorType === 6;

  if (!png.interlaced && !hasAlpha && !indexedAlpha) {
    for (let row = 0, at = 0; row < png.height; row++, at += 1 + stride) {
      if (raw[at] > 4) throw new ImageError('corrupt PNG image (row filter)');
    }
    return {
      width: png.width,
      height: png.height,
      bitsPerComponent: png.depth,
      colorSpace,
      data: png.compressed,
      decodeParms: { Predictor: 15, Colors: channels, BitsPerComponent: png.depth, Columns: png.width },
      mask,
    };
  }

  // The whole image as unfiltered rows of packed samples.
  let pixels = Buffer.alloc(png.height * stride);
  if (!png.interlaced) {
    unfilter(raw, 0, png.height, stride, bpp, pixels);
  } else {
    let offset = 0;
    for (const pass of pngPasses(png)) {
      const passStride = rowBytes(pass.width, bitsPerPixel);
      const sub = Buffer.alloc(pass.height * passStride);
      offset = unfilter(raw, offset, pass.height, passStride, bpp, sub);
      scatter(sub, passStride, pass, bitsPerPixel, pixels, stride);
    }
  }

  let alpha: Buffer | undefined;
  let bitsPerComponent = png.depth;
  if (hasAlpha) {
    // Colour and alpha apart, 8 bits each (the high byte of a 16-bit sample).
    const sampleBytes = png.depth / 8;
    const count = png.width * png.height;
    const colours = channels - 1;
    const colour = Buffer.alloc(count * colours);
    const alphaSamples = Buffer.alloc(count);
    for (let p = 0, src = 0, dst = 0; p < count; p++) {
      for (let k = 0; k < colours; k++, src += sampleBytes) colour[dst++] = pixels[src];
      alphaSamples[p] = pixels[src];
      src += sampleBytes;
    }
    pixels = colour;
    bitsPerComponent = 8;
    alpha = alphaSamples;
  } else if (indexedAlpha) {
    alpha = Buffer.alloc(png.width * png.height);
    const perByte = 8 / png.depth;
    const valueMask = (1 << png.depth) - 1;
    for (let y = 0, p = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++, p++) {
        const byte = pixels[y * stride + Math.floor(x / perByte)];
        const index = (byte >> (8 - png.depth * ((x % perByte) + 1))) & valueMask;
        alpha[p] = index < indexedAlpha.length ? indexedAlpha[index] : 0xff;
      }
    }
  }
  return {
    width: png.width,
    height: png.height,
    bitsPerComponent,
    colorSpace,
    data: deflateSync(pixels),
    mask,
    alpha: alpha && deflateSync(alpha),
  };
}

/** Copies the pixels of one Adam7 pass to their places in the whole image. */
function scatter(
  sub: Buffer,
  subStride: number,
  pass: { x0: number; y0: number; dx: number; dy: number; width: number; height: number },
  bitsPerPixel: number,
  out: Buffer,
  stride: number,
): void {
  const bytes = bitsPerPixel >> 3;
  for (let row = 0; row < pass.height; row++) {
    const from = row * subStride;
    const to = (pass.y0 + row * pass.dy) * stride;
    for (let col = 0; col < pass.width; col++) {
      const x = pass.x0 + col * pass.dx;
      if (bytes) {
        sub.copy(out, to + x * bytes, from + col * bytes, from + (col + 1) * bytes);
      } else {
        // 1, 2 or 4 bits a pixel, the leftmost pixel in the high bits.
        const bitsIn = col * bitsPerPixel;
        const bitsOut = x * bitsPerPixel;
        const value = (sub[from + (bitsIn >> 3)] >> (8 - bitsPerPixel - (bitsIn & 7))) & ((1 << bitsPerPixel) - 1);
        out[to + (bitsOut >> 3)] |= value << (8 - bitsPerPixel - (bitsOut & 7));
      }
    }
  }
}

/** The PDF colour key mask of a grey or RGB PNG's tRNS chunk (one sample value made transparent). */
function colorKeyMask(png: PngFile): number[] | undefined {
  const trns = png.transparency;
  const channels = png.colorType === 0 ? 1 : png.colorType === 2 ? 3 : 0;
  if (!trns || !channels || trns.length < 2 * channels) return undefined;
  const mask: number[] = [];
  for (let k = 0; k < channels; k++) {
    const value = trns.readUInt16BE(2 * k);
    if (value >= 2 ** png.depth) return undefined;
    mask.push(value, value);
  }
  return mask;
}

/**
 * A run of more than this many characters without a space gets a break opportunity (a zero-width space)
 * after each such stretch. pdfkit lays a word wider than its line out again from each line it fills, so a
 * long unbroken run (a pasted identifier, or 20,000 characters typed into a narrative) took time and memory
 * quadratic in its length at every print. Shorter runs, a serial or a hash among them, are printed whole.
 */
const LONGEST_UNBROKEN_RUN = 200;
/** Where a line may break (UAX #14): spaces that are not no-break spaces, line ends, the zero-width space. */
const BREAKS = '\\t\\n\\v\\f\\r \\u1680\\u2000-\\u2006\\u2008-\\u200b\\u205f\\u3000';
const UNBROKEN_RUN = new RegExp(`[^${BREAKS}]{${LONGEST_UNBROKEN_RUN}}(?=[^${BREAKS}])`, 'gu');

/** The text with a break opportunity after every LONGEST_UNBROKEN_RUN characters of a run without a space. */
export function breakable(text: string): string {
  return text.length > LONGEST_UNBROKEN_RUN ? text.replace(UNBROKEN_RUN, '$&\u200b') : text;
}

/** Characters drawn as they are even without a glyph: those not meant to be seen (zero-width spaces, joiners, variation selectors). */
const UNSEEN = /^\p{Default_Ignorable_Code_Point}$/u;

/**
 * Text as the form prints it (breakable): a character the embedded fonts cannot draw (Chinese, Japanese or
 * Korean script, an emoji) is written as its code point, [U+4E2D], rather than as an empty box that prints
 * nothing a reader can read or search, and that PDF/A forbids (ISO 19005-2, 6.2.11.8: no .notdef glyph).
 */
export function printable(text: string): string {
  let out = '';
  // Line ends as the forms break lines (pdfkit breaks at \n only, and would draw a carriage return as .notdef),
  // a tab as a space; any other control character (a bell pasted from a terminal) as its code point.
  const lines = text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n').replace(/[\t\v\f]/g, ' ');
  // Presentation forms (ligatures, Arabic joined forms) as the letters they stand for, which the font's tables
  // join again: met as themselves, their glyphs would keep them, and every later fi extract as ﬁ (parsedFont).
  for (const character of lines.replace(PRESENTATION_FORMS, (form) => form.normalize('NFKC'))) {
    out += character === '\n' || drawable(character) ? character : `[U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
  }
  return breakable(out);
}

/** Alphabetic presentation forms (ligatures), Arabic presentation forms A and B. */
const PRESENTATION_FORMS = /[\uFB00-\uFDFF\uFE70-\uFEFE]/gu;

/** What drawable() found, for the characters met (at most DRAWN_KEPT of them). */
const drawn = new Map<string, boolean>();
const DRAWN_KEPT = 65_536;

/** Whether the regular font draws `character` (or it is not meant to be seen), asked of the font once per character. */
function drawable(character: string): boolean {
  let known = drawn.get(character);
  if (known === undefined) {
    known = parsedFont(FONT_REGULAR).hasGlyphForCodePoint(character.codePointAt(0)!) || UNSEEN.test(character);
    if (drawn.size < DRAWN_KEPT) drawn.set(character, known);
  }
  return known;
}

/**
 * A share (0 to 1) as a percentage with one decimal, 'n/a' when nothing was measured: never 100.0 % unless all,
 * nor 0.0 % unless none (99.96 % prints 99.9 %, 0.04 % prints 0.1 %).
 */
export function percent(share: number | null): string {
  if (share === null) return 'n/a';
  const tenths = Math.min(share < 1 ? 999 : 1000, Math.max(share > 0 ? 1 : 0, Math.round(share * 1000)));
  return `${(tenths / 10).toFixed(1)} %`;
}

export class FormDocument {
  private readonly doc: PDFKit.PDFDocument;
  private readonly root: Struct;
  private readonly done: Promise<Buffer>;
  private pagesAdded = 1;
  private pngCount = 0;
  private style = { font: FONT_REGULAR, size: BODY_SIZE, color: TEXT_COLOR };

  constructor(meta: DocumentMeta) {
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      pdfVersion: '1.7',
      subset: 'PDF/A-2b',
      tagged: true,
      lang: 'en',
      displayTitle: true,
      bufferPages: true,
      // pdfkit selects its default font when constructed; naming ours keeps Helvetica (a
      // non-embedded standard font, refused by PDF/A) out of the file altogether.
      font: parsedFont(FONT_REGULAR) as unknown as string,
      info: {
        Title: xmpSafe(meta.title),
        Author: xmpSafe(meta.author),
        Subject: xmpSafe(meta.subject),
        Keywords: xmpSafe(meta.keywords),
        Creator: 'ITI Trace',
        CreationDate: meta.creationDate,
      },
    });
    this.doc = doc;
    const chunks: Uint8Array[] = [];
    this.done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    doc.on('pageAdded', () => {
      this.pagesAdded += 1;
      // A new page starts with pdfkit's document font (ours: regular) and a black fill, also when
      // text flows over; the style in use goes on.
      this.useFont(this.style.font);
      doc.fontSize(this.style.size).fillColor(this.style.color);
    });
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    doc.fontSize(BODY_SIZE).fillColor(TEXT_COLOR);
  }

  private get left(): number {
    return MARGINS.left;
  }

  private get width(): number {
    return this.doc.page.width - MARGINS.left - MARGINS.right;
  }

  private get bottom(): number {
    return this.doc.page.maxY();
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.continueOnNewPage();
    this.doc.x = this.left;
  }

  private setFont(font: string, size: number, color = TEXT_COLOR): void {
    this.style = { font, size, color };
    this.useFont(font);
    this.doc.fontSize(size).fillColor(color);
  }

  /**
   * Selects a font by its path: the process's parsed font, and within the document one pdfkit font
   * (one subset, one cache of laid-out words). pdfkit keeps a font under the name it was asked by only
   * when no font of the same PostScript name is open yet, and the document's default font is the
   * regular one: without the line below every selection of it would open a new pdfkit font, with an
   * empty cache of laid-out words, and compare the two fonts' name tables.
   */
  private useFont(path: string): void {
    const doc = this.doc as unknown as PDFKit.PDFDocument & { _fontFamilies: Record<string, unknown>; _font: unknown };
    doc.font(parsedFont(path) as unknown as string, path);
    doc._fontFamilies[path] ??= doc._font;
  }

  /** Draws decoration (lines, fills) outside the structure tree. */
  private artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    this.doc.save();
    draw();
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  title(text: string, subtitle?: string): void {
    const { doc } = this;
    this.setFont(FONT_BOLD, 16);
    this.root.add(doc.struct('H1', {}, () => doc.text(text, this.left, doc.y, { width: this.width })));
    if (subtitle) {
      this.setFont(FONT_REGULAR, SMALL_SIZE + 0.5, MUTED_COLOR);
      doc.moveDown(0.2);
      this.root.add(doc.struct('P', {}, () => doc.text(subtitle, this.left, doc.y, { width: this.width, lineGap: LINE_GAP })));
    }
    doc.moveDown(0.6);
  }

  /** A heading, kept on one page with the next `keepWith` points (by default, three lines). */
  section(text: string, keepWith = 3 * (BODY_SIZE + 4)): void {
    const { doc } = this;
    this.setFont(FONT_BOLD, 11.5);
    this.ensureSpace(doc.currentLineHeight(true) * 1.5 + keepWith);
    doc.moveDown(0.5);
    this.root.add(doc.struct('H2', {}, () => doc.text(text, this.left, doc.y, { width: this.width })));
    const y = doc.y + 1.5;
    this.artifact(() => {
      doc.lineWidth(0.6).strokeColor(RULE_COLOR).moveTo(this.left, y).lineTo(this.left + this.width, y).stroke();
    });
    doc.y = y + 5;
  }

  /** A label and its value side by side; a long value wraps, and may go on to the next page. */
  field(label: string, value: string): void {
    const { doc } = this;
    this.setFont(FONT_BOLD, BODY_SIZE, MUTED_COLOR);
    const labelHeight = doc.heightOfString(label, { width: LABEL_WIDTH - 8, lineGap: LINE_GAP });
    this.setFont(FONT_REGULAR, BODY_SIZE);
    this.ensureSpace(Math.max(labelHeight, doc.currentLineHeight(true) + LINE_GAP));
    const top = doc.y;
    const page = this.pagesAdded;
    let labelBottom = top;
    this.root.add(
      doc.struct('P', {}, () => {
        this.setFont(FONT_BOLD, BODY_SIZE, MUTED_COLOR);
        doc.text(label, this.left, top, { width: LABEL_WIDTH - 8, lineGap: LINE_GAP });
        labelBottom = doc.y;
        this.setFont(FONT_REGULAR, BODY_SIZE);
        doc.text(printable(value), this.left + LABEL_WIDTH, top, { width: this.width - LABEL_WIDTH, lineGap: LINE_GAP });
      }),
    );
    if (this.pagesAdded === page) doc.y = Math.max(doc.y, labelBottom);
    doc.x = this.left;
    doc.y += 2.5;
  }

  /** A label on its own line, kept with the first line of what follows. */
  caption(label: string): void {
    const { doc } = this;
    this.setFont(FONT_BOLD, BODY_SIZE, MUTED_COLOR);
    this.ensureSpace(2 * (doc.currentLineHeight(true) + LINE_GAP));
    this.root.add(doc.struct('P', {}, () => doc.text(label, this.left, doc.y, { width: this.width, lineGap: LINE_GAP })));
    doc.x = this.left;
    doc.y += 1.5;
  }

  /** A label on its own line, then full-width text (for long free text). */
  block(label: string, text: string): void {
    this.caption(label);
    this.paragraph(text);
  }

  paragraph(text: string, options: { font?: string; size?: number; color?: string } = {}): void {
    const { doc } = this;
    this.setFont(options.font ?? FONT_REGULAR, options.size ?? BODY_SIZE, options.color);
    this.ensureSpace(doc.currentLineHeight(true) + LINE_GAP);
    this.root.add(doc.struct('P', {}, () => doc.text(printable(text), this.left, doc.y, { width: this.width, lineGap: LINE_GAP })));
    doc.x = this.left;
    doc.y += 3;
  }

  /** One line per item, indented under the previous label or paragraph. */
  list(items: string[]): void {
    const { doc } = this;
    this.setFont(FONT_REGULAR, BODY_SIZE);
    const list = doc.struct('L');
    this.root.add(list);
    for (const item of items) {
      this.setFont(FONT_REGULAR, BODY_SIZE);
      this.ensureSpace(doc.currentLineHeight(true) + LINE_GAP);
      const top = doc.y;
      const entry = doc.struct('LI');
      list.add(entry);
      entry.add(doc.struct('Lbl', {}, () => doc.text('•', this.left + 8, top, { width: 10, lineGap: LINE_GAP })));
      entry.add(doc.struct('LBody', {}, () => doc.text(printable(item), this.left + 20, top, { width: this.width - 20, lineGap: LINE_GAP })));
      entry.end();
      doc.x = this.left;
      doc.y += 1.5;
    }
    list.end();
    doc.y += 2;
  }

  /**
   * A ruled table. Rows never split; a row that does not fit starts a new page, where the header
   * row is drawn again (as a pagination artifact, so the structure tree has it once).
   */
  table(columns: TableColumn[], rows: string[][]): void {
    const { doc } = this;
    const total = columns.reduce((sum, column) => sum + column.weight, 0);
    const widths = columns.map((column) => (column.weight / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
    const headers = columns.map((column) => column.header);
    const maxRowHeight = this.bottom - MARGINS.top - this.rowHeight(headers, widths, true);

    const table = doc.struct('Table');
    this.root.add(table);
    doc.moveDown(0.2);
    const first = rows.length > 0 ? this.rowHeight(rows[0], widths, false) : 0;
    this.ensureSpace(this.rowHeight(headers, widths, true) + Math.min(first, maxRowHeight));
    this.row(headers, widths, xs, true, table);
    // A cell taller than a page is cut in the table ("…"): it follows whole below it, so that the form never
    // prints less than the content its hash covers.
    const cut: { label: string; text: string }[] = [];
    for (const [n, cells] of rows.entries()) {
      const heights = this.cellHeights(cells, widths, false);
      heights.forEach((cellHeight, i) => cellHeight > maxRowHeight && cut.push({ label: `${headers[i]}, row ${n + 1} of the table above, in full`, text: cells[i] }));
      const height = Math.max(...heights);
      if (doc.y + Math.min(height, maxRowHeight) > this.bottom) {
        doc.continueOnNewPage();
        this.row(headers, widths, xs, true, null);
      }
      this.row(cells, widths, xs, false, table, Math.min(height, maxRowHeight));
    }
    table.end();
    doc.x = this.left;
    doc.y += 6;
    for (const { label, text } of cut) this.block(label, text);
  }

  private rowHeight(cells: string[], widths: number[], header: boolean): number {
    return Math.max(...this.cellHeights(cells, widths, header));
  }

  /** The height each cell of a row takes, padding included. */
  private cellHeights(cells: string[], widths: number[], header: boolean): number[] {
    this.setFont(header ? FONT_BOLD : FONT_REGULAR, SMALL_SIZE + 0.5);
    return cells.map((text, i) => this.doc.heightOfString(printable(text), { width: widths[i] - 2 * CELL_PADDING, lineGap: LINE_GAP }) + 2 * CELL_PADDING);
  }

  /** One row at `height` (its cells' tallest unless the caller cut it): longer text ends in "…". */
  private row(cells: string[], widths: number[], xs: number[], header: boolean, table: Struct | null, height = this.rowHeight(cells, widths, header)): void {
    const { doc } = this;
    const top = doc.y;
    const right = this.left + widths.reduce((sum, w) => sum + w, 0);
    if (header) {
      this.artifact(() => doc.rect(this.left, top, right - this.left, height).fill(HEADER_FILL));
    }
    const drawCell = (text: string, i: number) => {
      this.setFont(header ? FONT_BOLD : FONT_REGULAR, SMALL_SIZE + 0.5);
      doc.text(printable(text), xs[i] + CELL_PADDING, top + CELL_PADDING, {
        width: widths[i] - 2 * CELL_PADDING,
        // Bounded: a cell never spills below its row nor adds a page (longer text ends in "…", and follows whole below the table).
        height: height - 2 * CELL_PADDING + 1,
        ellipsis: true,
        lineGap: LINE_GAP,
      });
    };
    if (table) {
      const row = doc.struct('TR');
      table.add(row);
      cells.forEach((text, i) => row.add(doc.struct(header ? 'TH' : 'TD', {}, () => drawCell(text, i))));
      row.end();
    } else {
      doc.markContent('Artifact', { type: 'Pagination' });
      cells.forEach(drawCell);
      doc.endMarkedContent();
    }
    this.artifact(() => {
      doc.lineWidth(0.5).strokeColor(RULE_COLOR);
      doc.rect(this.left, top, right - this.left, height).stroke();
      for (const x of xs.slice(1)) doc.moveTo(x, top).lineTo(x, top + height).stroke();
    });
    doc.x = this.left;
    doc.y = top + height;
  }

  /**
   * One line of monospaced text, in the largest size up to `maxSize` that keeps it on one line (a
   * hash or a QR payload must not be cut, or it could not be copied or compared).
   */
  monoLine(text: string, maxSize = BODY_SIZE): void {
    this.paragraph(text, { font: FONT_MONO, size: this.monoSize(text, maxSize) });
  }

  private monoSize(text: string, maxSize: number): number {
    this.useFont(FONT_MONO);
    this.doc.fontSize(10);
    return Math.max(5, Math.min(maxSize, (10 * this.width) / this.doc.widthOfString(text) - 0.05));
  }

  /** The height paragraph() takes for `text` (to keep what follows on the same page). */
  paragraphHeight(text: string, options: { font?: string; size?: number } = {}): number {
    this.setFont(options.font ?? FONT_REGULAR, options.size ?? BODY_SIZE);
    return this.doc.heightOfString(printable(text), { width: this.width, lineGap: LINE_GAP }) + 3;
  }

  /** The height monoLine() takes for `text`. */
  monoLineHeight(text: string, maxSize = BODY_SIZE): number {
    return this.paragraphHeight(text, { font: FONT_MONO, size: this.monoSize(text, maxSize) });
  }

  /** Starts a new page unless `height` points still fit on this one (to keep lines together). */
  keep(height: number): void {
    this.ensureSpace(height);
  }

  /** Blank space before what follows. */
  space(points: number): void {
    this.doc.y += points;
  }

  /**
   * Checks an image's bytes and writes it into the file, without drawing it. Throws an ImageError,
   * with a reason for the reader, when it cannot be shown; nothing has been written then.
   */
  embedImage(data: Uint8Array, mediaType: ImageMediaType): EmbeddedImage {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    try {
      return mediaType === 'image/jpeg' ? this.embedJpeg(bytes) : this.embedPng(bytes);
    } catch (error) {
      if (error instanceof ImageError) throw error;
      throw new ImageError('the image could not be decoded');
    }
  }

  private embedJpeg(data: Buffer): EmbeddedImage {
    const { image, frame } = openJpeg(this.doc, data);
    const { width, height } = frame;
    try {
      image.embed(this.doc);
    } catch (error) {
      // Not expected once the header is checked (the bytes are copied as they are); an object left
      // open would keep the document from ever ending, so it is closed, empty and unused.
      const obj = image.obj;
      if (obj && obj.offset === undefined) {
        for (const key of Object.keys(obj.data)) delete obj.data[key];
        obj.end();
      }
      throw error;
    }
    const turned = (image.orientation ?? 1) > 4;
    return new EmbeddedImage(turned ? height : width, turned ? width : height, image);
  }

  private embedPng(data: Buffer): EmbeddedImage {
    const raster = preparedPng(data, MAX_IMAGE_BYTES);
    const internals = this.doc as unknown as PdfKitInternals;
    const { width, height } = raster;
    const dictionary: Record<string, unknown> = {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      BitsPerComponent: raster.bitsPerComponent,
      ColorSpace: raster.colorSpace,
      Filter: 'FlateDecode',
    };
    if (raster.decodeParms) dictionary.DecodeParms = raster.decodeParms;
    if (raster.mask) dictionary.Mask = raster.mask;
    if (raster.alpha) {
      const softMask = internals.ref({
        Type: 'XObject',
        Subtype: 'Image',
        Width: width,
        Height: height,
        BitsPerComponent: 8,
        ColorSpace: 'DeviceGray',
        Filter: 'FlateDecode',
      });
      softMask.end(raster.alpha);
      dictionary.SMask = softMask;
    }
    const obj = internals.ref(dictionary);
    obj.end(raster.data);
    const image: PdfKitImage = { width, height, label: `Ph${++this.pngCount}`, obj, orientation: 1, embed: () => undefined };
    return new EmbeddedImage(width, height, image);
  }

  /** The size in points `image` is drawn at: fitted to the content width and `maxHeight`, aspect kept. */
  imageSize(image: EmbeddedImage, maxHeight: number): { width: number; height: number } {
    const scale = Math.min(this.width / image.width, maxHeight / image.height);
    return { width: image.width * scale, height: image.height * scale };
  }

  /**
   * Draws `image` centred, fitted to the content width and `maxHeight` (aspect kept), as a figure with
   * `alt` as its text; starts a new page unless it fits together with the next `keepWith` points.
   */
  figure(image: EmbeddedImage, options: { alt: string; maxHeight: number; keepWith?: number }): void {
    const { doc } = this;
    const keepWith = options.keepWith ?? 0;
    // Never taller than a page can hold with what is kept with it, nor smaller than a readable print (what is
    // kept with it then follows on the next page).
    const room = Math.max(MIN_FIGURE_HEIGHT, this.bottom - MARGINS.top - keepWith - 4);
    const { width, height } = this.imageSize(image, Math.min(options.maxHeight, room));
    this.ensureSpace(height + 4 + keepWith);
    const x = this.left + (this.width - width) / 2;
    const y = doc.y;
    this.root.add(
      doc.struct('Figure', { alt: options.alt }, () => {
        doc.image(image.source as PDFKit.Mixins.ImageSrc, x, y, { width, height });
      }),
    );
    doc.x = this.left;
    doc.y = y + height + 4;
  }

  /**
   * Horizontal bars, one per item, for shares from 0 to 1 (null: nothing to measure, drawn as "n/a"):
   * vector drawing with the label on the left and the percentage on the right, tagged as one figure.
   */
  barChart(items: { label: string; share: number | null; note: string }[], alt: string): void {
    const { doc } = this;
    const barHeight = 11;
    const gap = 7;
    const labelWidth = LABEL_WIDTH;
    const valueWidth = 150;
    const barWidth = this.width - labelWidth - valueWidth - 12;
    const height = items.length * (barHeight + gap) + 14;
    this.ensureSpace(height);
    const x0 = this.left;
    const y0 = doc.y + 4;
    this.root.add(
      doc.struct('Figure', { alt }, () => {
        doc.save();
        items.forEach((item, i) => {
          const y = y0 + i * (barHeight + gap);
          this.setFont(FONT_REGULAR, SMALL_SIZE + 0.5);
          doc.text(item.label, x0, y + 1.5, { width: labelWidth - 6, height: barHeight + 2, ellipsis: true, lineBreak: false });
          doc.lineWidth(0.5).rect(x0 + labelWidth, y, barWidth, barHeight).stroke(RULE_COLOR);
          if (item.share !== null && item.share > 0) doc.rect(x0 + labelWidth, y, barWidth * Math.min(1, item.share), barHeight).fill('#4d4d4d');
          this.setFont(FONT_REGULAR, SMALL_SIZE + 0.5);
          const value = percent(item.share);
          doc.text(`${value}  ${item.note}`, x0 + labelWidth + barWidth + 8, y + 1.5, { width: valueWidth, height: barHeight + 2, ellipsis: true, lineBreak: false });
        });
        // The 0, 50 and 100 % marks under the bars.
        const axisY = y0 + items.length * (barHeight + gap);
        this.setFont(FONT_REGULAR, SMALL_SIZE - 1, MUTED_COLOR);
        for (const mark of [0, 0.5, 1]) doc.text(`${mark * 100} %`, x0 + labelWidth + barWidth * mark - 12, axisY, { width: 24, align: 'center', lineBreak: false });
        doc.restore();
      }),
    );
    this.setFont(FONT_REGULAR, BODY_SIZE);
    doc.x = this.left;
    doc.y = y0 + height;
  }

  /**
   * A line chart of values per category on the x axis (months, say), one line per series, drawn as
   * vectors with its axes, grid and legend; a series without a value at a category skips that point.
   */
  lineChart(categories: string[], series: { label: string; values: (number | null)[] }[], options: { alt: string; unit: string }): void {
    const { doc } = this;
    const plotHeight = 150;
    const axisWidth = 44;
    const height = plotHeight + 48;
    this.ensureSpace(height);
    const x0 = this.left + axisWidth;
    const y0 = doc.y + 8;
    const plotWidth = this.width - axisWidth - 8;
    const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
    const top = niceCeiling(Math.max(1, ...all));
    const xAt = (i: number) => x0 + (categories.length === 1 ? plotWidth / 2 : (i * plotWidth) / (categories.length - 1));
    const yAt = (v: number) => y0 + plotHeight - (v / top) * plotHeight;
    const styles = [{ color: '#000000', dash: null }, { color: '#6e6e6e', dash: 3 }];
    this.root.add(
      doc.struct('Figure', { alt: options.alt }, () => {
        doc.save();
        this.setFont(FONT_REGULAR, SMALL_SIZE - 1, MUTED_COLOR);
        for (let step = 0; step <= 4; step++) {
          const value = (top * step) / 4;
          const y = yAt(value);
          doc.lineWidth(0.3).moveTo(x0, y).lineTo(x0 + plotWidth, y).stroke('#bbbbbb');
          doc.text(`${Number(value.toFixed(1))} ${options.unit}`, this.left, y - 3, { width: axisWidth - 4, align: 'right', lineBreak: false });
        }
        doc.lineWidth(0.6).moveTo(x0, y0).lineTo(x0, y0 + plotHeight).lineTo(x0 + plotWidth, y0 + plotHeight).stroke(RULE_COLOR);
        const every = Math.max(1, Math.ceil(categories.length / 12));
        categories.forEach((label, i) => {
          if (i % every === 0) doc.text(label, xAt(i) - 20, y0 + plotHeight + 4, { width: 40, align: 'center', lineBreak: false });
        });
        series.forEach((s, n) => {
          const style = styles[n % styles.length];
          doc.lineWidth(1.2);
          if (style.dash) doc.dash(style.dash, { space: 2 });
          else doc.undash();
          let drawing = false;
          s.values.forEach((v, i) => {
            if (v === null) return;
            if (drawing) doc.lineTo(xAt(i), yAt(v));
            else doc.moveTo(xAt(i), yAt(v));
            drawing = true;
          });
          if (drawing) doc.stroke(style.color);
          doc.undash();
          s.values.forEach((v, i) => {
            if (v !== null) doc.circle(xAt(i), yAt(v), 1.8).fill(style.color);
          });
          // Legend, under the axis labels.
          const lx = x0 + n * 180;
          const ly = y0 + plotHeight + 20;
          doc.lineWidth(1.2);
          if (style.dash) doc.dash(style.dash, { space: 2 });
          doc.moveTo(lx, ly + 4).lineTo(lx + 18, ly + 4).stroke(style.color);
          doc.undash();
          this.setFont(FONT_REGULAR, SMALL_SIZE, TEXT_COLOR);
          doc.text(s.label, lx + 22, ly, { width: 150, lineBreak: false });
          this.setFont(FONT_REGULAR, SMALL_SIZE - 1, MUTED_COLOR);
        });
        doc.restore();
      }),
    );
    this.setFont(FONT_REGULAR, BODY_SIZE);
    doc.x = this.left;
    doc.y = y0 + height;
  }

  /**
   * A QR code drawn as vector rectangles from the `qrcode` module matrix (no raster image: sharp at
   * any zoom and nothing to decode for the PDF/A validator), with a 4-module quiet zone. Each run of
   * dark modules on a row is one rectangle.
   */
  qrCode(payload: string, size: number): void {
    const { doc } = this;
    const { modules } = createQrCode(payload, { errorCorrectionLevel: 'M' });
    const count = modules.size;
    const quiet = 4;
    const unit = size / (count + 2 * quiet);
    this.ensureSpace(size + 4);
    const x0 = this.left;
    const y0 = doc.y;
    this.root.add(
      doc.struct('Figure', { alt: `QR code encoding ${payload}` }, () => {
        doc.save();
        for (let row = 0; row < count; row++) {
          let col = 0;
          while (col < count) {
            if (!modules.data[row * count + col]) {
              col++;
              continue;
            }
            const start = col;
            while (col < count && modules.data[row * count + col]) col++;
            doc.rect(x0 + (quiet + start) * unit, y0 + (quiet + row) * unit, (col - start) * unit, unit);
          }
        }
        doc.fill('#000000');
        doc.restore();
      }),
    );
    doc.x = this.left;
    doc.y = y0 + size + 2;
  }

  /** Writes the header and footer on every page, ends the document and returns its bytes. */
  async finish(decoration: PageDecoration): Promise<Buffer> {
    const { doc } = this;
    this.root.end();
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const page = doc.page;
      const margins = page.margins;
      // Text written below the bottom margin would make pdfkit start a new page.
      page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      const width = page.width - MARGINS.left - MARGINS.right;

      doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
      doc.save();
      this.setFont(FONT_BOLD, 10.5);
      doc.text(decoration.classification.toUpperCase(), MARGINS.left, 22, { width, align: 'center', lineBreak: false });
      this.setFont(FONT_REGULAR, SMALL_SIZE, MUTED_COLOR);
      doc.text(decoration.restrictions, MARGINS.left, 37, { width, align: 'center', height: 22, ellipsis: true });
      doc.lineWidth(0.6).strokeColor(RULE_COLOR).moveTo(MARGINS.left, 62).lineTo(MARGINS.left + width, 62).stroke();
      doc.restore();
      doc.endMarkedContent();

      const footerY = page.height - MARGINS.bottom + 20;
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
      doc.save();
      doc.lineWidth(0.6).strokeColor(RULE_COLOR).moveTo(MARGINS.left, footerY - 8).lineTo(MARGINS.left + width, footerY - 8).stroke();
      this.setFont(FONT_REGULAR, SMALL_SIZE, MUTED_COLOR);
      const pageLabel = `Page ${i - start + 1} of ${count}`;
      const labelWidth = doc.widthOfString(pageLabel) + 2;
      doc.text(decoration.footer, MARGINS.left, footerY, { width: width - labelWidth - 12, height: 12, ellipsis: true });
      doc.text(pageLabel, MARGINS.left + width - labelWidth, footerY, { width: labelWidth, align: 'right', lineBreak: false });
      doc.restore();
      doc.endMarkedContent();

      page.margins = margins;
    }
    doc.end();
    return this.done;
  }
}

/** The smallest of 1, 2, 2.5, 5 × 10^n that is at least `value`: a round top for a chart's axis. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}
