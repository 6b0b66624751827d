/**
 * Small, exact writers for the file formats the bad-input corpus needs and no library here
 * writes: raw PNG chunks, multi-page TIFF, BMP, GIF, stored ZIP, DC-only JPEG (baseline or
 * progressive, gray/YCbCr/CMYK), and hand-built PDFs (including RC4 encryption, as the
 * Standard security handler revision 2 specifies it).
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const enc = new TextEncoder();
export const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
export const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

// ---------------------------------------------------------------- PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A decompression bomb: a PNG whose header claims `width`×`height` 8-bit gray pixels, with a
 * well-formed IDAT holding the first `rows` rows of white (a decoder would allocate the whole
 * image before noticing the data runs short).
 */
export function pngBomb(width: number, height: number, rows = 64): Uint8Array {
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit, grayscale, deflate, no filter, no interlace
  const raw = new Uint8Array(rows * (width + 1)).fill(255);
  for (let r = 0; r < rows; r++) raw[r * (width + 1)] = 0; // filter byte
  return concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', new Uint8Array(0)));
}

// ---------------------------------------------------------------- TIFF

export interface GrayPage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white. */
  pixels: Uint8Array;
}

/** An uncompressed 8-bit grayscale TIFF (little-endian) with one directory per page. */
export function tiffGray(pages: GrayPage[]): Uint8Array {
  const entries = 10;
  const ifdSize = 2 + entries * 12 + 4;
  let offset = 8;
  const layout = pages.map((p) => {
    const ifd = offset;
    const data = ifd + ifdSize;
    offset = data + p.pixels.length + (p.pixels.length % 2);
    return { ifd, data };
  });
  const out = new Uint8Array(offset);
  const dv = new DataView(out.buffer);
  out.set([0x49, 0x49, 0x2a, 0x00]);
  dv.setUint32(4, layout[0].ifd, true);
  pages.forEach((p, i) => {
    const { ifd, data } = layout[i];
    dv.setUint16(ifd, entries, true);
    const tags: Array<[number, number, number]> = [
      [256, 4, p.width],
      [257, 4, p.height],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1], // BlackIsZero
      [273, 4, data],
      [277, 3, 1],
      [278, 4, p.height],
      [279, 4, p.pixels.length],
      [284, 3, 1],
    ];
    tags.forEach(([tag, type, value], j) => {
      const at = ifd + 2 + j * 12;
      dv.setUint16(at, tag, true);
      dv.setUint16(at + 2, type, true);
      dv.setUint32(at + 4, 1, true);
      if (type === 3) dv.setUint16(at + 8, value, true);
      else dv.setUint32(at + 8, value, true);
    });
    dv.setUint32(ifd + 2 + entries * 12, i + 1 < pages.length ? layout[i + 1].ifd : 0, true);
    out.set(p.pixels, data);
  });
  return out;
}

/** Rewrites the first directory's width and height (a TIFF bomb) or its next-directory link (a loop). */
export function patchTiff(tiff: Uint8Array, patch: { width?: number; height?: number; nextIfd?: number }): Uint8Array {
  const out = tiff.slice();
  const dv = new DataView(out.buffer);
  const ifd = dv.getUint32(4, true);
  const count = dv.getUint16(ifd, true);
  for (let j = 0; j < count; j++) {
    const at = ifd + 2 + j * 12;
    const tag = dv.getUint16(at, true);
    if (tag === 256 && patch.width !== undefined) dv.setUint32(at + 8, patch.width, true);
    if (tag === 257 && patch.height !== undefined) dv.setUint32(at + 8, patch.height, true);
  }
  if (patch.nextIfd !== undefined) dv.setUint32(ifd + 2 + count * 12, patch.nextIfd, true);
  return out;
}

// ---------------------------------------------------------------- BMP, GIF

/** A 24-bit BMP. */
export function bmp(page: GrayPage): Uint8Array {
  const rowSize = Math.ceil((page.width * 3) / 4) * 4;
  const out = new Uint8Array(54 + rowSize * page.height);
  const dv = new DataView(out.buffer);
  out.set(ascii('BM'));
  dv.setUint32(2, out.length, true);
  dv.setUint32(10, 54, true);
  dv.setUint32(14, 40, true);
  dv.setInt32(18, page.width, true);
  dv.setInt32(22, page.height, true);
  dv.setUint16(26, 1, true);
  dv.setUint16(28, 24, true);
  dv.setUint32(34, rowSize * page.height, true);
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      const v = page.pixels[(page.height - 1 - y) * page.width + x];
      out.set([v, v, v], 54 + y * rowSize + x * 3);
    }
  }
  return out;
}

