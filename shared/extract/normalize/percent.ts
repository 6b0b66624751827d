/**
 * Rates, multiples and counts, as exact integers.
 *
 * Rates are basis points (hundredths of a percent): 4.35% -> 435, 百分之四点三五 -> 435,
 * 0.5‰ -> 5. A rate needs its sign (%, ‰, 百分之, 千分之): a bare 4.35 could be a fraction or a
 * percentage. More precision than a basis point (4.355%) is refused.
 * Multiples are hundredths: 3.52倍 -> 352. Counts are whole numbers: 1,234户, 十二人.
 */
import { NUMERAL_CHARS, parseChineseDecimal, parseChineseInteger } from './chineseNumerals.js';
import { readFigures, scaleDecimal, toSafeInteger } from './decimal.js';
import { fail, ok, valueOf, type Reading } from './reading.js';
import { compactValue } from './text.js';

export interface Percent {
  bp: number;
}

/** Figures (1,234.5) or Chinese numerals (四点三五) as a plain decimal string. */
function readDecimal(s: string): string | undefined {
  return readFigures(s) ?? parseChineseDecimal(s);
}

/** `decimal` × 10^`shift` as an exact safe integer. */
function scaled(decimal: string | undefined, shift: number): number | undefined {
  const n = decimal === undefined ? undefined : scaleDecimal(decimal, shift);
  return n === undefined ? undefined : toSafeInteger(n);
}

/** Reads a rate to basis points, or says why it cannot. */
export function readPercent(s: string): Reading<Percent> {
  const v = compactValue(s);
  const signed = /^(.+)([%‰])$/.exec(v);
  const worded = /^([百千])分之(.+)$/.exec(v);
  const number = signed?.[1] ?? worded?.[2];
  const perMille = signed?.[2] === '‰' || worded?.[1] === '千';
  const decimal = number === undefined ? undefined : readDecimal(number);
  if (decimal === undefined) return fail(`无法识别为百分比：${v}`);
  const bp = scaled(decimal, perMille ? 1 : 2);
  return bp === undefined ? fail(`百分比精确到万分之一以下，无法精确读取：${v}`) : ok({ bp });
}

/** Reads a rate to basis points (4.35% -> 435), or undefined. */
export function parsePercent(s: string): Percent | undefined {
  return valueOf(readPercent(s));
}

/** Reads a multiple to hundredths (3.52倍 -> 352, 三点五倍 -> 350), or says why it cannot. */
export function readMultiple(s: string): Reading<number> {
  const v = compactValue(s);
  const decimal = readDecimal(v.replace(/倍$/, ''));
  if (decimal === undefined) return fail(`无法识别为倍数：${v}`);
  const hundredths = scaled(decimal, 2);
  return hundredths === undefined ? fail(`倍数精确到百分之一以下，无法精确读取：${v}`) : ok(hundredths);
}

export function parseMultiple(s: string): number | undefined {
  return valueOf(readMultiple(s));
}

const COUNT_TOKEN = new RegExp(`\\d[\\d,.]*|[${NUMERAL_CHARS}]+`, 'g');
const COUNTER = /[人户家名位个笔项件次份票张条]/;

/**
 * Reads a count from a value that may still carry its label: "新增户数 1,234户" -> 1234,
 * "应到七人" -> 7, "十二人" -> 12. The number before a counter word (人, 户, 家, 笔 …) is taken;
 * without one, the only number in the text. Ordinals (第一次) are not counts. Refused when there
 * is no number, more than one candidate, or a number that is not a whole number.
 */
export function readCount(s: string): Reading<number> {
  const v = compactValue(s);
  const numbers = [...v.matchAll(COUNT_TOKEN)].filter((m) => v[m.index - 1] !== '第');
  const counted = numbers.filter((m) => COUNTER.test(v[m.index + m[0].length] ?? ''));
  const candidates = counted.length > 0 ? counted : numbers;
  if (candidates.length !== 1 || /\d \d/.test(v)) return fail(candidates.length === 0 ? `未找到数量：${v}` : `数量不唯一：${v}`);
  const token = candidates[0][0];
  const figures = readFigures(token);
  const n = /^\d/.test(token) ? (figures !== undefined && /^\d+$/.test(figures) ? BigInt(figures) : undefined) : parseChineseInteger(token);
  const count = n === undefined ? undefined : toSafeInteger(n);
  return count === undefined ? fail(`数量不是整数：${token}`) : ok(count);
}

export function parseCount(s: string): number | undefined {
  return valueOf(readCount(s));
}
