/**
 * Where the fields of a document were printed: inside a table cell, under a seal. Lets a
 * benchmark score the fields that sit in the hard places of a page separately.
 */
import type { TextRun } from './render.js';

export type FieldRegion = 'table' | 'sealed';

const squash = (s: string) => s.replace(/[\s\u3000]+/gu, '');

/**
 * For each truth field, the regions in which one of its printed forms was drawn. A printed form
 * counts as drawn in a run when it is a substring of the run, or (wrapped over several lines)
 * the run is a substring of it and at least 4 characters long. Fields without printed forms get
 * no region.
 */
export function fieldRegions(truth: object, printed: Record<string, string[]>, runs: readonly TextRun[]): Record<string, FieldRegion[]> {
  const texts = runs.map((r) => ({ text: squash(r.text), run: r }));
  const out: Record<string, FieldRegion[]> = {};
  for (const [field, value] of Object.entries(truth)) {
    if (value === undefined) continue;
    const regions = new Set<FieldRegion>();
    for (const form of (printed[field] ?? []).map(squash)) {
      if (!form) continue;
      for (const { text, run } of texts) {
        if (!text.includes(form) && !([...text].length >= 4 && form.includes(text))) continue;
        if (run.inTable) regions.add('table');
        if (run.sealed) regions.add('sealed');
      }
    }
    out[field] = (['table', 'sealed'] as const).filter((r) => regions.has(r));
  }
  return out;
}
