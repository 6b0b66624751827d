/**
 * The whole pipeline over the bad-input corpus, with good documents in the same batch: every
 * file ends in exactly one terminal state, nothing escapes as an exception, the good documents
 * come out exactly as they do alone, and the stores hold nothing more and nothing less.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../functions/cli/local-runtime.js';
import { TERMINAL_STATUSES, type DocumentRecord } from '../../shared/domain/records.js';
import { DEFAULT_LIMITS, REJECTION_CODES, type IntakeLimits } from '../../shared/intake/gate.js';
import { MAX_DISPLAY_NAME } from '../../shared/intake/names.js';
import { processDocument } from '../../shared/pipeline/process-document.js';
import { REQUIRED_FIELDS } from '../../shared/pipeline/review.js';
import { verifyAgainstArchive } from '../../shared/pipeline/verify-report.js';
import { buildCorpus, type CorpusItem } from './corpus.js';
import { actionCounts, CHINESE_THEN_ENGLISH, inventory, runAll, tempRuntime, upload, type Outcome } from './helpers.js';

/** The real limits, but a 4 MB byte limit so the oversized file stays cheap to make. */
const LIMITS: IntakeLimits = { ...DEFAULT_LIMITS, maxBytes: 4 * 1024 * 1024 };
const BATCH = 'corpus-batch';
const SOLO = 'corpus-solo';

let runtime: LocalRuntime;
let items: CorpusItem[];
let outcomes: Outcome<CorpusItem>[];
const solo = new Map<string, DocumentRecord>();

const outcomeOf = (id: string) => outcomes.find((o) => o.item.id === id)!;
const recordOf = (id: string) => outcomeOf(id).record!;

