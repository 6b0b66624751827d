import { describe, expect, it } from 'vitest';
import { assessCase, type Assessment } from '../../shared/rules/assess.js';
import { calendar, nxCase } from './fixtures.js';

const TODAY = '2023-03-01';

function rule(a: Assessment, id: string, person = 0) {
  const p = a.persons[person];
  const r = [...p.rules, ...p.procedure, ...a.procedure.results].find((x) => x.ruleId === id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
}

const head = { name: '马总', role: '机构负责人' as const, conduct: { violationFound: false, atFault: false } };

describe('Ningxia NX-9-1: tolerance from the institution configuration, never borrowed', () => {
  it('an unconfigured tolerance is UNDETERMINED and names the parameter', () => {
    const a = assessCase(nxCase({ persons: [head] }), { calendar, today: TODAY });
    expect(a.ruleSet).toMatchObject({ status: 'SELECTED', id: 'NX-DDE-2021' });
    const r = rule(a, 'NX-9-1');
    expect(r).toMatchObject({ result: 'UNDETERMINED_PARAMETER_MISSING', modality: 'in_principle' });
    expect(r.missingParameters).toEqual(['compensationRateToleranceBp']);
    expect(r.explanation).toContain('compensationRateToleranceBp');
    expect(r.explanation).toContain('不得借用');
    const p = a.persons[0];
    expect(p.outcome).toBe('UNDETERMINED_PARAMETER_MISSING');
    expect(p.missingParameters).toContain('compensationRateToleranceBp');
    expect(a.missingParameters).toContain('compensationRateToleranceBp');
    expect(a.parameters.find((x) => x.name === 'compensationRateToleranceBp')).toMatchObject({ configured: false });
  });

  it.each([
    [300, 300, 'MET', 'NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY'],
    [300, 301, 'NOT_MET', 'NO_EXEMPTION_GROUND'],
    [800, 600, 'MET', 'NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY'], // a Ningxia number above YN's 5% is used as configured
  ])('configured %i bp, rate %i bp -> %s', (tol, rate, result, outcome) => {
    const a = assessCase(nxCase({ persons: [head], annual: { compensationRateBp: rate } }), {
      calendar,
      today: TODAY,
      institutionConfig: { jurisdiction: 'NX', compensationRateToleranceBp: tol, source: '某公司尽职免责实施细则' },
    });
    expect(rule(a, 'NX-9-1').result).toBe(result);
    expect(a.persons[0].outcome).toBe(outcome);
  });

  it("another province's configuration is ignored", () => {
    const a = assessCase(nxCase({ persons: [head] }), { calendar, today: TODAY, institutionConfig: { jurisdiction: 'YN', compensationRateToleranceBp: 500 } });
    expect(rule(a, 'NX-9-1').result).toBe('UNDETERMINED_PARAMETER_MISSING');
    expect(a.notes[0]).toContain('不得借用');
  });

  it('does not cover the 经办人员 and 评审委员', () => {
    const a = assessCase(nxCase({ persons: [{ name: '评委', role: '评审委员', conduct: { violationFound: false, atFault: false } }] }), { calendar, today: TODAY });
    expect(rule(a, 'NX-9-1').result).toBe('NOT_APPLICABLE');
    expect(a.persons[0].outcome).toBe('NO_EXEMPTION_GROUND');
  });

  it('NX-9-2: loss of state assets is pursued even after retirement and beats the tolerance', () => {
    const a = assessCase(
      nxCase({ persons: [{ ...head, status: '退休', conduct: { violationFound: true, stateAssetLossOrSeriousConsequence: true } }] }),
      { calendar, today: TODAY, institutionConfig: { compensationRateToleranceBp: 500 } },
    );
    expect(a.persons[0]).toMatchObject({ outcome: 'ACCOUNTABILITY_REQUIRED', decidedBy: ['NX-9-2'] });
    expect(a.persons[0].explanation).toContain('退休');
  });
});

describe('Ningxia exemption grounds (第十条)', () => {
  it.each([
    ['县级', 'MET'],
    ['市级', 'MET'],
    ['国家级', 'MET'],
    ['乡镇级', 'NOT_MET'],
  ] as const)('NX-10-4 certificate issued at %s -> %s', (issuerLevel, result) => {
    const a = assessCase(
      nxCase({ circumstances: { animalPlantDisease: { disease: '非洲猪瘟', certificate: { issuer: '某畜牧兽医站', issuerLevel } } } }),
      { calendar, today: TODAY },
    );
    expect(rule(a, 'NX-10-4').result).toBe(result);
    expect(a.persons[0].outcome).toBe(result === 'MET' ? 'EXEMPTION_AVAILABLE' : 'NO_EXEMPTION_GROUND');
  });

  it('NX-10-4 without a certificate lists it as missing', () => {
    const a = assessCase(nxCase({ circumstances: { animalPlantDisease: { disease: '小麦赤霉病' } } }), { calendar, today: TODAY });
    expect(rule(a, 'NX-10-4').missingEvidence).toEqual(['县级以上植保、兽医等权威机构出具的疫病证明材料']);
    expect(a.persons[0].outcome).toBe('EVIDENCE_MISSING');
  });

  const dissent = { minutesRef: '评审会纪要〔2021〕12号', dissentText: '反担保不足', legalBasis: '《业务操作规程》第八条', provenCorrect: true, directlyRelatedToRisk: true };
  it.each([
    [dissent, '经办人员', 'MET'],
    [{ ...dissent, legalBasis: undefined }, '经办人员', 'NOT_MET'], // 有合法依据 is required in Ningxia
    [{ ...dissent, directlyRelatedToRisk: false }, '经办人员', 'NOT_MET'],
    [dissent, '机构负责人', 'NOT_APPLICABLE'], // the item names managers and staff only
  ] as const)('NX-10-12 dissent %o by %s -> %s', (d, role, result) => {
    const a = assessCase(nxCase({ person: { role, dissent: d } }), { calendar, today: TODAY });
    expect(rule(a, 'NX-10-12').result).toBe(result);
  });

  it.each([
    [{ repaidPrincipalShareBp: 10000 }, {}, 'MET'], // 已还清 needs no parameter
    [{ repaidPrincipalShareBp: 9000 }, {}, 'UNDETERMINED_PARAMETER_MISSING'], // 大部分 has no number
    [{ repaidPrincipalShareBp: 7999 }, { majorityRepaidThresholdBp: 8000 }, 'NOT_MET'],
    [{ repaidPrincipalShareBp: 8000 }, { majorityRepaidThresholdBp: 8000 }, 'MET'],
  ])('NX-10-8 %o with config %o -> %s', (business, institutionConfig, result) => {
    const a = assessCase(
      nxCase({
        business: { category: '三农', ...business },
        circumstances: { onlySmallArrears: true },
        person: { conduct: { violationFound: false, atFault: false, recoveryMeasuresTaken: true } },
      }),
      { calendar, today: TODAY, institutionConfig },
    );
    const r = rule(a, 'NX-10-8');
    expect(r.result).toBe(result);
    if (result === 'UNDETERMINED_PARAMETER_MISSING') {
      expect(r.missingParameters).toEqual(['majorityRepaidThresholdBp']);
      expect(r.explanation).toContain('不得借用云南70%');
    }
  });

  it('NX-10-9 needs both the period and the "大部分" share from the rules unless all was recovered', () => {
    const business = { category: '三农' as const, compensationAmountFen: 1_000_000, recoveries: [{ date: '2022-06-01', amountFen: 800_000 }] };
    const none = assessCase(nxCase({ business }), { calendar, today: TODAY });
    expect(rule(none, 'NX-10-9').missingParameters).toEqual(['recoveryPeriodMonths', 'majorityRecoveredThresholdBp']);
    const configured = assessCase(nxCase({ business }), { calendar, today: TODAY, institutionConfig: { recoveryPeriodMonths: 3, majorityRecoveredThresholdBp: 8000 } });
    expect(rule(configured, 'NX-10-9').result).toBe('MET'); // 2022-03-15 + 3 months = 2022-06-15
    const late = assessCase(nxCase({ business: { ...business, recoveries: [{ date: '2022-06-16', amountFen: 800_000 }] } }), {
      calendar,
      today: TODAY,
      institutionConfig: { recoveryPeriodMonths: 3, majorityRecoveredThresholdBp: 8000 },
    });
    expect(rule(late, 'NX-10-9').result).toBe('NOT_MET');
  });

  it('a person at fault gets no 第十条 exemption even with a ground met', () => {
    const a = assessCase(
      nxCase({
        circumstances: { animalPlantDisease: { disease: '口蹄疫', certificate: { issuer: '县动物疫病预防控制中心', issuerLevel: '县级' } } },
        person: { conduct: { violationFound: false, atFault: true } },
      }),
      { calendar, today: TODAY },
    );
    expect(rule(a, 'NX-10-4').result).toBe('MET');
    expect(a.persons[0]).toMatchObject({ outcome: 'NO_EXEMPTION_GROUND', decidedBy: ['NX-10-0'] });
  });

  it('NX-19: a deliberated 尽职 conclusion may exempt although no listed ground is met', () => {
    const a = assessCase(nxCase({ dates: { deliberation: '2022-08-10' }, person: { conclusion: { result: '尽职' } } }), { calendar, today: TODAY });
    expect(a.persons[0]).toMatchObject({ outcome: 'EXEMPTION_AVAILABLE', decidedBy: ['NX-19'] });
    const undeliberated = assessCase(nxCase({ person: { conclusion: { result: '尽职' } } }), { calendar, today: TODAY });
    expect(undeliberated.persons[0].outcome).toBe('NO_EXEMPTION_GROUND');
    expect(rule(undeliberated, 'NX-19').outcome).toBe('EVIDENCE_MISSING');
  });
});

describe('Ningxia NX-13 government-designated business and overrides', () => {
  it.each([
    [{ level: '县' as const, recordRef: '县政府常务会议纪要〔2021〕8号' }, {}, 'EXEMPT_FULL_MANDATORY', 'NX-13-1'],
    [{ level: '县' as const }, {}, 'ACCOUNTABILITY_REQUIRED', 'NX-13-2'],
    [{ level: '市' as const, recordRef: '市政府文件' }, { negligenceProven: true }, 'NO_EXEMPTION_GROUND', undefined],
  ])('designation %o, conduct %o -> %s', (governmentDesignation, conduct, outcome, by) => {
    const a = assessCase(nxCase({ circumstances: { governmentDesignation }, person: { conduct: { violationFound: false, atFault: false, ...conduct } } }), { calendar, today: TODAY });
    expect(a.persons[0].outcome).toBe(outcome);
    if (by) expect(a.persons[0].decidedBy).toEqual([by]);
    if (outcome === 'EXEMPT_FULL_MANDATORY') expect(a.persons[0].modality).toBe('shall');
  });

  it('a non-exemptable circumstance beats even the mandatory exemption', () => {
    const a = assessCase(
      nxCase({
        circumstances: { governmentDesignation: { recordRef: '县政府专题会议纪要' } },
        person: { nonExemptableFindings: [{ ruleId: 'NX-11-7', evidenceRef: '纪检监察通报' }] },
      }),
      { calendar, today: TODAY },
    );
    expect(a.persons[0]).toMatchObject({ outcome: 'NOT_EXEMPTABLE', decidedBy: ['NX-11-7'] });
    expect(rule(a, 'NX-13-1')).toMatchObject({ result: 'MET', overridden: true });
  });

  it.each([
    [{ ruleId: 'NX-11-11', evidenceRef: '审计报告' }, 'NO_EXEMPTION_GROUND'], // alleged, major loss not established -> evidence missing
    [{ ruleId: 'NX-11-11', evidenceRef: '审计报告', majorLoss: true }, 'NOT_EXEMPTABLE'],
    [{ ruleId: 'NX-11-1', evidenceRef: '授权审批表', causedCompensation: true }, 'NOT_EXEMPTABLE'],
  ])('finding %o -> %s', (finding, outcome) => {
    const a = assessCase(nxCase({ person: { nonExemptableFindings: [finding] } }), { calendar, today: TODAY });
    expect(a.persons[0].outcome).toBe(outcome);
    if (outcome === 'NO_EXEMPTION_GROUND') expect(rule(a, 'NX-11-11').outcome).toBe('EVIDENCE_MISSING');
  });

  it('NX-8: an unrecused conflict is flagged but, unlike Yunnan, does not void the exemption', () => {
    const a = assessCase(
      nxCase({
        circumstances: { animalPlantDisease: { disease: '禽流感', certificate: { issuer: '县农业农村局', issuerLevel: '县级' } } },
        person: { conflict: { hasInterest: true, recused: false } },
      }),
      { calendar, today: TODAY },
    );
    expect(rule(a, 'NX-8')).toMatchObject({ outcome: 'RECUSAL_VIOLATION', severity: 'warning' });
    expect(a.persons[0].outcome).toBe('EXEMPTION_AVAILABLE');
    expect(a.persons[0].needsReview).toBe(true);
  });

  it('NX-12-1: the objecting staff member may be exempted, the instigating head bears main responsibility', () => {
    const staff = assessCase(nxCase({ person: { instigation: { role: 'instigated', evidenceRef: '谈话记录', objectedClearly: true } } }), { calendar, today: TODAY });
    expect(staff.persons[0]).toMatchObject({ outcome: 'EXEMPTION_AVAILABLE', decidedBy: ['NX-12-1'], modality: 'may' });
    const boss = assessCase(nxCase({ persons: [{ ...head, instigation: { role: 'instigator', evidenceRef: '谈话记录' } }] }), { calendar, today: TODAY });
    expect(boss.persons[0]).toMatchObject({ outcome: 'FULL_OR_MAIN_LIABILITY', modality: 'not_exemptable' });
  });
});

describe('Ningxia procedure', () => {
  it.each([
    ['2022-08-10', '2022-08-09', 'PROCEDURE_ORDER_VIOLATION'],
    ['2022-08-10', '2022-08-10', 'PROCEDURE_OK'],
    ['2022-08-10', '2022-08-15', 'PROCEDURE_OK'],
    [undefined, '2022-08-15', 'PROCEDURE_ORDER_VIOLATION'],
  ])('deliberation %s, fact sheet delivered %s -> %s', (deliberation, factSheetDelivery, outcome) => {
    const a = assessCase(nxCase({ dates: { deliberation, factSheetDelivery } }), { calendar, today: TODAY });
    expect(rule(a, 'NX-18-1').outcome).toBe(outcome);
    expect(a.procedure.finalisationBlocked).toBe(outcome !== 'PROCEDURE_OK');
    if (outcome !== 'PROCEDURE_OK') expect(a.procedure.flags).toContain('PROCEDURE_ORDER_VIOLATION');
  });

  it('the objection period is undetermined without the institution rules and never five working days by default', () => {
    const a = assessCase(nxCase({ dates: { deliberation: '2022-09-20', factSheetDelivery: '2022-09-30', objection: '2022-10-12' } }), { calendar, today: TODAY });
    const r = rule(a, 'NX-18-3');
    expect(r).toMatchObject({ result: 'UNDETERMINED_PARAMETER_MISSING', outcome: 'OBJECTION_TIMELINESS_UNDETERMINED' });
    expect(r.missingParameters).toEqual(['objectionPeriod']);
    expect(a.procedure.flags).toContain('OBJECTION_TIMELINESS_UNDETERMINED');
  });

  it.each([
    [{ count: 5, unit: 'working_days' as const }, '2022-10-12', 'OBJECTION_TIMELY'], // 10-08/10-09 are adjusted working days
    [{ count: 5, unit: 'working_days' as const }, '2022-10-13', 'OBJECTION_LATE'],
    [{ count: 10, unit: 'calendar_days' as const }, '2022-10-10', 'OBJECTION_TIMELY'],
    [{ count: 10, unit: 'calendar_days' as const }, '2022-10-11', 'OBJECTION_LATE'],
  ])('configured period %o, objection %s -> %s', (objectionPeriod, objection, outcome) => {
    const a = assessCase(nxCase({ dates: { deliberation: '2022-09-20', factSheetDelivery: '2022-09-30', objection } }), {
      calendar,
      today: TODAY,
      institutionConfig: { objectionPeriod },
    });
    expect(rule(a, 'NX-18-3').outcome).toBe(outcome);
  });

  it('a 不尽职 conclusion without violation basis and handling opinion is an incomplete report', () => {
    const a = assessCase(nxCase({ dates: { deliberation: '2022-08-10' }, person: { conduct: { violationFound: true }, conclusion: { result: '不尽职' } } }), { calendar, today: TODAY });
    expect(rule(a, 'NX-17-3')).toMatchObject({ outcome: 'REPORT_INCOMPLETE', severity: 'blocking', missingEvidence: ['违规依据', '责任处理意见'] });
    expect(a.persons[0]).toMatchObject({ outcome: 'ACCOUNTABILITY_REQUIRED', decidedBy: ['NX-19'], modality: 'shall' });
  });

  it('the workflow has the NX deliberation step before the fact sheet', () => {
    const a = assessCase(nxCase({ dates: { deliberation: '2022-08-10' } }), { calendar, today: TODAY });
    const ids = a.workflow!.states.map((s) => s.id);
    expect(ids.indexOf('S9')).toBe(ids.indexOf('S10') - 1);
    expect(a.workflow!.current?.id).toBe('S9');
  });
});
