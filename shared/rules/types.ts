/**
 * Shapes shared by the rule sets and the engine. A rule set is data (ids, articles, quoted seed
 * text, modality, validity) plus small evaluate functions; the engine only orders and combines
 * their results, so adding a province or a new version of a regulation is adding a file.
 */
import { z } from 'zod';
import type { Modality } from '../domain/records.js';
import type { CaseInput, EvaluatedPerson, Jurisdiction, RoleClass } from './case.js';
import type { WorkingDayCalendar } from './calendar.js';

export type { Modality };

/** Result of one rule (catalogue section 11, "Rule results"). */
export const RuleStatus = z.enum(['MET', 'NOT_MET', 'NOT_APPLICABLE', 'UNDETERMINED_PARAMETER_MISSING']);
export type RuleStatus = z.infer<typeof RuleStatus>;

/** Outcome codes of the catalogue's section 11 used by the 尽职免责 assessment. */
export const OutcomeCode = z.enum([
  'NO_RULESET_IN_FORCE',
  'RULESET_DATE_AMBIGUOUS',
  'OUT_OF_SCOPE',
  'IN_SCOPE',
  'PRECONDITION_MET',
  'EXEMPT_FULL_MANDATORY',
  'EXEMPTION_AVAILABLE',
  'NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY',
  'NOT_EXEMPTABLE',
  'ACCOUNTABILITY_REQUIRED',
  'NO_LIABILITY',
  'PARTIAL_OR_SECONDARY_LIABILITY',
  'FULL_OR_MAIN_LIABILITY',
  'NO_EXEMPTION_GROUND',
  'UNDETERMINED_PARAMETER_MISSING',
  'EVIDENCE_MISSING',
  'INVESTIGATION_TIMELY',
  'INVESTIGATION_DEADLINE_MISSED',
  'INVESTIGATION_PENDING',
  'OBJECTION_TIMELY',
  'OBJECTION_LATE',
  'OBJECTION_TIMELINESS_UNDETERMINED',
  'OBJECTION_WINDOW_OPEN',
  'REFUSED_NO_TIMELY_OBJECTION',
  'CALENDAR_UNKNOWN',
  'RECUSAL_VIOLATION',
  'PROCEDURE_ORDER_VIOLATION',
  'PROCEDURE_VIOLATION',
  'PROCEDURE_OK',
  'REPORT_INCOMPLETE',
  'INVALID_BASIS_SUBSTITUTION',
  'SUPPLEMENTARY_LIABILITY',
  'NOT_EVALUATED',
]);
export type OutcomeCode = z.infer<typeof OutcomeCode>;

/** One evaluated rule, as the assessment reports it. */
export interface RuleResult {
  ruleId: string;
  /** Article of the seed, e.g. `第九条第（六）项`. */
  article: string;
  /** The seed's own wording. */
  quote: string;
  modality: Modality;
  result: RuleStatus;
  outcome: OutcomeCode;
  /** Plain-language explanation in Chinese. */
  explanation: string;
  /** Evidence the rule needs and the case does not carry (Chinese labels). */
  missingEvidence: string[];
  /** Configuration parameters the rule needs and the institution has not set. */
  missingParameters: string[];
  /** Input fields the rule read. */
  inputs: string[];
  /** True when a rule earlier in the catalogue's order (section 7) already decided the outcome. */
  overridden?: boolean;
  severity: 'info' | 'warning' | 'blocking';
}

/** What an evaluate function returns; the engine adds the rule's static data. */
export interface Evaluation {
  /** Overrides the rule's modality when one article carries two (e.g. NX-12-1). */
  modality?: Modality;
  result: RuleStatus;
  outcome: OutcomeCode;
  explanation: string;
  missingEvidence?: string[];
  missingParameters?: string[];
  severity?: 'info' | 'warning' | 'blocking';
}

/**
 * Per-institution parameters that a seed leaves to the institution's detailed rules (实施细则,
 * NX-22 / YN-22). Never filled from another province's numbers.
 */
export const InstitutionConfig = z.object({
  institutionName: z.string().optional(),
  jurisdiction: z.enum(['NX', 'YN', 'CQ', 'SX', 'XJ']).optional(),
  /** The 实施细则 or other document the values come from. */
  source: z.string().optional(),
  /** NX-9-1 代偿容忍度 (符合监管要求); YN-8-1 a loosened tolerance (needs `compensationRateToleranceSource`). */
  compensationRateToleranceBp: z.number().int().min(0).optional(),
  compensationRateToleranceSource: z.string().optional(),
  /** NX-10-8 "大部分还清": minimum repaid share of the principal. */
  majorityRepaidThresholdBp: z.number().int().min(1).max(10_000).optional(),
  /** NX-10-9 "大部分代偿金额": minimum recovered share. */
  majorityRecoveredThresholdBp: z.number().int().min(1).max(10_000).optional(),
  /** NX-10-9 / YN-9-7 "规定期限" for recovery after compensation, in months (C-2 arithmetic). */
  recoveryPeriodMonths: z.number().int().min(1).optional(),
  /** NX-18-3 "规定期限" for a written objection after delivery of the fact sheet. */
  objectionPeriod: z
    .object({ count: z.number().int().min(1), unit: z.enum(['working_days', 'calendar_days']) })
    .optional(),
});
export type InstitutionConfig = z.infer<typeof InstitutionConfig>;

