import { describe, expect, it } from 'vitest';
import {
  parseCount,
  parseMultiple,
  parsePercent,
  readCount,
  readPercent,
} from '../../shared/extract/normalize/percent.js';

describe('parsePercent', () => {
  it.each([
    ['4.35%', 435],
    ['70%', 7_000],
    ['69.99%', 6_999],
    ['5.01％', 501],
    ['５．０１％', 501],
    ['4.350%', 435],
    ['0.5%', 50],
    ['0%', 0],
    ['100%', 10_000],
    ['1,234.56%', 123_456],
    ['4.35 %', 435],
    ['百分之七十', 7_000],
    ['百分之四点三五', 435],
    ['百分之零点五', 50],
    ['百分之一百二十', 12_000],
    ['百分之4.35', 435],
    ['0.5‰', 5],
    ['3‰', 30],
    ['千分之五', 50],
  ])('%s = %i bp', (input, bp) => {
    expect(parsePercent(input)).toEqual({ bp });
  });

  it.each([
    ['4.355%', '万分之一以下'],
    ['0.55‰', '万分之一以下'],
    ['百分之四点三五五', '万分之一以下'],
    ['4.35', '无法识别'],
    ['%', '无法识别'],
    ['abc%', '无法识别'],
    ['4.3.5%', '无法识别'],
    ['百分之一百五', '无法识别'],
    ['百分之', '无法识别'],
    ['-4.35%', '无法识别'],
    ['4 35%', '无法识别'],
    ['', '无法识别'],
  ])('refuses %j (%s)', (input, reason) => {
    const reading = readPercent(input);
    expect(reading.ok ? '' : reading.reason).toContain(reason);
    expect(parsePercent(input)).toBeUndefined();
  });
});

describe('parseMultiple', () => {
  it.each([
    ['3.52倍', 352],
    ['3倍', 300],
    ['3.5', 350],
    ['１２．０５倍', 1_205],
    ['三点五二倍', 352],
    ['十倍', 1_000],
  ])('%s = %i hundredths', (input, expected) => {
    expect(parseMultiple(input)).toBe(expected);
  });

  it.each(['3.525倍', '倍', '三倍半', 'abc', '3.5%'])('refuses %s', (input) => {
    expect(parseMultiple(input)).toBeUndefined();
  });
});

describe('parseCount', () => {
  it.each([
    ['新增户数 1,234户', 1_234],
    ['1234', 1_234],
    ['十二人', 12],
    ['应到七人', 7],
    ['实到 9 人', 9],
    ['第一次会议应到七人', 7],
    ['两家', 2],
    ['二〇二三年新增小微企业客户1,234户', 1_234],
    ['一百零五笔', 105],
  ])('%s = %i', (input, expected) => {
    expect(parseCount(input)).toBe(expected);
  });

  it.each([
    ['应到七人，实到六人', '不唯一'],
    ['1 234户', '不唯一'],
    ['1.5户', '不是整数'],
    ['1,23户', '不是整数'],
    ['一百五人', '不是整数'],
    ['若干人', '未找到'],
    ['', '未找到'],
  ])('refuses %j (%s)', (input, reason) => {
    const reading = readCount(input);
    expect(reading.ok ? '' : reading.reason).toContain(reason);
    expect(parseCount(input)).toBeUndefined();
  });
});
