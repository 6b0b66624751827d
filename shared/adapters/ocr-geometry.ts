/**
 * Small geometry and text helpers shared by the OCR adapters: putting words back into reading
 * order and joining them the way Chinese and Latin text are written.
 */
import type { BoundingBox, OcrWord } from '../domain/text.js';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
/** Tick-box glyphs (☐ ☑ ☒): the label that follows one is written without a space. */
const BOX = /[\u2610-\u2612]/u;

/**
 * Joins words: no space where either side is Chinese (or full-width) or after a tick-box glyph,
 * one space between Latin words.
 */
export function joinWords(words: readonly string[]): string {
  let out = '';
  for (const word of words) {
    if (word === '') continue;
    const prev = out.at(-1);
    if (prev !== undefined && !(CJK.test(prev) || BOX.test(prev) || CJK.test(word[0]!))) out += ' ';
    out += word;
  }
  return out;
}

export function centreOf(box: BoundingBox): { x: number; y: number } {
  return { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 };
}

/** True when the centre of `inner` lies inside `outer` (edges included). */
export function centreInside(inner: BoundingBox, outer: BoundingBox): boolean {
  const { x, y } = centreOf(inner);
  return x >= outer.x0 && x <= outer.x1 && y >= outer.y0 && y <= outer.y1;
}

export function unionBox(boxes: readonly BoundingBox[]): BoundingBox | undefined {
  if (boxes.length === 0) return undefined;
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/**
 * Orders pieces of text the way a horizontal page is read: rows top to bottom (a piece joins a
 * row when its vertical centre falls within the row's extent), pieces left to right within a
 * row; then joins them with {@link joinWords}.
 */
export function joinInReadingOrder(items: readonly { text: string; bbox: BoundingBox }[]): string {
  const rows: { y0: number; y1: number; items: { text: string; bbox: BoundingBox }[] }[] = [];
  const byTop = [...items].sort((a, b) => centreOf(a.bbox).y - centreOf(b.bbox).y);
  for (const item of byTop) {
    const cy = centreOf(item.bbox).y;
    const row = rows.find((r) => cy >= r.y0 && cy <= r.y1);
    if (row) {
      row.items.push(item);
      row.y0 = Math.min(row.y0, item.bbox.y0);
      row.y1 = Math.max(row.y1, item.bbox.y1);
    } else {
      rows.push({ y0: item.bbox.y0, y1: item.bbox.y1, items: [item] });
    }
  }
  rows.sort((a, b) => a.y0 - b.y0);
  return joinWords(rows.flatMap((r) => r.items.sort((a, b) => a.bbox.x0 - b.bbox.x0).map((i) => i.text)));
}

/** The characters of a word with where each lies, placed in proportion along the word's box. */
export function wordChars(word: { text: string; bbox: BoundingBox }): Array<{ ch: string; x0: number; x1: number }> {
  const chars = [...word.text];
  const step = (word.bbox.x1 - word.bbox.x0) / Math.max(1, chars.length);
  return chars.map((ch, i) => ({ ch, x0: word.bbox.x0 + step * i, x1: word.bbox.x0 + step * (i + 1) }));
}

/**
 * A word cut where its characters change class (placed in proportion along the word): runs of
 * characters with the same `classOf` become parts. A word of a single class comes back whole.
 */
export function partsBy<K>(word: OcrWord, classOf: (x0: number, x1: number) => K): Array<{ key: K; word: OcrWord }> {
  const parts: Array<{ key: K; text: string; x0: number; x1: number }> = [];
  for (const { ch, x0, x1 } of wordChars(word)) {
    const key = classOf(x0, x1);
    const last = parts.at(-1);
    if (last && last.key === key) {
      last.text += ch;
      last.x1 = x1;
    } else parts.push({ key, text: ch, x0, x1 });
  }
  if (parts.length === 1) return [{ key: parts[0].key, word }];
  return parts.map((p) => ({ key: p.key, word: { ...word, text: p.text, bbox: { ...word.bbox, x0: p.x0, x1: p.x1 } } }));
}

/**
 * The parts of a word whose characters lie outside a region (`over` says, from a character's
 * extent, whether it lies inside): the word split where characters are dropped.
 */
export function partsOutside(word: OcrWord, over: (x0: number, x1: number) => boolean): OcrWord[] {
  return partsBy(word, over).flatMap((p) => (p.key ? [] : [p.word]));
}
