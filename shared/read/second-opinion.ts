/**
 * A second opinion on the characters the engine doubts. Lines holding a word of Chinese or
 * figures read with less than full confidence are cut out, stacked on one sheet, and read twice
 * more: by a second model (the engine's `secondOpinion`, e.g. Tesseract's float chi_sim model
 * beside the integer one it reads pages with), and by the first model again, now without the
 * page around them. Each reading of a line is aligned with the first character by character;
 * where they differ, a character of the same kind (Chinese for Chinese, a figure for a figure)
 * replaces the first reading's when the second model is sure of it and surer than the first,
 * or when both other readings agree on it; one the sure second model reads otherwise and that
 * is kept is disputed all the same. A sentence mark (，；。：、) replaces another only when both
 * other readings agree on it, and is put back where the first reading lost it (see `lostMarks`).
 * Other characters another reading lacks or adds stay as first read, and a reading far from the
 * first (a crop of ruling lines and specks, another line caught in the box) is not taken at all. It runs after the marks (tick boxes, signature places) are
 * found, whose labels are matched on the first reading.
 */
import type { OcrLine, OcrPage, OcrWord } from '../domain/text.js';
import { joinWords } from '../adapters/ocr-geometry.js';
import { editAlignment } from '../extract/normalize/edit-distance.js';
import { toHalfWidth } from '../extract/normalize/text.js';
import type { Gray } from './preprocess.js';
import { linesBySlot, stackRegions, type Sheet } from './sheet.js';

/**
 * A line is read again when one of its words holding Chinese or figures is read with less
 * confidence than this: above the confidence below which a value goes to review (0.75, see
 * pipeline/review.ts), so that characters misread with some confidence get a second look too.
 */
const DOUBT = 0.9;
/** A character is replaced only by one the second model reads with at least this confidence … */
const SURE = 0.8;
/** … and more confidence than the first model had in its own, by this much. */
const MARGIN = 0.1;
/**
 * The highest confidence of a character the readings dispute (replaced, or read otherwise by a
 * sure second model and kept): below the review threshold, so that a value the models read
 * differently goes to a person.
 */
const DISPUTED = 0.7;
/** A second reading differing from the first in more than this share of its characters (and more than one) is not taken. */
const MAX_DISTANCE = 0.4;
/**
 * A mark the first reading lost leaves a gap of about a character's width (a full-width mark's
 * cell) between the words around it; characters set side by side leave up to half of one.
 */
const LOST_MARK_GAP = 0.8;
/** A wider gap is a column's (a table row's cells, a label and its value), where a second reading's mark is a speck. */
const MAX_LOST_MARK_GAP = 1.6;
const FULL_WIDTH_MARK: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：' };

export interface DoubtfulLines extends Sheet {
  /** The index in the page's lines of the line read in each slot. */
  lines: number[];
}

/** The page's doubtful lines cut out of `text` (the page as OCR saw it, characters `em` pixels high) and stacked; undefined when there are none. */
export function doubtfulLineSheet(text: Gray, page: OcrPage, em: number): DoubtfulLines | undefined {
  const lines = page.lines.flatMap((line, i) => (line.words.some((w) => w.confidence < DOUBT && /[\p{Script=Han}\p{Nd}]/u.test(w.text)) ? [i] : []));
  if (lines.length === 0) return undefined;
  const pad = Math.round(em * 0.25);
  const regions = lines.map((i) => {
    const b = page.lines[i].bbox;
    return { x0: Math.max(0, b.x0 - pad), y0: Math.max(0, b.y0 - pad), x1: Math.min(text.width, b.x1 + pad), y1: Math.min(text.height, b.y1 + pad) };
  });
  return { ...stackRegions(text, regions), lines };
}

/**
 * The page with each doubtful line merged with its other readings (see `mergeReadings`): the
 * second model's (`second`) and, where given, the first model's again on the cut-out line
 * (`again`), both read from the same sheet.
 */
export function withSecondOpinion(page: OcrPage, sheet: DoubtfulLines, second: OcrPage, again?: OcrPage): OcrPage {
  const lines = [...page.lines];
  const againBySlot = again ? linesBySlot(sheet, again) : [];
  linesBySlot(sheet, second).forEach((read, slot) => {
    const i = sheet.lines[slot];
    lines[i] = mergeReadings(lines[i], read.flatMap((l) => l.words), againBySlot[slot]?.flatMap((l) => l.words));
  });
  return { ...page, lines };
}

interface Char {
  text: string;
  confidence: number;
}

/**
 * `first` with the characters its other readings read better. Each is aligned with `first` by
 * edit distance (one far from it is left out). A substituted character is taken:
 * - from `second` (the second model's reading) when it is of the same kind and its word's
 *   confidence is at least `SURE` and exceeds the first's by `MARGIN`;
 * - from `second` and `again` (the first model's reading of the line cut out) when both read the
 *   same character of the same kind in its place, outvoting the first reading; a sentence mark
 *   only so (a sure second model alone was seen to read ； for the colon after a label).
 * A word's confidence is then its weakest character's, a replaced one counting the chance that
 * the second reading is right and the first wrong (second × (1 − first)), and never more than
 * `DISPUTED`, since the readings disagreed; nor is a character kept though the second model was
 * sure of another.
 */
