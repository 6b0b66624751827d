/**
 * Regions of a page cut out and stacked one under another on a sheet, with blank space between
 * them, so that one more call to the OCR engine reads each region on its own (no page layout to
 * analyse; see PageImage.layout 'lines'), and what it read is told apart by region.
 */
import type { BoundingBox, OcrLine, OcrPage } from '../domain/text.js';
import type { Gray } from './preprocess.js';

/** Where a region's cut-out lies on the sheet: sheet y from y0 to y1, shifted by (dx, dy) from the page. */
export interface Slot {
  y0: number;
  y1: number;
  dx: number;
  dy: number;
}

export interface Sheet {
  /** The sheet's pixels, to be read as one more page. */
  gray: Gray;
  /** One slot per region, in order. */
  slots: Slot[];
}

/** The regions (page pixels, inside the page) of `gray` stacked on one sheet. */
export function stackRegions(gray: Gray, regions: readonly BoundingBox[]): Sheet {
  const gap = Math.max(24, Math.round(gray.width / 60));
  const width = Math.max(...regions.map((r) => r.x1 - r.x0)) + 2 * gap;
  const height = regions.reduce((h, r) => h + (r.y1 - r.y0) + gap, gap);
  const pixels = new Uint8Array(width * height).fill(255);
  const slots: Slot[] = [];
  let y = gap;
  for (const r of regions) {
    // each cut-out's paper made white like the sheet's, so its edges give OCR nothing to read
    const scale = 255 / Math.max(1, paperOf(gray, r));
    for (let row = r.y0; row < r.y1; row++) {
      const to = (y + row - r.y0) * width + gap - r.x0;
      for (let x = r.x0; x < r.x1; x++) pixels[to + x] = Math.min(255, Math.round(gray.pixels[row * gray.width + x] * scale));
    }
    slots.push({ y0: y, y1: y + (r.y1 - r.y0), dx: gap - r.x0, dy: y - r.y0 });
    y += r.y1 - r.y0 + gap;
  }
  return { gray: { width, height, pixels }, slots };
}

/**
 * What the engine read in each slot of a sheet, as lines moved back to the page; lines of specks
 * and stains are left out (a line of marks, bars and dashes alone, or one character read with little confidence).
 */
export function linesBySlot(sheet: Sheet, read: OcrPage): OcrLine[][] {
  const out = sheet.slots.map((): OcrLine[] => []);
  for (const line of read.lines) {
    const cy = (line.bbox.y0 + line.bbox.y1) / 2;
    const slot = sheet.slots.findIndex((s) => cy >= s.y0 && cy < s.y1);
    if (slot < 0 || isSpeck(line)) continue;
    const { dx, dy } = sheet.slots[slot];
    const back = (b: BoundingBox) => ({ x0: b.x0 - dx, y0: b.y0 - dy, x1: b.x1 - dx, y1: b.y1 - dy });
    out[slot].push({ ...line, bbox: back(line.bbox), words: line.words.map((w) => ({ ...w, bbox: back(w.bbox) })) });
  }
  return out.map((lines) => lines.sort((a, b) => a.bbox.y0 - b.bbox.y0));
}

function isSpeck(line: OcrLine): boolean {
  const text = line.text.replace(/\s+/gu, '');
  if (!/[\p{L}\p{N}]/u.test(text) || /^[一_~\-—.·]+$/u.test(text)) return true;
  return [...text].length === 1 && line.confidence < 0.5;
}

/** The gray of the paper in a region: its commonest level. */
function paperOf(gray: Gray, r: BoundingBox): number {
  const histogram = new Uint32Array(256);
  for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) histogram[gray.pixels[y * gray.width + x]]++;
  return histogram.indexOf(Math.max(...histogram));
}
