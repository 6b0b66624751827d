import { describe, expect, it } from 'vitest';
import { compactSpaces, compactValue, fixNumericOcr, toHalfWidth } from '../../shared/extract/normalize/text.js';

describe('toHalfWidth', () => {
  it.each([
    ['２０２４年３月５日', '2024年3月5日'],
    ['１，２６０．５万元', '1,260.5万元'],
    ['会议时间：上午', '会议时间:上午'],
    ['５．０１％', '5.01%'],
    ['（一）', '(一)'],
    ['ＲＭＢ　５００', 'RMB 500'],
    ['￥１２', '¥12'],
    ['。、《》【】', '。、《》【】'],
    ['编号ABC-1', '编号ABC-1'],
  ])('%s -> %s', (input, expected) => {
    const out = toHalfWidth(input);
    expect(out).toBe(expected);
    expect(out.length).toBe(input.length);
  });
});

describe('compactSpaces', () => {
  it.each([
    ['编　　号', '编号'],
    ['会 议 时 间', '会议时间'],
    ['2024 年 3 月 5 日', '2024年3月5日'],
    ['Zhang   San', 'Zhang San'],
    ['  主持人： 张三  ', '主持人：张三'],
    ['RMB 500', 'RMB 500'],
    ['第一行 甲\n 第 二 行', '第一行甲\n第二行'],
    ['100  200', '100 200'],
  ])('%j -> %j', (input, expected) => {
    expect(compactSpaces(input)).toBe(expected);
  });
});

describe('compactValue', () => {
  it.each([
    ['人民币 500 万元', '人民币500万元'],
    [' ２０２４ 年 ３ 月 ', '2024年3月'],
    ['100 200元', '100 200元'],
    ['伍佰万\n元整', '伍佰万元整'],
  ])('%j -> %j', (input, expected) => {
    expect(compactValue(input)).toBe(expected);
  });
});

describe('fixNumericOcr', () => {
  it.each([
    ['2O24年', '2024年'],
    ['2o24年', '2024年'],
    ['5OO万元', '500万元'],
    ['l260万元', '1260万元'],
    ['I5人', '15人'],
    ['1S0', '150'],
    ['1SO', '150'],
    ['1|2', '112'],
    ['1,2OO.5O元', '1,200.50元'],
    ['第l0条', '第10条'],
  ])('repairs %s -> %s', (input, expected) => {
    expect(fixNumericOcr(input)).toBe(expected);
  });

  it.each([
    'ISO 9001',
    'ISO9001',
    '91110000MA1OX',
    'No.1',
    'Iot',
    'S5',
    '5S',
    '|12|',
    'lO',
    'Office 365',
    '2024年l月',
  ])('leaves %s alone', (input) => {
    expect(fixNumericOcr(input)).toBe(input);
  });
});
