import { describe, expect, it } from 'vitest';
import { PERFORMANCE_FLAG_ZH, renderScorecard } from '../../shared/reports/scorecard.js';
import { MODALITY_ZH } from '../../shared/reports/format.js';
import { RULE_STATUS_ZH, withChineseDates } from '../../shared/reports/rule-results.js';
import { DEFAULT_SCORECARDS, evaluatePerformance, type PerformanceInput } from '../../shared/rules/performance.js';
import { cellTexts, overlappingWords, pageCount, pdfText, renderPngs, savePdf, squeeze, wordBoxes } from './pdf-tools.js';

const TODAY = '2025-06-30';
const INSTITUTION = '重庆某融资担保有限公司';
const meta = { documentNo: 'CQ-JX-2025-000012', generatedAt: new Date('2025-06-30T10:00:00+08:00'), institutionName: INSTITUTION, year: 2024 };

/** Indicator scores of the default scorecard adding up to 89.99 points (PB 38.99, OC 19.00, RC 19.00, SB 13.00). */
const SCORES: PerformanceInput['indicatorScores'] = (
  [
    ['PB-1', 1000],
    ['PB-2', 999],
    ['PB-3', 1000],
    ['PB-4', 900],
    ['OC-1', 500],
    ['OC-2', 500],
    ['OC-3', 450],
    ['OC-4', 450],
    ['RC-1', 400],
    ['RC-2', 400],
    ['RC-3', 400],
    ['RC-4', 400],
    ['RC-5', 300],
    ['SB-1', 700],
    ['SB-2', 600],
  ] as const
).map(([indicatorId, scoreHundredths]) => ({ indicatorId, scoreHundredths }));

function cq(extra: Record<string, unknown>) {
  return { institution: { name: INSTITUTION, type: '融资担保' as const, onGovernmentList: true }, year: 2024, ...extra };
}

async function render(name: string, ...args: Parameters<typeof renderScorecard>) {
  const path = savePdf(name, await renderScorecard(...args));
  renderPngs(path);
  return { path, pages: pageCount(path), text: squeeze(pdfText(path)), cells: cellTexts(path) };
}

function expectPageNumbers(path: string, pages: number): void {
  for (let page = 1; page <= pages; page++) expect(pdfText(path, page)).toContain(`第 ${page} 页 共 ${pages} 页`);
}

