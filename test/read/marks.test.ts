/**
 * Tick boxes, signature places and seals from pixels, on pages drawn here: boxes drawn and
 * printed, ticks and crosses that run past the frame, characters with a frame (口 国 回 田) that
 * must not be taken for boxes, handwriting, underlines, and red or grayscale seals.
 */
import { createRequire } from 'node:module';
import { GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawnPage, grayOf } from '../helpers/drawn-page.js';
import type { OcrLine } from '../../shared/domain/text.js';
import { findSeals } from '../../shared/read/seals.js';
import { findSignaturePlaces, SIGNATURE_LABEL, writtenRefusal } from '../../shared/read/signatures.js';
import { slantOf, stackRegions } from '../../shared/read/sheet.js';
import { findTickBoxes } from '../../shared/read/tick-boxes.js';
import { writeBoxes, writeRefusals } from '../../shared/read/marks.js';
import { sealChecks, sealsOf } from '../../shared/validate/document-checks.js';

const require = createRequire(import.meta.url);
const EM = 48; // 12 pt at 300 dpi

beforeAll(() => {
  GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'), 'TestSansBold');
  GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), 'TestSerif');
});

function page(width = 1600, height = 700): ReturnType<typeof drawnPage> {
  const drawn = drawnPage(width, height);
  return drawn;
}

type Mark = 'empty' | 'tick' | 'cross' | 'fill';

/** A drawn box with its mark; the tick leaves the frame at the top right, as pens do. */
function drawBox(ctx: SKRSContext2D, x: number, y: number, mark: Mark, side = 40) {
  ctx.lineWidth = 3;
  ctx.strokeRect(x, y, side, side);
  ctx.lineWidth = 6;
  ctx.beginPath();
  if (mark === 'tick') {
    ctx.moveTo(x + side * 0.15, y + side * 0.5);
    ctx.lineTo(x + side * 0.42, y + side * 0.85);
    ctx.lineTo(x + side * 1.2, y - side * 0.3);
  } else if (mark === 'cross') {
    ctx.moveTo(x - side * 0.15, y - side * 0.15);
    ctx.lineTo(x + side * 1.15, y + side * 1.15);
    ctx.moveTo(x + side * 1.15, y - side * 0.15);
    ctx.lineTo(x - side * 0.15, y + side * 1.15);
  } else if (mark === 'fill') ctx.fillRect(x, y, side, side);
  ctx.stroke();
}

/** A 40-pixel frame at (x, y) with pen strokes through the given page points, drawn as a hand marks it. */
function framedStrokes(ctx: SKRSContext2D, x: number, y: number, strokes: Array<Array<[number, number]>>) {
  ctx.lineWidth = 3;
  ctx.strokeRect(x, y, 40, 40);
  ctx.lineWidth = 6;
  ctx.beginPath();
  for (const [[x0, y0], ...rest] of strokes) {
    ctx.moveTo(x0, y0);
    for (const [px, py] of rest) ctx.lineTo(px, py);
  }
  ctx.stroke();
}

function label(ctx: SKRSContext2D, text: string, x: number, y: number, font = 'TestSerif') {
  ctx.font = `${EM}px ${font}`;
  ctx.fillText(text, x, y - EM * 0.12);
}

