/**
 * npm run bench: speed, size and cost of the pipeline, each figure the median of several runs,
 * printed as a table and written to BENCHMARKS.md (its "performance" section).
 *
 *   npm run bench [-- --runs 3] [--ocr-pages 4] [--e2e-docs 6] [--skip-native] [--only ocr,e2e]
 *
 * --e2e-docs 50 runs the full end-to-end batch (several times the default's run time).
 * --only runs some sections and prints them without touching BENCHMARKS.md.
 */
import { parseArgs } from 'node:util';
import { costSection } from './sections/cost.js';
import { e2eSection, type E2eResult } from './sections/e2e.js';
import { lambdaSection } from './sections/lambda.js';
import { ocrSection } from './sections/ocr.js';
import { reportsSection } from './sections/reports.js';
import { rulesSection } from './sections/rules.js';
import { textLayerSection } from './sections/text-layer.js';
import { currentLoad, machineInfo, machineMarkdown } from './lib/machine.js';
import { markdownTable, SECTION_ORDER, textTable, writeSection } from './lib/markdown.js';
import { BENCHMARKS_FILE } from './lib/paths.js';
import { fmt } from './lib/stats.js';
import type { BenchOptions, Figure, SectionResult } from './lib/types.js';

const SECTIONS = ['rules', 'text-layer', 'reports', 'lambda', 'ocr', 'e2e', 'cost'] as const;
type SectionId = (typeof SECTIONS)[number];

const STATUS_MARK: Record<Figure['status'], string> = { met: 'met', missed: 'MISSED', info: '', skipped: 'skipped' };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'ocr-pages': { type: 'string', default: '4' },
      'e2e-docs': { type: 'string', default: '6' },
      'skip-native': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('npm run bench [-- --runs N] [--ocr-pages N] [--e2e-docs N] [--skip-native] [--only ' + SECTIONS.join(',') + ']');
    return;
  }
  const positive = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  const options: BenchOptions = {
    runs: positive('runs', values.runs),
    ocrPages: positive('ocr-pages', values['ocr-pages']),
    e2eDocs: positive('e2e-docs', values['e2e-docs']),
    skipNative: values['skip-native'],
    log: (msg) => console.error(msg),
  };
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : undefined;
  for (const id of only ?? []) if (!(SECTIONS as readonly string[]).includes(id)) throw new Error(`unknown section ${id}; sections: ${SECTIONS.join(', ')}`);
  const wanted = (id: SectionId) => !only || only.has(id);

  const machine = machineInfo();
  const started = performance.now();
  console.error(`bench: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAverage}`);
  const results: SectionResult[] = [];
  let e2e: E2eResult | undefined;
  for (const id of SECTIONS) {
    if (!wanted(id)) continue;
    const t = performance.now();
    let result: SectionResult;
    switch (id) {
      case 'rules':
        result = await rulesSection(options);
        break;
      case 'text-layer':
        result = await textLayerSection(options);
        break;
      case 'reports':
        result = await reportsSection(options);
        break;
      case 'lambda':
        result = await lambdaSection(options);
        break;
      case 'ocr':
        result = await ocrSection(options);
        break;
      case 'e2e':
        result = await e2eSection(options);
        e2e = result.data as unknown as E2eResult;
        break;
      case 'cost':
        if (!e2e) {
          console.error('cost: needs the end-to-end section; skipped');
          continue;
        }
        result = costSection(e2e);
        break;
    }
    console.error(`${id}: ${fmt((performance.now() - t) / 1000, 1)} s`);
    results.push(result);
  }
  const minutes = (performance.now() - started) / 60_000;
  const figures = results.flatMap((r) => r.figures);

  console.log('');
  console.log(textTable(['area', 'metric', 'value', 'target', 'status'], figures.map((f) => [f.area, f.metric, f.value, f.target ?? '', STATUS_MARK[f.status]])));
  const missed = figures.filter((f) => f.status === 'missed');
  if (missed.length) {
    console.log('\nBelow target:');
    for (const f of missed) console.log(`- ${f.area}, ${f.metric} = ${f.value} (target ${f.target}): ${f.gap ?? ''}`);
  }
  console.log(`\nbench took ${fmt(minutes, 1)} min; 1-minute load average ${machine.loadAverage} at the start, ${currentLoad()} at the end`);

  if (only) {
    console.log(`(--only: ${BENCHMARKS_FILE} left unchanged)`);
    return;
  }
  const markdown = [
    '## Speed, size and cost',
    '',
    `\`npm run bench -- --runs ${options.runs} --ocr-pages ${options.ocrPages} --e2e-docs ${options.e2eDocs}${options.skipNative ? ' --skip-native' : ''}\`, ${fmt(minutes, 1)} minutes. Every figure is the median of several runs unless its section says otherwise.`,
    '',
    '### Machine',
    '',
    machineMarkdown(machine, currentLoad()),
    '',
    '### Summary',
    '',
    markdownTable(['area', 'metric', 'value', 'target', 'status'], figures.map((f) => [f.area, f.metric, f.value, f.target ?? '', STATUS_MARK[f.status]])),
    '',
    missed.length ? '### Below target, and the next step' : '### Below target',
    '',
    missed.length ? missed.map((f) => `- **${f.area}, ${f.metric}: ${f.value}** (target ${f.target}). ${f.gap ?? ''}`).join('\n') : 'Every figure with a target met it.',
    '',
    ...results.flatMap((r) => [`### ${r.title}`, '', r.markdown, '']),
  ].join('\n');
  writeSection(BENCHMARKS_FILE, 'performance', markdown, SECTION_ORDER);
  console.log(`written: ${BENCHMARKS_FILE} (performance section)`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
