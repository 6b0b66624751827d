/**
 * Isolation: one institution's prefix and partition never reach another's uploads, records,
 * reports or audit trail through the keys the CLI and the pipeline build, and input strings
 * (institution ids, file names, paths) never reach a key, a record or a PDF unescaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadKey } from '../../functions/cli/process-files.js';
import type { LocalRuntime } from '../../functions/cli/local-runtime.js';
import { FsObjectStore } from '../../shared/adapters/fs-object-store.js';
import { displayFileName, isSafeInstitutionId, keySegment } from '../../shared/intake/names.js';
import { pdfTextLayer } from '../../shared/pdf/rasterize.js';
import { processDocument, sha256Hex } from '../../shared/pipeline/process-document.js';
import { REPORT_NOT_ARCHIVED, verifyAgainstArchive } from '../../shared/pipeline/verify-report.js';
import { VERIFY_PROBLEMS } from '../../shared/signing/verify.js';
import { chinesePdf, factSheetLines } from './corpus.js';
import { inventory, tempRuntime, upload } from './helpers.js';

const hash = (text: string) => sha256Hex(new TextEncoder().encode(text));

/** File paths a clerk's machine or a crafted request might hand over. */
const HOSTILE_PATHS = [
  '../../yn-other/secret.pdf',
  '/etc/passwd',
  'a/../../../b.pdf',
  'sub/./../../x.pdf',
  '..\\..\\yn-other\\y.pdf',
  'name\u0000with-nul.pdf',
  'bell\u0007and\u001b[31mescape.pdf',
  'uploads/yn-other/z.pdf',
  '...',
  '',
];

describe('upload keys built by the CLI', () => {
  it.each(HOSTILE_PATHS)('keep %j inside the institution prefix, without traversal or control characters', (path) => {
    const base = '/scans/batch';
    const key = uploadKey('yn-a', path.startsWith('/') ? path : `${base}/${path}`, base);
    expect(key.startsWith('uploads/yn-a/')).toBe(true);
    const segments = key.split('/');
    expect(segments.every((s) => s !== '' && s !== '.' && s !== '..')).toBe(true);
    expect(key).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(key.startsWith('uploads/yn-a-')).toBe(false);
  });

  it('keep one institution out of another that shares the start of its id', () => {
    expect(uploadKey('yn', '/s/x.pdf', '/s').startsWith('uploads/yn-a/')).toBe(false);
    expect(uploadKey('yn-a', '/s/x.pdf', '/s').startsWith('uploads/yn/')).toBe(false);
  });
});

