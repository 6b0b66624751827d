import { describe, expect, it } from 'vitest';
import { isWorkingDay, nextWorkingDay } from '../generator/models/common.js';
import { createRng } from '../generator/prng.js';
import {
  formatDate,
  formatMoney,
  formatMultiple,
  formatPercent,
  moneyStyleFits,
  moneyUpper,
  spacedLabel,
  wanDecimal,
  weekdayZh,
} from '../generator/zh-format.js';

describe('createRng', () => {
  it('repeats for a seed and differs between seeds and forks', () => {
    const a = createRng(7);
    const b = createRng(7);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(createRng(8).next()).not.toBe(seqA[0]);
    expect(createRng(7).fork('x').next()).not.toBe(createRng(7).fork('y').next());
    expect(createRng(7).fork('x').next()).toBe(createRng(7).fork('x').next());
  });

  it('draws integers inside the bounds, both ends reachable', () => {
    const r = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(r.sample([1, 2, 3, 4, 5], 3)).toHaveLength(3);
    expect(new Set(r.sample([1, 2, 3, 4, 5], 5)).size).toBe(5);
  });
});

describe('Chinese money, dates and rates', () => {
  it.each([
    [500_000_000, '伍佰万元整'],
    [1_260_000_000, '壹仟贰佰陆拾万元整'],
    [100_500_000, '壹佰万零伍仟元整'],
    [10_005_000_000, '壹亿零伍万元整'],
    [20_000_000_000, '贰亿元整'],
    [123_456, '壹仟贰佰叁拾肆元伍角陆分'],
    [100_005, '壹仟元零伍分'],
    [312_654_837, '叁佰壹拾贰万陆仟伍佰肆拾捌元叁角柒分'],
  ])('writes %i fen in capitals as %s', (fen, text) => {
    expect(moneyUpper(fen)).toBe(text);
  });

  it('prints money in the usual forms, exactly or not at all', () => {
    expect(formatMoney(500_000_000, 'upper')).toBe('人民币伍佰万元整');
    expect(formatMoney(1_260_000_000, 'wan')).toBe('1,260万元');
    expect(formatMoney(500_000_000, 'wan-fixed')).toBe('500.00万元');
    expect(formatMoney(500_000_000, 'yuan-sign')).toBe('¥5,000,000.00');
    expect(formatMoney(500_000_000, 'yuan-plain')).toBe('5000000元');
    expect(formatMoney(312_654_837, 'yuan')).toBe('3,126,548.37元');
    expect(formatMoney(500_000_000, 'upper-with-figures')).toBe('人民币伍佰万元整（¥5,000,000.00）');
    expect(wanDecimal(15_832_645_000_0, { fixed: 2 })).toBe('158,326.45');
    expect(moneyStyleFits(312_654_837, 'wan')).toBe(false);
    expect(() => formatMoney(0, 'yuan')).toThrow(RangeError);
  });

  it('prints dates in the usual forms', () => {
    expect(formatDate('2024-03-05', 'ymd')).toBe('2024年3月5日');
    expect(formatDate('2024-03-05', 'zh-numerals')).toBe('二〇二四年三月五日');
    expect(formatDate('2023-12-20', 'zh-numerals')).toBe('二〇二三年十二月二十日');
    expect(formatDate('2020-10-31', 'zh-numerals')).toBe('二〇二〇年十月三十一日');
    expect(formatDate('2024-03-05', 'dot')).toBe('2024.3.5');
    expect(formatDate('2024-03-05', 'ymd-padded')).toBe('2024年03月05日');
    expect(weekdayZh('2024-03-05')).toBe('星期二');
  });

  it('prints rates, multiples and spaced labels', () => {
    expect(formatPercent(435)).toBe('4.35%');
    expect(formatPercent(430, true)).toBe('4.3%');
    expect(formatPercent(31245)).toBe('312.45%');
    expect(formatMultiple(352)).toBe('3.52倍');
    expect(spacedLabel('编号')).toBe('编　　号');
    expect(spacedLabel('主持人')).toBe('主 持 人');
  });
});

describe('office calendar', () => {
  it('knows weekends and the main public holidays', () => {
    expect(isWorkingDay('2024-03-05')).toBe(true);
    expect(isWorkingDay('2024-03-09')).toBe(false); // Saturday
    expect(isWorkingDay('2024-10-02')).toBe(false); // 国庆
    expect(isWorkingDay('2024-02-12')).toBe(false); // 春节
    expect(isWorkingDay('2025-01-31')).toBe(false); // 春节
    expect(isWorkingDay('2024-05-02')).toBe(false); // 劳动节
    expect(nextWorkingDay('2024-09-30', 1)).toBe('2024-10-08');
    expect(nextWorkingDay('2024-10-08', -1)).toBe('2024-09-30');
  });
});
