/**
 * Packages a Lambda needs as files at run time, next to its esbuild bundle.
 *
 * esbuild cannot inline everything: tesseract.js starts a worker thread from its own script and
 * loads a WebAssembly core, pdfjs reads its `wasm/`, `cmaps/` and `standard_fonts/` folders,
 * `@napi-rs/canvas` is a native addon, and the OCR data and the CJK font are plain files. Those
 * packages stay external to the bundle and are copied, with their dependency closure, into the
 * asset's `node_modules/`.
 *
 * Copying from the project's `node_modules/` works offline (NodejsFunction's `nodeModules` would
 * run `npm ci` in the asset folder, which needs the network). The one exception is a native addon
 * built for another CPU than this machine's (arm64 Lambda, x64 build host): its platform package
 * is installed once with `npm install --cpu --os --libc` into `node_modules/.cache/` and found in
 * the npm cache afterwards.
 *
 * Run as a script (the NodejsFunction `afterBundling` hook):
 *   node --import tsx infra/bundling/runtime-modules.ts <outputDir> <base64 JSON of CopyRequest>
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RuntimeModule {
  /** Package name, as imported. */
  readonly name: string;
  /**
   * Paths inside the package to ship (files or folders); `package.json` always ships.
   * @default the whole package (without type declarations, source maps and markdown)
   */
  readonly include?: readonly string[];
}

/** The platform a native addon is chosen for (npm's `os`, `cpu` and `libc` fields). */
export interface TargetPlatform {
  readonly os: 'linux';
  readonly cpu: 'arm64' | 'x64';
  readonly libc: 'glibc';
}

export interface CopyRequest {
  readonly projectRoot: string;
  readonly modules: readonly RuntimeModule[];
  readonly platform: TargetPlatform;
}

