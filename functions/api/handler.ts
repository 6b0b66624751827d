/**
 * The regulators' HTTP API (API Gateway HTTP API, payload 2.0, IAM authorization at the gateway):
 *
 *   GET /institutions/{institutionId}/reports             the institution's archived reports
 *   GET /institutions/{institutionId}/reports/{reportId}  one report and a short-lived download link
 *
 * Read-only; every call is logged with the caller's IAM identity.
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb-record-store.js';
import type { ReportRecord } from '../../shared/domain/records.js';
import { ApiEnvironment, readEnvironment } from '../aws-deps.js';
import { instrumented, logger, tracer } from '../powertools.js';

const env = readEnvironment(ApiEnvironment);
const s3 = tracer.captureAWSv3Client(new S3Client({}));
const records = new DynamoRecordStore(tracer.captureAWSv3Client(new DynamoDBClient({})), env.RECORDS_TABLE);

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

type Event = APIGatewayProxyEventV2WithIAMAuthorizer;
type Result = APIGatewayProxyStructuredResultV2;

const json = (statusCode: number, body: unknown): Result => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/** What a regulator sees of a report (the archive key stays internal). */
function summary(report: ReportRecord) {
  const { archiveKey: _archiveKey, ...visible } = report;
  return visible;
}

async function listReports(institutionId: string): Promise<Result> {
  const reports = await records.listReports(institutionId);
  return json(200, { institutionId, reports: reports.map(summary) });
}

async function getReport(institutionId: string, reportId: string): Promise<Result> {
  const report = (await records.listReports(institutionId)).find((r) => r.reportId === reportId);
  if (!report) return json(404, { error: 'report not found' });
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: env.ARCHIVE_BUCKET, Key: report.archiveKey }), {
    expiresIn: env.DOWNLOAD_LINK_SECONDS,
  });
  return json(200, { report: summary(report), download: { url, expiresInSeconds: env.DOWNLOAD_LINK_SECONDS } });
}

export const handler = instrumented(async (event: Event, _context: Context): Promise<Result> => {
  const { institutionId, reportId } = event.pathParameters ?? {};
  const caller = event.requestContext.authorizer?.iam?.userArn;
  logger.info('api call', { routeKey: event.routeKey, caller, institutionId, reportId });
  if (!institutionId || !ID.test(institutionId) || (reportId !== undefined && !ID.test(reportId))) {
    return json(400, { error: 'malformed institution or report id' });
  }
  switch (event.routeKey) {
    case 'GET /institutions/{institutionId}/reports':
      return listReports(institutionId);
    case 'GET /institutions/{institutionId}/reports/{reportId}':
      return getReport(institutionId, reportId!);
    default:
      return json(404, { error: `no route ${event.routeKey}` });
  }
});
