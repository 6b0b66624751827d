#!/usr/bin/env node
/**
 * dossier: the command-line entry point of the embedded default.
 *
 *   dossier process <files or folders> [--out out] [--institution local] [--data .data]
 *   dossier verify <report.pdf> [--institution local] [--report-id ID] [--data .data]
 *   dossier assess <case.json> [--config institution.json] [--today YYYY-MM-DD]
 *   dossier assess --schema
 *   dossier serve [--port 8787] [--data .data]
 *   dossier correct <document id or file name> <field> <value> --by NAME [--institution local] [--data .data]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { verifyAgainstArchive } from '../../shared/pipeline/verify-report.js';
import { assessCase, CaseInput, caseInputJsonSchema, createDefaultCalendar, InstitutionConfig } from '../../shared/rules/index.js';
import { startLocalRuntime } from './local-runtime.js';
import { PRINCIPAL_HEADER, startServer } from './serve.js';
import { collectFiles, processFiles } from './process-files.js';
import { caseTable, summaryTable } from './summary.js';
import { assessCases } from '../../shared/pipeline/assess-cases.js';
import { correctField, CorrectionError } from '../../shared/pipeline/correct-field.js';

const USAGE = `usage:
  dossier process <files or folders...> [--out DIR] [--institution ID] [--data DIR]
  dossier verify <report.pdf> [--institution ID] [--report-id ID] [--data DIR]
  dossier assess <case.json> [--config institution.json] [--today YYYY-MM-DD]
  dossier assess --schema
  dossier serve [--port PORT] [--data DIR]   (reports API on 127.0.0.1; principal from the x-dossier-principal header)`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'out' },
      institution: { type: 'string', default: 'local' },
      data: { type: 'string', default: '.data' },
      'report-id': { type: 'string' },
      config: { type: 'string' },
      today: { type: 'string' },
      port: { type: 'string', default: '8787' },
      schema: { type: 'boolean' },
      by: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'process') return processCommand(args, values);
  if (command === 'verify') return verifyCommand(args, values);
  if (command === 'assess') return assessCommand(args, values);
  if (command === 'correct') return correctCommand(args, values);
  if (command === 'serve') return serveCommand(values);
  console.error(`unknown command: ${command}\n${USAGE}`);
  return 2;
}

async function processCommand(paths: string[], options: { out: string; institution: string; data: string }): Promise<number> {
  if (paths.length === 0) {
    console.error(USAGE);
    return 2;
  }
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(options.institution)) {
    console.error('--institution must be lower-case letters, digits and hyphens');
    return 2;
  }
  const files = await collectFiles(paths);
  const base = paths.length === 1 ? resolve(paths[0]) : process.cwd();
  const runtime = await startLocalRuntime({ dataDir: options.data });
  try {
    const started = Date.now();
    console.error(`processing ${files.length} file(s) with ${runtime.deps.ocr.name} …`);
    const outcomes = await processFiles(runtime.deps, files, {
      institutionId: options.institution,
      base: files.length === 1 ? dirname(files[0]) : base,
      concurrency: 2,
      onDone: (o, done) => {
        const status = o.record?.status ?? 'FAILED';
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.error(`[${done}/${files.length}] ${seconds}s ${status.padEnd(12)} ${basename(o.file)}`);
      },
    });
    const processed = outcomes.flatMap((o) => (o.record ? [o.record] : []));
    const cases = await assessCases(runtime.deps, options.institution, processed);
    const out = resolve(options.out);
    await mkdir(join(out, 'records'), { recursive: true });
    await mkdir(join(out, 'reports'), { recursive: true });
    for (const o of outcomes) {
      if (!o.record) continue;
      await writeFile(join(out, 'records', `${o.record.fileName}.json`), JSON.stringify(o.record, null, 2));
    }
    const reports = await runtime.deps.records.listReports(options.institution);
    for (const report of reports) {
      await writeFile(join(out, 'reports', `${report.reportId}.pdf`), await runtime.deps.archive.get(report.archiveKey));
    }
    await writeFile(
      join(out, 'summary.json'),
      JSON.stringify(
        {
          documents: outcomes.map((o) => ({ file: o.file, status: o.record?.status ?? 'FAILED', kind: o.record?.kind, reasons: o.record?.reasons, error: o.error })),
          cases: cases.map((c) => ({ caseId: c.caseId, reportId: c.report?.reportId, missing: c.missing, persons: c.assessment?.persons.map((p) => ({ name: p.name, outcome: p.outcome })) })),
        },
        null,
        2,
      ),
    );
    console.log(summaryTable(outcomes));
    if (cases.length > 0) console.log(`\n${caseTable(cases)}`);
    console.log(`\nrecords: ${join(out, 'records')}  signed reports: ${join(out, 'reports')} (${reports.length})  DynamoDB Local data: ${join(runtime.dataDir, 'dynamodb')}`);
    return outcomes.some((o) => o.error) ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

async function verifyCommand(paths: string[], options: { data: string; institution: string; 'report-id'?: string }): Promise<number> {
  if (paths.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const pdf = new Uint8Array(await readFile(paths[0]));
  const reportId = options['report-id'] ?? basename(paths[0]).replace(/\.pdf$/i, '');
  const runtime = await startLocalRuntime({ dataDir: options.data, ocr: false });
  try {
    const result = await verifyAgainstArchive(runtime.deps, pdf, options.institution, reportId);
    console.log(JSON.stringify(result, null, 2));
    console.error(result.valid ? '签名有效，文件与存档一致 (valid)' : `验证未通过 (not valid):\n- ${result.problems.join('\n- ')}`);
    return result.valid ? 0 : 1;
  } finally {
    await runtime.close();
  }
}

/** Records a person's correction of one extracted value, re-validates and re-issues the reports. */
async function correctCommand(args: string[], options: { by?: string; institution: string; data: string }): Promise<number> {
  const [document, field, text] = args;
  if (!document || !field || text === undefined || !options.by) {
    console.error(USAGE);
    return 2;
  }
  const runtime = await startLocalRuntime({ dataDir: options.data, ocr: false });
  try {
    const documents = await runtime.deps.records.listDocuments(options.institution);
    const matches = documents.filter((d) => d.documentId === document || d.fileName === document);
    if (matches.length !== 1) {
      console.error(matches.length ? `“${document}”对应多个文件，请使用文件编号 (ambiguous; use the document id)` : `没有找到“${document}” (no such document)`);
      return 2;
    }
    const record = await correctField(runtime.deps, { institutionId: options.institution, documentId: matches[0].documentId, field, text, by: options.by });
    console.log(JSON.stringify({ documentId: record.documentId, status: record.status, reasons: record.reasons, reportIds: record.reportIds }, null, 2));
    return 0;
  } catch (err) {
    if (err instanceof CorrectionError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  } finally {
    await runtime.close();
  }
}

/** Assesses a 尽职免责 case given as JSON and prints the assessment as JSON. */
async function assessCommand(paths: string[], options: { config?: string; today?: string; schema?: boolean }): Promise<number> {
  if (options.schema) {
    console.log(JSON.stringify(caseInputJsonSchema(), null, 2));
    return 0;
  }
  if (paths.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as unknown;
  const input = CaseInput.safeParse(await readJson(paths[0]));
  if (!input.success) {
    console.error(`案件数据不符合格式 (the case does not match the schema):\n${z.prettifyError(input.error)}`);
    return 2;
  }
  const institutionConfig = options.config ? InstitutionConfig.parse(await readJson(options.config)) : undefined;
  const assessment = assessCase(input.data, { calendar: createDefaultCalendar(), institutionConfig, today: options.today });
  console.log(JSON.stringify(assessment, null, 2));
  return 0;
}

/**
 * Serves the reports API over the local records and archive until interrupted. The principal
 * header is a local stand-in for IAM: the server listens on 127.0.0.1 only.
 */
async function serveCommand(options: { data: string; port: string }): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('--port must be a port number');
    return 2;
  }
  const runtime = await startLocalRuntime({ dataDir: options.data, ocr: false });
  try {
    const server = await startServer({ records: runtime.deps.records, archive: runtime.deps.archive, uploads: runtime.deps.uploads }, { port });
    console.error(`reports API on ${server.url} (local stand-in for IAM: header ${PRINCIPAL_HEADER}: regulator:<code> | institution:<id>); Ctrl-C stops`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  } finally {
    await runtime.close();
  }
}

/** Exits once everything written to stdout has reached the pipe (a large JSON would be cut off otherwise). */
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

main(process.argv.slice(2)).then(
  exit,
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
