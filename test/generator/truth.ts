/**
 * Ground truth of a generated document: the normalized `value` of every field the document
 * prints, keyed like the zod field schemas in shared/domain/fields.ts (dates ISO, money
 * integer fen, rates basis points, multiples hundredths). A field the document does not
 * print is absent.
 */
import { z } from 'zod';
import { AuditReportFields, FactSheetFields, MeetingMinutesFields } from '../../shared/domain/fields.js';

type TruthOf<T> = { [K in keyof T]?: NonNullable<T[K]> extends { value: infer V } ? V : never };

export type MeetingMinutesTruth = TruthOf<MeetingMinutesFields>;
export type FactSheetTruth = TruthOf<FactSheetFields>;
export type AuditReportTruth = TruthOf<AuditReportFields>;

export type GeneratedKind = 'MEETING_MINUTES' | 'FACT_SHEET' | 'AUDIT_REPORT';

export interface TruthByKind {
  MEETING_MINUTES: MeetingMinutesTruth;
  FACT_SHEET: FactSheetTruth;
  AUDIT_REPORT: AuditReportTruth;
}

export type AnyTruth = TruthByKind[GeneratedKind];

const SCHEMAS = {
  MEETING_MINUTES: MeetingMinutesFields,
  FACT_SHEET: FactSheetFields,
  AUDIT_REPORT: AuditReportFields,
} as const;

/** Zod schema of a truth object: each field's value schema, optional, no unknown keys. */
export function truthSchema(kind: GeneratedKind): z.ZodType {
  const shape = SCHEMAS[kind].shape as Record<string, z.ZodType>;
  const out: Record<string, z.ZodType> = {};
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const inner = (fieldSchema as z.ZodOptional<z.ZodObject<{ value: z.ZodType }>>).unwrap();
    out[key] = inner.shape.value.optional();
  }
  return z.strictObject(out);
}

/**
 * Wraps truth values as extracted fields (confidence 1, provenance page 1), so a truth can be
 * compared with, or fed where, an extraction result is expected.
 */
export function truthAsFields<K extends GeneratedKind>(kind: K, truth: TruthByKind[K]): unknown {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(truth)) {
    if (value !== undefined) fields[key] = { value, confidence: 1, provenance: { page: 1, sourceText: '' } };
  }
  return SCHEMAS[kind].parse(fields);
}
