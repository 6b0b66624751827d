import { StaleRecordError } from '../ports.js';
import type { DocumentRecord, ReportKind, ReportRecord } from '../domain/records.js';
import { certificateFingerprint } from '../signing/certificate.js';
import { signPdf } from '../signing/sign-pdf.js';
import { renderDocumentReview } from '../reports/document-review.js';
import { factSheetInputFromRecord, renderFactSheet } from '../reports/fact-sheet.js';
import { objectionDeadline } from '../validate/deadlines.js';
import { audit, sha256Hex, type PipelineDeps } from './process-document.js';

const DOCUMENT_NO_PREFIX: Record<ReportKind, string> = {
  DOCUMENT_REVIEW: 'HC',
  FACT_SHEET: 'SS',
  CASE_ASSESSMENT: 'PG',
  SCORECARD: 'JX',
};

/** The reports a document gets: a review report always, a fact sheet for fact-confirmation material. */
function reportKindsFor(record: DocumentRecord): ReportKind[] {
  return record.kind === 'FACT_SHEET' ? ['DOCUMENT_REVIEW', 'FACT_SHEET'] : ['DOCUMENT_REVIEW'];
}

/**
 * Renders, signs and archives a document's reports, each exactly once: report ids derive from
 * the document, the archive refuses to overwrite, and a retry picks up where a crash left off.
 */
export async function issueReports(deps: PipelineDeps, record: DocumentRecord): Promise<DocumentRecord> {
  const year = Number(record.receivedAt.slice(0, 4));
  const missing = reportKindsFor(record).filter((kind) => !record.reportIds.includes(reportId(kind, record)));
  if (missing.length === 0) return record;
  const issued: string[] = [];
  for (const kind of missing) {
    const id = reportId(kind, record);
    const archiveKey = `reports/${record.institutionId}/${year}/${kind}/${id}.pdf`;
    const generatedAt = deps.clock.now();
    const documentNo = `${DOCUMENT_NO_PREFIX[kind]}-${year}-${record.documentId.slice(0, 8).toUpperCase()}`;
    let pdf = await signPdf(await render(deps, kind, record, { documentNo, generatedAt }), deps.signer, {
      signerName: 'Guarantee dossier pipeline',
      reason: kind,
      signingTime: generatedAt,
    });
    if (!(await deps.archive.put(archiveKey, pdf, { contentType: 'application/pdf', ifAbsent: true }))) {
      pdf = await deps.archive.get(archiveKey); // archived by an earlier attempt: that one stands
    }
    const [certificate] = await deps.signer.certificateChain();
    const report: ReportRecord = {
      institutionId: record.institutionId,
      reportId: id,
      kind,
      documentNo,
      jurisdiction: record.jurisdiction,
      year,
      sourceDocumentIds: [record.documentId],
      archiveKey,
      sha256: sha256Hex(pdf),
      bytes: pdf.length,
      certificateSha256: certificateFingerprint(certificate),
      generatedAt: generatedAt.toISOString(),
    };
    await deps.records.putReport(report, { ...audit(deps, { institutionId: record.institutionId, documentId: id }, 'REPORT_ARCHIVED'), detail: { archiveKey, sha256: report.sha256 } });
    issued.push(id);
  }
  const updated = { ...record, reportIds: [...record.reportIds, ...issued], revision: record.revision + 1, updatedAt: deps.clock.now().toISOString() };
  try {
    await deps.records.updateDocument(updated, audit(deps, record, 'REPORTS_ISSUED', { reportIds: issued }));
  } catch (err) {
    // Another delivery recorded the same reports first.
    if (err instanceof StaleRecordError) return (await deps.records.getDocument(record.institutionId, record.documentId))!;
    throw err;
  }
  return updated;
}

export const reportId = (kind: ReportKind, record: DocumentRecord) => `${kind.toLowerCase().replace('_', '-')}-${record.documentId.slice(0, 24)}`;

async function render(deps: PipelineDeps, kind: ReportKind, record: DocumentRecord, meta: { documentNo: string; generatedAt: Date }) {
  if (kind === 'FACT_SHEET') {
    const deadline = objectionDeadline(record, deps.config.institutions?.[record.institutionId], deps.calendar);
    return renderFactSheet(factSheetInputFromRecord(record, record.fileName, deadline), meta);
  }
  return renderDocumentReview(record, meta);
}
