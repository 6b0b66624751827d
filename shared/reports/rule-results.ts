/**
 * Tables and labels shared by the reports that print rule results (尽职免责评估报告,
 * 绩效评价计分表): every rule with its ID, article, result, outcome, explanation and the
 * regulation's own wording, and the dated deadlines the rules computed.
 */
import type { Modality } from '../domain/records.js';
import type { Deadline, RuleStatus } from '../rules/types.js';
import { MODALITY_ZH, formatDateZh } from './format.js';
import type { TableSpec } from './layout.js';

/** Result of a rule. For a non-exemptable circumstance `MET` means the circumstance is present. */
export const RULE_STATUS_ZH: Record<RuleStatus, string> = {
  MET: '成立',
  NOT_MET: '不成立',
  NOT_APPLICABLE: '不适用',
  UNDETERMINED_PARAMETER_MISSING: '缺少参数，无法判定',
};

export const DEADLINE_STATUS_ZH: Record<Deadline['status'], string> = {
  MET: '按期',
  MISSED: '逾期',
  PENDING: '尚未届满',
  UNDETERMINED: '无法判定',
};

/** What the two result shapes (`RuleResult`, `CheckResult`) have in common. */
export interface PrintableRuleResult {
  ruleId: string;
  article: string;
  quote: string;
  modality: Modality;
  result: RuleStatus;
  outcome: string;
  explanation: string;
  overridden?: boolean;
}

/** Printed for a value the source leaves empty. */
export const NONE = '—';

/**
 * Every rule result: ID, article, result (with the modality of the rule under it), outcome (Chinese label
 * and code), explanation, and the quoted text of the regulation, which wraps inside its cell.
 */
export function ruleResultsTable(results: readonly PrintableRuleResult[], outcomeLabel: (code: string) => string): TableSpec {
  return {
    columns: [
      { title: '规则编号', width: 1.15 },
      { title: '条款', width: 1.1 },
      { title: '结果', width: 1.15 },
      { title: '结论', width: 1.9 },
      { title: '说明', width: 2.7 },
      { title: '条文原文', width: 3.5 },
    ],
    rows: results.map((r) => [
      r.ruleId,
      r.article,
      [RULE_STATUS_ZH[r.result], MODALITY_ZH[r.modality], r.overridden ? '已被前序规则覆盖' : ''].filter(Boolean).join('\n'),
      outcomeText(r.outcome, outcomeLabel, { codeOnNewLine: true }),
      withChineseDates(r.explanation),
      `“${r.quote}”`,
    ]),
  };
}

/**
 * `可免除全部或部分责任（EXEMPTION_AVAILABLE）`, or label and code on two lines for a narrow
 * table column; a code without a label is printed alone.
 */
export function outcomeText(code: string, label: (code: string) => string, options: { codeOnNewLine?: boolean } = {}): string {
  const zh = label(code);
  if (!zh || zh === code) return code;
  return options.codeOnNewLine ? `${zh}\n${code}` : `${zh}（${code}）`;
}

/** The deadlines with their dates in Chinese form; the person concerned follows the step. */
export function deadlinesTable(deadlines: readonly Deadline[]): TableSpec {
  return {
    columns: [
      { title: '事项', width: 1.6 },
      { title: '规则', width: 1 },
      { title: '起算日', width: 1.85 },
      { title: '最后一日', width: 1.85 },
      { title: '实际日期', width: 1.85 },
      { title: '状态', width: 0.8, align: 'center' },
      { title: '计算依据', width: 2.2 },
    ],
    rows: deadlines.map((d) => [
      d.personName ? `${d.labelZh}（${d.personName}）` : d.labelZh,
      d.ruleId,
      dateOrNone(d.from),
      dateOrNone(d.lastDay),
      dateOrNone(d.actual),
      DEADLINE_STATUS_ZH[d.status],
      withChineseDates(d.basisZh),
    ]),
  };
}

export function dateOrNone(isoDate: string | undefined): string {
  return isoDate ? formatDateZh(isoDate) : NONE;
}

/**
 * ISO dates inside prose (`2022-03-15`) rewritten in Chinese form (`2022年3月15日`), so that a
 * report reads in one date style. Quotes of a regulation are never passed through this.
 */
export function withChineseDates(text: string): string {
  return text.replace(/(?<![\dA-Za-z-])\d{4}-\d{2}-\d{2}(?![\d-])/g, (iso) => formatDateZh(iso));
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一 (section numbers up to 99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`section number out of range: ${n}`);
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
}

/** Numbers section headings in the order they are printed: `一、…`, `二、…`; sub-headings `（一）…`. */
export class SectionNumbers {
  private section = 0;
  private sub = 0;

  next(title: string): string {
    this.section += 1;
    this.sub = 0;
    return `${chineseNumeral(this.section)}、${title}`;
  }

  nextSub(title: string): string {
    this.sub += 1;
    return `（${chineseNumeral(this.sub)}）${title}`;
  }
}
