/**
 * 关于促进我区融资担保行业高质量发展的若干措施（征求意见稿）(seed 003), catalogue section 4.
 * A draft for public comment (announced 2023-10-17): it has no legal force. Every result carries
 * DRAFT_NOT_IN_FORCE; the checks say whether a condition is met "as stated", never certify.
 */
import { atLeastBp, bpText, fraction, percentText } from '../helpers.js';
import type { XinjiangInput } from '../performance.js';
import type { CheckEvaluation, CheckRule, CheckRuleSet } from '../types.js';

/** XJ-7-2 "60%以上". */
export const XJ_ENCOURAGED_REVENUE_BP = 6000;
/** XJ-7-5 "2%以内". */
export const XJ_FEE_RATE_BP = 200;
/** XJ-8-1 "不低于 20%". */
export const XJ_RISK_SHARE_BP = 2000;
/** XJ-7-3 "2027 年 12 月 31 日前" (read inclusive after the national source; flagged). */
export const XJ_VAT_LAST_DAY = '2027-12-31';

type Rule = CheckRule<XinjiangInput>;
const DRAFT = '（依据为征求意见稿，未生效，仅说明是否符合所述条件，不据此认定资格）';

const r = (result: CheckEvaluation['result'], outcome: string, explanation: string, extra: Partial<CheckEvaluation> = {}): CheckEvaluation => ({
  result,
  outcome,
  explanation: explanation + DRAFT,
  ...extra,
});

