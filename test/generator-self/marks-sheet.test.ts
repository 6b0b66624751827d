import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { documentText } from '../../shared/domain/text.js';
import { pdfTextLayer, rasterizePdf } from '../../shared/pdf/rasterize.js';
import { generateBornDigital, generateMarksSheet, type PrintedBox } from '../generator/index.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Share of dark pixels (black or blue-black pen; red seal ink is not dark) in a box, by PDF point. */
async function inkMap(png: Uint8Array, dpi: number) {
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data;
  const k = dpi / 72;
  /** Mean darkness inside a box given in PDF points. */
  return (x0: number, y0: number, x1: number, y1: number): number => {
    let sum = 0;
    let n = 0;
    for (let y = Math.round(y0 * k); y < Math.round(y1 * k); y++) {
      for (let x = Math.round(x0 * k); x < Math.round(x1 * k); x++) {
        const i = (y * img.width + x) * 4;
        sum += Math.max(d[i], d[i + 1], d[i + 2]) < 150 ? 1 : 0;
        n++;
      }
    }
    return n ? sum / n : 0;
  };
}

const inner = (b: PrintedBox, inset: number) => {
  const w = b.bbox.x1 - b.bbox.x0;
  return [b.bbox.x0 + w * inset, b.bbox.y0 + w * inset, b.bbox.x1 - w * inset, b.bbox.y1 - w * inset] as const;
};
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('generateMarksSheet', () => {
  it('gives truth in reading order: tick groups of 2–4 boxes with one or none ticked, signature places, seals', async () => {
    const sheet = await generateMarksSheet({ seed: 11, quality: 'typical', pages: 3, dpi: 40 });
    expect(sheet.truth.pages).toHaveLength(3);
    expect(sheet.pages).toHaveLength(3);
    expect(sheet.fileStem).toBe('marks-s11-typical');
    for (const page of sheet.truth.pages) {
      expect(page.tickRows.length).toBeGreaterThanOrEqual(10);
      expect(page.tickRows.length).toBeLessThanOrEqual(13);
      for (const row of page.tickRows) {
        expect(row.length).toBeGreaterThanOrEqual(2);
        expect(row.length).toBeLessThanOrEqual(4);
        expect(row.filter(Boolean).length).toBeLessThanOrEqual(1);
      }
      expect(page.signatures.length).toBeGreaterThanOrEqual(7);
      // 7–9 signature lines, and 3–5 more on a page with a vote table
      expect(page.signatures.length).toBeLessThanOrEqual(14);
      for (const s of page.signatures) expect(['signed', 'blank', 'refused']).toContain(s);
      expect(typeof page.sealed).toBe('boolean');
    }
    // The boxes drawn are those of the truth, page by page.
    sheet.truth.pages.forEach((page, i) =>
      expect(sheet.boxes.filter((b) => b.page === i).map((b) => b.ticked)).toEqual(page.tickRows.flat()),
    );
    expect(sheet.truth.pages.map((p) => p.sealed)).toEqual([0, 1, 2].map((i) => sheet.seals.some((s) => s.page === i)));
  });

  it('is reproducible from the seed', async () => {
    const spec = { seed: 5, quality: 'poor', dpi: 40 } as const;
    const a = await generateMarksSheet(spec);
    const b = await generateMarksSheet(spec);
    expect(sha(a.bornDigitalPdf)).toBe(sha(b.bornDigitalPdf));
    expect(sha(a.scannedPdf)).toBe(sha(b.scannedPdf));
    expect(a.truth).toEqual(b.truth);
    const other = await generateMarksSheet({ ...spec, seed: 6 });
    expect(other.truth).not.toEqual(a.truth);
  });

  it('draws the boxes: ticked ones hold ink inside, empty ones only their border; the text layer reads them as ☐/☑/☒', async () => {
    const dpi = 100;
    let ticked: number[] = [];
    let empty: number[] = [];
    let glyphTicked: number[] = [];
    let glyphEmpty: number[] = [];
    for (const seed of [1, 2]) {
      const sheet = await generateMarksSheet({ seed, quality: 'clean', dpi: 40 });
      const [page] = await rasterizePdf(sheet.bornDigitalPdf, { dpi });
      const ink = await inkMap(page.image, dpi);
      for (const b of sheet.boxes) {
        if (b.mark === 'glyph') (b.ticked ? glyphTicked : glyphEmpty).push(ink(...inner(b, 0.25)));
        else {
          const inside = ink(...inner(b, 0.2));
          // Every drawn box has its square: with its border, the box holds more ink than inside it.
          if (!b.ticked) expect(ink(b.bbox.x0 - 1, b.bbox.y0 - 1, b.bbox.x1 + 1, b.bbox.y1 + 1), 'box border').toBeGreaterThan(inside + 0.1);
          (b.ticked ? ticked : empty).push(inside);
        }
      }
      const text = documentText({ pages: await pdfTextLayer(sheet.bornDigitalPdf) });
      const drawn = sheet.boxes.filter((b) => b.mark !== 'glyph');
      expect([...text.matchAll(/[☐☑☒]/gu)].length).toBe(drawn.length);
      expect([...text.matchAll(/☐/gu)].length).toBe(drawn.filter((b) => !b.ticked).length);
    }
    expect(ticked.length).toBeGreaterThan(5);
    expect(empty.length).toBeGreaterThan(10);
    expect(mean(ticked)).toBeGreaterThan(mean(empty) + 0.15);
    // Each ticked box holds more ink than any empty one.
    expect(Math.min(...ticked)).toBeGreaterThan(Math.max(...empty));
    if (glyphTicked.length && glyphEmpty.length) expect(Math.min(...glyphTicked)).toBeGreaterThan(Math.max(...glyphEmpty));
  });
});

describe('fieldRegions', () => {
  it('tells which fields were printed in table cells and under seals', async () => {
    let sealedFields = 0;
    for (const seed of [21, 22, 23]) {
      const doc = await generateBornDigital({ kind: 'FACT_SHEET', layout: 'form-table', seed });
      expect(Object.keys(doc.fieldRegions).sort()).toEqual(Object.keys(doc.truth).sort());
      expect(doc.fieldRegions.projectId).toContain('table');
      expect(doc.fieldRegions.debtorName).toContain('table');
      // The case number is printed above the table.
      expect(doc.fieldRegions.caseId).not.toContain('table');
      sealedFields += Object.values(doc.fieldRegions).filter((r) => r.includes('sealed')).length;
    }
    // Closing seals sit over the institution's name and the date.
    expect(sealedFields).toBeGreaterThan(0);
    const narrative = await generateBornDigital({ kind: 'FACT_SHEET', layout: 'narrative', seed: 21 });
    expect(Object.values(narrative.fieldRegions).some((r) => r.includes('table'))).toBe(false);
  });
});
