import type { RuntimeModule } from './runtime-modules.js';

/**
 * What the pipeline (`shared/pipeline/process-document.ts`) loads from disk at run time, beyond
 * its esbuild bundle. Kept in one place: a new file-backed dependency of the core goes here.
 */
export const PIPELINE_RUNTIME_MODULES: readonly RuntimeModule[] = [
  // OCR: tesseract.js runs its worker script from its own folder and loads the WebAssembly core.
  { name: 'tesseract.js' },
  // The WebAssembly cores, without their browser copies (*.wasm.js). tesseract.js 7 picks the
  // variant by the CPU's SIMD support, and in Node it loads the full (non-LSTM-only) core even for
  // OEM.LSTM_ONLY: its getCore receives a boolean where it expects an OEM. Ship both kinds.
  {
    name: 'tesseract.js-core',
    include: ['index.js', 'LICENSE', ...['', '-simd', '-relaxedsimd'].flatMap((v) => ['', '-lstm'].flatMap((l) => [`tesseract-core${v}${l}.js`, `tesseract-core${v}${l}.wasm`]))],
  },
  // Simplified Chinese data: the 1.7 MB integer model the pages are read with, and the 20 MB
  // float model that gives doubtful lines a second opinion.
  { name: '@tesseract.js-data/chi_sim', include: ['4.0.0_best_int', '4.0.0'] },
  // PDF reading and rasterizing: pdfjs and its data folders, and the native canvas.
  {
    name: 'pdfjs-dist',
    include: ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'wasm', 'cmaps', 'standard_fonts', 'LICENSE'],
  },
  { name: '@napi-rs/canvas' },
  // The CJK font of the reports (regular and bold only).
  {
    name: '@expo-google-fonts/noto-sans-sc',
    include: ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf', 'LICENSE', 'LICENSE_FONT'],
  },
];
