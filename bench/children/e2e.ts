/**
 * Runs in a fresh process: a batch of scans through the whole embedded pipeline, as
 * `dossier process` runs it (DynamoDB Local, folder object stores, tesseract.js, local signer;
 * two documents at a time). Counts the requests each store receives, for the cost model, and
 * reports wall time and peak memory. Prints one JSON line.
 * Arguments: <folder of scans> <data folder> <concurrency> <OCR workers>.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startLocalRuntime } from '../../functions/cli/local-runtime.js';
import { collectFiles, processFiles } from '../../functions/cli/process-files.js';
import type { ObjectStore, Signer } from '../../shared/ports.js';

const [scansDir, dataDir, concurrencyArg, workersArg] = process.argv.slice(2);

interface S3Counts {
  put: number;
  get: number;
  head: number;
  list: number;
  bytesPut: number;
}

function counted(store: ObjectStore, counts: S3Counts): ObjectStore {
  return {
    get: (key) => (counts.get++, store.get(key)),
    put: (key, bytes, options) => {
      counts.put++;
      counts.bytesPut += bytes.length;
      return store.put(key, bytes, options);
    },
    exists: (key) => (counts.head++, store.exists(key)),
    list: (prefix) => (counts.list++, store.list(prefix)),
  };
}

const startupBegin = performance.now();
const runtime = await startLocalRuntime({ dataDir, inMemory: true, ocrWorkers: Number(workersArg) });
const startupMs = performance.now() - startupBegin;

// DynamoDB: ask for consumed capacity on every call and add it up (DynamoDB Local computes it like the service)
const dynamo = { writeUnits: 0, readUnits: 0, calls: {} as Record<string, number>, unreported: 0 };
const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);
runtime.dynamo.client.middlewareStack.add(
  (next, context) => async (args) => {
    const name = context.commandName ?? 'unknown';
    const input = args.input as Record<string, unknown>;
    if (name !== 'DescribeTableCommand' && name !== 'CreateTableCommand') input.ReturnConsumedCapacity ??= 'TOTAL';
    const result = await next(args);
    dynamo.calls[name] = (dynamo.calls[name] ?? 0) + 1;
    const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
    const units = [consumed ?? []].flat().reduce((n, c) => n + (c.CapacityUnits ?? 0), 0);
    if (consumed === undefined && name !== 'DescribeTableCommand' && name !== 'CreateTableCommand') dynamo.unreported++;
    if (READS.has(name)) dynamo.readUnits += units;
    else dynamo.writeUnits += units;
    return result;
  },
  { step: 'initialize', name: 'benchConsumedCapacity' },
);

const uploadsCounts: S3Counts = { put: 0, get: 0, head: 0, list: 0, bytesPut: 0 };
const archiveCounts: S3Counts = { put: 0, get: 0, head: 0, list: 0, bytesPut: 0 };
let signatures = 0;
const signer: Signer = {
  algorithm: runtime.deps.signer.algorithm,
  certificateChain: () => runtime.deps.signer.certificateChain(),
  sign: (data) => (signatures++, runtime.deps.signer.sign(data)),
};
const deps = { ...runtime.deps, uploads: counted(runtime.deps.uploads, uploadsCounts), archive: counted(runtime.deps.archive, archiveCounts), signer };

const files = await collectFiles([scansDir]);
const inputBytes = (await Promise.all(files.map((f) => readFile(f)))).reduce((n, b) => n + b.length, 0);
const cpuBegin = process.cpuUsage();
const begin = performance.now();
const outcomes = await processFiles(deps, files, {
  institutionId: 'bench',
  base: scansDir,
  concurrency: Number(concurrencyArg),
  onDone: (o, done) => process.stderr.write(`  [${done}/${files.length}] ${((performance.now() - begin) / 1000).toFixed(0)} s ${o.record?.status ?? 'FAILED'} ${o.record?.kind ?? ''}\n`),
});
const wallMs = performance.now() - begin;
const cpuUsed = process.cpuUsage(cpuBegin);
const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
const nodePeakKiB = process.resourceUsage().maxRSS;
const javaPeakKiB = await childPeakKiB('java');
await runtime.close();

const statuses: Record<string, number> = {};
for (const o of outcomes) statuses[o.record?.status ?? 'FAILED'] = (statuses[o.record?.status ?? 'FAILED'] ?? 0) + 1;
console.log(
  JSON.stringify({
    documents: files.length,
    pages: outcomes.reduce((n, o) => n + (o.record?.pages ?? 0), 0),
    inputBytes,
    wallMs,
    cpuMs,
    startupMs,
    statuses,
    errors: outcomes.filter((o) => o.error).map((o) => o.error),
    reports: outcomes.reduce((n, o) => n + (o.record?.reportIds.length ?? 0), 0),
    nodePeakKiB,
    javaPeakKiB,
    dynamo,
    s3: { uploads: uploadsCounts, archive: archiveCounts },
    signatures,
  }),
);
process.exit(0);

/** Peak resident memory of this process's child named `comm` (DynamoDB Local's JVM), from /proc; undefined elsewhere. */
async function childPeakKiB(comm: string): Promise<number | undefined> {
  try {
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = await readFile(join('/proc', pid, 'stat'), 'utf8').catch(() => '');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name === comm && Number(fields[1]) === process.pid) {
        const status = await readFile(join('/proc', pid, 'status'), 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        return hwm ? Number(hwm[1]) : undefined;
      }
    }
  } catch {
    // not Linux
  }
  return undefined;
}
