/**
 * The hybrid engine: Textract's structures (here from a recorded real response, behind a mocked
 * client) re-filled with the text engine's words.
 *
 * The text engine is a small fake OcrEngine returning fixed Chinese words, placed by the
 * geometry of blocks in the recorded response. That is deliberate: the thing under test is the
 * merge (which word lands in which cell, key, value or tick box). Real Tesseract would need a
 * Chinese page image laid out exactly like the recorded English document; the Tesseract
 * adapter has its own tests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { AnalyzeDocumentCommand, TextractClient, type Block } from '@aws-sdk/client-textract';
import { HybridOcr, mergeOcrPages } from '../../shared/adapters/hybrid-ocr.js';
import { TextractOcr } from '../../shared/adapters/textract-ocr.js';
import { mapTextractBlocks } from '../../shared/adapters/textract-mapping.js';
import type { OcrEngine } from '../../shared/ports.js';
import type { BoundingBox, OcrLine, OcrPage, PageImage } from '../../shared/domain/text.js';
import { blocksOf, recorded } from './recorded.js';

const WIDTH = 1700;
const HEIGHT = 2200;
const blocks = blocksOf('analyze-document-forms-tables');

/** A block's box in pixels, straight from the recorded JSON. */
function boxOf(id: string): BoundingBox {
  const bb = blocks.find((b: Block) => b.Id === id)!.Geometry!.BoundingBox!;
  return { x0: bb.Left! * WIDTH, y0: bb.Top! * HEIGHT, x1: (bb.Left! + bb.Width!) * WIDTH, y1: (bb.Top! + bb.Height!) * HEIGHT };
}

/** A word of `text` at fraction (fx, fy) of `box` (its centre), 20 px wide and tall per character. */
function wordAt(text: string, box: BoundingBox, fx: number, fy = 0.5, confidence = 0.9) {
  const cx = box.x0 + (box.x1 - box.x0) * fx;
  const cy = box.y0 + (box.y1 - box.y0) * fy;
  const half = (10 * [...text].length) as number;
  return { text, confidence, bbox: { x0: cx - half, y0: cy - 10, x1: cx + half, y1: cy + 10 } };
}

const CELL_2_1 = '941bc759-783c-40f4-9566-ac229cd866b2';
const CELL_2_2 = '99b5c4b4-aa91-4b2e-809d-21fc2b1fca79';
const CELL_1_3 = 'f95be025-76cb-4c3f-ad97-3da61b1b589b'; // inside MERGED_CELL row 1, columns 2-3
const CELL_3_1 = '64ce85ef-2057-4e4e-af43-4ef3dfe71ae6';
const KEY_PACKAGE = 'fe3aa7ea-21ab-4873-af95-e1d4a10d415e'; // "Name of package:"
const VALUE_PACKAGE = 'e70e263d-5e6c-49d8-bc15-93127f95adaf'; // "Textractor"
const KEY_SELECTED = '54be0f42-8a8f-4b05-821e-a86e46a5688c'; // "Selected Checkbox"
const TICK_SELECTED = '133a0bfb-775e-4bab-903f-623ab24ef83f'; // SELECTION_ELEMENT SELECTED

function textLines(): OcrLine[] {
  const cell21 = boxOf(CELL_2_1);
  const cell22 = boxOf(CELL_2_2);
  const cell31 = boxOf(CELL_3_1);
  const line = (...words: ReturnType<typeof wordAt>[]): OcrLine => ({
    text: words.map((w) => w.text).join(''),
    confidence: 0.9,
    bbox: { x0: Math.min(...words.map((w) => w.bbox.x0)), y0: Math.min(...words.map((w) => w.bbox.y0)), x1: Math.max(...words.map((w) => w.bbox.x1)), y1: Math.max(...words.map((w) => w.bbox.y1)) },
    words,
  });
  return [
    line(wordAt('项目', boxOf(KEY_PACKAGE), 0.3), wordAt('名称：', boxOf(KEY_PACKAGE), 0.7), wordAt('融资担保', boxOf(VALUE_PACKAGE), 0.5)),
    line(wordAt('担保金额', boxOf(CELL_1_3), 0.5)),
    // 金额 in cell (2,1); 伍佰万 straddles the (2,1)|(2,2) border with its centre in (2,2)
    line(wordAt('金', cell21, 0.3, 0.5, 0.8), wordAt('额', cell21, 0.5, 0.5, 0.6), {
      text: '伍佰万',
      confidence: 0.9,
      bbox: { x0: cell22.x0 - 10, y0: (cell22.y0 + cell22.y1) / 2 - 10, x1: cell22.x0 + 50, y1: (cell22.y0 + cell22.y1) / 2 + 10 },
    }),
    // two rows inside cell (3,1), given bottom row first: the cell must still read top to bottom
    line(wordAt('第二行', cell31, 0.5, 0.8)),
    line(wordAt('第一行', cell31, 0.5, 0.2)),
    // Tesseract's guess at the ticked box glyph, and the Chinese label beside it
    line(wordAt('口', boxOf(TICK_SELECTED), 0.5), wordAt('同意', boxOf(KEY_SELECTED), 0.3)),
  ];
}

