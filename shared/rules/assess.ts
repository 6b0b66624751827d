/**
 * The 尽职免责 case assessment: selects the rule set (C-4), evaluates every person in the
 * catalogue's section 7 order, applies the overrides, runs the procedure checks of section 8,
 * and reports every rule with its ID, article and quoted text.
 */
import type { Finding, Modality } from '../domain/records.js';
import { CaseInput, JURISDICTION_LABEL_ZH, type CaseInputRaw, type EvaluatedPerson, type RoleClass } from './case.js';
import type { WorkingDayCalendar } from './calendar.js';
import { todayInChina } from './dates.js';
import { RULE_SETS } from './rulesets/index.js';
import { selectDueDiligenceRuleSet, type KeyDateCheck } from './select.js';
import {
  InstitutionConfig,
  STEP_ORDER,
  type AnyRuleSet,
  type Deadline,
  type DueDiligenceRuleSet,
  type Evaluation,
  type OutcomeCode,
  type PersonRule,
  type ProcedureRule,
  type RuleResult,
  type Step,
} from './types.js';

export interface AssessOptions {
  /** Parameters from the institution's 实施细则; missing ones give UNDETERMINED_PARAMETER_MISSING. */
  institutionConfig?: InstitutionConfig;
  calendar: WorkingDayCalendar;
  /** The assessment date (ISO); defaults to today in China. Used for deadlines not yet reached. */
  today?: string;
  /** Rule sets to choose from; defaults to the registry. */
  registry?: readonly AnyRuleSet[];
}

export const OUTCOME_LABEL_ZH: Record<OutcomeCode, string> = {
  NO_RULESET_IN_FORCE: '无现行有效规定',
  RULESET_DATE_AMBIGUOUS: '适用规定不明确，需人工复核',
  OUT_OF_SCOPE: '不属于适用范围',
  IN_SCOPE: '属于适用范围',
  PRECONDITION_MET: '前提条件满足',
  EXEMPT_FULL_MANDATORY: '应免除全部责任',
  EXEMPTION_AVAILABLE: '可免除全部或部分责任',
  NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY: '不追究领导或管理责任',
  NOT_EXEMPTABLE: '不得免责',
  ACCOUNTABILITY_REQUIRED: '应追究责任',
  NO_LIABILITY: '不承担责任',
  PARTIAL_OR_SECONDARY_LIABILITY: '承担部分或次要责任',
  FULL_OR_MAIN_LIABILITY: '承担全部或主要责任',
  NO_EXEMPTION_GROUND: '不具备该免责情形',
  UNDETERMINED_PARAMETER_MISSING: '缺少参数，无法判定',
  EVIDENCE_MISSING: '证据不足，需补充材料',
  INVESTIGATION_TIMELY: '调查开展及时',
  INVESTIGATION_DEADLINE_MISSED: '调查开展超期',
  INVESTIGATION_PENDING: '调查尚未开展，期限未届满',
  OBJECTION_TIMELY: '异议及时',
  OBJECTION_LATE: '异议逾期',
  OBJECTION_TIMELINESS_UNDETERMINED: '异议是否及时无法判定',
  OBJECTION_WINDOW_OPEN: '异议期尚未届满',
  REFUSED_NO_TIMELY_OBJECTION: '拒签且未在期限内提出异议',
  CALENDAR_UNKNOWN: '工作日历未覆盖该年度',
  RECUSAL_VIOLATION: '违反回避要求',
  PROCEDURE_ORDER_VIOLATION: '程序顺序错误',
  PROCEDURE_VIOLATION: '程序不合规',
  PROCEDURE_OK: '程序合规',
  REPORT_INCOMPLETE: '报告内容不完整',
  INVALID_BASIS_SUBSTITUTION: '以检查结论替代尽职评议',
  SUPPLEMENTARY_LIABILITY: '追加责任认定',
  NOT_EVALUATED: '未评估',
};

