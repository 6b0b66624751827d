import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDocument } from '../../shared/pipeline/process-document.js';
import { correctField, CorrectionError, parseCorrection } from '../../shared/pipeline/correct-field.js';
import { startLocalRuntime, type LocalRuntime } from '../../functions/cli/local-runtime.js';
import { textPdf, YUNNAN_FACT_SHEET } from '../helpers/text-pdf.js';

let runtime: LocalRuntime;
let tick = 0;

beforeAll(async () => {
  runtime = await startLocalRuntime({
    dataDir: await mkdtemp(join(tmpdir(), 'correct-')),
    inMemory: true,
    ocrWorkers: 1,
    clock: { now: () => new Date(Date.UTC(2026, 0, 6, 8, 0, tick++)) },
  });
});
afterAll(async () => runtime?.close());

describe('a person corrects a value', () => {
  it.each([
    ['deliveryDate', '二〇二四年七月三日', '2024-07-03'],
    ['guaranteeAmount', '人民币捌佰万元整', 800_000_000],
    ['compensationRate', '4.35%', 435],
    ['signaturePresent', '是', true],
    ['attendees', '王建国、李红梅', ['王建国', '李红梅']],
  ])('reads %s typed as %s exactly as extraction would', (field, text, value) => {
    expect(parseCorrection(field, text)).toEqual(value);
  });

  it('refuses a value it cannot read', () => {
    expect(() => parseCorrection('deliveryDate', '七月三号左右')).toThrow(CorrectionError);
  });

  it('records who corrected what, re-validates, and issues new reports', async () => {
    // 捌 read as 制: the amount cannot be read, so the document waits for a person
    const lines = YUNNAN_FACT_SHEET.map((l) => (l.startsWith('担保金额') ? '担保金额：人民币制佰万元整' : l));
    const key = 'uploads/yn-fix/fact.pdf';
    await runtime.deps.uploads.put(key, await textPdf(lines));
    const read = await processDocument(runtime.deps, { institutionId: 'yn-fix', objectKey: key, fileName: 'fact.pdf' });
    expect(read.status).toBe('NEEDS_REVIEW');
    expect(read.reasons.join()).toContain('value unreadable: guaranteeAmount');

    const fixed = await correctField(runtime.deps, { institutionId: 'yn-fix', documentId: read.documentId, field: 'guaranteeAmount', text: '人民币捌佰万元整', by: '张审核' });
    expect(fixed.status).toBe('PROCESSED');
    expect(fixed.extracted?.kind === 'FACT_SHEET' && fixed.extracted.fields.guaranteeAmount).toMatchObject({ value: 800_000_000, confidence: 1, provenance: { label: '人工更正' } });
    expect(fixed.corrections).toEqual([expect.objectContaining({ field: 'guaranteeAmount', value: 800_000_000, by: '张审核' })]);
    expect(fixed.reportIds.filter((id) => id.endsWith('-c1'))).toHaveLength(2);

    const audit = await runtime.deps.records.listAudit('yn-fix', read.documentId);
    expect(audit.find((e) => e.action === 'FIELD_CORRECTED')).toMatchObject({ actor: '张审核', detail: { field: 'guaranteeAmount', value: 800_000_000 } });
    expect(await runtime.deps.records.getDocument('yn-fix', read.documentId)).toMatchObject({ status: 'PROCESSED', revision: fixed.revision });
  });
});
