/**
 * 政府性融资担保机构市县一体化运营改革工作指引 (seed 002; Shanxi inferred from 晋发〔2021〕67号),
 * catalogue section 3. The seed gives no issuer, 文号, date or validity window.
 */
import type { ShanxiInput } from '../performance.js';
import type { CheckEvaluation, CheckRule, CheckRuleSet } from '../types.js';

/** SX-8-2 "不低于 2000 万元" in fen. */
export const SX_COUNTY_CONTRIBUTION_FEN = 2_000 * 10_000 * 100;
/** SX-10-3 "5 亿元以上" in fen. */
export const SX_CITY_CAPITAL_FEN = 5 * 100_000_000 * 100;
/** SX-10-3 "2023 年底前" read as on or before 2023-12-31. */
export const SX_CAPITAL_DEADLINE = '2023-12-31';
/** SX-12-2 "5年以上" in months. */
export const SX_MANAGER_EXPERIENCE_MONTHS = 60;

type Rule = CheckRule<ShanxiInput>;

const yuanText = (fen: number) => `${(fen / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 2 })}万元`;
const ev = (result: CheckEvaluation['result'], outcome: string, explanation: string, extra: Partial<CheckEvaluation> = {}): CheckEvaluation => ({
  result,
  outcome,
  explanation,
  ...extra,
});

const REFORM_STEPS: { key: keyof ShanxiInput['reformSteps']; labelZh: string; article: string }[] = [
  { key: 'leadingGroup', labelZh: '成立改革领导小组', article: '第十七条' },
  { key: 'survey', labelZh: '调查摸底', article: '第十八条' },
  { key: 'plan', labelZh: '制定方案', article: '第十九条' },
  { key: 'consultation', labelZh: '征求意见', article: '第二十条' },
  { key: 'partyAndGovernmentReview', labelZh: '会议研究', article: '第二十一条' },
  { key: 'provincialReport', labelZh: '履行程序', article: '第二十二条' },
  { key: 'inPlace', labelZh: '理顺管理', article: '第二十三条' },
  { key: 'businessConnection', labelZh: '业务对接', article: '第二十四条' },
  { key: 'formalOperation', labelZh: '正式运营', article: '第二十五条' },
];

