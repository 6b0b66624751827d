/**
 * The input of a 尽职免责 (due-diligence exemption) assessment: one compensated guarantee and the
 * persons evaluated for it. The pipeline builds it from extracted documents; `dossier assess`
 * reads it as JSON. Money is integer fen, shares and rates integer basis points (1% = 100),
 * dates ISO `YYYY-MM-DD`. A field left out means "not known from the documents": the assessment
 * then reports the evidence as missing rather than assuming it.
 */
import { z } from 'zod';
import { isIsoDate } from './dates.js';

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, { message: 'not a calendar date' })
  .describe('ISO date YYYY-MM-DD');
export const Fen = z.number().int().min(0).describe('amount in integer fen (1 yuan = 100 fen)');
export const ShareBp = z.number().int().min(0).max(10_000).describe('share in basis points: 70.00% = 7000');
export const RateBp = z.number().int().min(0).describe('rate in basis points: 5.00% = 500');
export const Ref = z.string().min(1).describe('reference of the supporting document (number, title or id)');

/** Jurisdiction codes of the rule catalogue. */
export const Jurisdiction = z.enum(['NX', 'YN', 'CQ', 'SX', 'XJ']);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const JURISDICTION_LABEL_ZH: Record<Jurisdiction, string> = {
  NX: '宁夏回族自治区',
  YN: '云南省',
  CQ: '重庆市',
  SX: '山西省',
  XJ: '新疆维吾尔自治区',
};

/**
 * Role class of an evaluated person (catalogue 9.2). `管理人员` covers 部门负责人 and other
 * managers; `其他` is someone with neither management duties nor direct handling (out of scope).
 */
export const RoleClass = z.enum(['主要负责人', '机构负责人', '管理人员', '评审委员', '经办人员', '其他']);
export type RoleClass = z.infer<typeof RoleClass>;

/** Level of the authority that issued a certificate (NX-10-4 needs 县级以上). */
export const AuthorityLevel = z.enum(['国家级', '省级', '市级', '县级', '乡镇级', '其他']);
export type AuthorityLevel = z.infer<typeof AuthorityLevel>;

export const Institution = z.object({
  name: z.string().min(1),
  jurisdiction: Jurisdiction.describe('province of registration / list (C-4 a)'),
  governmentGuarantee: z
    .boolean()
    .describe('政府性融资担保（再担保）机构: set up by law, funded and actually controlled by government (NX-2, YN-2)'),
  onGovernmentList: z
    .boolean()
    .optional()
    .describe('on the list confirmed by the provincial finance department (YN-2 省财政厅会同省地方金融监管局确认)'),
  hasBoard: z.boolean().optional().describe('has a 董事会 (YN-19-2)'),
  hasShareholdersMeeting: z.boolean().optional().describe('has a 股东会 (YN-19-2)'),
});

export const Recovery = z.object({ date: IsoDate, amountFen: Fen });

export const Business = z.object({
  projectId: z.string().optional(),
  debtorName: z.string().optional(),
  category: z
    .enum(['小微企业', '三农', '其他'])
    .optional()
    .describe('支小支农 category of the debtor (NX-3, YN-3); when not stated, scope is evidence missing'),
  purpose: z.enum(['经营类', '消费类']).optional(),
  loanType: z.enum(['一般贷款', '创业担保贷款', '债券', '其他']).optional(),
  guaranteeAmountFen: Fen.optional(),
  loanPrincipalFen: Fen.optional(),
  repaidPrincipalFen: Fen.optional(),
  repaidPrincipalShareBp: ShareBp.optional().describe('repaid share of the principal as reported (NX-10-8, YN-9-6)'),
  compensationAmountFen: Fen.optional().describe('代偿金额'),
  recoveries: z.array(Recovery).default([]).describe('recovery log after compensation (追偿记录)'),
  recoveredWithinPeriodFen: Fen.optional().describe('recovered within the prescribed period, when reported directly'),
  lossAmountFen: Fen.optional().describe('loss confirmed after recovery'),
});

