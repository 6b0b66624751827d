/**
 * Character error rate: the edit distance (insertions, deletions, substitutions) between what
 * was read and the true text, divided by the length of the true text. Both sides are compared
 * half-width and without white space, so spacing and full-width punctuation (：vs :) do not
 * count as errors; everything else does, including text read in another order.
 */
import { toHalfWidth } from '../../shared/extract/normalize/text.js';

export function normalizeForCer(text: string): string[] {
  return [...toHalfWidth(text).normalize('NFKC').replace(/\s+/gu, '')];
}

/** Levenshtein distance over code points, in O(min(a, b)) memory. */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length < b.length) [a, b] = [b, a];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

export interface CerCount {
  /** Edit operations needed. */
  errors: number;
  /** Characters of the true text. */
  reference: number;
}

export function cerCount(read: string, truth: string): CerCount {
  const ref = normalizeForCer(truth);
  return { errors: editDistance(normalizeForCer(read), ref), reference: ref.length };
}

/** Character error rate of several texts together (total errors over total reference characters). */
export function cerOf(counts: readonly CerCount[]): number {
  const reference = counts.reduce((n, c) => n + c.reference, 0);
  return reference === 0 ? Number.NaN : counts.reduce((n, c) => n + c.errors, 0) / reference;
}
