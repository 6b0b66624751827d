import type { OcrEngine } from '../ports.js';
import type { OcrPage, ReadDocument } from '../domain/text.js';
import type { IntakeLimits, MediaType } from '../intake/gate.js';
import { pdfPageCount, pdfTextLayer, rasterizePdf } from '../pdf/rasterize.js';
import { decodeImagePages, prepareForOcr } from './images.js';

/** Resolution scanned PDF pages are rendered at for OCR. */
export const OCR_DPI = 300;

/** A page of a born-digital PDF counts as having text when it carries this many characters. */
const MIN_TEXT_CHARS = 20;

export interface ReadResult extends ReadDocument {
  /** Pages where red ink (a seal) was seen, for the record. */
  sealPages: number[];
}

/**
 * Gets the text of a document: a born-digital PDF's own text layer when it has one (no OCR),
 * otherwise the page images through the OCR engine, after seal-ink suppression.
 */
export async function readDocument(bytes: Uint8Array, type: MediaType, ocr: OcrEngine, limits: IntakeLimits): Promise<ReadResult> {
  if (type === 'application/pdf') {
    const pageCount = await pdfPageCount(bytes);
    if (pageCount > limits.maxPages) throw new TooManyPagesError(pageCount);
    const layer = await pdfTextLayer(bytes);
    if (hasTextLayer(layer)) return { source: 'pdf-text-layer', engine: 'pdfjs-text-layer', pages: layer, sealPages: [] };
    const pages: OcrPage[] = [];
    const sealPages: number[] = [];
    // one page at a time keeps memory flat on long scans; the OCR pool works within a page batch
    const batch = 2;
    for (let first = 1; first <= pageCount; first += batch) {
      const images = await rasterizePdf(bytes, { dpi: OCR_DPI, firstPage: first, maxPages: batch });
      const prepared = await Promise.all(images.map(async (img) => prepareForOcr(await canvasOf(img.image), img.pageNumber)));
      prepared.forEach((p) => p.redShare > 0.002 && sealPages.push(p.page.pageNumber));
      pages.push(...(await ocr.recognize(prepared.map((p) => p.page))));
    }
    return { source: 'ocr', engine: ocr.name, pages, sealPages };
  }
  const canvases = await decodeImagePages(bytes, type, limits.maxPixels);
  if (canvases.length > limits.maxPages) throw new TooManyPagesError(canvases.length);
  const prepared = await Promise.all(canvases.map((c, i) => prepareForOcr(c, i + 1)));
  const pages = await ocr.recognize(prepared.map((p) => p.page));
  return { source: 'ocr', engine: ocr.name, pages, sealPages: prepared.filter((p) => p.redShare > 0.002).map((p) => p.page.pageNumber) };
}

export class TooManyPagesError extends Error {
  constructor(readonly pages: number) {
    super(`${pages} pages`);
  }
}

function hasTextLayer(pages: OcrPage[]): boolean {
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
  return pages.length > 0 && chars >= MIN_TEXT_CHARS * pages.length;
}

async function canvasOf(png: Uint8Array) {
  const [canvas] = await decodeImagePages(png, 'image/png', Number.MAX_SAFE_INTEGER);
  return canvas;
}