export const KeyDates = z.object({
  approval: IsoDate.optional().describe('guarantee approval (业务审批)'),
  compensation: IsoDate.optional().describe('代偿 paid'),
  lossConfirmation: IsoDate.optional().describe('loss confirmed after recovery (确认损失)'),
  investigationStart: IsoDate.optional().describe('尽职免责调查 opened'),
  investigationEnd: IsoDate.optional(),
  evaluation: IsoDate.optional().describe('尽职评议 meeting'),
  conclusion: IsoDate.optional().describe('尽职评议报告 / conclusion'),
  deliberation: IsoDate.optional().describe('NX: 党组织、董事会 deliberation of the conclusion (NX-18-1)'),
  factSheetDelivery: IsoDate.optional().describe('事实认定材料 delivered (送达); default for every person'),
  signature: IsoDate.optional(),
  refusal: IsoDate.optional(),
  objection: IsoDate.optional().describe('written objection received'),
  determination: IsoDate.optional().describe('责任认定报告'),
  determinationApproval: IsoDate.optional().describe('责任认定 deliberated by the approving body'),
  publication: IsoDate.optional(),
  archive: IsoDate.optional(),
});
export type KeyDates = z.infer<typeof KeyDates>;

export const Circumstances = z
  .object({
    governmentSupport: z
      .object({ documentRef: Ref.optional(), atGovernmentRequest: z.boolean().optional() })
      .optional()
      .describe('NX-10-1 / YN-9-2 government-supported business for specific objects'),
    epidemic: z
      .object({
        policyDocumentRef: Ref.optional(),
        atGovernmentRequest: z.boolean().optional(),
        borrowerEpidemicRelated: z.boolean().optional(),
      })
      .optional()
      .describe('NX-10-2 / YN-9-1'),
    forceMajeure: z
      .object({
        kind: z.enum(['自然灾害', '重大灾难或突发变故', '国家重大政策调整', '其他']),
        evidenceRef: Ref.optional(),
        causedBorrowerDifficulty: z.boolean().optional(),
        causedMajorDebtorLoss: z.boolean().optional(),
      })
      .optional()
      .describe('NX-10-3 / YN-9-3'),
    animalPlantDisease: z
      .object({
        disease: z.string(),
        certificate: z
          .object({ issuer: z.string(), issuerLevel: AuthorityLevel, date: IsoDate.optional(), ref: Ref.optional() })
          .optional(),
      })
      .optional()
      .describe('NX-10-4: certificate from an authority at county level or above'),
    entrepreneurshipLoan: z.object({ hrApprovalRef: Ref.optional() }).optional().describe('NX-10-5'),
    counterGuaranteeReduction: z
      .object({ decisionRef: Ref.optional(), debtorLackedCollateral: z.boolean().optional() })
      .optional()
      .describe('NX-10-6'),
    controllerIncapacity: z
      .object({
        event: z.string().optional(),
        evidenceRef: Ref.optional(),
        debtorGoodCredit: z.boolean().optional(),
        noEvasionIntent: z.boolean().optional(),
        lossRemainedAfterRecovery: z.boolean().optional(),
      })
      .optional()
      .describe('NX-10-7'),
    onlySmallArrears: z.boolean().optional().describe('仅因少量欠款欠息 (NX-10-8, YN-9-6), as determined'),
    criminalAct: z.object({ judgmentOrFilingRef: Ref.optional() }).optional().describe('YN-9-4'),
    collateralDevaluation: z
      .object({
        cause: z.enum(['市场原因', '政策变动', '不可抗力', '其他']),
        evidenceRef: Ref.optional(),
        activeMeasuresTaken: z.boolean().optional(),
      })
      .optional()
      .describe('YN-9-5'),
    riskMitigation: z
      .object({
        recordRef: Ref.optional(),
        exposureBeforeFen: Fen.optional(),
        compensationAfterFen: Fen.optional(),
        significantReductionDetermined: z.boolean().optional().describe('YN-9-11 明显降低, as determined'),
      })
      .optional()
      .describe('NX-10-10 / YN-9-11'),
    governmentDesignation: z
      .object({
        level: z.enum(['自治区', '省', '市', '县']).optional(),
        recordRef: Ref.optional().describe('会议纪要、决定、文件或研究记录'),
      })
      .optional()
      .describe('NX-13 business designated by government'),
    governmentCallLoss: z
      .object({ evidenceRef: Ref.optional(), stateCapitalNotPreserved: z.boolean().optional() })
      .optional()
      .describe('YN-8-2 losses from answering the government call'),
  })
  .default({});

