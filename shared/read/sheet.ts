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

export interface StackOptions {
  /**
   * Each region's writing is set upright first (its slant estimated and sheared away): slanted
   * handwriting, such as a 拒签 written in a signature place, is read far better upright.
   */
  upright?: boolean;
}

/** The regions (page pixels, inside the page) of `gray` stacked on one sheet. */
export function stackRegions(gray: Gray, regions: readonly BoundingBox[], options: StackOptions = {}): Sheet {
  const gap = Math.max(24, Math.round(gray.width / 60));
  const slants = regions.map((r) => (options.upright ? slantOf(gray, r) : 0));
  // room on either side for the sheared rows
  const margin = gap + Math.ceil(Math.max(...regions.map((r, i) => Math.abs(slants[i]) * (r.y1 - r.y0))) / 2);
  const width = Math.max(...regions.map((r) => r.x1 - r.x0)) + 2 * margin;
  const height = regions.reduce((h, r) => h + (r.y1 - r.y0) + gap, gap);
  const pixels = new Uint8Array(width * height).fill(255);
  const slots: Slot[] = [];
  let y = gap;
  regions.forEach((r, i) => {
    // each cut-out's paper made white like the sheet's, so its edges give OCR nothing to read
    const scale = 255 / Math.max(1, paperOf(gray, r));
    const middle = (r.y0 + r.y1) / 2;
    for (let row = r.y0; row < r.y1; row++) {
      const to = (y + row - r.y0) * width + margin - r.x0 + Math.round(slants[i] * (row - middle));
      for (let x = r.x0; x < r.x1; x++) pixels[to + x] = Math.min(255, Math.round(gray.pixels[row * gray.width + x] * scale));
    }
    slots.push({ y0: y, y1: y + (r.y1 - r.y0), dx: margin - r.x0, dy: y - r.y0 });
    y += r.y1 - r.y0 + gap;
  });
  return { gray: { width, height, pixels }, slots };
}

/**
 * A sheet in black and white, cut midway between its ink (its darkest levels, past a few
 * stray pixels) and white: faint or coloured handwriting, which the engine's own threshold
 * breaks up into specks, then reads whole.
 */
export function blackAndWhite(gray: Gray): Gray {
  const histogram = new Uint32Array(256);
  for (const v of gray.pixels) histogram[v]++;
  let ink = 0;
  for (let seen = 0, stray = gray.pixels.length * 0.002; ink < 255 && (seen += histogram[ink]) <= stray; ink++);
  const cut = (ink + 255) / 2;
  return { ...gray, pixels: gray.pixels.map((v) => (v < cut ? 0 : 255)) };
}

/** Shears tried when setting writing upright: rightward slants of handwriting, and a little leftward. */
const SHEARS = Array.from({ length: 17 }, (_, k) => -0.2 + k * 0.05);

/**
 * The slant of the writing in a region, as the shear (x shift per pixel of height, positive
 * for writing leaning right) that, undone, stands its strokes most upright: the shear under
 * which the dark pixels pile into the fewest, fullest columns (the largest sum of squared
 * column counts). Blank regions, and writing already upright, give 0.
 */
export function slantOf(gray: Gray, r: BoundingBox): number {
  const middle = (r.y0 + r.y1) / 2;
  const dark: Array<[number, number]> = [];
  for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) if (gray.pixels[y * gray.width + x] < 128) dark.push([x - r.x0, y - middle]);
  if (dark.length === 0) return 0;
  const reach = Math.ceil(((r.y1 - r.y0) / 2) * Math.max(...SHEARS.map(Math.abs))) + 1;
  const columns = new Float64Array(r.x1 - r.x0 + 2 * reach);
  const piled = (shear: number) => {
    columns.fill(0);
    for (const [x, y] of dark) columns[Math.round(x + shear * y) + reach]++;
    let sum = 0;
    for (const c of columns) sum += c * c;
    return sum;
  };
  let best = { shear: 0, score: piled(0) };
  for (const shear of SHEARS) {
    const score = piled(shear);
    if (score > best.score) best = { shear, score };
  }
  return best.shear;
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
