import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderFactSheet, factSheetInputFromRecord } from '../../shared/reports/fact-sheet.js';
import { ReportDocument } from '../../shared/reports/layout.js';
import { factSheetRecord, sampleFindings } from './samples.js';
import { overlappingWords, pageCount, pdfText, renderPngs, savePdf, squeeze, wordBoxes, type WordBox } from './pdf-tools.js';

const options = { title: '分页测试报告', documentNo: 'TEST-LAYOUT-001', generatedAt: new Date('2024-03-05T02:00:00Z') };

/** Each row's second cell holds lines `R<row>L<line>`, one word each, so poppler can tell where every line landed. */
function markedRows(count: number): string[][] {
  return Array.from({ length: count }, (_, row) => [
    `第${row + 1}行`,
    Array.from({ length: (row % 7) + 1 }, (_, line) => `R${row}L${line}`).join('\n'),
    '说明文字'.repeat((row % 3) + 1),
  ]);
}

function pageOf(words: WordBox[], text: string): number[] {
  return words.filter((w) => w.text === text).map((w) => w.page);
}

describe('ReportDocument tables', () => {
  it('moves a row that does not fit to the next page whole, under a repeated header row', async () => {
    const doc = await ReportDocument.create(options);
    doc.paragraph('本表用于验证表格跨页时不拆分行。');
    const rows = markedRows(60);
    doc.table({ columns: [{ title: '序号', width: 1 }, { title: '标记', width: 1 }, { title: '说明', width: 3 }], rows });
    const path = savePdf('layout-rows', await doc.finish());
    renderPngs(path);

    const pages = pageCount(path);
    expect(pages).toBeGreaterThan(2);
    const words = wordBoxes(path);
    rows.forEach((row, r) => {
      const lines = row[1].split('\n');
      const rowPages = new Set(lines.flatMap((line) => pageOf(words, line)));
      expect(lines.flatMap((line) => pageOf(words, line)), `row ${r}`).toHaveLength(lines.length);
      expect(rowPages.size, `row ${r} is split over pages ${[...rowPages]}`).toBe(1);
    });
    for (let page = 1; page <= pages; page++) {
      expect(pageOf(words, '标记').filter((p) => p === page), `header on page ${page}`).toHaveLength(1);
    }
    expect(overlappingWords(words)).toEqual([]);
  });

  it('splits a row taller than a page between lines, keeping every line once and in order', async () => {
    const doc = await ReportDocument.create(options);
    const tall = Array.from({ length: 140 }, (_, i) => `T${i}`).join('\n');
    doc.table({
      columns: [{ title: '项目', width: 1 }, { title: '内容', width: 2 }],
      rows: [['前一行', '普通内容'], ['超长行', tall], ['后一行', '普通内容']],
    });
    const path = savePdf('layout-tall-row', await doc.finish());
    renderPngs(path);

    expect(pageCount(path)).toBeGreaterThanOrEqual(3);
    const words = wordBoxes(path);
    let previous = { page: 1, y: 0 };
    for (let i = 0; i < 140; i++) {
      const [word] = words.filter((w) => w.text === `T${i}`);
      expect(word, `T${i}`).toBeDefined();
      expect(word.page > previous.page || (word.page === previous.page && word.yMin > previous.y), `T${i} in order`).toBe(true);
      previous = { page: word.page, y: word.yMin };
    }
    for (let page = 2; page <= pageCount(path); page++) expect(pageOf(words, '内容')).toContain(page);
    expect(overlappingWords(words)).toEqual([]);
  });

  it('keeps a signature block together on one page, wherever the text before it ends', async () => {
    const placements: number[] = [];
    for (let sentences = 80; sentences <= 100; sentences += 2) {
      const doc = await ReportDocument.create(options);
      doc.paragraph('填充内容，使签名栏落在页面底部附近。'.repeat(sentences));
      doc.signatureBlock([
        { label: '被评议人（签字）', date: true },
        { label: '工作小组组长（签字）', date: true, seal: true },
      ]);
      const path = savePdf('layout-signature', await doc.finish());
      const words = wordBoxes(path);
      const pagesOf = (prefix: string) => words.filter((w) => w.text.startsWith(prefix)).map((w) => w.page);
      const signaturePages = new Set([...pagesOf('被评议人（签字）'), ...pagesOf('工作小组组长（签字）'), ...pagesOf('（盖章）')]);
      expect(signaturePages.size, `${sentences} sentences`).toBe(1);
      placements.push(Math.max(...pagesOf('填充内容')) < [...signaturePages][0] ? 1 : 0);
    }
    // Some filler lengths left too little room: the block moved to a new page whole.
    expect(placements).toContain(1);
    expect(placements).toContain(0);
  });

  it('keeps a heading on the page where the table after it starts', async () => {
    const placements: boolean[] = [];
    for (let sentences = 80; sentences <= 100; sentences += 4) {
      const doc = await ReportDocument.create(options);
      doc.paragraph('填充内容，使标题落在页面底部附近。'.repeat(sentences));
      doc.heading('四、规则核查结果').table({
        columns: [{ title: '规则编号', width: 1 }, { title: '说明', width: 4 }],
        rows: [['YN-18-2', '多行说明。'.repeat(40)]],
      });
      const words = wordBoxes(savePdf('layout-heading', await doc.finish()));
      const [heading] = words.filter((w) => w.text === '四、规则核查结果');
      const [header] = words.filter((w) => w.text === '规则编号');
      expect(heading.page, `${sentences} sentences`).toBe(header.page);
      placements.push(heading.page > 1);
    }
    expect(placements).toContain(true);
  });

  it('rejects a row whose cell count does not match the columns', async () => {
    const doc = await ReportDocument.create(options);
    expect(() => doc.table({ columns: [{ title: '甲', width: 1 }], rows: [['一', '二']] })).toThrow(/2 cells, expected 1/);
  });
});

describe('ReportDocument output', () => {
  it('embeds each weight once as a subset, and a two-page report stays small', async () => {
    const input = factSheetInputFromRecord(factSheetRecord({ findings: sampleFindings(6) }), '事实认定材料.pdf', {
      date: '2023-10-27',
      note: '自送达次日起五个工作日',
    });
    const meta = { documentNo: 'NX-SS-2024-000018', generatedAt: new Date('2024-03-05T02:00:00Z') };
    // Speed is measured in bench/, never asserted in tests.
    const bytes = await renderFactSheet(input, meta);
    const path = savePdf('layout-two-pages', bytes);
    expect(pageCount(path)).toBe(2);
    expect(bytes.length).toBeLessThan(150 * 1024);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(2);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});
