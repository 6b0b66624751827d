import type { OcrEngine } from '../ports.js';
import type { OcrPage, OcrSignature, PageImage, ReadDocument } from '../domain/text.js';
import type { IntakeLimits, MediaType } from '../intake/gate.js';
import { pdfPageCount, pdfTextLayer, rasterizePdf } from '../pdf/rasterize.js';
import type { Canvas } from '@napi-rs/canvas';
import { decodeImagePages, grayPng, imagePageCount, prepareForOcr, type PreparedPage } from './images.js';
import { addMarks, bodyTextHeight, characterHeight, writeRefusals } from './marks.js';
import { missedLineSheet, withMissedLines } from './missed-lines.js';
import { blackAndWhite, stackRegions, type Sheet } from './sheet.js';
import { writtenRefusal } from './signatures.js';
import { doubtfulLineSheet, withSecondOpinion } from './second-opinion.js';
import { cellSheet, withCellText } from './table-cells.js';

/** Resolution scanned PDF pages are rendered at for OCR. */
export const OCR_DPI = 300;

/** A page of a born-digital PDF counts as having text when it carries this many characters. */
const MIN_TEXT_CHARS = 20;

export type ReadResult = ReadDocument;

/**
 * Gets the text of a document: a born-digital PDF's own text layer when it has one (no OCR),
 * otherwise the page images through the OCR engine, after seal-ink suppression, ruled tables
 * read cell by cell, with the tick boxes, signature places and seals the pixels show (see
 * marks.ts), and the lines the engine doubts read again by its second model when it has one
 * (see second-opinion.ts). Pages are decoded and recognized two at a time, so memory stays flat
 * on long files; page images are kept within `limits.maxPixels`.
 *
 * Errors about the file itself (corrupt, too many pages, too large) are thrown as they come;
 * a failure of the OCR engine is thrown as `OcrFailedError`, since it says nothing about the
 * file and the document should be tried again, not rejected.
 */
export async function readDocument(bytes: Uint8Array, type: MediaType, ocr: OcrEngine, limits: IntakeLimits): Promise<ReadResult> {
  const batch = 2;
  const pages: OcrPage[] = [];
  const recognize = async (canvases: Canvas[], firstPage: number) => {
    // blank pages (the backs of sheets) are not worth preparing and recognizing
    const inked = canvases.map((canvas, i) => ({ canvas, pageNumber: firstPage + i })).filter(({ canvas }) => !isBlank(canvas));
    const prepared = await Promise.all(inked.map(({ canvas, pageNumber }) => prepareForOcr(canvas, pageNumber)));
    const recognizer =
      (engine: (images: PageImage[]) => Promise<OcrPage[]>): Recognize =>
      async (images) => {
        if (images.length === 0) return [];
        try {
          return await engine(images);
        } catch (err) {
          throw new OcrFailedError(ocr.name, err);
        }
      };
    const read = recognizer((images) => ocr.recognize(images));
    const firstRead = await readMissedLines(read, await read(prepared.map((p) => p.page)), prepared);
    const withCells = await readCells(read, firstRead, prepared);
    const marked = await readSignedPlaces(read, withCells.map((page, i) => addMarks(page, prepared[i])), prepared);
    // after the marks: labels of signature places and tick boxes are matched on the first
    // reading, whose garbles the patterns know (the second model garbles differently)
    const secondOpinion = ocr.secondOpinion?.bind(ocr);
    const recognized = secondOpinion ? await readDoubtfulLines(read, recognizer(secondOpinion), marked, prepared) : marked;
    let next = 0;
    canvases.forEach((canvas, i) => {
      const pageNumber = firstPage + i;
      if (!inked.some((p) => p.canvas === canvas)) pages.push({ pageNumber, width: canvas.width, height: canvas.height, lines: [] });
      else pages.push(recognized[next++]);
    });
  };

  if (type === 'application/pdf') {
    const pageCount = await pdfPageCount(bytes);
    if (pageCount > limits.maxPages) throw new TooManyPagesError(pageCount);
    const layer = await pdfTextLayer(bytes);
    if (hasTextLayer(layer)) return { source: 'pdf-text-layer', engine: 'pdfjs-text-layer', pages: layer };
    for (let first = 1; first <= pageCount; first += batch) {
      const images = await rasterizePdf(bytes, { dpi: OCR_DPI, firstPage: first, maxPages: batch, maxPixels: limits.maxPixels });
      await recognize(await Promise.all(images.map((img) => canvasOf(img.image))), first);
    }
    return { source: 'ocr', engine: ocr.name, pages };
  }
  const pageCount = imagePageCount(bytes, type);
  if (pageCount > limits.maxPages) throw new TooManyPagesError(pageCount);
  for (let first = 1; first <= pageCount; first += batch) {
    await recognize(await decodeImagePages(bytes, type, limits.maxPixels, { first, count: batch }), first);
  }
  return { source: 'ocr', engine: ocr.name, pages };
}

