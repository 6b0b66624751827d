/**
 * Institution-level checks: the Chongqing performance scorecard (CQ), the Xinjiang measures
 * (a draft: every result carries DRAFT_NOT_IN_FORCE) and the Shanxi city-county integration
 * guide. Scores are integer hundredths of a point; money is fen; shares basis points.
 */
import { z } from 'zod';
import type { Finding } from '../domain/records.js';
import { IsoDate } from './case.js';
import type { WorkingDayCalendar } from './calendar.js';
import { todayInChina } from './dates.js';
import { Grade, scoreText } from './grades.js';
import { chongqingPerformance } from './rulesets/chongqing.js';
import { shanxiIntegration } from './rulesets/shanxi.js';
import { xinjiangMeasures } from './rulesets/xinjiang.js';
import type { CheckResult, CheckRule, CheckRuleSet, Deadline, RuleSetMeta } from './types.js';

export { Grade, gradeForScore, scoreText, GRADE_BANDS } from './grades.js';

// ── Scorecard configuration ─────────────────────────────────────────────────────────────────

export const ScorecardIndicator = z.object({ id: z.string(), nameZh: z.string(), maxPointsHundredths: z.number().int().min(0) });
export const ScorecardCategory = z.object({
  id: z.string(),
  nameZh: z.string(),
  maxPointsHundredths: z.number().int().min(0),
  indicators: z.array(ScorecardIndicator),
});
export const ScorecardConfig = z.object({
  id: z.string(),
  institutionType: z.enum(['融资担保', '再担保']),
  /** True only when loaded from the official 计分表 (渝财金〔2021〕23号 附1/附2). */
  official: z.boolean(),
  sourceZh: z.string(),
  noticeZh: z.string(),
  categories: z.array(ScorecardCategory),
  /** Indicator whose points may be waived or reduced in a downturn (第八条（二）4). */
  stateCapitalIndicatorId: z.string().optional(),
});
export type ScorecardConfig = z.infer<typeof ScorecardConfig>;

const DEFAULT_NOTICE =
  '重庆市绩效评价计分表、基础数据表和指标计算公式（渝财金〔2021〕23号附件1—4）未随原文提供。本默认计分表仅列出第八条的四类一级指标和二级指标；政策效益40分取自财政部对财金〔2020〕31号的答记者问（未与原表核对），其余三类各20分、类内指标均分为占位配置，不得作为正式评分依据。正式评价请加载官方计分表，或直接输入评价总分。';

function defaultScorecard(type: '融资担保' | '再担保'): ScorecardConfig {
  return {
    id: `CQ-DEFAULT-${type === '融资担保' ? 'GUARANTEE' : 'REGUARANTEE'}`,
    institutionType: type,
    official: false,
    sourceZh: '默认配置（非官方）：指标名称依渝财金〔2021〕23号第八条',
    noticeZh: DEFAULT_NOTICE,
    stateCapitalIndicatorId: 'OC-4',
    categories: [
      {
        id: 'PB',
        nameZh: '政策效益指标',
        maxPointsHundredths: 4000,
        indicators: [
          { id: 'PB-1', nameZh: '当年新增小微企业和“三农”融资担保（再担保）户数', maxPointsHundredths: 1000 },
          { id: 'PB-2', nameZh: '当年新增小微企业和“三农”融资担保（再担保）金额占比', maxPointsHundredths: 1000 },
          { id: 'PB-3', nameZh: '当年新增单户1000万元及以下小微企业和“三农”融资担保（再担保）金额占比', maxPointsHundredths: 1000 },
          { id: 'PB-4', nameZh: '当年平均融资担保（再担保）综合费率', maxPointsHundredths: 1000 },
        ],
      },
      {
        id: 'OC',
        nameZh: '经营能力指标',
        maxPointsHundredths: 2000,
        indicators: [
          { id: 'OC-1', nameZh: '年末融资担保（再担保）责任余额', maxPointsHundredths: 500 },
          { id: 'OC-2', nameZh: '当年新增融资担保（再担保）金额', maxPointsHundredths: 500 },
          { id: 'OC-3', nameZh: '融资担保（再担保）在保余额放大倍数', maxPointsHundredths: 500 },
          { id: 'OC-4', nameZh: '国有资本保值增值率', maxPointsHundredths: 500 },
        ],
      },
      {
        id: 'RC',
        nameZh: '风险控制指标',
        maxPointsHundredths: 2000,
        indicators: [
          { id: 'RC-1', nameZh: '担保（再担保）代偿率', maxPointsHundredths: 400 },
          { id: 'RC-2', nameZh: '拨备覆盖率', maxPointsHundredths: 400 },
          { id: 'RC-3', nameZh: '担保代偿回收率', maxPointsHundredths: 400 },
          { id: 'RC-4', nameZh: '内控建设情况', maxPointsHundredths: 400 },
          { id: 'RC-5', nameZh: '依法合规经营情况', maxPointsHundredths: 400 },
        ],
      },
      {
        id: 'SB',
        nameZh: '体系建设指标',
        maxPointsHundredths: 2000,
        indicators: [
          { id: 'SB-1', nameZh: '参与政府性融资担保体系合作情况', maxPointsHundredths: 1000 },
          { id: 'SB-2', nameZh: '推进银担合作情况', maxPointsHundredths: 1000 },
        ],
      },
    ],
  };
}

