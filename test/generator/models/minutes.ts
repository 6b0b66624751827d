/** 会议纪要: review committee meetings, compensation decisions, board and party meetings. */
import type { Rng } from '../prng.js';
import type { Block, Cell } from '../render.js';
import type { MeetingMinutesTruth } from '../truth.js';
import { distinctNames, debtorName, institution, lendingBank, LEADER_TITLES, LOAN_PURPOSES, MEETING_ROOMS } from '../vocab.js';
import { formatPercent, weekdayZh, zhOrdinal } from '../zh-format.js';
import {
  conventions,
  type DocumentModel,
  enumerate,
  fmtDate,
  fmtMoney,
  irregularAmount,
  lbl,
  nextWorkingDay,
  pageStyle,
  Printed,
  projectId,
  roundAmount,
  workingDay,
} from './common.js';

export const MINUTES_LAYOUTS = ['label-lines', 'form-table', 'narrative'] as const;
export type MinutesLayout = (typeof MINUTES_LAYOUTS)[number];

type MeetingType = NonNullable<MeetingMinutesTruth['meetingType']>;
type VoteValue = '同意' | '反对' | '弃权' | '有条件同意';
type Vote = NonNullable<MeetingMinutesTruth['votes']>[number];

const DISSENT_REASONS = [
  '企业资产负债率达78%，明显偏高，偿债能力不足',
  '反担保措施不足，抵押房产位置偏远、变现能力弱',
  '企业近两年连续亏损，经营性现金流持续为负',
  '实际控制人涉及多起民间借贷纠纷，存在较大信用风险',
  '贷款资金用途不够明确，存在挪用风险',
  '申请金额超过企业上年销售收入的30%，与经营规模不匹配',
];
const ABSTAIN_REASONS = ['对企业近期经营情况了解不充分', '未参加该项目现场调查，暂不发表意见'];
const CONDITIONS = [
  '须追加实际控制人夫妇个人无限连带责任反担保',
  '须落实企业名下厂房抵押登记后方可放款',
  '须由企业股东提供股权质押反担保',
];
const LEGAL_BASES = [
  '《公司项目评审管理办法》第十八条',
  '《公司担保业务操作规程》第二十三条',
  '《公司反担保管理办法》第九条',
  '《融资担保公司监督管理条例》相关规定',
  '《公司风险管理制度》第十二条',
];
const RECUSAL_REASONS = ['与申请企业实际控制人系亲属关系', '曾担任该项目A角客户经理', '与申请企业存在业务往来'];
const ABSENCE_REASONS = ['出差', '公务外出', '病假', '参加上级部门培训'];
const OTHER_AGENDA = ['听取保后管理工作情况汇报', '通报上季度代偿及追偿情况', '学习《融资担保公司监督管理条例》及配套制度'];

interface Scenario {
  type: MeetingType;
  title: string;
  /** 会议 name used in prose: 2024年第12次项目评审会. */
  meetingName: string;
  memberWord: string;
  agenda: string[];
  decision: string;
  amountFen: number;
  amountLabel: string;
  debtor: string;
  bank: string;
  projectId: string;
  projectIntro: string;
  opinion: string;
}

