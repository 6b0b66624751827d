/**
 * Tamper evidence: a changed archived report, a report re-signed with another key, a report
 * whose hash no longer matches its record, and a report with content appended after signing
 * are all caught, by `verifyAgainstArchive` and by `dossier verify`, in plain words.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, TABLE_NAME, type LocalRuntime } from '../../functions/cli/local-runtime.js';
import { LocalSigner } from '../../shared/adapters/local-signer.js';
import type { DocumentRecord, ReportRecord } from '../../shared/domain/records.js';
import { processDocument, sha256Hex } from '../../shared/pipeline/process-document.js';
import { ARCHIVE_COPY_CHANGED, REPORT_NOT_ARCHIVED, verifyAgainstArchive } from '../../shared/pipeline/verify-report.js';
import { renderDocumentReview } from '../../shared/reports/document-review.js';
import { signPdf } from '../../shared/signing/sign-pdf.js';
import { VERIFY_PROBLEMS } from '../../shared/signing/verify.js';
import { chinesePdf, factSheetLines } from './corpus.js';
import { concat } from './formats.js';
import { upload, useQuickJvm } from './helpers.js';

const INST = 'tamper-test';
let dataDir: string;
let runtime: LocalRuntime | undefined;
let docA: DocumentRecord;
let docB: DocumentRecord;
let reports: ReportRecord[];
/** The held copies: what a person was given when the reports were issued. */
const held = new Map<string, Uint8Array>();
let forged: Uint8Array;

const reportOf = (doc: DocumentRecord, kind: ReportRecord['kind']) => reports.find((r) => r.sourceDocumentIds[0] === doc.documentId && r.kind === kind)!;

/** Flips one byte inside the signed part of a PDF (in its first content stream). */
function flipSignedByte(pdf: Uint8Array): Uint8Array {
  const at = Buffer.from(pdf).indexOf('stream\n') + 40;
  const out = pdf.slice();
  out[at] ^= 0x01;
  return out;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tamper-'));
  // a persistent runtime (no OCR needed: born-digital documents), closed before the CLI opens the same data
  useQuickJvm();
  runtime = await startLocalRuntime({ dataDir, ocr: false });
  const deps = runtime.deps;
  docA = await processDocument(deps, await upload(deps, INST, 'a.pdf', await chinesePdf(factSheetLines('周晓峰', '0101'))));
  docB = await processDocument(deps, await upload(deps, INST, 'b.pdf', await chinesePdf(factSheetLines('孙丽', '0102'))));
  reports = await deps.records.listReports(INST);
  for (const r of reports) held.set(r.reportId, await deps.archive.get(r.archiveKey));

  // 1. a forgery: the same report content, signed with someone else's key
  const otherSigner = await LocalSigner.loadOrCreate(await mkdtemp(join(tmpdir(), 'other-key-')), { subjectCommonName: '伪造签章' });
  const target = reportOf(docA, 'DOCUMENT_REVIEW');
  const generatedAt = new Date(target.generatedAt);
  forged = await signPdf(await renderDocumentReview(docA, { documentNo: target.documentNo, generatedAt }), otherSigner, {
    signerName: 'Guarantee dossier pipeline',
    reason: 'DOCUMENT_REVIEW',
    signingTime: generatedAt,
  });
  // 2. the archived copy of A's fact sheet report changed in place
  const changed = reportOf(docA, 'FACT_SHEET');
  await deps.archive.put(changed.archiveKey, flipSignedByte(held.get(changed.reportId)!));
  // 3. the record of B's review report edited to another hash
  const edited = reportOf(docB, 'DOCUMENT_REVIEW');
  await runtime.dynamo.client.send(
    new UpdateItemCommand({
      TableName: TABLE_NAME,
      Key: { PK: { S: `INST#${INST}` }, SK: { S: `REPORT#${edited.year}#${edited.reportId}` } },
      UpdateExpression: 'SET sha256 = :h',
      ExpressionAttributeValues: { ':h': { S: sha256Hex(new TextEncoder().encode('another file')) } },
    }),
  );
}, 180_000);

afterAll(async () => runtime?.close());

