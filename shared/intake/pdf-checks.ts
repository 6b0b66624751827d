/**
 * What a PDF must not be or carry, checked in two layers:
 *
 * 1. on the raw bytes (`checkPdfBytes`, synchronous, no parser): completeness, polyglots, and
 *    the names of encryption, scripts and attachments, in the file itself and inside its
 *    compressed object streams (where a plain byte search cannot see them); the declared
 *    sizes of embedded images;
 * 2. through pdfjs (`inspectPdf`), as a reader sees the file: password protection, document,
 *    page, form and annotation scripts, attachments, page count and page sizes.
 *
 * Either layer alone can be fooled by a crafted file; a file must pass both.
 */
import { constants, inflateSync } from 'node:zlib';
import { openPdf, type PDFDocumentProxy } from '../pdf/rasterize.js';
import { CorruptImageError, jpegStructure, TruncatedImageError } from './image-structure.js';
import { REJECT, type Rejection } from './rejections.js';
import { embeddedSignature, otherFormatAt0, pdfHeaderOffset } from './sniff.js';
import type { IntakeLimits } from './gate.js';

/** Resolution below which a rendered page is not worth reading; a page that cannot reach it within the pixel limit is refused. */
export const MIN_RENDER_DPI = 150;
/** Resolution pages are measured against for `minSide` (the OCR resolution). */
const MEASURE_DPI = 300;
/** Most bytes the object streams of one file may expand to. */
const OBJECT_STREAM_BUDGET = 64 * 1024 * 1024;

const FORBIDDEN: Array<{ names: string[]; rejection: (name: string) => Rejection }> = [
  { names: ['Encrypt'], rejection: () => REJECT.encrypted() },
  { names: ['JavaScript', 'JS', 'Launch', 'RichMedia', 'Rendition', 'XFA', 'ImportData', 'SubmitForm'], rejection: (name) => REJECT.activeContent(`/${name}`) },
  { names: ['EmbeddedFile', 'EmbeddedFiles', 'FileAttachment'], rejection: () => REJECT.embeddedFiles() },
];
/**
 * Names this short turn up by chance in megabytes of compressed image data (`/JS` followed by a
 * delimiter: about one 50 MB scan in six): they are looked for outside stream data only.
 */
const SHORT_NAMES = new Set(['JS']);
const NAME_PATTERNS = FORBIDDEN.flatMap(({ names, rejection }) =>
  names.map((name) => ({ name, short: SHORT_NAMES.has(name), re: new RegExp(`/${name}(?=[\\s/<>\\[\\]()%{}]|$)`), rejection })),
);

