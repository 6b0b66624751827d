/**
 * Page clean-up before OCR, on 8-bit grayscale pixels: skew estimation, and removal of table
 * ruling lines (ruled tables are where OCR fails most: lines are read as 一, 丨 or noise).
 */

export interface Gray {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black. */
  pixels: Uint8Array;
}

/** Otsu's threshold: the gray level that best separates ink from paper. */
export function otsuThreshold(gray: Gray): number {
  const histogram = new Array<number>(256).fill(0);
  for (const p of gray.pixels) histogram[p]++;
  const total = gray.pixels.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * histogram[i];
  let sumBack = 0;
  let weightBack = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightBack += histogram[t];
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * histogram[t];
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * The page's skew in degrees (positive: text rises to the right), by maximizing the variance
 * of the horizontal projection of ink over candidate angles on a reduced page.
 */
export function estimateSkew(gray: Gray, maxDegrees = 3, step = 0.2): number {
  const threshold = otsuThreshold(gray);
  const scale = Math.max(1, Math.floor(gray.width / 800));
  const points: Array<[number, number]> = [];
  for (let y = 0; y < gray.height; y += scale) {
    for (let x = 0; x < gray.width; x += scale) {
      if (gray.pixels[y * gray.width + x] < threshold) points.push([x / scale, y / scale]);
    }
  }
  if (points.length < 100) return 0;
  const rows = Math.ceil(gray.height / scale) + Math.ceil(gray.width / scale);
  let bestAngle = 0;
  let bestScore = -1;
  for (let deg = -maxDegrees; deg <= maxDegrees + 1e-9; deg += step) {
    const tan = Math.tan((deg * Math.PI) / 180);
    const profile = new Float64Array(rows * 2);
    for (const [x, y] of points) {
      const bin = Math.round(y - x * tan) + rows;
      if (bin >= 0 && bin < profile.length) profile[bin]++;
    }
    let score = 0;
    for (const v of profile) score += v * v;
    if (score > bestScore) {
      bestScore = score;
      bestAngle = deg;
    }
  }
  return Math.round(bestAngle * 100) / 100;
}

/**
 * Whitens horizontal and vertical ink runs longer than any character stroke. Runs are
 * followed with one pixel of vertical (horizontal) play so slightly skewed lines are caught;
 * `minRun` defaults to 4% of the page side (about three characters at 300 dpi).
 */
export function removeRulingLines(gray: Gray, minRun?: { horizontal?: number; vertical?: number }): { removed: number } {
  const { width, height, pixels } = gray;
  const threshold = Math.min(otsuThreshold(gray), 160);
  const dark = (x: number, y: number) => pixels[y * width + x] < threshold;
  const minH = minRun?.horizontal ?? Math.max(80, Math.round(width * 0.04));
  const minV = minRun?.vertical ?? Math.max(80, Math.round(height * 0.03));
  const erase: number[] = [];

  // horizontal: a run continues while ink is at (x, y) or, within a 2-pixel gap, bridged
  for (let y = 0; y < height; y++) {
    let start = -1;
    let gap = 0;
    for (let x = 0; x <= width; x++) {
      const ink = x < width && dark(x, y);
      if (ink) {
        if (start < 0) start = x;
        gap = 0;
      } else if (start >= 0 && ++gap > 2) {
        const end = x - gap;
        if (end - start + 1 >= minH) for (let i = start; i <= end; i++) erase.push(y * width + i);
        start = -1;
        gap = 0;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let start = -1;
    let gap = 0;
    for (let y = 0; y <= height; y++) {
      const ink = y < height && dark(x, y);
      if (ink) {
        if (start < 0) start = y;
        gap = 0;
      } else if (start >= 0 && ++gap > 2) {
        const end = y - gap;
        if (end - start + 1 >= minV) for (let i = start; i <= end; i++) erase.push(i * width + x);
        start = -1;
        gap = 0;
      }
    }
  }
  for (const i of erase) pixels[i] = 255;
  return { removed: erase.length };
}
