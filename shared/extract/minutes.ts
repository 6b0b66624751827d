import type { Field, MeetingMinutesFields } from '../domain/fields.js';
import { Layout } from './layout.js';
import type { TextLine } from './lines.js';
import { findDates } from './normalize/date.js';
import { findMoney } from './normalize/money.js';
import { parseCount } from './normalize/percent.js';
import { checkedAgainstText, isPersonName, listCheckedAgainstText, nameAtEnd, nameAtStart, nameList } from './names.js';
import { proseMatch, proseMatches, sentences, spanLine } from './prose.js';
import { findTables } from './table.js';
import {
  chineseText,
  COMPANY,
  companyCheckedAgainstText,
  companyName,
  countValue,
  dateValue,
  declaredUnit,
  fieldFrom,
  findInstitution,
  idValue,
  LabeledFields,
  majorityOf,
  moneyValue,
  nameListValue,
  nameValue,
  proseField,
  proseMajority,
  standaloneId,
  type Unreadable,
} from './values.js';

export const MINUTES_LABELS = {
  minutesNo: ['纪要编号', '会议编号', '纪要文号', '文号', '编号'],
  meetingDate: ['会议时间', '开会时间', '会议日期', '召开时间', '开会日期', '召开日期', '时间', '日期'],
  location: ['会议地点', '开会地点', '召开地点', '地点'],
  chair: ['会议主持人', '会议主持', '主持人', '主持'],
  recorder: ['会议记录人', '记录人', '记录员', '纪要整理', '记录'],
  attendees: ['出席人员', '参会人员', '到会人员', '参加人员', '出席委员', '参会委员', '与会人员', '与会委员', '参会董事', '出席董事', '出席'],
  absentees: ['缺席人员', '请假人员', '缺席委员', '未出席人员', '缺席', '请假'],
  expectedCount: ['应到人数', '应出席人数', '应到'],
  presentCount: ['实到人数', '实际出席人数', '出席人数', '实到'],
  agenda: ['会议议题', '审议事项', '会议内容', '议题'],
  projectId: ['项目编号', '业务编号', '项目号'],
  debtorName: ['申请企业', '申请人', '债务人', '借款人', '被担保人', '担保对象', '借款企业', '申请单位', '企业名称'],
  amount: ['申请担保金额', '担保金额', '申请金额', '担保额度', '拟代偿金额', '代偿金额', '代偿额', '申请额度'],
  decision: ['会议议定事项', '会议决定事项', '会议决定', '议定事项', '会议决议', '审议结果', '评审结论', '会议结论', '会议议定', '决议事项'],
  attending: ['列席人员', '列席'],
} as const;

const MEETING_TYPES: Array<[RegExp, NonNullable<MeetingMinutesFields['meetingType']>['value']]> = [
  [/尽职免责|调查认定工作小组|认定工作小组|工作小组/, 'WORKING_GROUP'],
  [/股东(大)?会|出资人/, 'SHAREHOLDERS'],
  [/董事会/, 'BOARD'],
  [/党委|党组|党支部|党总支/, 'PARTY_ORG'],
  [/政府常务|人民政府|专题会议/, 'GOVERNMENT'],
  [/改革领导小组/, 'SX_REFORM_GROUP'],
  [/评审|审保会|项目审查|审贷会|评审委员会/, 'REVIEW_COMMITTEE'],
  [/总经理办公会|经营决策|办公会|集体决策|经营班子|总经理会议/, 'COLLECTIVE_DECISION'],
];

type Vote = NonNullable<MeetingMinutesFields['votes']>['value'][number];
type VoteValue = Vote['vote'];
/** Characters of a name in running text, with what OCR reads for the dot of a name written by sound ('). */
const NAME_CHARS = "[\\u4e00-\\u9fff·•'’‘`]";

