import { describe, expect, it } from 'vitest';
import { assessCase, assessmentToFindings } from '../../shared/rules/assess.js';
import { RULE_SETS } from '../../shared/rules/rulesets/index.js';
import { isInForce, selectRuleSet } from '../../shared/rules/select.js';
import { calendar, nxCase, ynCase } from './fixtures.js';

const dde = (jurisdiction: 'NX' | 'YN' | 'CQ' | 'SX' | 'XJ', dates: Record<string, string>, decision?: { ruleSetId: string; decidedBy: string; reason: string }) =>
  selectRuleSet(RULE_SETS, { jurisdiction, kind: 'DUE_DILIGENCE_EXEMPTION', dates, decision });

describe('validity windows (both ends inclusive)', () => {
  it.each([
    ['NX', '2021-03-31', false],
    ['NX', '2021-04-01', true],
    ['NX', '2023-04-01', true],
    ['NX', '2023-04-02', false],
    ['YN', '2022-12-31', false],
    ['YN', '2023-01-01', true],
    ['YN', '2025-12-31', true],
    ['YN', '2026-01-01', false],
    ['YN', '2022-04-15', false], // the stray micro-loan fragment's date is not Yunnan's start
  ] as const)('%s on %s -> in force %s', (jurisdiction, date, expected) => {
    const rs = RULE_SETS.find((r) => r.jurisdiction === jurisdiction && r.kind === 'DUE_DILIGENCE_EXEMPTION')!;
    expect(isInForce(rs, date)).toBe(expected);
    expect(dde(jurisdiction, { compensation: date }).status).toBe(expected ? 'SELECTED' : 'NO_RULESET_IN_FORCE');
  });
});

describe('rule-set selection (catalogue C-4)', () => {
  it('selects when every key date is inside one window', () => {
    const s = dde('YN', { approval: '2023-02-01', compensation: '2024-01-10', investigationStart: '2024-05-01' });
    expect(s).toMatchObject({ status: 'SELECTED', decidedBy: 'key_dates' });
    if (s.status === 'SELECTED') expect(s.ruleSet.id).toBe('YN-DDE-2023');
  });

  it('a case straddling the window boundary is ambiguous and names the dates outside', () => {
    const s = dde('NX', { approval: '2022-10-01', compensation: '2023-03-20', investigationStart: '2023-05-10' });
    expect(s.status).toBe('RULESET_DATE_AMBIGUOUS');
    expect(s.explanation).toContain('调查开展日2023-05-10');
    expect(s.keyDates.map((k) => k.inForce.length)).toEqual([1, 1, 0]);
  });

  it('a reviewer may resolve the ambiguity within the jurisdiction, never with another province', () => {
    const dates = { approval: '2022-10-01', compensation: '2023-03-20', investigationStart: '2023-05-10' };
    const ok = dde('NX', dates, { ruleSetId: 'NX-DDE-2021', decidedBy: '合规部王某', reason: '代偿及审批均在有效期内' });
    expect(ok).toMatchObject({ status: 'SELECTED', decidedBy: 'manual_review' });
    const borrowed = dde('NX', dates, { ruleSetId: 'YN-DDE-2023', decidedBy: '某人', reason: '借用' });
    expect(borrowed.status).toBe('RULESET_DATE_AMBIGUOUS');
    expect(borrowed.explanation).toContain('不予采用');
  });

  it('a case outside every window gets NO_RULESET_IN_FORCE, even with a reviewer decision', () => {
    const s = dde('NX', { approval: '2023-06-01', compensation: '2024-02-01' }, { ruleSetId: 'NX-DDE-2021', decidedBy: 'x', reason: 'y' });
    expect(s.status).toBe('NO_RULESET_IN_FORCE');
    expect(s.explanation).toContain('不得借用其他省份');
  });

  it.each(['XJ', 'CQ', 'SX'] as const)('%s has no 尽职免责 rule set: never borrowed from NX or YN', (j) => {
    const s = dde(j, { compensation: '2024-01-10' });
    expect(s.status).toBe('NO_RULESET_IN_FORCE');
    if (j === 'XJ') expect(s.explanation).toContain('征求意见稿');
  });

  it('no key date at all needs review', () => {
    expect(dde('YN', {}).status).toBe('RULESET_DATE_AMBIGUOUS');
  });
});

describe('assessCase on a case outside every validity window', () => {
  it('says so for every person and blocks finalisation', () => {
    const a = assessCase(
      nxCase({ dates: { approval: '2023-05-01', compensation: '2023-09-01', lossConfirmation: '2023-10-01', investigationStart: '2023-11-01', conclusion: '2024-01-10' } }),
      { calendar, today: '2024-03-01' },
    );
    expect(a.ruleSet.status).toBe('NO_RULESET_IN_FORCE');
    expect(a.ruleSet.explanation).toContain('2021-04-01至2023-04-01');
    expect(a.persons[0]).toMatchObject({ outcome: 'NO_RULESET_IN_FORCE', decidedBy: ['RS-SELECT'], rules: [] });
    expect(a.procedure.finalisationBlocked).toBe(true);
    expect(assessmentToFindings(a)[0]).toMatchObject({ ruleId: 'RS-SELECT', outcome: 'NO_RULESET_IN_FORCE', severity: 'blocking' });
  });

  it('a Yunnan case after 2025-12-31 is not assessed under the expired guideline', () => {
    const a = assessCase(ynCase({ dates: { approval: '2026-01-05', compensation: '2026-06-01', lossConfirmation: '2026-07-01', investigationStart: '2026-08-01', conclusion: '2026-09-01' } }), {
      calendar,
      today: '2026-10-01',
    });
    expect(a.ruleSet.status).toBe('NO_RULESET_IN_FORCE');
  });
});
