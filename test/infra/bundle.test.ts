/**
 * The real Lambda packages: esbuild bundles plus runtime modules, synthesized offline for this
 * machine's CPU, then loaded from a folder outside the project (so nothing resolves through the
 * project's own node_modules): the handler module initializes, and OCR runs from the packaged
 * tesseract worker, WebAssembly core and Chinese data.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderSize } from '../../infra/bundling/runtime-modules.js';
import { logicalId, synth, type Synthesized } from './synth.js';

let synthesized: Synthesized;
let isolated: string;
const assets: Record<string, string> = {};

beforeAll(() => {
  synthesized = synth({ architecture: process.arch === 'arm64' ? 'arm64' : 'x86_64' }, { bundle: true });
  const resources = synthesized.template.toJSON().Resources;
  for (const [label, prefix] of [
    ['ingest', 'ProcessingIngestFunction'],
    ['api', 'RegulatorApiHandlerFunction'],
  ] as const) {
    const key: string = resources[logicalId(synthesized.template, 'AWS::Lambda::Function', prefix)].Properties.Code.S3Key;
    assets[label] = join(synthesized.outdir, `asset.${key.replace(/\.zip$/, '')}`);
  }
  isolated = mkdtempSync(join(tmpdir(), 'lambda-asset-'));
  cpSync(assets.ingest, join(isolated, 'ingest'), { recursive: true });
  cpSync(assets.api, join(isolated, 'api'), { recursive: true });
}, 300_000);

afterAll(() => {
  synthesized?.cleanup();
  if (isolated) rmSync(isolated, { recursive: true, force: true });
});

/** Runs an ES module script in `cwd` with a clean environment plus `env`; returns its stdout. */
function runIn(cwd: string, script: string, env: Record<string, string>): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    env: { PATH: process.env.PATH, AWS_REGION: 'cn-northwest-1', POWERTOOLS_LOG_LEVEL: 'SILENT', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('Lambda packages', () => {
  it('keeps each package within Lambda limits and reports its size', () => {
    const sizes = Object.fromEntries(
      Object.entries(assets).map(([label, dir]) => [label, { bundle: statSync(join(dir, 'index.mjs')).size, total: folderSize(dir) }]),
    );
    // Visible in the test output: the README's size table comes from here.
    console.info('Lambda package sizes (bytes):', JSON.stringify(sizes));
    for (const { total } of Object.values(sizes)) expect(total).toBeLessThan(250 * 1024 * 1024);
    expect(sizes.api.total).toBe(sizes.api.bundle + statSync(join(assets.api, 'index.mjs.map')).size);
  });

  it('initializes the processing handler outside the project', () => {
    const out = runIn(
      join(isolated, 'ingest'),
      `const m = await import('./index.mjs'); console.log(typeof m.handler);`,
      {
        UPLOADS_BUCKET: 'u',
        ARCHIVE_BUCKET: 'a',
        RECORDS_TABLE: 'r',
        IDEMPOTENCY_TABLE: 'i',
        SIGNING_KEY_ID: 'k',
        CERTIFICATE_PARAMETER: '/c',
      },
    );
    expect(out.trim()).toBe('function');
  });

  it('initializes the API handler outside the project', () => {
    const out = runIn(join(isolated, 'api'), `const m = await import('./index.mjs'); console.log(typeof m.handler);`, {
      RECORDS_TABLE: 'r',
      ARCHIVE_BUCKET: 'a',
    });
    expect(out.trim()).toBe('function');
  });

  it('reads Chinese with the packaged tesseract, pdfjs, canvas and font', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const require = createRequire(import.meta.url + '/../index.mjs');
      const { createCanvas, GlobalFonts } = require('@napi-rs/canvas');
      GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'), 'NotoSC');
      const canvas = createCanvas(900, 200);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 900, 200);
      ctx.fillStyle = '#000'; ctx.font = '64px NotoSC'; ctx.fillText('事实认定材料', 40, 120);
      const Tesseract = require('tesseract.js');
      const langPath = require.resolve('@tesseract.js-data/chi_sim/package.json').replace(/package\\.json$/, '4.0.0_best_int');
      const worker = await Tesseract.createWorker('chi_sim', Tesseract.OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
      const { data } = await worker.recognize(canvas.encodeSync('png'));
      await worker.terminate();
      const pdfjs = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
      console.log(JSON.stringify({ text: data.text.replace(/\\s+/g, ''), pdfjs: pdfjs.version }));
    `;
    const result = JSON.parse(runIn(join(isolated, 'ingest'), script, {}).trim().split('\n').at(-1)!);
    expect(result.text).toContain('事实认定材料');
    expect(result.pdfjs).toMatch(/^5\./);
  });
});
