import { describe, expect, it } from 'vitest';
import {
  findDates,
  parseChineseDate,
  parseChineseYearMonth,
  parseFiscalYear,
  readChineseDate,
} from '../../shared/extract/normalize/date.js';

describe('parseChineseDate', () => {
  it.each([
    ['2024年3月5日', '2024-03-05', 'figures'],
    ['2024 年 3 月 5 日', '2024-03-05', 'figures'],
    ['2024年03月05日', '2024-03-05', 'figures'],
    ['２０２４年３月５日', '2024-03-05', 'figures'],
    ['２０２４　年　３　月　５　日', '2024-03-05', 'figures'],
    ['二〇二四年三月五日', '2024-03-05', 'numerals'],
    ['二零二四年三月五日', '2024-03-05', 'numerals'],
    ['二○二四年三月五日', '2024-03-05', 'numerals'],
    ['二O二四年三月五日', '2024-03-05', 'numerals'], // OCR: the zero read as the letter O
    ['二0二四年三月五日', '2024-03-05', 'numerals'], // or as the figure 0
    ['二C〇二四年三月一日', '2024-03-01', 'numerals'], // or as 〇 with a mark beside it
    ['二〇C二四年四月十五日', '2024-04-15', 'numerals'],
    ['二@〇二四年四月二十二日', '2024-04-22', 'numerals'],
    ['二O〇二四年六月十八日', '2024-06-18', 'numerals'],
    ['二GO二五年一月八日', '2025-01-08', 'numerals'],
    ['二OC二五年一月八日', '2025-01-08', 'numerals'],
    ['二〇二四年十二月三十一日', '2024-12-31', 'numerals'],
    ['二〇二四年十月二十日', '2024-10-20', 'numerals'],
    ['一九九九年一月十一日', '1999-01-11', 'numerals'],
    ['2024.3.5', '2024-03-05', 'dot'],
    ['2024.03.05', '2024-03-05', 'dot'],
    ['２０２４．０３．０５', '2024-03-05', 'dot'],
    ['2024-03-05', '2024-03-05', 'dash'],
    ['2024/3/5', '2024-03-05', 'slash'],
    ['24年3月5日', '2024-03-05', 'short-year'],
    ['00年1月1日', '2000-01-01', 'short-year'],
    ['69年12月31日', '2069-12-31', 'short-year'],
    ['70年1月1日', '1970-01-01', 'short-year'],
    ['99年6月30日', '1999-06-30', 'short-year'],
    ['2024年2月29日', '2024-02-29', 'figures'],
    ['2000年2月29日', '2000-02-29', 'figures'],
    ['二〇二四年二月二十九日', '2024-02-29', 'numerals'],
  ])('%s -> %s (%s)', (input, iso, form) => {
    expect(parseChineseDate(input)).toEqual({ iso, form });
  });

  it.each([
    ['2023年2月29日', '日期不存在'],
    ['1900年2月29日', '日期不存在'],
    ['2024年2月30日', '日期不存在'],
    ['2024年4月31日', '日期不存在'],
    ['2024年13月1日', '月份不存在'],
    ['2024年0月1日', '月份不存在'],
    ['2024年3月0日', '日期不存在'],
    ['二〇二三年二月二十九日', '日期不存在'],
    ['2024年三月五日', '混用'],
    ['二〇二四年3月5日', '混用'],
    ['二〇二四年三月卅日', '无法识别'],
    ['二四年三月五日', '无法识别'],
    ['二〇二四年十三月一日', '月份不存在'],
    ['7024年3月5日', '年份超出范围'],
    ['1899.12.31', '年份超出范围'],
    ['2024-3/5', '无法识别'],
    ['24.3.5', '无法识别'],
    ['20240305', '无法识别'],
    ['2024年3月', '无法识别'],
    ['3月5日', '缺少年份'],
    ['2024 3 5', '无法识别'],
    ['2024年3月5日下午', '无法识别'],
    ['会议时间', '无法识别'],
    ['', '无法识别'],
  ])('refuses %j (%s)', (input, reason) => {
    const reading = readChineseDate(input);
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.reason).toContain(reason);
    expect(parseChineseDate(input)).toBeUndefined();
  });

  it('dates without a year take the reference year, and are still validated', () => {
    expect(parseChineseDate('3月5日', { referenceYear: 2024 })).toEqual({ iso: '2024-03-05', form: 'month-day' });
    expect(parseChineseDate('2月29日', { referenceYear: 2024 })?.iso).toBe('2024-02-29');
    expect(parseChineseDate('2月29日', { referenceYear: 2023 })).toBeUndefined();
    expect(parseChineseDate('2023年3月5日', { referenceYear: 2024 })?.iso).toBe('2023-03-05');
  });
});