export interface PersonAssessment {
  name: string;
  id?: string;
  role: RoleClass;
  outcome: OutcomeCode;
  outcomeZh: string;
  /** What the outcome would be once the missing evidence is supplied, when it differs. */
  provisionalOutcome?: OutcomeCode;
  modality?: Modality;
  /** IDs of the rules that decided the outcome. */
  decidedBy: string[];
  exemptionGroundsMet: string[];
  needsReview: boolean;
  explanation: string;
  missingEvidence: string[];
  missingParameters: string[];
  /** Every substantive rule, in the catalogue's section 7 order. */
  rules: RuleResult[];
  /** Procedure checks concerning this person (fact sheet, objection, recusal...). */
  procedure: RuleResult[];
}

export interface WorkflowStep {
  id: string;
  labelZh: string;
  entered: boolean;
  date?: string;
  evidence: string[];
}

export interface WorkflowSummary {
  states: WorkflowStep[];
  current?: { id: string; labelZh: string };
  next?: { id: string; labelZh: string };
  /** Required earlier states with no document or date on file. */
  gaps: { id: string; labelZh: string }[];
}

export interface Assessment {
  schemaVersion: 1;
  caseId?: string;
  assessedOn: string;
  calendarSource: string;
  institution: { name: string; jurisdiction: string; jurisdictionZh: string };
  ruleSet: {
    status: 'SELECTED' | 'NO_RULESET_IN_FORCE' | 'RULESET_DATE_AMBIGUOUS';
    id?: string;
    titleZh?: string;
    documentNo?: string;
    validFrom?: string;
    validTo?: string;
    decidedBy?: 'key_dates' | 'manual_review';
    candidates: string[];
    keyDates: KeyDateCheck[];
    explanation: string;
  };
  persons: PersonAssessment[];
  procedure: {
    /** Case-level procedure checks. */
    results: RuleResult[];
    /** Outcome codes raised anywhere in the procedure checks (case and persons). */
    flags: OutcomeCode[];
    finalisationBlocked: boolean;
    blockingReasons: string[];
  };
  workflow?: WorkflowSummary;
  deadlines: Deadline[];
  parameters: { name: string; labelZh: string; configured: boolean; value?: unknown; usedBy: string[] }[];
  missingParameters: string[];
  notes: string[];
}

const FAVOURABLE: readonly OutcomeCode[] = ['EXEMPT_FULL_MANDATORY', 'EXEMPTION_AVAILABLE', 'NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY', 'NO_LIABILITY'];
const SPECIAL_PRIORITY: readonly OutcomeCode[] = [
  'ACCOUNTABILITY_REQUIRED',
  'FULL_OR_MAIN_LIABILITY',
  'PARTIAL_OR_SECONDARY_LIABILITY',
  'NO_LIABILITY',
  'EXEMPT_FULL_MANDATORY',
  'EXEMPTION_AVAILABLE',
];

function defaultSeverity(e: Evaluation): RuleResult['severity'] {
  if (e.severity) return e.severity;
  if (e.result === 'UNDETERMINED_PARAMETER_MISSING' || e.outcome === 'EVIDENCE_MISSING') return 'warning';
  if (e.result === 'MET' && e.outcome === 'NOT_EXEMPTABLE') return 'warning';
  return 'info';
}

