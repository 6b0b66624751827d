/** Folders of the benchmarks, resolved from this file (the project may live anywhere). */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECT_ROOT = resolve(BENCH_DIR, '..');
/** Generated documents and OCR output kept between runs (git-ignored). */
export const CACHE_DIR = join(BENCH_DIR, '.cache');
export const BENCHMARKS_FILE = join(PROJECT_ROOT, 'BENCHMARKS.md');
