/** 审计报告 / 内部审计报告 / 专项审计报告: multi-page reports with sections and an indicator table. */
import type { Rng } from '../prng.js';
import type { Block, Cell } from '../render.js';
import type { AuditReportTruth } from '../truth.js';
import { auditFirm, distinctNames, institution } from '../vocab.js';
import { formatCount, formatMoney, formatMultiple, formatPercent, wanDecimal, zhOrdinal } from '../zh-format.js';
import { conventions, type DocumentModel, fmtDate, nextWorkingDay, pageStyle, Printed, workingDay } from './common.js';

export const AUDIT_LAYOUTS = ['sections-table', 'cover-form', 'narrative'] as const;
export type AuditLayout = (typeof AUDIT_LAYOUTS)[number];

type AuditKind = NonNullable<AuditReportTruth['auditKind']>;

interface Indicators {
  outstandingBalance: number;
  newGuaranteeAmount: number;
  compensationAmount: number;
  compensationRate: number;
  provisionCoverageRatio: number;
  recoveryRate: number;
  leverageMultiple: number;
  newSmallMicroClients: number;
  avgFeeRate: number;
}

/** Amounts in audit reports are kept in 万元 with two decimals: multiples of 10,000 fen. */
function wanAmount(fen: number): number {
  return Math.max(10_000, Math.round(fen / 10_000) * 10_000);
}

function indicators(r: Rng, netAssets: number): Indicators {
  const leverageMultiple = r.int(120, 560);
  const outstandingBalance = wanAmount((netAssets * leverageMultiple) / 100);
  const newGuaranteeAmount = wanAmount(outstandingBalance * r.float(0.45, 1.1));
  const compensationRate = r.int(25, 480);
  const compensationAmount = wanAmount((newGuaranteeAmount * 0.9 * compensationRate) / 10_000);
  return {
    outstandingBalance,
    newGuaranteeAmount,
    compensationAmount,
    compensationRate,
    provisionCoverageRatio: r.int(12_000, 62_000),
    recoveryRate: r.int(600, 6_800),
    leverageMultiple,
    newSmallMicroClients: r.int(120, 6_500),
    avgFeeRate: r.int(45, 150),
  };
}

const FINDINGS: readonly [string, string][] = [
  ['部分项目保后检查不及时', '抽查的{n}个在保项目中，有{k}个项目未按规定频次开展保后检查，最长超期{d}天。'],
  ['个别项目反担保措施落实不到位', '有{k}个项目评审要求的抵押登记在放款时尚未办理完毕，存在反担保落空风险。'],
  ['担保费减免审批不规范', '{k}笔业务的担保费减免未履行审批程序，涉及担保费{m}万元。'],
  ['代偿追偿台账登记不完整', '追偿台账未及时记录诉讼进展和回收金额，{k}个代偿项目的追偿信息缺失。'],
  ['部分业务档案资料缺失', '抽查的{n}份业务档案中有{k}份缺少保前调查现场照片或评审会签字页。'],
  ['单户担保集中度接近监管上限', '前十大客户在保余额占比偏高，个别客户担保责任余额接近净资产的10%。'],
  ['风险准备金计提依据不充分', '未到期责任准备金按固定比例计提，未结合业务期限结构进行测算。'],
  ['关联交易审批程序不规范', '{k}笔关联方担保业务未提交董事会审议，仅经总经理办公会决定。'],
];

const SUGGESTIONS = [
  '进一步健全保后管理制度，明确检查频次和责任人，将保后检查情况纳入绩效考核。',
  '加强反担保措施落实的事前审核，放款前由风险管理部逐项核对落实情况。',
  '完善代偿追偿管理，建立追偿台账定期核对机制，加大追偿力度。',
  '规范业务档案管理，推进档案电子化，确保资料完整、可追溯。',
  '严格执行担保费收取及减免审批制度，杜绝未经审批擅自减免。',
];