export function extractMinutes(lines: TextLine[], unreadable: Unreadable[] = []): MeetingMinutesFields {
  const layout = new Layout(lines);
  const r = new LabeledFields(layout, MINUTES_LABELS, unreadable);
  const unit = declaredUnit(lines);
  const firstPage = layout.rows[0]?.page;
  const titleRows = layout.rows.filter((row) => row.page === firstPage).slice(0, 7);

  const meetingType = (() => {
    // The title names the meeting; a document number (评审纪要〔2023〕5号) does not.
    const rows = titleRows.filter((row) => {
      const text = row.segments.map((s) => s.text).join('');
      return !(idValue(text) && idValue(text)!.value.length >= text.replace(/^.*?[:：]/u, '').length - 1);
    });
    for (const row of [...rows.filter((t) => /会议|纪要|记录/.test(t.segments.map((s) => s.text).join(''))), ...rows]) {
      const text = row.segments.map((s) => s.text).join('');
      const type = MEETING_TYPES.find(([re]) => re.test(text))?.[1];
      if (type) return fieldFrom(row.segments[0].line, { value: type, certainty: 0.95 });
    }
    // The meeting's name in the body (召开…会议, 会议名称).
    const body = proseMatch(layout, /召开([^，。；]{2,40}?会议)|会议名称\s*[:：]?\s*([^，。；]{2,40})/u);
    const type = body && MEETING_TYPES.find(([re]) => re.test(body.match[1] ?? body.match[2] ?? ''))?.[1];
    if (body && type) return fieldFrom(body.line, { value: type, certainty: 0.9 });
    const row = titleRows.find((t) => /纪要|记录/.test(t.segments.map((s) => s.text).join('')));
    return row ? fieldFrom(row.segments[0].line, { value: 'OTHER' as const, certainty: 0.5 }) : undefined;
  })();

  // 应到5人，实到5人 / 应出席7人，实际出席6人
  const counts = proseMatch(
    layout,
    /应(?:到|出席|参会)[^，。；\d一二三四五六七八九十两]{0,8}([0-9一二三四五六七八九十两]+)\s*[人名位][^。；]{0,12}?实(?:到|际出席|际到会|际参会)[^，。；\d一二三四五六七八九十两]{0,8}([0-9一二三四五六七八九十两]+)\s*[人名位]/u,
  );
  const expected = counts && parseCount(counts.match[1]);
  const present = counts && parseCount(counts.match[2]);

  // The opening sentence of narrative minutes: 2021年11月17日上午，…在…召开…。会议由…主持，…出席会议…
  const opening = proseMatch(layout, /([^。]*?)召开([^。]*)。/u);

  const table = voteTable(layout);
  return {
    minutesNo: r.read('minutesNo', idValue) ?? standaloneId(layout),
    institutionName: companyCheckedAgainstText(findInstitution(layout), lines),
    meetingType,
    meetingDate:
      r.read('meetingDate', dateValue) ??
      (opening ? openingDate(opening.line, opening.match[1]) : undefined),
    location:
      r.read('location', placeValue) ??
      proseField(layout, /在([^，。；在]{2,30}?)(?:召开|举行)/u, (m) => placeValue(m[1])?.value, 0.85),
    chair: checkedAgainstText(
      r.read('chair', nameValue) ??
        proseField(layout, /由([^，。；]{2,40}?)(?:同志)?(?:主持|召集并主持)/u, (m) => nameAtEnd(m[1])?.name, 0.9),
      lines,
    ),
    recorder: checkedAgainstText(
      r.read('recorder', nameValue) ??
        proseField(layout, new RegExp(`(?:^|[，。；,])(${NAME_CHARS}{2,14}?)(?:同志)?(?:担任(?:会议)?记录(?:人|员)?|负责(?:会议)?记录|作(?:会议)?记录|记录)(?=[，。；,]|$)`, 'u'), (m) => nameAtEnd(m[1])?.name, 0.9),
      lines,
    ),
    attendees: namesChecked(
      r.read('attendees', nameListValue) ??
      proseField(layout, /(?:出席|参加|参与)(?:本次)?会议的(?:人员|委员|同志)?(?:有|为|是)[:：]?([^。；]{2,200})/u, (m) => {
        const list = nameList(m[1]);
        return list && list.certainty === 1 ? list.names : undefined;
      }, 0.9) ??
      proseField(layout, /(?:^|[，。；：:,])([^，。；：:]{2,200}?)(?:等\s*[\d一二三四五六七八九十]+\s*人)?(?:出席|参加|列席了|参加了)(?:了)?(?:本次)?会议/u, (m) => {
        const list = nameList(m[1]);
        return list && list.certainty === 1 ? list.names : undefined;
      }, 0.9),
      lines,
    ),
    absentees: namesChecked(
      r.read('absentees', (t) => (/^(无|没有|全部出席|全员出席)/u.test(t.trim()) ? { value: [], certainty: 1 } : nameListValue(t))) ?? absentInProse(layout),
      lines,
    ),
    expectedCount: r.read('expectedCount', countValue) ?? (counts && expected !== undefined ? fieldFrom(counts.line, { value: expected, certainty: 0.95 }) : undefined),
    presentCount: r.read('presentCount', countValue) ?? (counts && present !== undefined ? fieldFrom(counts.line, { value: present, certainty: 0.95 }) : undefined),
    agenda:
      r.read('agenda', agendaValue) ??
      proseField(layout, /(?:会议|本次会议)?(?:议题|审议事项|主要议题)(?:为|是|如下|有)?[:：]([^。]+(?:。(?=\d[.、．])[^。]+)*)/u, (m) => agendaValue(m[1])?.value, 0.9),
    projectId: r.read('projectId', idValue),
    debtorName: companyCheckedAgainstText(r.read('debtorName', companyValue) ?? debtorInProse(layout), lines),
    amount: r.read('amount', moneyValue(unit)) ?? amountInProse(layout),
    decision: r.read('decision', decisionValue) ?? decisionAfterLead(layout),
    votes: listCheckedAgainstText(table ?? votesInProse(layout) ?? voteLines(layout), lines, (v) => v.member, (v, member) => ({ ...v, member })),
    recusals: recusals(layout),
  };
}

