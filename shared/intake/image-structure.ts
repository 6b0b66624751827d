/**
 * The structure of PNG, JPEG and TIFF files, read from their headers without decoding a pixel:
 * page sizes (for the pixel limits), whether the file is complete, and what trails after its
 * end. Every walk is bounded by the file's length and refuses loops, so a crafted header costs
 * microseconds, not gigabytes.
 */

export interface ImagePage {
  width: number;
  height: number;
}

export interface ImageStructure {
  pages: ImagePage[];
  /** Bytes after the format's own end marker (IEND, EOI); none for TIFF. */
  trailer: Uint8Array;
}

/** The file breaks off before its end marker, or a part points past the end of the file. */
export class TruncatedImageError extends Error {
  constructor(readonly format: string) {
    super(`truncated ${format}`);
    this.name = 'TruncatedImageError';
  }
}

/** The structure is malformed beyond truncation. */
export class CorruptImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptImageError';
  }
}

/** More pages than allowed. */
export class TooManyImagePagesError extends Error {
  constructor(readonly pages: number) {
    super(`${pages} pages`);
    this.name = 'TooManyImagePagesError';
  }
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** PNG: IHDR first, chunks whose lengths stay inside the file, IEND at the end. */
export function pngStructure(bytes: Uint8Array): ImageStructure {
  const dv = view(bytes);
  let pos = 8;
  let page: ImagePage | undefined;
  while (true) {
    if (pos + 8 > bytes.length) throw new TruncatedImageError('PNG');
    const length = dv.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) throw new CorruptImageError(`bad PNG chunk at ${pos}`);
    const end = pos + 12 + length;
    if (end > bytes.length) throw new TruncatedImageError('PNG');
    if (!page) {
      if (type !== 'IHDR' || length < 13) throw new CorruptImageError('PNG without IHDR');
      page = { width: dv.getUint32(pos + 8), height: dv.getUint32(pos + 12) };
      if (page.width === 0 || page.height === 0) throw new CorruptImageError('PNG with a zero dimension');
    }
    if (type === 'IEND') return { pages: [page], trailer: bytes.subarray(end) };
    pos = end;
  }
}

/**
 * JPEG: marker segments up to the frame header, then the entropy-coded scans (progressive
 * files have several) until EOI.
 */
export function jpegStructure(bytes: Uint8Array): ImageStructure & { components: number; progressive: boolean } {
  const dv = view(bytes);
  let pos = 2;
  let page: ImagePage | undefined;
  let components = 0;
  let progressive = false;
  while (true) {
    if (pos + 2 > bytes.length) throw new TruncatedImageError('JPEG');
    if (bytes[pos] !== 0xff) throw new CorruptImageError(`corrupt JPEG marker at ${pos}`);
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      if (!page) throw new CorruptImageError('JPEG without a frame header');
      return { pages: [page], trailer: bytes.subarray(pos + 2), components, progressive };
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    if (pos + 4 > bytes.length) throw new TruncatedImageError('JPEG');
    const length = dv.getUint16(pos + 2);
    if (length < 2) throw new CorruptImageError('bad JPEG segment length');
    const next = pos + 2 + length;
    if (next > bytes.length) throw new TruncatedImageError('JPEG');
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && !page) {
      if (length < 8) throw new CorruptImageError('short JPEG frame header');
      page = { height: dv.getUint16(pos + 5), width: dv.getUint16(pos + 7) };
      components = bytes[pos + 9];
      progressive = marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce;
      if (page.width === 0 || page.height === 0) throw new CorruptImageError('JPEG with a zero dimension');
    }
    pos = next;
    if (marker === 0xda) {
      // entropy-coded data: runs to the next marker that is neither a stuffed 0xFF00 nor a restart
      while (true) {
        const ff = bytes.indexOf(0xff, pos);
        if (ff < 0 || ff + 1 >= bytes.length) throw new TruncatedImageError('JPEG');
        const after = bytes[ff + 1];
        if (after === 0x00 || (after >= 0xd0 && after <= 0xd7) || after === 0xff) {
          pos = ff + (after === 0xff ? 1 : 2);
          continue;
        }
        pos = ff;
        break;
      }
    }
  }
}

