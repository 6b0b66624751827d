/**
 * 云南省政府性融资担保再担保业务尽职免责工作指引（试行）(seed 001, 云金规〔2022〕2号),
 * catalogue section 2. In force 2023-01-01 to 2025-12-31 (第二十五条). The fragment after
 * 第二十五条 in the seed (microcredit rating, 2022-04-15) is not part of this guideline.
 */
import { atLeastBp, bpText, met, missing, nonExemptableRule, notApplicable, notMet, percentText, recoveredShareTotal, recoveredShareWithin, repaidShare, undetermined } from '../helpers.js';
import {
  basisSubstitutionRule,
  dueDiligenceWorkflow,
  evaluationRecusalRule,
  factSheetOrderRule,
  investigationDeadlineRule,
  objectionReviewRule,
  objectionWindowRule,
  publicationRule,
  workingGroupRule,
} from '../procedure.js';
import type { DueDiligenceRuleSet, Evaluation, PersonContext, PersonRule, ProcedureRule } from '../types.js';

/** YN-8-1: "年度融资担保代偿率未超过 5%". */
export const YN_TOLERANCE_BP = 500;
/** YN-9-6 / YN-9-7: "70%以上" (inclusive, C-1). */
export const YN_SEVENTY_PERCENT_BP = 7000;
/** YN-18-2: "五个工作日内". */
export const YN_OBJECTION_WORKING_DAYS = 5;

const MAY_EXEMPT = '可免除全部或者部分责任（由责任认定机构酌定）';

function ground(
  id: string,
  item: string,
  quote: string,
  titleZh: string,
  inputs: string[],
  evaluate: (ctx: PersonContext) => Evaluation,
): PersonRule {
  return { id, article: `第九条第${item}项`, quote, titleZh, modality: 'may', step: 'exemption', inputs, evaluate };
}

