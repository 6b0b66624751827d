import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import UTIF from 'utif2';
import type { BoundingBox, OcrSeal, PageImage } from '../domain/text.js';
import type { MediaType } from '../intake/gate.js';
import { estimateSkew, removeRulingLines, type Gray } from './preprocess.js';
import { findSeals } from './seals.js';
import { findTableGrids, type TableGrid } from './table-grid.js';
import { encodeCanvas } from '../pdf/encode-canvas.js';

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

export interface PreparedPage {
  /** The page for OCR: grayscale, straight, seal ink lifted out, ruling lines removed (PNG). */
  page: PageImage;
  /** The same page before its ruling lines were removed: where tick boxes are looked for. */
  straight: Gray;
  /** The pixels of `page`: where handwriting is looked for next to the text OCR found. */
  text: Gray;
  /** Ruled tables and their cells, found from the ruling lines of `straight`. */
  grids: TableGrid[];
  /** Seals found, in the straightened page's pixels; undefined on a page without colour. */
  seals?: OcrSeal[];
  /** The skew corrected, in degrees. */
  skew: number;
}

/**
 * Prepares a page for OCR: red ink (seals, 公章) is lifted out so the text under it reads, the
 * page becomes grayscale, is turned straight, and loses its table ruling lines. Seals are
 * located on the way.
 */
export async function prepareForOcr(canvas: Canvas, pageNumber: number): Promise<PreparedPage> {
  const gray = grayWithoutRedInk(canvas);
  const skew = estimateSkew(gray);
  const turned = Math.abs(skew) >= 0.3;
  const straight = turned ? rotateGray(gray, -skew) : gray;
  const text: Gray = { ...straight, pixels: new Uint8Array(straight.pixels) };
  removeRulingLines(text);
  const png = await grayPng(text);
  const found = findSeals(canvas);
  const seals = turned ? found?.map((s) => ({ ...s, bbox: rotateBox(s.bbox, -skew, straight.width, straight.height) })) : found;
  return { page: { pageNumber, image: png, width: text.width, height: text.height }, straight, text, grids: findTableGrids(straight), seals, skew };
}

/** A box moved with its page turned by `degrees` (clockwise) about the page centre; its size is kept. */
function rotateBox(box: BoundingBox, degrees: number, width: number, height: number): BoundingBox {
  const a = (degrees * Math.PI) / 180;
  const cx = (box.x0 + box.x1) / 2 - width / 2;
  const cy = (box.y0 + box.y1) / 2 - height / 2;
  const x = cx * Math.cos(a) - cy * Math.sin(a) + width / 2;
  const y = cx * Math.sin(a) + cy * Math.cos(a) + height / 2;
  const hw = (box.x1 - box.x0) / 2;
  const hh = (box.y1 - box.y0) / 2;
  return { x0: Math.round(x - hw), y0: Math.round(y - hh), x1: Math.round(x + hw), y1: Math.round(y + hh) };
}

/**
 * Luminance, with red ink lifted out: the redder a pixel, the more its gray comes from the red
 * channel, where seal ink is light and black text beneath it stays dark; and red-channel values
 * that are light already are brightened to white, so that no gray shadow of the seal (its ring,
 * its star, its pink fringes) is left for OCR to read as strokes.
 */
function grayWithoutRedInk(canvas: Canvas): Gray {
  const { width, height } = canvas;
  const px = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < pixels.length; i += 4, j++) {
    const r = px[i];
    const g = px[i + 1];
    const b = px[i + 2];
    const luminance = (r * 299 + g * 587 + b * 114) / 1000;
    const redness = share(r - Math.max(g, b), 15, 50);
    if (redness === 0) pixels[j] = luminance;
    else {
      const lifted = r + (255 - r) * share(r, 110, 170);
      pixels[j] = luminance + (lifted - luminance) * redness;
    }
  }
  return { width, height, pixels };
}

/** Where v lies between from (0) and to (1), clamped. */
function share(v: number, from: number, to: number): number {
  return Math.max(0, Math.min(1, (v - from) / (to - from)));
}

/** Grayscale pixels as a PNG, enlarged `scale` times (smoothly) when asked. */
export async function grayPng(gray: Gray, scale = 1): Promise<Uint8Array> {
  const canvas = grayToCanvas(gray);
  if (scale === 1) return encodeCanvas(canvas, 'png');
  const larger = createCanvas(Math.round(gray.width * scale), Math.round(gray.height * scale));
  const ctx = larger.getContext('2d');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(canvas, 0, 0, larger.width, larger.height);
  return encodeCanvas(larger, 'png');
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
