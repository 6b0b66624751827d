import type { DocumentKind, ExtractedFields } from '../domain/fields.js';
import type { Finding } from '../domain/records.js';
import type { Unreadable } from '../extract/values.js';
import { FIELD_LABEL_ZH, type FieldKey } from '../reports/field-labels.js';

/** Fields without which a document of a kind cannot be used. */
export const REQUIRED_FIELDS: Record<DocumentKind, string[]> = {
  MEETING_MINUTES: ['meetingDate', 'meetingType'],
  FACT_SHEET: ['evaluatedPerson', 'conclusion'],
  AUDIT_REPORT: ['institutionName', 'fiscalYear'],
  UNKNOWN: [],
};

/** Below this confidence a value is shown to a person before it is relied on. */
export const REVIEW_CONFIDENCE = 0.75;

const label = (key: string) => FIELD_LABEL_ZH[key as FieldKey] ?? key;

/** Why a document needs a person's review (empty: it does not). */
export function reviewReasons(
  extracted: ExtractedFields,
  findings: Finding[],
  unreadable: Unreadable[] = [],
  confidenceThreshold = REVIEW_CONFIDENCE,
): string[] {
  if (extracted.kind === 'UNKNOWN') return ['无法识别材料类型（不是会议纪要、事实认定材料或审计报告），请人工确认 (document type not recognized)'];
  const fields = extracted.fields as Record<string, { confidence: number } | undefined>;
  const reasons: string[] = [];
  for (const key of REQUIRED_FIELDS[extracted.kind]) {
    if (!fields[key]) reasons.push(`未识别到必填项“${label(key)}” (required field not found: ${key})`);
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value && value.confidence < confidenceThreshold)
      reasons.push(`“${label(key)}”识别置信度低（${Math.round(value.confidence * 100)}%），请核对原件 (low confidence: ${key})`);
  }
  for (const u of unreadable) {
    reasons.push(`找到“${label(u.field)}”，但其内容无法准确识别（原文：${u.sourceText}），请核对原件 (value unreadable: ${u.field})`);
  }
  for (const f of findings) {
    if (f.severity !== 'info' && f.modality === 'data_check') reasons.push(`${f.message} (${f.ruleId})`);
  }
  return reasons;
}