/** Documented default scorecards (not official: the seed's attachments are missing). */
export const DEFAULT_SCORECARDS: Readonly<Record<'融资担保' | '再担保', ScorecardConfig>> = {
  融资担保: defaultScorecard('融资担保'),
  再担保: defaultScorecard('再担保'),
};

// ── Chongqing input and result ──────────────────────────────────────────────────────────────

export const PerformanceInput = z.object({
  institution: z.object({
    name: z.string().min(1),
    type: z.enum(['融资担保', '再担保', '农业信贷担保']),
    onGovernmentList: z.boolean().optional().describe('on the Chongqing list (CQ-2)'),
  }),
  /** The accounting year evaluated (评价期). */
  year: z.number().int().min(2000).max(2200),
  totalScoreHundredths: z.number().int().optional().describe('total score as evaluated, in hundredths (89.99 -> 8999)'),
  indicatorScores: z
    .array(z.object({ indicatorId: z.string(), scoreHundredths: z.number().int().min(0), waived: z.boolean().optional() }))
    .default([]),
  seriousNonCompliance: z
    .object({
      found: z.boolean(),
      evaluatorGrade: Grade.optional().describe('a grade below 中 chosen by the evaluator'),
      regulatorOpinionRef: z.string().optional(),
      description: z.string().optional(),
    })
    .optional(),
  falseMaterial: z.object({ found: z.boolean(), kind: z.enum(['漏报', '瞒报', '虚假材料']).optional() }).optional(),
  previousYear: z.object({ grade: Grade.optional(), falseMaterialFound: z.boolean().optional() }).optional(),
  resultDeterminedOn: IsoDate.optional(),
  selfEvaluationSubmittedOn: IsoDate.optional(),
  materials: z
    .object({
      operatingPlan: z.boolean(),
      operatingReport: z.boolean(),
      financialStatementsAndAudit: z.boolean(),
      scoreSheetsAndEvidence: z.boolean(),
      otherRequired: z.boolean(),
    })
    .partial()
    .optional(),
  targetsReportedOn: IsoDate.optional().describe('CQ-9 targets of the evaluated year reported to 市财政局'),
  districtResultsReportedOn: IsoDate.optional().describe('CQ-12 district results reported to 市财政局'),
});
export type PerformanceInput = z.infer<typeof PerformanceInput>;

export interface PerformanceState {
  scoreHundredths?: number;
  baseGrade?: Grade;
  grade?: Grade;
  stopped?: 'OUT_OF_SCOPE' | 'INVALID_SCORE' | 'UNDETERMINED_PARAMETER_MISSING';
  flags: Set<string>;
  removal?: { from: string; to: string };
  deadlines: Deadline[];
  notes: string[];
}

