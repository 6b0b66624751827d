import type { BoundingBox, OcrLine, OcrPage, OcrWord, ReadDocument } from '../domain/text.js';
import { joinWords, unionBox } from '../adapters/ocr-geometry.js';
import { compactSpaces, toHalfWidth } from './normalize/text.js';

/**
 * A run of words on a line with no wide gap inside: the content of one table cell, a label, a
 * value. Gaps of about a character's width or more separate segments.
 */
export interface Segment {
  /** Half-width, spaces between Chinese characters removed; same length as `display`. */
  text: string;
  /** As printed (full-width punctuation kept), spaces between Chinese characters removed. */
  display: string;
  /** As read. */
  raw: string;
  bbox: BoundingBox;
  /** The weakest word's confidence: one misread character makes the whole run doubtful. */
  confidence: number;
  /** Where the segment's words are and how sure the reader was of each (OCR). */
  words?: Array<{ x0: number; x1: number; confidence: number }>;
}

/**
 * How sure the reader was of the part of a segment between x0 and x1 (page units): its
 * weakest word there. Without word confidences, the segment's.
 */
export function confidenceIn(seg: Segment, x0 = Number.NEGATIVE_INFINITY, x1 = Number.POSITIVE_INFINITY): number {
  const inside = (seg.words ?? []).filter((w) => (w.x0 + w.x1) / 2 >= x0 && (w.x0 + w.x1) / 2 <= x1);
  return inside.length ? Math.min(...inside.map((w) => w.confidence)) : seg.confidence;
}

/** A line of a document, normalized for matching, with where it came from. */
export interface TextLine {
  page: number;
  /** Half-width, spaces between Chinese characters removed. */
  text: string;
  /** As read. */
  raw: string;
  confidence: number;
  bbox?: BoundingBox;
  /** The line's segments, left to right, when the reader knows where its words are. */
  segments?: Segment[];
  /** The height of a character on this line (page units); segments are split at gaps of about this size. */
  em?: number;
  /** Set when the line stands in a row of a ruled table the reader found: which table and row (lines with the same value share the row). */
  tableRow?: string;
}

/** A gap between words of at least this many character heights starts a new segment. */
export const SEGMENT_GAP_EM = 0.8;

export function documentLines(doc: ReadDocument): TextLine[] {
  return doc.pages.flatMap((page) => {
    const borders = cellBorders(page);
    return page.lines.filter((line) => !isStrip(line)).map(withoutSpecks).map((line): TextLine => {
      const em = lineEm(line);
      const tableRow = tableRowOf(page, line.bbox);
      return {
        page: page.pageNumber,
        text: normalizeLine(line.text),
        raw: line.text,
        confidence: line.confidence,
        bbox: line.bbox,
        em,
        segments: line.words?.length ? segmentWords(line, em, cutsAcross(borders, line.bbox)) : undefined,
        ...(tableRow ? { tableRow } : {}),
      };
    });
  });
}

/**
 * A quote mark OCR made of a speck of dirt or of a stroke's edge: a word of its own, read with
 * almost no confidence (议”题, 职“”务, 主持：”田军), or with little and no partner on its line
 * (职“务：); a quote the document prints is read surely, or closes one opened before it.
 */
