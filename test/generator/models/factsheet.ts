/** 事实认定材料 (尽职免责事实认定材料; 事实认证材料 in Ningxia): the facts behind a compensated guarantee. */
import type { Rng } from '../prng.js';
import type { Block, Cell } from '../render.js';
import type { FactSheetTruth } from '../truth.js';
import { debtorName, distinctNames, institution, lendingBank, POSITIONS } from '../vocab.js';
import { zhOrdinal } from '../zh-format.js';
import {
  conventions,
  type DocumentModel,
  fmtDate,
  fmtMoney,
  irregularAmount,
  lbl,
  nextWorkingDay,
  pageStyle,
  Printed,
  projectId,
  roundAmount,
  workingDay,
} from './common.js';

export const FACT_SHEET_LAYOUTS = ['label-lines', 'form-table', 'narrative'] as const;
export type FactSheetLayout = (typeof FACT_SHEET_LAYOUTS)[number];

type Conclusion = NonNullable<FactSheetTruth['conclusion']>;

const CAUSES = [
  '主要下游客户长期拖欠货款，资金链断裂',
  '原材料价格大幅上涨，经营持续亏损',
  '实际控制人突发重病，经营陷入停滞',
  '受行业政策调整影响，主要产品销路受阻',
  '对外担保涉诉，银行账户被冻结',
];
const FARM_CAUSES = ['遭受冰雹灾害，当年种植作物大面积减产', '农产品收购价格大幅下跌，经营持续亏损', '遭遇持续干旱，养殖饲料成本大幅上升'];
const FARMING = /种植|养殖|合作社|果|茶|枸杞|农|牧/;

function factsText(r: Rng, person: string, position: string, conclusion: Conclusion, debtor: string): string {
  const checks = r.int(3, 8);
  const cause = r.pick(FARMING.test(debtor) && r.chance(0.7) ? FARM_CAUSES : CAUSES);
  const role = position.replace(/（[AB]角）$/, '');
  const pre =
    conclusion === '不尽职'
      ? `${person}作为该项目${role}，在保前调查中未核实企业对外担保及涉诉情况，调查报告中企业经营数据与实际情况存在较大出入`
      : `${person}作为该项目${role}，在保前调查中对企业经营场所、财务状况及反担保物进行了实地核查，调查报告内容基本真实完整`;
  const post =
    conclusion === '尽职'
      ? `保后管理期间按规定开展保后检查${checks}次，检查记录完整，发现风险信号后及时报告并采取了催收措施`
      : conclusion === '基本尽职'
        ? `保后管理期间开展保后检查${checks}次，其中${r.int(1, 2)}次检查超过规定期限，但未对代偿结果造成实质影响`
        : `保后管理期间仅开展保后检查${Math.min(2, checks)}次，未能及时发现企业经营恶化的风险信号`;
  const why = `${debtor}因${cause}，无力按期偿还贷款`;
  const link = conclusion === '不尽职' ? '上述履职不到位情形与代偿损失存在一定关联' : '代偿系企业经营环境变化所致，与当事人履职行为无直接关联';
  return `经调查核实，${pre}；${post}。${why}。${link}。`;
}

