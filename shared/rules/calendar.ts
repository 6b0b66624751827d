/**
 * Working days on the official Chinese calendar (catalogue C-3): weekends and statutory
 * holidays are not working days; adjusted working weekend days (调休上班日) are. The calendar is
 * a port; the default adapter reads the tables bundled in the `chinese-days` npm package (no
 * network at run time). A year the tables do not cover gives an explicit `CALENDAR_UNKNOWN`,
 * never a silent weekend-only count.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, isIsoDate, isoWeekday, yearOf } from './dates.js';

/** Version of the `chinese-days` package the default tables come from (pinned in package.json). */
export const CHINESE_DAYS_VERSION = '1.5.7';

export type DayKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'ADJUSTED_WORKDAY';

export type DayAnswer =
  | { status: 'KNOWN'; date: string; working: boolean; kind: DayKind; name?: string }
  | { status: 'CALENDAR_UNKNOWN'; date: string; year: number };

/** Port: which days are working days (工作日) under the State Council's annual holiday notice. */
export interface WorkingDayCalendar {
  /** Where the tables come from, recorded with every deadline, e.g. `chinese-days@1.5.7`. */
  readonly source: string;
  /** Years whose official arrangement the tables hold. */
  readonly coveredYears: readonly number[];
  covers(year: number): boolean;
  day(date: string): DayAnswer;
}

/** Holiday and adjusted-workday tables for whole years (values are holiday names in Chinese). */
export interface CalendarTable {
  years: number[];
  /** Dates off work because of a statutory holiday (weekend days inside a holiday included). */
  holidays: Record<string, string>;
  /** Weekend dates that are working days by adjustment (调休上班). */
  workdays: Record<string, string>;
}

export function createTableCalendar(source: string, table: CalendarTable): WorkingDayCalendar {
  const years = new Set(table.years);
  const coveredYears = [...years].sort((a, b) => a - b);
  return {
    source,
    coveredYears,
    covers: (year) => years.has(year),
    day(date) {
      if (!isIsoDate(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
      const year = yearOf(date);
      if (!years.has(year)) return { status: 'CALENDAR_UNKNOWN', date, year };
      if (table.workdays[date] !== undefined) {
        return { status: 'KNOWN', date, working: true, kind: 'ADJUSTED_WORKDAY', name: table.workdays[date] };
      }
      if (table.holidays[date] !== undefined) {
        return { status: 'KNOWN', date, working: false, kind: 'HOLIDAY', name: table.holidays[date] };
      }
      const weekend = isoWeekday(date) >= 6;
      return { status: 'KNOWN', date, working: !weekend, kind: weekend ? 'WEEKEND' : 'WORKDAY' };
    },
  };
}

/** `chinese-days` stores `"English,中文,n"`; keep the Chinese name. */
function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

/**
 * The package's own tables. A year counts as covered only when its Spring Festival and National
 * Day arrangements are both present, so that a New Year holiday reaching into January of a year
 * not yet announced does not make that year look covered.
 */
export function chineseDaysTable(): CalendarTable {
  const data = chineseDaysData as { holidays: Record<string, string>; workdays: Record<string, string> };
  const holidays: Record<string, string> = {};
  const workdays: Record<string, string> = {};
  const festivals = new Map<number, Set<string>>();
  for (const [date, value] of Object.entries(data.holidays)) {
    holidays[date] = chineseName(value);
    const year = yearOf(date);
    if (!festivals.has(year)) festivals.set(year, new Set());
    festivals.get(year)!.add(chineseName(value));
  }
  for (const [date, value] of Object.entries(data.workdays)) workdays[date] = chineseName(value);
  const years = [...festivals.entries()].filter(([, names]) => names.has('春节') && names.has('国庆节')).map(([y]) => y);
  return { years, holidays, workdays };
}

/**
 * Adapter over `chinese-days`. `supplement` adds (or replaces) whole years, for instance a year
 * the State Council has announced before the package was updated.
 */
export function createChineseDaysCalendar(options: { supplement?: CalendarTable } = {}): WorkingDayCalendar {
  const base = chineseDaysTable();
  const supplement = options.supplement;
  if (!supplement) return createTableCalendar(`chinese-days@${CHINESE_DAYS_VERSION}`, base);
  const replaced = new Set(supplement.years);
  const keep = (rec: Record<string, string>) =>
    Object.fromEntries(Object.entries(rec).filter(([d]) => !replaced.has(yearOf(d))));
  return createTableCalendar(`chinese-days@${CHINESE_DAYS_VERSION}+supplement`, {
    years: [...new Set([...base.years, ...supplement.years])],
    holidays: { ...keep(base.holidays), ...supplement.holidays },
    workdays: { ...keep(base.workdays), ...supplement.workdays },
  });
}

/** The calendar the rules use unless told otherwise. */
export function createDefaultCalendar(): WorkingDayCalendar {
  return createChineseDaysCalendar();
}

export type WorkingDayDeadline =
  | { status: 'OK'; date: string; /** the working days counted, in order */ counted: string[] }
  | { status: 'CALENDAR_UNKNOWN'; year: number; explanation: string };

function unknown(calendar: WorkingDayCalendar, year: number): WorkingDayDeadline {
  return {
    status: 'CALENDAR_UNKNOWN',
    year,
    explanation: `工作日历（${calendar.source}）未收录${year}年的国务院节假日安排，无法计算工作日期限；请更新日历数据或人工核对。`,
  };
}

/**
 * The last day of a period of `count` working days after `start` (catalogue C-3): counting
 * starts the day after `start` (e.g. the day after delivery), and the returned day is the
 * `count`-th working day, which is still inside the period.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, start: string, count: number): WorkingDayDeadline {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer: ${count}`);
  const startYear = yearOf(start);
  const counted: string[] = [];
  let date = start;
  // A year has fewer than 366 days; a sanity bound against an all-holiday table.
  for (let guard = 0; guard < 366 * 4 && counted.length < count; guard++) {
    date = addDays(date, 1);
    const answer = calendar.day(date);
    if (answer.status === 'CALENDAR_UNKNOWN') return unknown(calendar, answer.year);
    if (answer.working) counted.push(date);
  }
  if (counted.length < count) return unknown(calendar, startYear);
  return { status: 'OK', date: counted[counted.length - 1], counted };
}

export type WithinWorkingDays =
  | { status: 'OK'; within: boolean; lastDay: string }
  | { status: 'CALENDAR_UNKNOWN'; year: number; explanation: string };

/**
 * Whether `date` falls within `count` working days after `start` (C-3). A date on or before
 * `start` is within (an act on the day of delivery is not late).
 */
export function isWithinWorkingDays(
  calendar: WorkingDayCalendar,
  start: string,
  count: number,
  date: string,
): WithinWorkingDays {
  const deadline = addWorkingDays(calendar, start, count);
  if (deadline.status !== 'OK') return deadline;
  return { status: 'OK', within: date <= deadline.date, lastDay: deadline.date };
}
