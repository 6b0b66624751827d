/**
 * Lines the engine left out: bands of ink no line read covers are found and read again on a
 * sheet; what reads as text joins the page in its place, specks and low-confidence readings do not.
 */
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawnPage, grayOf } from '../helpers/drawn-page.js';
import type { OcrLine, OcrPage } from '../../shared/domain/text.js';
import { missedLineSheet, withMissedLines } from '../../shared/read/missed-lines.js';

const require = createRequire(import.meta.url);
const EM = 40;

beforeAll(() => {
  GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), 'MissedSerif');
});

const line = (text: string, y0: number, confidence = 0.9): OcrLine => {
  const bbox = { x0: 100, y0, x1: 100 + EM * text.length, y1: y0 + EM };
  return { text, confidence, bbox, words: [{ text, confidence, bbox }] };
};

/** Three lines of print, 100 px apart from y = 200; a table drawn below them. */
function drawn() {
  const { canvas, ctx } = drawnPage(1200, 900);
  ctx.font = `${EM}px MissedSerif`;
  ['会议主持人：张伟', '审核人（签字）：', '记录人：李娜'].forEach((text, i) => ctx.fillText(text, 100, 200 + i * 100));
  ctx.fillText('表内文字', 120, 620);
  return grayOf(canvas);
}

describe('lines the engine left out', () => {
  it('finds the band of print no line covers, and nothing where lines or tables are', () => {
    const page: OcrPage = { pageNumber: 1, width: 1200, height: 900, lines: [line('会议主持人：张伟', 200), line('记录人：李娜', 400)] };
    const sheet = missedLineSheet(drawn(), page, [{ x0: 100, y0: 580, x1: 1000, y1: 700 }], EM);
    expect(sheet?.bands).toHaveLength(1);
    const [band] = sheet!.bands;
    expect(band.y0).toBeLessThan(305);
    expect(band.y1).toBeGreaterThan(330);
    expect(band.y1 - band.y0).toBeLessThan(EM * 2.5);
    expect(band.x0).toBeLessThan(110);
  });

  it('finds none when every line was read', () => {
    const page: OcrPage = { pageNumber: 1, width: 1200, height: 900, lines: [line('会议主持人：张伟', 200), line('审核人（签字）：', 300), line('记录人：李娜', 400)] };
    expect(missedLineSheet(drawn(), page, [{ x0: 100, y0: 580, x1: 1000, y1: 700 }], EM)).toBeUndefined();
  });

  it('puts what reads as text back in its place among the lines, and leaves specks and doubtful readings out', () => {
    const page: OcrPage = { pageNumber: 1, width: 1200, height: 900, lines: [line('会议主持人：张伟', 200), line('记录人：李娜', 400)] };
    const sheet = missedLineSheet(drawn(), page, [], EM)!;
    const slot = sheet.slots[0];
    const onSheet = (text: string, confidence: number, dy = 0): OcrLine => {
      const l = line(text, slot.y0 + 4 + dy, confidence);
      const bbox = { ...l.bbox, x0: l.bbox.x0 + slot.dx, x1: l.bbox.x1 + slot.dx };
      return { ...l, bbox, words: [{ ...l.words[0], bbox }] };
    };
    const read = (lines: OcrLine[]): OcrPage => ({ pageNumber: 1, width: sheet.gray.width, height: sheet.gray.height, lines });
    expect(withMissedLines(page, sheet, read([onSheet('审核人（签字）：', 0.8)])).lines.map((l) => l.text)).toEqual(['会议主持人：张伟', '审核人（签字）：', '记录人：李娜']);
    expect(withMissedLines(page, sheet, read([onSheet('审核人（签字）：', 0.4)]))).toBe(page);
    expect(withMissedLines(page, sheet, read([onSheet('一 ~', 0.9)]))).toBe(page);
  });

  it('splits lines a seal’s ring joins into one tall band at their rows of print', () => {
    const { canvas, ctx } = drawnPage(1200, 900);
    ctx.font = `${EM}px MissedSerif`;
    ctx.fillText('会议主持人：张伟', 100, 200);
    // the issuer and the date under a seal, as a grey scan leaves it: a thin ring across both
    ctx.fillText('宁夏融资担保有限公司审计部', 420, 560);
    ctx.fillText('2024-03-05', 600, 620);
    ctx.lineWidth = 5;
    ctx.beginPath();
    ctx.arc(700, 570, 150, 0, 2 * Math.PI);
    ctx.stroke();
    const page: OcrPage = { pageNumber: 1, width: 1200, height: 900, lines: [line('会议主持人：张伟', 200)] };
    const bands = missedLineSheet(grayOf(canvas), page, [], EM)!.bands;
    expect(bands).toHaveLength(2);
    const [issuer, date] = bands;
    expect(issuer.y1).toBeLessThan(date.y0 + EM * 0.5);
    for (const band of bands) expect(band.y1 - band.y0).toBeLessThan(EM * 2.5);
    expect(issuer.x1).toBeGreaterThan(420 + EM * 12);
  });
});
