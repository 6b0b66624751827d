/**
 * Ruled tables read cell by cell. OCR's page layout analysis often loses a form's label column
 * or reads a table's cells out of order; read one at a time, each cell is plain text. The cells
 * of a page are cut out (inside their rules, so no remains of a rule are read) and stacked on one
 * sheet (sheet.ts) that goes to the same OCR engine as one more page; what was read there is put
 * back where its cell is on the page, in place of what the page's OCR read inside the table.
 */
import type { BoundingBox, OcrLine, OcrPage, OcrWord } from '../domain/text.js';
import { joinWords, partsBy, unionBox } from '../adapters/ocr-geometry.js';
import type { Gray } from './preprocess.js';
import { linesBySlot, stackRegions, type Sheet } from './sheet.js';
import type { TableGrid } from './table-grid.js';

export interface CellSheet extends Sheet {
  /** The cells cut out (page pixels; same order as `slots`), with their table and row. */
  cells: Array<{ box: BoundingBox; table: number; row: number }>;
  /** The tables' outlines: what the page's OCR read inside them and outside every cell cut out is no text. */
  tables: BoundingBox[];
}

/** Ink darker than this counts when telling an empty cell. */
const INK = 128;

/** The sheet of a page's table cells (cut out inside their rules), or undefined when no cell holds ink. */
export function cellSheet(text: Gray, grids: readonly TableGrid[]): CellSheet | undefined {
  const inset = Math.max(6, Math.round(text.width / 250));
  const cells = grids
    .flatMap((g, table) => g.cells.map((cell) => ({ cell, table })))
    .map(({ cell, table }) => ({
      box: { x0: cell.bbox.x0 + inset, y0: cell.bbox.y0 + inset, x1: cell.bbox.x1 - inset, y1: cell.bbox.y1 - inset },
      table,
      row: cell.row,
    }))
    .filter(({ box }) => box.x1 - box.x0 > 4 && box.y1 - box.y0 > 4 && inkIn(text, box) >= 12);
  if (cells.length === 0) return undefined;
  return { ...stackRegions(text, cells.map((c) => c.box)), cells, tables: grids.map((g) => g.bbox) };
}

function inkIn(gray: Gray, box: BoundingBox): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) if (gray.pixels[y * gray.width + x] < INK) n++;
  return n;
}

/**
 * The page with its table cells' text as read on the sheet: a cell of one line keeps its words,
 * a taller cell becomes one word (its lines joined as the text runs on, its place the extent of
 * its text), and each row of a table one line of those words, left to right. The page's own words inside a table are dropped, but
 * for those in a cell the sheet read nothing in, which join their cell's row.
 */
export function withCellText(page: OcrPage, sheet: CellSheet, read: OcrPage): OcrPage {
  const linesIn = linesBySlot(sheet, read);
  const rows = new Map<string, OcrWord[]>();
  linesIn.forEach((lines, i) => {
    if (lines.length === 0) return;
    // a cell of one line keeps its words (where a tick box stands among them matters); the lines
    // of a taller cell run on as one word
    const words: OcrWord[] =
      lines.length === 1
        ? lines[0].words
        : [
            {
              text: joinWords(lines.map((l) => l.text)),
              confidence: Math.min(...lines.flatMap((l) => l.words).map((w) => w.confidence)),
              bbox: unionBox(lines.map((l) => l.bbox))!,
            },
          ];
    const key = `${sheet.cells[i].table}:${sheet.cells[i].row}`;
    rows.set(key, [...(rows.get(key) ?? []), ...words]);
  });

  // The page's own words in the tables: kept only where the sheet read nothing in a cell (into
  // that cell's row); elsewhere they are what the sheet read better, or remains of the rules.
  const inside = (b: BoundingBox, x: number, y: number) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
  const kept: OcrLine[] = [];
  for (const line of page.lines) {
    const outside: OcrWord[] = [];
    for (const w of line.words) {
      const cy = (w.bbox.y0 + w.bbox.y1) / 2;
      const placeOf = (x0: number, x1: number): number | 'outside' | 'dropped' => {
        const cx = (x0 + x1) / 2;
        if (!sheet.tables.some((t) => inside(t, cx, cy))) return 'outside';
        const unread = sheet.cells.findIndex((c, i) => linesIn[i].length === 0 && inside(c.box, cx, cy));
        return unread < 0 ? 'dropped' : unread;
      };
      for (const { key, word } of partsBy(w, placeOf)) {
        if (key === 'outside') outside.push(word);
        else if (key !== 'dropped') {
          const row = `${sheet.cells[key].table}:${sheet.cells[key].row}`;
          rows.set(row, [...(rows.get(row) ?? []), word]);
        }
      }
    }
    if (outside.length === line.words.length && outside.every((w, i) => w === line.words[i])) kept.push(line);
    else if (outside.some((w) => w.text.trim() !== '')) kept.push(lineOf(outside));
  }
  const cellLines = [...rows.values()].map((words) => lineOf(words.sort((a, b) => a.bbox.x0 - b.bbox.x0)));
  return { ...page, lines: [...kept, ...cellLines].sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0) };
}

function lineOf(words: OcrWord[]): OcrLine {
  return {
    text: joinWords(words.map((w) => w.text)),
    confidence: words.reduce((n, w) => n + w.confidence, 0) / words.length,
    bbox: unionBox(words.map((w) => w.bbox))!,
    words,
  };
}
