/**
 * Generated documents for the benchmarks, kept on disk between runs: generating a scan takes
 * seconds, and the same specs are used by several benchmarks. An entry is keyed by its spec and
 * a fingerprint of the generator's code, so a changed generator makes new documents.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { corpusSpecs, generateDocument, type AnyTruth, type DocumentSpec, type GeneratedKind, type Quality } from '../../test/generator/index.js';
import { CACHE_DIR } from './paths.js';
import { sourceFingerprint } from './sources.js';

export interface CachedDocument {
  spec: DocumentSpec;
  kind: GeneratedKind;
  layout: string;
  quality: Quality;
  fileStem: string;
  truth: AnyTruth;
  scannedPdf: Uint8Array;
  bornDigitalPdf: Uint8Array;
  /** sha256 of the scanned PDF. */
  scanHash: string;
}

interface Meta {
  spec: DocumentSpec;
  kind: GeneratedKind;
  layout: string;
  quality: Quality;
  fileStem: string;
  truth: AnyTruth;
  scanHash: string;
}

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
    if (sha256(scannedPdf) === meta.scanHash) {
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
    scanHash: sha256(generated.scannedPdf),
  };
  // written under a temporary name first: an interrupted run never leaves half an entry
  const tmp = `${dir}.tmp-${process.pid}`;
  await mkdir(tmp, { recursive: true });
  await writeFile(join(tmp, 'scan.pdf'), generated.scannedPdf);
  await writeFile(join(tmp, 'born-digital.pdf'), generated.bornDigitalPdf);
  await writeFile(join(tmp, 'meta.json'), JSON.stringify(meta, null, 1));
  await rename(tmp, dir).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err; // another run cached it meanwhile
  });
  return { doc: { ...meta, scannedPdf: generated.scannedPdf, bornDigitalPdf: generated.bornDigitalPdf }, generated: true };
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
