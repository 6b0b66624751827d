/**
 * A value read once, checked against the rest of the document: OCR seldom makes the same error
 * twice, so where a value one character apart is written at least twice elsewhere, that is the
 * better reading (抒永刚 once in the attendance, 邱永刚 in the vote table and the dissent; 固原训禾
 * on the form, 固原嘉禾 in the agenda and the decision); so is one written once where it is
 * likelier than the value (郭磊 in the votes for 郭符 beside the chair).
 */
import type { Field } from '../domain/fields.js';
import type { TextLine } from './lines.js';

/** Certainty of a value taken from its readings elsewhere (a person checks), and of one they put in doubt. */
export const BACKED = 0.7;
const DOUBTED = 0.6;

/** What counts as another reading of a value (see readingsElsewhere). */
export interface Variants {
  /** A variant that could be meant (a person's name, a company's). */
  plausible: (variant: string) => boolean;
  /**
   * A variant likelier than the value itself (a name of common name characters where the value
   * has an odd one, 郭磊 for 郭符): backed when written once, if it is the only such variant.
   */
  likelier?: (variant: string) => boolean;
  /** Whether a variant written twice backs it (false for two-character names: 魏静 and 魏敏 are as likely two people). */
  byCount?: boolean;
}

/**
 * What the rest of `text` says of `value` when `value` is written there at most once: `backed`,
 * a variant (same length, one character different, plausible) written at least twice and more
 * often than any other variant, or else the only likelier variant; `doubted`, when plausible
 * variants are written (by count) or several likelier ones, but none is backed.
 */
export function readingsElsewhere(value: string, text: string, { plausible, likelier, byCount = true }: Variants): { backed?: string; doubted: boolean } {
  const chars = [...value];
  if (text.split(value).length > 2) return { doubted: false };
  const all = [...text];
  const seen = new Map<string, number>();
  for (let i = 0; i + chars.length <= all.length; i++) {
    const window = all.slice(i, i + chars.length);
    if (chars.filter((ch, k) => window[k] !== ch).length !== 1) continue;
    const variant = window.join('');
    if (!/^[\u4e00-\u9fff·（）]+$/u.test(variant) || !plausible(variant)) continue;
    seen.set(variant, (seen.get(variant) ?? 0) + 1);
  }
  const [best, next] = [...seen].sort((a, b) => b[1] - a[1]);
  if (byCount && best && best[1] >= 2 && (!next || next[1] < best[1])) return { backed: best[0], doubted: false };
  const likely = likelier ? [...seen.keys()].filter(likelier) : [];
  if (likely.length === 1) return { backed: likely[0], doubted: false };
  return { doubted: (byCount && seen.size > 0) || likely.length > 1 };
}

/** A field's value checked against the rest of the document: taken from it when backed there, doubted when put in doubt. */
export function checkedElsewhere(field: Field<string> | undefined, lines: readonly TextLine[], variants: Variants): Field<string> | undefined {
  if (!field) return undefined;
  const { backed, doubted } = readingsElsewhere(field.value, lines.map((l) => l.text).join(''), variants);
  if (backed) return { ...field, value: backed, confidence: Math.min(field.confidence, BACKED) };
  return doubted ? { ...field, confidence: Math.min(field.confidence, DOUBTED) } : field;
}
