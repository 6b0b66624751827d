/**
 * Exactly-once effects under at-least-once delivery: the same upload delivered five times at
 * once and again afterwards, and a crash injected between any two stages followed by a retry,
 * all end with one record, one report per kind, one archived object per report and one audit
 * entry per action, and every archived report matches its record.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../functions/cli/local-runtime.js';
import type { DocumentStatus } from '../../shared/domain/records.js';
import { processDocument, sha256Hex, type PipelineDeps } from '../../shared/pipeline/process-document.js';
import { ArchivedReportDamagedError } from '../../shared/pipeline/publish-report.js';
import { reportId } from '../../shared/pipeline/issue-reports.js';
import { OcrFailedError } from '../../shared/read/read.js';
import { verifyAgainstArchive } from '../../shared/pipeline/verify-report.js';
import { chinesePdf, factSheetLines } from './corpus.js';
import { describeFault, InjectedCrash, withFault, type Fault } from './faults.js';
import { encryptedPdf } from './formats.js';
import { actionCounts, inventory, tempRuntime, upload } from './helpers.js';
import { encodeCanvas } from '../../shared/pdf/encode-canvas.js';

let runtime: LocalRuntime;
let factSheet: Uint8Array;
let factSheetScan: Uint8Array;

beforeAll(async () => {
  [runtime, factSheet, factSheetScan] = await Promise.all([tempRuntime(), chinesePdf(factSheetLines('周晓峰')), scannedFactSheet()]);
}, 120_000);
afterAll(async () => runtime?.close());

/** A small image of a fact sheet: read through OCR. */
async function scannedFactSheet(): Promise<Uint8Array> {
  const font = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  GlobalFonts.registerFromPath(font, 'ExactlyOnceSans');
  const canvas = createCanvas(900, 520);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 900, 520);
  ctx.fillStyle = '#000';
  ctx.font = '44px ExactlyOnceSans';
  ctx.textBaseline = 'top';
  ['事实认定材料', '被评议人：王小明', '评议结论：尽职', '评议日期：2024年7月1日'].forEach((line, i) => ctx.fillText(line, 44, 44 + i * 70));
  return encodeCanvas(canvas, 'png');
}

const deliver = async (deps: PipelineDeps, institutionId: string, bytes: Uint8Array, name = 'fact-sheet.pdf') =>
  processDocument(deps, await upload(deps, institutionId, name, bytes));

/**
 * One document with both reports, complete and without duplicates: one of everything in the
 * records, exactly the two archived files, each matching its record and verifying, and an
 * audit trail with one entry per action whose details agree with the records.
 */
async function expectComplete(institutionId: string, status?: DocumentStatus) {
  const { documents, reports, audit, archived } = await inventory(runtime.deps, institutionId);
  expect(documents).toHaveLength(1);
  const [doc] = documents;
  if (status) expect(doc.status).toBe(status);
  else expect(['PROCESSED', 'NEEDS_REVIEW']).toContain(doc.status);
  expect(reports.map((r) => r.kind).sort()).toEqual(['DOCUMENT_REVIEW', 'FACT_SHEET']);
  expect([...doc.reportIds].sort()).toEqual(reports.map((r) => r.reportId).sort());
  expect(doc.reportIds.sort()).toEqual([reportId('DOCUMENT_REVIEW', doc), reportId('FACT_SHEET', doc)].sort());
  expect(archived.sort()).toEqual(reports.map((r) => r.archiveKey).sort());

  expect(actionCounts(audit, doc.documentId)).toEqual({ DOCUMENT_RECEIVED: 1, [`DOCUMENT_${doc.status}`]: 1, REPORTS_ISSUED: 1 });
  const issued = audit.find((e) => e.subjectId === doc.documentId && e.action === 'REPORTS_ISSUED')!;
  expect([...(issued.detail.reportIds as string[])].sort()).toEqual([...doc.reportIds].sort());
  for (const report of reports) {
    const pdf = await runtime.deps.archive.get(report.archiveKey);
    expect(sha256Hex(pdf)).toBe(report.sha256);
    expect(pdf.length).toBe(report.bytes);
    const entries = audit.filter((e) => e.subjectId === report.reportId);
    expect(entries.map((e) => e.action)).toEqual(['REPORT_ARCHIVED']);
    expect(entries[0].detail).toMatchObject({ archiveKey: report.archiveKey, sha256: report.sha256 });
    const verdict = await verifyAgainstArchive(runtime.deps, pdf, institutionId, report.reportId);
    expect(verdict.problems).toEqual([]);
    // the record describes the archived file, down to its signing time (kept to the second in the PDF)
    expect(Math.floor(new Date(report.generatedAt).getTime() / 1000)).toBe(new Date(verdict.signingTime!).getTime() / 1000);
  }
  return { doc, reports, audit };
}

