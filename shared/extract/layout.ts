/**
 * The geometry of a document's text: segments placed in visual rows (lines read by an OCR
 * engine in separate blocks but standing at the same height form one row), and paragraphs of
 * running text whose lines wrap at the right margin.
 */
import type { BoundingBox } from '../domain/text.js';
import { lineSegments, textWidth, type Segment, type TextLine } from './lines.js';

export interface Placed extends Segment {
  page: number;
  /** The line the segment was read from (for provenance and confidence). */
  line: TextLine;
  /** Character height. */
  em: number;
  /** Index of the segment's row in `Layout.rows`. */
  row: number;
}

export interface Row {
  index: number;
  page: number;
  y0: number;
  y1: number;
  cy: number;
  em: number;
  /** Left to right. */
  segments: Placed[];
}

export interface Paragraph {
  rows: Row[];
  /** The rows' texts joined (a wrapped line continues without a break), half-width. */
  text: string;
  /** The same as printed (full-width punctuation kept); same length as `text`. */
  display: string;
  /** Where each row's text starts in `text`. */
  starts: number[];
}

/** Page numbers and similar furniture that is never part of the content. */
const FURNITURE = /^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/u;

/** A line that opens a new item: 一、 （一） 1. 第一条 …, or 一) when OCR lost the opening bracket. */
export const ITEM_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[)）]|\d{1,2}[、.．](?!\d))/u;

export class Layout {
  readonly rows: Row[] = [];
  private readonly bounds = new Map<number, { left: number; right: number }>();
  private paragraphCache?: Paragraph[];

