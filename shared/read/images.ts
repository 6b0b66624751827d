import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import UTIF from 'utif2';
import type { PageImage } from '../domain/text.js';
import type { MediaType } from '../intake/gate.js';
import { estimateSkew, removeRulingLines, type Gray } from './preprocess.js';

/**
 * Decoded page images of an image upload (a TIFF may hold several pages). `pages` limits the
 * decoding to a range (1-based), so long files can be read a few pages at a time.
 */
export async function decodeImagePages(
  bytes: Uint8Array,
  type: Exclude<MediaType, 'application/pdf'>,
  maxPixels: number,
  pages?: { first: number; count: number },
): Promise<Canvas[]> {
  if (type === 'image/tiff') {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const all = tiffPages(buffer);
    const ifds = pages ? all.slice(pages.first - 1, pages.first - 1 + pages.count) : all;
    return ifds.map((ifd) => {
      const width = Number((ifd['t256'] as number[])[0]);
      const height = Number((ifd['t257'] as number[])[0]);
      assertPixels(width, height, maxPixels);
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      const canvas = createCanvas(width, height);
      const ctx = canvas.getContext('2d');
      const data = ctx.createImageData(width, height);
      data.data.set(rgba);
      ctx.putImageData(data, 0, 0);
      return canvas;
    });
  }
  if (pages && pages.first > 1) return [];
  const { width, height } = imageSize(bytes, type);
  assertPixels(width, height, maxPixels);
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  return [canvas];
}

/** Number of pages in an image upload, from the headers (nothing decoded). */
export function imagePageCount(bytes: Uint8Array, type: Exclude<MediaType, 'application/pdf'>): number {
  if (type !== 'image/tiff') return 1;
  return tiffPages(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).length;
}

/** The page directories of a TIFF; maker notes (camera data, not pages) are not parsed. */
function tiffPages(buffer: ArrayBuffer): UTIF.IFD[] {
  const decode = UTIF.decode as (buffer: ArrayBuffer, options: { parseMN: boolean; debug: boolean }) => UTIF.IFD[];
  return decode(buffer, { parseMN: false, debug: false }).filter((ifd) => ifd['t256'] && ifd['t257']);
}

export class ImageTooLargeError extends Error {}

function assertPixels(width: number, height: number, maxPixels: number) {
  if (width * height > maxPixels) throw new ImageTooLargeError(`${width}×${height}`);
}

/** Width and height from the header, before decoding anything (decompression-bomb guard). */
export function imageSize(bytes: Uint8Array, type: 'image/png' | 'image/jpeg'): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'image/png') {
    if (bytes.length < 24) throw new Error('truncated PNG header');
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  let pos = 2;
  while (pos + 9 < bytes.length) {
    if (bytes[pos] !== 0xff) throw new Error('corrupt JPEG marker');
    const marker = bytes[pos + 1];
    const length = view.getUint16(pos + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(pos + 5), width: view.getUint16(pos + 7) };
    }
    pos += 2 + length;
  }
  throw new Error('JPEG without a frame header');
}

/**
 * Prepares a page for OCR: red ink (seals, 公章) is lifted out so the text under it reads, the
 * page becomes grayscale, is turned straight, and loses its table ruling lines. Returns the
 * page as PNG, the share of red pixels seen (a seal) and the skew corrected.
 */
export async function prepareForOcr(canvas: Canvas, pageNumber: number): Promise<{ page: PageImage; redShare: number; skew: number }> {
  const { gray, redShare } = grayWithoutRedInk(canvas);
  const skew = estimateSkew(gray);
  const straight = Math.abs(skew) >= 0.3 ? rotateGray(gray, -skew) : gray;
  removeRulingLines(straight);
  const out = grayToCanvas(straight);
  const png = new Uint8Array(await out.encode('png'));
  return { page: { pageNumber, image: png, width: straight.width, height: straight.height }, redShare, skew };
}

/** Luminance, except on red ink where the red channel is used: there seal ink is light and the black text beneath stays dark. */
function grayWithoutRedInk(canvas: Canvas): { gray: Gray; redShare: number } {
  const { width, height } = canvas;
  const px = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  let red = 0;
  for (let i = 0, j = 0; j < pixels.length; i += 4, j++) {
    const r = px[i];
    const g = px[i + 1];
    const b = px[i + 2];
    if (r - Math.max(g, b) > 50 && r > 120) {
      red++;
      pixels[j] = r;
    } else pixels[j] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  return { gray: { width, height, pixels }, redShare: red / pixels.length };
}

function grayToCanvas(gray: Gray): Canvas {
  const canvas = createCanvas(gray.width, gray.height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(gray.width, gray.height);
  for (let i = 0, j = 0; j < gray.pixels.length; i += 4, j++) {
    image.data[i] = image.data[i + 1] = image.data[i + 2] = gray.pixels[j];
    image.data[i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** Rotates a page by `degrees` (positive: clockwise) about its centre, on white. */
export function rotateGray(gray: Gray, degrees: number): Gray {
  const source = grayToCanvas(gray);
  const canvas = createCanvas(gray.width, gray.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, gray.width, gray.height);
  ctx.translate(gray.width / 2, gray.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(source, -gray.width / 2, -gray.height / 2);
  const px = ctx.getImageData(0, 0, gray.width, gray.height).data;
  const pixels = new Uint8Array(gray.width * gray.height);
  for (let i = 0, j = 0; j < pixels.length; i += 4, j++) pixels[j] = px[i];
  return { width: gray.width, height: gray.height, pixels };
}
