import type { OcrLine, OcrWord, ReadDocument } from '../../shared/domain/text.js';
import type { TextLine } from '../../shared/extract/lines.js';
import { documentLines, normalizeLine } from '../../shared/extract/lines.js';

/**
 * Lines as a reader without word positions would deliver them, from a block of text (one line
 * per text line). Wide blanks (two spaces or more, an ideographic space) separate cells, as in a
 * table laid out by alignment: columns line up when the text is aligned in a monospaced editor
 * (a Chinese character two columns wide).
 */
export function linesOf(text: string, confidence = 0.95): TextLine[] {
  return text
    .replace(/^\n+|\s+$/g, '')
    .split('\n')
    .map((raw) => ({ page: 1, raw: raw.replace(/\s+$/, ''), text: normalizeLine(raw), confidence }));
}

/** A piece of text placed on a page: its left edge, its top, and the character size. */
export interface Placed {
  text: string;
  x: number;
  y: number;
  size?: number;
  page?: number;
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f·■□☑☐]/u;

/**
 * A page read by an OCR engine like Tesseract: every Chinese character is a word of its own,
 * Latin and digit runs are words, and each placed piece is its own line (engines read table
 * cells as separate blocks), unless `mergeRows` joins pieces standing at the same height.
 */
export function ocrDocument(pieces: Placed[], options: { mergeRows?: boolean; confidence?: number } = {}): ReadDocument {
  const confidence = options.confidence ?? 0.92;
  const lines: Array<OcrLine & { page: number }> = pieces.map((p) => {
    const size = p.size ?? 12;
    const words: OcrWord[] = [];
    let x = p.x;
    for (const token of p.text.match(/[A-Za-z0-9.,%¥:\-/()]+|\S/gu) ?? []) {
      const width = WIDE.test(token) ? size : 0.55 * size * token.length;
      words.push({ text: token, confidence, bbox: { x0: x, y0: p.y, x1: x + width, y1: p.y + size } });
      x += width + 0.08 * size;
    }
    // a blank in the text is a gap of its own width
    return {
      page: p.page ?? 1,
      text: p.text.replace(/\s+/g, ''),
      confidence,
      bbox: { x0: p.x, y0: p.y, x1: x, y1: p.y + size },
      words: spaced(p, words, size),
    };
  });
  const pages = [...new Set(lines.map((l) => l.page))].sort().map((pageNumber) => {
    let pageLines = lines.filter((l) => l.page === pageNumber);
    if (options.mergeRows) {
      const rows: OcrLine[] = [];
      for (const l of [...pageLines].sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0)) {
        const row = rows.find((r) => Math.abs(r.bbox.y0 - l.bbox.y0) < 2);
        if (row) {
          row.words.push(...l.words);
          row.text += l.text;
          row.bbox.x1 = Math.max(row.bbox.x1, l.bbox.x1);
        } else rows.push({ ...l, words: [...l.words], bbox: { ...l.bbox } });
      }
      pageLines = rows as typeof pageLines;
    }
    return { pageNumber, width: 600, height: 850, lines: pageLines };
  });
  return { source: 'ocr', engine: 'test', pages };
}

/** Moves words right past the blanks of the original text (each blank a third of a character; an ideographic blank a whole one). */
function spaced(p: Placed, words: OcrWord[], size: number): OcrWord[] {
  const out: OcrWord[] = [];
  let shift = 0;
  let at = 0;
  const text = p.text;
  for (const w of words) {
    const found = text.indexOf(w.text, at);
    const blanks = text.slice(at, found);
    shift += [...blanks].reduce((n, ch) => n + (ch === '\u3000' ? size : /\s/.test(ch) ? size / 3 : 0), 0);
    at = found + w.text.length;
    out.push({ ...w, bbox: { ...w.bbox, x0: w.bbox.x0 + shift, x1: w.bbox.x1 + shift } });
  }
  return out;
}

/** Lines of an OCR-like document. */
export function ocrLines(pieces: Placed[], options?: { mergeRows?: boolean; confidence?: number }): TextLine[] {
  return documentLines(ocrDocument(pieces, options));
}
