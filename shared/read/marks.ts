/**
 * What the pixels tell beyond the text: ruled tables and their cells, tick boxes (ticked or
 * not), signature places (signed or not) and seals, added to a page OCR has read. Ticked boxes
 * are also written into the text as ☑ and empty ones as ☐, in place of whatever OCR made of
 * them, so that a label read with its box says which option was chosen. Structures an engine
 * found itself (Textract) are kept.
 */
import type { BoundingBox, OcrLine, OcrPage, OcrSelection, OcrSignature, OcrTable, OcrWord } from '../domain/text.js';
import { joinInReadingOrder, joinWords, partsOutside, unionBox } from '../adapters/ocr-geometry.js';
import type { PreparedPage } from './images.js';
import { findSignaturePlaces } from './signatures.js';
import type { TableGrid } from './table-grid.js';
import { findTickBoxes } from './tick-boxes.js';

export function addMarks(page: OcrPage, prepared: PreparedPage): OcrPage {
  const em = characterHeight(page) ?? bodyTextHeight(prepared.straight.width);
  let lines = page.lines;
  let selections = page.selections;
  if (!selections) {
    const cells = prepared.grids.flatMap((g) => g.cells.map((c) => c.bbox));
    const boxes = findTickBoxes(prepared.straight, em, cells).map(({ bbox, selected, confidence }): OcrSelection => ({ bbox, selected, confidence }));
    lines = writeBoxes(lines, boxes, em);
    selections = boxes.map((box) => ({ ...box, ...labelOf(lines, box.bbox, em) }));
  }
  const tables = page.tables ?? prepared.grids.map((grid) => tableOf(grid, lines));
  return {
    ...page,
    lines,
    selections,
    tables,
    signatures: page.signatures ?? findSignaturePlaces(prepared.text, lines, em, tables),
    ...(page.seals || prepared.seals ? { seals: page.seals ?? prepared.seals } : {}),
  };
}

/**
 * The height of a character of body text (10.5 pt) on a page `width` pixels wide, for a page
 * whose words give none: about 1.8% of the width of an A4 page.
 */
export function bodyTextHeight(width: number): number {
  return Math.round(width * 0.018);
}

/**
 * The height of a character on a page: the lower quartile of the heights of the words OCR read
 * with some confidence and that hold a Chinese character (words also take in ticks,
 * handwriting, boxes and the bleed of poor scans, which only make them taller).
 */
export function characterHeight(page: OcrPage): number | undefined {
  const heights = page.lines
    .flatMap((l) => l.words)
    .filter((w) => w.confidence >= 0.6 && /[\u3400-\u9fff]/u.test(w.text))
    .map((w) => w.bbox.y1 - w.bbox.y0)
    .sort((a, b) => a - b);
  return heights.length ? heights[Math.floor(heights.length / 4)] : undefined;
}

/** The text right after a box on its line, up to the next box: the option it stands for. */
function labelOf(lines: readonly OcrLine[], box: BoundingBox, em: number): { label?: string } {
  const words = lineOf(lines, box, em)?.words ?? [];
  const at = words.findIndex((w) => w.bbox === box);
  if (at < 0) return {};
  const next = words.findIndex((w, i) => i > at && (w.text === '☑' || w.text === '☐'));
  const label = joinWords(words.slice(at + 1, next < 0 ? undefined : next).map((w) => w.text)).trim();
  return label ? { label } : {};
}

/** The line a box belongs to: one whose band holds the box's centre and that reaches near it. */
function lineOf(lines: readonly OcrLine[], box: BoundingBox, em: number): OcrLine | undefined {
  const cy = (box.y0 + box.y1) / 2;
  return lines.find((l) => cy >= l.bbox.y0 - em * 0.3 && cy <= l.bbox.y1 + em * 0.3 && box.x1 >= l.bbox.x0 - em * 1.5 && box.x0 <= l.bbox.x1 + em * 1.5);
}

