/** Chinese labels for the extracted fields (shared/domain/fields.ts) and their enumerations. */
import type { z } from 'zod';
import type { AuditReportFields, FactSheetFields, MeetingMinutesFields, MeetingType } from '../domain/fields.js';

/** Every field key any document kind can carry. */
export type FieldKey = keyof MeetingMinutesFields | keyof FactSheetFields | keyof AuditReportFields;

export const FIELD_LABEL_ZH: Record<FieldKey, string> = {
  // Meeting minutes (会议纪要)
  minutesNo: '纪要编号',
  institutionName: '机构名称',
  meetingType: '会议类型',
  meetingDate: '会议日期',
  location: '会议地点',
  chair: '主持人',
  recorder: '记录人',
  attendees: '出席人员',
  absentees: '缺席人员',
  expectedCount: '应到人数',
  presentCount: '实到人数',
  agenda: '会议议题',
  projectId: '项目编号',
  debtorName: '债务人',
  amount: '金额',
  decision: '会议决定',
  votes: '表决情况',
  recusals: '回避情况',
  // Fact sheet (事实认定材料)
  caseId: '案件编号',
  lendingBank: '贷款银行',
  guaranteeAmount: '担保金额',
  compensationDate: '代偿日期',
  compensationAmount: '代偿金额',
  evaluatedPerson: '被评议人',
  position: '职务',
  facts: '认定事实',
  conclusion: '评议结论',
  conclusionDate: '结论日期',
  deliveryDate: '送达日期',
  signaturePresent: '是否签字',
  refused: '是否拒签',
  objectionFiled: '是否提出异议',
  objectionDate: '异议日期',
  // Audit report (审计报告)
  reportNo: '报告编号',
  auditKind: '审计类型',
  auditor: '审计机构',
  fiscalYear: '会计年度',
  reportDate: '报告日期',
  opinionType: '审计意见类型',
  registeredCapital: '注册资本',
  outstandingBalance: '在保余额',
  newGuaranteeAmount: '新增担保金额',
  compensationRate: '代偿率',
  provisionCoverageRatio: '拨备覆盖率',
  recoveryRate: '代偿回收率',
  leverageMultiple: '放大倍数',
  newSmallMicroClients: '新增小微企业和“三农”户数',
  avgFeeRate: '平均担保费率',
  findings: '审计发现',
};

/** Meeting types as the rule catalogue (section 9.1) names them. */
export const MEETING_TYPE_ZH: Record<z.infer<typeof MeetingType>, string> = {
  REVIEW_COMMITTEE: '项目评审会/评审委员会',
  COLLECTIVE_DECISION: '党委会/总经理办公会/经营决策会',
  WORKING_GROUP: '尽职免责调查认定工作小组会',
  BOARD: '董事会',
  SHAREHOLDERS: '股东会/出资人决定',
  PARTY_ORG: '党组织会议',
  GOVERNMENT: '政府常务/专题会议',
  SX_REFORM_GROUP: '市改革领导小组会议',
  OTHER: '其他会议',
};
