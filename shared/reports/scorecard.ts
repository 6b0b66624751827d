/**
 * 绩效评价计分表: the Chongqing performance evaluation of one institution and year
 * (`evaluatePerformance`), for regulators: indicator categories and second-level indicators with
 * their points and scores, the total, the grade, the caps and downgrades applied in order, the
 * consequences, every rule result with its quoted text, and the deadlines. Scores are integer
 * hundredths of a point and printed exactly (8999 -> 89.99分).
 */
import { OUTCOME_LABEL_ZH } from '../rules/assess.js';
import { scoreText } from '../rules/grades.js';
import { DEFAULT_SCORECARDS, type PerformanceInput, type PerformanceResult, type ScorecardConfig } from '../rules/performance.js';
import type { CheckResult } from '../rules/types.js';
import { formatDateZh } from './format.js';
import { ReportDocument, type KeyValue, type ReportMeta, type TableSpec } from './layout.js';
import { NONE, SectionNumbers, chineseNumeral, dateOrNone, deadlinesTable, outcomeText, ruleResultsTable, withChineseDates } from './rule-results.js';

export interface ScorecardMeta extends ReportMeta {
  institutionName: string;
  /** The accounting year evaluated (评价期). */
  year: number;
  /**
   * The indicator scores the evaluation was given (`PerformanceInput.indicatorScores`); without
   * them only the points of each indicator and the total are printed.
   */
  indicatorScores?: PerformanceInput['indicatorScores'];
  /**
   * The scorecard the evaluation used; must have the result's scorecard ID.
   * @default the default scorecard with that ID (`DEFAULT_SCORECARDS`)
   */
  scorecard?: ScorecardConfig;
}

/** The result's own outcome. */
export const PERFORMANCE_OUTCOME_ZH: Record<PerformanceResult['outcome'], string> = {
  GRADED: '已评定等次',
  OUT_OF_SCOPE: '不属于本办法评价范围',
  INVALID_SCORE: '得分无效，未评定等次',
  UNDETERMINED_PARAMETER_MISSING: '缺少评价总分或指标得分，无法评定等次',
  NO_RULESET_IN_FORCE: '评价年度早于本办法施行，本办法不适用',
};

/** Flags and check outcomes of the Chongqing rules (shared/rules/rulesets/chongqing.ts). */
export const PERFORMANCE_FLAG_ZH: Record<string, string> = {
  SCORECARD_DEFAULT_UNOFFICIAL: '计分表为默认配置（非官方），权重不得作为正式评分依据',
  COMPLIANCE_CAP_APPLIED: '未依法合规经营情节严重，等次下调至“中”以下',
  FALSE_MATERIAL_DOWNGRADE: '漏报、瞒报或提供虚假材料，等次下调一级',
  NEXT_YEAR_EXCELLENT_BARRED: '取消评“优”资格',
  SUPPORT_ELIGIBLE: '“中”及以上，可予资金支持',
  NOT_SUPPORT_ELIGIBLE: '低于“中”，不在资金支持范围',
  INTERVIEW_REQUIRED: '等次为“低”或“差”，应进行约谈',
  REMOVED_FROM_LIST_1Y: '连续两年“差”，一年内不纳入名单',
  STATE_CAPITAL_INDICATOR_WAIVED: '国有资本保值增值率暂不考核或降低分值',
  SCORE_MISMATCH: '指标得分合计与评价总分不一致',
  MATERIALS_INCOMPLETE: '自评基础材料不全',
  SCORE_DETERMINED: '得分已确定',
  INVALID_SCORE: '得分无效',
  DEADLINE_MET: '按期完成',
  DEADLINE_MISSED: '逾期',
  PENDING: '期限尚未届满',
  ...OUTCOME_LABEL_ZH,
  NO_RULESET_IN_FORCE: '评价年度早于本办法施行',
  OUT_OF_SCOPE: '不属于本办法评价范围',
};

/** Outcomes that change the grade after the score band, in the order the rules apply them. */
const GRADE_ADJUSTMENTS = ['COMPLIANCE_CAP_APPLIED', 'FALSE_MATERIAL_DOWNGRADE', 'NEXT_YEAR_EXCELLENT_BARRED'];
/** Flags the rules raise without making them a check's outcome or flag. */
const FLAG_SOURCE: Record<string, string> = { SCORE_MISMATCH: 'CQ-8', STATE_CAPITAL_INDICATOR_WAIVED: 'CQ-8' };
const GRADES = new Set(['优', '良', '中', '低', '差']);

