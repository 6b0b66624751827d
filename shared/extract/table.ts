/**
 * A table reader over the layout: a header row found by its words, columns from the header
 * cells' positions, and records made of the rows below. A cell's text may wrap over several
 * lines; in a tall row the other cells' text is centred vertically, so a record's lines stand
 * above and below its key cell (序号, or the first column); each column's lines are grouped in
 * blocks of closely spaced lines and a block goes to the record whose key row it holds or is
 * nearest to. Works with ruled tables and with tables laid out by alignment alone.
 */
import { joinPieces } from './form.js';
import { ITEM_START, type Layout, type Placed, type Row, union } from './layout.js';
import type { TextLine } from './lines.js';
import type { MoneyUnit } from './normalize/money.js';

export interface Column {
  /** The header cell's text (spaces removed). */
  name: string;
  left: number;
  right: number;
  /** Text above the header row that belongs to this column (a two-line header). */
  header: Placed[];
}

export interface TableRecord {
  /** Each column's text, as printed, lines joined. */
  cells: string[];
  /** How sure the reader was of each cell (its weakest word). */
  cellConfidence: number[];
  rows: Row[];
  /** A line standing for the record (provenance). */
  line: TextLine;
}

export interface Table {
  header: Row;
  columns: Column[];
  records: TableRecord[];
  /** Lines just above the header (a caption such as 单位：万元) and just below the table (a note). */
  caption: string;
}

const GAP_BETWEEN_ROWS = 2.6; // em
const GAP_IN_CELL = 0.95; // em

/**
 * Tables whose header row satisfies `isHeader` (given the header cells' texts without spaces).
 * The header needs at least `minColumns` cells.
 */
export function findTables(layout: Layout, isHeader: (cells: string[]) => boolean, minColumns = 3): Table[] {
  const tables: Table[] = [];
  for (const row of layout.rows) {
    if (row.segments.length < minColumns) continue;
    const names = row.segments.map((s) => s.text.replace(/\s+/g, ''));
    if (!isHeader(names)) continue;
    if (tables.some((t) => t.records.some((r) => r.rows.includes(row)))) continue;
    tables.push(readTable(layout, row));
  }
  return tables;
}

