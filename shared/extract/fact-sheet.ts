import type { FactSheetFields, Field } from '../domain/fields.js';
import type { SignaturePlace } from './extract.js';
import { Layout } from './layout.js';
import type { TextLine } from './lines.js';
import { findDates } from './normalize/date.js';
import { checkedAgainstText, nameAtEnd, nameAtStart } from './names.js';
import { proseMatch } from './prose.js';
import {
  chineseText,
  COMPANY,
  companyCheckedAgainstText,
  companyName,
  dateValue,
  declaredUnit,
  fieldFrom,
  findInstitution,
  firstParsed,
  idValue,
  LabeledFields,
  moneyValue,
  nameValue,
  proseField,
  proseMajority,
  textValue,
  type Unreadable,
} from './values.js';

export const FACT_SHEET_LABELS = {
  caseId: ['案件编号', '认定编号', '文书编号', '材料编号', '编号'],
  projectId: ['项目编号', '业务编号', '担保项目编号', '项目号'],
  debtorName: ['债务人', '被担保人', '借款人', '担保对象', '客户名称', '借款企业', '借款单位', '被担保企业', '借款人名称', '债务人名称'],
  lendingBank: ['贷款银行', '合作银行', '债权银行', '承贷银行', '贷款机构', '放款银行', '贷款行'],
  guaranteeAmount: ['担保金额', '担保额度', '在保金额', '担保责任金额', '保证金额'],
  compensationDate: ['代偿日期', '代偿时间', '代偿发生日期'],
  compensationAmount: ['代偿金额', '代偿额', '代偿总额', '代偿本息'],
  evaluatedPerson: ['被评议人', '被调查人', '被认定人', '当事人', '责任人', '被评议人员', '姓名'],
  position: ['现任职务', '时任职务', '职务', '岗位', '职位', '所在岗位', '工作岗位'],
  facts: ['认定事实', '事实认定', '基本事实', '事实情况', '调查认定的事实', '经调查认定', '主要事实'],
  conclusion: ['评议结论', '认定结论', '调查结论', '认定意见', '评议意见', '结论'],
  conclusionDate: ['评议日期', '认定日期', '结论日期', '认定时间'],
  deliveryDate: ['送达日期', '送达时间'],
  objectionDate: ['异议提出日期', '异议日期', '提出异议日期', '异议时间'],
  objectionFiled: ['异议情况', '是否提出异议', '异议'],
  signature: ['被评议人签字', '被评议人(签字)', '被调查人(签字)', '当事人(签字)', '本人签字'],
} as const;

type Conclusion = '尽职' | '基本尽职' | '不尽职';
const TICKED = /[☑✓✔√■▣☒◼●]/u;
const OCR_EMPTY_BOX = /^[口囗OoО〇0]$/u;
const OCR_FILLED_BOX = /^[国回田图囚团因四圆区固]$/u;

/**
 * Options printed with tick boxes, and which are ticked. Forms put the box before its option
 * (☐尽职 ☑基本尽职) or after it (尽职☐ 基本尽职☑); the first box and option found tell which.
 */
function boxedOptions(raw: string, options: string): Array<{ option: string; ticked: boolean }> {
  const box = '[☑✓✔√■▣☒◼●☐□○]';
  // a box OCR placed inside its option (基☑本尽职: the tick ran into the word) stands before it
  const text = options.split('|').reduce((t, option) => {
    const chars = [...option];
    const splits = chars.slice(1).map((_, k) => `${chars.slice(0, k + 1).join('')}\\s*(${box})\\s*${chars.slice(k + 1).join('')}`);
    return t.replace(new RegExp(splits.join('|'), 'gu'), (...m: string[]) => `${m.slice(1, chars.length).find((g) => g !== undefined)}${option}`);
  }, raw);
  const firstBox = text.search(new RegExp(box, 'u'));
  const firstOption = text.search(new RegExp(options, 'u'));
  if (firstBox < 0 || firstOption < 0) return [];
  const after = firstOption < firstBox;
  // a character OCR made of the tick's tail may stand between a box and its option (☑克基本尽职)
  const pattern = after ? new RegExp(`(${options})\\s*(${box})`, 'gu') : new RegExp(`(${box})\\s*(?:[^\\s${box.slice(1, -1)}，。、；：:,]\\s*)??(${options})`, 'gu');
  return [...text.matchAll(pattern)].map((m) => (after ? { option: m[1], ticked: TICKED.test(m[2]) } : { option: m[2], ticked: TICKED.test(m[1]) }));
}

