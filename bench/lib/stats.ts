/** Small statistics and timing helpers for the benchmarks. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds `fn` takes, and its result. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** Runs `fn` `runs` times in a row; returns every duration in milliseconds. */
export async function repeat(runs: number, fn: (run: number) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await fn(run);
    out.push(performance.now() - start);
  }
  return out;
}

export const perMinute = (count: number, ms: number) => (count * 60_000) / ms;

/** A number with `digits` significant decimals, grouped like 12,345.6. */
export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024), 2)} MB`;
  if (bytes >= 1024) return `${fmt(bytes / 1024, 1)} KB`;
  return `${bytes} B`;
}

export const pct = (ratio: number, digits = 1) => (Number.isFinite(ratio) ? `${fmt(ratio * 100, digits)}%` : 'n/a');
