/**
 * Soak test (not part of `npm test`): a few hundred born-digital documents, with bad inputs and
 * redeliveries mixed in, pushed through the embedded pipeline with concurrency. Checks at the
 * end that every upload is in exactly one terminal state, that the stores hold one of
 * everything, and that memory has settled; prints the numbers.
 *
 *   npm run soak                      # defaults below
 *   SOAK_DOCS=500 SOAK_SECONDS=300 SOAK_CONCURRENCY=4 npm run soak
 *
 * Bounded in time: no new document is started after SOAK_SECONDS; the run then drains and checks.
 */
import { performance } from 'node:perf_hooks';
import { TERMINAL_STATUSES, type DocumentRecord } from '../../shared/domain/records.js';
import { DEFAULT_LIMITS, type IntakeLimits } from '../../shared/intake/gate.js';
import { processDocument, sha256Hex } from '../../shared/pipeline/process-document.js';
import { generateBornDigital, KINDS, LAYOUTS } from '../generator/index.js';
import { buildCorpus } from './corpus.js';
import { concat, ascii } from './formats.js';
import { inventory, tempRuntime, upload } from './helpers.js';

const DOCS = Number(process.env.SOAK_DOCS ?? 300);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 240);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 4);
/** Most growth of the heap after garbage collection, from the end of the warm-up to the end. */
const MAX_HEAP_GROWTH_MB = Number(process.env.SOAK_MAX_HEAP_GROWTH_MB ?? 48);
/** Most growth of the resident set after garbage collection (native memory: canvases, pdfjs, fonts). */
const MAX_RSS_GROWTH_MB = Number(process.env.SOAK_MAX_RSS_GROWTH_MB ?? 160);
/** Documents after which caches (fonts, pdfjs, OCR workers, the JIT) have settled: memory is measured from here. */
const WARM_UP = 50;
const INSTITUTION = 'soak';
const LIMITS: IntakeLimits = { ...DEFAULT_LIMITS, maxBytes: 4 * 1024 * 1024 };

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round(bytes / 1048576);

interface Job {
  name: string;
  bytes: Uint8Array;
  /** `bad`: expected REJECTED; `redelivery`: same bytes as an earlier job. */
  role: 'good' | 'bad' | 'redelivery';
}

interface Sample {
  done: number;
  seconds: number;
  rssMb: number;
  heapMb: number;
}

function memory(done: number, started: number): Sample {
  gc?.();
  const m = process.memoryUsage();
  return { done, seconds: Math.round((performance.now() - started) / 1000), rssMb: mb(m.rss), heapMb: mb(m.heapUsed) };
}

async function jobs(): Promise<Job[]> {
  // base documents: every kind and layout, a few seeds; variants differ by a trailing comment (new content, same text)
  const bases: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const seed of [11, 12, 13]) {
    for (const kind of KINDS) {
      for (const layout of LAYOUTS[kind]) {
        const doc = await generateBornDigital({ kind, seed, layout } as Parameters<typeof generateBornDigital>[0]);
        bases.push({ name: doc.fileStem, bytes: doc.bornDigitalPdf });
      }
    }
  }
  const bad = (await buildCorpus({ limits: LIMITS })).filter((i) => i.expect && 'status' in i.expect && i.expect.status === 'REJECTED' && !i.ocr);
  const out: Job[] = [];
  for (let n = 0; out.length < DOCS; n++) {
    if (n % 10 === 9) {
      const b = bad[n % bad.length];
      out.push({ name: `bad-${n}-${b.fileName}`, bytes: b.bytes, role: 'bad' });
    } else if (n % 15 === 14 && out.length > 0) {
      const earlier = out[(n * 7) % out.length];
      out.push({ name: `again-${earlier.name}`, bytes: earlier.bytes, role: 'redelivery' });
    } else {
      const base = bases[n % bases.length];
      out.push({ name: `${base.name}-v${n}.pdf`, bytes: concat(base.bytes, ascii(`%soak-variant-${n}\n`)), role: 'good' });
    }
  }
  return out;
}

