import type { DocumentKind, ExtractedFields } from '../domain/fields.js';
import { extractAuditReport } from './audit-report.js';
import { extractFactSheet } from './fact-sheet.js';
import type { TextLine } from './lines.js';
import { extractMinutes } from './minutes.js';
import type { Unreadable } from './values.js';

/**
 * Extracts the fields of a document of a known kind (fields not found are absent), and the
 * fields whose label was found but whose value could not be read exactly.
 */
export function extractFields(kind: DocumentKind, lines: TextLine[]): { extracted: ExtractedFields; unreadable: Unreadable[] } {
  const unreadable: Unreadable[] = [];
  const extracted = ((): ExtractedFields => {
    switch (kind) {
      case 'MEETING_MINUTES':
        return { kind, fields: dropUndefined(extractMinutes(lines, unreadable)) };
      case 'FACT_SHEET':
        return { kind, fields: dropUndefined(extractFactSheet(lines, unreadable)) };
      case 'AUDIT_REPORT':
        return { kind, fields: dropUndefined(extractAuditReport(lines, unreadable)) };
      case 'UNKNOWN':
        return { kind, fields: {} };
    }
  })();
  // a field read from another occurrence of its label is not unreadable
  const fields = extracted.fields as Record<string, unknown>;
  return { extracted, unreadable: unreadable.filter((u) => fields[u.field] === undefined) };
}

function dropUndefined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}
