/**
 * The access core: listing, download links, upload links and verification, each checked against
 * the caller's principal, each grant written to the audit trail before the URL is handed out.
 * Ports only (records, archive, URL signers, clock): the same code behind API Gateway and `dossier serve`.
 */
import { ReportKind, type AuditEvent, type ReportRecord } from '../domain/records.js';
import { verifyAgainstArchive } from '../pipeline/verify-report.js';
import type { Clock, ObjectStore, RecordStore, UrlSigner } from '../ports.js';
import type { VerificationResult } from '../signing/verify.js';
import { canListInstitution, canListJurisdiction, canSeeReport, canUpload, fileNameProblem, MAX_LINK_SECONDS, uploadKey } from './policy.js';
import { formatPrincipal, INSTITUTION_ID, isJurisdiction, type Principal } from './principal.js';

/** A refusal with the HTTP status it maps to. */
export class AccessError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 501,
    message: string,
  ) {
    super(message);
    this.name = 'AccessError';
  }
}

export const AUDIT_ACTIONS = {
  download: 'DOWNLOAD_GRANTED',
  upload: 'UPLOAD_GRANTED',
  verify: 'REPORT_VERIFIED',
} as const;

export interface ReportAccessDeps {
  records: RecordStore;
  /** The archive, read to verify a report against its archived copy. */
  archive: ObjectStore;
  /** Presigns downloads from the archive. */
  archiveUrls: UrlSigner;
  /** Presigns uploads into the ingest store; without it, upload requests are refused with 501. */
  uploadUrls?: UrlSigner;
  clock: Clock;
}

export interface ReportAccessOptions {
  /** @default 300 (at most 900) */
  downloadLinkSeconds?: number;
  /** @default 900 (at most 900) */
  uploadLinkSeconds?: number;
}

/** Who called, beyond the principal (an IAM ARN, or the local stand-in): recorded in the audit trail. */
export interface CallContext {
  principal: Principal;
  caller?: string;
}

/** What a caller sees of a report: the record without its archive key. */
export type ReportSummary = Omit<ReportRecord, 'archiveKey'>;

export function summarize(report: ReportRecord): ReportSummary {
  const { archiveKey: _archiveKey, ...visible } = report;
  return visible;
}

export interface Link {
  url: string;
  method: 'GET' | 'PUT';
  expiresInSeconds: number;
  expiresAt: string;
}

export const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

function checkLinkSeconds(name: string, seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_LINK_SECONDS) {
    throw new RangeError(`${name} must be a whole number of seconds from 1 to ${MAX_LINK_SECONDS}, not ${seconds}`);
  }
  return seconds;
}

function checkInstitutionId(id: string): void {
  if (!INSTITUTION_ID.test(id)) throw new AccessError(400, 'malformed institution id');
}

function checkYear(year: number | undefined): void {
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 9999)) throw new AccessError(400, 'year must be a four-digit year');
}

export class ReportAccess {
  readonly downloadLinkSeconds: number;
  readonly uploadLinkSeconds: number;

  constructor(
    private readonly deps: ReportAccessDeps,
    options: ReportAccessOptions = {},
  ) {
    this.downloadLinkSeconds = checkLinkSeconds('downloadLinkSeconds', options.downloadLinkSeconds ?? 300);
    this.uploadLinkSeconds = checkLinkSeconds('uploadLinkSeconds', options.uploadLinkSeconds ?? MAX_LINK_SECONDS);
  }

  /** An institution's reports (a regulator gets those of its jurisdiction only). */
  async listByInstitution(call: CallContext, institutionId: string, year?: number): Promise<ReportSummary[]> {
    checkInstitutionId(institutionId);
    checkYear(year);
    if (!canListInstitution(call.principal, institutionId)) throw new AccessError(403, "an institution may list only its own reports");
    const reports = await this.deps.records.listReports(institutionId, year);
    return reports.filter((r) => canSeeReport(call.principal, r)).map(summarize);
  }

