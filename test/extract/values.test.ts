import { describe, expect, it } from 'vitest';
import { moneyValue } from '../../shared/extract/values.js';

describe('an amount as a field value', () => {
  const read = moneyValue();

  it('is sure when figures and capitals agree, doubtful when they do not', () => {
    expect(read('人民币叁佰柒拾万元整（¥3,700,000.00）')).toEqual({ value: 370_000_000, certainty: 1 });
    expect(read('人民币叁佰柒拾万元整（¥3,600,000.00）')).toEqual({ value: 370_000_000, certainty: 0.3 });
  });

  it('trusts characters put right after OCR only when the other writing confirms them', () => {
    expect(read('人民币参佰染抬万元整（# 3,700,000.00）')).toEqual({ value: 370_000_000, certainty: 1 });
    expect(read('人民币参佰染抬万元整')).toEqual({ value: 370_000_000, certainty: 0.8 });
  });
});
