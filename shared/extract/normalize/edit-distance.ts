/** What each edit costs when one text is turned into another (by code point). */
export interface EditCosts {
  /** `a` read where `b` stands. */
  change(a: string, b: string): number;
  /** `a` read where nothing stands. */
  drop(a: string): number;
  /** `b` lost in the reading. */
  add(b: string): number;
}

const UNIT: EditCosts = { change: (a, b) => (a === b ? 0 : 1), drop: () => 1, add: () => 1 };

/** The cheapest way to turn `a` into `b`: the Levenshtein distance, or with the costs given. */
export function editDistance(a: string, b: string, costs: EditCosts = UNIT): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = [0];
  for (let j = 1; j <= t.length; j++) prev.push(prev[j - 1] + costs.add(t[j - 1]));
  for (let i = 1; i <= s.length; i++) {
    const cur = [prev[0] + costs.drop(s[i - 1])];
    for (let j = 1; j <= t.length; j++) {
      cur.push(Math.min(prev[j] + costs.drop(s[i - 1]), cur[j - 1] + costs.add(t[j - 1]), prev[j - 1] + costs.change(s[i - 1], t[j - 1])));
    }
    prev = cur;
  }
  return prev[t.length];
}

/**
 * An alignment of `a` and `b` (code points, or any items) of least Levenshtein distance, in
 * order: pairs [i, j] of items matched or changed, [i, -1] for an item of `a` that `b` lacks,
 * [-1, j] for one of `b` that `a` lacks.
 */
export function editAlignment(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const change = (i: number, j: number) => (a[i - 1] === b[j - 1] ? 0 : 1);
  const d = Array.from({ length: a.length + 1 }, (_, i) => Int32Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + change(i, j));
  }
  const pairs: Array<[number, number]> = [];
  for (let i = a.length, j = b.length; i > 0 || j > 0; ) {
    if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + change(i, j)) pairs.push([--i, --j]);
    else if (i > 0 && d[i][j] === d[i - 1][j] + 1) pairs.push([--i, -1]);
    else pairs.push([-1, --j]);
  }
  return pairs.reverse();
}
