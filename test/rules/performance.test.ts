import { describe, expect, it } from 'vitest';
import { Finding } from '../../shared/domain/records.js';
import { assessShanxi, assessXinjiang, checksToFindings, DEFAULT_SCORECARDS, evaluatePerformance, gradeForScore } from '../../shared/rules/performance.js';

const TODAY = '2025-06-30';
const cq = (extra: Record<string, unknown> = {}) => ({
  institution: { name: '重庆某融资担保有限公司', type: '融资担保' as const, onGovernmentList: true },
  year: 2024,
  ...extra,
});

describe('CQ-13 grade bands (hundredths, compared exactly)', () => {
  it.each([
    [10000, '优'],
    [9000, '优'],
    [8999, '良'],
    [8000, '良'],
    [7999, '中'],
    [7000, '中'],
    [6999, '低'],
    [6000, '低'],
    [5999, '差'],
    [0, '差'],
    [10001, 'INVALID_SCORE'],
    [-1, 'INVALID_SCORE'],
  ])('%i -> %s', (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });

  it.each([
    [5999, '差', ['INTERVIEW_REQUIRED']],
    [6000, '低', ['INTERVIEW_REQUIRED']],
    [8999, '良', ['SUPPORT_ELIGIBLE']],
    [9000, '优', ['SUPPORT_ELIGIBLE']],
    [7000, '中', ['SUPPORT_ELIGIBLE']],
  ])('evaluation at %i -> %s with %o', (score, grade, flags) => {
    const r = evaluatePerformance(cq({ totalScoreHundredths: score }), { today: TODAY });
    expect(r).toMatchObject({ outcome: 'GRADED', finalGrade: grade, baseGrade: grade });
    for (const f of flags) expect(r.flags).toContain(f);
    expect(r.checks.find((c) => c.ruleId === 'CQ-13')?.quote).toContain('评定等次为“优”');
  });

  it('an out-of-range score is invalid and ungraded', () => {
    const r = evaluatePerformance(cq({ totalScoreHundredths: 10050 }), { today: TODAY });
    expect(r).toMatchObject({ outcome: 'INVALID_SCORE', finalGrade: undefined });
  });
});

describe('CQ caps and downgrades', () => {
  it.each([
    [{ totalScoreHundredths: 9500, seriousNonCompliance: { found: true } }, '中', ['COMPLIANCE_CAP_APPLIED']],
    [{ totalScoreHundredths: 6500, seriousNonCompliance: { found: true } }, '低', []], // already below the cap
    [{ totalScoreHundredths: 9500, seriousNonCompliance: { found: true, evaluatorGrade: '差' } }, '差', ['COMPLIANCE_CAP_APPLIED']],
    [{ totalScoreHundredths: 9500, seriousNonCompliance: { found: true, evaluatorGrade: '良' } }, '中', ['COMPLIANCE_CAP_APPLIED']], // above 中 ignored
    [{ totalScoreHundredths: 9500, falseMaterial: { found: true, kind: '虚假材料' } }, '良', ['FALSE_MATERIAL_DOWNGRADE', 'NEXT_YEAR_EXCELLENT_BARRED']],
    [{ totalScoreHundredths: 9500, seriousNonCompliance: { found: true }, falseMaterial: { found: true } }, '低', ['COMPLIANCE_CAP_APPLIED', 'FALSE_MATERIAL_DOWNGRADE']], // cap, then down
    [{ totalScoreHundredths: 5000, falseMaterial: { found: true } }, '差', ['FALSE_MATERIAL_DOWNGRADE']], // nothing below 差
    [{ totalScoreHundredths: 9500, previousYear: { falseMaterialFound: true } }, '良', ['NEXT_YEAR_EXCELLENT_BARRED']],
    [{ totalScoreHundredths: 8500, previousYear: { falseMaterialFound: true } }, '良', []],
  ])('%o -> %s', (extra, grade, flags) => {
    const r = evaluatePerformance(cq(extra), { today: TODAY });
    expect(r.finalGrade).toBe(grade);
    for (const f of flags) expect(r.flags).toContain(f);
  });

  it('two consecutive 差 remove the institution for one year from the result date (C-2)', () => {
    const r = evaluatePerformance(cq({ totalScoreHundredths: 5500, previousYear: { grade: '差' }, resultDeterminedOn: '2024-02-29' }), { today: TODAY });
    expect(r.flags).toContain('REMOVED_FROM_LIST_1Y');
    expect(r.removalFromList).toEqual({ from: '2024-02-29', to: '2025-02-28' });
  });

  it.each([
    [{ grade: '低' as const }, false],
    [{ grade: '差' as const }, true],
    [undefined, false],
  ])('previous year %o -> removed %s', (previousYear, removed) => {
    const r = evaluatePerformance(cq({ totalScoreHundredths: 5500, previousYear, resultDeterminedOn: '2025-04-20' }), { today: TODAY });
    expect(r.flags.includes('REMOVED_FROM_LIST_1Y')).toBe(removed);
  });
});

