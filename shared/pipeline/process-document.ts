import { createHash } from 'node:crypto';
import { StaleRecordError, type Clock, type ObjectStore, type OcrEngine, type RecordStore, type Signer } from '../ports.js';
import { TERMINAL_STATUSES, type AuditEvent, type DocumentRecord } from '../domain/records.js';
import { jurisdictionFromName } from '../domain/jurisdiction.js';
import { admitUpload, DEFAULT_LIMITS, REJECT, type IntakeLimits, type Rejection } from '../intake/gate.js';
import { displayFileName, isSafeInstitutionId } from '../intake/names.js';
import { languageReasons } from '../intake/language.js';
import { OcrFailedError, readDocument, TooManyPagesError } from '../read/read.js';
import { ImageTooLargeError } from '../read/images.js';
import type { ReadDocument } from '../domain/text.js';
import { documentLines } from '../extract/lines.js';
import { classify } from '../extract/classify.js';
import { extractFields, signaturePlaces } from '../extract/extract.js';
import { documentChecks, sealChecks, sealsOf } from '../validate/document-checks.js';
import { reviewReasons } from './review.js';
import { issueReports } from './issue-reports.js';
import type { InstitutionConfig } from '../rules/types.js';
import type { WorkingDayCalendar } from '../rules/calendar.js';

export interface Upload {
  institutionId: string;
  objectKey: string;
  objectVersion?: string;
  fileName: string;
}

export interface PipelineConfig {
  /** Who acts, for the audit trail (a user, or the service name). */
  actor: string;
  limits?: IntakeLimits;
  /**
   * Per institution id: its jurisdiction and the parameters its detailed rules (实施细则) set,
   * e.g. Ningxia's objection period. Without an entry, the jurisdiction is taken from the
   * institution's name in the document and every delegated parameter is undetermined.
   */
  institutions?: Record<string, InstitutionConfig>;
}

