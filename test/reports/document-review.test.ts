import { describe, expect, it } from 'vitest';
import type { Field } from '../../shared/domain/fields.js';
import { renderDocumentReview } from '../../shared/reports/document-review.js';
import { FIELD_LABEL_ZH, type FieldKey } from '../../shared/reports/field-labels.js';
import { formatFieldValue } from '../../shared/reports/field-values.js';
import { auditReportRecord, factSheetRecord, itemMarker, meetingMinutesRecord, sampleFindings } from './samples.js';
import { cellTexts, overlappingWords, pageCount, pdfText, renderPngs, savePdf, squeeze, wordBoxes } from './pdf-tools.js';

const meta = { documentNo: 'NX-CL-2024-000123', generatedAt: new Date('2024-03-05T02:00:00Z') };

describe('renderDocumentReview', () => {
  it('prints a meeting-minutes review whose findings table runs over several pages', async () => {
    // Prepare
    const record = meetingMinutesRecord(sampleFindings(30));

    // Act
    const path = savePdf('review-minutes', await renderDocumentReview(record, meta));
    renderPngs(path);

    // Assess
    const pages = pageCount(path);
    expect(pages).toBeGreaterThan(2);
    const text = squeeze(pdfText(path));
    for (const expected of ['材料识别与核查报告', '文书编号：NX-CL-2024-000123', '生成日期：2024年3月5日']) {
      expect(text).toContain(expected);
    }
    const cells = cellTexts(path);
    for (const expected of [
      '宁夏某融资担保有限公司', // subtitle
      record.fileName,
      record.documentId,
      '会议纪要',
      '待人工复核',
      '1.表决情况识别置信度低于阈值（72%），请核对原件第2页。',
      '光学字符识别（OCR）',
      'tesseract-chi_sim',
      '宁夏回族自治区（NX）',
      '2024年3月4日16:15',
      '2021年6月18日',
      '项目评审会/评审委员会',
      '5,000,000.00元',
      '宁担评〔2021〕12号',
      '5人',
      '72%',
      '赵六：同意；钱八：同意；周九：反对（理由：企业下游客户单一，应收账款回收存在较大不确定性；依据：《融资担保公司监督管理条例》第二十一条）；吴十：弃权；郑十一：有条件同意（理由：需追加实际控制人个人连带责任保证）',
      '表决：同意2票，反对1票（周九：企业下游客户单一……），弃权1票，有条件同意1票',
      '冯十二（回避理由：与债务人实际控制人系近亲属）',
    ]) {
      expect(cells, expected).toContain(squeeze(expected));
    }
    if (record.extracted?.kind !== 'MEETING_MINUTES') throw new Error('sample is minutes');
    for (const [key, field] of Object.entries(record.extracted.fields) as [FieldKey, Field<unknown>][]) {
      expect(cells, key).toContain(squeeze(FIELD_LABEL_ZH[key]));
      expect(cells, key).toContain(squeeze(formatFieldValue(key, field.value)));
      expect(cells, key).toContain(squeeze(field.provenance.sourceText));
    }

    for (const modality of ['可（可以免责）', '应（应当）', '不得免责', '原则上', '程序要求', '数据核验']) {
      expect(cells).toContain(modality);
    }
    for (const code of ['OBJECTION_LATE', 'INVESTIGATION_DEADLINE_MISSED', 'NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY']) {
      expect(cells).toContain(code);
    }
    for (const [n, finding] of record.findings.entries()) {
      expect(cells, `finding ${n + 1}`).toContain(squeeze(finding.message));
      expect(finding.message.startsWith(itemMarker(n + 1))).toBe(true);
    }

    for (let page = 1; page <= pages; page++) {
      const pageText = pdfText(path, page);
      expect(pageText).toContain(`第 ${page} 页 共 ${pages} 页`);
      if (page > 1) expect(squeeze(pageText)).toContain('材料识别与核查报告文书编号：NX-CL-2024-000123');
    }
    // The findings table continues on the last page, under a repeated header row.
    expect(cellTexts(path).filter((cell) => cell === '结论代码').length).toBe(pages - 1);
    expect(overlappingWords(wordBoxes(path))).toEqual([]);
  });

  it('prints percentages, multiples and money of an audit report, and says when nothing was found', async () => {
    const path = savePdf('review-audit', await renderDocumentReview(auditReportRecord(), meta));
    renderPngs(path);

    const cells = cellTexts(path);
    for (const expected of [
      '审计报告',
      '已处理',
      'PDF文本层',
      '重庆市（CQ）',
      '4.35%',
      '3.52倍',
      '0.98%',
      '1,000,000,000.00元',
      '2023年度',
      '1,234户',
      '保后检查记录不完整；部分项目反担保登记滞后',
    ]) {
      expect(cells, expected).toContain(expected);
    }
    const text = squeeze(pdfText(path));
    expect(text).toContain('材料已完成识别与核查，无需人工复核。');
    expect(text).toContain('四、规则核查结果未发现需要提示的问题。');
    expect(overlappingWords(wordBoxes(path))).toEqual([]);
  });

  it('lists the fields of a fact sheet with confidence, page and the text as read', async () => {
    const path = savePdf('review-fact-sheet', await renderDocumentReview(factSheetRecord(), meta));
    const cells = cellTexts(path);
    for (const expected of ['5,000,000.00元', '4,876,543.21元', '61%', '代偿金额：4,876,543.21元', '基本尽职', '2023年10月20日', '二〇二三年十月二十日']) {
      expect(cells, expected).toContain(expected);
    }
    expect(squeeze(pdfText(path))).toContain('1.异议期限未配置');
  });

  it('says so when a document yielded no fields', async () => {
    const record = { ...auditReportRecord(), kind: 'UNKNOWN' as const, status: 'REJECTED' as const, reasons: ['无法识别材料类型。'], extracted: undefined };
    const text = squeeze(pdfText(savePdf('review-unknown', await renderDocumentReview(record, meta))));
    expect(text).toContain('未识别材料');
    expect(text).toContain('已拒收');
    expect(text).toContain('三、识别字段未识别到结构化字段。');
  });

  it('renders the same bytes for the same record, so an archived report can be reproduced', async () => {
    const record = meetingMinutesRecord(sampleFindings(5));
    const first = await renderDocumentReview(record, meta);
    const second = await renderDocumentReview(record, meta);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
