import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textPdf } from '../helpers/text-pdf.js';
import { processDocument } from '../../shared/pipeline/process-document.js';
import { assessCases } from '../../shared/pipeline/assess-cases.js';
import { caseInputFromDocuments, groupCases, roleFromPosition } from '../../shared/pipeline/case-input.js';
import { verifyAgainstArchive } from '../../shared/pipeline/verify-report.js';
import { startLocalRuntime, type LocalRuntime } from '../../functions/cli/local-runtime.js';
import type { DocumentRecord } from '../../shared/domain/records.js';

const MINUTES = [
  '云南省滇中融资担保有限公司',
  '第5次项目评审会会议纪要',
  '纪要编号：滇担评〔2023〕5号',
  '会议时间：2023年3月1日',
  '主持人：王建国',
  '项目编号：YNDB-2023-0147',
  '表决情况：',
  '张伟：同意',
  '李红梅：反对。理由：企业负债率偏高，依据《融资担保公司监督管理条例》第十五条',
  '会议决定：同意为该企业提供担保',
];
const FACT_SHEET = [
  '事实认定材料',
  '云南省滇中融资担保有限公司',
  '项目编号：YNDB-2023-0147',
  '被评议人：李红梅',
  '职务：风险管理部经理',
  '代偿日期：2024年5月20日',
  '认定事实：被评议人在评审会上明确提出反对意见。',
  '评议结论：尽职',
  '评议日期：2024年7月1日',
  '送达日期：2024年7月3日',
];

let runtime: LocalRuntime;
const records: DocumentRecord[] = [];

beforeAll(async () => {
  runtime = await startLocalRuntime({ dataDir: await mkdtemp(join(tmpdir(), 'cases-')), inMemory: true, ocrWorkers: 1, clock: { now: () => new Date('2024-08-01T02:00:00Z') } });
  for (const [name, lines] of [['minutes.pdf', MINUTES], ['fact-sheet.pdf', FACT_SHEET]] as const) {
    const key = `uploads/yn-case/${name}`;
    await runtime.deps.uploads.put(key, await textPdf([...lines]));
    records.push(await processDocument(runtime.deps, { institutionId: 'yn-case', objectKey: key, fileName: name }));
  }
});
afterAll(async () => runtime?.close());

describe('cases made of several documents', () => {
  it.each([
    ['董事长', '主要负责人'],
    ['副总经理', '机构负责人'],
    ['风险管理部经理', '管理人员'],
    ['客户经理', '经办人员'],
    ['评审委员', '评审委员'],
    [undefined, '其他'],
  ])('maps the position %s to the role class %s', (position, role) => {
    expect(roleFromPosition(position)).toBe(role);
  });

  it('joins a fact sheet with the minutes of its project and carries the dissent recorded there', () => {
    const [group] = groupCases(records);
    expect(group.minutes.map((m) => m.fileName)).toEqual(['minutes.pdf']);
    const built = caseInputFromDocuments(group, undefined);
    if (!('input' in built)) throw new Error(`not built: ${built.missing}`);
    expect(built.input.institution.jurisdiction).toBe('YN');
    expect(built.input.dates).toMatchObject({ approval: '2023-03-01', compensation: '2024-05-20', factSheetDelivery: '2024-07-03' });
    expect(built.input.persons[0]).toMatchObject({
      name: '李红梅',
      role: '管理人员',
      conclusion: { result: '尽职', date: '2024-07-01' },
      dissent: { minutesRef: '滇担评〔2023〕5号', legalBasis: expect.stringContaining('《融资担保公司监督管理条例》') },
    });
  });

  it('assesses the case and publishes a signed case assessment report, once', async () => {
    const [first] = await assessCases(runtime.deps, 'yn-case', records);
    expect(first.assessment?.persons[0].name).toBe('李红梅');
    expect(first.report?.kind).toBe('CASE_ASSESSMENT');
    const pdf = await runtime.deps.archive.get(first.report!.archiveKey);
    expect((await verifyAgainstArchive(runtime.deps, pdf, 'yn-case', first.report!.reportId)).valid).toBe(true);
    const [again] = await assessCases(runtime.deps, 'yn-case', records);
    expect(again.report?.reportId).toBe(first.report?.reportId);
    expect((await runtime.deps.records.listReports('yn-case')).filter((r) => r.kind === 'CASE_ASSESSMENT')).toHaveLength(1);
  });

  it('says what is missing when a fact sheet names nobody', () => {
    const [group] = groupCases(records);
    const fields = { ...(group.factSheet.extracted!.fields as Record<string, unknown>) };
    delete fields.evaluatedPerson;
    const built = caseInputFromDocuments({ ...group, factSheet: { ...group.factSheet, extracted: { kind: 'FACT_SHEET', fields } } }, undefined);
    expect(built).toEqual({ missing: ['被评议人'] });
  });
});