/** The OCR engine's recognize, its failures as OcrFailedError. */
type Recognize = (images: PageImage[]) => Promise<OcrPage[]>;

/**
 * Lines the engine left out of a page (bands of ink no line covers) read once more, those of
 * all pages in one more call to the engine (see missed-lines.ts).
 */
function readMissedLines(read: Recognize, pages: OcrPage[], prepared: PreparedPage[]): Promise<OcrPage[]> {
  // a page the engine read nothing on (its layout analysis lost a sparse last page: an issuer
  // and a date under a seal) is looked over with the characters' height of another page, or
  // of body text on a page its size
  const elsewhere = pages.map(characterHeight).find((em) => em !== undefined);
  return withSheetsRead(
    read,
    pages,
    (page, i) => missedLineSheet(prepared[i].text, page, prepared[i].grids.map((g) => g.bbox), characterHeight(page) ?? elsewhere ?? bodyTextHeight(prepared[i].text.width)),
    withMissedLines,
  );
}

/**
 * Pages whose ruled tables the engine did not find itself get their cells read one by one: the
 * cells of each page on one sheet, all sheets in one more call to the engine (see table-cells.ts).
 */
function readCells(read: Recognize, pages: OcrPage[], prepared: PreparedPage[]): Promise<OcrPage[]> {
  return withSheetsRead(read, pages, (page, i) => (page.tables ? undefined : cellSheet(prepared[i].text, prepared[i].grids)), withCellText);
}

/**
 * Lines holding characters the engine doubts read once more by its second model, and once more
 * by its first on their own, those of all pages on one sheet each (see second-opinion.ts).
 */
function readDoubtfulLines(read: Recognize, readSecond: Recognize, pages: OcrPage[], prepared: PreparedPage[]): Promise<OcrPage[]> {
  const readBoth = async (images: PageImage[]) => {
    const [second, again] = await Promise.all([readSecond(images), read(images)]);
    return second.map((page, i) => ({ second: page, again: again[i] }));
  };
  return withSheetsRead(
    readBoth,
    pages,
    (page, i) => {
      const em = characterHeight(page);
      return em ? doubtfulLineSheet(prepared[i].text, page, em) : undefined;
    },
    (page, sheet, { second, again }) => withSecondOpinion(page, sheet, second, again),
  );
}

/**
 * How a signed place's handwriting is read, once each: at its size, at twice its size, and in
 * black and white (`blackened`) at its size. Which reads a hand best differs from hand to hand.
 */
const SIGNED_PLACE_READINGS: ReadonlyArray<{ scale: number; blackened?: boolean }> = [{ scale: 1 }, { scale: 2 }, { scale: 1, blackened: true }];

/**
 * Signature places judged signed have their handwriting read once more, each on a sheet of its
 * own with its writing set upright, in the ways of `SIGNED_PLACE_READINGS` (one more call to the
 * engine for all of them): one that says 拒签 in any reading is a refusal (see
 * `writtenRefusal`). Slanted handwriting reads far better upright, and alone than stacked with
 * the other places.
 */
