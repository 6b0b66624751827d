/**
 * Generator of realistic Chinese guarantee-institution paperwork with ground truth:
 * 会议纪要 (meeting minutes), 事实认定材料 (fact sheets) and 审计报告 (audit reports), as
 * born-digital PDFs and as simulated scans; and marks sheets (forms dense in tick boxes and
 * signature places, see marks-sheet.ts). Everything is reproducible from the seed.
 */
import type { PageImage } from '../../shared/domain/text.js';
import { AUDIT_LAYOUTS, type AuditLayout, buildAuditReport } from './models/audit.js';
import type { DocumentModel } from './models/common.js';
import { buildFactSheet, FACT_SHEET_LAYOUTS, type FactSheetLayout } from './models/factsheet.js';
import { buildMinutes, MINUTES_LAYOUTS, type MinutesLayout } from './models/minutes.js';
import { createRng, deriveSeed } from './prng.js';
import { type FieldRegion, fieldRegions } from './regions.js';
import { renderDocumentDetailed, type StampedSeal } from './render.js';
import { type ImageFormat, type Quality, scanPdf } from './scan.js';
import type { GeneratedKind, TruthByKind } from './truth.js';

export type { GeneratedKind, TruthByKind, MeetingMinutesTruth, FactSheetTruth, AuditReportTruth, AnyTruth } from './truth.js';
export { truthSchema, truthAsFields } from './truth.js';
export type { Quality, ImageFormat } from './scan.js';
export type { FieldRegion } from './regions.js';
export type { PrintedBox, StampedSeal, TextRun } from './render.js';
export {
  generateMarksSheet,
  type MarksSheet,
  type MarksSheetPageTruth,
  type MarksSheetSpec,
  type MarksSheetTruth,
  type SignatureState,
} from './marks-sheet.js';

export const LAYOUTS = {
  MEETING_MINUTES: MINUTES_LAYOUTS,
  FACT_SHEET: FACT_SHEET_LAYOUTS,
  AUDIT_REPORT: AUDIT_LAYOUTS,
} as const;

export interface LayoutByKind {
  MEETING_MINUTES: MinutesLayout;
  FACT_SHEET: FactSheetLayout;
  AUDIT_REPORT: AuditLayout;
}

export const KINDS: readonly GeneratedKind[] = ['MEETING_MINUTES', 'FACT_SHEET', 'AUDIT_REPORT'];
export const QUALITIES: readonly Quality[] = ['clean', 'typical', 'poor'];

export interface DocumentSpec<K extends GeneratedKind = GeneratedKind> {
  kind: K;
  /** Any integer; the same spec always gives the same document. */
  seed: number;
  /** @default drawn from the seed */
  layout?: LayoutByKind[K];
  /** @default 'typical' */
  quality?: Quality;
  /** Scan resolution. @default 300 for clean, 200 otherwise */
  dpi?: number;
  /** Encoding of `pages`. @default 'png' for clean, 'jpeg' otherwise */
  imageFormat?: ImageFormat;
}

export interface BornDigitalDocument<K extends GeneratedKind = GeneratedKind> {
  kind: K;
  seed: number;
  layout: LayoutByKind[K];
  /** Normalized values of every field the document prints (see truth.ts). */
  truth: TruthByKind[K];
  /** The exact printed forms of the truth values, per field. */
  printed: Record<string, string[]>;
  /** The document as an office application would export it, with a text layer. */
  bornDigitalPdf: Uint8Array;
  /** Base for file names: `minutes-form-table-s42-typical`. */
  fileStem: string;
  /**
   * For each truth field: whether one of its printed forms was drawn inside a table cell
   * (`table`) and/or under a seal (`sealed`); an empty list for neither (or not printed).
   */
  fieldRegions: Record<string, FieldRegion[]>;
  /** Seals stamped on the document: page (0-based), centre and radius in PDF points from the top-left. */
  seals: StampedSeal[];
}

export interface GeneratedDocument<K extends GeneratedKind = GeneratedKind> extends BornDigitalDocument<K> {
  quality: Quality;
  dpi: number;
  imageFormat: ImageFormat;
  /** Scanned pages, encoded as `imageFormat`. */
  pages: PageImage[];
  /** The scanned pages as JPEG images in an A4 PDF (no text layer). */
  scannedPdf: Uint8Array;
  /** Scanned in greyscale: the seals are not red. */
  grayscale: boolean;
}

const SHORT_KIND: Record<GeneratedKind, string> = {
  MEETING_MINUTES: 'minutes',
  FACT_SHEET: 'factsheet',
  AUDIT_REPORT: 'audit',
};

function buildModel<K extends GeneratedKind>(kind: K, seed: number, layout?: LayoutByKind[K]): DocumentModel<K> {
  const rng = createRng(seed).fork(`model:${kind}`);
  switch (kind) {
    case 'MEETING_MINUTES':
      return buildMinutes(rng, layout as MinutesLayout | undefined) as unknown as DocumentModel<K>;
    case 'FACT_SHEET':
      return buildFactSheet(rng, layout as FactSheetLayout | undefined) as unknown as DocumentModel<K>;
    case 'AUDIT_REPORT':
      return buildAuditReport(rng, layout as AuditLayout | undefined) as unknown as DocumentModel<K>;
    default:
      throw new RangeError(`unknown document kind: ${String(kind)}`);
  }
}