describe('findDates', () => {
  it('finds every valid date in every form, with offsets into the original text', () => {
    const text = '会议于２０２４年３月５日召开，要求二〇二四年十二月三十一日前完成；2023年2月29日有误；另见2024.03.05与2024/3/6。';
    const found = findDates(text);
    expect(found.map((d) => d.iso)).toEqual(['2024-03-05', '2024-12-31', '2024-03-05', '2024-03-06']);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.raw);
    expect(found[0].raw).toBe('２０２４年３月５日');
    expect(found[1].raw).toBe('二〇二四年十二月三十一日');
  });

  it('finds a date whose written zero OCR read as O, but no year made of letters alone', () => {
    expect(findDates('会议于二O二四年三月二十七日(星期三)召开').map((d) => d.iso)).toEqual(['2024-03-27']);
    expect(findDates('OO二四年三月五日')).toEqual([]);
    expect(findDates('CC二四年三月五日')).toEqual([]);
    expect(findDates('送达日期:二@〇二四年四月二十二日').map((d) => d.iso)).toEqual(['2024-04-22']);
  });

  it('finds a date with a mark OCR read between the year and 年, and no other stray marks', () => {
    expect(findDates('2021]年02月05日下午，公司召开').map((d) => d.iso)).toEqual(['2021-02-05']);
    expect(parseChineseDate('2024）年3月5日')?.iso).toBe('2024-03-05');
    expect(findDates('2021年]02月05日')).toEqual([]);
    expect(parseChineseDate('202]年3月5日')).toBeUndefined();
  });

  it('takes a bracket or bar read in the month or day for a 1, a slash for a 7, a year one numeral too long, only when asked, and says so', () => {
    expect(findDates('开会时间：2022年1]月15日上午')).toEqual([]);
    expect(findDates('开会时间：2022年1]月15日上午', { repairs: true })).toMatchObject([{ iso: '2022-11-15', raw: '2022年1]月15日', repaired: true }]);
    expect(findDates('2024年]月2|日', { repairs: true }).map((d) => d.iso)).toEqual(['2024-01-21']);
    expect(findDates('认定日期2020年/月13日', { repairs: true }).map((d) => d.iso)).toEqual(['2020-07-13']);
    // a speck after a full month: the mark as a figure would make month 111
    expect(findDates('送达日期2021年11]月15日', { repairs: true })).toMatchObject([{ iso: '2021-11-15', repaired: true }]);
    // a year of five numerals: one read into it from before
    expect(findDates('报告日期二二〇二二年三月二十三日')).toEqual([]);
    expect(findDates('报告日期二二〇二二年三月二十三日', { repairs: true })).toMatchObject([{ iso: '2022-03-23', repaired: true }]);
    expect(findDates('2024年1月5日', { repairs: true })).toEqual([{ iso: '2024-01-05', start: 0, end: 9, raw: '2024年1月5日' }]);
  });

  it('finds spaced dates and two-digit years', () => {
    expect(findDates('日期：2024 年 3 月 5 日；24年6月1日')).toMatchObject([
      { iso: '2024-03-05', raw: '2024 年 3 月 5 日' },
      { iso: '2024-06-01', raw: '24年6月1日' },
    ]);
  });

  it.each([
    '编号12024年3月5日', // the year is part of a longer number
    '版本1.2024.3.5',
    '金额2024.35元',
    '共计3月5日',
    '无日期',
  ])('finds no date in %s', (text) => {
    expect(findDates(text)).toEqual([]);
  });
});

describe('parseChineseYearMonth and parseFiscalYear', () => {
  it.each([
    ['2024年3月', 2024, 3],
    ['2024 年 03 月', 2024, 3],
    ['二〇二四年十二月', 2024, 12],
    ['2024.3', 2024, 3],
    ['2024-03', 2024, 3],
  ])('%s -> %i-%i', (input, year, month) => {
    expect(parseChineseYearMonth(input)).toEqual({ year, month, iso: `${year}-${String(month).padStart(2, '0')}` });
  });

  it.each(['2024年13月', '2024年三月', '2024.3月', '24年3月', '2024年3月5日', '2024'])('year-month refuses %s', (input) => {
    expect(parseChineseYearMonth(input)).toBeUndefined();
  });

  it.each([
    ['2023年度', 2023],
    ['2023 年度', 2023],
    ['2023年', 2023],
    ['２０２３年度', 2023],
    ['二〇二三年度', 2023],
    ['2023', 2023],
  ])('fiscal year %s -> %i', (input, expected) => {
    expect(parseFiscalYear(input)).toBe(expected);
  });

  it.each(['23年度', '2023年度报告', '度', '3023年度', '二〇二三二年度'])('fiscal year refuses %s', (input) => {
    expect(parseFiscalYear(input)).toBeUndefined();
  });
});