const rules: Rule[] = [
  {
    id: 'SX-8-1',
    article: '第八条',
    quote: '各县级政府性担保机构缴回融资担保业务许可证。',
    titleZh: '县级机构缴回许可证',
    modality: 'shall',
    inputs: ['counties[].licenceReturned'],
    evaluate(i) {
      if (!i.counties.length) return ev('NOT_APPLICABLE', 'NOT_EVALUATED', '未提供县级机构情况。');
      const no = i.counties.filter((c) => c.licenceReturned === false).map((c) => c.name);
      const unknown = i.counties.filter((c) => c.licenceReturned === undefined).map((c) => c.name);
      if (no.length) return ev('NOT_MET', 'SX_NONCOMPLIANT', `${no.join('、')}的县级机构未缴回融资担保业务许可证。`, { severity: 'warning' });
      if (unknown.length) return ev('NOT_MET', 'EVIDENCE_MISSING', `${unknown.join('、')}缴回许可证情况不明。`, { missingEvidence: unknown.map((n) => `${n}许可证缴回记录`) });
      return ev('MET', 'SX_COMPLIANT', '各县级机构均已缴回许可证。');
    },
  },
  {
    id: 'SX-8-2',
    article: '第八条',
    quote: '各县级政府按不低于 2000 万元出资，入股市级政府性担保机构。',
    titleZh: '县级政府出资不低于2000万元',
    modality: 'shall',
    inputs: ['counties[].contributionFen'],
    evaluate(i) {
      if (!i.counties.length) return ev('NOT_APPLICABLE', 'NOT_EVALUATED', '未提供县级出资情况。');
      const below = i.counties.filter((c) => c.contributionFen !== undefined && c.contributionFen < SX_COUNTY_CONTRIBUTION_FEN);
      const unknown = i.counties.filter((c) => c.contributionFen === undefined).map((c) => c.name);
      if (below.length) {
        return ev('NOT_MET', 'SX_NONCOMPLIANT', `${below.map((c) => `${c.name}出资${yuanText(c.contributionFen!)}`).join('、')}，低于2000万元。`, { severity: 'warning' });
      }
      if (unknown.length) return ev('NOT_MET', 'EVIDENCE_MISSING', `${unknown.join('、')}出资额不明。`, { missingEvidence: unknown.map((n) => `${n}出资凭证`) });
      return ev('MET', 'SX_COMPLIANT', '各县级政府出资均不低于2000万元（含本数）。');
    },
  },
  {
    id: 'SX-8-3',
    article: '第八条',
    quote: '县级政府性担保机构无存量业务及风险的，直接注销机构；县级政府性担保机构有存量业务及风险的，清产核资并提取净资产。',
    titleZh: '县级机构注销或清产核资',
    modality: 'shall',
    inputs: ['counties[].hasStockBusinessOrRisk', 'counties[].deregistered', 'counties[].assetsVerifiedNetAssetsExtracted'],
    evaluate(i) {
      if (!i.counties.length) return ev('NOT_APPLICABLE', 'NOT_EVALUATED', '未提供县级机构情况。');
      const bad: string[] = [];
      const gaps: string[] = [];
      for (const c of i.counties) {
        if (c.hasStockBusinessOrRisk === undefined) gaps.push(`${c.name}有无存量业务及风险`);
        else if (!c.hasStockBusinessOrRisk) {
          if (c.deregistered === false) bad.push(`${c.name}无存量业务及风险但未注销`);
          else if (c.deregistered === undefined) gaps.push(`${c.name}注销记录`);
        } else if (c.assetsVerifiedNetAssetsExtracted === false) bad.push(`${c.name}有存量业务及风险但未清产核资、提取净资产`);
        else if (c.assetsVerifiedNetAssetsExtracted === undefined) gaps.push(`${c.name}清产核资记录`);
      }
      if (bad.length) return ev('NOT_MET', 'SX_NONCOMPLIANT', `${bad.join('；')}。`, { severity: 'warning' });
      if (gaps.length) return ev('NOT_MET', 'EVIDENCE_MISSING', '县级机构处置情况不完整。', { missingEvidence: gaps });
      return ev('MET', 'SX_COMPLIANT', '县级机构均已按有无存量业务分别注销或清产核资。');
    },
  },
  {
    id: 'SX-10-3',
    article: '第十条',
    quote: '市级政府性担保机构注册资本在 2023 年底前达到 5 亿元以上。',
    titleZh: '市级机构注册资本2023年底前达到5亿元以上',
    modality: 'shall',
    inputs: ['cityInstitution.registeredCapitalHistory'],
    evaluate(i, { today }) {
      const history = [...i.cityInstitution.registeredCapitalHistory].sort((a, b) => (a.date < b.date ? -1 : 1));
      const atDeadline = history.filter((h) => h.date <= SX_CAPITAL_DEADLINE).pop();
      const note = '（条文为“注册资本”，未要求实缴；“2023年底前”按截至2023年12月31日含当日理解）';
      if (!atDeadline) {
        if (today <= SX_CAPITAL_DEADLINE) return ev('NOT_APPLICABLE', 'PENDING', `期限为${SX_CAPITAL_DEADLINE}，尚未届满。${note}`);
        return ev('NOT_MET', 'EVIDENCE_MISSING', `无${SX_CAPITAL_DEADLINE}前的注册资本登记记录。${note}`, { missingEvidence: ['注册资本变更登记记录'] });
      }
      if (atDeadline.registeredCapitalFen >= SX_CITY_CAPITAL_FEN) {
        return ev('MET', 'SX_COMPLIANT', `截至${SX_CAPITAL_DEADLINE}注册资本为${yuanText(atDeadline.registeredCapitalFen)}（${atDeadline.date}登记），达到5亿元以上。${note}`);
      }
      if (today <= SX_CAPITAL_DEADLINE) return ev('NOT_APPLICABLE', 'PENDING', `目前注册资本${yuanText(atDeadline.registeredCapitalFen)}，未达5亿元，期限${SX_CAPITAL_DEADLINE}尚未届满。${note}`);
      return ev('NOT_MET', 'SX_NONCOMPLIANT', `截至${SX_CAPITAL_DEADLINE}注册资本为${yuanText(atDeadline.registeredCapitalFen)}，未达到5亿元。${note}`, { severity: 'warning' });
    },
  },
  {
    id: 'SX-11',
    article: '第十一条',
    quote: '市级出资部门、单位落实政企分开，不得干预政府性担保公司具体业务决策。',
    titleZh: '出资部门不得干预具体业务决策',
    modality: 'shall',
    inputs: ['governmentInterferenceInBusinessDecisions'],
    evaluate(i) {
      if (i.governmentInterferenceInBusinessDecisions === true) return ev('NOT_MET', 'SX_NONCOMPLIANT', '有出资部门、单位干预具体业务决策的记录。', { severity: 'warning' });
      if (i.governmentInterferenceInBusinessDecisions === false) return ev('MET', 'SX_COMPLIANT', '未发现出资部门干预具体业务决策。');
      return ev('NOT_APPLICABLE', 'NOT_EVALUATED', '未提供相关会议纪要的审查结果。');
    },
  },
  {
    id: 'SX-12-2',
    article: '第十二条',
    quote: '市级担保机构新任职经理层人员原则上应具有5年以上融资担保、银行信贷等从业经历，市级监管部门在任职备案中要严格复核。',
    titleZh: '新任经理层原则上5年以上从业经历',
    modality: 'in_principle',
    inputs: ['newManagers[].experienceMonths'],
    evaluate(i) {
      if (!i.newManagers.length) return ev('NOT_APPLICABLE', 'NOT_EVALUATED', '未提供新任经理层人员。');
      const below = i.newManagers.filter((m) => m.experienceMonths !== undefined && m.experienceMonths < SX_MANAGER_EXPERIENCE_MONTHS);
      const unknown = i.newManagers.filter((m) => m.experienceMonths === undefined).map((m) => m.name);
      if (below.length) {
        return ev('NOT_MET', 'BELOW_PRINCIPLE', `${below.map((m) => `${m.name}从业${m.experienceMonths}个月`).join('、')}，不足5年（“原则上”，属软性要求，提示监管部门复核）。`, { severity: 'warning' });
      }
      if (unknown.length) return ev('NOT_MET', 'EVIDENCE_MISSING', `${unknown.join('、')}从业经历不明。`, { missingEvidence: unknown.map((n) => `${n}从业经历证明`) });
      return ev('MET', 'SX_COMPLIANT', '新任经理层人员均具有5年以上（含本数）从业经历。');
    },
  },
  {
    id: 'SX-17-25',
    article: '第十七条至第二十五条',
    quote: '市政府成立改革领导小组。……调查摸底。……制定方案。……征求意见。……会议研究。……履行程序。……理顺管理。……业务对接。……正式运营。',
    titleZh: '改革工作流程顺序',
    modality: 'procedure',
    inputs: ['reformSteps'],
    evaluate(i) {
      const done = REFORM_STEPS.filter((s) => i.reformSteps[s.key]);
      if (!done.length) return ev('NOT_APPLICABLE', 'NOT_EVALUATED', '未提供改革工作流程日期。');
      const outOfOrder: string[] = [];
      const skipped: string[] = [];
      let last: { labelZh: string; date: string } | undefined;
      let seenLater = false;
      for (const s of [...REFORM_STEPS].reverse()) {
        if (i.reformSteps[s.key]) seenLater = true;
        else if (seenLater) skipped.push(`${s.labelZh}（${s.article}）`);
      }
      for (const s of REFORM_STEPS) {
        const d = i.reformSteps[s.key];
        if (!d) continue;
        if (last && d < last.date) outOfOrder.push(`${s.labelZh}（${d}）早于${last.labelZh}（${last.date}）`);
        last = { labelZh: s.labelZh, date: d };
      }
      if (outOfOrder.length) return ev('NOT_MET', 'SX_NONCOMPLIANT', `改革步骤顺序不符：${outOfOrder.join('；')}。`, { severity: 'warning' });
      if (skipped.length) return ev('NOT_MET', 'EVIDENCE_MISSING', `后续步骤已开展，但缺少前序步骤记录：${skipped.reverse().join('、')}。`, { missingEvidence: skipped });
      return ev('MET', 'SX_COMPLIANT', `已完成的步骤按指引顺序开展（至“${done[done.length - 1].labelZh}”）。`);
    },
  },
];

export const shanxiIntegration: CheckRuleSet<ShanxiInput> = {
  id: 'SX-INTEGRATION',
  jurisdiction: 'SX',
  kind: 'REFORM_GUIDE',
  titleZh: '政府性融资担保机构市县一体化运营改革工作指引',
  issuerZh: '原文未载明（由省财政厅、省地方金融监管局负责解释）',
  status: 'VALIDITY_NOT_STATED',
  seed: '002',
  notesZh: [
    '原文未载明发文机关、文号、日期和有效期；按所引晋发〔2021〕67号推定为山西省。',
    '业务结构和费率须符合国办发〔2019〕6号，原文未给出数值，本系统不作数值检查。',
  ],
  rules,
};
