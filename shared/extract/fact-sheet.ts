import type { FactSheetFields } from '../domain/fields.js';
import type { TextLine } from './lines.js';
import { dateValue, declaredUnit, fieldFrom, findInstitution, firstMatch, LabeledFields, type Unreadable, idValue, moneyValue, nameValue, textValue } from './values.js';

const LABELS = {
  caseId: ['案件编号', '认定编号', '文书编号', '编号'],
  projectId: ['项目编号', '业务编号', '担保项目编号'],
  debtorName: ['债务人', '被担保人', '借款人', '担保对象', '客户名称', '借款企业'],
  lendingBank: ['贷款银行', '合作银行', '债权银行', '承贷银行', '贷款机构'],
  guaranteeAmount: ['担保金额', '担保额度', '在保金额'],
  compensationDate: ['代偿日期', '代偿时间'],
  compensationAmount: ['代偿金额', '代偿额'],
  evaluatedPerson: ['被评议人', '被调查人', '被认定人', '当事人', '责任人', '姓名'],
  position: ['现任职务', '职务', '岗位', '职位'],
  facts: ['认定事实', '基本事实', '事实情况', '调查认定的事实', '经调查认定'],
  conclusion: ['评议结论', '认定结论', '调查结论', '结论'],
  conclusionDate: ['评议日期', '认定日期', '结论日期'],
  deliveryDate: ['送达日期', '送达时间'],
  objectionDate: ['异议提出日期', '异议日期', '提出异议日期', '异议时间'],
  signature: ['被评议人签字', '被评议人(签字)', '本人签字', '签字'],
} as const;

const CONCLUSIONS = ['基本尽职', '不尽职', '尽职'] as const;
const TICKED = /[☑✓✔√■▣☒]/u;
const UNTICKED = /[☐□]/u;

/**
 * The conclusion: one of 尽职/基本尽职/不尽职. When the value offers several options with
 * tick marks, the ticked one counts; several or no ticked options give no value (a person decides).
 */
function conclusionValue(text: string): { value: (typeof CONCLUSIONS)[number]; certainty: number } | undefined {
  if (TICKED.test(text) || UNTICKED.test(text)) {
    const ticked = [...text.matchAll(/([☑✓✔√■▣☒☐□])\s*(基本尽职|不尽职|尽职)/gu)].filter((m) => TICKED.test(m[1]));
    return ticked.length === 1 ? { value: ticked[0][2] as (typeof CONCLUSIONS)[number], certainty: 0.85 } : undefined;
  }
  const hits = CONCLUSIONS.filter((c) => text.includes(c));
  // 基本尽职 and 不尽职 contain 尽职: the longest match is the conclusion; anything else is ambiguous.
  const longest = hits[0];
  if (!longest) return undefined;
  const others = text.replaceAll(longest, '');
  return { value: longest, certainty: CONCLUSIONS.some((c) => others.includes(c)) ? 0.4 : 1 };
}

export function extractFactSheet(lines: TextLine[], unreadable: Unreadable[] = []): FactSheetFields {
  const r = new LabeledFields(lines, LABELS, unreadable);
  const unit = declaredUnit(lines);

  const signatureLine = r.first('signature');
  const refusalLine = lines.find((l) => /拒签|拒绝签字|拒不签字/.test(l.text));
  const objectionLine = lines.find((l) => /(无异议|有异议|提出异议|未提出异议|提出书面异议)/.test(l.text));

  return {
    caseId: r.read('caseId', idValue),
    projectId: r.read('projectId', idValue),
    institutionName: findInstitution(lines),
    debtorName: r.read('debtorName', textValue),
    lendingBank: r.read('lendingBank', textValue),
    guaranteeAmount: r.read('guaranteeAmount', moneyValue(unit)),
    compensationDate: r.read('compensationDate', dateValue),
    compensationAmount: r.read('compensationAmount', moneyValue(unit)),
    evaluatedPerson: r.read('evaluatedPerson', nameValue),
    position: r.read('position', textValue),
    facts: factsText(lines, r.first('facts')?.line),
    conclusion:
      r.read('conclusion', conclusionValue) ??
      firstMatch(lines, /(?:认定|评议|结论)为\s*[“"]?(基本尽职|不尽职|尽职)/u, (m) => m[1] as (typeof CONCLUSIONS)[number], 0.9),
    conclusionDate: r.read('conclusionDate', dateValue),
    deliveryDate: r.read('deliveryDate', dateValue) ?? firstMatch(lines, /(.{0,16})送达/, (m) => dateValue(m[1])?.value, 0.8),
    signaturePresent: refusalLine
      ? fieldFrom(refusalLine, { value: false, certainty: 0.9 })
      : signatureLine && nameValue(signatureLine.value)
        ? fieldFrom(signatureLine.line, { value: true, certainty: 0.7 }, signatureLine.label)
        : undefined,
    refused: refusalLine ? fieldFrom(refusalLine, { value: true, certainty: 0.9 }) : undefined,
    objectionFiled: objectionLine ? fieldFrom(objectionLine, { value: objectionValue(objectionLine.text), certainty: objectionLine.text.match(TICKED) ? 0.8 : 0.9 }) : undefined,
    objectionDate: r.read('objectionDate', dateValue),
  };
}

function objectionValue(text: string): boolean {
  const ticked = [...text.matchAll(/([☑✓✔√■▣☒☐□])\s*(无异议|有异议)/gu)].filter((m) => TICKED.test(m[1]));
  if (ticked.length === 1) return ticked[0][2] === '有异议';
  return !/(无异议|未提出异议|没有异议)/.test(text);
}

/** The facts: the labeled paragraph, running over the following lines until the next section. */
function factsText(lines: TextLine[], start: TextLine | undefined) {
  if (!start) return undefined;
  const index = lines.indexOf(start);
  const parts: TextLine[] = [start];
  for (const line of lines.slice(index + 1)) {
    if (/^(评议结论|认定结论|结论|被评议人|送达|异议|工作小组|[一二三四五六七八九十]+[、.])/.test(line.text)) break;
    parts.push(line);
  }
  const value = parts
    .map((l) => l.text)
    .join('')
    .replace(/^.*?(认定事实|基本事实|事实情况|调查认定的事实|经调查认定)\s*[:：]?/, '')
    .trim();
  if (!value) return undefined;
  const field = fieldFrom(start, { value, certainty: 1 });
  return { ...field, confidence: Math.min(...parts.map((p) => p.confidence)) };
}
