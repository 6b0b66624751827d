/**
 * The bad-input corpus: every kind of broken, hostile, oversized, mislabelled or merely odd
 * upload the pipeline must survive, generated here (nothing checked in), each with the outcome
 * it must end in. A few good documents ride along to prove the batch around them is unaffected.
 *
 *   const items = await buildCorpus({ limits });
 *
 * Image items that reach OCR are kept small, so the whole corpus runs in well under a minute.
 */
import { factSheetLines } from '../helpers/text-pdf.js';
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import type { DocumentStatus } from '../../shared/domain/records.js';
import type { IntakeLimits, RejectionCode } from '../../shared/intake/gate.js';
import { embedCjkFont } from '../../shared/pdf/fonts.js';
import { generateBornDigital, type BornDigitalDocument, type GeneratedKind } from '../generator/index.js';
import {
  appendZip,
  ascii,
  bmp,
  buildPdf,
  concat,
  encryptedPdf,
  GIF_1X1,
  jpegDcOnly,
  patchTiff,
  pdfStream,
  pngBomb,
  tiffGray,
  zipStored,
  type GrayPage,
} from './formats.js';
import { encodeCanvas } from '../../shared/pdf/encode-canvas.js';

const require = createRequire(import.meta.url);

/** What an item must end as. */
export type Expectation =
  | { status: 'REJECTED'; code: RejectionCode }
  /** Read and kept: processed or in review, never rejected. */
  | { status: 'KEPT'; kind?: GeneratedKind | 'UNKNOWN'; reason?: string }
  /** One of several outcomes is right (OCR of noise may or may not find "text"). */
  | { oneOf: Array<{ status: DocumentStatus; code?: RejectionCode }> };

export interface CorpusItem {
  /** Short stable id, e.g. `truncated-png`. */
  id: string;
  /** The name the file is uploaded under (may be hostile). */
  fileName: string;
  bytes: Uint8Array;
  expect: Expectation;
  /** A good document: its generated truth, for checking the fields. */
  good?: BornDigitalDocument | { kind: 'FACT_SHEET'; truth: Record<string, unknown> };
  /** Same bytes as another item (uploaded under a second name). */
  sameAs?: string;
  /** The file reaches OCR (slow): tests may skip these where time matters. */
  ocr?: boolean;
}

const rejected = (code: RejectionCode): Expectation => ({ status: 'REJECTED', code });

// ---------------------------------------------------------------- building blocks

let fontRegistered = false;
function registerFont() {
  if (fontRegistered) return;
  const path = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  if (!GlobalFonts.registerFromPath(path, 'CorpusSans')) throw new Error('cannot register the CJK font');
  fontRegistered = true;
}

/** A white page with black Chinese text lines, as a canvas. */
function textCanvas(lines: string[], options: { width: number; height: number; size: number }) {
  registerFont();
  const canvas = createCanvas(options.width, options.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, options.width, options.height);
  ctx.fillStyle = '#000000';
  ctx.font = `${options.size}px CorpusSans`;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, options.size, options.size + i * options.size * 1.6));
  return canvas;
}

function grayOf(canvas: Canvas): GrayPage {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round((rgba[i * 4] * 299 + rgba[i * 4 + 1] * 587 + rgba[i * 4 + 2] * 114) / 1000);
  return { width, height, pixels };
}

/** Deterministic noise (xorshift), so the corpus is the same every run. */
function noise(width: number, height: number, seed: number): GrayPage {
  let x = seed >>> 0 || 1;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    pixels[i] = (x >>> 0) & 0xff;
  }
  return { width, height, pixels };
}

/** A born-digital PDF with the given Chinese lines (one A4 page). */
export async function chinesePdf(lines: string[], options: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await embedCjkFont(doc);
  const page = doc.addPage([595.28, 841.89]);
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 22, size: 12, font }));
  return doc.save({ useObjectStreams: options.useObjectStreams ?? true });
}

export { factSheetLines };

const factSheetTruth = (person: string) => ({ evaluatedPerson: person, conclusion: '尽职', deliveryDate: '2024-07-03', guaranteeAmount: 300_000_000 });

