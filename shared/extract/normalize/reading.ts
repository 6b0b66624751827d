/**
 * The outcome of reading one value exactly. A reader never guesses: when the text does not
 * determine the value, it says why (in Chinese, so the reason can be shown to a clerk as is).
 */
export type Reading<T> = { ok: true; value: T } | { ok: false; reason: string };

export function ok<T>(value: T): Reading<T> {
  return { ok: true, value };
}

export function fail<T = never>(reason: string): Reading<T> {
  return { ok: false, reason };
}

/** The value of a reading, or `undefined` when it could not be read exactly. */
export function valueOf<T>(reading: Reading<T>): T | undefined {
  return reading.ok ? reading.value : undefined;
}
