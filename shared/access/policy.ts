/**
 * Authorization rules, pure: a regulator sees the reports of its jurisdiction; an institution sees
 * only its own reports and may upload only under its own prefix.
 */
import type { ReportRecord } from '../domain/records.js';
import type { Principal } from './principal.js';

/** Longest presigned URL lifetime granted: 15 minutes. */
export const MAX_LINK_SECONDS = 900;

/** Where an institution's uploads go in the ingest bucket (read by the ingest function). */
export const UPLOADS_PREFIX = 'uploads/';

export function canSeeReport(principal: Principal, report: Pick<ReportRecord, 'institutionId' | 'jurisdiction'>): boolean {
  return principal.kind === 'regulator' ? report.jurisdiction === principal.jurisdiction : report.institutionId === principal.institutionId;
}

/** May the principal ask for an institution's reports at all? (Regulators then see their jurisdiction's only.) */
export function canListInstitution(principal: Principal, institutionId: string): boolean {
  return principal.kind === 'regulator' || principal.institutionId === institutionId;
}

export function canListJurisdiction(principal: Principal, jurisdiction: string): boolean {
  return principal.kind === 'regulator' && principal.jurisdiction === jurisdiction;
}

export function canUpload(principal: Principal, institutionId: string): boolean {
  return principal.kind === 'institution' && principal.institutionId === institutionId;
}

export const MAX_FILE_NAME_CHARS = 120;
export const MAX_FILE_NAME_BYTES = 255;

/**
 * Letters (Chinese included), digits, spaces and `. _ - ( ) （ ）`, starting with a letter or digit:
 * no path separators, no traversal, no control or format characters, no characters that S3 keys
 * or shells treat specially (`# ? % * : < > | " '`).
 */
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} ._()（）-]*$/u;

/** Why a file name is refused (in plain words), or undefined if it is safe. */
export function fileNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'file name is empty';
  if ([...name].length > MAX_FILE_NAME_CHARS || Buffer.byteLength(name, 'utf8') > MAX_FILE_NAME_BYTES) {
    return `file name is longer than ${MAX_FILE_NAME_CHARS} characters or ${MAX_FILE_NAME_BYTES} bytes`;
  }
  if (name !== name.normalize('NFC')) return 'file name is not in Unicode normal form C';
  if (!SAFE_NAME.test(name)) {
    return 'file name may hold only letters, digits, spaces and . _ - ( ), and must start with a letter or digit';
  }
  if (name.includes('..')) return 'file name may not contain ".."';
  if (name.endsWith(' ') || name.endsWith('.')) return 'file name may not end with a space or a dot';
  return undefined;
}

/** The object key an institution's upload gets: `uploads/<institutionId>/<fileName>`. */
export function uploadKey(institutionId: string, fileName: string): string {
  return `${UPLOADS_PREFIX}${institutionId}/${fileName}`;
}
