import { PDFDocument, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedCjkFont, wrapCjk } from '../../shared/pdf/fonts.js';
import { LONG_FACTS } from './samples.js';
import { pdfText, savePdf } from './pdf-tools.js';

let font: PDFFont;
beforeAll(async () => {
  font = await embedCjkFont(await PDFDocument.create());
});

const SIZE = 9;
const width = (line: string) => font.widthOfTextAtSize(line, SIZE);

describe('wrapCjk', () => {
  it.each([60, 90, 150, 300])('keeps every character and every line within %i pt', (maxWidth) => {
    const lines = wrapCjk(LONG_FACTS, font, SIZE, maxWidth);
    expect(lines.join('')).toBe(LONG_FACTS);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(maxWidth + 0.01);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const text = '经调查（见附件一）。被评议人：张三，李四；王五、赵六！“同意”《条例》【注】等……'.repeat(6);
    for (const maxWidth of [47, 55, 63, 71, 80]) {
      const lines = wrapCjk(text, font, SIZE, maxWidth);
      expect(lines.join('')).toBe(text);
      for (const [i, line] of lines.entries()) {
        if (i > 0) expect('，。、；：？！）》」』】”…'.includes(line[0]), `${maxWidth}: line starts ${line}`).toBe(false);
        if (i < lines.length - 1) expect('（《「『【“'.includes(line.at(-1)!), `${maxWidth}: line ends ${line}`).toBe(false);
      }
    }
  });

  it('breaks where the line is full when punctuation alone is wider than the line', () => {
    const text = '见【注】……。';
    const lines = wrapCjk(text, font, SIZE, 30);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(30);
  });

  it('breaks a Latin run wider than the line, at underscores first, else between characters', () => {
    const code = 'NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY';
    const byUnderscore = wrapCjk(code, font, SIZE, 80);
    expect(byUnderscore.join('')).toBe(code);
    expect(byUnderscore.length).toBeGreaterThan(1);
    for (const line of byUnderscore) expect(width(line)).toBeLessThanOrEqual(80);
    expect(byUnderscore.slice(0, -1).every((line) => line.endsWith('_'))).toBe(true);

    const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const byCharacter = wrapCjk(hash, font, SIZE, 100);
    expect(byCharacter.join('')).toBe(hash);
    for (const line of byCharacter) expect(width(line)).toBeLessThanOrEqual(100);
  });

  it('keeps Latin words and numbers whole when they fit, and drops the space at a break', () => {
    const lines = wrapCjk('担保金额 5,000,000.00 元 guarantee amount confirmed by the lending bank', font, SIZE, 70);
    expect(lines).toContain('5,000,000.00 元');
    for (const line of lines) expect(line).toBe(line.trim());
    expect(lines.join(' ')).toBe('担保金额 5,000,000.00 元 guarantee amount confirmed by the lending bank');
  });

  it('keeps explicit line breaks', () => {
    expect(wrapCjk('第一行\n第二行', font, SIZE, 500)).toEqual(['第一行', '第二行']);
  });
});

describe('embedCjkFont', () => {
  it('records the character written when two code points share one glyph, whichever came first', async () => {
    // Kangxi radical ⼀ (U+2F00) and the ideograph 一 (U+4E00) are one glyph in Noto Sans SC.
    for (const [name, text] of [['kangxi', '⼀二'], ['unified', '一二']]) {
      const doc = await PDFDocument.create();
      const regular = await embedCjkFont(doc);
      doc.addPage().drawText(text, { x: 50, y: 700, size: 20, font: regular });
      expect(pdfText(savePdf(`font-${name}`, await doc.save())).trim()).toBe(text);
    }
  });
});
