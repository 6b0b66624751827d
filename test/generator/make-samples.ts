/**
 * Writes the committed sample documents into samples/ (or the folder given with --out):
 * scanned images (JPEG, PNG), a multi-page scanned PDF, a born-digital PDF, and for each
 * document samples/truth/<name>.json with its ground truth. Output is deterministic.
 *
 *   npm run samples [-- --out <dir>]
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfPageCount } from '../../shared/pdf/rasterize.js';
import { type DocumentSpec, type GeneratedKind, generateBornDigital, generateDocument, generateTruth, type TruthByKind } from './index.js';

type Output = 'images' | 'scanned-pdf' | 'born-digital-pdf';

interface Sample<K extends GeneratedKind = GeneratedKind> {
  spec: Omit<DocumentSpec<K>, 'seed'>;
  /** What the sample should show; the first seed from 1 up whose truth satisfies it is used. */
  want: (truth: TruthByKind[K]) => boolean;
  output: Output;
  note: string;
}

function sample<K extends GeneratedKind>(s: Sample<K>): Sample {
  return s as unknown as Sample;
}

const SAMPLES: Sample[] = [
  sample({
    spec: { kind: 'MEETING_MINUTES', layout: 'label-lines', quality: 'typical', dpi: 200 },
    want: (t) =>
      t.meetingType === 'REVIEW_COMMITTEE' &&
      !!t.recusals &&
      !!t.absentees &&
      t.votes!.filter((v) => v.vote === '反对' && v.legalBasis).length === 1 &&
      t.votes!.filter((v) => v.vote === '同意').length >= 3,
    output: 'scanned-pdf',
    note: '项目评审会会议纪要（扫描PDF）：一人反对（附理由与依据）、一人回避、有人请假',
  }),
  sample({
    spec: { kind: 'MEETING_MINUTES', layout: 'narrative' },
    want: (t) => t.meetingType === 'COLLECTIVE_DECISION' && t.votes!.some((v) => v.vote !== '同意'),
    output: 'born-digital-pdf',
    note: '代偿事项集体决策会议纪要（叙述式，原生PDF带文字层）',
  }),
  sample({
    spec: { kind: 'FACT_SHEET', layout: 'form-table', quality: 'typical', dpi: 200, imageFormat: 'png' },
    want: (t) => t.conclusion === '不尽职' && !!t.refused && !!t.objectionFiled,
    output: 'images',
    note: '事实认定材料（表格式，PNG）：不尽职，当事人拒绝签字并提出异议',
  }),
  sample({
    spec: { kind: 'FACT_SHEET', layout: 'narrative', quality: 'typical', dpi: 200, imageFormat: 'jpeg' },
    want: (t) => !!t.institutionName?.startsWith('宁夏') && t.conclusion === '基本尽职',
    output: 'images',
    note: '事实认证材料（宁夏，叙述式，JPEG）：基本尽职',
  }),
  sample({
    spec: { kind: 'AUDIT_REPORT', layout: 'sections-table', quality: 'typical', dpi: 200 },
    want: (t) => t.auditKind === '年度财务审计',
    output: 'scanned-pdf',
    note: '审计报告（多页扫描PDF）：年度财务审计，含主要经营指标表',
  }),
];

/**
 * The first seed whose document shows what the sample wants; image samples must fit on one
 * page, so that each image file is one whole document.
 */
async function findSeed(s: Sample): Promise<number> {
  for (let seed = 1; seed <= 2000; seed++) {
    if (!s.want(generateTruth({ ...s.spec, seed }).truth)) continue;
    if (s.output === 'images' && (await pdfPageCount((await generateBornDigital({ ...s.spec, seed })).bornDigitalPdf)) !== 1) continue;
    return seed;
  }
  throw new Error(`no seed gives the sample: ${s.note}`);
}

const OWN_FILE = /^(minutes|factsheet|audit)-/;

function outDir(): string {
  const i = process.argv.indexOf('--out');
  if (i !== -1 && process.argv[i + 1]) return resolve(process.argv[i + 1]);
  return fileURLToPath(new URL('../../samples/', import.meta.url));
}

/** Removes files an earlier run wrote, so renamed samples leave nothing stale behind. */
function clean(dir: string): void {
  for (const d of [dir, join(dir, 'truth')]) {
    for (const name of readdirSync(d)) if (OWN_FILE.test(name)) rmSync(join(d, name));
  }
}

async function main(): Promise<void> {
  const dir = outDir();
  mkdirSync(join(dir, 'truth'), { recursive: true });
  clean(dir);
  let total = 0;
  for (const sample of SAMPLES) {
    const spec = { ...sample.spec, seed: await findSeed(sample) } as DocumentSpec;
    let files: { name: string; bytes: Uint8Array }[];
    let stem: string;
    let meta: Record<string, unknown>;
    let truth: unknown;
    let printed: unknown;
    if (sample.output === 'born-digital-pdf') {
      const doc = await generateBornDigital(spec);
      stem = doc.fileStem;
      files = [{ name: `${stem}.pdf`, bytes: doc.bornDigitalPdf }];
      meta = { kind: doc.kind, layout: doc.layout, seed: doc.seed, format: 'born-digital-pdf' };
      truth = doc.truth;
      printed = doc.printed;
    } else {
      const doc = await generateDocument(spec);
      stem = doc.fileStem;
      if (sample.output === 'scanned-pdf') {
        files = [{ name: `${stem}.pdf`, bytes: doc.scannedPdf }];
      } else {
        const ext = doc.imageFormat === 'png' ? 'png' : 'jpg';
        files = [{ name: `${stem}.${ext}`, bytes: doc.pages[0].image }];
      }
      meta = {
        kind: doc.kind,
        layout: doc.layout,
        seed: doc.seed,
        quality: doc.quality,
        dpi: doc.dpi,
        format: sample.output === 'scanned-pdf' ? 'scanned-pdf' : doc.imageFormat,
        pages: doc.pages.length,
      };
      truth = doc.truth;
      printed = doc.printed;
    }
    for (const f of files) {
      writeFileSync(join(dir, f.name), f.bytes);
      total += f.bytes.length;
    }
    const record = { files: files.map((f) => f.name), ...meta, note: sample.note, truth, printed };
    writeFileSync(join(dir, 'truth', `${stem}.json`), `${JSON.stringify(record, null, 2)}\n`);
    console.log(`${files.map((f) => f.name).join(', ')}  (${(files.reduce((s, f) => s + f.bytes.length, 0) / 1024).toFixed(0)} KiB)`);
  }
  console.log(`total ${(total / 1024 / 1024).toFixed(2)} MiB in ${dir}`);
}

await main();
