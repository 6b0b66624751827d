import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCaseAssessment, type SourceDocument } from '../../shared/reports/case-assessment.js';
import { MODALITY_ZH } from '../../shared/reports/format.js';
import { RULE_STATUS_ZH, withChineseDates } from '../../shared/reports/rule-results.js';
import { assessCase, OUTCOME_LABEL_ZH, type Assessment } from '../../shared/rules/assess.js';
import { RULE_SETS } from '../../shared/rules/rulesets/index.js';
import type { AnyRuleSet, RuleResult } from '../../shared/rules/types.js';
import { calendar, nxCase, ynCase } from '../rules/fixtures.js';
import { cellTexts, overlappingWords, pageCount, pdfText, renderPngs, savePdf, squeeze, wordBoxes } from './pdf-tools.js';

const meta = { documentNo: 'ZZ-PG-2025-000031', generatedAt: new Date('2025-06-30T09:30:00+08:00') };

const SOURCES: SourceDocument[] = [
  { name: '项目评审会议纪要（2023年第5期）.pdf', kind: 'MEETING_MINUTES', documentId: 'f3'.repeat(32) },
  { name: '代偿通知书及代偿凭证.pdf', kind: 'COMPENSATION_VOUCHER', documentId: '0a'.repeat(32) },
  { name: '事实认定材料（张三）.pdf', kind: 'FACT_SHEET', documentId: '7c'.repeat(32) },
];

