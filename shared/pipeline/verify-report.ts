import { verifySignedPdf, type VerificationResult } from '../signing/verify.js';
import type { PipelineDeps } from './process-document.js';

export const REPORT_NOT_ARCHIVED = '存档中没有该报告的记录，无法确认其来源 (no archived record of this report)';
export const ARCHIVE_COPY_CHANGED = '存档副本与存档记录不符，存档可能被篡改 (the archived copy does not match its record)';

/**
 * Verifies a report a person holds: its signature, and that it is the very file the archive
 * recorded (same hash, same signing certificate).
 */
export async function verifyAgainstArchive(
  deps: Pick<PipelineDeps, 'records' | 'archive'>,
  pdf: Uint8Array,
  institutionId: string,
  reportId: string,
): Promise<VerificationResult & { reportId: string; archiveKey?: string }> {
  const report = (await deps.records.listReports(institutionId)).find((r) => r.reportId === reportId);
  if (!report) {
    const result = await verifySignedPdf(pdf);
    return { ...result, valid: false, problems: [...result.problems, REPORT_NOT_ARCHIVED], reportId };
  }
  const result = await verifySignedPdf(pdf, { sha256: report.sha256, certificateSha256: report.certificateSha256 });
  const archived = await verifySignedPdf(await deps.archive.get(report.archiveKey), { sha256: report.sha256 });
  const problems = archived.valid ? result.problems : [...result.problems, ARCHIVE_COPY_CHANGED];
  return { ...result, valid: problems.length === 0, problems, reportId, archiveKey: report.archiveKey };
}