export async function renderScorecard(result: PerformanceResult, meta: ScorecardMeta): Promise<Uint8Array> {
  const scorecard = scorecardOf(result, meta.scorecard);
  const doc = await ReportDocument.create({
    title: '绩效评价计分表',
    subtitle: `${meta.institutionName}　${meta.year}年度`,
    documentNo: meta.documentNo,
    generatedAt: meta.generatedAt,
  });
  const sections = new SectionNumbers();

  const warnings = firstPageNotes(result);
  if (warnings.length > 0) {
    doc.heading('重要提示');
    warnings.forEach((text, i) => doc.paragraph(`${i + 1}. ${text}`));
  }

  const { ruleSet } = result;
  doc.heading(sections.next('基本情况')).keyValues([
    { label: '被评价机构', value: meta.institutionName },
    { label: '评价年度', value: `${meta.year}年度${meta.year === 2020 ? '（试评价）' : ''}` },
    { label: '评价依据', value: `《${ruleSet.titleZh}》${ruleSet.documentNo ? `（${ruleSet.documentNo}）` : ''}` },
    { label: '施行日期', value: `${dateOrNone(ruleSet.validFrom)}起${ruleSet.validTo ? `，至${formatDateZh(ruleSet.validTo)}止` : '，未规定终止日'}` },
    { label: '计分表', value: `${scorecard.id}（${scorecard.official ? '官方计分表' : '默认配置，非官方'}）` },
    { label: '计分表来源', value: scorecard.sourceZh },
  ]);

  doc.heading(sections.next('评价得分与等次')).keyValues(gradeSummary(result));

  doc.heading(sections.next('指标计分'));
  const scores = meta.indicatorScores ?? [];
  if (scores.length === 0) doc.paragraph('评价未提供各指标得分，下表只列出各指标分值；评价总分见上。');
  doc.table(indicatorTable(scorecard, scores, result));
  const sum = scores.reduce((total, s) => total + s.scoreHundredths, 0);
  if (scores.length > 0 && result.scoreHundredths !== undefined && sum !== result.scoreHundredths) {
    doc.paragraph(`各指标得分合计${scoreText(sum)}，与采用的评价总分${scoreText(result.scoreHundredths)}不一致（SCORE_MISMATCH），须人工核对；系统未自动改算。`);
  }

  doc.heading(sections.next('等次调整（封顶与降级）'));
  const adjustments = result.checks.filter((c) => c.result === 'MET' && GRADE_ADJUSTMENTS.includes(c.outcome));
  if (!result.baseGrade) doc.paragraph('未评定等次，不涉及等次调整。');
  else if (adjustments.length === 0) doc.paragraph(`未适用任何封顶或降级，最终等次即按得分评定的“${result.baseGrade}”。`);
  else doc.table(adjustmentTable(result, adjustments));

  doc.heading(sections.next('评价标识与后果'));
  if (result.flags.length === 0) doc.paragraph('无。');
  else doc.table(flagsTable(result));
  if (result.removalFromList) {
    doc.keyValues([
      {
        label: '移出名单期间',
        value: `${formatDateZh(result.removalFromList.from)}至${formatDateZh(result.removalFromList.to)}（一年内不再纳入政府性融资担保、再担保机构名单）`,
      },
    ]);
  }

  doc.heading(sections.next(`规则逐条结果（共 ${result.checks.length} 条）`));
  if (result.checks.length === 0) doc.paragraph('本办法不适用，未逐条核查。');
  else doc.table(ruleResultsTable(result.checks, flagLabel));

  doc.heading(sections.next('期限'));
  if (result.deadlines.length === 0) doc.paragraph('没有计算出的期限。');
  else doc.table(deadlinesTable(result.deadlines));

  const notes = result.notes.filter((n) => n !== result.scorecard.noticeZh);
  if (notes.length > 0) {
    doc.heading(sections.next('其他说明'));
    notes.forEach((note, i) => doc.paragraph(`${i + 1}. ${withChineseDates(note)}`));
  }

  doc.signatureBlock([
    { label: '评价人（签字）', date: true },
    { label: '复核人（签字）', date: true },
    { label: '本级财政部门负责人（签字）', date: true, seal: true },
  ]);
  return doc.finish();
}

function scorecardOf(result: PerformanceResult, given: ScorecardConfig | undefined): ScorecardConfig {
  const id = result.scorecard.id;
  if (given) {
    if (given.id !== id) throw new Error(`scorecard ${given.id} does not match the result's scorecard ${id}`);
    return given;
  }
  const known = Object.values(DEFAULT_SCORECARDS).find((s) => s.id === id);
  if (!known) throw new Error(`scorecard ${id} is not a default scorecard: pass it as meta.scorecard`);
  return known;
}

function flagLabel(code: string): string {
  if (GRADES.has(code)) return `评定为“${code}”`;
  return PERFORMANCE_FLAG_ZH[code] ?? code;
}

function firstPageNotes(result: PerformanceResult): string[] {
  const notes: string[] = [];
  if (!result.scorecard.official) {
    notes.push(`本表所用计分表为默认配置，非官方（SCORECARD_DEFAULT_UNOFFICIAL）：${result.scorecard.noticeZh}`);
  }
  if (result.outcome !== 'GRADED') {
    const why = result.notes.find((n) => n !== result.scorecard.noticeZh);
    notes.push(`${outcomeText(result.outcome, (c) => PERFORMANCE_OUTCOME_ZH[c as PerformanceResult['outcome']])}。${why ? withChineseDates(why) : ''}`);
  }
  if (result.flags.includes('SCORE_MISMATCH')) notes.push('各指标得分合计与评价总分不一致，须人工核对。');
  if (result.baseGrade && result.finalGrade && result.baseGrade !== result.finalGrade) {
    notes.push(`等次经封顶或降级调整：按得分评定为“${result.baseGrade}”，最终等次为“${result.finalGrade}”。`);
  }
  return notes;
}