const TIFF_TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
/** Tags whose values point at further IFDs (as the decoder follows them). */
const SUB_IFD_TAGS = new Set([330, 34665, 34853]);
/** Camera-raw structures the decoder follows in ways not worth vetting; no scanner writes them. */
const RAW_ONLY_TAGS = new Set([50740, 61440]);

/**
 * TIFF: the chain of image file directories (one per page), walked with a loop guard. Every
 * entry's values, every strip and every tile must lie inside the file; sub-IFDs are vetted the
 * same way, because the decoder follows them.
 */
export function tiffStructure(bytes: Uint8Array, maxPages: number): ImageStructure {
  if (bytes.length < 8) throw new TruncatedImageError('TIFF');
  const dv = view(bytes);
  const le = bytes[0] === 0x49;
  const u16 = (o: number) => dv.getUint16(o, le);
  const u32 = (o: number) => dv.getUint32(o, le);
  const visited = new Set<number>();
  const pages: ImagePage[] = [];

  const readIfd = (offset: number, depth: number): { tags: Map<number, number[]>; next: number } => {
    if (depth > 3) throw new CorruptImageError('TIFF directories nested too deeply');
    if (visited.has(offset)) throw new CorruptImageError('TIFF directory loop');
    visited.add(offset);
    if (offset < 8 || offset + 2 > bytes.length) throw new TruncatedImageError('TIFF');
    const count = u16(offset);
    const end = offset + 2 + count * 12 + 4;
    if (end > bytes.length) throw new TruncatedImageError('TIFF');
    const tags = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      const size = TIFF_TYPE_SIZES[type];
      if (RAW_ONLY_TAGS.has(tag)) throw new CorruptImageError(`camera-raw TIFF tag ${tag}`);
      if (!size) continue; // the decoder skips unknown types
      const bytesNeeded = n * size;
      const at = bytesNeeded <= 4 ? entry + 8 : u32(entry + 8);
      if (at + bytesNeeded > bytes.length) throw new TruncatedImageError('TIFF');
      if (type === 3 || type === 4 || type === 13) {
        // numeric values the gate needs: sizes, offsets, counts (bounded by the file size above)
        if ([256, 257, 258, 273, 277, 279, 322, 323, 324, 325].includes(tag) || SUB_IFD_TAGS.has(tag)) {
          const values: number[] = [];
          for (let j = 0; j < n; j++) values.push(type === 3 ? u16(at + 2 * j) : u32(at + 4 * j));
          tags.set(tag, values);
        }
      }
    }
    for (const tag of SUB_IFD_TAGS) for (const sub of tags.get(tag) ?? []) readIfd(sub, depth + 1);
    return { tags, next: u32(end - 4) };
  };

  /** Counts the directories left in the chain, without vetting them (for the message only). */
  const countRest = (from: number): number => {
    let n = 0;
    for (let o = from; o !== 0 && !visited.has(o) && o + 2 <= bytes.length && n < 1_000_000; n++) {
      visited.add(o);
      const end = o + 2 + u16(o) * 12;
      if (end + 4 > bytes.length) break;
      o = u32(end);
    }
    return n;
  };

  let offset = u32(4);
  while (offset !== 0) {
    const { tags, next } = readIfd(offset, 0);
    const width = tags.get(256)?.[0];
    const height = tags.get(257)?.[0];
    if (width !== undefined && height !== undefined) {
      if (width === 0 || height === 0) throw new CorruptImageError('TIFF page with a zero dimension');
      const samples = tags.get(277)?.[0] ?? 1;
      const bits = Math.max(...(tags.get(258) ?? [1]));
      if (samples > 5 || bits > 16) throw new CorruptImageError(`TIFF with ${samples} samples of ${bits} bits`);
      checkParts(tags.get(273), tags.get(279), bytes.length);
      checkParts(tags.get(324), tags.get(325), bytes.length);
      pages.push({ width, height });
    }
    offset = next;
    if (pages.length > maxPages) throw new TooManyImagePagesError(pages.length + countRest(offset));
  }
  if (pages.length === 0) throw new CorruptImageError('TIFF without an image');
  return { pages, trailer: new Uint8Array(0) };
}

function checkParts(offsets: number[] | undefined, counts: number[] | undefined, length: number) {
  if (!offsets) return;
  if (!counts || counts.length < offsets.length) throw new CorruptImageError('TIFF strips without byte counts');
  offsets.forEach((o, i) => {
    if (o + counts[i] > length) throw new TruncatedImageError('TIFF');
  });
}
