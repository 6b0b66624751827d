/**
 * 尽职免责评估报告: the rule assessment of one 尽职免责 case (`assessCase`), for the
 * 尽职免责调查认定工作小组. Prints the rule set and why it applies (or why none does), each
 * evaluated person's outcome with what decided it and every rule result with its article and
 * quoted text, missing evidence and parameters, procedure flags, deadlines, the workflow
 * state and the documents the assessment rests on.
 */
import { KIND_LABEL_ZH } from '../domain/fields.js';
import type { Assessment, PersonAssessment } from '../rules/assess.js';
import { OUTCOME_LABEL_ZH } from '../rules/assess.js';
import { CASE_DOCUMENT_LABEL_ZH, type KeyDates } from '../rules/case.js';
import { RULE_SETS } from '../rules/rulesets/index.js';
import type { RuleResult, RuleSetMeta } from '../rules/types.js';
import { MODALITY_ZH, formatBasisPoints, formatBoolean, formatDateZh } from './format.js';
import { ReportDocument, type KeyValue, type ReportMeta, type TableSpec } from './layout.js';
import {
  NONE,
  SectionNumbers,
  dateOrNone,
  deadlinesTable,
  outcomeText,
  ruleResultsTable,
  withChineseDates,
} from './rule-results.js';

const WORKING_GROUP = '尽职免责调查认定工作小组';

/** A document the assessment rests on. */
export interface SourceDocument {
  /** File or document name as filed, e.g. `项目评审会议纪要（2021年第12期）.pdf`. */
  name: string;
  /** Document kind: a pipeline kind (`MEETING_MINUTES`), a case document type (`FACT_SHEET`) or a Chinese label. */
  kind: string;
  /** The document's identity in the records (its SHA-256). */
  documentId: string;
}

export interface CaseAssessmentMeta extends ReportMeta {
  /** The documents the case input was built from; listed in the report. */
  sources?: SourceDocument[];
  /**
   * Rule sets the assessment chose from, to tell whether the chosen one (or one of the
   * jurisdiction's) is a draft.
   * @default RULE_SETS
   */
  registry?: readonly RuleSetMeta[];
  /**
   * Signature lines for working-group members after the leader's.
   * @default 3
   */
  memberSignatureLines?: number;
}

export async function renderCaseAssessment(assessment: Assessment, meta: CaseAssessmentMeta): Promise<Uint8Array> {
  if (assessment.schemaVersion !== 1) throw new Error(`unsupported assessment schemaVersion ${String(assessment.schemaVersion)}`);
  const registry = meta.registry ?? RULE_SETS;
  const doc = await ReportDocument.create({
    title: '尽职免责评估报告',
    subtitle: WORKING_GROUP,
    documentNo: meta.documentNo,
    generatedAt: meta.generatedAt,
  });
  const sections = new SectionNumbers();

  const warnings = firstPageNotes(assessment, registry);
  if (warnings.length > 0) {
    doc.heading('重要提示');
    warnings.forEach((text, i) => doc.paragraph(`${i + 1}. ${text}`));
  }

  doc.heading(sections.next('案件基本情况')).keyValues([
    { label: '案件编号', value: assessment.caseId ?? NONE },
    { label: '担保机构', value: assessment.institution.name },
    { label: '所在辖区', value: `${assessment.institution.jurisdictionZh}（${assessment.institution.jurisdiction}）` },
    { label: '评估基准日', value: formatDateZh(assessment.assessedOn) },
    { label: '工作日历', value: assessment.calendarSource },
    { label: '被评议人', value: assessment.persons.map((p) => `${p.name}（${p.role}）`).join('、') || NONE },
  ]);

  printRuleSet(doc, sections, assessment, registry);

  doc.heading(sections.next('评估结论摘要'));
  if (assessment.persons.length === 0) doc.paragraph('案件未列明被评议人。');
  else doc.table(personSummaryTable(assessment.persons));

  if (assessment.persons.length > 0) {
    doc.heading(sections.next('逐人评估结果'));
    const subs = new SectionNumbers();
    for (const person of assessment.persons) printPerson(doc, subs, assessment, person);
  }

  printProcedure(doc, sections, assessment);
  printMissing(doc, sections, assessment);

  doc.heading(sections.next('期限'));
  if (assessment.deadlines.length === 0) doc.paragraph('本案没有计算出的期限。');
  else doc.table(deadlinesTable(assessment.deadlines));

  printWorkflow(doc, sections, assessment);

  doc.heading(sections.next('依据材料'));
  const sources = meta.sources ?? [];
  if (sources.length === 0) doc.paragraph('未随本报告提供依据材料清单。');
  else doc.table(sourcesTable(sources));

  if (assessment.notes.length > 0) {
    doc.heading(sections.next('其他说明'));
    assessment.notes.forEach((note, i) => doc.paragraph(`${i + 1}. ${withChineseDates(note)}`));
  }

  doc.paragraph(
    '本报告由规则引擎依据案件材料逐条核对生成，列明每条规则的依据条文和判断理由，供工作小组评议参考；评议结论和责任认定以工作小组及有权机构审议确定的结果为准。',
  );
  const members = meta.memberSignatureLines ?? 3;
  doc.signatureBlock([
    { label: '工作小组组长（签字）', date: true },
    ...Array.from({ length: members }, () => ({ label: '工作小组成员（签字）', date: true })),
  ]);
  return doc.finish();
}

