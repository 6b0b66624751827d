/**
 * Ruled tables found from their ruling lines: horizontal and vertical rules that cross each
 * other make a grid, and the grid's units joined where a rule between them is missing make the
 * cells (merged cells included). Found on the page before its ruling lines are removed for OCR;
 * the cells then tell which words belong together (see `cellBorders` in the extraction).
 */
import type { BoundingBox } from '../domain/text.js';
import { otsuThreshold, type Gray } from './preprocess.js';

export interface GridCell {
  /** Row and column of the cell's top-left unit, counting from 1. */
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  bbox: BoundingBox;
}

export interface TableGrid {
  bbox: BoundingBox;
  rows: number;
  columns: number;
  cells: GridCell[];
}

/** A straight ruling line: `at` across its direction, from `from` to `to` along it. */
interface Rule {
  at: number;
  from: number;
  to: number;
  thickness: number;
}

/** Share of a unit's side a rule must cover to count as a border there. */
const COVER = 0.6;

export function findTableGrids(gray: Gray): TableGrid[] {
  const { width, height } = gray;
  const threshold = Math.min(otsuThreshold(gray), 160);
  const horizontal = findRules(gray, threshold, 'horizontal', Math.max(60, Math.round(width * 0.025)));
  // Vertical rules of a one-row cell are short: they count only where they join two horizontal rules.
  const vertical = findRules(gray, threshold, 'vertical', Math.max(30, Math.round(height * 0.009)));
  const tol = Math.max(6, Math.round(width / 300));
  const touches = (h: Rule, v: Rule) =>
    v.at >= h.from - tol - v.thickness && v.at <= h.to + tol + v.thickness && h.at >= v.from - tol - h.thickness && h.at <= v.to + tol + h.thickness;

  // Tables: groups of rules connected by their crossings.
  const parent = [...horizontal, ...vertical].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  horizontal.forEach((h, i) => vertical.forEach((v, j) => touches(h, v) && (parent[find(i)] = find(horizontal.length + j))));
  const groups = new Map<number, { hs: Rule[]; vs: Rule[] }>();
  horizontal.forEach((h, i) => groupOf(groups, find(i)).hs.push(h));
  vertical.forEach((v, j) => {
    // a vertical rule must reach horizontal rules at both ends (a character's stroke does not)
    const hs = horizontal.filter((h) => touches(h, v));
    const reaches = (y: number) => hs.some((h) => Math.abs(h.at - y) <= tol + h.thickness + v.thickness);
    if (reaches(v.from) && reaches(v.to)) groupOf(groups, find(horizontal.length + j)).vs.push(v);
  });

  const tables: TableGrid[] = [];
  for (const { hs, vs } of groups.values()) {
    if (hs.length < 2 || vs.length < 2) continue;
    const grid = gridOf(hs, vs, tol);
    if (!grid || grid.cells.length < 2) continue;
    const { bbox } = grid;
    if (bbox.x1 - bbox.x0 < width * 0.15 || bbox.y1 - bbox.y0 < tol * 4) continue;
    tables.push(grid);
  }
  return tables.sort((a, b) => a.bbox.y0 - b.bbox.y0);
}

function groupOf(groups: Map<number, { hs: Rule[]; vs: Rule[] }>, key: number) {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { hs: [], vs: [] }));
  return g;
}

/**
 * Rules in one direction: runs of ink at least `minRun` long on a scan line (gaps of 2 pixels
 * bridged), joined with the runs they overlap on the neighbouring scan lines, so a thick or
 * slightly slanted rule is one rule. Blocks thicker than a rule (a filled box) are not rules.
 */
