/**
 * Strings that come with an upload (file names, institution ids) made safe for where they go:
 * a display name for records, reports and terminals; a segment for object keys.
 */

/** Institution ids as keys and partitions accept them: letters, digits, `_` and `-`, at most 64. */
export const INSTITUTION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isSafeInstitutionId(id: string): boolean {
  return INSTITUTION_ID.test(id);
}

/** Control characters, bidirectional overrides (`invoice\u202Efdp.exe`) and invisible marks. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/gu;

/** Longest display name kept, in characters (the extension is always kept). */
export const MAX_DISPLAY_NAME = 120;

/**
 * The name a clerk sees for an upload: the last path segment, without control characters or
 * direction overrides, NFC-normalized, at most 120 characters (the middle gives way, the
 * extension stays). Never empty.
 */
export function displayFileName(name: string): string {
  const last = name.split(/[\\/]+/).filter((part) => part !== '' && part !== '.' && part !== '..').pop() ?? '';
  const clean = last.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (clean === '') return '未命名文件';
  const chars = Array.from(clean);
  if (chars.length <= MAX_DISPLAY_NAME) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  const keep = MAX_DISPLAY_NAME - 1 - Array.from(extension).length;
  return `${chars.slice(0, keep).join('')}…${extension}`;
}

/** Longest key segment in UTF-8 bytes (file systems allow 255 per name; S3 1,024 per key). */
const MAX_SEGMENT_BYTES = 200;

/**
 * One path segment of an object key from an arbitrary string: letters (any script), digits,
 * `.`, `_`, `-` and `()` stay; everything else (slashes, `..`, NUL, controls, spaces, `%`)
 * is percent-encoded, so distinct names stay distinct and nothing can climb out of its prefix.
 * Segments too long for a file system are shortened and suffixed with a hash of the whole name.
 */
export function keySegment(name: string, hash: (text: string) => string): string {
  let out = '';
  for (const ch of name.normalize('NFC')) {
    out += /^[\p{L}\p{N}_\-()]$/u.test(ch) || (ch === '.' && out !== '' && !out.endsWith('.')) ? ch : percent(ch);
  }
  if (out === '') out = '%00';
  if (Buffer.byteLength(out) <= MAX_SEGMENT_BYTES) return out;
  let short = '';
  for (const ch of out) {
    if (Buffer.byteLength(short + ch) > MAX_SEGMENT_BYTES - 18) break;
    short += ch;
  }
  return `${short.replace(/%[0-9A-F]?$/, '')}~${hash(name).slice(0, 16)}`;
}

const percent = (ch: string) =>
  Array.from(Buffer.from(ch, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
