/**
 * The intake gate on its own: each layer catches what it is for (the raw scan and the pdfjs
 * look each catch hidden content without the other), the corpus files are what they claim to
 * be, page images stay within the pixel limit, and no mutation of a valid file makes the gate
 * throw.
 */
import { loadImage } from '@napi-rs/canvas';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { admitUpload, checkBytes, DEFAULT_LIMITS, REJECTION_CODES, sniffMediaType } from '../../shared/intake/gate.js';
import { CorruptImageError, jpegStructure, pngStructure, tiffStructure, TooManyImagePagesError, TruncatedImageError } from '../../shared/intake/image-structure.js';
import { hanShare, languageReasons } from '../../shared/intake/language.js';
import { checkPdfBytes, inspectPdf } from '../../shared/intake/pdf-checks.js';
import { openPdf, pdfPageCount, pdfTextLayer, rasterizePdf, renderScale } from '../../shared/pdf/rasterize.js';
import { buildCorpus, type CorpusItem } from './corpus.js';
import { buildPdf, pdfStream, tiffGray } from './formats.js';
import { CHINESE_THEN_ENGLISH } from './helpers.js';

let items: CorpusItem[];
const item = (id: string) => items.find((i) => i.id === id)!.bytes;
const LIMITS = { ...DEFAULT_LIMITS, maxBytes: 4 * 1024 * 1024 };

beforeAll(async () => {
  items = await buildCorpus({ limits: LIMITS });
}, 120_000);

describe('the corpus files are what they claim to be', () => {
  it('the encrypted PDF opens with its password and reads, and asks for it otherwise', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    await openPdf(item('encrypted-pdf')).then(
      () => expect.fail('opened without a password'),
      (err: Error) => expect(err.name).toBe('PasswordException'),
    );
    const doc = await pdfjs.getDocument({ data: item('encrypted-pdf').slice(), password: 'secret', isEvalSupported: false }).promise;
    const text = await (await doc.getPage(1)).getTextContent();
    expect(text.items.map((i) => ('str' in i ? i.str : '')).join('')).toBe('CONFIDENTIAL');
    await doc.destroy();
    // the owner-only one opens for anyone: only its /Encrypt gives it away
    const open = await openPdf(item('encrypted-pdf-owner-only'));
    expect(((await open.getMetadata()).info as Record<string, unknown>).EncryptFilterName).toBe('Standard');
    await open.destroy();
  });

  it('the broken-xref PDF points its startxref at nothing, yet reads', async () => {
    const text = Buffer.from(item('broken-xref-readable')).toString('latin1');
    const startxref = Number(/startxref\s+(\d+)/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).not.toBe('xref');
    const lines = (await pdfTextLayer(item('broken-xref-readable')))[0].lines.map((l) => l.text);
    expect(lines).toContain('被评议人：李建国');
  });

  it('the hidden script and attachment are invisible to a plain byte search', () => {
    for (const id of ['pdf-javascript-in-object-stream']) expect(Buffer.from(item(id)).includes('/JavaScript')).toBe(false);
    expect(Buffer.from(item('pdf-embedded-file')).includes('/EmbeddedFiles')).toBe(false);
  });

  it('the 1,000-page PDF has 1,000 pages; the PNG bomb claims 30000×30000 in a well-formed file', async () => {
    expect(await pdfPageCount(item('pdf-1000-pages'))).toBe(1000);
    expect(pngStructure(item('png-30000x30000')).pages).toEqual([{ width: 30_000, height: 30_000 }]);
    expect(item('png-30000x30000').length).toBeLessThan(10_000);
  });

  it('the CMYK and progressive JPEGs decode at full size; the TIFF holds two pages', async () => {
    for (const id of ['jpeg-cmyk', 'jpeg-progressive']) {
      const structure = jpegStructure(item(id));
      expect(structure.components).toBe(id === 'jpeg-cmyk' ? 4 : 3);
      expect(structure.progressive).toBe(id === 'jpeg-progressive');
      const image = await loadImage(Buffer.from(item(id)));
      expect([image.width, image.height]).toEqual([1008, 448]);
    }
    expect(tiffStructure(item('tiff-two-pages'), 10).pages).toHaveLength(2);
  });
});

describe('each layer catches hidden content on its own', () => {
  it('the raw scan finds a script and an attachment inside compressed object streams', () => {
    expect(checkPdfBytes(item('pdf-javascript-in-object-stream'), LIMITS)?.code).toBe('ACTIVE_CONTENT');
    expect(checkPdfBytes(item('pdf-embedded-file'), LIMITS)?.code).toBe('EMBEDDED_FILES');
  });

  it('the pdfjs look finds encryption, scripts, attachments, launch actions and page-tree tricks', async () => {
    const code = async (id: string) => {
      const r = await inspectPdf(item(id), LIMITS);
      return 'rejection' in r ? r.rejection.code : 'ADMITTED';
    };
    expect(await code('encrypted-pdf')).toBe('ENCRYPTED_PDF');
    expect(await code('encrypted-pdf-owner-only')).toBe('ENCRYPTED_PDF');
    expect(await code('pdf-javascript-in-object-stream')).toBe('ACTIVE_CONTENT');
    expect(await code('pdf-embedded-file')).toBe('EMBEDDED_FILES');
    expect(await code('pdf-launch-action')).toBe('ACTIVE_CONTENT');
    expect(await code('pdf-no-pages')).toBe('NO_PAGES');
    expect(await code('pdf-1000-pages')).toBe('TOO_MANY_PAGES');
    expect(await code('pdf-giant-page')).toBe('PAGE_TOO_LARGE');
    expect(await code('good-fact-sheet')).toBe('ADMITTED');
  });

  it('a page script is found by pdfjs even with every name #-escaped', async () => {
    const doc = await PDFDocument.load(item('good-fact-sheet'));
    const page = doc.getPage(0);
    page.node.set(PDFName.of('AA'), doc.context.obj({ O: { S: 'JavaScript', JS: PDFString.of('app.alert(1)') } }));
    const bytes = await doc.save({ useObjectStreams: false });
    const escaped = new Uint8Array(Buffer.from(Buffer.from(bytes).toString('latin1').replace(/\/JavaScript/g, '/Java#53cript').replace(/\/JS\b/g, '/J#53'), 'latin1'));
    expect(checkPdfBytes(escaped, LIMITS)?.code).toBe('ACTIVE_CONTENT');
    const r = await inspectPdf(escaped, LIMITS);
    expect('rejection' in r && r.rejection.code).toBe('ACTIVE_CONTENT');
  });
});

