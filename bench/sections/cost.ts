/**
 * Cost model: AWS cost per 1,000 pages for the configured OCR engine, from the end-to-end run's
 * measured CPU time and request counts, at the list prices in prices.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FEATURES } from '../../shared/adapters/textract-ocr.js';
import { markdownTable } from '../lib/markdown.js';
import { PROJECT_ROOT } from '../lib/paths.js';
import { fmt } from '../lib/stats.js';
import type { SectionResult } from '../lib/types.js';
import { LAMBDA_MB_PER_VCPU, PRICES } from '../prices.js';
import type { E2eResult } from './e2e.js';

/** Defaults of infra/constructs/processing.ts (memory 3008 MB, SQS batch size 2). */
const INGEST_MEMORY_MB = 3008;
const SQS_BATCH_SIZE = 2;
/** S3 event to SQS (send), the Lambda poller's receive, and the delete after success. */
const SQS_REQUESTS_PER_DOCUMENT = 3;
/** Powertools idempotency per record: the in-progress put and the completed update, each under 1 KB. */
const IDEMPOTENCY_WRITE_UNITS_PER_DOCUMENT = 2;

const usd = (v: number) => (v === 0 ? '$0' : v < 0.01 ? `$${v.toFixed(4)}` : `$${v.toFixed(3)}`);

