/**
 * Chinese numerals, shared by the date, money, percent and count readers.
 *
 * Both the everyday forms (一二三, 十百千) and the financial capitals (壹贰叁, 拾佰仟) are read,
 * with the large units 万 and 亿. The grammar is the one the payment-settlement rules
 * (《支付结算办法》) prescribe for amounts in capitals, and it is applied strictly, because a
 * 零 that must be there is a check against characters lost by OCR:
 * - every gap between two written digits is marked by exactly one 零 (一千零五, 贰拾万零叁佰);
 * - the one exception: right after an explicit 万 or 亿, a digit in the thousands place of the
 *   next group needs no 零 (壹拾万柒仟 = 107000, as well as 壹拾万零柒仟);
 * - a bare 十 (= 一十) is accepted only as the first character (十二, 拾万);
 * - a trailing digit without its unit is refused unless it follows 十 or 零: 一百五 and 一万五
 *   are colloquial for 150 and 15000 but read literally as 105 and 10005, so they are ambiguous;
 * - a 零 that marks no gap (壹万零柒仟), a doubled 零, repeated or misordered units are refused.
 */

/** Non-zero digits, simplified, capital and traditional forms. */
const DIGITS: Readonly<Record<string, number>> = {
  一: 1, 壹: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
const ZEROS = '零〇';
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };

/** Characters of a non-zero digit (for regular-expression classes). */
export const NONZERO_DIGIT_CHARS = Object.keys(DIGITS).join('');
/** Every character a Chinese integer may contain (for regular-expression classes). */
export const NUMERAL_CHARS = NONZERO_DIGIT_CHARS + ZEROS + Object.keys(SMALL_UNITS).join('') + Object.keys(LARGE_UNITS).join('');
/** Characters of a digit written digit by digit, as in years (二〇二四, 二○二四, 二零二四). */
export const DIGIT_SEQUENCE_CHARS = NONZERO_DIGIT_CHARS.replace(/[两兩]/g, '') + ZEROS + '○';

/** A digit and its power of ten, or the mark left by a large unit (万 or 亿) at its own power. */
interface Item {
  digit: number;
  pos: number;
  zeroBefore: boolean;
  largeUnit: boolean;
}

/** Reads a Chinese integer (一千零五, 壹亿零伍拾万, 拾万, 零) exactly, or undefined. */
export function parseChineseInteger(s: string): bigint | undefined {
  const chars = [...s];
  if (chars.length === 1 && ZEROS.includes(chars[0])) return 0n;
  const items: Item[] = [];
  let pending: number | undefined; // a digit waiting for its unit
  let zero = false; // a 零 was read since the last digit
  let groupStart = 0; // first item not yet multiplied by 万
  let segmentStart = 0; // first item not yet multiplied by 亿
  let wan = false;
  let yi = false;
  const push = (digit: number, pos: number, largeUnit = false) => {
    items.push({ digit, pos, zeroBefore: zero, largeUnit });
    pending = undefined;
    zero = false;
  };
  const shift = (from: number, by: number) => items.slice(from).forEach((item) => (item.pos += by));
  const hasDigitsFrom = (from: number) => items.slice(from).some((item) => !item.largeUnit);

  for (const [i, ch] of chars.entries()) {
    if (ch in DIGITS) {
      if (pending !== undefined) return undefined;
      pending = DIGITS[ch];
    } else if (ZEROS.includes(ch)) {
      if (pending !== undefined || zero || items.length === 0) return undefined;
      zero = true;
    } else if (ch in SMALL_UNITS) {
      if (pending === undefined && !(i === 0 && SMALL_UNITS[ch] === 1)) return undefined;
      push(pending ?? 1, SMALL_UNITS[ch]);
    } else if (ch in LARGE_UNITS) {
      if (pending !== undefined) push(pending, 0);
      if (zero) return undefined;
      if (LARGE_UNITS[ch] === 4) {
        if (wan || !hasDigitsFrom(groupStart)) return undefined;
        shift(groupStart, 4);
        push(0, 4, true);
        wan = true;
      } else {
        if (yi || !hasDigitsFrom(segmentStart)) return undefined;
        shift(segmentStart, 8);
        push(0, 8, true);
        yi = true;
        wan = false;
        segmentStart = items.length;
      }
      groupStart = items.length;
    } else {
      return undefined;
    }
  }
  if (pending !== undefined) push(pending, 0);
  if (zero) return undefined;
  return valueOfItems(items);
}

/** Checks the order of powers and the placement of 零, and adds up the digits. */
function valueOfItems(items: Item[]): bigint | undefined {
  let previous: Item | undefined;
  let total = 0n;
  for (const [i, item] of items.entries()) {
    if (item.largeUnit) continue;
    if (previous) {
      if (item.pos >= previous.pos) return undefined;
      const gap = previous.pos - item.pos - 1;
      const before = items[i - 1];
      const afterLargeUnit = before.largeUnit && before.pos === item.pos + 1;
      if (gap === 0 && item.zeroBefore) return undefined;
      if (gap > 0 && !item.zeroBefore && !afterLargeUnit) return undefined;
    }
    total += BigInt(item.digit) * 10n ** BigInt(item.pos);
    previous = item;
  }
  return previous ? total : undefined;
}

/** Reads digits written one by one (二〇二四 -> "2024"), or undefined. */
export function parseChineseDigits(s: string): string | undefined {
  let out = '';
  for (const ch of s) {
    if (!DIGIT_SEQUENCE_CHARS.includes(ch)) return undefined;
    out += ch in DIGITS ? String(DIGITS[ch]) : '0';
  }
  return out === '' ? undefined : out;
}

/** Reads a Chinese decimal (四点三五 -> "4.35", 七十 -> "70", 零点五 -> "0.5"), or undefined. */
export function parseChineseDecimal(s: string): string | undefined {
  const [whole, fraction, ...rest] = s.split(/[点點]/);
  if (rest.length > 0) return undefined;
  const integer = parseChineseInteger(whole);
  if (integer === undefined) return undefined;
  if (fraction === undefined) return String(integer);
  const digits = parseChineseDigits(fraction);
  return digits === undefined ? undefined : `${integer}.${digits}`;
}
