/**
 * Amounts of money to integer fen (1 元 = 100 分), computed on digit strings and bigints only.
 *
 * Figures: 5,000,000.00元, ¥5,000,000.00, RMB 500万, 1,260万元, 1260.5万元, 3.25亿元, 1，260万元.
 * Capitals and small numerals: 人民币伍佰万元整, 壹亿零伍拾万元整, 贰拾万零叁佰元, 拾万元, 两百万元,
 * 壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角捌分, following the rules of `chineseNumerals.ts`; after 元,
 * 零 is required before 分 when 角 is zero (叁佰贰拾伍元零肆分) and allowed before 角 only when the
 * 元 place is zero (壹仟陆佰捌拾元零叁角).
 *
 * The unit must be known: 元/圆, 角/分, a currency mark (人民币, RMB, CNY, ¥) or an explicit 万/亿
 * (amounts are in 元: 500万 = 500万元) fix it; a bare number ("5000") needs `defaultUnit`, typically
 * taken from a table header such as 单位：万元. An amount that does not come to a whole number of
 * fen (12,345.678元) is refused, as are mixed forms (5百万元).
 */
import { NONZERO_DIGIT_CHARS, NUMERAL_CHARS, parseChineseInteger } from './chineseNumerals.js';
import { readFigures, scaleDecimal, toSafeInteger } from './decimal.js';
import { CAPITAL_LOOKALIKES, capitalLike, capitalsOf, DOUBTFUL_CAPITAL_LOOKALIKES, reconcile } from './dual-money.js';
import { fail, ok, valueOf, type Reading } from './reading.js';
import { compactValue, toHalfWidth } from './text.js';

export type MoneyUnit = '元' | '万元' | '亿元';

export interface MoneyOptions {
  /** The unit of a bare number, e.g. from the table header 单位：万元. */
  defaultUnit?: MoneyUnit;
}

export interface Money {
  fen: number;
  /** 'capital' for any amount in Chinese numerals, 大写 or not. */
  form: 'figures' | 'capital';
}

const UNIT_EXPONENT: Readonly<Record<string, number>> = { 元: 0, 万元: 4, 亿元: 8, 万: 4, 亿: 8, 万亿: 12 };
const CURRENCY_MARK = /^(?:人民币|RMB|CNY)?¥?/i;
const FIGURES = /^([\d,]+(?:\.\d+)?)(万亿|亿|万)?([元圆])?[整正]?$/;
const CAPITAL = /^([^元圆]*?)([元圆])?((?:零?[^零角分]角)?(?:零?[^零角分]分)?)[整正]?$/;
const NUMERAL = new RegExp(`[${NUMERAL_CHARS}]`);
const FRACTION = new RegExp(`^(?:(零)?([${NONZERO_DIGIT_CHARS}])角)?(?:(零)?([${NONZERO_DIGIT_CHARS}])分)?$`);

/** Reads one amount, or says why it cannot. */
export function readMoney(s: string, opts: MoneyOptions = {}): Reading<Money> {
  const v = compactValue(s);
  const mark = CURRENCY_MARK.exec(v)![0];
  const marked = mark !== '';
  const body = v.slice(mark.length);
  if (body === '') return fail(`无法识别为金额：${v}`);
  if (/^[\d,.]/.test(body)) return readFiguresMoney(body, marked, opts);
  if (/\d/.test(body)) {
    return fail(NUMERAL.test(body) ? `金额中阿拉伯数字与汉字数字混用：${v}` : `无法识别为金额：${v}`);
  }
  return readCapitalMoney(body, marked, opts);
}

/** Reads one amount (see the module comment for the accepted forms), or undefined. */
export function parseMoney(s: string, opts?: MoneyOptions): Money | undefined {
  return valueOf(readMoney(s, opts));
}

function readFiguresMoney(body: string, marked: boolean, opts: MoneyOptions): Reading<Money> {
  const m = FIGURES.exec(body);
  const decimal = m && readFigures(m[1]);
  if (!m || !decimal) return fail(`无法识别为金额：${body}`);
  const base = baseExponent(marked || m[3] !== undefined, m[2] !== undefined, opts);
  if (base === undefined) return fail(`金额单位不明：${body}`);
  const fen = scaleDecimal(decimal, 2 + base + (m[2] ? UNIT_EXPONENT[m[2]] : 0));
  if (fen === undefined) return fail(`金额精确到分以下，无法精确读取：${body}`);
  return moneyOf(fen, 'figures', body);
}

