import type { DocumentKind, ExtractedFields } from '../domain/fields.js';
import { extractAuditReport } from './audit-report.js';
import { extractFactSheet } from './fact-sheet.js';
import type { TextLine } from './lines.js';
import { extractMinutes } from './minutes.js';

/** Extracts the fields of a document of a known kind (undefined fields were not found). */
export function extractFields(kind: DocumentKind, lines: TextLine[]): ExtractedFields {
  switch (kind) {
    case 'MEETING_MINUTES':
      return { kind, fields: dropUndefined(extractMinutes(lines)) };
    case 'FACT_SHEET':
      return { kind, fields: dropUndefined(extractFactSheet(lines)) };
    case 'AUDIT_REPORT':
      return { kind, fields: dropUndefined(extractAuditReport(lines)) };
    case 'UNKNOWN':
      return { kind, fields: {} };
  }
}

function dropUndefined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}
