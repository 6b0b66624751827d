/**
 * How Chinese paperwork prints dates, money, rates and counts. Each formatter maps an exact
 * normalized value (ISO date, integer fen, basis points, hundredths) to one printed form.
 */

const LOWER_DIGITS = '〇一二三四五六七八九';
const UPPER_DIGITS = '零壹贰叁肆伍陆柒捌玖';

export type DateStyle = 'ymd' | 'ymd-padded' | 'zh-numerals' | 'dot' | 'dot-padded' | 'dash' | 'slash';

export const DATE_STYLES: readonly DateStyle[] = ['ymd', 'ymd-padded', 'zh-numerals', 'dot', 'dot-padded', 'dash', 'slash'];

function parseIso(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** 1..99 in Chinese numerals: 5 -> 五, 10 -> 十, 12 -> 十二, 20 -> 二十, 31 -> 三十一. */
export function smallZhNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`out of range: ${n}`);
  if (n < 10) return LOWER_DIGITS[n] === '〇' ? '零' : LOWER_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : LOWER_DIGITS[tens]) + '十' + (ones ? LOWER_DIGITS[ones] : '');
}

export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = parseIso(iso);
  const p2 = (n: number) => String(n).padStart(2, '0');
  switch (style) {
    case 'ymd':
      return `${y}年${m}月${d}日`;
    case 'ymd-padded':
      return `${y}年${p2(m)}月${p2(d)}日`;
    case 'zh-numerals':
      return `${[...String(y)].map((c) => LOWER_DIGITS[Number(c)]).join('')}年${smallZhNumber(m)}月${smallZhNumber(d)}日`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'dot-padded':
      return `${y}.${p2(m)}.${p2(d)}`;
    case 'dash':
      return `${y}-${p2(m)}-${p2(d)}`;
    case 'slash':
      return `${y}/${m}/${d}`;
  }
}

const WEEKDAYS = '日一二三四五六';

