import { describe, expect, it } from 'vitest';
import { PDFDocument, rgb } from 'pdf-lib';
import { loadImage } from '@napi-rs/canvas';
import { embedCjkFont } from '../../shared/pdf/fonts.js';
import { pdfPageCount, pdfTextLayer, rasterizePdf } from '../../shared/pdf/rasterize.js';

const A4: [number, number] = [595.28, 841.89];

/** Three A4 pages; page 2 has a filled black square at a known place and two text runs on one baseline. */
async function samplePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await embedCjkFont(doc);
  for (let n = 1; n <= 3; n++) {
    const page = doc.addPage(A4);
    page.drawText(`第${n}页 会议纪要`, { x: 72, y: A4[1] - 100, size: 16, font });
    if (n === 2) {
      page.drawRectangle({ x: 72, y: A4[1] - 72 - 144, width: 72, height: 72, color: rgb(0, 0, 0) });
      page.drawText('会议时间：', { x: 72, y: 400, size: 12, font });
      page.drawText('2024年3月5日', { x: 132, y: 400, size: 12, font });
      page.drawText('主持人', { x: 72, y: 370, size: 12, font });
      page.drawText('张建国', { x: 300, y: 370, size: 12, font });
    }
  }
  return doc.save();
}

/** A hand-written PDF whose Chinese text uses a non-embedded Adobe-GB1 font: decoding it needs the packed CMaps. */
function predefinedCmapPdf(): Uint8Array {
  const content = 'BT /F1 24 Tf 72 700 Td <4F1A8BAE7EAA8981> Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe('pdfPageCount', () => {
  it('counts the pages', async () => {
    expect(await pdfPageCount(await samplePdf())).toBe(3);
    expect(await pdfPageCount(predefinedCmapPdf())).toBe(1);
  });
});

describe('rasterizePdf', () => {
  it('renders A4 pages at the requested resolution as PNG, honouring firstPage and maxPages', async () => {
    const pdf = await samplePdf();
    const pages = await rasterizePdf(pdf, { dpi: 100, firstPage: 2, maxPages: 1 });
    expect(pages.map((p) => p.pageNumber)).toEqual([2]);
    const [page] = pages;
    expect(page.width).toBe(Math.round((A4[0] * 100) / 72));
    expect(page.height).toBe(Math.round((A4[1] * 100) / 72));
    expect([...page.image.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    // The black square sits 1in from the left and 2in from the top, 1in wide: at 100 dpi, (100..200, 200..300).
    const img = await loadImage(Buffer.from(page.image));
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(page.width, page.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = (x: number, y: number) => [...ctx.getImageData(x, y, 1, 1).data];
    expect(px(150, 250)).toEqual([0, 0, 0, 255]);
    expect(px(50, 250)).toEqual([255, 255, 255, 255]);
    expect(px(150, 350)).toEqual([255, 255, 255, 255]);
    // Some glyph ink in the title line (at 100 pt from the top, i.e. ~139 px).
    const title = ctx.getImageData(100, 115, 200, 30).data;
    let dark = 0;
    for (let i = 0; i < title.length; i += 4) if (title[i] < 128) dark++;
    expect(dark).toBeGreaterThan(100);
  });

  it('renders every page by default, with 1-based page numbers', async () => {
    const pages = await rasterizePdf(await samplePdf(), { dpi: 36 });
    expect(pages.map((p) => p.pageNumber)).toEqual([1, 2, 3]);
  });

  it('accepts a Node Buffer (as read from a file) and leaves the input intact', async () => {
    const bytes = await samplePdf();
    const buffer = Buffer.from(bytes);
    expect(await rasterizePdf(buffer, { dpi: 20, maxPages: 1 })).toHaveLength(1);
    expect(await pdfPageCount(buffer)).toBe(3);
    expect(buffer.equals(Buffer.from(bytes))).toBe(true);
    expect(buffer.byteLength).toBe(bytes.byteLength);
  });

  it('rejects nonsense options and non-PDF input', async () => {
    await expect(rasterizePdf(await samplePdf(), { dpi: 0 })).rejects.toThrow(RangeError);
    await expect(rasterizePdf(new TextEncoder().encode('not a pdf'))).rejects.toThrow();
  });
});

describe('pdfTextLayer', () => {
  it('returns lines merged along baselines, top to bottom, in top-left PDF points', async () => {
    const pages = await pdfTextLayer(await samplePdf());
    expect(pages).toHaveLength(3);
    const page = pages[1];
    expect(page.pageNumber).toBe(2);
    expect(page.width).toBeCloseTo(A4[0], 1);
    expect(page.lines.map((l) => l.text)).toEqual(['第2页 会议纪要', '会议时间：2024年3月5日', '主持人 张建国']);
    const time = page.lines[1];
    // pdfjs may already join touching runs; words are its items, in order.
    expect(time.words.map((w) => w.text).join('')).toBe('会议时间：2024年3月5日');
    expect(page.lines[2].words.map((w) => w.text)).toEqual(['主持人', '张建国']);
    expect(time.confidence).toBe(1);
    // Baseline at y=400 from the bottom: the box straddles 841.89-400 from the top.
    expect(time.bbox.y0).toBeLessThan(A4[1] - 400);
    expect(time.bbox.y1).toBeGreaterThan(A4[1] - 400);
    expect(time.bbox.y1 - time.bbox.y0).toBeCloseTo(12, 0);
    expect(time.bbox.x0).toBeCloseTo(72, 0);
  });

  it('decodes Chinese text in a non-embedded predefined-CMap font', async () => {
    const [page] = await pdfTextLayer(predefinedCmapPdf());
    expect(page.lines.map((l) => l.text)).toEqual(['会议纪要']);
  });
});
