/**
 * Debian's native `tesseract` command (packages tesseract-ocr and tesseract-ocr-chi-sim), the
 * alternative a user would pick: one single-threaded process per core (OMP_THREAD_LIMIT=1, which
 * is faster than OpenMP threads inside one process), same page segmentation mode as ours.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface NativeTesseract {
  version: string;
  /** Languages the installed data covers. */
  languages: string[];
}

/** The installed `tesseract` with Chinese data, or `undefined` with the reason. */
export async function findNativeTesseract(): Promise<NativeTesseract | { missing: string }> {
  try {
    const { stdout, stderr } = await run('tesseract', ['--version'], { timeout: 10_000 });
    const version = (stdout || stderr).split('\n')[0].trim();
    const langs = await run('tesseract', ['--list-langs'], { timeout: 10_000 });
    const languages = langs.stdout.split('\n').slice(1).map((s) => s.trim()).filter(Boolean);
    if (!languages.includes('chi_sim')) return { missing: 'tesseract is installed without chi_sim data (Debian package tesseract-ocr-chi-sim)' };
    return { version, languages };
  } catch {
    return { missing: 'the tesseract command is not installed (Debian packages tesseract-ocr and tesseract-ocr-chi-sim)' };
  }
}

/** Recognizes image files with `parallel` single-threaded processes; returns the text of each file, in order. */
export async function nativeRecognize(files: readonly string[], parallel: number): Promise<string[]> {
  const out = new Array<string>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const { stdout } = await run('tesseract', [files[i], 'stdout', '-l', 'chi_sim', '--oem', '1', '--psm', '3'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 300_000,
      });
      out[i] = stdout;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return out;
}