class FixedTextOcr implements OcrEngine {
  readonly name = 'fixed-text (test)';
  closed = false;
  constructor(private readonly lines: OcrLine[]) {}
  async recognize(pages: PageImage[]): Promise<OcrPage[]> {
    return pages.map((p) => ({ pageNumber: p.pageNumber, width: p.width, height: p.height, lines: this.lines }));
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

const textract = mockClient(TextractClient);
let client: TextractClient;
beforeEach(() => {
  textract.reset();
  textract.on(AnalyzeDocumentCommand).resolves(recorded('analyze-document-forms-tables'));
  client = new TextractClient({ region: 'cn-north-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});
afterEach(() => client.destroy());

const page: PageImage = { pageNumber: 2, image: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), width: WIDTH, height: HEIGHT };

describe('HybridOcr', () => {
  async function run() {
    const lines = textLines();
    const text = new FixedTextOcr(lines);
    const hybrid = new HybridOcr(text, new TextractOcr(client, { sleep: async () => {} }));
    const [merged] = await hybrid.recognize([page]);
    return { merged: merged!, lines, text, hybrid };
  }

  it('keeps the text engine lines and words as they are', async () => {
    const { merged, lines, hybrid } = await run();
    expect(hybrid.name).toBe('hybrid(tesseract+textract)');
    expect(merged.pageNumber).toBe(2);
    expect(merged.lines).toEqual(lines);
  });

  it("re-fills Textract's cells with the words centred in them", async () => {
    const { merged } = await run();
    const table = merged.tables![0]!;
    const cell = (row: number, column: number) => table.cells.find((c) => c.row === row && c.column === column)!;
    expect(cell(2, 1).text).toBe('金额');
    expect(cell(2, 2).text).toBe('伍佰万');
    expect(cell(1, 2)).toMatchObject({ columnSpan: 2, text: '担保金额' }); // merged cell: a word over its second column
    expect(cell(3, 1).text).toBe('第一行第二行');
    expect(cell(1, 1).text).toBe(''); // Textract read "Cell 1" there; the text engine found nothing
    expect(table.cells.map((c) => c.text).join('')).not.toMatch(/Cell/);
    // the structure is Textract's
    expect(table.cells).toHaveLength(14);
    expect([table.rows, table.columns]).toEqual([3, 5]);
  });

  it('takes no more confidence than either engine had', async () => {
    const { merged } = await run();
    const structure = mapTextractBlocks(blocks, { pageSize: { width: WIDTH, height: HEIGHT } })[0]!;
    const textractCell = structure.tables![0]!.cells.find((c) => c.row === 2 && c.column === 1)!;
    const mergedCell = merged.tables![0]!.cells.find((c) => c.row === 2 && c.column === 1)!;
    expect(mergedCell.confidence).toBeCloseTo(Math.min(textractCell.confidence, (0.8 + 0.6) / 2), 6);
    expect(mergedCell.bbox).toEqual(textractCell.bbox);
  });

  it("keeps Textract's tick boxes and signatures, with labels and values in the text engine's words", async () => {
    const { merged } = await run();
    expect(merged.selections!.map((s) => [s.selected, s.label])).toEqual([
      [false, undefined],
      [true, '同意'],
    ]);
    expect(merged.signatures).toEqual([]);
    const kv = merged.keyValues!;
    expect(kv.find((k) => k.key === '项目名称：')).toMatchObject({ value: '融资担保' });
    // the ticked box reads as ☑, not as the text engine's guess 口
    expect(kv.find((k) => k.key === '同意')).toMatchObject({ value: '☑', selected: true });
    expect(JSON.stringify(kv)).not.toContain('口');
  });

  it('closes both engines', async () => {
    const { text, hybrid } = await run();
    await hybrid.close();
    expect(text.closed).toBe(true);
  });
});

describe('mergeOcrPages', () => {
  it('scales the structure boxes when the engines saw the page at different sizes', () => {
    const structure = mapTextractBlocks(blocks, { pageSize: { width: WIDTH / 2, height: HEIGHT / 2 } })[0]!;
    const textPage: OcrPage = { pageNumber: 1, width: WIDTH, height: HEIGHT, lines: textLines() };
    const merged = mergeOcrPages(textPage, structure);
    const cell = merged.tables![0]!.cells.find((c) => c.row === 2 && c.column === 1)!;
    expect(cell.text).toBe('金额');
    const raw = boxOf(CELL_2_1);
    expect(cell.bbox.x0).toBeCloseTo(raw.x0, -1);
    expect(cell.bbox.y1).toBeCloseTo(raw.y1, -1);
  });

  it('leaves out what the structure engine did not look for', () => {
    const structure = mapTextractBlocks(blocks, { pageSize: { width: WIDTH, height: HEIGHT }, features: ['SIGNATURES'] })[0]!;
    const merged = mergeOcrPages({ pageNumber: 1, width: WIDTH, height: HEIGHT, lines: textLines() }, structure);
    expect(merged.signatures).toEqual([]);
    expect(merged.tables).toBeUndefined();
    expect(merged.selections).toBeUndefined();
    expect(merged.keyValues).toBeUndefined();
  });
});
