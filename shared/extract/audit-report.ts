import type { AuditReportFields, Field } from '../domain/fields.js';
import { labelCore, labelEntries, quoteBlind, wholeLabel, type LabelSpec } from './labels.js';
import { withKnownNamesRepaired } from './known-names.js';
import { isProseRow, ITEM_START, Layout, lineOfSegments, type Paragraph } from './layout.js';
import type { TextLine } from './lines.js';
import { parseChineseInteger } from './normalize/chineseNumerals.js';
import { findDates, parseFiscalYear } from './normalize/date.js';
import { regroupedFigures } from './normalize/decimal.js';
import { findMoney, parseMoney, type MoneyUnit } from './normalize/money.js';
import { parseCount, parseMultiple, parsePercent } from './normalize/percent.js';
import { spanLine } from './prose.js';
import { changeTie, valueFromChange } from './year-on-year.js';
import { findTables, periodColumn, priorColumn, unitIn } from './table.js';
import {
  chineseText,
  companyCheckedAgainstText,
  companyName,
  dateValue,
  declaredUnit,
  fieldFrom,
  findInstitution,
  idValue,
  isInstitutionName,
  LabeledFields,
  moneyValue,
  proseField,
  standaloneId,
  textValue,
  type Unreadable,
} from './values.js';

export const AUDIT_LABELS = {
  reportNo: ['审计报告编号', '报告编号', '报告文号', '文号', '编号'],
  institutionName: ['被审计单位', '被审计机构', '被检查单位', '被审计单位名称', '审计对象'],
  auditor: ['审计机构', '审计单位', '审计部门', '实施单位', '实施机构', '会计师事务所', '审计实施单位'],
  fiscalYear: ['审计期间', '会计期间', '审计年度', '所属期间', '报告期', '审计区间', '所属年度'],
  reportDate: ['报告日期', '出具日期', '签发日期', '报告出具日期'],
  opinionType: ['审计意见类型', '审计意见', '审计结论', '总体评价', '评价结论', '审计评价'],
  registeredCapital: ['注册资本', '实收资本', '注册资金'],
} as const;

/** The certainty of an indicator read from its row's change: a figure away from what OCR read, or from figures OCR garbled, because only that reading fits. */
const MENDED_BY_CHANGE = 0.7;

/** Names of the key indicators, in tables and in running text. */
export const INDICATOR_LABELS = {
  outstandingBalance: ['期末在保余额', '年末在保余额', '融资担保在保余额', '担保在保余额', '在保责任余额', '在保余额', '担保余额'],
  newGuaranteeAmount: ['本年新增担保金额', '本年新增担保额', '新增担保金额', '新增担保额', '当年新增担保金额', '当年新增担保', '本年新增担保', '新增担保发生额'],
  compensationAmount: ['本年代偿金额', '当年代偿金额', '本期代偿金额', '代偿金额', '当年代偿额', '本年代偿额', '代偿额'],
  compensationRate: ['融资担保代偿率', '担保代偿率', '年度代偿率', '当年代偿率', '本年代偿率', '代偿率'],
  provisionCoverageRatio: ['拨备覆盖率', '准备金覆盖率', '风险准备金覆盖率'],
  recoveryRate: ['担保代偿回收率', '累计代偿回收率', '代偿回收率'],
  leverageMultiple: ['融资担保放大倍数', '融资担保责任余额放大倍数', '担保放大倍数', '放大倍数'],
  newSmallMicroClients: ['新增小微企业和“三农”户数', '新增小微企业和三农户数', '新增小微三农户数', '新增支小支农户数', '支小支农新增户数', '新增小微企业户数', '新增户数'],
  avgFeeRate: ['平均年化担保费率', '平均担保费率', '综合担保费率', '年化担保费率', '平均费率'],
} as const;

type IndicatorKey = keyof typeof INDICATOR_LABELS;
type Kind = 'money' | 'percent' | 'multiple' | 'count';
const KIND_OF: Record<IndicatorKey, Kind> = {
  outstandingBalance: 'money',
  newGuaranteeAmount: 'money',
  compensationAmount: 'money',
  compensationRate: 'percent',
  provisionCoverageRatio: 'percent',
  recoveryRate: 'percent',
  leverageMultiple: 'multiple',
  newSmallMicroClients: 'count',
  avgFeeRate: 'percent',
};