async function main(): Promise<number> {
  if (!gc) console.warn('run with node --expose-gc for stable memory numbers');
  const started = performance.now();
  const work = await jobs();
  console.log(`soak: ${work.length} uploads (${work.filter((j) => j.role === 'bad').length} bad, ${work.filter((j) => j.role === 'redelivery').length} redeliveries), concurrency ${CONCURRENCY}, at most ${SECONDS} s`);
  const runtime = await tempRuntime({ config: { limits: LIMITS } });
  const records: Array<DocumentRecord | undefined> = new Array(work.length);
  const errors: string[] = [];
  const samples: Sample[] = [];
  let next = 0;
  let done = 0;
  let stoppedEarly = false;
  const runStarted = performance.now();
  try {
    const worker = async () => {
      while (next < work.length) {
        if ((performance.now() - runStarted) / 1000 > SECONDS) {
          stoppedEarly = true;
          return;
        }
        const index = next++;
        const job = work[index];
        try {
          records[index] = await processDocument(runtime.deps, await upload(runtime.deps, INSTITUTION, job.name, job.bytes, `u${index}`));
        } catch (err) {
          errors.push(`${job.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
        done++;
        if (done % 25 === 0) {
          const s = memory(done, runStarted);
          samples.push(s);
          console.log(`  ${String(done).padStart(4)} done  ${String(s.seconds).padStart(4)} s  rss ${s.rssMb} MB  heap ${s.heapMb} MB`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const end = memory(done, runStarted);
    samples.push(end);

    // invariants
    const attempted = work.slice(0, next);
    const problems: string[] = [...errors.map((e) => `escaped: ${e}`)];
    attempted.forEach((job, i) => {
      const r = records[i];
      if (!r) return;
      if (!TERMINAL_STATUSES.includes(r.status)) problems.push(`${job.name}: not terminal (${r.status})`);
      if (job.role === 'bad' && r.status !== 'REJECTED') problems.push(`${job.name}: bad input ended ${r.status}`);
      if (job.role === 'good' && r.status === 'REJECTED') problems.push(`${job.name}: good document rejected: ${r.reasons[0]}`);
    });
    const { documents, reports, archived, audit } = await inventory(runtime.deps, INSTITUTION);
    const distinct = new Set(attempted.map((j) => sha256Hex(j.bytes)));
    if (documents.length !== distinct.size) problems.push(`${documents.length} records for ${distinct.size} distinct uploads`);
    if (archived.length !== reports.length) problems.push(`${archived.length} archived files for ${reports.length} report records`);
    const reportIds = new Set(reports.map((r) => r.reportId));
    for (const d of documents) {
      if (!TERMINAL_STATUSES.includes(d.status)) problems.push(`stored ${d.fileName}: not terminal (${d.status})`);
      for (const id of d.reportIds) if (!reportIds.has(id)) problems.push(`${d.fileName}: report ${id} has no record`);
      if (d.status !== 'REJECTED' && d.reportIds.length === 0) problems.push(`${d.fileName}: kept without reports`);
    }
    const received = audit.filter((e) => e.action === 'DOCUMENT_RECEIVED').length;
    if (received !== documents.length) problems.push(`${received} DOCUMENT_RECEIVED entries for ${documents.length} documents`);

    const warm = samples.find((s) => s.done >= WARM_UP) ?? samples[0];
    const later = samples.filter((s) => s.done >= warm.done);
    const peakRss = Math.max(...later.map((s) => s.rssMb));
    const heapGrowth = end.heapMb - warm.heapMb;
    const rssGrowth = end.rssMb - warm.rssMb;
    if (heapGrowth > MAX_HEAP_GROWTH_MB) problems.push(`heap grew ${heapGrowth} MB after warm-up (limit ${MAX_HEAP_GROWTH_MB} MB)`);
    if (rssGrowth > MAX_RSS_GROWTH_MB) problems.push(`rss grew ${rssGrowth} MB after warm-up (limit ${MAX_RSS_GROWTH_MB} MB)`);

    const seconds = (performance.now() - runStarted) / 1000;
    const byStatus = documents.reduce<Record<string, number>>((acc, d) => ((acc[d.status] = (acc[d.status] ?? 0) + 1), acc), {});
    console.log(
      [
        '',
        `uploads processed: ${done} of ${work.length}${stoppedEarly ? ' (time bound reached)' : ''} in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(2)} per s; generation took ${((runStarted - started) / 1000).toFixed(0)} s)`,
        `documents: ${documents.length} (${Object.entries(byStatus).map(([k, v]) => `${k} ${v}`).join(', ')}), reports: ${reports.length}, archived files: ${archived.length}, audit entries: ${audit.length}`,
        `memory after GC: after warm-up (${warm.done} done) rss ${warm.rssMb} MB heap ${warm.heapMb} MB -> end (${end.done} done) rss ${end.rssMb} MB heap ${end.heapMb} MB; growth rss ${rssGrowth} MB, heap ${heapGrowth} MB; peak rss ${peakRss} MB`,
        problems.length ? `PROBLEMS (${problems.length}):\n  ${problems.slice(0, 30).join('\n  ')}` : 'invariants hold: every upload terminal, one record per content, one archived file per report, memory settled',
      ].join('\n'),
    );
    return problems.length ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
