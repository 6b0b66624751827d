import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_STATUS_ZH,
  MODALITY_ZH,
  formatBasisPoints,
  formatConfidence,
  formatDateTimeZh,
  formatDateZh,
  formatJurisdiction,
  formatMoney,
  formatMultiple,
  formatWanYuan,
  formatYuan,
  isoDateInChina,
} from '../../shared/reports/format.js';
import { formatFieldValue } from '../../shared/reports/field-values.js';
import { FIELD_LABEL_ZH } from '../../shared/reports/field-labels.js';
import { AuditReportFields, FactSheetFields, MeetingMinutesFields } from '../../shared/domain/fields.js';

describe('money', () => {
  it.each([
    [500_000_000, '5,000,000.00 元', '500.00 万元'],
    [487_654_321, '4,876,543.21 元', '487.654321 万元'],
    [1, '0.01 元', '0.000001 万元'],
    [0, '0.00 元', '0.00 万元'],
    [-123_456, '-1,234.56 元', '-0.123456 万元'],
    [100_000_000_000, '1,000,000,000.00 元', '100,000.00 万元'],
  ])('%i fen -> %s / %s', (fen, yuan, wan) => {
    expect(formatYuan(fen)).toBe(yuan);
    expect(formatWanYuan(fen)).toBe(wan);
    expect(formatMoney(fen)).toBe(`${yuan}（${wan}）`);
  });

  it('refuses non-integer fen rather than print a rounded amount', () => {
    expect(() => formatYuan(12.5)).toThrow(RangeError);
  });
});

describe('rates, multiples, confidence', () => {
  it.each([
    [435, '4.35%'],
    [500, '5.00%'],
    [7, '0.07%'],
    [-25, '-0.25%'],
    [10_000, '100.00%'],
  ])('%i basis points -> %s', (bp, text) => expect(formatBasisPoints(bp)).toBe(text));

  it('prints hundredths as a multiple', () => expect(formatMultiple(352)).toBe('3.52 倍'));

  it.each([
    [0.93, '93%'],
    [0.999, '99%'],
    [1, '100%'],
    [0.29, '29%'],
    [0, '0%'],
  ])('confidence %f -> %s', (c, text) => expect(formatConfidence(c)).toBe(text));
});

describe('dates', () => {
  it('prints ISO dates in the Chinese form without leading zeros', () => {
    expect(formatDateZh('2024-03-05')).toBe('2024年3月5日');
    expect(formatDateZh('2023-12-31')).toBe('2023年12月31日');
    expect(formatDateZh('not a date')).toBe('not a date');
  });

  it('takes the calendar date in China time (UTC+8)', () => {
    expect(isoDateInChina(new Date('2024-03-04T16:00:00Z'))).toBe('2024-03-05');
    expect(isoDateInChina(new Date('2024-03-04T15:59:59Z'))).toBe('2024-03-04');
    expect(formatDateTimeZh('2024-03-04T08:15:00Z')).toBe('2024年3月4日 16:15');
  });
});

describe('vocabularies', () => {
  it('names every modality and status in Chinese', () => {
    expect(MODALITY_ZH).toEqual({
      may: '可（可以免责）',
      shall: '应（应当）',
      not_exemptable: '不得免责',
      in_principle: '原则上',
      procedure: '程序要求',
      data_check: '数据核验',
    });
    expect(DOCUMENT_STATUS_ZH.PROCESSED).toBe('已处理');
    expect(DOCUMENT_STATUS_ZH.NEEDS_REVIEW).toBe('待人工复核');
    expect(DOCUMENT_STATUS_ZH.REJECTED).toBe('已拒收');
  });

  it('labels every field of every schema', () => {
    const keys = [MeetingMinutesFields, FactSheetFields, AuditReportFields].flatMap((s) => Object.keys(s.shape));
    for (const key of keys) expect(FIELD_LABEL_ZH[key as keyof typeof FIELD_LABEL_ZH], key).toMatch(/\p{Script=Han}/u);
  });

  it('names known jurisdictions and passes others through', () => {
    expect(formatJurisdiction('YN')).toBe('云南省（YN）');
    expect(formatJurisdiction('ZZ')).toBe('ZZ');
  });
});

describe('field values by what the field holds', () => {
  it.each([
    ['guaranteeAmount', 500_000_000, '5,000,000.00 元'],
    ['registeredCapital', 100_000_000_000, '1,000,000,000.00 元'],
    ['compensationRate', 435, '4.35%'],
    ['provisionCoverageRatio', 15_000, '150.00%'],
    ['leverageMultiple', 352, '3.52 倍'],
    ['meetingDate', '2021-06-18', '2021年6月18日'],
    ['attendees', ['赵六', '钱八'], '赵六、钱八'],
    ['presentCount', 5, '5 人'],
    ['newSmallMicroClients', 1234, '1,234 户'],
    ['fiscalYear', 2023, '2023年度'],
    ['signaturePresent', false, '否'],
    ['meetingType', 'REVIEW_COMMITTEE', '项目评审会/评审委员会'],
    ['conclusion', '基本尽职', '基本尽职'],
    ['recusals', [{ person: '冯十二', reason: '近亲属' }, { person: '陈十三' }], '冯十二（回避理由：近亲属）、陈十三'],
  ] as const)('%s', (key, value, text) => expect(formatFieldValue(key, value)).toBe(text));

  it('prints votes with the dissent and its basis', () => {
    const votes = [
      { member: '张三', vote: '反对', dissentText: '担保物价值不足', legalBasis: '第二十一条' },
      { member: '李四', vote: '同意' },
    ];
    expect(formatFieldValue('votes', votes)).toBe('张三：反对（理由：担保物价值不足；依据：第二十一条）；李四：同意');
  });
});
