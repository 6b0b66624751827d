import { describe, expect, it } from 'vitest';
import { classify } from '../../shared/extract/classify.js';
import { extractFactSheet } from '../../shared/extract/fact-sheet.js';
import { extractMinutes } from '../../shared/extract/minutes.js';
import { extractAuditReport } from '../../shared/extract/audit-report.js';
import { REVIEW_CONFIDENCE } from '../../shared/pipeline/review.js';
import { linesOf } from './helpers.js';

const MINUTES = `
云南省某某融资担保有限责任公司
第12次项目评审会会议纪要
纪要编号：云担评〔2023〕12号
会议时间：二〇二三年三月五日
会议地点：公司三楼会议室
主 持 人：王建国（总经理）
出席人员：王建国、李红梅、张伟、赵敏、刘洋
缺席人员：无
记 录 人：陈晨
应到5人，实到5人。
申请企业：昆明绿源农业科技有限公司
担保金额：人民币伍佰万元整（¥5,000,000.00）
张伟：同意
李红梅：反对。理由：企业资产负债率偏高，依据《融资担保公司监督管理条例》第十五条
会议决定：同意为该企业提供担保
`;

const FACT_SHEET = `
尽职免责事实认定材料
编　　号：YNDB-2023-0147
被评议人：李红梅    职务：风险管理部经理
债务人：昆明绿源农业科技有限公司
担保金额：1,260万元
代偿日期：2023.6.30
代偿金额：人民币捌佰万元整
认定事实：经调查，被评议人在保前调查中如实揭示了企业经营风险，
保后管理中按规定开展了检查。
评议结论：☐尽职 ☑基本尽职 ☐不尽职
评议日期：2023年9月1日
送达日期：2023年9月4日
被评议人（签字）：李红梅
`;

const AUDIT = `
重庆市某某融资担保有限公司
2023年度内部审计报告
报告编号：渝担审〔2024〕3号
被审计单位：重庆市某某融资担保有限公司
审计期间：2023年度
金额单位：万元
在保余额：125,600.50
代偿率：2.35%
拨备覆盖率：156.20%
担保代偿回收率：41.5%
放大倍数：3.52倍
新增小微三农户数：1,234户
平均担保费率：0.95%
报告日期：2024年3月15日
`;

describe('classification from content', () => {
  it.each([
    ['MEETING_MINUTES', MINUTES],
    ['FACT_SHEET', FACT_SHEET],
    ['AUDIT_REPORT', AUDIT],
  ])('classifies %s', (kind, text) => {
    expect(classify(linesOf(text)).kind).toBe(kind);
  });

  it('leaves a document it cannot place as UNKNOWN', () => {
    expect(classify(linesOf('关于召开春节联欢会的通知\n请各部门于下午三点到礼堂集合。')).kind).toBe('UNKNOWN');
  });

  it('tolerates OCR errors in the title', () => {
    expect(classify(linesOf('事实认走材料\n被评议人：张三\n评议结论：尽职\n送达日期：2024年1月2日')).kind).toBe('FACT_SHEET');
  });
});

describe('meeting minutes', () => {
  const f = extractMinutes(linesOf(MINUTES));
  it('reads the labeled values', () => {
    expect(f.meetingType?.value).toBe('REVIEW_COMMITTEE');
    expect(f.meetingDate?.value).toBe('2023-03-05');
    expect(f.minutesNo?.value).toBe('云担评〔2023〕12号');
    expect(f.chair?.value).toBe('王建国');
    expect(f.recorder?.value).toBe('陈晨');
    expect(f.attendees?.value).toEqual(['王建国', '李红梅', '张伟', '赵敏', '刘洋']);
    expect(f.absentees?.value).toEqual([]);
    expect(f.expectedCount?.value).toBe(5);
    expect(f.presentCount?.value).toBe(5);
    expect(f.amount?.value).toBe(500_000_000);
    expect(f.institutionName?.value).toBe('云南省某某融资担保有限责任公司');
  });
  it('reads votes with dissent and its legal basis', () => {
    expect(f.votes?.value).toEqual([
      { member: '张伟', vote: '同意' },
      expect.objectContaining({ member: '李红梅', vote: '反对', legalBasis: expect.stringContaining('《融资担保公司监督管理条例》') }),
    ]);
  });
  it('keeps provenance', () => {
    expect(f.meetingDate?.provenance).toMatchObject({ page: 1, sourceText: '会议时间：二〇二三年三月五日', label: '会议时间' });
  });
});

describe('fact sheet', () => {
  const f = extractFactSheet(linesOf(FACT_SHEET));
  it('reads the values', () => {
    expect(f.caseId?.value).toBe('YNDB-2023-0147');
    expect(f.evaluatedPerson?.value).toBe('李红梅');
    expect(f.position?.value).toBe('风险管理部经理');
    expect(f.guaranteeAmount?.value).toBe(1_260_000_000);
    expect(f.compensationDate?.value).toBe('2023-06-30');
    expect(f.compensationAmount?.value).toBe(800_000_000);
    expect(f.conclusion?.value).toBe('基本尽职');
    expect(f.conclusionDate?.value).toBe('2023-09-01');
    expect(f.deliveryDate?.value).toBe('2023-09-04');
    expect(f.signaturePresent?.value).toBe(true);
    expect(f.facts?.value).toContain('保后管理中按规定开展了检查');
  });
  it('gives no conclusion when no option or several are ticked', () => {
    expect(extractFactSheet(linesOf('评议结论：☐尽职 ☐基本尽职 ☐不尽职')).conclusion).toBeUndefined();
    expect(extractFactSheet(linesOf('评议结论：☑尽职 ☑基本尽职 ☐不尽职')).conclusion).toBeUndefined();
  });
  it('reads a refusal to sign', () => {
    const r = extractFactSheet(linesOf('被评议人（签字）：拒签\n备注：被评议人拒绝签字'));
    expect(r.refused?.value).toBe(true);
    expect(r.signaturePresent?.value).toBe(false);
  });
});

describe('audit report', () => {
  const f = extractAuditReport(linesOf(AUDIT));
  it('reads indicators with the declared unit', () => {
    expect(f.auditKind?.value).toBe('内部审计');
    expect(f.fiscalYear?.value).toBe(2023);
    expect(f.reportNo?.value).toBe('渝担审〔2024〕3号');
    expect(f.outstandingBalance?.value).toBe(125_600_50 * 10_000);
    expect(f.compensationRate?.value).toBe(235);
    expect(f.provisionCoverageRatio?.value).toBe(15620);
    expect(f.recoveryRate?.value).toBe(4150);
    expect(f.leverageMultiple?.value).toBe(352);
    expect(f.newSmallMicroClients?.value).toBe(1234);
    expect(f.avgFeeRate?.value).toBe(95);
    expect(f.reportDate?.value).toBe('2024-03-15');
  });

  it('reads a rate whose % OCR garbled, and a figure after the remains of a rule, for a person to confirm', () => {
    const g = extractAuditReport(
      linesOf(`重庆市某某融资担保有限公司
2023年度内部审计报告
序号　指标名称　　　　2022年　　　2023年
1　　担保代偿率　　　4.2994　　　]3.3994
2　　拨备覆盖率　　　187.029%4　 154.60%4`),
    );
    expect(g.compensationRate).toMatchObject({ value: 339 });
    expect(g.compensationRate!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(g.provisionCoverageRatio?.value).toBe(15460);
  });
});