async function readSignedPlaces(read: Recognize, pages: OcrPage[], prepared: PreparedPage[]): Promise<OcrPage[]> {
  const places = pages.flatMap((page, i) =>
    (page.signatures ?? [])
      .filter((s) => s.signed)
      .map((place) => {
        const { text } = prepared[i];
        const pad = Math.round(text.width / 200);
        // more room on the left: slanted handwriting reaches back under the label's colon
        const region = {
          x0: Math.max(0, place.bbox.x0 - 3 * pad),
          y0: Math.max(0, place.bbox.y0 - pad),
          x1: Math.min(text.width, place.bbox.x1 + pad),
          y1: Math.min(text.height, place.bbox.y1 + pad),
        };
        return { place, pageNumber: page.pageNumber, sheet: stackRegions(text, [region], { upright: true }) };
      }),
  );
  const images = await Promise.all(
    places.flatMap(({ pageNumber, sheet: { gray } }) =>
      SIGNED_PLACE_READINGS.map(({ scale, blackened }) =>
        grayPng(blackened ? blackAndWhite(gray) : gray, scale).then(
          (image): PageImage => ({ pageNumber, image, width: Math.round(gray.width * scale), height: Math.round(gray.height * scale), layout: 'lines' }),
        ),
      ),
    ),
  );
  const results = await read(images);
  // how sure the place's readings are that it is a refusal: the surest of them
  const n = SIGNED_PLACE_READINGS.length;
  const refusals = new Map<OcrSignature, number>();
  places.forEach(({ place }, k) => {
    const certainty = Math.max(...results.slice(k * n, (k + 1) * n).map((r) => writtenRefusal(r.lines.map((l) => l.text).join(''), place.name)));
    if (certainty > 0) refusals.set(place, certainty);
  });
  return pages.map((page) => writeRefusals(page, new Map([...refusals].filter(([place]) => page.signatures?.includes(place)))));
}

/**
 * The pages, each with the sheet `sheetOf` gives it (if any) read and put back by `merge`; the
 * sheets of all pages are read in one call to the engine.
 */
async function withSheetsRead<S extends Sheet, R = OcrPage>(
  read: (images: PageImage[]) => Promise<R[]>,
  pages: OcrPage[],
  sheetOf: (page: OcrPage, i: number) => S | undefined,
  merge: (page: OcrPage, sheet: S, read: R) => OcrPage,
): Promise<OcrPage[]> {
  const sheets = pages.map(sheetOf);
  const images = await Promise.all(
    sheets.flatMap((sheet, i) =>
      sheet ? [grayPng(sheet.gray).then((image): PageImage => ({ pageNumber: pages[i].pageNumber, image, width: sheet.gray.width, height: sheet.gray.height, layout: 'lines' }))] : [],
    ),
  );
  const results = await read(images);
  let next = 0;
  return pages.map((page, i) => {
    const sheet = sheets[i];
    return sheet ? merge(page, sheet, results[next++]) : page;
  });
}

export class TooManyPagesError extends Error {
  constructor(readonly pages: number) {
    super(`${pages} pages`);
  }
}

/** The OCR engine failed (not the file): the document is to be tried again. */
export class OcrFailedError extends Error {
  constructor(engine: string, override readonly cause: unknown) {
    super(`OCR engine ${engine} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'OcrFailedError';
  }
}

/** Share of dark pixels below which a page counts as blank: a few specks of dust, not a character. */
const BLANK_INK_SHARE = 0.00002;

/** Whether a page image is blank (sampled on a 2-pixel grid). */
export function isBlank(canvas: Canvas): boolean {
  const { width, height } = canvas;
  const px = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  let dark = 0;
  let seen = 0;
  for (let y = 0; y < height; y += 2) {
    for (let i = y * width * 4; i < (y + 1) * width * 4; i += 8) {
      seen++;
      if (px[i] * 299 + px[i + 1] * 587 + px[i + 2] * 114 < 160_000) dark++;
    }
  }
  return dark <= seen * BLANK_INK_SHARE;
}

function hasTextLayer(pages: OcrPage[]): boolean {
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
  return pages.length > 0 && chars >= MIN_TEXT_CHARS * pages.length;
}

async function canvasOf(png: Uint8Array) {
  const [canvas] = await decodeImagePages(png, 'image/png', Number.MAX_SAFE_INTEGER);
  return canvas;
}
