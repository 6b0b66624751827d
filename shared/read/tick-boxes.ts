/**
 * Tick boxes found from the pixels, not from OCR of the glyph: square frames about a
 * character in size (printed □ ■ ☐ ☑ or drawn by hand or by a form), and whether each is
 * ticked (√, ×, a fill) from the ink inside it.
 *
 * Enclosure characters (口 国 回 田…) are squares too. They are told apart by what real
 * boxes have and characters do not: a clear gap beside the box (a box follows a line start,
 * a space or punctuation, or is followed by one; 口 inside a word is neither), clean corners
 * (in serif type the verticals of 口 run past the bottom stroke), a square outline, and no
 * level strokes one above the other inside (the 王 of 国).
 */
import type { BoundingBox, OcrSelection } from '../domain/text.js';
import { otsuThreshold, type Gray } from './preprocess.js';

/** Ink inside the frame above this share: ticked; below `EMPTY_INK`: empty; between: doubtful. */
const TICKED_INK = 0.07;
const EMPTY_INK = 0.025;
/** A box alone this full in each quarter is a filled square (■), not a character's frame. */
const FILLED_INK = 0.6;
/**
 * Rows of ink inside the frame across more than this share of it make a level stroke; two such
 * strokes one above the other (rows between them under `BETWEEN_STROKES`) are a character's
 * (the 王 of 国, 园, 围, 固, 回): a √ or a ×, however heavy, is one band of slanting strokes.
 */
const LEVEL_STROKE = 0.55;
const BETWEEN_STROKES = 0.35;

export interface TickBox extends OcrSelection {
  /** Share of the frame's inside that is ink. */
  fill: number;
  /** Nothing touches the frame from outside (a character's frame joins its other strokes). */
  isolated: boolean;
  /** Ink all over the inside, every quarter of it (■, not 田). */
  solid: boolean;
  /** Square corners with nothing running past them (not 口 in serif type). */
  corners: boolean;
  /** Nothing printed right against one of its sides (not 口 inside a word). */
  apart: boolean;
}

/**
 * A binary ink map: 1 where a pixel is darker than Otsu's threshold for the page, or clearly
 * darker than its neighbourhood (by `contrast`, in a window of `window` pixels) and not near
 * paper white. The local test keeps thin, faded box lines on unevenly lit scans that one
 * threshold loses.
 */
export function inkMap(gray: Gray, contrast = 0.15, window = Math.max(15, Math.round(gray.width / 80))): Uint8Array {
  const { width, height, pixels } = gray;
  const integral = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += pixels[y * width + x];
      integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + row;
    }
  }
  const half = Math.floor(window / 2);
  const dark = Math.min(otsuThreshold(gray), 170);
  const ink = new Uint8Array(pixels.length);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - half);
    const y1 = Math.min(height, y + half + 1);
    for (let x = 0; x < width; x++) {
      const p = pixels[y * width + x];
      if (p > 215) continue;
      if (p < dark) {
        ink[y * width + x] = 1;
        continue;
      }
      const x0 = Math.max(0, x - half);
      const x1 = Math.min(width, x + half + 1);
      const sum = integral[y1 * (width + 1) + x1] - integral[y0 * (width + 1) + x1] - integral[y1 * (width + 1) + x0] + integral[y0 * (width + 1) + x0];
      const mean = sum / ((x1 - x0) * (y1 - y0));
      if (p < mean * (1 - contrast)) ink[y * width + x] = 1;
    }
  }
  return ink;
}

interface Run {
  x0: number;
  x1: number;
  y: number;
}

/**
 * Every tick box on a page whose text is `em` pixels high (a character's height): boxes are
 * from 0.55 to 1.3 characters in size, and not at the page's edges (where scans have dark borders).
 */
