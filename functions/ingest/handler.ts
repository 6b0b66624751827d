/**
 * Lambda entry of the processing function (SQS event source fed by S3 event notifications).
 * Builds the AWS adapters once per container; the logic is in `ingest.ts`.
 */
import { awsClients, createPipelineDeps, once } from '../aws-deps.js';
import { IngestEnvironment, readEnvironment } from '../environment.js';
import { instrumented } from '../powertools.js';
import { createIngestHandler } from './ingest.js';

const env = readEnvironment(IngestEnvironment);

export const handler = instrumented(
  createIngestHandler({
    uploadsBucket: env.UPLOADS_BUCKET,
    deps: once(() => createPipelineDeps(env)),
    idempotency: { tableName: env.IDEMPOTENCY_TABLE, client: awsClients().dynamodb },
  }),
);
