/**
 * npm run bench:accuracy: field-level reading accuracy on a generated corpus with ground truth,
 * through the real reading path (OCR for scans), per document kind and scan quality; written
 * to BENCHMARKS.md (its "accuracy" section).
 *
 *   npm run bench:accuracy [-- --count 81] [--marks-pages 5] [--concurrency 2] [--refresh] [--reuse-reads] [--no-write] [--seed N]
 *
 * `--seed` draws another corpus of the same families (other documents, values, layouts' details
 * and scan noise): a measure on documents the reading was never tuned on. BENCHMARKS.md holds the
 * standard corpus only, so such a run writes nothing there.
 *
 * Beside the corpus, `--marks-pages` one-page marks sheets per quality (tick boxes, signature
 * places, seals; 0 for none) measure the reader's tick-box, signature and seal detection.
 *
 * OCR output is cached per scan (sha256) and reading-code fingerprint in bench/.cache, so a
 * re-run after an extraction change takes seconds; --refresh reads every scan again;
 * --reuse-reads takes a scan's cached reading even when the reading code changed since (the
 * report says how many).
 */
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TesseractOcr } from '../shared/adapters/tesseract-ocr.js';
import type { OcrEngine } from '../shared/ports.js';
import { type OcrPage, pageText } from '../shared/domain/text.js';
import { classify } from '../shared/extract/classify.js';
import { extractFields, signaturePlaces } from '../shared/extract/extract.js';
import { documentLines } from '../shared/extract/lines.js';
import { DEFAULT_LIMITS } from '../shared/intake/gate.js';
import { REVIEW_CONFIDENCE, reviewReasons } from '../shared/pipeline/review.js';
import { readDocument, type ReadResult } from '../shared/read/read.js';
import { documentChecks, sealChecks, sealsOf } from '../shared/validate/document-checks.js';
import type { FieldRegion } from '../test/generator/index.js';
import { scoreFields, type FieldOutcome, type Score } from '../test/extract/scoring.js';
import { cerCount, cerOf, type CerCount } from './lib/cer.js';
import { benchSpecs, type CachedDocument, type CachedMarksSheet, loadDocuments, loadMarksSheets, marksSpecs } from './lib/corpus.js';
import { addSealTallies, addTallies, type SealTally, scoreSeals, scoreSignatures, scoreTickBoxes, type Tally } from './lib/marks.js';
import { currentLoad, machineInfo } from './lib/machine.js';
import { markdownTable, SECTION_ORDER, textTable, writeSection } from './lib/markdown.js';
import { truthPageTexts } from './lib/pages.js';
import { BENCHMARKS_FILE, CACHE_DIR } from './lib/paths.js';
import { sourceFingerprint } from './lib/sources.js';
import { fmt, pct } from './lib/stats.js';

const KINDS = ['MEETING_MINUTES', 'FACT_SHEET', 'AUDIT_REPORT'] as const;

/** Born-digital PDFs are read from their text layer; reaching OCR would be a bug. */
const NO_OCR: OcrEngine = {
  name: 'none',
  recognize: () => Promise.reject(new Error('a born-digital PDF went to OCR')),
  close: async () => {},
};
const QUALITIES = ['clean', 'typical', 'poor'] as const;
const F1_TARGET: Record<string, number> = { clean: 0.97, poor: 0.93 };

interface DocResult {
  fileStem: string;
  kind: string;
  quality: string;
  layout: string;
  classifiedAs: string;
  score: Score;
  /** The same extraction on the born-digital PDF's text layer (no OCR): what extraction does with perfect text. */
  textLayerScore: Score;
  cer: CerCount[];
  needsReview: boolean;
  reasons: string[];
  /** Seconds the reading took when it was done (from the cache on later runs). */
  readSeconds: number;
  /** Read in this run, from the cache, or from the cache of older reading code (--reuse-reads). */
  source: 'read' | 'cache' | 'older-code';
  /** Per truth field: printed in a table cell and/or under a seal. */
  regions: Record<string, FieldRegion[]>;
  /** Fact sheets: the fields printed as a tick group (conclusion, objectionFiled). */
  tickFields: string[];
}

/** What the reader found on one marks-sheet page, against the truth. */
interface MarksPageResult {
  fileStem: string;
  page: number;
  quality: string;
  ticks: Tally;
  signatures: Tally;
  seals: SealTally;
  source: 'read' | 'cache' | 'older-code';
  readSeconds: number;
}