export function buildMinutes(rng: Rng, layout: MinutesLayout = rng.pick(MINUTES_LAYOUTS)): DocumentModel<'MEETING_MINUTES'> {
  const c = conventions(rng.fork('conventions'));
  const inst = institution(rng.fork('institution'));
  const r = rng.fork('scenario');
  const p = new Printed();
  const truth: MeetingMinutesTruth = {};

  const type = r.weighted<MeetingType>([
    ['REVIEW_COMMITTEE', 6],
    ['COLLECTIVE_DECISION', 2],
    ['WORKING_GROUP', 1],
    ['BOARD', 1],
    ['PARTY_ORG', 1],
  ]);
  const year = r.int(2021, 2025);
  const date = workingDay(r, year);
  const session = r.int(1, 36);
  const size = type === 'WORKING_GROUP' ? r.pick([3, 5]) : r.pick([5, 7, 7, 9]);
  const names = distinctNames(r, size + 2, inst.province.key);
  const members = names.slice(0, size);
  const chair = members[0];
  const recorder = names[size];
  const evaluated = names[size + 1];
  const chairTitle = r.pick(LEADER_TITLES);

  const absentCount = r.weighted([
    [0, 6],
    [1, 3],
    [2, 1],
  ] as const);
  const absentees = r.sample(members.slice(1), Math.min(absentCount, size - 3));
  const absenceReasons = absentees.map(() => r.pick(ABSENCE_REASONS));
  const present = members.filter((m) => !absentees.includes(m));
  const recused = type !== 'WORKING_GROUP' && r.chance(0.25) ? [r.pick(present.slice(1))] : [];
  const recusalReasons = recused.map(() => r.pick(RECUSAL_REASONS));
  const voters = present.filter((m) => !recused.includes(m));

  const approve = r.chance(0.8);
  const votes: Vote[] = castVotes(r, voters, approve);

  const debtor = debtorName(r, inst);
  const bank = lendingBank(r, inst);
  const pid = projectId(r, inst.idPrefix, type === 'REVIEW_COMMITTEE' || type === 'BOARD' || type === 'PARTY_ORG' ? year : year - r.int(1, 2));
  const scenario = describe(r, c.proseDate, {
    type,
    year,
    session,
    debtor,
    bank,
    pid,
    approve,
    evaluated,
    conditional: votes.some((v) => v.vote === '有条件同意'),
    p,
  });

  // ---- truth ----
  truth.institutionName = inst.name;
  truth.meetingType = type;
  truth.meetingDate = date;
  truth.chair = chair;
  truth.recorder = recorder;
  truth.attendees = present;
  if (absentees.length) truth.absentees = absentees;
  truth.expectedCount = size;
  truth.presentCount = present.length;
  truth.agenda = scenario.agenda;
  truth.projectId = pid;
  truth.debtorName = debtor;
  truth.amount = scenario.amountFen;
  truth.decision = scenario.decision;
  truth.votes = votes;
  if (recused.length) truth.recusals = recused.map((person, i) => ({ person, reason: recusalReasons[i] }));

  // ---- printed pieces ----
  const minutesNo = p.add('minutesNo', minutesNumber(r, inst.shortName, year, session));
  truth.minutesNo = minutesNo;
  p.add('institutionName', inst.name);
  const dateText = fmtDate(date, c.date);
  const timeText = r.pick(['上午9:00', '上午9:30', '下午2:30', '下午3:00', '上午10时', '下午3时']);
  const location = r.pick(MEETING_ROOMS);
  truth.location = p.add('location', location);
  p.add('chair', chair);
  p.add('recorder', recorder);
  present.forEach((m) => p.add('attendees', m));
  absentees.forEach((m) => p.add('absentees', m));
  scenario.agenda.forEach((a) => p.add('agenda', a));
  p.add('projectId', pid);
  p.add('debtorName', debtor);
  p.add('decision', scenario.decision);
  votes.forEach((v) => {
    p.add('votes', v.member);
    if (v.dissentText) p.add('votes', v.dissentText);
    if (v.legalBasis) p.add('votes', v.legalBasis);
  });
  recused.forEach((m, i) => {
    p.add('recusals', m);
    p.add('recusals', recusalReasons[i]);
  });

  const countSentence = `本次会议应到${scenario.memberWord}${p.add('expectedCount', `${size}人`)}，实到${p.add('presentCount', `${present.length}人`)}${
    absentees.length ? `，${absentees.map((a, i) => `${a}因${absenceReasons[i]}请假`).join('，')}` : ''
  }，符合议事规则规定的人数要求。`;
  const recusalSentence = recused.length
    ? recused.map((m, i) => `${scenario.memberWord}${m}因${recusalReasons[i]}，按规定回避，未参加该事项表决。`).join('')
    : '';

  const blocks: Block[] = [];
  const redHeader = layout !== 'form-table' && r.chance(0.55);
  if (redHeader) {
    blocks.push(
      { type: 'text', text: inst.name, align: 'center', style: { size: 20, bold: true, color: 'red', family: 'serif', letterSpacing: 1 } },
      { type: 'text', text: '会议纪要', align: 'center', style: { size: 30, bold: true, color: 'red', family: 'serif', letterSpacing: 14 }, spaceBefore: 4, spaceAfter: 6 },
      { type: 'text', text: minutesNo, align: 'center', spaceAfter: 2 },
      { type: 'rule', color: 'red', thickness: 2.2, double: r.chance(0.4), spaceAfter: 14 },
      { type: 'text', text: scenario.title, align: 'center', style: { size: 16, bold: true }, spaceAfter: 10 },
    );
  } else {
    blocks.push(
      { type: 'text', text: inst.name, align: 'center', style: { size: 17, bold: true } },
      { type: 'text', text: scenario.title, align: 'center', style: { size: 19, bold: true }, spaceBefore: 4, spaceAfter: 6 },
      { type: 'text', text: `${lbl(c, r.pick(['纪要编号', '编号', '文号']))}${c.colon}${minutesNo}`, align: r.pick(['right', 'left'] as const), spaceAfter: 8 },
    );
  }

  const dateLabel = r.pick(['会议时间', '开会时间', '时间']);
  const placeLabel = r.pick(['会议地点', '地点', '开会地点']);
  const chairLabel = r.pick(['主持人', '主持', '会议主持']);
  const attendeeLabel = r.pick(['出席人员', '参会人员', '到会人员', '参会委员', '出席']);
  const absentLabel = r.pick(['缺席人员', '请假人员', '缺席']);
  const recorderLabel = r.pick(['记录人', '记录', '记录员']);
  const agendaLabel = r.pick(['会议议题', '议题']);
  const dateFull = `${dateText}${r.chance(0.5) ? `（${weekdayZh(date)}）` : ''}${timeText}`;
  const chairText = r.chance(0.5) ? `${chair}（${chairTitle}）` : chair;
  const agendaText =
    scenario.agenda.length === 1 ? scenario.agenda[0] : scenario.agenda.map((a, i) => `${i + 1}.${a}`).join('；');

  if (layout !== 'narrative') p.add('meetingDate', dateText);
  if (layout === 'label-lines') {
    blocks.push({
      type: 'fields',
      colon: c.colon,
      hanging: r.chance(0.7),
      labelWidth: c.spacedLabels ? 5 : undefined,
      items: [
        { label: lbl(c, dateLabel), value: dateFull },
        { label: lbl(c, placeLabel), value: location },
        { label: lbl(c, chairLabel), value: chairText },
        { label: lbl(c, attendeeLabel), value: enumerate(present) },
        ...(absentees.length ? [{ label: lbl(c, absentLabel), value: absentees.map((a, i) => `${a}（${absenceReasons[i]}）`).join('、') }] : []),
        { label: lbl(c, recorderLabel), value: recorder },
        { label: lbl(c, agendaLabel), value: agendaText },
      ],
      spaceAfter: 8,
    });
    blocks.push({ type: 'paragraph', text: countSentence + recusalSentence });
    blocks.push(...sectionHeading(1, '项目基本情况'), { type: 'paragraph', text: scenario.projectIntro });
    blocks.push(...sectionHeading(2, r.pick(['审议情况', '评审意见', '讨论情况'])), { type: 'paragraph', text: scenario.opinion });
    blocks.push(...sectionHeading(3, '表决情况'));
    blocks.push(...voteBlocks(r, votes, scenario.memberWord, r.chance(0.5)));
    blocks.push(...sectionHeading(4, r.pick(['会议议定事项', '会议决定', '议定事项'])));
    blocks.push(...decisionBlocks(r, scenario.decision, scenario.agenda));
  } else if (layout === 'form-table') {
    const boldLabels = r.chance(0.35);
    const L = (t: string): Cell => ({ text: lbl(c, t), align: 'center', bold: boldLabels });
    const rows: Cell[][] = [
      [L('会议名称'), { text: scenario.meetingName, span: 3 }],
      [L(dateLabel), { text: dateFull }, L(placeLabel), { text: location }],
      [L(chairLabel), { text: chairText }, L(recorderLabel), { text: recorder }],
      [L('应到人数'), { text: `${size}人`, align: 'center' }, L('实到人数'), { text: `${present.length}人`, align: 'center' }],
      [L(attendeeLabel), { text: enumerate(present), span: 3 }],
    ];
    p.add('expectedCount', `${size}人`);
    p.add('presentCount', `${present.length}人`);
    if (absentees.length) rows.push([L(absentLabel), { text: absentees.map((a, i) => `${a}（${absenceReasons[i]}）`).join('、'), span: 3 }]);
    rows.push([L(agendaLabel), { text: agendaText, span: 3 }]);
    rows.push([L(r.pick(['项目编号', '业务编号'])), { text: pid }, L(scenario.amountLabel), { text: scenario.amountText }]);
    rows.push([L(r.pick(['申请企业', '被担保人', '借款人'])), { text: debtor, span: 3 }]);
    rows.push([L('会议情况'), { text: `${scenario.projectIntro}${scenario.opinion}${recusalSentence}`, span: 3 }]);
    blocks.push({ type: 'table', widths: [1.25, 2.4, 1.25, 2.4], rows, minRowHeight: 28, spaceAfter: 10 });
    blocks.push({ type: 'text', text: '表决情况：', style: { bold: true } });
    blocks.push(...voteBlocks(r, votes, scenario.memberWord, true));
    blocks.push({
      type: 'table',
      widths: [1.25, 7.3],
      rows: [[L(r.pick(['议定事项', '会议决定'])), { text: decisionText(scenario.decision, scenario.agenda) }]],
      minRowHeight: 40,
      spaceAfter: 10,
    });
  } else {
    // Narrative: everything in running prose.
    const half = timeText.startsWith('上午') ? '上午' : '下午';
    const absentPart = absentees.length ? `，${absentees.map((a, i) => `${a}因${absenceReasons[i]}请假`).join('，')}` : '';
    blocks.push({
      type: 'paragraph',
      text: `${p.add('meetingDate', fmtDate(date, c.proseDate))}${half}，${inst.name}在${location}召开${scenario.meetingName}。会议由${chairTitle}${chair}主持，${enumerate(present)}出席会议${absentPart}。本次会议应到${p.add('expectedCount', `${size}人`)}，实到${p.add('presentCount', `${present.length}人`)}，${recorder}${r.pick(['担任记录', '负责会议记录', '记录'])}。会议议题为：${agendaText}。`,
    });
    blocks.push({ type: 'paragraph', text: scenario.projectIntro });
    blocks.push({ type: 'paragraph', text: scenario.opinion + recusalSentence });
    blocks.push(...voteBlocks(r, votes, scenario.memberWord, false));
    blocks.push({ type: 'paragraph', text: r.pick(['经与会人员充分讨论，会议议定如下：', '经研究，会议议定以下事项：', '会议形成如下意见：']) });
    blocks.push(...decisionBlocks(r, scenario.decision, scenario.agenda));
  }

  // Signatures and closing.
  blocks.push({ type: 'spacer', height: 6 });
  blocks.push({ type: 'signature', label: `${chairLabel === '主持' ? '主持人' : chairLabel}（签字）：`, name: chair, signed: r.chance(0.85) });
  blocks.push({ type: 'signature', label: `${recorderLabel === '记录' ? '记录人' : recorderLabel}（签字）：`, name: recorder, signed: r.chance(0.85) });
  const issued = nextWorkingDay(date, r.int(0, 3));
  blocks.push({
    type: 'closing',
    lines: [inst.name, fmtDate(issued, c.date)],
    seal: r.chance(0.85) ? { name: inst.name } : undefined,
  });
  if (redHeader && r.chance(0.6)) {
    blocks.push(
      { type: 'bottom', height: 80 },
      { type: 'rule', thickness: 0.8, spaceAfter: 2 },
      { type: 'text', text: `${r.pick(['抄送', '分送'])}${c.colon}公司领导班子成员，各部门。`, style: { size: 11 } },
      { type: 'rule', thickness: 0.5, spaceAfter: 2 },
      { type: 'text', text: `${inst.name.replace(/有限(责任)?公司$/, '公司')}综合办公室　　　${fmtDate(issued, 'ymd')}印发`, style: { size: 11 } },
      { type: 'rule', thickness: 0.8 },
    );
  }

  return {
    kind: 'MEETING_MINUTES',
    layout,
    truth,
    printed: p.map,
    blocks,
    style: pageStyle(rng.fork('page'), c, scenario.title, issued, false),
  };

  function describe(
    r2: Rng,
    proseDate: typeof c.proseDate,
    s: {
      type: MeetingType;
      year: number;
      session: number;
      debtor: string;
      bank: string;
      pid: string;
      approve: boolean;
      evaluated: string;
      conditional: boolean;
      p: Printed;
    },
  ): Scenario & { amountText: string } {
    const purpose = r2.pick(LOAN_PURPOSES);
    const term = r2.pick([6, 12, 12, 12, 24, 36]);
    const fee = formatPercent(r2.pick([50, 60, 80, 100, 100, 120, 150]), r2.chance(0.5));
    const review = s.type === 'REVIEW_COMMITTEE' || s.type === 'BOARD' || s.type === 'PARTY_ORG';
    // Sole proprietors and cooperatives borrow far less than companies.
    const maxWan = s.debtor.includes('个体工商户') ? 200 : s.debtor.includes('合作社') ? 500 : 3000;
    const amountFen = review
      ? roundAmount(r2, maxWan <= 200 ? 10 : 50, maxWan, maxWan <= 500 ? 5 : r2.pick([10, 50]))
      : irregularAmount(r2, roundAmount(r2, maxWan <= 200 ? 10 : 100, Math.min(1500, maxWan), 5), 0.6, 1.02);
    const amountText = s.p.add('amount', fmtMoney(r2, amountFen, review ? ['wan', 'rmb-wan', 'upper', 'wan-fixed', 'yuan-sign', 'upper-with-figures'] : ['yuan', 'yuan-sign', 'upper', 'upper-with-figures']));
    const overdue = fmtDate(nextWorkingDay(`${s.year}-${String(r2.int(1, 6)).padStart(2, '0')}-10`, 0), proseDate);
    const intro = review
      ? `业务部门汇报了${s.debtor}（项目编号：${s.pid}）申请${s.bank}${purpose}${amountText}、期限${term}个月的担保项目情况。该企业成立于${r2.int(2005, 2019)}年，主营${r2.pick(['农产品收购与加工', '建材销售', '特色种养殖', '商贸流通', '食品生产'])}，上年实现销售收入${r2.int(800, 9000)}万元，拟以${r2.pick(['企业厂房抵押', '实际控制人个人连带责任保证', '应收账款质押', '机器设备抵押'])}作为反担保措施。`
      : `风险管理部汇报了${s.debtor}（项目编号：${s.pid}）担保项目的逾期情况。该笔贷款于${overdue}逾期，经多次催收，借款人仍无力偿还，${s.bank}已向公司发出代偿通知书，要求代偿贷款本息合计${amountText}。`;
    const opinion = review
      ? `风险管理部发表了审查意见，认为该项目${s.approve ? '风险总体可控' : '存在一定风险隐患'}。与会人员围绕企业经营状况、偿债能力及反担保措施等进行了充分讨论。`
      : `与会人员对代偿原因、追偿措施及相关责任进行了讨论，认为应按照保证合同约定及时履行代偿责任，维护公司信誉，同时加快追偿进度。`;
    const memberWord = s.type === 'REVIEW_COMMITTEE' ? '评审委员' : s.type === 'BOARD' ? '董事' : s.type === 'PARTY_ORG' ? '支委' : '成员';
    const amountShort = review ? fmtMoney(r2, amountFen, ['wan', 'wan-fixed', 'rmb-wan']) : '';
    if (amountShort) s.p.add('amount', amountShort);
    const cond = s.conditional ? `，放款前${r2.pick(CONDITIONS)}` : '';
    let title: string;
    let meetingName: string;
    let first: string;
    let decision: string;
    let amountLabel = r2.pick(['担保金额', '担保额度', '申请金额']);
    switch (s.type) {
      case 'REVIEW_COMMITTEE':
        meetingName = r2.pick([`${s.year}年第${s.session}次项目评审会`, `项目评审委员会${s.year}年第${s.session}次会议`]);
        title = r2.pick([`第${s.session}次项目评审会会议纪要`, `${meetingName}会议纪要`, `${meetingName}纪要`]);
        first = `审议${s.debtor}${amountShort}融资担保项目`;
        decision = s.approve
          ? `同意为${s.debtor}在${s.bank}申请的${amountText}${purpose}提供连带责任保证担保，期限${term}个月，年担保费率${fee}${cond}`
          : `不同意为${s.debtor}提供融资担保`;
        break;
      case 'BOARD':
        meetingName = `第${zhOrdinal(r2.int(1, 5))}届董事会第${zhOrdinal(s.session % 20 || 1)}次会议`;
        title = `${meetingName}纪要`;
        first = `审议《关于为${s.debtor}提供${amountShort}融资担保的议案》`;
        decision = s.approve ? `同意《关于为${s.debtor}提供${amountShort}融资担保的议案》${cond}` : `不同意《关于为${s.debtor}提供${amountShort}融资担保的议案》`;
        break;
      case 'PARTY_ORG':
        meetingName = `党支部委员会${s.year}年第${s.session}次会议`;
        title = `${meetingName}纪要`;
        first = `前置研究${s.debtor}${amountShort}融资担保事项`;
        decision = s.approve ? `同意将${s.debtor}${amountShort}融资担保事项提交董事会审议` : `${s.debtor}融资担保事项暂不提交董事会审议`;
        break;
      case 'COLLECTIVE_DECISION':
        meetingName = r2.pick([`代偿事项集体决策会议`, `${s.year}年第${s.session}次总经理办公会`]);
        title = `${meetingName}纪要`;
        first = `研究${s.debtor}担保贷款代偿事宜`;
        amountLabel = r2.pick(['代偿金额', '代偿额', '拟代偿金额']);
        decision = s.approve
          ? `同意按照保证合同约定向${s.bank}代偿${s.debtor}贷款本息${amountText}，并由风险管理部牵头启动追偿程序`
          : `暂缓代偿，由业务部门进一步核实${s.debtor}还款能力后再行研究`;
        break;
      default: {
        meetingName = r2.pick(['尽职免责认定工作小组会议', '代偿项目尽职免责认定会议']);
        title = `${meetingName}纪要`;
        first = `对${s.debtor}代偿项目相关人员履职情况进行认定`;
        amountLabel = r2.pick(['代偿金额', '代偿额']);
        const conclusion = s.approve ? r2.pick(['尽职', '基本尽职']) : '不尽职';
        decision = `认定${s.evaluated}在${s.debtor}代偿项目中${conclusion}，${conclusion === '不尽职' ? '按规定追究相应责任' : '免于追究相关责任'}`;
        s.p.add('votes', s.evaluated);
      }
    }
    const cue = /项目评审|董事会|党支部委员会|代偿事项集体决策|总经理办公会|尽职免责认定/.exec(meetingName)?.[0];
    if (cue) s.p.add('meetingType', cue);
    const agenda = [first, ...(r2.chance(0.4) ? [r2.pick(OTHER_AGENDA)] : [])];
    return {
      type: s.type,
      title,
      meetingName,
      memberWord,
      agenda,
      decision,
      amountFen,
      amountLabel,
      amountText,
      debtor: s.debtor,
      bank: s.bank,
      projectId: s.pid,
      projectIntro: intro,
      opinion,
    };
  }
}

