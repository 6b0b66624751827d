/**
 * readDocument asks an engine's second model about the lines its first reading doubts, and
 * only when the engine has one. The engine here is scripted (what each model "reads" is given),
 * so the test is about the wiring: which lines go to the second model, and what comes back.
 */
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawnPage } from '../helpers/drawn-page.js';
import type { OcrLine, OcrPage, PageImage } from '../../shared/domain/text.js';
import { DEFAULT_LIMITS } from '../../shared/intake/gate.js';
import type { OcrEngine } from '../../shared/ports.js';
import { readDocument } from '../../shared/read/read.js';

const require = createRequire(import.meta.url);
const EM = 48;

beforeAll(() => {
  GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), 'SecondSerif');
});

/** A page with two lines of print, as PNG bytes. */
function scan(): Uint8Array {
  const { canvas, ctx } = drawnPage(1240, 900);
  ctx.font = `${EM}px SecondSerif`;
  ctx.fillText('借款企业：贵阳嘉禾农机', 120, 200);
  ctx.fillText('担保金额：290万元', 120, 320);
  return canvas.encodeSync('png');
}

const lineAt = (words: Array<[string, number]>, y0: number): OcrLine => {
  const bbox = { x0: 120, y0, x1: 120 + EM * 11, y1: y0 + EM };
  return { text: words.map(([t]) => t).join(''), confidence: Math.min(...words.map(([, c]) => c)), bbox, words: words.map(([text, confidence]) => ({ text, confidence, bbox })) };
};

/** An engine whose first model reads 嘉禾 as 嘉儿 with no confidence; `second` says what its second model reads on a sheet of doubtful lines. */
function engine(second?: string): OcrEngine & { asked: PageImage[] } {
  const asked: PageImage[] = [];
  const first = (page: PageImage): OcrPage => ({
    pageNumber: page.pageNumber,
    width: page.width,
    height: page.height,
    lines:
      page.layout === 'lines'
        ? []
        : [
            lineAt([['借款企业', 0.93], ['：', 0.9], ['贵阳', 0.93], ['嘉', 0.9], ['儿', 0.0], ['农机', 0.9]], 200),
            lineAt([['担保金额', 0.95], ['：', 0.9], ['290', 0.92], ['万元', 0.95]], 320),
          ],
  });
  const out: OcrEngine & { asked: PageImage[] } = { name: 'scripted', asked, recognize: async (pages) => pages.map(first), close: async () => {} };
  if (second !== undefined) {
    out.secondOpinion = async (pages) => {
      asked.push(...pages);
      // one line across the whole sheet: its centre lies in the sheet's only slot
      return pages.map((p) => {
        const bbox = { x0: 0, y0: 0, x1: p.width, y1: p.height };
        return { pageNumber: p.pageNumber, width: p.width, height: p.height, lines: [{ text: second, confidence: 0.9, bbox, words: [{ text: second, confidence: 0.9, bbox }] }] };
      });
    };
  }
  return out;
}

describe('the second opinion in readDocument', () => {
  it('sends the doubtful line alone, as a sheet of lines, and takes the character the second model is sure of', async () => {
    const ocr = engine('借款企业：贵阳嘉禾农机');
    const read = await readDocument(scan(), 'image/png', ocr, DEFAULT_LIMITS);
    expect(ocr.asked).toHaveLength(1);
    expect(ocr.asked[0].layout).toBe('lines');
    // one line high: the confident line about the amount was not sent
    expect(ocr.asked[0].height).toBeLessThan(EM * 4);
    expect(read.pages[0].lines.map((l) => l.text)).toEqual(['借款企业：贵阳嘉禾农机', '担保金额：290万元']);
    const word = read.pages[0].lines[0].words.find((w) => w.text === '禾');
    expect(word?.confidence).toBeLessThan(0.75);
  });

  it('keeps the first reading with an engine that has no second model', async () => {
    const read = await readDocument(scan(), 'image/png', engine(), DEFAULT_LIMITS);
    expect(read.pages[0].lines[0].text).toBe('借款企业：贵阳嘉儿农机');
  });
});