/** One package to copy: from where, to which path under the asset root, and which parts. */
export interface PackageCopy {
  readonly name: string;
  readonly version: string;
  readonly source: string;
  /** Relative to the asset root, e.g. `node_modules/tesseract.js`. */
  readonly destination: string;
  readonly include?: readonly string[];
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

interface LockEntry {
  version?: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** npm's platform check: a listed value must match, a `!value` must not. */
function allows(values: readonly string[] | undefined, actual: string): boolean {
  if (!values || values.length === 0) return true;
  if (values.includes(`!${actual}`)) return false;
  const positives = values.filter((v) => !v.startsWith('!'));
  return positives.length === 0 || positives.includes(actual);
}

export function runsOn(meta: { os?: string[]; cpu?: string[]; libc?: string[] }, platform: TargetPlatform): boolean {
  return allows(meta.os, platform.os) && allows(meta.cpu, platform.cpu) && allows(meta.libc, platform.libc);
}

/** The platform this process runs on, in npm's terms. */
export function hostPlatform(): TargetPlatform {
  const cpu = process.arch === 'arm64' ? 'arm64' : 'x64';
  return { os: 'linux', cpu, libc: 'glibc' };
}

/** Node's lookup: `<dir>/node_modules/<name>` from `fromDir` upwards, stopping at the project root. */
function findPackageDir(name: string, fromDir: string, projectRoot: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === projectRoot || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

/**
 * Resolves the packages to copy: the requested modules and the closure of their dependencies
 * (optional ones when present or needed on the target platform), deduplicated, with paths that
 * keep Node's resolution working inside the asset.
 */
export function planRuntimeModules(request: CopyRequest): { copies: PackageCopy[]; missingNative: { name: string; version: string; parent: string }[] } {
  const projectRoot = resolve(request.projectRoot);
  const lock = readJson<{ packages: Record<string, LockEntry> }>(join(projectRoot, 'package-lock.json')).packages;
  const copies = new Map<string, PackageCopy>();
  const missingNative: { name: string; version: string; parent: string }[] = [];
  const queue: { name: string; fromDir: string; include?: readonly string[]; optional: boolean; parent: string }[] = request.modules.map((m) => ({
    name: m.name,
    fromDir: projectRoot,
    include: m.include,
    optional: false,
    parent: '(function)',
  }));

  while (queue.length > 0) {
    const item = queue.shift()!;
    const dir = findPackageDir(item.name, item.fromDir, projectRoot);
    if (!dir) {
      // Not installed here: a platform package of a native addon, skipped by npm on this machine?
      const entry = lock[`node_modules/${item.name}`];
      if (item.optional && entry?.version && (entry.os || entry.cpu || entry.libc)) {
        if (runsOn(entry, request.platform)) missingNative.push({ name: item.name, version: entry.version, parent: item.parent });
        continue;
      }
      if (item.optional) continue;
      throw new Error(`${item.name} (needed by ${item.parent}) is not installed; run npm ci`);
    }
    const real = realpathSync(dir);
    if (copies.has(real)) continue;
    const manifest = readJson<Manifest>(join(dir, 'package.json'));
    if (!runsOn(manifest, request.platform)) continue; // e.g. the x64 addon when building for arm64
    const destination = relative(projectRoot, dir).split(sep).join('/');
    if (!destination.startsWith('node_modules/')) throw new Error(`${item.name} resolves outside node_modules: ${dir}`);
    copies.set(real, { name: manifest.name, version: manifest.version, source: real, destination, include: item.include });
    for (const [dep, optional] of [
      ...Object.keys(manifest.dependencies ?? {}).map((d) => [d, false] as const),
      ...Object.keys(manifest.optionalDependencies ?? {}).map((d) => [d, true] as const),
    ]) {
      queue.push({ name: dep, fromDir: dir, optional, parent: manifest.name });
    }
  }
  return { copies: [...copies.values()], missingNative };
}

const SKIPPED_FILE = /(\.d\.[cm]?ts|\.map|\.md|\.markdown|\.tsbuildinfo)$/i;
const SKIPPED_DIR = new Set(['test', 'tests', '__tests__', 'docs', 'example', 'examples', '.github']);

function copyFiltered(source: string, destination: string) {
  cpSync(source, destination, {
    recursive: true,
    dereference: true,
    filter: (path) => {
      const name = path.slice(path.lastIndexOf(sep) + 1);
      if (path === source) return true;
      if (statSync(path).isDirectory()) return !SKIPPED_DIR.has(name) && name !== 'node_modules';
      return !SKIPPED_FILE.test(name) || /^license/i.test(name);
    },
  });
}

/** Copies one planned package into the asset rooted at `outputDir`. */
function copyPackage(copy: PackageCopy, outputDir: string) {
  const target = join(outputDir, ...copy.destination.split('/'));
  mkdirSync(target, { recursive: true });
  cpSync(join(copy.source, 'package.json'), join(target, 'package.json'));
  if (!copy.include) {
    copyFiltered(copy.source, target);
    return;
  }
  for (const path of copy.include) {
    const from = join(copy.source, path);
    if (!existsSync(from)) throw new Error(`${copy.name}: ${path} does not exist in ${copy.source}`);
    mkdirSync(dirname(join(target, path)), { recursive: true });
    copyFiltered(from, join(target, path));
  }
}

/**
 * Installs the parent packages of missing native addons for the target platform into a cache
 * folder, preferring the npm cache (works offline once fetched), and returns where each addon is.
 */
function fetchNativePackages(
  projectRoot: string,
  missing: { name: string; version: string; parent: string }[],
  platform: TargetPlatform,
  lookup: (name: string) => string,
): PackageCopy[] {
  if (missing.length === 0) return [];
  const cacheDir = join(projectRoot, 'node_modules', '.cache', 'lambda-runtime', `${platform.os}-${platform.cpu}-${platform.libc}`);
  mkdirSync(cacheDir, { recursive: true });
  const needed = missing.filter((m) => !existsSync(join(cacheDir, 'node_modules', m.name, 'package.json')) || readJson<Manifest>(join(cacheDir, 'node_modules', m.name, 'package.json')).version !== m.version);
  if (needed.length > 0) {
    const parents = [...new Set(needed.map((m) => `${m.parent}@${lookup(m.parent)}`))];
    const args = ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', `--os=${platform.os}`, `--cpu=${platform.cpu}`, `--libc=${platform.libc}`, ...parents];
    if (!existsSync(join(cacheDir, 'package.json'))) execFileSync('npm', ['init', '-y'], { cwd: cacheDir, stdio: 'ignore' });
    try {
      execFileSync('npm', args, { cwd: cacheDir, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch (err) {
      throw new Error(
        `Could not install ${needed.map((m) => `${m.name}@${m.version}`).join(', ')} for ${platform.os}-${platform.cpu}: ` +
          'run the synth once with access to the npm registry (it is then taken from the npm cache), ' +
          `or deploy with -c architecture=${hostPlatform().cpu === 'x64' ? 'x86_64' : 'arm64'}.\n${String(err)}`,
      );
    }
  }
  return missing.map((m) => {
    const source = join(cacheDir, 'node_modules', m.name);
    const manifest = readJson<Manifest>(join(source, 'package.json'));
    if (manifest.version !== m.version) throw new Error(`${m.name}: expected ${m.version} from the lockfile, installed ${manifest.version}`);
    return { name: m.name, version: m.version, source, destination: `node_modules/${m.name}` };
  });
}

/** Plans and copies the runtime modules into `outputDir`; returns what was copied. */
export function copyRuntimeModules(request: CopyRequest, outputDir: string): PackageCopy[] {
  const { copies, missingNative } = planRuntimeModules(request);
  const versionOf = (name: string) => {
    const found = copies.find((c) => c.name === name);
    if (!found) throw new Error(`no version known for ${name}`);
    return found.version;
  };
  const natives = fetchNativePackages(resolve(request.projectRoot), missingNative, request.platform, versionOf);
  for (const copy of [...copies, ...natives]) copyPackage(copy, outputDir);
  return [...copies, ...natives];
}

/** Total size in bytes of the files under a folder. */
export function folderSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(path) : statSync(path).size;
  }
  return total;
}

export function encodeRequest(request: CopyRequest): string {
  return Buffer.from(JSON.stringify(request)).toString('base64');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outputDir, encoded] = process.argv.slice(2);
  if (!outputDir || !encoded) {
    process.stderr.write('usage: runtime-modules.ts <outputDir> <base64 request>\n');
    process.exit(2);
  }
  const request = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as CopyRequest;
  const copied = copyRuntimeModules(request, outputDir);
  process.stderr.write(`runtime modules: ${copied.length} packages, ${(folderSize(join(outputDir, 'node_modules')) / 1048576).toFixed(1)} MB\n`);
}