describe('tick boxes from pixels', () => {
  it.each<[string, Mark[]]>([
    ['a tick', ['empty', 'tick', 'empty']],
    ['a cross running past the corners', ['cross', 'empty']],
    ['a filled box', ['empty', 'empty', 'fill']],
    ['nothing ticked', ['empty', 'empty', 'empty']],
  ])('reads a group of boxes with %s, in order', (_, marks) => {
    const { canvas, ctx } = page();
    marks.forEach((mark, i) => {
      drawBox(ctx, 200 + i * 360, 300, mark);
      label(ctx, ['尽职', '基本尽职', '不尽职'][i] ?? '其他', 250 + i * 360, 296);
    });
    const boxes = findTickBoxes(grayOf(canvas), EM);
    expect(boxes.map((b) => b.selected)).toEqual(marks.map((m) => m !== 'empty'));
  });

  it('reads an empty box whose frame is heavier on some edges than on others as empty', () => {
    const { canvas, ctx } = page();
    // as a scan thickens a printed □: left and top edges 3 px, right and bottom 7 px
    const uneven = (x: number, y: number, side = 40) => {
      ctx.fillRect(x, y, side, 3);
      ctx.fillRect(x, y, 3, side);
      ctx.fillRect(x + side - 7, y, 7, side);
      ctx.fillRect(x, y + side - 7, side, 7);
    };
    drawBox(ctx, 200, 300, 'tick');
    label(ctx, '齐全', 250, 296);
    uneven(560, 300);
    label(ctx, '不齐全', 610, 296);
    expect(findTickBoxes(grayOf(canvas), EM).map((b) => b.selected)).toEqual([true, false]);
  });

  it('reads boxes placed after their labels (已核实□　未核实■)', () => {
    const { canvas, ctx } = page();
    label(ctx, '已核实', 200, 300);
    drawBox(ctx, 200 + EM * 3 + 4, 300, 'empty');
    label(ctx, '未核实', 600, 300);
    drawBox(ctx, 600 + EM * 3 + 4, 300, 'fill');
    expect(findTickBoxes(grayOf(canvas), EM).map((b) => b.selected)).toEqual([false, true]);
  });

  it('keeps the options of a group in their table cell: a ticked frame in the next cell is not one of them', () => {
    const { canvas, ctx } = page();
    drawBox(ctx, 200, 300, 'tick');
    label(ctx, '同意', 250, 296);
    drawBox(ctx, 560, 300, 'empty');
    label(ctx, '反对', 610, 296);
    // in the signature cell beside them, handwriting that happens to make a ticked frame
    drawBox(ctx, 1000, 300, 'tick');
    const cells = [
      { x0: 100, y0: 250, x1: 900, y1: 400 },
      { x0: 900, y0: 250, x1: 1500, y1: 400 },
    ];
    expect(findTickBoxes(grayOf(canvas), EM).map((b) => b.bbox.x0 < 900)).toEqual([true, true, false]);
    expect(findTickBoxes(grayOf(canvas), EM, cells).map((b) => [b.bbox.x0 < 900, b.selected])).toEqual([
      [true, true],
      [true, false],
    ]);
  });

  it('reads a group whose empty box follows a colon closely (齐全:□无异议 ☑有异议)', () => {
    const { canvas, ctx } = page();
    label(ctx, '档案资料是否齐全:', 60, 300);
    const x = 60 + EM * 8.3;
    drawBox(ctx, x, 300, 'empty');
    label(ctx, '无异议', x + 44, 296);
    drawBox(ctx, x + 44 + EM * 3 + 40, 300, 'tick');
    label(ctx, '有异议', x + 44 + EM * 3 + 84, 296);
    expect(findTickBoxes(grayOf(canvas), EM).map((b) => b.selected)).toEqual([false, true]);
  });

  it('reads a tick whose stroke runs out below the frame, and a cross overshooting the corners of a box its label stands right against', () => {
    const { canvas, ctx } = page();
    drawBox(ctx, 200, 300, 'empty');
    label(ctx, '同意', 250, 296);
    // the tick's foot pokes out under the bottom edge
    framedStrokes(ctx, 560, 300, [
      [[566, 318], [574, 350], [610, 286]],
    ]);
    label(ctx, '反对', 610, 296);
    // a cross overshooting the left corners, the label's first stroke right against the right edge
    framedStrokes(ctx, 920, 300, [
      [[912, 296], [958, 340]],
      [[958, 302], [910, 346]],
    ]);
    label(ctx, '弃权', 963, 296);
    expect(findTickBoxes(grayOf(canvas), EM).map((b) => b.selected)).toEqual([false, true, true]);
  });

  it('does not take framed characters for boxes, in serif text or a bold sans-serif heading', () => {
    const { canvas, ctx } = page();
    label(ctx, '中国国有资产口径回收，因田园图困', 100, 100, 'TestSansBold');
    label(ctx, '人口，国有，回收，四川，田野，围绕，日期', 100, 300);
    label(ctx, '口　国　回　田', 100, 500, 'TestSansBold');
    expect(findTickBoxes(grayOf(canvas), EM)).toEqual([]);
  });

  it('does not take a framed character beside a group of boxes for one of them (何建国 in a vote table row)', () => {
    for (const font of ['TestSerif', 'TestSansBold']) {
      const { canvas, ctx } = page();
      label(ctx, '何建国', 100, 300, font);
      label(ctx, '园', 420, 300, font);
      drawBox(ctx, 600, 300, 'tick');
      label(ctx, '同意', 650, 296);
      drawBox(ctx, 900, 300, 'empty');
      label(ctx, '反对', 950, 296);
      drawBox(ctx, 1200, 300, 'empty');
      label(ctx, '弃权', 1250, 296);
      expect(findTickBoxes(grayOf(canvas), EM).map((b) => [b.bbox.x0 >= 590, b.selected])).toEqual([
        [true, true],
        [true, false],
        [true, false],
      ]);
    }
  });

  it('writes the boxes into the text in place of what OCR made of them', () => {
    const line: OcrLine = {
      text: '口尽职 国基本尽职',
      confidence: 0.8,
      bbox: { x0: 200, y0: 300, x1: 700, y1: 340 },
      words: [
        { text: '口尽职', confidence: 0.7, bbox: { x0: 200, y0: 300, x1: 350, y1: 340 } },
        { text: '国基本尽职', confidence: 0.6, bbox: { x0: 450, y0: 300, x1: 700, y1: 340 } },
      ],
    };
    const [out] = writeBoxes(
      [line],
      [
        { selected: false, confidence: 0.95, bbox: { x0: 200, y0: 300, x1: 240, y1: 340 } },
        { selected: true, confidence: 0.95, bbox: { x0: 450, y0: 300, x1: 490, y1: 340 } },
      ],
      EM,
    );
    expect(out.text).toBe('☐尽职☑基本尽职');
  });
});

