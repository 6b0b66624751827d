import type { ReportKind, ReportRecord } from '../domain/records.js';
import { certificateFingerprint } from '../signing/certificate.js';
import { signPdf } from '../signing/sign-pdf.js';
import { verifySignedPdf } from '../signing/verify.js';
import { audit, sha256Hex, type PipelineDeps } from './process-document.js';

const DOCUMENT_NO_PREFIX: Record<ReportKind, string> = {
  DOCUMENT_REVIEW: 'HC',
  FACT_SHEET: 'SS',
  CASE_ASSESSMENT: 'PG',
  SCORECARD: 'JX',
};

export interface ReportSpec {
  institutionId: string;
  /** Derived from what the report is about, so a retry publishes the same report, not another. */
  reportId: string;
  kind: ReportKind;
  year: number;
  jurisdiction?: string;
  sourceDocumentIds: string[];
  /** Short stable code for the document number, e.g. the first hex digits of the source. */
  numberCode: string;
  render(meta: { documentNo: string; generatedAt: Date }): Promise<Uint8Array>;
}

/**
 * Renders, signs and archives one report exactly once: the archive refuses to overwrite (an
 * earlier attempt's archived file stands), and the record is stored once with its audit event.
 */
export async function publishReport(deps: PipelineDeps, spec: ReportSpec): Promise<ReportRecord> {
  const archiveKey = `reports/${spec.institutionId}/${spec.year}/${spec.kind}/${spec.reportId}.pdf`;
  const generatedAt = deps.clock.now();
  const documentNo = `${DOCUMENT_NO_PREFIX[spec.kind]}-${spec.year}-${spec.numberCode.toUpperCase()}`;
  let pdf = await signPdf(await spec.render({ documentNo, generatedAt }), deps.signer, {
    signerName: 'Guarantee dossier pipeline',
    reason: spec.kind,
    signingTime: generatedAt,
  });
  let signedAt = generatedAt;
  let certificateSha256: string | undefined;
  if (!(await deps.archive.put(archiveKey, pdf, { contentType: 'application/pdf', ifAbsent: true }))) {
    // Archived by an earlier attempt: that file stands, and the record must describe it (its
    // hash, signing time and certificate), never this attempt's copy. A copy that does not
    // verify (still being written, or cut off by a crash) is not recorded: the attempt fails.
    pdf = await deps.archive.get(archiveKey);
    const archived = await verifySignedPdf(pdf);
    if (!archived.valid) throw new ArchivedReportDamagedError(archiveKey, archived.problems);
    if (archived.signingTime) signedAt = new Date(archived.signingTime);
    certificateSha256 = archived.certificateSha256;
  }
  certificateSha256 ??= certificateFingerprint((await deps.signer.certificateChain())[0]);
  const report: ReportRecord = {
    institutionId: spec.institutionId,
    reportId: spec.reportId,
    kind: spec.kind,
    documentNo,
    jurisdiction: spec.jurisdiction,
    year: spec.year,
    sourceDocumentIds: spec.sourceDocumentIds,
    archiveKey,
    sha256: sha256Hex(pdf),
    bytes: pdf.length,
    certificateSha256,
    generatedAt: signedAt.toISOString(),
  };
  await deps.records.putReport(report, {
    ...audit(deps, { institutionId: spec.institutionId, documentId: spec.reportId }, 'REPORT_ARCHIVED'),
    detail: { archiveKey, sha256: report.sha256 },
  });
  return report;
}

/** The archive holds a report under this key that does not verify; it is write-once, so a person must look. */
export class ArchivedReportDamagedError extends Error {
  constructor(
    readonly archiveKey: string,
    readonly problems: string[],
  ) {
    super(`archived report ${archiveKey} does not verify: ${problems.join('; ')}`);
    this.name = 'ArchivedReportDamagedError';
  }
}
