import type { AuditReportFields, Field } from '../domain/fields.js';
import type { TextLine } from './lines.js';
import { parseFiscalYear } from './normalize/date.js';
import {
  countValue,
  dateValue,
  declaredUnit,
  fieldFrom,
  findInstitution,
  firstMatch,
  LabeledFields,
  type Unreadable,
  idValue,
  moneyValue,
  multipleValue,
  percentValue,
  textValue,
} from './values.js';

const LABELS = {
  reportNo: ['审计报告编号', '报告编号', '文号', '编号'],
  institutionName: ['被审计单位', '被审计机构', '被检查单位', '审计对象'],
  auditor: ['审计机构', '审计单位', '审计部门', '实施单位', '会计师事务所'],
  period: ['审计期间', '会计期间', '审计年度', '所属期间', '报告期'],
  reportDate: ['报告日期', '出具日期', '签发日期'],
  registeredCapital: ['注册资本', '实收资本'],
  outstandingBalance: ['期末在保余额', '年末在保余额', '在保余额'],
  newGuaranteeAmount: ['本年新增担保金额', '新增担保金额', '新增担保额', '本年新增担保'],
  compensationAmount: ['本年代偿金额', '代偿金额', '当年代偿额', '代偿额'],
  compensationRate: ['担保代偿率', '年度代偿率', '代偿率'],
  provisionCoverageRatio: ['拨备覆盖率'],
  recoveryRate: ['担保代偿回收率', '代偿回收率'],
  leverageMultiple: ['融资担保放大倍数', '放大倍数'],
  newSmallMicroClients: ['新增小微企业和三农户数', '新增小微三农户数', '新增支小支农户数', '新增户数'],
  avgFeeRate: ['平均担保费率', '综合担保费率', '平均费率'],
} as const;

const OPINIONS = ['无法表示意见', '带强调事项段的无保留意见', '标准无保留意见', '无保留意见', '保留意见', '否定意见'];

export function extractAuditReport(lines: TextLine[], unreadable: Unreadable[] = []): AuditReportFields {
  const r = new LabeledFields(lines, LABELS, unreadable);
  const unit = declaredUnit(lines);
  const title = lines.filter((l) => l.page === 1).slice(0, 5);
  const titleText = title.map((l) => l.text).join('');

  const auditKind = firstMatch(title, /.+/, () =>
    /内部审计|内审/.test(titleText)
      ? ('内部审计' as const)
      : /专项/.test(titleText)
        ? ('专项检查' as const)
        : /合规/.test(titleText)
          ? ('合规检查' as const)
          : /财务|年度审计|会计师事务所/.test(titleText + lines.map((l) => l.text).join(''))
            ? ('年度财务审计' as const)
            : undefined,
  );

  const fiscalYear =
    r.read('period', (t) => {
      const year = parseFiscalYear(t);
      return year !== undefined ? { value: year, certainty: 1 } : undefined;
    }) ?? firstMatch(lines, /(\d{4})\s*年度/, (m) => Number(m[1]), 0.85);

  return {
    reportNo: r.read('reportNo', idValue) ?? firstMatch(title, /[\u4e00-\u9fff]*[〔\[]\d{4}[〕\]]\s*\d+\s*号/u, (m) => m[0]),
    institutionName: r.read('institutionName', textValue) ?? findInstitution(lines),
    auditKind,
    auditor: r.read('auditor', textValue),
    fiscalYear,
    reportDate: r.read('reportDate', dateValue) ?? lastDate(lines),
    opinionType: firstMatch(lines, new RegExp(`(${OPINIONS.join('|')})`), (m) => m[1]),
    registeredCapital: r.read('registeredCapital', moneyValue(unit)),
    outstandingBalance: r.read('outstandingBalance', moneyValue(unit)),
    newGuaranteeAmount: r.read('newGuaranteeAmount', moneyValue(unit)),
    compensationAmount: r.read('compensationAmount', moneyValue(unit)),
    compensationRate: r.read('compensationRate', percentValue),
    provisionCoverageRatio: r.read('provisionCoverageRatio', percentValue),
    recoveryRate: r.read('recoveryRate', percentValue),
    leverageMultiple: r.read('leverageMultiple', multipleValue),
    newSmallMicroClients: r.read('newSmallMicroClients', countValue),
    avgFeeRate: r.read('avgFeeRate', percentValue),
    findings: auditFindings(lines),
  };
}

/** The date a report is signed is usually its last date. */
function lastDate(lines: TextLine[]): Field<string> | undefined {
  for (const line of [...lines].reverse()) {
    const date = dateValue(line.text);
    if (date) return fieldFrom(line, { ...date, certainty: 0.8 });
  }
  return undefined;
}

/** Numbered items under a findings heading (审计发现 / 发现的问题 / 主要问题). */
function auditFindings(lines: TextLine[]): Field<string[]> | undefined {
  const start = lines.findIndex((l) => /(审计发现|发现的(主要)?问题|存在的(主要)?问题|主要问题)/.test(l.text));
  if (start < 0) return undefined;
  const items: TextLine[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^[一二三四五六七八九十]+[、.]/.test(line.text) && items.length > 0) break;
    if (/^(\d+|[(（]\d+[)）])[.、)）]?/.test(line.text)) items.push(line);
    else if (items.length > 0 && !/^(审计|四|五)/.test(line.text)) items[items.length - 1] = { ...items.at(-1)!, text: items.at(-1)!.text + line.text };
  }
  if (items.length === 0) return undefined;
  const field = fieldFrom(items[0], { value: items.map((i) => i.text.replace(/^(\d+|[(（]\d+[)）])[.、)）]?\s*/, '')), certainty: 1 });
  return { ...field, confidence: Math.min(...items.map((i) => i.confidence)) };
}