/** Breaks every offset in a classic cross-reference table and the startxref pointer; readers must rebuild it. */
function breakXref(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const xrefAt = text.lastIndexOf('\nxref\n');
  if (xrefAt < 0) throw new Error('no classic xref table to break');
  const broken =
    text.slice(0, xrefAt) +
    text
      .slice(xrefAt)
      .replace(/^(\d{10}) (\d{5}) n/gm, (_, offset: string, gen: string) => `${String((Number(offset) * 7 + 13) % 99999).padStart(10, '0')} ${gen} n`)
      .replace(/startxref\s+\d+/, 'startxref\n123');
  return new Uint8Array(Buffer.from(broken, 'latin1'));
}

/** A born-digital PDF whose catalog opens a script; saved with object streams, so the names are compressed. */
async function pdfWithHiddenScript(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await chinesePdf(lines), { updateMetadata: false });
  const ctx = doc.context;
  const action = ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hi")') });
  doc.catalog.set(PDFName.of('OpenAction'), ctx.register(action));
  const names = ctx.obj({});
  const js = ctx.obj({ Names: [PDFString.of('init'), ctx.register(ctx.obj({ S: 'JavaScript', JS: PDFString.of('this.print()') }))] });
  (names as PDFDict).set(PDFName.of('JavaScript'), ctx.register(js));
  doc.catalog.set(PDFName.of('Names'), ctx.register(names));
  return doc.save({ useObjectStreams: true });
}

/** A born-digital PDF carrying an attachment. */
async function pdfWithAttachment(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await chinesePdf(lines), { updateMetadata: false });
  await doc.attach(new TextEncoder().encode('@echo off\r\necho hello\r\n'), 'run-me.bat', { mimeType: 'application/octet-stream', description: '附件' });
  return doc.save({ useObjectStreams: true });
}

/** A PDF whose link annotation launches a local program (no compression: plainly visible). */
function pdfWithLaunchAction(): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>',
    '<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /A << /S /Launch /F (cmd.exe) >> >>',
  ]);
}

/** A PDF that declares a 30000×30000 image on its page (with a tiny compressed body). */
function pdfWithImageBomb(): Uint8Array {
  const image = pdfStream('/Type /XObject /Subtype /Image /Width 30000 /Height 30000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>',
    pdfStream('', ascii('q 595 0 0 842 0 0 cm /Im1 Do Q')),
    image,
  ]);
}

async function pdfPages(count: number, size: [number, number] = [595.28, 841.89]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < count; i++) doc.addPage(size);
  return doc.save({ addDefaultPage: false });
}

async function englishMinutes(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  [
    'MINUTES OF THE GUARANTEE REVIEW COMMITTEE MEETING',
    'Yunnan Dianzhong Financing Guarantee Co., Ltd.',
    'Meeting No.: 2024-07',
    'Date: 5 March 2024, 9:30 a.m.   Place: Meeting Room 3',
    'Chair: Zhou Xiaofeng    Recorder: Sun Li',
    'Members present: 7 of 9',
    'Agenda: guarantee application of Kunming Green Agriculture Co., Ltd.,',
    'amount RMB 3,000,000, term 12 months.',
    'Resolution: approved by 6 votes in favour, 1 against.',
  ].forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 22, size: 12, font }));
  return doc.save();
}

/** A ZIP whose first local file name pushes `%PDF-` into the first kilobyte: a ZIP and a PDF at once. */
function zipThenPdf(pdf: Uint8Array): Uint8Array {
  return zipStored([{ name: 'scan.pdf', data: pdf }]);
}

// ---------------------------------------------------------------- the corpus

export interface CorpusOptions {
  /** The limits the pipeline runs with (the oversized file is one byte over `maxBytes`). */
  limits: IntakeLimits;
}

