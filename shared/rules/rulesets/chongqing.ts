/**
 * 重庆市政府性融资担保、再担保机构绩效评价实施办法（试行）(seed 004, 渝财金〔2021〕23号),
 * catalogue section 5. In force from the notice date 2021-05-25 (第二十条), no end date. The
 * score tables (附件1—4) are not in the seed: the scorecard is configuration (performance.ts).
 */
import { addMonthsClamped } from '../dates.js';
import { downOneGrade, gradeForScore, gradeRank, minGrade, scoreText, type Grade } from '../grades.js';
import { missing, notApplicable, undetermined } from '../helpers.js';
import type { PerformanceContext } from '../performance.js';
import type { CheckEvaluation, CheckRule, CheckRuleSet, Deadline } from '../types.js';

type Rule = CheckRule<PerformanceContext>;

function met(outcome: string, explanation: string, extra: Partial<CheckEvaluation> = {}): CheckEvaluation {
  return { result: 'MET', outcome, explanation, ...extra };
}

function notMet(outcome: string, explanation: string, extra: Partial<CheckEvaluation> = {}): CheckEvaluation {
  return { result: 'NOT_MET', outcome, explanation, ...extra };
}

/** A "X月X日前" deadline of the year after the evaluated year (or of the evaluated year). */
function dateDeadline(
  ctx: PerformanceContext,
  today: string,
  spec: { id: string; ruleId: string; labelZh: string; lastDay: string; actual?: string; basisZh: string },
): CheckEvaluation {
  const inclusive = ctx.deadlinesInclusive;
  const within = (d: string) => (inclusive ? d <= spec.lastDay : d < spec.lastDay);
  const reading = inclusive ? '含当日' : '不含当日';
  const d: Deadline = {
    id: spec.id,
    ruleId: spec.ruleId,
    labelZh: spec.labelZh,
    lastDay: spec.lastDay,
    actual: spec.actual,
    status: spec.actual ? (within(spec.actual) ? 'MET' : 'MISSED') : within(today) ? 'PENDING' : 'MISSED',
    basisZh: `${spec.basisZh}（“前”按${reading}理解，条文未明确，见目录第十部分第5项）`,
  };
  ctx.state.deadlines.push(d);
  if (!spec.actual) {
    if (within(today)) return { result: 'NOT_APPLICABLE', outcome: 'PENDING', explanation: `${spec.labelZh}期限为${spec.lastDay}（${reading}），尚未届满。` };
    return { result: 'NOT_MET', outcome: 'DEADLINE_MISSED', explanation: `截至${today}无${spec.labelZh}的记录，已超过${spec.lastDay}。`, missingEvidence: [`${spec.labelZh}的日期`], severity: 'warning' };
  }
  if (within(spec.actual)) return { result: 'MET', outcome: 'DEADLINE_MET', explanation: `${spec.labelZh}于${spec.actual}完成，在${spec.lastDay}前（${reading}）。` };
  return { result: 'NOT_MET', outcome: 'DEADLINE_MISSED', explanation: `${spec.labelZh}于${spec.actual}完成，晚于${spec.lastDay}（${reading}）。`, severity: 'warning' };
}

