import { describe, expect, it } from 'vitest';
import { PIPELINE_RUNTIME_MODULES } from '../../infra/bundling/pipeline-runtime.js';
import { planRuntimeModules, runsOn, type TargetPlatform } from '../../infra/bundling/runtime-modules.js';
import { PROJECT_ROOT } from '../../infra/constructs/dossier-function.js';

const linux = (cpu: TargetPlatform['cpu']): TargetPlatform => ({ os: 'linux', cpu, libc: 'glibc' });
const plan = (cpu: TargetPlatform['cpu']) => planRuntimeModules({ projectRoot: PROJECT_ROOT, modules: PIPELINE_RUNTIME_MODULES, platform: linux(cpu) });

describe('runtime modules of the processing function', () => {
  it("follows npm's platform fields", () => {
    expect(runsOn({ cpu: ['arm64'], os: ['linux'], libc: ['glibc'] }, linux('arm64'))).toBe(true);
    expect(runsOn({ cpu: ['arm64'], os: ['linux'], libc: ['musl'] }, linux('arm64'))).toBe(false);
    expect(runsOn({ cpu: ['x64'] }, linux('arm64'))).toBe(false);
    expect(runsOn({ cpu: ['!arm64'] }, linux('arm64'))).toBe(false);
    expect(runsOn({}, linux('arm64'))).toBe(true);
  });

  it('ships the requested packages with their dependency closure', () => {
    const destinations = plan('x64').copies.map((c) => c.destination);
    for (const name of ['tesseract.js', 'tesseract.js-core', '@tesseract.js-data/chi_sim', 'pdfjs-dist', '@napi-rs/canvas', '@expo-google-fonts/noto-sans-sc']) {
      expect(destinations).toContain(`node_modules/${name}`);
    }
    // Dependencies of tesseract.js, found by walking package.json files.
    for (const dep of ['node-fetch', 'wasm-feature-detect', 'regenerator-runtime', 'zlibjs', 'bmp-js', 'is-url']) {
      expect(destinations).toContain(`node_modules/${dep}`);
    }
    expect(new Set(destinations).size).toBe(destinations.length);
  });

  it('trims the big packages to what the code loads', () => {
    const byName = new Map(plan('x64').copies.map((c) => [c.name, c]));
    expect(byName.get('@tesseract.js-data/chi_sim')?.include).toEqual(['4.0.0_best_int', '4.0.0']);
    expect(byName.get('tesseract.js-core')?.include?.some((p) => p.endsWith('.wasm.js'))).toBe(false);
    expect(byName.get('@expo-google-fonts/noto-sans-sc')?.include).toContain('400Regular/NotoSansSC_400Regular.ttf');
    expect(byName.get('tesseract.js')?.include).toBeUndefined();
  });

  it('picks the native canvas addon of the target CPU, never the build machine’s by accident', () => {
    const host = process.arch === 'arm64' ? 'arm64' : 'x64';
    const other = host === 'x64' ? 'arm64' : 'x64';
    const forHost = plan(host);
    expect(forHost.copies.map((c) => c.name)).toContain(`@napi-rs/canvas-linux-${host}-gnu`);
    expect(forHost.missingNative).toEqual([]);

    const forOther = plan(other);
    expect(forOther.copies.map((c) => c.name).filter((n) => n.startsWith('@napi-rs/canvas-'))).toEqual([]);
    expect(forOther.missingNative).toEqual([{ name: `@napi-rs/canvas-linux-${other}-gnu`, version: expect.stringMatching(/^\d+\.\d+\.\d+$/), parent: '@napi-rs/canvas' }]);
  });
});