export interface PipelineDeps {
  uploads: ObjectStore;
  archive: ObjectStore;
  records: RecordStore;
  ocr: OcrEngine;
  signer: Signer;
  clock: Clock;
  /** Working days on the official Chinese calendar. @default the chinese-days calendar */
  calendar?: WorkingDayCalendar;
  config: PipelineConfig;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Runs one upload through the pipeline: classify → read → extract → validate → record →
 * report → sign → archive. Idempotent: the same content for the same institution is one
 * document; a repeat of a finished document only completes what is missing (its reports).
 * Every document ends PROCESSED, NEEDS_REVIEW or REJECTED; errors in one file never escape
 * as anything but a REJECTED record with a reason (or, for a fault while extracting, a record
 * in review). What does escape is a failure of the infrastructure: the stores, the signer, or
 * the OCR engine (`OcrFailedError`); the delivery then fails and is retried, and the retry
 * completes what is missing.
 */
export async function processDocument(deps: PipelineDeps, upload: Upload): Promise<DocumentRecord> {
  const { records, clock, config } = deps;
  // the id becomes part of record and archive keys: nothing but the plain form gets that far
  if (!isSafeInstitutionId(upload.institutionId)) throw new TypeError(`unsafe institution id: ${JSON.stringify(upload.institutionId.slice(0, 80))}`);
  const bytes = await deps.uploads.get(upload.objectKey);
  const now = clock.now().toISOString();
  const initial: DocumentRecord = {
    institutionId: upload.institutionId,
    documentId: sha256Hex(bytes),
    objectKey: upload.objectKey,
    objectVersion: upload.objectVersion,
    fileName: displayFileName(upload.fileName),
    bytes: bytes.length,
    kind: 'UNKNOWN',
    status: 'RECEIVED',
    reasons: [],
    pages: 0,
    findings: [],
    reportIds: [],
    revision: 0,
    receivedAt: now,
    updatedAt: now,
  };
  const { record: registered, created } = await records.registerDocument(initial, audit(deps, initial, 'DOCUMENT_RECEIVED', { objectKey: upload.objectKey }));
  if (!created && TERMINAL_STATUSES.includes(registered.status)) {
    return registered.status === 'REJECTED' ? registered : issueReports(deps, registered);
  }

  const analysed = await analyse(deps, registered, bytes);
  try {
    const detail = { reasons: analysed.reasons, ...(analysed.rejectionCode ? { code: analysed.rejectionCode } : {}) };
    await records.updateDocument(analysed, audit(deps, analysed, `DOCUMENT_${analysed.status}`, detail));
  } catch (err) {
    // Another delivery of the same upload finished first: its result stands.
    if (err instanceof StaleRecordError) return (await records.getDocument(upload.institutionId, analysed.documentId))!;
    throw err;
  }
  return analysed.status === 'REJECTED' ? analysed : issueReports(deps, analysed);
}

/** Everything between receipt and the record: pure work on the bytes, no stored effects. */
async function analyse(deps: PipelineDeps, record: DocumentRecord, bytes: Uint8Array): Promise<DocumentRecord> {
  const limits = deps.config.limits ?? DEFAULT_LIMITS;
  const updatedAt = deps.clock.now().toISOString();
  const revision = record.revision + 1;
  const rejected = (rejection: Rejection): DocumentRecord => ({
    ...record,
    status: 'REJECTED',
    reasons: [rejection.reason],
    rejectionCode: rejection.code,
    revision,
    updatedAt,
  });

  const admitted = await admitUpload(bytes, limits);
  if ('rejection' in admitted) return rejected(admitted.rejection);

  let read;
  try {
    read = await readDocument(bytes, admitted.type, deps.ocr, limits);
  } catch (err) {
    // the engine failing says nothing about the file: the delivery fails and is retried
    if (err instanceof OcrFailedError) throw err;
    return rejected(readFailure(err, limits));
  }
  const lines = documentLines(read);
  if (lines.length === 0) return rejected(REJECT.noText());
  const readPart = { mediaType: admitted.type, pages: read.pages.length, textSource: read.source, ocrEngine: read.engine, revision, updatedAt };
  try {
    return { ...record, ...readPart, ...understand(deps, record, lines, read) };
  } catch (err) {
    // a fault in extraction or checking on this content: a person reads it instead
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { ...record, ...readPart, kind: 'UNKNOWN', status: 'NEEDS_REVIEW', reasons: [`自动识别过程出错，请人工阅读并录入 (automatic extraction failed: ${message.slice(0, 200)})`] };
  }
}

/** Classification, fields, checks and the review decision for the text read. */
function understand(deps: PipelineDeps, record: DocumentRecord, lines: ReturnType<typeof documentLines>, read: ReadDocument) {
  const classification = classify(lines);
  const { extracted, unreadable } = extractFields(classification.kind, lines, signaturePlaces(read));
  const seals = sealsOf(read);
  const findings = [...documentChecks(extracted), ...sealChecks(extracted.kind, seals)];
  const institutionName = 'institutionName' in extracted.fields ? extracted.fields.institutionName?.value : undefined;
  const jurisdiction = deps.config.institutions?.[record.institutionId]?.jurisdiction ?? jurisdictionFromName(institutionName);
  const reasons = [...languageReasons(lines), ...reviewReasons(extracted, findings, unreadable)];
  return {
    kind: classification.kind,
    status: reasons.length > 0 ? ('NEEDS_REVIEW' as const) : ('PROCESSED' as const),
    reasons,
    extracted,
    findings,
    jurisdiction,
    ...(seals ? { seals } : {}),
  };
}

/** Turns a failure to read a file into a reason a clerk understands. */
function readFailure(err: unknown, limits: IntakeLimits): Rejection {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (err instanceof TooManyPagesError) return REJECT.tooManyPages(err.pages, limits.maxPages);
  if (err instanceof ImageTooLargeError) {
    const [width, height] = err.message.split('×').map(Number);
    return REJECT.imageTooLarge(width, height, limits.maxPixels);
  }
  if (/password|encrypt/i.test(message)) return REJECT.encrypted();
  return REJECT.unreadable(message);
}

export function audit(deps: Pick<PipelineDeps, 'clock' | 'config'>, record: { institutionId: string; documentId: string }, action: string, detail: Record<string, unknown> = {}): AuditEvent {
  return { institutionId: record.institutionId, subjectId: record.documentId, action, actor: deps.config.actor, at: deps.clock.now().toISOString(), detail };
}