interface CachedRead {
  read: ReadResult;
  readSeconds: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '81' },
      concurrency: { type: 'string', default: '2' },
      refresh: { type: 'boolean', default: false },
      'reuse-reads': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      'marks-pages': { type: 'string', default: '5' },
      seed: { type: 'string' },
    },
  });
  const count = Number(values.count);
  const concurrency = Number(values.concurrency);
  const marksPages = Number(values['marks-pages']);
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  if (!Number.isInteger(marksPages) || marksPages < 0) throw new Error('--marks-pages must be a whole number');
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a positive integer');
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const machine = machineInfo();
  const started = performance.now();
  const log = (msg: string) => console.error(msg);

  log(`accuracy: ${count} documents and ${marksPages} marks-sheet pages per quality (generating those not cached yet)`);
  const docs = await loadDocuments(benchSpecs(count, { seed }), log);
  const sheets = await loadMarksSheets(marksSpecs(marksPages), log);
  const readKey = await sourceFingerprint(['shared/read/read.ts', 'shared/adapters/tesseract-ocr.ts'], ['tesseract.js', 'tesseract.js-core', '@tesseract.js-data/chi_sim', 'pdfjs-dist', '@napi-rs/canvas']);
  let ocr: Promise<TesseractOcr> | undefined;
  const results: DocResult[] = new Array(docs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < docs.length) {
      const i = next++;
      const doc = docs[i];
      const { cached, source } = await readCached(doc, readKey, { refresh: values.refresh, reuse: values['reuse-reads'] }, () => (ocr ??= TesseractOcr.create()));
      results[i] = await evaluate(doc, cached, source);
      const r = results[i];
      log(
        `  [${++done}/${docs.length}] ${r.fileStem}: ${source === 'read' ? `read in ${fmt(r.readSeconds, 1)} s` : source === 'cache' ? 'cached' : 'cached (older reading code)'}, ${r.score.right}/${r.score.truth} right, ${r.score.wrong} wrong (${r.score.confidentlyWrong} confidently), CER ${pct(cerOf(r.cer))}${r.classifiedAs !== r.kind ? `, classified as ${r.classifiedAs}` : ''}`,
      );
    }
  };
  const marks: MarksPageResult[][] = new Array(sheets.length);
  let nextSheet = 0;
  const marksWorker = async () => {
    while (nextSheet < sheets.length) {
      const i = nextSheet++;
      const sheet = sheets[i];
      const { cached, source } = await readCached(sheet, readKey, { refresh: values.refresh, reuse: values['reuse-reads'] }, () => (ocr ??= TesseractOcr.create()));
      marks[i] = evaluateMarks(sheet, cached, source);
      const t = addTallies(marks[i].map((p) => p.ticks));
      const g = addTallies(marks[i].map((p) => p.signatures));
      log(
        `  [marks ${i + 1}/${sheets.length}] ${sheet.fileStem}: ${source === 'read' ? `read in ${fmt(cached.readSeconds, 1)} s` : source === 'cache' ? 'cached' : 'cached (older reading code)'}, tick boxes ${t.correct}/${t.total}${t.looked ? '' : ' (not looked for)'}, signature places ${g.correct}/${g.total}${g.looked ? '' : ' (not looked for)'}`,
      );
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    await Promise.all(Array.from({ length: concurrency }, marksWorker));
  } finally {
    if (ocr) await (await ocr).close();
  }
  const seconds = (performance.now() - started) / 1000;
  await writeFile(join(CACHE_DIR, 'accuracy-last.json'), JSON.stringify(results, null, 1));
  await writeFile(join(CACHE_DIR, 'accuracy-marks-last.json'), JSON.stringify(marks.flat(), null, 1));

  const report = render(results, marks.flat(), { seconds, machine, count, marksPages, loadAtEnd: currentLoad() });
  console.log(report.terminal);
  if (seed !== undefined) console.log(`(another corpus, --seed ${seed}: ${BENCHMARKS_FILE} left unchanged)`);
  else if (values['no-write']) console.log(`(--no-write: ${BENCHMARKS_FILE} left unchanged)`);
  else {
    writeSection(BENCHMARKS_FILE, 'accuracy', report.markdown, SECTION_ORDER);
    console.log(`written: ${BENCHMARKS_FILE} (accuracy section); per-document outcomes: ${join(CACHE_DIR, 'accuracy-last.json')}`);
  }
}