beforeAll(async () => {
  [runtime, items] = await Promise.all([tempRuntime({ config: { limits: LIMITS } }), buildCorpus({ limits: LIMITS })]);
  const deps = runtime.deps;
  // the good documents alone, in an institution of their own: what the batch must not change
  for (const item of items.filter((i) => i.good)) {
    solo.set(item.id, await processDocument(deps, await upload(deps, SOLO, item.fileName, item.bytes, item.id)));
  }
  // the batch: everything at once, three at a time, in an order that mixes good and bad
  const order = [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
  outcomes = await runAll(order, 3, async (item) => processDocument(deps, await upload(deps, BATCH, item.fileName, item.bytes, item.id)));
}, 300_000);

afterAll(async () => runtime?.close());

describe('the bad-input corpus', () => {
  it('has at least 25 kinds of bad input besides the good documents', () => {
    expect(items.filter((i) => !i.good && !i.sameAs).length).toBeGreaterThanOrEqual(25);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('ends every file in exactly one terminal state, with no exception escaping', async () => {
    const escaped = outcomes.filter((o) => o.error).map((o) => `${o.item.id}: ${String(o.error)}`);
    expect(escaped).toEqual([]);
    for (const { item, record } of outcomes) {
      expect(TERMINAL_STATUSES, item.id).toContain(record!.status);
      const stored = await runtime.deps.records.getDocument(BATCH, record!.documentId);
      expect(stored?.status, item.id).toBe(record!.status);
    }
  });

  it('gives every rejection one stable code and one reason, Chinese first and English after', () => {
    for (const { item, record } of outcomes.filter((o) => o.record!.status === 'REJECTED')) {
      expect(REJECTION_CODES, item.id).toContain(record!.rejectionCode);
      expect(record!.reasons, item.id).toHaveLength(1);
      expect(record!.reasons[0], item.id).toMatch(CHINESE_THEN_ENGLISH);
      expect(record!.reportIds, item.id).toEqual([]);
    }
    for (const { record } of outcomes.filter((o) => o.record!.status !== 'REJECTED')) expect(record!.rejectionCode).toBeUndefined();
  });

  it('ends each file as its kind of input requires', () => {
    const wrong: string[] = [];
    for (const { item, record } of outcomes) {
      const r = record!;
      const got = `${r.status}${r.rejectionCode ? ` ${r.rejectionCode}` : ''} (${r.kind}) ${r.reasons.join(' | ').slice(0, 160)}`;
      const e = item.expect;
      const ok =
        'oneOf' in e
          ? e.oneOf.some((o) => o.status === r.status && (!o.code || o.code === r.rejectionCode))
          : e.status === 'REJECTED'
            ? r.status === 'REJECTED' && r.rejectionCode === e.code
            : r.status !== 'REJECTED' && (!e.kind || e.kind === r.kind) && (!e.reason || r.reasons.some((x) => x.includes(e.reason!)));
      if (!ok) wrong.push(`${item.id}: expected ${JSON.stringify(e)}, got ${got}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads the good documents with their fields, exactly as when they are processed alone', () => {
    for (const item of items.filter((i) => i.good)) {
      const batch = recordOf(item.id);
      const alone = solo.get(item.id)!;
      expect(batch.kind, item.id).toBe(item.good!.kind);
      expect(['PROCESSED', 'NEEDS_REVIEW'], item.id).toContain(batch.status);
      expect(batch.extracted, item.id).toEqual(alone.extracted);
      expect(batch.findings, item.id).toEqual(alone.findings);
      expect(batch.status, item.id).toBe(alone.status);
      const fields = (batch.extracted?.fields ?? {}) as Record<string, { value: unknown } | undefined>;
      const truth = item.good!.truth as Record<string, unknown>;
      const keys = item.good!.kind === 'FACT_SHEET' ? Object.keys(truth) : REQUIRED_FIELDS[item.good!.kind];
      for (const key of keys) expect(fields[key]?.value, `${item.id} ${key}`).toEqual(truth[key]);
    }
  });

  it('reads a PDF whose cross-reference table is broken, and files whose name lies about their type', () => {
    expect(recordOf('broken-xref-readable')).toMatchObject({ status: 'PROCESSED', textSource: 'pdf-text-layer' });
    expect(recordOf('png-named-pdf')).toMatchObject({ mediaType: 'image/png', textSource: 'ocr' });
    expect(recordOf('jpeg-named-png')).toMatchObject({ mediaType: 'image/jpeg', textSource: 'ocr' });
    expect(recordOf('tiff-two-pages')).toMatchObject({ mediaType: 'image/tiff', pages: 2 });
    for (const id of ['jpeg-cmyk', 'jpeg-progressive']) expect(recordOf(id).extracted?.kind, id).toBe('MEETING_MINUTES');
  });

  it('keeps one document for the same bytes uploaded under two names', () => {
    const first = recordOf('same-bytes-first-name');
    const second = recordOf('same-bytes-second-name');
    expect(second.documentId).toBe(first.documentId);
    // the one record keeps the name it was first registered under, and both deliveries report it
    expect(second.fileName).toBe(first.fileName);
    expect(['武松-第一次上传.pdf', '武松-第二次上传.pdf']).toContain(first.fileName);
  });

  it('stores one record per distinct content, one archived report per report record, and a complete audit trail', async () => {
    const { documents, reports, audit, archived } = await inventory(runtime.deps, BATCH);
    const distinct = new Set(items.map((i) => Buffer.from(i.bytes).toString('base64')));
    expect(documents).toHaveLength(distinct.size);
    expect(archived.sort()).toEqual(reports.map((r) => r.archiveKey).sort());
    for (const doc of documents) {
      const counts = actionCounts(audit, doc.documentId);
      expect(counts.DOCUMENT_RECEIVED, doc.fileName).toBe(1);
      expect(counts[`DOCUMENT_${doc.status}`], doc.fileName).toBe(1);
      const own = reports.filter((r) => r.sourceDocumentIds.includes(doc.documentId));
      expect(own.map((r) => r.reportId).sort(), doc.fileName).toEqual([...doc.reportIds].sort());
      if (doc.status === 'REJECTED') expect(own).toEqual([]);
      else expect(own.length, doc.fileName).toBeGreaterThanOrEqual(1);
      for (const r of own) expect(actionCounts(audit, r.reportId).REPORT_ARCHIVED).toBe(1);
    }
  });

  it('issues verifiable signed reports for every kept document, whatever its file name', async () => {
    const kept = outcomes.filter((o) => o.record!.status !== 'REJECTED');
    const reports = await runtime.deps.records.listReports(BATCH);
    for (const { item, record } of kept) {
      for (const id of record!.reportIds) {
        const report = reports.find((r) => r.reportId === id)!;
        const verdict = await verifyAgainstArchive(runtime.deps, await runtime.deps.archive.get(report.archiveKey), BATCH, id);
        expect(verdict.problems, `${item.id} ${id}`).toEqual([]);
      }
    }
  });

  it('cleans hostile file names for display and never lets one into a key unescaped', () => {
    for (const { item, record } of outcomes.filter((o) => o.item.id.startsWith('name-'))) {
      const r = record!;
      expect(r.fileName, item.id).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e/\\]/u);
      expect(Array.from(r.fileName).length, item.id).toBeLessThanOrEqual(MAX_DISPLAY_NAME);
      expect(r.fileName.endsWith('.pdf'), item.id).toBe(true);
      expect(r.objectKey.startsWith(`uploads/${BATCH}/`), item.id).toBe(true);
      expect(r.objectKey.split('/').some((part) => part === '..' || part === '.' || part === ''), item.id).toBe(false);
      expect(r.objectKey, item.id).not.toMatch(/[\u0000-\u001f\u007f\\]/u);
    }
    expect(recordOf('name-traversal').fileName).toBe('passwd.pdf');
    expect(recordOf('name-windows-path').fileName).toBe('%2e%2e%2f报告.pdf');
  });
});
