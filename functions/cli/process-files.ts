import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import type { DocumentRecord } from '../../shared/domain/records.js';
import { keySegment } from '../../shared/intake/names.js';
import { processDocument, type PipelineDeps } from '../../shared/pipeline/process-document.js';

const SCAN_EXTENSIONS = new Set(['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff']);

/** Files named on the command line, folders expanded (recursively) to the scans they hold. */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p);
    if (info.isDirectory()) {
      const entries = await readdir(p, { withFileTypes: true, recursive: true });
      for (const e of entries) {
        if (e.isFile() && SCAN_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(join(e.parentPath, e.name));
      }
    } else out.push(p);
  }
  return [...new Set(out.map((f) => resolve(f)))].sort();
}

/** A key that is safe in any object store: each path segment escaped and bounded (no traversal, no control characters). */
export function uploadKey(institutionId: string, file: string, base: string): string {
  const rel = relative(base, file) || basename(file);
  const segments = rel.split(/[\\/]+/).filter((part) => part !== '' && part !== '.' && part !== '..');
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  return `uploads/${institutionId}/${segments.map((part) => keySegment(part, hash)).join('/') || 'unnamed'}`;
}

export interface FileOutcome {
  file: string;
  record?: DocumentRecord;
  /** Set only when the pipeline itself failed for this file (not when the file was rejected). */
  error?: string;
}

/**
 * Uploads each file into the local ingest store and runs the pipeline on it, a few at a
 * time. One file's failure never stops the batch.
 */
export async function processFiles(
  deps: PipelineDeps,
  files: string[],
  options: { institutionId: string; base: string; concurrency: number; onDone?: (outcome: FileOutcome, done: number) => void },
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      let outcome: FileOutcome;
      try {
        const key = uploadKey(options.institutionId, file, options.base);
        await deps.uploads.put(key, new Uint8Array(await readFile(file)));
        const record = await processDocument(deps, { institutionId: options.institutionId, objectKey: key, fileName: basename(file) });
        outcome = { file, record };
      } catch (err) {
        outcome = { file, error: err instanceof Error ? err.message : String(err) };
      }
      outcomes[index] = outcome;
      options.onDone?.(outcome, ++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return outcomes;
}
