/**
 * Reading PDFs in Node with pdfjs-dist (legacy build) and @napi-rs/canvas:
 * page rasterizing (for OCR of scans), page counting, and the born-digital text layer.
 *
 * pdfjs needs three data folders from its own package: `wasm/` (JPEG2000/JBIG2 decoders;
 * without it JPEG2000 scans render blank), `cmaps/` (CJK encodings of non-embedded fonts)
 * and `standard_fonts/`. They are resolved from the installed package at run time; nothing
 * is fetched from the network.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { OcrLine, OcrPage, OcrWord, PageImage } from '../domain/text.js';
import { encodeCanvas } from './encode-canvas.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PDFDocumentProxy = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

export interface RasterizeOptions {
  /** Resolution of the page images. @default 200 */
  dpi?: number;
  /** First page to render, 1-based. @default 1 */
  firstPage?: number;
  /** Most pages to render from `firstPage`. @default all remaining pages */
  maxPages?: number;
  /**
   * Most pixels in one page image. A page that would exceed it at `dpi` is rendered at the
   * highest resolution that fits (the returned width and height tell); embedded images larger
   * than this are not decoded at all. @default no limit
   */
  maxPixels?: number;
}

/** Longest canvas side rendered when `maxPixels` is set (larger canvases fail to allocate). */
const MAX_CANVAS_SIDE = 32_000;

/**
 * The render scale for a page of `width`×`height` points at `dpi`; with `maxPixels`, lowered
 * so the image has at most that many pixels and no side longer than 32,000.
 */
export function renderScale(width: number, height: number, dpi: number, maxPixels?: number): number {
  let scale = dpi / 72;
  if (maxPixels === undefined) return scale;
  const pixels = width * scale * height * scale;
  if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels) * 0.999;
  const side = Math.max(width, height) * scale;
  if (side > MAX_CANVAS_SIDE) scale *= MAX_CANVAS_SIDE / side;
  return scale;
}

let pdfjsPromise: Promise<PdfJs> | undefined;

/** Loads pdfjs once, with its worker code running in this thread (Node has no web workers). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

let dataDirs: { wasmUrl: string; cMapUrl: string; standardFontDataUrl: string } | undefined;

/** Folders inside the installed pdfjs-dist package; pdfjs reads them with `fs` and wants a trailing separator. */
function pdfjsDataDirs() {
  if (!dataDirs) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const dir = (name: string) => join(root, name) + sep;
    dataDirs = { wasmUrl: dir('wasm'), cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts') };
  }
  return dataDirs;
}

/**
 * Opens a PDF with pdfjs; the caller must `destroy()` it. `maxImageSize`: embedded images with
 * more pixels are skipped, not decoded. Rejects with pdfjs's `PasswordException` for a
 * password-protected file and `InvalidPDFException` for one that is not a PDF.
 */
export async function openPdf(pdf: Uint8Array, options: { maxImageSize?: number } = {}): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    maxImageSize: options.maxImageSize === undefined || !Number.isFinite(options.maxImageSize) ? -1 : Math.floor(options.maxImageSize),
    // pdfjs may transfer (detach) the buffer it is given, and refuses Node Buffers: hand it
    // a plain Uint8Array copy.
    data: new Uint8Array(pdf),
    ...pdfjsDataDirs(),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  return task.promise;
}

