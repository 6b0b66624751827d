/**
 * Approximate substring search (Sellers' algorithm): finds where `pattern` occurs in `text`
 * with at most `maxErrors` substituted, inserted or deleted characters. OCR confuses single
 * characters (会议→会仪, 认定→认走), so labels and key phrases are looked up this way.
 */
export interface FuzzyMatch {
  start: number;
  end: number;
  errors: number;
}

export function fuzzyFind(text: string, pattern: string, maxErrors: number): FuzzyMatch | undefined {
  return fuzzyFindAll(text, pattern, maxErrors)[0];
}

export function fuzzyFindAll(text: string, pattern: string, maxErrors: number): FuzzyMatch[] {
  const t = Array.from(text);
  const p = Array.from(pattern);
  const m = p.length;
  if (m === 0) return [];
  // prev[i] = edit distance between p[0..i) and the best suffix of t ending at the current column
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  let prevStart = Array.from({ length: m + 1 }, () => 0);
  const ends: FuzzyMatch[] = [];
  for (let j = 1; j <= t.length; j++) {
    const cur = [0];
    const curStart = [j];
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1] + (p[i - 1] === t[j - 1] ? 0 : 1);
      const del = prev[i] + 1;
      const ins = cur[i - 1] + 1;
      const best = Math.min(sub, del, ins);
      cur.push(best);
      curStart.push(best === sub ? prevStart[i - 1] : best === del ? prevStart[i] : curStart[i - 1]);
    }
    if (cur[m] <= maxErrors) ends.push({ start: curStart[m], end: j, errors: cur[m] });
    prev = cur;
    prevStart = curStart;
  }
  // keep, per overlapping run, the match with the fewest errors (then the longest)
  const chosen: FuzzyMatch[] = [];
  for (const e of ends) {
    const last = chosen.at(-1);
    if (last && e.start < last.end) {
      if (e.errors < last.errors || (e.errors === last.errors && e.end - e.start > last.end - last.start && e.start === last.start))
        chosen[chosen.length - 1] = e;
    } else chosen.push(e);
  }
  // convert code-point offsets to string offsets
  const offsets = codePointOffsets(text);
  return chosen.map((c) => ({ start: offsets[c.start], end: offsets[c.end], errors: c.errors }));
}

function codePointOffsets(text: string): number[] {
  const out = [0];
  let pos = 0;
  for (const ch of text) {
    pos += ch.length;
    out.push(pos);
  }
  return out;
}

/** Errors allowed for a phrase of this length: none for 1-2 characters, one up to 5, two beyond. */
export function errorBudget(phrase: string): number {
  const n = Array.from(phrase).length;
  return n <= 2 ? 0 : n <= 5 ? 1 : 2;
}