describe('renderScorecard', () => {
  it('prints indicators with points and scores, 89.99 exactly, the grade, the cap then the downgrade, rules and deadlines', async () => {
    // Prepare
    const result = evaluatePerformance(
      cq({
        indicatorScores: SCORES,
        seriousNonCompliance: { found: true, regulatorOpinionRef: '渝金监函〔2025〕12号' },
        falseMaterial: { found: true, kind: '瞒报' },
        selfEvaluationSubmittedOn: '2025-04-02',
        districtResultsReportedOn: '2025-04-28',
      }),
      { today: TODAY },
    );
    expect(result).toMatchObject({ scoreHundredths: 8999, baseGrade: '良', finalGrade: '低' });

    // Act
    const { path, pages, text, cells } = await render('scorecard-cap-downgrade', result, { ...meta, indicatorScores: SCORES });

    // Assess
    const first = squeeze(pdfText(path, 1));
    expect(first).toContain(squeeze(`本表所用计分表为默认配置，非官方（SCORECARD_DEFAULT_UNOFFICIAL）：${result.scorecard.noticeZh}`));
    expect(first).toContain(squeeze('按得分评定为“良”，最终等次为“低”'));
    for (const expected of ['绩效评价计分表', `${INSTITUTION}2024年度`, '文书编号：CQ-JX-2025-000012', '生成日期：2025年6月30日', '本级财政部门负责人（签字）：', '（盖章）']) {
      expect(text, expected).toContain(squeeze(expected));
    }
    for (const expected of [
      '《重庆市政府性融资担保、再担保机构绩效评价实施办法（试行）》（渝财金〔2021〕23号）',
      'CQ-DEFAULT-GUARANTEE（默认配置，非官方）',
      '89.99分',
      '良（第十三条）',
      '低',
      // Categories with their points and subtotals, indicators with points and scores.
      '一、政策效益指标（一级指标）',
      '40.00分',
      '38.99分',
      '9.99分',
      '100.00分',
      // The order of adjustments.
      '按得分评定为“良”',
      '最终等次“低”',
      // Deadlines in Chinese date form.
      '2025年3月31日',
      '2025年4月2日',
      '逾期',
    ]) {
      expect(cells, expected).toContain(squeeze(expected));
    }
    for (const category of DEFAULT_SCORECARDS.融资担保.categories) {
      for (const indicator of category.indicators) expect(text, indicator.id).toContain(squeeze(`${indicator.id}${indicator.nameZh}`));
    }
    expect(text).not.toContain('90.00分');
    for (const flag of ['COMPLIANCE_CAP_APPLIED', 'FALSE_MATERIAL_DOWNGRADE', 'NEXT_YEAR_EXCELLENT_BARRED', 'INTERVIEW_REQUIRED', 'SCORECARD_DEFAULT_UNOFFICIAL']) {
      expect(result.flags).toContain(flag);
      expect(cells, flag).toContain(flag);
      expect(text, flag).toContain(squeeze(PERFORMANCE_FLAG_ZH[flag]));
    }
    // The adjustments in the order the rules apply them: band, cap, downgrade, final grade.
    const steps = [
      '1CQ-13第十三条按得分评定为“良”',
      `2CQ-8-3-5第八条第（三）项第5目${PERFORMANCE_FLAG_ZH.COMPLIANCE_CAP_APPLIED}COMPLIANCE_CAP_APPLIED`,
      `3CQ-17第十七条${PERFORMANCE_FLAG_ZH.FALSE_MATERIAL_DOWNGRADE}FALSE_MATERIAL_DOWNGRADE`,
      '4——最终等次“低”',
    ].map((step) => text.indexOf(squeeze(step)));
    expect(steps.every((at) => at >= 0), String(steps)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    for (const c of result.checks) {
      expect(text, c.ruleId).toContain(squeeze(`${c.ruleId}${c.article}${RULE_STATUS_ZH[c.result]}${MODALITY_ZH[c.modality]}`));
      expect(text, `${c.ruleId} explanation`).toContain(squeeze(withChineseDates(c.explanation)));
      expect(text, `${c.ruleId} quote`).toContain(squeeze(`“${c.quote}”`));
    }
    expect(pages).toBeGreaterThan(2);
    expectPageNumbers(path, pages);
    expect(overlappingWords(wordBoxes(path))).toEqual([]);
  });

  it('prints a total-only evaluation: points without scores, the total, and two years of 差 removing the institution', async () => {
    const result = evaluatePerformance(cq({ totalScoreHundredths: 5500, previousYear: { grade: '差' }, resultDeterminedOn: '2025-04-20' }), { today: TODAY });
    expect(result.finalGrade).toBe('差');

    const { path, pages, text, cells } = await render('scorecard-total-only', result, meta);

    expect(text).toContain('评价未提供各指标得分，下表只列出各指标分值；评价总分见上。');
    expect(text).toContain(squeeze('合计（评价总分）100.00分55.00分'));
    for (const expected of ['55.00分', '差（第十三条）', '2025年4月20日至2026年4月20日（一年内不再纳入政府性融资担保、再担保机构名单）', 'REMOVED_FROM_LIST_1Y']) {
      expect(cells, expected).toContain(squeeze(expected));
    }
    expect(text).toContain('未适用任何封顶或降级，最终等次即按得分评定的“差”。');
    expectPageNumbers(path, pages);
  });

  it('says why an institution out of scope has no grade', async () => {
    const result = evaluatePerformance({ institution: { name: '重庆某农业融资担保有限公司', type: '农业信贷担保' }, year: 2024, totalScoreHundredths: 9500 }, { today: TODAY });

    const path = savePdf('scorecard-out-of-scope', await renderScorecard(result, { ...meta, institutionName: '重庆某农业融资担保有限公司' }));

    expect(squeeze(pdfText(path, 1))).toContain(squeeze('不属于本办法评价范围（OUT_OF_SCOPE）'));
    expect(squeeze(pdfText(path))).toContain('未评定等次，不涉及等次调整。');
  });

  it('needs the scorecard the evaluation used', async () => {
    const result = evaluatePerformance(cq({ totalScoreHundredths: 8000 }), { today: TODAY });
    const official = { ...DEFAULT_SCORECARDS.融资担保, id: 'CQ-OFFICIAL-2021', official: true };
    const custom = evaluatePerformance(cq({ totalScoreHundredths: 8000 }), { today: TODAY, scorecard: official });

    await expect(renderScorecard(result, { ...meta, scorecard: official })).rejects.toThrow(/does not match/);
    await expect(renderScorecard(custom, meta)).rejects.toThrow(/meta\.scorecard/);
    const path = savePdf('scorecard-official', await renderScorecard(custom, { ...meta, scorecard: official }));
    const text = squeeze(pdfText(path));
    expect(text).toContain(squeeze('CQ-OFFICIAL-2021（官方计分表）'));
    expect(text).not.toContain('SCORECARD_DEFAULT_UNOFFICIAL');
  });
});
