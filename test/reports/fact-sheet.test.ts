import { describe, expect, it } from 'vitest';
import { factSheetInputFromRecord, renderFactSheet, type FactSheetReportInput } from '../../shared/reports/fact-sheet.js';
import { LONG_FACTS, factSheetRecord, itemMarker, meetingMinutesRecord, sampleFindings } from './samples.js';
import { cellTexts, overlappingWords, pageCount, pdfText, renderPngs, savePdf, squeeze, wordBoxes } from './pdf-tools.js';

const meta = { documentNo: 'NX-SS-2024-000017', generatedAt: new Date('2024-03-05T09:30:00+08:00') };
const SOURCE = '事实认定材料（张三）扫描件.pdf';

describe('factSheetInputFromRecord', () => {
  it('takes every value from the extracted fields and cites the page each was read on', () => {
    const input = factSheetInputFromRecord(factSheetRecord(), SOURCE, { date: '2023-10-27', note: '自送达次日起五个工作日' });

    expect(input).toMatchObject({
      institutionName: '宁夏某融资担保有限公司',
      caseId: 'NX-ZC-2023-017',
      evaluatedPerson: '张三',
      position: '业务二部项目经理',
      guaranteeAmount: 500_000_000,
      compensationDate: '2023-03-15',
      compensationAmount: 487_654_321,
      facts: LONG_FACTS,
      conclusion: '基本尽职',
      objectionDeadline: { date: '2023-10-27', note: '自送达次日起五个工作日' },
    });
    expect(input.evidence).toContainEqual({ fact: '担保金额：5,000,000.00 元', document: SOURCE, page: 1 });
    expect(input.evidence).toContainEqual({ fact: '代偿金额：4,876,543.21 元', document: SOURCE, page: 2 });
    expect(input.evidence).toContainEqual({ fact: '评议结论：基本尽职', document: SOURCE, page: 3 });
    expect(input.findings).toHaveLength(3);
  });

  it('leaves unread values null and the conclusion pending', () => {
    const record = factSheetRecord({ withoutAmounts: true });
    if (record.extracted?.kind !== 'FACT_SHEET') throw new Error('sample is a fact sheet');
    delete record.extracted.fields.conclusion;

    const input = factSheetInputFromRecord(record, SOURCE, { note: '异议期限未配置，待定' });

    expect(input.guaranteeAmount).toBeNull();
    expect(input.compensationAmount).toBeNull();
    expect(input.conclusion).toBe('待定');
    expect(input.objectionDeadline).toEqual({ date: null, note: '异议期限未配置，待定' });
    expect(input.evidence.map((e) => e.fact)).not.toContainEqual(expect.stringMatching(/担保金额|评议结论/));
  });

  it('refuses a record of another kind', () => {
    expect(() => factSheetInputFromRecord(meetingMinutesRecord([]), SOURCE, { note: '' })).toThrow(/FACT_SHEET/);
  });
});

describe('renderFactSheet', () => {
  it('prints the sheet with facts, evidence, conclusion, objection notice and signature lines', async () => {
    // Prepare
    const input = factSheetInputFromRecord(factSheetRecord({ findings: sampleFindings(16) }), SOURCE, {
      date: '2023-10-27',
      note: '自送达次日起五个工作日',
    });

    // Act
    const path = savePdf('fact-sheet', await renderFactSheet(input, meta));
    renderPngs(path);

    // Assess
    const pages = pageCount(path);
    expect(pages).toBeGreaterThan(1);
    const text = squeeze(pdfText(path));
    for (const expected of [
      '事实认定材料',
      '尽职免责调查认定工作小组',
      '文书编号：NX-SS-2024-000017',
      '生成日期：2024年3月5日',
      LONG_FACTS,
      '被评议人对本材料所认定的事实如有异议，可在异议期限内向尽职免责调查认定工作小组提出书面异议',
      '被评议人（签字）：',
      '工作小组组长（签字）：',
      '（盖章）',
    ]) {
      expect(text, expected).toContain(squeeze(expected));
    }
    expect(text.match(/日期：年月日/g)).toHaveLength(2);
    const cells = cellTexts(path);
    for (const expected of [
      '宁夏某融资担保有限公司',
      'NX-ZC-2023-017',
      'DB-2021-0456',
      '张三',
      '业务二部项目经理',
      '宁夏某农业科技有限公司',
      '某农村商业银行股份有限公司银川分行',
      '5,000,000.00 元（500.00 万元）',
      '2023年3月15日',
      '4,876,543.21 元（487.654321 万元）',
      '基本尽职',
      '2023年10月20日',
      '2023年10月27日前（含当日）；自送达次日起五个工作日',
      '担保金额：5,000,000.00 元',
      SOURCE,
      '第 2 页',
    ]) {
      expect(cells, expected).toContain(squeeze(expected));
    }
    for (let n = 1; n <= 16; n++) expect(text).toContain(itemMarker(n));
    for (let page = 1; page <= pages; page++) expect(pdfText(path, page)).toContain(`第 ${page} 页 共 ${pages} 页`);
    expect(overlappingWords(wordBoxes(path))).toEqual([]);
  });

  it('prints （未识别） for values that were not read and the reason when there is no deadline', async () => {
    const record = factSheetRecord({ withoutAmounts: true, findings: [] });
    const input = factSheetInputFromRecord(record, SOURCE, { note: '异议期限未配置，待定' });

    const path = savePdf('fact-sheet-unread', await renderFactSheet(input, meta));
    renderPngs(path);

    const cells = cellTexts(path);
    expect(cells.filter((c) => c === '（未识别）')).toHaveLength(2);
    expect(cells).toContain('异议期限未配置，待定');
    expect(squeeze(pdfText(path))).toContain('四、规则核查意见未发现需要提示的问题。');
  });

  it('checks its input', async () => {
    const input = factSheetInputFromRecord(factSheetRecord(), SOURCE, { note: '' });
    const broken = { ...input, compensationDate: '2023/03/15' } as FactSheetReportInput;
    await expect(renderFactSheet(broken, meta)).rejects.toThrow();
  });
});
