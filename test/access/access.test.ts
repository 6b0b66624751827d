/**
 * The reports API end to end: DynamoDB Local for the records, s3rver (loopback) behind the Lambda's
 * S3 presigner, and `dossier serve` over folder stores with its own links. The same role checks run
 * through both transports.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2WithIAMAuthorizer } from 'aws-lambda';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../shared/adapters/dynamodb-local.js';
import { DynamoRecordStore, ensureTable } from '../../shared/adapters/dynamodb-record-store.js';
import { FsObjectStore } from '../../shared/adapters/fs-object-store.js';
import { LocalSigner } from '../../shared/adapters/local-signer.js';
import { S3ObjectStore } from '../../shared/adapters/s3-object-store.js';
import { presigningClientConfig, S3UrlSigner } from '../../shared/adapters/s3-url-signer.js';
import { AUDIT_ACTIONS, ReportAccess } from '../../shared/access/report-access.js';
import { handleApiRequest, type ApiResponse } from '../../shared/access/routes.js';
import type { ReportRecord } from '../../shared/domain/records.js';
import type { Clock, ObjectStore } from '../../shared/ports.js';
import { sha256 } from '../../shared/signing/certificate.js';
import { signPdf } from '../../shared/signing/sign-pdf.js';
import { PRINCIPAL_HEADER, startServer, type RunningServer } from '../../functions/cli/serve.js';

const TABLE = 'records';
const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A clock the tests can move forward (links expire without waiting). */
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

let dynamo: DynamoDbLocal;
let s3server: S3rver;
let s3: S3Client;
let dir: string;
let records: DynamoRecordStore;
let s3Access: ReportAccess;
let served: RunningServer;
let toApiRequest: (event: APIGatewayProxyEventV2WithIAMAuthorizer, prefix?: string) => import('../../shared/access/routes.js').ApiRequest;
let fsUploads: ObjectStore;
const pdfs = new Map<string, Uint8Array>();

function report(institutionId: string, jurisdiction: string, kind: ReportRecord['kind'], year: number, n: number, bytes: Uint8Array, certificateSha256: string): ReportRecord {
  const reportId = `${kind.toLowerCase().replace('_', '-')}-${institutionId}-${n}`;
  return {
    institutionId,
    reportId,
    kind,
    documentNo: `DOC-${year}-${n}`,
    jurisdiction,
    year,
    sourceDocumentIds: ['ab'.repeat(32)],
    archiveKey: `reports/${institutionId}/${year}/${kind}/${reportId}.pdf`,
    sha256: hex(bytes),
    bytes: bytes.length,
    certificateSha256,
    generatedAt: `${year}-03-01T08:00:00.000Z`,
  };
}

let reports: Record<'ynA2025' | 'ynA2026' | 'ynB' | 'nxA', ReportRecord>;