describe('CQ scorecard configuration and deadlines', () => {
  it('the default scorecard sums to 100 points and says it is not official', () => {
    for (const sc of Object.values(DEFAULT_SCORECARDS)) {
      const total = sc.categories.reduce((s, c) => s + c.maxPointsHundredths, 0);
      expect(total).toBe(10000);
      for (const c of sc.categories) expect(c.indicators.reduce((s, i) => s + i.maxPointsHundredths, 0)).toBe(c.maxPointsHundredths);
      expect(sc.official).toBe(false);
      expect(sc.noticeZh).toContain('未随原文提供');
    }
    const r = evaluatePerformance(cq({ totalScoreHundredths: 8000 }), { today: TODAY });
    expect(r.flags).toContain('SCORECARD_DEFAULT_UNOFFICIAL');
    expect(r.scorecard.official).toBe(false);
    expect(r.notes.join('')).toContain('附件1—4');
  });

  it('sums indicator scores, rejects one above its maximum and flags a total that disagrees', () => {
    const scores = [
      { indicatorId: 'PB-1', scoreHundredths: 1000 },
      { indicatorId: 'PB-2', scoreHundredths: 999 },
      { indicatorId: 'RC-5', scoreHundredths: 400 },
    ];
    expect(evaluatePerformance(cq({ indicatorScores: scores }), { today: TODAY })).toMatchObject({ scoreHundredths: 2399, finalGrade: '差' });
    const over = evaluatePerformance(cq({ indicatorScores: [{ indicatorId: 'PB-1', scoreHundredths: 1001 }] }), { today: TODAY });
    expect(over.checks.find((c) => c.ruleId === 'CQ-8')?.outcome).toBe('INVALID_SCORE');
    const mismatch = evaluatePerformance(cq({ indicatorScores: scores, totalScoreHundredths: 2400 }), { today: TODAY });
    expect(mismatch.flags).toContain('SCORE_MISMATCH');
    expect(mismatch.scoreHundredths).toBe(2400);
    const none = evaluatePerformance(cq(), { today: TODAY });
    expect(none.outcome).toBe('UNDETERMINED_PARAMETER_MISSING');
  });

  it.each([
    ['2025-03-31', 'DEADLINE_MET'],
    ['2025-04-01', 'DEADLINE_MISSED'],
  ])('self-evaluation submitted %s -> %s', (selfEvaluationSubmittedOn, outcome) => {
    const r = evaluatePerformance(cq({ totalScoreHundredths: 8000, selfEvaluationSubmittedOn }), { today: TODAY });
    expect(r.checks.find((c) => c.ruleId === 'CQ-10')?.outcome).toBe(outcome);
    expect(r.deadlines.find((d) => d.ruleId === 'CQ-10')).toMatchObject({ lastDay: '2025-03-31' });
  });

  it('reading "3月31日前" as exclusive is a switch', () => {
    const r = evaluatePerformance(cq({ totalScoreHundredths: 8000, selfEvaluationSubmittedOn: '2025-03-31' }), { today: TODAY, deadlinesInclusive: false });
    expect(r.checks.find((c) => c.ruleId === 'CQ-10')?.outcome).toBe('DEADLINE_MISSED');
  });

  it.each([
    ['2025-04-30', 'DEADLINE_MET'],
    ['2025-05-01', 'DEADLINE_MISSED'],
  ])('district results reported %s -> %s', (districtResultsReportedOn, outcome) => {
    const r = evaluatePerformance(cq({ totalScoreHundredths: 8000, districtResultsReportedOn }), { today: TODAY });
    expect(r.checks.find((c) => c.ruleId === 'CQ-12')?.outcome).toBe(outcome);
  });

  it('missing self-evaluation materials are listed', () => {
    const r = evaluatePerformance(
      cq({ totalScoreHundredths: 8000, selfEvaluationSubmittedOn: '2025-03-20', materials: { operatingPlan: true, operatingReport: true, financialStatementsAndAudit: false } }),
      { today: TODAY },
    );
    const c = r.checks.find((x) => x.ruleId === 'CQ-10')!;
    expect(c.outcome).toBe('MATERIALS_INCOMPLETE');
    expect(c.missingEvidence).toEqual(['（三）上年度财务会计报告及社会中介机构出具的审计报告']);
  });

  it('agricultural credit guarantee institutions are out of scope', () => {
    const r = evaluatePerformance({ institution: { name: '重庆农担', type: '农业信贷担保' }, year: 2024, totalScoreHundredths: 9500 }, { today: TODAY });
    expect(r).toMatchObject({ outcome: 'OUT_OF_SCOPE', finalGrade: undefined });
    expect(r.checks.filter((c) => c.ruleId !== 'CQ-22').every((c) => c.result === 'NOT_APPLICABLE')).toBe(true);
  });

  it('a year before the measure is not evaluated under it', () => {
    expect(evaluatePerformance(cq({ year: 2018, totalScoreHundredths: 9000 }), { today: TODAY }).outcome).toBe('NO_RULESET_IN_FORCE');
  });
});