/** Undoes #xx escapes in PDF names (`/Java#53cript` is `/JavaScript`). */
function unescapeNames(text: string): string {
  return text.replace(/\/[^\s/<>[\]()%{}]*#[0-9a-fA-F]{2}[^\s/<>[\]()%{}]*/g, (name) =>
    name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}

/** The first forbidden name in `text`; `withShort: false` skips the short names (for text that includes stream data). */
function forbiddenName(text: string, withShort = true): Rejection | undefined {
  const plain = unescapeNames(text);
  for (const { name, short, re, rejection } of NAME_PATTERNS) if ((withShort || !short) && re.test(plain)) return rejection(name);
  return undefined;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

interface RawStream {
  /** The stream dictionary, names unescaped. */
  dict: string;
  data: Uint8Array;
  /** Offsets of the data in the file. */
  start: number;
  end: number;
}

/** Streams found by scanning the bytes (no cross-reference table needed): `<< … >> stream … endstream`. */
function* rawStreams(bytes: Uint8Array, text: string): Generator<RawStream> {
  const keyword = />>\s*stream(?:\r\n|\n|\r)/g;
  let m: RegExpExecArray | null;
  while ((m = keyword.exec(text))) {
    let objAt = m.index;
    do objAt = text.lastIndexOf('obj', objAt - 1);
    while (objAt > 0 && text.startsWith('endobj', objAt - 3));
    if (objAt < 0 || m.index - objAt > 65536) continue;
    const dictStart = text.indexOf('<<', objAt);
    if (dictStart < 0 || dictStart > m.index) continue;
    const dict = unescapeNames(text.slice(dictStart, m.index + 2));
    const dataStart = m.index + m[0].length;
    const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let dataEnd = declared ? dataStart + Number(declared[1]) : -1;
    if (dataEnd < 0 || dataEnd > bytes.length || !/^\s*endstream/.test(text.slice(dataEnd, dataEnd + 32))) {
      dataEnd = text.indexOf('endstream', dataStart);
      if (dataEnd < 0) dataEnd = bytes.length;
    }
    keyword.lastIndex = Math.max(keyword.lastIndex, dataEnd);
    yield { dict, data: bytes.subarray(dataStart, dataEnd), start: dataStart, end: dataEnd };
  }
}

class BudgetExceeded extends Error {}

/** An object stream's objects as text, when its filters are ones decoded here; undefined otherwise. */
function decodeObjectStream(stream: RawStream, budget: { left: number }): string | undefined {
  const filters = [...(/\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(stream.dict)?.[1] ?? '').matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1]);
  if (/\/Predictor\s+(?!1\b)\d+/.test(stream.dict)) return undefined;
  let data: Uint8Array = stream.data;
  for (const filter of filters) {
    if (filter !== 'FlateDecode' && filter !== 'Fl') return undefined;
    try {
      data = inflateSync(data, { maxOutputLength: Math.max(1, budget.left) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw new BudgetExceeded();
      try {
        // a stream cut short still yields what it holds
        data = inflateSync(data, { maxOutputLength: Math.max(1, budget.left), finishFlush: constants.Z_SYNC_FLUSH });
      } catch {
        return undefined;
      }
    }
  }
  budget.left -= data.length;
  if (budget.left < 0) throw new BudgetExceeded();
  return latin1(data);
}

/** Width and height a stream dictionary declares for an image, when given directly. */
function declaredImageSize(dict: string): { width: number; height: number } | undefined {
  if (!/\/Subtype\s*\/Image\b/.test(dict)) return undefined;
  const width = /\/(?:Width|W)\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  const height = /\/(?:Height|H)\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  return width && height ? { width: Number(width[1]), height: Number(height[1]) } : undefined;
}

/** The size in a JPEG stream's own frame header (what a decoder allocates, whatever the dictionary says). */
function jpegFrameSize(data: Uint8Array): { width: number; height: number } | undefined {
  try {
    return jpegStructure(data).pages[0];
  } catch (err) {
    if (err instanceof TruncatedImageError || err instanceof CorruptImageError) return scanFrameHeader(data);
    return undefined;
  }
}

function scanFrameHeader(data: Uint8Array): { width: number; height: number } | undefined {
  for (let i = 0; i + 9 < data.length && i < 1 << 20; i++) {
    const marker = data[i + 1];
    if (data[i] === 0xff && marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (data[i + 5] << 8) | data[i + 6], width: (data[i + 7] << 8) | data[i + 8] };
    }
  }
  return undefined;
}

/**
 * Checks on the raw bytes of a PDF, in order: polyglot prologue, completeness, a ZIP riding
 * along, forbidden names (plain and in object streams), embedded images over the pixel limit.
 */
export function checkPdfBytes(bytes: Uint8Array, limits: Pick<IntakeLimits, 'maxPixels'>): Rejection | undefined {
  const header = pdfHeaderOffset(bytes);
  if (header > 0) {
    const prologue = bytes.subarray(0, header);
    const other = otherFormatAt0(prologue) ?? embeddedSignature(prologue);
    if (other) return REJECT.polyglot({ zh: `PDF 与${other.zh}`, en: `PDF and ${other.en}` });
  }
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) return REJECT.truncated('PDF');
  if (hasZipDirectory(bytes)) return REJECT.polyglot({ zh: 'PDF 与 ZIP 压缩包', en: 'PDF and ZIP archive' });

  const text = latin1(bytes);
  const plain = forbiddenName(text, false);
  if (plain) return plain;
  const budget = { left: OBJECT_STREAM_BUDGET };
  /** The file without its stream data: dictionaries, objects, trailer. */
  const structure: string[] = [];
  let from = 0;
  try {
    for (const stream of rawStreams(bytes, text)) {
      structure.push(text.slice(from, stream.start));
      from = Math.max(from, stream.end);
      if (/\/Type\s*\/ObjStm\b/.test(stream.dict)) {
        const objects = decodeObjectStream(stream, budget);
        const hidden = objects === undefined ? undefined : forbiddenName(objects);
        if (hidden) return hidden;
      }
      const declared = declaredImageSize(stream.dict);
      const actual = /\/(DCTDecode|DCT)\b/.test(stream.dict) ? jpegFrameSize(stream.data) : undefined;
      for (const size of [declared, actual]) {
        if (size && size.width * size.height > limits.maxPixels) return REJECT.imageTooLarge(size.width, size.height, limits.maxPixels);
      }
    }
  } catch (err) {
    if (err instanceof BudgetExceeded) return REJECT.decompressionBomb();
    throw err;
  }
  structure.push(text.slice(from));
  return forbiddenName(structure.join(''));
}

/** A ZIP end-of-central-directory record near the end whose directory really is there: the file is also a ZIP. */
function hasZipDirectory(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 65_557);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      const entries = dv.getUint16(i + 10, true);
      const directory = dv.getUint32(i + 16, true);
      if (entries > 0 && directory + 4 <= bytes.length && bytes[directory] === 0x50 && bytes[directory + 1] === 0x4b && bytes[directory + 2] === 0x01 && bytes[directory + 3] === 0x02) {
        return true;
      }
    }
  }
  return false;
}

