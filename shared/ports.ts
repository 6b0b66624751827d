/**
 * Ports: the only ways the core reaches the outside world. Adapters live in
 * `shared/adapters/` (embedded default and AWS); the core never imports an SDK client.
 */
import type { DocumentRecord, AuditEvent, ReportKind, ReportRecord } from './domain/records.js';
import type { OcrPage, PageImage } from './domain/text.js';

/** Uploaded scans and archived reports (S3 in AWS, a folder on the embedded default). */
export interface ObjectStore {
  get(key: string): Promise<Uint8Array>;
  /** Writes an object. With `ifAbsent`, an existing object is left untouched and `false` is returned. */
  put(key: string, bytes: Uint8Array, options?: { contentType?: string; ifAbsent?: boolean }): Promise<boolean>;
  exists(key: string): Promise<boolean>;
  list(prefix: string): Promise<string[]>;
}

/** Optical character recognition over page images. */
export interface OcrEngine {
  /** Short name recorded with every document, e.g. `tesseract-chi_sim`. */
  readonly name: string;
  recognize(pages: PageImage[]): Promise<OcrPage[]>;
  /**
   * The same images read by a second, independent model, for lines the first reading doubts
   * (see read/second-opinion.ts); engines without one leave it out.
   */
  secondOpinion?(pages: PageImage[]): Promise<OcrPage[]>;
  close(): Promise<void>;
}

/** Structured records (DynamoDB in AWS and DynamoDB Local on the embedded default). */
export interface RecordStore {
  /**
   * Registers a document on first sight. Returns the stored record: the new one, or the
   * existing one when the same object (same institution and content hash) was seen before.
   */
  registerDocument(record: DocumentRecord, event: AuditEvent): Promise<{ record: DocumentRecord; created: boolean }>;
  /**
   * Replaces a document's state and appends its audit event, atomically. `record.revision`
   * must be exactly one more than the stored revision, else `StaleRecordError` (another worker
   * changed it first) and nothing is written.
   */
  updateDocument(record: DocumentRecord, event: AuditEvent): Promise<void>;
  getDocument(institutionId: string, documentId: string): Promise<DocumentRecord | undefined>;
  listDocuments(institutionId: string): Promise<DocumentRecord[]>;
  /** Stores a report once; a second call with the same id is a no-op. Appends its audit event atomically. */
  putReport(report: ReportRecord, event: AuditEvent): Promise<void>;
  /** An institution's reports, oldest year first; with `year`, that year's only. */
  listReports(institutionId: string, year?: number): Promise<ReportRecord[]>;
  /** Reports of one jurisdiction and kind across institutions (GSI2); with `year`, that year's only. */
  listReportsByJurisdiction(jurisdiction: string, kind: ReportKind, year?: number): Promise<ReportRecord[]>;
  listAudit(institutionId: string, subjectId?: string): Promise<AuditEvent[]>;
  /**
   * Appends an event that changes no record (a download or upload grant). Every call stores a new
   * event, even when two are identical to the millisecond.
   */
  appendAudit(event: AuditEvent): Promise<void>;
}

/**
 * Short-lived URLs granting one operation on one object of one store (S3 presigned URLs in AWS;
 * on the embedded default, URLs that `dossier serve` checks and answers itself).
 */
export interface UrlSigner {
  /** A URL to download `key`, valid `expiresInSeconds` from `now`. */
  presignGet(key: string, options: PresignOptions): Promise<string>;
  /** A URL to upload `key` with a PUT request, valid `expiresInSeconds` from `now`. */
  presignPut(key: string, options: PresignOptions): Promise<string>;
}

export interface PresignOptions {
  expiresInSeconds: number;
  /** When the URL's lifetime starts (the clock of the caller). */
  now: Date;
}

/** Produces raw signatures for CMS (KMS asymmetric key in AWS, a local key on the embedded default). */
export interface Signer {
  /** `RSA_SHA256` = RSASSA-PKCS1-v1_5 with SHA-256; `ECDSA_SHA256` = ECDSA P-256 with SHA-256 (DER). */
  readonly algorithm: 'RSA_SHA256' | 'ECDSA_SHA256';
  /** DER of the signing certificate, followed by any intermediates. */
  certificateChain(): Promise<Uint8Array[]>;
  /** Signs `data` (hashing it with SHA-256 first) and returns the raw signature value. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A change was based on a revision of a record that is no longer the stored one. */
export class StaleRecordError extends Error {
  constructor(readonly subjectId: string) {
    super(`record ${subjectId} was changed by another worker`);
    this.name = 'StaleRecordError';
  }
}
