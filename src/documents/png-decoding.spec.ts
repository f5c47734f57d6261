import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { encodePng } from '../../test/support/images';
import { checkPrintable, FormDocument } from './pdf-layout';

// Every inflation of a PNG's data counted: a PNG decoded again inflates it again.
jest.mock('node:zlib', () => {
  const actual = jest.requireActual<typeof import('node:zlib')>('node:zlib');
  return { ...actual, inflateSync: jest.fn(actual.inflateSync) };
});
const inflations = zlib.inflateSync as unknown as jest.Mock;

/** A page with the image on it, ended. */
async function printed(png: Buffer): Promise<Buffer> {
  const form = new FormDocument({ title: 'Photo', author: 'ITI Trace', subject: 'Photo', keywords: 'photo', creationDate: new Date('2026-01-01T00:00:00Z') });
  form.figure(form.embedImage(png, 'image/png'), { alt: 'Serial, left side', maxHeight: 40 });
  return form.finish({ classification: 'RESTRICTED', restrictions: '', footer: 'photo' });
}

describe('PNG photos printed again and again', () => {
  it('are decoded once, at the check on upload, however many times they are printed', async () => {
    // Interlaced with alpha: decoded to samples (no zlib stream is kept as it is), so each decode inflates it.
    const png = encodePng({ width: 64, height: 64, colorType: 6, pixels: randomBytes(64 * 64 * 4), interlaced: true });
    checkPrintable(png, 'image/png');
    const decoded = inflations.mock.calls.length;
    expect(decoded).toBeGreaterThan(0);
    const first = await printed(png);
    const again = await printed(png);
    expect(inflations.mock.calls.length).toBe(decoded);
    expect(again.equals(first)).toBe(true);
    // Another image is decoded when first printed.
    await printed(encodePng({ width: 32, height: 32, colorType: 6, pixels: randomBytes(32 * 32 * 4), interlaced: true }));
    expect(inflations.mock.calls.length).toBeGreaterThan(decoded);
  });

  it('are judged against the size allowed at upload every time, decoded before or not', async () => {
    // 2,900 × 2,900 RGBA (33.6 MB of samples): printable when stored earlier, refused at upload.
    const large = encodePng({ width: 2900, height: 2900, colorType: 6, pixels: Buffer.alloc(2900 * 2900 * 4) });
    await printed(large);
    expect(() => checkPrintable(large, 'image/png')).toThrow('PNG image too large');
  });
});