  constructor(lines: TextLine[]) {
    const byPage = new Map<number, { line: TextLine; segments: Segment[]; em: number; box: BoundingBox }[]>();
    lines.forEach((line, index) => {
      const { segments, em } = lineSegments(line, index);
      if (segments.length === 0 || FURNITURE.test(line.text)) return;
      const box = union(segments.map((s) => s.bbox));
      const list = byPage.get(line.page) ?? [];
      list.push({ line, segments, em, box });
      byPage.set(line.page, list);
    });
    for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
      const items = byPage.get(page)!.sort((a, b) => cy(a.box) - cy(b.box) || a.box.x0 - b.box.x0);
      const rows: Row[] = [];
      for (const item of items) {
        // A line joins a row at the same height whose segments it does not overlap.
        const row = rows
          .slice(-4)
          .find(
            (r) =>
              Math.abs(r.cy - cy(item.box)) <= 0.4 * Math.min(r.em, item.em) &&
              !r.segments.some((s) => item.segments.some((t) => t.bbox.x0 < s.bbox.x1 && s.bbox.x0 < t.bbox.x1)),
          );
        const placed = item.segments.map((s): Placed => ({ ...s, page, line: item.line, em: item.em, row: -1 }));
        if (row) {
          row.segments.push(...placed);
          row.segments.sort((a, b) => a.bbox.x0 - b.bbox.x0);
          row.y0 = Math.min(row.y0, item.box.y0);
          row.y1 = Math.max(row.y1, item.box.y1);
          row.em = Math.max(row.em, item.em);
        } else {
          rows.push({ index: -1, page, y0: item.box.y0, y1: item.box.y1, cy: cy(item.box), em: item.em, segments: placed });
        }
      }
      rows.sort((a, b) => a.cy - b.cy);
      for (const row of rows) {
        row.index = this.rows.length;
        row.segments.forEach((s) => (s.row = row.index));
        this.rows.push(row);
      }
      const segs = rows.flatMap((r) => r.segments);
      // Lines given without positions (typed text) carry no evidence of wrapping.
      const placed = byPage.get(page)!.some((item) => item.line.bbox);
      this.bounds.set(page, { left: Math.min(...segs.map((s) => s.bbox.x0)), right: placed ? rightMargin(rows) : Number.POSITIVE_INFINITY });
    }
  }

  /** The next row down (on the same page, or the first row of the next page when `acrossPages`). */
  below(row: Row, acrossPages = false): Row | undefined {
    const next = this.rows[row.index + 1];
    return next && (next.page === row.page || acrossPages) ? next : undefined;
  }

  above(row: Row): Row | undefined {
    const prev = this.rows[row.index - 1];
    return prev && prev.page === row.page ? prev : undefined;
  }

  pageBounds(page: number): { left: number; right: number } {
    return this.bounds.get(page) ?? { left: 0, right: 0 };
  }

  /**
   * True when the row's text runs up to the right margin, as the wrapped lines of a paragraph
   * do (a line may stop a character or two short where punctuation may not start the next one;
   * a line that stops inside a sentence, not after punctuation, may stop a little earlier).
   */
  reachesRight(row: Row): boolean {
    const last = row.segments.at(-1);
    if (!last) return false;
    const slack = /[\u4e00-\u9fffA-Za-z0-9]$/u.test(last.text) ? 3.2 : 2.2;
    return last.bbox.x1 - row.segments[0].bbox.x0 >= MIN_WRAPPED_EM * row.em && last.bbox.x1 >= this.pageBounds(row.page).right - slack * row.em;
  }

  /**
   * Whether `next` continues the running text of `row` (`anyRow`: the last cell of a form row): both are runs of text, `row`
   * reaches the right margin, `next` starts no further right than `row` (first lines are
   * indented, continuation lines are not) and does not open a new item, and nothing but a
   * line's spacing (or a page break) lies between them.
   */
  continues(row: Row, next: Row | undefined, anyRow = false, listItem = false): next is Row {
    if (!next || !(anyRow || isProseRow(row)) || !isProseRow(next)) return false;
    const a = row.segments[0];
    const b = next.segments[0];
    const lastOfRow = row.segments.at(-1)!;
    // A line that stops in the middle of a sentence (after a comma) goes on, wherever it stops.
    const midSentence = /[，、,(（“《]$/u.test(lastOfRow.text) && !/^[\u4e00-\u9fff]{2,8}[:：]/u.test(b.text);
    if (!midSentence && !this.reachesRight(row)) {
      // A line also breaks early when the next word is a long Latin or numeric token that did not fit.
      const token = /^[（(“"]?[A-Za-z0-9¥][A-Za-z0-9.,\-/%‰¥]*[。，、；：）)”]?/u.exec(b.display)?.[0];
      const room = this.pageBounds(row.page).right - lastOfRow.bbox.x1;
      const tokenWidth = token ? ((b.bbox.x1 - b.bbox.x0) * textWidth(token)) / (textWidth(b.display) || 1) : 0;
      if (!token || tokenWidth * 1.15 < room - row.em || room > 12 * row.em) return false;
    }
    // Continuation lines start at the margin, no further right than the line before and not
    // much further left (a first line is indented by two characters; a right-aligned line is not running text).
    if (b.bbox.x0 > a.bbox.x0 + 0.5 * row.em || a.bbox.x0 - b.bbox.x0 > 3 * row.em || (ITEM_START.test(b.text) && !listItem)) return false;
    // After a full stop, a line opening with a short label and a colon starts a new field.
    if (/[。；;!?！？]$/u.test(lastOfRow.text) && /^[\u4e00-\u9fff]{2,8}[:：]/u.test(b.text)) return false;
    if (next.page === row.page) return next.y0 - row.y1 <= 1.3 * row.em;
    return next.page === row.page + 1 && this.rows[row.index + 1] === next;
  }

  /** Running text: rows joined into paragraphs; a table row is a paragraph of its own. */
  paragraphs(): Paragraph[] {
    if (this.paragraphCache) return this.paragraphCache;
    const out: Paragraph[] = [];
    let current: Paragraph | undefined;
    for (const row of this.rows) {
      const text = rowText(row);
      const display = rowText(row, true);
      const prev = current?.rows.at(-1);
      if (current && prev && this.continues(prev, row)) {
        current.starts.push(current.text.length);
        current.text += text;
        current.display += display;
        current.rows.push(row);
      } else {
        current = { rows: [row], text, display, starts: [0] };
        out.push(current);
      }
    }
    this.paragraphCache = out;
    return out;
  }

  /** The paragraph a row belongs to. */
  paragraphOf(row: Row): Paragraph | undefined {
    return this.paragraphs().find((p) => p.rows.includes(row));
  }
}

/** A row of running text: no gap between its segments wider than a couple of characters (table cells are further apart). */
export function isProseRow(row: Row): boolean {
  return row.segments.every((s, i) => i === 0 || s.bbox.x0 - row.segments[i - 1].bbox.x1 < 1.6 * row.em);
}

/**
 * The right margin of a page: the furthest right edge reached by at least two long rows of
 * running text (wrapped lines end there). Without such rows nothing on the page is known to
 * wrap, and the margin is out of reach.
 */
function rightMargin(rows: Row[]): number {
  const ends = rows
    .filter((r) => isProseRow(r) && r.segments.at(-1)!.bbox.x1 - r.segments[0].bbox.x0 >= MIN_WRAPPED_EM * r.em)
    .map((r) => ({ x: r.segments.at(-1)!.bbox.x1, em: r.em }))
    .sort((a, b) => b.x - a.x);
  for (const e of ends) {
    if (ends.filter((o) => o.x <= e.x && o.x >= e.x - 1.2 * e.em).length >= 2) return e.x;
  }
  return Number.POSITIVE_INFINITY;
}

/** A line shorter than this (in characters) is not taken for a wrapped line of running text. */
const MIN_WRAPPED_EM = 8;

export function rowText(row: Row, display = false): string {
  return row.segments.map((s) => (display ? s.display : s.text)).join(' ');
}

/**
 * The line `segments` were read from, as sure as their weakest word (the line's own confidence
 * is the reader's average over the line): for a value that is those segments whole.
 */
export function lineOfSegments(segments: readonly Placed[]): TextLine {
  return { ...segments[0].line, confidence: Math.min(segments[0].line.confidence, ...segments.map((s) => s.confidence)) };
}

export function union(boxes: readonly BoundingBox[]): BoundingBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

function cy(box: BoundingBox): number {
  return (box.y0 + box.y1) / 2;
}

/** The row of a paragraph that holds offset `at` of its text. */
export function rowAt(p: Paragraph, at: number): Row {
  let i = 0;
  while (i + 1 < p.starts.length && p.starts[i + 1] <= at) i++;
  return p.rows[i];
}