function checkSpec(spec: DocumentSpec): void {
  if (!KINDS.includes(spec.kind)) throw new RangeError(`unknown document kind: ${spec.kind}`);
  if (!Number.isSafeInteger(spec.seed)) throw new RangeError(`seed must be an integer: ${spec.seed}`);
  if (spec.layout !== undefined && !(LAYOUTS[spec.kind] as readonly string[]).includes(spec.layout)) {
    throw new RangeError(`unknown layout for ${spec.kind}: ${spec.layout}`);
  }
  if (spec.quality !== undefined && !QUALITIES.includes(spec.quality)) throw new RangeError(`unknown quality: ${spec.quality}`);
}

/** The ground truth and printed forms only, without rendering anything (milliseconds). */
export function generateTruth<K extends GeneratedKind>(
  spec: Omit<DocumentSpec<K>, 'quality' | 'dpi' | 'imageFormat'>,
): Pick<BornDigitalDocument<K>, 'kind' | 'seed' | 'layout' | 'truth' | 'printed'> {
  checkSpec(spec);
  const model = buildModel(spec.kind, spec.seed, spec.layout);
  return { kind: spec.kind, seed: spec.seed, layout: model.layout as LayoutByKind[K], truth: model.truth, printed: model.printed };
}

/** The born-digital document only: no rasterizing (fast; for text-layer tests). */
export async function generateBornDigital<K extends GeneratedKind>(spec: Omit<DocumentSpec<K>, 'quality' | 'dpi' | 'imageFormat'>): Promise<BornDigitalDocument<K>> {
  checkSpec(spec);
  const model = buildModel(spec.kind, spec.seed, spec.layout);
  const rendered = await renderDocumentDetailed(model.blocks, model.style, createRng(spec.seed).fork('render'));
  return {
    kind: spec.kind,
    seed: spec.seed,
    layout: model.layout as LayoutByKind[K],
    truth: model.truth,
    printed: model.printed,
    bornDigitalPdf: rendered.pdf,
    fileStem: `${SHORT_KIND[spec.kind]}-${model.layout}-s${spec.seed}`,
    fieldRegions: fieldRegions(model.truth, model.printed, rendered.runs),
    seals: rendered.seals,
  };
}

/** A document with its ground truth, born-digital PDF and simulated scan. */
export async function generateDocument<K extends GeneratedKind>(spec: DocumentSpec<K>): Promise<GeneratedDocument<K>> {
  checkSpec(spec);
  const quality = spec.quality ?? 'typical';
  const dpi = spec.dpi ?? (quality === 'clean' ? 300 : 200);
  const imageFormat = spec.imageFormat ?? (quality === 'clean' ? 'png' : 'jpeg');
  const born = await generateBornDigital(spec);
  const model = buildModel(spec.kind, spec.seed, spec.layout);
  const scan = await scanPdf(born.bornDigitalPdf, createRng(spec.seed).fork(`scan:${quality}`), {
    quality,
    dpi,
    format: imageFormat,
    date: model.style.date,
    title: model.style.title,
  });
  return {
    ...born,
    fileStem: `${born.fileStem}-${quality}`,
    quality,
    dpi,
    imageFormat,
    pages: scan.pages,
    scannedPdf: scan.pdf,
    grayscale: scan.grayscale,
  };
}

export interface CorpusOptions {
  count: number;
  seed: number;
  /** Qualities to cycle through. @default ['clean', 'typical', 'poor'] */
  qualities?: readonly Quality[];
  /** Kinds to cycle through. @default all three */
  kinds?: readonly GeneratedKind[];
  dpi?: number;
  imageFormat?: ImageFormat;
}

/**
 * Specs of a balanced corpus: kinds, layouts and qualities cycle so every combination appears
 * as evenly as `count` allows; each document gets its own seed derived from `seed`.
 */
export function corpusSpecs(options: CorpusOptions): DocumentSpec[] {
  const kinds = options.kinds ?? KINDS;
  const qualities = options.qualities ?? QUALITIES;
  if (!Number.isInteger(options.count) || options.count < 0) throw new RangeError(`bad count: ${options.count}`);
  if (!kinds.length || !qualities.length) throw new RangeError('kinds and qualities must not be empty');
  const specs: DocumentSpec[] = [];
  for (let i = 0; i < options.count; i++) {
    const kind = kinds[i % kinds.length];
    const round = Math.floor(i / kinds.length);
    const layouts = LAYOUTS[kind];
    specs.push({
      kind,
      seed: deriveSeed(options.seed, `doc:${i}`) % 1_000_000_000,
      layout: layouts[round % layouts.length],
      quality: qualities[(round + Math.floor(round / layouts.length)) % qualities.length],
      dpi: options.dpi,
      imageFormat: options.imageFormat,
    });
  }
  return specs;
}

/** Generates a corpus one document at a time (see `corpusSpecs`). */
export async function generateCorpus(options: CorpusOptions): Promise<GeneratedDocument[]> {
  const docs: GeneratedDocument[] = [];
  for (const spec of corpusSpecs(options)) docs.push(await generateDocument(spec));
  return docs;
}