/** Number of pages in a PDF. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  const doc = await openPdf(pdf);
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

/** Renders PDF pages to PNG images on a white background. */
export async function rasterizePdf(pdf: Uint8Array, options: RasterizeOptions = {}): Promise<PageImage[]> {
  const dpi = options.dpi ?? 200;
  if (!(dpi > 0 && dpi <= 1200)) throw new RangeError(`dpi out of range: ${dpi}`);
  const firstPage = options.firstPage ?? 1;
  if (!Number.isInteger(firstPage) || firstPage < 1) throw new RangeError(`firstPage must be a positive integer: ${firstPage}`);
  if (options.maxPixels !== undefined && !(options.maxPixels >= 1)) throw new RangeError(`maxPixels out of range: ${options.maxPixels}`);
  const doc = await openPdf(pdf, { maxImageSize: options.maxPixels });
  try {
    const last = Math.min(doc.numPages, options.maxPages === undefined ? doc.numPages : firstPage + options.maxPages - 1);
    const pages: PageImage[] = [];
    for (let n = firstPage; n <= last; n++) {
      const page = await doc.getPage(n);
      const size = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: renderScale(size.width, size.height, dpi, options.maxPixels) });
      const width = Math.max(1, Math.round(viewport.width));
      const height = Math.max(1, Math.round(viewport.height));
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        canvasContext: context as unknown as CanvasRenderingContext2D,
        viewport,
        background: 'rgb(255,255,255)',
      }).promise;
      const image = await encodeCanvas(canvas, 'png');
      pages.push({ pageNumber: n, image, width, height });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * The text layer of a born-digital PDF, one `OcrPage` per page. Text items sharing a baseline
 * are merged left to right into one line (a space marks a gap of an em or more, such as
 * between table cells); lines run top to bottom. Boxes are in PDF points, origin top-left.
 * Confidence is 1: the text is read, not recognized.
 */
export async function pdfTextLayer(pdf: Uint8Array): Promise<OcrPage[]> {
  const doc = await openPdf(pdf);
  try {
    const pages: OcrPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = (content.items as unknown[]).filter(
        (it): it is TextItemLike => typeof (it as TextItemLike).str === 'string' && (it as TextItemLike).str.trim() !== '',
      );
      pages.push({ pageNumber: n, width: viewport.width, height: viewport.height, lines: groupLines(items, viewport) });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

type Viewport = { convertToViewportPoint(x: number, y: number): number[] };

interface PlacedWord extends OcrWord {
  baseline: number;
  size: number;
  horizontal: boolean;
}

function placeWord(item: TextItemLike, viewport: Viewport): PlacedWord {
  const [a, b, c, d, e, f] = item.transform;
  const size = Math.hypot(c, d) || item.height || Math.hypot(a, b);
  const horizontal = Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && a > 0;
  // Glyph box of a CJK font: about 0.88 em above the baseline and 0.12 em below.
  const corners = [
    viewport.convertToViewportPoint(e, f - 0.12 * size),
    viewport.convertToViewportPoint(e + item.width, f + 0.88 * size),
  ];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const bbox = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  const baseline = viewport.convertToViewportPoint(e, f)[1];
  return { text: item.str, confidence: 1, bbox, baseline, size, horizontal };
}

function groupLines(items: TextItemLike[], viewport: Viewport): OcrLine[] {
  const words = items.map((it) => placeWord(it, viewport));
  const groups: PlacedWord[][] = [];
  for (const w of [...words].sort((p, q) => p.baseline - q.baseline || p.bbox.x0 - q.bbox.x0)) {
    const group = w.horizontal
      ? groups.find((g) => g[0].horizontal && Math.abs(g[0].baseline - w.baseline) <= Math.max(1, 0.2 * Math.min(g[0].size, w.size)))
      : undefined;
    if (group) group.push(w);
    else groups.push([w]);
  }
  const lines = groups.map((group): OcrLine => {
    group.sort((p, q) => p.bbox.x0 - q.bbox.x0);
    let text = '';
    group.forEach((w, i) => {
      if (i > 0) {
        const prev = group[i - 1];
        const gap = w.bbox.x0 - prev.bbox.x1;
        if (gap >= Math.min(prev.size, w.size) && !text.endsWith(' ') && !w.text.startsWith(' ')) text += ' ';
      }
      text += w.text;
    });
    const bbox = {
      x0: Math.min(...group.map((w) => w.bbox.x0)),
      y0: Math.min(...group.map((w) => w.bbox.y0)),
      x1: Math.max(...group.map((w) => w.bbox.x1)),
      y1: Math.max(...group.map((w) => w.bbox.y1)),
    };
    return {
      text,
      confidence: 1,
      bbox,
      words: group.map(({ text: t, confidence, bbox: b }) => ({ text: t, confidence, bbox: b })),
    };
  });
  return lines.sort((p, q) => p.bbox.y1 - q.bbox.y1 || p.bbox.x0 - q.bbox.x0);
}
