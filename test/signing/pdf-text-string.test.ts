import { describe, expect, it } from 'vitest';
import { PDFString } from 'pdf-lib';
import { pdfLiteralTextString } from '../../shared/signing/pdf-text-string.js';

describe('pdfLiteralTextString', () => {
  it.each([
    ['ASCII stays readable, delimiters escaped', 'Report (v2) \\ final', 'Report \\050v2\\051 \\134 final'],
    ['Chinese becomes UTF-16BE with a byte order mark', '不', '\\376\\377N\\015'],
  ])('%s', (_, text, expected) => {
    expect(pdfLiteralTextString(text)).toBe(expected);
  });

  it.each(['核验报告签发（不可篡改）', '中国 北京', 'Ⅱ级 (a)\\b', '𠀀 surrogate pair', ''])('round-trips %j as pure ASCII', (text) => {
    const encoded = pdfLiteralTextString(text);

    expect(encoded).toMatch(/^[\x20-\x7e]*$/);
    expect(PDFString.of(encoded).decodeText()).toBe(text);
  });
});