export function mergeReadings(first: OcrLine, second: readonly OcrWord[], again: readonly OcrWord[] = []): OcrLine {
  const a = charsOf(first.words);
  if (a.length === 0) return first;
  const secondReading = aligned(a, charsOf(second));
  const b = substitutions(a, secondReading);
  const c = substitutions(a, aligned(a, charsOf(again)));
  const taken = new Map<number, Char>();
  a.forEach((ch, i) => {
    const kind = kindOf(ch.text);
    if (kind === 'other') return;
    const other = b.get(i);
    if (!other || kindOf(other.text) !== kind || sameCharacter(other.text, ch.text)) return;
    const sure = other.confidence >= Math.max(SURE, ch.confidence + MARGIN);
    const outvoted = sameCharacter(c.get(i)?.text ?? '', other.text);
    if (kind === 'mark' ? outvoted : sure || outvoted) taken.set(i, { text: other.text, confidence: Math.min(DISPUTED, other.confidence * (1 - ch.confidence)) });
    // kept, though a sure second model reads otherwise: disputed
    else if (kind !== 'mark' && other.confidence >= SURE) taken.set(i, { text: ch.text, confidence: Math.min(DISPUTED, ch.confidence) });
  });
  const lost = lostMarks(first, a, secondReading);
  if (taken.size === 0 && lost.size === 0) return first;
  let k = 0;
  const merged = first.words.map((word) => {
    const confidences: number[] = [];
    let changed = false;
    const text = [...word.text]
      .map((ch) => {
        if (/\s/u.test(ch)) return ch;
        const swap = taken.get(k++);
        changed ||= swap !== undefined;
        confidences.push(swap?.confidence ?? word.confidence);
        return swap?.text ?? ch;
      })
      .join('');
    return changed ? { ...word, text, confidence: Math.min(...confidences) } : word;
  });
  const words = merged.flatMap((word, w) => {
    const mark = lost.get(w);
    return mark ? [word, mark] : [word];
  });
  return { ...first, text: joinWords(words.map((w) => w.text)), words };
}

/**
 * Sentence marks the first reading lost, by the index of the word they follow: a mark the sure
 * second model reads between two Chinese characters the first reads as separate words, with a gap
 * between them about a character wide (LOST_MARK_GAP to MAX_LOST_MARK_GAP) and nothing read in it
 * (完整；保后 read 完整 保后). Where a mark goes is told by aligning the readings' characters, not
 * by their boxes: the two models place the same character up to one apart. It stands in the gap,
 * its confidence disputed.
 */
function lostMarks(first: OcrLine, a: readonly Char[], { chars: second, pairs }: Alignment): Map<number, OcrWord> {
  const found = new Map<number, OcrWord>();
  const wordOf = first.words.flatMap((word, w) => [...word.text].filter((ch) => !/\s/u.test(ch)).map(() => w));
  const em = first.bbox.y1 - first.bbox.y0;
  let before = -1;
  for (const [i, j] of pairs) {
    if (i >= 0) {
      before = i;
      continue;
    }
    const mark = second[j];
    const after = before + 1;
    if (kindOf(mark.text) !== 'mark' || mark.confidence < SURE || before < 0 || after >= a.length) continue;
    if (kindOf(a[before].text) !== 'han' || kindOf(a[after].text) !== 'han' || wordOf[before] === wordOf[after]) continue;
    const left = first.words[wordOf[before]].bbox;
    const right = first.words[wordOf[after]].bbox;
    const gap = right.x0 - left.x1;
    if (gap < LOST_MARK_GAP * em || gap > MAX_LOST_MARK_GAP * em) continue;
    const text = FULL_WIDTH_MARK[mark.text] ?? mark.text;
    found.set(wordOf[before], { text, confidence: Math.min(DISPUTED, mark.confidence), bbox: { x0: left.x1, y0: left.y0, x1: right.x0, y1: left.y1 } });
  }
  return found;
}

/** Another reading's characters, and their pairs with the first's (index in the first, index in the other; -1 where one has none). */
interface Alignment {
  chars: readonly Char[];
  pairs: ReadonlyArray<readonly [number, number]>;
}

/**
 * `other` aligned with `first` by edit distance; no pairs when `other` is empty or differs from
 * `first` in more than `MAX_DISTANCE` of its characters (and more than one): not a reading of the
 * same line.
 */
function aligned(first: readonly Char[], other: readonly Char[]): Alignment {
  if (other.length === 0) return { chars: other, pairs: [] };
  const pairs = editAlignment(
    first.map((c) => c.text),
    other.map((c) => c.text),
  );
  const distance = pairs.filter(([i, j]) => i < 0 || j < 0 || first[i].text !== other[j].text).length;
  return { chars: other, pairs: distance > Math.max(1, MAX_DISTANCE * first.length) ? [] : pairs };
}

/** The characters another reading reads in place of those of `first` (by their index in `first`). */
function substitutions(first: readonly Char[], { chars, pairs }: Alignment): Map<number, Char> {
  const found = new Map<number, Char>();
  for (const [i, j] of pairs) if (i >= 0 && j >= 0 && first[i].text !== chars[j].text) found.set(i, chars[j]);
  return found;
}

function charsOf(words: readonly OcrWord[]): Char[] {
  return words.flatMap((w) => [...w.text].filter((ch) => !/\s/u.test(ch)).map((text) => ({ text, confidence: w.confidence })));
}

/** Marks that end or divide a sentence, which OCR reads one for another (完整；保后 read 完整，保后). */
const SENTENCE_MARK = /^[，,；;。：:、]$/u;

/** The same character, in its full-width or its ASCII form (， and ,). */
function sameCharacter(a: string, b: string): boolean {
  return toHalfWidth(a) === toHalfWidth(b);
}

function kindOf(ch: string): 'han' | 'digit' | 'mark' | 'other' {
  if (/\p{Script=Han}/u.test(ch)) return 'han';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  if (SENTENCE_MARK.test(ch)) return 'mark';
  return 'other';
}
