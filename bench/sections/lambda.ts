/**
 * Lambda readiness: the real packages (CDK synth with esbuild bundling, for this machine's CPU),
 * each function's bundle size, and its module initialization time in a fresh Node process (a
 * proxy for the cold start's init phase), loaded from a folder outside the project so nothing
 * resolves through the project's node_modules.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { folderSize } from '../../infra/bundling/runtime-modules.js';
import { logicalId, synth } from '../../test/infra/synth.js';
import { markdownTable } from '../lib/markdown.js';
import { PROJECT_ROOT } from '../lib/paths.js';
import { fmt, fmtBytes, median, timed } from '../lib/stats.js';
import type { BenchOptions, Figure, SectionResult } from '../lib/types.js';

const run = promisify(execFile);

export const BUNDLE_TARGET_BYTES = 1024 * 1024;
export const INIT_TARGET_MS = 300;

interface FunctionSpec {
  label: string;
  logicalPrefix: string;
  entry: string;
  /** The OCR function carries tesseract, pdfjs and fonts: the size and init targets do not apply. */
  ocr: boolean;
  env: Record<string, string>;
}

const FUNCTIONS: FunctionSpec[] = [
  {
    label: 'ingest (processing, OCR)',
    logicalPrefix: 'ProcessingIngestFunction',
    entry: 'functions/ingest/handler.ts',
    ocr: true,
    env: { UPLOADS_BUCKET: 'u', ARCHIVE_BUCKET: 'a', RECORDS_TABLE: 'r', IDEMPOTENCY_TABLE: 'i', SIGNING_KEY_ID: 'k', CERTIFICATE_PARAMETER: '/c' },
  },
  {
    label: 'api (regulator API)',
    logicalPrefix: 'RegulatorApiHandlerFunction',
    entry: 'functions/api/handler.ts',
    ocr: false,
    env: { RECORDS_TABLE: 'r', ARCHIVE_BUCKET: 'a' },
  },
];

const INIT_SCRIPT = `const c = process.cpuUsage(); const t = performance.now(); const m = await import('./index.mjs'); const ms = performance.now() - t; const u = process.cpuUsage(c); if (typeof m.handler !== 'function') throw new Error('no handler'); console.log(JSON.stringify({ ms, cpuMs: (u.user + u.system) / 1000 }));`;

