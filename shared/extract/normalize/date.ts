/**
 * Dates as written in Chinese documents, to ISO `YYYY-MM-DD`.
 *
 * Accepted forms: 2024年3月5日 (also spaced, full-width or zero-padded), 二〇二四年三月五日 (with
 * 〇, ○ or 零 for zero), 2024.3.5, 2024-03-05, 2024/3/5, 24年3月5日 and, given a reference year,
 * 3月5日. A two-digit year is read as 20yy for 00-69 and 19yy for 70-99 (the POSIX `%y` pivot);
 * it is accepted only before 年, since 24.3.5 could as well be day-first. Years must lie in
 * 1900-2099: anything else in these documents is a misreading. Figures and Chinese numerals
 * are not mixed within one date (2024年三月五日 is refused), and the day must exist (no 2月30日,
 * 2月29日 only in leap years).
 */
import { DIGIT_SEQUENCE_CHARS, NUMERAL_CHARS, parseChineseDigits, parseChineseInteger } from './chineseNumerals.js';
import { fail, ok, valueOf, type Reading } from './reading.js';
import { compactValue, toHalfWidth } from './text.js';

export type DateForm = 'figures' | 'short-year' | 'numerals' | 'dot' | 'dash' | 'slash' | 'month-day';

export interface ChineseDate {
  iso: string;
  form: DateForm;
}

export interface DateOptions {
  /** The year of dates written without one (3月5日); without it such dates are refused. */
  referenceYear?: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;
/**
 * A mark OCR may read between a year in figures and its 年, from the edge of a bracket or a
 * table rule (2021]年02月05日): no date is written so, and the figures are not in doubt.
 */
const STRAY = '[\\]|)）】」』]';
const STRAY_AFTER_YEAR = new RegExp(`(?<=^\\d{4})${STRAY}(?=年)`, 'u');
const SEPARATOR_FORMS: Readonly<Record<string, DateForm>> = { '.': 'dot', '-': 'dash', '/': 'slash' };

/** Reads one date, or says why it cannot. */
export function readChineseDate(s: string, opts: DateOptions = {}): Reading<ChineseDate> {
  const v = compactValue(s).replace(STRAY_AFTER_YEAR, '');
  const separated = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/.exec(v);
  if (separated) {
    return dateOf(Number(separated[1]), Number(separated[3]), Number(separated[4]), SEPARATOR_FORMS[separated[2]]);
  }
  const ymd = /^([^年]+)年([^月]+)月([^日]+)日$/.exec(v);
  if (ymd) return readYearMonthDay(ymd[1], ymd[2], ymd[3]);
  const md = /^(\d{1,2})月(\d{1,2})日$/.exec(v);
  if (md) {
    if (opts.referenceYear === undefined) return fail(`日期缺少年份：${v}`);
    return dateOf(opts.referenceYear, Number(md[1]), Number(md[2]), 'month-day');
  }
  return fail(`无法识别为日期：${v}`);
}

/** Reads one date (see the module comment for the accepted forms), or undefined. */
export function parseChineseDate(s: string, opts?: DateOptions): ChineseDate | undefined {
  return valueOf(readChineseDate(s, opts));
}

function readYearMonthDay(year: string, month: string, day: string): Reading<ChineseDate> {
  const figures = [year, month, day].map((part) => /^\d+$/.test(part));
  if (figures.every(Boolean)) {
    if (!/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) return fail(`无法识别为日期：${year}年${month}月${day}日`);
    const y = readFiguresYear(year);
    if (y === undefined) return fail(`年份无法识别：${year}`);
    return dateOf(y, Number(month), Number(day), year.length === 2 ? 'short-year' : 'figures');
  }
  if (figures.some(Boolean)) return fail(`日期中阿拉伯数字与汉字数字混用：${year}年${month}月${day}日`);
  const y = readNumeralsYear(year);
  const m = parseChineseInteger(month);
  const d = parseChineseInteger(day);
  if (y === undefined || m === undefined || d === undefined) return fail(`无法识别为日期：${year}年${month}月${day}日`);
  return dateOf(y, Number(m), Number(d), 'numerals');
}

/** 2024 -> 2024, 24 -> 2024, 85 -> 1985. */
function readFiguresYear(s: string): number | undefined {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (/^\d{2}$/.test(s)) return Number(s) + (Number(s) <= 69 ? 2000 : 1900);
  return undefined;
}

/**
 * 二〇二四 -> 2024 (four digits, written one by one). A zero OCR read as the letter O or the
 * figure 0 among Chinese digits (二O二四, 二0二四), or as 〇 or O with a mark beside it (二C〇二四, 二O〇二四, 二GO二五),
 * can only be 〇.
 */
function readNumeralsYear(s: string): number | undefined {
  // OCR may also read 〇 as two marks (C〇, 〇C, @〇, GO): what stands beside a 〇 in a year is part of it
  const t = s.replace(/[CcG@Oo]+(?=[〇○])|(?<=[〇○])[CcG@Oo]+|[CcG@]+(?=[Oo])|(?<=[Oo])[CcG@]+/gu, '');
  const digits = parseChineseDigits(/[^\dOo]/u.test(t) ? t.replace(/[Oo0]/gu, '〇') : t);
  return digits?.length === 4 ? Number(digits) : undefined;
}

function dateOf(year: number, month: number, day: number, form: DateForm): Reading<ChineseDate> {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return fail(`年份超出范围：${year}`);
  if (month < 1 || month > 12) return fail(`月份不存在：${month}月`);
  if (day < 1 || day > daysInMonth(year, month)) return fail(`日期不存在：${year}年${month}月${day}日`);
  return ok({ iso: `${year}-${pad(month)}-${pad(day)}`, form });
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const SP = '[ \\t]*'; // after toHalfWidth, the ideographic space is a space
const NUMERAL_DATE_CHARS = `[${NUMERAL_CHARS}]`;
/**
 * Figures of a month or a day OCR misread as marks: a 1 as a bracket or a bar (2022年1]月15日,
 * 2024年]月24日), a 7 as a slash (2020年/月13日).
 */
const MISREAD_FIGURES: Readonly<Record<string, string>> = { ']': '1', '|': '1', '/': '7' };
const MISREAD = `[${Object.keys(MISREAD_FIGURES).map((ch) => `\\${ch}`).join('')}]`;
const DATE_IN_TEXT = new RegExp(
  [
    `(?<!\\d)(?:\\d{4}${STRAY}?|\\d{2})${SP}年${SP}(?:\\d|${MISREAD}){1,3}${SP}月${SP}(?:\\d|${MISREAD}){1,3}${SP}日`,
    `(?=[${DIGIT_SEQUENCE_CHARS}Oo0CcG@]{0,5}[${DIGIT_SEQUENCE_CHARS}])(?<![${DIGIT_SEQUENCE_CHARS}Oo0CcG@])[${DIGIT_SEQUENCE_CHARS}Oo0CcG@]{4,6}${SP}年${SP}${NUMERAL_DATE_CHARS}{1,3}${SP}月${SP}${NUMERAL_DATE_CHARS}{1,4}${SP}日`,
    `(?<![\\d.\\/-])\\d{4}([./-])\\d{1,2}\\1\\d{1,2}(?!\\d|[./-]\\d)`,
  ].join('|'),
  'g',
);

export interface FoundDate {
  iso: string;
  /** Offsets in the text given, `raw` = text.slice(start, end). */
  start: number;
  end: number;
  raw: string;
  /** Read only once a mark in the month or day was taken for the figure OCR misread (asked for with `repairs`). */
  repaired?: true;
}

/**
 * Every valid date in a text, in order. Candidates that do not make a real date (2023年2月29日)
 * are skipped. Dates without a year are not searched for. With `repairs`, a mark OCR read for a
 * figure of the month or day (see MISREAD_FIGURES) is taken for it, or for a speck where the
 * figure would make no date (11]月), and a year of five numerals loses its first; such a date is
 * marked repaired.
 */
export function findDates(text: string, { repairs = false } = {}): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of toHalfWidth(text).matchAll(DATE_IN_TEXT)) {
    const start = m.index;
    const end = start + m[0].length;
    const raw = text.slice(start, end);
    const [, head = raw, tail = ''] = /^(.*?年)(.*)$/u.exec(raw) ?? [];
    let mended = `${head}${tail.replace(new RegExp(MISREAD, 'gu'), (ch) => MISREAD_FIGURES[ch])}`;
    if (mended !== raw && !repairs) continue;
    let date = parseChineseDate(mended);
    // a mark beside the figures of a full month or day is a speck, not a figure (2021年11]月15日)
    if (!date && repairs && mended !== raw) {
      mended = `${head}${tail.replace(new RegExp(MISREAD, 'gu'), '')}`;
      date = parseChineseDate(mended);
    }
    // a year of five numerals has one too many, read into it from before (报告日期二二〇二二年…)
    if (!date && repairs && /^[^\d\s]{5}年/u.test(mended)) {
      mended = mended.slice(1);
      date = parseChineseDate(mended);
    }
    if (date) found.push({ iso: date.iso, start, end, raw, ...(mended !== raw ? { repaired: true as const } : {}) });
  }
  return found;
}