/**
 * The reading of a scan: from the cache when the same scan was read by the same reading code,
 * else read now (and cached). With `reuse`, a reading of the same scan by other (older) reading
 * code is taken when there is no current one, and counted as such in the report.
 */
async function readCached(
  doc: Pick<CachedDocument, 'scanHash' | 'scannedPdf'>,
  readKey: string,
  mode: { refresh: boolean; reuse: boolean },
  engine: () => Promise<TesseractOcr>,
): Promise<{ cached: CachedRead; source: 'read' | 'cache' | 'older-code' }> {
  const dir = join(CACHE_DIR, 'reads', doc.scanHash);
  const file = join(dir, `${readKey}.json`);
  if (!mode.refresh) {
    try {
      return { cached: JSON.parse(await readFile(file, 'utf8')) as CachedRead, source: 'cache' };
    } catch {
      // not read by this code yet
    }
    if (mode.reuse) {
      const others = await readdir(dir).catch(() => [] as string[]);
      const newest = (
        await Promise.all(others.filter((f) => f.endsWith('.json')).map(async (f) => ({ f, at: (await stat(join(dir, f))).mtimeMs })))
      ).sort((a, b) => b.at - a.at)[0];
      if (newest) return { cached: JSON.parse(await readFile(join(dir, newest.f), 'utf8')) as CachedRead, source: 'older-code' };
    }
  }
  const ocr = await engine();
  const start = performance.now();
  const read = await readDocument(doc.scannedPdf, 'application/pdf', ocr, DEFAULT_LIMITS);
  const cached: CachedRead = { read, readSeconds: (performance.now() - start) / 1000 };
  await mkdir(dir, { recursive: true });
  await writeFile(`${file}.tmp-${process.pid}`, JSON.stringify(cached));
  await rename(`${file}.tmp-${process.pid}`, file);
  return { cached, source: 'read' };
}

/** Everything after reading, as the pipeline does it: lines, classification, extraction, checks, review. */
async function evaluate(doc: CachedDocument, cached: CachedRead, source: DocResult['source']): Promise<DocResult> {
  const lines = documentLines(cached.read);
  const classification = classify(lines);
  const { extracted, unreadable } = extractFields(classification.kind, lines, signaturePlaces(cached.read));
  const reasons = reviewReasons(extracted, [...documentChecks(extracted), ...sealChecks(extracted.kind, sealsOf(cached.read))], unreadable);
  const score = scoreFields(doc.truth as Record<string, unknown>, extracted.fields as Record<string, { value: unknown; confidence: number } | undefined>);
  const textLayer = await readDocument(doc.bornDigitalPdf, 'application/pdf', NO_OCR, DEFAULT_LIMITS);
  const textLines = documentLines(textLayer);
  const textLayerScore = scoreFields(
    doc.truth as Record<string, unknown>,
    extractFields(classify(textLines).kind, textLines).extracted.fields as Record<string, { value: unknown; confidence: number } | undefined>,
  );
  const truthText = await truthPageTexts(doc.bornDigitalPdf);
  const cer = cached.read.pages.map((p) => cerCount(pageText(p), truthText.get(p.pageNumber) ?? ''));
  return {
    fileStem: doc.fileStem,
    kind: doc.kind,
    quality: doc.quality,
    layout: doc.layout,
    classifiedAs: classification.kind,
    score,
    textLayerScore,
    cer,
    needsReview: reasons.length > 0,
    reasons,
    readSeconds: cached.readSeconds,
    source,
    regions: doc.fieldRegions ?? {},
    tickFields: (['conclusion', 'objectionFiled'] as const).filter((f) => (doc.printed?.[f] ?? []).some((s) => TICK_BOX.test(s))),
  };
}

/** A tick box as the generator prints it: drawn (☐☑☒) or a glyph (□■). */
const TICK_BOX = /[☐☑☒□■]/u;

