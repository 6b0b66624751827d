/**
 * `dossier serve`: the reports API on the embedded default, over node:http on loopback. The routes
 * and the rules are the Lambda's (`shared/access/`); what differs is the transport:
 *
 * - The caller's principal comes from the `x-dossier-principal` header (`regulator:YN`,
 *   `institution:<id>`). This is a LOCAL STAND-IN for IAM: anyone who can reach the port can claim
 *   any principal, which is why the server listens on 127.0.0.1 only.
 * - Presigned URLs point back at this server (`/objects/archive/…` to download, `/objects/uploads/…`
 *   to upload), which checks them (`LocalUrlSigner`) and reads or writes the same folder stores
 *   `dossier process` uses. Links die with the server process.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalUrlSigner } from '../../shared/adapters/local-url-signer.js';
import { parsePrincipal } from '../../shared/access/principal.js';
import { ReportAccess, type ReportAccessOptions } from '../../shared/access/report-access.js';
import { handleApiRequest, MAX_BODY_BYTES } from '../../shared/access/routes.js';
import { systemClock, type Clock, type ObjectStore, type RecordStore } from '../../shared/ports.js';

/** The header carrying the caller's principal locally (stand-in for IAM). */
export const PRINCIPAL_HEADER = 'x-dossier-principal';

export interface ServeDeps {
  records: RecordStore;
  archive: ObjectStore;
  uploads: ObjectStore;
  clock?: Clock;
}

export interface ServeOptions extends ReportAccessOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** Only loopback addresses are accepted. @default 127.0.0.1 */
  host?: string;
  /** Largest upload accepted through an upload link. @default 50 MiB */
  maxUploadBytes?: number;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:43123` */
  url: string;
  server: Server;
  close(): Promise<void>;
}

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startServer(deps: ServeDeps, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
    throw new Error('dossier serve listens on loopback only: its principal header is not an authentication');
  }
  const clock = deps.clock ?? systemClock;
  const maxUpload = options.maxUploadBytes ?? 50 * 1024 * 1024;
  let signer: LocalUrlSigner | undefined;
  let access: ReportAccess | undefined;
  const stores: Record<string, { store: ObjectStore; method: 'GET' | 'PUT' }> = {
    archive: { store: deps.archive, method: 'GET' },
    uploads: { store: deps.uploads, method: 'PUT' },
  };

  async function objects(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = /^\/objects\/([^/]+)\/(.+)$/.exec(url.pathname);
    const target = match && Object.hasOwn(stores, match[1]) ? stores[match[1]] : undefined;
    if (!match || !target) return send(res, 404, { error: 'no such store' });
    const key = match[2].split('/').map(decodeURIComponent).join('/');
    if (req.method !== target.method) return send(res, 405, { error: `use ${target.method}` });
    const verdict = signer!.check(target.method, match[1], key, url.searchParams, clock.now());
    if (verdict !== 'ok') return send(res, 403, { error: verdict === 'expired' ? 'link has expired' : 'link is not valid' });
    if (target.method === 'GET') {
      if (!(await target.store.exists(key))) return send(res, 404, { error: 'object not found' });
      const bytes = await target.store.get(key);
      res.writeHead(200, { 'content-type': key.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream', 'content-length': bytes.length });
      res.end(bytes);
      return;
    }
    await target.store.put(key, await readBody(req, maxUpload));
    res.writeHead(200, { 'content-length': 0 });
    res.end();
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const header = req.headers[PRINCIPAL_HEADER];
    const claimed = Array.isArray(header) ? undefined : header;
    const body = req.method === 'POST' ? await readBody(req, MAX_BODY_BYTES) : undefined;
    const response = await handleApiRequest(access!, {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body,
      principal: parsePrincipal(claimed),
      caller: claimed ? `local:${PRINCIPAL_HEADER}` : undefined,
    });
    send(res, response.status, response.body);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const work = url.pathname.startsWith('/objects/') ? objects(req, res, url) : api(req, res, url);
    work.catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof TooLarge) return send(res, 413, { error: 'request body too large' });
      console.error(err);
      send(res, 500, { error: 'internal error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  signer = new LocalUrlSigner(url);
  access = new ReportAccess(
    { records: deps.records, archive: deps.archive, archiveUrls: signer.forStore('archive'), uploadUrls: signer.forStore('uploads'), clock },
    options,
  );
  return {
    url,
    server,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
