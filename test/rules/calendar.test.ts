import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  chineseDaysTable,
  createChineseDaysCalendar,
  createDefaultCalendar,
  createTableCalendar,
  isWithinWorkingDays,
} from '../../shared/rules/calendar.js';
import { addDays, addMonthsClamped, isIsoDate, isLeapYear, todayInChina } from '../../shared/rules/dates.js';

const calendar = createDefaultCalendar();

describe('addMonthsClamped (catalogue C-2)', () => {
  it.each([
    ['2022-03-15', 6, '2022-09-15'],
    ['2022-08-31', 6, '2023-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2099-08-31', 6, '2100-02-28'], // 2100 is not a leap year
    ['1999-08-31', 6, '2000-02-29'], // 2000 is
    ['2022-12-31', 6, '2023-06-30'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-09-30', 6, '2024-03-30'],
    ['2023-07-01', 6, '2024-01-01'],
    ['2021-10-15', 3, '2022-01-15'],
  ])('%s + %i months -> %s', (from, months, expected) => {
    expect(addMonthsClamped(from, months)).toBe(expected);
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(() => addMonthsClamped('2023-02-29', 6)).toThrow(RangeError);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
  });

  it('gives today in China whatever the host time zone', () => {
    expect(todayInChina(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
    expect(todayInChina(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
  });
});

describe('chinese-days adapter', () => {
  it('covers 2021 to 2026 and knows no year it has no notice for', () => {
    for (const y of [2021, 2022, 2023, 2024, 2025, 2026]) expect(calendar.covers(y)).toBe(true);
    expect(calendar.covers(2027)).toBe(false);
    expect(calendar.day('2027-10-01')).toEqual({ status: 'CALENDAR_UNKNOWN', date: '2027-10-01', year: 2027 });
    expect(calendar.source).toBe('chinese-days@1.5.7');
  });

  it('agrees with the package on every day of 2021-2026', () => {
    let date = '2021-01-01';
    let checked = 0;
    while (date <= '2026-12-31') {
      const a = calendar.day(date);
      expect(a.status).toBe('KNOWN');
      if (a.status === 'KNOWN') expect([date, a.working]).toEqual([date, chineseDays.isWorkday(date)]);
      date = addDays(date, 1);
      checked++;
    }
    expect(checked).toBe(365 * 6 + 1);
  });

  it.each([
    // National Day arrangements with adjusted working days (调休上班日)
    ['2021-09-26', true, 'ADJUSTED_WORKDAY'],
    ['2021-10-09', true, 'ADJUSTED_WORKDAY'],
    ['2022-10-08', true, 'ADJUSTED_WORKDAY'],
    ['2023-10-07', true, 'ADJUSTED_WORKDAY'],
    ['2024-09-29', true, 'ADJUSTED_WORKDAY'],
    ['2025-09-28', true, 'ADJUSTED_WORKDAY'],
    ['2026-10-10', true, 'ADJUSTED_WORKDAY'],
    ['2024-10-04', false, 'HOLIDAY'],
    ['2025-10-08', false, 'HOLIDAY'],
    ['2023-09-29', false, 'HOLIDAY'],
    ['2024-09-28', false, 'WEEKEND'],
    ['2024-10-08', true, 'WORKDAY'],
  ])('%s working=%s (%s)', (date, working, kind) => {
    const a = calendar.day(date);
    expect(a).toMatchObject({ status: 'KNOWN', working, kind });
  });
});

describe('working-day windows (catalogue C-3)', () => {
  it.each([
    // delivered on a Friday: the window runs over the weekend
    ['2024-03-01', '2024-03-08', 'weekend: Fri -> next Fri'],
    ['2024-03-04', '2024-03-11', 'Mon -> next Mon'],
    // National Day 2024: 09-29 (Sun) is a working day, 10-01..10-07 off
    ['2024-09-27', '2024-10-10', 'National Day 2024 with 调休'],
    ['2024-09-30', '2024-10-12', 'National Day 2024, 10-12 (Sat) is an adjusted working day'],
    // 2023: Mid-Autumn + National Day 09-29..10-06, 10-07/10-08 (Sat/Sun) are working days
    ['2023-09-28', '2023-10-11', 'National Day 2023 with 调休 weekend'],
    // 2025: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) working
    ['2025-09-26', '2025-10-10', 'National Day 2025'],
    // Across the year end into a covered year
    ['2025-12-29', '2026-01-06', 'New Year 2026 (01-01..01-03 off, 01-04 Sun worked)'],
  ])('delivered %s: fifth working day is %s (%s)', (delivered, lastDay) => {
    const d = addWorkingDays(calendar, delivered, 5);
    expect(d).toMatchObject({ status: 'OK', date: lastDay });
    if (d.status === 'OK') expect(d.counted).toHaveLength(5);
  });

  it('the fifth working day is inside, the next day is not', () => {
    expect(isWithinWorkingDays(calendar, '2024-09-27', 5, '2024-10-10')).toEqual({ status: 'OK', within: true, lastDay: '2024-10-10' });
    expect(isWithinWorkingDays(calendar, '2024-09-27', 5, '2024-10-11')).toMatchObject({ within: false });
    expect(isWithinWorkingDays(calendar, '2024-09-27', 5, '2024-09-27')).toMatchObject({ within: true });
  });

  it('a window reaching into a year the tables do not cover is CALENDAR_UNKNOWN, not a weekend count', () => {
    const d = addWorkingDays(calendar, '2026-12-28', 5);
    expect(d.status).toBe('CALENDAR_UNKNOWN');
    if (d.status === 'CALENDAR_UNKNOWN') {
      expect(d.year).toBe(2027);
      expect(d.explanation).toContain('2027');
    }
    // but a window that ends before the unknown year is still computed
    expect(addWorkingDays(calendar, '2026-12-21', 5)).toMatchObject({ status: 'OK', date: '2026-12-28' });
  });

  it('a supplement adds a year announced after the package release', () => {
    const withNext = createChineseDaysCalendar({
      supplement: { years: [2027], holidays: { '2027-01-01': '元旦' }, workdays: {} },
    });
    expect(withNext.covers(2027)).toBe(true);
    // 2026-12-28 (Mon): 29, 30, 31, then 2027-01-01 (holiday), 04 (Mon), 05
    expect(addWorkingDays(withNext, '2026-12-28', 5)).toMatchObject({ status: 'OK', date: '2027-01-05' });
  });

  it('coverage requires the Spring Festival and National Day arrangements', () => {
    const table = chineseDaysTable();
    expect(table.years).toContain(2026);
    const partial = createTableCalendar('test', { years: [2030], holidays: {}, workdays: {} });
    expect(partial.covers(2031)).toBe(false);
    expect(partial.day('2030-06-01')).toMatchObject({ status: 'KNOWN', working: false, kind: 'WEEKEND' });
  });
});