const personRules: PersonRule[] = [
  // ── Scope ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'YN-2',
    article: '第二条',
    quote:
      '本指引所称政府性融资担保机构是指依法设立，由政府及其授权机构、国有企业出资并实际控制，以服务小微企业和“三农”主体为主要经营目标的融资担保、再担保机构。政府性融资担保机构名单由省财政厅会同省地方金融监管局确认。',
    titleZh: '适用机构（名单确认）',
    modality: 'procedure',
    step: 'scope',
    inputs: ['institution.jurisdiction', 'institution.governmentGuarantee', 'institution.onGovernmentList'],
    evaluate({ input }) {
      const i = input.institution;
      if (i.jurisdiction !== 'YN') return notMet('OUT_OF_SCOPE', '机构不属于云南省，本指引不适用。');
      if (!i.governmentGuarantee) return notMet('OUT_OF_SCOPE', '机构不是由政府及其授权机构、国有企业出资并实际控制的政府性融资担保机构。');
      if (i.onGovernmentList === false) return notMet('OUT_OF_SCOPE', '机构不在省财政厅会同省地方金融监管局确认的政府性融资担保机构名单内。');
      if (i.onGovernmentList === undefined) return missing(['政府性融资担保机构名单确认材料'], '材料未载明机构是否在省级确认的名单内。');
      return met('IN_SCOPE', '机构在省级确认的政府性融资担保机构名单内。');
    },
  },
  {
    id: 'YN-3',
    article: '第三条',
    quote: '本指引所称政府性融资担保再担保业务是指政府性融资担保机构服务小微企业和“三农”主体的融资担保、再担保业务。',
    titleZh: '适用业务（支小支农）',
    modality: 'procedure',
    step: 'scope',
    inputs: ['business.category', 'dates.compensation'],
    evaluate({ input }) {
      if (input.business.category === '其他') return notMet('OUT_OF_SCOPE', '业务不属于服务小微企业和“三农”主体的融资担保、再担保业务。');
      if (!input.business.category) return missing(['业务类别（小微企业或“三农”）'], '材料未载明该业务是否服务小微企业或“三农”主体。');
      if (!input.dates.compensation && !input.dates.lossConfirmation) return missing(['代偿或代偿损失的日期'], '尽职免责以出现代偿损失为前提（第四条）。');
      return met('IN_SCOPE', `业务为服务${input.business.category}的融资担保业务。`);
    },
  },
  {
    id: 'YN-5',
    article: '第五条',
    quote:
      '本指引适用对象为政府性融资担保机构在支小支农融资担保、再担保业务办理环节中承担管理职责和直接办理业务的工作人员，包括但不限于政府性融资担保机构负责人、评审委员会成员、直接办理业务的部门负责人、管理人员和经办人员。',
    titleZh: '适用人员',
    modality: 'procedure',
    step: 'scope',
    inputs: ['person.role'],
    evaluate({ person }) {
      if (person.role === '其他') return notMet('OUT_OF_SCOPE', `${person.name}既不承担管理职责也不直接办理业务，不属于本指引适用对象。`);
      return met('IN_SCOPE', `${person.name}（${person.role}）属于本指引适用对象。`);
    },
  },
  // ── Conflict of interest (overrides every ground) ────────────────────────────────────────
  {
    id: 'YN-7',
    article: '第七条',
    quote: '政府性融资担保机构工作人员办理业务时，对涉及本人近亲属等具有利害关系的人员和机构申请的业务，应当主动报告，自觉遵从回避原则。未主动报告的，不适用尽职免责规定。',
    titleZh: '利害关系未主动报告的，不适用尽职免责',
    modality: 'not_exemptable',
    step: 'conflict',
    inputs: ['person.conflict'],
    evaluate({ person }) {
      const c = person.conflict;
      if (!c || !c.hasInterest) return notApplicable('材料未显示本人与申请人存在利害关系。');
      if (c.declared === false) {
        return met('NOT_EXEMPTABLE', `本人与申请人存在利害关系${c.relation ? `（${c.relation}）` : ''}且未主动报告，依第七条不适用尽职免责规定，第八条、第九条各项免责情形均不适用。`, {
          severity: 'warning',
        });
      }
      if (c.declared === undefined) return missing(['利害关系主动报告记录'], '本人与申请人存在利害关系，材料未载明是否主动报告；未报告将导致不适用尽职免责。');
      if (c.recused === false) {
        return notMet('RECUSAL_VIOLATION', '本人已主动报告利害关系但未回避；第七条仅对未主动报告规定不适用免责，此情形提示人工复核。', { severity: 'warning' });
      }
      return notMet('PROCEDURE_OK', '本人已主动报告利害关系并回避。');
    },
  },
  // ── Non-exemptable (第十条（二）至（九）) ────────────────────────────────────────────────
  nonExemptableRule({
    id: 'YN-10-2',
    article: '第十条第（二）项',
    quote: '弄虚作假，与债务人、合作银行、第三方机构等恶意串通或者故意隐瞒真实风险情况等骗取担保的；',
    titleZh: '弄虚作假、恶意串通骗取担保',
  }),
  nonExemptableRule({
    id: 'YN-10-3',
    article: '第十条第（三）项',
    quote: '在业务办理过程中索取或者接受经济利益的，或者向债务人乱收费，变相增加债务人融资成本的；',
    titleZh: '索取或接受经济利益、乱收费',
  }),
  nonExemptableRule({
    id: 'YN-10-4',
    article: '第十条第（四）项',
    quote:
      '发现债务人信贷资金实际用途与合同约定用途不一致，或者债务人信贷资金用于国家产业政策限制或者禁止的项目及其他违法违规项目，或者债务人发生重大变化和突发事件等风险，未及时采取积极措施，延误时机，发生代偿的或者损失扩大的；',
    titleZh: '资金挪用或债务人重大变化未及时采取措施',
    requires: ['causedCompensation'],
  }),
  nonExemptableRule({
    id: 'YN-10-5',
    article: '第十条第（五）项',
    quote: '发生代偿后，存在未按时履行催收义务等不作为情形，导致债权追偿超过诉讼时效、丧失全部或者部分债权或者损失扩大的；',
    titleZh: '代偿后怠于催收',
    requires: ['causedCompensation'],
  }),
  nonExemptableRule({
    id: 'YN-10-6',
    article: '第十条第（六）项',
    quote:
      '因主观原因违反内部管理制度，未按照规定流程完成相关操作或者未勤勉尽职，在担保业务中存在重大失误，未及时发现被担保人经营、管理、财务、资金流向等各种影响还款能力的风险因素的；',
    titleZh: '因主观原因违规或未勤勉尽职存在重大失误',
    requires: ['subjectiveCause'],
  }),
  nonExemptableRule({
    id: 'YN-10-7',
    article: '第十条第（七）项',
    quote: '在抵质押担保业务中，存在未按规定依法办理抵质押登记手续或者未按规定对抵质押物进行实地核查和权利凭证核查，或者恶意造成抵质押物评估严重失实的；',
    titleZh: '抵质押登记、核查或评估问题',
  }),
  nonExemptableRule({
    id: 'YN-10-8',
    article: '第十条第（八）项',
    quote: '在担保业务中，存在骗取担保费补贴、风险补偿或分担资金等财政资金的；',
    titleZh: '骗取财政资金',
  }),
  nonExemptableRule({
    id: 'YN-10-9',
    article: '第十条第（九）项',
    quote: '其他违反有关法律、法规、规章、规范性文件以及融资担保机构内部管理制度的行为。',
    titleZh: '其他违规行为（须写明所违反的规定）',
    requires: ['namedRuleBreached'],
  }),
  // ── Special allocation ───────────────────────────────────────────────────────────────────
  {
    id: 'YN-10-1',
    article: '第十条第（一）项',
    quote:
      '机构上级管理人员或者机构负责人指使、教唆或者命令工作人员故意隐瞒事实或者违规办理业务的，该管理人员或者负责人即使未参与具体业务流程，仍应当承担全部或者主要责任。工作人员对此明确提出异议的，不承担责任；未明确提出异议的，应当承担部分或者次要责任；',
    titleZh: '指使、教唆或命令违规办理业务的责任划分',
    modality: 'not_exemptable',
    step: 'special',
    inputs: ['person.instigation', 'person.role'],
    evaluate({ person }) {
      const i = person.instigation;
      if (!i) return notApplicable('无指使、教唆或命令的情形。');
      if (!i.evidenceRef) return missing(['指使、教唆或命令的证据'], '指称存在指使、教唆或命令，但证据缺失。');
      if (i.role === 'instigator') {
        return met('FULL_OR_MAIN_LIABILITY', `本人指使、教唆或命令工作人员违规办理业务（${i.evidenceRef}），即使未参与具体业务流程，仍应承担全部或主要责任。`);
      }
      if (i.objectedClearly === true) return met('NO_LIABILITY', '本人受指使但明确提出了异议，依本项不承担责任。', { modality: 'shall' });
      if (i.objectedClearly === false) return met('PARTIAL_OR_SECONDARY_LIABILITY', '本人受指使且未明确提出异议，应承担部分或者次要责任。');
      return missing(['明确提出异议的记录'], '材料未载明本人是否明确提出异议。');
    },
  },
  {
    id: 'YN-11-2',
    article: '第十一条第（二）项',
    quote:
      '政府性融资担保机构负责人、相关管理人员和工作人员违反规定，未履行或者未正确履行职责，造成国有资产损失或者其他严重后果的，经调查核实和责任认定，不论是否已辞职、调离、提拔或者退休，仍应当按照本指引依法依规追责问责。',
    titleZh: '造成国有资产损失或严重后果的追责（不论是否离职）',
    modality: 'not_exemptable',
    step: 'special',
    inputs: ['person.conduct.stateAssetLossOrSeriousConsequence', 'person.status'],
    evaluate({ person }) {
      if (person.conduct.stateAssetLossOrSeriousConsequence !== true) return notMet('NO_EXEMPTION_GROUND', '无认定本人违规造成国有资产损失或其他严重后果的结论。');
      const status = person.status && person.status !== '在职' ? `（本人已${person.status}，不影响追责）` : '';
      return met('ACCOUNTABILITY_REQUIRED', `经认定本人违反规定造成国有资产损失或其他严重后果，应依法依规追责问责${status}。`);
    },
  },
  // ── Annual tolerance ─────────────────────────────────────────────────────────────────────
  {
    id: 'YN-8-1',
    article: '第八条第一款',
    quote:
      '政府性融资担保机构开展支小支农融资担保、再担保业务，在不违反有关法律、法规、规章、规范性文件以及政府性融资担保机构内部管理制度的前提下，年度融资担保代偿率未超过 5% 的，该年度发生的代偿，不追究担保机构负责人、部门管理人员的领导或者管理责任。政府性融资担保机构的主管部门可以结合本地区实际工作需要，适当放宽代偿率容忍度。',
    titleZh: '年度代偿率未超过5%，不追究领导或管理责任',
    modality: 'shall',
    step: 'tolerance',
    roles: ['主要负责人', '机构负责人', '管理人员'],
    inputs: ['annual.compensationRateBp', 'person.conduct.violationFound', 'config.compensationRateToleranceBp', 'config.compensationRateToleranceSource'],
    evaluate({ input, person, config }) {
      if (person.conduct.violationFound === true) return notMet('NO_EXEMPTION_GROUND', '经认定存在违规，不满足“不违反……的前提”。');
      let tol = YN_TOLERANCE_BP;
      let basis = '第八条规定的5%';
      let note = '';
      const loosened = config.compensationRateToleranceBp;
      if (loosened !== undefined) {
        if (loosened > YN_TOLERANCE_BP && config.compensationRateToleranceSource) {
          tol = loosened;
          basis = `主管部门放宽后的${bpText(loosened)}（${config.compensationRateToleranceSource}）`;
        } else if (loosened > YN_TOLERANCE_BP) {
          note = `配置了放宽的容忍度${bpText(loosened)}，但无主管部门放宽的文件依据，仍按5%判断。`;
        } else if (loosened < YN_TOLERANCE_BP) {
          note = `配置的${bpText(loosened)}低于5%；条文只允许主管部门放宽，不按更严标准判断。`;
        }
      }
      const rate = input.annual.compensationRateBp;
      if (rate === undefined) return missing(['年度融资担保代偿率（经审计，注明计算口径）'], `无法判断年度代偿率是否未超过${basis}。${note}`);
      if (rate > tol) return notMet('NO_EXEMPTION_GROUND', `年度代偿率${bpText(rate)}超过${basis}。${note}`);
      if (person.conduct.violationFound === undefined) return missing(['是否违反法律法规及内部管理制度的认定'], `年度代偿率${bpText(rate)}未超过${basis}，但缺少不违规的认定。${note}`);
      return met('NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY', `年度代偿率${bpText(rate)}未超过${basis}，该年度发生的代偿不追究${person.role}的领导或者管理责任（经办责任不在此列）。${note}`);
    },
  },
  {
    id: 'YN-8-2',
    article: '第八条第二款',
    quote: '响应政府号召积极开展支小支农融资担保、再担保业务产生的亏损，无法实现国有资产保值增值的，在落实尽职要求的前提下，不追究担保机构负责人、部门管理人员的领导或者管理责任。',
    titleZh: '响应政府号召产生亏损，不追究领导或管理责任',
    modality: 'shall',
    step: 'tolerance',
    roles: ['主要负责人', '机构负责人', '管理人员'],
    inputs: ['circumstances.governmentCallLoss', 'person.conduct.violationFound'],
    evaluate({ input, person }) {
      const g = input.circumstances.governmentCallLoss;
      if (!g) return notMet('NO_EXEMPTION_GROUND', '材料未显示响应政府号召开展业务产生亏损、无法实现国有资产保值增值的情形。');
      if (g.stateCapitalNotPreserved === false || person.conduct.violationFound === true) {
        return notMet('NO_EXEMPTION_GROUND', '未出现无法实现国有资产保值增值的情形，或未落实尽职要求。');
      }
      const gaps: string[] = [];
      if (!g.evidenceRef) gaps.push('响应政府号召开展业务的文件');
      if (g.stateCapitalNotPreserved === undefined) gaps.push('无法实现国有资产保值增值的财务数据');
      if (person.conduct.violationFound === undefined) gaps.push('落实尽职要求（无违规）的认定');
      if (gaps.length) return missing(gaps, '本款材料不完整。');
      return met('NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY', `响应政府号召（${g.evidenceRef}）开展支小支农业务产生亏损，且落实了尽职要求，不追究${person.role}的领导或者管理责任。`);
    },
  },
  // ── Exemption grounds (第九条) ───────────────────────────────────────────────────────────
  {
    id: 'YN-9-0',
    article: '第九条（前提）',
    quote: '政府性融资担保机构工作人员在不违反有关法律、法规、规章、规范性文件以及内部管理制度的前提下，经认定符合下列情形之一的政府性融资担保、再担保业务，可免除全部或者部分责任：',
    titleZh: '免责前提：不违规、无以权谋私滥用职权',
    modality: 'may',
    step: 'exemption',
    gate: true,
    inputs: ['person.conduct.violationFound', 'person.conduct.abuseOfPower'],
    evaluate({ person }) {
      const c = person.conduct;
      if (c.violationFound === true) return notMet('NO_EXEMPTION_GROUND', '经认定存在违规，第九条免责情形的前提不满足。');
      if (c.abuseOfPower === true) return notMet('NO_EXEMPTION_GROUND', '经认定存在以权谋私、滥用职权等违纪违法行为，不属于第四条所称尽职免责。');
      if (c.violationFound === undefined) return missing(['是否违反法律法规及内部管理制度的认定'], '第九条免责以不违规为前提，且须“经认定”。');
      return met('PRECONDITION_MET', '经认定本人不存在违规行为，也无以权谋私、滥用职权等违纪违法行为。');
    },
  },
  ground('YN-9-1', '（一）', '因重大疫情防控需要，按照政府要求，为服务疫情防控经营主体或者为受疫情影响严重的小微企业和“三农”主体提供融资担保发生代偿的；', '按政府要求服务疫情防控', ['circumstances.epidemic'], ({ input }) => {
    const e = input.circumstances.epidemic;
    if (!e) return notMet('NO_EXEMPTION_GROUND', '材料未显示因疫情防控需要提供的担保。');
    if (e.atGovernmentRequest === false || e.borrowerEpidemicRelated === false) return notMet('NO_EXEMPTION_GROUND', '并非按照政府要求，或债务人不属于疫情防控经营主体或受疫情影响严重的主体。');
    const gaps: string[] = [];
    if (!e.policyDocumentRef || e.atGovernmentRequest === undefined) gaps.push('政府要求的文件');
    if (e.borrowerEpidemicRelated === undefined) gaps.push('债务人属于疫情防控经营主体或受疫情影响严重主体的证明');
    if (gaps.length) return missing(gaps, '本项材料不完整。');
    return met('EXEMPTION_AVAILABLE', `按照政府要求（${e.policyDocumentRef}）为疫情防控提供担保发生代偿，${MAY_EXEMPT}。`);
  }),
  ground('YN-9-2', '（二）', '为维护社会稳定和防范化解风险，按照政府要求，对特定对象进行政府扶持的政府性融资担保业务，依法依规办理仍出现代偿或者损失的；', '按政府要求扶持特定对象', ['circumstances.governmentSupport'], ({ input }) => {
    const g = input.circumstances.governmentSupport;
    if (!g) return notMet('NO_EXEMPTION_GROUND', '材料未显示对特定对象进行政府扶持的业务。');
    if (g.atGovernmentRequest === false) return notMet('NO_EXEMPTION_GROUND', '业务并非按照政府要求办理。');
    if (!g.documentRef || g.atGovernmentRequest === undefined) return missing(['政府要求扶持特定对象的文件'], '本项须“按照政府要求”，文件缺失。');
    return met('EXEMPTION_AVAILABLE', `按照政府要求（${g.documentRef}）扶持特定对象，依法依规办理仍出现代偿，${MAY_EXEMPT}。`);
  }),
  ground('YN-9-3', '（三）', '因重大灾难或者突发变故、国家重大政策调整等不可抗力因素造成债务人发生重大经济损失，导致发生代偿的；', '不可抗力造成债务人重大经济损失', ['circumstances.forceMajeure'], ({ input }) => {
    const f = input.circumstances.forceMajeure;
    if (!f) return notMet('NO_EXEMPTION_GROUND', '材料未显示不可抗力因素。');
    if (f.causedMajorDebtorLoss === false) return notMet('NO_EXEMPTION_GROUND', '不可抗力未造成债务人重大经济损失。');
    const gaps: string[] = [];
    if (!f.evidenceRef) gaps.push('重大灾难、突发变故或政策调整的证明材料');
    if (f.causedMajorDebtorLoss === undefined) gaps.push('债务人发生重大经济损失的认定');
    if (gaps.length) return missing(gaps, '本项材料不完整。');
    return met('EXEMPTION_AVAILABLE', `${f.kind}（${f.evidenceRef}）造成债务人重大经济损失导致代偿，${MAY_EXEMPT}。`);
  }),
  ground('YN-9-4', '（四）', '债务人、债务人实际控制人或与债务人经营相关的股东、合伙人等因刑事犯罪，导致发生代偿，工作人员及时发现风险并采取积极措施减少损失的；', '债务人方刑事犯罪且及时采取措施', ['circumstances.criminalAct', 'person.conduct.promptRiskDetectionAndAction'], ({ input, person }) => {
    const c = input.circumstances.criminalAct;
    if (!c) return notMet('NO_EXEMPTION_GROUND', '材料未显示债务人方刑事犯罪导致代偿。');
    if (person.conduct.promptRiskDetectionAndAction === false) return notMet('NO_EXEMPTION_GROUND', '本人未及时发现风险或未采取积极措施减少损失。');
    const gaps: string[] = [];
    if (!c.judgmentOrFilingRef) gaps.push('刑事判决或立案材料');
    if (person.conduct.promptRiskDetectionAndAction === undefined) gaps.push('及时发现风险并采取积极措施减少损失的记录');
    if (gaps.length) return missing(gaps, '本项材料不完整。');
    return met('EXEMPTION_AVAILABLE', `债务人方因刑事犯罪（${c.judgmentOrFilingRef}）导致代偿，本人及时发现风险并采取积极措施，${MAY_EXEMPT}。`);
  }),
  ground('YN-9-5', '（五）', '因市场原因、政策变动、不可抗力因素等原因导致抵押物降价并采取积极措施后，仍造成代偿或者损失的；', '抵押物降价并采取积极措施', ['circumstances.collateralDevaluation'], ({ input }) => {
    const c = input.circumstances.collateralDevaluation;
    if (!c) return notMet('NO_EXEMPTION_GROUND', '材料未显示抵押物降价。');
    if (c.activeMeasuresTaken === false) return notMet('NO_EXEMPTION_GROUND', '抵押物降价后未采取积极措施。');
    const gaps: string[] = [];
    if (!c.evidenceRef) gaps.push('抵押物价值变动的评估或市场证明');
    if (c.activeMeasuresTaken === undefined) gaps.push('采取积极措施的记录');
    if (gaps.length) return missing(gaps, '本项材料不完整。');
    return met('EXEMPTION_AVAILABLE', `因${c.cause}导致抵押物降价（${c.evidenceRef}），采取积极措施后仍造成代偿，${MAY_EXEMPT}。`);
  }),
  ground('YN-9-6', '（六）', '担保贷款本金70%以上还清、仅因少量欠款欠息造成发生代偿，相关工作人员无违规违纪行为，并已采取积极措施追偿的；', '本金70%以上还清，仅因少量欠款欠息代偿', ['business.repaidPrincipalShareBp', 'business.repaidPrincipalFen', 'business.loanPrincipalFen', 'circumstances.onlySmallArrears', 'person.conduct.recoveryMeasuresTaken'], ({ input, person }) => {
    const share = repaidShare(input.business);
    if (!share && input.circumstances.onlySmallArrears === undefined) return notMet('NO_EXEMPTION_GROUND', '材料未载明本金还款情况，未主张本项。');
    if (share && !atLeastBp(share, YN_SEVENTY_PERCENT_BP)) {
      return notMet('NO_EXEMPTION_GROUND', `已还本金比例${percentText(share)}，低于70%（“70%以上”含本数，按报告数值精确比较、不四舍五入）。`);
    }
    if (input.circumstances.onlySmallArrears === false || person.conduct.recoveryMeasuresTaken === false) {
      return notMet('NO_EXEMPTION_GROUND', '代偿并非仅因少量欠款欠息，或未采取积极措施追偿。');
    }
    const gaps: string[] = [];
    if (!share) gaps.push('担保贷款本金及已还本金（或还款比例）');
    if (input.circumstances.onlySmallArrears === undefined) gaps.push('代偿仅因少量欠款欠息的认定');
    if (person.conduct.recoveryMeasuresTaken === undefined) gaps.push('采取积极措施追偿的记录');
    if (gaps.length) return missing(gaps, '本项材料不完整。');
    return met('EXEMPTION_AVAILABLE', `已还本金比例${percentText(share!)}，达到70%以上；仅因少量欠款欠息代偿，已积极追偿，${MAY_EXEMPT}。`);
  }),
  ground('YN-9-7', '（七）', '对已经发生代偿但在规定期限内，经过积极追索收回70%以上代偿金额的；', '规定期限内收回70%以上代偿金额', ['business.compensationAmountFen', 'business.recoveries', 'config.recoveryPeriodMonths'], ({ input, config }) => {
    const total = recoveredShareTotal(input);
    if (!total) {
      if (input.business.compensationAmountFen !== undefined) return notMet('NO_EXEMPTION_GROUND', '无追偿回收记录，未主张本项。');
      return missing(['代偿金额及追偿回收记录'], '无法计算回收比例。');
    }
    if (!atLeastBp(total, YN_SEVENTY_PERCENT_BP)) {
      return notMet('NO_EXEMPTION_GROUND', `累计收回代偿金额的${percentText(total)}，低于70%。`);
    }
    const months = config.recoveryPeriodMonths;
    if (months === undefined) {
      return undetermined(['recoveryPeriodMonths'], `累计收回${percentText(total)}，达到70%；但“规定期限”条文未定义，须由机构实施细则（第二十二条）配置参数recoveryPeriodMonths，期限内的回收比例无法判定。`);
    }
    const within = recoveredShareWithin(input, months);
    if (!within.share) return missing(['代偿日期及带日期的追偿回收记录'], '无法计算规定期限内的回收比例。');
    const period = `规定期限${months}个月${within.lastDay ? `（至${within.lastDay}）` : ''}`;
    if (!atLeastBp(within.share, YN_SEVENTY_PERCENT_BP)) return notMet('NO_EXEMPTION_GROUND', `${period}内收回${percentText(within.share)}，低于70%。`);
    return met('EXEMPTION_AVAILABLE', `${period}内收回代偿金额的${percentText(within.share)}，达到70%以上，${MAY_EXEMPT}。`);
  }),
  ground('YN-9-8', '（八）', '因工作调整等移交的存量担保业务，移交前已暴露风险，后续接管工作人员在风险化解及业务管理过程中无违规失职行为的；移交前未暴露风险，后续接管工作人员及时发现风险并采取积极措施减少损失的；', '移交的存量业务', ['person.handover'], ({ person }) => {
    const h = person.handover;
    if (!h) return notMet('NO_EXEMPTION_GROUND', '本人不是移交存量业务的接管人。');
    if (h.riskExposedBeforeHandover === undefined) return missing(['移交日期及风险暴露日期'], '无法确定移交前是否已暴露风险。');
    if (h.riskExposedBeforeHandover) {
      if (h.successorNoViolation === true) return met('EXEMPTION_AVAILABLE', `移交前已暴露风险，本人接管后无违规失职行为，${MAY_EXEMPT}。`);
      if (h.successorNoViolation === false) return notMet('NO_EXEMPTION_GROUND', '本人接管后有违规失职行为。');
      return missing(['接管后无违规失职行为的认定'], '材料未载明接管后是否有违规失职行为。');
    }
    if (h.successorPromptActionReducedLoss === true) return met('EXEMPTION_AVAILABLE', `移交前未暴露风险，本人及时发现风险并采取积极措施减少损失，${MAY_EXEMPT}。`);
    if (h.successorPromptActionReducedLoss === false) return notMet('NO_EXEMPTION_GROUND', '本人未及时发现风险或未采取积极措施减少损失。');
    return missing(['及时发现风险并采取积极措施的记录'], '材料未载明本人接管后的处置。');
  }),
  ground('YN-9-9', '（九）', '参与业务集体决策的工作人员明确提出不同意见，经事实证明该意见正确，且未被采纳的；', '集体决策中不同意见未被采纳', ['person.dissent'], ({ person }) => {
    const d = person.dissent;
    if (!d) return notMet('NO_EXEMPTION_GROUND', '会议纪要未记载本人提出不同意见。');
    if (d.provenCorrect === false || d.adopted === true) return notMet('NO_EXEMPTION_GROUND', '不同意见未经事实证明正确，或已被采纳。');
    const gaps: string[] = [];
    if (!d.minutesRef) gaps.push('记载不同意见的会议纪要');
    if (!d.dissentText) gaps.push('不同意见的内容');
    if (d.provenCorrect === undefined) gaps.push('经事实证明该意见正确的调查结论');
    if (d.adopted === undefined) gaps.push('该意见未被采纳的记录');
    if (gaps.length) return missing(gaps, '本项材料不完整。');
    return met('EXEMPTION_AVAILABLE', `本人在集体决策中明确提出不同意见（${d.minutesRef}），经事实证明正确且未被采纳，${MAY_EXEMPT}。`);
  }),
  ground('YN-9-10', '（十）', '在档案或者业务流程中有记录，或者有其他可采信的证据表明工作人员对不符合有关法律、法规、规章、规范性文件以及内部管理制度的业务曾明确提出反对意见，或者对担保业务风险有明确警示意见，但上级决策仍决定予以办理，发生代偿或者损失的；', '明确反对或警示后上级决策仍办理', ['person.writtenObjection'], ({ person }) => {
    const w = person.writtenObjection;
    if (!w) return notMet('NO_EXEMPTION_GROUND', '无本人明确提出反对意见或风险警示的记录。');
    if (w.superiorDecisionApproved === false) return notMet('NO_EXEMPTION_GROUND', '业务并非经上级决策仍予办理。');
    const gaps: string[] = [];
    if (!w.recordRef && !w.otherCredibleEvidence) gaps.push('档案或业务流程中的记录，或其他可采信的证据');
    if (!w.kind) gaps.push('反对意见或风险警示的内容');
    if (w.superiorDecisionApproved === undefined) gaps.push('上级决策仍决定办理的记录');
    if (gaps.length) return missing(gaps, '本项材料不完整。');
    return met('EXEMPTION_AVAILABLE', `本人曾明确提出${w.kind}（${w.recordRef ?? w.otherCredibleEvidence}），上级决策仍决定办理，${MAY_EXEMPT}。`);
  }),
  ground('YN-9-11', '（十一）', '发现债务人出现风险隐患后难以及时化解风险，通过减少额度或者强化反担保措施等缓释风险，最终明显降低代偿额度的；', '缓释风险明显降低代偿额度', ['circumstances.riskMitigation'], ({ input }) => {
    const r = input.circumstances.riskMitigation;
    if (!r) return notMet('NO_EXEMPTION_GROUND', '材料未显示减少额度、强化反担保等缓释措施。');
    if (r.exposureBeforeFen !== undefined && r.compensationAfterFen !== undefined && r.compensationAfterFen >= r.exposureBeforeFen) {
      return notMet('NO_EXEMPTION_GROUND', '最终代偿金额未低于缓释前的风险敞口。');
    }
    if (r.significantReductionDetermined === false) return notMet('NO_EXEMPTION_GROUND', '经认定代偿额度的降低不属于“明显降低”。');
    const gaps: string[] = [];
    if (!r.recordRef) gaps.push('减少额度或强化反担保措施的记录');
    if (r.exposureBeforeFen === undefined || r.compensationAfterFen === undefined) gaps.push('缓释前风险敞口及最终代偿金额');
    if (r.significantReductionDetermined === undefined) gaps.push('“明显降低”的认定（条文未给出数值）');
    if (gaps.length) return missing(gaps, '本项材料不完整。');
    return met('EXEMPTION_AVAILABLE', `通过缓释措施（${r.recordRef}）将代偿额度由${r.exposureBeforeFen}分降至${r.compensationAfterFen}分，经认定属明显降低，${MAY_EXEMPT}。`);
  }),
  ground('YN-9-12', '（十二）', '法律、法规、规章、规范性文件规定的其他免责或者从轻处理情形的。', '其他免责或从轻处理情形', ['person.otherLenientProvision'], ({ person }) => {
    const o = person.otherLenientProvision;
    if (!o) return notMet('NO_EXEMPTION_GROUND', '未援引其他免责或从轻处理的规定。');
    return met('EXEMPTION_AVAILABLE', `援引${o.citation}规定的免责或从轻处理情形；所引规定须人工核对。`, { severity: 'warning' });
  }),
  // ── Outcome by conclusion ────────────────────────────────────────────────────────────────
  {
    id: 'YN-19-3',
    article: '第十九条第二款',
    quote: '对责任认定为尽职的，可以免除责任；对责任认定为基本尽职的，可酌情减免责任；对责任认定为不尽职的，应当根据有关法律、法规、规范性文件以及内部管理制度要求，启动责任追究程序。',
    titleZh: '按责任认定结论处理',
    modality: 'may',
    step: 'conclusion',
    inputs: ['person.conclusion'],
    evaluate({ person }) {
      const c = person.conclusion;
      if (!c) return notApplicable('尚无评议结论。');
      if (c.result === '不尽职') return met('ACCOUNTABILITY_REQUIRED', '结论为不尽职，应启动责任追究程序。', { modality: 'shall' });
      if (c.result === '基本尽职') return met('EXEMPTION_AVAILABLE', '结论为基本尽职，可酌情减免责任。');
      return met('EXEMPTION_AVAILABLE', '结论为尽职，可以免除责任。');
    },
  },
  // ── Post-closure ─────────────────────────────────────────────────────────────────────────
  {
    id: 'YN-11-1',
    article: '第十一条第（一）项',
    quote: '执行尽职免责后，若有证据证明政府性融资担保机构工作人员存在故意隐瞒行为的，应当对其追加责任认定；',
    titleZh: '免责后发现故意隐瞒，追加责任认定',
    modality: 'not_exemptable',
    step: 'post_closure',
    inputs: ['person.conduct.concealmentFoundAfterExemption'],
    evaluate({ person }) {
      if (person.conduct.concealmentFoundAfterExemption !== true) return notApplicable('无免责后发现故意隐瞒的证据。');
      return met('SUPPLEMENTARY_LIABILITY', '执行尽职免责后有证据证明本人存在故意隐瞒行为，应追加责任认定。');
    },
  },
];