/** Tick boxes, signature places and seals the reader found on each page of a marks sheet, against the truth. */
function evaluateMarks(sheet: CachedMarksSheet, cached: CachedRead, source: MarksPageResult['source']): MarksPageResult[] {
  return sheet.truth.pages.map((truth, i) => {
    const page: OcrPage | undefined = cached.read.pages.find((p) => p.pageNumber === i + 1);
    return {
      fileStem: sheet.fileStem,
      page: i + 1,
      quality: sheet.quality,
      ticks: scoreTickBoxes(truth, page),
      signatures: scoreSignatures(truth.signatures, page),
      seals: scoreSeals(truth.sealed, sheet.grayscale, page),
      source,
      readSeconds: cached.readSeconds / sheet.truth.pages.length,
    };
  });
}

interface Totals {
  docs: number;
  truth: number;
  extracted: number;
  right: number;
  wrong: number;
  confidentlyWrong: number;
  /** Wrong values in documents that would not go to review: nobody would look at them. */
  unflaggedWrong: number;
  missing: number;
  classified: number;
  review: number;
  cer: CerCount[];
}

function totals(results: DocResult[]): Totals {
  return {
    docs: results.length,
    truth: sum(results, (r) => r.score.truth),
    extracted: sum(results, (r) => r.score.extracted),
    right: sum(results, (r) => r.score.right),
    wrong: sum(results, (r) => r.score.wrong),
    confidentlyWrong: sum(results, (r) => r.score.confidentlyWrong),
    unflaggedWrong: sum(results, (r) => (r.needsReview ? 0 : r.score.wrong)),
    missing: sum(results, (r) => r.score.missing),
    classified: results.filter((r) => r.classifiedAs === r.kind).length,
    review: results.filter((r) => r.needsReview).length,
    cer: results.flatMap((r) => r.cer),
  };
}

const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
const precisionOf = (t: Totals) => (t.extracted ? t.right / t.extracted : Number.NaN);
const recallOf = (t: Totals) => (t.truth ? t.right / t.truth : Number.NaN);
const f1Of = (t: Totals) => {
  const p = precisionOf(t);
  const r = recallOf(t);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
};

function row(label: string, t: Totals): string[] {
  return [
    label,
    String(t.docs),
    fmt(precisionOf(t), 3),
    fmt(recallOf(t), 3),
    fmt(f1Of(t), 3),
    `${t.right}/${t.truth}`,
    String(t.wrong),
    String(t.confidentlyWrong),
    String(t.unflaggedWrong),
    String(t.missing),
    `${t.classified}/${t.docs}`,
    `${t.review}/${t.docs}`,
    pct(cerOf(t.cer)),
  ];
}

const HEADERS = ['kind / quality', 'docs', 'precision', 'recall', 'F1', 'right/truth', 'wrong', `confidently wrong (>= ${REVIEW_CONFIDENCE})`, 'wrong, not sent to review', 'missing', 'classified', 'to review', 'CER'];

/** `0.875 (7/8)`, or — when there is nothing to count or the reader did not look. */
function ratio(right: number, total: number, looked = true): string {
  return looked && total > 0 ? `${fmt(right / total, 3)} (${right}/${total})` : '—';
}

/** F1 of the field outcomes of the fields printed in `region`. */
function regionF1(results: DocResult[], region: FieldRegion): string {
  const outcomes = results.flatMap((r) => r.score.outcomes.filter((o) => r.regions[o.field]?.includes(region)));
  const truth = outcomes.filter((o) => o.outcome !== 'extra').length;
  const extracted = outcomes.filter((o) => o.outcome !== 'missing').length;
  const right = outcomes.filter((o) => o.outcome === 'right').length;
  if (!truth) return '—';
  const p = extracted ? right / extracted : 0;
  const r = right / truth;
  return `${fmt(p + r > 0 ? (2 * p * r) / (p + r) : 0, 3)} (${right}/${truth})`;
}

