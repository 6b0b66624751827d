/**
 * The Textract adapter against a mocked Textract client (aws-sdk-client-mock) that returns the
 * recorded real responses in test/fixtures/textract. Textract has no local implementation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AnalyzeDocumentCommand,
  GetDocumentAnalysisCommand,
  InternalServerError,
  InvalidParameterException,
  LimitExceededException,
  ProvisionedThroughputExceededException,
  StartDocumentAnalysisCommand,
  TextractClient,
  ThrottlingException,
  type GetDocumentAnalysisCommandOutput,
} from '@aws-sdk/client-textract';
import {
  parseTextractCompletion,
  TextractJobFailedError,
  TextractJobInProgressError,
  TextractOcr,
  TextractRetriesExhaustedError,
} from '../../shared/adapters/textract-ocr.js';
import { mapTextractBlocks } from '../../shared/adapters/textract-mapping.js';
import type { PageImage } from '../../shared/domain/text.js';
import { recorded } from './recorded.js';

const textract = mockClient(TextractClient);
let client: TextractClient;
let sleeps: number[];
const sleep = async (ms: number) => {
  sleeps.push(ms);
};

beforeEach(() => {
  textract.reset();
  client = new TextractClient({ region: 'cn-north-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  sleeps = [];
});
afterEach(() => client.destroy());

const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const page = (pageNumber: number): PageImage => ({ pageNumber, image: PNG_SIGNATURE, width: 1700, height: 2200 });

const throttled = (Type: typeof ThrottlingException | typeof ProvisionedThroughputExceededException | typeof LimitExceededException | typeof InternalServerError) =>
  new Type({ message: 'Rate exceeded', $metadata: { httpStatusCode: Type === InternalServerError ? 500 : 400 } });

describe('TextractOcr.recognize (AnalyzeDocument)', () => {
  it('sends each page image with the feature types and maps the recorded response', async () => {
    // Prepare
    textract.on(AnalyzeDocumentCommand).resolves(recorded('analyze-document-forms-tables'));
    const ocr = new TextractOcr(client, { featureTypes: ['TABLES', 'FORMS', 'SIGNATURES', 'LAYOUT'], sleep });
    // Act
    const pages = await ocr.recognize([page(3), page(4)]);
    // Assess
    const calls = textract.commandCalls(AnalyzeDocumentCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input).toEqual({ Document: { Bytes: PNG_SIGNATURE }, FeatureTypes: ['TABLES', 'FORMS', 'SIGNATURES', 'LAYOUT'] });
    expect(pages.map((p) => p.pageNumber)).toEqual([3, 4]);
    expect(pages[0]).toMatchObject({ width: 1700, height: 2200 });
    expect(pages[0]!.lines).toHaveLength(24);
    expect(pages[0]!.tables![0]!.cells).toHaveLength(14);
    expect(pages[0]!.signatures).toEqual([]);
    expect(ocr.name).toBe('amazon-textract');
  });

  it('asks for TABLES, FORMS and SIGNATURES by default and leaves out what it did not ask for', async () => {
    textract.on(AnalyzeDocumentCommand).resolves(recorded('analyze-document-signature'));
    const [result] = await new TextractOcr(client, { featureTypes: ['SIGNATURES'], sleep }).recognize([page(1)]);
    expect(result!.signatures).toHaveLength(1);
    expect(result!.tables).toBeUndefined();
    expect(result!.keyValues).toBeUndefined();

    await new TextractOcr(client, { sleep }).recognize([page(1)]);
    expect(textract.commandCalls(AnalyzeDocumentCommand).at(-1)!.args[0].input.FeatureTypes).toEqual(['TABLES', 'FORMS', 'SIGNATURES']);
  });

  it.each([ThrottlingException, ProvisionedThroughputExceededException, LimitExceededException, InternalServerError])(
    'retries %o with growing, jittered delays, then succeeds',
    async (Type) => {
      textract
        .on(AnalyzeDocumentCommand)
        .rejectsOnce(throttled(Type))
        .rejectsOnce(throttled(Type))
        .rejectsOnce(throttled(Type))
        .resolves(recorded('analyze-document-signature'));
      const ocr = new TextractOcr(client, { sleep, baseDelayMs: 100, maxDelayMs: 300, random: () => 0.5 });
      const [result] = await ocr.recognize([page(1)]);
      expect(textract.commandCalls(AnalyzeDocumentCommand)).toHaveLength(4);
      // step 100, 200, 300 (capped); delay = step/2 + 0.5 * step/2
      expect(sleeps).toEqual([75, 150, 225]);
      expect(result!.signatures).toHaveLength(1);
    },
  );

  it('spreads the delay with jitter between half and all of the step', () => {
    const low = new TextractOcr(client, { baseDelayMs: 1000, random: () => 0 });
    const high = new TextractOcr(client, { baseDelayMs: 1000, random: () => 0.999999 });
    expect([1, 2, 3].map((a) => low.backoff(a))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((a) => high.backoff(a))).toEqual([1000, 2000, 4000]);
  });

  it('gives up after maxAttempts with an error that names the operation, the attempts and the cause', async () => {
    textract.on(AnalyzeDocumentCommand).rejects(throttled(ProvisionedThroughputExceededException));
    const ocr = new TextractOcr(client, { sleep, maxAttempts: 4 });
    const error = await ocr.recognize([page(1)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TextractRetriesExhaustedError);
    expect((error as Error).message).toBe(
      'Amazon Textract AnalyzeDocument still failing after 4 attempts: ProvisionedThroughputExceededException: Rate exceeded',
    );
    expect((error as TextractRetriesExhaustedError).attempts).toBe(4);
    expect((error as Error).cause).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect(textract.commandCalls(AnalyzeDocumentCommand)).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it('does not retry an error that retrying cannot fix', async () => {
    textract.on(AnalyzeDocumentCommand).rejects(new InvalidParameterException({ message: 'Request has invalid parameters', $metadata: {} }));
    await expect(new TextractOcr(client, { sleep }).recognize([page(1)])).rejects.toBeInstanceOf(InvalidParameterException);
    expect(textract.commandCalls(AnalyzeDocumentCommand)).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('refuses a page over the 10 MB synchronous limit before calling Textract', async () => {
    const big: PageImage = { pageNumber: 2, image: new Uint8Array(10 * 1024 * 1024 + 1), width: 5000, height: 7000 };
    await expect(new TextractOcr(client, { sleep }).recognize([big])).rejects.toThrow(/page 2 is 10\.0 MB.*startAnalysis/);
    expect(textract.commandCalls(AnalyzeDocumentCommand)).toHaveLength(0);
  });
});

describe('TextractOcr asynchronous jobs (StartDocumentAnalysis / GetDocumentAnalysis)', () => {
  it('starts a job with the S3 object, features and SNS notification channel', async () => {
    textract.on(StartDocumentAnalysisCommand).rejectsOnce(throttled(ThrottlingException)).resolves({ JobId: 'job-1' });
    const ocr = new TextractOcr(client, { sleep });
    const jobId = await ocr.startAnalysis({
      bucket: 'uploads',
      key: 'yn-001/纪要.pdf',
      version: 'v3',
      snsTopicArn: 'arn:aws-cn:sns:cn-north-1:123456789012:textract-done',
      roleArn: 'arn:aws-cn:iam::123456789012:role/textract-publish',
      jobTag: 'yn-001',
      clientRequestToken: 'a'.repeat(64),
    });
    expect(jobId).toBe('job-1');
    const calls = textract.commandCalls(StartDocumentAnalysisCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input).toEqual({
      DocumentLocation: { S3Object: { Bucket: 'uploads', Name: 'yn-001/纪要.pdf', Version: 'v3' } },
      FeatureTypes: ['TABLES', 'FORMS', 'SIGNATURES'],
      NotificationChannel: { SNSTopicArn: 'arn:aws-cn:sns:cn-north-1:123456789012:textract-done', RoleArn: 'arn:aws-cn:iam::123456789012:role/textract-publish' },
      JobTag: 'yn-001',
      ClientRequestToken: 'a'.repeat(64),
    });
  });

  /**
   * The recorded job came back as one GetDocumentAnalysis page. To exercise paging, its blocks
   * are dealt into three pages chained by NextToken (as Textract does past 1,000 blocks), so a
   * parent block and its children can arrive in different pages.
   */
  function pagedJob(): { responses: Map<string | undefined, GetDocumentAnalysisCommandOutput>; all: GetDocumentAnalysisCommandOutput } {
    const all = recorded('get-document-analysis-2-pages');
    const blocks = all.Blocks!;
    const cut = [0, 150, 300, blocks.length];
    const tokens = [undefined, 'token-2', 'token-3'];
    const responses = new Map<string | undefined, GetDocumentAnalysisCommandOutput>();
    tokens.forEach((token, i) => {
      const next = tokens[i + 1];
      responses.set(token, { ...all, Blocks: blocks.slice(cut[i], cut[i + 1]), ...(next ? { NextToken: next } : {}) });
    });
    return { responses, all };
  }

  it('pages through GetDocumentAnalysis with NextToken and maps all pages', async () => {
    const { responses, all } = pagedJob();
    let throttledOnce = false;
    textract.on(GetDocumentAnalysisCommand).callsFake((input) => {
      if (input.NextToken === 'token-3' && !throttledOnce) {
        throttledOnce = true;
        throw throttled(ThrottlingException);
      }
      return responses.get(input.NextToken);
    });
    const ocr = new TextractOcr(client, { sleep });
    const size = { width: 2480, height: 3508 };
    const result = await ocr.collectAnalysisResult('job-1', { pageSize: size });

    const calls = textract.commandCalls(GetDocumentAnalysisCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([
      { JobId: 'job-1', MaxResults: 1000 },
      { JobId: 'job-1', MaxResults: 1000, NextToken: 'token-2' },
      { JobId: 'job-1', MaxResults: 1000, NextToken: 'token-3' },
      { JobId: 'job-1', MaxResults: 1000, NextToken: 'token-3' },
    ]);
    expect(sleeps).toHaveLength(1);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.pageCount).toBe(2);
    expect(result.pages.map((p) => [p.pageNumber, p.lines.length])).toEqual([
      [1, 43],
      [2, 31],
    ]);
    // the same pages as mapping the unsplit recorded response
    expect(result.pages).toEqual(mapTextractBlocks(all.Blocks!, { pageSize: size, features: ['TABLES', 'FORMS', 'SIGNATURES'] }));
    expect(result.pages[1]!.selections!.filter((s) => s.selected)).toHaveLength(1);
  });

  it('defaults asynchronous pages to A4 at 300 dpi', async () => {
    textract.on(GetDocumentAnalysisCommand).resolves(recorded('get-document-analysis-2-pages'));
    const pages = await new TextractOcr(client, { sleep }).collectAnalysis('job-1');
    expect(pages.map((p) => [p.width, p.height])).toEqual([
      [2480, 3508],
      [2480, 3508],
    ]);
  });

  it('reports PARTIAL_SUCCESS with its warnings', async () => {
    textract.on(GetDocumentAnalysisCommand).resolves({
      ...recorded('get-document-analysis-2-pages'),
      JobStatus: 'PARTIAL_SUCCESS',
      DocumentMetadata: { Pages: 3 },
      Warnings: [{ ErrorCode: 'PAGE_SIZE_EXCEEDED', Pages: [3] }],
    });
    const result = await new TextractOcr(client, { sleep }).collectAnalysisResult('job-1');
    expect(result.status).toBe('PARTIAL_SUCCESS');
    expect(result.pageCount).toBe(3);
    expect(result.pages).toHaveLength(2);
    expect(result.warnings).toEqual([{ code: 'PAGE_SIZE_EXCEEDED', pages: [3] }]);
  });

  it('throws a retryable "in progress" error while the job runs, and the job failure when it failed', async () => {
    textract.on(GetDocumentAnalysisCommand, { JobId: 'running' }).resolves({ JobStatus: 'IN_PROGRESS' });
    textract.on(GetDocumentAnalysisCommand, { JobId: 'broken' }).resolves({ JobStatus: 'FAILED', StatusMessage: 'Request has unsupported document format' });
    const ocr = new TextractOcr(client, { sleep });
    await expect(ocr.collectAnalysis('running')).rejects.toBeInstanceOf(TextractJobInProgressError);
    await expect(ocr.collectAnalysis('broken')).rejects.toThrow(
      new TextractJobFailedError('broken', 'FAILED', 'Request has unsupported document format'),
    );
  });

  it('stops on a NextToken that repeats instead of looping for ever', async () => {
    textract.on(GetDocumentAnalysisCommand).resolves({ JobStatus: 'SUCCEEDED', Blocks: [], NextToken: 'same' });
    await expect(new TextractOcr(client, { sleep }).collectAnalysis('job-1')).rejects.toThrow(/repeated a NextToken/);
  });
});

