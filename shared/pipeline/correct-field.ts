/**
 * A person's correction of an extracted value: recorded with who and when (and what was read
 * before), validation re-run, the status recomputed, and the document's reports issued anew.
 */
import { ExtractedFields } from '../domain/fields.js';
import type { DocumentRecord } from '../domain/records.js';
import { parseChineseDate } from '../extract/normalize/date.js';
import { parseMoney } from '../extract/normalize/money.js';
import { parseCount, parseMultiple, parsePercent } from '../extract/normalize/percent.js';
import { nameListValue } from '../extract/values.js';
import { documentChecks } from '../validate/document-checks.js';
import { issueReports } from './issue-reports.js';
import { audit, type PipelineDeps } from './process-document.js';
import { reviewReasons } from './review.js';

const MONEY = new Set(['amount', 'guaranteeAmount', 'compensationAmount', 'registeredCapital', 'outstandingBalance', 'newGuaranteeAmount']);
const RATES = new Set(['compensationRate', 'provisionCoverageRatio', 'recoveryRate', 'avgFeeRate']);
const COUNTS = new Set(['expectedCount', 'presentCount', 'newSmallMicroClients', 'fiscalYear']);
const BOOLEANS = new Set(['signaturePresent', 'refused', 'objectionFiled']);
const NAME_LISTS = new Set(['attendees', 'absentees']);

export class CorrectionError extends Error {}

/** Reads a corrected value typed by a person, exactly as extraction would, or says why not. */
export function parseCorrection(field: string, text: string): unknown {
  const fail = (what: string) => {
    throw new CorrectionError(`“${text}”不是有效的${what} (not a valid ${field})`);
  };
  if (field.endsWith('Date')) return parseChineseDate(text)?.iso ?? fail('日期');
  if (MONEY.has(field)) return parseMoney(text, { defaultUnit: '元' })?.fen ?? fail('金额');
  if (RATES.has(field)) return parsePercent(text)?.bp ?? fail('百分比');
  if (field === 'leverageMultiple') return parseMultiple(text) ?? fail('倍数');
  if (COUNTS.has(field)) return (/^\d+$/.test(text) ? Number(text) : parseCount(text)) ?? fail('数量');
  if (BOOLEANS.has(field)) return /^(是|有|true|yes)$/i.test(text) ? true : /^(否|无|false|no)$/i.test(text) ? false : fail('是/否');
  if (NAME_LISTS.has(field)) return nameListValue(text)?.value ?? fail('人员名单');
  return text.trim() || fail('内容');
}

export async function correctField(
  deps: PipelineDeps,
  change: { institutionId: string; documentId: string; field: string; text: string; by: string },
): Promise<DocumentRecord> {
  const record = await deps.records.getDocument(change.institutionId, change.documentId);
  if (!record) throw new CorrectionError(`没有该文件的记录 (no such document: ${change.documentId})`);
  if (!record.extracted || record.extracted.kind === 'UNKNOWN') throw new CorrectionError('材料类型未确定，无法更正字段 (the document kind is not known)');
  const fields = record.extracted.fields as Record<string, { value: unknown; provenance?: { page: number } } | undefined>;
  const previous = fields[change.field];
  const value = parseCorrection(change.field, change.text);
  const extracted = ExtractedFields.safeParse({
    kind: record.extracted.kind,
    fields: { ...fields, [change.field]: { value, confidence: 1, provenance: { page: previous?.provenance?.page ?? 1, sourceText: change.text, label: '人工更正' } } },
  });
  if (!extracted.success) throw new CorrectionError(`字段“${change.field}”不存在或取值不符合要求 (${extracted.error.issues[0]?.message})`);
  // Unreadable values of other fields stay to be corrected; every other reason is recomputed.
  const stillUnreadable = record.reasons.filter((r) => {
    const m = r.match(/value unreadable: (\w+)\)/);
    return m && m[1] !== change.field && !(extracted.data.fields as Record<string, unknown>)[m[1]];
  });
  const findings = documentChecks(extracted.data);
  const reasons = [...stillUnreadable, ...reviewReasons(extracted.data, findings)];
  const at = deps.clock.now().toISOString();
  const corrected: DocumentRecord = {
    ...record,
    extracted: extracted.data,
    findings,
    reasons,
    status: reasons.length ? 'NEEDS_REVIEW' : 'PROCESSED',
    corrections: [...(record.corrections ?? []), { field: change.field, value, previous: previous?.value, by: change.by, at }],
    revision: record.revision + 1,
    updatedAt: at,
  };
  await deps.records.updateDocument(corrected, {
    ...audit(deps, corrected, 'FIELD_CORRECTED', { field: change.field, value, previous: previous?.value }),
    actor: change.by,
  });
  return issueReports(deps, corrected);
}