const rules: Rule[] = [
  {
    id: 'CQ-22',
    article: '第二十二条',
    quote: '农业信贷担保机构绩效评价按照《财政部 农业农村部 银保监会 人民银行关于进一步做好全国农业信贷担保工作的通知》（财农〔2020〕15号）和我市有关规定执行。',
    titleZh: '农业信贷担保机构除外',
    modality: 'procedure',
    inputs: ['institution.type'],
    evaluate(ctx) {
      if (ctx.input.institution.type === '农业信贷担保') {
        ctx.state.stopped = 'OUT_OF_SCOPE';
        ctx.state.flags.add('OUT_OF_SCOPE');
        return notMet('OUT_OF_SCOPE', '农业信贷担保机构按财农〔2020〕15号和本市有关规定评价，不适用本办法。');
      }
      return met('IN_SCOPE', `机构类型为${ctx.input.institution.type}机构。`);
    },
  },
  {
    id: 'CQ-2',
    article: '第二条',
    quote: '市财政局会同市金融监管局确定我市政府性融资担保、再担保机构名单，并根据政策性业务开展情况等实行动态管理。',
    titleZh: '政府性融资担保、再担保机构名单',
    modality: 'procedure',
    inputs: ['institution.onGovernmentList'],
    evaluate(ctx) {
      const on = ctx.input.institution.onGovernmentList;
      if (on === false) {
        ctx.state.stopped = 'OUT_OF_SCOPE';
        ctx.state.flags.add('OUT_OF_SCOPE');
        return notMet('OUT_OF_SCOPE', '机构不在市财政局会同市金融监管局确定的名单内。');
      }
      if (on === undefined) return missing(['名单确认材料'], '材料未载明机构是否在名单内。');
      return met('IN_SCOPE', '机构在名单内。');
    },
  },
  {
    id: 'CQ-8',
    article: '第八条',
    quote: '绩效评价采取百分制，具体绩效评价指标如下：',
    titleZh: '百分制评分（四类指标）',
    modality: 'data_check',
    inputs: ['totalScoreHundredths', 'indicatorScores', 'config.scorecard'],
    evaluate(ctx) {
      const { input, scorecard, state } = ctx;
      const indicators = new Map(scorecard.categories.flatMap((c) => c.indicators.map((i) => [i.id, i] as const)));
      const problems: string[] = [];
      let sum = 0;
      for (const s of input.indicatorScores) {
        const def = indicators.get(s.indicatorId);
        if (!def) problems.push(`计分表中没有指标${s.indicatorId}`);
        else if (s.scoreHundredths > def.maxPointsHundredths) problems.push(`${def.nameZh}得分${scoreText(s.scoreHundredths)}超过该指标分值${scoreText(def.maxPointsHundredths)}`);
        if (s.waived) {
          state.flags.add('STATE_CAPITAL_INDICATOR_WAIVED');
          state.notes.push('国有资本保值增值率暂不考核或降低分值（第八条（二）4），原文未规定是否折算总分，按评价机构给出的分数处理，未重新折算。');
        }
        sum += s.scoreHundredths;
      }
      const caveat = scorecard.official ? '' : `计分表为默认配置（非官方）：${scorecard.noticeZh}`;
      if (problems.length) return { result: 'NOT_MET', outcome: 'INVALID_SCORE', explanation: `指标得分与计分表不符：${problems.join('；')}。${caveat}`, severity: 'warning' };
      const total = input.totalScoreHundredths;
      if (total !== undefined) {
        state.scoreHundredths = total;
        if (input.indicatorScores.length && sum !== total) {
          state.flags.add('SCORE_MISMATCH');
          return met('SCORE_DETERMINED', `采用评价总分${scoreText(total)}；各指标得分合计${scoreText(sum)}，与总分不一致，须人工核对（不自动改算）。${caveat}`, {
            severity: 'warning',
          });
        }
        return met('SCORE_DETERMINED', `评价总分${scoreText(total)}。${caveat}`);
      }
      if (input.indicatorScores.length) {
        state.scoreHundredths = sum;
        return met('SCORE_DETERMINED', `按各指标得分合计，总分${scoreText(sum)}。${caveat}`);
      }
      state.stopped = 'UNDETERMINED_PARAMETER_MISSING';
      return undetermined(['totalScoreHundredths'], `无评价总分或指标得分，无法评定等次。${caveat}`);
    },
  },
  {
    id: 'CQ-13',
    article: '第十三条',
    quote:
      '绩效评价得分对应不同的评定等次：（一）90分 ≤ 评价得分 ≤ 100分，评定等次为“优”；（二）80分 ≤ 评价得分 < 90分，评定等次为“良”；（三）70分 ≤ 评价得分 < 80分，评定等次为“中”；（四）60分 ≤ 评价得分 < 70分，评定等次为“低”；（五）评定得分 < 60分的，评定等次为“差”。',
    titleZh: '评定等次',
    modality: 'data_check',
    inputs: ['score'],
    evaluate(ctx) {
      const s = ctx.state.scoreHundredths;
      if (s === undefined) return notApplicable('无得分。');
      const g = gradeForScore(s);
      if (g === 'INVALID_SCORE') {
        ctx.state.stopped = 'INVALID_SCORE';
        ctx.state.flags.add('INVALID_SCORE');
        return { result: 'NOT_MET', outcome: 'INVALID_SCORE', explanation: `得分${scoreText(s)}不在0—100分之间。`, severity: 'blocking' };
      }
      ctx.state.baseGrade = g;
      ctx.state.grade = g;
      return { result: 'MET', outcome: g, explanation: `得分${scoreText(s)}，按第十三条评定为“${g}”（按两位小数精确比较，不四舍五入）。` };
    },
  },
  {
    id: 'CQ-8-3-5',
    article: '第八条第（三）项第5目',
    quote: '政府性融资担保、再担保机构未依法合规经营，情节严重或造成严重后果的，其绩效评价等次下调至“中”以下。',
    titleZh: '未依法合规经营情节严重的等次上限',
    modality: 'shall',
    inputs: ['seriousNonCompliance'],
    evaluate(ctx) {
      const n = ctx.input.seriousNonCompliance;
      const g = ctx.state.grade;
      if (!g) return notApplicable('未评定等次。');
      if (!n || !n.found) return notApplicable('无未依法合规经营情节严重或造成严重后果的认定。');
      let cap: Grade = '中';
      let note = '';
      if (n.evaluatorGrade) {
        if (gradeRank(n.evaluatorGrade) <= gradeRank('中')) cap = n.evaluatorGrade;
        else note = `评价机构给出的“${n.evaluatorGrade}”高于“中”，不予采用。`;
      }
      const capped = minGrade(g, cap);
      ctx.state.grade = capped;
      if (capped !== g) ctx.state.flags.add('COMPLIANCE_CAP_APPLIED');
      return {
        result: 'MET',
        outcome: 'COMPLIANCE_CAP_APPLIED',
        explanation: `存在未依法合规经营且情节严重的情形${n.regulatorOpinionRef ? `（监管部门意见：${n.regulatorOpinionRef}）` : ''}，等次由“${g}”下调为“${capped}”（“中”以下；未另行确定时按“中”封顶）。${note}`,
        flags: ['COMPLIANCE_CAP_APPLIED'],
        severity: 'warning',
      };
    },
  },
  {
    id: 'CQ-17',
    article: '第十七条',
    quote: '政府性融资担保、再担保机构在报送绩效评价材料中，存在漏报、瞒报以及提供虚假材料等情况的，由本级财政部门责令限期改正，下调当期评价等次一个级别并取消下一年度评“优”资格。',
    titleZh: '漏报、瞒报、虚假材料：下调一级并取消下一年度评“优”资格',
    modality: 'shall',
    inputs: ['falseMaterial', 'previousYear.falseMaterialFound'],
    evaluate(ctx) {
      const g = ctx.state.grade;
      if (!g) return notApplicable('未评定等次。');
      const parts: string[] = [];
      const flags: string[] = [];
      let grade = g;
      if (ctx.input.previousYear?.falseMaterialFound && grade === '优') {
        grade = '良';
        flags.push('NEXT_YEAR_EXCELLENT_BARRED');
        parts.push('上一年度因漏报、瞒报或虚假材料被取消本年度评“优”资格，等次由“优”调整为“良”（条文未规定调整后的等次，按“良”处理）');
      }
      if (ctx.input.falseMaterial?.found) {
        const down = downOneGrade(grade);
        parts.push(`本期存在${ctx.input.falseMaterial.kind ?? '漏报、瞒报或虚假材料'}，等次由“${grade}”下调一级为“${down}”${grade === '差' ? '（已为最低等次“差”，条文未规定更低等次）' : ''}；取消下一年度评“优”资格；责令限期改正`);
        grade = down;
        flags.push('FALSE_MATERIAL_DOWNGRADE', 'NEXT_YEAR_EXCELLENT_BARRED');
      }
      if (!parts.length) return notApplicable('无漏报、瞒报或虚假材料的认定。');
      ctx.state.grade = grade;
      for (const f of flags) ctx.state.flags.add(f);
      return { result: 'MET', outcome: flags.includes('FALSE_MATERIAL_DOWNGRADE') ? 'FALSE_MATERIAL_DOWNGRADE' : 'NEXT_YEAR_EXCELLENT_BARRED', explanation: `${parts.join('；')}。（先适用合规封顶，再下调一级。）`, flags, severity: 'warning' };
    },
  },
  {
    id: 'CQ-14-1',
    article: '第十四条',
    quote: '市与区县财政部门可对评定等次为“中”及以上的辖内政府性融资担保、再担保机构，予以资本金补充、风险补偿、补贴、奖励等资金支持。',
    titleZh: '“中”及以上可予资金支持',
    modality: 'may',
    inputs: ['grade'],
    evaluate(ctx) {
      const g = ctx.state.grade;
      if (!g) return notApplicable('未评定等次。');
      if (gradeRank(g) >= gradeRank('中')) {
        ctx.state.flags.add('SUPPORT_ELIGIBLE');
        return { result: 'MET', outcome: 'SUPPORT_ELIGIBLE', explanation: `最终等次“${g}”，属“中”及以上，可予资本金补充、风险补偿、补贴、奖励等资金支持（属可以而非应当）。`, flags: ['SUPPORT_ELIGIBLE'] };
      }
      return { result: 'NOT_MET', outcome: 'NOT_SUPPORT_ELIGIBLE', explanation: `最终等次“${g}”，低于“中”，不在资金支持范围。` };
    },
  },
  {
    id: 'CQ-14-2',
    article: '第十四条',
    quote: '对当年评定等次为“低”和“差”的政府性融资担保、再担保机构进行约谈。',
    titleZh: '“低”“差”约谈',
    modality: 'shall',
    inputs: ['grade'],
    evaluate(ctx) {
      const g = ctx.state.grade;
      if (!g) return notApplicable('未评定等次。');
      if (g === '低' || g === '差') {
        ctx.state.flags.add('INTERVIEW_REQUIRED');
        return { result: 'MET', outcome: 'INTERVIEW_REQUIRED', explanation: `最终等次“${g}”，应进行约谈。`, flags: ['INTERVIEW_REQUIRED'], severity: 'warning' };
      }
      return notApplicable(`最终等次“${g}”，无需约谈。`);
    },
  },
  {
    id: 'CQ-14-3',
    article: '第十四条',
    quote: '对连续两年评定等次为“差”的政府性融资担保、再担保机构，自第二年评价结果确定起，一年内不再纳入我市政府性融资担保、再担保机构名单。',
    titleZh: '连续两年“差”移出名单一年',
    modality: 'shall',
    inputs: ['grade', 'previousYear.grade', 'resultDeterminedOn'],
    evaluate(ctx) {
      const g = ctx.state.grade;
      if (!g) return notApplicable('未评定等次。');
      const prev = ctx.input.previousYear?.grade;
      if (g !== '差') return notApplicable(`本年度等次“${g}”，不是“差”。`);
      if (prev === undefined) return missing(['上一年度评定等次'], '本年度等次为“差”，无法判断是否连续两年为“差”。');
      if (prev !== '差') return notApplicable(`上一年度等次为“${prev}”，不构成连续两年“差”。`);
      ctx.state.flags.add('REMOVED_FROM_LIST_1Y');
      const from = ctx.input.resultDeterminedOn;
      if (!from) {
        return { result: 'MET', outcome: 'REMOVED_FROM_LIST_1Y', explanation: '连续两年评定为“差”，一年内不再纳入名单；缺少第二年评价结果确定日期，无法计算起止日期。', flags: ['REMOVED_FROM_LIST_1Y'], missingEvidence: ['第二年评价结果确定日期'], severity: 'warning' };
      }
      const to = addMonthsClamped(from, 12);
      ctx.state.removal = { from, to };
      return {
        result: 'MET',
        outcome: 'REMOVED_FROM_LIST_1Y',
        explanation: `连续两年评定为“差”，自${from}（第二年评价结果确定）起一年内不再纳入名单，至${to}止（按约定C-2计算）。`,
        flags: ['REMOVED_FROM_LIST_1Y'],
        severity: 'warning',
      };
    },
  },
  {
    id: 'CQ-10',
    article: '第十条',
    quote: '政府性融资担保、再担保机构应当于每年3月31日前完成上年度绩效自评，并向本级财政部门报送绩效自评报告及相关基础材料。',
    titleZh: '3月31日前完成上年度绩效自评并报送材料',
    modality: 'procedure',
    inputs: ['selfEvaluationSubmittedOn', 'materials'],
    evaluate(ctx, { today }) {
      const y = ctx.input.year + 1;
      const d = dateDeadline(ctx, today, {
        id: 'CQ-10:self-evaluation',
        ruleId: 'CQ-10',
        labelZh: `完成${ctx.input.year}年度绩效自评`,
        lastDay: `${y}-03-31`,
        actual: ctx.input.selfEvaluationSubmittedOn,
        basisZh: `第十条：每年3月31日前完成上年度绩效自评`,
      });
      const m = ctx.input.materials;
      if (!m) return d;
      const labels: [keyof typeof m, string][] = [
        ['operatingPlan', '（一）机构上年度经营计划'],
        ['operatingReport', '（二）机构上年度经营情况报告'],
        ['financialStatementsAndAudit', '（三）上年度财务会计报告及社会中介机构出具的审计报告'],
        ['scoreSheetsAndEvidence', '（四）绩效评价计分表、基础数据表和相关证明材料'],
        ['otherRequired', '（五）本级财政部门要求提供的其他材料'],
      ];
      const absent = labels.filter(([k]) => m[k] === false).map(([, l]) => l);
      if (absent.length) {
        ctx.state.flags.add('MATERIALS_INCOMPLETE');
        return { result: 'NOT_MET', outcome: 'MATERIALS_INCOMPLETE', explanation: `${d.explanation} 基础材料缺少：${absent.join('、')}。`, missingEvidence: absent, severity: 'warning' };
      }
      return d;
    },
  },
  {
    id: 'CQ-9',
    article: '第九条',
    quote: '本级财政部门根据审核通过的年度经营计划，结合上年度绩效目标实际完成情况合理确定绩效评价的年度目标值，并于每年4月30日前报送市财政局。',
    titleZh: '4月30日前报送年度目标值',
    modality: 'procedure',
    inputs: ['targetsReportedOn'],
    evaluate(ctx, { today }) {
      if (ctx.input.targetsReportedOn === undefined) return notApplicable('未提供年度目标值报送日期。');
      return dateDeadline(ctx, today, {
        id: 'CQ-9:targets',
        ruleId: 'CQ-9',
        labelZh: `报送${ctx.input.year}年度绩效目标值`,
        lastDay: `${ctx.input.year}-04-30`,
        actual: ctx.input.targetsReportedOn,
        basisZh: '第九条：每年4月30日前报送市财政局',
      });
    },
  },
  {
    id: 'CQ-12',
    article: '第十二条',
    quote: '区县财政部门应于每年4月30日前将本级政府性融资担保机构绩效评价结果和相关材料报送市财政局。',
    titleZh: '区县4月30日前报送评价结果',
    modality: 'procedure',
    inputs: ['districtResultsReportedOn'],
    evaluate(ctx, { today }) {
      if (ctx.input.districtResultsReportedOn === undefined && !ctx.state.grade) return notApplicable('未提供区县报送日期。');
      return dateDeadline(ctx, today, {
        id: 'CQ-12:district-results',
        ruleId: 'CQ-12',
        labelZh: `区县报送${ctx.input.year}年度评价结果`,
        lastDay: `${ctx.input.year + 1}-04-30`,
        actual: ctx.input.districtResultsReportedOn,
        basisZh: '第十二条：区县财政部门每年4月30日前报送市财政局',
      });
    },
  },
];

export const chongqingPerformance: CheckRuleSet<PerformanceContext> = {
  id: 'CQ-PERF-2021',
  jurisdiction: 'CQ',
  kind: 'PERFORMANCE_EVALUATION',
  titleZh: '重庆市政府性融资担保、再担保机构绩效评价实施办法（试行）',
  issuerZh: '重庆市财政局、重庆市地方金融监督管理局',
  documentNo: '渝财金〔2021〕23号',
  issuedOn: '2021-05-25',
  validFrom: '2021-05-25',
  status: 'IN_FORCE',
  seed: '004',
  notesZh: [
    '第二十条“自印发之日起实施”，按通知落款日2021年5月25日；无终止日期。',
    '附件1—4（计分表、基础数据表、指标计算公式）未随原文提供。',
  ],
  rules,
};