function readTable(layout: Layout, header: Row): Table {
  const segs = header.segments;
  const em = header.em;
  // Column boundaries: between two header cells, where the fewest cells of the rows below cross
  // (header cells are often centred while the cells below are aligned left or right).
  const near: Placed[] = [];
  for (let next = layout.below(header), k = 0; next && k < 40; next = layout.below(next), k++) {
    if (next.y0 - (layout.above(next) ?? header).y1 > GAP_BETWEEN_ROWS * em) break;
    near.push(...next.segments);
  }
  const boundary = (a: Placed, b: Placed) => {
    let best = (a.bbox.x1 + b.bbox.x0) / 2;
    let bestCrossings = Number.POSITIVE_INFINITY;
    const steps = 16;
    for (let k = 0; k <= steps; k++) {
      const x = a.bbox.x1 + ((b.bbox.x0 - a.bbox.x1) * k) / steps;
      const crossings = near.filter((s) => s.bbox.x0 < x && s.bbox.x1 > x).length;
      const closer = Math.abs(x - (a.bbox.x1 + b.bbox.x0) / 2) < Math.abs(best - (a.bbox.x1 + b.bbox.x0) / 2);
      if (crossings < bestCrossings || (crossings === bestCrossings && closer)) {
        best = x;
        bestCrossings = crossings;
      }
    }
    return best;
  };
  const cuts = segs.slice(1).map((s, i) => boundary(segs[i], s));
  const columns: Column[] = segs.map((s, i) => ({
    name: s.text.replace(/\s+/g, ''),
    left: i === 0 ? Number.NEGATIVE_INFINITY : cuts[i - 1],
    right: i === segs.length - 1 ? Number.POSITIVE_INFINITY : cuts[i],
    header: [],
  }));
  const tableLeft = segs[0].bbox.x0 - 1.5 * em;
  // A cell belongs to the one header cell it overlaps; otherwise to the column its centre falls in.
  const overlapped = (s: Placed) => segs.map((h, i) => ({ h, i })).filter(({ h }) => s.bbox.x0 < h.bbox.x1 + 0.3 * em && h.bbox.x0 - 0.3 * em < s.bbox.x1);
  const columnOf = (s: Placed) => {
    const over = overlapped(s);
    if (over.length === 1) return over[0].i;
    const c = (s.bbox.x0 + s.bbox.x1) / 2;
    return columns.findIndex((col) => c >= col.left && c < col.right);
  };
  // A segment spanning two header cells is not a cell of this table (a paragraph, a note).
  const fits = (s: Placed) => overlapped(s).length <= 1 && columnOf(s) >= 0;

  // Body rows: below the header while they fit the columns and follow closely.
  const body: Row[] = [];
  let last = header;
  for (let next = layout.below(header, true); next; next = layout.below(next, true)) {
    if (next.page !== last.page) {
      // A table continues on the next page when the first rows there still fit its columns.
      if (!next.segments.every(fits) || (next.segments.length === 1 && ITEM_START.test(next.segments[0].text))) break;
    } else if (next.y0 - last.y1 > GAP_BETWEEN_ROWS * em) break;
    if (next.segments[0].bbox.x0 < tableLeft) break;
    if (!next.segments.every(fits)) break;
    if (next.segments.length === 1 && ITEM_START.test(next.segments[0].text) && columnOf(next.segments[0]) <= 0) break;
    body.push(next);
    last = next;
  }

  // Sharpen the boundaries with the cells seen below: between the right edge of one column's
  // cells and the left edge of the next column's (cells that overlap a single header cell).
  const bodySegs = body.flatMap((r) => r.segments);
  for (let i = 0; i + 1 < columns.length; i++) {
    const mine = bodySegs.filter((s) => { const o = overlapped(s); return o.length === 1 && o[0].i === i; });
    const theirs = bodySegs.filter((s) => { const o = overlapped(s); return o.length === 1 && o[0].i === i + 1; });
    const right = Math.max(segs[i].bbox.x1, ...mine.map((s) => s.bbox.x1));
    const left = Math.min(segs[i + 1].bbox.x0, ...theirs.map((s) => s.bbox.x0));
    if (right < left) columns[i].right = columns[i + 1].left = (right + left) / 2;
  }

  // Key rows: those with text in the key column (序号 when there is one, else the first).
  const keyIndex = Math.max(0, columns.findIndex((c) => /^(序号|编号|No\.?)$/iu.test(c.name)));
  // In a ruled table a row between two rules is a record even when OCR lost its key (序号 1).
  const hasKey = (r: Row) => r.segments.some((s) => columnOf(s) === keyIndex);
  const ruledRow = (r: Row) => r.segments[0]?.line.tableRow;
  const keyed = new Set(body.filter(hasKey).map(ruledRow));
  const keyRows = body.filter((r) => {
    const ruled = ruledRow(r);
    if (hasKey(r)) return true;
    if (ruled === undefined || keyed.has(ruled)) return false;
    keyed.add(ruled);
    return true;
  });
  const records = keyRows.map(() => ({ pieces: columns.map(() => [] as Placed[]), rows: new Set<Row>() }));
  if (keyRows.length > 0) {
    columns.forEach((_, c) => {
      const inColumn = body.flatMap((r) => r.segments.filter((s) => columnOf(s) === c));
      for (const block of blocks(inColumn, layout)) {
        const top = Math.min(...block.map((s) => layout.rows[s.row].cy));
        const bottomY = Math.max(...block.map((s) => layout.rows[s.row].cy));
        const inside = keyRows.map((k, i) => ({ k, i })).filter(({ k }) => k.cy >= top - 0.3 * em && k.cy <= bottomY + 0.3 * em);
        const nearest = (y: number) =>
          keyRows.reduce((best, k, i) => (Math.abs(k.cy - y) < Math.abs(keyRows[best].cy - y) ? i : best), 0);
        if (inside.length > 1) {
          // Lines spaced as closely as a cell's own (a table without rules): each line to its nearest key row.
          for (const s of block) {
            const i = nearest(layout.rows[s.row].cy);
            records[i].pieces[c].push(s);
            records[i].rows.add(layout.rows[s.row]);
          }
          continue;
        }
        const i = inside.length === 1 ? inside[0].i : nearest((top + bottomY) / 2);
        records[i].pieces[c].push(...block);
        block.forEach((s) => records[i].rows.add(layout.rows[s.row]));
      }
    });
  }

  const captionRows = [layout.above(header), layout.above(header) && layout.above(layout.above(header)!)].filter((r): r is Row => !!r);
  return {
    header,
    columns,
    caption: captionRows.map((r) => r.segments.map((s) => s.display).join(' ')).reverse().join('\n'),
    records: records.map((rec) => {
      const rows = [...rec.rows].sort((a, b) => a.index - b.index);
      const segsOf = rows.flatMap((r) => r.segments);
      return {
        cellConfidence: rec.pieces.map((p) => (p.length ? Math.min(...p.map((s) => s.confidence)) : 1)),
        cells: rec.pieces.map((p) => joinPieces(p.sort((a, b) => a.row - b.row || a.bbox.x0 - b.bbox.x0).map((s) => ({ text: s.display, row: s.row })))),
        rows,
        line: {
          page: rows[0]?.page ?? header.page,
          text: rows.map((r) => r.segments.map((s) => s.text).join(' ')).join(' '),
          raw: rows.map((r) => r.segments.map((s) => s.raw).join(' ')).join(' '),
          confidence: Math.min(...segsOf.map((s) => s.confidence)),
          bbox: segsOf.length ? union(segsOf.filter((s) => s.page === (rows[0]?.page ?? header.page)).map((s) => s.bbox)) : undefined,
        },
      };
    }),
  };
}