  /** Reports of a jurisdiction, of one kind or of every kind; regulators of that jurisdiction only. */
  async listByJurisdiction(call: CallContext, jurisdiction: string, kind?: string, year?: number): Promise<ReportSummary[]> {
    if (!isJurisdiction(jurisdiction)) throw new AccessError(400, `unknown jurisdiction ${jurisdiction}`);
    const kinds = kind === undefined ? ReportKind.options : [ReportKind.safeParse(kind).data];
    if (kinds.some((k) => k === undefined)) throw new AccessError(400, `kind must be one of ${ReportKind.options.join(', ')}`);
    checkYear(year);
    if (!canListJurisdiction(call.principal, jurisdiction)) throw new AccessError(403, 'only a regulator of this jurisdiction may list its reports');
    const lists = await Promise.all(kinds.map((k) => this.deps.records.listReportsByJurisdiction(jurisdiction, k!, year)));
    return lists.flat().map(summarize);
  }

  /** One report and a presigned download link; the grant is audited before the link is returned. */
  async download(call: CallContext, institutionId: string, reportId: string): Promise<{ report: ReportSummary; download: Link }> {
    const report = await this.visibleReport(call, institutionId, reportId);
    const now = this.deps.clock.now();
    const url = await this.deps.archiveUrls.presignGet(report.archiveKey, { expiresInSeconds: this.downloadLinkSeconds, now });
    const download = this.link(url, 'GET', now, this.downloadLinkSeconds);
    await this.audit(call, report.institutionId, report.reportId, AUDIT_ACTIONS.download, now, {
      expiresAt: download.expiresAt,
      expiresInSeconds: download.expiresInSeconds,
      sha256: report.sha256,
    });
    return { report: summarize(report), download };
  }

  /** A presigned PUT for `uploads/<institutionId>/<fileName>`: the institution itself only. */
  async requestUpload(call: CallContext, institutionId: string, fileName: unknown): Promise<{ key: string; upload: Link }> {
    checkInstitutionId(institutionId);
    if (!canUpload(call.principal, institutionId)) throw new AccessError(403, 'only the institution itself may upload under its prefix');
    if (typeof fileName !== 'string') throw new AccessError(400, 'fileName is required');
    const problem = fileNameProblem(fileName);
    if (problem) throw new AccessError(400, problem);
    if (!this.deps.uploadUrls) throw new AccessError(501, 'uploads are not configured here');
    const key = uploadKey(institutionId, fileName);
    const now = this.deps.clock.now();
    const url = await this.deps.uploadUrls.presignPut(key, { expiresInSeconds: this.uploadLinkSeconds, now });
    const upload = this.link(url, 'PUT', now, this.uploadLinkSeconds);
    await this.audit(call, institutionId, key, AUDIT_ACTIONS.upload, now, { expiresAt: upload.expiresAt, expiresInSeconds: upload.expiresInSeconds });
    return { key, upload };
  }

  /** Verifies a PDF the caller holds against the archived report it claims to be. */
  async verify(call: CallContext, institutionId: string, reportId: string, pdf: Uint8Array): Promise<VerificationResult & { reportId: string }> {
    const report = await this.visibleReport(call, institutionId, reportId);
    const { archiveKey: _archiveKey, ...result } = await verifyAgainstArchive(this.deps, pdf, report.institutionId, report.reportId);
    await this.audit(call, report.institutionId, report.reportId, AUDIT_ACTIONS.verify, this.deps.clock.now(), {
      valid: result.valid,
      problems: result.problems,
    });
    return result;
  }

  private async visibleReport(call: CallContext, institutionId: string, reportId: string): Promise<ReportRecord> {
    checkInstitutionId(institutionId);
    if (!REPORT_ID.test(reportId)) throw new AccessError(400, 'malformed report id');
    if (!canListInstitution(call.principal, institutionId)) throw new AccessError(403, "an institution may see only its own reports");
    const report = (await this.deps.records.listReports(institutionId)).find((r) => r.reportId === reportId);
    if (!report) throw new AccessError(404, 'report not found');
    if (!canSeeReport(call.principal, report)) throw new AccessError(403, "the report is outside the regulator's jurisdiction");
    return report;
  }

  private link(url: string, method: Link['method'], now: Date, seconds: number): Link {
    return { url, method, expiresInSeconds: seconds, expiresAt: new Date(now.getTime() + seconds * 1000).toISOString() };
  }

  private async audit(call: CallContext, institutionId: string, subjectId: string, action: string, at: Date, detail: Record<string, unknown>) {
    const event: AuditEvent = {
      institutionId,
      subjectId,
      action,
      actor: formatPrincipal(call.principal),
      at: at.toISOString(),
      detail: call.caller ? { caller: call.caller, ...detail } : detail,
    };
    await this.deps.records.appendAudit(event);
  }
}