/**
 * True when no object in the file, plain or inside a decodable object stream, is a page or
 * has page contents. False whenever in doubt (an object stream that cannot be decoded here).
 */
function declaresNoPage(bytes: Uint8Array): boolean {
  const isPage = /\/Type\s*\/Page(?![A-Za-z])|\/Contents\b/;
  const text = latin1(bytes);
  if (isPage.test(unescapeNames(text))) return false;
  const budget = { left: OBJECT_STREAM_BUDGET };
  try {
    for (const stream of rawStreams(bytes, text)) {
      if (!/\/Type\s*\/ObjStm\b/.test(stream.dict)) continue;
      const objects = decodeObjectStream(stream, budget);
      if (objects === undefined || isPage.test(unescapeNames(objects))) return false;
    }
  } catch {
    return false;
  }
  return true;
}

export interface PdfInspection {
  pages: number;
}

/** Annotation types (pdfjs `AnnotationType`) that carry files or media. */
const FILE_ATTACHMENT = 17;
const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * Opens the PDF as a reader would and checks what the raw scan may have missed. Never throws:
 * a file pdfjs cannot open is refused as unreadable (or encrypted, when it asks for a password).
 */
export async function inspectPdf(bytes: Uint8Array, limits: IntakeLimits): Promise<PdfInspection | { rejection: Rejection }> {
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdf(bytes, { maxImageSize: limits.maxPixels });
  } catch (err) {
    if ((err as Error)?.name === 'PasswordException') return { rejection: REJECT.encrypted() };
    return { rejection: REJECT.unreadable(errorText(err)) };
  }
  try {
    const refused = await inspectOpened(doc, bytes, limits);
    return refused ? { rejection: refused } : { pages: doc.numPages };
  } catch (err) {
    return { rejection: REJECT.unreadable(errorText(err)) };
  } finally {
    await doc.destroy();
  }
}

async function inspectOpened(doc: PDFDocumentProxy, bytes: Uint8Array, limits: IntakeLimits): Promise<Rejection | undefined> {
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  if (info.EncryptFilterName) return REJECT.encrypted();
  if (info.IsXFAPresent) return REJECT.activeContent('XFA form');
  if (info.IsCollectionPresent) return REJECT.embeddedFiles();
  // pdfjs reads an empty page tree as one page: look for a page object in the file itself
  if (doc.numPages === 0 || (doc.numPages === 1 && declaresNoPage(bytes))) return REJECT.noPages();
  if (doc.numPages > limits.maxPages) return REJECT.tooManyPages(doc.numPages, limits.maxPages);
  if (await doc.getJSActions()) return REJECT.activeContent('document JavaScript');
  if (await doc.hasJSActions()) return REJECT.activeContent('form JavaScript');
  const attachments = await doc.getAttachments();
  if (attachments && Object.keys(attachments).length > 0) return REJECT.embeddedFiles();

  const minPoints = (limits.minSide * 72) / MEASURE_DPI;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    try {
      const { width, height } = page.getViewport({ scale: 1 });
      const atMinDpi = (width * MIN_RENDER_DPI * height * MIN_RENDER_DPI) / (72 * 72);
      if (!(atMinDpi <= limits.maxPixels) || Math.max(width, height) * (MIN_RENDER_DPI / 72) > 32_000) return REJECT.pageTooLarge(n, width, height);
      if (!(Math.min(width, height) >= minPoints)) return REJECT.pageTooSmall(n, width, height);
      const pageActions = await page.getJSActions();
      if (pageActions && Object.keys(pageActions).length > 0) return REJECT.activeContent(`page ${n} JavaScript`);
      for (const a of (await page.getAnnotations()) as Array<Record<string, unknown>>) {
        if (a.annotationType === FILE_ATTACHMENT || a.attachment) return REJECT.embeddedFiles();
        if (a.actions && Object.keys(a.actions as object).length > 0) return REJECT.activeContent(`page ${n} annotation script`);
        const url = (a.unsafeUrl ?? a.url) as unknown;
        if (typeof url === 'string' && url !== '' && !SAFE_LINK.test(url)) return REJECT.activeContent(`page ${n} link to ${url.slice(0, 40)}`);
      }
    } finally {
      page.cleanup();
    }
  }
  return undefined;
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
