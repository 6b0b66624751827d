/**
 * Lines the engine left out. Tesseract's layout analysis now and then drops a whole line of
 * print, most often one beside large handwriting (审核人（签字）：and the signature after it),
 * and with it a field or a signature place. Bands of ink a line high that no line read covers
 * (outside the ruled tables, whose cells are read on their own) are read again, on a sheet of
 * their own; what reads as text with some confidence joins the page.
 */
import type { BoundingBox, OcrLine, OcrPage } from '../domain/text.js';
import type { Gray } from './preprocess.js';
import { linesBySlot, stackRegions, type Sheet } from './sheet.js';

/** Darker than this is ink (the page for OCR is clean grayscale). */
const INK = 128;
/** A band is a line's height: from this share of a character … */
const MIN_BAND_EM = 0.7;
/** … to this many characters (a line with handwriting in it is taller). */
const MAX_BAND_EM = 3;
/** In a band too tall for a line, a row of print has at least this share of a character's height in dark pixels (a thin ring crossing it, a few). */
const TEXT_ROW_INK = 0.5;
/** A recovered line is taken when the engine reads it with this confidence, and it holds at least two Chinese characters or four figures (a date such as 2024-03-05). */
const MIN_CONFIDENCE = 0.6;

export interface MissedLines extends Sheet {
  /** The bands read, in page pixels, one per slot of the sheet. */
  bands: BoundingBox[];
}

/**
 * The bands of ink on `text` (the page as OCR saw it, characters `em` pixels high) that none of
 * the page's lines covers, outside `tables` and the page's edges, stacked on one sheet; undefined
 * when there are none.
 */
export function missedLineSheet(text: Gray, page: OcrPage, tables: readonly BoundingBox[], em: number): MissedLines | undefined {
  const { width, height, pixels } = text;
  const edge = Math.round(width * 0.02);
  const covered = new Uint8Array(height);
  // a line covers its rows, and a little above and below (handwriting and ticks reach past it)
  for (const line of page.lines) {
    const y0 = Math.max(0, Math.floor(line.bbox.y0 - em * 0.25));
    const y1 = Math.min(height - 1, Math.ceil(line.bbox.y1 + em * 0.25));
    covered.fill(1, y0, y1 + 1);
  }
  const inTable = (x: number, y: number) => tables.some((t) => x >= t.x0 && x <= t.x1 && y >= t.y0 && y <= t.y1);
  const inkedRow = (y: number, minInk: number): { x0: number; x1: number } | undefined => {
    let n = 0;
    let x0 = Infinity;
    let x1 = -Infinity;
    for (let x = edge; x < width - edge; x++) {
      if (pixels[y * width + x] >= INK || inTable(x, y)) continue;
      n++;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
    }
    return n >= minInk ? { x0, x1 } : undefined;
  };
  // runs of rows, from y0 to y1, that are not covered and have at least minInk dark pixels
  const runs = (y0: number, y1: number, minInk: number): BoundingBox[] => {
    const found: BoundingBox[] = [];
    let run: BoundingBox | undefined;
    for (let y = y0; y <= y1 + 1; y++) {
      const row = y <= y1 && !covered[y] ? inkedRow(y, minInk) : undefined;
      if (row) run = run ? { x0: Math.min(run.x0, row.x0), x1: Math.max(run.x1, row.x1), y0: run.y0, y1: y } : { ...row, y0: y, y1: y };
      else if (run) {
        found.push(run);
        run = undefined;
      }
    }
    return found;
  };
  const high = (b: BoundingBox) => b.y1 - b.y0 + 1;
  const bands: BoundingBox[] = [];
  for (const band of runs(edge, height - edge - 1, Math.max(3, Math.round(em * 0.1)))) {
    if (high(band) < em * MIN_BAND_EM) continue;
    if (high(band) <= em * MAX_BAND_EM) bands.push(band);
    // Taller: lines joined by something drawn across them, most often what a seal's ring
    // leaves on a grey scan; its thin strokes darken few pixels of a row, lines of print many.
    else bands.push(...runs(band.y0, band.y1, Math.round(em * TEXT_ROW_INK)).filter((b) => high(b) >= em * MIN_BAND_EM && high(b) <= em * MAX_BAND_EM));
  }
  if (bands.length === 0) return undefined;
  const pad = Math.round(em * 0.3);
  const regions = bands.map((b) => ({ x0: Math.max(0, b.x0 - pad), y0: Math.max(0, b.y0 - pad), x1: Math.min(width, b.x1 + pad), y1: Math.min(height, b.y1 + pad) }));
  return { ...stackRegions(text, regions), bands: regions };
}

/**
 * The page with the lines read on its missed-lines sheet that read as text, each before the
 * first of the page's lines that starts below it (the page's own lines keep their order).
 */
export function withMissedLines(page: OcrPage, sheet: MissedLines, read: OcrPage): OcrPage {
  const found = linesBySlot(sheet, read)
    .flat()
    .filter((l) => l.confidence >= MIN_CONFIDENCE && ((l.text.match(/\p{Script=Han}/gu) ?? []).length >= 2 || (l.text.match(/\d/gu) ?? []).length >= 4));
  if (found.length === 0) return page;
  const lines: OcrLine[] = [...page.lines];
  for (const line of found) {
    const at = lines.findIndex((l) => l.bbox.y0 > line.bbox.y0);
    lines.splice(at < 0 ? lines.length : at, 0, line);
  }
  return { ...page, lines };
}
