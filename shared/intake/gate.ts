/**
 * Gatekeeping before any expensive work: the type comes from the bytes (never the file name),
 * sizes are bounded, and anything unreadable is rejected with a reason a clerk understands.
 */
import { checkPdfContent } from './pdf-checks.js';

export type MediaType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

export interface Rejection {
  code: string;
  /** Chinese first, English after: shown to the clerk and stored on the record. */
  reason: string;
}

export interface IntakeLimits {
  maxBytes: number;
  maxPages: number;
  /** Most pixels in one page image (decompression-bomb guard). */
  maxPixels: number;
  /** Smallest readable image side in pixels. */
  minSide: number;
}

export const DEFAULT_LIMITS: IntakeLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 100,
  maxPixels: 60_000_000,
  minSide: 400,
};

export function reject(code: string, zh: string, en: string): Rejection {
  return { code, reason: `${zh} (${en})` };
}

/** Detects the media type from magic bytes. */
export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x49, 0x49, 0x2a, 0x00]) || starts([0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  // A PDF may carry a little junk before its header (the format allows up to 1024 bytes).
  const text = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (text.includes('%PDF-')) return 'application/pdf';
  return undefined;
}

/** First checks on the raw bytes. */
export function checkBytes(bytes: Uint8Array, limits: IntakeLimits = DEFAULT_LIMITS): { type: MediaType } | { rejection: Rejection } {
  if (bytes.length === 0) return { rejection: reject('EMPTY_FILE', '文件为空（0 字节）', 'the file is empty') };
  if (bytes.length > limits.maxBytes)
    return {
      rejection: reject(
        'FILE_TOO_LARGE',
        `文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${limits.maxBytes / 1048576} MB）`,
        'the file exceeds the size limit',
      ),
    };
  const type = sniffMediaType(bytes);
  if (!type)
    return {
      rejection: reject('UNSUPPORTED_TYPE', '不支持的文件类型，请上传 PDF、PNG、JPEG 或 TIFF 格式的扫描件', 'unsupported file type; upload PDF, PNG, JPEG or TIFF'),
    };
  if (type === 'application/pdf') {
    const refused = checkPdfContent(bytes);
    if (refused) return { rejection: refused };
  }
  return { type };
}