export function findTickBoxes(gray: Gray, em: number, cells: readonly BoundingBox[] = []): TickBox[] {
  const { width, height } = gray;
  // faint frames are worth finding; what is inside them is judged on clearer ink (scan noise is faint too)
  const ink = inkMap(gray, 0.1);
  const clear = inkMap(gray, 0.15);
  const minSide = Math.max(8, Math.round(em * 0.55));
  const maxSide = Math.round(em * 1.3);
  const edge = Math.round(width * 0.02);
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < width && y < height ? ink[y * width + x] : 0);
  const clearAt = (x: number, y: number) => (x >= 0 && y >= 0 && x < width && y < height ? clear[y * width + x] : 0);

  // Horizontal runs of a box side's length, with one-pixel breaks bridged (faded scans).
  const rows: Run[][] = Array.from({ length: height }, () => []);
  for (let y = 0; y < height; y++) {
    let start = -1;
    let gap = 0;
    for (let x = 0; x <= width; x++) {
      if (x < width && ink[y * width + x]) {
        if (start < 0) start = x;
        gap = 0;
      } else if (start >= 0 && (x === width || ++gap > 1)) {
        const end = x - (x === width ? 1 : gap);
        const length = end - start + 1;
        if (length >= minSide && length <= maxSide * 1.6) rows[y].push({ x0: start, x1: end, y });
        start = -1;
        gap = 0;
      }
    }
  }

  // A top and a bottom edge: runs that share at least one end; a tick stroke crossing an edge
  // may lengthen its run at the other end. The box spans what both runs cover.
  const candidates: BoundingBox[] = [];
  for (let y = 0; y < height; y++) {
    for (const top of rows[y]) {
      const topLength = top.x1 - top.x0 + 1;
      const tol = Math.max(2, Math.round(topLength * 0.12));
      const reachFrom = y + Math.max(minSide, Math.round(minSide * 0.85));
      for (let y1 = reachFrom; y1 <= Math.min(height - 1, y + Math.round(maxSide * 1.18)); y1++) {
        for (const bottom of rows[y1]) {
          if (Math.abs(bottom.x0 - top.x0) > tol && Math.abs(bottom.x1 - top.x1) > tol) continue;
          const box = snapSides(at, { x0: Math.max(top.x0, bottom.x0), x1: Math.min(top.x1, bottom.x1), y0: y, y1 });
          if (!box) continue;
          const side = box.x1 - box.x0 + 1;
          const h = y1 - y + 1;
          if (side < minSide || side > maxSide || h < side * 0.85 || h > side * 1.18) continue;
          candidates.push(box);
        }
      }
    }
  }

  const boxes: TickBox[] = [];
  // Largest first: a frame's thick edges give nested candidates; the outer one is the box.
  candidates.sort((a, b) => area(b) - area(a));
  for (const candidate of candidates) {
    if (boxes.some((b) => overlap(b.bbox, candidate) > 0.3)) continue;
    const box = outerFrame(at, candidate);
    if (box.x0 < edge || box.y0 < edge || box.x1 > width - edge || box.y1 > height - edge) continue;
    const { fill, leastQuarter, levelStrokes } = insideInk(at, clearAt, box);
    const selected = fill >= (TICKED_INK + EMPTY_INK) / 2;
    const margin = selected ? fill - TICKED_INK : EMPTY_INK - fill;
    const confidence = margin >= 0 ? 0.95 : 0.6;
    const solid = leastQuarter > FILLED_INK;
    if (!charactersBeside(at, box) || !nothingBelow(at, box, selected && !solid)) continue;
    // level strokes one above the other inside are a character's (the 王 of 国), not a tick or a cross
    if (selected && !solid && levelStrokes > 1) continue;
    // whether anything touches the frame is judged on the frame as found: grown, it could take in
    // the strokes a character's square joins (the 覀 of 要 in a bold heading)
    boxes.push({ bbox: box, selected, confidence, fill, isolated: ringInk(at, candidate) < 0.03, solid, corners: cleanCorners(at, box), apart: gapBeside(at, box, -1) || gapBeside(at, box, 1) });
  }
  return readingOrder(plausible(boxes, cells));
}

/**
 * Keeps the boxes that look like a form's, not like characters with a frame (国 因 回 围 in a
 * sans-serif heading are clean squares with ink inside): options come in groups of boxes of one
 * size on one line, in one table cell when they are in a table (not a name or a signature in
 * the cells beside them), at least one of them plainly empty and at least one set apart from the text
 * (an option's box may follow a colon closely: 齐全:□无异议 ☑有异议); a box alone counts only
 * when it is set apart and plainly empty or filled, never when it holds strokes a character
 * could have. A ticked box in a group may have marks running past its corners (a hand-drawn × or
 * √); an empty one may not.
 */
