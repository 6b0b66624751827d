import { createHash } from 'node:crypto';
import type { DocumentRecord, ReportRecord } from '../domain/records.js';
import { assessCase, type Assessment } from '../rules/assess.js';
import { createDefaultCalendar } from '../rules/calendar.js';
import { renderCaseAssessment } from '../reports/case-assessment.js';
import { KIND_LABEL_ZH } from '../domain/fields.js';
import { caseInputFromDocuments, groupCases } from './case-input.js';
import { publishReport } from './publish-report.js';
import type { PipelineDeps } from './process-document.js';

export interface CaseOutcome {
  caseId: string;
  documentIds: string[];
  assessment?: Assessment;
  report?: ReportRecord;
  /** Why the case could not be assessed (evidence the documents do not state). */
  missing?: string[];
}

/**
 * Assesses the 尽职免责 cases a batch of documents makes (a case per fact sheet, with the
 * minutes of the same project) and publishes a signed 尽职免责评估报告 for each.
 */
export async function assessCases(deps: PipelineDeps, institutionId: string, records: DocumentRecord[]): Promise<CaseOutcome[]> {
  const calendar = deps.calendar ?? createDefaultCalendar();
  const institution = deps.config.institutions?.[institutionId];
  const today = deps.clock.now().toISOString().slice(0, 10);
  const outcomes: CaseOutcome[] = [];
  for (const group of groupCases(records)) {
    const sources = [group.factSheet, ...group.minutes];
    const documentIds = sources.map((r) => r.documentId).sort();
    const built = caseInputFromDocuments(group, institution);
    if ('missing' in built) {
      outcomes.push({ caseId: group.caseId, documentIds, missing: built.missing });
      continue;
    }
    const assessment = assessCase(built.input, { calendar, institutionConfig: institution, today });
    const reportId = `case-assessment-${createHash('sha256').update(`${group.caseId}\n${documentIds.join('\n')}`).digest('hex').slice(0, 24)}`;
    const report = await publishReport(deps, {
      institutionId,
      reportId,
      kind: 'CASE_ASSESSMENT',
      year: Number(group.factSheet.receivedAt.slice(0, 4)),
      jurisdiction: built.input.institution.jurisdiction,
      sourceDocumentIds: documentIds,
      numberCode: reportId.slice(-8),
      render: (meta) =>
        renderCaseAssessment(assessment, {
          ...meta,
          sources: sources.map((r) => ({ name: r.fileName, kind: KIND_LABEL_ZH[r.kind], documentId: r.documentId })),
        }),
    });
    outcomes.push({ caseId: group.caseId, documentIds, assessment, report });
  }
  return outcomes;
}
