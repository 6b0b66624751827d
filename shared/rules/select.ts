/**
 * Rule-set selection (catalogue C-4): by the institution's jurisdiction and the case's key
 * dates. Never borrows another jurisdiction's rule set; a case outside every validity window
 * gets NO_RULESET_IN_FORCE, a case straddling one gets RULESET_DATE_AMBIGUOUS.
 */
import type { CaseInput, Jurisdiction, KeyDates } from './case.js';
import { JURISDICTION_LABEL_ZH } from './case.js';
import type { AnyRuleSet, RuleSetKind, RuleSetMeta } from './types.js';

/** The key dates C-4 (b) names, in the order they happen. */
export const SELECTION_KEY_DATES = [
  { key: 'approval', labelZh: '担保审批日' },
  { key: 'compensation', labelZh: '代偿日' },
  { key: 'lossConfirmation', labelZh: '确认损失日' },
  { key: 'investigationStart', labelZh: '调查开展日' },
  { key: 'conclusion', labelZh: '评议结论日' },
] as const satisfies readonly { key: keyof KeyDates; labelZh: string }[];

export interface KeyDateCheck {
  key: (typeof SELECTION_KEY_DATES)[number]['key'];
  labelZh: string;
  date: string;
  /** IDs of the candidate rule sets whose window contains the date. */
  inForce: string[];
}

export type RuleSetSelection<R extends RuleSetMeta = RuleSetMeta> =
  | { status: 'SELECTED'; ruleSet: R; decidedBy: 'key_dates' | 'manual_review'; keyDates: KeyDateCheck[]; explanation: string }
  | { status: 'NO_RULESET_IN_FORCE' | 'RULESET_DATE_AMBIGUOUS'; keyDates: KeyDateCheck[]; candidates: R[]; explanation: string };

/** Whether `date` is inside the rule set's validity window (both ends inclusive, "有效期至"). */
export function isInForce(ruleSet: RuleSetMeta, date: string): boolean {
  if (ruleSet.status !== 'IN_FORCE') return false;
  if (ruleSet.validFrom && date < ruleSet.validFrom) return false;
  if (ruleSet.validTo && date > ruleSet.validTo) return false;
  return true;
}

export function windowText(r: RuleSetMeta): string {
  return `${r.validFrom ?? '（未载明）'}至${r.validTo ?? '（未载明终止日）'}`;
}

export function selectRuleSet<R extends RuleSetMeta>(
  registry: readonly R[],
  query: { jurisdiction: Jurisdiction; kind: RuleSetKind; dates: KeyDates; decision?: CaseInput['ruleSetDecision'] },
): RuleSetSelection<R> {
  const place = JURISDICTION_LABEL_ZH[query.jurisdiction];
  const all = registry.filter((r) => r.jurisdiction === query.jurisdiction && r.kind === query.kind);
  const candidates = all.filter((r) => r.status === 'IN_FORCE');
  const keyDates: KeyDateCheck[] = SELECTION_KEY_DATES.filter((k) => query.dates[k.key]).map((k) => ({
    key: k.key,
    labelZh: k.labelZh,
    date: query.dates[k.key]!,
    inForce: candidates.filter((r) => isInForce(r, query.dates[k.key]!)).map((r) => r.id),
  }));
  if (!candidates.length) {
    const status = (d: R) => (d.status === 'DRAFT_NOT_IN_FORCE' ? '征求意见稿，未生效' : d.status === 'VALIDITY_NOT_STATED' ? '效力期间未载明' : '现行有效');
    const drafts = all.filter((r) => r.status !== 'IN_FORCE').map((d) => `《${d.titleZh}》为${status(d)}`);
    const others = registry
      .filter((r) => r.jurisdiction === query.jurisdiction && r.kind !== query.kind)
      .map((d) => `《${d.titleZh}》（${status(d)}）不是此类规定`);
    const known = [...drafts, ...others];
    return {
      status: 'NO_RULESET_IN_FORCE',
      keyDates,
      candidates: [],
      explanation: `${place}没有现行有效的该类规定${known.length ? `（${known.join('；')}）` : ''}；不得适用其他省份的规定。`,
    };
  }
  const windows = candidates.map((r) => `《${r.titleZh}》${windowText(r)}`).join('；');
  if (!keyDates.length) {
    return { status: 'RULESET_DATE_AMBIGUOUS', keyDates, candidates, explanation: `案件没有任何关键日期，无法判断适用哪一有效期内的规定（${windows}），需人工复核。` };
  }
  const full = candidates.filter((r) => keyDates.every((k) => k.inForce.includes(r.id)));
  const anyIn = candidates.filter((r) => keyDates.some((k) => k.inForce.includes(r.id)));
  const datesText = keyDates.map((k) => `${k.labelZh}${k.date}`).join('、');
  if (full.length === 1) {
    return {
      status: 'SELECTED',
      ruleSet: full[0],
      decidedBy: 'key_dates',
      keyDates,
      explanation: `关键日期（${datesText}）均在《${full[0].titleZh}》有效期（${windowText(full[0])}）内。`,
    };
  }
  if (!anyIn.length) {
    return {
      status: 'NO_RULESET_IN_FORCE',
      keyDates,
      candidates,
      explanation: `关键日期（${datesText}）均不在${place}任何规定的有效期内（${windows}）；不得推定适用，也不得借用其他省份的规定。`,
    };
  }
  const decision = query.decision;
  if (decision) {
    const chosen = anyIn.find((r) => r.id === decision.ruleSetId);
    if (chosen) {
      return {
        status: 'SELECTED',
        ruleSet: chosen,
        decidedBy: 'manual_review',
        keyDates,
        explanation: `关键日期（${datesText}）跨越有效期边界；经${decision.decidedBy}复核决定适用《${chosen.titleZh}》，理由：${decision.reason}。`,
      };
    }
  }
  const outside = keyDates.filter((k) => k.inForce.length === 0).map((k) => `${k.labelZh}${k.date}`);
  const rejected = decision ? `复核决定指定的规则集${decision.ruleSetId}不是本辖区任一关键日期所在有效期的规定，不予采用。` : '';
  return {
    status: 'RULESET_DATE_AMBIGUOUS',
    keyDates,
    candidates: full.length > 1 ? full : anyIn,
    explanation:
      full.length > 1
        ? `关键日期同时落入多个规定的有效期（${windows}），需人工复核确定适用版本。`
        : `关键日期跨越有效期边界（${outside.join('、')}不在有效期内；${windows}），条文未规定以哪一日期为准，需人工复核。${rejected}`,
  };
}

/** Selection of the 尽职免责 rule set for a case. */
export function selectDueDiligenceRuleSet<R extends AnyRuleSet>(registry: readonly R[], input: CaseInput): RuleSetSelection<R> {
  return selectRuleSet(registry, {
    jurisdiction: input.institution.jurisdiction,
    kind: 'DUE_DILIGENCE_EXEMPTION',
    dates: input.dates,
    decision: input.ruleSetDecision,
  });
}
