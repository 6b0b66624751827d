/**
 * A key-value reader for forms: labels in cells or followed by a colon, and their values in the
 * cells to their right, including the lines of a value that wraps in its cell. The text of a
 * tall cell is centred vertically, so a value's lines may stand above and below its label's
 * line; they are found in the value's column, as a block of closely spaced lines.
 */
import { errorBudget } from './fuzzy.js';
import { BULLET, labelCore, labelEntries, labelHits, SEPARATOR, wholeLabel, type Hit, type LabelEntry, type LabeledValue, type LabelSpec } from './labels.js';
import { ITEM_START, type Layout, type Placed, type Row, union } from './layout.js';
import { confidenceIn, textWidth, type TextLine } from './lines.js';

/**
 * Cells that are labels of things no field takes: they end the value before them. A clerk's
 * forms share these words whatever the document.
 */
export const OTHER_FORM_LABELS = [
  '项目名称', '会议名称', '会议情况', '会议形式', '会议类型', '担保期限', '贷款期限', '期限', '员工人数', '审计类型', '异议情况',
  '备注', '担保方式', '担保品种', '贷款用途', '反担保措施', '联系电话', '电话', '性别', '年龄', '部门', '所在部门', '填表日期',
  '填报日期', '经办人', '审核人', '负责人', '复核人', '调查人', '见证人', '送达人', '法定代表人', '统一社会信用代码', '注册地址',
  '成立日期', '经营范围', '担保费率', '年担保费率', '列席人员', '表决情况', '审议意见', '部门意见', '签字', '盖章', '序号', '单位',
  '身份证号', '工号', '入职时间', '任职时间', '放款日期', '到期日期', '贷款金额', '代偿原因', '处理意见',
];

/** Marks a table's rules leave in OCR text at the start of a cell. */
export const BORDER_ARTEFACT = /^[|｜丨!国四口囗]+(?=[\u4e00-\u9fff]{2})/u;
/** After a label that starts its cell: a colon, or what OCR makes of a rule or a blank (| 。 ,). */
const LOOSE_SEPARATOR = /^\s*[:：;；|｜丨。.,，、]+\s*|^\s+/u;

interface LabelAt {
  hit: Hit;
  row: Row;
  /** The segments that make up the label (a spaced label may be cut into several). */
  segs: Placed[];
  /** Index of the last label segment in the row. */
  last: number;
  /** For a label followed by a colon inside a segment: the rest of that segment, up to the next label in it. */
  rest?: string;
  /** The value may continue under itself (a cell, or a label that starts its segment with its value at the end of it). */
  column: boolean;
  /** Left edge of the value column. */
  x0: number;
}

/**
 * Reads the values of labeled fields from the layout: cells holding a label (fuzzy, spaces
 * allowed) and labels followed by a colon at the start of a cell or line.
 */
