/**
 * The regulators' API handler as deployed (module-level clients from the environment), over
 * DynamoDB Local: lists an institution's reports and presigns a download of one.
 */
import type { APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRecordStore, ensureTable } from '../../shared/adapters/dynamodb-record-store.js';
import { LOCAL_CREDENTIALS, startDynamoDbLocal, type DynamoDbLocal } from '../../shared/adapters/dynamodb-local.js';
import type { ReportRecord } from '../../shared/domain/records.js';

type Handler = (event: APIGatewayProxyEventV2WithIAMAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const TABLE = 'records';
const report: ReportRecord = {
  institutionId: 'yn-dianzhong',
  reportId: 'fact-sheet-0123456789abcdef01234567',
  kind: 'FACT_SHEET',
  documentNo: 'SS-2026-01234567',
  jurisdiction: 'YN',
  year: 2026,
  sourceDocumentIds: ['0123456789abcdef'.repeat(4)],
  archiveKey: 'reports/yn-dianzhong/2026/FACT_SHEET/fact-sheet-0123456789abcdef01234567.pdf',
  sha256: 'ab'.repeat(32),
  bytes: 80_000,
  certificateSha256: 'cd'.repeat(32),
  generatedAt: '2026-01-05T08:00:00.000Z',
};

let dynamo: DynamoDbLocal;
let handler: Handler;

function get(path: string, routeKey: string, pathParameters: Record<string, string>): APIGatewayProxyEventV2WithIAMAuthorizer {
  const iam = {
    accessKey: 'AKIDEXAMPLE',
    accountId: '000000000000',
    callerId: 'AROAEXAMPLE:regulator',
    cognitoIdentity: null,
    principalOrgId: 'o-example',
    userArn: 'arn:aws-cn:iam::000000000000:role/dossier-regulator-YN',
    userId: 'AROAEXAMPLE:regulator',
  };
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    pathParameters,
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '10.0.0.1', userAgent: 'test' },
      requestId: 'r1',
      routeKey,
      stage: '$default',
      time: '05/Jan/2026:08:00:00 +0000',
      timeEpoch: 1767600000000,
      authorizer: { iam },
    },
  };
}

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
  await ensureTable(dynamo.client, TABLE);
  await new DynamoRecordStore(dynamo.client, TABLE).putReport(report, {
    institutionId: report.institutionId,
    subjectId: report.reportId,
    action: 'REPORT_ARCHIVED',
    actor: 'test',
    at: report.generatedAt,
    detail: {},
  });
  Object.assign(process.env, {
    RECORDS_TABLE: TABLE,
    ARCHIVE_BUCKET: 'guarantee-dossier-archive',
    DOWNLOAD_LINK_SECONDS: '120',
    AWS_REGION: 'cn-northwest-1',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  ({ handler } = (await import('../../functions/api/handler.js')) as { handler: Handler });
});
afterAll(async () => dynamo?.stop());

const context = { functionName: 'api', awsRequestId: 'r1', getRemainingTimeInMillis: () => 30_000 } as Context;
const body = (r: APIGatewayProxyStructuredResultV2) => JSON.parse(r.body ?? 'null');

describe("regulators' API handler", () => {
  it("lists an institution's reports without their archive keys", async () => {
    const response = await handler(get('/institutions/yn-dianzhong/reports', 'GET /institutions/{institutionId}/reports', { institutionId: 'yn-dianzhong' }), context);
    expect(response.statusCode).toBe(200);
    const { reports } = body(response);
    expect(reports).toEqual([expect.objectContaining({ reportId: report.reportId, kind: 'FACT_SHEET', sha256: report.sha256 })]);
    expect(reports[0].archiveKey).toBeUndefined();
  });

  it('presigns a short-lived download of one report', async () => {
    const response = await handler(
      get(`/institutions/yn-dianzhong/reports/${report.reportId}`, 'GET /institutions/{institutionId}/reports/{reportId}', {
        institutionId: 'yn-dianzhong',
        reportId: report.reportId,
      }),
      context,
    );
    expect(response.statusCode).toBe(200);
    const url = new URL(body(response).download.url);
    expect(url.hostname).toBe('guarantee-dossier-archive.s3.cn-northwest-1.amazonaws.com.cn');
    expect(decodeURIComponent(url.pathname)).toBe(`/${report.archiveKey}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('120');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['an unknown report', { institutionId: 'yn-dianzhong', reportId: 'nope' }, 404],
    ['a malformed institution id', { institutionId: '../etc', reportId: 'x' }, 400],
  ])('answers %s with %i', async (_label, params, status) => {
    const path = `/institutions/${encodeURIComponent(params.institutionId)}/reports/${encodeURIComponent(params.reportId)}`;
    const response = await handler(get(path, 'GET /institutions/{institutionId}/reports/{reportId}', params), context);
    expect(response.statusCode).toBe(status);
  });
});