const QUOTE = /^[“”"]+$/u;
const SPECK_CONFIDENCE = 0.3;
const UNPAIRED_SPECK_CONFIDENCE = 0.5;
/** Marks that never open a line of Chinese text (行首禁则), and the underscore: a speck when OCR reads one there. */
const NEVER_FIRST = /^[，,。.、；;：:！!？?”’)）》」』_`'"]+/u;

function isSpeck(words: readonly OcrWord[], i: number): boolean {
  const { text, confidence } = words[i];
  if (!QUOTE.test(text) || confidence >= UNPAIRED_SPECK_CONFIDENCE) return false;
  if (confidence < SPECK_CONFIDENCE || text.length > 1) return true;
  const before = words.slice(0, i).map((w) => w.text).join('');
  const after = words.slice(i + 1).map((w) => w.text).join('');
  return text === '”' ? before.lastIndexOf('“') <= before.lastIndexOf('”') : text === '“' ? !after.includes('”') : true;
}

function withoutSpecks(line: OcrLine): OcrLine {
  if (!line.words?.length) return line;
  const words = line.words
    .filter((_, i) => !isSpeck(line.words, i))
    .map((w, i) => (i === 0 ? withoutLeading(w, NEVER_FIRST.exec(w.text)?.[0].length ?? 0) : w))
    .filter((w) => w.text !== '');
  if (words.length === 0 || (words.length === line.words.length && words.every((w, i) => w.text === line.words[i].text))) return line;
  return { ...line, text: joinWords(words.map((w) => w.text)), words, bbox: unionBox(words.map((w) => w.bbox)) ?? line.bbox };
}

/**
 * What OCR made of a page's edge or a fold, read as a line: far taller than wide (text runs
 * across), and read with almost no confidence. It would join the rows it stands beside.
 */
const STRIP_CONFIDENCE = 0.35;

function isStrip(line: OcrLine): boolean {
  return line.confidence < STRIP_CONFIDENCE && line.bbox.y1 - line.bbox.y0 > 2.5 * (line.bbox.x1 - line.bbox.x0);
}

/** A word without its first `n` characters, its box narrowed in proportion. */
function withoutLeading(word: OcrWord, n: number): OcrWord {
  if (n === 0) return word;
  const { x0, x1 } = word.bbox;
  return { ...word, text: word.text.slice(n), bbox: { ...word.bbox, x0: x0 + ((x1 - x0) * n) / word.text.length } };
}

/** A vertical border between table cells (or a table's side): at x, over the rows from y0 to y1. */
interface CellBorder {
  x: number;
  y0: number;
  y1: number;
}

/** The vertical borders of the cells of the page's tables, as far as the reader found tables. */
function cellBorders(page: OcrPage): CellBorder[] {
  return (page.tables ?? []).flatMap((t) => t.cells.flatMap((c) => [c.bbox.x0, c.bbox.x1].map((x) => ({ x, y0: c.bbox.y0, y1: c.bbox.y1 }))));
}

/** The ruled table row a line stands in (by its middle): the row of the one-row cells it crosses, else of any cell. */
function tableRowOf(page: OcrPage, box: BoundingBox): string | undefined {
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const t = (page.tables ?? []).findIndex((t) => cx >= t.bbox.x0 && cx <= t.bbox.x1 && cy >= t.bbox.y0 && cy <= t.bbox.y1);
  if (t < 0) return undefined;
  const crossed = page.tables![t].cells.filter((c) => cy >= c.bbox.y0 && cy < c.bbox.y1 && c.bbox.x1 > box.x0 && c.bbox.x0 < box.x1);
  const single = crossed.filter((c) => c.rowSpan === 1);
  const rows = (single.length ? single : crossed).map((c) => c.row);
  return rows.length ? `${page.pageNumber}:${t}:${Math.min(...rows)}` : undefined;
}

/** Where cell borders cross a line (at its middle height): text on either side belongs to different cells. */
function cutsAcross(borders: readonly CellBorder[], box: BoundingBox): number[] {
  const cy = (box.y0 + box.y1) / 2;
  const xs = borders.filter((b) => cy >= b.y0 && cy <= b.y1 && b.x > box.x0 && b.x < box.x1).map((b) => b.x);
  return [...new Set(xs)].sort((a, b) => a - b);
}

export function normalizeLine(text: string): string {
  return compactSpaces(toHalfWidth(repairBrackets(text))).trim();
}

/**
 * Round brackets OCR read as angle or title marks: a pair opened by 〈 or 《 and closed by ) or ）
 * (or the other way round) is a pair of round brackets, and 〈 or 《 doubled with ( is one
 * bracket: 事务所〈有限责任公司) is 事务所（有限责任公司）. Matching 《》 (a title) are kept.
 */
export function repairBrackets(text: string): string {
  return text
    .replace(/[〈《]\s*[(（]?([^〈《〉》()（）]{1,40})[)）]/gu, '（$1）')
    .replace(/[(（]([^〈《〉》()（）]{1,40})[〉》]/gu, '（$1）');
}

/** The height of one character: the median height of the line's words that hold a Chinese character, else the line's. */
function lineEm(line: OcrLine): number {
  const heights = (line.words ?? [])
    .filter((w) => /[\u3400-\u9fff]/u.test(w.text))
    .map((w) => w.bbox.y1 - w.bbox.y0)
    .sort((a, b) => a - b);
  const lineHeight = line.bbox.y1 - line.bbox.y0;
  if (heights.length === 0) return lineHeight;
  const median = heights[Math.floor(heights.length / 2)];
  // OCR boxes of single glyphs are tight (一 is flat): never less than 0.7 of the line's height.
  return Math.max(median, 0.7 * lineHeight);
}

interface Piece {
  raw: string;
  bbox: BoundingBox;
  confidence: number;
}

/**
 * Splits a line into segments: words are joined while the gap between them stays under
 * {@link SEGMENT_GAP_EM} character heights; a word that itself holds a wide blank (an
 * ideographic space, or two spaces or more: a text layer may keep a whole table row as one
 * item) is cut there, its parts placed in proportion to their characters. `cuts` are the
 * x positions of cell borders crossing the line: no segment runs across one, and a lone mark
 * of punctuation right at one is what is left of the ruling line, not text.
 */
export function segmentWords(line: OcrLine, em: number, cuts: readonly number[] = []): Segment[] {
  const centre = (p: Piece) => (p.bbox.x0 + p.bbox.x1) / 2;
  const pieces: Piece[] = [...line.words]
    .sort((a, b) => a.bbox.x0 - b.bbox.x0)
    .flatMap((w) => splitWord(w.text, w.bbox, w.confidence))
    .flatMap((p) => splitAt(p, cuts))
    .map((p) => (cuts.length ? withoutRuleLeftovers(p, cuts, em) : p))
    .filter((p) => p.raw !== '');
  const groups: Piece[][] = [];
  for (const piece of pieces) {
    const group = groups.at(-1);
    const prev = group?.at(-1);
    // Full-width punctuation is drawn in one side of its square: the blank beside it is not a gap.
    const allowance = (PUNCT_LEFT.test(prev?.raw ?? '') ? 0.6 : 0) + (PUNCT_RIGHT.test(piece.raw) ? 0.6 : 0);
    const border = prev !== undefined && cuts.some((x) => x > centre(prev) && x <= centre(piece));
    if (group && prev && !border && piece.bbox.x0 - prev.bbox.x1 < (SEGMENT_GAP_EM + allowance) * em) group.push(piece);
    else groups.push([piece]);
  }
  return groups.map((group) => {
    let raw = '';
    group.forEach((p, i) => {
      const gap = i > 0 ? p.bbox.x0 - group[i - 1].bbox.x1 : 0;
      // Latin words keep a space between them; Chinese characters do not need one.
      if (i > 0 && (gap > 0.15 * em || /[A-Za-z0-9]$/.test(raw) && /^[A-Za-z0-9]/.test(p.raw))) raw += ' ';
      raw += p.raw;
    });
    const display = compactSpaces(repairBrackets(raw)).trim();
    return {
      text: toHalfWidth(display),
      display,
      raw: raw.trim(),
      bbox: {
        x0: Math.min(...group.map((p) => p.bbox.x0)),
        y0: Math.min(...group.map((p) => p.bbox.y0)),
        x1: Math.max(...group.map((p) => p.bbox.x1)),
        y1: Math.max(...group.map((p) => p.bbox.y1)),
      },
      confidence: Math.min(...group.map((p) => p.confidence)),
      words: group.map((p) => ({ x0: p.bbox.x0, x1: p.bbox.x1, confidence: p.confidence })),
    };
  });
}

/** Full-width punctuation whose glyph sits at the left of its square (blank after it), and at the right (blank before it). */
const PUNCT_LEFT = /[，。、；：！？）」』〉》”’】〕]$/u;
const PUNCT_RIGHT = /^[（「『〈《“‘【〔]/u;

const WIDE_BLANK = /[\u3000\t]+| {2,}/gu;

/**
 * A piece without what OCR made of the remains of a ruling line next to it: a lone mark right
 * at a cell border, a closing quote or comma at the start of a cell, an opening quote or a bar
 * at its end.
 */
function withoutRuleLeftovers(piece: Piece, cuts: readonly number[], em: number): Piece {
  const near = (x: number) => cuts.some((c) => Math.abs(c - x) < 0.4 * em);
  if (/^[，,。.、'"“”‘’|丨｜:：;；!！_~\-—]+$/u.test(piece.raw) && near((piece.bbox.x0 + piece.bbox.x1) / 2)) return { ...piece, raw: '' };
  let raw = piece.raw;
  if (near(piece.bbox.x0)) raw = raw.replace(/^[”’，,、|丨｜;；]+/u, '');
  if (near(piece.bbox.x1)) raw = raw.replace(/[“‘|丨｜]+$/u, '');
  return raw === piece.raw ? piece : { ...piece, raw };
}

/** A piece cut where cell borders cross it. */
function splitAt(piece: Piece, cuts: readonly number[]): Piece[] {
  const inside = cuts.filter((x) => x > piece.bbox.x0 && x < piece.bbox.x1);
  if (inside.length === 0) return [piece];
  return partsOf(piece, (c) => inside.filter((x) => x <= (c.x0 + c.x1) / 2).length);
}

/** A word cut at its wide blanks. */
function splitWord(text: string, bbox: BoundingBox, confidence: number): Piece[] {
  const piece = { raw: text, bbox, confidence };
  if (!WIDE_BLANK.test(text)) return text.trim() ? [piece] : [];
  WIDE_BLANK.lastIndex = 0;
  const blank = new Set<number>();
  for (const m of text.matchAll(WIDE_BLANK)) for (let k = m.index; k < m.index + m[0].length; k++) blank.add(k);
  let part = 0;
  return partsOf(piece, (_, i) => (blank.has(i) ? (blank.has(i + 1) ? undefined : (part++, undefined)) : part));
}

/**
 * The parts of a piece: its characters placed in proportion to their widths, runs of characters
 * with the same key joined (a character without a key is left out).
 */
function partsOf(piece: Piece, keyOf: (c: { x0: number; x1: number }, index: number) => number | undefined): Piece[] {
  const chars = [...piece.raw];
  const scale = (piece.bbox.x1 - piece.bbox.x0) / (textWidth(piece.raw) || 1);
  const out: Array<Piece & { key: number }> = [];
  let at = piece.bbox.x0;
  chars.forEach((ch, i) => {
    const x0 = at;
    at += textWidth(ch) * scale;
    const key = keyOf({ x0, x1: at }, i);
    if (key === undefined) return;
    const last = out.at(-1);
    if (last && last.key === key) {
      last.raw += ch;
      last.bbox = { ...last.bbox, x1: at };
    } else out.push({ key, raw: ch, bbox: { ...piece.bbox, x0, x1: at }, confidence: piece.confidence });
  });
  return out.filter((p) => p.raw.trim() !== '').map(({ raw, bbox, confidence }) => ({ raw: raw.trim(), bbox, confidence }));
}

/** Width of a text in character heights: Chinese and full-width characters 1, others 0.5. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000■□☐☑☒√]/u.test(ch) ? 1 : 0.5;
  return w;
}

/**
 * The segments of a line. Lines that come without word positions (typed text, engines
 * without geometry) are cut at wide blanks, placed as if set in a monospaced font.
 */
export function lineSegments(line: TextLine, index = 0): { segments: Segment[]; em: number } {
  if (line.segments?.length) return { segments: line.segments, em: line.em ?? boxHeight(line.bbox) ?? 1 };
  const em = line.em ?? boxHeight(line.bbox) ?? 1;
  const y0 = line.bbox?.y0 ?? index * 1.6;
  const x0 = line.bbox?.x0 ?? 0;
  const box = { x0, y0, x1: x0 + textWidth(line.raw) * em, y1: y0 + em };
  return { segments: segmentWords({ text: line.raw, confidence: line.confidence, bbox: box, words: [{ text: line.raw, confidence: line.confidence, bbox: box }] }, em), em };
}

function boxHeight(bbox: BoundingBox | undefined): number | undefined {
  return bbox && bbox.y1 > bbox.y0 ? bbox.y1 - bbox.y0 : undefined;
}