const OPINIONS = [
  '带强调事项段的无保留意见',
  '带持续经营重大不确定性段的无保留意见',
  '标准无保留意见',
  '无法表示意见',
  '无保留意见',
  '保留意见',
  '否定意见',
  '存在重大风险隐患',
  '存在较大风险隐患',
  '存在一定风险隐患',
  '总体合规',
  '基本合规',
  '不合规',
  '合规',
];

export function extractAuditReport(lines: TextLine[], unreadable: Unreadable[] = []): AuditReportFields {
  const layout = new Layout(lines);
  const r = new LabeledFields(layout, AUDIT_LABELS, unreadable);
  const unit = declaredUnit(lines);
  const titleRows = layout.rows.filter((row) => row.page === layout.rows[0]?.page).slice(0, 6);
  const titleText = titleRows.map((row) => row.segments.map((s) => s.text).join('')).join('');
  const allText = layout.paragraphs().map((p) => p.text).join('');

  const auditKind = ((): Field<NonNullable<AuditReportFields['auditKind']>['value']> | undefined => {
    const kind = /内部审计|内审/.test(titleText)
      ? ('内部审计' as const)
      : /专项/.test(titleText)
        ? ('专项检查' as const)
        : /合规/.test(titleText)
          ? ('合规检查' as const)
          : /财务报表|年度财务|会计师事务所|注册会计师/.test(titleText + allText)
            ? ('年度财务审计' as const)
            : undefined;
    const row = titleRows.find((t) => /审计|检查/.test(t.segments.map((s) => s.text).join(''))) ?? titleRows[0];
    return kind && row ? fieldFrom(row.segments[0].line, { value: kind, certainty: 0.95 }) : undefined;
  })();

  const fiscalYear =
    r.read('fiscalYear', periodValue) ??
    proseField(layout, /(\d{4})\s*年度/u, (m) => Number(m[1]), 0.85) ??
    proseField(layout, /截至\s*(\d{4})\s*年(?:末|底|12月31日)/u, (m) => Number(m[1]), 0.8);

  const indicators = readIndicators(layout, fiscalYear?.value, unit);
  const lastLines = closing(layout);
  const institutionName = companyCheckedAgainstText(r.read('institutionName', organizationValue) ?? findInstitution(layout), lines);

  return {
    reportNo:
      r.read('reportNo', idValue) ??
      standaloneId(layout),
    institutionName,
    auditKind,
    auditor: withInstitutionName(r.read('auditor', bodyValue) ?? lastLines.auditor, institutionName),
    fiscalYear,
    reportDate: r.read('reportDate', dateValue) ?? lastLines.date,
    opinionType: r.read('opinionType', opinionValue) ?? proseField(layout, new RegExp(`(${OPINIONS.slice(0, 7).join('|')})`, 'u'), (m) => m[1], 0.85),
    registeredCapital: r.read('registeredCapital', moneyValue(unit)),
    outstandingBalance: indicators.outstandingBalance,
    newGuaranteeAmount: indicators.newGuaranteeAmount,
    compensationAmount: indicators.compensationAmount,
    compensationRate: indicators.compensationRate,
    provisionCoverageRatio: indicators.provisionCoverageRatio,
    recoveryRate: indicators.recoveryRate,
    leverageMultiple: indicators.leverageMultiple,
    newSmallMicroClients: indicators.newSmallMicroClients,
    avgFeeRate: indicators.avgFeeRate,
    findings: auditFindings(layout),
  };
}