const rules: Rule[] = [
  {
    id: 'XJ-0',
    article: '公告',
    quote: '现面向社会公开征求意见，并就有关事宜公告如下：',
    titleZh: '征求意见稿，未生效',
    modality: 'data_check',
    inputs: [],
    evaluate: () => r('MET', 'DRAFT_NOT_IN_FORCE', '本文件为2023年10月17日公告的征求意见稿（意见截止2023年10月23日），不具有法律效力'),
  },
  {
    id: 'XJ-3',
    article: '第（三）项',
    quote: '对严重违反《融资担保公司监督管理条例》相关规定的，依法依规予以吊销其融资担保业务经营许可证。',
    titleZh: '严重违反条例的吊销许可证',
    modality: 'shall',
    inputs: ['seriousRegulationViolation'],
    evaluate(i) {
      if (i.seriousRegulationViolation === true) return r('MET', 'LICENCE_REVOCATION_TRIGGER', '存在严重违反《融资担保公司监督管理条例》的认定，按所述措施应依法吊销许可证', { severity: 'warning' });
      return r('NOT_APPLICABLE', 'NOT_EVALUATED', '无严重违反条例的认定');
    },
  },
  {
    id: 'XJ-7-2',
    article: '第（七）项',
    quote: '对当年度符合《西部地区鼓励类产业目录》的主营业务收入占企业收入总额 60%以上的融资担保公司，依法减按 15%缴纳企业所得税；',
    titleZh: '鼓励类产业收入占比60%以上减按15%',
    modality: 'data_check',
    inputs: ['encouragedIndustryRevenueFen', 'totalRevenueFen'],
    evaluate(i) {
      if (i.encouragedIndustryRevenueFen === undefined || i.totalRevenueFen === undefined) {
        return r('NOT_MET', 'EVIDENCE_MISSING', '缺少鼓励类产业主营业务收入或收入总额', { missingEvidence: ['鼓励类产业主营业务收入', '企业收入总额'] });
      }
      const f = fraction(i.encouragedIndustryRevenueFen, i.totalRevenueFen);
      if (!f) return r('NOT_MET', 'EVIDENCE_MISSING', '收入总额为零', { missingEvidence: ['企业收入总额'] });
      if (atLeastBp(f, XJ_ENCOURAGED_REVENUE_BP)) return r('MET', 'XJ_CONDITION_MET', `鼓励类产业主营业务收入占收入总额${percentText(f)}，达到60%以上（含本数）`);
      return r('NOT_MET', 'XJ_CONDITION_NOT_MET', `鼓励类产业主营业务收入占收入总额${percentText(f)}，低于60%`);
    },
  },
  {
    id: 'XJ-7-3',
    article: '第（七）项',
    quote: '2027 年 12 月 31 日前，为农户、小型企业、微型企业及个体工商户借款、发行债券提供融资担保取得的担保费收入，以及为上述融资担保提供再担保取得的再担保收入，免征增值税。',
    titleZh: '小微、农户担保费收入免征增值税',
    modality: 'data_check',
    inputs: ['guaranteeFeeIncome'],
    evaluate(i) {
      if (!i.guaranteeFeeIncome.length) return r('NOT_APPLICABLE', 'NOT_EVALUATED', '未提供担保费收入明细');
      const eligibleKinds = ['农户', '小型企业', '微型企业', '个体工商户'];
      let eligible = 0;
      let excluded = 0;
      const undated: string[] = [];
      for (const e of i.guaranteeFeeIncome) {
        if (!eligibleKinds.includes(e.beneficiary)) {
          excluded += e.amountFen;
          continue;
        }
        if (!e.incomeDate) {
          undated.push(e.beneficiary);
          continue;
        }
        if (e.incomeDate <= XJ_VAT_LAST_DAY) eligible += e.amountFen;
        else excluded += e.amountFen;
      }
      const text = `符合所述条件的担保费（再担保费）收入${eligible}分，不符合的${excluded}分（中型、大型企业等不在范围；截止日${XJ_VAT_LAST_DAY}按含当日理解，条文“前”字是否含当日不明确）`;
      if (undated.length) return r('NOT_MET', 'EVIDENCE_MISSING', `${text}；部分收入缺少取得日期`, { missingEvidence: ['担保费收入取得日期'] });
      return r(eligible > 0 ? 'MET' : 'NOT_MET', eligible > 0 ? 'XJ_CONDITION_MET' : 'XJ_CONDITION_NOT_MET', text);
    },
  },
  {
    id: 'XJ-7-5',
    article: '第（七）项',
    quote: '对扩大小微企业融资担保业务规模、小微企业融资担保费率降低到 2%以内的融资担保公司进行奖补。',
    titleZh: '降费奖补：扩大规模且费率2%以内',
    modality: 'data_check',
    inputs: ['avgSmallMicroFeeRateBp', 'smallMicroScaleGrew'],
    evaluate(i) {
      const rate = i.avgSmallMicroFeeRateBp;
      if (rate !== undefined && rate > XJ_FEE_RATE_BP) return r('NOT_MET', 'XJ_CONDITION_NOT_MET', `小微企业融资担保费率${bpText(rate)}，高于2%`);
      if (i.smallMicroScaleGrew === false) return r('NOT_MET', 'XJ_CONDITION_NOT_MET', '小微企业融资担保业务规模未扩大（两项条件按同时满足理解）');
      const gaps: string[] = [];
      if (rate === undefined) gaps.push('小微企业融资担保费率（注明口径）');
      if (i.smallMicroScaleGrew === undefined) gaps.push('小微企业融资担保业务规模变化');
      if (gaps.length) return r('NOT_MET', 'EVIDENCE_MISSING', '降费奖补条件的材料不完整', { missingEvidence: gaps });
      return r('MET', 'XJ_CONDITION_MET', `小微企业融资担保费率${bpText(rate!)}在2%以内（含2%），且业务规模扩大（费率口径条文未定义）`);
    },
  },
  {
    id: 'XJ-8-1',
    article: '第（八）项',
    quote: '落实国办发〔2019〕6 号文中“原则上国家融资担保基金和银行业金融机构承担的风险责任比例均不低于 20%”的要求。',
    titleZh: '银行、国家融担基金风险分担原则上均不低于20%',
    modality: 'in_principle',
    inputs: ['riskShareAgreements'],
    evaluate(i) {
      if (!i.riskShareAgreements.length) return r('NOT_APPLICABLE', 'NOT_EVALUATED', '未提供银担风险分担协议');
      const below: string[] = [];
      const gaps: string[] = [];
      for (const a of i.riskShareAgreements) {
        if (a.bankShareBp === undefined) gaps.push(`${a.bank}银行分担比例`);
        else if (a.bankShareBp < XJ_RISK_SHARE_BP) below.push(`${a.bank}银行分担${bpText(a.bankShareBp)}`);
        if (a.nationalFundShareBp === undefined) gaps.push(`${a.bank}协议项下国家融资担保基金分担比例`);
        else if (a.nationalFundShareBp < XJ_RISK_SHARE_BP) below.push(`${a.bank}协议项下国家融资担保基金分担${bpText(a.nationalFundShareBp)}`);
      }
      if (below.length) {
        return r('NOT_MET', 'BELOW_PRINCIPLE_20PCT', `${below.join('、')}，低于20%（“原则上”，属软性要求，提示复核）`, { flags: ['BELOW_PRINCIPLE_20PCT'], severity: 'warning' });
      }
      if (gaps.length) return r('NOT_MET', 'EVIDENCE_MISSING', '风险分担比例不完整', { missingEvidence: gaps });
      return r('MET', 'XJ_CONDITION_MET', '各协议银行和国家融资担保基金分担比例均不低于20%');
    },
  },
  {
    id: 'XJ-11',
    article: '第（十一）项',
    quote: '推动建立政府性融资担保机构政策性融资担保业务尽职免责制度',
    titleZh: '尽职免责机制（无具体规则）',
    modality: 'data_check',
    inputs: [],
    evaluate: () => r('NOT_APPLICABLE', 'NO_RULESET_IN_FORCE', '本项仅提出推动建立尽职免责制度，未规定具体免责情形；新疆机构的尽职免责案件不得套用宁夏或云南的规定'),
  },
  {
    id: 'XJ-12',
    article: '第（十二）项',
    quote: '融资担保公司及其主要股东或实际控制人、法定代表人被列入失信被执行人名单的，有关部门要实行联合惩戒；',
    titleZh: '失信被执行人联合惩戒',
    modality: 'shall',
    inputs: ['dishonestParties'],
    evaluate(i) {
      const listed = i.dishonestParties.filter((p) => p.listed);
      if (listed.length) {
        return r('MET', 'JOINT_PUNISHMENT', `${listed.map((p) => `${p.party}${p.name ? `（${p.name}）` : ''}`).join('、')}被列入失信被执行人名单，按所述措施应实行联合惩戒`, { severity: 'warning' });
      }
      if (!i.dishonestParties.length) return r('NOT_APPLICABLE', 'NOT_EVALUATED', '未提供失信被执行人查询结果');
      return r('NOT_MET', 'XJ_CONDITION_NOT_MET', '公司、主要股东、实际控制人、法定代表人均未被列入失信被执行人名单');
    },
  },
];

export const xinjiangMeasures: CheckRuleSet<XinjiangInput> = {
  id: 'XJ-MEASURES-2023-DRAFT',
  jurisdiction: 'XJ',
  kind: 'INDUSTRY_MEASURES',
  titleZh: '关于促进我区融资担保行业高质量发展的若干措施（征求意见稿）',
  issuerZh: '新疆维吾尔自治区地方金融监管局（征求意见公告）',
  issuedOn: '2023-10-17',
  status: 'DRAFT_NOT_IN_FORCE',
  seed: '003',
  notesZh: [
    '征求意见稿，未生效；所有结果均带DRAFT_NOT_IN_FORCE标记。',
    '部分条目复述国家税收和补贴政策，其效力来自国家规定本身，本系统不据草案认定资格。',
  ],
  rules,
};