export const NonExemptableFinding = z.object({
  ruleId: z.string().describe('catalogue ID of the circumstance, e.g. NX-11-7 or YN-10-3'),
  evidenceRef: Ref.optional(),
  description: z.string().optional(),
  causedCompensation: z.boolean().optional().describe('the conduct caused the 代偿 (or the larger loss)'),
  majorLoss: z.boolean().optional().describe('NX-11-11 且造成重大损失'),
  subjectiveCause: z.boolean().optional().describe('YN-10-6 因主观原因'),
  namedRuleBreached: z.string().optional().describe('YN-10-9: the rule breached, named'),
});
export type NonExemptableFinding = z.infer<typeof NonExemptableFinding>;

export const Conclusion = z.object({
  result: z.enum(['尽职', '基本尽职', '不尽职']),
  date: IsoDate.optional(),
  violationBasis: z.string().optional().describe('NX-17-3 违规依据'),
  handlingOpinion: z.string().optional().describe('NX-17-3 责任处理意见'),
  largeLossCaused: z.boolean().optional().describe('NX-17-2 基本尽职 requires 未造成较大损失'),
});

export const FactSheet = z.object({
  deliveryDate: IsoDate.optional(),
  signatureDate: IsoDate.optional(),
  refused: z.boolean().optional(),
  refusalDate: IsoDate.optional(),
  objectionDate: IsoDate.optional(),
  objectionWritten: z.boolean().optional(),
  writtenExplanation: z.boolean().optional().describe('written explanation with reason and delivery time (NX-18-3, YN-18-2)'),
  reviewResult: z.enum(['ERROR_FOUND', 'NOT_ADOPTED']).optional(),
  reviewExplanation: z.boolean().optional().describe('written explanation when the objection is not adopted'),
});

