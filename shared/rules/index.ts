/** Public API of the rules: case schema, rule sets, selection, assessment, calendar, scorecards. */
export {
  CaseInput,
  type CaseInputRaw,
  EvaluatedPerson,
  Jurisdiction,
  JURISDICTION_LABEL_ZH,
  RoleClass,
  CaseDocumentType,
  CASE_DOCUMENT_LABEL_ZH,
  parseCaseInput,
  caseInputJsonSchema,
} from './case.js';
export { InstitutionConfig, RuleStatus, OutcomeCode, type RuleResult, type Deadline, type AnyRuleSet, type DueDiligenceRuleSet, type CheckRuleSet, type CheckResult, type RuleSetMeta } from './types.js';
export {
  type WorkingDayCalendar,
  type CalendarTable,
  type DayAnswer,
  type WorkingDayDeadline,
  type WithinWorkingDays,
  CHINESE_DAYS_VERSION,
  createDefaultCalendar,
  createChineseDaysCalendar,
  createTableCalendar,
  addWorkingDays,
  isWithinWorkingDays,
} from './calendar.js';
export { addMonthsClamped, addDays, isIsoDate, todayInChina } from './dates.js';
export { selectRuleSet, selectDueDiligenceRuleSet, isInForce, type RuleSetSelection, type KeyDateCheck } from './select.js';
export { assessCase, assessmentToFindings, OUTCOME_LABEL_ZH, type Assessment, type AssessOptions, type PersonAssessment, type WorkflowSummary } from './assess.js';
export {
  evaluatePerformance,
  assessXinjiang,
  assessShanxi,
  checksToFindings,
  PerformanceInput,
  XinjiangInput,
  ShanxiInput,
  ScorecardConfig,
  DEFAULT_SCORECARDS,
  Grade,
  gradeForScore,
  scoreText,
  type PerformanceResult,
  type ChecksResult,
} from './performance.js';
export { RULE_SETS, ruleSetById, ningxiaDueDiligence, yunnanDueDiligence, chongqingPerformance, xinjiangMeasures, shanxiIntegration } from './rulesets/index.js';
