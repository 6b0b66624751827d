/**
 * 宁夏回族自治区政府性融资担保（再担保）机构尽职免责管理暂行办法 (seed 000), catalogue section 1.
 * In force 2021-04-01 to 2023-04-01 (第二十七条). The seed gives no number for the annual
 * compensation-rate tolerance, "大部分", "规定期限" or the objection period: they come from the
 * institution's 实施细则 (第二十二条) via configuration, never from another province.
 */
import { HEADS, atLeastBp, bpText, met, missing, nonExemptableRule, notApplicable, notMet, percentText, recoveredShareTotal, recoveredShareWithin, repaidShare, undetermined } from '../helpers.js';
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

const A10 = '第十条';

function ground(
  id: string,
  item: string,
  quote: string,
  titleZh: string,
  inputs: string[],
  evaluate: (ctx: PersonContext) => Evaluation,
  extra: Partial<PersonRule> = {},
): PersonRule {
  return { id, article: `${A10}第${item}项`, quote, titleZh, modality: 'may', step: 'exemption', inputs, evaluate, ...extra };
}

const MAY_EXEMPT = '可免除全部或部分责任（由责任认定机构酌定）';

const personRules: PersonRule[] = [
  // ── Scope (catalogue §7 step 2) ──────────────────────────────────────────────────────────
  {
    id: 'NX-2',
    article: '第二条',
    quote:
      '本办法适用于全区政府性融资担保（再担保）机构。所称的政府性融资担保机构是指依法设立，由政府及其授权机构出资并实际控股，以服务小微企业和“三农”主体为主要经营目标的融资担保、再担保机构。',
    titleZh: '适用机构',
    modality: 'procedure',
    step: 'scope',
    inputs: ['institution.jurisdiction', 'institution.governmentGuarantee'],
    evaluate({ input }) {
      if (input.institution.jurisdiction !== 'NX') return notMet('OUT_OF_SCOPE', '机构不属于宁夏回族自治区，本办法不适用。');
      if (!input.institution.governmentGuarantee) {
        return notMet('OUT_OF_SCOPE', '机构不是由政府及其授权机构出资并实际控股的政府性融资担保（再担保）机构。');
      }
      return met('IN_SCOPE', '机构为宁夏辖内政府性融资担保（再担保）机构。');
    },
  },
  {
    id: 'NX-3',
    article: '第三条',
    quote:
      '本办法所称尽职免责，是指政府性融资担保（再担保）机构在小微企业和“三农”主体融资担保（再担保）等政府性融资担保业务出现代偿后经追偿确认损失金额，经尽职免责调查认定，有充分证据表明，融资担保机构相关负责人、管理人员和工作人员按照有关法律、法规、规章、行政规范性文件以及融资担保机构内部管理制度勤勉尽职地履行了职责，应免除其全部或部分责任，包括内部考核扣分、激励性薪酬扣减、行政处分等责任。',
    titleZh: '适用业务及免责前提（代偿后经追偿确认损失）',
    modality: 'procedure',
    step: 'scope',
    inputs: ['business.category', 'dates.compensation', 'dates.lossConfirmation'],
    evaluate({ input }) {
      if (input.business.category === '其他') return notMet('OUT_OF_SCOPE', '业务不属于小微企业和“三农”主体的政府性融资担保业务。');
      const gaps: string[] = [];
      if (!input.business.category) gaps.push('业务类别（小微企业或“三农”）');
      if (!input.dates.compensation) gaps.push('代偿日期');
      if (!input.dates.lossConfirmation) gaps.push('经追偿确认损失金额的日期');
      if (gaps.length) return missing(gaps, '尽职免责以“出现代偿后经追偿确认损失金额”为前提，相关材料缺失。');
      return met('IN_SCOPE', `业务为${input.business.category}融资担保，${input.dates.compensation}代偿，${input.dates.lossConfirmation}经追偿确认损失。`);
    },
  },
  {
    id: 'NX-4',
    article: '第四条',
    quote:
      '本办法适用对象为政府性融资担保（再担保）机构在小微企业和“三农”主体融资担保（再担保）业务办理等环节中承担管理职责和直接办理业务的部门及其相关工作人员，包括但不限于政府性融资担保机构及其负责人、评审委员会成员和直接办理业务的部门及其相关工作人员（以下简称“相关负责人、管理人员和工作人员”）。',
    titleZh: '适用人员',
    modality: 'procedure',
    step: 'scope',
    inputs: ['person.role'],
    evaluate({ person }) {
      if (person.role === '其他') return notMet('OUT_OF_SCOPE', `${person.name}既不承担管理职责也不直接办理业务，不属于本办法适用对象。`);
      return met('IN_SCOPE', `${person.name}（${person.role}）属于本办法适用对象。`);
    },
  },
  // ── Conflict of interest and recusal (step 4) ────────────────────────────────────────────
  {
    id: 'NX-8',
    article: '第八条',
    quote: '对涉及本人近亲属等具有利害关系的人员和机构申请的业务，应遵循回避原则。',
    titleZh: '利害关系回避',
    modality: 'procedure',
    step: 'conflict',
    inputs: ['person.conflict'],
    evaluate({ person }) {
      const c = person.conflict;
      if (!c || !c.hasInterest) return notApplicable('材料未显示本人与申请人存在利害关系。');
      if (c.recused === true) return met('PROCEDURE_OK', '本人与申请人存在利害关系，已回避。');
      if (c.recused === false) {
        return notMet('RECUSAL_VIOLATION', '本人与申请人存在利害关系但未回避。宁夏办法未规定此情形的后果（不同于云南指引第七条“不适用尽职免责规定”），不据此否定免责，须人工复核。', {
          severity: 'warning',
        });
      }
      return missing(['回避记录（评审会议纪要）'], '本人与申请人存在利害关系，材料未载明是否回避。');
    },
  },
  // ── Non-exemptable circumstances (step 5) ────────────────────────────────────────────────
  nonExemptableRule({
    id: 'NX-11-1',
    article: '第十一条第（一）项',
    quote: '有证据证明相关负责人、管理人员或业务经办人员违反了有关法律法规、内部规章和审保程序，未经会议研究同意，越权审批、违规操作签字承保，且造成政府性融资担保业务发生代偿的；',
    titleZh: '未经会议研究同意越权审批、违规签字承保并造成代偿',
    requires: ['causedCompensation'],
  }),
  nonExemptableRule({
    id: 'NX-11-2',
    article: '第十一条第（二）项',
    quote: '有证据证明相关负责人、管理人员或业务经办人员弄虚作假、与债务人、合作机构等内外勾结、恶意串通或故意隐瞒真实风险情况等骗取担保的；',
    titleZh: '弄虚作假、内外勾结骗取担保',
  }),
  nonExemptableRule({
    id: 'NX-11-3',
    article: '第十一条第（三）项',
    quote: '在担保业务中存在重大失误，未及时发现被担保人在经营、管理、财务、资金流向等方面存在明显瑕疵和重大风险，还款能力严重不足造成代偿的；',
    titleZh: '重大失误未发现明显瑕疵和重大风险造成代偿',
    requires: ['causedCompensation'],
  }),
  nonExemptableRule({
    id: 'NX-11-4',
    article: '第十一条第（四）项',
    quote: '未按照规定对抵（质）押物进行实地核查或评估严重失实，评估参考依据不足，担保金额明显偏高的；',
    titleZh: '未实地核查抵（质）押物或评估严重失实',
  }),
  nonExemptableRule({
    id: 'NX-11-5',
    article: '第十一条第（五）项',
    quote: '发现债务人信贷资金实际用途与合同约定用途不一致，或债务人信贷资金用于国家产业政策禁止和限制的项目及其他违法违规项目，未及时采取必要措施致使发生代偿的；',
    titleZh: '信贷资金挪用未及时采取措施致使代偿',
    requires: ['causedCompensation'],
  }),
  nonExemptableRule({
    id: 'NX-11-6',
    article: '第十一条第（六）项',
    quote: '政府性融资担保业务出现风险后，担保授信业务相关工作人员未与银行等金融机构授信业务相关工作人员有效沟通信息，共同制定和实施清收方案，相互推诿、延误清收时间，致使发生代偿的；',
    titleZh: '未与银行有效沟通、延误清收致使代偿',
    requires: ['causedCompensation'],
  }),
  nonExemptableRule({
    id: 'NX-11-7',
    article: '第十一条第（七）项',
    quote: '在担保授信业务办理过程中索取或接受经济利益的；',
    titleZh: '索取或接受经济利益',
  }),
  nonExemptableRule({
    id: 'NX-11-8',
    article: '第十一条第（八）项',
    quote: '发现债务人发生重大变化和突发事件，未及时报告、进行实地调查和采取必要的有效措施致使发生代偿的；',
    titleZh: '债务人重大变化未及时报告和处置致使代偿',
    requires: ['causedCompensation'],
  }),
  nonExemptableRule({
    id: 'NX-11-9',
    article: '第十一条第（九）项',
    quote: '发生代偿后，存在未按时履行催收义务、怠于追偿等不作为情形，导致债权追偿超过诉讼时效、丧失全部或部分债权或致使损失扩大的；',
    titleZh: '怠于追偿导致超过诉讼时效或损失扩大',
    requires: ['causedCompensation'],
  }),
  nonExemptableRule({
    id: 'NX-11-10',
    article: '第十一条第（十）项',
    quote: '向债务人乱收费，变相增加债务人融资成本的；',
    titleZh: '向债务人乱收费',
  }),
  nonExemptableRule({
    id: 'NX-11-11',
    article: '第十一条第（十一）项',
    quote: '其他违反有关法律、法规、规章、行政规范性文件以及融资担保机构内部规章制度，且造成重大损失的。',
    titleZh: '其他违规且造成重大损失',
    requires: ['majorLoss'],
  }),
  // ── Special accountability (step 6) ──────────────────────────────────────────────────────
  {
    id: 'NX-9-2',
    article: '第九条后段',
    quote:
      '但对政府性融资担保机构负责人或相关管理人员违反规定，未履行或未正确履行职责，造成国有资产损失或其他严重不良后果的，经调查核实和责任认定，不论是否已调离、提拔或者退休，根据国家相关法律法规，要严肃依法依规追责问责。',
    titleZh: '造成国有资产损失或严重不良后果的追责（不论是否调离、提拔或退休）',
    modality: 'not_exemptable',
    step: 'special',
    roles: ['主要负责人', '机构负责人', '管理人员'],
    inputs: ['person.conduct.stateAssetLossOrSeriousConsequence', 'person.status'],
    evaluate({ person }) {
      if (person.conduct.stateAssetLossOrSeriousConsequence !== true) return notMet('NO_EXEMPTION_GROUND', '无认定本人违规造成国有资产损失或其他严重不良后果的结论。');
      const status = person.status && person.status !== '在职' ? `（本人已${person.status}，不影响追责）` : '';
      return met('ACCOUNTABILITY_REQUIRED', `经认定本人违反规定，未履行或未正确履行职责，造成国有资产损失或其他严重不良后果，应严肃追责问责${status}；年度代偿率容忍不适用。`);
    },
  },
  {
    id: 'NX-12-1',
    article: '第十二条第一款',
    quote:
      '办理业务的相关工作人员有证据证明受担保机构负责人或评审会成员指使、教唆或命令其故意隐瞒事实或违规办理业务，相关管理人员、工作人员对此明确提出了异议的，担保机构负责人或评审会成员应承担全部或主要责任，并视具体情形，可对该提出异议的相关工作人员予以免责或部分免责。',
    titleZh: '受指使、教唆或命令违规办理业务',
    modality: 'may',
    step: 'special',
    inputs: ['person.instigation', 'person.role'],
    evaluate({ person }) {
      const i = person.instigation;
      if (!i) return notApplicable('无指使、教唆或命令的情形。');
      if (i.role === 'instigator') {
        if (!(HEADS as readonly string[]).includes(person.role) && person.role !== '评审委员') {
          return notApplicable(`本款只规定担保机构负责人或评审会成员的责任；${person.name}为${person.role}，按其他条款评估。`);
        }
        if (!i.evidenceRef) return missing(['指使、教唆或命令的证据'], '指称本人指使他人违规，但证据缺失。');
        return met('FULL_OR_MAIN_LIABILITY', `本人作为${person.role}指使、教唆或命令工作人员违规办理业务（证据：${i.evidenceRef}），应承担全部或主要责任。`, {
          modality: 'not_exemptable',
        });
      }
      if (!i.evidenceRef) return missing(['受指使、教唆或命令的证据'], '本款要求“有证据证明”受指使，证据缺失。');
      if (i.objectedClearly === true) return met('EXEMPTION_AVAILABLE', `本人有证据证明受指使并明确提出了异议，可视具体情形予以免责或部分免责。`);
      if (i.objectedClearly === false) return notMet('NO_EXEMPTION_GROUND', '本人受指使但未明确提出异议，本款不提供免责，按其他条款评估。');
      return missing(['明确提出异议的记录'], '材料未载明本人是否明确提出异议。');
    },
  },
  {
    id: 'NX-13-1',
    article: '第十三条前段',
    quote:
      '自治区、市、县（市、区）政府指定要求政府性担保机构办理的担保（再担保）业务，出现风险造成损失的，如无确切证据证明相关负责人、管理人员和工作人员有过失的，对相关负责人、管理人员和工作人员应免除全部责任。',
    titleZh: '政府指定业务应免除全部责任',
    modality: 'shall',
    step: 'special',
    inputs: ['circumstances.governmentDesignation', 'person.conduct.negligenceProven'],
    evaluate({ input, person }) {
      const d = input.circumstances.governmentDesignation;
      if (!d) return notApplicable('业务不是政府指定要求办理的业务。');
      if (!d.recordRef) return notMet('NO_EXEMPTION_GROUND', '称政府指定，但无会议纪要、决定、文件或研究记录等证明材料（见第十三条后段）。');
      if (person.conduct.negligenceProven === true) return notMet('NO_EXEMPTION_GROUND', '有确切证据证明本人有过失，不适用应免除全部责任的规定。');
      return met('EXEMPT_FULL_MANDATORY', `业务系${d.level ?? ''}政府指定要求办理（证明材料：${d.recordRef}），且无确切证据证明本人有过失，应免除全部责任。`);
    },
  },
  {
    id: 'NX-13-2',
    article: '第十三条后段',
    quote: '如无会议纪要、决定、文件或研究记录等相关证明材料，属个别负责人个人行为，则应按照有关规定追究相关人员责任。',
    titleZh: '称政府指定但无证明材料',
    modality: 'not_exemptable',
    step: 'special',
    inputs: ['circumstances.governmentDesignation.recordRef'],
    evaluate({ input }) {
      const d = input.circumstances.governmentDesignation;
      if (!d) return notApplicable('业务不是政府指定要求办理的业务。');
      if (d.recordRef) return notMet('NO_EXEMPTION_GROUND', '政府指定有证明材料，本项不适用。');
      return met('ACCOUNTABILITY_REQUIRED', '称政府指定要求办理，但无会议纪要、决定、文件或研究记录等证明材料，属个别负责人个人行为，应按照有关规定追究相关人员责任。');
    },
  },
  // ── Annual tolerance (step 7) ────────────────────────────────────────────────────────────
  {
    id: 'NX-9-1',
    article: '第九条前段',
    quote:
      '政府性融资担保（再担保）机构开展小微企业和“三农”主体政府性融资担保业务年度代偿率符合监管要求的，在不违反有关法律、法规、规章、行政规范性文件以及融资担保机构内部规章制度的前提下，该年度发生的代偿，原则上不追究担保机构相关负责人的领导责任或相关管理人员的管理责任。',
    titleZh: '年度代偿率符合监管要求，原则上不追究领导或管理责任',
    modality: 'in_principle',
    step: 'tolerance',
    roles: ['主要负责人', '机构负责人', '管理人员'],
    inputs: ['annual.compensationRateBp', 'config.compensationRateToleranceBp', 'person.conduct.violationFound'],
    evaluate({ input, person, config }) {
      if (person.conduct.violationFound === true) return notMet('NO_EXEMPTION_GROUND', '经认定存在违规，不满足“不违反……的前提”。');
      const rate = input.annual.compensationRateBp;
      const tol = config.compensationRateToleranceBp;
      const gaps: string[] = [];
      if (rate === undefined) gaps.push('年度代偿率（经审计，注明计算口径）');
      if (person.conduct.violationFound === undefined) gaps.push('是否违反法律法规及内部规章制度的认定');
      if (tol === undefined) {
        return {
          ...undetermined(
            ['compensationRateToleranceBp'],
            '第九条“符合监管要求”未给出代偿率数值，第二十二条要求机构在实施细则中明确代偿容忍度；该机构未配置参数compensationRateToleranceBp（代偿容忍度），无法判定。不得借用其他省份的5%。',
          ),
          missingEvidence: gaps,
        };
      }
      if (rate !== undefined && rate > tol) {
        return notMet('NO_EXEMPTION_GROUND', `年度代偿率${bpText(rate)}高于机构实施细则的代偿容忍度${bpText(tol)}。`);
      }
      if (gaps.length) return missing(gaps, '判断年度代偿率容忍所需材料不完整。');
      return met('NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY', `年度代偿率${bpText(rate!)}未超过代偿容忍度${bpText(tol)}（${config.source ?? '机构实施细则'}），该年度发生的代偿原则上不追究${person.role}的领导或管理责任。`);
    },
  },
  // ── Exemption grounds (step 8) ───────────────────────────────────────────────────────────
  {
    id: 'NX-10-0',
    article: '第十条（前提）',
    quote:
      '政府性融资担保（再担保）机构相关负责人、管理人员和工作人员在不违反有关法律、法规、规章、行政规范性文件以及融资担保机构内部规章制度的前提下，符合下列情形之一的，在责任认定中可免除全部或部分责任，相关负责人、管理人员和工作人员有过错的除外：',
    titleZh: '免责前提：不违规且无过错',
    modality: 'may',
    step: 'exemption',
    gate: true,
    inputs: ['person.conduct.violationFound', 'person.conduct.atFault'],
    evaluate({ person }) {
      const c = person.conduct;
      if (c.violationFound === true) return notMet('NO_EXEMPTION_GROUND', '经认定存在违反法律法规或内部规章制度的情形，第十条免责情形的前提不满足。');
      if (c.atFault === true) return notMet('NO_EXEMPTION_GROUND', '经认定本人有过错，属第十条“有过错的除外”。');
      const gaps: string[] = [];
      if (c.violationFound === undefined) gaps.push('是否违反法律法规及内部规章制度的认定');
      if (c.atFault === undefined) gaps.push('本人是否有过错的认定（“过错”条文未定义）');
      if (gaps.length) return missing(gaps, '第十条免责以不违规、无过错为前提，相关认定缺失。');
      return met('PRECONDITION_MET', '经认定本人不存在违规，且无过错。');
    },
  },
  ground('NX-10-1', '（一）', '为维护社会稳定和防范化解风险，对特定对象进行政府扶持的融资担保业务，依法依规办理仍出现风险造成损失的；', '维稳和化解风险的政府扶持业务', ['circumstances.governmentSupport'], ({ input }) => {
    const g = input.circumstances.governmentSupport;
    if (!g) return notMet('NO_EXEMPTION_GROUND', '材料未显示本笔业务为对特定对象进行政府扶持的业务。');
    if (!g.documentRef) return missing(['政府扶持特定对象的文件或记录'], '称政府扶持业务，但无相关文件。');
    return met('EXEMPTION_AVAILABLE', `本笔业务为对特定对象进行政府扶持的融资担保业务（${g.documentRef}），依法依规办理仍出现损失，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-2', '（二）', '突发重大疫情防控期间，按照有关政策要求，为服务疫情防控相关企业或受疫情影响严重的小微企业和“三农”主体提供融资担保发生代偿的；', '疫情防控期间按政策提供担保', ['circumstances.epidemic'], ({ input }) => {
    const e = input.circumstances.epidemic;
    if (!e) return notMet('NO_EXEMPTION_GROUND', '材料未显示本笔业务为疫情防控期间按政策要求提供的担保。');
    if (e.borrowerEpidemicRelated === false) return notMet('NO_EXEMPTION_GROUND', '债务人不属于疫情防控相关企业或受疫情影响严重的主体。');
    const gaps: string[] = [];
    if (!e.policyDocumentRef) gaps.push('有关政策要求文件');
    if (e.borrowerEpidemicRelated === undefined) gaps.push('债务人属于疫情防控相关企业或受疫情影响严重主体的证明');
    if (gaps.length) return missing(gaps, '疫情防控情形的证明材料不完整。');
    return met('EXEMPTION_AVAILABLE', `疫情防控期间按政策要求（${e.policyDocumentRef}）提供担保发生代偿，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-3', '（三）', '由于冰雹、冻灾等自然灾害及国家重大政策调整等不可抗力因素导致借款人经营困难，发生政府性融资担保业务代偿，且相关负责人、管理人员和工作人员在风险发生后及时揭示风险并采取风险化解措施的;', '不可抗力且及时揭示风险、采取化解措施', ['circumstances.forceMajeure', 'person.conduct.riskDisclosedPromptly', 'person.conduct.mitigationMeasuresTaken'], ({ input, person }) => {
    const f = input.circumstances.forceMajeure;
    if (!f) return notMet('NO_EXEMPTION_GROUND', '材料未显示不可抗力因素。');
    const c = person.conduct;
    if (f.causedBorrowerDifficulty === false || c.riskDisclosedPromptly === false || c.mitigationMeasuresTaken === false) {
      return notMet('NO_EXEMPTION_GROUND', '不可抗力未导致借款人经营困难，或本人未及时揭示风险、未采取化解措施。');
    }
    const gaps: string[] = [];
    if (!f.evidenceRef) gaps.push('自然灾害或政策调整的证明材料');
    if (f.causedBorrowerDifficulty === undefined) gaps.push('不可抗力导致借款人经营困难的认定');
    if (c.riskDisclosedPromptly === undefined) gaps.push('风险发生后及时揭示风险的记录（含日期）');
    if (c.mitigationMeasuresTaken === undefined) gaps.push('采取风险化解措施的记录');
    if (gaps.length) return missing(gaps, '不可抗力情形的证明材料不完整。');
    return met('EXEMPTION_AVAILABLE', `${f.kind}（${f.evidenceRef}）导致借款人经营困难，本人及时揭示风险并采取化解措施，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-4', '（四）', '由于非洲猪瘟、牛瘟、炭疽、口蹄疫、禽流感和小麦赤霉病、蚜虫、蝗虫等动植物疫病导致政府性融资担保业务发生代偿，且具备县级以上植保、兽医等权威机构认定出具的证明材料的；', '动植物疫病且有县级以上权威机构证明', ['circumstances.animalPlantDisease'], ({ input }) => {
    const d = input.circumstances.animalPlantDisease;
    if (!d) return notMet('NO_EXEMPTION_GROUND', '材料未显示动植物疫病导致代偿。');
    if (!d.certificate) return missing(['县级以上植保、兽医等权威机构出具的疫病证明材料'], `称因${d.disease}导致代偿，但无权威机构证明材料。`);
    const level = d.certificate.issuerLevel;
    if (!['国家级', '省级', '市级', '县级'].includes(level)) {
      return notMet('NO_EXEMPTION_GROUND', `证明材料由${d.certificate.issuer}（${level}）出具，低于条文要求的县级以上。`);
    }
    return met('EXEMPTION_AVAILABLE', `${d.disease}导致代偿，有${d.certificate.issuer}（${level}，县级以上）出具的证明材料，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-5', '（五）', '为支持创业就业，根据财政部门、人社部门创业担保贷款财政贴息资金管理相关办法，依法依规为经人社部门审核具备规定条件的创业者个人或小微企业的创业就业贷款提供担保增信服务，发生代偿或者造成损失的；', '创业担保贷款', ['business.loanType', 'circumstances.entrepreneurshipLoan'], ({ input }) => {
    if (input.business.loanType !== '创业担保贷款') return notMet('NO_EXEMPTION_GROUND', '本笔业务不是创业担保贷款。');
    const e = input.circumstances.entrepreneurshipLoan;
    if (!e?.hrApprovalRef) return missing(['人社部门审核具备规定条件的文件'], '创业担保贷款须经人社部门审核，审核材料缺失。');
    return met('EXEMPTION_AVAILABLE', `为经人社部门审核（${e.hrApprovalRef}）的创业担保贷款提供担保发生代偿，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-6', '（六）', '为执行中央和自治区取消反担保要求政策，在债务人缺乏抵质押物的情况下，政府性融资担保机构经决策同意债务人提供的反担保物不足值或降低债务人反担保要求的；', '执行取消反担保政策经决策降低反担保要求', ['circumstances.counterGuaranteeReduction'], ({ input }) => {
    const r = input.circumstances.counterGuaranteeReduction;
    if (!r) return notMet('NO_EXEMPTION_GROUND', '材料未显示降低反担保要求的情形。');
    if (r.debtorLackedCollateral === false) return notMet('NO_EXEMPTION_GROUND', '债务人并不缺乏抵质押物。');
    const gaps: string[] = [];
    if (!r.decisionRef) gaps.push('经决策同意降低反担保要求的会议纪要或决定');
    if (r.debtorLackedCollateral === undefined) gaps.push('债务人缺乏抵质押物的认定');
    if (gaps.length) return missing(gaps, '降低反担保要求情形的材料不完整。');
    return met('EXEMPTION_AVAILABLE', `债务人缺乏抵质押物，机构经决策（${r.decisionRef}）降低反担保要求，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-7', '（七）', '债务人信用良好，无逃废债意图，还款期内由于实际控制人、实际主要经营人等发生重大疾病、遭受重大灾难、意外事故或自然灾害等客观原因导致失踪、死亡、伤残或完全丧失劳动能力，造成企业经营困难或破产，经追偿后仍有损失的；', '实际控制人等发生重大疾病、死亡等客观原因', ['circumstances.controllerIncapacity'], ({ input }) => {
    const c = input.circumstances.controllerIncapacity;
    if (!c) return notMet('NO_EXEMPTION_GROUND', '材料未显示实际控制人或主要经营人发生重大疾病、死亡等情形。');
    if (c.debtorGoodCredit === false || c.noEvasionIntent === false || c.lossRemainedAfterRecovery === false) {
      return notMet('NO_EXEMPTION_GROUND', '债务人信用不良、有逃废债意图，或经追偿后无损失。');
    }
    const gaps: string[] = [];
    if (!c.evidenceRef) gaps.push('疾病、死亡、伤残或事故的证明材料');
    if (c.debtorGoodCredit === undefined) gaps.push('债务人信用记录');
    if (c.noEvasionIntent === undefined) gaps.push('无逃废债意图的认定');
    if (c.lossRemainedAfterRecovery === undefined) gaps.push('经追偿后仍有损失的记录');
    if (gaps.length) return missing(gaps, '本项材料不完整。');
    return met('EXEMPTION_AVAILABLE', `实际控制人或主要经营人${c.event ?? '发生客观意外'}（${c.evidenceRef}），债务人信用良好且经追偿仍有损失，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-8', '（八）', '担保贷款本金已还清或大部分还清、仅因少量欠款欠息造成政府性融资担保业务发生代偿，如相关负责人、管理人员和工作人员无违规违纪行为，并已按有关管理制度积极采取追索措施的;', '本金已还清或大部分还清，仅因少量欠款欠息代偿', ['business.repaidPrincipalShareBp', 'business.repaidPrincipalFen', 'business.loanPrincipalFen', 'circumstances.onlySmallArrears', 'person.conduct.recoveryMeasuresTaken', 'config.majorityRepaidThresholdBp'], ({ input, person, config }) => {
    const share = repaidShare(input.business);
    const c = person.conduct;
    if (!share && input.circumstances.onlySmallArrears === undefined) return notMet('NO_EXEMPTION_GROUND', '材料未载明本金还款情况，未主张本项。');
    if (input.circumstances.onlySmallArrears === false || c.recoveryMeasuresTaken === false) {
      return notMet('NO_EXEMPTION_GROUND', '代偿并非仅因少量欠款欠息，或本人未积极采取追索措施。');
    }
    const gaps: string[] = [];
    if (!share) gaps.push('担保贷款本金及已还本金（或还款比例）');
    if (input.circumstances.onlySmallArrears === undefined) gaps.push('代偿仅因少量欠款欠息的认定');
    if (c.recoveryMeasuresTaken === undefined) gaps.push('积极采取追索措施的记录');
    const full = share ? share.num === share.den : false;
    const threshold = config.majorityRepaidThresholdBp;
    if (share && !full && threshold !== undefined && !atLeastBp(share, threshold)) {
      return notMet('NO_EXEMPTION_GROUND', `已还本金比例${percentText(share)}，低于机构实施细则对“大部分还清”的标准${bpText(threshold)}。`);
    }
    if (share && !full && threshold === undefined) {
      return {
        ...undetermined(['majorityRepaidThresholdBp'], `已还本金比例${percentText(share)}，未全部还清；“大部分还清”条文未给出数值，机构未配置参数majorityRepaidThresholdBp，无法判定（不得借用云南70%）。`),
        missingEvidence: gaps,
      };
    }
    if (gaps.length) return missing(gaps, '本项材料不完整。');
    return met('EXEMPTION_AVAILABLE', `担保贷款本金${full ? '已还清' : `已还${percentText(share!)}（不低于实施细则标准${bpText(threshold!)}）`}，仅因少量欠款欠息代偿，且已积极追索，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-9', '（九）', '对已经发生代偿的政府性融资担保业务，在规定期限内，经过积极追索收回了全部或大部分代偿金额的；', '规定期限内收回全部或大部分代偿金额', ['business.compensationAmountFen', 'business.recoveries', 'config.recoveryPeriodMonths', 'config.majorityRecoveredThresholdBp'], ({ input, config }) => {
    const total = recoveredShareTotal(input);
    if (!total) {
      if (input.business.compensationAmountFen !== undefined) return notMet('NO_EXEMPTION_GROUND', '无追偿回收记录，未主张本项。');
      return missing(['代偿金额及追偿回收记录'], '无法计算代偿金额回收比例。');
    }
    if (total.num === 0n) return notMet('NO_EXEMPTION_GROUND', '代偿后未收回任何金额。');
    const params: string[] = [];
    const months = config.recoveryPeriodMonths;
    const threshold = config.majorityRecoveredThresholdBp;
    if (months === undefined) params.push('recoveryPeriodMonths');
    const fullTotal = total.num >= total.den;
    if (!fullTotal && threshold !== undefined && !atLeastBp(total, threshold)) {
      return notMet('NO_EXEMPTION_GROUND', `累计收回${percentText(total)}，低于机构实施细则对“大部分”的标准${bpText(threshold)}。`);
    }
    if (!fullTotal && threshold === undefined) params.push('majorityRecoveredThresholdBp');
    if (months === undefined || params.length) {
      return undetermined(params, `累计收回代偿金额的${percentText(total)}；“规定期限”和“大部分”条文未给出数值，须由机构实施细则配置（缺少：${params.join('、')}），无法判定（不得借用其他省份的标准）。`);
    }
    const within = recoveredShareWithin(input, months);
    if (!within.share) return missing(['代偿日期及带日期的追偿回收记录'], '无法计算规定期限内的回收比例。');
    const ok = within.share.num >= within.share.den || (threshold !== undefined && atLeastBp(within.share, threshold));
    const period = `规定期限${months}个月${within.lastDay ? `（至${within.lastDay}）` : ''}`;
    if (!ok) return notMet('NO_EXEMPTION_GROUND', `${period}内收回${percentText(within.share)}，未达到全部或大部分。`);
    return met('EXEMPTION_AVAILABLE', `${period}内收回代偿金额的${percentText(within.share)}，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-10', '（十）', '债务人出现风险隐患后难以及时化解风险，政府性融资担保机构通过减额度、强化反担保措施续保或以其他方式延期代偿时点等缓释风险，最终将代偿额度减到最小的；', '缓释风险将代偿额度减到最小', ['circumstances.riskMitigation'], ({ input }) => {
    const r = input.circumstances.riskMitigation;
    if (!r) return notMet('NO_EXEMPTION_GROUND', '材料未显示减额度、强化反担保续保等缓释风险措施。');
    const gaps: string[] = [];
    if (!r.recordRef) gaps.push('减额度、强化反担保续保或延期代偿时点的记录');
    if (r.exposureBeforeFen === undefined || r.compensationAfterFen === undefined) gaps.push('缓释前风险敞口及最终代偿金额');
    if (gaps.length) return missing(gaps, '缓释风险情形的材料不完整。');
    if (r.compensationAfterFen! >= r.exposureBeforeFen!) return notMet('NO_EXEMPTION_GROUND', '最终代偿金额未低于缓释前的风险敞口。');
    return met('EXEMPTION_AVAILABLE', `通过缓释措施（${r.recordRef}）将代偿额度由${r.exposureBeforeFen}分降至${r.compensationAfterFen}分，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-11', '（十一）', '因工作调整、岗位变化、续保等移交的担保存量授信业务，移交前已暴露风险的，后续接管的相关负责人、管理人员和工作人员在风险化解及业务管理过程中无违规失职行为的；移交前未暴露风险的，后续接管的相关负责人、管理人员和工作人员及时发现风险并采取有效风险化解措施减少损失的;', '移交的存量业务', ['person.handover'], ({ person }) => {
    const h = person.handover;
    if (!h) return notMet('NO_EXEMPTION_GROUND', '本人不是移交存量业务的接管人。');
    if (h.riskExposedBeforeHandover === undefined) return missing(['移交日期及风险暴露日期'], '无法确定移交前是否已暴露风险。');
    if (h.riskExposedBeforeHandover) {
      if (h.successorNoViolation === true) return met('EXEMPTION_AVAILABLE', `移交前已暴露风险，本人接管后无违规失职行为，${MAY_EXEMPT}。`);
      if (h.successorNoViolation === false) return notMet('NO_EXEMPTION_GROUND', '移交前已暴露风险，但本人接管后有违规失职行为。');
      return missing(['接管后无违规失职行为的认定'], '移交前已暴露风险，材料未载明接管后是否有违规失职行为。');
    }
    if (h.successorPromptActionReducedLoss === true) return met('EXEMPTION_AVAILABLE', `移交前未暴露风险，本人及时发现风险并采取有效措施减少损失，${MAY_EXEMPT}。`);
    if (h.successorPromptActionReducedLoss === false) return notMet('NO_EXEMPTION_GROUND', '移交前未暴露风险，本人未及时发现风险或未采取有效措施减少损失。');
    return missing(['及时发现风险并采取有效措施减少损失的记录'], '移交前未暴露风险，材料未载明本人接管后的处置。');
  }),
  ground('NX-10-12', '（十二）', '参与集体决策的相关管理人员、工作人员明确提出不同意见（有合法依据），经事实证明该意见正确，且该项决策与担保业务风险存在直接关系的；', '集体决策中有合法依据的不同意见', ['person.dissent'], ({ person }) => {
    if ((HEADS as readonly string[]).includes(person.role)) {
      return notApplicable(`本项适用于“参与集体决策的相关管理人员、工作人员”，条文未列负责人；${person.name}为${person.role}，按其他条款评估。`, 'NO_EXEMPTION_GROUND');
    }
    const d = person.dissent;
    if (!d) return notMet('NO_EXEMPTION_GROUND', '会议纪要未记载本人提出不同意见。');
    if (d.provenCorrect === false || d.directlyRelatedToRisk === false) {
      return notMet('NO_EXEMPTION_GROUND', '不同意见未经事实证明正确，或该项决策与担保业务风险无直接关系。');
    }
    const gaps: string[] = [];
    if (!d.minutesRef) gaps.push('记载不同意见的会议纪要');
    if (!d.dissentText) gaps.push('不同意见的内容');
    if (!d.legalBasis) gaps.push('不同意见所依据的法律法规或制度条款（合法依据）');
    if (d.provenCorrect === undefined) gaps.push('经事实证明该意见正确的调查结论');
    if (d.directlyRelatedToRisk === undefined) gaps.push('该项决策与担保业务风险存在直接关系的认定');
    if (gaps.length) return missing(gaps, '不同意见情形的材料不完整。');
    return met('EXEMPTION_AVAILABLE', `本人在集体决策中明确提出不同意见（${d.minutesRef}，依据：${d.legalBasis}），经事实证明正确且与风险直接相关，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-13', '（十三）', '在档案或业务流程中有书面记录、或有其他可采信的证据表明相关负责人、管理人员和工作人员对不符合当时有关法律法规和内部规章的业务曾明确提出反对意见，或对债务人风险有明确警示意见，但经上级决策后业务仍予办理且造成政府性融资担保业务代偿的；', '书面反对或风险警示后经上级决策仍办理', ['person.writtenObjection'], ({ person }) => {
    const w = person.writtenObjection;
    if (!w) return notMet('NO_EXEMPTION_GROUND', '无本人明确提出反对意见或风险警示的记录。');
    if (w.superiorDecisionApproved === false) return notMet('NO_EXEMPTION_GROUND', '业务并非经上级决策后仍予办理。');
    const gaps: string[] = [];
    if (!w.recordRef && !w.otherCredibleEvidence) gaps.push('档案或业务流程中的书面记录，或其他可采信的证据');
    if (!w.kind) gaps.push('反对意见或风险警示的内容');
    if (w.superiorDecisionApproved === undefined) gaps.push('上级决策仍予办理的记录');
    if (gaps.length) return missing(gaps, '书面反对或警示情形的材料不完整。');
    return met('EXEMPTION_AVAILABLE', `本人曾明确提出${w.kind}（${w.recordRef ?? w.otherCredibleEvidence}），经上级决策后业务仍予办理，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-14', '（十四）', '经内部审计部门认定的，其他无充分证据证明相关负责人、管理人员和工作人员未按照有关法律法规和内部规章实施规范化操作或未勤勉尽职的情形；', '内部审计认定无充分证据证明未尽职', ['person.internalAudit'], ({ person }) => {
    const a = person.internalAudit;
    if (!a) return notMet('NO_EXEMPTION_GROUND', '无内部审计部门的相关认定。');
    if (a.noSufficientEvidenceOfMisconduct === false) return notMet('NO_EXEMPTION_GROUND', '内部审计认定有证据证明本人未规范操作或未勤勉尽职。');
    if (!a.determinationRef || a.noSufficientEvidenceOfMisconduct === undefined) return missing(['内部审计部门点名本人的认定意见'], '内部审计认定材料不完整。');
    return met('EXEMPTION_AVAILABLE', `内部审计部门认定（${a.determinationRef}）无充分证据证明本人未规范操作或未勤勉尽职，${MAY_EXEMPT}。`);
  }),
  ground('NX-10-15', '（十五）', '有关法律、法规、规章以及国家、自治区行政规范性文件规定的其他从轻处理等情形。', '其他从轻处理情形', ['person.otherLenientProvision'], ({ person }) => {
    const o = person.otherLenientProvision;
    if (!o) return notMet('NO_EXEMPTION_GROUND', '未援引其他从轻处理的规定。');
    return met('EXEMPTION_AVAILABLE', `援引${o.citation}规定的从轻处理情形；所引规定须人工核对。`, { severity: 'warning' });
  }),
  // ── Outcome by conclusion (step 9) ───────────────────────────────────────────────────────
  {
    id: 'NX-19',
    article: '第十九条',
    quote:
      '工作小组应按照政府性融资担保机构党组织、董事会审议确定的尽职评议结论，对责任认定为尽职的，可以免除责任；对责任认定为基本尽职的，可酌情减免责任追究；对责任认定为不尽职的，应根据有关法律法规以及政府性融资担保机构内部管理制度要求，启动责任追究程序。',
    titleZh: '按审议确定的评议结论处理',
    modality: 'may',
    step: 'conclusion',
    inputs: ['person.conclusion', 'dates.deliberation'],
    evaluate({ input, person }) {
      const c = person.conclusion;
      if (!c) return notApplicable('尚无尽职评议结论。');
      if (!input.dates.deliberation) return missing(['党组织、董事会审议确定评议结论的记录'], `评议结论为“${c.result}”，但尚未经党组织、董事会审议确定。`);
      if (c.result === '不尽职') {
        return met('ACCOUNTABILITY_REQUIRED', '审议确定的结论为不尽职，应启动责任追究程序。', { modality: 'shall' });
      }
      if (c.result === '基本尽职') return met('EXEMPTION_AVAILABLE', '审议确定的结论为基本尽职，可酌情减免责任追究。');
      return met('EXEMPTION_AVAILABLE', '审议确定的结论为尽职，可以免除责任。');
    },
  },
  // ── Post-closure (step 10) ───────────────────────────────────────────────────────────────
  {
    id: 'NX-12-2',
    article: '第十二条第二款',
    quote: '执行尽职免责后，若有证据证明办理业务的相关管理人员、工作人员存在主观、故意隐瞒行为的，应当对其追加责任认定。',
    titleZh: '免责后发现故意隐瞒，追加责任认定',
    modality: 'not_exemptable',
    step: 'post_closure',
    inputs: ['person.conduct.concealmentFoundAfterExemption'],
    evaluate({ person }) {
      if (person.conduct.concealmentFoundAfterExemption !== true) return notApplicable('无免责后发现故意隐瞒的证据。');
      return met('SUPPLEMENTARY_LIABILITY', '执行尽职免责后有证据证明本人存在主观、故意隐瞒行为，应追加责任认定。');
    },
  },
];

const procedureRules: ProcedureRule[] = [
  workingGroupRule({
    id: 'NX-14',
    article: '第十四条',
    quote:
      '工作小组一般由融资担保机构监事或监事会负责人牵头，机构纪检监察负责人和审计、财务、法务、相关业务部门负责人和部分股东代表组成（应当回避的当事人除外），报董事会审议确定。',
    titleZh: '工作小组组成',
    leaderPattern: /监事/,
    leaderZh: '监事或监事会负责人',
    leaderSoft: true,
    approvalZh: '董事会',
  }),
  evaluationRecusalRule({
    id: 'NX-15',
    article: '第十五条',
    quote: '开展尽职评议时，被评议的承担管理职责和直接办理业务的相关工作人员（以下简称被评议人）应主动回避，不参与评议。',
    titleZh: '被评议人回避',
  }),
  investigationDeadlineRule({
    id: 'NX-16-1',
    article: '第十六条',
    quote: '担保业务发生代偿损失后，应在六个月内开展尽职免责调查。',
    titleZh: '六个月内开展尽职免责调查',
    months: 6,
  }),
  basisSubstitutionRule({
    id: 'NX-16-2',
    article: '第十六条',
    quote:
      '对相关负责人、管理人员和工作人员的责任处理，必须以开展尽职免责调查与评议并进行责任认定为前提，不得以合规检查、专项检查等检查结论替代尽职评议。',
    titleZh: '不得以检查结论替代尽职评议',
  }),
  {
    id: 'NX-17-3',
    article: '第十七条第二款',
    quote: '认定为不尽职的，应明确责任，提出违规依据及责任处理意见。',
    titleZh: '不尽职结论须载明违规依据及处理意见',
    modality: 'procedure',
    per: 'person',
    inputs: ['person.conclusion'],
    evaluate(_ctx, person) {
      const c = person?.conclusion;
      if (!c || c.result !== '不尽职') return notApplicable('结论不是不尽职。');
      const gaps: string[] = [];
      if (!c.violationBasis) gaps.push('违规依据');
      if (!c.handlingOpinion) gaps.push('责任处理意见');
      if (gaps.length) return notMet('REPORT_INCOMPLETE', `不尽职结论缺少${gaps.join('、')}，评议报告不完整。`, { severity: 'blocking', missingEvidence: gaps });
      return met('PROCEDURE_OK', '不尽职结论已载明违规依据及责任处理意见。');
    },
  },
  {
    id: 'NX-17-2',
    article: '第十七条第二款',
    quote: '基本尽职是基本履行工作职责，但在办理程序、风险防控措施等方面仍需改进，发现的问题不是导致业务出现风险的直接原因，且未造成较大损失；',
    titleZh: '基本尽职须未造成较大损失',
    modality: 'procedure',
    per: 'person',
    inputs: ['person.conclusion.largeLossCaused'],
    evaluate(_ctx, person) {
      const c = person?.conclusion;
      if (!c || c.result !== '基本尽职') return notApplicable('结论不是基本尽职。');
      if (c.largeLossCaused === true) {
        return notMet('REPORT_INCOMPLETE', '结论为基本尽职，但记载已造成较大损失，与“未造成较大损失”的定义不符（“较大损失”条文未定义），须复核。', { severity: 'warning' });
      }
      if (c.largeLossCaused === undefined) return missing(['是否造成较大损失的认定'], '基本尽职须“未造成较大损失”，材料未载明。');
      return met('PROCEDURE_OK', '结论为基本尽职，且未造成较大损失。');
    },
  },
  factSheetOrderRule({
    id: 'NX-18-1',
    article: '第十八条',
    quote: '尽职评议结论应提交政府性融资担保（再担保）机构党组织、董事会审议确定。尽职评议结论经审议确定后，工作小组应制作事实认证材料，送被评议人签字；',
    titleZh: '评议结论经党组织、董事会审议后再送达事实认证材料',
    after: 'deliberation',
    afterLabelZh: '党组织、董事会审议确定评议结论',
  }),
  objectionWindowRule({
    id: 'NX-18-3',
    article: '第十八条',
    quote: '被评议人拒不签字、且未在规定期限内提出书面异议的，应注明原因和送达时间，并作出书面说明。',
    titleZh: '拒签及书面异议期限（实施细则规定）',
    window: (config) => config.objectionPeriod,
    windowSourceZh: (config) => `机构实施细则规定的异议期限${config.source ? `（${config.source}）` : ''}`,
    parameterName: 'objectionPeriod',
  }),
  objectionReviewRule({
    id: 'NX-18-4',
    article: '第十八条',
    quote: '被评议人在规定期限内提出书面异议的，工作小组应对其意见及证明材料进行审核；经审核，若有证据证明存在责任认定错误的，应重新认定责任；若不予采纳的，应作出书面说明。',
    titleZh: '书面异议的审核',
    onErrorZh: '重新认定责任',
  }),
  publicationRule({
    id: 'NX-20',
    article: '第二十条',
    quote: '责任认定结果应在政府性融资担保机构内部公示，并以书面形式告知被评议人及其所在部门。',
    titleZh: '内部公示和书面告知',
    principalReport: false,
  }),
  {
    id: 'NX-24',
    article: '第二十四条',
    quote: '涉及政府性融资担保机构负责人尽职免责的调查、认定和处理，经履行出资人职责的部门审核同意后，报有关部门认定，处理结束后，报业务监管部门备案。',
    titleZh: '机构负责人案件须经出资人部门审核同意',
    modality: 'procedure',
    per: 'person',
    inputs: ['person.role', 'procedure.determination.investorBodyApprovalRef'],
    evaluate({ input }, person) {
      if (!person || !(HEADS as readonly string[]).includes(person.role)) return notApplicable('被评议人不是机构负责人。');
      if (!input.dates.determination && !input.dates.determinationApproval) return notApplicable('尚未到责任认定环节。');
      if (!input.procedure.determination?.investorBodyApprovalRef) {
        return notMet('PROCEDURE_VIOLATION', `${person.name}为机构负责人，其调查、认定和处理须经履行出资人职责的部门审核同意后报有关部门认定（“有关部门”条文未列明），材料中无审核同意记录。`, {
          severity: 'warning',
          missingEvidence: ['履行出资人职责的部门审核同意记录'],
        });
      }
      return met('PROCEDURE_OK', `已经履行出资人职责的部门审核同意（${input.procedure.determination.investorBodyApprovalRef}）；处理结束后须报业务监管部门备案。`);
    },
  },
];

export const ningxiaDueDiligence: DueDiligenceRuleSet = {
  id: 'NX-DDE-2021',
  jurisdiction: 'NX',
  kind: 'DUE_DILIGENCE_EXEMPTION',
  titleZh: '宁夏回族自治区政府性融资担保（再担保）机构尽职免责管理暂行办法',
  issuerZh: '原文未载明发文机关（由自治区地方金融监督管理局、财政厅、国资委负责解释）',
  validFrom: '2021-04-01',
  validTo: '2023-04-01',
  status: 'IN_FORCE',
  seed: '000',
  notesZh: [
    '暂行办法，有效期至2023年4月1日；此后宁夏无相应规定在本系统内。',
    '代偿容忍度、“大部分”、“规定期限”及异议期限须由机构实施细则（第二十二条）配置，不借用其他省份的数值。',
    '第十八条用语为“事实认证材料”，与云南“事实认定材料”视为同一类材料。',
  ],
  parameters: [
    { name: 'compensationRateToleranceBp', labelZh: '代偿容忍度（年度代偿率上限）', usedBy: ['NX-9-1'], delegatedBy: '第二十二条' },
    { name: 'majorityRepaidThresholdBp', labelZh: '“大部分还清”的已还本金比例', usedBy: ['NX-10-8'], delegatedBy: '第二十二条' },
    { name: 'majorityRecoveredThresholdBp', labelZh: '“大部分代偿金额”的回收比例', usedBy: ['NX-10-9'], delegatedBy: '第二十二条' },
    { name: 'recoveryPeriodMonths', labelZh: '追偿“规定期限”（月）', usedBy: ['NX-10-9'], delegatedBy: '第二十二条' },
    { name: 'objectionPeriod', labelZh: '提出书面异议的“规定期限”', usedBy: ['NX-18-3'], delegatedBy: '第二十二条' },
  ],
  personRules,
  procedureRules,
  workflow: dueDiligenceWorkflow({ deliberationBeforeFactSheet: true }),
  toleranceRoles: ['主要负责人', '机构负责人', '管理人员'],
};
