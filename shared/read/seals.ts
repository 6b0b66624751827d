/**
 * Seal impressions (公章) from the colour of the ink: red ink gathered in a compact region
 * the size of a seal. A page with no colour at all (a grayscale scan) cannot show a seal, and
 * says so (`undefined`) rather than "no seal".
 */
import type { Canvas } from '@napi-rs/canvas';
import type { OcrSeal } from '../domain/text.js';

/** Red seal ink: red clearly above green and blue. */
export function isRedInk(r: number, g: number, b: number): boolean {
  return r - Math.max(g, b) > 50 && r > 120;
}

/** Side of the grid cells red ink is counted in, as a share of the page width. */
const CELL_SHARE = 0.006;
/** A seal is at least this wide, as a share of the page width (about 25 mm on A4; official seals are 38–45 mm). */
const MIN_SEAL_SHARE = 0.08;

/**
 * The seals on a page: connected regions of cells with red ink, at least seal-sized, either
 * roughly round or cut by the page edge (a 骑缝章 across the edges of several pages).
 * Returns undefined when the page has no colour.
 */
export function findSeals(canvas: Canvas): OcrSeal[] | undefined {
  const { width, height } = canvas;
  const px = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const cell = Math.max(4, Math.round(width * CELL_SHARE));
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const red = new Uint16Array(cols * rows);
  let coloured = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const r = px[i];
      const g = px[i + 1];
      const b = px[i + 2];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 24) coloured++;
      if (isRedInk(r, g, b)) red[Math.floor(y / cell) * cols + Math.floor(x / cell)]++;
    }
  }
  if (coloured < width * height * 0.0005) return undefined;

  const minInk = cell * cell * 0.04;
  const seen = new Uint8Array(cols * rows);
  const seals: OcrSeal[] = [];
  for (let start = 0; start < red.length; start++) {
    if (seen[start] || red[start] < minInk) continue;
    // flood fill over cells with red ink, bridging one empty cell (a seal's ring is broken by weathering)
    let x0 = cols;
    let y0 = rows;
    let x1 = -1;
    let y1 = -1;
    let ink = 0;
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const c = stack.pop()!;
      const cx = c % cols;
      const cy = (c - cx) / cols;
      x0 = Math.min(x0, cx);
      x1 = Math.max(x1, cx);
      y0 = Math.min(y0, cy);
      y1 = Math.max(y1, cy);
      ink += red[c];
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const n = ny * cols + nx;
          if (!seen[n] && red[n] >= minInk) {
            seen[n] = 1;
            stack.push(n);
          }
        }
      }
    }
    const w = (x1 - x0 + 1) * cell;
    const h = (y1 - y0 + 1) * cell;
    const minSide = width * MIN_SEAL_SHARE;
    const atEdge = x0 === 0 || x1 === cols - 1;
    const round = w >= minSide && h >= minSide && w / h > 0.6 && w / h < 1.6;
    const riding = atEdge && h >= minSide && w < h;
    if (!round && !riding) continue;
    const share = ink / (w * h);
    seals.push({
      bbox: { x0: x0 * cell, y0: y0 * cell, x1: Math.min(width, (x1 + 1) * cell), y1: Math.min(height, (y1 + 1) * cell) },
      confidence: round && share > 0.03 ? 0.95 : 0.7,
    });
  }
  return seals;
}
