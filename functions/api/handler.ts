/**
 * The reports API (API Gateway HTTP API, payload 2.0, IAM authorization at the gateway). Routes and
 * rules live in `shared/access/` (see routes.ts); this handler only turns the event into a request,
 * maps the caller's IAM identity to a principal by role name, and answers JSON.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb-record-store.js';
import { S3ObjectStore } from '../../shared/adapters/s3-object-store.js';
import { presigningClientConfig, S3UrlSigner } from '../../shared/adapters/s3-url-signer.js';
import { principalFromIamArn } from '../../shared/access/principal.js';
import { ReportAccess } from '../../shared/access/report-access.js';
import { handleApiRequest, type ApiRequest } from '../../shared/access/routes.js';
import { systemClock } from '../../shared/ports.js';
import { ApiEnvironment, readEnvironment } from '../environment.js';
import { instrumented, logger, tracer } from '../powertools.js';

type Event = APIGatewayProxyEventV2WithIAMAuthorizer;
type Result = APIGatewayProxyStructuredResultV2;

const env = readEnvironment(ApiEnvironment);
const s3 = tracer.captureAWSv3Client(new S3Client(presigningClientConfig));
const access = new ReportAccess(
  {
    records: new DynamoRecordStore(tracer.captureAWSv3Client(new DynamoDBClient({})), env.RECORDS_TABLE),
    archive: new S3ObjectStore(s3, env.ARCHIVE_BUCKET),
    archiveUrls: new S3UrlSigner(s3, env.ARCHIVE_BUCKET),
    uploadUrls: env.UPLOADS_BUCKET ? new S3UrlSigner(s3, env.UPLOADS_BUCKET) : undefined,
    clock: systemClock,
  },
  { downloadLinkSeconds: env.DOWNLOAD_LINK_SECONDS, uploadLinkSeconds: env.UPLOAD_LINK_SECONDS },
);

/** The transport-neutral request of an API Gateway event; the principal comes from the SigV4-verified IAM ARN. */
export function toApiRequest(event: Event, rolePrefix = env.PRINCIPAL_ROLE_PREFIX): ApiRequest {
  const caller = event.requestContext.authorizer?.iam?.userArn;
  const body = event.body === undefined ? undefined : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    query: new URLSearchParams(event.rawQueryString ?? ''),
    body: body && new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
    principal: principalFromIamArn(caller, rolePrefix),
    caller,
  };
}

export const handler = instrumented(async (event: Event, _context: Context): Promise<Result> => {
  const request = toApiRequest(event);
  const response = await handleApiRequest(access, request);
  logger.info('api call', { routeKey: event.routeKey, path: request.path, caller: request.caller, status: response.status });
  return {
    statusCode: response.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(response.body),
  };
});