function castVotes(r: Rng, voters: string[], approve: boolean): Vote[] {
  const n = voters.length;
  const values: VoteValue[] = voters.map(() => '同意');
  if (approve) {
    // At most a third against or abstaining, so two thirds still agree.
    const dissent = Math.min(Math.floor(n / 3), r.weighted([[0, 5], [1, 4], [2, 1]] as const));
    const idx = r.sample([...Array(n).keys()].slice(1), dissent);
    idx.forEach((i) => (values[i] = r.weighted<VoteValue>([['反对', 5], ['弃权', 2], ['有条件同意', 2]])));
  } else {
    const against = Math.ceil(n / 2) + r.int(0, Math.floor(n / 4));
    r.sample([...Array(n).keys()], Math.min(n, against)).forEach((i) => (values[i] = '反对'));
  }
  return voters.map((member, i) => {
    const vote = values[i];
    if (vote === '反对') {
      return r.chance(0.75)
        ? { member, vote, dissentText: r.pick(DISSENT_REASONS), legalBasis: r.pick(LEGAL_BASES) }
        : { member, vote, dissentText: r.pick(DISSENT_REASONS) };
    }
    if (vote === '弃权') return { member, vote, dissentText: r.pick(ABSTAIN_REASONS) };
    if (vote === '有条件同意') return { member, vote, dissentText: r.pick(CONDITIONS) };
    return { member, vote };
  });
}

