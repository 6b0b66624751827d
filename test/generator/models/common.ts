/** What every document model shares: print-style choices and the record of printed forms. */
import type { Rng } from '../prng.js';
import type { Block, DocumentStyle, Family } from '../render.js';
import type { GeneratedKind, TruthByKind } from '../truth.js';
import {
  DATE_STYLES,
  type DateStyle,
  formatDate,
  formatMoney,
  MONEY_STYLES,
  type MoneyStyle,
  moneyStyleFits,
  spacedLabel,
} from '../zh-format.js';

export interface DocumentModel<K extends GeneratedKind = GeneratedKind> {
  kind: K;
  layout: string;
  truth: TruthByKind[K];
  /**
   * The exact strings the document prints for each truth field (a value may be printed in
   * several places and forms). Used to check that the truth is really on the page.
   */
  printed: Record<string, string[]>;
  blocks: Block[];
  style: DocumentStyle;
}

/** Collects printed forms per field. */
export class Printed {
  readonly map: Record<string, string[]> = {};

  /** Records that `text` is printed for `field`, and returns it. */
  add(field: string, text: string): string {
    (this.map[field] ??= []).includes(text) || this.map[field].push(text);
    return text;
  }
}

/** Per-document print conventions, drawn once so a document is internally consistent. */
export interface PrintConventions {
  date: DateStyle;
  /** Secondary date style, for dates written in running text. */
  proseDate: DateStyle;
  colon: string;
  spacedLabels: boolean;
  family: Family;
}

export function conventions(rng: Rng): PrintConventions {
  const date = rng.weighted<DateStyle>([
    ['ymd', 6],
    ['zh-numerals', 2],
    ['dot', 2],
    ['ymd-padded', 1],
    ['dot-padded', 1],
    ['dash', 1],
    ['slash', 1],
  ]);
  return {
    date,
    proseDate: rng.chance(0.75) ? 'ymd' : date,
    colon: rng.chance(0.85) ? '：' : ':',
    spacedLabels: rng.chance(0.4),
    family: rng.chance(0.7) ? 'serif' : 'sans',
  };
}

export const ALL_DATE_STYLES = DATE_STYLES;

export function fmtDate(iso: string, style: DateStyle): string {
  return formatDate(iso, style);
}

/** Picks a money style that prints `fen` exactly, preferring the given ones. */
export function pickMoneyStyle(rng: Rng, fen: number, prefer: readonly MoneyStyle[] = MONEY_STYLES): MoneyStyle {
  const fitting = prefer.filter((s) => moneyStyleFits(fen, s));
  if (fitting.length) return rng.pick(fitting);
  const any = MONEY_STYLES.filter((s) => moneyStyleFits(fen, s));
  return rng.pick(any);
}

export function fmtMoney(rng: Rng, fen: number, prefer?: readonly MoneyStyle[]): string {
  return formatMoney(fen, pickMoneyStyle(rng, fen, prefer));
}

/** A label, spaced out (编　　号) when the document does that. */
export function lbl(c: PrintConventions, text: string): string {
  return c.spacedLabels ? spacedLabel(text) : text;
}

/** A random whole amount of fen in [minWan, maxWan] 万元, in steps of `stepWan` 万元. */
export function roundAmount(rng: Rng, minWan: number, maxWan: number, stepWan: number): number {
  const steps = Math.floor((maxWan - minWan) / stepWan);
  return (minWan + rng.int(0, steps) * stepWan) * 1_000_000;
}

/** An irregular amount (principal plus interest): fen, not round. */
export function irregularAmount(rng: Rng, baseFen: number, minShare: number, maxShare: number): number {
  return Math.round(baseFen * rng.float(minShare, maxShare)) + rng.int(1, 99);
}

/** A page style for the document family. */
export function pageStyle(rng: Rng, c: PrintConventions, title: string, dateIso: string, multiPage: boolean): DocumentStyle {
  const bodySize = c.family === 'serif' ? rng.pick([12, 12.5, 13]) : rng.pick([11, 11.5, 12]);
  return {
    family: c.family,
    bodySize,
    lineHeight: rng.float(1.5, 1.72),
    margins: {
      top: rng.int(64, 88),
      bottom: rng.int(62, 80),
      left: rng.int(70, 84),
      right: rng.int(64, 78),
    },
    pageNumbers: multiPage ? rng.pick(['dash', 'of'] as const) : rng.pick(['none', 'none', 'dash'] as const),
    title,
    date: new Date(`${dateIso}T09:00:00Z`),
  };
}

/** Joins names with the enumeration comma: 张三、李四、王五. */
export function enumerate(items: readonly string[]): string {
  return items.join('、');
}

/** 春节 (first day of the lunar year), for the years the generator uses. */
const SPRING_FESTIVAL: Record<number, string> = {
  2018: '02-16',
  2019: '02-05',
  2020: '01-25',
  2021: '02-12',
  2022: '02-01',
  2023: '01-22',
  2024: '02-10',
  2025: '01-29',
  2026: '02-17',
};

/**
 * Whether offices work that day: Monday to Friday outside the main public holidays (元旦,
 * 春节 week, 清明, 劳动节, 国庆 week). Make-up working weekends are ignored.
 */
export function isWorkingDay(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  const wd = d.getUTCDay();
  if (wd === 0 || wd === 6) return false;
  const md = iso.slice(5);
  if (md === '01-01' || (md >= '04-04' && md <= '04-06') || (md >= '05-01' && md <= '05-05') || (md >= '10-01' && md <= '10-07')) return false;
  const festival = SPRING_FESTIVAL[d.getUTCFullYear()];
  if (festival) {
    const first = Date.parse(`${iso.slice(0, 4)}-${festival}T00:00:00Z`);
    const days = (d.getTime() - first) / 86_400_000;
    if (days >= -1 && days <= 6) return false;
  }
  return true;
}

/** A random working day in the given year, between months `fromMonth` and `toMonth`. */
export function workingDay(rng: Rng, year: number, fromMonth = 1, toMonth = 12): string {
  for (;;) {
    const m = rng.int(fromMonth, toMonth);
    const d = rng.int(1, 28);
    const iso = new Date(Date.UTC(year, m - 1, d)).toISOString().slice(0, 10);
    if (isWorkingDay(iso)) return iso;
  }
}

/** The first working day on or after the date `plusDays` away (backwards for negative days: on or before). */
export function nextWorkingDay(iso: string, plusDays: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  const step = plusDays < 0 ? -1 : 1;
  while (!isWorkingDay(d.toISOString().slice(0, 10))) d.setUTCDate(d.getUTCDate() + step);
  return d.toISOString().slice(0, 10);
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A project id in one of the forms institutions use: YNDB-2023-0147, YNDB2023-0147, YN-DB-2023-147. */
export function projectId(rng: Rng, prefix: string, year: number): string {
  const n = rng.int(1, 480);
  switch (rng.int(0, 2)) {
    case 0:
      return `${prefix}-${year}-${pad(n, 4)}`;
    case 1:
      return `${prefix}${year}-${pad(n, 4)}`;
    default:
      return `${prefix.slice(0, 2)}-${prefix.slice(2)}-${year}-${pad(n, 3)}`;
  }
}