function toResult(rule: PersonRule | ProcedureRule, e: Evaluation): RuleResult {
  return {
    ruleId: rule.id,
    article: rule.article,
    quote: rule.quote,
    modality: e.modality ?? rule.modality,
    result: e.result,
    outcome: e.outcome,
    explanation: e.explanation,
    missingEvidence: e.missingEvidence ?? [],
    missingParameters: e.missingParameters ?? [],
    inputs: rule.inputs,
    severity: defaultSeverity(e),
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function stepOf(rules: readonly PersonRule[], id: string): Step | undefined {
  return rules.find((r) => r.id === id)?.step;
}

function assessPerson(
  ruleSet: DueDiligenceRuleSet,
  ctx: { input: CaseInput; config: InstitutionConfig; calendar: WorkingDayCalendar; today: string },
  person: EvaluatedPerson,
): Omit<PersonAssessment, 'procedure'> {
  const ordered = [...ruleSet.personRules].sort((a, b) => STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step));
  const rules: RuleResult[] = ordered.map((rule) => {
    if (rule.roles && !rule.roles.includes(person.role)) {
      return toResult(rule, {
        result: 'NOT_APPLICABLE',
        outcome: 'NOT_EVALUATED',
        explanation: `本条只涉及${rule.roles.join('、')}；${person.name}为${person.role}，不适用。`,
      });
    }
    return toResult(rule, rule.evaluate({ ...ctx, person }));
  });
  const byStep = (step: Step) => rules.filter((r) => stepOf(ordered, r.ruleId) === step);
  const gateIds = new Set(ordered.filter((r) => r.gate).map((r) => r.id));

  let outcome: OutcomeCode | undefined;
  let decidedBy: string[] = [];
  let modality: Modality | undefined;
  const review: string[] = [];
  const decide = (o: OutcomeCode, by: RuleResult[]) => {
    outcome = o;
    decidedBy = by.map((r) => r.ruleId);
    modality = by[0]?.modality;
  };

  // 2. Scope.
  const scope = byStep('scope');
  const outOfScope = scope.filter((r) => r.result === 'NOT_MET' && r.outcome === 'OUT_OF_SCOPE');
  const scopeEvidenceMissing = scope.filter((r) => r.outcome === 'EVIDENCE_MISSING');
  if (outOfScope.length) decide('OUT_OF_SCOPE', outOfScope);

  // 4-5. Undisclosed conflict (YN-7) and non-exemptable circumstances override everything after them.
  if (!outcome) {
    for (const step of ['conflict', 'non_exemptable'] as const) {
      const hits = byStep(step).filter((r) => r.result === 'MET' && r.outcome === 'NOT_EXEMPTABLE');
      if (hits.length) {
        decide('NOT_EXEMPTABLE', hits);
        break;
      }
    }
  }
  const allegedNonExemptable = [...byStep('conflict'), ...byStep('non_exemptable')].filter((r) => r.outcome === 'EVIDENCE_MISSING');
  if (allegedNonExemptable.length) review.push(`存在尚未查实的不得免责指称（${allegedNonExemptable.map((r) => r.ruleId).join('、')}），须查实后再定。`);

  // 6. Special allocation.
  if (!outcome) {
    const special = byStep('special').filter((r) => r.result === 'MET');
    for (const code of SPECIAL_PRIORITY) {
      const hits = special.filter((r) => r.outcome === code);
      if (hits.length) {
        decide(code, hits);
        break;
      }
    }
  }

  // 7. Annual tolerance.
  const tolerance = byStep('tolerance');
  if (!outcome) {
    const hits = tolerance.filter((r) => r.result === 'MET');
    if (hits.length) decide('NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY', hits);
  }

  // 8. Exemption grounds, behind their gate (the article's opening clause).
  const exemption = byStep('exemption');
  const gate = exemption.find((r) => gateIds.has(r.ruleId));
  const grounds = exemption.filter((r) => !gateIds.has(r.ruleId));
  const groundsMet = grounds.filter((r) => r.result === 'MET');
  const gateFailed = gate !== undefined && gate.result === 'NOT_MET' && gate.outcome !== 'EVIDENCE_MISSING';
  const gateMissing = gate !== undefined && gate.outcome === 'EVIDENCE_MISSING';
  let provisional: OutcomeCode | undefined;
  if (!outcome && groundsMet.length && !gateFailed) {
    if (gateMissing) {
      provisional = 'EXEMPTION_AVAILABLE';
      decide('EVIDENCE_MISSING', [gate!]);
    } else {
      decide('EXEMPTION_AVAILABLE', groundsMet);
    }
  }

  // 9. Outcome by the conclusion.
  const conclusion = byStep('conclusion').filter((r) => r.result === 'MET');
  if (!outcome && conclusion.length) {
    decide(conclusion[0].outcome, conclusion);
    if (gateFailed && conclusion[0].outcome === 'EXEMPTION_AVAILABLE') {
      review.push('经认定存在违规或过错，但评议结论为尽职或基本尽职，结论与认定不一致，须人工复核。');
    }
  } else if (outcome && conclusion.length) {
    const c = conclusion[0];
    if (FAVOURABLE.includes(outcome) && c.outcome === 'ACCOUNTABILITY_REQUIRED') {
      review.push(`规则评估结论（${OUTCOME_LABEL_ZH[outcome]}）与评议结论“不尽职”不一致，须人工复核。`);
    }
    if ((outcome === 'NOT_EXEMPTABLE' || outcome === 'ACCOUNTABILITY_REQUIRED' || outcome === 'FULL_OR_MAIN_LIABILITY') && c.outcome === 'EXEMPTION_AVAILABLE') {
      review.push(`存在不得免责或应追责的情形，但评议结论为尽职或基本尽职，结论与证据不一致，须人工复核。`);
    }
  }

  // Nothing decided: undetermined parameters, missing evidence, or no ground.
  const undetermined = [...tolerance, ...exemption].filter((r) => r.result === 'UNDETERMINED_PARAMETER_MISSING');
  if (!outcome) {
    if (gateFailed) decide('NO_EXEMPTION_GROUND', [gate!]);
    else if (undetermined.length) decide('UNDETERMINED_PARAMETER_MISSING', undetermined);
    else if (grounds.some((r) => r.outcome === 'EVIDENCE_MISSING')) {
      decide('EVIDENCE_MISSING', grounds.filter((r) => r.outcome === 'EVIDENCE_MISSING').concat(gateMissing ? [gate!] : []));
    } else if (tolerance.some((r) => r.outcome === 'EVIDENCE_MISSING')) {
      decide('EVIDENCE_MISSING', tolerance.filter((r) => r.outcome === 'EVIDENCE_MISSING'));
    } else decide('NO_EXEMPTION_GROUND', []);
  } else if (undetermined.length && outcome !== 'OUT_OF_SCOPE' && outcome !== 'NOT_EXEMPTABLE') {
    review.push(`部分规则因缺少参数无法判定：${unique(undetermined.flatMap((r) => r.missingParameters)).join('、')}。`);
  }

  // 10. Post-closure: concealment found after exemption reopens the case.
  const post = byStep('post_closure').filter((r) => r.result === 'MET');
  if (post.length && outcome && FAVOURABLE.includes(outcome)) decide('ACCOUNTABILITY_REQUIRED', post);

  // Scope evidence missing: a favourable outcome is provisional.
  if (outcome && FAVOURABLE.includes(outcome) && (scopeEvidenceMissing.length || allegedNonExemptable.length)) {
    provisional = outcome;
    outcome = 'EVIDENCE_MISSING';
  }

  // Mark results overridden by an earlier decisive step.
  const decisiveStep = decidedBy.length ? stepOf(ordered, decidedBy[0]) : undefined;
  if (decisiveStep && ['scope', 'conflict', 'non_exemptable', 'special', 'post_closure'].includes(decisiveStep) && outcome !== 'EVIDENCE_MISSING') {
    const from = decisiveStep === 'post_closure' ? 0 : STEP_ORDER.indexOf(decisiveStep);
    for (const r of rules) {
      const s = stepOf(ordered, r.ruleId)!;
      if (decidedBy.includes(r.ruleId) || s === 'scope') continue;
      if (STEP_ORDER.indexOf(s) > from || (decisiveStep === 'post_closure' && s !== 'post_closure')) {
        if (r.result === 'MET' && FAVOURABLE.includes(r.outcome)) r.overridden = true;
      }
    }
  }

  const final = outcome!;
  const deciding = rules.filter((r) => decidedBy.includes(r.ruleId));
  const missingEvidence = unique(rules.filter((r) => !r.overridden).flatMap((r) => r.missingEvidence));
  const missingParameters = unique(rules.flatMap((r) => r.missingParameters));
  // Warnings that still matter once the outcome is known (an override makes later steps moot).
  const mootSteps: Step[] =
    decisiveStep && ['scope', 'conflict', 'non_exemptable', 'special'].includes(decisiveStep) && !FAVOURABLE.includes(final)
      ? ['tolerance', 'exemption', 'conclusion']
      : [];
  const warnings = rules.filter(
    (r) => r.severity === 'warning' && !r.overridden && !decidedBy.includes(r.ruleId) && !mootSteps.includes(stepOf(ordered, r.ruleId)!),
  );
  const needsReview = review.length > 0 || final === 'EVIDENCE_MISSING' || final === 'UNDETERMINED_PARAMETER_MISSING' || warnings.length > 0;
  const head = `${person.name}（${person.role}）：${OUTCOME_LABEL_ZH[final]}`;
  const because = deciding.length ? `。依据：${deciding.map((r) => `${r.ruleId}（${r.article}）${r.explanation}`).join('；')}` : '。未发现任何免责情形或应追责情形的依据。';
  const provisionalText = provisional && provisional !== final ? `补齐材料后可能为“${OUTCOME_LABEL_ZH[provisional]}”。` : '';
  const overriddenText = rules.some((r) => r.overridden)
    ? `被覆盖的免责结果：${rules.filter((r) => r.overridden).map((r) => r.ruleId).join('、')}（按第七部分顺序，前序的不得免责或追责情形优先）。`
    : '';
  return {
    name: person.name,
    id: person.id,
    role: person.role,
    outcome: final,
    outcomeZh: OUTCOME_LABEL_ZH[final],
    provisionalOutcome: provisional && provisional !== final ? provisional : undefined,
    modality,
    decidedBy,
    exemptionGroundsMet: groundsMet.map((r) => r.ruleId),
    needsReview,
    explanation: [head + because, provisionalText, overriddenText, ...review].filter(Boolean).join(' '),
    missingEvidence,
    missingParameters,
    rules,
  };
}

function summarizeWorkflow(ruleSet: DueDiligenceRuleSet, input: CaseInput): WorkflowSummary {
  const states: WorkflowStep[] = ruleSet.workflow.map((s) => {
    const evidence: string[] = [];
    const dates: string[] = [];
    for (const d of input.documents) {
      if (s.documents.includes(d.type)) {
        evidence.push(`document:${d.type}${d.ref ? `:${d.ref}` : ''}`);
        if (d.date) dates.push(d.date);
      }
    }
    for (const key of s.dates) {
      const v = input.dates[key];
      if (v) {
        evidence.push(`dates.${key}`);
        dates.push(v);
      }
    }
    const extra = s.extra?.(input);
    if (extra) {
      evidence.push('case-data');
      if (typeof extra === 'string') dates.push(extra);
    }
    dates.sort();
    return { id: s.id, labelZh: s.labelZh, entered: evidence.length > 0, date: dates[0], evidence };
  });
  let currentIndex = -1;
  states.forEach((s, i) => {
    if (s.entered) currentIndex = i;
  });
  const defs = ruleSet.workflow;
  const gaps = states
    .slice(0, Math.max(currentIndex, 0))
    .filter((s, i) => !s.entered && defs[i].required && !defs[i].conditional)
    .map((s) => ({ id: s.id, labelZh: s.labelZh }));
  const next = states.find((_, i) => i > currentIndex && defs[i].required && !defs[i].conditional);
  return {
    states,
    current: currentIndex >= 0 ? { id: states[currentIndex].id, labelZh: states[currentIndex].labelZh } : undefined,
    next: next ? { id: next.id, labelZh: next.labelZh } : undefined,
    gaps,
  };
}

/**
 * Assesses a 尽职免责 case. `input` is validated (and defaulted) with the `CaseInput` schema;
 * a `ZodError` is thrown for invalid input.
 */
export function assessCase(input: CaseInput | CaseInputRaw, options: AssessOptions): Assessment {
  const parsed = CaseInput.parse(input);
  const today = options.today ?? todayInChina();
  const calendar = options.calendar;
  const notes: string[] = [];
  let config: InstitutionConfig = InstitutionConfig.parse(options.institutionConfig ?? {});
  if (config.jurisdiction && config.jurisdiction !== parsed.institution.jurisdiction) {
    notes.push(`机构配置属于${config.jurisdiction}，与机构所在辖区${parsed.institution.jurisdiction}不符，已忽略（不得借用其他省份的参数）。`);
    config = {};
  }
  const registry = options.registry ?? RULE_SETS;
  const selection = selectDueDiligenceRuleSet(registry, parsed);
  const institution = {
    name: parsed.institution.name,
    jurisdiction: parsed.institution.jurisdiction,
    jurisdictionZh: JURISDICTION_LABEL_ZH[parsed.institution.jurisdiction],
  };
  const base = {
    schemaVersion: 1 as const,
    caseId: parsed.caseId,
    assessedOn: today,
    calendarSource: calendar.source,
    institution,
  };

  if (selection.status !== 'SELECTED') {
    const outcome: OutcomeCode = selection.status;
    return {
      ...base,
      ruleSet: {
        status: selection.status,
        candidates: selection.candidates.map((c) => c.id),
        keyDates: selection.keyDates,
        explanation: selection.explanation,
      },
      persons: parsed.persons.map((p) => ({
        name: p.name,
        id: p.id,
        role: p.role,
        outcome,
        outcomeZh: OUTCOME_LABEL_ZH[outcome],
        decidedBy: ['RS-SELECT'],
        exemptionGroundsMet: [],
        needsReview: true,
        explanation: `${p.name}（${p.role}）：${OUTCOME_LABEL_ZH[outcome]}。${selection.explanation}`,
        missingEvidence: [],
        missingParameters: [],
        rules: [],
        procedure: [],
      })),
      procedure: { results: [], flags: [outcome], finalisationBlocked: true, blockingReasons: [selection.explanation] },
      deadlines: [],
      parameters: [],
      missingParameters: [],
      notes,
    };
  }

  const ruleSet = selection.ruleSet as DueDiligenceRuleSet;
  const deadlines: Deadline[] = [];
  const pctx = { input: parsed, config, calendar, today, deadline: (d: Deadline) => deadlines.push(d) };
  const caseProcedure = ruleSet.procedureRules.filter((r) => r.per === 'case').map((r) => toResult(r, r.evaluate(pctx)));
  const persons: PersonAssessment[] = parsed.persons.map((person) => {
    const assessed = assessPerson(ruleSet, { input: parsed, config, calendar, today }, person);
    const procedure = ruleSet.procedureRules.filter((r) => r.per === 'person').map((r) => toResult(r, r.evaluate(pctx, person)));
    const needsReview = assessed.needsReview || procedure.some((r) => r.severity === 'blocking');
    return {
      ...assessed,
      needsReview,
      missingEvidence: unique([...assessed.missingEvidence, ...procedure.flatMap((r) => r.missingEvidence)]),
      missingParameters: unique([...assessed.missingParameters, ...procedure.flatMap((r) => r.missingParameters)]),
      procedure,
    };
  });
  const allProcedure = [...caseProcedure, ...persons.flatMap((p) => p.procedure)];
  const flags = unique(
    allProcedure
      .filter((r) => r.result !== 'NOT_APPLICABLE' || r.outcome === 'INVESTIGATION_PENDING' || r.outcome === 'OBJECTION_WINDOW_OPEN')
      .map((r) => r.outcome)
      .filter((o) => o !== 'PROCEDURE_OK' && o !== 'NOT_EVALUATED'),
  );
  const blocking = [...caseProcedure.map((r) => ({ r, who: '' })), ...persons.flatMap((p) => p.procedure.map((r) => ({ r, who: `${p.name}：` })))]
    .filter(({ r }) => r.severity === 'blocking')
    .map(({ r, who }) => `${who}${r.ruleId}（${r.article}）${r.explanation}`);
  const parameters = ruleSet.parameters.map((p) => ({
    name: p.name,
    labelZh: p.labelZh,
    configured: config[p.name] !== undefined,
    value: config[p.name],
    usedBy: p.usedBy,
  }));
  const missingParameters = unique([...persons.flatMap((p) => p.missingParameters), ...caseProcedure.flatMap((r) => r.missingParameters)]);
  if (selection.decidedBy === 'manual_review') notes.push(selection.explanation);
  notes.push(...ruleSet.notesZh);
  return {
    ...base,
    ruleSet: {
      status: 'SELECTED',
      id: ruleSet.id,
      titleZh: ruleSet.titleZh,
      documentNo: ruleSet.documentNo,
      validFrom: ruleSet.validFrom,
      validTo: ruleSet.validTo,
      decidedBy: selection.decidedBy,
      candidates: [ruleSet.id],
      keyDates: selection.keyDates,
      explanation: selection.explanation,
    },
    persons,
    procedure: { results: caseProcedure, flags, finalisationBlocked: blocking.length > 0, blockingReasons: blocking },
    workflow: summarizeWorkflow(ruleSet, parsed),
    deadlines,
    parameters,
    missingParameters,
    notes,
  };
}

function findingOf(r: RuleResult, who?: string): Finding {
  return {
    ruleId: r.ruleId,
    article: r.article,
    modality: r.modality,
    outcome: r.outcome,
    severity: r.severity,
    message: `${who ? `${who}：` : ''}${r.explanation}${r.missingEvidence.length ? `（缺少：${r.missingEvidence.join('、')}）` : ''}${r.missingParameters.length ? `（缺少参数：${r.missingParameters.join('、')}）` : ''}`,
    fields: r.inputs,
  };
}

/**
 * The assessment as pipeline findings (`Finding` of the record schema): the rule-set choice,
 * one summary per person, and every rule result that is not "not applicable".
 */
export function assessmentToFindings(a: Assessment): Finding[] {
  const out: Finding[] = [];
  out.push({
    ruleId: 'RS-SELECT',
    article: '—',
    modality: 'procedure',
    outcome: a.ruleSet.status === 'SELECTED' ? 'RULESET_SELECTED' : a.ruleSet.status,
    severity: a.ruleSet.status === 'SELECTED' ? 'info' : 'blocking',
    message: a.ruleSet.status === 'SELECTED' ? `适用《${a.ruleSet.titleZh}》。${a.ruleSet.explanation}` : a.ruleSet.explanation,
    fields: ['institution.jurisdiction', ...a.ruleSet.keyDates.map((k) => `dates.${k.key}`)],
  });
  for (const r of a.procedure.results) if (r.result !== 'NOT_APPLICABLE' || r.outcome !== 'NOT_EVALUATED') out.push(findingOf(r));
  for (const p of a.persons) {
    const first = p.rules.find((r) => r.ruleId === p.decidedBy[0]);
    out.push({
      ruleId: p.decidedBy[0] ?? 'RS-SELECT',
      article: first?.article ?? '—',
      modality: p.modality ?? 'procedure',
      outcome: p.outcome,
      severity: p.needsReview ? 'warning' : 'info',
      message: p.explanation,
      fields: ['persons'],
    });
    for (const r of [...p.rules, ...p.procedure]) {
      if (r.result === 'NOT_APPLICABLE' && r.outcome === 'NOT_EVALUATED') continue;
      if (r.result === 'NOT_APPLICABLE' && r.outcome !== 'INVESTIGATION_PENDING' && r.outcome !== 'OBJECTION_WINDOW_OPEN') continue;
      out.push(findingOf(r, p.name));
    }
  }
  return out;
}