/** Groups a column's segments into blocks of closely spaced lines (the lines of one cell). */
function blocks(segs: Placed[], layout: Layout): Placed[][] {
  const sorted = [...segs].sort((a, b) => a.row - b.row || a.bbox.x0 - b.bbox.x0);
  const out: Placed[][] = [];
  for (const s of sorted) {
    const block = out.at(-1);
    const prev = block?.at(-1);
    const rowGap = prev ? layout.rows[s.row].y0 - layout.rows[prev.row].y1 : Number.POSITIVE_INFINITY;
    if (block && prev && (prev.row === s.row || (prev.page === s.page && rowGap <= GAP_IN_CELL * s.em))) block.push(s);
    else out.push([s]);
  }
  return out;
}

/** Which period a column heading names; `misread` when it is a year with one character OCR garbled in place of 年 (2021征). */
export type PeriodColumn = { year: number; misread?: true } | { relative: 'current' | 'prior' };

export function periodOf(heading: string): PeriodColumn | undefined {
  // a quote mark is what OCR made of a speck beside the heading (”2020年)
  const h = heading.replace(/[\s“”"'‘’]+/gu, '').replace(/[(（][^)）]*[)）]/gu, '');
  const year = /^(?:截至)?(\d{4})(?:年(?:度|末|底|年末)?|年\d{1,2}月\d{1,2}日)?(?:金额|数|余额|实际|完成)?$/u.exec(h);
  if (year) return { year: Number(year[1]) };
  const misread = /^(\d{4})[\u4e00-\u9fff]$/u.exec(h);
  if (misread) return { year: Number(misread[1]), misread: true };
  if (/^(本年|本期|本年度|当年|当期|本年末|年末|期末|本期末|本年累计|本期金额|本年数|本年实际|期末数|期末余额|本期数)/u.test(h)) return { relative: 'current' };
  if (/^(上年|上期|上年度|上年同期|去年|去年同期|期初|年初|上年末|期初数|期初余额|上期金额|上年数|上年实际|上期数)/u.test(h)) return { relative: 'prior' };
  return undefined;
}

/**
 * The column holding the figures of the document's period: the column of `fiscalYear`, or the
 * current-period column (本年/本期/期末). Without a fiscal year, the latest year column (less sure).
 * Never a prior-year column; undefined when none is the period's.
 */
export function periodColumn(columns: readonly Column[], fiscalYear?: number): { index: number; certainty: number } | undefined {
  const periods = columns.map((c) => periodOf(c.name));
  if (fiscalYear !== undefined) {
    const i = periods.findIndex((p) => p && 'year' in p && p.year === fiscalYear);
    const p = periods[i];
    if (p) return { index: i, certainty: 'misread' in p ? 0.7 : 1 };
  }
  const current = periods.findIndex((p) => p && 'relative' in p && p.relative === 'current');
  if (current >= 0) return { index: current, certainty: 0.95 };
  if (fiscalYear !== undefined) return undefined;
  const years = periods.map((p, i) => ({ p, i })).filter((x): x is { p: { year: number; misread?: true }; i: number } => !!x.p && 'year' in x.p);
  if (years.length === 0) {
    // A single figures column (数值, 金额, 指标值) is the period's own.
    const values = columns.map((c, i) => ({ c, i })).filter(({ c }) => /^(数值|金额|指标值|本年|实际值|完成值|数据|数额|指标数值)/u.test(c.name));
    return values.length === 1 ? { index: values[0].i, certainty: 0.9 } : undefined;
  }
  // Without the report's year the latest column is likely the period's, but a person confirms.
  const latest = years.reduce((a, b) => (b.p.year > a.p.year ? b : a));
  return { index: latest.i, certainty: latest.p.misread ? 0.5 : 0.7 };
}

/** The column of the period before the one in column `current`: the year before it, or 上年/上期/期初; -1 when there is none. */
export function priorColumn(columns: readonly Column[], current: number): number {
  const periods = columns.map((c) => periodOf(c.name));
  const p = periods[current];
  const yearBefore = p && 'year' in p ? periods.findIndex((q) => q && 'year' in q && q.year === p.year - 1) : -1;
  return yearBefore >= 0 ? yearBefore : periods.findIndex((q) => q && 'relative' in q && q.relative === 'prior');
}

/** A unit written in a heading or caption: 金额（万元）, 单位：元, (%), 倍, 户. */
export function unitIn(text: string): MoneyUnit | '%' | '倍' | '户' | undefined {
  const t = text.replace(/\s+/g, '');
  const m = /单位[:：;；]?(?:人民币)?(亿元|万元|元|%|倍|户|家|个)/u.exec(t) ?? /[(（](?:人民币)?(亿元|万元|元|%|倍|户|家|个)[)）]/u.exec(t);
  if (!m) return undefined;
  const u = m[1];
  return u === '家' || u === '个' ? '户' : (u as MoneyUnit | '%' | '倍' | '户');
}