/** The name of an organization: a guarantee institution, or another body named like one. */
function organizationValue(text: string): { value: string; certainty: number } | undefined {
  const t = companyName(text.replace(/[（(]以下简称.*$/u, ''));
  if (isInstitutionName(t)) return { value: t, certainty: 1 };
  return /(?:公司|集团|中心|合作社|事务所)$/u.test(t) && Array.from(t).length >= 6 ? { value: t, certainty: 0.8 } : undefined;
}

/**
 * The name of the body that audited: it begins with Chinese characters, not with what a label
 * cut off a name (云南中信达会计师事务所：{特殊普通合伙）: the label 会计师事务所 matched the
 * name's own ending, and a colon OCR read for its bracket).
 */
function bodyValue(text: string): { value: string; certainty: number } | undefined {
  const parsed = textValue(text);
  return parsed && /^[\u4e00-\u9fff]{2}/u.test(parsed.value) ? parsed : undefined;
}

/** A fiscal year: 2023年度, 2023年, or a whole calendar year 2023年1月1日至2023年12月31日. */
function periodValue(text: string): { value: number; certainty: number } | undefined {
  const year = parseFiscalYear(text.replace(/[。.]$/, ''));
  if (year !== undefined) return { value: year, certainty: 1 };
  const dates = findDates(text);
  if (dates.length === 2 && dates[0].iso.endsWith('-01-01') && dates[1].iso.endsWith('-12-31') && dates[0].iso.slice(0, 4) === dates[1].iso.slice(0, 4))
    return { value: Number(dates[0].iso.slice(0, 4)), certainty: 1 };
  const m = /^(\d{4})\s*年度/u.exec(text.trim());
  return m ? { value: Number(m[1]), certainty: 0.9 } : undefined;
}

/** An audit opinion: one of the standard types, else a short conclusion (for a person to confirm). */
function opinionValue(text: string): { value: string; certainty: number } | undefined {
  const t = text.replace(/\s+/g, '').replace(/[。.；;]$/u, '');
  const known = OPINIONS.find((o) => t.includes(o));
  if (known) return { value: known, certainty: t === known ? 1 : 0.9 };
  return t && Array.from(t).length <= 12 && !/[，,]/.test(t) ? { value: t, certainty: 0.6 } : undefined;
}

/**
 * The closing of a report: the issuer's name and the date under it. When no date can be read
 * there, the issuer is taken alone, for a person to confirm.
 */
function closing(layout: Layout): { auditor?: Field<string>; date?: Field<string> } {
  const rows = layout.rows;
  /** Row i when it is an issuer's name alone. */
  const issuerAt = (i: number, certainty: number) => {
    const row = rows[i];
    const printed = row?.segments.length === 1 ? row.segments[0].display : undefined;
    const name = printed && withKnownNamesRepaired(printed);
    return name && /(?:部|室|处|中心|所|委员会|公司|局|厅|小组|组)(?:[（(][^）)]*[)）])?$/u.test(name) && !/[，。；]/u.test(name)
      ? fieldFrom(lineOfSegments(row.segments), { value: companyName(name), certainty: name === printed ? certainty : Math.min(certainty, 0.7) })
      : undefined;
  };
  for (let i = rows.length - 1; i >= 0; i--) {
    // (stray marks after it are left out: 2023.5.12，，)
    const printed = rows[i].segments
      .map((s) => s.display)
      .join('')
      .replace(/[\s，,。.、'"“”]+$/u, '');
    // a line that is a date alone may end in a misread 日 (2022年3月14晶): a person confirms it
    const text = printed.replace(/(月\s*\d{1,2}\s*)[曰目白晶旦田口]\s*$/u, '$1日');
    const dates = findDates(text);
    if (dates.length !== 1 || dates[0].raw.replace(/\s+/g, '').length < text.replace(/\s+/g, '').length - 1) continue;
    return { auditor: issuerAt(i - 1, 0.8), date: fieldFrom(lineOfSegments(rows[i].segments), { value: dates[0].iso, certainty: text === printed ? 0.85 : 0.7 }) };
  }
  // no date to be read: the issuer is the last name alone on its line near the end, with
  // nothing under it but short lines (the date garbled, 下223)5/三二; page footers)
  for (let i = rows.length - 1; i >= Math.max(0, rows.length - 6); i--) {
    const issuer = issuerAt(i, 0.7);
    if (issuer) return { auditor: issuer };
    const text = rows[i].segments.map((s) => s.display).join('').replace(/\s+/g, '');
    if ([...text].length > 14 || /[，。；]/u.test(text)) break;
  }
  return {};
}

/**
 * An issuer inside the institution (its 审计部) whose name begins with the institution's name
 * one character off (贵州正信农业融资扫保有限公司风险合规部) or without its first character
 * (疆鑫源…审计稽核部 for 新疆鑫源…): that part as the institution's field reads it, for a
 * person to confirm.
 */
function withInstitutionName(auditor: Field<string> | undefined, institution: Field<string> | undefined): Field<string> | undefined {
  if (!auditor || !institution) return auditor;
  const name = [...institution.value];
  const issuer = [...auditor.value];
  if (name.length < 6) return auditor;
  const withName = (rest: string[]) => ({ ...auditor, value: institution.value + rest.join(''), confidence: Math.min(auditor.confidence, 0.7) });
  const head = issuer.slice(0, name.length);
  if (head.length === name.length && head.filter((ch, k) => ch !== name[k]).length === 1) return withName(issuer.slice(name.length));
  if (issuer.slice(0, name.length - 1).join('') === name.slice(1).join('') && issuer.length >= name.length) return withName(issuer.slice(name.length - 1));
  return auditor;
}

/** Numbered items under a findings heading (审计发现 / 发现的问题 / 存在的主要问题): each item's first sentence. */
function auditFindings(layout: Layout): Field<string[]> | undefined {
  const paragraphs = layout.paragraphs();
  const start = paragraphs.findIndex(
    (p) => /^(?:[一二三四五六七八九十]+[、.．])?\s*(?:审计发现的(?:主要)?问题|审计发现|发现的(?:主要)?问题|存在的(?:主要)?问题|主要问题)[:：]?$/u.test(p.text.replace(/\s+/g, '')),
  );
  if (start < 0) return undefined;
  const heading = paragraphs[start].text.replace(/\s+/g, '');
  const topLevel = /^[一二三四五六七八九十]+[、.．]/u.test(heading);
  const items: { text: string; p: Paragraph; n: number | undefined }[] = [];
  for (const p of paragraphs.slice(start + 1)) {
    const text = p.display.replace(/\s+/g, '');
    const item = ITEM_START.exec(text);
    // The next section heading (四、…) ends the findings.
    if (item && topLevel && /^[一二三四五六七八九十]+[、.．]/u.test(item[0])) break;
    if (!item) {
      if (items.length === 0) continue;
      if (!ITEM_START.test(text) && /^(?:审计|建议|整改)/u.test(text)) break;
      continue;
    }
    items.push({ text: text.slice(item[0].length), p, n: itemNumber(item[0]) });
  }
  if (items.length === 0) return undefined;
  const heads = items.map((i) => chineseText(i.text.split(/[。；;]/u)[0]).replace(/[：:，,]$/u, '').trim()).filter(Boolean);
  // Items numbered 1, 2, 3… without a gap: none was lost.
  const complete = items.every((i, k) => i.n === k + 1);
  const first = items[0].p;
  const field = fieldFrom(spanLine(first, 0, first.text.length), { value: heads, certainty: complete ? 1 : 0.6 });
  return { ...field, confidence: Math.min(...items.map((i) => spanLine(i.p, 0, i.p.text.length).confidence)) };
}

/** The number of an item marker: （三） -> 3, 2. -> 2. */
function itemNumber(marker: string): number | undefined {
  const digits = /\d+/.exec(marker)?.[0];
  if (digits) return Number(digits);
  const zh = /[一二三四五六七八九十]+/u.exec(marker)?.[0];
  return zh ? Number(parseChineseInteger(zh)) : undefined;
}

type Indicators = Partial<Record<IndicatorKey, Field<number>>>;

/** The key indicators: from indicator tables (the period's column), else from running text. */
function readIndicators(layout: Layout, fiscalYear: number | undefined, docUnit: MoneyUnit | undefined): Indicators {
  const entries = labelEntries(INDICATOR_LABELS as unknown as LabelSpec);
  const out: Indicators = {};
  const tables = findTables(layout, (cells) => cells.some((c) => /指标|项目|名称/.test(c)) && cells.some((c) => /\d{4}年|本年|本期|上年|期末|期初|数值|金额|指标值|实际/.test(c)));
  for (const table of tables) {
    const period = periodColumn(table.columns, fiscalYear);
    if (!period) continue;
    const nameCol = table.columns.findIndex((c) => /指标|项目|名称/.test(c.name));
    const unitCol = table.columns.findIndex((c) => /^(?:计量)?单位$/.test(c.name));
    const captionUnit = unitIn(table.caption);
    const headerUnit = unitIn(table.columns[period.index].name) ?? unitIn(table.header.segments.map((s) => s.text).join(''));
    const prior = priorColumn(table.columns, period.index);
    const changeCol = table.columns.findIndex((c) => /同比|变动|增减|变化|增长率|增幅/u.test(c.name));
    for (const rec of table.records) {
      const nameCell = rec.cells[nameCol]?.replace(/[“”"]/gu, '') ?? '';
      const hit = wholeLabel(nameCell, entries) ?? wholeLabel(labelCore(nameCell).replace(/[(（][^)）]*[)）]$/u, ''), entries);
      if (!hit || out[hit.field as IndicatorKey]) continue;
      const key = hit.field as IndicatorKey;
      const rowUnit = unitCol >= 0 ? unitCell(rec.cells[unitCol]) : unitIn(nameCell);
      const unit = rowUnit || headerUnit || captionUnit || docUnit;
      const cell = rec.cells[period.index] ?? '';
      const priorValue = prior >= 0 && changeCol >= 0 ? readIndicator(KIND_OF[key], rec.cells[prior] ?? '', unit)?.value : undefined;
      const row = priorValue === undefined ? undefined : { cell, prior: priorValue, priorCell: rec.cells[prior], change: rec.cells[changeCol] ?? '', rate: KIND_OF[key] === 'percent' };
      const read = readIndicator(KIND_OF[key], cell, unit);
      const tie = read && row && changeTie({ ...row, value: read.value });
      // a value at odds with its change is put right where only one reading a figure away fits, and a value OCR garbled
      // past reading is read where only one reading fits, for a person to confirm; OCR garbles change cells too often
      // (+9549.249%6 for +549.24%) for a value at odds to be doubted for that alone
      const fromChange = tie?.agrees === false ? tie.mended : !read && row ? valueFromChange(row) : undefined;
      const parsed = fromChange !== undefined ? { value: fromChange, certainty: MENDED_BY_CHANGE } : read;
      if (!parsed) continue;
      const line = { ...rec.line, confidence: Math.min(rec.cellConfidence[period.index], rec.cellConfidence[nameCol], unitCol >= 0 ? rec.cellConfidence[unitCol] : 1) };
      out[key] = fieldFrom(line, { value: parsed.value, certainty: parsed.certainty * period.certainty }, nameCell, 1 - 0.15 * hit.errors);
    }
  }
  // Running text: 在保余额232,571.29万元，放大倍数2.16倍 — never a sentence about the prior year.
  for (const p of layout.paragraphs()) {
    if (!p.rows.every(isProseRow)) continue;
    const text = p.text;
    const hits = entries.flatMap(({ field, label }) => [...text.matchAll(quoteBlind(label))].map((m) => ({ key: field as IndicatorKey, at: m.index, end: m.index + m[0].length })));
    for (const hit of hits) {
      const { key, at, end } = hit;
      if (out[key]) continue;
      // A longer indicator name covering this one takes precedence (本年代偿金额 over 代偿金额).
      if (hits.some((o) => o.at <= at && o.end >= end && o.end - o.at > end - at)) continue;
      const sentenceStart = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at), text.lastIndexOf(';', at)) + 1;
      if (/上年|去年|上期|同期|年初|期初|上一年|前一年|较上|比上/.test(text.slice(sentenceStart, at))) continue;
      const m = /^(?:为|达到?|是|约|共计|合计|[:：])?\s*((?:人民币)?[¥]?[\d,，.]+\s*(?:万亿|亿元|万元|亿|万|元|%|‰|倍|户|家|个)?)/u.exec(text.slice(end));
      if (!m) continue;
      const parsed = readIndicator(KIND_OF[key], m[1], docUnit);
      if (!parsed) continue;
      out[key] = fieldFrom(spanLine(p, at, end + m[0].length), { value: parsed.value, certainty: parsed.certainty * 0.95 }, text.slice(at, end));
    }
  }
  return out;
}

/**
 * The unit in a unit column's cell, as OCR read it: % is often read with a stray digit beside it
 * (9%0); the cell's own confidence carries that doubt.
 */
function unitCell(cell: string | undefined): string | undefined {
  const t = (cell ?? '').replace(/\s+/g, '');
  return /^\d?[%％]\d?$/u.test(t) ? '%' : t;
}

/** Reads one indicator value in its kind, with the unit of its row, column or table when the cell has none. */
function readIndicator(kind: Kind, cell: string, unit: string | undefined): { value: number; certainty: number } | undefined {
  // a bar or bracket before the figure is what OCR made of a rule's remains, a quote mark one of a speck
  const t = cell
    .replace(/\s+/g, '')
    .replace(/，/g, ',')
    .replace(/^[\]\[|丨｜」』“”"']+(?=\d)/u, '');
  if (!t || /^[-—–/]+$/.test(t)) return undefined;
  switch (kind) {
    case 'money': {
      // a separator before the first group of figures (.919.79万元 for 1,919.79万元): OCR lost the figures before it
      if (/^[.,;；]\d{3}(?!\d)/u.test(t)) return undefined;
      const found = findMoney(t);
      if (found.length > 0 && found[0].start === 0 && found[0].end === t.length) return { value: found[0].fen, certainty: 1 };
      const defaultUnit = unit === '元' || unit === '万元' || unit === '亿元' ? unit : undefined;
      const money = defaultUnit && parseMoney(t, { defaultUnit });
      if (money) return { value: money.fen, certainty: 1 };
      // thousands separators OCR read as full stops or semicolons, or doubled (1.034.30, 104,.474.85,
      // 1;,341.51万元): groups of three figures before two decimals, for a person to confirm; so is
      // an amount read in part of the cell
      const [, figures, suffix] = /^(.*?)((?:万亿|亿|万)?[元圆]?)$/u.exec(t)!;
      const grouped = regroupedFigures(figures);
      const regrouped = grouped && parseMoney(`${grouped}${suffix}`, { defaultUnit });
      if (regrouped) return { value: regrouped.fen, certainty: 0.7 };
      return found.length > 0 ? { value: found[0].fen, certainty: 0.7 } : undefined;
    }
    case 'percent': {
      // OCR reads the % of a small cell as 9%0, 0%4, %4 or 94 (4.29%: 4.2994): a rate with two
      // decimals and such a tail is read, for a person to confirm
      const garbled = /^(\d+\.\d{2})(?:[09]?%[0469]|9[0469]|9%)$/u.exec(t);
      if (garbled) {
        const p = parsePercent(`${garbled[1]}%`);
        return p ? { value: p.bp, certainty: 0.7 } : undefined;
      }
      // a rate whose unit OCR lost or garbled (% read as 9) is still a percentage, but a person confirms
      const unitLost = unit === undefined || !/^(?:%|‰|元|万元|亿元|倍|户|家|个)$/u.test(unit);
      const withSign = /[%‰]$/.test(t) ? t : unit === '%' || (unitLost && /^\d+(?:\.\d+)?$/.test(t)) ? `${t}%` : undefined;
      const p = withSign ? parsePercent(withSign) : undefined;
      return p ? { value: p.bp, certainty: withSign === t || unit === '%' ? 1 : 0.8 } : undefined;
    }
    case 'multiple': {
      if (!/倍$/.test(t) && unit !== '倍') return undefined;
      const m = parseMultiple(t);
      return m !== undefined ? { value: m, certainty: 1 } : undefined;
    }
    case 'count': {
      // a count is whole: a full stop between groups of three figures is a thousands comma OCR misread (5.999户)
      const dotted = /^\d{1,3}(?:\.\d{3})+(?=[户家个]?$)/u.exec(t);
      if (dotted) {
        const n = parseCount(t.replace(/\./gu, ','));
        return n !== undefined ? { value: n, certainty: 0.7 } : undefined;
      }
      if (!/^[\d,]+(?:户|家|个)?$/.test(t)) return undefined;
      const n = parseCount(t);
      return n !== undefined ? { value: n, certainty: /[户家个]$/.test(t) || unit === '户' ? 1 : 0.9 } : undefined;
    }
  }
}
