/** Runs a benchmark script in a fresh Node process (cold starts, peak memory) and reads its JSON answer. */
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from './paths.js';

/** The last line of the child's stdout is its result, as JSON; stderr is passed through for progress. */
export function runChild<T>(script: string, args: readonly string[] = [], options: { env?: Record<string, string>; cwd?: string; tsx?: boolean } = {}): Promise<T> {
  const nodeArgs = options.tsx === false ? [script, ...args] : ['--import', 'tsx', script, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${script} exited with ${code}: ${stdout.slice(-2000)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} gave no JSON result: ${stdout.slice(-2000)}`));
      }
    });
  });
}
