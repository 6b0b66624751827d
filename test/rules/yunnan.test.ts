import { describe, expect, it } from 'vitest';
import { Finding } from '../../shared/domain/records.js';
import { assessCase, assessmentToFindings, type Assessment } from '../../shared/rules/assess.js';
import { createTableCalendar } from '../../shared/rules/calendar.js';
import { calendar, ynCase } from './fixtures.js';

const TODAY = '2025-06-30';

function rule(a: Assessment, id: string, person = 0) {
  const p = a.persons[person];
  const r = [...p.rules, ...p.procedure, ...a.procedure.results].find((x) => x.ruleId === id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
}

describe('Yunnan YN-9-6: principal 70% repaid (exact, no rounding)', () => {
  it.each([
    [{ repaidPrincipalShareBp: 6999 }, 'NOT_MET', 'NO_EXEMPTION_GROUND'],
    [{ repaidPrincipalShareBp: 7000 }, 'MET', 'EXEMPTION_AVAILABLE'],
    [{ repaidPrincipalShareBp: 7001 }, 'MET', 'EXEMPTION_AVAILABLE'],
    [{ repaidPrincipalFen: 69_990_000 }, 'NOT_MET', 'NO_EXEMPTION_GROUND'], // 69.99%
    [{ repaidPrincipalFen: 69_999_999 }, 'NOT_MET', 'NO_EXEMPTION_GROUND'], // 69.999999% is not rounded up
    [{ repaidPrincipalFen: 70_000_000 }, 'MET', 'EXEMPTION_AVAILABLE'], // 70.00%
  ])('%o -> %s, person %s', (business, result, outcome) => {
    const a = assessCase(ynCase({ business: { category: '小微企业', loanPrincipalFen: 100_000_000, ...business } }), { calendar, today: TODAY });
    expect(a.ruleSet.status).toBe('SELECTED');
    const r = rule(a, 'YN-9-6');
    expect(r.result).toBe(result);
    expect(r.article).toBe('第九条第（六）项');
    expect(r.quote).toContain('担保贷款本金70%以上还清');
    expect(r.modality).toBe('may');
    expect(a.persons[0].outcome).toBe(outcome);
  });

  it('needs the small-arrears determination and recovery measures, and lists what is missing', () => {
    const a = assessCase(ynCase({ circumstances: {}, person: { conduct: { violationFound: false } } }), { calendar, today: TODAY });
    const r = rule(a, 'YN-9-6');
    expect(r).toMatchObject({ result: 'NOT_MET', outcome: 'EVIDENCE_MISSING' });
    expect(r.missingEvidence).toEqual(['代偿仅因少量欠款欠息的认定', '采取积极措施追偿的记录']);
    expect(a.persons[0].outcome).toBe('EVIDENCE_MISSING');
  });
});

describe('Yunnan YN-9-7: 70% of the compensation recovered within the prescribed period', () => {
  const base = { category: '小微企业' as const, repaidPrincipalShareBp: 0, compensationAmountFen: 30_000_000 };
  it.each([
    [[{ date: '2024-09-15', amountFen: 21_000_000 }], 6, 'MET'], // last day of 6 months counts, 70.00%
    [[{ date: '2024-09-16', amountFen: 21_000_000 }], 6, 'NOT_MET'], // one day late
    [[{ date: '2024-05-01', amountFen: 20_997_000 }], 6, 'NOT_MET'], // 69.99%
    [[{ date: '2024-05-01', amountFen: 10_000_000 }, { date: '2024-08-01', amountFen: 11_000_000 }], 6, 'MET'],
  ])('recoveries %o with a %i-month period -> %s', (recoveries, months, result) => {
    const a = assessCase(ynCase({ business: { ...base, recoveries } }), {
      calendar,
      today: TODAY,
      institutionConfig: { recoveryPeriodMonths: months },
    });
    expect(rule(a, 'YN-9-7').result).toBe(result);
  });

  it('without the institution period it is undetermined and names the parameter', () => {
    const a = assessCase(ynCase({ business: { ...base, recoveries: [{ date: '2024-05-01', amountFen: 21_000_000 }] } }), { calendar, today: TODAY });
    const r = rule(a, 'YN-9-7');
    expect(r.result).toBe('UNDETERMINED_PARAMETER_MISSING');
    expect(r.missingParameters).toEqual(['recoveryPeriodMonths']);
    expect(a.persons[0].outcome).toBe('UNDETERMINED_PARAMETER_MISSING');
    expect(a.persons[0].missingParameters).toContain('recoveryPeriodMonths');
  });

  it('below 70% overall is not met whatever the period', () => {
    const a = assessCase(ynCase({ business: { ...base, recoveries: [{ date: '2024-05-01', amountFen: 20_999_999 }] } }), { calendar, today: TODAY });
    expect(rule(a, 'YN-9-7').result).toBe('NOT_MET');
  });
});

describe('Yunnan YN-8-1: annual compensation rate not above 5%', () => {
  const head = { name: '李四', role: '机构负责人' as const, conduct: { violationFound: false, recoveryMeasuresTaken: false } };
  it.each([
    [499, 'MET', 'NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY'],
    [500, 'MET', 'NO_LEADERSHIP_OR_MANAGEMENT_LIABILITY'],
    [501, 'NOT_MET', 'NO_EXEMPTION_GROUND'],
  ])('%i bp -> %s, person %s', (rate, result, outcome) => {
    const a = assessCase(ynCase({ annual: { compensationRateBp: rate }, persons: [head] }), { calendar, today: TODAY });
    expect(rule(a, 'YN-8-1').result).toBe(result);
    expect(a.persons[0].outcome).toBe(outcome);
  });

  it('does not cover the 经办人员', () => {
    const a = assessCase(ynCase(), { calendar, today: TODAY });
    expect(rule(a, 'YN-8-1').result).toBe('NOT_APPLICABLE');
  });

  it.each([
    [{ compensationRateToleranceBp: 800, compensationRateToleranceSource: '某州金融办〔2024〕1号' }, 'MET'],
    [{ compensationRateToleranceBp: 800 }, 'NOT_MET'], // loosening needs its document
    [{ compensationRateToleranceBp: 300, compensationRateToleranceSource: '细则' }, 'NOT_MET'], // 7% > 5%
  ])('loosened tolerance %o at 7.00%% -> %s', (institutionConfig, result) => {
    const a = assessCase(ynCase({ annual: { compensationRateBp: 700 }, persons: [head] }), { calendar, today: TODAY, institutionConfig });
    expect(rule(a, 'YN-8-1').result).toBe(result);
  });

  it('a stricter configured tolerance is not applied (the seed only allows loosening)', () => {
    const a = assessCase(ynCase({ annual: { compensationRateBp: 480 }, persons: [head] }), {
      calendar,
      today: TODAY,
      institutionConfig: { compensationRateToleranceBp: 300, compensationRateToleranceSource: '细则' },
    });
    expect(rule(a, 'YN-8-1').result).toBe('MET');
  });
});

describe('Yunnan overrides', () => {
  it('an undisclosed conflict of interest (YN-7) voids every exemption ground', () => {
    const a = assessCase(ynCase({ person: { conflict: { hasInterest: true, relation: '配偶', declared: false } } }), { calendar, today: TODAY });
    const p = a.persons[0];
    expect(p.outcome).toBe('NOT_EXEMPTABLE');
    expect(p.decidedBy).toEqual(['YN-7']);
    const ground = rule(a, 'YN-9-6');
    expect(ground.result).toBe('MET');
    expect(ground.overridden).toBe(true);
    expect(p.exemptionGroundsMet).toEqual(['YN-9-6']);
    expect(p.explanation).toContain('不适用尽职免责规定');
  });

  it.each([
    [{ hasInterest: true, declared: true, recused: true }, 'EXEMPTION_AVAILABLE'],
    [{ hasInterest: true }, 'EVIDENCE_MISSING'],
    [{ hasInterest: false }, 'EXEMPTION_AVAILABLE'],
  ])('conflict %o -> %s', (conflict, outcome) => {
    const a = assessCase(ynCase({ person: { conflict } }), { calendar, today: TODAY });
    expect(a.persons[0].outcome).toBe(outcome);
  });

  it('an established non-exemptable circumstance beats an exemption ground', () => {
    const a = assessCase(ynCase({ person: { nonExemptableFindings: [{ ruleId: 'YN-10-3', evidenceRef: '内审〔2024〕5号' }] } }), { calendar, today: TODAY });
    expect(a.persons[0]).toMatchObject({ outcome: 'NOT_EXEMPTABLE', decidedBy: ['YN-10-3'] });
    expect(rule(a, 'YN-9-6').overridden).toBe(true);
    expect(rule(a, 'YN-10-3').modality).toBe('not_exemptable');
  });

  it.each([
    [{ ruleId: 'YN-10-9', evidenceRef: '审计报告' }, 'EVIDENCE_MISSING'], // the catch-all needs the rule breached, named
    [{ ruleId: 'YN-10-9', evidenceRef: '审计报告', namedRuleBreached: '《业务操作规程》第12条' }, 'NOT_EXEMPTABLE'],
    [{ ruleId: 'YN-10-4', evidenceRef: '检查记录', causedCompensation: false }, 'EXEMPTION_AVAILABLE'],
    [{ ruleId: 'YN-10-6', evidenceRef: '调查报告', subjectiveCause: true }, 'NOT_EXEMPTABLE'],
  ])('finding %o -> %s', (finding, outcome) => {
    const a = assessCase(ynCase({ person: { nonExemptableFindings: [finding] } }), { calendar, today: TODAY });
    expect(a.persons[0].outcome).toBe(outcome);
  });

  it.each([
    [{ role: 'instigator', evidenceRef: '谈话笔录' }, '机构负责人', 'FULL_OR_MAIN_LIABILITY'],
    [{ role: 'instigated', evidenceRef: '谈话笔录', objectedClearly: true }, '经办人员', 'NO_LIABILITY'],
    [{ role: 'instigated', evidenceRef: '谈话笔录', objectedClearly: false }, '经办人员', 'PARTIAL_OR_SECONDARY_LIABILITY'],
  ] as const)('YN-10-1 instigation %o (%s) -> %s', (instigation, role, outcome) => {
    const a = assessCase(ynCase({ person: { role, instigation } }), { calendar, today: TODAY });
    expect(a.persons[0]).toMatchObject({ outcome, decidedBy: ['YN-10-1'] });
  });

  it('concealment found after exemption reopens the case (YN-11-1)', () => {
    const a = assessCase(ynCase({ person: { conduct: { violationFound: false, recoveryMeasuresTaken: true, concealmentFoundAfterExemption: true } } }), { calendar, today: TODAY });
    expect(a.persons[0]).toMatchObject({ outcome: 'ACCOUNTABILITY_REQUIRED', decidedBy: ['YN-11-1'] });
  });
});

describe('Yunnan YN-14-1: investigation within 6 months (C-2, C-7)', () => {
  it.each([
    ['2024-03-15', '2024-03-15', '2024-09-15', 'INVESTIGATION_TIMELY'], // exactly six months
    ['2024-03-15', '2024-03-15', '2024-09-16', 'INVESTIGATION_DEADLINE_MISSED'],
    ['2023-08-31', '2023-08-31', '2024-02-29', 'INVESTIGATION_TIMELY'], // month end into a leap February
    ['2023-08-31', '2023-08-31', '2024-03-01', 'INVESTIGATION_DEADLINE_MISSED'],
  ])('compensation %s, loss %s, start %s -> %s', (compensation, lossConfirmation, investigationStart, outcome) => {
    const a = assessCase(ynCase({ dates: { compensation, lossConfirmation, investigationStart } }), { calendar, today: TODAY });
    const r = rule(a, 'YN-14-1');
    expect(r.outcome).toBe(outcome);
    expect(a.procedure.flags).toContain(outcome);
    expect(a.procedure.finalisationBlocked).toBe(false); // a late start is flagged, it does not block
  });

  it('tests the earlier trigger and flags when the loss-confirmation reading differs', () => {
    const a = assessCase(ynCase({ dates: { compensation: '2024-03-15', lossConfirmation: '2024-06-20', investigationStart: '2024-10-01' } }), { calendar, today: TODAY });
    const r = rule(a, 'YN-14-1');
    expect(r.outcome).toBe('INVESTIGATION_DEADLINE_MISSED');
    expect(r.severity).toBe('warning');
    expect(r.explanation).toContain('C-7');
    expect(a.deadlines.find((d) => d.ruleId === 'YN-14-1')).toMatchObject({ from: '2024-03-15', lastDay: '2024-09-15', status: 'MISSED' });
  });

  it('not yet started: pending before the last day, missed after', () => {
    const dates = { compensation: '2024-03-15', lossConfirmation: '2024-03-15', investigationStart: undefined, conclusion: undefined };
    expect(rule(assessCase(ynCase({ dates }), { calendar, today: '2024-09-15' }), 'YN-14-1').outcome).toBe('INVESTIGATION_PENDING');
    expect(rule(assessCase(ynCase({ dates }), { calendar, today: '2024-09-16' }), 'YN-14-1').outcome).toBe('INVESTIGATION_DEADLINE_MISSED');
  });
});

describe('Yunnan YN-18-2: written objection within five working days (C-3)', () => {
  it.each([
    ['2024-03-01', '2024-03-08', 'OBJECTION_TIMELY'], // across a weekend
    ['2024-03-01', '2024-03-11', 'OBJECTION_LATE'],
    ['2024-09-27', '2024-10-10', 'OBJECTION_TIMELY'], // across National Day, 09-29 (Sun) is a working day
    ['2024-09-27', '2024-10-11', 'OBJECTION_LATE'],
    ['2023-09-28', '2023-10-11', 'OBJECTION_TIMELY'], // 10-07/10-08 (Sat/Sun) are working days
    ['2023-09-28', '2023-10-12', 'OBJECTION_LATE'],
  ])('delivered %s, objection %s -> %s', (factSheetDelivery, objection, outcome) => {
    const a = assessCase(ynCase({ dates: { factSheetDelivery, objection, refusal: objection } }), { calendar, today: TODAY });
    const r = rule(a, 'YN-18-2');
    expect(r.outcome).toBe(outcome);
    expect(a.deadlines.find((d) => d.ruleId === 'YN-18-2')?.basisZh).toContain('chinese-days@1.5.7');
  });

  it('a late objection by someone who refused needs the written explanation, else finalisation is blocked', () => {
    const a = assessCase(ynCase({ dates: { factSheetDelivery: '2024-09-27', objection: '2024-10-11', refusal: '2024-09-28' } }), { calendar, today: TODAY });
    expect(rule(a, 'YN-18-2').severity).toBe('blocking');
    expect(a.procedure.finalisationBlocked).toBe(true);
    const ok = assessCase(
      ynCase({ person: { factSheet: { deliveryDate: '2024-09-27', refused: true, writtenExplanation: true } } }),
      { calendar, today: TODAY },
    );
    expect(rule(ok, 'YN-18-2')).toMatchObject({ outcome: 'REFUSED_NO_TIMELY_OBJECTION', severity: 'info' });
  });

  it('a refusal with the window still open is pending', () => {
    const a = assessCase(ynCase({ person: { factSheet: { deliveryDate: '2024-09-27', refused: true } } }), { calendar, today: '2024-10-10' });
    expect(rule(a, 'YN-18-2').outcome).toBe('OBJECTION_WINDOW_OPEN');
    expect(a.deadlines[1]).toMatchObject({ lastDay: '2024-10-10', status: 'PENDING' });
  });

  it('a window reaching a year the calendar does not cover is CALENDAR_UNKNOWN', () => {
    const only2024 = createTableCalendar('table:2024', { years: [2024], holidays: {}, workdays: {} });
    const a = assessCase(ynCase({ dates: { factSheetDelivery: '2024-12-30', objection: '2025-01-03' } }), { calendar: only2024, today: TODAY });
    const r = rule(a, 'YN-18-2');
    expect(r).toMatchObject({ result: 'UNDETERMINED_PARAMETER_MISSING', outcome: 'CALENDAR_UNKNOWN' });
    expect(r.missingParameters).toEqual(['workingDayCalendar:2025']);
    expect(a.deadlines.find((d) => d.ruleId === 'YN-18-2')?.status).toBe('UNDETERMINED');
  });
});

describe('Yunnan procedure for a 主要负责人 and recusal', () => {
  const principal = { name: '赵总', role: '主要负责人' as const, conduct: { violationFound: false } };
  it.each([
    [{ workingGroup: { jointWithInvestorBody: false, members: [] } }, 'YN-12-2', 'PROCEDURE_VIOLATION'],
    [{ workingGroup: { jointWithInvestorBody: true, members: [] } }, 'YN-12-2', 'PROCEDURE_OK'],
    [{ determination: { approvingBody: '董事会' as const } }, 'YN-19-2', 'PROCEDURE_VIOLATION'],
    [{ determination: { approvingBody: '股东会' as const } }, 'YN-19-2', 'PROCEDURE_OK'],
  ])('%o -> %s %s', (procedure, id, outcome) => {
    const a = assessCase(ynCase({ persons: [principal], procedure }), { calendar, today: TODAY });
    expect(rule(a, id).outcome).toBe(outcome);
    expect(a.procedure.finalisationBlocked).toBe(outcome !== 'PROCEDURE_OK');
  });

  it('without a 股东会 the 出资人 body approves', () => {
    const a = assessCase(
      ynCase({
        institution: { name: '某公司', jurisdiction: 'YN', governmentGuarantee: true, onGovernmentList: true, hasShareholdersMeeting: false },
        persons: [principal],
        procedure: { determination: { approvingBody: '履行出资人职责的主管单位' } },
      }),
      { calendar, today: TODAY },
    );
    expect(rule(a, 'YN-19-2').outcome).toBe('PROCEDURE_OK');
  });

  it('an evaluated person in the evaluation meeting is a recusal violation that blocks', () => {
    const a = assessCase(ynCase({ procedure: { evaluationMeeting: { participants: ['张三', '审计部负责人'] } } }), { calendar, today: TODAY });
    const r = a.persons[0].procedure.find((x) => x.ruleId === 'YN-12-1')!;
    expect(r).toMatchObject({ outcome: 'RECUSAL_VIOLATION', severity: 'blocking' });
    expect(a.procedure.finalisationBlocked).toBe(true);
  });

  it('a compliance-check conclusion may not replace the investigation', () => {
    const a = assessCase(ynCase({ procedure: { responsibilityBasis: '合规检查' } }), { calendar, today: TODAY });
    expect(rule(a, 'YN-14-2')).toMatchObject({ outcome: 'INVALID_BASIS_SUBSTITUTION', severity: 'blocking' });
  });
});

describe('Yunnan scope', () => {
  it.each([
    [{ institution: { name: 'x', jurisdiction: 'YN' as const, governmentGuarantee: true, onGovernmentList: false } }, 'OUT_OF_SCOPE'],
    [{ institution: { name: 'x', jurisdiction: 'YN' as const, governmentGuarantee: false } }, 'OUT_OF_SCOPE'],
    [{ business: { category: '其他' as const } }, 'OUT_OF_SCOPE'],
    [{ person: { role: '其他' as const } }, 'OUT_OF_SCOPE'],
    [{ institution: { name: 'x', jurisdiction: 'YN' as const, governmentGuarantee: true } }, 'EVIDENCE_MISSING'],
  ])('%o -> %s', (change, outcome) => {
    const a = assessCase(ynCase(change), { calendar, today: TODAY });
    expect(a.persons[0].outcome).toBe(outcome);
  });
});

describe('workflow and findings', () => {
  it('places the case in the section 8 workflow from its documents and dates', () => {
    const a = assessCase(
      ynCase({
        dates: { factSheetDelivery: '2024-09-25' },
        documents: [{ type: 'REVIEW_MINUTES', date: '2023-03-01' }, { type: 'WORKING_GROUP_RESOLUTION', date: '2024-07-10' }, { type: 'EVALUATION_MINUTES', date: '2024-09-10' }],
      }),
      { calendar, today: TODAY },
    );
    expect(a.workflow?.current).toEqual({ id: 'S10', labelZh: '送达事实认定材料' });
    expect(a.workflow?.next).toEqual({ id: 'S11', labelZh: '签字、拒签或异议' });
    expect(a.workflow?.gaps.map((g) => g.id)).toEqual(['S6']);
    expect(a.workflow?.states.some((s) => s.id === 'S9')).toBe(false); // no NX-style deliberation step
  });

  it('maps every result to the Finding record shape', () => {
    const a = assessCase(ynCase({ person: { conflict: { hasInterest: true, declared: false } } }), { calendar, today: TODAY });
    const findings = assessmentToFindings(a);
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) expect(() => Finding.parse(f)).not.toThrow();
    expect(findings[0]).toMatchObject({ ruleId: 'RS-SELECT', outcome: 'RULESET_SELECTED' });
    expect(findings.find((f) => f.ruleId === 'YN-7' && f.outcome === 'NOT_EXEMPTABLE')?.article).toBe('第七条');
  });
});