/** Handwriting: loose strokes in blue, from just after `x` on the line at y = 100. */
function handwriting(ctx: SKRSContext2D, x: number) {
  ctx.strokeStyle = '#1c2a80';
  ctx.lineWidth = 4;
  ctx.beginPath();
  ctx.moveTo(x + 40, 140);
  ctx.bezierCurveTo(x + 80, 60, x + 120, 190, x + 170, 110);
  ctx.bezierCurveTo(x + 200, 70, x + 240, 170, x + 300, 120);
  ctx.stroke();
}

describe('signature places from pixels', () => {
  const labelLine = (text: string, y: number, x1: number): OcrLine => ({
    text,
    confidence: 0.9,
    bbox: { x0: 100, y0: y, x1, y1: y + EM },
    words: [{ text, confidence: 0.9, bbox: { x0: 100, y0: y, x1, y1: y + EM } }],
  });

  it('finds the place after a colon that follows a closing bracket OCR misread (主持人(签字六:)', () => {
    const { canvas, ctx } = page(1600, 300);
    label(ctx, '主持人（签字）：', 100, 100);
    const labelEnd = 100 + EM * 8;
    handwriting(ctx, labelEnd);
    const places = findSignaturePlaces(grayOf(canvas), [labelLine('主持人(签字六:', 100, labelEnd)], EM);
    expect(places.map((p) => [p.label, p.signed])).toEqual([['主持人(签字六:', true]]);
  });

  it('tells handwriting from a blank place, an underline alone, and a written refusal', () => {
    const { canvas, ctx } = page(1600, 900);
    const rows = ['被评议人（签字）：', '调查人（签字）：', '见证人（签字）：', '记录人（签名）：'];
    rows.forEach((text, i) => label(ctx, text, 100, 100 + i * 200));
    const labelEnd = 100 + EM * 8.5;
    handwriting(ctx, labelEnd);
    // an underline and nothing on it
    ctx.strokeStyle = '#141414';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(labelEnd + 20, 100 + 200 + EM + 6);
    ctx.lineTo(labelEnd + 360, 100 + 200 + EM + 6);
    ctx.stroke();
    // a written refusal, which OCR reads
    label(ctx, '拒签', labelEnd + 60, 700);
    const lines = [
      labelLine(rows[0], 100, labelEnd),
      labelLine(rows[1], 300, labelEnd),
      labelLine(rows[2], 500, labelEnd),
      {
        ...labelLine(rows[3], 700, labelEnd),
        text: `${rows[3]}拒签`,
        words: [...labelLine(rows[3], 700, labelEnd).words, { text: '拒签', confidence: 0.8, bbox: { x0: labelEnd + 60, y0: 700, x1: labelEnd + 60 + EM * 2, y1: 700 + EM } }],
      },
    ];
    const places = findSignaturePlaces(grayOf(canvas), lines, EM);
    expect(places.map((p) => [p.label, p.signed])).toEqual([
      ['被评议人（签字）：', true],
      ['调查人（签字）：', false],
      ['见证人（签字）：', false],
      ['记录人（签名）：', false],
    ]);
  });
});