/** Per quality: tick boxes, signatures and seals on marks sheets; the same at field level and in hard regions of the corpus. */
function marksRows(results: DocResult[], marks: MarksPageResult[]): string[][] {
  return QUALITIES.map((q) => {
    const pages = marks.filter((m) => m.quality === q);
    const docs = results.filter((r) => r.quality === q);
    const ticks = addTallies(pages.map((p) => p.ticks));
    const sigs = addTallies(pages.map((p) => p.signatures));
    const seals = addSealTallies(pages.map((p) => p.seals));
    const factSheets = docs.filter((r) => r.kind === 'FACT_SHEET');
    const groups = factSheets.flatMap((r) => r.tickFields.map((f) => r.score.outcomes.find((o) => o.field === f)?.outcome === 'right'));
    const signed = factSheets.flatMap((r) => r.score.outcomes.filter((o) => o.field === 'signaturePresent' && o.outcome !== 'extra').map((o) => o.outcome === 'right'));
    return [
      q,
      String(pages.length),
      ratio(ticks.correct, ticks.total, ticks.looked > 0),
      ratio(groups.filter(Boolean).length, groups.length),
      ratio(sigs.correct, sigs.total, sigs.looked > 0),
      ratio(signed.filter(Boolean).length, signed.length),
      ratio(seals.right, seals.colour, seals.colour > seals.notLooked),
      String(seals.grayscale),
      regionF1(docs, 'sealed'),
      regionF1(docs, 'table'),
    ];
  });
}

const MARKS_HEADERS = [
  'quality',
  'marks pages',
  'tick boxes (marks sheets)',
  'tick groups (fact sheets)',
  'signature places (marks sheets)',
  'signaturePresent (fact sheets)',
  'seal found or not (colour pages)',
  'greyscale pages (not determinable)',
  'F1, fields under seals',
  'F1, fields in table cells',
];