/** A parameter a rule set expects from configuration, with what it means. */
export interface ParameterSpec {
  name: keyof InstitutionConfig;
  labelZh: string;
  usedBy: string[];
  /** Where the seed delegates it. */
  delegatedBy: string;
}

/** Order of evaluation for one person (catalogue section 7). */
export const STEP_ORDER = [
  'scope',
  'conflict',
  'non_exemptable',
  'special',
  'tolerance',
  'exemption',
  'conclusion',
  'post_closure',
] as const;
export type Step = (typeof STEP_ORDER)[number];

export interface PersonContext {
  input: CaseInput;
  person: EvaluatedPerson;
  config: InstitutionConfig;
  calendar: WorkingDayCalendar;
  today: string;
}

interface RuleBase {
  id: string;
  article: string;
  quote: string;
  modality: Modality;
  /** Short Chinese title used in reports. */
  titleZh: string;
  /** Input fields the rule reads (dotted paths of CaseInput / the person). */
  inputs: string[];
}

export interface PersonRule extends RuleBase {
  step: Step;
  /** Role classes the rule concerns; others get NOT_APPLICABLE. Absent: everyone. */
  roles?: readonly RoleClass[];
  /**
   * A gate: the opening clause of an exemption article (e.g. NX-10-0). Grounds of the same step
   * only lead to an exemption when the gate is MET.
   */
  gate?: boolean;
  evaluate(ctx: PersonContext): Evaluation;
}

/** A dated step of the procedure, with its deadline when the seed gives one. */
export interface Deadline {
  id: string;
  ruleId: string;
  labelZh: string;
  personName?: string;
  from?: string;
  /** Last day still inside the period. */
  lastDay?: string;
  actual?: string;
  status: 'MET' | 'MISSED' | 'PENDING' | 'UNDETERMINED';
  basisZh: string;
}

export interface ProcedureContext {
  input: CaseInput;
  config: InstitutionConfig;
  calendar: WorkingDayCalendar;
  today: string;
  /** Record a deadline for the output. */
  deadline(d: Deadline): void;
}

export interface ProcedureRule extends RuleBase {
  /** `case`: evaluated once; `person`: once per evaluated person. */
  per: 'case' | 'person';
  evaluate(ctx: ProcedureContext, person?: EvaluatedPerson): Evaluation;
}

/** A state of the case workflow (catalogue section 8) and the evidence that it was entered. */
export interface WorkflowState {
  id: string;
  labelZh: string;
  documents: readonly string[];
  dates: readonly (keyof CaseInput['dates'])[];
  /** Other evidence that the state was entered (returns a date, or true when undated). */
  extra?: (input: CaseInput) => string | boolean | undefined;
  /** Whether the state must be passed before later ones (gaps are reported). */
  required: boolean;
  /** Only entered in some cases (e.g. an objection); never reported as a gap. */
  conditional?: boolean;
}

export type RuleSetKind = 'DUE_DILIGENCE_EXEMPTION' | 'PERFORMANCE_EVALUATION' | 'INDUSTRY_MEASURES' | 'REFORM_GUIDE';

export interface RuleSetMeta {
  id: string;
  jurisdiction: Jurisdiction;
  kind: RuleSetKind;
  titleZh: string;
  issuerZh?: string;
  documentNo?: string;
  issuedOn?: string;
  /** First day in force (inclusive); undefined when the seed states none. */
  validFrom?: string;
  /** Last day in force (inclusive, "有效期至"); undefined when open-ended or not stated. */
  validTo?: string;
  status: 'IN_FORCE' | 'DRAFT_NOT_IN_FORCE' | 'VALIDITY_NOT_STATED';
  /** The seed file the quotes come from (its numeric prefix). */
  seed: string;
  notesZh: string[];
}

export interface DueDiligenceRuleSet extends RuleSetMeta {
  kind: 'DUE_DILIGENCE_EXEMPTION';
  parameters: ParameterSpec[];
  personRules: PersonRule[];
  procedureRules: ProcedureRule[];
  workflow: WorkflowState[];
  /** Which role classes carry "leadership or management liability" for the tolerance rule. */
  toleranceRoles: readonly RoleClass[];
}

/** A check over some input (CQ scorecard, XJ and SX checks). */
export interface CheckRule<I> extends RuleBase {
  evaluate(input: I, ctx: { calendar: WorkingDayCalendar; today: string }): CheckEvaluation;
}

export interface CheckEvaluation {
  result: RuleStatus;
  outcome: string;
  explanation: string;
  missingEvidence?: string[];
  missingParameters?: string[];
  flags?: string[];
  severity?: 'info' | 'warning' | 'blocking';
}

export interface CheckResult {
  ruleId: string;
  article: string;
  quote: string;
  modality: Modality;
  result: RuleStatus;
  outcome: string;
  explanation: string;
  missingEvidence: string[];
  missingParameters: string[];
  flags: string[];
  severity: 'info' | 'warning' | 'blocking';
}

export interface CheckRuleSet<I> extends RuleSetMeta {
  kind: 'PERFORMANCE_EVALUATION' | 'INDUSTRY_MEASURES' | 'REFORM_GUIDE';
  rules: CheckRule<I>[];
}

export type AnyRuleSet = DueDiligenceRuleSet | CheckRuleSet<never>;
