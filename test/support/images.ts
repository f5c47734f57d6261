import { ADAM7, PNG_CHANNELS } from '../../src/documents/pdf-layout';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

/**
 * Small image files for tests, made in code (no image library): a PNG encoder that writes any colour
 * type, bit depth, row filter and interlacing, a reader for 8-bit RGB(A) PNGs (enough for page
 * screenshots), and a tiny baseline JPEG.
 */

export interface PngOptions {
  width: number;
  height: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA (default 2). */
  colorType?: 0 | 2 | 3 | 4 | 6;
  /** Bits per sample (default 8). */
  depth?: 1 | 2 | 4 | 8 | 16;
  /** The image as unfiltered rows of packed samples: height × ceil(width × bits per pixel / 8) bytes. */
  pixels: Buffer;
  interlaced?: boolean;
  /** PLTE body (RGB triples). */
  palette?: Buffer;
  /** tRNS body. */
  transparency?: Buffer;
  /** Row filter for every row, or 'cycle' for 0, 1, 2, 3, 4, 0, … (default 0). */
  filter?: 0 | 1 | 2 | 3 | 4 | 'cycle';
  /** The zlib stream split over this many IDAT chunks (default 1). */
  idatChunks?: number;
}


/** One chunk: length, type, body, CRC-32 of type and body. */
export function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body, crc32(head.subarray(4, 8))), 0);
  return Buffer.concat([head, body, crc]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Rows of one (sub-)image, each prefixed with its filter type and filtered. */
function filterRows(rows: Buffer, height: number, stride: number, bpp: number, filter: PngOptions['filter'], firstRow: number): Buffer {
  const out = Buffer.alloc(height * (stride + 1));
  for (let row = 0; row < height; row++) {
    const type = filter === 'cycle' ? (firstRow + row) % 5 : (filter ?? 0);
    out[row * (stride + 1)] = type;
    for (let i = 0; i < stride; i++) {
      const x = rows[row * stride + i];
      const a = i >= bpp ? rows[row * stride + i - bpp] : 0;
      const b = row > 0 ? rows[(row - 1) * stride + i] : 0;
      const c = row > 0 && i >= bpp ? rows[(row - 1) * stride + i - bpp] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
      out[row * (stride + 1) + 1 + i] = (x - predictor) & 0xff;
    }
  }
  return out;
}

/** The pixel at column `x` of a packed row (its bytes, as a number for sub-byte depths). */
function readPixel(row: Buffer, x: number, bitsPerPixel: number): Buffer | number {
  if (bitsPerPixel >= 8) return row.subarray((x * bitsPerPixel) / 8, ((x + 1) * bitsPerPixel) / 8);
  const bit = x * bitsPerPixel;
  return (row[bit >> 3] >> (8 - bitsPerPixel - (bit & 7))) & ((1 << bitsPerPixel) - 1);
}

function writePixel(row: Buffer, x: number, bitsPerPixel: number, value: Buffer | number): void {
  if (typeof value !== 'number') {
    value.copy(row, (x * bitsPerPixel) / 8);
    return;
  }
  const bit = x * bitsPerPixel;
  row[bit >> 3] |= value << (8 - bitsPerPixel - (bit & 7));
}

export function encodePng(options: PngOptions): Buffer {
  const { width, height, pixels } = options;
  const colorType = options.colorType ?? 2;
  const depth = options.depth ?? 8;
  const bitsPerPixel = PNG_CHANNELS[colorType] * depth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  if (pixels.length !== height * stride) throw new RangeError(`encodePng: ${pixels.length} bytes of pixels, not ${height * stride}`);

  let filtered: Buffer;
  if (!options.interlaced) {
    filtered = filterRows(pixels, height, stride, bpp, options.filter, 0);
  } else {
    const parts: Buffer[] = [];
    for (const [x0, y0, dx, dy] of ADAM7) {
      const passWidth = width > x0 ? Math.ceil((width - x0) / dx) : 0;
      const passHeight = height > y0 ? Math.ceil((height - y0) / dy) : 0;
      if (!passWidth || !passHeight) continue; // an empty pass has no bytes at all
      const passStride = Math.ceil((passWidth * bitsPerPixel) / 8);
      const sub = Buffer.alloc(passHeight * passStride);
      for (let row = 0; row < passHeight; row++) {
        const source = pixels.subarray((y0 + row * dy) * stride, (y0 + row * dy + 1) * stride);
        const target = sub.subarray(row * passStride, (row + 1) * passStride);
        for (let col = 0; col < passWidth; col++) writePixel(target, col, bitsPerPixel, readPixel(source, x0 + col * dx, bitsPerPixel));
      }
      parts.push(filterRows(sub, passHeight, passStride, bpp, options.filter, parts.length));
    }
    filtered = Buffer.concat(parts);
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = depth;
  header[9] = colorType;
  header[12] = options.interlaced ? 1 : 0;
  const compressed = deflateSync(filtered);
  const pieces = Math.max(1, options.idatChunks ?? 1);
  const size = Math.ceil(compressed.length / pieces);
  const idat = Array.from({ length: pieces }, (_, i) => pngChunk('IDAT', compressed.subarray(i * size, (i + 1) * size)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    ...(options.palette ? [pngChunk('PLTE', options.palette)] : []),
    ...(options.transparency ? [pngChunk('tRNS', options.transparency)] : []),
    ...idat,
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Reads an 8-bit RGB or RGBA PNG that is not interlaced (as canvas libraries write screenshots);
 * `pixel(x, y)` gives [r, g, b] or [r, g, b, a].
 */
export function readRgbPng(png: Buffer): { width: number; height: number; pixel(x: number, y: number): number[] } {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      if (body[8] !== 8 || !channels || body[12] !== 0) throw new Error('readRgbPng: only 8-bit RGB(A), not interlaced');
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? rows[y * stride + i - channels] : 0;
      const b = y > 0 ? rows[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? rows[(y - 1) * stride + i - channels] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
      rows[y * stride + i] = (raw[y * (stride + 1) + 1 + i] + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      // Outside the image there is no pixel: an empty one would make a check of its channels assert nothing.
      if (x < 0 || y < 0 || x >= width || y >= height) throw new RangeError(`(${x}, ${y}) is outside the ${width}×${height} image`);
      return [...rows.subarray(y * stride + x * channels, y * stride + (x + 1) * channels)];
    },
  };
}

/** The RGB samples of the 8×8 tinyPng(): red rises to the right, green downwards, blue is 128. */
export function tinyPngPixels(): Buffer {
  const pixels = Buffer.alloc(8 * 8 * 3);
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) pixels.set([x * 32, y * 32, 128], (y * 8 + x) * 3);
  }
  return pixels;
}

/** An 8×8 RGB PNG, 8 bits a sample, not interlaced (244 bytes or so). */
export function tinyPng(): Buffer {
  return encodePng({ width: 8, height: 8, pixels: tinyPngPixels() });
}

/**
 * A 16×8 baseline JPEG (JFIF, 3 components, 8-bit, Huffman tables and quantisation tables, 302 bytes):
 * left half red (#d02020), right half blue (#2040d0), within the usual JPEG error.
 */
const TINY_JPEG =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/' +
  '2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAIABADASIAAhEBAxEB/8QA' +
  'FgABAQEAAAAAAAAAAAAAAAAAAAYH/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/EABUBAQEAAAAAAAAAAAAAAAAAAAYH/8QAGREAAgMBAAAAAAAAAAAAAAAAAAdE' +
  'g8NF/9oADAMBAAIRAxEAPwDDE0B+np9WhUHTz7cz/9k=';

export function tinyJpeg(): Buffer {
  return Buffer.from(TINY_JPEG, 'base64');
}

/** The offset of the JPEG's frame header (its SOF0 marker). */
function frameOffset(jpeg: Buffer): number {
  let pos = 2;
  while (jpeg[pos + 1] !== 0xc0) pos += 2 + jpeg.readUInt16BE(pos + 2);
  return pos;
}

/** The JPEG with `segment` inserted just before its frame header. */
export function withSegmentBeforeFrame(jpeg: Buffer, segment: number[]): Buffer {
  const at = frameOffset(jpeg);
  return Buffer.concat([jpeg.subarray(0, at), Buffer.from(segment), jpeg.subarray(at)]);
}

/** The JPEG with two fill bytes (0xFF) before its frame's marker, which the standard allows before any marker. */
export function withFillBytes(jpeg: Buffer): Buffer {
  return withSegmentBeforeFrame(jpeg, [0xff, 0xff]);
}
