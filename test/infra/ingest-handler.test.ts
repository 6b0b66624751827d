/**
 * The processing function's handler over the real pipeline and real local services: DynamoDB Local
 * for the records and the Powertools idempotency table, the local object stores and signer.
 * Only the transport differs from AWS (SQS events are built here as SQS delivers them).
 */
import { CreateTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestHandler } from '../../functions/ingest/ingest.js';
import type { LocalRuntime } from '../../functions/cli/local-runtime.js';
import { textPdf, YUNNAN_FACT_SHEET } from '../helpers/text-pdf.js';
import type { PipelineDeps } from '../../shared/pipeline/process-document.js';

const BUCKET = 'guarantee-dossier-ingest';
const IDEMPOTENCY_TABLE = 'idempotency';

const factSheetPdf = () => textPdf(YUNNAN_FACT_SHEET);

let sequence = 0;
function message(body: unknown, receiveCount = 1): SQSRecord {
  sequence += 1;
  return {
    messageId: `msg-${sequence}`,
    receiptHandle: `handle-${sequence}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '1767600000000',
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: '1767600000000',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws-cn:sqs:cn-northwest-1:000000000000:uploads',
    awsRegion: 'cn-northwest-1',
  };
}

/** The S3 notification for one created object (key URL-encoded as S3 sends it). */
function created(key: string, versionId: string, bucket = BUCKET) {
  const encoded = encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Put',
        s3: { bucket: { name: bucket }, object: { key: encoded, size: 1, eTag: 'etag', versionId, sequencer: '01' } },
      },
    ],
  };
}

const context = {
  functionName: 'ingest',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws-cn:lambda:cn-northwest-1:000000000000:function:ingest',
  memoryLimitInMB: '3008',
  awsRequestId: 'request-1',
  logGroupName: '/aws/lambda/ingest',
  logStreamName: 'stream',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 600_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
} as Context;

const batch = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

let runtime: LocalRuntime;
let dataDir: string;
let handler: IngestHandler;
/** Downloads of uploads, counted through the real store. */
let downloads: string[] = [];

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  process.env.POWERTOOLS_METRICS_NAMESPACE = 'GuaranteeDossierTest';
  const { startLocalRuntime } = await import('../../functions/cli/local-runtime.js');
  const { createIngestHandler } = await import('../../functions/ingest/ingest.js');
  dataDir = await mkdtemp(join(tmpdir(), 'ingest-handler-'));
  runtime = await startLocalRuntime({ dataDir, inMemory: true, ocr: false });
  await runtime.dynamo.client.send(
    new CreateTableCommand({
      TableName: IDEMPOTENCY_TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
  const uploads = runtime.deps.uploads;
  const deps: PipelineDeps = {
    ...runtime.deps,
    uploads: {
      ...uploads,
      get: (key) => {
        downloads.push(key);
        return uploads.get(key);
      },
      put: (...args) => uploads.put(...args),
      exists: (key) => uploads.exists(key),
      list: (prefix) => uploads.list(prefix),
    },
  };
  handler = createIngestHandler({ uploadsBucket: BUCKET, deps: async () => deps, idempotency: { tableName: IDEMPOTENCY_TABLE, client: runtime.dynamo.client } });
  await uploads.put('uploads/yn-dianzhong/事实 认定材料.pdf', await factSheetPdf());
});

afterAll(async () => {
  await runtime?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('ingest handler', () => {
  it('processes good uploads and reports only the bad messages as batch item failures', async () => {
    const good = message(created('uploads/yn-dianzhong/事实 认定材料.pdf', 'v1'));
    const test = message({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: BUCKET });
    const noInstitution = message(created('uploads/stray.pdf', 'v1'));
    const garbage = message('{"not": "an S3 event"}');
    const missing = message(created('uploads/yn-dianzhong/never-uploaded.pdf', 'v1'));
    const foreignBucket = message(created('uploads/yn-dianzhong/事实 认定材料.pdf', 'v1', 'someone-elses-bucket'));

    const response = await handler(batch(good, test, noInstitution, garbage, missing, foreignBucket), context);

    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [noInstitution, garbage, missing, foreignBucket].map((m) => m.messageId).sort(),
    );
    const [document] = await runtime.deps.records.listDocuments('yn-dianzhong');
    expect(document).toMatchObject({
      fileName: '事实 认定材料.pdf',
      objectKey: 'uploads/yn-dianzhong/事实 认定材料.pdf',
      objectVersion: 'v1',
      kind: 'FACT_SHEET',
      status: 'PROCESSED',
    });
    expect(document.reportIds).toHaveLength(2);
    const reports = await runtime.deps.records.listReports('yn-dianzhong');
    for (const report of reports) expect(await runtime.deps.archive.exists(report.archiveKey)).toBe(true);
  });

  it('does not download an object version again when its event is delivered twice', async () => {
    downloads = [];
    const auditBefore = (await runtime.deps.records.listAudit('yn-dianzhong')).length;
    const response = await handler(batch(message(created('uploads/yn-dianzhong/事实 认定材料.pdf', 'v1'), 2)), context);
    expect(response.batchItemFailures).toEqual([]);
    expect(downloads).toEqual([]);
    expect((await runtime.deps.records.listAudit('yn-dianzhong')).length).toBe(auditBefore);
    const guards = await runtime.dynamo.client.send(new ScanCommand({ TableName: IDEMPOTENCY_TABLE }));
    expect(guards.Items?.map((i) => i.status?.S)).toContain('COMPLETED');
  });

  it('runs a new version of the same key through the pipeline, which knows the content already', async () => {
    downloads = [];
    const response = await handler(batch(message(created('uploads/yn-dianzhong/事实 认定材料.pdf', 'v2'))), context);
    expect(response.batchItemFailures).toEqual([]);
    expect(downloads).toEqual(['uploads/yn-dianzhong/事实 认定材料.pdf']);
    expect(await runtime.deps.records.listDocuments('yn-dianzhong')).toHaveLength(1);
  });

  it('fails the whole invocation when every message fails, so the batch is retried', async () => {
    await expect(handler(batch(message('not json'), message(created('uploads/x.pdf', 'v1'))), context)).rejects.toThrow(/All records failed/);
  });
});