/** A list of names, each checked against the rest of the document. */
function namesChecked(field: Field<string[]> | undefined, lines: readonly TextLine[]): Field<string[]> | undefined {
  return listCheckedAgainstText(field, lines, (name) => name, (_, name) => name);
}

/** A meeting place: the value up to a time or a bracketed remark that is not part of it. */
function placeValue(text: string): { value: string; certainty: number } | undefined {
  const t = chineseText(text).replace(/[。；;，,]$/u, '').trim();
  if (!t || /^\d/.test(t) || Array.from(t).length > 30) return undefined;
  return { value: t, certainty: /[室厅楼层馆堂处所]|会议|线上|视频/u.test(t) ? 1 : 0.8 };
}

/** A company, cooperative or person applying (the value as printed, without closing punctuation). */
function companyValue(text: string): { value: string; certainty: number } | undefined {
  const t = companyName(text);
  if (!t) return undefined;
  return /(?:公司|合作社|厂|店|中心|个体工商户）|场|社|院|所)$/u.test(t) || isPersonName(t) ? { value: t, certainty: 1 } : undefined;
}

/**
 * Where the sentences after an agenda begin, when OCR lost the full stop before them: the
 * attendance (本次会议应到…, 应到委员5人) is never an agenda item.
 */
const AFTER_AGENDA = /(?:本次会议|会议应到|应到(?:董事|委员|成员|人员)?[\d一二三四五六七八九十]+人)/u;