const procedureRules: ProcedureRule[] = [
  workingGroupRule({
    id: 'YN-12-1',
    article: '第十二条',
    quote: '工作小组由公司监事会或者纪检监察负责人牵头，纪检监察、审计、财务、业务等相关部门参与（应当回避的人员除外），报董事会或者相同级别的决策机构审议确定。',
    titleZh: '工作小组组成',
    leaderPattern: /监事会|纪检监察/,
    leaderZh: '监事会或者纪检监察负责人',
    leaderSoft: false,
    approvalZh: '董事会或者相同级别的决策机构',
  }),
  evaluationRecusalRule({
    id: 'YN-12-1',
    article: '第十二条',
    quote: '纪检监察、审计、财务、业务等相关部门参与（应当回避的人员除外）',
    titleZh: '被评议人回避',
  }),
  {
    id: 'YN-12-2',
    article: '第十二条',
    quote: '涉及主要负责人尽职免责的，由履行出资人职责的主管单位、工作小组等共同组成调查组调查认定。',
    titleZh: '主要负责人案件由联合调查组调查认定',
    modality: 'procedure',
    per: 'person',
    inputs: ['person.role', 'procedure.workingGroup.jointWithInvestorBody'],
    evaluate({ input }, person) {
      if (!person || person.role !== '主要负责人') return notApplicable('被评议人不是主要负责人。');
      const joint = input.procedure.workingGroup?.jointWithInvestorBody;
      if (joint === true) return met('PROCEDURE_OK', '主要负责人案件由履行出资人职责的主管单位与工作小组共同组成调查组。');
      if (joint === false) {
        return notMet('PROCEDURE_VIOLATION', `${person.name}为主要负责人，应由履行出资人职责的主管单位、工作小组等共同组成调查组，仅由工作小组调查不符合规定。`, { severity: 'blocking' });
      }
      return missing(['联合调查组组成材料'], '主要负责人案件，材料未载明是否由联合调查组调查认定。');
    },
  },
  investigationDeadlineRule({
    id: 'YN-14-1',
    article: '第十四条',
    quote: '发生代偿损失后，应当在6个月内开展尽职调查。',
    titleZh: '6个月内开展尽职调查',
    months: 6,
  }),
  basisSubstitutionRule({
    id: 'YN-14-2',
    article: '第十四条',
    quote: '对相关工作人员的尽职免责处理，必须以开展尽职调查和评议并进行责任认定为前提，不得以合规检查、专项检查等检查结论替代尽职调查、尽职评议和责任认定。',
    titleZh: '不得以检查结论替代',
  }),
  factSheetOrderRule({
    id: 'YN-18-1',
    article: '第十八条',
    quote: '形成尽职评议结论后，工作小组应当制作事实认定材料，送被评议人签字。',
    titleZh: '形成评议结论后送达事实认定材料',
    after: 'conclusion',
    afterLabelZh: '形成尽职评议结论',
  }),
  objectionWindowRule({
    id: 'YN-18-2',
    article: '第十八条',
    quote: '被评议人拒不签字且未在五个工作日内提出书面异议的，工作小组应当注明原因和送达时间，并作出书面说明。被评议人在五个工作日内提出书面异议的，工作小组应当对其意见及证明材料等进行复核。',
    titleZh: '五个工作日内提出书面异议',
    window: () => ({ count: YN_OBJECTION_WORKING_DAYS, unit: 'working_days' }),
    windowSourceZh: () => '第十八条“五个工作日内”',
  }),
  objectionReviewRule({
    id: 'YN-18-3',
    article: '第十八条',
    quote: '经复核，若证明存在评议结论错误的，应当重新评议；若不予采纳，应当作出书面说明。',
    titleZh: '书面异议的复核',
    onErrorZh: '重新评议',
  }),
  {
    id: 'YN-19-2',
    article: '第十九条第一款',
    quote:
      '责任认定报告应当提交本机构董事会或者董事会授权的决策机构审议确定，未设立董事会的由相同级别的决策机构审议确定；涉及主要负责人尽职免责的，责任认定报告应当提交股东会审议确定，未设立股东会的提交履行出资人职责的主管单位审议确定。',
    titleZh: '责任认定报告的审议机构',
    modality: 'procedure',
    per: 'person',
    inputs: ['person.role', 'procedure.determination.approvingBody', 'institution.hasBoard', 'institution.hasShareholdersMeeting'],
    evaluate({ input }, person) {
      if (!person) return notApplicable('按人评估。');
      const body = input.procedure.determination?.approvingBody;
      if (!body) return notApplicable('责任认定报告尚未提交审议。');
      const inst = input.institution;
      let allowed: string[];
      if (person.role === '主要负责人') {
        allowed = inst.hasShareholdersMeeting === false ? ['履行出资人职责的主管单位'] : ['股东会'];
      } else {
        allowed = inst.hasBoard === false ? ['相同级别的决策机构'] : ['董事会', '董事会授权的决策机构'];
      }
      if (!allowed.includes(body)) {
        return notMet('PROCEDURE_VIOLATION', `${person.name}（${person.role}）的责任认定报告应提交${allowed.join('或')}审议确定，实际由${body}审议，审议机构不符合规定。`, { severity: 'blocking' });
      }
      return met('PROCEDURE_OK', `责任认定报告由${body}审议确定，符合规定。`);
    },
  },
  publicationRule({
    id: 'YN-20',
    article: '第二十条',
    quote: '责任认定结果应当在政府性融资担保机构内部公示，并以书面形式告知被评议人及其所在部门，主要负责人责任认定结果报告同级融资担保监督管理部门和相关部门。',
    titleZh: '内部公示、书面告知及主要负责人结果报告',
    principalReport: true,
  }),
];

