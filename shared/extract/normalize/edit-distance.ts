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