/** Agenda items: 1.审议…；2.听取… or items separated by ；. */
function agendaValue(text: string): { value: string[]; certainty: number } | undefined {
  const t = chineseText(text).split(AFTER_AGENDA)[0].replace(/[。；;、]$/u, '');
  if (!t) return undefined;
  const tidy = (s: string) => s.trim().replace(/[；;。，,、]$/u, '');
  const numbered = t.split(/[；;。]?\s*(?:(?<![\d.])\d{1,2}\s*[.、．](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、．])/u).map(tidy).filter(Boolean);
  // an item's figure with a comma OCR read for its point (2，通报…) is numbering too
  const items = numbered.length > 1 ? numbered : t.split(/[；;]/u).map((s) => tidy(s.trim().replace(/^(?:\d{1,2}\s*[.、．,，]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/u, ''))).filter(Boolean);
  return items.length ? { value: items, certainty: 1 } : undefined;
}

/** The date a narrative opens with (2024年1月24日上午，…召开…), less surely when a figure of it was repaired. */
function openingDate(line: TextLine, text: string): Field<string> | undefined {
  const [date] = findDates(text, { repairs: true });
  return date && fieldFrom(line, { value: date.iso, certainty: date.repaired ? 0.7 : 0.9 });
}

/** The decision: the first decided item (一、…), without its numbering and closing punctuation. */
function decisionValue(text: string): { value: string; certainty: number } | undefined {
  let t = chineseText(text);
  t = t.replace(/^(?:会议)?(?:议定|决定|决议)(?:如下|以下事项)?[:：]/u, '');
  if (/^(?:如下|以下(?:事项|意见)?)[:：]?$/u.test(t)) return undefined;
  // (OCR may put a space in the numbering, 一 、, or read its figure twice, 二二、)
  const numbering = /^(?:[一1]\s*[、.．]|[（(]\s*[一1]\s*[)）])\s*/u;
  const numbered = numbering.test(t);
  if (numbered) t = t.replace(numbering, '');
  // the decided item ends where the next one, or the signatures below, begin (after marks OCR may add; its 二 read as 一)
  t = t.split(/[。；;][^\p{L}\p{N}]*(?:(?:二{1,2}|2)\s*[、.．]|(?:一\s*[、.．])|[（(][二2][)）]|会议主持|主持人|记录人|参会人|出席人|列席人|(?:[(（]\s*)?签[字名])/u)[0];
  t = t.replace(/[。；;]$/u, '').trim();
  if (Array.from(t).length < 4) return undefined;
  return { value: t, certainty: numbered || !/[。]/u.test(t) ? 1 : 0.85 };
}

/** A paragraph that follows a lead such as 会议议定如下： / 形成如下意见：. */
function decisionAfterLead(layout: Layout): Field<string> | undefined {
  const paragraphs = layout.paragraphs();
  for (let i = 0; i < paragraphs.length - 1; i++) {
    // OCR may add a character before the closing word (形成如下和意见：)
    if (!/(?:议定|决定|决议|形成|研究)(?:了)?(?:如下|以下)[\u4e00-\u9fff]?(?:事项|意见|决定|决议)?[:：]$/u.test(paragraphs[i].text.trim())) continue;
    const next = paragraphs[i + 1];
    const value = decisionValue(next.display);
    if (value) return fieldFrom(spanLine(next, 0, next.text.length), { ...value, certainty: value.certainty * 0.95 });
  }
  return undefined;
}

/** Absences in running text: 林国华因出差请假 / 张三缺席. */
function absentInProse(layout: Layout): Field<string[]> | undefined {
  const found = proseMatches(layout, new RegExp(`(?:^|[，。；,、])(${NAME_CHARS}{2,16}?)(?:同志)?(?:因[^，。；]{1,20}?)?(?:请假|缺席|未出席|未能出席)`, 'gu'));
  const names: string[] = [];
  let first: TextLine | undefined;
  for (const f of found) {
    const n = nameAtEnd(f.match[1]);
    if (!n || /应到|实到/.test(f.match[1])) continue;
    names.push(n.name);
    first ??= f.line;
  }
  return first ? fieldFrom(first, { value: [...new Set(names)], certainty: 0.9 }) : undefined;
}

/**
 * The applicant, where the text names the project (…汇报了X（项目编号：…）申请…, 同意为X在…申请,
 * 对X代偿项目…, 代偿X贷款…): the reading most of those places give.
 */
function debtorInProse(layout: Layout): Field<string> | undefined {
  return proseMajority(
    layout,
    new RegExp(`(?:汇报了|审议了?|关于为?|对|为|代偿)(${COMPANY})(?:[（(](?:项目编号|以下简称)|申请|的?担保|提供|在[^，。；]{2,40}?申请|代偿项目|贷款)`, 'gu'),
    companyName,
  );
}

/** The amount applied for or compensated, where the project is reported. */
function amountInProse(layout: Layout): Field<number> | undefined {
  const seen: { value: number; line: TextLine }[] = [];
  for (const { match, line } of proseMatches(layout, AMOUNT_IN_PROSE)) {
    if (/销售收入|营业收入|注册资本|总资产/.test(match[0])) continue;
    const [money] = findMoney(match[0]);
    if (money) seen.push({ value: money.fen, line });
  }
  // The amount is usually named more than once (议题, 会议情况, 议定事项)
  return majorityOf(seen);
}

/** Where minutes name the amount: 申请…贷款人民币…, 本息合计…, 提供…万元融资担保的议案, …万元融资担保项目. */
const AMOUNT_IN_PROSE = /(?:申请|本息合计|合计|代偿金额|担保金额|担保额度|拟代偿)[^。；]{0,40}|(?:[^。；，,：:]|(?<=\d)[,，](?=\d{3}))+?(?:融资担保(?:项目|事项|的议案)|担保项目)/gu;

const VOTE_WORDS: Array<[RegExp, VoteValue]> = [
  [/有条件同意|附条件同意|原则同意/u, '有条件同意'],
  [/不同意|反对/u, '反对'],
  [/弃权/u, '弃权'],
  [/同意|赞成/u, '同意'],
];

function voteOf(text: string): VoteValue | undefined {
  const t = text.replace(/\s+/g, '');
  return VOTE_WORDS.find(([re]) => re.test(t))?.[1];
}

/** A remark beside a vote: its reason and the rule it cites (依据《…》第…条). */
function dissent(remark: string): Pick<Vote, 'dissentText' | 'legalBasis'> {
  const text = chineseText(remark).replace(/[\s,，;；。]+$/u, '');
  if (!text || /^(?:无|\/|-|—)$/u.test(text)) return {};
  const basis = /[,，;；。]?\s*(?:依据|根据|按照|依照)(《[^》]+》[^，。；,;]*)/u.exec(text);
  const reason = (basis ? text.slice(0, basis.index) : text).replace(/^(?:理由|原因|意见)[:：]/u, '').replace(/[\s,，;；。]+$/u, '');
  return { ...(reason ? { dissentText: reason } : {}), ...(basis ? { legalBasis: basis[1].replace(/[\s,，;；。]+$/u, '') } : {}) };
}

/** A vote table: 序号 | 姓名 | 表决意见 | 备注. */
function voteTable(layout: Layout): Field<Vote[]> | undefined {
  const tables = findTables(
    layout,
    (cells) => cells.some((c) => /^(?:姓名|委员|参会人员|参会委员|成员|董事|表决人|评审委员|与会人员|出席人员)$/.test(c)) && cells.some((c) => /表决|意见/.test(c)),
    2,
  );
  for (const table of tables) {
    const nameCol = table.columns.findIndex((c) => /^(?:姓名|委员|参会人员|参会委员|成员|董事|表决人|评审委员|与会人员|出席人员)$/.test(c.name));
    const voteCol = table.columns.findIndex((c) => /表决(?:意见|结果|情况)?|^意见$/.test(c.name) && !/理由|备注/.test(c.name));
    const remarkCol = table.columns.findIndex((c, i) => i !== voteCol && /备注|理由|说明|依据|意见及/.test(c.name));
    if (nameCol < 0 || voteCol < 0) continue;
    const votes: Vote[] = [];
    let certainty = 1;
    for (const rec of table.records) {
      const cell = (rec.cells[nameCol] ?? '').trim();
      // a name with no known surname (辣玲: OCR garbled it) is kept with its doubt, for the rest of the document to check
      const member = nameAtStart(cell, { unknown: true });
      const vote = voteOf(rec.cells[voteCol] ?? '');
      if (!member || !vote) {
        // A row that cannot be read makes the whole list uncertain (a vote may be missing).
        if ((rec.cells[nameCol] ?? '') !== '' || (rec.cells[voteCol] ?? '') !== '') certainty = 0.5;
        continue;
      }
      certainty = Math.min(certainty, member.certainty);
      votes.push({ member: member.name, vote, ...(remarkCol >= 0 ? dissent(rec.cells[remarkCol] ?? '') : {}) });
    }
    if (votes.length === 0) continue;
    const confidence = Math.min(...table.records.map((rec) => rec.line.confidence));
    const field = fieldFrom(table.records[0].line, { value: votes, certainty });
    return { ...field, confidence: Math.min(field.confidence, Math.round(confidence * certainty * 1000) / 1000) };
  }
  return undefined;
}

/**
 * Votes written out: 其中，A、B同意。评审委员C投反对票，理由：…，依据《…》第…条。D有条件同意，理由：….
 * Only paragraphs about a vote (表决, 投票, …票) are read.
 */
function votesInProse(layout: Layout): Field<Vote[]> | undefined {
  const votes: Vote[] = [];
  let first: TextLine | undefined;
  let certainty = 1;
  for (const p of layout.paragraphs()) {
    if (!/表决|投票|[\d一二三四五六七八九十]\s*票/u.test(p.text)) continue;
    for (const s of sentences(p.display)) {
      const found = sentenceVotes(s.text);
      if (!found) continue;
      first ??= spanLine(p, s.start, s.start + s.text.length);
      certainty = Math.min(certainty, found.certainty);
      for (const v of found.votes) if (!votes.some((x) => x.member === v.member)) votes.push(v);
    }
  }
  // The tally (同意8票，反对0票，弃权1票) counts the votes: when fewer or more were read, some
  // names were lost or misread, and a person checks.
  const tally = proseMatch(layout, /同意\s*[\d一二三四五六七八九十]+\s*票[^。]*/u);
  const counted = tally && [...tally.match[0].matchAll(/([\d一二三四五六七八九十]+)\s*票/gu)].reduce((sum, m) => sum + (parseCount(m[1]) ?? NaN), 0);
  if (counted !== undefined && counted !== votes.length) certainty = Math.min(certainty, 0.5);
  return first && votes.length ? fieldFrom(first, { value: votes, certainty: certainty * 0.95 }) : undefined;
}

function sentenceVotes(sentence: string): { votes: Vote[]; certainty: number } | undefined {
  const s = sentence.replace(/^(?:其中|另外|此外|同时)[，,:：]?/u, '').replace(/[。！!]$/u, '');
  // A list of members who agreed: A、B、C同意 / A、B、C表示同意 / A、B投赞成票
  const agreed = new RegExp(`^([^，。；,;]+?)(?:均|都|一致)?(?:表示)?(?:同意|投赞成票|投同意票|赞成)$`, 'u').exec(s);
  if (agreed) {
    // A doubtful part (和孔建新, a character OCR added) is kept, with its doubt, in a list of
    // several names; a single doubtful "name" (会议同意) is no list.
    const list = nameList(agreed[1]);
    return list && (list.certainty === 1 || list.names.length >= 2) ? { votes: list.names.map((member) => ({ member, vote: '同意' as const })), certainty: list.certainty } : undefined;
  }
  const single = new RegExp(`^([^，。；,;]{2,20}?)(?:投|表示|的意见为|意见为)?(有条件同意|附条件同意|原则同意|反对票|反对|弃权票|弃权|不同意)(?:票)?(.*)$`, 'u').exec(s);
  if (!single) return undefined;
  const member = nameAtEnd(single[1]);
  const vote = voteOf(single[2]);
  if (!member || !vote) return undefined;
  const rest = single[3].replace(/^[，,；;]\s*/u, '');
  return { votes: [{ member: member.name, vote, ...dissent(rest) }], certainty: member.certainty };
}

/** Votes one per line: 张伟：同意 / 李红梅（委员）：反对。理由：… */
function voteLines(layout: Layout): Field<Vote[]> | undefined {
  const votes: Vote[] = [];
  let first: TextLine | undefined;
  for (const p of layout.paragraphs()) {
    const m = /^([\u4e00-\u9fff·]{2,12})(?:[(（][^)）]*[)）])?\s*[:：]\s*(有条件同意|附条件同意|同意|反对|不同意|弃权)(.*)$/u.exec(p.display.trim());
    const member = m && nameAtStart(m[1]);
    const vote = m && voteOf(m[2]);
    if (!m || !member || member.name !== m[1] || !vote) continue;
    votes.push({ member: member.name, vote, ...dissent(m[3]) });
    first ??= spanLine(p, 0, p.text.length);
  }
  return first ? fieldFrom(first, { value: votes, certainty: 0.95 }) : undefined;
}

/** Recusals: 评审委员江洋因曾担任该项目A角客户经理，按规定回避. */
function recusals(layout: Layout): Field<NonNullable<MeetingMinutesFields['recusals']>['value']> | undefined {
  const found = proseMatches(layout, new RegExp(`(?:^|[，。；,;])(${NAME_CHARS}{2,16}?)(?:同志)?(?:因|由于)([^。；]{2,60}?)[，,]?(?:按规定|依规|依照规定|主动|申请|已|自行)?(?:予以)?回避`, 'gu'));
  const out: Array<{ person: string; reason?: string }> = [];
  let first: TextLine | undefined;
  for (const f of found) {
    const n = nameAtEnd(f.match[1]);
    if (!n) continue;
    const reason = f.match[2].replace(/[，,]$/u, '').trim();
    out.push({ person: n.name, ...(reason ? { reason } : {}) });
    first ??= f.line;
  }
  // Also in a table or a labeled line: 回避人员：江洋.
  return first ? fieldFrom(first, { value: out, certainty: 0.9 }) : undefined;
}