/** 星期二 for an ISO date. */
export function weekdayZh(iso: string): string {
  const [y, m, d] = parseIso(iso);
  return `星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parseIso(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isoDate(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

/** Days in a month (m 1-based). */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A whole number of yuan in capital numerals (大写): 5000000 -> 伍佰万, 1005000 -> 壹佰万零伍仟. */
export function upperInteger(n: bigint): string {
  if (n < 0n) throw new RangeError('negative');
  if (n === 0n) return '零';
  const digits = n.toString();
  if (digits.length > 16) throw new RangeError('too large');
  const units = ['', '拾', '佰', '仟'];
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    const pos = digits.length - 1 - i;
    const sectionEnd = pos % 4 === 0 && pos > 0;
    const sectionUnit = pos % 8 === 0 ? '亿' : '万';
    if (d === 0) {
      pendingZero = true;
      if (sectionEnd && /[1-9]/.test(digits.slice(Math.max(0, i - 3), i + 1))) out += sectionUnit;
      continue;
    }
    if (pendingZero && out) out += '零';
    pendingZero = false;
    out += UPPER_DIGITS[d] + units[pos % 4];
    if (sectionEnd) out += sectionUnit;
  }
  return out;
}

/** 人民币 capital amount: 500000000 fen -> 伍佰万元整; 123456 fen -> 壹仟贰佰叁拾肆元伍角陆分. */
export function moneyUpper(fen: number): string {
  assertFen(fen);
  const yuan = BigInt(Math.floor(fen / 100));
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let s = yuan > 0n ? `${upperInteger(yuan)}元` : '';
  if (jiao) s += `${UPPER_DIGITS[jiao]}角`;
  else if (cents && yuan > 0n) s += '零';
  if (cents) s += `${UPPER_DIGITS[cents]}分`;
  else s += '整';
  return s;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen <= 0) throw new RangeError(`money must be a positive integer of fen: ${fen}`);
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 5000000.00 with optional thousands separators. */
export function yuanDecimal(fen: number, separators = true, decimals: 0 | 2 = 2): string {
  assertFen(fen);
  if (decimals === 0 && fen % 100 !== 0) throw new RangeError('not whole yuan');
  const int = String(Math.floor(fen / 100));
  const head = separators ? group(int) : int;
  return decimals === 2 ? `${head}.${String(fen % 100).padStart(2, '0')}` : head;
}

/** Amount in 万元 with up to `maxDecimals` decimals, exact or throws: 12600000000 fen -> 1,260 (万). */
export function wanDecimal(fen: number, opts: { separators?: boolean; fixed?: 0 | 2 | 4 } = {}): string {
  assertFen(fen);
  // 1 万元 = 1,000,000 fen. Exact only when fen is a multiple of 100 (i.e. whole yuan, 4 decimals).
  if (fen % 100 !== 0) throw new RangeError('not whole yuan');
  const yuan = fen / 100;
  const int = Math.floor(yuan / 10000);
  let frac = String(yuan % 10000).padStart(4, '0');
  if (opts.fixed === undefined) frac = frac.replace(/0+$/, '');
  else if (opts.fixed === 2) {
    if (!frac.endsWith('00')) throw new RangeError('needs more than 2 decimals');
    frac = frac.slice(0, 2);
  } else if (opts.fixed === 0) {
    if (frac !== '0000') throw new RangeError('not whole 万');
    frac = '';
  }
  const head = opts.separators === false ? String(int) : group(String(int));
  return frac ? `${head}.${frac}` : head;
}

export type MoneyStyle =
  | 'upper' // 人民币伍佰万元整
  | 'upper-bare' // 伍佰万元整
  | 'wan' // 500万元 / 1,260万元 / 312.5万元
  | 'wan-fixed' // 500.00万元
  | 'rmb-wan' // 人民币500万元
  | 'yuan-sign' // ¥5,000,000.00
  | 'yuan' // 5,000,000.00元
  | 'yuan-plain' // 5000000元
  | 'upper-with-figures'; // 人民币伍佰万元整（¥5,000,000.00）

export const MONEY_STYLES: readonly MoneyStyle[] = [
  'upper',
  'upper-bare',
  'wan',
  'wan-fixed',
  'rmb-wan',
  'yuan-sign',
  'yuan',
  'yuan-plain',
  'upper-with-figures',
];

/** Whether a style can print the amount exactly. */
export function moneyStyleFits(fen: number, style: MoneyStyle): boolean {
  try {
    formatMoney(fen, style);
    return true;
  } catch {
    return false;
  }
}

export function formatMoney(fen: number, style: MoneyStyle): string {
  switch (style) {
    case 'upper':
      return `人民币${moneyUpper(fen)}`;
    case 'upper-bare':
      return moneyUpper(fen);
    case 'wan':
      return `${wanDecimal(fen)}万元`;
    case 'wan-fixed':
      return `${wanDecimal(fen, { fixed: 2 })}万元`;
    case 'rmb-wan':
      return `人民币${wanDecimal(fen)}万元`;
    case 'yuan-sign':
      return `¥${yuanDecimal(fen)}`;
    case 'yuan':
      return `${yuanDecimal(fen)}元`;
    case 'yuan-plain':
      return `${yuanDecimal(fen, false, fen % 100 === 0 ? 0 : 2)}元`;
    case 'upper-with-figures':
      return `人民币${moneyUpper(fen)}（¥${yuanDecimal(fen)}）`;
  }
}

/** Basis points as a percentage: 435 -> 4.35%; `trim` drops trailing zeros (430 -> 4.3%). */
export function formatPercent(bp: number, trim = false): string {
  if (!Number.isSafeInteger(bp) || bp < 0) throw new RangeError(`basis points must be a non-negative integer: ${bp}`);
  let s = `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
  if (trim) s = s.replace(/\.?0+$/, '');
  return `${s}%`;
}

/** Hundredths as a multiple: 352 -> 3.52倍. */
export function formatMultiple(hundredths: number, trim = false): string {
  if (!Number.isSafeInteger(hundredths) || hundredths < 0) throw new RangeError(`bad multiple: ${hundredths}`);
  let s = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
  if (trim) s = s.replace(/\.?0+$/, '');
  return `${s}倍`;
}

export function formatCount(n: number, separators: boolean): string {
  return separators ? group(String(n)) : String(n);
}

/** Puts ideographic spaces between the characters of a short label: 编号 -> 编　　号, 主持人 -> 主 持 人. */
export function spacedLabel(label: string, width = 4): string {
  const chars = [...label];
  if (chars.length >= width || chars.length < 2) return label;
  if (chars.length === 2 && width === 4) return `${chars[0]}　　${chars[1]}`;
  if (chars.length === 3 && width === 4) return chars.join(' ');
  return chars.join('　');
}

/** 一、二、… numbering for sections and items. */
export function zhOrdinal(n: number): string {
  return smallZhNumber(n);
}
