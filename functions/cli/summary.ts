import type { DocumentRecord } from '../../shared/domain/records.js';
import { KIND_LABEL_ZH } from '../../shared/domain/fields.js';
import { DOCUMENT_STATUS_ZH, formatBasisPoints, formatMoney } from '../../shared/reports/format.js';
import type { FileOutcome } from './process-files.js';
import type { CaseOutcome } from '../../shared/pipeline/assess-cases.js';
import { OUTCOME_LABEL_ZH } from '../../shared/rules/assess.js';

/** The few values a clerk checks first, per kind. */
export function keyFields(record: DocumentRecord): string {
  const e = record.extracted;
  if (!e) return '';
  const parts: string[] = [];
  if (e.kind === 'MEETING_MINUTES') {
    const f = e.fields;
    if (f.meetingDate) parts.push(`日期 ${f.meetingDate.value}`);
    if (f.chair) parts.push(`主持 ${f.chair.value}`);
    if (f.amount) parts.push(`金额 ${formatMoney(f.amount.value)}`);
  } else if (e.kind === 'FACT_SHEET') {
    const f = e.fields;
    if (f.evaluatedPerson) parts.push(`被评议人 ${f.evaluatedPerson.value}`);
    if (f.conclusion) parts.push(`结论 ${f.conclusion.value}`);
    if (f.deliveryDate) parts.push(`送达 ${f.deliveryDate.value}`);
  } else if (e.kind === 'AUDIT_REPORT') {
    const f = e.fields;
    if (f.fiscalYear) parts.push(`年度 ${f.fiscalYear.value}`);
    if (f.compensationRate) parts.push(`代偿率 ${formatBasisPoints(f.compensationRate.value)}`);
    if (f.provisionCoverageRatio) parts.push(`拨备覆盖率 ${formatBasisPoints(f.provisionCoverageRatio.value)}`);
  }
  return parts.join('；');
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

export function summaryTable(outcomes: FileOutcome[]): string {
  const header = ['文件 file', '类型 kind', '状态 status', '关键字段 key fields', '发现 findings'];
  const rows = outcomes.map((o) => {
    const r = o.record;
    if (!r) return [o.file, '—', '失败 failed', o.error ?? '', ''];
    const why = r.reasons.length ? `${r.reasons.length} 项原因：${r.reasons[0]}` : '';
    return [r.fileName, KIND_LABEL_ZH[r.kind], DOCUMENT_STATUS_ZH[r.status] ?? r.status, keyFields(r) || why, `${r.findings.length}`];
  });
  return table(header, rows);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.min(60, Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i])))));
  const line = (cells: string[]) => cells.map((c, i) => pad(truncate(c, widths[i]), widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/** One line per evaluated person of each case assessed. */
export function caseTable(cases: CaseOutcome[]): string {
  const header = ['案件 case', '被评议人 person', '评估结论 outcome', '报告 report'];
  const rows = cases.flatMap((c) =>
    c.assessment
      ? c.assessment.persons.map((p) => [c.caseId, p.name, `${OUTCOME_LABEL_ZH[p.outcome as keyof typeof OUTCOME_LABEL_ZH] ?? ''} ${p.outcome}`, c.report?.reportId ?? ''])
      : [[c.caseId, '—', `无法评估：缺少${(c.missing ?? []).join('、')}`, '']],
  );
  return table(header, rows);
}
