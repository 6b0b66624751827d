/** Case builders for the rules tests: a clean case per province, modified per test. */
import type { CaseInputRaw } from '../../shared/rules/case.js';
import { createDefaultCalendar } from '../../shared/rules/calendar.js';

export const calendar = createDefaultCalendar();

type Person = CaseInputRaw['persons'][number];

/** A Yunnan 经办人员 with every YN-9-6 element in place (70.00% repaid). */
export function ynCase(changes: { person?: Partial<Person>; persons?: Person[] } & Partial<Omit<CaseInputRaw, 'persons'>> = {}): CaseInputRaw {
  const { person, persons, ...rest } = changes;
  const base: CaseInputRaw = {
    caseId: 'YN-TEST',
    institution: { name: '云南某融资担保有限公司', jurisdiction: 'YN', governmentGuarantee: true, onGovernmentList: true },
    business: { category: '小微企业', loanPrincipalFen: 1_000_000_00, repaidPrincipalFen: 700_000_00, compensationAmountFen: 300_000_00 },
    dates: {
      approval: '2023-03-01',
      compensation: '2024-03-15',
      lossConfirmation: '2024-06-20',
      investigationStart: '2024-08-01',
      conclusion: '2024-09-20',
    },
    annual: { compensationRateBp: 480 },
    circumstances: { onlySmallArrears: true },
    persons: [],
  };
  return {
    ...base,
    ...rest,
    business: { ...base.business, ...rest.business },
    dates: { ...base.dates, ...rest.dates },
    persons: persons ?? [
      {
        name: '张三',
        role: '经办人员',
        conduct: { violationFound: false, recoveryMeasuresTaken: true },
        ...person,
      },
    ],
  };
}

/** A Ningxia case inside the 2021-04-01..2023-04-01 window. */
export function nxCase(changes: { person?: Partial<Person>; persons?: Person[] } & Partial<Omit<CaseInputRaw, 'persons'>> = {}): CaseInputRaw {
  const { person, persons, ...rest } = changes;
  const base: CaseInputRaw = {
    caseId: 'NX-TEST',
    institution: { name: '宁夏某融资担保有限公司', jurisdiction: 'NX', governmentGuarantee: true },
    business: { category: '三农', compensationAmountFen: 500_000_00 },
    dates: {
      approval: '2021-06-01',
      compensation: '2022-03-15',
      lossConfirmation: '2022-05-10',
      investigationStart: '2022-06-01',
      conclusion: '2022-08-01',
    },
    annual: { compensationRateBp: 300 },
    persons: [],
  };
  return {
    ...base,
    ...rest,
    business: { ...base.business, ...rest.business },
    dates: { ...base.dates, ...rest.dates },
    persons: persons ?? [
      {
        name: '马六',
        role: '经办人员',
        conduct: { violationFound: false, atFault: false },
        ...person,
      },
    ],
  };
}
