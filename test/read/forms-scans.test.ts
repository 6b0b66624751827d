/**
 * Tables and labels read through the real reading path (rasterize, prepare, tesseract OCR,
 * cells, second opinion) and extracted, from generated scans at the three qualities: an audit
 * report whose indicator table has a unit column or a 单位：万元 caption and two year columns
 * (the document's year and the one before), and a fact sheet whose labels and values sit in
 * neighbouring cells of a ruled form. The full measurement, on 81 documents, is
 * `npm run bench:accuracy` (BENCHMARKS.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TesseractOcr } from '../../shared/adapters/tesseract-ocr.js';
import { classify } from '../../shared/extract/classify.js';
import { extractFields, signaturePlaces } from '../../shared/extract/extract.js';
import { documentLines } from '../../shared/extract/lines.js';
import { DEFAULT_LIMITS } from '../../shared/intake/gate.js';
import { readDocument } from '../../shared/read/read.js';
import { generateDocument, type GeneratedDocument, type Quality } from '../generator/index.js';
import { scoreFields, type Score } from '../extract/scoring.js';

const QUALITIES = ['clean', 'typical', 'poor'] as const;

/** Fewest right fields accepted, per quality: a floor against regressions, not the measurement. */
const FLOOR: Record<Quality, { tableCells: number; form: number }> = {
  clean: { tableCells: 0.9, form: 0.85 },
  typical: { tableCells: 0.8, form: 0.75 },
  poor: { tableCells: 0.6, form: 0.6 },
};

let ocr: TesseractOcr;
const results = new Map<string, { doc: GeneratedDocument; kind: string; score: Score }>();

async function readAndScore(doc: GeneratedDocument): Promise<{ doc: GeneratedDocument; kind: string; score: Score }> {
  const read = await readDocument(doc.scannedPdf, 'application/pdf', ocr, DEFAULT_LIMITS);
  const lines = documentLines(read);
  const kind = classify(lines).kind;
  const { extracted } = extractFields(kind, lines, signaturePlaces(read));
  const score = scoreFields(doc.truth as Record<string, unknown>, extracted.fields as Record<string, { value: unknown; confidence: number } | undefined>);
  return { doc, kind, score };
}

beforeAll(async () => {
  ocr = await TesseractOcr.create({ workers: 1 });
  for (const quality of QUALITIES) {
    results.set(`audit-${quality}`, await readAndScore(await generateDocument({ kind: 'AUDIT_REPORT', seed: 304_894_145, layout: 'sections-table', quality })));
    results.set(`fact-${quality}`, await readAndScore(await generateDocument({ kind: 'FACT_SHEET', seed: 242_097_302, layout: 'form-table', quality })));
  }
}, 600_000);
afterAll(async () => ocr?.close());

describe.each(QUALITIES)('forms on a %s scan', (quality) => {
  it('reads the indicators of a table in the unit of its header, from the column of the report’s year', () => {
    const { doc, kind, score } = results.get(`audit-${quality}`)!;
    expect(kind).toBe('AUDIT_REPORT');
    const inTable = score.outcomes.filter((o) => doc.fieldRegions[o.field]?.includes('table'));
    expect(inTable.length).toBeGreaterThanOrEqual(8);
    const right = inTable.filter((o) => o.outcome === 'right').length;
    expect(right / inTable.length).toBeGreaterThanOrEqual(FLOOR[quality].tableCells);
    // a value read wrong is never one a person would not look at
    expect(inTable.filter((o) => o.outcome === 'wrong' && (o.confidence ?? 0) >= 0.75)).toEqual([]);
  });

  it('reads labels and values in neighbouring cells of a ruled form', () => {
    const { kind, score } = results.get(`fact-${quality}`)!;
    expect(kind).toBe('FACT_SHEET');
    expect(score.right / score.truth).toBeGreaterThanOrEqual(FLOOR[quality].form);
    expect(score.confidentlyWrong).toBe(0);
  });
});
