/**
 * A page the engine reads nothing on (its layout analysis lost a sparse last page: an issuer and
 * a date under a seal) is still looked over for lines of print, with the characters' height of
 * body text since the page itself gives none. The engine is scripted: it reads nothing on the
 * page and, on a sheet of lines, what is printed there.
 */
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawnPage } from '../helpers/drawn-page.js';
import type { OcrPage, PageImage } from '../../shared/domain/text.js';
import { DEFAULT_LIMITS } from '../../shared/intake/gate.js';
import type { OcrEngine } from '../../shared/ports.js';
import { readDocument } from '../../shared/read/read.js';

const require = createRequire(import.meta.url);

beforeAll(() => {
  GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), 'EmptyPageSerif');
});

function engine(): OcrEngine & { sheets: PageImage[] } {
  const sheets: PageImage[] = [];
  const read = (page: PageImage): OcrPage => {
    if (page.layout !== 'lines') return { pageNumber: page.pageNumber, width: page.width, height: page.height, lines: [] };
    sheets.push(page);
    const bbox = { x0: 0, y0: 0, x1: page.width, y1: page.height };
    const text = '2024年4月15日';
    return { pageNumber: page.pageNumber, width: page.width, height: page.height, lines: [{ text, confidence: 0.9, bbox, words: [{ text, confidence: 0.9, bbox }] }] };
  };
  return { name: 'scripted', sheets, recognize: async (pages) => pages.map(read), close: async () => {} };
}

describe('a page the engine read nothing on', () => {
  it('has its lines of print read on a sheet of their own', async () => {
    const { canvas, ctx } = drawnPage(2480, 3508);
    ctx.font = '44px EmptyPageSerif';
    ctx.fillText('2024年4月15日', 1400, 400);
    const ocr = engine();
    const read = await readDocument(canvas.encodeSync('png'), 'image/png', ocr, DEFAULT_LIMITS);
    expect(ocr.sheets).toHaveLength(1);
    expect(ocr.sheets[0].height).toBeLessThan(44 * 4);
    expect(read.pages[0].lines.map((l) => l.text)).toEqual(['2024年4月15日']);
  });
});
