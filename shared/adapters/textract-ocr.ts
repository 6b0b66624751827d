/**
 * Amazon Textract behind the OCR port.
 *
 * - Single page images: AnalyzeDocument with the page bytes (sync, at most 10 MB and one page).
 * - Multi-page PDFs in S3: StartDocumentAnalysis with an SNS completion channel, then, when the
 *   completion message arrives (SNS -> SQS -> Lambda), GetDocumentAnalysis paged by NextToken.
 *
 * Throttling and transient server errors are retried with capped exponential backoff and
 * jitter, a bounded number of times. The SDK client retries on its own too (3 attempts by
 * default); give it `maxAttempts: 1` to leave all retrying here.
 *
 * Textract's support for Chinese text is limited (see the stack notes): use it for table
 * geometry, tick boxes and signatures, and see `HybridOcr` for Tesseract's Chinese text on top.
 */
import {
  AnalyzeDocumentCommand,
  GetDocumentAnalysisCommand,
  StartDocumentAnalysisCommand,
  type Block,
  type GetDocumentAnalysisCommandOutput,
  type TextractClient,
} from '@aws-sdk/client-textract';
import type { OcrEngine } from '../ports.js';
import type { OcrPage, PageImage } from '../domain/text.js';
import { mapTextractBlocks, type PageSize, type TextractFeature } from './textract-mapping.js';

export type { PageSize, TextractFeature } from './textract-mapping.js';

export interface TextractOcrOptions {
  /** Features asked of AnalyzeDocument / StartDocumentAnalysis. Default TABLES, FORMS, SIGNATURES. */
  featureTypes?: TextractFeature[];
  /** Attempts per Textract call, the first included. Default 6. */
  maxAttempts?: number;
  /** Backoff before the 2nd attempt; it doubles each attempt, up to `maxDelayMs`. Default 250 ms. */
  baseDelayMs?: number;
  /** Default 20 000 ms. */
  maxDelayMs?: number;
  /** Page images analysed at the same time by `recognize`. Default 2. */
  concurrency?: number;
  /** Waits between attempts; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1). Default Math.random. */
  random?: () => number;
}

export interface StartAnalysisInput {
  bucket: string;
  key: string;
  /** S3 object version, to analyse exactly the uploaded object in a versioned bucket. */
  version?: string;
  /** Topic Textract publishes the completion status to. */
  snsTopicArn: string;
  /** Role Textract assumes to publish to the topic. */
  roleArn: string;
  /** Echoed in the completion message (at most 64 characters of [a-zA-Z0-9_.\-:]). */
  jobTag?: string;
  /** Same token within 7 days returns the same job instead of starting another (duplicate events). */
  clientRequestToken?: string;
}

export interface CollectOptions {
  /**
   * Pixel size of each page, to turn Textract's ratios into pixels. Default: A4 portrait at
   * 300 dpi (2480 x 3508), the resolution scans are rendered at for OCR.
   */
  pageSize?: PageSize | ((pageNumber: number) => PageSize);
}

export interface TextractAnalysisResult {
  status: 'SUCCEEDED' | 'PARTIAL_SUCCESS';
  /** Pages the document has, per Textract. Pages Textract could not read are missing from `pages`. */
  pageCount: number;
  pages: OcrPage[];
  /** Textract's warnings (PARTIAL_SUCCESS): an error code and the pages it concerns. */
  warnings: { code: string; pages: number[] }[];
  statusMessage?: string;
}

/** Features asked for when none are given: LAYOUT is extra cost and only orders lines. */
export const DEFAULT_FEATURES: readonly TextractFeature[] = ['TABLES', 'FORMS', 'SIGNATURES'];

/** Default page size for asynchronous jobs: A4 at 300 dpi. */
export const A4_AT_300_DPI: PageSize = { width: 2480, height: 3508 };

/** AnalyzeDocument's limit for synchronous bytes. */
export const MAX_SYNC_BYTES = 10 * 1024 * 1024;

const RETRYABLE = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'LimitExceededException', 'InternalServerError']);

/** Every attempt of a Textract call failed with a retryable error. */
export class TextractRetriesExhaustedError extends Error {
  constructor(
    readonly operation: string,
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`Amazon Textract ${operation} still failing after ${attempts} attempts: ${describe(lastError)}`, { cause: lastError });
    this.name = 'TextractRetriesExhaustedError';
  }
}