/** The classic 1×1 transparent GIF89a. */
export const GIF_1X1 = new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));

// ---------------------------------------------------------------- ZIP

/** A ZIP archive with the entries stored (no compression). */
export function zipStored(entries: Array<{ name: string; data: Uint8Array }>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const crc = crc32(e.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const directory = concat(...centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directory.length, true);
  ev.setUint32(16, offset, true);
  return concat(...locals, directory, end);
}

/** Appends a ZIP to other bytes, its offsets shifted so both readers are satisfied (a polyglot). */
export function appendZip(head: Uint8Array, entries: Array<{ name: string; data: Uint8Array }>): Uint8Array {
  const zip = zipStored(entries);
  const dv = new DataView(zip.buffer);
  const endAt = zip.length - 22;
  const directoryAt = dv.getUint32(endAt + 16, true);
  let p = directoryAt;
  for (let i = 0; i < entries.length; i++) {
    dv.setUint32(p + 42, dv.getUint32(p + 42, true) + head.length, true);
    p += 46 + dv.getUint16(p + 28, true);
  }
  dv.setUint32(endAt + 16, directoryAt + head.length, true);
  return concat(head, zip);
}

// ---------------------------------------------------------------- JPEG (DC only)

/** The standard luminance DC table (ITU T.81 Annex K). */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

function huffmanCodes(bits: number[], values: number[]): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < bits[length - 1]; i++) codes.set(values[k++], { code: code++, length });
    code <<= 1;
  }
  return codes;
}

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  write(value: number, length: number) {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }
  private flushByte() {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0x00);
    this.acc = 0;
    this.n = 0;
  }
  finish(): Uint8Array {
    if (this.n > 0) this.write(0x7f, 8 - this.n); // pad with ones
    return new Uint8Array(this.bytes);
  }
}

const segment = (marker: number, body: number[] | Uint8Array) => new Uint8Array([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);

export interface JpegOptions {
  /** `gray`: 1 component; `ycbcr`: 3 (JFIF); `cmyk`: 4, Adobe-inverted, as Photoshop writes it. */
  color: 'gray' | 'ycbcr' | 'cmyk';
  progressive?: boolean;
}

/**
 * A JPEG in which every 8×8 block is flat (only DC coefficients are coded): exact, tiny, and a
 * valid baseline or progressive file that any decoder reads. `page` gives the gray level of
 * each pixel; each block takes the mean of its pixels.
 */
export function jpegDcOnly(page: GrayPage, options: JpegOptions): Uint8Array {
  const bw = Math.ceil(page.width / 8);
  const bh = Math.ceil(page.height / 8);
  const means = new Uint8Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let sum = 0;
      let n = 0;
      for (let y = by * 8; y < Math.min(page.height, by * 8 + 8); y++) {
        for (let x = bx * 8; x < Math.min(page.width, bx * 8 + 8); x++) {
          sum += page.pixels[y * page.width + x];
          n++;
        }
      }
      means[by * bw + bx] = Math.round(sum / n);
    }
  }
  // component values per block: gray/Y = level; Cb = Cr = 128; inverted CMYK: C=M=Y=255 (no ink), K = level
  const components = options.color === 'gray' ? 1 : options.color === 'ycbcr' ? 3 : 4;
  const valueOf = (c: number, level: number) => (options.color === 'ycbcr' && c > 0 ? 128 : options.color === 'cmyk' && c < 3 ? 255 : level);
  const dc = huffmanCodes(DC_BITS, DC_VALUES);
  const quant = 8; // a flat block's DC coefficient is 8 × (level − 128): quantized, exactly level − 128

  const encodeDc = (w: BitWriter, diff: number) => {
    const magnitude = Math.abs(diff);
    const category = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
    const { code, length } = dc.get(category)!;
    w.write(code, length);
    if (category > 0) w.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
  };
  const EOB = { code: 0, length: 1 }; // the AC table holds one symbol, 0x00: end of block (EOBRUN 1 in progressive AC scans)

  const head: Uint8Array[] = [new Uint8Array([0xff, 0xd8])];
  if (options.color === 'cmyk') head.push(segment(0xee, [...ascii('Adobe'), 0, 100, 0, 0, 0, 0, 0]));
  else head.push(segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  head.push(segment(0xdb, [0x00, ...new Array(64).fill(quant)]));
  const sof = [8, page.height >> 8, page.height & 0xff, page.width >> 8, page.width & 0xff, components];
  for (let c = 0; c < components; c++) sof.push(c + 1, 0x11, 0);
  head.push(segment(options.progressive ? 0xc2 : 0xc0, sof));
  head.push(segment(0xc4, [0x00, ...DC_BITS, ...DC_VALUES]));
  head.push(segment(0xc4, [0x10, 1, ...new Array(15).fill(0), 0x00]));

  const scans: Uint8Array[] = [];
  const scanHeader = (ids: number[], ss: number, se: number) => segment(0xda, [ids.length, ...ids.flatMap((id) => [id, 0x00]), ss, se, 0]);
  const all = Array.from({ length: components }, (_, c) => c + 1);
  // DC coefficients of every block; a baseline scan also ends each block's (empty) AC part
  const dcScan = (withAc: boolean) => {
    const w = new BitWriter();
    const pred = new Array(components).fill(0);
    for (const level of means) {
      for (let c = 0; c < components; c++) {
        const v = valueOf(c, level) - 128;
        encodeDc(w, v - pred[c]);
        pred[c] = v;
        if (withAc) w.write(EOB.code, EOB.length);
      }
    }
    return w.finish();
  };
  if (!options.progressive) {
    scans.push(scanHeader(all, 0, 63), dcScan(true));
  } else {
    scans.push(scanHeader(all, 0, 0), dcScan(false));
    for (const id of all) {
      const ac = new BitWriter();
      for (let i = 0; i < means.length; i++) ac.write(EOB.code, EOB.length);
      scans.push(scanHeader([id], 1, 63), ac.finish());
    }
  }
  return concat(...head, ...scans, new Uint8Array([0xff, 0xd9]));
}