async function makeSignedPdf(signer: LocalSigner, text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return signPdf(await doc.save(), signer, { signerName: 'test', signingTime: new Date('2025-03-01T08:00:00Z') });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'access-'));
  s3server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(dir, 's3rver'),
    configureBuckets: [{ name: 'archive' }, { name: 'uploads' }],
  });
  const [db, address, signer] = await Promise.all([startDynamoDbLocal(), s3server.run(), LocalSigner.loadOrCreate(join(dir, 'signing'), { algorithm: 'ECDSA_SHA256' })]);
  dynamo = db;
  await ensureTable(dynamo.client, TABLE);
  records = new DynamoRecordStore(dynamo.client, TABLE);
  s3 = new S3Client({
    endpoint: `http://127.0.0.1:${address.port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    ...presigningClientConfig,
  });
  const certificateSha256 = Buffer.from(sha256((await signer.certificateChain())[0])).toString('hex');
  const signed = async (label: string) => makeSignedPdf(signer, label);
  const [a25, a26, b, nx] = await Promise.all([signed('yn-a 2025'), signed('yn-a 2026'), signed('yn-b 2025'), signed('nx-a 2025')]);
  reports = {
    ynA2025: report('yn-a', 'YN', 'FACT_SHEET', 2025, 1, a25, certificateSha256),
    ynA2026: report('yn-a', 'YN', 'SCORECARD', 2026, 2, a26, certificateSha256),
    ynB: report('yn-b', 'YN', 'FACT_SHEET', 2025, 3, b, certificateSha256),
    nxA: report('nx-a', 'NX', 'FACT_SHEET', 2025, 4, nx, certificateSha256),
  };
  const bytes = [a25, a26, b, nx];
  const s3Archive = new S3ObjectStore(s3, 'archive');
  const fsArchive = new FsObjectStore(join(dir, 'objects', 'archive'));
  fsUploads = new FsObjectStore(join(dir, 'objects', 'ingest'));
  await Promise.all(
    Object.values(reports).flatMap((r, i) => {
      pdfs.set(r.reportId, bytes[i]);
      return [
        s3Archive.put(r.archiveKey, bytes[i]),
        fsArchive.put(r.archiveKey, bytes[i]),
        records.putReport(r, { institutionId: r.institutionId, subjectId: r.reportId, action: 'REPORT_ARCHIVED', actor: 'test', at: r.generatedAt, detail: {} }),
      ];
    }),
  );
  s3Access = new ReportAccess(
    { records, archive: s3Archive, archiveUrls: new S3UrlSigner(s3, 'archive'), uploadUrls: new S3UrlSigner(s3, 'uploads'), clock },
    { downloadLinkSeconds: 600 },
  );
  served = await startServer({ records, archive: fsArchive, uploads: fsUploads, clock }, { downloadLinkSeconds: 600 });

  // The Lambda module reads its environment at import; its own clients are not used here.
  Object.assign(process.env, {
    RECORDS_TABLE: TABLE,
    ARCHIVE_BUCKET: 'archive',
    AWS_REGION: 'us-east-1',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  ({ toApiRequest } = await import('../../functions/api/handler.js'));
});

afterAll(async () => {
  await served?.close();
  s3?.destroy();
  await Promise.all([dynamo?.stop(), s3server?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Who = 'regulator:YN' | 'regulator:NX' | 'institution:yn-a' | 'institution:yn-b' | 'nobody';

const ROLE: Record<Who, string> = {
  'regulator:YN': 'arn:aws-cn:sts::000000000000:assumed-role/dossier-regulator-YN/alice',
  'regulator:NX': 'arn:aws-cn:iam::000000000000:role/dossier-regulator-NX',
  'institution:yn-a': 'arn:aws-cn:sts::000000000000:assumed-role/dossier-institution-yn-a/clerk',
  'institution:yn-b': 'arn:aws-cn:sts::000000000000:assumed-role/dossier-institution-yn-b/clerk',
  nobody: 'arn:aws-cn:sts::000000000000:assumed-role/regulator/mallory',
};

function apiEvent(who: Who, method: string, pathAndQuery: string, body?: Uint8Array): APIGatewayProxyEventV2WithIAMAuthorizer {
  const [rawPath, rawQueryString = ''] = pathAndQuery.split('?');
  return {
    version: '2.0',
    routeKey: `${method} ${rawPath}`,
    rawPath,
    rawQueryString,
    headers: {},
    isBase64Encoded: body !== undefined,
    body: body && Buffer.from(body).toString('base64'),
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '10.0.0.1', userAgent: 'test' },
      requestId: 'r1',
      routeKey: `${method} ${rawPath}`,
      stage: '$default',
      time: '01/Mar/2026:08:00:00 +0000',
      timeEpoch: 1772352000000,
      authorizer: {
        iam: { accessKey: 'AKID', accountId: '000000000000', callerId: 'x', cognitoIdentity: null as never, principalOrgId: 'o-x', userArn: ROLE[who], userId: 'x' },
      },
    },
  };
}

type Transport = 'lambda' | 'serve';
const TRANSPORTS: Transport[] = ['lambda', 'serve'];

/** One API call through the Lambda's event mapping (S3 links) or over HTTP to `dossier serve`. */
async function call(transport: Transport, who: Who, method: string, path: string, body?: Uint8Array | object): Promise<ApiResponse> {
  const bytes = body === undefined ? undefined : body instanceof Uint8Array ? body : new TextEncoder().encode(JSON.stringify(body));
  if (transport === 'lambda') {
    const response = await handleApiRequest(s3Access, toApiRequest(apiEvent(who, method, path, bytes)));
    return JSON.parse(JSON.stringify(response)) as ApiResponse;
  }
  const headers: Record<string, string> = who === 'nobody' ? {} : { [PRINCIPAL_HEADER]: who };
  const res = await fetch(`${served.url}${path}`, { method, headers, body: bytes as Uint8Array<ArrayBuffer> | undefined });
  return { status: res.status, body: await res.json() };
}

const ids = (response: ApiResponse) => ((response.body as { reports: ReportRecord[] }).reports ?? []).map((r) => r.reportId).sort();

describe.each(TRANSPORTS)('reports API through %s', (transport) => {
  it('lists an institution by year, without archive keys', async () => {
    const all = await call(transport, 'institution:yn-a', 'GET', '/institutions/yn-a/reports');
    expect(all.status).toBe(200);
    expect(ids(all)).toEqual([reports.ynA2025.reportId, reports.ynA2026.reportId].sort());
    expect((all.body as { reports: object[] }).reports.every((r) => !('archiveKey' in r))).toBe(true);
    const y2026 = await call(transport, 'regulator:YN', 'GET', '/institutions/yn-a/reports?year=2026');
    expect(ids(y2026)).toEqual([reports.ynA2026.reportId]);
  });

  it('lists a jurisdiction by kind and year, for its regulator only', async () => {
    const facts = await call(transport, 'regulator:YN', 'GET', '/jurisdictions/YN/reports?kind=FACT_SHEET');
    expect(ids(facts)).toEqual([reports.ynA2025.reportId, reports.ynB.reportId].sort());
    expect(ids(await call(transport, 'regulator:YN', 'GET', '/jurisdictions/YN/reports?year=2026'))).toEqual([reports.ynA2026.reportId]);
    expect(ids(await call(transport, 'regulator:NX', 'GET', '/jurisdictions/NX/reports?kind=FACT_SHEET&year=2025'))).toEqual([reports.nxA.reportId]);
    expect((await call(transport, 'regulator:YN', 'GET', '/jurisdictions/NX/reports')).status).toBe(403);
    expect((await call(transport, 'institution:yn-a', 'GET', '/jurisdictions/YN/reports')).status).toBe(403);
    expect((await call(transport, 'regulator:YN', 'GET', '/jurisdictions/YN/reports?kind=BOGUS')).status).toBe(400);
  });

  it.each([
    ['an institution lists another', 'institution:yn-b', 'GET', '/institutions/yn-a/reports', 403],
    ['an institution downloads another', 'institution:yn-b', 'GET', '/institutions/yn-a/reports/fact-sheet-yn-a-1', 403],
    ['a YN regulator downloads an NX report', 'regulator:YN', 'GET', '/institutions/nx-a/reports/fact-sheet-nx-a-4', 403],
    ['an unknown report', 'regulator:YN', 'GET', '/institutions/yn-a/reports/nope', 404],
    ['a malformed institution', 'regulator:YN', 'GET', '/institutions/..%2Fetc/reports', 400],
    ['an unmapped caller', 'nobody', 'GET', '/institutions/yn-a/reports', 401],
    ['a regulator asking to upload', 'regulator:YN', 'POST', '/institutions/yn-a/uploads', 403],
    ['a wrong method', 'regulator:YN', 'POST', '/institutions/yn-a/reports', 405],
  ] as const)('refuses %s', async (_label, who, method, path, status) => {
    const response = await call(transport, who, method, path, method === 'POST' ? { fileName: 'a.pdf' } : undefined);
    expect(response.status).toBe(status);
  });

  it('shows a YN regulator no NX report when listing an NX institution', async () => {
    const response = await call(transport, 'regulator:YN', 'GET', '/institutions/nx-a/reports');
    expect(response.status).toBe(200);
    expect(ids(response)).toEqual([]);
  });

  it('presigns a download that works, expires within 15 minutes, and is audited', async () => {
    const before = (await records.listAudit('yn-a', reports.ynA2025.reportId)).filter((e) => e.action === AUDIT_ACTIONS.download).length;
    const response = await call(transport, 'regulator:YN', 'GET', `/institutions/yn-a/reports/${reports.ynA2025.reportId}`);
    expect(response.status).toBe(200);
    const { download } = response.body as { download: { url: string; expiresInSeconds: number } };
    const url = new URL(download.url);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(900);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(hex(new Uint8Array(await res.arrayBuffer()))).toBe(reports.ynA2025.sha256);

    const audit = (await records.listAudit('yn-a', reports.ynA2025.reportId)).filter((e) => e.action === AUDIT_ACTIONS.download);
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({ actor: 'regulator:YN', detail: { expiresInSeconds: 600 } });

    if (transport === 'serve') {
      // s3rver checks SigV4 expiry but not signature values (real S3 does): the key binding is checked on serve's links
      const tampered = new URL(url);
      tampered.pathname = tampered.pathname.replace('fact-sheet-yn-a-1', 'scorecard-yn-a-2');
      expect((await fetch(tampered)).status).toBe(403);
    }
  });

  it('refuses a download link once it has expired', async () => {
    offsetMs = -601_000; // the link is signed 601 s ago with a 600 s lifetime
    try {
      const response = await call(transport, 'institution:yn-a', 'GET', `/institutions/yn-a/reports/${reports.ynA2026.reportId}`);
      expect(response.status).toBe(200);
      const { download } = response.body as { download: { url: string } };
      if (transport === 'serve') offsetMs = 0; // the server checks with the same clock
      expect((await fetch(download.url)).status).toBe(403);
    } finally {
      offsetMs = 0;
    }
  });

  it("presigns an upload into the institution's own prefix only, and audits it", async () => {
    const fileName = `授信审批表-${transport}.pdf`;
    const response = await call(transport, 'institution:yn-a', 'POST', '/institutions/yn-a/uploads', { fileName });
    expect(response.status).toBe(200);
    const { key, upload } = response.body as { key: string; upload: { url: string; method: string } };
    expect(key).toBe(`uploads/yn-a/${fileName}`);
    expect(Number(new URL(upload.url).searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(900);
    const content = new TextEncoder().encode(`%PDF-1.7 ${transport}`);
    const put = await fetch(upload.url, { method: 'PUT', body: content });
    expect(put.status).toBe(200);
    const stored = transport === 'lambda' ? await new S3ObjectStore(s3, 'uploads').get(key) : await fsUploads.get(key);
    expect(Buffer.from(stored).equals(Buffer.from(content))).toBe(true);

    if (transport === 'serve') {
      // the link is for that key and method only (s3rver does not check SigV4 signature values; real S3 does)
      const elsewhere = new URL(upload.url);
      elsewhere.pathname = elsewhere.pathname.replace('/yn-a/', '/yn-b/');
      expect((await fetch(elsewhere, { method: 'PUT', body: content })).status).toBe(403);
      expect((await fetch(upload.url)).status).toBe(405);
    } else {
      expect(decodeURIComponent(new URL(upload.url).pathname)).toBe(`/uploads/${key}`);
      expect(new URL(upload.url).searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    }

    expect((await call(transport, 'institution:yn-a', 'POST', '/institutions/yn-b/uploads', { fileName: 'a.pdf' })).status).toBe(403);
    expect((await call(transport, 'institution:yn-a', 'POST', '/institutions/yn-a/uploads', { fileName: '../yn-b/a.pdf' })).status).toBe(400);
    expect((await call(transport, 'institution:yn-a', 'POST', '/institutions/yn-a/uploads', { fileName: 'a\r\n.pdf' })).status).toBe(400);

    const audit = await records.listAudit('yn-a', key);
    expect(audit).toEqual([expect.objectContaining({ action: AUDIT_ACTIONS.upload, actor: 'institution:yn-a', subjectId: key })]);
    expect(await records.listAudit('yn-b')).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ action: AUDIT_ACTIONS.upload })]),
    );
  });

  it('verifies a report against the archive, and says when it does not match', async () => {
    const pdf = pdfs.get(reports.ynB.reportId)!;
    const ok = await call(transport, 'regulator:YN', 'POST', `/institutions/yn-b/reports/${reports.ynB.reportId}/verify`, pdf);
    expect(ok).toMatchObject({ status: 200, body: { valid: true, problems: [] } });
    const changed = Uint8Array.from(pdf);
    changed[200] ^= 0x01;
    const bad = await call(transport, 'institution:yn-b', 'POST', `/institutions/yn-b/reports/${reports.ynB.reportId}/verify`, changed);
    expect(bad.status).toBe(200);
    expect((bad.body as { valid: boolean; problems: string[] }).valid).toBe(false);
    expect((await call(transport, 'institution:yn-a', 'POST', `/institutions/yn-b/reports/${reports.ynB.reportId}/verify`, pdf)).status).toBe(403);
  });
});

describe('audit trail of grants', () => {
  it('holds every grant made above, none for refusals', async () => {
    const events = (await Promise.all(['yn-a', 'yn-b', 'nx-a'].map((i) => records.listAudit(i)))).flat();
    const grants = events.filter((e) => e.action === AUDIT_ACTIONS.download || e.action === AUDIT_ACTIONS.upload);
    // per transport: 1 download by the YN regulator, 1 (expired) download by yn-a, 1 upload by yn-a
    expect(grants.filter((e) => e.action === AUDIT_ACTIONS.download)).toHaveLength(4);
    expect(grants.filter((e) => e.action === AUDIT_ACTIONS.upload)).toHaveLength(2);
    expect(grants.every((e) => e.institutionId === 'yn-a')).toBe(true);
    expect(events.filter((e) => e.institutionId === 'nx-a').map((e) => e.action)).toEqual(['REPORT_ARCHIVED']);
    const lambdaGrant = grants.find((e) => String(e.detail.caller).startsWith('arn:'));
    expect(lambdaGrant?.detail.caller).toMatch(/assumed-role\/dossier-/);
  });

  it('keeps two identical grants in the same millisecond as two events', async () => {
    const event = { institutionId: 'audit-twice', subjectId: 'r', action: AUDIT_ACTIONS.download, actor: 'regulator:YN', at: '2026-01-01T00:00:00.000Z', detail: {} };
    await Promise.all([records.appendAudit(event), records.appendAudit(event)]);
    expect(await records.listAudit('audit-twice')).toHaveLength(2);
  });
});