export const EvaluatedPerson = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  position: z.string().optional(),
  role: RoleClass,
  department: z.string().optional(),
  status: z.enum(['在职', '调离', '提拔', '退休', '辞职']).optional(),
  conduct: z
    .object({
      violationFound: z.boolean().optional().describe('breach of laws, normative documents or internal rules was found'),
      atFault: z.boolean().optional().describe('NX-10 有过错'),
      abuseOfPower: z.boolean().optional().describe('YN-4 以权谋私、滥用职权等违纪违法行为'),
      riskDisclosedPromptly: z.boolean().optional().describe('NX-10-3 及时揭示风险'),
      mitigationMeasuresTaken: z.boolean().optional().describe('NX-10-3 采取风险化解措施'),
      promptRiskDetectionAndAction: z.boolean().optional().describe('YN-9-4 及时发现风险并采取积极措施减少损失'),
      recoveryMeasuresTaken: z.boolean().optional().describe('NX-10-8 / YN-9-6 积极追索'),
      negligenceProven: z.boolean().optional().describe('NX-13-1 确切证据证明有过失'),
      stateAssetLossOrSeriousConsequence: z
        .boolean()
        .optional()
        .describe('NX-9-2 / YN-11-2 violation causing state-asset loss or other serious consequences'),
      concealmentFoundAfterExemption: z.boolean().optional().describe('NX-12-2 / YN-11-1'),
    })
    .default({}),
  conflict: z
    .object({
      hasInterest: z.boolean().describe('business applied for by a 近亲属 or another interested person or entity'),
      relation: z.string().optional(),
      declared: z.boolean().optional().describe('主动报告'),
      recused: z.boolean().optional().describe('回避'),
      declarationRef: Ref.optional(),
    })
    .optional(),
  dissent: z
    .object({
      minutesRef: Ref.optional().describe('meeting minutes recording the dissent'),
      dissentText: z.string().optional(),
      legalBasis: z.string().optional().describe('NX-10-12 合法依据 cited'),
      provenCorrect: z.boolean().optional(),
      directlyRelatedToRisk: z.boolean().optional().describe('NX-10-12'),
      adopted: z.boolean().optional().describe('YN-9-9 requires 未被采纳'),
    })
    .optional(),
  writtenObjection: z
    .object({
      recordRef: Ref.optional().describe('record in the archive or business flow'),
      otherCredibleEvidence: z.string().optional(),
      kind: z.enum(['反对意见', '风险警示']).optional(),
      superiorDecisionApproved: z.boolean().optional(),
      superiorDecisionRef: Ref.optional(),
    })
    .optional()
    .describe('NX-10-13 / YN-9-10'),
  handover: z
    .object({
      handoverDate: IsoDate.optional(),
      riskExposedBeforeHandover: z.boolean().optional(),
      successorNoViolation: z.boolean().optional(),
      successorPromptActionReducedLoss: z.boolean().optional(),
    })
    .optional()
    .describe('NX-10-11 / YN-9-8 inherited business'),
  internalAudit: z
    .object({ determinationRef: Ref.optional(), noSufficientEvidenceOfMisconduct: z.boolean().optional() })
    .optional()
    .describe('NX-10-14'),
  otherLenientProvision: z.object({ citation: z.string().min(1) }).optional().describe('NX-10-15 / YN-9-12'),
  instigation: z
    .object({
      role: z.enum(['instigator', 'instigated']),
      evidenceRef: Ref.optional(),
      objectedClearly: z.boolean().optional(),
    })
    .optional()
    .describe('NX-12-1 / YN-10-1'),
  nonExemptableFindings: z.array(NonExemptableFinding).default([]),
  conclusion: Conclusion.optional(),
  factSheet: FactSheet.optional().describe('per-person fact sheet; falls back to the case dates'),
  presentAtEvaluation: z.boolean().optional().describe('took part in the evaluation of their own case (NX-15)'),
});
export type EvaluatedPerson = z.infer<typeof EvaluatedPerson>;

export const ApprovingBody = z.enum(['董事会', '董事会授权的决策机构', '相同级别的决策机构', '股东会', '履行出资人职责的主管单位']);

export const Procedure = z
  .object({
    responsibilityBasis: z
      .enum(['尽职调查', '合规检查', '专项检查'])
      .optional()
      .describe('what the responsibility handling rests on (NX-16-2, YN-14-2)'),
    workingGroup: z
      .object({
        leaderTitle: z.string().optional(),
        boardApprovalRef: Ref.optional(),
        members: z.array(z.string()).default([]),
        jointWithInvestorBody: z.boolean().optional().describe('YN-12-2 joint group for a 主要负责人'),
      })
      .optional(),
    evaluationMeeting: z.object({ date: IsoDate.optional(), participants: z.array(z.string()).default([]) }).optional(),
    determination: z
      .object({ approvingBody: ApprovingBody.optional(), investorBodyApprovalRef: Ref.optional() })
      .optional(),
    publication: z
      .object({
        internal: z.boolean().optional(),
        personNotified: z.boolean().optional(),
        departmentNotified: z.boolean().optional(),
        regulatorReported: z.boolean().optional(),
      })
      .optional(),
  })
  .default({});