export async function lambdaSection(options: BenchOptions): Promise<SectionResult> {
  options.log('Lambda: synthesizing and bundling (cdk synth with esbuild)');
  const architecture = process.arch === 'arm64' ? 'arm64' : 'x86_64';
  const synthesized = await timed(() => synth({ architecture }, { bundle: true }));
  const s = synthesized.result;
  const isolated = mkdtempSync(join(tmpdir(), 'bench-lambda-'));
  const rows: string[][] = [];
  const figures: Figure[] = [];
  const data: Record<string, unknown> = {};
  try {
    const resources = s.template.toJSON().Resources;
    for (const fn of FUNCTIONS) {
      const resource = resources[logicalId(s.template, 'AWS::Lambda::Function', fn.logicalPrefix)];
      const asset = join(s.outdir, `asset.${String(resource.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
      const dir = join(isolated, fn.logicalPrefix);
      cpSync(asset, dir, { recursive: true });
      const bundle = statSync(join(dir, 'index.mjs')).size;
      const total = folderSize(dir);
      const inits: number[] = [];
      const initCpu: number[] = [];
      for (let i = 0; i < Math.max(options.runs, 5); i++) {
        const { stdout } = await run(process.execPath, ['--input-type=module', '-e', INIT_SCRIPT], {
          cwd: dir,
          env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', POWERTOOLS_LOG_LEVEL: 'SILENT', NODE_NO_WARNINGS: '1', ...fn.env },
          timeout: 120_000,
        });
        const measured = JSON.parse(stdout.trim().split('\n').at(-1)!) as { ms: number; cpuMs: number };
        inits.push(measured.ms);
        initCpu.push(measured.cpuMs);
      }
      const init = median(inits);
      const cpu = median(initCpu);
      data[fn.label] = { bundle, total, init, initCpu: cpu, memoryMb: resource.Properties.MemorySize };
      rows.push([fn.label, `${resource.Properties.MemorySize} MB`, fmtBytes(bundle), fmtBytes(total), `${fmt(init, 0)} ms`, `${fmt(cpu, 0)} ms`, inits.map((t) => fmt(t, 0)).join(' / '), fn.ocr ? 'exempt (OCR)' : `< ${fmtBytes(BUNDLE_TARGET_BYTES)}, < ${INIT_TARGET_MS} ms`]);
      if (fn.ocr) {
        figures.push({ area: 'Lambda', metric: `${fn.label}: bundle / package`, value: `${fmtBytes(bundle)} / ${fmtBytes(total)}`, status: 'info' });
        figures.push({ area: 'Lambda', metric: `${fn.label}: module init`, value: `${fmt(init, 0)} ms`, status: 'info' });
      } else {
        const big = bundle >= BUNDLE_TARGET_BYTES;
        const parts = big ? await bundleComposition(fn.entry) : [];
        const describe = parts.map((p) => `${p.name} ${fmtBytes(p.bytes)}${p.via.length ? ` (via ${p.via.join(' ← ')})` : ''}`).join('; ');
        const throughOcr = parts.filter((p) => p.via.some((f) => /tesseract|textract|hybrid/.test(f)));
        data[`${fn.label} composition`] = parts;
        figures.push({
          area: 'Lambda',
          metric: `${fn.label}: bundle size`,
          value: fmtBytes(bundle),
          target: `< ${fmtBytes(BUNDLE_TARGET_BYTES)}`,
          status: big ? 'missed' : 'met',
          gap: big
            ? `The minified bundle is ${fmtBytes(bundle)}; largest parts: ${describe}. Next step: ${
                throughOcr.length
                  ? `the API needs no OCR, yet ${throughOcr.map((p) => p.name).join(' and ')} ${throughOcr.length === 1 ? 'reaches' : 'reach'} it through the OCR adapters; move the OCR engine factory out of the module the API imports (e.g. functions/aws-deps.ts into a records/archive part and an OCR part) so esbuild leaves them out. Then `
                  : ''
              }check the remaining large packages (a schema library imported whole, e.g. zod's classic API with all its locales, can be replaced by its smaller \`zod/mini\` entry where only parsing is needed), and re-measure.`
            : undefined,
        });
        figures.push({
          area: 'Lambda',
          metric: `${fn.label}: module init`,
          value: `${fmt(init, 0)} ms`,
          target: `< ${INIT_TARGET_MS} ms`,
          status: init < INIT_TARGET_MS ? 'met' : 'missed',
          gap:
            init < INIT_TARGET_MS
              ? undefined
              : `Loading and evaluating the ${fmtBytes(bundle)} bundle took ${fmt(init, 0)} ms (${fmt(cpu, 0)} ms of CPU time${cpu < INIT_TARGET_MS ? '; the rest is waiting for the CPU while other processes ran, so an idle machine may meet the target' : ''}). Next step: the same as for the bundle size: what the handler does not import is neither parsed nor evaluated; move what only some routes need (PDF verification) behind a dynamic \`import()\` on those routes.`,
        });
      }
    }
  } finally {
    s.cleanup();
    rmSync(isolated, { recursive: true, force: true });
  }
  return {
    id: 'lambda',
    title: 'Lambda readiness',
    figures,
    markdown: [
      `Packages built by \`cdk synth\` with bundling (esbuild, minified ESM, target node22, for ${architecture}; ${fmt(synthesized.ms / 1000, 1)} s), copied outside the project; module initialization = time to \`import()\` the bundle in a fresh Node ${process.version} process (${Math.max(options.runs, 5)} processes each, median), with the function's environment variables set and no AWS calls (clients are created lazily). Lambda's own init adds the runtime start and the download of the package.`,
      '',
      markdownTable(['function', 'memory', 'bundle (index.mjs)', 'package (with runtime modules, source map)', 'module init (median)', 'CPU time of init (median)', 'runs (ms)', 'targets'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']),
    ].join('\n'),
    data,
  };
}

/**
 * The biggest contributors to an entry's minified bundle, by package, each with the chain of
 * project files through which the entry reaches it.
 */
async function bundleComposition(entry: string): Promise<{ name: string; bytes: number; via: string[] }[]> {
  const result = await build({
    entryPoints: [join(PROJECT_ROOT, entry)],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    outdir: 'unused',
    logLevel: 'silent',
  });
  const packageOf = (path: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  const importers = new Map<string, string[]>();
  for (const [path, input] of Object.entries(result.metafile.inputs)) {
    for (const imp of input.imports) importers.set(imp.path, [...(importers.get(imp.path) ?? []), path]);
  }
  const byPackage = new Map<string, { bytes: number; files: string[] }>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, info] of Object.entries(output.inputs)) {
      const name = packageOf(path) ?? 'project code';
      const entry = byPackage.get(name) ?? { bytes: 0, files: [] };
      entry.bytes += info.bytesInOutput;
      entry.files.push(path);
      byPackage.set(name, entry);
    }
  }
  /** Breadth-first from the package's files up its importers to the first project file, then on to the entry. */
  const via = (files: string[]): string[] => {
    const queue = files.map((f) => [f]);
    const seen = new Set(files);
    while (queue.length) {
      const chain = queue.shift()!;
      const head = chain.at(-1)!;
      if (!packageOf(head)) return chain.filter((p) => !packageOf(p)).concat(projectChain(head));
      for (const up of importers.get(head) ?? []) {
        if (!seen.has(up)) {
          seen.add(up);
          queue.push([...chain, up]);
        }
      }
    }
    return [];
  };
  const projectChain = (from: string): string[] => {
    const out: string[] = [];
    let cur = from;
    const seen = new Set([from]);
    for (;;) {
      const up = (importers.get(cur) ?? []).find((p) => !packageOf(p) && !seen.has(p));
      if (!up) return out;
      out.push(up);
      seen.add(up);
      cur = up;
    }
  };
  return [...byPackage.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, 5)
    .map(([name, { bytes, files }]) => ({ name, bytes, via: name === 'project code' ? [] : via(files) }));
}
