/**
 * Ruled tables found from their ruling lines, on pages drawn here: plain grids, merged cells,
 * forms whose rows are split differently, slanted and broken rules; and what is not a table
 * (a tick box, an underline, a frame around a paragraph, large characters); cells cut out,
 * stacked for OCR, and what was read there put back.
 */
import { createRequire } from 'node:module';
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawnPage, grayOf } from '../helpers/drawn-page.js';
import type { OcrLine } from '../../shared/domain/text.js';
import { segmentWords } from '../../shared/extract/lines.js';
import { cellSheet, withCellText } from '../../shared/read/table-cells.js';
import { findTableGrids, type TableGrid } from '../../shared/read/table-grid.js';

const require = createRequire(import.meta.url);

beforeAll(() => {
  GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'), 'TestSansBold');
});

function page(width = 2000, height = 1400): ReturnType<typeof drawnPage> {
  const drawn = drawnPage(width, height);
  drawn.ctx.font = '44px TestSansBold';
  return drawn;
}

function line(ctx: SKRSContext2D, x0: number, y0: number, x1: number, y1: number, width = 3) {
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

/** A full grid with a word in every cell. */
function drawGrid(ctx: SKRSContext2D, x: number, y: number, colWidths: number[], rows: number, rowHeight = 90, width = 3) {
  const right = x + colWidths.reduce((a, b) => a + b, 0);
  for (let r = 0; r <= rows; r++) line(ctx, x, y + r * rowHeight, right, y + r * rowHeight, width);
  let cx = x;
  for (let c = 0; c <= colWidths.length; c++) {
    line(ctx, cx, y, cx, y + rows * rowHeight, width);
    cx += colWidths[c] ?? 0;
  }
  for (let r = 0; r < rows; r++) {
    let tx = x;
    for (const w of colWidths) {
      ctx.fillText('在保余额', tx + 14, y + r * rowHeight + 22);
      tx += w;
    }
  }
}

describe('ruled tables from their ruling lines', () => {
  it('finds a plain grid, its rows, columns and cells where they are drawn', () => {
    const { canvas, ctx } = page();
    drawGrid(ctx, 100, 200, [200, 500, 200, 300, 300], 6);
    const [table, ...others] = findTableGrids(grayOf(canvas));
    expect(others).toHaveLength(0);
    expect(table.rows).toBe(6);
    expect(table.columns).toBe(5);
    expect(table.cells).toHaveLength(30);
    expect(table.bbox.x0).toBeCloseTo(100, -1);
    expect(table.bbox.x1).toBeCloseTo(1600, -1);
    expect(table.bbox.y0).toBeCloseTo(200, -1);
    expect(table.bbox.y1).toBeCloseTo(740, -1);
    const cell = table.cells.find((c) => c.row === 2 && c.column === 3)!;
    expect(cell.bbox.x0).toBeCloseTo(800, -1);
    expect(cell.bbox.x1).toBeCloseTo(1000, -1);
    expect(cell.bbox.y0).toBeCloseTo(290, -1);
  });

  it('tells merged cells by the rules missing between their parts', () => {
    const { canvas, ctx } = page();
    // 4 columns x 4 rows; the header's last two columns are one cell, the first column's rows 2 and 3 are one cell
    const xs = [100, 400, 800, 1200, 1600];
    const ys = [200, 290, 380, 470, 560];
    for (const y of [ys[0], ys[1], ys[4]]) line(ctx, xs[0], y, xs[4], y);
    line(ctx, xs[1], ys[2], xs[4], ys[2]);
    line(ctx, xs[0], ys[3], xs[4], ys[3]);
    for (const x of [xs[0], xs[1], xs[2], xs[4]]) line(ctx, x, ys[0], x, ys[4]);
    line(ctx, xs[3], ys[1], xs[3], ys[4]);
    const [table] = findTableGrids(grayOf(canvas));
    expect(table.rows).toBe(4);
    expect(table.columns).toBe(4);
    const spans = table.cells.map((c) => `${c.row},${c.column}:${c.rowSpan}x${c.columnSpan}`);
    expect(spans).toContain('1,3:1x2');
    expect(spans).toContain('2,1:2x1');
    expect(table.cells).toHaveLength(16 - 1 - 1);
  });

  it('reads a form whose rows are split differently (label and value cells)', () => {
    const { canvas, ctx } = page();
    const top = 200;
    const h = 100;
    for (let r = 0; r <= 3; r++) line(ctx, 100, top + r * h, 1700, top + r * h);
    for (const x of [100, 1700]) line(ctx, x, top, x, top + 3 * h);
    line(ctx, 400, top, 400, top + 3 * h); // label column
    line(ctx, 900, top + h, 900, top + 2 * h); // the middle row has two label-value pairs
    line(ctx, 1200, top + h, 1200, top + 2 * h);
    const [table] = findTableGrids(grayOf(canvas));
    const byRow = (row: number) => table.cells.filter((c) => c.row === row).map((c) => [Math.round(c.bbox.x0 / 10) * 10, Math.round(c.bbox.x1 / 10) * 10]);
    expect(byRow(1)).toEqual([[100, 400], [400, 1700]]);
    expect(byRow(2)).toEqual([[100, 400], [400, 900], [900, 1200], [1200, 1700]]);
    expect(byRow(3)).toEqual([[100, 400], [400, 1700]]);
  });

  it('follows slanted, thin and broken rules', () => {
    const { canvas, ctx } = page();
    ctx.translate(1000, 700);
    ctx.rotate((0.35 * Math.PI) / 180);
    ctx.translate(-1000, -700);
    drawGrid(ctx, 150, 300, [300, 600, 400], 5, 100, 2);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    // gaps of two pixels along the rules (a worn photocopy)
    ctx.fillStyle = '#fff';
    for (let x = 170; x < 1450; x += 97) ctx.fillRect(x, 280, 2, 600);
    const tables = findTableGrids(grayOf(canvas));
    expect(tables).toHaveLength(1);
    expect(tables[0].rows).toBe(5);
    expect(tables[0].columns).toBe(3);
    expect(tables[0].cells).toHaveLength(15);
  });

  it('finds no table in tick boxes, underlines, a framed paragraph or large characters', () => {
    const { canvas, ctx } = page();
    ctx.lineWidth = 3;
    for (let i = 0; i < 4; i++) ctx.strokeRect(120 + i * 160, 120, 44, 44);
    ctx.fillText('被评议人（签字）：', 120, 260);
    line(ctx, 520, 310, 1100, 310);
    ctx.strokeRect(100, 420, 1600, 300); // one frame: one cell, no table
    ctx.fillText('备注：以上事实经本人确认。', 140, 460);
    ctx.font = '150px TestSansBold';
    ctx.fillText('一丨十工王田', 200, 900);
    expect(findTableGrids(grayOf(canvas))).toEqual([]);
  });
});

describe('segments cut at cell borders', () => {
  const em = 50;
  const word = (text: string, x0: number, x1: number) => ({ text, confidence: 0.9, bbox: { x0, y0: 100, x1, y1: 150 } });
  const lineOf = (words: OcrLine['words']): OcrLine => ({ text: words.map((w) => w.text).join(''), confidence: 0.9, bbox: { x0: words[0].bbox.x0, y0: 100, x1: words.at(-1)!.bbox.x1, y1: 150 }, words });

  it('parts text on either side of a border even where no gap shows', () => {
    // 序号 "1" and 指标名称 "在保余额" with the column rule read as a comma between them
    const segs = segmentWords(lineOf([word('1', 100, 118), word('，', 150, 166), word('在保余额', 195, 395), word('万元', 600, 700)]), em, [160, 560]);
    expect(segs.map((s) => s.display)).toEqual(['1', '在保余额', '万元']);
  });

  it('splits a word OCR ran across a border, and drops a closing quote left at the start of a cell', () => {
    const segs = segmentWords(lineOf([word('审计期间”2020年度', 100, 800)]), em, [430]);
    expect(segs.map((s) => s.display)).toEqual(['审计期间', '2020年度']);
  });

  it('keeps punctuation that belongs to the text', () => {
    const segs = segmentWords(lineOf([word('基本合规。', 100, 350), word('（一）', 600, 750)]), em, [500]);
    expect(segs.map((s) => s.display)).toEqual(['基本合规。', '（一）']);
  });
});

describe('cells read one by one on a stacked sheet', () => {
  const grid = (): TableGrid => ({
    bbox: { x0: 100, y0: 200, x1: 1300, y1: 380 },
    rows: 2,
    columns: 3,
    cells: [
      { row: 1, column: 1, rowSpan: 1, columnSpan: 1, bbox: { x0: 100, y0: 200, x1: 400, y1: 290 } },
      { row: 1, column: 2, rowSpan: 1, columnSpan: 1, bbox: { x0: 400, y0: 200, x1: 900, y1: 290 } },
      { row: 1, column: 3, rowSpan: 1, columnSpan: 1, bbox: { x0: 900, y0: 200, x1: 1300, y1: 290 } },
      { row: 2, column: 1, rowSpan: 1, columnSpan: 1, bbox: { x0: 100, y0: 290, x1: 400, y1: 380 } },
      { row: 2, column: 2, rowSpan: 1, columnSpan: 2, bbox: { x0: 400, y0: 290, x1: 1300, y1: 380 } },
    ],
  });

  it('cuts out the cells that hold ink, inside their rules, one under another', () => {
    const { canvas, ctx } = page();
    ctx.fillText('注册资本', 120, 222);
    ctx.fillText('人民币20,000万元', 420, 222);
    ctx.fillText('审计单位', 120, 312);
    ctx.fillText('宁夏兴农融资担保有限责任公司审计部', 420, 300);
    ctx.fillText('审计部', 420, 336);
    const sheet = cellSheet(grayOf(canvas), [grid()])!;
    // the empty cell (row 1, column 3) is left out
    expect(sheet.cells.map((c) => `${c.table}:${c.row}`)).toEqual(['0:1', '0:1', '0:2', '0:2']);
    expect(sheet.slots).toHaveLength(4);
    for (let i = 1; i < sheet.slots.length; i++) expect(sheet.slots[i].y0).toBeGreaterThan(sheet.slots[i - 1].y1);
    for (const c of sheet.cells) expect(c.box.x0).toBeGreaterThan(100);
    expect(sheet.gray.width).toBeLessThan(1000);
  });

  it('puts what was read on the sheet back in its cells, one line a table row', () => {
    const { canvas, ctx } = page();
    ctx.fillText('注册资本', 120, 222);
    ctx.fillText('人民币20,000万元', 420, 222);
    ctx.fillText('审计单位', 120, 312);
    ctx.fillText('审计部', 420, 312);
    const sheet = cellSheet(grayOf(canvas), [grid()])!;
    // what an engine would read on the sheet: each cell's text where its slot is, plus a speck
    const at = (i: number, text: string, dy = 10, confidence = 0.9) => {
      const s = sheet.slots[i];
      const left = sheet.cells[i].box.x0 + s.dx + 10;
      const bbox = { x0: left, y0: s.y0 + dy, x1: left + 40 * text.length, y1: s.y0 + dy + 44 };
      return { text, confidence, bbox, words: [{ text, confidence, bbox }] };
    };
    // (the sheet read nothing in the cell 审计单位)
    const read = { pageNumber: 1, width: sheet.gray.width, height: sheet.gray.height, lines: [at(0, '注册资本'), at(1, '人民币20,000万元'), at(3, '审计部'), at(3, '|', 30, 0.3)] };
    // the page's own reading ran the row together and has a title above the table
    const word = (text: string, x0: number, x1: number, y0: number) => ({ text, confidence: 0.8, bbox: { x0, y0, x1, y1: y0 + 44 } });
    const pageRead = {
      pageNumber: 1,
      width: 2000,
      height: 1400,
      lines: [
        { text: '一、基本情况', confidence: 0.9, bbox: { x0: 100, y0: 120, x1: 400, y1: 164 }, words: [word('一、基本情况', 100, 400, 120)] },
        { text: '注册资本人民币20,000万元', confidence: 0.7, bbox: { x0: 120, y0: 222, x1: 800, y1: 266 }, words: [word('注册资本人民币20,000万元', 120, 800, 222)] },
        // what the page's OCR read in the cell the sheet missed, and a rule's remains read as a quote
        { text: '审计单位”', confidence: 0.7, bbox: { x0: 120, y0: 312, x1: 410, y1: 356 }, words: [word('审计单位', 120, 300, 312), word('”', 395, 410, 312)] },
      ],
    };
    const out = withCellText(pageRead, sheet, read);
    expect(out.lines.map((l) => l.words.map((w) => w.text))).toEqual([['一、基本情况'], ['注册资本', '人民币20,000万元'], ['审计单位', '审计部']]);
    const [label, value] = out.lines[1].words;
    expect(label.bbox.x0).toBeGreaterThanOrEqual(100);
    expect(label.bbox.x1).toBeLessThanOrEqual(400);
    expect(value.bbox.x0).toBeGreaterThanOrEqual(400);
    expect(value.bbox.y0).toBeGreaterThanOrEqual(200);
  });
});
