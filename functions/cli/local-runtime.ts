/**
 * The embedded default: every port backed by something that runs on this machine with no
 * cloud and nothing installed by hand. DynamoDB Local (started and stopped here), folders as
 * object stores, tesseract.js with the Chinese data from npm, and a local test signing key.
 */
import { join, resolve } from 'node:path';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../shared/adapters/dynamodb-local.js';
import { DynamoRecordStore, ensureTable } from '../../shared/adapters/dynamodb-record-store.js';
import { FsObjectStore } from '../../shared/adapters/fs-object-store.js';
import { LocalSigner } from '../../shared/adapters/local-signer.js';
import { TesseractOcr } from '../../shared/adapters/tesseract-ocr.js';
import { systemClock, type Clock, type OcrEngine } from '../../shared/ports.js';
import type { PipelineConfig, PipelineDeps } from '../../shared/pipeline/process-document.js';

export const TABLE_NAME = 'guarantee-records';

/** Stands in for OCR in runtimes started only to verify or list; reading a scan with it fails loudly. */
const NO_OCR: OcrEngine = {
  name: 'none',
  recognize: () => Promise.reject(new Error('this runtime was started without OCR')),
  close: async () => {},
};

export interface LocalRuntime {
  deps: PipelineDeps;
  dataDir: string;
  dynamo: DynamoDbLocal;
  close(): Promise<void>;
}

export interface LocalRuntimeOptions {
  /** Folder for the local data: DynamoDB files, uploads, archive, signing key. @default `.data` */
  dataDir?: string;
  /** Keep DynamoDB in memory (tests). @default false */
  inMemory?: boolean;
  ocrWorkers?: number;
  /** Start the OCR workers (not needed to verify or list). @default true */
  ocr?: boolean;
  clock?: Clock;
  config?: Partial<PipelineConfig>;
}

export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const dataDir = resolve(options.dataDir ?? '.data');
  const [dynamo, ocr, signer] = await Promise.all([
    startDynamoDbLocal({ dataDir: options.inMemory ? undefined : join(dataDir, 'dynamodb') }),
    options.ocr === false ? undefined : TesseractOcr.create({ workers: options.ocrWorkers }),
    LocalSigner.loadOrCreate(join(dataDir, 'signing')),
  ]);
  await ensureTable(dynamo.client, TABLE_NAME);
  const deps: PipelineDeps = {
    uploads: new FsObjectStore(join(dataDir, 'objects', 'ingest')),
    archive: new FsObjectStore(join(dataDir, 'objects', 'archive')),
    records: new DynamoRecordStore(dynamo.client, TABLE_NAME),
    ocr: ocr ?? NO_OCR,
    signer,
    clock: options.clock ?? systemClock,
    config: { actor: 'local-cli', ...options.config },
  };
  return {
    deps,
    dataDir,
    dynamo,
    async close() {
      await Promise.all([ocr?.close(), dynamo.stop()]);
    },
  };
}