describe('Xinjiang checks (draft)', () => {
  const xj = (extra: Record<string, unknown>) => ({ institution: { name: '新疆某融资担保公司' }, ...extra });
  it.each([
    [{ avgSmallMicroFeeRateBp: 200, smallMicroScaleGrew: true }, 'XJ-7-5', 'XJ_CONDITION_MET'],
    [{ avgSmallMicroFeeRateBp: 201, smallMicroScaleGrew: true }, 'XJ-7-5', 'XJ_CONDITION_NOT_MET'],
    [{ avgSmallMicroFeeRateBp: 150, smallMicroScaleGrew: false }, 'XJ-7-5', 'XJ_CONDITION_NOT_MET'],
    [{ riskShareAgreements: [{ bank: '某银行', bankShareBp: 2000, nationalFundShareBp: 2000 }] }, 'XJ-8-1', 'XJ_CONDITION_MET'],
    [{ riskShareAgreements: [{ bank: '某银行', bankShareBp: 1999, nationalFundShareBp: 2000 }] }, 'XJ-8-1', 'BELOW_PRINCIPLE_20PCT'],
    [{ encouragedIndustryRevenueFen: 6000, totalRevenueFen: 10000 }, 'XJ-7-2', 'XJ_CONDITION_MET'],
    [{ encouragedIndustryRevenueFen: 5999, totalRevenueFen: 10000 }, 'XJ-7-2', 'XJ_CONDITION_NOT_MET'],
    [{ guaranteeFeeIncome: [{ beneficiary: '微型企业', amountFen: 100, incomeDate: '2027-12-31' }] }, 'XJ-7-3', 'XJ_CONDITION_MET'],
    [{ guaranteeFeeIncome: [{ beneficiary: '中型企业', amountFen: 100, incomeDate: '2024-01-01' }] }, 'XJ-7-3', 'XJ_CONDITION_NOT_MET'],
    [{ guaranteeFeeIncome: [{ beneficiary: '农户', amountFen: 100, incomeDate: '2028-01-01' }] }, 'XJ-7-3', 'XJ_CONDITION_NOT_MET'],
    [{ dishonestParties: [{ party: '实际控制人', listed: true }] }, 'XJ-12', 'JOINT_PUNISHMENT'],
  ])('%o -> %s %s', (extra, id, outcome) => {
    const r = assessXinjiang(xj(extra), { today: TODAY });
    expect(r.outcome).toBe('DRAFT_NOT_IN_FORCE');
    expect(r.checks.find((c) => c.ruleId === id)?.outcome).toBe(outcome);
    for (const c of r.checks) {
      expect(c.flags).toContain('DRAFT_NOT_IN_FORCE');
    }
    for (const f of checksToFindings(r.checks)) expect(() => Finding.parse(f)).not.toThrow();
  });
});

