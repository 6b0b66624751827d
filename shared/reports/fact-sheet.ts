/**
 * 事实认定材料: the facts the 尽职免责调查认定工作小组 found about one evaluated person, the
 * evidence each rests on and the conclusion, sent to the person for signature (YN 第十八条;
 * NX 第十八条 calls it 事实认证材料).
 */
import { z } from 'zod';
import { Fen, IsoDate, type FactSheetFields, type Field } from '../domain/fields.js';
import { Finding, type DocumentRecord } from '../domain/records.js';
import { FIELD_LABEL_ZH } from './field-labels.js';
import { formatFieldValue } from './field-values.js';
import { findingsTable } from './findings-table.js';
import { NOT_RECOGNIZED, formatDateZh, formatMoney } from './format.js';
import { ReportDocument, type ReportMeta } from './layout.js';

const WORKING_GROUP = '尽职免责调查认定工作小组';

/** Values that were not read are `null` and print as `（未识别）`. */
export const FactSheetReportInput = z.object({
  institutionName: z.string().nullable(),
  caseId: z.string().nullable(),
  projectId: z.string().nullable(),
  evaluatedPerson: z.string().nullable(),
  position: z.string().nullable(),
  debtorName: z.string().nullable(),
  lendingBank: z.string().nullable(),
  guaranteeAmount: Fen.nullable(),
  compensationDate: IsoDate.nullable(),
  compensationAmount: Fen.nullable(),
  /** The facts found, as the working group states them. */
  facts: z.string().nullable(),
  /** Each fact with the document and page it rests on. */
  evidence: z.array(z.object({ fact: z.string(), document: z.string(), page: z.number().int().min(1) })),
  conclusion: z.enum(['尽职', '基本尽职', '不尽职', '待定']),
  conclusionDate: IsoDate.nullable(),
  findings: z.array(Finding),
  /** Last day for a written objection, or `null` with the reason in `note` (e.g. 异议期限未配置，待定). */
  objectionDeadline: z.object({ date: IsoDate.nullable(), note: z.string() }),
});
export type FactSheetReportInput = z.infer<typeof FactSheetReportInput>;

export async function renderFactSheet(input: FactSheetReportInput, meta: ReportMeta): Promise<Uint8Array> {
  const sheet = FactSheetReportInput.parse(input);
  const doc = await ReportDocument.create({
    title: '事实认定材料',
    subtitle: WORKING_GROUP,
    documentNo: meta.documentNo,
    generatedAt: meta.generatedAt,
  });

  doc.heading('一、基本情况').keyValues([
    { label: '担保机构', value: orUnread(sheet.institutionName) },
    { label: '案件编号', value: orUnread(sheet.caseId) },
    { label: '项目编号', value: orUnread(sheet.projectId) },
    { label: '被评议人', value: orUnread(sheet.evaluatedPerson) },
    { label: '职务', value: orUnread(sheet.position) },
    { label: '债务人', value: orUnread(sheet.debtorName) },
    { label: '贷款银行', value: orUnread(sheet.lendingBank) },
    { label: '担保金额', value: orUnread(sheet.guaranteeAmount, formatMoney) },
    { label: '代偿日期', value: orUnread(sheet.compensationDate, formatDateZh) },
    { label: '代偿金额', value: orUnread(sheet.compensationAmount, formatMoney) },
  ]);

  doc.heading('二、认定事实').paragraph(orUnread(sheet.facts));
  if (sheet.evidence.length > 0) {
    doc.table({
      columns: [
        { title: '序号', width: 0.5, align: 'center' },
        { title: '认定事项', width: 4 },
        { title: '依据材料', width: 2.4 },
        { title: '页码', width: 0.6, align: 'center' },
      ],
      rows: sheet.evidence.map((e, i) => [String(i + 1), e.fact, e.document, `第 ${e.page} 页`]),
    });
  }

  doc.heading('三、评议结论').keyValues([
    { label: '评议结论', value: sheet.conclusion },
    { label: '结论日期', value: orUnread(sheet.conclusionDate, formatDateZh) },
  ]);

  doc.heading('四、规则核查意见');
  if (sheet.findings.length === 0) doc.paragraph('未发现需要提示的问题。');
  else doc.table(findingsTable(sheet.findings));

  const { date, note } = sheet.objectionDeadline;
  doc
    .heading('五、异议告知')
    .paragraph(
      `被评议人对本材料所认定的事实如有异议，可在异议期限内向${WORKING_GROUP}提出书面异议，并附相关证明材料；工作小组将对异议意见及证明材料进行复核。`,
    )
    .keyValues([{ label: '异议期限', value: date ? `${formatDateZh(date)}前（含当日）${note ? `；${note}` : ''}` : note }]);

  doc.signatureBlock([
    { label: '被评议人（签字）', date: true },
    { label: '工作小组组长（签字）', date: true, seal: true },
  ]);
  return doc.finish();
}

/**
 * Builds the report input from a FACT_SHEET document's extracted fields. Every extracted fact
 * cites `sourceName` and the page it was read on; the conclusion is 待定 when none was read.
 */
export function factSheetInputFromRecord(
  record: DocumentRecord,
  sourceName: string,
  objectionDeadline: { date?: string; note: string },
): FactSheetReportInput {
  const extracted = record.extracted ?? { kind: record.kind, fields: {} };
  if (record.kind !== 'FACT_SHEET' || extracted.kind !== 'FACT_SHEET') {
    throw new Error(`expected a FACT_SHEET record, got ${record.kind} (${record.fileName})`);
  }
  const fields: FactSheetFields = extracted.fields;
  const value = <T>(field: Field<T> | undefined): T | null => field?.value ?? null;
  return FactSheetReportInput.parse({
    institutionName: value(fields.institutionName),
    caseId: value(fields.caseId),
    projectId: value(fields.projectId),
    evaluatedPerson: value(fields.evaluatedPerson),
    position: value(fields.position),
    debtorName: value(fields.debtorName),
    lendingBank: value(fields.lendingBank),
    guaranteeAmount: value(fields.guaranteeAmount),
    compensationDate: value(fields.compensationDate),
    compensationAmount: value(fields.compensationAmount),
    facts: value(fields.facts),
    evidence: EVIDENCED_FACTS.flatMap((key) => {
      const field = fields[key];
      if (!field) return [];
      const fact = key === 'facts' ? '认定事实（全文见“二、认定事实”）' : `${FIELD_LABEL_ZH[key]}：${formatFieldValue(key, field.value)}`;
      return [{ fact, document: sourceName, page: field.provenance.page }];
    }),
    conclusion: value(fields.conclusion) ?? '待定',
    conclusionDate: value(fields.conclusionDate),
    findings: record.findings,
    objectionDeadline: { date: objectionDeadline.date ?? null, note: objectionDeadline.note },
  });
}

/** The extracted fields that state facts of the case (not who or which case it is). */
const EVIDENCED_FACTS = [
  'debtorName',
  'lendingBank',
  'guaranteeAmount',
  'compensationDate',
  'compensationAmount',
  'facts',
  'conclusion',
  'conclusionDate',
] as const satisfies readonly (keyof FactSheetFields)[];

function orUnread<T>(value: T | null, format: (v: T) => string = String): string {
  return value === null ? NOT_RECOGNIZED : format(value);
}
