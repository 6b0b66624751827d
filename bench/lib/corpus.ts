/**
 * Generated documents for the benchmarks, kept on disk between runs: generating a scan takes
 * seconds, and the same specs are used by several benchmarks. An entry is keyed by its spec and
 * a fingerprint of the generator's code, so a changed generator makes new documents.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AnyTruth,
  corpusSpecs,
  type DocumentSpec,
  type FieldRegion,
  type GeneratedKind,
  generateDocument,
  generateMarksSheet,
  type MarksSheetSpec,
  type MarksSheetTruth,
  type Quality,
} from '../../test/generator/index.js';
import { deriveSeed } from '../../test/generator/prng.js';
import { CACHE_DIR } from './paths.js';
import { sourceFingerprint } from './sources.js';

export interface CachedDocument {
  spec: DocumentSpec;
  kind: GeneratedKind;
  layout: string;
  quality: Quality;
  fileStem: string;
  truth: AnyTruth;
  /** Printed forms of the truth values, per field. */
  printed: Record<string, string[]>;
  /** Per truth field: printed in a table cell and/or under a seal. */
  fieldRegions: Record<string, FieldRegion[]>;
  /** Scanned in greyscale. */
  grayscale: boolean;
  scannedPdf: Uint8Array;
  bornDigitalPdf: Uint8Array;
  /** sha256 of the scanned PDF. */
  scanHash: string;
}

type Meta = Omit<CachedDocument, 'scannedPdf' | 'bornDigitalPdf'>;

/** A marks sheet (tick boxes, signature places, seals) as cached for the benchmarks. */
export interface CachedMarksSheet {
  spec: MarksSheetSpec;
  quality: Quality;
  fileStem: string;
  truth: MarksSheetTruth;
  grayscale: boolean;
  scannedPdf: Uint8Array;
  /** sha256 of the scanned PDF. */
  scanHash: string;
}

type MarksMeta = Omit<CachedMarksSheet, 'scannedPdf'>;

/** The seed every benchmark corpus derives from. */
export const CORPUS_SEED = 20240305;

let generatorFingerprint: Promise<string> | undefined;

function generatorKey(): Promise<string> {
  generatorFingerprint ??= sourceFingerprint(['test/generator/index.ts'], ['pdf-lib', '@napi-rs/canvas', 'pdfjs-dist', 'fontkit', '@expo-google-fonts/noto-sans-sc', '@expo-google-fonts/noto-serif-sc']);
  return generatorFingerprint;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The document of `spec`, from the cache or generated (and cached). */
export async function cachedDocument(spec: DocumentSpec): Promise<{ doc: CachedDocument; generated: boolean }> {
  const key = createHash('sha256').update(JSON.stringify(spec)).update(await generatorKey()).digest('hex').slice(0, 24);
  const dir = join(CACHE_DIR, 'documents', key);
  try {
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as Meta;
    const [scannedPdf, bornDigitalPdf] = await Promise.all([readFile(join(dir, 'scan.pdf')), readFile(join(dir, 'born-digital.pdf'))]);
    if (sha256(scannedPdf) === meta.scanHash && meta.fieldRegions) {
      return { doc: { ...meta, scannedPdf: new Uint8Array(scannedPdf), bornDigitalPdf: new Uint8Array(bornDigitalPdf) }, generated: false };
    }
  } catch {
    // not cached yet
  }
  const generated = await generateDocument(spec);
  const meta: Meta = {
    spec,
    kind: generated.kind,
    layout: generated.layout,
    quality: generated.quality,
    fileStem: generated.fileStem,
    truth: generated.truth,
    printed: generated.printed,
    fieldRegions: generated.fieldRegions,
    grayscale: generated.grayscale,
    scanHash: sha256(generated.scannedPdf),
  };
  await writeEntry(dir, meta, { 'scan.pdf': generated.scannedPdf, 'born-digital.pdf': generated.bornDigitalPdf });
  return { doc: { ...meta, scannedPdf: generated.scannedPdf, bornDigitalPdf: generated.bornDigitalPdf }, generated: true };
}

/** Writes a cache entry under a temporary name first: an interrupted run never leaves half an entry. */
async function writeEntry(dir: string, meta: object, files: Record<string, Uint8Array>): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  await mkdir(tmp, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(tmp, name), bytes);
  await writeFile(join(tmp, 'meta.json'), JSON.stringify(meta, null, 1));
  await rename(tmp, dir).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err; // another run cached it meanwhile
  });
}

