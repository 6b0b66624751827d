import type { DocumentRecord } from '../domain/records.js';
import { addWorkingDays, createDefaultCalendar, type WorkingDayCalendar } from '../rules/calendar.js';
import { addDays } from '../rules/dates.js';
import type { InstitutionConfig } from '../rules/types.js';

export interface ObjectionDeadline {
  /** The last day a written objection is in time (ISO), when it can be determined. */
  date?: string;
  /** How it was determined, or why it cannot be, in Chinese with the rule cited. */
  note: string;
}

let defaultCalendar: WorkingDayCalendar | undefined;

/**
 * The last day for a written objection to a fact sheet. Yunnan: five working days after
 * delivery (YN-18-2, 第十八条), counted on the official calendar with adjusted working days.
 * Ningxia leaves the period to each institution's rules (NX-18-3, 第十八条): without that
 * configuration the deadline is undetermined, never borrowed from Yunnan.
 */
export function objectionDeadline(record: DocumentRecord, institution?: InstitutionConfig, calendar?: WorkingDayCalendar): ObjectionDeadline {
  const fields = record.extracted?.kind === 'FACT_SHEET' ? record.extracted.fields : undefined;
  const delivered = fields?.deliveryDate?.value;
  if (!delivered) return { note: '未识别到送达日期，异议期限待定' };
  const cal = calendar ?? (defaultCalendar ??= createDefaultCalendar());
  if (record.jurisdiction === 'YN') {
    const deadline = addWorkingDays(cal, delivered, 5);
    return deadline.status === 'OK'
      ? { date: deadline.date, note: '送达后五个工作日内（云南，第十八条，YN-18-2；按国家法定节假日及调休安排计算）' }
      : { note: `送达后五个工作日内（云南，第十八条）；${deadline.year}年节假日安排尚未收录，期限待定` };
  }
  if (record.jurisdiction === 'NX') {
    const period = institution?.objectionPeriod;
    if (!period) return { note: '异议期限由机构实施细则规定（宁夏，第十八条，NX-18-3），未配置参数 objectionPeriod，待定' };
    if (period.unit === 'calendar_days') return { date: addDays(delivered, period.count), note: `送达后${period.count}日内（宁夏，第十八条，依机构实施细则）` };
    const deadline = addWorkingDays(cal, delivered, period.count);
    return deadline.status === 'OK'
      ? { date: deadline.date, note: `送达后${period.count}个工作日内（宁夏，第十八条，依机构实施细则）` }
      : { note: `送达后${period.count}个工作日内；${deadline.year}年节假日安排尚未收录，期限待定` };
  }
  return { note: '所属地区的尽职免责规定未确定，异议期限待定' };
}
