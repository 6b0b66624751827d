import type { DocumentRecord } from '../domain/records.js';

/**
 * The last day for a written objection to a fact sheet. Yunnan: five working days after
 * delivery (YN-18-2, 第十八条). Ningxia leaves the period to each institution's rules (NX-18-3):
 * without that configuration the deadline is undetermined, never borrowed from Yunnan.
 */
export function objectionDeadline(record: DocumentRecord): { date?: string; note: string } {
  const fields = record.extracted?.kind === 'FACT_SHEET' ? record.extracted.fields : undefined;
  const delivered = fields?.deliveryDate?.value;
  if (!delivered) return { note: '未识别到送达日期，异议期限待定' };
  if (record.jurisdiction === 'YN') return { note: '送达之日起5个工作日内（云南，第十八条）；工作日历待接入，期限待定' };
  if (record.jurisdiction === 'NX') return { note: '异议期限由机构实施细则规定（宁夏，第十八条），未配置，待定' };
  return { note: '所属地区规则未确定，异议期限待定' };
}