/**
 * The conclusion: one of 尽职/基本尽职/不尽职. When the value offers several options with
 * tick marks, the ticked one counts; several or no ticked options give no value (a person decides).
 */
export function conclusionValue(text: string): { value: Conclusion; certainty: number } | undefined {
  // 尽职免责 and 尽职调查 are names of procedures, not conclusions.
  const t = text.replace(/尽职免责|尽职调查|尽职情况|尽职尽责|履职尽职/gu, '');
  const options = boxedOptions(t, '基本尽职|不尽职|尽职');
  if (options.length > 0) {
    const ticked = options.filter((o) => o.ticked);
    return ticked.length === 1 ? { value: ticked[0].option as Conclusion, certainty: 0.9 } : undefined;
  }
  // OCR reads an empty box as 口 and a filled one as 国, 回, 田…: a guess, for a person to confirm.
  const glyphs = [...t.matchAll(/(\S)\s*(基本尽职|不尽职|尽职)/gu)];
  if (glyphs.length >= 2 && glyphs.every((m) => OCR_EMPTY_BOX.test(m[1]) || OCR_FILLED_BOX.test(m[1]))) {
    const filled = glyphs.filter((m) => OCR_FILLED_BOX.test(m[1]));
    return filled.length === 1 ? { value: filled[0][2] as Conclusion, certainty: 0.7 } : undefined;
  }
  const hits = [...t.matchAll(/基本尽职|不尽职|尽职/gu)].map((m) => m[0] as Conclusion);
  if (hits.length === 0) return undefined;
  // One conclusion, however often it is repeated; different ones are for a person to resolve.
  return new Set(hits).size === 1 ? { value: hits[0], certainty: 1 } : { value: hits[0], certainty: 0.4 };
}

/** Whether an objection was filed, from what the document says about it. */
export function objectionValue(text: string): { value: boolean; certainty: number } | undefined {
  const t = text.replace(/\s+/g, '');
  const boxes = boxedOptions(t, '无异议|有异议|未提出异议|提出异议');
  if (boxes.length > 0) {
    const ticked = boxes.filter((o) => o.ticked);
    return ticked.length === 1 ? { value: /^(有异议|提出异议)$/.test(ticked[0].option), certainty: 0.9 } : undefined;
  }
  if (/^(无|没有|否|无异议)[。.]?$/u.test(t) || /(未|没有|不)(提出|提交)?(任何)?(书面)?异议|无异议|放弃异议/u.test(t)) return { value: false, certainty: 0.9 };
  if (/^(有|是)[。.]?$/u.test(t) || /(提出|提交)(了)?(书面)?异议|有异议|异议申请/u.test(t)) return { value: true, certainty: 0.9 };
  return undefined;
}

/** The signature place of the evaluated person (not the investigator's or the witness's); the reader found the place by its label. */
const PERSON_SIGNATURE = /(?:被评议|被调查|被认定|当事|责任)人|本人/u;

/**
 * Whether the evaluated person signed, from the pixels of their signature place: handwriting
 * there is a signature, an empty place is none. Several places (pages) count as signed when any is.
 */
