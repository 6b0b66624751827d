import { StaleRecordError } from '../ports.js';
import type { DocumentRecord, ReportKind } from '../domain/records.js';
import { publishReport } from './publish-report.js';
import { renderDocumentReview } from '../reports/document-review.js';
import { factSheetInputFromRecord, renderFactSheet } from '../reports/fact-sheet.js';
import { objectionDeadline } from '../validate/deadlines.js';
import { audit, type PipelineDeps } from './process-document.js';

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
    const report = await publishReport(deps, {
      institutionId: record.institutionId,
      reportId: reportId(kind, record),
      kind,
      year,
      jurisdiction: record.jurisdiction,
      sourceDocumentIds: [record.documentId],
      numberCode: record.documentId.slice(0, 8),
      render: (meta) => render(deps, kind, record, meta),
    });
    issued.push(report.reportId);
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

/** Derived from the document (and its corrections): a retry gives the same id, a correction a new one. */
export const reportId = (kind: ReportKind, record: DocumentRecord) =>
  `${kind.toLowerCase().replace('_', '-')}-${record.documentId.slice(0, 24)}${record.corrections?.length ? `-c${record.corrections.length}` : ''}`;

async function render(deps: PipelineDeps, kind: ReportKind, record: DocumentRecord, meta: { documentNo: string; generatedAt: Date }) {
  if (kind === 'FACT_SHEET') {
    const deadline = objectionDeadline(record, deps.config.institutions?.[record.institutionId], deps.calendar);
    return renderFactSheet(factSheetInputFromRecord(record, record.fileName, deadline), meta);
  }
  return renderDocumentReview(record, meta);
}
