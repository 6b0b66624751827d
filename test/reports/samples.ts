/** Sample records for the report tests: Chinese values, long text, and enough findings to fill pages. */
import { createHash } from 'node:crypto';
import { DocumentRecord, type Finding } from '../../shared/domain/records.js';
import type { Field } from '../../shared/domain/fields.js';

export function read<T>(value: T, page: number, sourceText: string, confidence = 0.93): Field<T> {
  return { value, confidence, provenance: { page, sourceText } };
}

const FINDING_TEMPLATES: Finding[] = [
  {
    ruleId: 'YN-18-2',
    article: '第十八条',
    modality: 'procedure',
    outcome: 'OBJECTION_LATE',
    severity: 'warning',
    message: '被评议人于送达后第七个工作日提出书面异议，已超过五个工作日的异议期限，应按拒不签字且未按期提出异议处理，并由工作小组注明原因和送达时间、作出书面说明。',
    fields: ['objectionDate', 'deliveryDate'],
  },
  {
    ruleId: 'NX-16-1',
    article: '第十六条',
    modality: 'shall',
    outcome: 'INVESTIGATION_DEADLINE_MISSED',
    severity: 'warning',
    message: '代偿发生后超过六个月方开展尽职调查。',
    fields: ['compensationDate'],
  },
  {
    ruleId: 'YN-12-1',
    article: '第十二条',
    modality: 'procedure',
    outcome: 'RECUSAL_VIOLATION',
    severity: 'blocking',
    message: '被评议人王五出席了尽职评议会议并参与表决，违反回避要求；在纠正前不得形成最终结论。',
    fields: ['attendees', 'votes'],
  },
  {
    ruleId: 'NX-10-12',
    article: '第十条',
    modality: 'may',
    outcome: 'EXEMPTION_AVAILABLE',
    severity: 'info',
    message: '评审委员在评审会上明确提出反对意见并说明了依据（《融资担保公司监督管理条例》第二十一条），可以免除全部或部分责任。',
    fields: ['votes'],
  },
  {
    ruleId: 'YN-10-4',
    article: '第十条',
    modality: 'not_exemptable',
    outcome: 'NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY',
    severity: 'blocking',
    message: '反担保抵押物未办理抵押登记且未实地核查，属于不得免责情形。',
    fields: ['facts'],
  },
  {
    ruleId: 'SX-12-2',
    article: '第十二条',
    modality: 'in_principle',
    outcome: 'BELOW_PRINCIPLE',
    severity: 'info',
    message: '新任经理层成员从事融资担保相关工作年限不足五年，原则上应具备五年以上经验，请人工核实。',
    fields: [],
  },
  {
    ruleId: 'DATA-AMOUNT-01',
    article: '—',
    modality: 'data_check',
    outcome: 'EVIDENCE_MISSING',
    severity: 'warning',
    message: '代偿金额（4,876,543.21 元）与会议纪要所载金额不一致，识别置信度 61%，请核对原件第3页。',
    fields: ['compensationAmount'],
  },
];

/** `count` findings cycling through varied templates; each message starts `（第n项）` so rows can be told apart. */
export function sampleFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, i) => {
    const template = FINDING_TEMPLATES[i % FINDING_TEMPLATES.length];
    return { ...template, message: `${itemMarker(i + 1)}${template.message}` };
  });
}

export function itemMarker(n: number): string {
  return `（第${n}项）`;
}

function baseRecord(fileName: string, content: string) {
  return {
    institutionId: 'INST-NX-0001',
    documentId: createHash('sha256').update(content).digest('hex'),
    objectKey: `uploads/INST-NX-0001/${fileName}`,
    fileName,
    bytes: 2_457_600,
    receivedAt: '2024-03-04T08:15:00Z',
    updatedAt: '2024-03-04T08:16:30Z',
    reportIds: [],
  };
}

export const LONG_FACTS =
  '经调查，2021年6月，被评议人张三作为项目经理负责宁夏某农业科技有限公司流动资金贷款担保项目的保前调查。' +
  '张三按规定开展了实地调查，核实了企业经营场所、主要设备及近三年财务报表，对企业实际控制人李四的个人征信进行了查询，' +
  '并在调查报告中如实揭示了企业应收账款集中度较高、下游客户单一的风险；项目经评审委员会审议通过后，张三按要求落实了反担保措施，' +
  '办理了厂房及土地使用权抵押登记（宁（2021）银川市不动产权第0012345号），并按季度开展保后检查、留存检查记录。' +
  '2022年受市场价格大幅下跌影响，企业经营出现困难，张三及时发出风险预警并提出追加反担保的建议。' +
  '2023年3月15日贷款到期后企业未能偿还，公司履行代偿责任。代偿后张三积极配合追偿工作，已通过诉讼回收部分款项。';