describe('signature labels as OCR reads them', () => {
  it('finds the label with 签 garbled, a bracket lost or no brackets at all', () => {
    const found = (text: string) => SIGNATURE_LABEL.exec(text)?.[0] ?? null;
    expect(found('被评议人（签字）：')).toBe('（签字）：');
    expect(found('记录人（等宁）')).toBe('（等宁）');
    expect(found('被评议人(等宁:加')).toBe('(等宁:');
    expect(found('调查人(符字) :”甸')).toBe('(符字) :');
    expect(found('见证人侍字) :')).toBe('侍字) :');
    expect(found('主持人俭宁:拒签')).toBe('俭宁:');
    expect(found('送达人《等宇) :')).toBe('《等宇) :');
    expect(found('记录人(答) :”桨糙')).toBe('(答) :');
    expect(found('参会人员(等子) :')).toBe('(等子) :');
  });

  it('leaves seal places, names and other bracketed units alone', () => {
    for (const text of ['单位（盖章）：', '（公章）', '年月日（印章）：', '借款人姓名：', '担保金额（万元）：', '企业名称：', '委托人（等）：', '发票（电子）：']) expect(SIGNATURE_LABEL.test(text)).toBe(false);
  });

  it('takes 签 in handwriting read on its own for a refusal, whatever became of 拒', () => {
    for (const text of ['拒签', '并签', '措签', '拒绝签字', '不签', '拒季']) expect(writtenRefusal(text)).toBe(0.8);
    for (const text of ['何晓东', '覃佳怡', '买买提江·艾合买提', '崔把', '储插', '']) expect(writtenRefusal(text)).toBe(0);
  });

  it('takes two characters the first of which has 扌 for a refusal garbled whole, with doubt', () => {
    for (const text of ['措芍', '托瘤', '括葵.', '措驼-', '措']) expect(writtenRefusal(text)).toBe(0.7);
    for (const text of ['措和给', '揭晓东']) expect(writtenRefusal(text)).toBe(0);
    // a reading that shares a character with the name of who is to sign there is that name
    expect(writtenRefusal('|技东', '周瞬东')).toBe(0);
    expect(writtenRefusal('拒签', '周瞬东')).toBe(0.8);
  });
});

