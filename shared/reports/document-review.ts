/** 材料识别与核查报告: what was read from one uploaded document and what the rules found. */
import {
  AuditReportFields,
  FactSheetFields,
  KIND_LABEL_ZH,
  MeetingMinutesFields,
  type ExtractedFields,
  type Field,
} from '../domain/fields.js';
import type { DocumentRecord } from '../domain/records.js';
import { FIELD_LABEL_ZH, type FieldKey } from './field-labels.js';
import { formatFieldValue } from './field-values.js';
import { findingsTable } from './findings-table.js';
import {
  DOCUMENT_STATUS_ZH,
  TEXT_SOURCE_ZH,
  formatConfidence,
  formatCount,
  formatDateTimeZh,
  formatJurisdiction,
} from './format.js';
import { ReportDocument, type KeyValue, type ReportMeta } from './layout.js';

export async function renderDocumentReview(record: DocumentRecord, meta: ReportMeta): Promise<Uint8Array> {
  const fields = extractedFieldsInOrder(record.extracted);
  const institution = fields.find(([key]) => key === 'institutionName')?.[1].value;
  const doc = await ReportDocument.create({
    title: '材料识别与核查报告',
    subtitle: typeof institution === 'string' ? institution : undefined,
    documentNo: meta.documentNo,
    generatedAt: meta.generatedAt,
  });

  doc.heading('一、材料基本信息').keyValues(basicInformation(record));

  doc.heading('二、处理状态说明');
  if (record.reasons.length === 0) doc.paragraph(STATUS_WITHOUT_REASONS[record.status]);
  record.reasons.forEach((reason, i) => doc.paragraph(`${i + 1}. ${reason}`));

  doc.heading('三、识别字段');
  if (fields.length === 0) {
    doc.paragraph('未识别到结构化字段。');
  } else {
    doc.table({
      columns: [
        { title: '字段', width: 1.3 },
        { title: '识别值', width: 2.6 },
        { title: '置信度', width: 0.8, align: 'right' },
        { title: '页码', width: 0.6, align: 'center' },
        { title: '原文', width: 3 },
      ],
      rows: fields.map(([key, field]) => [
        FIELD_LABEL_ZH[key],
        formatFieldValue(key, field.value),
        formatConfidence(field.confidence),
        String(field.provenance.page),
        field.provenance.sourceText,
      ]),
    });
  }

  doc.heading('四、规则核查结果');
  if (record.findings.length === 0) doc.paragraph('未发现需要提示的问题。');
  else doc.table(findingsTable(record.findings));

  return doc.finish();
}

const STATUS_WITHOUT_REASONS: Record<DocumentRecord['status'], string> = {
  RECEIVED: '材料已接收，尚在处理中。',
  PROCESSED: '材料已完成识别与核查，无需人工复核。',
  NEEDS_REVIEW: '材料待人工复核（未记录具体原因）。',
  REJECTED: '材料已拒收（未记录具体原因）。',
};

function basicInformation(record: DocumentRecord): KeyValue[] {
  const entries: KeyValue[] = [
    { label: '文件名称', value: record.fileName },
    { label: 'SHA-256', value: record.documentId },
    { label: '材料类型', value: KIND_LABEL_ZH[record.kind] },
    { label: '处理状态', value: DOCUMENT_STATUS_ZH[record.status] },
    { label: '文件大小', value: `${formatCount(record.bytes)} 字节` },
    { label: '页数', value: `${record.pages} 页` },
    { label: '文本来源', value: record.textSource ? TEXT_SOURCE_ZH[record.textSource] : '—' },
    { label: '识别引擎', value: record.ocrEngine ?? '—' },
    { label: '印章', value: sealText(record) },
    { label: '机构编号', value: record.institutionId },
  ];
  if (record.jurisdiction) entries.push({ label: '适用地区', value: formatJurisdiction(record.jurisdiction) });
  entries.push({ label: '接收时间', value: formatDateTimeZh(record.receivedAt) });
  return entries;
}

const FIELD_ORDER: Record<ExtractedFields['kind'], readonly FieldKey[]> = {
  MEETING_MINUTES: Object.keys(MeetingMinutesFields.shape) as FieldKey[],
  FACT_SHEET: Object.keys(FactSheetFields.shape) as FieldKey[],
  AUDIT_REPORT: Object.keys(AuditReportFields.shape) as FieldKey[],
  UNKNOWN: [],
};

/** The fields that were read, in the order the schema declares them. */
function extractedFieldsInOrder(extracted: ExtractedFields | undefined): [FieldKey, Field<unknown>][] {
  if (!extracted) return [];
  const fields = extracted.fields as Partial<Record<FieldKey, Field<unknown>>>;
  return FIELD_ORDER[extracted.kind].flatMap((key) => {
    const field = fields[key];
    return field ? [[key, field] as [FieldKey, Field<unknown>]] : [];
  });
}

/** Where seals were seen, or why it cannot be said. */
function sealText(record: DocumentRecord): string {
  if (!record.seals) return record.textSource === 'ocr' ? '无法判断（灰度扫描件）' : '—';
  if (record.seals.length === 0) return '未见印章';
  const pages = [...new Set(record.seals.map((s) => s.page))];
  return `第 ${pages.join('、')} 页见红色印章`;
}
