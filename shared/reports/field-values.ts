/** Prints a normalized extracted value the way a Chinese report shows it, by what the field holds. */
import type { z } from 'zod';
import type { Recusal, Vote } from '../domain/fields.js';
import { MEETING_TYPE_ZH, type FieldKey } from './field-labels.js';
import {
  formatBasisPoints,
  formatBoolean,
  formatCount,
  formatDateZh,
  formatMultiple,
  formatYuan,
} from './format.js';

type ValueKind =
  | 'text'
  | 'money'
  | 'rate'
  | 'multiple'
  | 'date'
  | 'persons'
  | 'clients'
  | 'year'
  | 'boolean'
  | 'names'
  | 'items'
  | 'votes'
  | 'recusals'
  | 'meetingType';

/** Exhaustive on purpose: a new field does not compile until someone decides how it prints. */
const VALUE_KIND: Record<FieldKey, ValueKind> = {
  minutesNo: 'text',
  institutionName: 'text',
  meetingType: 'meetingType',
  meetingDate: 'date',
  location: 'text',
  chair: 'text',
  recorder: 'text',
  attendees: 'names',
  absentees: 'names',
  expectedCount: 'persons',
  presentCount: 'persons',
  agenda: 'items',
  projectId: 'text',
  debtorName: 'text',
  amount: 'money',
  decision: 'text',
  votes: 'votes',
  recusals: 'recusals',
  caseId: 'text',
  lendingBank: 'text',
  guaranteeAmount: 'money',
  compensationDate: 'date',
  compensationAmount: 'money',
  evaluatedPerson: 'text',
  position: 'text',
  facts: 'text',
  conclusion: 'text',
  conclusionDate: 'date',
  deliveryDate: 'date',
  signaturePresent: 'boolean',
  refused: 'boolean',
  objectionFiled: 'boolean',
  objectionDate: 'date',
  reportNo: 'text',
  auditKind: 'text',
  auditor: 'text',
  fiscalYear: 'year',
  reportDate: 'date',
  opinionType: 'text',
  registeredCapital: 'money',
  outstandingBalance: 'money',
  newGuaranteeAmount: 'money',
  compensationRate: 'rate',
  provisionCoverageRatio: 'rate',
  recoveryRate: 'rate',
  leverageMultiple: 'multiple',
  newSmallMicroClients: 'clients',
  avgFeeRate: 'rate',
  findings: 'items',
};

export function formatFieldValue(key: FieldKey, value: unknown): string {
  const kind = VALUE_KIND[key];
  switch (kind) {
    case 'money':
      return formatYuan(value as number);
    case 'rate':
      return formatBasisPoints(value as number);
    case 'multiple':
      return formatMultiple(value as number);
    case 'date':
      return formatDateZh(value as string);
    case 'persons':
      return `${formatCount(value as number)} 人`;
    case 'clients':
      return `${formatCount(value as number)} 户`;
    case 'year':
      return `${value as number}年度`;
    case 'boolean':
      return formatBoolean(value as boolean);
    case 'names':
      return (value as string[]).join('、');
    case 'items':
      return (value as string[]).join('；');
    case 'votes':
      return (value as z.infer<typeof Vote>[]).map(formatVote).join('；');
    case 'recusals':
      return (value as z.infer<typeof Recusal>[]).map(formatRecusal).join('、');
    case 'meetingType':
      return MEETING_TYPE_ZH[value as keyof typeof MEETING_TYPE_ZH];
    case 'text':
      return String(value);
  }
}

/** `张三：反对（理由：…；依据：…）` */
function formatVote(vote: z.infer<typeof Vote>): string {
  const notes = [
    vote.dissentText ? `理由：${vote.dissentText}` : '',
    vote.legalBasis ? `依据：${vote.legalBasis}` : '',
  ].filter(Boolean);
  return `${vote.member}：${vote.vote}${notes.length ? `（${notes.join('；')}）` : ''}`;
}

/** `李四（回避理由：…）` */
function formatRecusal(recusal: z.infer<typeof Recusal>): string {
  return recusal.reason ? `${recusal.person}（回避理由：${recusal.reason}）` : recusal.person;
}
