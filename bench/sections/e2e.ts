/** End to end: a mixed batch of scans through the whole embedded pipeline in a fresh process. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchSpecs, loadDocuments } from '../lib/corpus.js';
import { runChild } from '../lib/child.js';
import { BENCH_DIR } from '../lib/paths.js';
import { fmt, fmtBytes, perMinute } from '../lib/stats.js';
import type { BenchOptions, SectionResult } from '../lib/types.js';

export interface E2eResult {
  documents: number;
  pages: number;
  inputBytes: number;
  wallMs: number;
  /** CPU time of the pipeline process over the batch, all threads (DynamoDB Local's JVM excluded). */
  cpuMs: number;
  startupMs: number;
  statuses: Record<string, number>;
  errors: string[];
  reports: number;
  nodePeakKiB: number;
  javaPeakKiB?: number;
  dynamo: { writeUnits: number; readUnits: number; calls: Record<string, number>; unreported: number };
  s3: Record<'uploads' | 'archive', { put: number; get: number; head: number; list: number; bytesPut: number }>;
  signatures: number;
}

/** The concurrency of `dossier process`. */
const CLI_CONCURRENCY = 2;

export async function e2eSection(options: BenchOptions): Promise<SectionResult> {
  const cores = availableParallelism();
  options.log(`End to end: ${options.e2eDocs} scans`);
  const docs = await loadDocuments(benchSpecs(options.e2eDocs), options.log);
  const dir = await mkdtemp(join(tmpdir(), 'bench-e2e-'));
  try {
    const scans = join(dir, 'scans');
    await import('node:fs/promises').then((fs) => fs.mkdir(scans));
    await Promise.all(docs.map((d) => writeFile(join(scans, `${d.fileStem}.pdf`), d.scannedPdf)));
    const r = await runChild<E2eResult>(join(BENCH_DIR, 'children', 'e2e.ts'), [scans, join(dir, 'data'), String(CLI_CONCURRENCY), String(cores)], {
      env: { NODE_NO_WARNINGS: '1' },
    });
    const docsPerMin = perMinute(r.documents, r.wallMs);
    const pagesPerMin = perMinute(r.pages, r.wallMs);
    const kinds = count(docs.map((d) => d.kind));
    const qualities = count(docs.map((d) => d.quality));
    const full = options.e2eDocs >= 50;
    return {
      id: 'e2e',
      title: 'End to end (embedded pipeline)',
      figures: [
        { area: 'End to end', metric: `documents/min, batch of ${r.documents} scans`, value: fmt(docsPerMin, 2), status: 'info' },
        { area: 'End to end', metric: 'pages/min through the whole pipeline', value: fmt(pagesPerMin, 1), status: 'info' },
        { area: 'End to end', metric: 'peak memory, Node process (RSS)', value: fmtBytes(r.nodePeakKiB * 1024), status: 'info' },
      ],
      markdown: [
        `${r.documents} scanned PDFs (${r.pages} pages, ${fmtBytes(r.inputBytes)}; ${describe(kinds)}; ${describe(qualities)}; ${new Set(docs.map((d) => `${d.kind}|${d.layout}`)).size} of the 9 kind × layout combinations) through \`processFiles\`, the code behind \`dossier process\`: DynamoDB Local, folder object stores, tesseract.js with ${cores} workers, local signing key, ${CLI_CONCURRENCY} documents at a time, in a fresh Node process.`,
        full
          ? ''
          : `This is a smaller batch than the 50 scans the figure is specified for, to keep \`npm run bench\` within its 10-minute budget; \`npm run bench -- --e2e-docs 50\` runs the full batch (about ${fmt((r.wallMs / r.documents) * 50 / 60_000, 0)} minutes at this rate). One batch run: the figure is itself an average over the batch.`,
        '',
        `- Throughput: **${fmt(docsPerMin, 2)} documents/min**, ${fmt(pagesPerMin, 1)} pages/min (${fmt(r.wallMs / 1000, 1)} s wall for the batch; ${fmt(r.wallMs / r.pages / 1000, 2)} s a page; ${fmt(r.cpuMs / r.pages / 1000, 2)} CPU s a page).`,
        `- Runtime start (DynamoDB Local, OCR workers, signer), not included: ${fmt(r.startupMs / 1000, 1)} s.`,
        `- Outcomes: ${Object.entries(r.statuses).map(([s, n]) => `${s} ${n}`).join(', ')}; ${r.reports} signed reports archived${r.errors.length ? `; pipeline errors: ${r.errors.join('; ')}` : ''}.`,
        `- Peak memory: Node process ${fmtBytes(r.nodePeakKiB * 1024)} RSS (OCR workers are threads of this process)${r.javaPeakKiB ? `; DynamoDB Local's JVM ${fmtBytes(r.javaPeakKiB * 1024)}` : ''}.`,
        `- Requests per document (for the cost model): S3 ${fmt((r.s3.uploads.get + r.s3.archive.get + r.s3.uploads.head + r.s3.archive.head) / r.documents, 1)} GET/HEAD and ${fmt((r.s3.archive.put + r.s3.archive.list + r.s3.uploads.list) / r.documents, 1)} PUT/LIST by the pipeline (plus the upload itself); DynamoDB ${fmt(r.dynamo.writeUnits / r.documents, 1)} write and ${fmt(r.dynamo.readUnits / r.documents, 1)} read capacity units${r.dynamo.unreported ? ` (${r.dynamo.unreported} calls reported no consumed capacity)` : ''}; ${fmt(r.signatures / r.documents, 2)} signatures.`,
      ]
        .filter((l, i) => !(i === 1 && l === ''))
        .join('\n'),
      data: { ...r, docsPerMin, pagesPerMin } as unknown as Record<string, unknown>,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function count(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

const describe = (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${n} ${k.toLowerCase().replace(/_/g, ' ')}`).join(', ');
