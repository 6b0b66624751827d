/** Loads the recorded Amazon Textract responses in test/fixtures/textract (sources in its README). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalyzeDocumentCommandOutput, Block, GetDocumentAnalysisCommandOutput } from '@aws-sdk/client-textract';

export type RecordedName =
  | 'analyze-document-forms-tables'
  | 'analyze-document-signature'
  | 'analyze-document-layout'
  | 'analyze-document-paystub-all-features'
  | 'get-document-analysis-2-pages';

/** A fresh copy of a recorded response on every call, so no test can change another's data. */
export function recorded(name: RecordedName): AnalyzeDocumentCommandOutput & GetDocumentAnalysisCommandOutput {
  const url = new URL(`../fixtures/textract/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8'));
}

export function blocksOf(name: RecordedName): Block[] {
  return recorded(name).Blocks ?? [];
}