export interface YearMonth {
  year: number;
  month: number;
  /** `YYYY-MM` */
  iso: string;
}

/** Reads a month: 2024年3月, 2024年03月, 二〇二四年三月, 2024.3, 2024-03, 2024/03. */
export function readChineseYearMonth(s: string): Reading<YearMonth> {
  const v = compactValue(s);
  const figures = /^(\d{4})年(\d{1,2})月$/.exec(v) ?? /^(\d{4})[./-](\d{1,2})$/.exec(v);
  const numerals = /^([^年]+)年([^月]+)月$/.exec(v);
  const m = figures ?? numerals;
  if (!m) return fail(`无法识别为年月：${v}`);
  const year = figures ? Number(m[1]) : readNumeralsYear(m[1]);
  const month = figures ? Number(m[2]) : Number(parseChineseInteger(m[2]) ?? NaN);
  if (year === undefined || year < MIN_YEAR || year > MAX_YEAR) return fail(`年份无法识别：${m[1]}`);
  if (!(month >= 1 && month <= 12)) return fail(`月份不存在：${m[2]}月`);
  return ok({ year, month, iso: `${year}-${pad(month)}` });
}

export function parseChineseYearMonth(s: string): YearMonth | undefined {
  return valueOf(readChineseYearMonth(s));
}

/** Reads a fiscal year: 2023年度, 2023年, 2023 年度, 二〇二三年度, 2023 -> 2023. */
export function readFiscalYear(s: string): Reading<number> {
  const v = compactValue(s);
  const m = /^(.+?)(?:年度?)?$/.exec(v);
  const body = m?.[1] ?? '';
  const year = /^\d{4}$/.test(body) ? Number(body) : readNumeralsYear(body);
  if (year === undefined || year < MIN_YEAR || year > MAX_YEAR) return fail(`无法识别为年度：${v}`);
  return ok(year);
}

export function parseFiscalYear(s: string): number | undefined {
  return valueOf(readFiscalYear(s));
}