function plausible(boxes: TickBox[], cells: readonly BoundingBox[]): TickBox[] {
  const side = (b: TickBox) => b.bbox.x1 - b.bbox.x0;
  const cy = (b: TickBox) => (b.bbox.y0 + b.bbox.y1) / 2;
  // the table cell a box stands in (-1: none): a group's options share one
  const cellOf = (b: TickBox) => cells.findIndex((c) => (b.bbox.x0 + b.bbox.x1) / 2 >= c.x0 && (b.bbox.x0 + b.bbox.x1) / 2 <= c.x1 && cy(b) >= c.y0 && cy(b) <= c.y1);
  const clean = (b: TickBox) => b.corners && b.apart;
  const empty = (b: TickBox) => b.fill < EMPTY_INK && b.corners;
  const groups: TickBox[][] = [];
  for (const box of [...boxes].sort((a, b) => a.bbox.x0 - b.bbox.x0)) {
    const group = groups.find((g) => Math.abs(cy(g[0]) - cy(box)) < side(g[0]) * 0.3 && Math.abs(side(g[0]) - side(box)) <= side(g[0]) * 0.15 && cellOf(g[0]) === cellOf(box));
    if (group) group.push(box);
    else groups.push([box]);
  }
  return groups.flatMap((g) => {
    const anchors = g.filter(empty);
    if (g.length >= 2 && anchors.length > 0 && g.some(clean)) {
      // options sit within a line's width of each other: a frame far along the line is text
      const reach = 14 * side(g[0]);
      return g.filter((b) => clean(b) || anchors.some((a) => Math.abs(a.bbox.x0 - b.bbox.x0) <= reach));
    }
    return g.length === 1 && clean(g[0]) && g[0].isolated && (empty(g[0]) || g[0].solid) ? g : [];
  });
}

/**
 * The box's left and right sides: the outermost columns near each end of its edges that are
 * inked over most of its height (marks crossing an edge lengthen the edge, not the sides).
 * Undefined when either side is missing.
 */
function snapSides(at: (x: number, y: number) => number, b: BoundingBox): BoundingBox | undefined {
  const h = b.y1 - b.y0 + 1;
  const reach = Math.max(3, Math.round((b.x1 - b.x0) * 0.25));
  const inked = (x: number) => {
    let n = 0;
    for (let y = b.y0; y <= b.y1; y++) n += at(x, y) | at(x - 1, y) | at(x + 1, y);
    return n >= h * 0.85;
  };
  let x0 = -1;
  for (let x = b.x0; x <= b.x0 + reach && x0 < 0; x++) if (inked(x)) x0 = x;
  let x1 = -1;
  for (let x = b.x1; x >= b.x1 - reach && x1 < 0; x--) if (inked(x)) x1 = x;
  if (x0 < 0 || x1 < 0 || x1 - x0 < 4) return undefined;
  return { ...b, x0: Math.max(b.x0, x0 - 1), x1: Math.min(b.x1, x1 + 1) };
}

/**
 * The box grown to the frame's outer bounds: a thick edge's outermost rows and columns are
 * broken on scans, so the runs that found the box may lie a pixel or two inside it, and what is
 * beside or below the box would then be measured on its own edge.
 */
function outerFrame(at: (x: number, y: number) => number, b: BoundingBox): BoundingBox {
  const limit = Math.max(1, Math.round((b.x1 - b.x0) * 0.1));
  // half or more of the box's span inked along row y, or along column x
  const rowInked = (y: number) => halfInked(b.x0, b.x1, (x) => at(x, y));
  const columnInked = (x: number) => halfInked(b.y0, b.y1, (y) => at(x, y));
  const out = { ...b };
  for (let i = 0; i < limit && rowInked(out.y0 - 1); i++) out.y0--;
  for (let i = 0; i < limit && rowInked(out.y1 + 1); i++) out.y1++;
  for (let i = 0; i < limit && columnInked(out.x0 - 1); i++) out.x0--;
  for (let i = 0; i < limit && columnInked(out.x1 + 1); i++) out.x1++;
  return out;
}

function halfInked(from: number, to: number, inkAt: (i: number) => number): boolean {
  let n = 0;
  for (let i = from; i <= to; i++) n += inkAt(i);
  return n >= (to - from + 1) * 0.5;
}

/**
 * The thickness of each of the frame's edges, from the box's bounds inwards: the thinner of two
 * measurements a third of the way along it (a scanned frame's edges differ by a pixel or more).
 */
