import type { Field, MeetingMinutesFields } from '../domain/fields.js';
import type { TextLine } from './lines.js';
import { parseCount } from './normalize/percent.js';
import {
  dateValue,
  declaredUnit,
  fieldFrom,
  findInstitution,
  firstMatch,
  LabeledFields,
  type Unreadable,
  idValue,
  moneyValue,
  nameListValue,
  nameValue,
  textValue,
} from './values.js';

const LABELS = {
  minutesNo: ['纪要编号', '会议编号', '文号', '编号'],
  meetingDate: ['会议时间', '开会时间', '会议日期', '召开时间', '时间', '日期'],
  location: ['会议地点', '开会地点', '地点'],
  chair: ['会议主持人', '主持人', '会议主持', '主持'],
  recorder: ['记录人', '纪要整理', '记录'],
  attendees: ['出席人员', '参会人员', '到会人员', '参加人员', '出席委员', '参会委员', '与会人员', '出席'],
  absentees: ['缺席人员', '请假人员', '缺席', '请假'],
  agenda: ['会议议题', '审议事项', '议题'],
  projectId: ['项目编号', '业务编号', '项目号'],
  debtorName: ['申请企业', '申请人', '债务人', '借款人', '被担保人', '担保对象'],
  amount: ['担保金额', '申请金额', '担保额度', '申请担保金额'],
  decision: ['会议决定', '议定事项', '审议结果', '表决结果', '会议决议', '评审结论', '会议结论'],
  lists: ['列席人员', '列席'],
} as const;

const MEETING_TYPES: Array<[RegExp, NonNullable<MeetingMinutesFields['meetingType']>['value']]> = [
  [/尽职免责|调查认定工作小组|工作小组/, 'WORKING_GROUP'],
  [/股东(大)?会|出资人/, 'SHAREHOLDERS'],
  [/董事会/, 'BOARD'],
  [/党委|党组|党支部|党总支/, 'PARTY_ORG'],
  [/政府常务|专题会议|人民政府/, 'GOVERNMENT'],
  [/改革领导小组/, 'SX_REFORM_GROUP'],
  [/评审|审保会|评审委员会|项目审查/, 'REVIEW_COMMITTEE'],
  [/总经理办公会|经营决策|办公会/, 'COLLECTIVE_DECISION'],
];

const VOTE = /^([\u4e00-\u9fff]{2,4})(?:[(（][^)）]*[)）])?\s*[:：]?\s*(有条件同意|同意|反对|弃权)(.*)$/u;

export function extractMinutes(lines: TextLine[], unreadable: Unreadable[] = []): MeetingMinutesFields {
  const r = new LabeledFields(lines, LABELS, unreadable);
  const unit = declaredUnit(lines);
  const title = lines.filter((l) => l.page === 1).slice(0, 4);

  const meetingType =
    firstMatch(title, /.+/, (m) => MEETING_TYPES.find(([re]) => re.test(m[0]))?.[1], 0.95) ??
    (title[0] ? fieldFrom(title[0], { value: 'OTHER' as const, certainty: 0.5 }) : undefined);

  const counts = firstMatch(lines, /应到\D{0,3}([0-9一二三四五六七八九十两]+)\s*人.{0,6}?实到\D{0,3}([0-9一二三四五六七八九十两]+)\s*人/u, (m) => {
    const expected = parseCount(m[1]);
    const present = parseCount(m[2]);
    return expected !== undefined && present !== undefined ? { expected, present } : undefined;
  });

  return {
    minutesNo: r.read('minutesNo', idValue) ?? firstMatch(title, /[\u4e00-\u9fff]*[〔\[]\d{4}[〕\]]\s*\d+\s*号|第\d+期/u, (m) => m[0]),
    institutionName: findInstitution(lines),
    meetingType,
    meetingDate: r.read('meetingDate', dateValue) ?? firstMatch(lines, /(.{0,20})召开/, (m) => dateValue(m[1])?.value),
    location: r.read('location', textValue),
    chair: r.read('chair', nameValue),
    recorder: r.read('recorder', nameValue),
    attendees: r.read('attendees', nameListValue),
    absentees: r.read('absentees', (t) => (/^无/.test(t) ? { value: [], certainty: 1 } : nameListValue(t))),
    expectedCount: counts && { ...counts, value: counts.value.expected },
    presentCount: counts && { ...counts, value: counts.value.present },
    agenda: r.read('agenda', (t) => ({ value: t.split(/[;；]|\s(?=\d[.、])/).map((s) => s.trim()).filter(Boolean), certainty: 1 })),
    projectId: r.read('projectId', idValue),
    debtorName: r.read('debtorName', textValue),
    amount: r.read('amount', moneyValue(unit)),
    decision: r.read('decision', textValue),
    votes: votes(lines),
    recusals: recusals(lines),
  };
}

function votes(lines: TextLine[]): MeetingMinutesFields['votes'] {
  const found: Array<{ line: TextLine; vote: NonNullable<MeetingMinutesFields['votes']>['value'][number] }> = [];
  for (const line of lines) {
    const m = line.text.match(VOTE);
    if (!m || /^(会议|一致|全体|同意|经)/.test(m[1])) continue;
    const rest = m[3].replace(/^[\s,，。;；:：]+/, '');
    const vote = { member: m[1], vote: m[2] as '同意' | '反对' | '弃权' | '有条件同意', ...(rest ? { dissentText: rest } : {}) };
    const basis = rest.match(/(?:依据|根据|按照)(《[^》]+》[^，。；]*)/);
    found.push({ line, vote: basis ? { ...vote, legalBasis: basis[1] } : vote });
  }
  if (found.length === 0) return undefined;
  return combine(found.map((f) => ({ line: f.line, value: f.vote })));
}

function recusals(lines: TextLine[]): MeetingMinutesFields['recusals'] {
  const found = lines.flatMap((line) => {
    const m = line.text.match(/([\u4e00-\u9fff]{2,4})(?:[(（][^)）]*[)）])?(?:委员|同志)?(?:因|由于)?([^，。；]*?)(?:，|,)?(?:主动|申请|已|依规)?回避/u);
    if (!m || /会议|本人|以上/.test(m[1])) return [];
    return [{ line, value: { person: m[1], ...(m[2] ? { reason: m[2] } : {}) } }];
  });
  return found.length ? combine(found) : undefined;
}

/** Several lines make one list field: the confidence is the weakest line's. */
function combine<T>(items: Array<{ line: TextLine; value: T }>): Field<T[]> {
  const first = fieldFrom(items[0].line, { value: items.map((i) => i.value), certainty: 1 });
  return { ...first, confidence: Math.min(...items.map((i) => i.line.confidence)) };
}