export function buildAuditReport(rng: Rng, layout: AuditLayout = rng.pick(AUDIT_LAYOUTS)): DocumentModel<'AUDIT_REPORT'> {
  const c = conventions(rng.fork('conventions'));
  const inst = institution(rng.fork('institution'));
  const r = rng.fork('scenario');
  const p = new Printed();
  const truth: AuditReportTruth = {};

  const auditKind = r.weighted<AuditKind>([
    ['内部审计', 4],
    ['年度财务审计', 3],
    ['专项检查', 2],
    ['合规检查', 1],
  ]);
  const fiscalYear = r.int(2020, 2024);
  const reportDate = workingDay(r, fiscalYear + 1, 2, 5);
  const fieldStart = nextWorkingDay(reportDate, -r.int(25, 45));
  const fieldEnd = nextWorkingDay(fieldStart, r.int(10, 20));
  const external = auditKind === '年度财务审计' || (auditKind === '专项检查' && r.chance(0.5));
  const firm = auditFirm(r, inst);
  const auditor = external ? firm : `${inst.name}${r.pick(['审计部', '审计稽核部', '纪检审计部', '风险合规部'])}`;
  const firmShort = firm.slice(2, 4);
  const reportNo = external
    ? `${inst.province.short}${firmShort}审字〔${fiscalYear + 1}〕第${String(r.int(1, 400)).padStart(4, '0')}号`
    : r.pick([`${inst.shortName}审〔${fiscalYear + 1}〕${r.int(1, 20)}号`, `NSBG-${fiscalYear + 1}-${String(r.int(1, 40)).padStart(3, '0')}`]);
  const registeredCapital = r.pick([20_000, 30_000, 50_000, 60_000, 100_000, 150_000, 200_000]) * 1_000_000;
  const netAssets = Math.round(registeredCapital * r.float(1.02, 1.35));
  const cur = indicators(r, netAssets);
  const prev = indicators(r, Math.round(netAssets * r.float(0.85, 1)));
  const opinionType =
    auditKind === '年度财务审计'
      ? r.weighted([
          ['标准无保留意见', 7],
          ['带强调事项段的无保留意见', 2],
          ['保留意见', 1],
        ] as const)
      : r.pick(['总体合规', '基本合规', '基本合规', '存在较大风险隐患'] as const);
  const findings = r.sample(FINDINGS, r.int(3, 5)).map(([head, detail]) => ({
    head,
    detail: detail
      .replace('{n}', String(r.int(20, 60)))
      .replace('{k}', String(r.int(2, 6)))
      .replace('{d}', String(r.int(15, 90)))
      .replace('{m}', (r.int(30, 900) / 10).toFixed(1)),
  }));

  Object.assign(truth, {
    reportNo,
    institutionName: inst.name,
    auditKind,
    auditor,
    fiscalYear,
    reportDate,
    opinionType,
    registeredCapital,
    ...cur,
    findings: findings.map((f) => f.head),
  } satisfies AuditReportTruth);

  const title =
    auditKind === '内部审计'
      ? r.pick([`${fiscalYear}年度内部审计报告`, '内部审计报告'])
      : auditKind === '专项检查'
        ? r.pick([`关于${fiscalYear}年度融资担保业务的专项审计报告`, '专项审计报告'])
        : auditKind === '合规检查'
          ? `${fiscalYear}年度合规审计报告`
          : '审计报告';
  p.add('reportNo', reportNo);
  p.add('institutionName', inst.name);
  p.add('auditor', auditor);
  p.add('opinionType', opinionType);
  const reportDateText = p.add('reportDate', fmtDate(reportDate, c.date));
  p.add('auditKind', title.includes('内部审计') ? '内部审计' : title.includes('专项') ? '专项审计' : title.includes('合规') ? '合规审计' : '审计报告');
  findings.forEach((f) => p.add('findings', f.head));

  const blocks: Block[] = [];
  const cover = layout === 'cover-form' || (layout === 'sections-table' && r.chance(0.3));
  if (cover) {
    blocks.push(
      { type: 'spacer', height: 120 },
      { type: 'text', text: inst.name, align: 'center', style: { size: 22, bold: true } },
      {
        type: 'text',
        text: title,
        align: 'center',
        // One line on the cover: shrink long titles.
        style: { size: Math.min(26, Math.floor(400 / title.length)), bold: true, letterSpacing: title.length <= 6 ? 10 : 1 },
        spaceBefore: 24,
        spaceAfter: 30,
      },
      { type: 'text', text: `${r.pick(['报告编号', '编号'])}${c.colon}${reportNo}`, align: 'center', spaceAfter: 200 },
      { type: 'text', text: `${r.pick(['审计单位', '审计机构', '实施单位'])}${c.colon}${auditor}`, align: 'center' },
      { type: 'text', text: `${r.pick(['报告日期', '出具日期'])}${c.colon}${reportDateText}`, align: 'center' },
      { type: 'pageBreak' },
    );
  }
  blocks.push({ type: 'text', text: title, align: 'center', style: { size: 20, bold: true, letterSpacing: title.length <= 6 ? 8 : 1 }, spaceAfter: 4 });
  blocks.push({ type: 'text', text: reportNo, align: r.pick(['center', 'right'] as const), spaceAfter: 10 });
  const addressee = external ? `${inst.name}${r.pick(['全体股东', '董事会'])}：` : r.pick(['公司董事会：', '公司党委、董事会：', `${inst.name}：`]);
  blocks.push({ type: 'text', text: addressee });

  const yearText = p.add('fiscalYear', `${fiscalYear}年度`);
  if (auditKind === '年度财务审计') {
    blocks.push({
      type: 'paragraph',
      text: `我们审计了${inst.name}（以下简称“公司”）财务报表，包括${fiscalYear}年12月31日的资产负债表，${yearText}的利润表、现金流量表、所有者权益变动表以及相关财务报表附注。`,
    });
  } else {
    blocks.push({
      type: 'paragraph',
      text: `根据年度审计工作计划，${auditor.replace(inst.name, '')}于${fmtDate(fieldStart, c.proseDate)}至${fmtDate(fieldEnd, c.proseDate)}对${inst.name}（以下简称“公司”）${yearText}融资担保业务经营管理情况进行了${auditKind === '专项检查' ? '专项审计' : auditKind === '合规检查' ? '合规审计' : '内部审计'}。审计采取查阅资料、抽查档案、个别访谈等方式进行，现将审计情况报告如下。`,
    });
  }

  let section = 0;
  const heading = (t: string): Block => ({ type: 'text', text: `${zhOrdinal(++section)}、${t}`, style: { bold: true, family: 'sans' }, spaceBefore: 4 });

  const capitalText = p.add('registeredCapital', formatMoney(registeredCapital, r.pick(['wan', 'rmb-wan', 'upper'] as const)));
  if (auditKind === '年度财务审计') {
    blocks.push(heading('审计意见'));
    blocks.push({
      type: 'paragraph',
      text: `我们认为，后附的财务报表在所有重大方面按照企业会计准则的规定编制，公允反映了公司${fiscalYear}年12月31日的财务状况以及${yearText}的经营成果和现金流量。`,
    });
    blocks.push({ type: 'paragraph', text: `审计意见类型：${opinionType}。` });
  }

  blocks.push(heading(r.pick(['基本情况', '被审计单位基本情况', '公司基本情况'])));
  if (layout === 'cover-form') {
    const bold = r.chance(0.5);
    const L = (t: string): Cell => ({ text: t, align: 'center', bold });
    blocks.push({
      type: 'table',
      widths: [1.3, 2.6, 1.3, 2.2],
      rows: [
        [L('被审计单位'), { text: inst.name, span: 3 }],
        [L('注册资本'), { text: capitalText }, L('审计期间'), { text: yearText }],
        [L('审计类型'), { text: auditKind === '年度财务审计' ? '年度财务审计' : title.replace(/报告$/, '').replace(/^.*年度/, '') }, L('员工人数'), { text: `${r.int(18, 160)}人` }],
        [L('审计单位'), { text: auditor, span: 3 }],
      ],
      minRowHeight: 26,
    });
  } else {
    blocks.push({
      type: 'paragraph',
      text: `公司成立于${r.int(2003, 2016)}年，注册资本${capitalText}，是${inst.province.prefix}${r.pick(['政府性融资担保体系重要成员', '省级再担保体系合作机构', '地方政府出资设立的政府性融资担保机构'])}，主要从事借款类担保、发行债券担保及其他融资担保业务。`,
    });
  }

  blocks.push(heading(r.pick(['主要经营指标', '业务经营情况', '主要业务指标完成情况'])));
  if (layout === 'narrative') {
    const money = (fen: number, field: string) => p.add(field, `${wanDecimal(fen, { fixed: 2 })}万元`);
    const pct = (bp: number, field: string) => p.add(field, formatPercent(bp));
    blocks.push({
      type: 'paragraph',
      text: `截至${fiscalYear}年末，公司在保余额${money(cur.outstandingBalance, 'outstandingBalance')}，融资担保放大倍数${p.add('leverageMultiple', formatMultiple(cur.leverageMultiple))}。全年新增担保金额${money(cur.newGuaranteeAmount, 'newGuaranteeAmount')}，新增小微企业和“三农”户数${p.add('newSmallMicroClients', `${formatCount(cur.newSmallMicroClients, r.chance(0.5))}户`)}，平均担保费率${pct(cur.avgFeeRate, 'avgFeeRate')}。当年代偿金额${money(cur.compensationAmount, 'compensationAmount')}，代偿率${pct(cur.compensationRate, 'compensationRate')}，担保代偿回收率${pct(cur.recoveryRate, 'recoveryRate')}，拨备覆盖率${pct(cur.provisionCoverageRatio, 'provisionCoverageRatio')}。上年同期在保余额为${wanDecimal(prev.outstandingBalance, { fixed: 2 })}万元，代偿率为${formatPercent(prev.compensationRate)}。`,
    });
  } else {
    blocks.push(...indicatorTable(r, fiscalYear, cur, prev, p));
  }

  blocks.push(heading(r.pick(['审计发现的主要问题', '存在的主要问题', '审计发现'])));
  findings.forEach((f, i) => {
    blocks.push({ type: 'paragraph', text: `（${zhOrdinal(i + 1)}）${f.head}。${f.detail}` });
  });

  if (auditKind !== '年度财务审计') {
    blocks.push(heading(r.pick(['审计结论', '审计评价', '总体评价'])));
    blocks.push({
      type: 'paragraph',
      text: `经审计，公司${yearText}融资担保业务经营管理${opinionType}，${opinionType === '存在较大风险隐患' ? '需立即组织整改' : '内部控制制度总体健全并得到有效执行'}。审计意见：${opinionType}。`,
    });
  }
  blocks.push(heading('审计建议'));
  r.sample(SUGGESTIONS, 3).forEach((s, i) => blocks.push({ type: 'paragraph', text: `${i + 1}.${s}` }));

  if (auditKind === '年度财务审计') {
    const [cpa1, cpa2] = distinctNames(r, 2, inst.province.key);
    blocks.push({ type: 'spacer', height: 10 });
    blocks.push({ type: 'signature', label: '中国注册会计师：', name: cpa1, signed: true, date: '（签名并盖章）' });
    blocks.push({ type: 'signature', label: '中国注册会计师：', name: cpa2, signed: true, date: '（签名并盖章）' });
  }
  blocks.push({ type: 'closing', lines: [auditor, reportDateText], seal: { name: auditor.replace(/（.*）$/, '') } });

  const model: DocumentModel<'AUDIT_REPORT'> = {
    kind: 'AUDIT_REPORT',
    layout,
    truth,
    printed: p.map,
    blocks,
    style: pageStyle(rng.fork('page'), c, `${inst.name}${title}`, reportDate, true),
  };
  if (r.chance(0.5)) model.style.ridingSeal = { name: auditor.replace(/（.*）$/, '') };
  return model;
}