/** What a reader must know before anything else: no rule set, a draft, unset parameters, blocks, reviews. */
function firstPageNotes(a: Assessment, registry: readonly RuleSetMeta[]): string[] {
  const notes: string[] = [];
  const { ruleSet } = a;
  if (ruleSet.status !== 'SELECTED') {
    notes.push(
      `未能确定适用的规定：${outcomeText(ruleSet.status, outcomeLabel)}。${withChineseDates(ruleSet.explanation)}本报告不构成免责或追责结论。`,
    );
  }
  const chosen = ruleSet.id ? registry.find((r) => r.id === ruleSet.id) : undefined;
  if (chosen && chosen.status !== 'IN_FORCE') {
    notes.push(`适用规定《${chosen.titleZh}》${RULE_SET_STATUS_ZH[chosen.status]}，不能作为正式认定依据。`);
  }
  const drafts = registry.filter(
    (r) => r.jurisdiction === a.institution.jurisdiction && r.kind === 'DUE_DILIGENCE_EXEMPTION' && r.status !== 'IN_FORCE' && r.id !== chosen?.id,
  );
  for (const d of drafts) notes.push(`《${d.titleZh}》${RULE_SET_STATUS_ZH[d.status]}，未作为评估依据。`);
  if (ruleSet.decidedBy === 'manual_review') notes.push(`适用规定经人工复核确定：${withChineseDates(ruleSet.explanation)}`);

  const missing = a.parameters.filter((p) => a.missingParameters.includes(p.name));
  const unknownMissing = a.missingParameters.filter((name) => !a.parameters.some((p) => p.name === name));
  if (missing.length > 0 || unknownMissing.length > 0) {
    const named = [...missing.map((p) => `${p.name}（${p.labelZh}，用于${p.usedBy.join('、')}）`), ...unknownMissing];
    notes.push(
      `以下参数应由机构实施细则规定而未配置，相关规则无法判定：${named.join('；')}。不得借用其他省份的数值；配置后须重新评估。`,
    );
  }
  const otherUnset = a.parameters.filter((p) => !p.configured && !a.missingParameters.includes(p.name));
  if (otherUnset.length > 0) {
    notes.push(`另有参数未配置，本案暂未用到：${otherUnset.map((p) => `${p.name}（${p.labelZh}）`).join('；')}。`);
  }
  if (a.procedure.finalisationBlocked && ruleSet.status === 'SELECTED') {
    notes.push(`存在阻止定稿的程序问题（共 ${a.procedure.blockingReasons.length} 项），纠正前不得形成最终结论，详见程序核查部分。`);
  }
  const review = a.persons.filter((p) => p.needsReview && ruleSet.status === 'SELECTED');
  if (review.length > 0) notes.push(`以下被评议人的评估结论需人工复核：${review.map((p) => p.name).join('、')}。`);
  return notes;
}

const RULE_SET_STATUS_ZH: Record<RuleSetMeta['status'], string> = {
  IN_FORCE: '现行有效',
  DRAFT_NOT_IN_FORCE: '为征求意见稿，尚未生效',
  VALIDITY_NOT_STATED: '未载明效力期间',
};

function outcomeLabel(code: string): string {
  return (OUTCOME_LABEL_ZH as Record<string, string>)[code] ?? code;
}

