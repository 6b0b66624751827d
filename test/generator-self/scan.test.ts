import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { pdfPageCount, pdfTextLayer } from '../../shared/pdf/rasterize.js';
import { corpusSpecs, generateCorpus, generateDocument, KINDS, LAYOUTS, QUALITIES } from '../generator/index.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const A4_PX = (dpi: number) => [Math.round((595.28 * dpi) / 72), Math.round((841.89 * dpi) / 72)];

async function meanLuminance(image: Uint8Array): Promise<number> {
  const img = await loadImage(Buffer.from(image));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data;
  let sum = 0;
  for (let i = 0; i < d.length; i += 4) sum += 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
  return sum / (d.length / 4);
}

describe('generateDocument', () => {
  it('is reproducible from the seed, byte for byte', async () => {
    const spec = { kind: 'MEETING_MINUTES', seed: 4242, quality: 'typical', dpi: 60 } as const;
    const a = await generateDocument(spec);
    const b = await generateDocument(spec);
    expect(sha(a.bornDigitalPdf)).toBe(sha(b.bornDigitalPdf));
    expect(sha(a.scannedPdf)).toBe(sha(b.scannedPdf));
    expect(a.pages.map((p) => sha(p.image))).toEqual(b.pages.map((p) => sha(p.image)));
    expect(a.truth).toEqual(b.truth);
    expect(a.fileStem).toBe(b.fileStem);

    const other = await generateDocument({ ...spec, seed: 4243 });
    expect(sha(other.bornDigitalPdf)).not.toBe(sha(a.bornDigitalPdf));
    expect(other.truth).not.toEqual(a.truth);
  });

  it('scans multi-page audit reports into page images and a scanned PDF of the same length', async () => {
    const doc = await generateDocument({ kind: 'AUDIT_REPORT', seed: 7, quality: 'typical', dpi: 72 });
    const pages = await pdfPageCount(doc.bornDigitalPdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(5);
    expect(doc.pages).toHaveLength(pages);
    expect(await pdfPageCount(doc.scannedPdf)).toBe(pages);
    expect(doc.pages.map((p) => p.pageNumber)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    for (const p of doc.pages) {
      expect([p.width, p.height]).toEqual(A4_PX(72));
      expect([...p.image.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // JPEG
    }
    expect(doc.imageFormat).toBe('jpeg');
    // The scan is images only; the born-digital PDF carries the text.
    expect((await pdfTextLayer(doc.scannedPdf)).every((p) => p.lines.length === 0)).toBe(true);
    expect((await pdfTextLayer(doc.bornDigitalPdf)).every((p) => p.lines.length > 3)).toBe(true);
    expect(doc.fileStem).toMatch(/^audit-(sections-table|cover-form|narrative)-s7-typical$/);
  });

  it('degrades more as quality drops, and clean pages are PNG by default', async () => {
    const lum: Record<string, number> = {};
    for (const quality of QUALITIES) {
      const doc = await generateDocument({ kind: 'FACT_SHEET', seed: 11, layout: 'form-table', quality, dpi: 60 });
      if (quality === 'clean') expect([...doc.pages[0].image.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // PNG
      lum[quality] = await meanLuminance(doc.pages[0].image);
    }
    expect(lum.clean).toBeGreaterThan(lum.typical);
    expect(lum.typical).toBeGreaterThan(lum.poor);
  });

  it('rejects unknown kinds, layouts and qualities', async () => {
    await expect(generateDocument({ kind: 'UNKNOWN' as never, seed: 1 })).rejects.toThrow(RangeError);
    await expect(generateDocument({ kind: 'FACT_SHEET', seed: 1, layout: 'poster' as never })).rejects.toThrow(RangeError);
    await expect(generateDocument({ kind: 'FACT_SHEET', seed: 1, quality: 'mint' as never })).rejects.toThrow(RangeError);
  });
});

describe('corpus', () => {
  it('balances kinds, layouts and qualities', () => {
    const specs = corpusSpecs({ count: 54, seed: 9 });
    for (const kind of KINDS) {
      const ofKind = specs.filter((s) => s.kind === kind);
      expect(ofKind).toHaveLength(18);
      for (const layout of LAYOUTS[kind]) {
        const ofLayout = ofKind.filter((s) => s.layout === layout);
        expect(ofLayout).toHaveLength(6);
        // Every layout is seen at every quality.
        expect(new Set(ofLayout.map((s) => s.quality))).toEqual(new Set(QUALITIES));
      }
    }
    expect(new Set(specs.map((s) => s.seed)).size).toBe(54);
    expect(corpusSpecs({ count: 54, seed: 9 })).toEqual(specs);
    expect(corpusSpecs({ count: 54, seed: 10 })).not.toEqual(specs);
  });

  it('generates the documents its specs describe', async () => {
    const docs = await generateCorpus({ count: 3, seed: 5, qualities: ['poor'], dpi: 40 });
    expect(docs.map((d) => d.kind)).toEqual(['MEETING_MINUTES', 'FACT_SHEET', 'AUDIT_REPORT']);
    expect(docs.every((d) => d.quality === 'poor' && d.pages.length > 0)).toBe(true);
  });
});
