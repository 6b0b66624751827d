/**
 * A second opinion on the characters the engine doubts. Lines holding a word of Chinese or
 * figures read with little confidence are read once more by a second model (the engine's
 * `secondOpinion`, e.g. Tesseract's float chi_sim model beside the integer one it reads pages
 * with), stacked on one sheet. The two readings of each line are aligned character by
 * character; where they differ, a character of the same kind (Chinese for Chinese, a figure for
 * a figure) that the second model is sure of, and surer than the first, replaces the first.
 * Characters one reading has and the other lacks stay as first read, and a second reading far
 * from the first (a crop of ruling lines and specks, another line caught in the box) is not
 * taken at all. It runs after the marks (tick boxes, signature places) are found, whose labels
 * are matched on the first reading.
 */
import type { OcrLine, OcrPage, OcrWord } from '../domain/text.js';
import { joinWords } from '../adapters/ocr-geometry.js';
import { editAlignment } from '../extract/normalize/edit-distance.js';
import type { Gray } from './preprocess.js';
import { linesBySlot, stackRegions, type Sheet } from './sheet.js';

/**
 * A line is doubtful when one of its words holding Chinese or figures is read with less
 * confidence than this (the confidence below which a value goes to review).
 */
const DOUBT = 0.75;
/** A character is replaced only by one the second model reads with at least this confidence … */
const SURE = 0.8;
/** … and more confidence than the first model had in its own, by this much. */
const MARGIN = 0.1;
/**
 * The highest confidence a replaced character may have: below `DOUBT`, so that a value the two
 * models read differently goes to a person however sure the second one was.
 */
const DISPUTED = 0.7;
/** A second reading differing from the first in more than this share of its characters (and more than one) is not taken. */
const MAX_DISTANCE = 0.4;

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

/** The page with each doubtful line merged with its second reading (see `mergeReadings`). */
export function withSecondOpinion(page: OcrPage, sheet: DoubtfulLines, read: OcrPage): OcrPage {
  const lines = [...page.lines];
  linesBySlot(sheet, read).forEach((second, slot) => {
    const i = sheet.lines[slot];
    lines[i] = mergeReadings(lines[i], second.flatMap((l) => l.words));
  });
  return { ...page, lines };
}

interface Char {
  text: string;
  confidence: number;
}

/**
 * `first` with the characters `second` (the same line's words as another model read them)
 * reads better: aligned by edit distance, a substituted character is taken from `second` when
 * it is of the same kind and its word's confidence is at least `SURE` and exceeds the first's
 * by `MARGIN`. A word's confidence is then its weakest character's, a replaced one counting the
 * chance that the second reading is right and the first wrong (second × (1 − first)), and never
 * more than `DISPUTED`, since the models disagreed.
 */
export function mergeReadings(first: OcrLine, second: readonly OcrWord[]): OcrLine {
  const a = charsOf(first.words);
  const b = charsOf(second);
  if (a.length === 0 || b.length === 0) return first;
  const pairs = editAlignment(
    a.map((c) => c.text),
    b.map((c) => c.text),
  );
  const distance = pairs.filter(([i, j]) => i < 0 || j < 0 || a[i].text !== b[j].text).length;
  if (distance > Math.max(1, MAX_DISTANCE * a.length)) return first;
  const taken = new Map<number, Char>();
  for (const [i, j] of pairs) {
    if (i < 0 || j < 0 || a[i].text === b[j].text) continue;
    const kind = kindOf(a[i].text);
    if (kind !== 'other' && kind === kindOf(b[j].text) && b[j].confidence >= Math.max(SURE, a[i].confidence + MARGIN)) {
      taken.set(i, { text: b[j].text, confidence: Math.min(DISPUTED, b[j].confidence * (1 - a[i].confidence)) });
    }
  }
  if (taken.size === 0) return first;
  let k = 0;
  const words = first.words.map((word) => {
    const confidences: number[] = [];
    const text = [...word.text]
      .map((ch) => {
        if (/\s/u.test(ch)) return ch;
        const swap = taken.get(k++);
        confidences.push(swap?.confidence ?? word.confidence);
        return swap?.text ?? ch;
      })
      .join('');
    return text === word.text ? word : { ...word, text, confidence: Math.min(...confidences) };
  });
  return { ...first, text: joinWords(words.map((w) => w.text)), words };
}

function charsOf(words: readonly OcrWord[]): Char[] {
  return words.flatMap((w) => [...w.text].filter((ch) => !/\s/u.test(ch)).map((text) => ({ text, confidence: w.confidence })));
}

function kindOf(ch: string): 'han' | 'digit' | 'other' {
  if (/\p{Script=Han}/u.test(ch)) return 'han';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  return 'other';
}
