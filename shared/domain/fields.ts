/**
 * What is extracted from each kind of document (rule catalogue section 9), as zod schemas.
 * Every value carries its provenance and a confidence; normalized value types are exact:
 * dates are ISO `YYYY-MM-DD`, money is integer fen, rates are integer basis points
 * (hundredths of a percent), multiples are integer hundredths.
 */
import { z } from 'zod';

export const DocumentKind = z.enum(['MEETING_MINUTES', 'FACT_SHEET', 'AUDIT_REPORT', 'UNKNOWN']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const KIND_LABEL_ZH: Record<DocumentKind, string> = {
  MEETING_MINUTES: '会议纪要',
  FACT_SHEET: '事实认定材料',
  AUDIT_REPORT: '审计报告',
  UNKNOWN: '未识别材料',
};

export const BoundingBoxSchema = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });

export const Provenance = z.object({
  page: z.number().int().min(1),
  bbox: BoundingBoxSchema.optional(),
  /** The text the value was read from, as read. */
  sourceText: z.string(),
  /** The label that was matched, as read (may differ from the canonical label). */
  label: z.string().optional(),
});

/** An extracted value with where it came from and how sure the reader is (0..1). */
export function field<T extends z.ZodType>(value: T) {
  return z.object({ value, confidence: z.number().min(0).max(1), provenance: Provenance });
}

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const Fen = z.number().int();
export const BasisPoints = z.number().int();

export const MeetingType = z.enum([
  'REVIEW_COMMITTEE',
  'COLLECTIVE_DECISION',
  'WORKING_GROUP',
  'BOARD',
  'SHAREHOLDERS',
  'PARTY_ORG',
  'GOVERNMENT',
  'SX_REFORM_GROUP',
  'OTHER',
]);

export const Vote = z.object({
  member: z.string(),
  vote: z.enum(['同意', '反对', '弃权', '有条件同意']),
  dissentText: z.string().optional(),
  legalBasis: z.string().optional(),
});

export const Recusal = z.object({ person: z.string(), reason: z.string().optional() });

export const MeetingMinutesFields = z.object({
  minutesNo: field(z.string()).optional(),
  institutionName: field(z.string()).optional(),
  meetingType: field(MeetingType).optional(),
  meetingDate: field(IsoDate).optional(),
  location: field(z.string()).optional(),
  chair: field(z.string()).optional(),
  recorder: field(z.string()).optional(),
  attendees: field(z.array(z.string())).optional(),
  absentees: field(z.array(z.string())).optional(),
  expectedCount: field(z.number().int()).optional(),
  presentCount: field(z.number().int()).optional(),
  agenda: field(z.array(z.string())).optional(),
  projectId: field(z.string()).optional(),
  debtorName: field(z.string()).optional(),
  amount: field(Fen).optional(),
  decision: field(z.string()).optional(),
  votes: field(z.array(Vote)).optional(),
  recusals: field(z.array(Recusal)).optional(),
});
export type MeetingMinutesFields = z.infer<typeof MeetingMinutesFields>;

export const Conclusion = z.enum(['尽职', '基本尽职', '不尽职']);

export const FactSheetFields = z.object({
  caseId: field(z.string()).optional(),
  projectId: field(z.string()).optional(),
  institutionName: field(z.string()).optional(),
  debtorName: field(z.string()).optional(),
  lendingBank: field(z.string()).optional(),
  guaranteeAmount: field(Fen).optional(),
  compensationDate: field(IsoDate).optional(),
  compensationAmount: field(Fen).optional(),
  evaluatedPerson: field(z.string()).optional(),
  position: field(z.string()).optional(),
  facts: field(z.string()).optional(),
  conclusion: field(Conclusion).optional(),
  conclusionDate: field(IsoDate).optional(),
  deliveryDate: field(IsoDate).optional(),
  signaturePresent: field(z.boolean()).optional(),
  refused: field(z.boolean()).optional(),
  objectionFiled: field(z.boolean()).optional(),
  objectionDate: field(IsoDate).optional(),
});
export type FactSheetFields = z.infer<typeof FactSheetFields>;

export const AuditKind = z.enum(['内部审计', '专项检查', '合规检查', '年度财务审计']);

export const AuditReportFields = z.object({
  reportNo: field(z.string()).optional(),
  institutionName: field(z.string()).optional(),
  auditKind: field(AuditKind).optional(),
  auditor: field(z.string()).optional(),
  fiscalYear: field(z.number().int()).optional(),
  reportDate: field(IsoDate).optional(),
  opinionType: field(z.string()).optional(),
  registeredCapital: field(Fen).optional(),
  outstandingBalance: field(Fen).optional(),
  newGuaranteeAmount: field(Fen).optional(),
  compensationAmount: field(Fen).optional(),
  compensationRate: field(BasisPoints).optional(),
  provisionCoverageRatio: field(BasisPoints).optional(),
  recoveryRate: field(BasisPoints).optional(),
  leverageMultiple: field(z.number().int()).optional(), // hundredths: 3.52倍 -> 352
  newSmallMicroClients: field(z.number().int()).optional(),
  avgFeeRate: field(BasisPoints).optional(),
  findings: field(z.array(z.string())).optional(),
});
export type AuditReportFields = z.infer<typeof AuditReportFields>;

export const ExtractedFields = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('MEETING_MINUTES'), fields: MeetingMinutesFields }),
  z.object({ kind: z.literal('FACT_SHEET'), fields: FactSheetFields }),
  z.object({ kind: z.literal('AUDIT_REPORT'), fields: AuditReportFields }),
  z.object({ kind: z.literal('UNKNOWN'), fields: z.object({}) }),
]);
export type ExtractedFields = z.infer<typeof ExtractedFields>;

export type Field<T> = { value: T; confidence: number; provenance: z.infer<typeof Provenance> };