describe('parseTextractCompletion', () => {
  // The status message format documented at
  // https://docs.aws.amazon.com/textract/latest/dg/async-notification-payload.html
  const status = {
    JobId: '74d2b7b4e8a1c4b0e5f7c4f7a0d15b1f8e3c6f2c1e0b7a9d8c6e5f4a3b2c1d0e',
    Status: 'SUCCEEDED',
    API: 'StartDocumentAnalysis',
    JobTag: 'yn-001',
    Timestamp: 1712578941104,
    DocumentLocation: { S3ObjectName: 'uploads/yn-001/纪要.pdf', S3Bucket: 'dossier-uploads' },
  };
  const expected = {
    jobId: status.JobId,
    status: 'SUCCEEDED',
    api: 'StartDocumentAnalysis',
    jobTag: 'yn-001',
    timestamp: 1712578941104,
    documentLocation: { bucket: 'dossier-uploads', key: 'uploads/yn-001/纪要.pdf' },
  };

  it('reads an SQS body holding the SNS envelope', () => {
    const body = JSON.stringify({ Type: 'Notification', MessageId: 'm-1', TopicArn: 'arn:aws:sns:cn-north-1:1:t', Message: JSON.stringify(status) });
    expect(parseTextractCompletion(body)).toEqual(expected);
  });

  it('reads a raw-delivered body', () => {
    expect(parseTextractCompletion(JSON.stringify({ ...status, Status: 'FAILED', JobTag: undefined }))).toEqual({
      ...expected,
      status: 'FAILED',
      jobTag: undefined,
    });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['an array', '[]', /not a JSON object/],
    ['an envelope with a broken Message', JSON.stringify({ Type: 'Notification', Message: '{' }), /SNS Message is not JSON/],
    ['a message without DocumentLocation', JSON.stringify({ ...status, DocumentLocation: undefined }), /DocumentLocation are required/],
  ])('rejects %s', (_what, body, message) => {
    expect(() => parseTextractCompletion(body)).toThrow(message);
  });
});
