/**
 * ISO calendar-date arithmetic (`YYYY-MM-DD`), done on UTC day numbers so that no time zone
 * or daylight-saving shift can move a date. Used by the rules for deadlines (catalogue C-2, C-3).
 */

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: string): [number, number, number] {
  const m = ISO_RE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; `month` is 1-12. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function formatIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (UTC). */
export function toDayNumber(date: string): number {
  const [y, m, d] = parts(date);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(n: number): string {
  const dt = new Date(n * 86_400_000);
  return formatIso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const dow = new Date(toDayNumber(date) * 86_400_000).getUTCDay();
  return dow === 0 ? 7 : dow;
}

export function yearOf(date: string): number {
  return parts(date)[0];
}

export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minIso(dates: string[]): string | undefined {
  return dates.length ? dates.reduce((a, b) => (b < a ? b : a)) : undefined;
}

export function maxIso(dates: string[]): string | undefined {
  return dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : undefined;
}

/**
 * Last day of a period of `months` months starting on `date` (catalogue C-2, after 《民法典》
 * 第二百零一、二百零二条): the start day is not counted; the period ends on the same day-number
 * `months` months later; when that month has no such day it ends on that month's last day.
 * 2022-08-31 + 6 -> 2023-02-28; 2023-08-31 + 6 -> 2024-02-29.
 */
export function addMonthsClamped(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return formatIso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Today's date in China (Asia/Shanghai), whatever the host's time zone. */
export function todayInChina(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return formatIso(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}
