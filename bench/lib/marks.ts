/**
 * Scoring of what the reader found on marks sheets against their truth: tick boxes (grouped
 * into rows, compared by position), signature places (top to bottom) and seals (per page).
 * Every function accepts pages on which the reader did not look (fields undefined).
 */
import type { BoundingBox, OcrPage, OcrSelection, OcrSignature } from '../../shared/domain/text.js';
import type { MarksSheetPageTruth, SignatureState } from '../../test/generator/index.js';

export interface Tally {
  correct: number;
  /** max(items in the truth, items detected), summed over pages. */
  total: number;
  truthItems: number;
  detectedItems: number;
  /** Pages on which the reader looked (the field was defined), of all pages. */
  looked: number;
  pages: number;
}

export const emptyTally = (): Tally => ({ correct: 0, total: 0, truthItems: 0, detectedItems: 0, looked: 0, pages: 0 });

export function addTallies(tallies: readonly Tally[]): Tally {
  const out = emptyTally();
  for (const t of tallies) {
    out.correct += t.correct;
    out.total += t.total;
    out.truthItems += t.truthItems;
    out.detectedItems += t.detectedItems;
    out.looked += t.looked;
    out.pages += t.pages;
  }
  return out;
}

const centre = (b: BoundingBox) => ({ x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2, h: Math.max(1, b.y1 - b.y0) });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

/**
 * Detected tick boxes grouped into rows by vertical overlap, rows top to bottom, boxes left to
 * right. What skew the page still has is taken out first (the median slope between boxes that
 * sit side by side), so a long row of a slanted scan stays one row.
 */
export function selectionRows(selections: readonly OcrSelection[]): OcrSelection[][] {
  const boxes = selections.map((s) => ({ s, ...centre(s.bbox) }));
  const slopes: number[] = [];
  for (const a of boxes) {
    let best: (typeof boxes)[number] | undefined;
    for (const b of boxes) {
      const dx = b.x - a.x;
      if (dx <= a.h || Math.abs(b.y - a.y) > 0.6 * Math.max(a.h, b.h) || dx > 15 * a.h) continue;
      if (!best || dx < best.x - a.x) best = b;
    }
    if (best) slopes.push((best.y - a.y) / (best.x - a.x));
  }
  const slope = slopes.length >= 3 ? median(slopes) : 0;
  const placed = boxes.map((b) => ({ ...b, level: b.y - slope * b.x })).sort((a, b) => a.level - b.level);
  const rows: { level: number; h: number; items: typeof placed }[] = [];
  for (const b of placed) {
    const row = rows[rows.length - 1];
    // Overlapping vertically by at least half the smaller box: the same row.
    if (row && Math.abs(b.level - row.level) <= 0.5 * Math.min(b.h, row.h)) {
      row.items.push(b);
      row.level = row.items.reduce((s, x) => s + x.level, 0) / row.items.length;
      row.h = row.items.reduce((s, x) => s + x.h, 0) / row.items.length;
    } else rows.push({ level: b.level, h: b.h, items: [b] });
  }
  return rows.sort((a, b) => a.level - b.level).map((r) => r.items.sort((a, b) => a.x - b.x).map((x) => x.s));
}

/**
 * Aligns two sequences in order (each item matched once, or left unmatched), maximizing the sum
 * of `score` over matched pairs: so one missed or spurious row does not shift all the rows below it.
 */
function alignInOrder<T, D>(truth: readonly T[], detected: readonly D[], score: (t: T, d: D) => number): number {
  const n = truth.length;
  const m = detected.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + score(truth[i - 1], detected[j - 1]));
    }
  }
  return best[n][m];
}

/**
 * Tick boxes of one page: rows aligned top to bottom, boxes within a row compared left to right
 * (ticked or not). A missing or extra box is an error: accuracy = correct / max(truth, detected).
 */
export function scoreTickBoxes(truth: MarksSheetPageTruth, page: OcrPage | undefined): Tally {
  const truthItems = truth.tickRows.reduce((n, r) => n + r.length, 0);
  const looked = page?.selections !== undefined;
  const rows = selectionRows(page?.selections ?? []).map((r) => r.map((s) => s.selected));
  const detectedItems = rows.reduce((n, r) => n + r.length, 0);
  const correct = alignInOrder(truth.tickRows, rows, (t, d) => t.reduce((n, ticked, k) => n + (k < d.length && d[k] === ticked ? 1 : 0), 0));
  return { correct, total: Math.max(truthItems, detectedItems), truthItems, detectedItems, looked: looked ? 1 : 0, pages: 1 };
}

/**
 * Signature places of one page, top to bottom: a detected place is right when `signed` equals
 * truth === 'signed' (a blank or refused place is not signed). Missing and extra places are errors.
 */
export function scoreSignatures(truth: readonly SignatureState[], page: OcrPage | undefined): Tally {
  const detected = [...(page?.signatures ?? [])].sort((a, b) => centre(a.bbox).y - centre(b.bbox).y);
  const correct = alignInOrder(truth, detected, (t: SignatureState, d: OcrSignature) => (d.signed === (t === 'signed') ? 1 : 0));
  return {
    correct,
    total: Math.max(truth.length, detected.length),
    truthItems: truth.length,
    detectedItems: detected.length,
    looked: page?.signatures !== undefined ? 1 : 0,
    pages: 1,
  };
}

export interface SealTally {
  /** Colour pages whose seal presence (seals found or not) matches the truth. */
  right: number;
  /** Colour pages. */
  colour: number;
  /** Colour pages on which the reader did not look (`seals` undefined): counted as wrong. */
  notLooked: number;
  /** Greyscale pages: a seal cannot be told by its colour there. */
  grayscale: number;
  /** Greyscale pages for which the reader (rightly) left `seals` undefined. */
  grayscaleUndefined: number;
  /** Sealed pages, of all pages. */
  sealed: number;
}

export function scoreSeals(sealed: boolean, grayscale: boolean, page: OcrPage | undefined): SealTally {
  const found = page?.seals;
  if (grayscale) return { right: 0, colour: 0, notLooked: 0, grayscale: 1, grayscaleUndefined: found === undefined ? 1 : 0, sealed: sealed ? 1 : 0 };
  return {
    right: found !== undefined && found.length > 0 === sealed ? 1 : 0,
    colour: 1,
    notLooked: found === undefined ? 1 : 0,
    grayscale: 0,
    grayscaleUndefined: 0,
    sealed: sealed ? 1 : 0,
  };
}

export function addSealTallies(tallies: readonly SealTally[]): SealTally {
  const out: SealTally = { right: 0, colour: 0, notLooked: 0, grayscale: 0, grayscaleUndefined: 0, sealed: 0 };
  for (const t of tallies) for (const k of Object.keys(out) as (keyof SealTally)[]) out[k] += t[k];
  return out;
}