function findRules(gray: Gray, threshold: number, direction: 'horizontal' | 'vertical', minRun: number): Rule[] {
  const { width, height, pixels } = gray;
  const lines = direction === 'horizontal' ? height : width;
  const along = direction === 'horizontal' ? width : height;
  const dark = direction === 'horizontal' ? (a: number, l: number) => pixels[l * width + a] < threshold : (a: number, l: number) => pixels[a * width + l] < threshold;
  interface Run { line: number; from: number; to: number; id: number }
  const runs: Run[] = [];
  let previous: Run[] = [];
  const parent: number[] = [];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let l = 0; l < lines; l++) {
    const current: Run[] = [];
    let start = -1;
    let gap = 0;
    for (let a = 0; a <= along; a++) {
      if (a < along && dark(a, l)) {
        if (start < 0) start = a;
        gap = 0;
      } else if (start >= 0 && (a === along || ++gap > 2)) {
        const end = a === along ? a - 1 - gap : a - gap;
        if (end - start + 1 >= minRun) {
          const run = { line: l, from: start, to: end, id: runs.length };
          parent.push(run.id);
          runs.push(run);
          current.push(run);
          for (const p of previous) if (p.from <= run.to && run.from <= p.to) parent[find(p.id)] = find(run.id);
        }
        start = -1;
        gap = 0;
      }
    }
    previous = current;
  }
  const parts = new Map<number, Run[]>();
  for (const run of runs) {
    const key = find(run.id);
    const list = parts.get(key);
    if (list) list.push(run);
    else parts.set(key, [run]);
  }
  const maxThickness = Math.max(8, Math.round(Math.min(width, height) * 0.012));
  const rules: Rule[] = [];
  for (const part of parts.values()) {
    const first = Math.min(...part.map((r) => r.line));
    const last = Math.max(...part.map((r) => r.line));
    const from = Math.min(...part.map((r) => r.from));
    const to = Math.max(...part.map((r) => r.to));
    // across a slanted rule the runs step by a pixel now and then: its thickness is that of one run's column
    const mid = (from + to) / 2;
    const crossing = part.filter((r) => r.from <= mid && r.to >= mid);
    const thickness = crossing.length || 1;
    if (thickness > maxThickness || last - first > maxThickness * 3) continue;
    const weight = part.reduce((n, r) => n + (r.to - r.from + 1), 0);
    const at = part.reduce((n, r) => n + r.line * (r.to - r.from + 1), 0) / weight;
    rules.push({ at, from, to, thickness });
  }
  return rules;
}

/** The cells of a table from its rules: grid units between neighbouring rules, joined where no rule parts them. */
function gridOf(hs: Rule[], vs: Rule[], tol: number): TableGrid | undefined {
  const ys = clusters(hs.map((h) => h.at), tol);
  const xs = clusters(vs.map((v) => v.at), tol);
  if (ys.length < 2 || xs.length < 2) return undefined;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  const covered = (rules: Rule[], at: number, from: number, to: number) =>
    rules.some((r) => Math.abs(r.at - at) <= tol + r.thickness && Math.min(r.to, to) - Math.max(r.from, from) >= COVER * (to - from));
  // a border between units, or on the table's outline
  const vertical = (k: number, i: number) => covered(vs, xs[k], ys[i], ys[i + 1]);
  const horizontal = (k: number, j: number) => covered(hs, ys[k], xs[j], xs[j + 1]);
  const unit = (i: number, j: number) => i * columns + j;
  const parent = Array.from({ length: rows * columns }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // units outside the table's outline (a table narrower in some rows) belong to no cell
  const outside = new Set<number>();
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      if ((j === 0 && !vertical(0, i)) || (j === columns - 1 && !vertical(columns, i)) || (i === 0 && !horizontal(0, j)) || (i === rows - 1 && !horizontal(rows, j))) {
        outside.add(unit(i, j));
      }
    }
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      if (outside.has(unit(i, j))) continue;
      if (j + 1 < columns && !outside.has(unit(i, j + 1)) && !vertical(j + 1, i)) parent[find(unit(i, j + 1))] = find(unit(i, j));
      if (i + 1 < rows && !outside.has(unit(i + 1, j)) && !horizontal(i + 1, j)) parent[find(unit(i + 1, j))] = find(unit(i, j));
    }
  }
  const regions = new Map<number, Array<{ i: number; j: number }>>();
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      if (outside.has(unit(i, j))) continue;
      const key = find(unit(i, j));
      const list = regions.get(key);
      if (list) list.push({ i, j });
      else regions.set(key, [{ i, j }]);
    }
  }
  const cells: GridCell[] = [...regions.values()].map((units) => {
    const i0 = Math.min(...units.map((u) => u.i));
    const i1 = Math.max(...units.map((u) => u.i));
    const j0 = Math.min(...units.map((u) => u.j));
    const j1 = Math.max(...units.map((u) => u.j));
    return {
      row: i0 + 1,
      column: j0 + 1,
      rowSpan: i1 - i0 + 1,
      columnSpan: j1 - j0 + 1,
      bbox: { x0: Math.round(xs[j0]), y0: Math.round(ys[i0]), x1: Math.round(xs[j1 + 1]), y1: Math.round(ys[i1 + 1]) },
    };
  });
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  if (cells.length === 0) return undefined;
  return {
    bbox: {
      x0: Math.min(...cells.map((c) => c.bbox.x0)),
      y0: Math.min(...cells.map((c) => c.bbox.y0)),
      x1: Math.max(...cells.map((c) => c.bbox.x1)),
      y1: Math.max(...cells.map((c) => c.bbox.y1)),
    },
    rows,
    columns,
    cells,
  };
}

/** Positions closer than `tol` merged into their mean, in order. */
function clusters(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}