function example(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../docs/examples/${name}.json`, import.meta.url), 'utf8'));
}

/** Renders, saves and reads back a report; `png` also renders its pages for looking at. */
async function render(name: string, assessment: Assessment, extra: Partial<Parameters<typeof renderCaseAssessment>[1]> = {}, png = true) {
  const path = savePdf(name, await renderCaseAssessment(assessment, { ...meta, ...extra }));
  if (png) renderPngs(path);
  return { path, pages: pageCount(path), text: squeeze(pdfText(path)), cells: cellTexts(path) };
}

/**
 * Every row of every rule table: ID, article, result, outcome label and code, explanation and quote.
 * Cells are drawn one after another, so in the text as drawn a cell is contiguous only when its
 * row was not split across pages (the running header and the footer would come between).
 */
function expectEveryRule(text: string, results: RuleResult[]): void {
  for (const r of results) {
    const row = squeeze(`${r.ruleId}${r.article}${RULE_STATUS_ZH[r.result]}${MODALITY_ZH[r.modality]}`);
    expect(text, `${r.ruleId} row`).toContain(row);
    expect(text, `${r.ruleId} outcome`).toContain(squeeze(`${OUTCOME_LABEL_ZH[r.outcome]}${r.outcome}`));
    expect(text, `${r.ruleId} explanation`).toContain(squeeze(withChineseDates(r.explanation)));
    expect(text, `${r.ruleId} quote`).toContain(squeeze(`“${r.quote}”`));
  }
}

function expectPageNumbers(path: string, pages: number): void {
  for (let page = 1; page <= pages; page++) expect(pdfText(path, page)).toContain(`第 ${page} 页 共 ${pages} 页`);
}

describe('renderCaseAssessment', () => {
  it('prints a Yunnan exemption case: rule set, outcome with its modality, every rule quoted, deadlines, sources, signatures', async () => {
    // Prepare
    const assessment = assessCase(ynCase({ dates: { factSheetDelivery: '2024-09-30', objection: '2024-10-11' } }), { calendar, today: '2025-06-30' });
    const [person] = assessment.persons;
    expect(person.outcome).toBe('EXEMPTION_AVAILABLE');

    // Act
    const { path, pages, text, cells } = await render('case-assessment-yunnan', assessment, { sources: SOURCES });

    // Assess
    expect(pages).toBeGreaterThan(3);
    for (const expected of [
      '尽职免责评估报告',
      '尽职免责调查认定工作小组',
      '文书编号：ZZ-PG-2025-000031',
      '生成日期：2025年6月30日',
      '张三：实体规则逐条结果（共 31 条，按评估顺序）',
      '工作小组组长（签字）：',
      '工作小组成员（签字）：',
    ]) {
      expect(text, expected).toContain(squeeze(expected));
    }
    expect(text.match(/工作小组成员（签字）：/g)).toHaveLength(3);
    for (const expected of [
      'YN-TEST',
      '云南某融资担保有限公司',
      '云南省（YN）',
      '《云南省政府性融资担保再担保业务尽职免责工作指引（试行）》',
      '云金规〔2022〕2号',
      '2023年1月1日至2025年12月31日（含首尾两日）',
      '按案件关键日期确定',
      // Outcome, modality and what decided it.
      '可免除全部或部分责任（EXEMPTION_AVAILABLE）',
      MODALITY_ZH.may,
      'YN-9-6（第九条第（六）项）',
      // Deadlines in Chinese date form, including the working-day objection period.
      '提出书面异议（张三）',
      '2024年10月12日',
      '2024年10月11日',
      '2024年9月15日',
      // Procedure flags and workflow.
      '异议及时（OBJECTION_TIMELY）',
      `${assessment.workflow!.current!.labelZh}（${assessment.workflow!.current!.id}）`,
      // Sources.
      '项目评审会议纪要（2023年第5期）.pdf',
      '代偿凭证',
      'f3'.repeat(32),
    ]) {
      expect(cells.some((c) => c.includes(squeeze(expected))), expected).toBe(true);
    }
    expectEveryRule(text, [...person.rules, ...person.procedure, ...assessment.procedure.results]);
    // Long quotes wrap inside their cells instead of running off the page.
    const words = wordBoxes(path);
    const longest = person.rules.reduce((a, b) => (b.quote.length > a.quote.length ? b : a));
    const quoteLines = words.filter((w) => w.text.length > 6 && longest.quote.includes(w.text));
    expect(new Set(quoteLines.map((w) => Math.round(w.yMin))).size).toBeGreaterThan(3);
    for (const w of words) expect(w.xMax, w.text).toBeLessThanOrEqual(595.28 - 50);
    expectPageNumbers(path, pages);
    expect(overlappingWords(words)).toEqual([]);
  });

  it('puts an unconfigured Ningxia parameter on the first page and names it wherever it is missing', async () => {
    const assessment = assessCase(example('case-ningxia') as Parameters<typeof assessCase>[0], { calendar, today: '2026-11-22' });
    const head = assessment.persons.find((p) => p.name === '王建华')!;
    expect(head.outcome).toBe('UNDETERMINED_PARAMETER_MISSING');

    const { path, pages, text, cells } = await render('case-assessment-ningxia', assessment);

    const first = squeeze(pdfText(path, 1));
    expect(first).toContain('重要提示');
    expect(first).toContain(squeeze('compensationRateToleranceBp（代偿容忍度（年度代偿率上限），用于NX-9-1）'));
    expect(first).toContain('以下被评议人的评估结论需人工复核：王建华。');
    for (const expected of [
      '缺少参数，无法判定（UNDETERMINED_PARAMETER_MISSING）',
      MODALITY_ZH.in_principle,
      'NX-9-1（第九条前段）',
      'compensationRateToleranceBp（代偿容忍度（年度代偿率上限））',
      '未配置（相关规则无法判定）',
      '未配置（本案未用到）',
      '（原文未载明文号）',
      '2021年4月1日至2023年4月1日（含首尾两日）',
      '2022年9月15日',
      '成立工作小组（S4）、调查结束（S6）、尽职评议（S7）',
      '工作小组组成及审议确定记录',
    ]) {
      expect(cells.some((c) => c.includes(squeeze(expected))), expected).toBe(true);
    }
    expect(text).toContain(squeeze('未随本报告提供依据材料清单。'));
    for (const person of assessment.persons) expectEveryRule(text, [...person.rules, ...person.procedure]);
    expectEveryRule(text, assessment.procedure.results);
    // The rule tables run over many pages, each continuation under a repeated header.
    expect(pages).toBeGreaterThan(10);
    const words = wordBoxes(path);
    const headerPages = new Set(words.filter((w) => w.text === '条文原文').map((w) => w.page));
    expect(headerPages.size).toBeGreaterThan(8);
    expectPageNumbers(path, pages);
    expect(overlappingWords(words)).toEqual([]);
  });

  it('prints a configured parameter with its value', async () => {
    const assessment = assessCase(example('case-ningxia') as Parameters<typeof assessCase>[0], {
      calendar,
      today: '2026-11-22',
      institutionConfig: { jurisdiction: 'NX', compensationRateToleranceBp: 350, objectionPeriod: { count: 10, unit: 'working_days' } },
    });

    const { path, cells } = await render('case-assessment-ningxia-configured', assessment, {}, false);

    expect(cells).toContain(squeeze('已配置：3.50%'));
    expect(cells).toContain(squeeze('已配置：10 个工作日'));
    expect(squeeze(pdfText(path, 1))).not.toContain('compensationRateToleranceBp');
  });

  it('says why no rule set applies to a case outside every validity window, with the key dates', async () => {
    const assessment = assessCase(example('case-ningxia-after-expiry') as Parameters<typeof assessCase>[0], { calendar, today: '2026-11-22' });
    expect(assessment.ruleSet.status).toBe('NO_RULESET_IN_FORCE');

    const { path, pages, text, cells } = await render('case-assessment-out-of-window', assessment);

    const first = squeeze(pdfText(path, 1));
    expect(first).toContain(squeeze('未能确定适用的规定：无现行有效规定（NO_RULESET_IN_FORCE）'));
    expect(first).toContain('本报告不构成免责或追责结论');
    for (const expected of ['2024年3月15日', '不在任何规定的有效期内', 'NX-DDE-2021《宁夏回族自治区政府性融资担保（再担保）机构尽职免责管理暂行办法》（2021年4月1日至2023年4月1日）']) {
      expect(cells.some((c) => c.includes(squeeze(expected))), expected).toBe(true);
    }
    expect(text).toContain('未确定适用的规定，未逐条评估规则。');
    expect(text).not.toContain('条文原文');
    expectPageNumbers(path, pages);
  });

  it('notes on the first page a draft the jurisdiction has but may not apply', async () => {
    const nx = RULE_SETS.find((r) => r.id === 'NX-DDE-2021')!;
    const registry: AnyRuleSet[] = [{ ...nx, titleZh: `${nx.titleZh}（征求意见稿）`, status: 'DRAFT_NOT_IN_FORCE' } as AnyRuleSet];
    const assessment = assessCase(nxCase(), { calendar, today: '2023-03-01', registry });
    expect(assessment.ruleSet.status).toBe('NO_RULESET_IN_FORCE');

    const { path } = await render('case-assessment-draft', assessment, { registry }, false);

    expect(squeeze(pdfText(path, 1))).toContain(squeeze(`《${nx.titleZh}（征求意见稿）》为征求意见稿，尚未生效，未作为评估依据。`));
  });

  it('refuses an assessment of another schema version', async () => {
    const assessment = assessCase(ynCase(), { calendar, today: '2025-06-30' });
    await expect(renderCaseAssessment({ ...assessment, schemaVersion: 2 } as unknown as Assessment, meta)).rejects.toThrow(/schemaVersion/);
  });
});
