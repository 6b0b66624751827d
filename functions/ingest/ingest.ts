/**
 * The processing function's logic around the pipeline, independent of how its dependencies are
 * built (AWS in `handler.ts`, local services in tests): S3 "object created" events delivered
 * through SQS, each upload run through `processDocument`.
 *
 * Records are processed one after another (OCR takes every core); failed ones are reported as
 * partial batch failures, come back after the visibility timeout, and end in the dead-letter queue
 * after the queue's receive limit.
 *
 * Two layers of idempotency: the pipeline itself (one document per institution and content hash,
 * reports archived write-once), and here a guard keyed on the object version (bucket, key,
 * version) so a duplicated S3 event or SQS delivery does not even download and OCR the file again.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { processDocument, type PipelineDeps } from '../../shared/pipeline/process-document.js';
import { logger, metrics } from '../powertools.js';
import { objectsCreated, UnprocessableEventError, uploadLocation, type UploadedObject } from './s3-events.js';

export interface IngestOptions {
  /** The only bucket whose events are accepted. */
  uploadsBucket: string;
  /** The pipeline's dependencies, built once and shared by every invocation of the container. */
  deps: () => Promise<PipelineDeps>;
  /** The Powertools idempotency table (`id` key, `expiration` TTL) and its client. */
  idempotency: { tableName: string; client: DynamoDBClient };
  /**
   * How long a processed object version is remembered.
   * @default 14 days, the queue's longest message retention
   */
  rememberSeconds?: number;
}

/** What is remembered of a processed object (and returned again for a duplicate event). */
export interface ProcessedObject {
  institutionId: string;
  documentId: string;
  status: string;
  reportIds: string[];
}

export type IngestHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export function createIngestHandler(options: IngestOptions): IngestHandler {
  const processor = new BatchProcessor(EventType.SQS);
  const idempotencyConfig = new IdempotencyConfig({
    // The object version; the eTag only stands in for an unversioned bucket.
    eventKeyJmesPath: '[bucket, key, versionId || eTag]',
    expiresAfterSeconds: options.rememberSeconds ?? 14 * 24 * 3600,
  });
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: options.idempotency.tableName,
    awsSdkV3Client: options.idempotency.client,
  });

  const processObject = makeIdempotent(
    async (object: UploadedObject): Promise<ProcessedObject> => {
      if (object.bucket !== options.uploadsBucket) throw new UnprocessableEventError(`event for another bucket: ${object.bucket}`);
      const { institutionId, fileName } = uploadLocation(object.key);
      const record = await processDocument(await options.deps(), {
        institutionId,
        objectKey: object.key,
        objectVersion: object.versionId,
        fileName,
      });
      metrics.singleMetric().addDimension('status', record.status).addMetric('Documents', MetricUnit.Count, 1);
      logger.info('document processed', {
        objectKey: object.key,
        objectVersion: object.versionId,
        institutionId,
        documentId: record.documentId,
        kind: record.kind,
        status: record.status,
        pages: record.pages,
        findings: record.findings.length,
        reportIds: record.reportIds,
      });
      return { institutionId, documentId: record.documentId, status: record.status, reportIds: record.reportIds };
    },
    { persistenceStore, config: idempotencyConfig, dataIndexArgument: 0 },
  );

  async function processMessage(record: SQSRecord): Promise<ProcessedObject[]> {
    const results: ProcessedObject[] = [];
    try {
      for (const object of objectsCreated(record.body)) {
        results.push(await processObject(object));
      }
    } catch (err) {
      // Logged with the message id; the batch processor reports the message as failed.
      logger.error(err instanceof UnprocessableEventError ? 'unprocessable upload event' : 'upload processing failed', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: err as Error,
      });
      throw err;
    }
    return results;
  }

  return async (event, context) => {
    idempotencyConfig.registerLambdaContext(context);
    return processPartialResponse(event, processMessage, processor, { context, processInParallel: false });
  };
}