/** Builds every corpus item. Deterministic: the same options give the same bytes. */
export async function buildCorpus({ limits }: CorpusOptions): Promise<CorpusItem[]> {
  const minutes = await generateBornDigital({ kind: 'MEETING_MINUTES', seed: 5, layout: 'form-table' });
  const audit = await generateBornDigital({ kind: 'AUDIT_REPORT', seed: 5, layout: 'narrative' });
  const factPdf = await chinesePdf(factSheetLines('周晓峰'));
  const classicFact = await chinesePdf(factSheetLines('李建国', '0032'), { useObjectStreams: false });

  const docImage = textCanvas(['事实认定材料', '被评议人：王小明', '评议结论：尽职', '评议日期：2024年7月1日'], { width: 900, height: 520, size: 44 });
  const docPng = await encodeCanvas(docImage, 'png');
  const docJpeg = await encodeCanvas(docImage, 'jpeg', 85);
  const blocky = grayOf(textCanvas(['会议纪要', '2024年3月5日'], { width: 112 * 9, height: 112 * 4, size: 112 }));
  const tiffPages = [
    grayOf(textCanvas(['会议纪要', '会议时间：2024年3月5日', '主持人：周晓峰'], { width: 900, height: 520, size: 44 })),
    grayOf(textCanvas(['审议事项：担保申请', '表决结果：同意6票'], { width: 900, height: 520, size: 44 })),
  ];
  const tiff = tiffGray(tiffPages);
  const page500 = grayOf(textCanvas(['测试'], { width: 500, height: 500, size: 40 }));
  const longChinese = '关于云南省滇中融资担保有限公司二〇二四年第三季度代偿项目尽职评议事实认定材料的补充说明'.repeat(6);

  const items: CorpusItem[] = [
    // --- good documents
    { id: 'good-minutes', fileName: `${minutes.fileStem}.pdf`, bytes: minutes.bornDigitalPdf, expect: { status: 'KEPT', kind: 'MEETING_MINUTES' }, good: minutes },
    { id: 'good-audit', fileName: `${audit.fileStem}.pdf`, bytes: audit.bornDigitalPdf, expect: { status: 'KEPT', kind: 'AUDIT_REPORT' }, good: audit },
    { id: 'good-fact-sheet', fileName: '事实认定材料.pdf', bytes: factPdf, expect: { status: 'KEPT', kind: 'FACT_SHEET' }, good: { kind: 'FACT_SHEET', truth: factSheetTruth('周晓峰') } },

    // --- empty, mislabelled, unsupported
    { id: 'zero-bytes', fileName: 'scan.pdf', bytes: new Uint8Array(0), expect: rejected('EMPTY_FILE') },
    { id: 'text-named-pdf', fileName: 'notes.pdf', bytes: new TextEncoder().encode('会议纪要：明天上午九点开会。\nThis is a text file.\n'), expect: rejected('UNSUPPORTED_TYPE') },
    { id: 'png-named-pdf', fileName: '事实认定材料（扫描）.pdf', bytes: docPng, expect: { status: 'KEPT' }, ocr: true },
    { id: 'jpeg-named-png', fileName: 'photo.png', bytes: docJpeg, expect: { status: 'KEPT' }, ocr: true },
    { id: 'html', fileName: 'report.pdf', bytes: new TextEncoder().encode('<!DOCTYPE html><html><body><script>alert(1)</script>报告</body></html>'), expect: rejected('UNSUPPORTED_TYPE') },
    { id: 'zip', fileName: 'scans.zip', bytes: zipStored([{ name: 'a.txt', data: ascii('hello') }]), expect: rejected('UNSUPPORTED_TYPE') },
    {
      id: 'docx',
      fileName: '纪要.docx',
      bytes: zipStored([
        { name: '[Content_Types].xml', data: ascii('<?xml version="1.0"?><Types/>') },
        { name: 'word/document.xml', data: ascii('<w:document/>') },
      ]),
      expect: rejected('UNSUPPORTED_TYPE'),
    },
    { id: 'gif', fileName: 'seal.gif', bytes: GIF_1X1, expect: rejected('UNSUPPORTED_TYPE') },
    { id: 'webp', fileName: 'page.webp', bytes: await encodeCanvas(docImage, 'webp', 80), expect: rejected('UNSUPPORTED_TYPE') },
    { id: 'bmp', fileName: 'page.bmp', bytes: bmp(page500), expect: rejected('UNSUPPORTED_TYPE') },
    { id: 'heic', fileName: 'IMG_0001.HEIC', bytes: concat(new Uint8Array([0, 0, 0, 0x18]), ascii('ftypheic\0\0\0\0mif1heic'), new Uint8Array(64)), expect: rejected('UNSUPPORTED_TYPE') },

    // --- truncated and corrupt
    { id: 'truncated-png', fileName: 'cut.png', bytes: docPng.subarray(0, Math.floor(docPng.length * 0.6)), expect: rejected('TRUNCATED_FILE') },
    { id: 'truncated-jpeg', fileName: 'cut.jpg', bytes: docJpeg.subarray(0, Math.floor(docJpeg.length * 0.6)), expect: rejected('TRUNCATED_FILE') },
    { id: 'truncated-pdf', fileName: 'cut.pdf', bytes: factPdf.subarray(0, Math.floor(factPdf.length * 0.5)), expect: rejected('TRUNCATED_FILE') },
    { id: 'garbage-after-pdf-header', fileName: 'broken.pdf', bytes: concat(ascii('%PDF-1.7\n1 0 obj << /Type /Catalog'), new Uint8Array(200), ascii('\n%%EOF\n')), expect: rejected('UNREADABLE_FILE') },
    {
      id: 'broken-xref-readable',
      fileName: '事实认定材料-修复.pdf',
      bytes: breakXref(classicFact),
      expect: { status: 'KEPT', kind: 'FACT_SHEET' },
      good: { kind: 'FACT_SHEET', truth: factSheetTruth('李建国') },
    },
    { id: 'tiff-directory-loop', fileName: 'loop.tif', bytes: patchTiff(tiffGray([page500]), { nextIfd: 8 }), expect: rejected('UNREADABLE_FILE') },

    // --- encrypted, scripted, carrying files
    { id: 'encrypted-pdf', fileName: '加密.pdf', bytes: encryptedPdf('CONFIDENTIAL', 'secret'), expect: rejected('ENCRYPTED_PDF') },
    { id: 'encrypted-pdf-owner-only', fileName: '限制打印.pdf', bytes: encryptedPdf('NO PRINTING', ''), expect: rejected('ENCRYPTED_PDF') },
    { id: 'pdf-javascript-in-object-stream', fileName: '会议纪要.pdf', bytes: await pdfWithHiddenScript(factSheetLines('赵敏', '0033')), expect: rejected('ACTIVE_CONTENT') },
    { id: 'pdf-launch-action', fileName: 'open-me.pdf', bytes: pdfWithLaunchAction(), expect: rejected('ACTIVE_CONTENT') },
    { id: 'pdf-embedded-file', fileName: '附件.pdf', bytes: await pdfWithAttachment(factSheetLines('钱多多', '0034')), expect: rejected('EMBEDDED_FILES') },

    // --- polyglots
    { id: 'pdf-zip-polyglot', fileName: 'both.pdf', bytes: appendZip(await chinesePdf(factSheetLines('孙悟空', '0035')), [{ name: 'payload.js', data: ascii('alert(1)') }]), expect: rejected('POLYGLOT_FILE') },
    { id: 'png-with-pdf-appended', fileName: 'image.png', bytes: concat(docPng, factPdf), expect: rejected('POLYGLOT_FILE') },
    { id: 'zip-with-pdf-header', fileName: 'scan.pdf', bytes: zipThenPdf(factPdf), expect: rejected('POLYGLOT_FILE') },

    // --- sizes, pages, pixels
    { id: 'over-byte-limit', fileName: 'huge.pdf', bytes: concat(ascii('%PDF-1.7\n'), new Uint8Array(limits.maxBytes - 8)), expect: rejected('FILE_TOO_LARGE') },
    { id: 'pdf-1000-pages', fileName: '一千页.pdf', bytes: await pdfPages(1000), expect: rejected('TOO_MANY_PAGES') },
    { id: 'pdf-no-pages', fileName: 'empty.pdf', bytes: await pdfPages(0), expect: rejected('NO_PAGES') },
    { id: 'pdf-giant-page', fileName: 'poster.pdf', bytes: await pdfPages(1, [14_400, 14_400]), expect: rejected('PAGE_TOO_LARGE') },
    { id: 'pdf-tiny-page', fileName: 'stamp.pdf', bytes: await pdfPages(1, [40, 40]), expect: rejected('PAGE_TOO_SMALL') },
    { id: 'pdf-image-bomb', fileName: 'bomb.pdf', bytes: pdfWithImageBomb(), expect: rejected('IMAGE_TOO_LARGE') },
    { id: 'png-30000x30000', fileName: 'bomb.png', bytes: pngBomb(30_000, 30_000), expect: rejected('IMAGE_TOO_LARGE') },
    { id: 'tiff-bomb', fileName: 'bomb.tif', bytes: patchTiff(tiffGray([page500]), { width: 100_000, height: 100_000 }), expect: rejected('IMAGE_TOO_LARGE') },
    { id: 'tiny-20x20', fileName: 'icon.png', bytes: await encodeCanvas(createCanvas(20, 20), 'png'), expect: rejected('IMAGE_TOO_SMALL') },

    // --- readable but not what was hoped for
    { id: 'empty-white-page', fileName: '空白页.pdf', bytes: await pdfPages(1), expect: rejected('NO_TEXT'), ocr: true },
    {
      id: 'english-minutes',
      fileName: 'minutes-en.pdf',
      bytes: await englishMinutes(),
      expect: { status: 'KEPT', kind: 'UNKNOWN', reason: '文件内容主要不是中文' },
    },
    {
      id: 'noise-image',
      fileName: 'noise.png',
      bytes: await grayPng(noise(640, 480, 7)),
      expect: { oneOf: [{ status: 'REJECTED', code: 'NO_TEXT' }, { status: 'NEEDS_REVIEW' }] },
      ocr: true,
    },
    { id: 'tiff-two-pages', fileName: '纪要.tif', bytes: tiff, expect: { status: 'KEPT' }, ocr: true },
    { id: 'jpeg-cmyk', fileName: 'cmyk.jpg', bytes: jpegDcOnly(blocky, { color: 'cmyk' }), expect: { status: 'KEPT' }, ocr: true },
    { id: 'jpeg-progressive', fileName: 'progressive.jpg', bytes: jpegDcOnly(blocky, { color: 'ycbcr', progressive: true }), expect: { status: 'KEPT' }, ocr: true },

    // --- hostile and odd names (good content)
    { id: 'name-traversal', fileName: '../../../etc/passwd.pdf', bytes: await chinesePdf(factSheetLines('吴用', '0041')), expect: { status: 'KEPT', kind: 'FACT_SHEET' } },
    {
      id: 'name-control-characters',
      fileName: 'a\u0000b\u0007\u001b[2J\u202Egnp.pdf',
      bytes: await chinesePdf(factSheetLines('林冲', '0042')),
      expect: { status: 'KEPT', kind: 'FACT_SHEET' },
    },
    { id: 'name-very-long-chinese', fileName: `${longChinese}.pdf`, bytes: await chinesePdf(factSheetLines('宋江', '0043')), expect: { status: 'KEPT', kind: 'FACT_SHEET' } },
    { id: 'name-windows-path', fileName: 'C:\\Users\\clerk\\桌面\\%2e%2e%2f报告.pdf', bytes: await chinesePdf(factSheetLines('卢俊义', '0044')), expect: { status: 'KEPT', kind: 'FACT_SHEET' } },
  ];
  const twin = await chinesePdf(factSheetLines('武松', '0045'));
  items.push(
    { id: 'same-bytes-first-name', fileName: '武松-第一次上传.pdf', bytes: twin, expect: { status: 'KEPT', kind: 'FACT_SHEET' } },
    { id: 'same-bytes-second-name', fileName: '武松-第二次上传.pdf', bytes: twin.slice(), expect: { status: 'KEPT', kind: 'FACT_SHEET' }, sameAs: 'same-bytes-first-name' },
  );
  return items;
}

async function grayPng(page: GrayPage): Promise<Uint8Array> {
  const canvas = createCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(page.width, page.height);
  page.pixels.forEach((v, i) => image.data.set([v, v, v, 255], i * 4));
  ctx.putImageData(image, 0, 0);
  return encodeCanvas(canvas, 'png');
}

