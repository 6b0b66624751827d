/**
 * Fingerprints of code, for cache keys: the content of every project file an entry point
 * imports (found by esbuild, as the bundler sees them) plus the versions of the packages it
 * loads. A cache entry made by other code is never reused.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from './paths.js';

const require = createRequire(import.meta.url);

export async function sourceFingerprint(entries: readonly string[], packages: readonly string[] = []): Promise<string> {
  const result = await build({
    entryPoints: entries.map((e) => join(PROJECT_ROOT, e)),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
    outdir: 'unused',
    absWorkingDir: PROJECT_ROOT,
  });
  const hash = createHash('sha256');
  for (const input of Object.keys(result.metafile.inputs).sort()) {
    hash.update(input).update('\0').update(readFileSync(join(PROJECT_ROOT, input))).update('\0');
  }
  for (const name of [...packages].sort()) hash.update(`${name}@${packageVersion(name)}\0`);
  return hash.digest('hex').slice(0, 16);
}

export function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`, { paths: [PROJECT_ROOT] }), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