// ---------------------------------------------------------------- PDF by hand

/**
 * Assembles a classic PDF (header, numbered objects, cross-reference table, trailer) from
 * object bodies; object `i` of the list is number `i + 1`. `trailer` adds trailer entries.
 */
export function buildPdf(objects: Array<string | Uint8Array>, trailer = ''): Uint8Array {
  const parts: Uint8Array[] = [ascii('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const bytes = concat(ascii(`${i + 1} 0 obj\n`), typeof body === 'string' ? ascii(body) : body, ascii('\nendobj\n'));
    offsets.push(offset);
    parts.push(bytes);
    offset += bytes.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(ascii(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${offset}\n%%EOF\n`));
  return concat(...parts);
}

/** A stream object body: dictionary entries and data. */
export const pdfStream = (dict: string, data: Uint8Array) => concat(ascii(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, ascii('\nendstream'));

const PASSWORD_PAD = new Uint8Array([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f,
  0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => new Uint8Array(createHash('md5').update(concat(...parts)).digest());
const padPassword = (password: string) => concat(ascii(password), PASSWORD_PAD).subarray(0, 32);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * A one-page PDF saying `text` (Helvetica), encrypted with 40-bit RC4 by the Standard security
 * handler (V1, R2). With an empty `userPassword` any reader opens it (only the owner's
 * permissions are restricted); with one, a reader must ask for it.
 */
export function encryptedPdf(text: string, userPassword: string, ownerPassword = 'owner-secret'): Uint8Array {
  const id = md5(ascii(`corpus-${text}-${userPassword}`));
  const permissions = -44; // print and copy refused
  const ownerKey = md5(padPassword(ownerPassword)).subarray(0, 5);
  const o = rc4(ownerKey, padPassword(userPassword));
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  const key = md5(padPassword(userPassword), o, p, id).subarray(0, 5);
  const u = rc4(key, PASSWORD_PAD);
  const objectKey = (num: number) => md5(key, new Uint8Array([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0])).subarray(0, 10);
  const content = ascii(`BT /F1 24 Tf 72 720 Td (${text}) Tj ET`);
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      pdfStream('', rc4(objectKey(4), content)),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(o)}> /U <${hex(u)}> /P ${permissions} >>`,
    ],
    `/Encrypt 6 0 R /ID [<${hex(id)}> <${hex(id)}>]`,
  );
}