function frameThickness(at: (x: number, y: number) => number, b: BoundingBox): { top: number; bottom: number; left: number; right: number } {
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  const limit = Math.min(w, h) / 3;
  // past a pixel or two of the frame's soft edge, then its ink
  const run = (x: number, y: number, dx: number, dy: number) => {
    let t = 0;
    while (t < 2 && !at(x + dx * t, y + dy * t)) t++;
    while (t < limit && at(x + dx * t, y + dy * t)) t++;
    return t;
  };
  const xs = [b.x0 + Math.round(w / 3), b.x1 - Math.round(w / 3)];
  const ys = [b.y0 + Math.round(h / 3), b.y1 - Math.round(h / 3)];
  const edge = (runs: number[]) => Math.max(1, Math.min(...runs));
  return {
    top: edge(xs.map((x) => run(x, b.y0, 0, 1))),
    bottom: edge(xs.map((x) => run(x, b.y1, 0, -1))),
    left: edge(ys.map((y) => run(b.x0, y, 1, 0))),
    right: edge(ys.map((y) => run(b.x1, y, -1, 0))),
  };
}

/**
 * Share of clear ink inside the frame (inset past each edge's line, measured on `at`, and a
 * little more), overall and in its emptiest quarter; and how many level strokes cross most of the
 * middle of the inside, one above the other (rows of ink, one-pixel breaks bridged).
 */
function insideInk(at: (x: number, y: number) => number, clearAt: (x: number, y: number) => number, b: BoundingBox): { fill: number; leastQuarter: number; levelStrokes: number } {
  const frame = frameThickness(at, b);
  const more = Math.max(1, Math.round((b.x1 - b.x0) * 0.06));
  const x0 = b.x0 + frame.left + more;
  const x1 = b.x1 - frame.right - more;
  const y0 = b.y0 + frame.top + more;
  const y1 = b.y1 - frame.bottom - more;
  if (x1 < x0 || y1 < y0) return { fill: 0, leastQuarter: 0, levelStrokes: 0 };
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2;
  const inked = [0, 0, 0, 0];
  const seen = [0, 0, 0, 0];
  // level strokes are looked for away from the top and bottom edges (a skewed edge is level too)
  const band = Math.round((y1 - y0) * 0.15);
  const width = x1 - x0 + 1;
  let strokes = 0;
  let inStroke = false;
  for (let y = y0; y <= y1; y++) {
    const inBand = y >= y0 + band && y <= y1 - band;
    let longest = 0;
    let run = 0;
    let gap = 0;
    for (let x = x0; x <= x1; x++) {
      const q = (x < mx ? 0 : 1) + (y < my ? 0 : 2);
      seen[q]++;
      const on = clearAt(x, y);
      inked[q] += on;
      if (on) {
        run += 1 + gap;
        gap = 0;
        longest = Math.max(longest, run);
      } else if (run > 0 && ++gap > 1) {
        run = 0;
        gap = 0;
      }
    }
    if (!inBand) continue;
    if (!inStroke && longest > width * LEVEL_STROKE) strokes++;
    inStroke = longest > width * BETWEEN_STROKES;
  }
  const total = seen.reduce((sum, n) => sum + n, 0);
  return {
    fill: inked.reduce((sum, n) => sum + n, 0) / total,
    leastQuarter: Math.min(...inked.map((n, q) => (seen[q] ? n / seen[q] : 0))),
    levelStrokes: strokes,
  };
}

/** No stroke leaves the bottom corners downwards (the verticals of 口, 日, 国 in serif type do). */
function cleanCorners(at: (x: number, y: number) => number, b: BoundingBox): boolean {
  const side = b.x1 - b.x0 + 1;
  const reach = Math.max(2, Math.round(side * 0.14));
  const t = Math.max(2, Math.round(side * 0.1));
  const inked = (x0: number, x1: number, y0: number, y1: number) => {
    let n = 0;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) n += at(x, y);
    return n;
  };
  const tolerance = Math.max(2, Math.round(t * reach * 0.25));
  const belowLeft = inked(b.x0, b.x0 + t, b.y1 + 2, b.y1 + reach);
  const belowRight = inked(b.x1 - t, b.x1, b.y1 + 2, b.y1 + reach);
  return belowLeft <= tolerance && belowRight <= tolerance;
}

/**
 * Nothing printed right up against one side of the box (-1: left, 1: right). A box follows a
 * space, a line start or punctuation, or is followed by one (已核实□　未核实□); 口 inside a word is neither.
 */