describe('Shanxi checks', () => {
  const county = (contributionFen: number) => ({ name: '某县', contributionFen, licenceReturned: true, hasStockBusinessOrRisk: false, deregistered: true });
  it.each([
    [2_000_000_000, 'SX_COMPLIANT'], // 2000万元
    [1_999_999_999, 'SX_NONCOMPLIANT'],
  ])('county contribution %i fen -> %s', (fen, outcome) => {
    const r = assessShanxi({ city: '某市', cityInstitution: { name: '某市融资担保有限公司' }, counties: [county(fen)] }, { today: TODAY });
    expect(r.checks.find((c) => c.ruleId === 'SX-8-2')?.outcome).toBe(outcome);
  });

  it.each([
    [[{ date: '2023-12-31', registeredCapitalFen: 50_000_000_000 }], 'SX_COMPLIANT'],
    [[{ date: '2023-06-30', registeredCapitalFen: 49_999_999_999 }], 'SX_NONCOMPLIANT'],
    [[{ date: '2023-06-30', registeredCapitalFen: 30_000_000_000 }, { date: '2024-01-01', registeredCapitalFen: 50_000_000_000 }], 'SX_NONCOMPLIANT'],
    [[{ date: '2024-01-01', registeredCapitalFen: 50_000_000_000 }], 'EVIDENCE_MISSING'],
  ])('registered capital history %o -> %s', (registeredCapitalHistory, outcome) => {
    const r = assessShanxi({ city: '某市', cityInstitution: { name: '某市融资担保有限公司', registeredCapitalHistory } }, { today: TODAY });
    expect(r.checks.find((c) => c.ruleId === 'SX-10-3')?.outcome).toBe(outcome);
  });

  it.each([
    [60, 'SX_COMPLIANT'],
    [59, 'BELOW_PRINCIPLE'],
  ])('manager experience %i months -> %s', (experienceMonths, outcome) => {
    const r = assessShanxi({ city: '某市', cityInstitution: { name: 'x' }, newManagers: [{ name: '总经理', experienceMonths }] }, { today: TODAY });
    expect(r.checks.find((c) => c.ruleId === 'SX-12-2')?.outcome).toBe(outcome);
  });

  it('checks the reform steps are in the guide order', () => {
    const ok = assessShanxi({ city: '某市', cityInstitution: { name: 'x' }, reformSteps: { leadingGroup: '2022-03-01', survey: '2022-03-15', plan: '2022-04-01' } }, { today: TODAY });
    expect(ok.checks.find((c) => c.ruleId === 'SX-17-25')?.outcome).toBe('SX_COMPLIANT');
    const bad = assessShanxi({ city: '某市', cityInstitution: { name: 'x' }, reformSteps: { leadingGroup: '2022-03-01', survey: '2022-02-15' } }, { today: TODAY });
    expect(bad.checks.find((c) => c.ruleId === 'SX-17-25')?.outcome).toBe('SX_NONCOMPLIANT');
    expect(bad.outcome).toBe('SX_NONCOMPLIANT');
    const skipped = assessShanxi({ city: '某市', cityInstitution: { name: 'x' }, reformSteps: { leadingGroup: '2022-03-01', plan: '2022-04-01' } }, { today: TODAY });
    expect(skipped.checks.find((c) => c.ruleId === 'SX-17-25')?.missingEvidence).toEqual(['调查摸底（第十八条）']);
  });
});