function render(results: DocResult[], marks: MarksPageResult[], run: { seconds: number; machine: ReturnType<typeof machineInfo>; count: number; marksPages: number; loadAtEnd: number }) {
  const rows: string[][] = [];
  for (const kind of KINDS) {
    for (const quality of QUALITIES) {
      const subset = results.filter((r) => r.kind === kind && r.quality === quality);
      if (subset.length) rows.push(row(`${kind} / ${quality}`, totals(subset)));
    }
  }
  const byQuality = QUALITIES.map((q) => [q, totals(results.filter((r) => r.quality === q))] as const).filter(([, t]) => t.docs > 0);
  const byKind = KINDS.map((k) => [k, totals(results.filter((r) => r.kind === k))] as const).filter(([, t]) => t.docs > 0);
  const all = totals(results);
  const summaryRows = [...byKind.map(([k, t]) => row(k, t)), ...byQuality.map(([q, t]) => row(`all kinds / ${q}`, t)), row('**all**', all)];

  // targets
  const targetLines: string[] = [];
  for (const [quality, t] of byQuality) {
    const target = F1_TARGET[quality];
    if (target !== undefined) targetLines.push(`- F1 on ${quality} scans: **${fmt(f1Of(t), 3)}** (target >= ${target}): ${f1Of(t) >= target ? 'met' : 'MISSED'}.`);
  }
  const clean = byQuality.find(([q]) => q === 'clean')?.[1];
  if (clean) targetLines.push(`- Confidently wrong values on clean scans: **${clean.confidentlyWrong}** (target 0): ${clean.confidentlyWrong === 0 ? 'met' : 'MISSED'}.`);
  targetLines.push(`- Wrong values in documents that would not go to review (nobody would look at them): **${all.unflaggedWrong}** of ${all.wrong} wrong values.`);

  // error causes: per field, wrong and missing, with an example
  const byField = new Map<string, { kind: string; field: string; wrong: number; confident: number; missing: number; example?: FieldOutcome; qualities: Record<string, number> }>();
  for (const r of results) {
    for (const o of r.score.outcomes) {
      if (o.outcome === 'right') continue;
      const key = `${r.kind}.${o.field}`;
      const e = byField.get(key) ?? { kind: r.kind, field: o.field, wrong: 0, confident: 0, missing: 0, qualities: {} };
      if (o.outcome === 'missing') e.missing++;
      else {
        e.wrong++;
        if ((o.confidence ?? 0) >= REVIEW_CONFIDENCE) e.confident++;
        e.example ??= o;
      }
      e.qualities[r.quality] = (e.qualities[r.quality] ?? 0) + 1;
      byField.set(key, e);
    }
  }
  const short = (v: unknown) => {
    const s = v === undefined ? '—' : JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  };
  const errorRows = [...byField.values()]
    .sort((a, b) => b.wrong + b.missing - (a.wrong + a.missing))
    .slice(0, 20)
    .map((e) => [
      `${e.kind}.${e.field}`,
      String(e.wrong),
      String(e.confident),
      String(e.missing),
      QUALITIES.map((q) => `${q} ${e.qualities[q] ?? 0}`).join(', '),
      e.example ? `${short(e.example.truth)} → ${short(e.example.value)}` : '',
    ]);
  const f1OfScore = (scores: Score[]) => {
    const right = sum(scores, (x) => x.right);
    const extracted = sum(scores, (x) => x.extracted);
    const truth = sum(scores, (x) => x.truth);
    const p = extracted ? right / extracted : 0;
    const r = truth ? right / truth : 0;
    return p + r > 0 ? (2 * p * r) / (p + r) : 0;
  };
  const baselineRows = [...KINDS, 'all' as const].map((kind) => {
    const of = results.filter((r) => kind === 'all' || r.kind === kind);
    return [
      kind === 'all' ? '**all**' : kind,
      fmt(f1OfScore(of.map((r) => r.textLayerScore)), 3),
      ...QUALITIES.map((q) => fmt(f1OfScore(of.filter((r) => r.quality === q).map((r) => r.score)), 3)),
    ];
  });
  const misclassified = results.filter((r) => r.classifiedAs !== r.kind);
  const markRows = marksRows(results, marks);
  const marksTotals = {
    boxes: sum(marks, (m) => m.ticks.truthItems),
    signatures: sum(marks, (m) => m.signatures.truthItems),
    sealed: sum(marks, (m) => m.seals.sealed),
    fresh: marks.filter((m) => m.source === 'read').length,
  };
  const fresh = results.filter((r) => r.source === 'read');
  const older = results.filter((r) => r.source === 'older-code');
  const readSeconds = sum(results, (r) => r.readSeconds);
  const pages = sum(results, (r) => r.cer.length);

  const markdown = [
    '## Reading accuracy',
    '',
    `\`npm run bench:accuracy\`: ${results.length} generated documents (${KINDS.map((k) => `${results.filter((r) => r.kind === k).length} ${k}`).join(', ')}; ${new Set(results.map((r) => `${r.kind}|${r.layout}|${r.quality}`)).size === 27 ? 'every layout of each kind at each quality' : `${new Set(results.map((r) => `${r.kind}|${r.layout}|${r.quality}`)).size} of the 27 kind × layout × quality combinations`}: clean = 300 dpi PNG, typical and poor = 200 dpi JPEG with skew, noise, seals and blur as the generator simulates them), ${pages} scanned pages read through the pipeline's own path (\`readDocument\`: rasterize at 300 dpi, prepare, tesseract.js OCR), then \`documentLines\`, \`classify\`, \`extractFields\`, and the review rules, as \`processDocument\` does.`,
    '',
    `A field counts as right only when its normalized value equals the truth exactly (strings without white space; attendees, absentees, votes and recusals as sets). Precision = right / extracted, recall = right / fields in the truth; a value for a field the document does not print counts as extracted and wrong. "Confidently wrong" = wrong with confidence >= ${REVIEW_CONFIDENCE} (the review threshold). "Not sent to review" = wrong values in documents for which the review rules raised no reason. CER = character error rate of the OCR text against the printed text (see the OCR section).`,
    '',
    `Run: ${fmt(run.seconds / 60, 1)} minutes (${fresh.length} documents read now, ${results.length - fresh.length - older.length} from the OCR cache${older.length ? `, ${older.length} from the cache of an earlier version of the reading code (--reuse-reads)` : ''}); reading all ${pages} pages took ${fmt(readSeconds / 60, 1)} minutes of document time when they were read (two documents at a time). ${run.machine.cpuModel}, ${run.machine.cores} cores, Node ${run.machine.node}, ${run.machine.date}; 1-minute load average ${run.machine.loadAverage} at the start, ${run.loadAtEnd} at the end.`,
    '',
    '### Targets',
    '',
    ...targetLines,
    '',
    '### By kind and by quality',
    '',
    markdownTable(HEADERS, summaryRows, ['l', ...HEADERS.slice(1).map(() => 'r' as const)]),
    '',
    '### By kind and quality',
    '',
    markdownTable(HEADERS, rows, ['l', ...HEADERS.slice(1).map(() => 'r' as const)]),
    '',
    '### Extraction alone against reading and extraction',
    '',
    'F1 of the same extraction on the born-digital text layer of each document (exact text, no OCR) beside the F1 on its scans: the first column is what extraction gets right from perfect text, the gap to the others is what OCR costs.',
    '',
    markdownTable(['kind', 'text layer (no OCR)', 'clean scans', 'typical scans', 'poor scans'], baselineRows, ['l', 'r', 'r', 'r', 'r']),
    '',
    '### Tick boxes, signatures and seals',
    '',
    `Marks sheets: ${marks.length} one-page forms (\`generateMarksSheet\`, ${run.marksPages} per quality, \`--marks-pages\`) dense in tick groups (2–4 options; ■/□ glyphs, drawn boxes ticked with √, × or filled; in ruled tables and in plain lines; one or no option ticked) and signature places (\`XXX（签字）：\` with a handwritten name, a blank slot with or without a line, or a handwritten 拒签; on about half the pages also a vote table of 3–5 members, each with a tick group and a cell of a 签字 column, the names beside the votes), some with a red seal stamped over lines: ${marksTotals.boxes} tick boxes, ${marksTotals.signatures} signature places, ${marksTotals.sealed} sealed pages; ${marksTotals.fresh} pages read now, the others from the OCR cache. Read through \`readDocument\` like the corpus.`,
    '',
    '- Tick boxes: the detected boxes (`page.selections`) are grouped into rows by vertical overlap (after taking out residual skew) and ordered left to right; rows are aligned in order, top to bottom, with the truth rows (an alignment that lets one missed or spurious row not shift the rows below it); a box is right when its row and position match and `selected` equals the truth. Accuracy = right / max(boxes in the truth, boxes detected): missing and extra boxes are errors.',
    "- Signature places: the detected places (`page.signatures`) top to bottom, aligned in order with the truth; right when `signed` equals truth = signed (blank and refused places are not signed); accuracy = right / max(places in the truth, places detected).",
    '- Seals: a colour page is right when the reader found a seal (`page.seals` non-empty) on a sealed page or none on an unsealed one; `seals` undefined on a colour page counts as wrong. Greyscale pages cannot show a seal by its colour: counted apart.',
    '- Tick groups (fact sheets): corpus fact sheets whose conclusion or objection (异议情况) was printed as a tick group; share of those fields extracted exactly. signaturePresent (fact sheets): share of corpus fact sheets whose `signaturePresent` was extracted exactly (missing counts as wrong).',
    "- F1 under seals / in table cells: the usual field scoring restricted to the fields one of whose printed forms was drawn under a seal's disc / inside a table cell (the generator's `fieldRegions`).",
    '- —: nothing to count, or the reader did not look (the field is absent on every page).',
    '',
    markdownTable(MARKS_HEADERS, markRows, ['l', ...MARKS_HEADERS.slice(1).map(() => 'r' as const)]),
    '',
    '### Most frequent errors',
    '',
    misclassified.length ? `Misclassified: ${misclassified.map((r) => `${r.fileStem} → ${r.classifiedAs}`).join(', ')}.\n` : 'Every document was classified as its kind.\n',
    markdownTable(['field', 'wrong', 'confidently wrong', 'missing', 'by quality (wrong + missing)', 'example (truth → read)'], errorRows, ['l', 'r', 'r', 'r', 'l', 'l']),
  ].join('\n');

  const terminal = [
    '',
    textTable(HEADERS.map((h) => h.replace(/ \(.*\)/, '')), summaryRows.map((r) => r.map((c) => c.replace(/\*\*/g, '')))),
    '',
    textTable(HEADERS.map((h) => h.replace(/ \(.*\)/, '')), rows),
    '',
    textTable(['kind', 'F1 text layer (no OCR)', 'clean scans', 'typical scans', 'poor scans'], baselineRows.map((r) => r.map((c) => c.replace(/\*\*/g, '')))),
    '',
    textTable(MARKS_HEADERS, markRows),
    '',
    ...targetLines.map((l) => l.replace(/\*\*/g, '')),
    '',
    `accuracy took ${fmt(run.seconds / 60, 1)} min (${fresh.length} read now, ${results.length - fresh.length - older.length} from cache${older.length ? `, ${older.length} read by older reading code` : ''})`,
  ].join('\n');
  return { markdown, terminal };
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
