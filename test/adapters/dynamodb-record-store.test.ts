import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../shared/adapters/dynamodb-local.js';
import { DynamoRecordStore, ensureTable } from '../../shared/adapters/dynamodb-record-store.js';
import { StaleRecordError } from '../../shared/ports.js';
import type { AuditEvent, DocumentRecord, ReportRecord } from '../../shared/domain/records.js';

let db: DynamoDbLocal;
let store: DynamoRecordStore;

beforeAll(async () => {
  db = await startDynamoDbLocal();
  await ensureTable(db.client, 'records');
  await ensureTable(db.client, 'records'); // idempotent
  store = new DynamoRecordStore(db.client, 'records');
});
afterAll(async () => db?.stop());

const doc = (over: Partial<DocumentRecord> = {}): DocumentRecord => ({
  institutionId: 'yn-001',
  documentId: 'a'.repeat(64),
  objectKey: 'uploads/yn-001/纪要.png',
  fileName: '纪要.png',
  bytes: 1234,
  kind: 'UNKNOWN',
  status: 'RECEIVED',
  reasons: [],
  pages: 0,
  findings: [],
  reportIds: [],
  revision: 0,
  receivedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
const event = (action: string, at: string, subjectId = 'a'.repeat(64)): AuditEvent => ({
  institutionId: 'yn-001',
  subjectId,
  action,
  actor: 'test',
  at,
  detail: {},
});

describe('DynamoRecordStore on DynamoDB Local', () => {
  it('registers a document once and returns the stored one on a repeat', async () => {
    const first = await store.registerDocument(doc(), event('RECEIVED', '2026-01-01T00:00:00.000Z'));
    expect(first.created).toBe(true);
    const again = await store.registerDocument(doc({ fileName: 'copy.png' }), event('RECEIVED', '2026-01-01T00:00:01.000Z'));
    expect(again.created).toBe(false);
    expect(again.record.fileName).toBe('纪要.png');
    expect(await store.listAudit('yn-001')).toHaveLength(1);
  });

  it('updates state and appends the audit event in one transaction', async () => {
    await store.updateDocument(
      doc({ status: 'PROCESSED', kind: 'MEETING_MINUTES', revision: 1, updatedAt: '2026-01-01T00:01:00.000Z' }),
      event('PROCESSED', '2026-01-01T00:01:00.000Z'),
    );
    const stored = await store.getDocument('yn-001', 'a'.repeat(64));
    expect(stored?.status).toBe('PROCESSED');
    expect(stored?.kind).toBe('MEETING_MINUTES');
    expect((await store.listAudit('yn-001', 'a'.repeat(64))).map((e) => e.action)).toEqual(['RECEIVED', 'PROCESSED']);
    await expect(
      store.updateDocument(doc({ documentId: 'b'.repeat(64), revision: 1 }), event('PROCESSED', '2026-01-01T00:02:00.000Z', 'b'.repeat(64))),
    ).rejects.toThrow(StaleRecordError);
    // a change based on an old revision is refused, and its audit event is not written
    await expect(store.updateDocument(doc({ status: 'REJECTED', revision: 1 }), event('REJECTED', '2026-01-01T00:03:00.000Z'))).rejects.toThrow(StaleRecordError);
    expect((await store.getDocument('yn-001', 'a'.repeat(64)))?.status).toBe('PROCESSED');
    expect((await store.listAudit('yn-001')).map((e) => e.action)).not.toContain('REJECTED');
  });

  it('stores a report once', async () => {
    const report: ReportRecord = {
      institutionId: 'yn-001',
      reportId: 'r1',
      kind: 'FACT_SHEET',
      documentNo: 'SS-2026-0001',
      jurisdiction: 'YN',
      year: 2026,
      sourceDocumentIds: ['a'.repeat(64)],
      archiveKey: 'reports/yn-001/2026/FACT_SHEET/r1.pdf',
      sha256: 'c'.repeat(64),
      bytes: 10,
      certificateSha256: 'd'.repeat(64),
      generatedAt: '2026-01-01T00:03:00.000Z',
    };
    await store.putReport(report, event('REPORT_ARCHIVED', '2026-01-01T00:03:00.000Z', 'r1'));
    await store.putReport(report, event('REPORT_ARCHIVED', '2026-01-01T00:03:05.000Z', 'r1'));
    expect(await store.listReports('yn-001')).toEqual([report]);
    expect(await store.listAudit('yn-001', 'r1')).toHaveLength(1);
    expect(await store.listReports('other')).toEqual([]);
  });
});
