/** Small building blocks for the rule-set files. */
import type { CaseInput, EvaluatedPerson, NonExemptableFinding } from './case.js';
import { addMonthsClamped } from './dates.js';
import type { Evaluation, OutcomeCode, PersonContext, PersonRule, Step, Modality } from './types.js';

export function met(outcome: OutcomeCode, explanation: string, extra: Partial<Evaluation> = {}): Evaluation {
  return { result: 'MET', outcome, explanation, ...extra };
}

export function notMet(outcome: OutcomeCode, explanation: string, extra: Partial<Evaluation> = {}): Evaluation {
  return { result: 'NOT_MET', outcome, explanation, ...extra };
}

export function notApplicable(explanation: string, outcome: OutcomeCode = 'NOT_EVALUATED'): Evaluation {
  return { result: 'NOT_APPLICABLE', outcome, explanation };
}

export function undetermined(parameters: string[], explanation: string, outcome: OutcomeCode = 'UNDETERMINED_PARAMETER_MISSING'): Evaluation {
  return { result: 'UNDETERMINED_PARAMETER_MISSING', outcome, explanation, missingParameters: parameters };
}

/** Evidence missing: the ground cannot be found met on what the case carries. */
export function missing(evidence: string[], explanation: string): Evaluation {
  return { result: 'NOT_MET', outcome: 'EVIDENCE_MISSING', explanation, missingEvidence: evidence };
}

/** An exact fraction (no rounding, catalogue C-6). */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export function fraction(num: number, den: number): Fraction | undefined {
  if (den <= 0) return undefined;
  return { num: BigInt(num), den: BigInt(den) };
}

/** `f >= thresholdBp / 10000`, exactly. */
export function atLeastBp(f: Fraction, thresholdBp: number): boolean {
  return f.num * 10_000n >= BigInt(thresholdBp) * f.den;
}

/** `f <= thresholdBp / 10000`, exactly. */
export function atMostBp(f: Fraction, thresholdBp: number): boolean {
  return f.num * 10_000n <= BigInt(thresholdBp) * f.den;
}

/** Percentage with two decimals for explanations, truncated (never rounded up across a boundary). */
export function percentText(f: Fraction): string {
  const hundredths = (f.num * 10_000n) / f.den; // basis points, truncated
  const whole = hundredths / 100n;
  const frac = hundredths % 100n;
  const exact = (f.num * 10_000n) % f.den === 0n;
  return `${exact ? '' : '约'}${whole}.${String(frac).padStart(2, '0')}%`;
}

export function bpText(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

export function fenText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return `${yuan.toLocaleString('en-US')}${cents ? '.' + String(cents).padStart(2, '0') : ''}元`;
}

/** Repaid share of the principal: the reported share, else repaid / principal. */
export function repaidShare(business: CaseInput['business']): Fraction | undefined {
  if (business.repaidPrincipalShareBp !== undefined) return fraction(business.repaidPrincipalShareBp, 10_000);
  if (business.repaidPrincipalFen !== undefined && business.loanPrincipalFen !== undefined) {
    return fraction(business.repaidPrincipalFen, business.loanPrincipalFen);
  }
  return undefined;
}

/** Everything recovered so far, as a share of the compensated amount. */
export function recoveredShareTotal(input: CaseInput): Fraction | undefined {
  const b = input.business;
  if (b.compensationAmountFen === undefined) return undefined;
  const total = b.recoveries.reduce((s, r) => s + r.amountFen, 0);
  const known = b.recoveries.length > 0 ? total : b.recoveredWithinPeriodFen;
  if (known === undefined) return undefined;
  return fraction(known, b.compensationAmountFen);
}

/**
 * Share recovered within `months` after the compensation date (C-2 month arithmetic; the last
 * day counts). Uses the dated recovery log, else a directly reported within-period amount.
 */
export function recoveredShareWithin(input: CaseInput, months: number): { share?: Fraction; lastDay?: string } {
  const b = input.business;
  const comp = input.dates.compensation;
  if (b.compensationAmountFen === undefined) return {};
  if (b.recoveries.length > 0 && comp) {
    const lastDay = addMonthsClamped(comp, months);
    const within = b.recoveries.filter((r) => r.date <= lastDay).reduce((s, r) => s + r.amountFen, 0);
    return { share: fraction(within, b.compensationAmountFen), lastDay };
  }
  if (b.recoveredWithinPeriodFen !== undefined) return { share: fraction(b.recoveredWithinPeriodFen, b.compensationAmountFen) };
  return {};
}

/** Role classes holding "leadership" (负责人) liability. */
export const HEADS = ['主要负责人', '机构负责人'] as const;

export function isHead(person: EvaluatedPerson): boolean {
  return (HEADS as readonly string[]).includes(person.role);
}

export function findingFor(person: EvaluatedPerson, ruleId: string): NonExemptableFinding | undefined {
  return person.nonExemptableFindings.find((f) => f.ruleId === ruleId);
}

export type FindingRequirement = 'causedCompensation' | 'majorLoss' | 'subjectiveCause' | 'namedRuleBreached';

const REQUIREMENT_LABEL: Record<FindingRequirement, string> = {
  causedCompensation: '该行为导致代偿（或损失扩大）的认定',
  majorLoss: '“造成重大损失”的认定',
  subjectiveCause: '“因主观原因”的认定',
  namedRuleBreached: '所违反的具体规定名称',
};

/**
 * A non-exemptable circumstance (不得免责情形) established by a finding in the case (audit,
 * investigation or discipline finding naming this rule). MET means the circumstance is present.
 */
export function nonExemptableRule(spec: {
  id: string;
  article: string;
  quote: string;
  titleZh: string;
  requires?: FindingRequirement[];
}): PersonRule {
  const requires = spec.requires ?? [];
  return {
    id: spec.id,
    article: spec.article,
    quote: spec.quote,
    titleZh: spec.titleZh,
    modality: 'not_exemptable' as Modality,
    step: 'non_exemptable' as Step,
    inputs: ['person.nonExemptableFindings'],
    evaluate({ person }: PersonContext): Evaluation {
      const f = findingFor(person, spec.id);
      if (!f) return notMet('NO_EXEMPTION_GROUND', `材料中无认定“${spec.titleZh}”的结论，本项不得免责情形不成立。`);
      const gaps: string[] = [];
      if (!f.evidenceRef) gaps.push(`认定“${spec.titleZh}”的证据材料`);
      for (const r of requires) {
        if (r === 'namedRuleBreached' ? !f.namedRuleBreached : f[r] !== true) gaps.push(REQUIREMENT_LABEL[r]);
      }
      const explicitNo = requires.some((r) => r !== 'namedRuleBreached' && f[r] === false);
      if (explicitNo) {
        return notMet(
          'NO_EXEMPTION_GROUND',
          `有“${spec.titleZh}”的记载，但已认定不满足本项的构成要件（${requires.map((r) => REQUIREMENT_LABEL[r]).join('、')}），本项不成立。`,
        );
      }
      if (gaps.length) {
        return {
          result: 'NOT_MET',
          outcome: 'EVIDENCE_MISSING',
          explanation: `有“${spec.titleZh}”的指称，但证据不完整，尚不能认定本项成立；在补正前不得据此作出免责结论。`,
          missingEvidence: gaps,
          severity: 'warning',
        };
      }
      return met('NOT_EXEMPTABLE', `经认定存在“${spec.titleZh}”（证据：${f.evidenceRef}），依本条不得免责，应依法依规追究责任。`, {
        severity: 'warning',
      });
    },
  };
}

