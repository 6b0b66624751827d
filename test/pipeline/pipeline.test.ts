import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textPdf, YUNNAN_FACT_SHEET } from '../helpers/text-pdf.js';
import { processDocument } from '../../shared/pipeline/process-document.js';
import { verifyAgainstArchive } from '../../shared/pipeline/verify-report.js';
import { startLocalRuntime, type LocalRuntime } from '../../functions/cli/local-runtime.js';

const FACT_SHEET = YUNNAN_FACT_SHEET;

let runtime: LocalRuntime;
let clockTick = 0;

beforeAll(async () => {
  runtime = await startLocalRuntime({
    dataDir: await mkdtemp(join(tmpdir(), 'pipeline-')),
    inMemory: true,
    ocrWorkers: 1,
    clock: { now: () => new Date(Date.UTC(2026, 0, 5, 8, 0, clockTick++)) },
  });
});
afterAll(async () => runtime?.close());

async function upload(name: string, bytes: Uint8Array, institutionId = 'yn-dianzhong') {
  const key = `uploads/${institutionId}/${name}`;
  await runtime.deps.uploads.put(key, bytes);
  return { institutionId, objectKey: key, fileName: name };
}

describe('the pipeline on the embedded default', () => {
  it('reads a born-digital fact sheet from its text layer, records it and issues signed reports', async () => {
    const record = await processDocument(runtime.deps, await upload('fact.pdf', await textPdf(FACT_SHEET)));
    expect(record).toMatchObject({ kind: 'FACT_SHEET', status: 'PROCESSED', textSource: 'pdf-text-layer', jurisdiction: 'YN' });
    const fields = record.extracted?.kind === 'FACT_SHEET' ? record.extracted.fields : {};
    expect(fields.evaluatedPerson?.value).toBe('周晓峰');
    expect(fields.conclusion?.value).toBe('尽职');
    expect(fields.guaranteeAmount?.value).toBe(300_000_000);
    expect(fields.deliveryDate?.value).toBe('2024-07-03');

    const stored = await runtime.deps.records.getDocument('yn-dianzhong', record.documentId);
    expect(stored?.status).toBe('PROCESSED');
    expect(stored?.reportIds).toHaveLength(2);
    const reports = await runtime.deps.records.listReports('yn-dianzhong');
    expect(reports.map((r) => r.kind).sort()).toEqual(['DOCUMENT_REVIEW', 'FACT_SHEET']);
    for (const report of reports) {
      const pdf = await runtime.deps.archive.get(report.archiveKey);
      const verdict = await verifyAgainstArchive(runtime.deps, pdf, 'yn-dianzhong', report.reportId);
      expect(verdict.problems).toEqual([]);
      expect(verdict.valid).toBe(true);
    }
  });

  it('gives one record, one set of reports and one audit entry per action when the same upload comes again', async () => {
    const bytes = await textPdf(FACT_SHEET.map((l) => l.replace('周晓峰', '孙丽')));
    const deliver = async () => processDocument(runtime.deps, await upload('again.pdf', bytes, 'yn-dup'));
    const concurrent = await Promise.all([1, 2, 3, 4, 5].map(deliver));
    const sequential = [await deliver(), await deliver()];
    for (const r of [...concurrent, ...sequential]) {
      expect(r.documentId).toBe(concurrent[0].documentId);
      expect(r.status).toBe('PROCESSED');
    }
    expect(await runtime.deps.records.listDocuments('yn-dup')).toHaveLength(1);
    expect(await runtime.deps.records.listReports('yn-dup')).toHaveLength(2);
    const actions = (await runtime.deps.records.listAudit('yn-dup')).map((e) => e.action);
    for (const action of ['DOCUMENT_RECEIVED', 'DOCUMENT_PROCESSED', 'REPORTS_ISSUED']) expect(actions.filter((a) => a === action)).toHaveLength(1);
    expect(actions.filter((a) => a === 'REPORT_ARCHIVED')).toHaveLength(2);
    expect(await runtime.deps.archive.list('reports/yn-dup/')).toHaveLength(2);
  });

  it.each([
    ['empty.png', new Uint8Array(0), 'EMPTY_FILE', '文件为空'],
    ['notes.pdf', new TextEncoder().encode('just some text, not a scan'), 'UNSUPPORTED_TYPE', '不支持的文件类型'],
    ['broken.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog'), 'UNREADABLE_FILE', '文件已损坏'],
  ])('rejects %s with a reason a clerk understands', async (name, bytes, _code, reason) => {
    const record = await processDocument(runtime.deps, await upload(name, bytes, 'yn-bad'));
    expect(record.status).toBe('REJECTED');
    expect(record.reasons.join()).toContain(reason);
    expect(record.reportIds).toEqual([]);
  });

  it('sends a document it cannot classify to review, keeping it', async () => {
    const record = await processDocument(runtime.deps, await upload('notice.pdf', await textPdf(['关于召开春节联欢会的通知', '请各部门于下午三点到礼堂集合，准时参加。']), 'yn-other'));
    expect(record.status).toBe('NEEDS_REVIEW');
    expect(record.kind).toBe('UNKNOWN');
    expect(record.reasons[0]).toContain('无法识别材料类型');
  });
});
