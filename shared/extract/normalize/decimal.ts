/**
 * Exact decimal arithmetic on digit strings: no value here ever passes through a float.
 */

/**
 * Reads figures with optional thousands separators and returns a plain decimal string:
 * "1,260.5" -> "1260.5". Grouping must be regular (1-3 digits, then groups of exactly 3),
 * so "1,2600" and "1.260,5" are refused.
 */
export function readFigures(s: string): string | undefined {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(s);
  return m ? m[1].replaceAll(',', '') + (m[2] ?? '') : undefined;
}

/**
 * Figures in yuan and fen whose thousands separators OCR garbled: read as full stops or
 * semicolons, or doubled (5,661.027.48, 104,.474.85, 1;,341.51), grouped by commas again;
 * undefined for anything else.
 */
export function regroupedFigures(figures: string): string | undefined {
  if (!/^\d{1,3}(?:[.,;；]{1,2}\d{3})+[.,]\d{2}$/u.test(figures)) return undefined;
  const groups = figures.split(/[.,;；]+/u);
  return `${groups.slice(0, -1).join(',')}.${groups.at(-1)}`;
}

/**
 * `decimal` × 10^`shift` as an exact integer: scaleDecimal("1260.5", 6) = 1260500000n.
 * Undefined when a non-zero digit would fall below the unit: scaleDecimal("12345.678", 2).
 */
export function scaleDecimal(decimal: string, shift: number): bigint | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!m || shift < 0) return undefined;
  const fraction = m[2] ?? '';
  if (/[1-9]/.test(fraction.slice(shift))) return undefined;
  return BigInt(m[1] + fraction.slice(0, shift).padEnd(shift, '0'));
}

/** A bigint as a JavaScript number when it is exactly representable, otherwise undefined. */
export function toSafeInteger(n: bigint): number | undefined {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(n) : undefined;
}
