/**
 * What a file is, from its bytes alone (never its name): the four accepted scan formats, and a
 * plain name for the common things clerks upload by mistake, so the refusal can say what was seen.
 */

export type MediaType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

export interface Detected {
  zh: string;
  en: string;
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** True when `bytes` holds `signature` at `offset`. */
export function hasSignature(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (offset + signature.length > bytes.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[offset + i] !== signature[i]) return false;
  return true;
}

export const SIGNATURES = {
  pdf: ascii('%PDF-'),
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  tiffLE: [0x49, 0x49, 0x2a, 0x00],
  tiffBE: [0x4d, 0x4d, 0x00, 0x2a],
  zipLocal: [0x50, 0x4b, 0x03, 0x04],
  zipEmpty: [0x50, 0x4b, 0x05, 0x06],
} as const;

/** The accepted formats, by their first bytes. */
function acceptedAt0(bytes: Uint8Array): MediaType | undefined {
  if (hasSignature(bytes, SIGNATURES.pdf)) return 'application/pdf';
  if (hasSignature(bytes, SIGNATURES.png)) return 'image/png';
  if (hasSignature(bytes, SIGNATURES.jpeg)) return 'image/jpeg';
  if (hasSignature(bytes, SIGNATURES.tiffLE) || hasSignature(bytes, SIGNATURES.tiffBE)) return 'image/tiff';
  return undefined;
}

const latin1 = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString('latin1');

/** Where `%PDF-` first occurs in the first 1024 bytes (the format allows junk before it), or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  return latin1(bytes, 0, 1024 + 5).indexOf('%PDF-');
}

/** Detects an accepted media type from magic bytes. */
export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  return acceptedAt0(bytes) ?? (pdfHeaderOffset(bytes) >= 0 ? 'application/pdf' : undefined);
}

/** Formats we do not take, in the words a clerk would use. */
const OTHER_FORMATS: Array<{ test: (b: Uint8Array) => boolean; zh: string; en: string }> = [
  { test: (b) => hasSignature(b, ascii('GIF87a')) || hasSignature(b, ascii('GIF89a')), zh: 'GIF 图像', en: 'GIF image' },
  { test: (b) => hasSignature(b, ascii('RIFF')) && hasSignature(b, ascii('WEBP'), 8), zh: 'WebP 图像', en: 'WebP image' },
  {
    test: (b) => hasSignature(b, ascii('BM')) && b.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(b[14] | (b[15] << 8)),
    zh: 'BMP 图像',
    en: 'BMP image',
  },
  {
    test: (b) => hasSignature(b, ascii('ftyp'), 4) && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(latin1(b, 8, 12)),
    zh: 'HEIC/HEIF 图像（手机照片，请在手机上导出为 JPEG）',
    en: 'HEIC/HEIF image',
  },
  { test: (b) => hasSignature(b, ascii('ftyp'), 4) && /^avi[fs]$/.test(latin1(b, 8, 12)), zh: 'AVIF 图像', en: 'AVIF image' },
  {
    test: (b) => hasSignature(b, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]) || hasSignature(b, [0xff, 0x4f, 0xff, 0x51]),
    zh: 'JPEG 2000 图像',
    en: 'JPEG 2000 image',
  },
  { test: (b) => hasSignature(b, ascii('II+\0')) || hasSignature(b, ascii('MM\0+')), zh: 'BigTIFF 图像', en: 'BigTIFF image' },
  {
    test: (b) => hasSignature(b, SIGNATURES.zipLocal) && latin1(b, 30, 30 + 64).startsWith('OFD.xml'),
    zh: 'OFD 版式文件（请另存为 PDF 后上传）',
    en: 'OFD document',
  },
  {
    test: (b) => hasSignature(b, SIGNATURES.zipLocal) && /word\/|xl\/|ppt\/|\[Content_Types\]\.xml/.test(latin1(b, 0, 4096)),
    zh: 'Office 文档（Word/Excel/PowerPoint，请另存为 PDF 后上传）',
    en: 'Office document',
  },
  { test: (b) => hasSignature(b, SIGNATURES.zipLocal) || hasSignature(b, SIGNATURES.zipEmpty), zh: 'ZIP 压缩包', en: 'ZIP archive' },
  { test: (b) => hasSignature(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), zh: 'Office 97-2003 文档（请另存为 PDF 后上传）', en: 'legacy Office document' },
  { test: (b) => hasSignature(b, ascii('Rar!\x1a\x07')), zh: 'RAR 压缩包', en: 'RAR archive' },
  { test: (b) => hasSignature(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), zh: '7z 压缩包', en: '7z archive' },
  { test: (b) => hasSignature(b, [0x1f, 0x8b]), zh: 'GZIP 压缩文件', en: 'gzip file' },
  { test: (b) => hasSignature(b, ascii('MZ')), zh: 'Windows 可执行程序', en: 'Windows executable' },
  { test: (b) => hasSignature(b, [0x7f, 0x45, 0x4c, 0x46]), zh: '可执行程序', en: 'ELF executable' },
  { test: (b) => /^(\xef\xbb\xbf)?\s*(<!doctype html|<html|<head|<body|<script)/i.test(latin1(b, 0, 512)), zh: 'HTML 网页', en: 'HTML page' },
  { test: (b) => /^(\xef\xbb\xbf)?\s*(<\?xml|<svg)/i.test(latin1(b, 0, 512)), zh: 'XML/SVG 文件', en: 'XML or SVG file' },
  { test: (b) => /^(\xef\xbb\xbf)?\s*\{\\rtf/.test(latin1(b, 0, 64)), zh: 'RTF 文档', en: 'RTF document' },
  { test: (b) => isText(b), zh: '纯文本文件', en: 'plain text' },
];

/** Whether the first bytes are printable UTF-8 text (no binary control characters). */
function isText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.length === 0) return false;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  try {
    // a multi-byte character may be cut at the end of the window
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length === 4096 ? 4090 : head.length));
    return true;
  } catch {
    return false;
  }
}

/** A plain name for a file that is none of the accepted formats, when recognisable. */
export function describeUnsupported(bytes: Uint8Array): Detected | undefined {
  const match = OTHER_FORMATS.find((f) => f.test(bytes));
  return match && { zh: match.zh, en: match.en };
}

/** Another format's first bytes, when `bytes` starts like one (used to spot polyglots). */
export function otherFormatAt0(bytes: Uint8Array): Detected | undefined {
  const accepted = acceptedAt0(bytes);
  if (accepted) return { zh: accepted, en: accepted };
  const other = describeUnsupported(bytes);
  return other && other.en !== 'plain text' ? other : undefined;
}

/**
 * Signatures that must not hide in an image's trailing bytes or a PDF's prologue: a second
 * document, an archive, a web page or a program.
 */
export function embeddedSignature(bytes: Uint8Array): Detected | undefined {
  const text = latin1(bytes, 0, bytes.length);
  const found: Array<[RegExp, Detected]> = [
    [/%PDF-/, { zh: 'PDF', en: 'PDF' }],
    [/PK\x03\x04|PK\x05\x06/, { zh: 'ZIP 压缩包', en: 'ZIP archive' }],
    [/<(script|html|iframe|svg)[\s>]/i, { zh: 'HTML 网页', en: 'HTML' }],
    [/<\?php/i, { zh: 'PHP 脚本', en: 'PHP script' }],
    [/Rar!\x1a\x07/, { zh: 'RAR 压缩包', en: 'RAR archive' }],
    [/^MZ|\x7fELF/, { zh: '可执行程序', en: 'executable' }],
  ];
  return found.find(([re]) => re.test(text))?.[1];
}