function printRuleSet(doc: ReportDocument, sections: SectionNumbers, a: Assessment, registry: readonly RuleSetMeta[]): void {
  const { ruleSet } = a;
  doc.heading(sections.next('适用规定'));
  const entries: KeyValue[] =
    ruleSet.status === 'SELECTED'
      ? [
          { label: '适用规定', value: `《${ruleSet.titleZh ?? ruleSet.id}》` },
          { label: '文号', value: ruleSet.documentNo ?? '（原文未载明文号）' },
          { label: '规则集编号', value: ruleSet.id ?? NONE },
          { label: '有效期', value: `${dateOrNone(ruleSet.validFrom)}至${ruleSet.validTo ? formatDateZh(ruleSet.validTo) : '（未载明终止日）'}（含首尾两日）` },
          { label: '确定方式', value: ruleSet.decidedBy === 'manual_review' ? '关键日期跨越有效期边界，经人工复核确定' : '按案件关键日期确定' },
          { label: '确定理由', value: withChineseDates(ruleSet.explanation) },
        ]
      : [
          { label: '选择结果', value: outcomeText(ruleSet.status, outcomeLabel) },
          { label: '本辖区现行规定', value: ruleSet.candidates.map((id) => ruleSetText(id, registry)).join('；') || '（本辖区无现行有效的该类规定）' },
          { label: '原因', value: withChineseDates(ruleSet.explanation) },
        ];
  doc.keyValues(entries);
  if (ruleSet.keyDates.length === 0) {
    doc.paragraph('案件未载明任何关键日期。');
    return;
  }
  doc.table({
    columns: [
      { title: '关键日期', width: 1.4 },
      { title: '日期', width: 1.5 },
      { title: '所在有效期的规定', width: 3 },
    ],
    rows: ruleSet.keyDates.map((k) => [k.labelZh, formatDateZh(k.date), k.inForce.length ? k.inForce.join('、') : '不在任何规定的有效期内']),
  });
}

/** `NX-DDE-2021《…》（2021年4月1日至2023年4月1日）`, or the bare ID of a rule set the registry does not hold. */
function ruleSetText(id: string, registry: readonly RuleSetMeta[]): string {
  const r = registry.find((candidate) => candidate.id === id);
  if (!r) return id;
  return `${id}《${r.titleZh}》（${dateOrNone(r.validFrom)}至${r.validTo ? formatDateZh(r.validTo) : '（未载明终止日）'}）`;
}

function personSummaryTable(persons: readonly PersonAssessment[]): TableSpec {
  return {
    columns: [
      { title: '被评议人', width: 1.3 },
      { title: '人员类别', width: 1.2 },
      { title: '评估结论', width: 2.6 },
      { title: '效力', width: 1.4 },
      { title: '决定依据', width: 1.6 },
      { title: '需复核', width: 0.8, align: 'center' },
    ],
    rows: persons.map((p) => [
      p.name,
      p.role,
      outcomeText(p.outcome, outcomeLabel, { codeOnNewLine: true }),
      modalityText(p),
      p.decidedBy.join('、') || NONE,
      formatBoolean(p.needsReview),
    ]),
  };
}

function modalityText(p: PersonAssessment): string {
  return p.modality ? MODALITY_ZH[p.modality] : NONE;
}

