/** Shared pieces of the robustness tests: a runtime in a temporary folder, uploads with safe keys, store inventories. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../functions/cli/local-runtime.js';
import type { DocumentRecord } from '../../shared/domain/records.js';
import { keySegment } from '../../shared/intake/names.js';
import { sha256Hex, type PipelineDeps, type Upload } from '../../shared/pipeline/process-document.js';

/**
 * JVM options for the short-lived DynamoDB Local processes of the tests: the quick compiler only
 * and the serial collector start it in about half the time on two cores.
 */
export const QUICK_JVM = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/** Lets DynamoDB Local processes started from this process (and its children) start quickly. */
export function useQuickJvm(): void {
  process.env.JAVA_TOOL_OPTIONS ??= QUICK_JVM;
}

export async function tempRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  useQuickJvm();
  return startLocalRuntime({ dataDir: await mkdtemp(join(tmpdir(), 'robustness-')), inMemory: true, ocrWorkers: 1, ...options });
}

const hash = (text: string) => sha256Hex(new TextEncoder().encode(text));

/** Puts the bytes where an upload of `fileName` for the institution lands, under a key built only from escaped segments. */
export async function upload(deps: Pick<PipelineDeps, 'uploads'>, institutionId: string, fileName: string, bytes: Uint8Array, folder?: string): Promise<Upload> {
  const objectKey = ['uploads', institutionId, ...(folder ? [keySegment(folder, hash)] : []), keySegment(fileName, hash)].join('/');
  await deps.uploads.put(objectKey, bytes);
  return { institutionId, objectKey, fileName };
}

export interface Outcome<T> {
  item: T;
  record?: DocumentRecord;
  error?: unknown;
}

/** Runs `work` over `items`, `concurrency` at a time; a thrown error is kept as the outcome, never lost. */
export async function runAll<T>(items: T[], concurrency: number, work: (item: T) => Promise<DocumentRecord>): Promise<Outcome<T>[]> {
  const outcomes: Outcome<T>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        outcomes[index] = { item: items[index], record: await work(items[index]) };
      } catch (error) {
        outcomes[index] = { item: items[index], error };
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

/** Everything the stores hold for one institution. */
export async function inventory(deps: PipelineDeps, institutionId: string) {
  const [documents, reports, audit, archived] = await Promise.all([
    deps.records.listDocuments(institutionId),
    deps.records.listReports(institutionId),
    deps.records.listAudit(institutionId),
    deps.archive.list(`reports/${institutionId}/`),
  ]);
  return { documents, reports, audit, archived };
}

/** How often each action occurs in the audit trail of one subject. */
export function actionCounts(audit: Array<{ subjectId: string; action: string }>, subjectId?: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of audit) if (!subjectId || e.subjectId === subjectId) counts[e.action] = (counts[e.action] ?? 0) + 1;
  return counts;
}

/** A reason as the gate words them: Chinese first, then the English in brackets at the end. */
export const CHINESE_THEN_ENGLISH = /^[^(]*\p{Script=Han}[^(]*\s\(.*[A-Za-z].*\)$/su;
