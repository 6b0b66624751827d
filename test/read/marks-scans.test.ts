/**
 * Tick boxes, signature places and seals read through the real reading path (rasterize,
 * prepare, tesseract OCR, pixels) from generated marks sheets at the three scan qualities.
 * The full measurement, on many more pages, is `npm run bench:accuracy` (BENCHMARKS.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TesseractOcr } from '../../shared/adapters/tesseract-ocr.js';
import type { OcrPage } from '../../shared/domain/text.js';
import { DEFAULT_LIMITS } from '../../shared/intake/gate.js';
import { readDocument } from '../../shared/read/read.js';
import { scoreSeals, scoreSignatures, scoreTickBoxes } from '../../bench/lib/marks.js';
import { generateMarksSheet, type MarksSheet } from '../generator/index.js';

let ocr: TesseractOcr;
const read = new Map<string, { sheet: MarksSheet; page: OcrPage }>();

/** Fewest right answers accepted on one sheet, per quality: a floor against regressions, not the measurement. */
const FLOOR = {
  clean: { ticks: 0.95, signatures: 0.8 },
  typical: { ticks: 0.9, signatures: 0.7 },
  poor: { ticks: 0.75, signatures: 0.5 },
} as const;

beforeAll(async () => {
  ocr = await TesseractOcr.create({ workers: 1 });
  for (const quality of ['clean', 'typical', 'poor'] as const) {
    const sheet = await generateMarksSheet({ seed: 20_261_122, quality });
    const doc = await readDocument(sheet.scannedPdf, 'application/pdf', ocr, DEFAULT_LIMITS);
    read.set(quality, { sheet, page: doc.pages[0] });
  }
}, 300_000);
afterAll(async () => ocr?.close());

describe.each(['clean', 'typical', 'poor'] as const)('marks on a %s scan', (quality) => {
  it('finds the tick boxes and whether each is ticked', () => {
    const { sheet, page } = read.get(quality)!;
    const tally = scoreTickBoxes(sheet.truth.pages[0], page);
    expect(tally.truthItems).toBeGreaterThan(20);
    expect(tally.correct / tally.total).toBeGreaterThanOrEqual(FLOOR[quality].ticks);
  });

  it('tells signed places from blank and refused ones', () => {
    const { sheet, page } = read.get(quality)!;
    const tally = scoreSignatures(sheet.truth.pages[0].signatures, page);
    expect(tally.correct / tally.total).toBeGreaterThanOrEqual(FLOOR[quality].signatures);
  });

  it('finds the seal on a colour scan, and does not claim to know on a grayscale one', () => {
    const { sheet, page } = read.get(quality)!;
    const seals = scoreSeals(sheet.truth.pages[0].sealed, sheet.grayscale, page);
    if (sheet.grayscale) expect(seals.grayscaleUndefined).toBe(1);
    else expect(seals.right).toBe(1);
  });
});
