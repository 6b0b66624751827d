/** Records the pipeline stores: documents, findings, reports and the audit trail. */
import { z } from 'zod';
import { BoundingBoxSchema, DocumentKind, ExtractedFields } from './fields.js';

/** Wording of the seed that a finding rests on (catalogue C-5). */
export const Modality = z.enum(['may', 'shall', 'not_exemptable', 'in_principle', 'procedure', 'data_check']);
export type Modality = z.infer<typeof Modality>;

export const Finding = z.object({
  /** Rule ID from the rule catalogue (e.g. `YN-18-2`), or `DATA-*` for a reading check. */
  ruleId: z.string(),
  /** Article of the seed, in Chinese (e.g. `第十八条`), or `—` for a reading check. */
  article: z.string(),
  modality: Modality,
  /** Outcome code from the catalogue's vocabulary (section 11), e.g. `OBJECTION_LATE`. */
  outcome: z.string(),
  severity: z.enum(['info', 'warning', 'blocking']),
  /** A plain-language statement for the clerk, in Chinese. */
  message: z.string(),
  /** Field names the finding concerns. */
  fields: z.array(z.string()).default([]),
});
export type Finding = z.infer<typeof Finding>;

export const DocumentStatus = z.enum(['RECEIVED', 'PROCESSED', 'NEEDS_REVIEW', 'REJECTED']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;
export const TERMINAL_STATUSES: readonly DocumentStatus[] = ['PROCESSED', 'NEEDS_REVIEW', 'REJECTED'];

/** A seal impression seen on a page (pixels of the page as read). */
export const SealSeen = z.object({ page: z.number().int().min(1), bbox: BoundingBoxSchema, confidence: z.number().min(0).max(1) });
export type SealSeen = z.infer<typeof SealSeen>;

export const DocumentRecord = z.object({
  institutionId: z.string(),
  /** sha256 of the uploaded bytes: the same content is the same document. */
  documentId: z.string().regex(/^[0-9a-f]{64}$/),
  objectKey: z.string(),
  objectVersion: z.string().optional(),
  fileName: z.string(),
  bytes: z.number().int().min(0),
  mediaType: z.string().optional(),
  kind: DocumentKind,
  status: DocumentStatus,
  /** Why a document needs review or was rejected, in plain Chinese. */
  reasons: z.array(z.string()).default([]),
  /** For a rejected document: the stable code of the cause (see shared/intake/rejections.ts), e.g. `ENCRYPTED_PDF`. */
  rejectionCode: z.string().optional(),
  pages: z.number().int().min(0).default(0),
  textSource: z.enum(['pdf-text-layer', 'ocr']).optional(),
  ocrEngine: z.string().optional(),
  extracted: ExtractedFields.optional(),
  findings: z.array(Finding).default([]),
  /** Seals seen on the scan; absent when the pages could not show one (a text-layer PDF, a grayscale scan). */
  seals: z.array(SealSeen).optional(),
  jurisdiction: z.string().optional(),
  reportIds: z.array(z.string()).default([]),
  /** Values a person corrected, oldest first (who, when, what was read before). */
  corrections: z
    .array(z.object({ field: z.string(), value: z.unknown(), previous: z.unknown().optional(), by: z.string(), at: z.string() }))
    .optional(),
  /** Incremented by every stored change; a change based on an older revision is refused. */
  revision: z.number().int().min(0).default(0),
  receivedAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const ReportKind = z.enum(['FACT_SHEET', 'DOCUMENT_REVIEW', 'CASE_ASSESSMENT', 'SCORECARD']);
export type ReportKind = z.infer<typeof ReportKind>;

export const ReportRecord = z.object({
  institutionId: z.string(),
  reportId: z.string(),
  kind: ReportKind,
  /** Document number printed on the report. */
  documentNo: z.string(),
  jurisdiction: z.string().optional(),
  year: z.number().int(),
  sourceDocumentIds: z.array(z.string()),
  archiveKey: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int(),
  /** sha256 fingerprint of the signing certificate (hex). */
  certificateSha256: z.string(),
  generatedAt: z.string(),
});
export type ReportRecord = z.infer<typeof ReportRecord>;

export const AuditEvent = z.object({
  institutionId: z.string(),
  /** The record the action concerns (a document or report id). */
  subjectId: z.string(),
  action: z.string(),
  actor: z.string(),
  at: z.string(),
  detail: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
