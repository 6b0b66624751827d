import { describe, expect, it } from 'vitest';
import { parseChineseDecimal, parseChineseDigits, parseChineseInteger } from '../../shared/extract/normalize/chineseNumerals.js';
import { readFigures, scaleDecimal, toSafeInteger } from '../../shared/extract/normalize/decimal.js';

describe('parseChineseInteger', () => {
  it.each([
    ['零', 0n],
    ['〇', 0n],
    ['七', 7n],
    ['十', 10n],
    ['十二', 12n],
    ['拾万', 100_000n],
    ['二十', 20n],
    ['三十一', 31n],
    ['一百零五', 105n],
    ['一百一十', 110n],
    ['一千零一十', 1010n],
    ['壹仟零伍拾', 1050n],
    ['壹仟零伍', 1005n],
    ['两百万', 2_000_000n],
    ['贰拾万零叁佰', 200_300n],
    ['壹万零伍佰', 10_500n],
    ['壹拾万零柒仟', 107_000n],
    ['壹拾万柒仟', 107_000n], // 零 may be left out after 万 before a thousand
    ['壹佰万柒仟', 1_007_000n],
    ['壹佰零伍万', 1_050_000n],
    ['壹仟贰佰叁拾肆万伍仟陆佰柒拾捌', 12_345_678n],
    ['壹亿', 100_000_000n],
    ['壹亿贰仟万', 120_000_000n],
    ['壹亿零伍拾万', 100_500_000n],
    ['壹亿零伍', 100_000_005n],
    ['壹拾亿柒仟万', 1_070_000_000n],
    ['壹万亿', 1_000_000_000_000n],
    ['壹万零贰亿', 1_000_200_000_000n],
    ['貳萬參仟', 23_000n],
  ])('%s = %s', (input, expected) => {
    expect(parseChineseInteger(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['一百五', 'colloquial elision: 150 or 105'],
    ['一万五', 'colloquial elision: 15000 or 10005'],
    ['壹亿伍仟', 'elided 万 or a missing 零'],
    ['壹亿柒佰万', '零 missing after 亿'],
    ['壹仟伍拾', '零 missing'],
    ['贰拾万叁佰', '零 missing in the thousands place'],
    ['壹万零柒仟', 'superfluous 零'],
    ['壹亿零柒仟万', 'superfluous 零'],
    ['壹佰零零伍', 'doubled 零'],
    ['零壹佰', 'leading 零'],
    ['壹佰零', 'trailing 零'],
    ['壹拾零万', '零 before 万'],
    ['一千零十', 'bare 十 after 零'],
    ['五五', 'two digits'],
    ['十十', 'two units'],
    ['壹佰贰仟', 'ascending units'],
    ['壹万贰万', 'two 万'],
    ['壹亿贰亿', 'two 亿'],
    ['万', 'unit alone'],
    ['壹万贰亿', '零 missing before 亿 group'],
    ['一二三', 'digit sequence is not an integer'],
    ['五十a', 'foreign character'],
    ['揽佰', 'OCR confusion of 捌'],
  ])('refuses %s (%s)', (input) => {
    expect(parseChineseInteger(input)).toBeUndefined();
  });
});

describe('parseChineseDigits', () => {
  it.each([
    ['二〇二四', '2024'],
    ['二○二四', '2024'],
    ['二零二四', '2024'],
    ['一九九八', '1998'],
    ['贰零贰肆', '2024'],
  ])('%s -> %s', (input, expected) => {
    expect(parseChineseDigits(input)).toBe(expected);
  });

  it.each(['', '二十', '两〇', '2024'])('refuses %j', (input) => {
    expect(parseChineseDigits(input)).toBeUndefined();
  });
});

describe('parseChineseDecimal', () => {
  it.each([
    ['四点三五', '4.35'],
    ['七十', '70'],
    ['零点五', '0.5'],
    ['一百二十点零一', '120.01'],
  ])('%s -> %s', (input, expected) => {
    expect(parseChineseDecimal(input)).toBe(expected);
  });

  it.each(['四点', '点五', '四点三点五', '四点十'])('refuses %s', (input) => {
    expect(parseChineseDecimal(input)).toBeUndefined();
  });
});

describe('decimal helpers', () => {
  it.each([
    ['1,260.5', '1260.5'],
    ['5,000,000.00', '5000000.00'],
    ['1260', '1260'],
    ['0.5', '0.5'],
  ])('readFigures %s -> %s', (input, expected) => {
    expect(readFigures(input)).toBe(expected);
  });

  it.each(['1,2600', '12,60', '1.260,5', ',260', '1,260.', '.5', '1 260'])('readFigures refuses %j', (input) => {
    expect(readFigures(input)).toBeUndefined();
  });

  it.each([
    ['1260.5', 6, 1_260_500_000n],
    ['5000000.00', 2, 500_000_000n],
    ['1.2300', 2, 123n],
    ['0', 2, 0n],
    ['12345.678', 2, undefined],
    ['4.355', 2, undefined],
    ['1e3', 2, undefined],
  ])('scaleDecimal(%s, %i) = %s', (input, shift, expected) => {
    expect(scaleDecimal(input, shift)).toBe(expected);
  });

  it('toSafeInteger refuses values beyond 2^53 - 1', () => {
    expect(toSafeInteger(9_007_199_254_740_991n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(toSafeInteger(9_007_199_254_740_992n)).toBeUndefined();
  });
});