function indicatorTable(r: Rng, year: number, cur: Indicators, prev: Indicators, p: Printed): Block[] {
  const unitColumn = r.chance(0.6);
  type Row = { key: keyof Indicators; labels: string[]; unit: string };
  const rows: Row[] = [
    { key: 'outstandingBalance', labels: ['期末在保余额', '在保余额', '融资担保在保余额'], unit: '万元' },
    { key: 'newGuaranteeAmount', labels: ['本年新增担保额', '新增担保金额', '当年新增担保'], unit: '万元' },
    { key: 'newSmallMicroClients', labels: ['新增小微三农户数', '新增小微企业和“三农”户数', '支小支农新增户数'], unit: '户' },
    { key: 'avgFeeRate', labels: ['平均担保费率', '平均年化担保费率', '综合担保费率'], unit: '%' },
    { key: 'compensationAmount', labels: ['当年代偿额', '代偿金额', '本期代偿金额'], unit: '万元' },
    { key: 'compensationRate', labels: ['担保代偿率', '代偿率', '当年代偿率'], unit: '%' },
    { key: 'recoveryRate', labels: ['担保代偿回收率', '代偿回收率', '累计代偿回收率'], unit: '%' },
    { key: 'provisionCoverageRatio', labels: ['拨备覆盖率'], unit: '%' },
    { key: 'leverageMultiple', labels: ['融资担保放大倍数', '放大倍数'], unit: '倍' },
  ];
  const ordered = r.chance(0.5) ? rows : r.shuffle(rows);
  // With a unit column the cells are bare numbers; without one, the caption says 单位：万元 and
  // the other cells carry their own units.
  const fmt = (row: Row, v: number): string => {
    if (row.unit === '万元') return wanDecimal(v, { fixed: 2 });
    if (row.unit === '%') return unitColumn ? formatPercent(v).replace('%', '') : formatPercent(v);
    if (row.unit === '倍') return unitColumn ? formatMultiple(v).replace('倍', '') : formatMultiple(v);
    return unitColumn ? formatCount(v, true) : `${formatCount(v, true)}户`;
  };
  const change = (row: Row): string => {
    const a = prev[row.key];
    const b = cur[row.key];
    if (row.unit === '%') {
      const d = (b - a) / 100;
      return `${d >= 0 ? '+' : ''}${d.toFixed(2)}个百分点`;
    }
    const pct = ((b - a) / a) * 100;
    return `${pct >= 0 ? '+' : ''}${pct.toFixed(2)}%`;
  };
  const prevFirst = r.chance(0.7);
  const yearCols = prevFirst ? [`${year - 1}年`, `${year}年`] : [`${year}年`, `${year - 1}年`];
  const header: Cell[] = [
    { text: '序号', align: 'center', bold: true },
    { text: '指标名称', align: 'center', bold: true },
    ...(unitColumn ? [{ text: '单位', align: 'center' as const, bold: true }] : []),
    ...yearCols.map((t) => ({ text: t, align: 'center' as const, bold: true })),
    { text: '同比变动', align: 'center', bold: true },
  ];
  const body: Cell[][] = ordered.map((row, i) => {
    const curText = p.add(row.key, fmt(row, cur[row.key]));
    const prevText = fmt(row, prev[row.key]);
    const values = prevFirst ? [prevText, curText] : [curText, prevText];
    return [
      { text: String(i + 1), align: 'center' },
      { text: r.pick(row.labels) },
      ...(unitColumn ? [{ text: row.unit, align: 'center' as const }] : []),
      ...values.map((t) => ({ text: t, align: 'right' as const })),
      { text: change(row), align: 'right' },
    ];
  });
  return [
    {
      type: 'table',
      caption: unitColumn ? { text: `${r.pick(['表1', '附表'])}　主要经营指标情况表`, align: 'center' } : { text: '单位：万元', align: 'right' },
      widths: unitColumn ? [0.8, 3, 0.9, 2, 2, 2.2] : [0.8, 3.2, 2.3, 2.3, 2.2],
      rows: [header, ...body],
      minRowHeight: 22,
      style: { size: 10.5 },
    },
  ];
}