export function readFormValues(layout: Layout, spec: LabelSpec): LabeledValue[] {
  const entries = labelEntries(spec);
  const stops = labelEntries({ ...spec, other: OTHER_FORM_LABELS });
  const isStop = (s: Placed) =>
    !!wholeLabel(s.text, stops) || /^[\u4e00-\u9fff()（）]{2,10}[:：]$/u.test(s.text) || startsWithColonLabel(s.text, entries);

  const found: LabelAt[] = [];
  for (const row of layout.rows) {
    const segs = row.segments;
    for (let i = 0; i < segs.length; i++) {
      const spaced = spacedLabel(segs, i, entries);
      if (spaced) {
        const lastSeg = segs[spaced.j];
        const x0 = spaced.rest ? lastSeg.bbox.x1 - ((lastSeg.bbox.x1 - lastSeg.bbox.x0) * textWidth(spaced.rest)) / (textWidth(lastSeg.text) || 1) : lastSeg.bbox.x1;
        found.push({ hit: spaced.hit, row, segs: segs.slice(i, spaced.j + 1), last: spaced.j, column: true, x0, rest: spaced.rest || undefined });
        i = spaced.j;
        continue;
      }
      const s = segs[i];
      const whole = wholeLabel(s.text, entries);
      if (whole) {
        found.push({ hit: whole, row, segs: [s], last: i, column: true, x0: s.bbox.x1 });
        continue;
      }
      // Numbering, or what a table's rules leave in OCR text (| 丨 国 口), before a label.
      const lead = s.text.length - s.text.replace(BULLET, '').replace(BORDER_ARTEFACT, '').length;
      const hits = labelHits(s.text.slice(lead), entries)
        .map((h) => ({ ...h, start: h.start + lead, end: h.end + lead }))
        .filter((h) => {
          if (SEPARATOR.test(s.text.slice(h.end))) return true;
          if (h.start > lead) return false;
          // Without a colon, a label starts its cell and is followed by a value that cannot be
          // part of the same word (事实认定材料 is a title, not 事实认定 + 材料), or by a stray mark.
          const after = s.text.slice(h.end);
          return after === '' || LOOSE_SEPARATOR.test(after) || /^[\sA-Za-z0-9¥￥(（〔\[“"☐☑□■√×]/u.test(after);
        });
      hits.forEach((h, k) => {
        const atStart = h.start <= lead;
        const end = k + 1 < hits.length ? hits[k + 1].start : s.text.length;
        const after = s.text.slice(h.end, end);
        const separator = (atStart ? LOOSE_SEPARATOR : SEPARATOR).exec(after)?.[0] ?? '';
        const valueStart = h.end + separator.length;
        const rest = s.display.slice(valueStart, end).trim();
        found.push({
          hit: h,
          row,
          segs: [s],
          last: i,
          rest,
          column: atStart && k === hits.length - 1,
          x0: s.bbox.x0 + ((s.bbox.x1 - s.bbox.x0) * textWidth(s.text.slice(0, valueStart))) / (textWidth(s.text) || 1),
        });
      });
    }
  }

  // Labels whose cell wraps (拟代偿金 / 额): two closely stacked segments that together make a
  // label; the value stands on the row between them, or on the first one's.
  const labelSegs = new Set(found.flatMap((f) => f.segs));
  const virtualStops = new Map<Row, number[]>();
  for (const row of layout.rows) {
    for (const s of row.segments) {
      // A cell read as a garbled label (拟代偿金 for 拟代偿金额) may be the first line of an exact one.
      const garbled = found.findIndex((f) => f.segs.length === 1 && f.segs[0] === s && f.hit.errors > 0);
      if ((labelSegs.has(s) && garbled < 0) || !/^[\u4e00-\u9fff]{1,8}$/u.test(s.text)) continue;
      const second = secondLine(layout, row, s);
      if (!second || labelSegs.has(second.seg) || wholeLabel(second.seg.text, stops)) continue;
      const hit = wholeLabel(s.text + second.seg.text, entries);
      if (!hit || (garbled < 0 && wholeLabel(s.text, stops)) || (garbled >= 0 && hit.errors > 0)) continue;
      if (garbled >= 0) found.splice(garbled, 1);
      // The value stands on the row between the two lines, else on the first line's.
      const middle = layout.rows.slice(row.index + 1, second.row.index).find((r) => r.cy > row.cy && r.cy < second.row.cy) ?? row;
      const x1 = Math.max(s.bbox.x1, second.seg.bbox.x1);
      const last = middle.segments.filter((t) => t.bbox.x1 <= x1 + 0.3 * row.em).length - 1;
      found.push({ hit, row: middle, segs: [s, second.seg], last, column: true, x0: x1 });
      labelSegs.add(s).add(second.seg);
      virtualStops.set(middle, [...(virtualStops.get(middle) ?? []), Math.min(s.bbox.x0, second.seg.bbox.x0)]);
    }
  }

  // Values on the label's own row: the segments to its right up to the next label.
  const plans = found.map((f) => {
    const segs = f.row.segments;
    const own: Placed[] = [];
    let k = f.last + 1;
    const restIsWholeSegment = f.rest !== undefined && f.segs.at(-1)!.display.endsWith(f.rest);
    if (f.rest === undefined || (f.rest === '' || restIsWholeSegment)) {
      const stopAt = (virtualStops.get(f.row) ?? []).filter((x) => x > f.x0);
      while (k < segs.length && !isStop(segs[k]) && !labelSegs.has(segs[k]) && !spacedLabel(segs, k, stops) && !stopAt.some((x) => segs[k].bbox.x0 >= x - 0.3 * f.row.em)) own.push(segs[k++]);
    }
    const right = Math.min(k < segs.length ? segs[k].bbox.x0 : Number.POSITIVE_INFINITY, ...(virtualStops.get(f.row) ?? []).filter((x) => x > f.x0));
    return { f, own, right };
  });

  // Lines of a value above and below its label's row, claimed by the nearest label.
  const claims = new Map<Placed, { plan: (typeof plans)[number]; distance: number }>();
  for (const plan of plans) {
    if (!plan.f.column || (plan.f.rest !== undefined && plan.f.rest !== '' && plan.own.length > 0)) continue;
    // in a ruled table, a value stays within its row's rules
    const tableRow = plan.f.segs[0].line.tableRow;
    for (const seg of columnBlock(layout, plan.f, plan.right, isStop, stops, labelSegs)) {
      if (seg.line.tableRow !== tableRow) continue;
      const distance = Math.abs(layout.rows[seg.row].cy - plan.f.row.cy);
      const claim = claims.get(seg);
      if (!claim || distance < claim.distance) claims.set(seg, { plan, distance });
    }
  }
  const continuation = new Map<(typeof plans)[number], Placed[]>();
  for (const [seg, { plan }] of claims) continuation.set(plan, [...(continuation.get(plan) ?? []), seg]);

  const out: LabeledValue[] = [];
  for (const plan of plans) {
    const { f, own } = plan;
    const extra = continuation.get(plan) ?? [];
    const above = extra.filter((s) => layout.rows[s.row].cy < f.row.cy).sort(byPosition);
    const below = extra.filter((s) => layout.rows[s.row].cy > f.row.cy).sort(byPosition);
    const pieces: { text: string; seg: Placed }[] = [
      ...above.map((seg) => ({ text: seg.display, seg })),
      ...(f.rest ? [{ text: f.rest, seg: f.segs.at(-1)! }] : []),
      ...own.map((seg) => ({ text: seg.display, seg })),
      ...below.map((seg) => ({ text: seg.display, seg })),
    ];
    // Running text: a value at the end of a line that reaches the margin goes on below.
    let fromNextLine = false;
    let lastSeg = pieces.at(-1)?.seg;
    if (lastSeg && below.length === 0) {
      let row = layout.rows[lastSeg.row];
      let next = layout.below(row, true);
      while (
        row.segments.at(-1) === lastSeg &&
        next?.segments[0]?.line.tableRow === lastSeg.line.tableRow &&
        (layout.continues(row, next, true) || (next && nextListItem(pieces.map((p) => p.text).join(''), next) && layout.continues(row, next, true, true))) &&
        !startsWithColonLabel(next.segments[0].text, entries)
      ) {
        pieces.push(...next.segments.map((seg) => ({ text: seg.display, seg })));
        row = next;
        lastSeg = row.segments.at(-1)!;
        next = layout.below(row, true);
      }
    }
    // A label alone at the end of its row, its value on the next line (a heading and its paragraph).
    if (pieces.length === 0 && f.last === f.row.segments.length - 1) {
      const next = layout.below(f.row);
      const first = next?.segments[0];
      if (next && first && next.y0 - f.row.y1 <= 2.5 * f.row.em && first.bbox.x0 >= f.segs[0].bbox.x0 - f.row.em && !isStop(first) && !isHeading(next)) {
        const paragraph = layout.paragraphOf(next);
        for (const row of paragraph?.rows ?? [next]) pieces.push(...row.segments.map((seg) => ({ text: seg.display, seg })));
        fromNextLine = true;
      }
    }
    const value = joinPieces(pieces.map((p) => ({ text: p.text, row: p.seg.row })));
    if (value === '') continue;
    const segs = [...f.segs, ...pieces.map((p) => p.seg)];
    const line: TextLine = {
      page: f.row.page,
      text: value,
      raw: `${f.segs.map((s) => s.raw).join('')}${f.rest === undefined ? ' ' : ''}${[...new Set(pieces.map((p) => p.seg))].filter((s) => !f.segs.includes(s)).map((s) => s.raw).join(' ')}`.trim(),
      // How sure the reader was of the value's own words (a label misread is counted in labelQuality).
      confidence: pieces.length
        ? Math.min(...pieces.map((p) => (p.seg === f.segs.at(-1) && f.rest !== undefined ? confidenceIn(p.seg, f.x0 - 0.2 * f.row.em) : confidenceIn(p.seg))))
        : Math.min(...segs.map((s) => s.confidence)),
      bbox: union(segs.filter((s) => s.page === f.row.page).map((s) => s.bbox)),
    };
    out.push({
      field: f.hit.field,
      label: f.segs.length > 1 ? f.segs.map((s) => s.text).join('') : f.rest === undefined ? labelCore(f.segs[0].text) : f.segs[0].text.slice(f.hit.start, f.hit.end),
      value,
      line,
      labelQuality: 1 - 0.15 * f.hit.errors,
      fromNextLine,
      source: 'form',
    });
  }
  return out;
}

/** True when a row opens the next item of a numbered list the value holds (1.… then 2.…). */
function nextListItem(value: string, next: Row): boolean {
  const m = /^(\d{1,2})[.、．]/u.exec(next.segments[0].text);
  if (!m) return false;
  const n = Number(m[1]);
  return n > 1 && new RegExp(`(?:^|[；;。\\s])${n - 1}[.、．]`, 'u').test(value.replace(/^[:：\s]+/u, ''));
}

/** A short numbered line without a sentence in it: 二、代偿情况. */
function isHeading(row: Row): boolean {
  const text = row.segments.map((s) => s.text).join('');
  return ITEM_START.test(text) && Array.from(text).length <= 14 && !/[，。；,;]/.test(text);
}

function byPosition(a: Placed, b: Placed): number {
  return a.row - b.row || a.bbox.x0 - b.bbox.x0;
}

/**
 * Joins the pieces of a value: cells on one row with a space, the lines of a wrapped value
 * without a break (Chinese text wraps anywhere), except one space between Latin words.
 */
export function joinPieces(pieces: ReadonlyArray<string | { text: string; row: number }>): string {
  let out = '';
  let lastRow: number | undefined;
  for (const p of pieces) {
    const piece = (typeof p === 'string' ? p : p.text).trim();
    const row = typeof p === 'string' ? undefined : p.row;
    if (!piece) continue;
    const latin = /[A-Za-z0-9.,%)]$/.test(out) && /^[A-Za-z0-9¥(]/.test(piece);
    if (out && ((row !== undefined && row === lastRow && latin) || (/[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(piece)))) out += ' ';
    out += piece;
    lastRow = row;
  }
  return out;
}

/** True when a text starts with a label followed by a colon. */
function startsWithColonLabel(text: string, entries: readonly LabelEntry[]): boolean {
  const core = text.replace(/^\s+/, '');
  return entries.some((e) => core.startsWith(e.label) && SEPARATOR.test(core.slice(e.label.length)));
}

/**
 * A label set with wide spaces between its characters (岗　　位, 代　偿　额) comes out as
 * several one- or two-character segments: joins up to five of them when together they make a
 * label, or a label and a colon followed by the value (编 | 号：YNDB-2023-0147).
 */
function spacedLabel(segs: Placed[], i: number, entries: readonly LabelEntry[]): { hit: Hit; j: number; rest?: string } | undefined {
  const short = (s: Placed) => /^[\u4e00-\u9fff]{1,2}[:：]?$/u.test(s.text);
  if (!short(segs[i])) return undefined;
  let text = segs[i].text;
  for (let j = i + 1; j < Math.min(segs.length, i + 5); j++) {
    const s = segs[j];
    if (s.bbox.x0 - segs[j - 1].bbox.x1 > 4 * s.em) return undefined;
    if (!short(s)) {
      // The last piece may carry the colon and the value, after specks OCR read as marks (地 | ，”点：…).
      const specks = /^[,，.。、'"“”‘’|]*/u.exec(s.text)![0].length;
      const joined = text + s.text.slice(specks);
      const entry = entries.find((e) => joined.startsWith(e.label) && e.label.length > text.length && SEPARATOR.test(joined.slice(e.label.length)));
      if (!entry) return undefined;
      const after = joined.slice(entry.label.length);
      const restStart = specks + entry.label.length - text.length + (after.length - after.replace(SEPARATOR, '').length);
      return { hit: { ...entry, start: 0, end: entry.label.length, errors: 0 }, j, rest: s.display.slice(restStart).trim() };
    }
    text += s.text;
    const hit = wholeLabel(text, entries);
    if (hit && (hit.errors === 0 || errorBudget(hit.label) > 0)) return { hit, j };
    if (/[:：]$/.test(s.text)) return undefined;
  }
  return undefined;
}

/**
 * The second line of a label whose cell wraps: the short text under it in the next row, or in
 * the row after that when the row between (its value's) has nothing under it.
 */
function secondLine(layout: Layout, row: Row, s: Placed): { row: Row; seg: Placed } | undefined {
  const under = (t: Placed) => t.bbox.x0 < s.bbox.x1 && s.bbox.x0 < t.bbox.x1;
  let r = layout.below(row);
  for (let step = 0; r && step < 2; step++, r = layout.below(r)) {
    if (r.y0 - row.y1 > 2.2 * row.em) return undefined;
    const t = r.segments.find(under);
    if (t) return /^[\u4e00-\u9fff]{1,8}[:：]?$/u.test(t.text) ? { row: r, seg: t } : undefined;
  }
  return undefined;
}

/**
 * The lines of a label's value above and below its row: segments in the value's column
 * (starting between the label's right edge and the next label on the row), in rows closer
 * than a line's spacing to each other, and not beside another label. A label stands at the
 * middle of its cell's height, so a value has at most one line more above its row than below:
 * more lines above are the text before the form (the title over 编号：〔2024〕第14期), and a line
 * under another field's text running to the right margin goes on from that text.
 */
function columnBlock(layout: Layout, f: LabelAt, right: number, isStop: (s: Placed) => boolean, stops: readonly LabelEntry[], labelSegs: Set<Placed>): Placed[] {
  const em = f.row.em;
  const left = f.x0 - 0.6 * em;
  const gapLimit = 0.95 * em;
  const out: Placed[] = [];
  let above = 0;
  let below = 0;
  for (const direction of [-1, 1] as const) {
    let edge = direction < 0 ? f.row.y0 : f.row.y1;
    for (let r = f.row.index + direction; r >= 0 && r < layout.rows.length; r += direction) {
      const row = layout.rows[r];
      if (row.page !== f.row.page) break;
      const gap = direction < 0 ? edge - row.y1 : row.y0 - edge;
      if (gap > gapLimit) break;
      // Left of the column: a label (another field's row) or text running into the column (a paragraph) ends it;
      // the values of other columns do not.
      if (row.segments.some((s) => s.bbox.x0 < left && (s.bbox.x1 > left + 0.5 * em || isStop(s)))) break;
      const inColumn = row.segments.filter((s) => s.bbox.x0 >= left && s.bbox.x0 < right - 0.5 * em);
      if (inColumn.length === 0) continue;
      if (inColumn.some((s) => isStop(s) || labelSegs.has(s)) || row.segments.some((_, i) => spacedLabel(row.segments, i, stops))) break;
      // above the label, a line under another field's row whose last text runs over this column to the right margin is
      // that text wrapped (a list of names going on)
      const before = direction < 0 ? layout.above(row) : undefined;
      const wraps = before && before.segments[0].bbox.x0 < left && before.segments.at(-1)!.bbox.x0 <= inColumn[0].bbox.x0 + 0.5 * em && layout.reachesRight(before);
      if (wraps && row.y0 - before.y1 <= gapLimit) break;
      out.push(...inColumn);
      if (direction < 0) above++;
      else below++;
      edge = direction < 0 ? row.y0 : row.y1;
    }
  }
  return above > below + 1 ? out.filter((s) => layout.rows[s.row].cy > f.row.cy) : out;
}