export const CaseDocumentType = z.enum([
  'REVIEW_MINUTES',
  'COMPENSATION_VOUCHER',
  'RECOVERY_LOG',
  'LOSS_CONFIRMATION',
  'WORKING_GROUP_RESOLUTION',
  'INVESTIGATION_OPENING',
  'INVESTIGATION_REPORT',
  'EVALUATION_MINUTES',
  'EVALUATION_REPORT',
  'DELIBERATION_MINUTES',
  'FACT_SHEET',
  'SIGNATURE',
  'REFUSAL_EXPLANATION',
  'OBJECTION',
  'OBJECTION_REVIEW',
  'DETERMINATION_REPORT',
  'DETERMINATION_RESOLUTION',
  'PUBLICATION_NOTICE',
  'REGULATOR_FILING',
  'ARCHIVE_INDEX',
  'OTHER',
]);
export type CaseDocumentType = z.infer<typeof CaseDocumentType>;

export const CASE_DOCUMENT_LABEL_ZH: Record<CaseDocumentType, string> = {
  REVIEW_MINUTES: '项目评审会议纪要',
  COMPENSATION_VOUCHER: '代偿凭证',
  RECOVERY_LOG: '追偿记录',
  LOSS_CONFIRMATION: '损失确认材料',
  WORKING_GROUP_RESOLUTION: '工作小组组成决议',
  INVESTIGATION_OPENING: '尽职调查启动记录',
  INVESTIGATION_REPORT: '尽职调查报告',
  EVALUATION_MINUTES: '尽职评议会议纪要',
  EVALUATION_REPORT: '尽职评议报告',
  DELIBERATION_MINUTES: '党组织、董事会审议纪要',
  FACT_SHEET: '事实认定材料',
  SIGNATURE: '签字确认',
  REFUSAL_EXPLANATION: '拒签书面说明',
  OBJECTION: '书面异议',
  OBJECTION_REVIEW: '异议复核记录',
  DETERMINATION_REPORT: '责任认定报告',
  DETERMINATION_RESOLUTION: '责任认定审议决议',
  PUBLICATION_NOTICE: '公示及书面告知记录',
  REGULATOR_FILING: '备案或报告回执',
  ARCHIVE_INDEX: '归档目录',
  OTHER: '其他材料',
};

export const CaseDocument = z.object({
  type: CaseDocumentType,
  date: IsoDate.optional(),
  ref: z.string().optional(),
  /** sha256 of the stored document, when it came through the pipeline. */
  documentId: z.string().optional(),
});

export const CaseInput = z.object({
  caseId: z.string().optional(),
  institution: Institution,
  business: Business,
  dates: KeyDates.default({}),
  annual: z
    .object({
      year: z.number().int().optional(),
      compensationRateBp: RateBp.optional().describe('annual 代偿率 of the year of the compensation, as audited'),
      formulaVersion: z.string().optional(),
      source: z.string().optional(),
    })
    .default({})
    .describe('annual compensation-rate tolerance inputs (NX-9-1, YN-8-1)'),
  circumstances: Circumstances,
  persons: z.array(EvaluatedPerson).min(1),
  procedure: Procedure,
  documents: z.array(CaseDocument).default([]),
  ruleSetDecision: z
    .object({ ruleSetId: z.string(), decidedBy: z.string().min(1), reason: z.string().min(1) })
    .optional()
    .describe('a reviewer resolving RULESET_DATE_AMBIGUOUS; never another jurisdiction'),
});
export type CaseInput = z.infer<typeof CaseInput>;
/** What callers may pass before defaults are applied. */
export type CaseInputRaw = z.input<typeof CaseInput>;

/** Parses and validates a case, applying defaults. Throws a `ZodError` on invalid input. */
export function parseCaseInput(value: unknown): CaseInput {
  return CaseInput.parse(value);
}

/** The case schema as JSON Schema (draft 2020-12), for the README and `dossier assess`. */
export function caseInputJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CaseInput, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
