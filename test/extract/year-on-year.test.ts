import { describe, expect, it } from 'vitest';
import { changeTie, valueFromChange } from '../../shared/extract/year-on-year.js';

describe("a value tied to its row's change", () => {
  it('agrees when the change between the prior value and it is the one printed, in per cent or in points, with OCR tails after the sign', () => {
    expect(changeTie({ value: 6292, cell: '6,292', prior: 6489, priorCell: '6,489', change: '-3.04%', rate: false })).toEqual({ agrees: true });
    expect(changeTie({ value: 6292, cell: '6,292', prior: 6489, priorCell: '6,489', change: '-3.049%0', rate: false })).toEqual({ agrees: true });
    expect(changeTie({ value: 345, cell: '3.45', prior: 259, priorCell: '2.59', change: '+0.86个百分点', rate: true })).toEqual({ agrees: true });
    // a minus OCR lost: the size of the change fits
    expect(changeTie({ value: 6292, cell: '6,292', prior: 6489, priorCell: '6,489', change: '3.04%', rate: false })).toEqual({ agrees: true });
  });

  it('is put right where exactly one reading a figure away fits: a figure added, lost or misread', () => {
    expect(changeTie({ value: 60292, cell: '60,292', prior: 6489, priorCell: '6,489', change: '-3.049%0', rate: false })).toEqual({ agrees: false, mended: 6292 });
    expect(changeTie({ value: 6003, cell: '6003', prior: 3849, priorCell: '3,849', change: '-84.33%', rate: false })).toEqual({ agrees: false, mended: 603 });
    // 万元 with two decimals: the value in fen
    expect(changeTie({ value: 60_645_530_000, cell: '60,645.53', prior: 2_007_940_000, priorCell: '2,007.94', change: '+230.96%46', rate: false })).toEqual({ agrees: false, mended: 6_645_530_000 });
    expect(changeTie({ value: 45, cell: '0.45', prior: 259, priorCell: '2.59', change: '+0.86个百分点', rate: true })).toEqual({ agrees: false, mended: 345 });
  });

  it('is left as read where the prior value or the change read a figure away would explain the odds as well', () => {
    // 4.55 − 1.99 = 2.56: the prior value may be the one misread
    expect(changeTie({ value: 455, cell: '4.55', prior: 189, priorCell: '1.89', change: '+2.56个百分点', rate: true })).toEqual({ agrees: false });
    // 1.26 − 0.78 = 0.48, but 1.20 − 0.72 = 0.48 as well
    expect(changeTie({ value: 120, cell: '1.20', prior: 78, priorCell: '0.78', change: '+0.48个百分点', rate: true })).toEqual({ agrees: false });
    // the change OCR garbled: 549.24% read 9549.24%
    expect(changeTie({ value: 3837, cell: '3,837', prior: 591, priorCell: '591', change: '+9549.249%6', rate: false })).toEqual({ agrees: false });
  });

  it('says nothing where the change cannot check the value', () => {
    // a rate's change in per cent, not in points; no change read; a prior value of nothing
    expect(changeTie({ value: 345, cell: '3.45', prior: 259, priorCell: '2.59', change: '+33.20%', rate: true })).toBeUndefined();
    expect(changeTie({ value: 6292, cell: '6,292', prior: 6489, priorCell: '6,489', change: '—', rate: false })).toBeUndefined();
    expect(changeTie({ value: 6292, cell: '6,292', prior: 0, priorCell: '0', change: '+100.00%', rate: false })).toBeUndefined();
  });

  it('reads a cell OCR garbled past reading where exactly one reading of its figures fits', () => {
    // a figure added before the thousands; a per cent sign read as figures, after the decimals the prior value shows
    expect(valueFromChange({ cell: '9570,679.36', prior: 391_188_080_000, priorCell: '391,188.08', change: '+45.88%0', rate: false })).toBe(570_679_360_000);
    expect(valueFromChange({ cell: '3.069%40', prior: 366, priorCell: '3.66%', change: '-0.60个百分点', rate: true })).toBe(306);
    expect(valueFromChange({ cell: '349.29906', prior: 23_697, priorCell: '236.97%', change: '+112.32个百分点|', rate: true })).toBe(34_929);
    // nothing fits, or the change cannot tell
    expect(valueFromChange({ cell: '二9.35', prior: 4_756_170_000, priorCell: '4,756.17', change: '-03.604940', rate: false })).toBeUndefined();
    expect(valueFromChange({ cell: '9570,679.36', prior: 391_188_080_000, priorCell: '391,188.08', change: '', rate: false })).toBeUndefined();
  });
});