describe('the same upload delivered several times', () => {
  it('five at once, then twice more: one record, one report per kind, one archived file per report, one audit entry per action', async () => {
    const inst = 'dup-concurrent';
    const concurrent = await Promise.all([1, 2, 3, 4, 5].map(() => deliver(runtime.deps, inst, factSheet)));
    const sequential = [await deliver(runtime.deps, inst, factSheet), await deliver(runtime.deps, inst, factSheet)];
    for (const r of [...concurrent, ...sequential]) {
      expect(r.documentId).toBe(concurrent[0].documentId);
      expect(r.status).toBe('PROCESSED');
    }
    const before = await expectComplete(inst, 'PROCESSED');
    // and a later delivery changes nothing at all
    await deliver(runtime.deps, inst, factSheet);
    const after = await inventory(runtime.deps, inst);
    expect(after.audit).toEqual(before.audit);
    expect(after.reports).toEqual(before.reports);
  });

  it('five at once of a file that is refused: one record, one rejection, no reports', async () => {
    const inst = 'dup-rejected';
    const records = await Promise.all([1, 2, 3, 4, 5].map(() => deliver(runtime.deps, inst, encryptedPdf('SECRET', 'pw'), 'locked.pdf')));
    expect(new Set(records.map((r) => `${r.documentId} ${r.status} ${r.rejectionCode}`))).toEqual(new Set([`${records[0].documentId} REJECTED ENCRYPTED_PDF`]));
    const { documents, reports, audit, archived } = await inventory(runtime.deps, inst);
    expect(documents).toHaveLength(1);
    expect(reports).toEqual([]);
    expect(archived).toEqual([]);
    expect(actionCounts(audit)).toEqual({ DOCUMENT_RECEIVED: 1, DOCUMENT_REJECTED: 1 });
    expect(audit.find((e) => e.action === 'DOCUMENT_REJECTED')!.detail).toMatchObject({ code: 'ENCRYPTED_PDF' });
  });

  it('five at once while two of the deliveries crash at different stages; a redelivery completes it', async () => {
    const inst = 'dup-crashing';
    const faults: Array<Fault | undefined> = [
      { port: 'archive', method: 'put', when: 'after' },
      undefined,
      { port: 'records', method: 'updateDocument', when: 'before', nth: 2 },
      undefined,
      undefined,
    ];
    const results = await Promise.allSettled(faults.map((f) => deliver(f ? withFault(runtime.deps, f).deps : runtime.deps, inst, factSheet)));
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(InjectedCrash);
    await deliver(runtime.deps, inst, factSheet);
    await expectComplete(inst, 'PROCESSED');
  });
});

/** Crash points along the way of a born-digital fact sheet (two reports). */
const CRASHES: Array<[string, Fault]> = [
  ['reading the upload fails', { port: 'uploads', method: 'get', when: 'before' }],
  ['right after the document is registered', { port: 'records', method: 'registerDocument', when: 'after' }],
  ['after reading, before the record write', { port: 'records', method: 'updateDocument', when: 'before' }],
  ['after the record write', { port: 'records', method: 'updateDocument', when: 'after' }],
  ['after signing the first report', { port: 'signer', method: 'sign', when: 'after' }],
  ['before archiving the first report', { port: 'archive', method: 'put', when: 'before' }],
  ['after archiving the first report, before its record', { port: 'archive', method: 'put', when: 'after' }],
  ['after the first report record, before the second report', { port: 'records', method: 'putReport', when: 'after' }],
  ['after archiving the second report, before its record', { port: 'archive', method: 'put', when: 'after', nth: 2 }],
  ['after both reports, before recording them on the document', { port: 'records', method: 'updateDocument', when: 'before', nth: 2 }],
  ['after everything was recorded', { port: 'records', method: 'updateDocument', when: 'after', nth: 2 }],
];

describe.concurrent('a crash between stages, then a retry', () => {
  it.each(CRASHES)('%s', async (_label, fault) => {
    const inst = `crash-${describeFault(fault).replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    const faulty = withFault(runtime.deps, fault);
    await expect(deliver(faulty.deps, inst, factSheet)).rejects.toBeInstanceOf(InjectedCrash);
    expect(faulty.fired()).toBe(true);
    const retried = await deliver(runtime.deps, inst, factSheet);
    expect(retried.status).toBe('PROCESSED');
    await expectComplete(inst, 'PROCESSED');
  });

  it.each<[string, Fault]>([
    ['after OCR returned', { port: 'ocr', method: 'recognize', when: 'after' }],
    ['the OCR engine fails (not the file): retried, not rejected', { port: 'ocr', method: 'recognize', when: 'before' }],
  ])('a scanned document: %s', async (_label, fault) => {
    const inst = `crash-scan-${fault.when}`;
    const faulty = withFault(runtime.deps, fault);
    // whatever breaks inside the engine call comes out as an engine failure, for the delivery to be retried
    const failure = await deliver(faulty.deps, inst, factSheetScan, 'scan.png').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(OcrFailedError);
    expect((failure as OcrFailedError).cause).toBeInstanceOf(InjectedCrash);
    const stored = (await runtime.deps.records.listDocuments(inst))[0];
    expect(stored.status).toBe('RECEIVED'); // not REJECTED: nothing is wrong with the file
    const retried = await deliver(runtime.deps, inst, factSheetScan, 'scan.png');
    expect(retried.textSource).toBe('ocr');
    await expectComplete(inst);
  });
});

describe('an archived report that does not verify', () => {
  it('is never recorded with its hash: the attempt fails loudly and the document waits for a person', async () => {
    const inst = 'damaged-archive';
    // what a writer cut off mid-file leaves behind: the first half of a signed report
    const donor = await deliver(runtime.deps, 'damaged-donor', factSheet);
    const donorReport = (await runtime.deps.records.listReports('damaged-donor')).find((r) => r.kind === 'DOCUMENT_REVIEW')!;
    const half = (await runtime.deps.archive.get(donorReport.archiveKey)).subarray(0, 30_000);
    await runtime.deps.archive.put(donorReport.archiveKey.replace('/damaged-donor/', `/${inst}/`), half);

    await expect(deliver(runtime.deps, inst, factSheet)).rejects.toBeInstanceOf(ArchivedReportDamagedError);
    const { documents, reports } = await inventory(runtime.deps, inst);
    expect(reports.filter((r) => r.kind === 'DOCUMENT_REVIEW')).toEqual([]);
    expect(documents[0]).toMatchObject({ documentId: donor.documentId, status: 'PROCESSED', reportIds: [] });
  });
});