function printPerson(doc: ReportDocument, subs: SectionNumbers, a: Assessment, p: PersonAssessment): void {
  const everyRule = [...p.rules, ...p.procedure];
  const decided = p.decidedBy.map((id) => {
    if (id === 'RS-SELECT') return '适用规定的选择（RS-SELECT）';
    const rule = everyRule.find((r) => r.ruleId === id);
    return rule ? `${id}（${rule.article}）` : id;
  });
  const entries: KeyValue[] = [
    { label: '评估结论', value: outcomeText(p.outcome, outcomeLabel) },
    { label: '效力', value: modalityText(p) },
    { label: '决定依据', value: decided.join('、') || '未发现任何免责情形或应追责情形的依据' },
  ];
  if (p.provisionalOutcome) entries.push({ label: '补齐材料后可能结论', value: outcomeText(p.provisionalOutcome, outcomeLabel) });
  if (p.exemptionGroundsMet.length) entries.push({ label: '已成立的免责情形', value: p.exemptionGroundsMet.join('、') });
  const overridden = p.rules.filter((r) => r.overridden).map((r) => r.ruleId);
  if (overridden.length) entries.push({ label: '被覆盖的免责结果', value: overridden.join('、') });
  entries.push(
    { label: '需人工复核', value: formatBoolean(p.needsReview) },
    { label: '评估说明', value: withChineseDates(p.explanation) },
    { label: '缺少的材料', value: p.missingEvidence.join('、') || '无' },
    { label: '缺少的参数', value: p.missingParameters.map((name) => parameterText(a, name)).join('；') || '无' },
  );
  doc.heading(subs.nextSub(`${p.name}（${p.role}${p.id ? `，${p.id}` : ''}）`)).keyValues(entries);

  if (p.rules.length === 0 && p.procedure.length === 0) {
    doc.paragraph('未确定适用的规定，未逐条评估规则。');
    return;
  }
  if (p.rules.length > 0) {
    doc.heading(`${p.name}：实体规则逐条结果（共 ${p.rules.length} 条，按评估顺序）`).table(ruleResultsTable(p.rules, outcomeLabel));
  }
  if (p.procedure.length > 0) {
    doc.heading(`${p.name}：程序规则逐条结果（共 ${p.procedure.length} 条）`).table(ruleResultsTable(p.procedure, outcomeLabel));
  }
}

/** `compensationRateToleranceBp（代偿容忍度（年度代偿率上限））`. */
function parameterText(a: Assessment, name: string): string {
  const spec = a.parameters.find((p) => p.name === name);
  return spec ? `${name}（${spec.labelZh}）` : name;
}

function printProcedure(doc: ReportDocument, sections: SectionNumbers, a: Assessment): void {
  const { procedure } = a;
  doc.heading(sections.next('程序核查'));
  doc.keyValues([
    { label: '能否定稿', value: procedure.finalisationBlocked ? '否，存在阻止定稿的问题' : '是，未发现阻止定稿的程序问题' },
    {
      label: '程序标识',
      value: procedure.flags.length ? procedure.flags.map((f) => outcomeText(f, outcomeLabel)).join('；') : '无',
    },
  ]);
  procedure.blockingReasons.forEach((reason, i) => doc.paragraph(`阻止定稿事项 ${i + 1}：${withChineseDates(reason)}`));
  if (procedure.results.length > 0) {
    doc.heading(`案件程序规则逐条结果（共 ${procedure.results.length} 条）`).table(ruleResultsTable(procedure.results, outcomeLabel));
  }
}

function printMissing(doc: ReportDocument, sections: SectionNumbers, a: Assessment): void {
  doc.heading(sections.next('缺少的材料和参数'));
  const evidence = missingEvidence(a);
  if (evidence.length === 0) {
    doc.paragraph('未发现缺少的材料。');
  } else {
    doc.table({
      columns: [
        { title: '序号', width: 0.6, align: 'center' },
        { title: '缺少的材料', width: 3 },
        { title: '涉及规则', width: 2.2 },
        { title: '涉及人员', width: 1.6 },
      ],
      rows: evidence.map((e, i) => [String(i + 1), e.material, e.rules.join('、'), e.persons.join('、') || '（案件整体）']),
    });
  }
  if (a.parameters.length === 0) {
    doc.paragraph(a.ruleSet.status === 'SELECTED' ? '适用规定不需要机构配置的参数。' : '未确定适用的规定，不涉及机构配置的参数。');
    return;
  }
  doc.table({
    columns: [
      { title: '参数', width: 2.6 },
      { title: '含义', width: 2.2 },
      { title: '状态', width: 1.8 },
      { title: '涉及规则', width: 1 },
    ],
    rows: a.parameters.map((p) => [
      p.name,
      p.labelZh,
      p.configured
        ? `已配置：${parameterValue(p.name, p.value)}`
        : a.missingParameters.includes(p.name)
          ? '未配置（相关规则无法判定）'
          : '未配置（本案未用到）',
      p.usedBy.join('、'),
    ]),
  });
}

interface MissingMaterial {
  material: string;
  rules: string[];
  persons: string[];
}

