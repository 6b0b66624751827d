/**
 * Ruled tables read cell by cell. OCR's page layout analysis often loses a form's label column
 * or reads a table's cells out of order; read one at a time, each cell is plain text. The cells
 * of a page are cut out (inside their rules, so no remains of a rule are read), stacked on one
 * sheet with blank space between them, and the sheet goes to the same OCR engine as one more
 * page; each word read there is put back where its cell is on the page, in place of what the
 * page's OCR read inside the table.
 */
import type { BoundingBox, OcrLine, OcrPage, OcrWord } from '../domain/text.js';
import { joinWords, partsOutside, unionBox } from '../adapters/ocr-geometry.js';
import type { Gray } from './preprocess.js';
import type { TableGrid } from './table-grid.js';

/** Where a cell's cut-out lies on the sheet: sheet y from y0 to y1, shifted by (dx, dy) from the page. */
interface Slot {
  y0: number;
  y1: number;
  dx: number;
  dy: number;
}

export interface CellSheet {
  /** The sheet's pixels, to be read as one more page. */
  gray: Gray;
  slots: Slot[];
  /** The cells cut out (page pixels; same order as `slots`), with their table and row. */
  cells: Array<{ box: BoundingBox; table: number; row: number }>;
}

/** Ink darker than this counts when telling an empty cell. */
const INK = 128;

/**
 * The sheet of a page's table cells, or undefined when no cell holds ink. Cells are cut out
 * `inset` pixels inside their rules and stacked with `gap` pixels of paper between them.
 */
export function cellSheet(text: Gray, grids: readonly TableGrid[]): CellSheet | undefined {
  const inset = Math.max(6, Math.round(text.width / 250));
  const gap = Math.max(24, Math.round(text.width / 60));
  const margin = gap;
  const crops = grids
    .flatMap((g, table) => g.cells.map((cell) => ({ cell, table })))
    .map(({ cell, table }) => ({
      box: { x0: cell.bbox.x0 + inset, y0: cell.bbox.y0 + inset, x1: cell.bbox.x1 - inset, y1: cell.bbox.y1 - inset },
      table,
      row: cell.row,
    }))
    .filter(({ box }) => box.x1 - box.x0 > 4 && box.y1 - box.y0 > 4 && inkIn(text, box) >= 12);
  if (crops.length === 0) return undefined;
  const width = Math.max(...crops.map(({ box }) => box.x1 - box.x0)) + 2 * margin;
  const height = crops.reduce((h, { box }) => h + (box.y1 - box.y0) + gap, margin);
  // the sheet's blank is the page's paper, so the cut-outs leave no edges for OCR to read
  const pixels = new Uint8Array(width * height).fill(paperOf(text));
  const slots: Slot[] = [];
  let y = margin;
  for (const { box } of crops) {
    for (let row = box.y0; row < box.y1; row++) {
      pixels.set(text.pixels.subarray(row * text.width + box.x0, row * text.width + box.x1), (y + row - box.y0) * width + margin);
    }
    slots.push({ y0: y, y1: y + (box.y1 - box.y0), dx: margin - box.x0, dy: y - box.y0 });
    y += box.y1 - box.y0 + gap;
  }
  return { gray: { width, height, pixels }, slots, cells: crops };
}

/** The gray of the paper: the commonest level on the page. */
function paperOf(gray: Gray): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < gray.pixels.length; i += 7) histogram[gray.pixels[i]]++;
  return histogram.indexOf(Math.max(...histogram));
}

function inkIn(gray: Gray, box: BoundingBox): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) if (gray.pixels[y * gray.width + x] < INK) n++;
  return n;
}

/**
 * The page with its table cells' text as read on the sheet: each cell becomes one word (its
 * lines joined as the text runs on, its place the extent of its text), and each row of a table
 * one line of those words, left to right. The page's own words inside a cell the sheet read are
 * dropped (a word reaching out of it keeps its outside part); those in a cell the sheet read
 * nothing in are kept.
 */
export function withCellText(page: OcrPage, sheet: CellSheet, read: OcrPage): OcrPage {
  const linesIn = sheet.slots.map((): OcrLine[] => []);
  for (const line of read.lines) {
    const cy = (line.bbox.y0 + line.bbox.y1) / 2;
    const slot = sheet.slots.findIndex((s) => cy >= s.y0 && cy < s.y1);
    if (slot >= 0 && !isSpeck(line)) linesIn[slot].push(line);
  }
  const rows = new Map<string, OcrWord[]>();
  linesIn.forEach((lines, i) => {
    if (lines.length === 0) return;
    const { dx, dy } = sheet.slots[i];
    const words = lines.sort((a, b) => a.bbox.y0 - b.bbox.y0).flatMap((l) => l.words);
    const box = unionBox(lines.map((l) => l.bbox))!;
    const word: OcrWord = {
      text: joinWords(lines.map((l) => l.text)),
      confidence: Math.min(...words.map((w) => w.confidence)),
      bbox: { x0: box.x0 - dx, y0: box.y0 - dy, x1: box.x1 - dx, y1: box.y1 - dy },
    };
    const key = `${sheet.cells[i].table}:${sheet.cells[i].row}`;
    rows.set(key, [...(rows.get(key) ?? []), word]);
  });

  const readBoxes = sheet.cells.filter((_, i) => linesIn[i].length > 0).map((c) => c.box);
  const inCell = (x: number, y: number) => readBoxes.some((c) => x >= c.x0 && x < c.x1 && y >= c.y0 && y < c.y1);
  const kept: OcrLine[] = [];
  for (const line of page.lines) {
    const words = line.words.flatMap((w) => partsOutside(w, (x0, x1) => inCell((x0 + x1) / 2, (w.bbox.y0 + w.bbox.y1) / 2)));
    if (words.length === line.words.length && words.every((w, i) => w === line.words[i])) kept.push(line);
    else if (words.some((w) => w.text.trim() !== '')) kept.push(lineOf(words));
  }
  const cellLines = [...rows.values()].map((words) => lineOf(words.sort((a, b) => a.bbox.x0 - b.bbox.x0)));
  return { ...page, lines: [...kept, ...cellLines].sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0) };
}

/**
 * What OCR makes of specks and stains in a cell rather than of text: a line of marks and bars
 * alone, or one character read with little confidence.
 */
function isSpeck(line: OcrLine): boolean {
  const text = line.text.replace(/\s+/gu, '');
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  return [...text].length === 1 && line.confidence < 0.5;
}

function lineOf(words: OcrWord[]): OcrLine {
  return {
    text: joinWords(words.map((w) => w.text)),
    confidence: words.reduce((n, w) => n + w.confidence, 0) / words.length,
    bbox: unionBox(words.map((w) => w.bbox))!,
    words,
  };
}
