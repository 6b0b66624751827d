import { errorBudget, fuzzyFindAll } from './fuzzy.js';
import type { TextLine } from './lines.js';

/** A value found next to one of a field's labels. */
export interface LabeledValue {
  field: string;
  label: string;
  /** The text after the label (separator removed), up to the next label on the line. */
  value: string;
  line: TextLine;
  /** 1 for an exact label, lower for each OCR error tolerated in it. */
  labelQuality: number;
  /** True when the value was taken from the following line (label and value in neighbouring cells). */
  fromNextLine: boolean;
}

export type LabelSpec = Record<string, readonly string[]>;

interface Hit {
  field: string;
  label: string;
  start: number;
  end: number;
  errors: number;
}

const SEPARATOR = /^\s*[:：]\s*/;
const BEFORE_LABEL = /[\s:：,，;；。.、()（）【】\[\]|]/;

/**
 * Finds, on each line, the labels of a document kind and the values that follow them.
 * Longer labels win over shorter ones they contain (会议时间 over 时间); a label must start a
 * line or follow punctuation or a space, and be followed by a colon, a space or its value.
 */
export function findLabeledValues(lines: TextLine[], spec: LabelSpec): LabeledValue[] {
  const labels = Object.entries(spec)
    .flatMap(([field, names]) => names.map((label) => ({ field, label })))
    .sort((a, b) => b.label.length - a.label.length);

  const hitsPerLine = lines.map((line) => labelHits(line.text, labels));
  const out: LabeledValue[] = [];
  lines.forEach((line, index) => {
    const hits = hitsPerLine[index];
    hits.forEach((hit, k) => {
      const end = k + 1 < hits.length ? hits[k + 1].start : line.text.length;
      let value = line.text.slice(hit.end, end).replace(SEPARATOR, '').trim();
      let source = line;
      let fromNextLine = false;
      const next = lines[index + 1];
      if (value === '' && k === hits.length - 1 && next && next.page === line.page && hitsPerLine[index + 1][0]?.start !== 0) {
        value = next.text.slice(0, hitsPerLine[index + 1][0]?.start ?? next.text.length).trim();
        source = next;
        fromNextLine = true;
      }
      if (value === '') return;
      out.push({
        field: hit.field,
        label: line.text.slice(hit.start, hit.end),
        value,
        line: source,
        labelQuality: 1 - 0.15 * hit.errors,
        fromNextLine,
      });
    });
  });
  return out;
}

function labelHits(text: string, labels: { field: string; label: string }[]): Hit[] {
  const taken: Hit[] = [];
  // Exact labels first, then labels with tolerated OCR errors, so that a garbled 代偿额
  // never takes the place of a clean 代偿率.
  for (const exact of [true, false]) {
    for (const { field, label } of labels) {
      const budget = exact ? 0 : errorBudget(label);
      if (!exact && budget === 0) continue;
      for (const m of fuzzyFindAll(text, label, budget)) {
        if (!exact && m.errors === 0) continue;
        if (taken.some((t) => m.start < t.end && t.start < m.end)) continue;
        const after = text.slice(m.end);
        const separated = SEPARATOR.test(after);
        const before = m.start === 0 ? '' : text[m.start - 1];
        // A label followed by a colon may stand anywhere (columns run together in OCR);
        // otherwise it must start the line or follow punctuation.
        if (!separated && before !== '' && !BEFORE_LABEL.test(before)) continue;
        // A short label must be followed by a separator, else it is just a word in a sentence.
        if (Array.from(label).length <= 2 && !separated && after !== '') continue;
        if (m.errors > 0 && !separated) continue;
        taken.push({ field, label, start: m.start, end: m.end, errors: m.errors });
      }
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The best value per field: the first exact-label occurrence, else the first one. */
export function firstPerField(values: LabeledValue[]): Map<string, LabeledValue[]> {
  const map = new Map<string, LabeledValue[]>();
  for (const v of values) {
    const list = map.get(v.field) ?? [];
    list.push(v);
    map.set(v.field, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.labelQuality - a.labelQuality);
  return map;
}