/** Each missing material once, with the rules that need it and the persons concerned (overridden results left out). */
function missingEvidence(a: Assessment): MissingMaterial[] {
  const byMaterial = new Map<string, MissingMaterial>();
  const add = (r: RuleResult, person?: string) => {
    if (r.overridden) return;
    for (const material of r.missingEvidence) {
      const entry = byMaterial.get(material) ?? { material, rules: [], persons: [] };
      if (!entry.rules.includes(r.ruleId)) entry.rules.push(r.ruleId);
      if (person && !entry.persons.includes(person)) entry.persons.push(person);
      byMaterial.set(material, entry);
    }
  };
  for (const r of a.procedure.results) add(r);
  for (const p of a.persons) for (const r of [...p.rules, ...p.procedure]) add(r, p.name);
  return [...byMaterial.values()];
}

/** A configured parameter in words: basis points as a percentage, periods with their unit. */
function parameterValue(name: string, value: unknown): string {
  if (typeof value === 'number') {
    if (name.endsWith('Bp')) return formatBasisPoints(value);
    if (name.endsWith('Months')) return `${value} 个月`;
    return String(value);
  }
  if (isPeriod(value)) return `${value.count} 个${value.unit === 'working_days' ? '工作日' : '自然日'}`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isPeriod(value: unknown): value is { count: number; unit: string } {
  return typeof value === 'object' && value !== null && 'count' in value && 'unit' in value;
}

const DATE_LABEL_ZH: Record<keyof KeyDates, string> = {
  approval: '担保审批日',
  compensation: '代偿日',
  lossConfirmation: '确认损失日',
  investigationStart: '调查开展日',
  investigationEnd: '调查结束日',
  evaluation: '尽职评议日',
  conclusion: '评议结论日',
  deliberation: '审议日',
  factSheetDelivery: '事实认定材料送达日',
  signature: '签字日',
  refusal: '拒签日',
  objection: '异议提出日',
  determination: '责任认定日',
  determinationApproval: '责任认定审议日',
  publication: '公示日',
  archive: '归档日',
};

/** `dates.approval` -> 担保审批日; `document:FACT_SHEET:ref` -> 事实认定材料（ref）; `case-data` -> 案件数据. */
function evidenceText(evidence: string): string {
  if (evidence.startsWith('dates.')) return (DATE_LABEL_ZH as Record<string, string>)[evidence.slice(6)] ?? evidence;
  if (evidence.startsWith('document:')) {
    const [, type, ...ref] = evidence.split(':');
    const label = (CASE_DOCUMENT_LABEL_ZH as Record<string, string>)[type] ?? type;
    return ref.length ? `${label}（${ref.join(':')}）` : label;
  }
  if (evidence === 'case-data') return '案件数据';
  return evidence;
}

function printWorkflow(doc: ReportDocument, sections: SectionNumbers, a: Assessment): void {
  doc.heading(sections.next('工作流程状态'));
  const workflow = a.workflow;
  if (!workflow) {
    doc.paragraph('未确定适用的规定，无法对照其工作流程。');
    return;
  }
  doc.keyValues([
    { label: '当前环节', value: workflow.current ? `${workflow.current.labelZh}（${workflow.current.id}）` : '尚未进入任何环节' },
    { label: '下一环节', value: workflow.next ? `${workflow.next.labelZh}（${workflow.next.id}）` : NONE },
    { label: '缺少记录的前序环节', value: workflow.gaps.map((g) => `${g.labelZh}（${g.id}）`).join('、') || '无' },
  ]);
  doc.table({
    columns: [
      { title: '编号', width: 0.7, align: 'center' },
      { title: '环节', width: 2.6 },
      { title: '状态', width: 1.1, align: 'center' },
      { title: '日期', width: 1.5 },
      { title: '依据', width: 2.6 },
    ],
    rows: workflow.states.map((s) => [
      s.id,
      s.labelZh,
      s.entered ? '已进入' : '未见记录',
      dateOrNone(s.date),
      s.evidence.map(evidenceText).join('、') || NONE,
    ]),
  });
}

function sourcesTable(sources: readonly SourceDocument[]): TableSpec {
  return {
    columns: [
      { title: '序号', width: 0.6, align: 'center' },
      { title: '材料名称', width: 3.2 },
      { title: '材料类型', width: 1.5 },
      { title: '文件标识（SHA-256）', width: 2.6 },
    ],
    rows: sources.map((s, i) => [String(i + 1), s.name, kindText(s.kind), s.documentId]),
  };
}

function kindText(kind: string): string {
  return (KIND_LABEL_ZH as Record<string, string>)[kind] ?? (CASE_DOCUMENT_LABEL_ZH as Record<string, string>)[kind] ?? kind;
}