/** An asynchronous analysis job ended in FAILED (or reported no usable status). */
export class TextractJobFailedError extends Error {
  constructor(
    readonly jobId: string,
    readonly status: string,
    readonly statusMessage?: string,
  ) {
    super(`Amazon Textract job ${jobId} ended ${status}${statusMessage ? `: ${statusMessage}` : ''}`);
    this.name = 'TextractJobFailedError';
  }
}

/** An asynchronous analysis job is still running: try again later (e.g. let the queue redeliver). */
export class TextractJobInProgressError extends Error {
  constructor(readonly jobId: string) {
    super(`Amazon Textract job ${jobId} is still in progress`);
    this.name = 'TextractJobInProgressError';
  }
}

export class TextractOcr implements OcrEngine {
  readonly name = 'amazon-textract';
  readonly featureTypes: readonly TextractFeature[];
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly concurrency: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly client: TextractClient,
    options: TextractOcrOptions = {},
  ) {
    this.featureTypes = [...new Set<TextractFeature>(options.featureTypes ?? DEFAULT_FEATURES)];
    if (this.featureTypes.length === 0) throw new Error('TextractOcr needs at least one feature type');
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 6));
    this.baseDelayMs = options.baseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 20_000;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** Analyses each page image with AnalyzeDocument; pages come back in the order given. */
  async recognize(pages: PageImage[]): Promise<OcrPage[]> {
    for (const page of pages) {
      if (page.image.byteLength > MAX_SYNC_BYTES) {
        throw new Error(
          `page ${page.pageNumber} is ${(page.image.byteLength / 1048576).toFixed(1)} MB; AnalyzeDocument takes at most 10 MB (use startAnalysis)`,
        );
      }
    }
    const out: OcrPage[] = new Array(pages.length);
    let next = 0;
    const worker = async () => {
      while (next < pages.length) {
        const i = next++;
        out[i] = await this.analyzePage(pages[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, pages.length) }, worker));
    return out;
  }

  private async analyzePage(page: PageImage): Promise<OcrPage> {
    const response = await this.withRetries('AnalyzeDocument', () =>
      this.client.send(new AnalyzeDocumentCommand({ Document: { Bytes: page.image }, FeatureTypes: [...this.featureTypes] })),
    );
    const [mapped] = mapTextractBlocks(response.Blocks ?? [], {
      pageSize: { width: page.width, height: page.height },
      defaultPageNumber: 1,
      features: this.featureTypes,
    });
    if (!mapped) throw new Error(`Amazon Textract returned no page for page ${page.pageNumber}`);
    return { ...mapped, pageNumber: page.pageNumber };
  }

  /** Starts an asynchronous analysis of a PDF (or TIFF) in S3; Textract reports completion to the SNS topic. */
  async startAnalysis(input: StartAnalysisInput): Promise<string> {
    const response = await this.withRetries('StartDocumentAnalysis', () =>
      this.client.send(
        new StartDocumentAnalysisCommand({
          DocumentLocation: { S3Object: { Bucket: input.bucket, Name: input.key, ...(input.version ? { Version: input.version } : {}) } },
          FeatureTypes: [...this.featureTypes],
          NotificationChannel: { SNSTopicArn: input.snsTopicArn, RoleArn: input.roleArn },
          ...(input.jobTag ? { JobTag: input.jobTag } : {}),
          ...(input.clientRequestToken ? { ClientRequestToken: input.clientRequestToken } : {}),
        }),
      ),
    );
    if (!response.JobId) throw new Error(`Amazon Textract returned no job id for s3://${input.bucket}/${input.key}`);
    return response.JobId;
  }

  /** The pages of a finished job. Throws on FAILED and while the job is still in progress. */
  async collectAnalysis(jobId: string, options: CollectOptions = {}): Promise<OcrPage[]> {
    return (await this.collectAnalysisResult(jobId, options)).pages;
  }

  /** Like {@link collectAnalysis}, with the job's status, page count and warnings. */
  async collectAnalysisResult(jobId: string, options: CollectOptions = {}): Promise<TextractAnalysisResult> {
    const blocks: Block[] = [];
    let first: GetDocumentAnalysisCommandOutput | undefined;
    let nextToken: string | undefined;
    const seenTokens = new Set<string>();
    do {
      const token = nextToken;
      const response = await this.withRetries('GetDocumentAnalysis', () =>
        this.client.send(new GetDocumentAnalysisCommand({ JobId: jobId, MaxResults: 1000, ...(token ? { NextToken: token } : {}) })),
      );
      first ??= response;
      if (response.JobStatus === 'IN_PROGRESS') throw new TextractJobInProgressError(jobId);
      if (response.JobStatus !== 'SUCCEEDED' && response.JobStatus !== 'PARTIAL_SUCCESS') {
        throw new TextractJobFailedError(jobId, response.JobStatus ?? 'with no status', response.StatusMessage);
      }
      blocks.push(...(response.Blocks ?? []));
      nextToken = response.NextToken || undefined;
      if (nextToken !== undefined) {
        if (seenTokens.has(nextToken)) throw new Error(`Amazon Textract repeated a NextToken for job ${jobId}`);
        seenTokens.add(nextToken);
      }
    } while (nextToken !== undefined);

    const pages = mapTextractBlocks(blocks, { pageSize: options.pageSize ?? A4_AT_300_DPI, features: this.featureTypes });
    const result: TextractAnalysisResult = {
      status: first!.JobStatus as TextractAnalysisResult['status'],
      pageCount: first!.DocumentMetadata?.Pages ?? pages.length,
      pages,
      warnings: (first!.Warnings ?? []).map((w) => ({ code: w.ErrorCode ?? 'UNKNOWN', pages: w.Pages ?? [] })),
    };
    if (first!.StatusMessage) result.statusMessage = first!.StatusMessage;
    return result;
  }

  async close(): Promise<void> {
    // the SDK client belongs to the caller
  }

  /** Runs a call, retrying retryable Textract errors with capped exponential backoff and jitter. */
  private async withRetries<T>(operation: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isRetryable(error)) throw error;
        if (attempt >= this.maxAttempts) throw new TextractRetriesExhaustedError(operation, attempt, error);
        await this.sleep(this.backoff(attempt));
      }
    }
  }

  /** Delay after failed attempt `attempt` (1-based): half the capped exponential step, plus up to as much again at random. */
  backoff(attempt: number): number {
    const step = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(step / 2 + this.random() * (step / 2));
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof Error && RETRYABLE.has(error.name);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The completion status Textract publishes to SNS for an asynchronous job. */
export interface TextractCompletion {
  jobId: string;
  /** SUCCEEDED, FAILED or ERROR. */
  status: string;
  /** The operation, e.g. StartDocumentAnalysis. */
  api: string;
  jobTag?: string;
  /** When the job finished, Unix milliseconds. */
  timestamp?: number;
  documentLocation: { bucket: string; key: string };
}

/**
 * Parses the completion message of an asynchronous Textract job, as an SQS message body:
 * either the SNS envelope (`{"Type":"Notification","Message":"{...}"}`) or, with raw message
 * delivery, Textract's JSON itself.
 */
export function parseTextractCompletion(body: string): TextractCompletion {
  let message = parseJson(body, 'message body');
  if (message.Type === 'Notification' && typeof message.Message === 'string') message = parseJson(message.Message, 'SNS Message');
  const location = message.DocumentLocation as Record<string, unknown> | undefined;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const jobId = text(message.JobId);
  const status = text(message.Status);
  const api = text(message.API);
  const bucket = text(location?.S3Bucket);
  const key = text(location?.S3ObjectName);
  if (!jobId || !status || !api || !bucket || !key) {
    throw new Error('not an Amazon Textract completion message: JobId, Status, API and DocumentLocation are required');
  }
  const out: TextractCompletion = { jobId, status, api, documentLocation: { bucket, key } };
  const jobTag = text(message.JobTag);
  if (jobTag) out.jobTag = jobTag;
  if (typeof message.Timestamp === 'number') out.timestamp = message.Timestamp;
  return out;
}

function parseJson(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`Amazon Textract completion: ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`Amazon Textract completion: ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}
