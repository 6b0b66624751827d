/**
 * Tick boxes, signature places and seals read through the real reading path (rasterize,
 * prepare, tesseract OCR, pixels) from generated marks sheets at the three scan qualities.
 * The full measurement, on many more pages, is `npm run bench:accuracy` (BENCHMARKS.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TesseractOcr } from '../../shared/adapters/tesseract-ocr.js';
import type { OcrPage } from '../../shared/domain/text.js';
import { DEFAULT_LIMITS } from '../../shared/intake/gate.js';
import { OCR_DPI, readDocument } from '../../shared/read/read.js';
import { decodeImagePages, prepareForOcr } from '../../shared/read/images.js';
import { findTickBoxes } from '../../shared/read/tick-boxes.js';
import { rasterizePdf } from '../../shared/pdf/rasterize.js';
import { scoreSeals, scoreSignatures, scoreTickBoxes, selectionRows } from '../../bench/lib/marks.js';
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

describe('tick boxes from the pixels of scanned pages, without OCR', () => {
  // pages whose boxes were once lost: a thick frame's broken outermost pixels (the box then
  // looked crowded by its own edge), a tick's foot under the frame, a cross overshooting the
  // corners of a box its label stands right against
  it.each([
    [467_405_082, 'typical'],
    [37_565_826, 'typical'],
    [420_930_514, 'clean'],
  ] as const)('reads every row of sheet %i (%s) as ticked', async (seed, quality) => {
    const sheet = await generateMarksSheet({ seed, quality });
    const [image] = await rasterizePdf(sheet.scannedPdf, { dpi: OCR_DPI });
    const [canvas] = await decodeImagePages(image.image, 'image/png', Number.MAX_SAFE_INTEGER);
    const prepared = await prepareForOcr(canvas, 1);
    const cells = prepared.grids.flatMap((g) => g.cells.map((c) => c.bbox));
    // 12 pt text at 300 dpi, as tall as OCR measures its characters
    const boxes = findTickBoxes(prepared.straight, 43, cells);
    expect(selectionRows(boxes).map((row) => row.map((b) => b.selected))).toEqual(sheet.truth.pages[0].tickRows);
  }, 60_000);
});
