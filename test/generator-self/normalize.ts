/**
 * Independent readers of printed values, written separately from the generator's formatters,
 * so a test can check that a printed form really means its truth value.
 */

const ZH_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function zhSmall(s: string): number {
  if (s.includes('十')) {
    const [tens, ones] = s.split('十');
    return (tens ? ZH_DIGIT[tens] : 1) * 10 + (ones ? ZH_DIGIT[ones] : 0);
  }
  return ZH_DIGIT[s];
}

export function readDate(text: string): string | undefined {
  const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  let m = /^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$/.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^([〇一二三四五六七八九]{4})年([十一二三四五六七八九]+)月([十一二三四五六七八九]+)日$/.exec(text);
  if (m) return iso(Number([...m[1]].map((c) => ZH_DIGIT[c]).join('')), zhSmall(m[2]), zhSmall(m[3]));
  return undefined;
}

const UPPER: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
const SMALL_UNIT: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** 伍佰万元整 -> 500000000 fen. */
function readUpper(text: string): number | undefined {
  const m = /^(?:人民币)?(.*?)元(?:(.)角)?(?:零)?(?:(.)分)?整?$/.exec(text);
  if (!m) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of m[1]) {
    if (ch in UPPER) digit = UPPER[ch];
    else if (ch in SMALL_UNIT) {
      section += digit * SMALL_UNIT[ch];
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit) * 100_000_000;
      section = digit = 0;
    } else return undefined;
  }
  const yuan = total + section + digit;
  return yuan * 100 + (m[2] ? UPPER[m[2]] * 10 : 0) + (m[3] ? UPPER[m[3]] : 0);
}

/** Money in any printed form -> fen. `bareUnit` is what a bare number means (a table's 单位). */
export function readMoney(text: string, bareUnit: '元' | '万元' = '元'): number | undefined {
  const t = text.replace(/（.*）$/, '');
  if (/[壹贰叁肆伍陆柒捌玖]/.test(t)) return readUpper(t);
  const m = /^(?:人民币)?¥?([\d,]+(?:\.\d+)?)(万元|元)?$/.exec(t);
  if (!m) return undefined;
  const [int, frac = ''] = m[1].replace(/,/g, '').split('.');
  const unit = m[2] ?? bareUnit;
  // Exact decimal arithmetic on strings: scale to fen.
  const scale = unit === '万元' ? 6 : 2;
  if (frac.length > scale) return undefined;
  return Number(int + frac.padEnd(scale, '0'));
}

/** 4.35% or bare 4.35 -> 435 basis points; 3.52倍 -> 352 hundredths. */
export function readHundredths(text: string): number | undefined {
  const m = /^(\d+)(?:\.(\d{1,2}))?(%|倍)?$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1,236户 / 7人 -> number. */
export function readCount(text: string): number | undefined {
  const m = /^([\d,]+)(户|人)?$/.exec(text);
  return m ? Number(m[1].replace(/,/g, '')) : undefined;
}

/** Text without any whitespace (ASCII or ideographic). */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/**
 * Whether `needle` is printed in `hay`: as a substring, or (when table cells or labels on
 * the same baseline interleave with a wrapped value) with its characters in order inside a
 * short window.
 */
export function printedIn(hay: string, needle: string, slack = 40): boolean {
  const h = squash(hay);
  const n = squash(needle);
  if (h.includes(n)) return true;
  for (let start = h.indexOf(n[0]); start !== -1; start = h.indexOf(n[0], start + 1)) {
    let j = 0;
    for (let i = start; i < h.length && i - start <= n.length + slack && j < n.length; i++) if (h[i] === n[j]) j++;
    if (j === n.length) return true;
  }
  return false;
}