export interface PerformanceContext {
  input: PerformanceInput;
  scorecard: ScorecardConfig;
  /** "X月X日前" read as inclusive of that day (C-1; catalogue §10 item 5 flags it). */
  deadlinesInclusive: boolean;
  state: PerformanceState;
}

export interface PerformanceResult {
  ruleSet: Pick<RuleSetMeta, 'id' | 'titleZh' | 'documentNo' | 'validFrom' | 'validTo' | 'status'>;
  scorecard: { id: string; official: boolean; noticeZh: string };
  outcome: 'GRADED' | 'OUT_OF_SCOPE' | 'INVALID_SCORE' | 'UNDETERMINED_PARAMETER_MISSING' | 'NO_RULESET_IN_FORCE';
  scoreHundredths?: number;
  scoreText?: string;
  baseGrade?: Grade;
  finalGrade?: Grade;
  flags: string[];
  checks: CheckResult[];
  deadlines: Deadline[];
  removalFromList?: { from: string; to: string };
  notes: string[];
}

export interface CheckOptions {
  today?: string;
  calendar?: WorkingDayCalendar;
}

function runChecks<I>(rules: CheckRule<I>[], input: I, ctx: { calendar: WorkingDayCalendar; today: string }, extraFlags: string[] = [], stop?: () => string | undefined): CheckResult[] {
  const out: CheckResult[] = [];
  for (const rule of rules) {
    const reason = stop?.();
    const e = reason
      ? { result: 'NOT_APPLICABLE' as const, outcome: 'NOT_EVALUATED', explanation: reason }
      : rule.evaluate(input, ctx);
    out.push({
      ruleId: rule.id,
      article: rule.article,
      quote: rule.quote,
      modality: rule.modality,
      result: e.result,
      outcome: e.outcome,
      explanation: e.explanation,
      missingEvidence: e.missingEvidence ?? [],
      missingParameters: e.missingParameters ?? [],
      flags: [...new Set([...(e.flags ?? []), ...extraFlags])],
      severity: e.severity ?? (e.result === 'UNDETERMINED_PARAMETER_MISSING' || e.outcome === 'EVIDENCE_MISSING' ? 'warning' : 'info'),
    });
  }
  return out;
}

const noCalendar: WorkingDayCalendar = {
  source: 'none',
  coveredYears: [],
  covers: () => false,
  day: (date) => ({ status: 'CALENDAR_UNKNOWN', date, year: Number(date.slice(0, 4)) }),
};

function meta(r: RuleSetMeta): PerformanceResult['ruleSet'] {
  return { id: r.id, titleZh: r.titleZh, documentNo: r.documentNo, validFrom: r.validFrom, validTo: r.validTo, status: r.status };
}

/**
 * Chongqing performance evaluation (渝财金〔2021〕23号): score -> grade band (CQ-13) ->
 * compliance cap (CQ-8-3-5) -> false-material downgrade (CQ-17) -> consequences (CQ-14),
 * plus the self-evaluation and reporting deadlines.
 */