function signatureFromPlaces(places: SignaturePlace[] | undefined): Field<boolean> | undefined {
  const own = (places ?? []).filter((p) => p.label && PERSON_SIGNATURE.test(p.label));
  if (own.length === 0) return undefined;
  const signed = own.filter((p) => p.signed);
  const basis = signed.length > 0 ? signed : own;
  const place = basis.reduce((a, b) => (b.confidence < a.confidence ? b : a));
  return {
    value: signed.length > 0,
    confidence: Math.min(...basis.map((p) => p.confidence)),
    provenance: { page: place.page, bbox: place.bbox, sourceText: place.label ?? '', label: place.label },
  };
}

export function extractFactSheet(lines: TextLine[], unreadable: Unreadable[] = [], signatures?: SignaturePlace[]): FactSheetFields {
  const layout = new Layout(lines);
  const r = new LabeledFields(layout, FACT_SHEET_LABELS, unreadable);
  const unit = declaredUnit(lines);
  const PERSON = '(?:被评议人|被调查人|被认定人|当事人|责任人)';

  // OCR often reads 签 as 等 (拒绝等字)
  const refusal = proseField(layout, /拒[签等]|拒绝[签等]字|拒不[签等]字|拒绝[签等]收|拒绝[签等]名/u, () => true, 0.9);
  const objection =
    r.read('objectionFiled', objectionValue) ??
    proseField(layout, /[^。；]*异议[^。；]*/u, (m) => objectionValue(m[0])?.value, 0.85);
  const everythingRead = lines.length > 0 && lines.every((l) => l.confidence === 1);
  const signedPlace = signatureFromPlaces(signatures);
  // The evaluated person's own signature line: without a written refusal, they did not refuse.
  const signatureLine = proseMatch(layout, new RegExp(`${PERSON}\\s*[(（]\\s*签[字名章]\\s*[)）]|${PERSON}签[字名]`, 'u'))?.line;

  return {
    caseId: r.read('caseId', idValue),
    projectId: r.read('projectId', idValue),
    institutionName: companyCheckedAgainstText(findInstitution(layout), lines),
    debtorName: companyCheckedAgainstText(
      r.read('debtorName', companyValue) ??
      proseField(layout, /([^，。；：:“”"]{4,40}?)[（(〈《【]\s*以下简称\s*[“"]?\s*(?:借款人|债务人|借款企业|被担保人|企业|公司)\s*[”"]?\s*[)）〉》】]/u, (m) => companyName(m[1]), 0.9) ??
      // where the facts name the debtor: X因…无力按期偿还贷款 / 关于X代偿项目的…
      proseMajority(layout, new RegExp(`(?:关于|^|[，。；：:])(?!关于)(${COMPANY})(?:因[^。]{2,40}?(?:无力|未能|无法)(?:按期)?(?:偿还|还款|归还)|代偿项目)`, 'gu'), companyName),
      lines,
    ),
    lendingBank: companyCheckedAgainstText(
      r.read('lendingBank', companyValue) ??
        // 申请贷款, 申请流动资金借款; OCR may put a character inside the word (申请贷和款)
        proseField(layout, /向([^，。；、向]{4,40}?)(?:申请|办理|借款|贷款)[^，。；]{0,10}?(?:贷|借)[^，。；]?款/u, (m) => companyName(m[1]), 0.9),
      lines,
    ),
    guaranteeAmount: r.read('guaranteeAmount', moneyValue(unit)),
    compensationDate:
      r.read('compensationDate', dateValue) ??
      proseField(layout, /于([^，。；]{6,16}?)(?:履行|完成|进行|实施|办理)?(?:了)?(?:代偿|代为清偿)/u, (m) => singleDate(m[1]), 0.9),
    compensationAmount: r.read('compensationAmount', moneyValue(unit)),
    evaluatedPerson: checkedAgainstText(
      r.read('evaluatedPerson', nameValue) ??
        proseField(layout, new RegExp(`${PERSON}(?:为|是|系)([\\u4e00-\\u9fff·]{2,12}?)(?=\\s*(?:[，。；,;（(]|同志))`, 'u'), (m) => nameAtStart(m[1])?.name, 0.9) ??
        // the facts open with the person and the part played (经调查核实，闫丹作为该项目业务部经理)
        proseField(layout, /(?:^|[，。；,;：:])([\u4e00-\u9fff·]{2,12}?)(?:同志)?作为(?:该|本)项目/u, (m) => nameAtEnd(m[1])?.name, 0.85),
      lines,
    ),
    position:
      r.read('position', textValue) ??
      proseField(layout, /(?:时任|现任|担任)([^，。；]{2,30}?)(?:职务)?[，。；]/u, (m) => chineseText(m[1]), 0.85) ??
      // the part played in the project (作为该项目客户经理) may be shorter than the post itself
      proseField(layout, /作为(?:该|本)项目(?:的)?([^，。；]{2,30}?)[，。；]/u, (m) => chineseText(m[1]), 0.7),
    facts: r.read('facts', (t) => {
      const value = chineseText(t);
      return value.length >= 8 ? { value, certainty: 1 } : undefined;
    }),
    conclusion:
      r.read('conclusion', conclusionValue) ??
      proseField(layout, /(?:认定|评议|结论)(?:结论|意见)?(?:为|是)?[：:]?\s*[“"]?((?:[☑✓✔√■▣☒◼●☐□○]\s*(?:[^\s☑✓✔√■▣☒◼●☐□○，。、；：:,]\s*)??(?:基本尽职|不尽职|尽职)\s*){2,3})/u, (m) => conclusionValue(m[1])?.value, 0.9) ??
      proseField(layout, new RegExp(`认定(?:${PERSON})?[\\u4e00-\\u9fff·]{0,10}?(?:在[^，。；]{1,30}?中)?(?:为|属于)?[“"]?(基本尽职|不尽职|尽职)(?!免责)`, 'u'), (m) => m[1] as Conclusion, 0.9),
    conclusionDate: r.read('conclusionDate', dateValue),
    deliveryDate:
      r.read('deliveryDate', dateValue) ??
      proseField(layout, /于([^，。；]{6,16}?)(?:正式)?(?:向[^，。；]{1,12})?送达/u, (m) => singleDate(m[1]), 0.9),
    // From the pixels of the signature place when the reader looked; else a name written on the
    // signature line may be a signature, or only typed: a person confirms.
    signaturePresent: refusal
      ? { ...refusal, value: false }
      : (signedPlace ?? firstParsed(r.all('signature'), (t) => (nameValue(t) ? { value: true, certainty: 0.7 } : undefined))),
    // Without a written refusal, a signed place was not refused; a blank one most likely not (a
    // person confirms: the refusal may be written where OCR did not read it).
    refused:
      refusal ??
      (signedPlace ? { ...signedPlace, value: false, confidence: signedPlace.value ? signedPlace.confidence : Math.min(signedPlace.confidence, 0.7) } : undefined) ??
      (everythingRead && signatureLine ? fieldFrom(signatureLine, { value: false, certainty: 0.8 }) : undefined),
    objectionFiled: objection,
    objectionDate:
      r.read('objectionDate', dateValue) ??
      proseField(layout, /于([^，。；]{6,16}?)(?:以书面形式|书面)?提出(?:了)?(?:书面)?异议/u, (m) => singleDate(m[1]), 0.9),
  };
}


/** The one date in a phrase. */
function singleDate(text: string): string | undefined {
  const dates = findDates(text);
  return dates.length === 1 ? dates[0].iso : undefined;
}

/** A company or bank name: the value up to a bracketed note that is not part of the name. */
const companyValue = (text: string) => {
  const value = companyName(text);
  if (!value || /^\d/.test(value) || nameAtStart(value)?.name === value) return value ? { value, certainty: 0.9 } : undefined;
  return { value, certainty: 1 };
};