describe('verifyAgainstArchive', () => {
  it('accepts an untouched report', async () => {
    const r = reportOf(docB, 'FACT_SHEET');
    const verdict = await verifyAgainstArchive(runtime!.deps, held.get(r.reportId)!, INST, r.reportId);
    expect(verdict).toMatchObject({ valid: true, problems: [] });
  });

  it('catches a report re-signed with another key', async () => {
    const r = reportOf(docA, 'DOCUMENT_REVIEW');
    const verdict = await verifyAgainstArchive(runtime!.deps, forged, INST, r.reportId);
    expect(verdict.valid).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([VERIFY_PROBLEMS.certificateMismatch, VERIFY_PROBLEMS.fileHashMismatch]));
    // the forgery is a well-formed signature in itself: only the archive tells
    expect(verdict.problems).not.toContain(VERIFY_PROBLEMS.badSignatureValue);
  });

  it('catches a changed archived copy, whichever copy is shown', async () => {
    const r = reportOf(docA, 'FACT_SHEET');
    const genuine = await verifyAgainstArchive(runtime!.deps, held.get(r.reportId)!, INST, r.reportId);
    expect(genuine.valid).toBe(false);
    expect(genuine.problems).toEqual([ARCHIVE_COPY_CHANGED]);
    const archived = await verifyAgainstArchive(runtime!.deps, await runtime!.deps.archive.get(r.archiveKey), INST, r.reportId);
    expect(archived.valid).toBe(false);
    expect(archived.problems).toEqual(expect.arrayContaining([VERIFY_PROBLEMS.tampered, VERIFY_PROBLEMS.fileHashMismatch, ARCHIVE_COPY_CHANGED]));
  });

  it('catches a report whose hash no longer matches its record', async () => {
    const r = reportOf(docB, 'DOCUMENT_REVIEW');
    const verdict = await verifyAgainstArchive(runtime!.deps, held.get(r.reportId)!, INST, r.reportId);
    expect(verdict.valid).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([VERIFY_PROBLEMS.fileHashMismatch, ARCHIVE_COPY_CHANGED]));
  });

  it('catches content appended after signing, and a report the archive never issued', async () => {
    const r = reportOf(docB, 'FACT_SHEET');
    const appended = concat(held.get(r.reportId)!, new TextEncoder().encode('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'));
    const verdict = await verifyAgainstArchive(runtime!.deps, appended, INST, r.reportId);
    expect(verdict.problems).toEqual(expect.arrayContaining([VERIFY_PROBLEMS.appendedAfterSigning, VERIFY_PROBLEMS.fileHashMismatch]));
    const unknown = await verifyAgainstArchive(runtime!.deps, held.get(r.reportId)!, INST, 'document-review-000000000000000000000000');
    expect(unknown.problems).toContain(REPORT_NOT_ARCHIVED);
    // nor does another institution's archive vouch for it
    const elsewhere = await verifyAgainstArchive(runtime!.deps, held.get(r.reportId)!, 'another-institution', r.reportId);
    expect(elsewhere).toMatchObject({ valid: false, problems: expect.arrayContaining([REPORT_NOT_ARCHIVED]) });
  });
});

/** Runs `dossier verify` in its own process, as a person would. */
function dossierVerify(pdf: string, reportId: string, data: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'functions/cli/dossier.ts', 'verify', pdf, '--institution', INST, '--report-id', reportId, '--data', data],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const CLI_CASES = [
  { label: 'an untouched report', report: () => reportOf(docB, 'FACT_SHEET'), pdf: () => held.get(reportOf(docB, 'FACT_SHEET').reportId)!, exit: 0, says: ['签名有效，文件与存档一致'] },
  {
    label: 'a report re-signed with another key',
    report: () => reportOf(docA, 'DOCUMENT_REVIEW'),
    pdf: () => forged,
    exit: 1,
    says: [VERIFY_PROBLEMS.certificateMismatch, VERIFY_PROBLEMS.fileHashMismatch],
  },
  { label: 'a report whose archived copy was changed', report: () => reportOf(docA, 'FACT_SHEET'), pdf: () => held.get(reportOf(docA, 'FACT_SHEET').reportId)!, exit: 1, says: [ARCHIVE_COPY_CHANGED] },
  {
    label: 'a report whose record was edited',
    report: () => reportOf(docB, 'DOCUMENT_REVIEW'),
    pdf: () => held.get(reportOf(docB, 'DOCUMENT_REVIEW').reportId)!,
    exit: 1,
    says: [VERIFY_PROBLEMS.fileHashMismatch],
  },
];

describe('dossier verify', () => {
  const runs = new Map<string, Awaited<ReturnType<typeof dossierVerify>>>();

  beforeAll(async () => {
    await runtime?.close();
    runtime = undefined;
    // each run starts its own DynamoDB Local: on its own copy of the data, two at a time (one per core)
    const queue = CLI_CASES.map((c, i) => async () => {
      const copy = `${dataDir}-cli-${i}`;
      await cp(dataDir, copy, { recursive: true });
      const file = join(copy, 'held-report.pdf');
      await writeFile(file, c.pdf());
      runs.set(c.label, await dossierVerify(file, c.report().reportId, copy));
    });
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    };
    await Promise.all([worker(), worker()]);
  }, 180_000);

  it.each(CLI_CASES)('on $label: exit code $exit and the problems in plain words', (c) => {
    const run = runs.get(c.label)!;
    expect(run.code, run.stderr).toBe(c.exit);
    for (const m of c.says) expect(run.stderr).toContain(m);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: c.exit === 0, reportId: c.report().reportId });
  });
});