describe('handwriting set upright', () => {
  /** Vertical strokes leaning right by `shear` (x shift per pixel of height), as italic handwriting does. */
  function leaning(shear: number) {
    const { canvas, ctx } = page(600, 200);
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = 6;
    for (const x of [150, 210, 300, 340, 420]) {
      ctx.beginPath();
      ctx.moveTo(x + shear * 60, 40);
      ctx.lineTo(x - shear * 60, 160);
      ctx.stroke();
    }
    return grayOf(canvas);
  }
  const region = { x0: 50, y0: 20, x1: 550, y1: 180 };

  it('measures the slant of leaning strokes, and none on upright ones or a blank region', () => {
    expect(slantOf(leaning(0.3), region)).toBeCloseTo(0.3, 5);
    expect(slantOf(leaning(0), region)).toBe(0);
    expect(slantOf(grayOf(page(600, 200).canvas), region)).toBe(0);
  });

  it('stacks the region sheared upright: each stroke then stands in one column', () => {
    const sheet = stackRegions(leaning(0.3), [region], { upright: true });
    const { width, height, pixels } = sheet.gray;
    const inkedColumns = new Set<number>();
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (pixels[y * width + x] < 128) inkedColumns.add(x);
    // five strokes 6 px wide (plus antialiasing), not five slanted bands 72 px wide
    expect(inkedColumns.size).toBeLessThan(5 * 12);
    expect(slantOf(sheet.gray, { x0: 0, y0: sheet.slots[0].y0, x1: width, y1: sheet.slots[0].y1 })).toBe(0);
  });
});

describe('signature columns of ruled tables', () => {
  it('takes each cell under a 签字 heading as a place of its own, named by its row', () => {
    const { canvas, ctx } = page(1600, 700);
    const xs = [100, 250, 550, 850, 1300];
    const ys = [100, 190, 280, 370, 460, 550];
    ctx.lineWidth = 3;
    for (const y of ys) {
      ctx.beginPath();
      ctx.moveTo(xs[0], y);
      ctx.lineTo(xs[4], y);
      ctx.stroke();
    }
    for (const x of xs) {
      ctx.beginPath();
      ctx.moveTo(x, ys[0]);
      ctx.lineTo(x, ys[5]);
      ctx.stroke();
    }
    const rows = [
      ['序号', '姓名', '表决意见', '签字'],
      ['1', '王建国', '同意', ''],
      ['2', '李红梅', '同意', ''],
      ['3', '张伟', '反对', '拒签'],
      ['', '', '', ''],
    ];
    rows.forEach((r, i) => r.forEach((t, j) => t && label(ctx, t, xs[j] + 20, ys[i] + 20)));
    // handwriting in the first member's cell, loose strokes in blue
    ctx.strokeStyle = '#1c2a80';
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.moveTo(900, 250);
    ctx.bezierCurveTo(950, 180, 1000, 270, 1060, 220);
    ctx.bezierCurveTo(1100, 200, 1150, 260, 1200, 230);
    ctx.stroke();
    const cells = rows.flatMap((r, i) => r.map((text, j) => ({ row: i + 1, column: j + 1, rowSpan: 1, columnSpan: 1, text, confidence: 0.9, bbox: { x0: xs[j], y0: ys[i], x1: xs[j + 1], y1: ys[i + 1] } })));
    const table = { rows: 5, columns: 4, confidence: 1, bbox: { x0: xs[0], y0: ys[0], x1: xs[4], y1: ys[5] }, cells };
    const word = (text: string, x0: number, y0: number) => ({ text, confidence: 0.9, bbox: { x0, y0, x1: x0 + EM * [...text].length, y1: y0 + EM } });
    const header = rows[0].map((t, j) => word(t, xs[j] + 20, 120));
    const lines: OcrLine[] = [{ text: rows[0].join(''), confidence: 0.9, bbox: { x0: 120, y0: 120, x1: 970, y1: 120 + EM }, words: header }];
    const places = findSignaturePlaces(grayOf(canvas), lines, EM, [table]);
    expect(places.map((p) => [p.label, p.signed])).toEqual([
      ['王建国（签字）', true],
      ['李红梅（签字）', false],
      ['张伟（签字）', false],
    ]);
  });
});

