/**
 * Gatekeeping before any expensive work: the type comes from the bytes (never the file name),
 * sizes, pages and pixels are bounded before anything is decoded, and anything unreadable,
 * incomplete, encrypted, scripted or ambiguous is rejected with a stable code and a reason a
 * clerk understands (see `rejections.ts`).
 */
import {
  CorruptImageError,
  jpegStructure,
  pngStructure,
  tiffStructure,
  TooManyImagePagesError,
  TruncatedImageError,
  type ImagePage,
  type ImageStructure,
} from './image-structure.js';
import { checkPdfBytes, inspectPdf } from './pdf-checks.js';
import { REJECT, type Rejection } from './rejections.js';
import { describeUnsupported, embeddedSignature, sniffMediaType, type MediaType } from './sniff.js';

export type { MediaType } from './sniff.js';
export { sniffMediaType } from './sniff.js';
export { reject, REJECT, REJECTION_CODES, type Rejection, type RejectionCode } from './rejections.js';

export interface IntakeLimits {
  maxBytes: number;
  maxPages: number;
  /** Most pixels in one page image (decompression-bomb guard). */
  maxPixels: number;
  /** Smallest readable image side in pixels (for PDF pages: at 300 dpi). */
  minSide: number;
}

export const DEFAULT_LIMITS: IntakeLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 100,
  maxPixels: 60_000_000,
  minSide: 400,
};

export interface Admitted {
  type: MediaType;
  /** Pages (image pages, or PDF pages once `admitUpload` has opened the file; 0 if not yet known). */
  pages: number;
}

export type GateResult = Admitted | { rejection: Rejection };

/**
 * The checks that need nothing but the bytes: size, type, polyglots, completeness, and for
 * images the page count and dimensions from the headers; for PDFs the raw-byte checks of
 * `checkPdfBytes`. Synchronous and cheap; never throws.
 */
export function checkBytes(bytes: Uint8Array, limits: IntakeLimits = DEFAULT_LIMITS): GateResult {
  if (bytes.length === 0) return { rejection: REJECT.emptyFile() };
  if (bytes.length > limits.maxBytes) return { rejection: REJECT.fileTooLarge(bytes.length, limits.maxBytes) };
  const type = sniffMediaType(bytes);
  if (!type) return { rejection: REJECT.unsupportedType(describeUnsupported(bytes)) };
  try {
    if (type === 'application/pdf') {
      const refused = checkPdfBytes(bytes, limits);
      return refused ? { rejection: refused } : { type, pages: 0 };
    }
    return checkImage(bytes, type, limits);
  } catch (err) {
    return { rejection: REJECT.unreadable(err instanceof Error ? `${err.name}: ${err.message}` : String(err)) };
  }
}

function checkImage(bytes: Uint8Array, type: Exclude<MediaType, 'application/pdf'>, limits: IntakeLimits): GateResult {
  const format = type === 'image/png' ? 'PNG' : type === 'image/jpeg' ? 'JPEG' : 'TIFF';
  let structure: ImageStructure;
  try {
    if (type === 'image/png') structure = pngStructure(bytes);
    else if (type === 'image/jpeg') {
      const jpeg = jpegStructure(bytes);
      if (![1, 3, 4].includes(jpeg.components)) throw new CorruptImageError(`JPEG with ${jpeg.components} components`);
      structure = jpeg;
    } else structure = tiffStructure(bytes, limits.maxPages);
  } catch (err) {
    if (err instanceof TruncatedImageError) return { rejection: REJECT.truncated(format) };
    if (err instanceof TooManyImagePagesError) return { rejection: REJECT.tooManyPages(err.pages, limits.maxPages) };
    if (err instanceof CorruptImageError) return { rejection: REJECT.unreadable(`${format}: ${err.message}`) };
    throw err;
  }
  // a second format riding along: a PDF in the first kilobyte, or a document or archive after the image's end
  const hidden = embeddedSignature(bytes.subarray(0, 1024)) ?? embeddedSignature(structure.trailer);
  if (hidden) return { rejection: REJECT.polyglot({ zh: `${format} 图像与${hidden.zh}`, en: `${format} image and ${hidden.en}` }) };
  const refused = checkPageSizes(structure.pages, limits);
  return refused ? { rejection: refused } : { type, pages: structure.pages.length };
}

function checkPageSizes(pages: ImagePage[], limits: IntakeLimits): Rejection | undefined {
  for (const { width, height } of pages) {
    if (width * height > limits.maxPixels) return REJECT.imageTooLarge(width, height, limits.maxPixels);
  }
  for (const { width, height } of pages) {
    if (Math.min(width, height) < limits.minSide) return REJECT.imageTooSmall(width, height, limits.minSide);
  }
  return undefined;
}

/**
 * Everything the gate checks: `checkBytes`, then for a PDF the look through pdfjs (`inspectPdf`).
 * Never throws; the result is an admitted type with its page count, or a rejection.
 */
export async function admitUpload(bytes: Uint8Array, limits: IntakeLimits = DEFAULT_LIMITS): Promise<GateResult> {
  const checked = checkBytes(bytes, limits);
  if ('rejection' in checked || checked.type !== 'application/pdf') return checked;
  const inspected = await inspectPdf(bytes, limits);
  return 'rejection' in inspected ? inspected : { type: checked.type, pages: inspected.pages };
}
