import { errorBudget, fuzzyFindAll } from './fuzzy.js';
import type { TextLine } from './lines.js';
import { editDistance } from './normalize/edit-distance.js';

/** A value found next to one of a field's labels. */
export interface LabeledValue {
  field: string;
  label: string;
  /** The value's text (separator removed). */
  value: string;
  /** Where the value was read: its line, or a line standing for the label and value cells together. */
  line: TextLine;
  /** 1 for an exact label, lower for each OCR error tolerated in it. */
  labelQuality: number;
  /** True when the value was taken from the following line (label and value in neighbouring cells). */
  fromNextLine: boolean;
  /**
   * How the value was found: beside its label in a form cell or after a colon ('form'), or
   * inside running text ('prose', less sure: a sentence may mention a label without giving its value).
   */
  source?: 'form' | 'prose';
}

export type LabelSpec = Record<string, readonly string[]>;

export interface LabelEntry {
  field: string;
  label: string;
}

export interface Hit {
  field: string;
  label: string;
  start: number;
  end: number;
  errors: number;
}

export const SEPARATOR = /^\s*[:：]\s*/;
const BEFORE_LABEL = /[\s:：,，;；。.、()（）【】\[\]|]/;

/** The labels of a spec, longest first (会议时间 before 时间). */
export function labelEntries(spec: LabelSpec): LabelEntry[] {
  return Object.entries(spec)
    .flatMap(([field, names]) => names.map((label) => ({ field, label: label.replace(/\s+/g, '') })))
    .sort((a, b) => Array.from(b.label).length - Array.from(a.label).length);
}

/**
 * The labels standing in a text, left to right. Longer labels win over shorter ones they
 * contain (会议时间 over 时间); a label must start the text or follow punctuation or a space
 * unless a colon follows it; a short label (two characters) needs a colon or the end of the text.
 */
export function labelHits(text: string, labels: readonly LabelEntry[]): Hit[] {
  let cache = hitCache.get(labels);
  if (!cache) hitCache.set(labels, (cache = new Map()));
  const cached = cache.get(text);
  if (cached) return cached;
  const chars = new Set(Array.from(text));
  const taken: Hit[] = [];
  // Exact labels first, then labels with tolerated OCR errors, so that a garbled 代偿额
  // never takes the place of a clean 代偿率.
  for (const exact of [true, false]) {
    for (const { field, label } of labels) {
      const budget = exact ? 0 : errorBudget(label);
      if (!exact && budget === 0) continue;
      const pattern = Array.from(label);
      // A match with `budget` errors keeps all but `budget` of the label's characters.
      if (pattern.filter((c) => chars.has(c)).length < pattern.length - budget) continue;
      const matches = exact ? exactMatches(text, label) : fuzzyFindAll(text, label, budget);
      for (const m of matches) {
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
  const out = taken.sort((a, b) => a.start - b.start);
  if (cache.size > 5000) cache.clear();
  cache.set(text, out);
  return out;
}

const hitCache = new WeakMap<readonly LabelEntry[], Map<string, Hit[]>>();

function exactMatches(text: string, label: string): { start: number; end: number; errors: number }[] {
  return [...text.matchAll(quoteBlind(label))].map((m) => ({ start: m.index, end: m.index + m[0].length, errors: 0 }));
}

const QUOTE = '[“”"\'‘’]';
const quoteBlindCache = new Map<string, RegExp>();

/**
 * A label or a name found whether or not OCR kept its quote marks, or read a speck inside it as
 * one (记“录, 新增小微企业和“三农户数): a quote mark may stand between any two of its characters.
 */
export function quoteBlind(label: string): RegExp {
  let re = quoteBlindCache.get(label);
  if (!re) {
    const chars = [...label.replace(new RegExp(QUOTE, 'gu'), '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
    quoteBlindCache.set(label, (re = new RegExp(chars.join(`${QUOTE}?`), 'gu')));
  }
  return re;
}

/** Numbering and bullets in front of a heading or a label: 一、 （二） 3. ★ */
export const BULLET = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|[★●◆☆※*•])\s*/u;

/** What a cell holds when it is a label: without numbering, a trailing colon or white space. */
export function labelCore(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(BULLET, '')
    .replace(/^[|｜丨!国四口囗]+(?=[\u4e00-\u9fff]{2})/u, '')
    .replace(/[:：;；|｜丨。]+$/u, '');
}

/**
 * The label a whole cell holds, if any: the cell's text (without numbering and colon) is one
 * of the labels, exactly or with the OCR errors its length tolerates.
 */
export function wholeLabel(text: string, labels: readonly LabelEntry[]): Hit | undefined {
  let cache = wholeCache.get(labels);
  if (!cache) wholeCache.set(labels, (cache = new Map()));
  if (cache.has(text)) return cache.get(text);
  const hit = findWholeLabel(text, labels);
  if (cache.size > 5000) cache.clear();
  cache.set(text, hit);
  return hit;
}

const wholeCache = new WeakMap<readonly LabelEntry[], Map<string, Hit | undefined>>();

function findWholeLabel(text: string, labels: readonly LabelEntry[]): Hit | undefined {
  const core = labelCore(text);
  if (core === '' || Array.from(core).length > 14) return undefined;
  const exact = labels.find((l) => l.label === core);
  if (exact) return { ...exact, start: 0, end: core.length, errors: 0 };
  let best: Hit | undefined;
  for (const l of labels) {
    const budget = errorBudget(l.label);
    // OCR misreads characters far more often than it drops or adds them; a cell two characters
    // shorter than a label is another word (审计类型 is not 审计意见类型).
    if (budget === 0 || Math.abs(Array.from(l.label).length - Array.from(core).length) > 1) continue;
    const d = editDistance(core, l.label);
    if (d <= budget && (!best || d < best.errors)) best = { ...l, start: 0, end: core.length, errors: d };
  }
  // A fuzzy match must not be closer to some other label of any kind (that is what the cell says).
  return best;
}

/** The best value per field: the first exact-label occurrence, else the first one. */
export function firstPerField(values: LabeledValue[]): Map<string, LabeledValue[]> {
  const map = new Map<string, LabeledValue[]>();
  for (const v of values) {
    const list = map.get(v.field) ?? [];
    list.push(v);
    map.set(v.field, list);
  }
  const rank = (v: LabeledValue) => v.labelQuality - (v.source === 'prose' ? 0.01 : 0);
  for (const list of map.values()) list.sort((a, b) => rank(b) - rank(a));
  return map;
}
