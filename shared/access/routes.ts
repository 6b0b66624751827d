/**
 * The API's routes, one table for both homes (the Lambda behind API Gateway and `dossier serve`):
 *
 *   GET  /institutions/{institutionId}/reports[?year=YYYY]             an institution's reports
 *   GET  /institutions/{institutionId}/reports/{reportId}              one report + presigned download (GET, <= 15 min)
 *   POST /institutions/{institutionId}/reports/{reportId}/verify       body: the PDF; signature + archive check
 *   POST /institutions/{institutionId}/uploads                         body: {"fileName": "..."}; presigned PUT
 *   GET  /jurisdictions/{jurisdiction}/reports[?kind=KIND][&year=YYYY] a jurisdiction's reports (regulators)
 *
 * Handlers only turn their transport into an {@link ApiRequest}; answers are JSON.
 */
import { AccessError, type ReportAccess } from './report-access.js';
import type { Principal } from './principal.js';

export interface ApiRequest {
  method: string;
  /** The path without query string, e.g. `/institutions/x/reports`. */
  path: string;
  query: URLSearchParams;
  body?: Uint8Array;
  /** Undefined when the caller could not be mapped to a principal (answered 401). */
  principal?: Principal;
  /** The caller's identity as the transport knows it (IAM ARN, or the local header), for the audit trail. */
  caller?: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

/** Largest request body accepted (a PDF to verify); API Gateway's own limit is 10 MB. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

type Route = {
  method: 'GET' | 'POST';
  pattern: RegExp;
  run: (access: ReportAccess, request: ApiRequest & { principal: Principal }, params: string[]) => Promise<unknown>;
};

const segment = '([^/]+)';

function year(query: URLSearchParams): number | undefined {
  const value = query.get('year');
  if (value === null) return undefined;
  if (!/^\d{4}$/.test(value)) throw new AccessError(400, 'year must be a four-digit year');
  return Number(value);
}

function jsonBody(body: Uint8Array | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body ?? new Uint8Array()));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new AccessError(400, 'body must be a JSON object');
}

export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/institutions/${segment}/reports$`),
    run: async (access, req, [institutionId]) => ({
      institutionId,
      reports: await access.listByInstitution(req, institutionId, year(req.query)),
    }),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/institutions/${segment}/reports/${segment}$`),
    run: (access, req, [institutionId, reportId]) => access.download(req, institutionId, reportId),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/institutions/${segment}/reports/${segment}/verify$`),
    run: (access, req, [institutionId, reportId]) => {
      if (!req.body || req.body.length === 0) throw new AccessError(400, 'send the PDF to verify as the request body');
      return access.verify(req, institutionId, reportId, req.body);
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/institutions/${segment}/uploads$`),
    run: (access, req, [institutionId]) => access.requestUpload(req, institutionId, jsonBody(req.body).fileName),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/jurisdictions/${segment}/reports$`),
    run: async (access, req, [jurisdiction]) => ({
      jurisdiction,
      reports: await access.listByJurisdiction(req, jurisdiction, req.query.get('kind') ?? undefined, year(req.query)),
    }),
  },
];

/** Answers one request: routing, 401 without a principal, access errors as their status, JSON bodies. */
export async function handleApiRequest(access: ReportAccess, request: ApiRequest): Promise<ApiResponse> {
  let params: string[] | undefined;
  const route = ROUTES.find((r) => {
    const match = r.pattern.exec(request.path);
    if (match) params = match.slice(1);
    return match !== null;
  });
  if (!route || !params) return { status: 404, body: { error: `no route ${request.method} ${request.path}` } };
  if (route.method !== request.method) return { status: 405, body: { error: `use ${route.method} on ${request.path}` } };
  if (!request.principal) return { status: 401, body: { error: 'caller is not a known regulator or institution' } };
  if (request.body && request.body.length > MAX_BODY_BYTES) return { status: 413, body: { error: 'request body too large' } };
  try {
    const decoded = params.map((p) => decodeURIComponent(p));
    return { status: 200, body: await route.run(access, { ...request, principal: request.principal }, decoded) };
  } catch (err) {
    if (err instanceof AccessError) return { status: err.status, body: { error: err.message } };
    if (err instanceof URIError) return { status: 400, body: { error: 'malformed path' } };
    throw err;
  }
}
