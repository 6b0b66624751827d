import type { DocumentKind, ExtractedFields } from '../domain/fields.js';
import type { OcrSignature, ReadDocument } from '../domain/text.js';
import { extractAuditReport } from './audit-report.js';
import { extractFactSheet } from './fact-sheet.js';
import type { TextLine } from './lines.js';
import { extractMinutes } from './minutes.js';
import { withDotsOfNamesElsewhere } from './names.js';
import type { Unreadable } from './values.js';

/** A signature place with the page it is on. */
export type SignaturePlace = OcrSignature & { page: number };

/** The signature places a reader found on the pages, when it looked for them (undefined: it did not). */
export function signaturePlaces(doc: ReadDocument): SignaturePlace[] | undefined {
  if (!doc.pages.some((p) => p.signatures)) return undefined;
  return doc.pages.flatMap((p) => (p.signatures ?? []).map((s) => ({ ...s, page: p.pageNumber })));
}

/**
 * Extracts the fields of a document of a known kind (fields not found are absent), and the
 * fields whose label was found but whose value could not be read exactly. `signatures` are the
 * signature places the pixels showed, when the reader looked for them.
 */
export function extractFields(kind: DocumentKind, read: TextLine[], signatures?: SignaturePlace[]): { extracted: ExtractedFields; unreadable: Unreadable[] } {
  const unreadable: Unreadable[] = [];
  const lines = withDotsOfNamesElsewhere(read);
  const extracted = ((): ExtractedFields => {
    switch (kind) {
      case 'MEETING_MINUTES':
        return { kind, fields: dropUndefined(extractMinutes(lines, unreadable)) };
      case 'FACT_SHEET':
        return { kind, fields: dropUndefined(extractFactSheet(lines, unreadable, signatures)) };
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