describe('short names', () => {
  const page = (extra: string, image: Uint8Array) =>
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> ${extra} >>`,
      pdfStream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8', image),
    ]);

  it('are not found in image data, where they occur by chance', () => {
    const chance = new Uint8Array(Buffer.from('\x00\x13/JS \xff\xfe\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a', 'latin1'));
    expect(checkPdfBytes(page('', chance), LIMITS)).toBeUndefined();
  });

  it('are found in dictionaries', () => {
    expect(checkPdfBytes(page('/AA << /O << /JS (app.alert(1)) >> >>', new Uint8Array(16)), LIMITS)?.code).toBe('ACTIVE_CONTENT');
  });
});

describe('image structure', () => {
  it('counts TIFF pages beyond the limit without decoding them', () => {
    const page = { width: 8, height: 8, pixels: new Uint8Array(64).fill(255) };
    const tiff = tiffGray(Array.from({ length: 12 }, () => page));
    expect(() => tiffStructure(tiff, 5)).toThrow(TooManyImagePagesError);
    try {
      tiffStructure(tiff, 5);
    } catch (err) {
      expect((err as TooManyImagePagesError).pages).toBe(12);
    }
    expect(tiffStructure(tiff, 12).pages).toHaveLength(12);
  });

  it('tells truncation from corruption', () => {
    const png = item('png-named-pdf');
    expect(() => pngStructure(png.subarray(0, 40))).toThrow(TruncatedImageError);
    const bad = png.slice();
    bad[12] = 0x00; // IHDR's type turns into something else
    expect(() => pngStructure(bad)).toThrow(CorruptImageError);
    expect(() => jpegStructure(item('jpeg-named-png').subarray(0, 500))).toThrow(TruncatedImageError);
  });
});

describe('page images within the pixel limit', () => {
  it('renders a poster-sized page at the highest resolution that fits, never above the limit', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([2384, 3370]); // A0
    const pdf = await doc.save();
    const [page] = await rasterizePdf(pdf, { dpi: 300, maxPixels: 4_000_000 });
    expect(page.width * page.height).toBeLessThanOrEqual(4_000_000);
    expect(page.width * page.height).toBeGreaterThan(3_900_000);
    // without a limit nothing changes for anyone else
    expect(renderScale(595, 842, 300)).toBe(300 / 72);
    expect(renderScale(595, 842, 300, 60_000_000)).toBe(300 / 72);
  });
});

describe('language', () => {
  it('tells Chinese text from English', () => {
    expect(hanShare([{ text: '会议纪要 2024年3月5日' }]).share).toBeGreaterThan(0.5);
    expect(languageReasons([{ text: 'MINUTES OF THE GUARANTEE REVIEW COMMITTEE MEETING, Yunnan' }])).toHaveLength(1);
    expect(languageReasons([{ text: '云南省滇中融资担保有限公司 审计报告 MA1 2023 KPMG Huazhen LLP' }])).toEqual([]);
  });
});

describe('no input makes the gate throw', () => {
  /** Deterministic byte mutations of valid files: flips, cuts, splices and repeated regions. */
  function* mutations(bytes: Uint8Array, seed: number, count: number): Generator<Uint8Array> {
    let x = seed;
    const rnd = (n: number) => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return x % Math.max(1, n);
    };
    for (let i = 0; i < count; i++) {
      const out = bytes.slice();
      switch (i % 4) {
        case 0:
          for (let k = 0; k < 1 + rnd(8); k++) out[rnd(Math.min(out.length, 4096))] = rnd(256);
          yield out;
          break;
        case 1:
          yield out.subarray(0, rnd(out.length));
          break;
        case 2:
          for (let k = 0; k < 16; k++) out[rnd(out.length)] = rnd(256);
          yield out;
          break;
        default: {
          const at = rnd(out.length);
          yield new Uint8Array(Buffer.concat([out.subarray(0, at), out.subarray(rnd(out.length)), out.subarray(at)]));
        }
      }
    }
  }

  it.each(['png-named-pdf', 'jpeg-named-png', 'tiff-two-pages', 'good-fact-sheet', 'jpeg-progressive', 'encrypted-pdf'])(
    'mutations of %s end admitted or refused with a coded reason',
    async (id) => {
      for (const bytes of mutations(item(id), id.length * 7919, 60)) {
        const result = await admitUpload(bytes, LIMITS);
        if ('rejection' in result) {
          expect(REJECTION_CODES).toContain(result.rejection.code);
          expect(result.rejection.reason).toMatch(CHINESE_THEN_ENGLISH);
        } else expect(result.type).toBe(sniffMediaType(bytes));
        expect(() => checkBytes(bytes, LIMITS)).not.toThrow();
      }
    },
  );
});
