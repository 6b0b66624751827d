/**
 * The README's main job, end to end: generated scans in, through real OCR (tesseract.js) and
 * the real DynamoDB Local, records and signed PDFs out, checked by poppler's pdfsig.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDocument } from '../generator/index.js';
import type { DocumentRecord } from '../../shared/domain/records.js';
import { startDynamoDbLocal } from '../../shared/adapters/dynamodb-local.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb-record-store.js';
import { TABLE_NAME } from '../../functions/cli/local-runtime.js';
import { REVIEW_CONFIDENCE } from '../../shared/pipeline/review.js';

let work: string;
let exitCode: number | null;
let stdout: string;
const records = new Map<string, DocumentRecord>();

const fact = () => generateDocument({ kind: 'FACT_SHEET', seed: 7, layout: 'label-lines', quality: 'clean', imageFormat: 'png' });
const audit = () => generateDocument({ kind: 'AUDIT_REPORT', seed: 11, layout: 'sections-table', quality: 'typical' });

let factDoc: Awaited<ReturnType<typeof fact>>;
let auditDoc: Awaited<ReturnType<typeof audit>>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dossier-e2e-'));
  const scans = join(work, 'scans');
  factDoc = await fact();
  auditDoc = await audit();
  await mkdir(scans);
  await writeFile(join(scans, 'fact-sheet.png'), factDoc.pages[0].image);
  await writeFile(join(scans, 'audit-report.pdf'), auditDoc.scannedPdf);
  await writeFile(join(scans, 'photo-of-a-cat.jpg'), new TextEncoder().encode('definitely not a JPEG'));

  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'functions/cli/dossier.ts', 'process', scans, '--out', join(work, 'out'), '--data', join(work, 'data'), '--institution', 'e2e'],
    { encoding: 'utf8', timeout: 600_000 },
  );
  exitCode = run.status;
  stdout = run.stdout;
  if (run.status !== 0) console.error(run.stderr);
  for (const name of await readdir(join(work, 'out', 'records'))) {
    const record = JSON.parse(await readFile(join(work, 'out', 'records', name), 'utf8')) as DocumentRecord;
    records.set(record.fileName, record);
  }
}, 900_000);

/**
 * OCR misreads some characters even on clean scans (石 as 五). What must never happen is a
 * wrong value that nobody is asked to check: it is right, or it is absent or below the review
 * threshold and the document is in review with the field named.
 */
function expectCorrectOrFlagged(record: DocumentRecord, key: string, field: { value: unknown; confidence: number } | undefined, truth: unknown) {
  if (!field) {
    // not read at all: the clerk is told which field to fill in
    expect(record.status).toBe('NEEDS_REVIEW');
    expect(record.reasons.join('\n')).toContain(key);
    return;
  }
  if (JSON.stringify(field.value) === JSON.stringify(truth)) return;
  expect(field!.confidence, `${key} is wrong (${String(field!.value)} instead of ${String(truth)}) but confident`).toBeLessThan(REVIEW_CONFIDENCE);
  expect(record.status).toBe('NEEDS_REVIEW');
}

describe('dossier process on generated scans', () => {
  it('exits 0 even though one file was rejected, and prints the summary table', () => {
    expect(exitCode).toBe(0);
    expect(stdout).toContain('fact-sheet.png');
    expect(stdout).toContain('已拒收');
  });

  it('reads the fact sheet through OCR and extracts its values', () => {
    const record = records.get('fact-sheet.png')!;
    expect(record.kind).toBe('FACT_SHEET');
    expect(record.textSource).toBe('ocr');
    expect(['PROCESSED', 'NEEDS_REVIEW']).toContain(record.status);
    const fields = record.extracted?.kind === 'FACT_SHEET' ? record.extracted.fields : {};
    expectCorrectOrFlagged(record, 'evaluatedPerson', fields.evaluatedPerson, factDoc.truth.evaluatedPerson);
    expectCorrectOrFlagged(record, 'conclusion', fields.conclusion, factDoc.truth.conclusion);
    expectCorrectOrFlagged(record, 'refused', fields.refused, factDoc.truth.refused);
    expectCorrectOrFlagged(record, 'signaturePresent', fields.signaturePresent, factDoc.truth.signaturePresent);
    expect(fields.deliveryDate?.value).toBe(factDoc.truth.deliveryDate);
    expect(fields.conclusionDate?.value).toBe(factDoc.truth.conclusionDate);
    expect(fields.caseId?.value).toBe(factDoc.truth.caseId);
  });

  it('records where the seal is on the colour scan, or says it is missing', () => {
    const record = records.get('fact-sheet.png')!;
    const stamped = factDoc.seals.filter((s) => s.page === 0 && !s.riding);
    expect(record.seals).toHaveLength(stamped.length);
    const scale = factDoc.dpi / 72;
    for (const [i, seal] of stamped.entries()) {
      const found = record.seals![i].bbox;
      expect(Math.abs((found.x0 + found.x1) / 2 - seal.cx * scale)).toBeLessThan(seal.radius * scale * 0.25);
      expect(Math.abs((found.y0 + found.y1) / 2 - seal.cy * scale)).toBeLessThan(seal.radius * scale * 0.25);
    }
    expect(record.findings.some((f) => f.ruleId === 'DATA-SEAL-MISSING')).toBe(stamped.length === 0);
  });

  it('reads the multi-page scanned audit report', () => {
    const record = records.get('audit-report.pdf')!;
    expect(record.kind).toBe('AUDIT_REPORT');
    expect(record.pages).toBe(auditDoc.pages.length);
    expect(record.pages).toBeGreaterThan(1);
    const fields = record.extracted?.kind === 'AUDIT_REPORT' ? record.extracted.fields : {};
    expect(fields.fiscalYear?.value).toBe(auditDoc.truth.fiscalYear);
  });

  it('rejects a file that is not a scan, with a reason, and keeps the batch going', () => {
    const record = records.get('photo-of-a-cat.jpg')!;
    expect(record.status).toBe('REJECTED');
    expect(record.reasons[0]).toContain('不支持的文件类型');
  });

  it('leaves the records in DynamoDB Local and signed reports that pdfsig validates', async () => {
    const db = await startDynamoDbLocal({ dataDir: join(work, 'data', 'dynamodb') });
    try {
      const stored = await new DynamoRecordStore(db.client, TABLE_NAME).listDocuments('e2e');
      expect(stored.map((r) => r.fileName).sort()).toEqual(['audit-report.pdf', 'fact-sheet.png', 'photo-of-a-cat.jpg']);
    } finally {
      await db.stop();
    }
    const reports = await readdir(join(work, 'out', 'reports'));
    expect(reports.length).toBe(3); // two review reports and one fact sheet
    for (const report of reports) {
      const out = spawnSync('pdfsig', [join(work, 'out', 'reports', report)], { encoding: 'utf8' });
      expect(out.error, 'pdfsig (Debian package poppler-utils) must be installed').toBeUndefined();
      expect(out.stdout).toContain('Signature is Valid');
    }
  });
});