function gapBeside(at: (x: number, y: number) => number, b: BoundingBox, side: -1 | 1): boolean {
  const size = b.x1 - b.x0 + 1;
  const window = Math.max(3, Math.round(size * 0.22));
  const from = side < 0 ? b.x0 - window : b.x1 + 2;
  let n = 0;
  for (let y = b.y0 + Math.round(size * 0.15); y <= b.y1 - Math.round(size * 0.15); y++) {
    for (let x = from; x <= from + window - 2; x++) n += at(x, y);
  }
  return n <= Math.max(2, size * 0.05);
}

/**
 * The ink beside a box on at least one side is no taller than text of the box's size (its
 * label): a square that is part of a larger character (the 口 of 职 in a title) has the rest
 * of that character, or its taller neighbours, on both sides.
 */
function charactersBeside(at: (x: number, y: number) => number, b: BoundingBox): boolean {
  const side = b.x1 - b.x0 + 1;
  const extent = (x0: number, x1: number) => {
    let top = Infinity;
    let bottom = -Infinity;
    for (let y = b.y0 - Math.round(side * 0.6); y <= b.y1 + Math.round(side * 0.6); y++) {
      for (let x = x0; x <= x1; x++) {
        if (!at(x, y)) continue;
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
    return bottom < top ? 0 : bottom - top + 1;
  };
  const left = extent(b.x0 - Math.round(side * 1.5), b.x0 - 3);
  const right = extent(b.x1 + 3, b.x1 + Math.round(side * 1.5));
  return Math.min(left, right) <= side * 1.9;
}

/**
 * Nothing just below the middle of the box: the squares inside characters have strokes under
 * them (只 员 贝), a box has the gap between lines (a table's ruling line, a full row of ink, is not a stroke).
 * Below a ticked box (not a filled one), the end of the tick may show: one narrow stroke that stops
 * short of the next line.
 */
function nothingBelow(at: (x: number, y: number) => number, b: BoundingBox, ticked: boolean): boolean {
  const side = b.x1 - b.x0 + 1;
  const x0 = b.x0 + Math.round(side * 0.25);
  const x1 = b.x1 - Math.round(side * 0.25);
  const width = x1 - x0 + 1;
  let strokes = 0;
  let area = 0;
  let oneNarrowStroke = true;
  let lastRow = 0;
  for (let y = b.y1 + 3; y <= b.y1 + Math.round(side * 0.45); y++) {
    let row = 0;
    let runs = 0;
    for (let x = x0; x <= x1; x++) {
      row += at(x, y);
      if (at(x, y) && !at(x - 1, y)) runs++;
    }
    area += width;
    if (row >= width * 0.9) continue;
    strokes += row;
    if (runs > 1 || row > side * 0.3) oneNarrowStroke = false;
    lastRow = row;
  }
  return strokes <= Math.max(2, area * 0.03) || (ticked && oneNarrowStroke && lastRow === 0);
}

/** Boxes row by row (a row: vertical centres within half a box), left to right. */
function readingOrder(boxes: TickBox[]): TickBox[] {
  const rows: TickBox[][] = [];
  for (const box of [...boxes].sort((a, b) => a.bbox.y0 - b.bbox.y0)) {
    const cy = (box.bbox.y0 + box.bbox.y1) / 2;
    const row = rows.find((r) => Math.abs((r[0].bbox.y0 + r[0].bbox.y1) / 2 - cy) < (r[0].bbox.y1 - r[0].bbox.y0) / 2);
    if (row) row.push(box);
    else rows.push([box]);
  }
  return rows.flatMap((r) => r.sort((a, b) => a.bbox.x0 - b.bbox.x0));
}

/** Share of ink in a band around the outside of a box. */
function ringInk(at: (x: number, y: number) => number, b: BoundingBox): number {
  const band = Math.max(2, Math.round((b.x1 - b.x0) * 0.15));
  let inked = 0;
  let seen = 0;
  for (let y = b.y0 - band; y <= b.y1 + band; y++) {
    for (let x = b.x0 - band; x <= b.x1 + band; x++) {
      if (x > b.x0 - 2 && x < b.x1 + 2 && y > b.y0 - 2 && y < b.y1 + 2) continue;
      seen++;
      inked += at(x, y);
    }
  }
  return inked / seen;
}

function area(b: BoundingBox): number {
  return (b.x1 - b.x0) * (b.y1 - b.y0);
}

/** Intersection over the smaller box. */
function overlap(a: BoundingBox, b: BoundingBox): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.min(area(a), area(b));
}