/**
 * Puts each box into the text of its line as ☑ or ☐: characters OCR placed over the box are
 * dropped (their positions estimated in proportion within a word), the box becomes a word of
 * its own. A box on no line becomes a line of its own.
 */
export function writeBoxes(lines: readonly OcrLine[], boxes: readonly OcrSelection[], em: number): OcrLine[] {
  const out = lines.map((l) => ({ ...l, words: [...l.words] }));
  for (const box of boxes) {
    const glyph: OcrWord = { text: box.selected ? '☑' : '☐', confidence: box.confidence, bbox: box.bbox };
    const line = lineOf(out, box.bbox, em);
    if (!line) {
      out.push({ text: glyph.text, confidence: box.confidence, bbox: box.bbox, words: [glyph] });
      continue;
    }
    const over = (x0: number, x1: number) => {
      const c = (x0 + x1) / 2;
      const pad = (box.bbox.x1 - box.bbox.x0) * 0.15;
      return c >= box.bbox.x0 - pad && c <= box.bbox.x1 + pad;
    };
    line.words = [...line.words.flatMap((w) => partsOutside(w, over)), glyph].sort((a, b) => a.bbox.x0 - b.bbox.x0);
    line.text = joinWords(line.words.map((w) => w.text));
    line.bbox = {
      x0: Math.min(line.bbox.x0, box.bbox.x0),
      y0: Math.min(line.bbox.y0, box.bbox.y0),
      x1: Math.max(line.bbox.x1, box.bbox.x1),
      y1: Math.max(line.bbox.y1, box.bbox.y1),
    };
  }
  return out;
}

/** A ruled table with the text OCR read in each of its cells (a word across a border is split there). */
function tableOf(grid: TableGrid, lines: readonly OcrLine[]): OcrTable {
  const words = lines.flatMap((l) => l.words);
  return {
    rows: grid.rows,
    columns: grid.columns,
    confidence: 1,
    bbox: grid.bbox,
    cells: grid.cells.map((cell) => {
      const { x0, y0, x1, y1 } = cell.bbox;
      const inside = words.flatMap((w) => {
        const cy = (w.bbox.y0 + w.bbox.y1) / 2;
        if (cy < y0 || cy >= y1 || w.bbox.x1 <= x0 || w.bbox.x0 >= x1) return [];
        return partsOutside(w, (a, b) => (a + b) / 2 < x0 || (a + b) / 2 >= x1);
      });
      const text = joinInReadingOrder(inside);
      return { ...cell, text, confidence: inside.length ? Math.min(...inside.map((w) => w.confidence)) : 1 };
    }),
  };
}

/**
 * The page with the signature places whose handwriting, read on its own, says 拒签 turned from
 * signed to refused: the place is not signed, and 拒签 is written into the text of its line
 * (as the boxes are), so that a refusal reads the same whether typed or written by hand.
 */
export function writeRefusals(page: OcrPage, refused: ReadonlyMap<OcrSignature, number>): OcrPage {
  if (refused.size === 0) return page;
  // (a page with refusals has text)
  const em = characterHeight(page) ?? bodyTextHeight(page.width);
  const lines = page.lines.map((l) => ({ ...l, words: [...l.words] }));
  for (const [place, confidence] of refused) {
    const word: OcrWord = { text: '拒签', confidence, bbox: place.bbox };
    const line = lineOf(lines, place.bbox, em);
    if (!line) {
      lines.push({ text: word.text, confidence: word.confidence, bbox: word.bbox, words: [word] });
      continue;
    }
    line.words = [...line.words.filter((w) => w.bbox.x1 <= place.bbox.x0 || w.bbox.x0 >= place.bbox.x1), word].sort((a, b) => a.bbox.x0 - b.bbox.x0);
    line.text = joinWords(line.words.map((w) => w.text));
    line.bbox = unionBox([line.bbox, place.bbox])!;
  }
  return {
    ...page,
    lines,
    signatures: page.signatures?.map((s) => (refused.has(s) ? { ...s, signed: false, confidence: refused.get(s)! } : s)),
  };
}
