import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { embedCjkFont } from '../../shared/pdf/fonts.js';

/** A one-page Chinese report, like the ones the pipeline signs. */
export async function makeChinesePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await embedCjkFont(doc);
  const page = doc.addPage([595, 842]);
  page.drawText('担保文书核验报告', { x: 50, y: 780, size: 20, font });
  page.drawText('被担保人：某某市不动产开发有限公司　担保金额：人民币壹佰万元整', { x: 50, y: 740, size: 11, font });
  return doc.save();
}

export interface PdfsigReport {
  output: string;
  valid: boolean;
  digestMismatch: boolean;
}

/**
 * Runs poppler's `pdfsig` on `pdf`. Throws, failing the test, when pdfsig is not installed:
 * a missing verifier must never look like a passing signature.
 */
export function pdfsig(pdf: Uint8Array): PdfsigReport {
  const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
  try {
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    if (run.error) {
      throw new Error(`pdfsig (Debian package poppler-utils) is required for the signing tests: ${run.error.message}`);
    }
    const output = `${run.stdout}\n${run.stderr}`;
    return {
      output,
      valid: output.includes('Signature Validation: Signature is Valid.'),
      digestMismatch: output.includes('Signature Validation: Digest Mismatch.'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function assertCommandAvailable(command: string, args: string[], packageName: string): void {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(`${command} (Debian package ${packageName}) is required for the signing tests but could not be run`);
  }
}

export function temporaryDirectory(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
