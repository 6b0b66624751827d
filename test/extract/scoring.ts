/**
 * Field-level scoring of an extraction against a generated document's ground truth: each
 * field is right, wrong (confidently or not), missing, or extra. A value counts as right
 * only when it equals the truth exactly (strings compared without white space; lists of
 * people and votes compared as sets, since their order on the page carries no meaning).
 */
import { REVIEW_CONFIDENCE } from '../../shared/pipeline/review.js';

export interface FieldOutcome {
  field: string;
  outcome: 'right' | 'wrong' | 'missing' | 'extra';
  confidence?: number;
  truth?: unknown;
  value?: unknown;
}

export interface Score {
  /** Fields in the truth. */
  truth: number;
  /** Fields extracted. */
  extracted: number;
  right: number;
  /** Extracted with a value other than the truth (including values for fields the truth lacks). */
  wrong: number;
  /** Wrong values at or above the review threshold: the worst outcome. */
  confidentlyWrong: number;
  missing: number;
  outcomes: FieldOutcome[];
}

const UNORDERED = new Set(['attendees', 'absentees', 'votes', 'recusals']);

function canonical(field: string, value: unknown): unknown {
  const squash = (v: unknown): unknown =>
    typeof v === 'string'
      ? v.replace(/\s+/g, '')
      : Array.isArray(v)
        ? v.map(squash)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .filter(([, x]) => x !== undefined)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([k, x]) => [k, squash(x)]),
            )
          : v;
  const out = squash(value);
  if (UNORDERED.has(field) && Array.isArray(out)) return [...out].map((x) => JSON.stringify(x)).sort();
  return out;
}

export function sameValue(field: string, a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(field, a)) === JSON.stringify(canonical(field, b));
}

export function scoreFields(
  truth: Record<string, unknown>,
  fields: Record<string, { value: unknown; confidence: number } | undefined>,
  threshold = REVIEW_CONFIDENCE,
): Score {
  const outcomes: FieldOutcome[] = [];
  const keys = new Set([...Object.keys(truth).filter((k) => truth[k] !== undefined), ...Object.keys(fields).filter((k) => fields[k] !== undefined)]);
  for (const field of keys) {
    const t = truth[field];
    const f = fields[field];
    if (!f) outcomes.push({ field, outcome: 'missing', truth: t });
    else if (t === undefined) outcomes.push({ field, outcome: 'extra', confidence: f.confidence, value: f.value });
    else outcomes.push({ field, outcome: sameValue(field, t, f.value) ? 'right' : 'wrong', confidence: f.confidence, truth: t, value: f.value });
  }
  const wrong = outcomes.filter((o) => o.outcome === 'wrong' || o.outcome === 'extra');
  return {
    truth: outcomes.filter((o) => o.outcome !== 'extra').length,
    extracted: outcomes.filter((o) => o.outcome !== 'missing').length,
    right: outcomes.filter((o) => o.outcome === 'right').length,
    wrong: wrong.length,
    confidentlyWrong: wrong.filter((o) => (o.confidence ?? 0) >= threshold).length,
    missing: outcomes.filter((o) => o.outcome === 'missing').length,
    outcomes,
  };
}

/** Sums scores (outcomes are concatenated). */
export function addScores(scores: Score[]): Score {
  return {
    truth: scores.reduce((n, s) => n + s.truth, 0),
    extracted: scores.reduce((n, s) => n + s.extracted, 0),
    right: scores.reduce((n, s) => n + s.right, 0),
    wrong: scores.reduce((n, s) => n + s.wrong, 0),
    confidentlyWrong: scores.reduce((n, s) => n + s.confidentlyWrong, 0),
    missing: scores.reduce((n, s) => n + s.missing, 0),
    outcomes: scores.flatMap((s) => s.outcomes),
  };
}

export const precision = (s: Score) => (s.extracted ? s.right / s.extracted : 1);
export const recall = (s: Score) => (s.truth ? s.right / s.truth : 1);