/** The marks sheet of `spec`, from the cache or generated (and cached). */
export async function cachedMarksSheet(spec: MarksSheetSpec): Promise<{ sheet: CachedMarksSheet; generated: boolean }> {
  const key = createHash('sha256').update('marks-sheet').update(JSON.stringify(spec)).update(await generatorKey()).digest('hex').slice(0, 24);
  const dir = join(CACHE_DIR, 'documents', key);
  try {
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as MarksMeta;
    const scannedPdf = await readFile(join(dir, 'scan.pdf'));
    if (sha256(scannedPdf) === meta.scanHash) return { sheet: { ...meta, scannedPdf: new Uint8Array(scannedPdf) }, generated: false };
  } catch {
    // not cached yet
  }
  const generated = await generateMarksSheet(spec);
  const meta: MarksMeta = {
    spec,
    quality: generated.quality,
    fileStem: generated.fileStem,
    truth: generated.truth,
    grayscale: generated.grayscale,
    scanHash: sha256(generated.scannedPdf),
  };
  await writeEntry(dir, meta, { 'scan.pdf': generated.scannedPdf, 'born-digital.pdf': generated.bornDigitalPdf });
  return { sheet: { ...meta, scannedPdf: generated.scannedPdf }, generated: true };
}

/**
 * Marks sheets for the benchmark: `perQuality` one-page sheets at each quality, each with its
 * own seed (so greyscale and colour scans mix as they do in the corpus).
 */
export function marksSpecs(perQuality: number, qualities: readonly Quality[] = ['clean', 'typical', 'poor']): MarksSheetSpec[] {
  return qualities.flatMap((quality) =>
    Array.from({ length: perQuality }, (_, i) => ({ seed: deriveSeed(CORPUS_SEED, `marks:${quality}:${i}`) % 1_000_000_000, quality, pages: 1 })),
  );
}

/** Loads (or generates) marks sheets, reporting progress. */
export async function loadMarksSheets(specs: readonly MarksSheetSpec[], log: (msg: string) => void = () => {}): Promise<CachedMarksSheet[]> {
  const sheets: CachedMarksSheet[] = [];
  for (const spec of specs) {
    const { sheet, generated } = await cachedMarksSheet(spec);
    sheets.push(sheet);
    if (generated) log(`  generated ${sheet.fileStem} (${sheets.length}/${specs.length})`);
  }
  return sheets;
}

/** The benchmark corpus: `count` documents cycling through kinds, layouts and qualities. */
export function benchSpecs(count: number, options: { qualities?: readonly Quality[]; seed?: number } = {}): DocumentSpec[] {
  return corpusSpecs({ count, seed: options.seed ?? CORPUS_SEED, qualities: options.qualities });
}

/** Loads (or generates) documents, reporting progress for the slow first run. */
export async function loadDocuments(specs: readonly DocumentSpec[], log: (msg: string) => void = () => {}): Promise<CachedDocument[]> {
  const docs: CachedDocument[] = [];
  let made = 0;
  const start = performance.now();
  for (const spec of specs) {
    const { doc, generated } = await cachedDocument(spec);
    docs.push(doc);
    if (generated) {
      made++;
      log(`  generated ${doc.fileStem} (${docs.length}/${specs.length}, ${((performance.now() - start) / 1000).toFixed(0)} s)`);
    }
  }
  if (made === 0 && specs.length > 0) log(`  ${specs.length} documents from the cache`);
  return docs;
}