export const yunnanDueDiligence: DueDiligenceRuleSet = {
  id: 'YN-DDE-2023',
  jurisdiction: 'YN',
  kind: 'DUE_DILIGENCE_EXEMPTION',
  titleZh: '云南省政府性融资担保再担保业务尽职免责工作指引（试行）',
  issuerZh: '云南省地方金融监督管理局、云南省财政厅',
  documentNo: '云金规〔2022〕2号',
  issuedOn: '2022-12-26',
  validFrom: '2023-01-01',
  validTo: '2025-12-31',
  status: 'IN_FORCE',
  seed: '001',
  notesZh: [
    '原文第二十五条后附有另一文件（小额贷款公司分类评级）的片段，其“2022年4月15日起施行”不是本指引的生效日期。',
    '代偿率计算口径原文未规定，采用经审计的报告数值并记录口径。',
    '第九条第（七）项的“规定期限”由机构实施细则（第二十二条）配置。',
  ],
  parameters: [
    { name: 'compensationRateToleranceBp', labelZh: '主管部门放宽后的代偿率容忍度（须高于5%并有文件依据）', usedBy: ['YN-8-1'], delegatedBy: '第八条第一款' },
    { name: 'compensationRateToleranceSource', labelZh: '放宽容忍度的文件依据', usedBy: ['YN-8-1'], delegatedBy: '第八条第一款' },
    { name: 'recoveryPeriodMonths', labelZh: '追偿“规定期限”（月）', usedBy: ['YN-9-7'], delegatedBy: '第二十二条' },
  ],
  personRules,
  procedureRules,
  workflow: dueDiligenceWorkflow({ deliberationBeforeFactSheet: false }),
  toleranceRoles: ['主要负责人', '机构负责人', '管理人员'],
};