/** Section headings of Chinese office documents are set in 黑体 (sans bold): 一、… */
function sectionHeading(n: number, text: string): Block[] {
  return [{ type: 'text', text: `${zhOrdinal(n)}、${text}`, style: { bold: true, family: 'sans' }, spaceBefore: 2 }];
}

function voteSentence(v: Vote, memberWord: string): string {
  const reason = v.dissentText ? `，理由：${v.dissentText}` : '';
  const basis = v.legalBasis ? `，依据${v.legalBasis}` : '';
  const verb = v.vote === '反对' ? '投反对票' : v.vote === '弃权' ? '投弃权票' : '有条件同意';
  return `${memberWord}${v.member}${verb}${reason}${basis}。`;
}

function tally(votes: Vote[]): string {
  const count = (v: VoteValue) => votes.filter((x) => x.vote === v).length;
  const cond = count('有条件同意');
  return `同意${count('同意')}票${cond ? `，有条件同意${cond}票` : ''}，反对${count('反对')}票，弃权${count('弃权')}票`;
}

function voteBlocks(r: Rng, votes: Vote[], memberWord: string, asTable: boolean): Block[] {
  if (asTable) {
    const header: Cell[] = ['序号', r.pick(['委员', '姓名', '参会人员']), '表决意见', r.pick(['意见及理由', '理由及依据', '备注'])].map((t) => ({
      text: t,
      align: 'center',
      bold: true,
    }));
    const rows: Cell[][] = votes.map((v, i) => [
      { text: String(i + 1), align: 'center' },
      { text: v.member, align: 'center' },
      { text: v.vote, align: 'center' },
      { text: [v.dissentText, v.legalBasis ? `依据${v.legalBasis}` : ''].filter(Boolean).join('；') },
    ]);
    return [
      { type: 'table', widths: [0.95, 1.6, 1.6, 5], rows: [header, ...rows], minRowHeight: 24, spaceAfter: 4 },
      { type: 'paragraph', text: `表决结果：${tally(votes)}。`, indent: 0, spaceAfter: 4 },
    ];
  }
  const agreed = votes.filter((v) => v.vote === '同意').map((v) => v.member);
  const others = votes.filter((v) => v.vote !== '同意').map((v) => voteSentence(v, memberWord)).join('');
  const agreedText = agreed.length ? `${enumerate(agreed)}同意。` : '';
  return [{ type: 'paragraph', text: `经记名投票表决，${tally(votes)}。其中，${agreedText}${others}` }];
}

function decisionText(decision: string, agenda: string[]): string {
  const extra = agenda.length > 1 ? `二、会议要求各部门认真落实${agenda[1].replace(/^听取|^通报|^学习/, '')}相关工作要求。` : '';
  return `${extra ? '一、' : ''}${decision}。${extra}`;
}

function decisionBlocks(r: Rng, decision: string, agenda: string[]): Block[] {
  const lead = r.chance(0.5) ? '会议议定：' : '';
  return [{ type: 'paragraph', text: lead + decisionText(decision, agenda) }];
}

function minutesNumber(r: Rng, short: string, year: number, session: number): string {
  switch (r.int(0, 3)) {
    case 0:
      return `${short}纪〔${year}〕${session}号`;
    case 1:
      return `〔${year}〕第${session}期`;
    case 2:
      return `评审纪要〔${year}〕第${session}期`;
    default:
      return `JY-${year}-${String(session).padStart(3, '0')}`;
  }
}
