/**
 * Reading running text: labels inside sentences (…，项目编号XJ-ZX-2020-232，担保额度人民币840万元，…),
 * and helpers for narrative patterns (会议由…主持) that need to know which lines a match came from.
 */
import { labelEntries, labelHits, SEPARATOR, type LabeledValue, type LabelSpec } from './labels.js';
import { isProseRow, type Layout, type Paragraph, rowAt, rowText, union } from './layout.js';
import { confidenceIn, textWidth, type TextLine } from './lines.js';

/** Labels followed by their values inside running text (paragraphs of single runs of text only). */
export function readProseValues(layout: Layout, spec: LabelSpec): LabeledValue[] {
  const entries = labelEntries(spec);
  const out: LabeledValue[] = [];
  for (const p of layout.paragraphs()) {
    if (!p.rows.every(isProseRow)) continue;
    const hits = labelHits(p.text, entries);
    hits.forEach((hit, k) => {
      const end = k + 1 < hits.length ? hits[k + 1].start : p.text.length;
      const after = p.text.slice(hit.end, end);
      let separated = SEPARATOR.test(after);
      let start = hit.end + (after.length - after.replace(SEPARATOR, '').length);
      if (!separated && /^(?:为|是|系)/u.test(p.text.slice(start))) {
        start += 1;
        const colon = /^\s*[:：]\s*/u.exec(p.text.slice(start));
        if (colon) {
          start += colon[0].length;
          separated = true;
        }
      }
      // A sentence ends the value; without a colon, so does a clause.
      const stop = p.text.slice(start, end).search(separated ? /[。]/u : /[。；;]|,(?!\d{3})/u);
      const value = p.display.slice(start, stop < 0 ? end : start + stop).trim();
      if (value === '') return;
      out.push({
        field: hit.field,
        label: p.text.slice(hit.start, hit.end),
        value,
        line: spanLine(p, hit.start, start + value.length),
        labelQuality: 1 - 0.15 * hit.errors,
        fromNextLine: false,
        source: 'prose',
      });
    });
  }
  return out;
}

/** A line standing for the part [start, end) of a paragraph: its rows' text, boxes and the confidence of its words. */
export function spanLine(p: Paragraph, start: number, end: number): TextLine {
  const first = rowAt(p, start);
  const last = rowAt(p, Math.max(start, end - 1));
  const rows = p.rows.slice(p.rows.indexOf(first), p.rows.indexOf(last) + 1);
  const segs = rows.flatMap((r) => r.segments);
  const samePage = segs.filter((s) => s.page === first.page);
  // The words in the span: each row's share of [start, end), placed by its characters' widths.
  const confidences = rows.map((row) => {
    const rowStart = p.starts[p.rows.indexOf(row)];
    const from = Math.max(0, start - rowStart);
    const to = Math.min(rowText(row).length, end - rowStart);
    let at = 0;
    let weakest = 1;
    for (const seg of row.segments) {
      const segFrom = Math.max(0, from - at);
      const segTo = Math.min(seg.text.length, to - at);
      if (segTo > segFrom) {
        const w = seg.bbox.x1 - seg.bbox.x0;
        const total = textWidth(seg.text) || 1;
        const x0 = seg.bbox.x0 + (w * textWidth(seg.text.slice(0, segFrom))) / total;
        const x1 = seg.bbox.x0 + (w * textWidth(seg.text.slice(0, segTo))) / total;
        weakest = Math.min(weakest, confidenceIn(seg, x0 - 0.2 * row.em, x1 + 0.2 * row.em));
      }
      at += seg.text.length + 1;
    }
    return weakest;
  });
  return {
    page: first.page,
    text: p.display.slice(start, end),
    raw: rows.map((r) => r.segments.map((s) => s.raw).join(' ')).join(''),
    confidence: Math.min(...confidences),
    bbox: union(samePage.map((s) => s.bbox)),
  };
}

/** A match of a pattern in running text, with the line it stands for. */
export interface ProseMatch {
  match: RegExpExecArray;
  paragraph: Paragraph;
  line: TextLine;
}

/** Every match of `pattern` (global) in the document's paragraphs as printed, in order. */
export function proseMatches(layout: Layout, pattern: RegExp): ProseMatch[] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const out: ProseMatch[] = [];
  for (const paragraph of layout.paragraphs()) {
    for (const match of paragraph.display.matchAll(re)) {
      const m = match as RegExpExecArray;
      out.push({ match: m, paragraph, line: spanLine(paragraph, m.index, m.index + m[0].length) });
    }
  }
  return out;
}

/** The first match of `pattern` in the document's paragraphs. */
export function proseMatch(layout: Layout, pattern: RegExp): ProseMatch | undefined {
  for (const paragraph of layout.paragraphs()) {
    const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(paragraph.display);
    if (m) return { match: m, paragraph, line: spanLine(paragraph, m.index, m.index + m[0].length) };
  }
  return undefined;
}

/** Sentences of a text (ending with 。！？ or a line's end), with their offsets. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^。！？!?]+[。！？!?]?/gu;
  for (const m of text.matchAll(re)) if (m[0].trim()) out.push({ text: m[0], start: m.index });
  return out;
}
