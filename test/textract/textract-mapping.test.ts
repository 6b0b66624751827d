/**
 * The Textract -> page model mapping, on recorded real responses. Expected counts and boxes were
 * read from the JSON itself (block counts per type; BoundingBox ratios times the page size,
 * rounded), not produced by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { mapTextractBlocks, textractBox } from '../../shared/adapters/textract-mapping.js';
import type { OcrPage } from '../../shared/domain/text.js';
import { blocksOf, type RecordedName } from './recorded.js';

const LETTER_150DPI = { width: 1700, height: 2200 };

function map(name: RecordedName, size = LETTER_150DPI): OcrPage[] {
  return mapTextractBlocks(blocksOf(name), { pageSize: size });
}

const words = (page: OcrPage) => page.lines.reduce((n, l) => n + l.words.length, 0);
const cells = (page: OcrPage) => (page.tables ?? []).reduce((n, t) => n + t.cells.length, 0);

describe('mapTextractBlocks: counts', () => {
  // cells: CELL blocks, minus those inside a MERGED_CELL, plus the MERGED_CELLs (each appears once)
  it.each([
    { name: 'analyze-document-forms-tables', page: 1, lines: 24, words: 51, tables: 1, cells: 15 - 2 + 1, selections: 2, ticked: 1, signatures: 0, keyValues: 7 },
    { name: 'analyze-document-signature', page: 1, lines: 62, words: 353, tables: 0, cells: 0, selections: 0, ticked: 0, signatures: 1, keyValues: 0 },
    { name: 'analyze-document-layout', page: 1, lines: 24, words: 51, tables: 1, cells: 15 - 2 + 1, selections: 2, ticked: 1, signatures: 0, keyValues: 21 },
    { name: 'analyze-document-paystub-all-features', page: 1, lines: 144, words: 280, tables: 7, cells: 137 - 24 + 5, selections: 0, ticked: 0, signatures: 1, keyValues: 27 },
    { name: 'get-document-analysis-2-pages', page: 1, lines: 43, words: 124, tables: 1, cells: 24 - 12 + 2, selections: 12, ticked: 6, signatures: 0, keyValues: 31 },
    { name: 'get-document-analysis-2-pages', page: 2, lines: 31, words: 71, tables: 1, cells: 25 - 5 + 1, selections: 3, ticked: 1, signatures: 0, keyValues: 8 },
  ] as const)('$name page $page', (expected) => {
    const pages = map(expected.name);
    const page = pages.find((p) => p.pageNumber === expected.page)!;
    expect(page).toBeDefined();
    expect(page.lines).toHaveLength(expected.lines);
    expect(words(page)).toBe(expected.words);
    expect(page.tables).toHaveLength(expected.tables);
    expect(cells(page)).toBe(expected.cells);
    expect(page.selections).toHaveLength(expected.selections);
    expect(page.selections!.filter((s) => s.selected)).toHaveLength(expected.ticked);
    expect(page.signatures).toHaveLength(expected.signatures);
    expect(page.keyValues).toHaveLength(expected.keyValues);
  });

  it('gives one page per PAGE block, in page order, each with the pixel size asked for', () => {
    const pages = mapTextractBlocks(blocksOf('get-document-analysis-2-pages'), {
      pageSize: (n) => (n === 1 ? { width: 2480, height: 3508 } : { width: 1240, height: 1754 }),
    });
    expect(pages.map((p) => [p.pageNumber, p.width, p.height])).toEqual([
      [1, 2480, 3508],
      [2, 1240, 1754],
    ]);
  });
});

describe('mapTextractBlocks: geometry and content of single blocks', () => {
  const [formsPage] = map('analyze-document-forms-tables');

  it('maps a LINE: text, confidence 0..1, box in pixels from the top-left', () => {
    // LINE 20e56842…: Left 0.16253, Top 0.10424, Width 0.67425, Height 0.06476, Confidence 99.694
    const line = formsPage!.lines[0]!;
    expect(line.text).toBe('Textractor Test');
    expect(line.confidence).toBeCloseTo(0.99694, 4);
    expect(line.bbox).toEqual({ x0: 276, y0: 229, x1: 1423, y1: 372 });
    expect(line.words.map((w) => w.text)).toEqual(['Textractor', 'Test']);
    for (const word of line.words) {
      expect(word.bbox.x0).toBeGreaterThanOrEqual(line.bbox.x0 - 1);
      expect(word.bbox.x1).toBeLessThanOrEqual(line.bbox.x1 + 1);
    }
  });

  it('maps a MERGED_CELL once, with its span, its text and its header role', () => {
    // MERGED_CELL 66305185…: row 1, column 2, ColumnSpan 2, Confidence 91.796, over CELLs holding "Cell 2" and nothing
    const table = formsPage!.tables![0]!;
    expect([table.rows, table.columns]).toEqual([3, 5]);
    const merged = table.cells.find((c) => c.row === 1 && c.column === 2)!;
    expect(merged).toMatchObject({ rowSpan: 1, columnSpan: 2, text: 'Cell 2', roles: ['column-header'] });
    expect(merged.confidence).toBeCloseTo(0.91796, 4);
    expect(merged.bbox).toEqual({ x0: 469, y0: 1349, x1: 1008, y1: 1481 });
    expect(table.cells.some((c) => c.row === 1 && c.column === 3)).toBe(false);
    expect(table.cells.map((c) => `${c.row},${c.column}`)).toEqual([
      '1,1', '1,2', '1,4', '1,5', '2,1', '2,2', '2,3', '2,4', '2,5', '3,1', '3,2', '3,3', '3,4', '3,5',
    ]);
  });

  it('maps SELECTION_ELEMENTs with their status, box and the form key they belong to', () => {
    // ddfb9684… NOT_SELECTED: Left 0.12180, Top 0.92027, Width 0.03668, Height 0.02837
    // 133a0bfb… SELECTED:     Left 0.12162, Top 0.87405, Width 0.03612, Height 0.02767
    expect(formsPage!.selections).toEqual([
      { selected: false, confidence: expect.closeTo(0.99926, 4), bbox: { x0: 207, y0: 2025, x1: 269, y1: 2087 }, label: 'Un-Selected Checkbox' },
      { selected: true, confidence: expect.closeTo(0.99869, 4), bbox: { x0: 207, y0: 1923, x1: 268, y1: 1984 }, label: 'Selected Checkbox' },
    ]);
  });

  it('maps KEY_VALUE_SETs to key, value and tick state', () => {
    const kv = formsPage!.keyValues!;
    expect(kv.find((k) => k.key === 'Name of package:')).toMatchObject({ value: 'Textractor' });
    expect(kv.find((k) => k.key === 'Date :')).toMatchObject({ value: '08/14/2022' });
    expect(kv.find((k) => k.key === 'Selected Checkbox')).toMatchObject({ value: '☑', selected: true });
    expect(kv.find((k) => k.key === 'Un-Selected Checkbox')).toMatchObject({ value: '☐', selected: false });
    for (const k of kv) {
      expect(k.confidence).toBeGreaterThan(0);
      expect(k.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('maps a SIGNATURE block', () => {
    // 9064d96c…: Left 0.35775, Top 0.41554, Width 0.10798, Height 0.02738, Confidence 54.817
    const [page] = map('analyze-document-signature');
    expect(page!.signatures).toEqual([{ signed: true, confidence: expect.closeTo(0.54817, 4), bbox: { x0: 608, y0: 914, x1: 792, y1: 974 } }]);
  });

  it('maps the paystub: signature at 300 dpi, table title and footer, summary cells', () => {
    // SIGNATURE b2a7081c…: Left 0.54269, Top 0.86053, Width 0.34764, Height 0.06083, Confidence 80.823
    const [page] = map('analyze-document-paystub-all-features', { width: 2550, height: 3300 });
    expect(page!.signatures).toEqual([{ signed: true, confidence: expect.closeTo(0.80823, 4), bbox: { x0: 1384, y0: 2840, x1: 2270, y1: 3040 } }]);
    expect(page!.tables!.map((t) => t.title).filter(Boolean)).toEqual(['Other Benefits and']);
    expect(page!.tables!.map((t) => t.footer).filter(Boolean)).toEqual(['Excluded from federal taxable wages']);
    expect(page!.tables!.flatMap((t) => t.cells).some((c) => c.roles?.includes('summary'))).toBe(true);
  });

  it('puts a tick box inside a table cell into the cell text and its state', () => {
    const [page1] = map('get-document-analysis-2-pages');
    const cell = page1!.tables![0]!.cells.find((c) => c.row === 1 && c.column === 3)!;
    expect(cell).toMatchObject({ text: '☑Yes ☐No', selected: true });
  });

  it('maps page 2 of an asynchronous job with its own Page number', () => {
    // page 2, c9c805dd… SELECTED: Left 0.05395, Top 0.42948, Width 0.01929, Height 0.01398 at 2480 x 3508
    const pages = map('get-document-analysis-2-pages', { width: 2480, height: 3508 });
    const page2 = pages[1]!;
    expect(page2.pageNumber).toBe(2);
    expect(page2.lines[0]!.words[0]).toMatchObject({ text: 'Employment', bbox: { x0: 702, y0: 872, x1: 1062, y1: 949 } });
    expect(page2.selections!.find((s) => s.selected)).toMatchObject({ label: 'Job fair', bbox: { x0: 134, y0: 1507, x1: 182, y1: 1556 } });
  });
});

describe('mapTextractBlocks: reading order and options', () => {
  it('orders lines by the LAYOUT blocks when the response has them', () => {
    const blocks = blocksOf('analyze-document-paystub-all-features');
    const [withLayout] = mapTextractBlocks(blocks, { pageSize: LETTER_150DPI });
    // Without the layout blocks the page's own child order interleaves the company address with the title.
    const [withoutLayout] = mapTextractBlocks(
      blocks.filter((b) => !b.BlockType!.startsWith('LAYOUT_')),
      { pageSize: LETTER_150DPI },
    );
    expect(withLayout!.lines.slice(3, 7).map((l) => l.text)).toEqual(['ANY COMPANY CORP.', '475 ANY AVENUE', 'ANYTOWN USA 10101', 'Earnings Statement']);
    expect(withoutLayout!.lines.slice(3, 5).map((l) => l.text)).toEqual(['Earnings Statement', 'ANY COMPANY CORP.']);
    expect(new Set(withLayout!.lines.map((l) => l.text))).toEqual(new Set(withoutLayout!.lines.map((l) => l.text)));
  });

  it('leaves out structures whose feature was not requested (undefined, not empty)', () => {
    const [tablesOnly] = mapTextractBlocks(blocksOf('analyze-document-forms-tables'), { pageSize: LETTER_150DPI, features: ['TABLES'] });
    expect(tablesOnly!.tables).toHaveLength(1);
    expect(tablesOnly!.selections).toHaveLength(2);
    expect(tablesOnly!.keyValues).toBeUndefined();
    expect(tablesOnly!.signatures).toBeUndefined();
    const [signaturesOnly] = mapTextractBlocks(blocksOf('analyze-document-forms-tables'), { pageSize: LETTER_150DPI, features: ['SIGNATURES'] });
    expect(signaturesOnly!.signatures).toEqual([]);
    expect(signaturesOnly!.tables).toBeUndefined();
    expect(signaturesOnly!.selections).toBeUndefined();
  });

  it('uses the given page number for blocks without a Page field', () => {
    const pages = mapTextractBlocks(blocksOf('analyze-document-signature'), { pageSize: LETTER_150DPI, defaultPageNumber: 4 });
    expect(pages.map((p) => p.pageNumber)).toEqual([4]);
  });

  it('clamps boxes to the page and tolerates a block without geometry', () => {
    expect(textractBox({ BoundingBox: { Left: -0.01, Top: 0.99, Width: 0.5, Height: 0.05 } }, { width: 100, height: 200 })).toEqual({ x0: 0, y0: 198, x1: 49, y1: 200 });
    expect(textractBox(undefined, { width: 100, height: 200 })).toEqual({ x0: 0, y0: 0, x1: 0, y1: 0 });
  });

  it('refuses a page without a pixel size', () => {
    expect(() => mapTextractBlocks(blocksOf('analyze-document-signature'), { pageSize: { width: 0, height: 0 } })).toThrow(/no pixel size/);
  });
});