describe('key segments from arbitrary names', () => {
  it.each([...HOSTILE_PATHS, '关于'.repeat(200) + '.pdf', 'a%2F..%2Fb', 'CON', ' ', '.hidden'])('escape %j into one safe segment', (name) => {
    const segment = keySegment(name, hash);
    expect(segment).not.toMatch(/[/\\\u0000-\u001f\u007f ]/);
    expect(['', '.', '..']).not.toContain(segment);
    expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(200);
  });

  it('keep distinct names distinct', () => {
    const names = ['a/b', 'a%2Fb', 'a_b', 'a b', 'a\u0000b', '../a', '%2E%2E/a', '关于'.repeat(200), '关于'.repeat(201)];
    expect(new Set(names.map((n) => keySegment(n, hash))).size).toBe(names.length);
  });

  it('fit a file system: a 200-character Chinese name is stored and read back', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const store = new FsObjectStore(await mkdtemp(join(tmpdir(), 'keys-')));
    const key = `uploads/yn-a/${keySegment('关于担保代偿的说明'.repeat(25) + '.pdf', hash)}`;
    await store.put(key, new Uint8Array([1, 2, 3]));
    expect(await store.get(key)).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe('display names', () => {
  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\clerk\\纪要.pdf', '纪要.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a\u0000b\u0007c.pdf', 'abc.pdf'],
    ['  ', '未命名文件'],
  ])('%j is shown as %j', (name, shown) => expect(displayFileName(name)).toBe(shown));

  it('shorten very long names in the middle of nowhere but keep the extension', () => {
    const shown = displayFileName('纪'.repeat(500) + '.pdf');
    expect(Array.from(shown).length).toBeLessThanOrEqual(120);
    expect(shown.endsWith('….pdf')).toBe(true);
  });
});

describe('records, reports and the archive of two institutions', () => {
  let runtime: LocalRuntime;
  const A = 'iso-a';
  const B = 'iso-b';
  let shared: Uint8Array;

  beforeAll(async () => {
    runtime = await tempRuntime({ ocr: false });
    shared = await chinesePdf(factSheetLines('周晓峰', '0201'));
    const own = await chinesePdf(factSheetLines('孙丽', '0202'));
    await processDocument(runtime.deps, await upload(runtime.deps, A, 'shared.pdf', shared));
    await processDocument(runtime.deps, await upload(runtime.deps, A, 'only-a.pdf', own));
    await processDocument(runtime.deps, await upload(runtime.deps, B, 'shared.pdf', shared));
  }, 120_000);
  afterAll(async () => runtime?.close());

  it('keeps each institution to its own documents, reports, audit entries and archive prefix', async () => {
    const a = await inventory(runtime.deps, A);
    const b = await inventory(runtime.deps, B);
    expect(a.documents).toHaveLength(2);
    expect(b.documents).toHaveLength(1);
    for (const [inst, inv] of [[A, a], [B, b]] as const) {
      expect(inv.documents.every((d) => d.institutionId === inst && d.objectKey.startsWith(`uploads/${inst}/`))).toBe(true);
      expect(inv.reports.every((r) => r.institutionId === inst && r.archiveKey.startsWith(`reports/${inst}/`))).toBe(true);
      expect(inv.audit.every((e) => e.institutionId === inst)).toBe(true);
      expect(inv.archived.every((k) => k.startsWith(`reports/${inst}/`))).toBe(true);
    }
    // the same content uploaded by both is two documents, one in each institution
    const onlyA = a.documents.find((d) => d.fileName === 'only-a.pdf')!;
    expect(await runtime.deps.records.getDocument(B, onlyA.documentId)).toBeUndefined();
    expect(b.documents[0].documentId).toBe(a.documents.find((d) => d.fileName === 'shared.pdf')!.documentId);
    expect(b.reports.map((r) => r.archiveKey)).not.toEqual(expect.arrayContaining(a.reports.map((r) => r.archiveKey)));
  });

  it("does not let one institution's archive vouch for another's report", async () => {
    const a = await inventory(runtime.deps, A);
    const onlyA = a.documents.find((d) => d.fileName === 'only-a.pdf')!;
    const reportA = a.reports.find((r) => r.sourceDocumentIds[0] === onlyA.documentId)!;
    const pdf = await runtime.deps.archive.get(reportA.archiveKey);
    expect((await verifyAgainstArchive(runtime.deps, pdf, B, reportA.reportId)).problems).toContain(REPORT_NOT_ARCHIVED);
    // same content, same report id in B: still not B's file
    const sharedA = a.reports.find((r) => r.sourceDocumentIds[0] !== onlyA.documentId)!;
    const verdict = await verifyAgainstArchive(runtime.deps, await runtime.deps.archive.get(sharedA.archiveKey), B, sharedA.reportId);
    expect(verdict.valid).toBe(false);
    expect(verdict.problems).toContain(VERIFY_PROBLEMS.fileHashMismatch);
  });

  it.each(['../iso-a', 'iso-b/../iso-a', 'iso-a\u0000', '', 'INST#iso-a', 'iso a', 'x'.repeat(65)])(
    'refuses the institution id %j before any effect',
    async (institutionId) => {
      expect(isSafeInstitutionId(institutionId)).toBe(false);
      await runtime.deps.uploads.put('uploads/iso-probe/x.pdf', shared);
      await expect(processDocument(runtime.deps, { institutionId, objectKey: 'uploads/iso-probe/x.pdf', fileName: 'x.pdf' })).rejects.toThrow(/unsafe institution id/);
      expect(await runtime.deps.records.listDocuments(institutionId)).toEqual([]);
      expect((await runtime.deps.archive.list('reports/')).every((k) => k.startsWith(`reports/${A}/`) || k.startsWith(`reports/${B}/`))).toBe(true);
    },
  );

  it('prints a hostile file name into the report only as its cleaned display form', async () => {
    const inst = 'iso-names';
    const record = await processDocument(
      runtime.deps,
      await upload(runtime.deps, inst, 'x\u0000y\u001b[2J\u202Eevil\n name.pdf', await chinesePdf(factSheetLines('吴用', '0203'))),
    );
    const review = (await runtime.deps.records.listReports(inst)).find((r) => r.kind === 'DOCUMENT_REVIEW')!;
    const text = (await pdfTextLayer(await runtime.deps.archive.get(review.archiveKey))).flatMap((p) => p.lines.map((l) => l.text)).join('\n');
    expect(record.fileName).toBe('xy[2Jevil name.pdf');
    expect(text.replace(/\s/g, '')).toContain('xy[2Jevilname.pdf');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
  });
});