function gradeSummary(result: PerformanceResult): KeyValue[] {
  const adjusted = result.flags.filter((f) => GRADE_ADJUSTMENTS.includes(f));
  return [
    { label: '评价结果', value: outcomeText(result.outcome, (c) => PERFORMANCE_OUTCOME_ZH[c as PerformanceResult['outcome']]) },
    { label: '评价总分', value: result.scoreHundredths === undefined ? NONE : scoreText(result.scoreHundredths) },
    { label: '按得分评定等次', value: result.baseGrade ? `${result.baseGrade}（第十三条）` : NONE },
    { label: '最终等次', value: result.finalGrade ?? NONE },
    { label: '适用的封顶与降级', value: adjusted.map((f) => outcomeText(f, flagLabel)).join('；') || '无' },
  ];
}

/**
 * One row per category (its points and the sum of its indicators' scores) followed by its
 * indicators; a last row with the totals. Scores outside the scorecard are listed after it.
 */
function indicatorTable(scorecard: ScorecardConfig, scores: PerformanceInput['indicatorScores'], result: PerformanceResult): TableSpec {
  const byId = new Map(scores.map((s) => [s.indicatorId, s]));
  const given = scores.length > 0;
  const rows: string[][] = [];
  scorecard.categories.forEach((category, i) => {
    const scored = category.indicators.filter((ind) => byId.has(ind.id));
    const subtotal = scored.reduce((total, ind) => total + byId.get(ind.id)!.scoreHundredths, 0);
    rows.push([category.id, `${chineseNumeral(i + 1)}、${category.nameZh}（一级指标）`, scoreText(category.maxPointsHundredths), given ? scoreText(subtotal) : NONE]);
    for (const indicator of category.indicators) {
      const score = byId.get(indicator.id);
      const scoreCell = score ? `${scoreText(score.scoreHundredths)}${score.waived ? '\n（暂不考核或降低分值）' : ''}` : given ? '未评分' : NONE;
      rows.push([indicator.id, `\u3000${indicator.nameZh}`, scoreText(indicator.maxPointsHundredths), scoreCell]);
    }
  });
  const known = new Set(scorecard.categories.flatMap((c) => c.indicators.map((ind) => ind.id)));
  for (const s of scores.filter((score) => !known.has(score.indicatorId))) {
    rows.push([s.indicatorId, '（计分表中没有此指标）', NONE, scoreText(s.scoreHundredths)]);
  }
  const maxTotal = scorecard.categories.reduce((total, c) => total + c.maxPointsHundredths, 0);
  const sum = scores.reduce((total, s) => total + s.scoreHundredths, 0);
  if (given) rows.push(['', '合计', scoreText(maxTotal), scoreText(sum)]);
  else rows.push(['', '合计（评价总分）', scoreText(maxTotal), result.scoreHundredths === undefined ? NONE : scoreText(result.scoreHundredths)]);
  return {
    columns: [
      { title: '编号', width: 0.8, align: 'center' },
      { title: '指标', width: 4.6 },
      { title: '分值（权重）', width: 1.3, align: 'right' },
      { title: '得分', width: 1.5, align: 'right' },
    ],
    rows,
  };
}

/** The grade from the score band, then each cap or downgrade in the order the rules applied them. */
function adjustmentTable(result: PerformanceResult, adjustments: CheckResult[]): TableSpec {
  const band = result.checks.find((c) => c.ruleId === 'CQ-13');
  const rows: string[][] = [
    ['1', band?.ruleId ?? NONE, band?.article ?? NONE, `按得分评定为“${result.baseGrade}”`, band ? withChineseDates(band.explanation) : NONE],
    ...adjustments.map((c, i) => [String(i + 2), c.ruleId, c.article, outcomeText(c.outcome, flagLabel, { codeOnNewLine: true }), withChineseDates(c.explanation)]),
    [String(adjustments.length + 2), NONE, NONE, `最终等次“${result.finalGrade ?? NONE}”`, NONE],
  ];
  return {
    columns: [
      { title: '顺序', width: 0.6, align: 'center' },
      { title: '规则', width: 1.1 },
      { title: '条款', width: 1.3 },
      { title: '调整', width: 2 },
      { title: '说明', width: 4.2 },
    ],
    rows,
  };
}

function flagsTable(result: PerformanceResult): TableSpec {
  return {
    columns: [
      { title: '标识', width: 2.6 },
      { title: '含义', width: 3.4 },
      { title: '依据规则', width: 1.6 },
    ],
    rows: result.flags.map((flag) => {
      const raisedBy = result.checks.filter((c) => c.outcome === flag || c.flags.includes(flag) || FLAG_SOURCE[flag] === c.ruleId);
      const rules = raisedBy.map((c) => `${c.ruleId}（${c.article}）`);
      return [flag, flagLabel(flag), rules.join('、') || (flag === 'SCORECARD_DEFAULT_UNOFFICIAL' ? '计分表配置' : NONE)];
    }),
  };
}