export function evaluatePerformance(
  raw: z.input<typeof PerformanceInput>,
  options: CheckOptions & { scorecard?: ScorecardConfig; deadlinesInclusive?: boolean } = {},
): PerformanceResult {
  const input = PerformanceInput.parse(raw);
  const today = options.today ?? todayInChina();
  const type = input.institution.type === '再担保' ? '再担保' : '融资担保';
  const scorecard = ScorecardConfig.parse(options.scorecard ?? DEFAULT_SCORECARDS[type]);
  const ruleSet = chongqingPerformance;
  const state: PerformanceState = { flags: new Set(), deadlines: [], notes: [] };
  if (!scorecard.official) state.flags.add('SCORECARD_DEFAULT_UNOFFICIAL');
  const scorecardInfo = { id: scorecard.id, official: scorecard.official, noticeZh: scorecard.noticeZh };
  // In force from the notice date (第二十条); the notice also orders the 2020 trial evaluation.
  if (`${input.year + 1}-12-31` < (ruleSet.validFrom ?? '')) {
    return {
      ruleSet: meta(ruleSet),
      scorecard: scorecardInfo,
      outcome: 'NO_RULESET_IN_FORCE',
      flags: ['NO_RULESET_IN_FORCE'],
      checks: [],
      deadlines: [],
      notes: [`${input.year}年度的评价早于本办法施行日${ruleSet.validFrom}，本办法不适用。`],
    };
  }
  const ctx: PerformanceContext = { input, scorecard, deadlinesInclusive: options.deadlinesInclusive ?? true, state };
  const checks = runChecks(ruleSet.rules, ctx, { calendar: options.calendar ?? noCalendar, today }, [], () =>
    state.stopped === 'OUT_OF_SCOPE' ? '机构不属于本办法评价范围，未评估。' : undefined,
  );
  if (input.year === 2020) state.notes.push('2020年度为试评价（通知第二条）。');
  state.notes.push(scorecard.noticeZh);
  const outcome: PerformanceResult['outcome'] = state.stopped ?? 'GRADED';
  return {
    ruleSet: meta(ruleSet),
    scorecard: scorecardInfo,
    outcome,
    scoreHundredths: state.scoreHundredths,
    scoreText: state.scoreHundredths !== undefined ? scoreText(state.scoreHundredths) : undefined,
    baseGrade: state.baseGrade,
    finalGrade: outcome === 'GRADED' ? state.grade : undefined,
    flags: [...state.flags],
    checks,
    deadlines: state.deadlines,
    removalFromList: state.removal,
    notes: state.notes,
  };
}

// ── Xinjiang (draft) ────────────────────────────────────────────────────────────────────────

export const XinjiangInput = z.object({
  institution: z.object({ name: z.string().min(1) }),
  fiscalYear: z.number().int().optional(),
  encouragedIndustryRevenueFen: z.number().int().min(0).optional().describe('《西部地区鼓励类产业目录》 main-business revenue'),
  totalRevenueFen: z.number().int().min(0).optional(),
  guaranteeFeeIncome: z
    .array(
      z.object({
        beneficiary: z.enum(['农户', '小型企业', '微型企业', '个体工商户', '中型企业', '大型企业', '其他']),
        amountFen: z.number().int().min(0),
        incomeDate: IsoDate.optional(),
        reguarantee: z.boolean().optional(),
      }),
    )
    .default([]),
  avgSmallMicroFeeRateBp: z.number().int().min(0).optional(),
  smallMicroScaleGrew: z.boolean().optional(),
  riskShareAgreements: z
    .array(z.object({ bank: z.string(), bankShareBp: z.number().int().min(0).max(10000).optional(), nationalFundShareBp: z.number().int().min(0).max(10000).optional() }))
    .default([]),
  dishonestParties: z
    .array(z.object({ party: z.enum(['公司', '主要股东', '实际控制人', '法定代表人']), name: z.string().optional(), listed: z.boolean() }))
    .default([]),
  seriousRegulationViolation: z.boolean().optional(),
});
export type XinjiangInput = z.infer<typeof XinjiangInput>;

export interface ChecksResult {
  ruleSet: PerformanceResult['ruleSet'];
  outcome: string;
  flags: string[];
  checks: CheckResult[];
  notes: string[];
}

function summaryOutcome(checks: CheckResult[], positive: string, negative: string): string {
  if (checks.some((c) => c.outcome === negative)) return negative;
  if (checks.some((c) => c.result === 'UNDETERMINED_PARAMETER_MISSING' || c.outcome === 'EVIDENCE_MISSING')) return 'INCOMPLETE';
  return positive;
}