describe('a refusal read in a place first judged signed', () => {
  it('turns the place to not signed and writes 拒签 into its line', () => {
    const word = (text: string, x0: number, x1: number) => ({ text, confidence: 0.9, bbox: { x0, y0: 100, x1, y1: 148 } });
    const signed = { signed: true, confidence: 0.95, bbox: { x0: 560, y0: 90, x1: 700, y1: 160 }, label: '被评议人（签字）：' };
    const other = { signed: true, confidence: 0.95, bbox: { x0: 560, y0: 290, x1: 700, y1: 360 }, label: '调查人（签字）：' };
    const page = {
      pageNumber: 1,
      width: 1600,
      height: 900,
      lines: [{ text: '被评议人（签字）：驴', confidence: 0.6, bbox: { x0: 100, y0: 100, x1: 620, y1: 148 }, words: [word('被评议人（签字）：', 100, 540), word('驴', 580, 620)] }],
      signatures: [signed, other],
    };
    const out = writeRefusals(page, new Map([[signed, 0.7]]));
    expect(out.lines[0].text).toBe('被评议人（签字）：拒签');
    expect(out.signatures?.map((s) => [s.signed, s.confidence])).toEqual([
      [false, 0.7],
      [true, 0.95],
    ]);
    expect(writeRefusals(page, new Map())).toBe(page);
  });
});

describe('seals from colour', () => {
  function sealPage(colour: string): Canvas {
    const { canvas, ctx } = page(1240, 1754);
    label(ctx, '宁夏某某融资担保有限公司', 600, 1300);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 10;
    ctx.beginPath();
    ctx.arc(800, 1320, 120, 0, Math.PI * 2);
    ctx.stroke();
    ctx.fillStyle = colour;
    ctx.font = `${EM}px TestSansBold`;
    ctx.fillText('★', 780, 1300);
    return canvas;
  }

  it('finds a red seal and where it is', () => {
    const seals = findSeals(sealPage('rgb(214, 32, 38)'));
    expect(seals).toHaveLength(1);
    const [seal] = seals!;
    expect(seal.bbox.x0).toBeLessThan(690);
    expect(seal.bbox.x1).toBeGreaterThan(910);
    expect(seal.bbox.y0).toBeLessThan(1210);
    expect(seal.bbox.y1).toBeGreaterThan(1430);
  });

  it('says none on a colour page without one, and cannot tell on a grayscale page', () => {
    const { canvas, ctx } = page(1240, 1754);
    label(ctx, '会议纪要', 500, 200);
    ctx.fillStyle = 'rgb(30, 40, 140)';
    ctx.fillRect(500, 400, 200, 40);
    expect(findSeals(canvas)).toEqual([]);
    expect(findSeals(sealPage('rgb(110, 110, 110)'))).toBeUndefined();
  });
});

describe('the seal finding', () => {
  const ocrPage = (seals?: { bbox: { x0: number; y0: number; x1: number; y1: number }; confidence: number }[]) => ({ pageNumber: 1, width: 100, height: 100, lines: [], ...(seals ? { seals } : {}) });

  it('is raised for minutes and fact sheets scanned in colour without a seal, never for what could not show one', () => {
    const seal = { bbox: { x0: 10, y0: 10, x1: 40, y1: 40 }, confidence: 0.95 };
    expect(sealsOf({ source: 'ocr', engine: 'x', pages: [ocrPage([seal])] })).toEqual([{ page: 1, ...seal }]);
    expect(sealsOf({ source: 'ocr', engine: 'x', pages: [ocrPage()] })).toBeUndefined();
    expect(sealsOf({ source: 'pdf-text-layer', engine: 'x', pages: [ocrPage([])] })).toBeUndefined();

    expect(sealChecks('FACT_SHEET', []).map((f) => [f.ruleId, f.severity])).toEqual([['DATA-SEAL-MISSING', 'warning']]);
    expect(sealChecks('MEETING_MINUTES', [])).toHaveLength(1);
    expect(sealChecks('AUDIT_REPORT', [])).toEqual([]);
    expect(sealChecks('FACT_SHEET', undefined)).toEqual([]);
    expect(sealChecks('FACT_SHEET', [{ page: 1, ...seal }])).toEqual([]);
  });
});