export function costSection(e2e: E2eResult): SectionResult {
  const engine = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: { ocrEngine?: string } }).context.ocrEngine ?? 'tesseract';
  const pages = 1000;
  const docs = (pages * e2e.documents) / e2e.pages;
  const perDoc = (n: number) => (n / e2e.documents) * docs;

  const vcpus = INGEST_MEMORY_MB / LAMBDA_MB_PER_VCPU;
  const cpuSecondsPerPage = e2e.cpuMs / e2e.pages / 1000;
  const wallSecondsPerPage = e2e.wallMs / e2e.pages / 1000;
  // A function with `vcpus` CPUs kept busy by its OCR workers: billed duration = CPU time / vCPUs.
  const lambdaSeconds = (cpuSecondsPerPage * pages) / vcpus;
  const gbSeconds = lambdaSeconds * (INGEST_MEMORY_MB / 1024);
  const lambdaCompute = gbSeconds * PRICES.lambda.arm64PerGbSecond;
  const lambdaRequests = (docs / SQS_BATCH_SIZE / 1e6) * PRICES.lambda.perMillionRequests;

  const s3Puts = perDoc(e2e.s3.uploads.put + e2e.s3.archive.put + e2e.s3.uploads.list + e2e.s3.archive.list);
  const s3Gets = perDoc(e2e.s3.uploads.get + e2e.s3.archive.get + e2e.s3.uploads.head + e2e.s3.archive.head);
  const s3Requests = (s3Puts / 1000) * PRICES.s3.perThousandPut + (s3Gets / 1000) * PRICES.s3.perThousandGet;
  const storedGb = perDoc(e2e.s3.uploads.bytesPut + e2e.s3.archive.bytesPut) / 1024 ** 3;
  const s3Storage = storedGb * PRICES.s3.perGbMonth;

  const writeUnits = perDoc(e2e.dynamo.writeUnits) + docs * IDEMPOTENCY_WRITE_UNITS_PER_DOCUMENT;
  const readUnits = perDoc(e2e.dynamo.readUnits);
  const dynamo = (writeUnits / 1e6) * PRICES.dynamodb.perMillionWriteUnits + (readUnits / 1e6) * PRICES.dynamodb.perMillionReadUnits;

  const signatures = perDoc(e2e.signatures);
  const kms = (signatures / 10_000) * PRICES.kms.perTenThousandRsa2048Requests;
  const sqs = ((docs * SQS_REQUESTS_PER_DOCUMENT) / 1e6) * PRICES.sqs.perMillionRequests;

  const p = PRICES.textract;
  const featurePrice: Record<string, number> = { TABLES: p.analyzeTablesPerPage, FORMS: p.analyzeFormsPerPage, LAYOUT: p.analyzeLayoutPerPage, SIGNATURES: p.analyzeSignaturesPerPage };
  const analyzePerPage = DEFAULT_FEATURES.reduce((n, f) => n + (featurePrice[f] ?? 0), 0);
  const textract = engine === 'tesseract' ? 0 : analyzePerPage * pages;

  const lines: [string, string, number][] = [
    ['Lambda compute (ingest, arm64)', `${fmt(gbSeconds, 0)} GB-s: ${fmt(lambdaSeconds, 0)} s at ${INGEST_MEMORY_MB} MB`, lambdaCompute],
    ['Lambda requests', `${fmt(docs / SQS_BATCH_SIZE, 0)} invocations (batches of ${SQS_BATCH_SIZE} uploads)`, lambdaRequests],
    [`Textract (${engine === 'tesseract' ? 'not used: ocrEngine is tesseract' : `AnalyzeDocument ${DEFAULT_FEATURES.join('+')}`})`, engine === 'tesseract' ? '0 pages' : `${pages} pages`, textract],
    ['DynamoDB on-demand', `${fmt(writeUnits, 0)} write units, ${fmt(readUnits, 0)} read units`, dynamo],
    ['S3 requests', `${fmt(s3Puts, 0)} PUT, ${fmt(s3Gets, 0)} GET`, s3Requests],
    ['KMS Sign (RSA 2048)', `${fmt(signatures, 0)} signatures`, kms],
    ['SQS', `${fmt(docs * SQS_REQUESTS_PER_DOCUMENT, 0)} requests`, sqs],
  ];
  const total = lines.reduce((n, [, , v]) => n + v, 0);

  const alternatives = [
    ['tesseract (configured)', usd(total)],
    [`hybrid (adds Textract ${DEFAULT_FEATURES.join('+')} for structure; same Lambda time)`, usd(total - textract + analyzePerPage * pages)],
    [`textract (AnalyzeDocument ${DEFAULT_FEATURES.join('+')}; Lambda OCR time drops, not measured here)`, `${usd(total - textract - lambdaCompute + analyzePerPage * pages)} + Lambda time`],
  ];

  return {
    id: 'cost',
    title: 'Cost model (AWS, per 1,000 pages)',
    figures: [{ area: 'Cost', metric: `AWS cost per 1,000 pages (${engine})`, value: usd(total), status: 'info' }],
    markdown: [
      `List prices for ${PRICES.region}, on-demand, in USD, as of ${PRICES.asOf} (see \`bench/prices.ts\`: Lambda arm64 $${PRICES.lambda.arm64PerGbSecond} per GB-second and $${PRICES.lambda.perMillionRequests} per million requests; Textract AnalyzeDocument per page TABLES $${p.analyzeTablesPerPage}, FORMS $${p.analyzeFormsPerPage}, SIGNATURES $${p.analyzeSignaturesPerPage}, LAYOUT $${p.analyzeLayoutPerPage}, DetectDocumentText $${p.detectTextPerPage}; DynamoDB $${PRICES.dynamodb.perMillionWriteUnits} per million write and $${PRICES.dynamodb.perMillionReadUnits} per million read units; S3 $${PRICES.s3.perThousandPut} per 1,000 PUT and $${PRICES.s3.perThousandGet} per 1,000 GET; KMS $${PRICES.kms.perTenThousandRsa2048Requests} per 10,000 RSA 2048 requests; SQS $${PRICES.sqs.perMillionRequests} per million requests). Free tiers are ignored. The AWS China regions are priced separately in CNY.`,
      '',
      `Inputs from the end-to-end run: ${fmt(e2e.pages / e2e.documents, 2)} pages a document (${fmt(docs, 0)} documents per 1,000 pages); ${fmt(cpuSecondsPerPage, 2)} CPU seconds a page for the whole pipeline (OCR, extraction, rules, report, signature); DynamoDB capacity units as DynamoDB Local reported them for every call; S3 requests and signatures counted at the ports. Lambda duration assumes the ingest function (${INGEST_MEMORY_MB} MB = ${fmt(vcpus, 2)} vCPUs) keeps its vCPUs busy with its two OCR workers and that a Graviton vCPU does the work of one core of this machine (not measured); if a page took as long on Lambda as its wall time on this machine (${fmt(wallSecondsPerPage, 2)} s, all cores, other work competing), compute would cost ${usd(wallSecondsPerPage * pages * (INGEST_MEMORY_MB / 1024) * PRICES.lambda.arm64PerGbSecond)} instead. Assumed, not measured: ${SQS_REQUESTS_PER_DOCUMENT} SQS requests and ${IDEMPOTENCY_WRITE_UNITS_PER_DOCUMENT} idempotency write units a document.`,
      '',
      markdownTable(['item', 'quantity per 1,000 pages', 'cost'], [...lines.map(([a, b, v]) => [a, b, usd(v)]), ['**total**', '', `**${usd(total)}**`]], ['l', 'l', 'r']),
      '',
      `Not included: S3 storage (${fmt(storedGb, 3)} GB of uploads and signed reports per 1,000 pages, ${usd(s3Storage)} a month at S3 Standard for as long as they are kept; archived reports are locked for the retention period), CloudWatch Logs and metrics, X-Ray traces, the API, the KMS key's $${PRICES.kms.perKeyMonth} a month, data transfer.`,
      '',
      'By OCR engine (per 1,000 pages):',
      '',
      markdownTable(['engine', 'cost'], alternatives, ['l', 'r']),
    ].join('\n'),
    data: { total, lambdaCompute, textract, dynamo, s3Requests, kms, sqs, gbSeconds },
  };
}