export function factSheetRecord(overrides: { findings?: Finding[]; withoutAmounts?: boolean } = {}): DocumentRecord {
  return DocumentRecord.parse({
    ...baseRecord('事实认定材料_张三_NX-ZC-2023-017.pdf', 'fact-sheet'),
    kind: 'FACT_SHEET',
    status: 'NEEDS_REVIEW',
    reasons: ['异议期限未配置（宁夏办法第十八条所称“规定期限”无具体天数），异议是否及时待定。'],
    pages: 3,
    textSource: 'ocr',
    ocrEngine: 'tesseract-chi_sim',
    jurisdiction: 'NX',
    extracted: {
      kind: 'FACT_SHEET',
      fields: {
        caseId: read('NX-ZC-2023-017', 1, '案件编号：NX-ZC-2023-017'),
        projectId: read('DB-2021-0456', 1, '项目编号：DB-2021-0456'),
        institutionName: read('宁夏某融资担保有限公司', 1, '担保机构：宁夏某融资担保有限公司'),
        debtorName: read('宁夏某农业科技有限公司', 1, '债务人：宁夏某农业科技有限公司'),
        lendingBank: read('某农村商业银行股份有限公司银川分行', 1, '贷款银行：某农村商业银行股份有限公司银川分行', 0.88),
        ...(overrides.withoutAmounts
          ? {}
          : {
              guaranteeAmount: read(500_000_000, 1, '担保金额：人民币伍佰万元整（5,000,000.00元）', 0.97),
              compensationAmount: read(487_654_321, 2, '代偿金额：4,876,543.21元', 0.61),
            }),
        compensationDate: read('2023-03-15', 2, '代偿日期：2023年3月15日'),
        evaluatedPerson: read('张三', 1, '被评议人：张三'),
        position: read('业务二部项目经理', 1, '职务：业务二部项目经理'),
        facts: read(LONG_FACTS, 2, LONG_FACTS.slice(0, 60), 0.84),
        conclusion: read('基本尽职', 3, '评议结论：基本尽职'),
        conclusionDate: read('2023-10-20', 3, '二〇二三年十月二十日'),
      },
    },
    findings: overrides.findings ?? sampleFindings(3),
  });
}

export function meetingMinutesRecord(findings: Finding[]): DocumentRecord {
  return DocumentRecord.parse({
    ...baseRecord('宁夏某融资担保有限公司_项目评审会会议纪要_2021年第12期_扫描件_最终版_盖章页已补充.pdf', 'minutes'),
    kind: 'MEETING_MINUTES',
    status: 'NEEDS_REVIEW',
    reasons: [
      '表决情况识别置信度低于阈值（72%），请核对原件第2页。',
      '出席人员中有1人身份无法与机构名单匹配，请人工确认是否为有表决权的评审委员。',
    ],
    pages: 4,
    textSource: 'ocr',
    ocrEngine: 'tesseract-chi_sim',
    jurisdiction: 'NX',
    extracted: {
      kind: 'MEETING_MINUTES',
      fields: {
        minutesNo: read('宁担评〔2021〕12号', 1, '宁担评〔2021〕12号'),
        institutionName: read('宁夏某融资担保有限公司', 1, '宁夏某融资担保有限公司项目评审会会议纪要'),
        meetingType: read('REVIEW_COMMITTEE', 1, '项目评审会会议纪要'),
        meetingDate: read('2021-06-18', 1, '时间：2021年6月18日上午9:30'),
        location: read('公司三楼第一会议室', 1, '地点：公司三楼第一会议室'),
        chair: read('赵六', 1, '主持人：赵六（副总经理）'),
        recorder: read('孙七', 1, '记录人：孙七'),
        attendees: read(['赵六', '钱八', '周九', '吴十', '郑十一'], 1, '出席：赵六、钱八、周九、吴十、郑十一'),
        absentees: read(['王五'], 1, '请假：王五'),
        expectedCount: read(6, 1, '应到6人'),
        presentCount: read(5, 1, '实到5人'),
        agenda: read(
          ['宁夏某农业科技有限公司流动资金贷款担保项目', '关于调整部分存量项目反担保措施的议题'],
          1,
          '议题：一、宁夏某农业科技有限公司流动资金贷款担保项目；二、关于调整部分存量项目反担保措施的议题',
        ),
        projectId: read('DB-2021-0456', 1, '项目编号DB-2021-0456'),
        debtorName: read('宁夏某农业科技有限公司', 1, '宁夏某农业科技有限公司'),
        amount: read(500_000_000, 2, '担保金额500万元', 0.95),
        decision: read('有条件同意', 2, '会议决定：有条件同意，需追加实际控制人个人连带责任保证'),
        votes: read(
          [
            { member: '赵六', vote: '同意' },
            { member: '钱八', vote: '同意' },
            { member: '周九', vote: '反对', dissentText: '企业下游客户单一，应收账款回收存在较大不确定性', legalBasis: '《融资担保公司监督管理条例》第二十一条' },
            { member: '吴十', vote: '弃权' },
            { member: '郑十一', vote: '有条件同意', dissentText: '需追加实际控制人个人连带责任保证' },
          ],
          2,
          '表决：同意2票，反对1票（周九：企业下游客户单一……），弃权1票，有条件同意1票',
          0.72,
        ),
        recusals: read([{ person: '冯十二', reason: '与债务人实际控制人系近亲属' }], 2, '冯十二因与债务人实际控制人系近亲属回避'),
      },
    },
    findings,
  });
}

export function auditReportRecord(): DocumentRecord {
  return DocumentRecord.parse({
    ...baseRecord('2023年度审计报告.pdf', 'audit'),
    kind: 'AUDIT_REPORT',
    status: 'PROCESSED',
    reasons: [],
    pages: 38,
    textSource: 'pdf-text-layer',
    ocrEngine: 'pdfjs-text',
    jurisdiction: 'CQ',
    extracted: {
      kind: 'AUDIT_REPORT',
      fields: {
        reportNo: read('渝审〔2024〕第0321号', 1, '渝审〔2024〕第0321号'),
        auditKind: read('年度财务审计', 1, '年度财务审计报告'),
        fiscalYear: read(2023, 1, '2023年度'),
        registeredCapital: read(100_000_000_000, 5, '注册资本10亿元'),
        compensationRate: read(435, 12, '代偿率4.35%'),
        leverageMultiple: read(352, 12, '放大倍数3.52倍'),
        avgFeeRate: read(98, 13, '平均担保费率0.98%'),
        newSmallMicroClients: read(1234, 13, '新增小微企业和“三农”户数1234户'),
        findings: read(['保后检查记录不完整', '部分项目反担保登记滞后'], 20, '审计发现：……'),
      },
    },
    findings: [],
  });
}