function readCapitalMoney(body: string, marked: boolean, opts: MoneyOptions): Reading<Money> {
  const m = CAPITAL.exec(body);
  const fraction = m && FRACTION.exec(m[3]);
  if (!m || !fraction) return fail(`大写金额不规范：${body}`);
  const [, integerText, yuanMark] = m;
  const [, zeroBeforeJiao, jiaoChar, zeroBeforeFen, fenChar] = fraction;
  const hasFraction = m[3] !== '';
  const integer = integerText === '' ? undefined : parseChineseInteger(integerText);
  if (integerText === '' ? yuanMark !== undefined || !hasFraction : integer === undefined) {
    return fail(`大写金额不规范：${body}`);
  }
  const yuan = integer ?? 0n;
  // 零 after 元: before 角 only when the 元 place is zero, before 分 exactly when 角 is zero.
  const jiaoZeroWrong = zeroBeforeJiao !== undefined && (yuan === 0n || yuan % 10n !== 0n);
  const fenZeroWrong =
    fenChar !== undefined && (zeroBeforeFen !== undefined) !== (jiaoChar === undefined && integer !== undefined && yuan !== 0n);
  if (jiaoZeroWrong || fenZeroWrong) return fail(`大写金额中"零"的用法不规范：${body}`);
  const largeUnit = /[万萬亿億]$/.test(integerText);
  const base = baseExponent(marked || yuanMark !== undefined || hasFraction, largeUnit, opts);
  if (base === undefined) return fail(`金额单位不明：${body}`);
  const fen = yuan * 10n ** BigInt(2 + base) + BigInt(digitOf(jiaoChar) * 10 + digitOf(fenChar));
  return moneyOf(fen, 'capital', body);
}

function digitOf(ch: string | undefined): number {
  return ch === undefined ? 0 : Number(parseChineseInteger(ch));
}

/** The power of ten of the amount's unit relative to 元, when the text or the caller fixes it. */
function baseExponent(inYuan: boolean, largeUnit: boolean, opts: MoneyOptions): number | undefined {
  if (inYuan || largeUnit) return 0;
  return opts.defaultUnit === undefined ? undefined : UNIT_EXPONENT[opts.defaultUnit];
}

function moneyOf(fen: bigint, form: Money['form'], text: string): Reading<Money> {
  const n = toSafeInteger(fen);
  return n === undefined ? fail(`金额超出可精确表示的范围：${text}`) : ok({ fen: n, form });
}

const SP = '[ \\t]*'; // after toHalfWidth, the ideographic space is a space
const MONEY_IN_TEXT = new RegExp(
  [
    `(?:(?:人民币|RMB|CNY)${SP})?(?:¥${SP})?(?<!\\d|\\d[.,])\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?(?:${SP}(?:万亿|亿|万))?(?:${SP}[元圆])?[整正]?`,
    `(?:人民币${SP})?[${NUMERAL_CHARS}](?:${SP}[${NUMERAL_CHARS}])*${SP}[元圆](?:零?[${NONZERO_DIGIT_CHARS}]角)?(?:零?[${NONZERO_DIGIT_CHARS}]分)?[整正]?`,
  ].join('|'),
  'gi',
);
const CURRENCY_EVIDENCE = /[元圆¥]|人民币|RMB|CNY/i;

export interface FoundMoney extends Money {
  /** Offsets in the text given, `raw` = text.slice(start, end). */
  start: number;
  end: number;
  raw: string;
  /** Read only after characters OCR commonly confuses were put right (染 for 柒, # for ¥). */
  repaired?: true;
  /** Read only after characters OCR sometimes reads for capitals were taken for them (过佰 for 壹佰): a person confirms. */
  doubtful?: true;
  /**
   * The amount is written twice and OCR garbled the capitals (`dual-money.ts`): 'both' when the
   * figures and what is left of the capitals fit this one amount, 'figures' when the capitals
   * could not be read at all and the figures alone give it.
   */
  pieced?: 'both' | 'figures';
}

/**
 * Every amount in a text that reads exactly and is marked as money (元, ¥, 人民币, RMB, CNY):
 * "500万人" is not an amount, "RMB 500万" is. Unreadable candidates are skipped, and so is a
 * run of capitals cut short by a character OCR garbled (玖佰乱拾万元 does not give 拾万元).
 */