/** Xinjiang measures: every result carries DRAFT_NOT_IN_FORCE; nothing is certified on its authority. */
export function assessXinjiang(raw: z.input<typeof XinjiangInput>, options: CheckOptions = {}): ChecksResult {
  const input = XinjiangInput.parse(raw);
  const rs: CheckRuleSet<XinjiangInput> = xinjiangMeasures;
  const checks = runChecks(rs.rules, input, { calendar: options.calendar ?? noCalendar, today: options.today ?? todayInChina() }, ['DRAFT_NOT_IN_FORCE']);
  return {
    ruleSet: meta(rs),
    outcome: 'DRAFT_NOT_IN_FORCE',
    flags: [...new Set(checks.flatMap((c) => [c.outcome, ...c.flags]).filter((f) => f !== 'NOT_EVALUATED'))],
    checks,
    notes: rs.notesZh,
  };
}

// ── Shanxi ──────────────────────────────────────────────────────────────────────────────────

export const ShanxiInput = z.object({
  city: z.string().min(1),
  cityInstitution: z.object({
    name: z.string().min(1),
    /** Registered-capital changes (date registered, new registered capital). */
    registeredCapitalHistory: z.array(z.object({ date: IsoDate, registeredCapitalFen: z.number().int().min(0) })).default([]),
    paidInCapitalFen: z.number().int().min(0).optional(),
  }),
  counties: z
    .array(
      z.object({
        name: z.string().min(1),
        contributionFen: z.number().int().min(0).optional(),
        contributionDate: IsoDate.optional(),
        licenceReturned: z.boolean().optional(),
        hasStockBusinessOrRisk: z.boolean().optional(),
        deregistered: z.boolean().optional(),
        assetsVerifiedNetAssetsExtracted: z.boolean().optional(),
      }),
    )
    .default([]),
  newManagers: z.array(z.object({ name: z.string(), experienceMonths: z.number().int().min(0).optional() })).default([]),
  governmentInterferenceInBusinessDecisions: z.boolean().optional(),
  reformSteps: z
    .object({
      leadingGroup: IsoDate,
      survey: IsoDate,
      plan: IsoDate,
      consultation: IsoDate,
      partyAndGovernmentReview: IsoDate,
      provincialReport: IsoDate,
      inPlace: IsoDate,
      businessConnection: IsoDate,
      formalOperation: IsoDate,
    })
    .partial()
    .default({}),
});
export type ShanxiInput = z.infer<typeof ShanxiInput>;

/** Shanxi city-county integration checks (SX). The guide states no validity window. */
export function assessShanxi(raw: z.input<typeof ShanxiInput>, options: CheckOptions = {}): ChecksResult {
  const input = ShanxiInput.parse(raw);
  const rs: CheckRuleSet<ShanxiInput> = shanxiIntegration;
  const checks = runChecks(rs.rules, input, { calendar: options.calendar ?? noCalendar, today: options.today ?? todayInChina() }, ['SX_VALIDITY_NOT_STATED']);
  return {
    ruleSet: meta(rs),
    outcome: summaryOutcome(checks, 'SX_COMPLIANT', 'SX_NONCOMPLIANT'),
    flags: [...new Set(checks.flatMap((c) => [c.outcome, ...c.flags]).filter((f) => f !== 'NOT_EVALUATED'))],
    checks,
    notes: rs.notesZh,
  };
}

/** Check results as pipeline findings. */
export function checksToFindings(results: CheckResult[], subject?: string): Finding[] {
  return results
    .filter((c) => c.result !== 'NOT_APPLICABLE' || c.outcome !== 'NOT_EVALUATED')
    .map((c) => ({
      ruleId: c.ruleId,
      article: c.article,
      modality: c.modality,
      outcome: c.outcome,
      severity: c.severity,
      message: `${subject ? `${subject}：` : ''}${c.explanation}${c.flags.includes('DRAFT_NOT_IN_FORCE') ? '（依据为征求意见稿，未生效）' : ''}`,
      fields: [],
    }));
}