export function buildFactSheet(rng: Rng, layout: FactSheetLayout = rng.pick(FACT_SHEET_LAYOUTS)): DocumentModel<'FACT_SHEET'> {
  const c = conventions(rng.fork('conventions'));
  const inst = institution(rng.fork('institution'));
  const r = rng.fork('scenario');
  const p = new Printed();
  const truth: FactSheetTruth = {};

  const loanYear = r.int(2019, 2023);
  const compYear = loanYear + r.int(1, 2);
  const compensationDate = workingDay(r, compYear, 1, 10);
  const conclusionDate = nextWorkingDay(compensationDate, r.int(30, 90));
  const deliveryDate = nextWorkingDay(conclusionDate, r.int(1, 7));
  const [person, investigator, witness] = distinctNames(r, 3, inst.province.key);
  const position = r.pick(POSITIONS);
  const conclusion = r.weighted<Conclusion>([
    ['尽职', 4],
    ['基本尽职', 4],
    ['不尽职', 2],
  ]);
  const debtor = debtorName(r, inst);
  const bank = lendingBank(r, inst);
  const pid = projectId(r, inst.idPrefix, loanYear);
  const maxWan = debtor.includes('个体工商户') ? 200 : debtor.includes('合作社') ? 500 : 1500;
  const guaranteeAmount = roundAmount(r, 10, maxWan, maxWan <= 500 ? 5 : r.pick([5, 10, 50]));
  const compensationAmount = irregularAmount(r, guaranteeAmount, 0.35, 1.03);
  const signState = r.weighted([
    ['signed', 7],
    ['refused', 2],
    ['blank', 1],
  ] as const);
  const objection = r.chance(conclusion === '尽职' ? 0.1 : 0.45);
  const objectionDate = objection ? nextWorkingDay(deliveryDate, r.int(2, 9)) : undefined;
  const caseNo = caseNumber(r, inst.shortName, conclusionDate.slice(0, 4));
  const facts = factsText(r, person, position, conclusion, debtor);

  Object.assign(truth, {
    caseId: caseNo,
    projectId: pid,
    institutionName: inst.name,
    debtorName: debtor,
    lendingBank: bank,
    guaranteeAmount,
    compensationDate,
    compensationAmount,
    evaluatedPerson: person,
    position,
    facts,
    conclusion,
    conclusionDate,
    deliveryDate,
    signaturePresent: signState === 'signed',
    refused: signState === 'refused',
    objectionFiled: objection,
  } satisfies FactSheetTruth);
  if (objectionDate) truth.objectionDate = objectionDate;

  p.add('caseId', caseNo);
  p.add('projectId', pid);
  p.add('institutionName', inst.name);
  p.add('debtorName', debtor);
  p.add('lendingBank', bank);
  const guaranteeText = p.add('guaranteeAmount', fmtMoney(r, guaranteeAmount, ['wan', 'rmb-wan', 'upper', 'yuan-sign', 'upper-with-figures', 'wan-fixed']));
  const compText = p.add('compensationAmount', fmtMoney(r, compensationAmount, ['yuan', 'yuan-sign', 'upper', 'upper-with-figures', 'yuan-plain']));
  const compDateText = p.add('compensationDate', fmtDate(compensationDate, c.date));
  p.add('evaluatedPerson', person);
  p.add('position', position);
  p.add('facts', facts);
  p.add('conclusion', conclusion);
  const conclusionDateText = p.add('conclusionDate', fmtDate(conclusionDate, c.date));
  const deliveryDateText = p.add('deliveryDate', fmtDate(deliveryDate, c.date));
  const objectionDateText = objectionDate ? p.add('objectionDate', fmtDate(objectionDate, c.date)) : undefined;
  if (signState === 'refused') p.add('refused', '拒绝签字');

  const ningxia = inst.province.key === 'nx' && r.chance(0.7);
  const title = ningxia
    ? r.pick(['事实认证材料', '尽职免责事实认证材料'])
    : r.pick(['事实认定材料', '尽职免责事实认定材料', `关于${debtor}代偿项目的事实认定材料`]);
  const personLabel = r.pick(['被评议人', '被调查人', '当事人']);
  const guaranteeLabel = r.pick(['担保金额', '担保额度']);
  const compLabel = r.pick(['代偿金额', '代偿额']);
  const compDateLabel = r.pick(['代偿日期', '代偿时间']);
  const debtorLabel = r.pick(['被担保人', '债务人', '借款人', '借款企业']);
  const bankLabel = r.pick(['贷款银行', '合作银行', '债权银行']);
  const positionLabel = r.pick(['职务', '岗位', '所在岗位']);
  const factsLabel = r.pick(['事实认定', '认定事实', '基本事实']);
  const conclusionLabel = r.pick(['认定结论', '认定意见']);
  const caseLabel = r.pick(['编号', '案件编号', '认定编号']);
  const conclusionBoxes = r.chance(0.5);
  // Draws of their own, so the scenario above stays what it was for every seed.
  const v = rng.fork('variety');
  const marks = TICK_STYLES[v.pick(['glyph', 'tick', 'cross'] as const)];
  const box = (ticked: boolean) => (ticked ? marks.ticked : marks.empty);
  const conclusionText = conclusionBoxes ? (['尽职', '基本尽职', '不尽职'] as const).map((o) => `${box(o === conclusion)}${o}`).join('　') : conclusion;
  if (conclusionBoxes) p.add('conclusion', conclusionText);
  const term = r.pick([12, 12, 24, 36]);
  let objectionText = objection
    ? `${personLabel}于${objectionDateText}提出书面异议`
    : r.pick([`${personLabel}在规定期限内未提出异议`, '无']);
  // A tick group in forms: ☐无异议　☑有异议（异议提出日期：…）, the date only when one was filed.
  const objectionBoxes = layout !== 'narrative' && v.chance(0.4);
  if (objectionBoxes) {
    objectionText = `${box(!objection)}无异议　${box(objection)}有异议${objection ? `（异议提出日期：${objectionDateText}）` : ''}`;
    p.add('objectionFiled', objectionText);
  } else if (!objection) p.add('objectionFiled', objectionText);
  const signatureNote =
    signState === 'refused'
      ? `${personLabel}拒绝签字。送达人：${investigator}　见证人：${witness}`
      : undefined;

  const blocks: Block[] = [
    { type: 'text', text: inst.name, align: 'center', style: { size: 15, bold: true } },
    { type: 'text', text: title, align: 'center', style: { size: 20, bold: true, letterSpacing: title.length <= 6 ? 6 : 1 }, spaceBefore: 4, spaceAfter: 6 },
    { type: 'text', text: `${lbl(c, caseLabel)}${c.colon}${caseNo}`, align: r.pick(['right', 'left'] as const), spaceAfter: 8 },
  ];

  if (layout === 'form-table') {
    const bold = r.chance(0.4);
    const L = (t: string): Cell => ({ text: lbl(c, t), align: 'center', bold });
    blocks.push({
      type: 'table',
      widths: [1.3, 2.5, 1.3, 2.5],
      minRowHeight: 28,
      rows: [
        [L('项目名称'), { text: `${debtor}${guaranteeText}担保项目`, span: 3 }],
        [L(r.pick(['项目编号', '业务编号'])), { text: pid }, L('担保期限'), { text: `${term}个月`, align: 'center' }],
        [L(debtorLabel), { text: debtor, span: 3 }],
        [L(bankLabel), { text: bank, span: 3 }],
        [L(guaranteeLabel), { text: guaranteeText }, L(compDateLabel), { text: compDateText }],
        [L(compLabel), { text: compText, span: 3 }],
        [L(personLabel), { text: person }, L(positionLabel), { text: position }],
        [L(factsLabel), { text: facts, span: 3 }],
        [L(conclusionLabel), { text: conclusionText, span: 3 }],
        [L('认定日期'), { text: conclusionDateText }, L('送达日期'), { text: deliveryDateText }],
        [L('异议情况'), { text: objectionText, span: 3 }],
        ...(signatureNote ? [[L('备注'), { text: signatureNote, span: 3 }]] : []),
      ],
      spaceAfter: 10,
    });
  } else if (layout === 'label-lines') {
    blocks.push({
      type: 'fields',
      colon: c.colon,
      hanging: true,
      labelWidth: c.spacedLabels ? 5 : undefined,
      items: [
        { label: lbl(c, '项目编号'), value: pid },
        { label: lbl(c, '担保机构'), value: inst.name },
        { label: lbl(c, debtorLabel), value: debtor },
        { label: lbl(c, bankLabel), value: bank },
        { label: lbl(c, guaranteeLabel), value: `${guaranteeText}（期限${term}个月）` },
        { label: lbl(c, compDateLabel), value: compDateText },
        { label: lbl(c, compLabel), value: compText },
        { label: lbl(c, personLabel), value: person },
        { label: lbl(c, positionLabel), value: position },
      ],
      spaceAfter: 6,
    });
    blocks.push({ type: 'text', text: `${factsLabel}${c.colon}`, style: { bold: true, family: 'sans' } });
    blocks.push({ type: 'paragraph', text: facts, spaceAfter: 6 });
    blocks.push({
      type: 'fields',
      colon: c.colon,
      items: [
        { label: conclusionLabel, value: conclusionText },
        { label: '认定日期', value: conclusionDateText },
        { label: '送达日期', value: deliveryDateText },
        { label: '异议情况', value: objectionText },
      ],
      spaceAfter: 6,
    });
    if (signatureNote) blocks.push({ type: 'paragraph', text: signatureNote, indent: 0 });
  } else {
    const heading = (n: number, t: string): Block => ({ type: 'text', text: `${zhOrdinal(n)}、${t}`, style: { bold: true, family: 'sans' }, spaceBefore: 2 });
    blocks.push(
      heading(1, '项目基本情况'),
      {
        type: 'paragraph',
        text: `${debtor}（以下简称“借款人”）于${loanYear}年向${bank}申请贷款，由${inst.name}提供连带责任保证担保，项目编号${pid}，${guaranteeLabel}${guaranteeText}，期限${term}个月。该项目${personLabel}为${person}，时任${position}。`,
      },
      heading(2, '代偿情况'),
      {
        type: 'paragraph',
        text: `贷款到期后借款人未能按期还款，经催收无果，公司于${compDateText}履行代偿责任，${compLabel}${compText}。`,
      },
      heading(3, factsLabel),
      { type: 'paragraph', text: facts },
      heading(4, conclusionLabel),
      {
        type: 'paragraph',
        text: conclusionBoxes
          ? `经尽职免责认定工作小组审议，认定结论为：${conclusionText}。认定日期：${conclusionDateText}。`
          : `经尽职免责认定工作小组审议，认定${person}在该项目中${conclusion}。认定日期：${conclusionDateText}。`,
      },
      {
        type: 'paragraph',
        text: `本材料已于${deliveryDateText}送达${personLabel}。${objection ? objectionText : objectionText === '无' ? `${personLabel}未提出异议` : objectionText}。${signatureNote ? `${signatureNote}。` : ''}`,
      },
    );
    if (!objection && objectionText === '无') p.add('objectionFiled', `${personLabel}未提出异议`);
  }

  blocks.push({ type: 'spacer', height: 4 });
  const investigatorSigned = r.chance(0.8);
  // A refusal is sometimes written in the slot itself; a blank slot sometimes has no line.
  const refusalWritten = signState === 'refused' && v.chance(0.5);
  blocks.push({
    type: 'signature',
    label: `调查人（签字）：`,
    name: investigator,
    signed: investigatorSigned,
    date: conclusionDateText,
    underline: investigatorSigned || !v.chance(0.3),
  });
  blocks.push({
    type: 'signature',
    label: `${personLabel}（签字）：`,
    name: person,
    signed: signState === 'signed',
    date: signState === 'signed' ? deliveryDateText : undefined,
    handwriting: refusalWritten ? '拒签' : undefined,
    underline: signState === 'signed' || refusalWritten || !v.chance(0.3),
  });
  blocks.push({ type: 'closing', lines: [inst.name, conclusionDateText], seal: r.chance(0.9) ? { name: inst.name } : undefined });

  return {
    kind: 'FACT_SHEET',
    layout,
    truth,
    printed: p.map,
    blocks,
    style: pageStyle(rng.fork('page'), c, title, deliveryDate, false),
  };
}

/** How a tick group marks its options: font glyphs ■/□, or drawn boxes ticked with √ or ×. */
const TICK_STYLES = {
  glyph: { ticked: '■', empty: '□' },
  tick: { ticked: '☑', empty: '☐' },
  cross: { ticked: '☒', empty: '☐' },
} as const;

function caseNumber(r: Rng, short: string, year: string): string {
  switch (r.int(0, 2)) {
    case 0:
      return `${short}尽免〔${year}〕${r.int(1, 30)}号`;
    case 1:
      return `SSRD-${year}-${String(r.int(1, 60)).padStart(3, '0')}`;
    default:
      return `认定〔${year}〕第${r.int(1, 30)}号`;
  }
}