export function findMoney(text: string): FoundMoney[] {
  const repaired = repairOcr(toHalfWidth(text));
  const dual = dualWritings(text, repaired);
  const found: FoundMoney[] = dual.found;
  for (const m of repaired.matchAll(MONEY_IN_TEXT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (dual.garbled.some(([from, to]) => start < to && end > from)) continue;
    const raw = text.slice(start, end);
    const money = CURRENCY_EVIDENCE.test(m[0]) ? parseMoney(m[0]) : undefined;
    // a lookalike just before, or something between 人民币 and the capitals (人民币数拾万元整: 数 is a digit OCR garbled)
    const before = repaired.slice(Math.max(0, start - 3), start);
    const cutShort = money?.form === 'capital' && (capitalLike(before.slice(-2)) > 0 || /币[^\s:：]{1,2}$/u.test(before));
    const doubtful = [...raw].some((ch) => ch in DOUBTFUL_CAPITAL_LOOKALIKES);
    if (money && !cutShort) found.push({ ...money, start, end, raw, ...(m[0] !== toHalfWidth(raw) ? { repaired: true } : {}), ...(doubtful ? { doubtful: true } : {}) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The text with the amounts in it written as OCR should have read them, where a sure repair
 * makes them read (人民币壹什万元整 -> 人民币壹仟万元整, 1;560万元 -> 1,560万元), or where the
 * figures in brackets after capitals OCR garbled give the amount (see `confirmedByFigures`); a
 * doubtful lookalike is left as read otherwise. The text keeps its length and its full-width
 * forms elsewhere.
 */
export function withAmountsRepaired(text: string): string {
  const all = findMoney(text);
  const found = all.filter((m) => m.repaired && !m.doubtful);
  const confirmed = all.flatMap((m) => confirmedByFigures(text, m) ?? []);
  if (found.length === 0 && confirmed.length === 0) return text;
  const half = toHalfWidth(text);
  const repaired = repairOcr(half);
  const chars = text.split('');
  for (const m of found) for (let i = m.start; i < m.end; i++) if (repaired[i] !== half[i]) chars[i] = repaired[i];
  for (const { at, length, capitals, mark } of confirmed) {
    for (let i = 0; i < length; i++) chars[at + i] = capitals[i];
    if (mark !== undefined) chars[mark] = '¥';
  }
  return chars.join('');
}

/** Figures in brackets after capitals: the mark before them (¥, or what OCR made of it) and the figures. */
const FIGURES_IN_BRACKETS = /^\s*[(（]\s*([^\d\s()（）,.]?)\s*(\d[\d,]*(?:\.\d{1,2})?)\s*元?\s*[)）]/u;

/**
 * Capitals OCR garbled (read with doubtful lookalikes, or pieced together with the figures, see
 * dual-money.ts) that the figures in brackets after them give exactly (人民币过佰贰拾万零喜仟…
 * （¥1,201,922.82）): the capitals as the figures write them, where OCR read as many characters
 * (no capital read contradicts them), and where the ¥ was read as another character
 * (（到2,082,850.64）), its place.
 */
function confirmedByFigures(text: string, m: FoundMoney): { at: number; length: number; capitals: string; mark?: number } | undefined {
  const open = m.pieced === 'both' ? m.start + m.raw.search(/[(（]/u) : m.form === 'capital' && m.doubtful ? m.end : undefined;
  const bracket = open === undefined ? undefined : FIGURES_IN_BRACKETS.exec(toHalfWidth(text.slice(open)));
  if (open === undefined || !bracket || parseMoney(`¥${bracket[2]}`)?.fen !== m.fen) return undefined;
  const at = m.start + /^(?:人民币)?\s*/u.exec(m.raw)![0].length;
  const read = text.slice(at, open).trimEnd();
  const written = capitalsOf(BigInt(m.fen));
  const capitals = read.length === written.length - 1 && !read.endsWith('整') ? written.replace(/整$/u, '') : written;
  const mark = bracket[1] !== '' && bracket[1] !== '¥' ? open + bracket[0].indexOf(bracket[1]) : undefined;
  return { at, length: read.length === capitals.length ? read.length : 0, capitals, mark };
}

/** Capitals followed by figures in brackets: 人民币……元整（¥…）, the figures' mark possibly garbled (啼,431,514.69). */
const DUAL_WRITING = /([^\s:：,，。；;、|()（）]{2,40})[ \t]*[(（][ \t]*([^\d\s()（）.]?)[ \t]*(,?\d[\d,]*(?:\.\d{1,2})?)[ \t]*元?[ \t]*[)）]/gu;
const CAPITAL_ANCHOR = /[元圆角分]/u;

/**
 * Amounts written twice whose capitals OCR garbled (they do not read, or read as another amount
 * than the figures): what the two writings together give, and the spans of text they cover, where
 * no fragment of the capitals may be read as an amount of its own.
 */
function dualWritings(text: string, repaired: string): { found: FoundMoney[]; garbled: [number, number][] } {
  const found: FoundMoney[] = [];
  const garbled: [number, number][] = [];
  for (const m of repaired.matchAll(DUAL_WRITING)) {
    const [whole, before, mark, figures] = m;
    const cut = before.lastIndexOf('人民币');
    const capitals = cut < 0 ? before : before.slice(cut + '人民币'.length);
    if (!CAPITAL_ANCHOR.test(capitals) || capitalLike(capitals) < 2) continue;
    const fen = parseMoney(`¥${figures.replace(/^,/, '')}`)?.fen;
    const capitalsFen = parseMoney(capitals)?.fen;
    if (fen === undefined || capitalsFen !== undefined) continue; // the plain reading holds, or says they disagree
    const start = m.index + before.length - capitals.length;
    const end = m.index + whole.length;
    garbled.push([start, end]);
    const lostLead = figures.startsWith(',') || (mark !== '' && mark !== '¥');
    const reading = reconcile(capitals, BigInt(fen), lostLead);
    const pieced = reading ? 'both' : lostLead ? undefined : 'figures';
    const value = Number(reading?.fen ?? fen);
    if (pieced && Number.isSafeInteger(value)) found.push({ fen: value, form: 'figures', start, end, raw: text.slice(start, end), pieced });
  }
  return { found, garbled };
}

/** Characters OCR reads in place of capital numerals (参 for 叁, 染 or 类 for 柒, 抬 for 拾), where an amount in 元 follows. */
const CAPITAL_LOOKALIKE = new RegExp(`[参染类抬](?=[${NUMERAL_CHARS}参染类抬]*[元圆])`, 'gu');
const THOUSAND_LOOKALIKE = new RegExp(`(?<=[壹贰叁肆伍陆柒捌玖])什(?=[${NUMERAL_CHARS}]*[元圆])`, 'gu');
/** A doubtful lookalike between capitals and a place: after a capital, a place, 人民币 or a colon, and before a place. */
const DOUBTFUL_LOOKALIKE = new RegExp(
  `(?<=[${NUMERAL_CHARS}参染类抬什元圆角币:：]\\s*)[${Object.keys(DOUBTFUL_CAPITAL_LOOKALIKES).join('')}](?=\\s*[拾佰仟什万亿元圆角分])`,
  'gu',
);

/**
 * The text with what OCR commonly makes of an amount put right, character for character (so
 * offsets hold): capital numerals' lookalikes (the doubtful ones only next to a place), 什 for 仟 after a capital digit, the ¥ of
 * "元整（¥…）" read as # or Y, or of ¥3,852,597.40 after Chinese read as #, Y or 圣 (本息合计#3,852,597.40), and a
 * thousands comma read as a semicolon (1;560万元) or, before two decimals and 元, as a full stop (1.750.00万元).
 */
function repairOcr(text: string): string {
  return text
    .replace(DOUBTFUL_LOOKALIKE, (ch) => DOUBTFUL_CAPITAL_LOOKALIKES[ch])
    .replace(CAPITAL_LOOKALIKE, (ch) => CAPITAL_LOOKALIKES[ch])
    .replace(THOUSAND_LOOKALIKE, '仟')
    .replace(/([元圆][整正]?\s*[(（]\s*)[#＃Yy](?=\s*\d)/gu, '$1¥')
    .replace(/(?<=[\u4e00-\u9fff:：])[#＃Y圣](?=\d{1,3}(?:,\d{3})+\.\d{2}(?![\d.]))/gu, '¥')
    .replace(/(\d)[;；](?=\d{3}(?!\d))/gu, '$1,')
    .replace(/(?<![\d.,])\d{1,3}(?:\.\d{3})+(?=\.\d{2}\s*(?:万亿|亿|万)?[元圆])/gu, (whole) => whole.replace(/\./gu, ','));
}

export interface MoneyAgreement {
  agree: boolean;
  a: Money;
  b: Money;
}

/** Reads two writings of one amount (大写 and figures) and tells whether they agree; undefined if either is unreadable. */
export function moneyAgrees(a: string, b: string, opts?: MoneyOptions): MoneyAgreement | undefined {
  const x = parseMoney(a, opts);
  const y = parseMoney(b, opts);
  return x && y ? { agree: x.fen === y.fen, a: x, b: y } : undefined;
}

/**
 * Reads an amount written twice, "人民币伍佰万元整（¥5,000,000.00）": both writings must read and
 * agree, otherwise the reason says which failed.
 */
export function readDualMoney(s: string, opts?: MoneyOptions): Reading<Money> {
  const m = /^(.+?)[(（](.+)[)）]$/.exec(toHalfWidth(s).trim());
  if (!m) return fail(`不是"大写（小写）"形式的金额：${s}`);
  const first = readMoney(m[1], opts);
  const second = readMoney(m[2], opts);
  if (!first.ok) return first;
  if (!second.ok) return second;
  if (first.value.fen !== second.value.fen) return fail(`金额前后不一致：${m[1].trim()} 与 ${m[2].trim()}`);
  return ok(first.value);
}
