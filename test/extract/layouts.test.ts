/**
 * Hand-written layouts the generator does not make: other synonyms and spacing, tables laid
 * out by alignment alone, values on the next line, full-width characters, OCR-like geometry
 * (one word per Chinese character, cells read as separate lines) and OCR errors.
 */
import { describe, expect, it } from 'vitest';
import { extractAuditReport } from '../../shared/extract/audit-report.js';
import { extractFields } from '../../shared/extract/extract.js';
import { conclusionValue, extractFactSheet, objectionValue } from '../../shared/extract/fact-sheet.js';
import { Layout } from '../../shared/extract/layout.js';
import { extractMinutes } from '../../shared/extract/minutes.js';
import { isPersonName, nameAtEnd, nameAtStart, nameList } from '../../shared/extract/names.js';
import { periodColumn, unitIn } from '../../shared/extract/table.js';
import { REVIEW_CONFIDENCE } from '../../shared/pipeline/review.js';
import { findInstitution } from '../../shared/extract/values.js';
import { documentLines } from '../../shared/extract/lines.js';
import { linesOf, ocrDocument, ocrLines } from './helpers.js';

describe('form tables read from OCR-like geometry', () => {
  // A ruled form as Tesseract reads it: every cell its own line, one word per character, the
  // wrapped value of a tall row centred on the label's row (one line above it, one below).
  const lines = ocrLines([
    { text: '尽职免责事实认定材料', x: 200, y: 60, size: 18 },
    { text: '项目编号', x: 90, y: 120 },
    { text: 'YNDB-2023-0147', x: 170, y: 120 },
    { text: '担保期限', x: 320, y: 120 },
    { text: '12个月', x: 400, y: 120 },
    { text: '代　偿　额', x: 90, y: 150 },
    { text: '¥6,267,863.71', x: 170, y: 150 },
    { text: '当 事 人', x: 92, y: 180 },
    { text: '古丽娜尔·热合曼', x: 170, y: 180 },
    { text: '岗　　位', x: 320, y: 180 },
    { text: '业务一部客户经理', x: 400, y: 172 },
    { text: '（A角）', x: 400, y: 188 },
    { text: '认定日期', x: 90, y: 210 },
    { text: '2022.5.18', x: 170, y: 210 },
    { text: '送达日期', x: 320, y: 210 },
    { text: '2022.5.23', x: 400, y: 210 },
    { text: '经调查核实，当事人在保前调查中对企业经营场所、', x: 170, y: 236 },
    { text: '财务状况及反担保物进行了实地核查，调查报告', x: 170, y: 252 },
    { text: '认定事实', x: 90, y: 260 },
    { text: '内容真实完整；保后管理期间按规定开展检查。', x: 170, y: 268 },
    { text: '认定结论', x: 90, y: 300 },
    { text: '□尽职　■基本尽职　□不尽职', x: 170, y: 300 },
  ]);
  const f = extractFactSheet(lines);

  it('takes the value cell right of a label cell, without a colon', () => {
    expect(f.projectId?.value).toBe('YNDB-2023-0147');
    expect(f.compensationAmount?.value).toBe(626_786_371);
  });
  it('reads spaced labels and several label/value pairs on one row', () => {
    expect(f.evaluatedPerson?.value).toBe('古丽娜尔·热合曼');
    expect(f.conclusionDate?.value).toBe('2022-05-18');
    expect(f.deliveryDate?.value).toBe('2022-05-23');
  });
  it('joins a wrapped value whose lines stand above and below its label', () => {
    expect(f.position?.value).toBe('业务一部客户经理（A角）');
    expect(f.facts?.value).toBe('经调查核实，当事人在保前调查中对企业经营场所、财务状况及反担保物进行了实地核查，调查报告内容真实完整；保后管理期间按规定开展检查。');
  });
  it('reads the ticked option', () => {
    expect(f.conclusion?.value).toBe('基本尽职');
  });
  it('gives provenance: the page and the box of label and value', () => {
    expect(f.deliveryDate?.provenance.page).toBe(1);
    expect(f.deliveryDate?.provenance.bbox?.x0).toBe(320);
    expect(f.deliveryDate?.provenance.sourceText).toContain('2022.5.23');
  });
  it('reads the same form when an engine gives whole rows as lines', () => {
    const merged = extractFactSheet(
      ocrLines(
        [
          { text: '认定日期', x: 90, y: 210 },
          { text: '2022.5.18', x: 170, y: 210 },
          { text: '送达日期', x: 320, y: 210 },
          { text: '2022.5.23', x: 400, y: 210 },
        ],
        { mergeRows: true },
      ),
    );
    expect(merged.conclusionDate?.value).toBe('2022-05-18');
    expect(merged.deliveryDate?.value).toBe('2022-05-23');
  });
});

describe('labels in other variants', () => {
  it('reads synonyms, spacing, full-width characters and titles after names', () => {
    const f = extractMinutes(
      linesOf(`
某某市融资担保有限公司
总经理办公会会议纪要
开会日期：２０２４年３月５日
召开地点：本部三楼会议室
会议主持人：王建国 总经理
与会人员：王建国、李红梅、张伟
请假人员：赵敏（病假）
会议记录人：陈晨
应到人数：４人
实到人数：３人
`),
    );
    expect(f.meetingType?.value).toBe('COLLECTIVE_DECISION');
    expect(f.meetingDate?.value).toBe('2024-03-05');
    expect(f.location?.value).toBe('本部三楼会议室');
    expect(f.chair?.value).toBe('王建国');
    expect(f.attendees?.value).toEqual(['王建国', '李红梅', '张伟']);
    expect(f.absentees?.value).toEqual(['赵敏']);
    expect(f.recorder?.value).toBe('陈晨');
    expect(f.expectedCount?.value).toBe(4);
    expect(f.presentCount?.value).toBe(3);
  });

  it('takes a value from the next line when its label stands alone', () => {
    const f = extractFactSheet(linesOf('被评议人\n李红梅\n评议结论\n基本尽职\n送达时间\n2023年9月4日'));
    expect(f.evaluatedPerson?.value).toBe('李红梅');
    expect(f.conclusion?.value).toBe('基本尽职');
    expect(f.deliveryDate?.value).toBe('2023-09-04');
  });

  it('tolerates an OCR error in a label followed by a colon', () => {
    const f = extractMinutes(linesOf('会仪时间：2023年3月5日\n主持人：王建国'));
    expect(f.meetingDate?.value).toBe('2023-03-05');
    expect(f.meetingDate!.confidence).toBeLessThan(1);
  });

  it('does not read a word of a title as a label with a value', () => {
    const f = extractFactSheet(linesOf('事实认定材料\n编号：认定〔2020〕第17号'));
    expect(f.facts).toBeUndefined();
    expect(f.caseId?.value).toBe('认定〔2020〕第17号');
  });
});

describe('tables laid out by alignment', () => {
  const AUDIT = `
2023年度内部审计报告
被审计单位：某某市融资担保有限公司
审计期间：2023年1月1日至2023年12月31日
主要经营指标（金额单位：万元）
指标名称            上年数        本年数
期末在保余额        98,000.00     125,600.50
担保代偿率          1.20          2.35
拨备覆盖率(%)       180.00        156.20
融资担保放大倍数    2.80倍        3.52倍
新增小微三农户数    1,020户       1,234户
`;
  const f = extractAuditReport(linesOf(AUDIT));

  it('takes the current-year column and the units of the header and caption', () => {
    expect(f.fiscalYear?.value).toBe(2023);
    expect(f.outstandingBalance?.value).toBe(125_600_50 * 10_000);
    expect(f.provisionCoverageRatio?.value).toBe(15_620);
    expect(f.leverageMultiple?.value).toBe(352);
    expect(f.newSmallMicroClients?.value).toBe(1234);
  });
  it('does not read a rate without its % sign as a rate', () => {
    expect(f.compensationRate).toBeUndefined();
  });

  it('reads a unit column and year columns, the report year first or last', () => {
    const table = (first: string, second: string) =>
      extractAuditReport(
        linesOf(`
审计报告
审计期间：2024年度
序号  指标名称      单位    ${first}       ${second}      同比变动
1     在保余额      万元    ${first === '2024年' ? '272,524.19' : '101,731.05'}    ${first === '2024年' ? '101,731.05' : '272,524.19'}    +167.89%
2     代偿率        %       ${first === '2024年' ? '3.49' : '0.92'}          ${first === '2024年' ? '0.92' : '3.49'}          +2.57个百分点
`),
      );
    for (const f2 of [table('2024年', '2023年'), table('2023年', '2024年')]) {
      expect(f2.outstandingBalance?.value).toBe(272_524_19 * 10_000);
      expect(f2.compensationRate?.value).toBe(349);
    }
  });

  it('never takes a prior-year column when the report year has none', () => {
    const f2 = extractAuditReport(
      linesOf(`
2024年度审计报告
审计期间：2024年度
指标名称        2022年       2023年
在保余额        90,000.00    100,000.00
`),
    );
    expect(f2.outstandingBalance).toBeUndefined();
  });
});

describe('a date with a 1 OCR read as a bracket', () => {
  it('is read, for a person to confirm, beside its label and at the opening of a narrative', () => {
    const f = extractMinutes(linesOf('项目评审委员会会议纪要\n开会时间：2022年1]月15日上午9:00'));
    expect(f.meetingDate?.value).toBe('2022-11-15');
    expect(f.meetingDate!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    const g = extractMinutes(linesOf('项目评审会纪要\n2024年]月24日上午，新疆安泰融资担保集团有限公司在公司五楼第一会议室召开2024年第3次项目评审会。'));
    expect(g.meetingDate?.value).toBe('2024-01-24');
    expect(g.meetingDate!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe('narrative minutes', () => {
  const TEXT = `
乌鲁木齐市某某融资担保有限公司
党支部委员会会议纪要
　　2024年6月12日下午，党支部委员会在公司五楼会议室召开2024年第3次会议。会议由党支部书记、董事长古丽娜尔·热合曼同志主持。出席会议的有：古丽娜尔·热合曼、王建国、李红梅、张伟。赵敏因病请假。本次会议应到委员5人，实到委员4人，阿依古丽·吐尔逊记录。
　　会议议题：1.前置研究某某商贸有限公司800万元融资担保事项；2.学习有关制度。
　　经表决，同意2票，反对1票，弃权0票，有条件同意1票。其中，古丽娜尔·热合曼、王建国同意。李红梅有条件同意，理由：须追加股权质押。张伟投反对票，理由：企业负债率偏高，依据《公司评审管理办法》第十条。
　　委员刘洋因与申请企业存在关联关系，主动回避。
`;
  const f = extractMinutes(linesOf(TEXT));

  it('reads chair, attendees, absentees, counts and recorder from sentences', () => {
    expect(f.meetingType?.value).toBe('PARTY_ORG');
    expect(f.meetingDate?.value).toBe('2024-06-12');
    expect(f.location?.value).toBe('公司五楼会议室');
    expect(f.chair?.value).toBe('古丽娜尔·热合曼');
    expect(f.attendees?.value).toEqual(['古丽娜尔·热合曼', '王建国', '李红梅', '张伟']);
    expect(f.absentees?.value).toEqual(['赵敏']);
    expect(f.expectedCount?.value).toBe(5);
    expect(f.presentCount?.value).toBe(4);
    expect(f.recorder?.value).toBe('阿依古丽·吐尔逊');
    expect(f.agenda?.value).toEqual(['前置研究某某商贸有限公司800万元融资担保事项', '学习有关制度']);
  });
  it('reads each vote with its reason and legal basis, and recusals', () => {
    expect(f.votes?.value).toEqual([
      { member: '古丽娜尔·热合曼', vote: '同意' },
      { member: '王建国', vote: '同意' },
      { member: '李红梅', vote: '有条件同意', dissentText: '须追加股权质押' },
      { member: '张伟', vote: '反对', dissentText: '企业负债率偏高', legalBasis: '《公司评审管理办法》第十条' },
    ]);
    expect(f.recusals?.value).toEqual([{ person: '刘洋', reason: '与申请企业存在关联关系' }]);
  });
});

describe('vote tables', () => {
  it('reads a table without lines whose names wrap over two lines', () => {
    const lines = ocrLines([
      { text: '序号', x: 90, y: 100 },
      { text: '姓名', x: 150, y: 100 },
      { text: '表决意见', x: 230, y: 100 },
      { text: '备注', x: 380, y: 100 },
      { text: '1', x: 98, y: 124 },
      { text: '张伟', x: 150, y: 124 },
      { text: '同意', x: 236, y: 124 },
      { text: '阿依古丽·', x: 140, y: 144 },
      { text: '2', x: 98, y: 152 },
      { text: '弃权', x: 236, y: 152 },
      { text: '未参加现场调查', x: 320, y: 152 },
      { text: '吐尔逊', x: 146, y: 160 },
      { text: '3', x: 98, y: 182 },
      { text: '李红梅', x: 144, y: 182 },
      { text: '反对', x: 236, y: 182 },
      { text: '负债率偏高；依据《公司评审', x: 320, y: 174 },
      { text: '管理办法》第十条', x: 320, y: 190 },
      { text: '表决结果：同意1票，反对1票，弃权1票。', x: 80, y: 216 },
    ]);
    expect(extractMinutes(lines).votes?.value).toEqual([
      { member: '张伟', vote: '同意' },
      { member: '阿依古丽·吐尔逊', vote: '弃权', dissentText: '未参加现场调查' },
      { member: '李红梅', vote: '反对', dissentText: '负债率偏高', legalBasis: '《公司评审管理办法》第十条' },
    ]);
  });

  it('keeps a member whose name OCR garbled into no known surname, and takes the reading the attendance gives, for review', () => {
    const lines = ocrLines([
      { text: '参会人员：夏荣、薛明、闫玲', x: 80, y: 70 },
      { text: '序号', x: 90, y: 100 },
      { text: '委员', x: 150, y: 100 },
      { text: '表决意见', x: 230, y: 100 },
      { text: '1', x: 98, y: 124 },
      { text: '夏荣', x: 150, y: 124 },
      { text: '同意', x: 236, y: 124 },
      { text: '2', x: 98, y: 148 },
      { text: '薛明', x: 150, y: 148 },
      { text: '同意', x: 236, y: 148 },
      { text: '3', x: 98, y: 172 },
      { text: '辣玲', x: 150, y: 172 },
      { text: '同意', x: 236, y: 172 },
    ]);
    const votes = extractMinutes(lines).votes;
    expect(votes?.value.map((v) => v.member)).toEqual(['夏荣', '薛明', '闫玲']);
    expect(votes!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe('ruled tables the reader found', () => {
  // A vote table read cell by cell: one line per table row; OCR lost the 序号 of the first row.
  const pieces = [
    { text: '序号', x: 90, y: 100 },
    { text: '参会人员', x: 150, y: 100 },
    { text: '表决意见', x: 260, y: 100 },
    { text: '廖国华', x: 150, y: 130 },
    { text: '同意', x: 266, y: 130 },
    { text: '2', x: 98, y: 160 },
    { text: '陆继红', x: 150, y: 160 },
    { text: '同意', x: 266, y: 160 },
    { text: '3', x: 98, y: 190 },
    { text: '肖建华', x: 150, y: 190 },
    { text: '反对', x: 266, y: 190 },
  ];
  const ruled = () => {
    const doc = ocrDocument(pieces, { mergeRows: true });
    const xs = [80, 140, 250, 360];
    const ys = [94, 122, 152, 182, 212];
    const cells = ys.slice(0, -1).flatMap((y0, r) =>
      xs.slice(0, -1).map((x0, c) => ({ row: r + 1, column: c + 1, rowSpan: 1, columnSpan: 1, text: '', confidence: 1, bbox: { x0, y0, x1: xs[c + 1], y1: ys[r + 1] } })),
    );
    doc.pages[0].tables = [{ rows: 4, columns: 3, confidence: 1, bbox: { x0: 80, y0: 94, x1: 360, y1: 212 }, cells }];
    return doc;
  };

  it('takes every row between two rules as a record, even one whose key OCR lost', () => {
    expect(extractMinutes(documentLines(ruled())).votes?.value).toEqual([
      { member: '廖国华', vote: '同意' },
      { member: '陆继红', vote: '同意' },
      { member: '肖建华', vote: '反对' },
    ]);
  });

  it('without the rules, cannot tell that row apart (the reason rules are looked for)', () => {
    const votes = extractMinutes(documentLines(ocrDocument(pieces, { mergeRows: true }))).votes?.value ?? [];
    expect(votes.map((v) => v.member)).not.toContain('廖国华');
  });
});

describe('honesty: no value rather than a wrong one', () => {
  it('doubts a person read one way on the form and another way in the facts', () => {
    const sheet = (facts: string) =>
      extractFactSheet(
        linesOf(`尽职免责事实认定材料
被评议人：谭春伦
认定事实：${facts}`),
      );
    expect(sheet('经调查核实，谭春花作为该项目风控专员，已尽职。').evaluatedPerson!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(sheet('经调查核实，谭春伦作为该项目风控专员，已尽职。').evaluatedPerson!.confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });

  it('checks an institution name against its other readings in the document', () => {
    const twice = linesOf(`山西虽染市融资担保有限责任公司
会议纪要
山西吕梁市融资担保有限责任公司于2024年3月5日召开评审会。
山西吕梁市融资担保有限责任公司`);
    expect(findInstitution(twice)).toMatchObject({ value: '山西吕梁市融资担保有限责任公司' });
    const once = linesOf(`山西虽染市融资担保有限责任公司
会议纪要
山西吕梁市融资担保有限责任公司于2024年3月5日召开评审会。`);
    const field = findInstitution(once)!;
    expect(field.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('is as sure of an institution name standing alone as of its weakest character, not of its line on average', () => {
    const doc = ocrDocument([{ text: '甘肃感和融资担保有限公司', x: 100, y: 60 }], { confidence: 0.92 });
    const title = doc.pages[0].lines[0];
    title.words[2] = { ...title.words[2], confidence: 0.64 };
    expect(title.confidence).toBeGreaterThan(REVIEW_CONFIDENCE);
    const field = findInstitution(documentLines(doc))!;
    expect(field.value).toBe('甘肃感和融资担保有限公司');
    expect(field.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('does not take a sentence for a name', () => {
    const f = extractFactSheet(linesOf('本材料已送达被评议人。被评议人在规定期限内未提出异议。'));
    expect(f.evaluatedPerson).toBeUndefined();
    expect(f.objectionFiled?.value).toBe(false);
  });

  it('reports a label whose value cannot be read, so a person is asked', () => {
    const { extracted, unreadable } = extractFields('FACT_SHEET', linesOf('被评议人：李红梅\n送达日期：2023年13月45日'));
    expect(extracted.fields).not.toHaveProperty('deliveryDate');
    expect(unreadable.map((u) => u.field)).toContain('deliveryDate');
  });

  it('keeps values below the review threshold when they are guesses', () => {
    // The latest of two year columns, when the report's year is unknown.
    const f = extractAuditReport(linesOf('指标名称        2022年       2023年\n在保余额        90,000.00    100,000.00\n单位：万元'));
    if (f.outstandingBalance) expect(f.outstandingBalance.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('does not take the prior year from running text', () => {
    const f = extractAuditReport(linesOf('2023年度审计报告\n上年同期在保余额为322,645.84万元，代偿率为2.30%。'));
    expect(f.outstandingBalance).toBeUndefined();
    expect(f.compensationRate).toBeUndefined();
  });
});

describe('building blocks', () => {
  it('tells names from titles and sentences', () => {
    expect(isPersonName('古丽娜尔·热合曼')).toBe(true);
    expect(isPersonName('欧阳建国')).toBe(true);
    expect(isPersonName('在规定期')).toBe(false);
    expect(isPersonName('总经理')).toBe(false);
    expect(nameAtEnd('党支部书记、董事长郭磊')?.name).toBe('郭磊');
    expect(nameAtEnd('评审委员江洋')?.name).toBe('江洋');
    expect(nameAtEnd('主任马丽')?.name).toBe('马丽');
    expect(nameList('张三、李四（财务总监）、王五等3人')?.names).toEqual(['张三', '李四', '王五']);
    // A rare surname is kept, but the list is doubtful; what is no name at all is left out.
    expect(nameList('张三、仉明')).toEqual({ names: ['张三', '仉明'], certainty: 0.6 });
    expect(nameList('张三、会议室一楼东侧')?.certainty).toBeLessThan(REVIEW_CONFIDENCE);
    // marks OCR left around a name, and a character it added before one, are dropped, with doubt
    expect(nameList('杜娟、”向子涵')).toEqual({ names: ['杜娟', '向子涵'], certainty: 1 });
    expect(nameList('曾秀英、和孔建新')).toEqual({ names: ['曾秀英', '孔建新'], certainty: 0.6 });
  });

  it('chooses the period column and reads units', () => {
    const cols = (...names: string[]) => names.map((name) => ({ name, left: 0, right: 0, header: [] }));
    expect(periodColumn(cols('指标', '2023年', '2024年'), 2024)).toEqual({ index: 2, certainty: 1 });
    expect(periodColumn(cols('项目', '本期金额', '上期金额'))?.index).toBe(1);
    expect(periodColumn(cols('项目', '期初余额', '期末余额'))?.index).toBe(2);
    expect(periodColumn(cols('指标', '2022年', '2023年'), 2024)).toBeUndefined();
    // a year whose 年 OCR garbled (2021征) is still the year's column, less surely
    expect(periodColumn(cols('指标名称', '单位', '2021征', '2020年', '同比变动'), 2021)).toEqual({ index: 2, certainty: 0.7 });
    expect(periodColumn(cols('指标', '2021征', '2020年'))).toEqual({ index: 1, certainty: 0.5 });
    expect(periodColumn(cols('指标', '2021征', '2020年'), 2020)).toEqual({ index: 2, certainty: 1 });
    expect(unitIn('金额（万元）')).toBe('万元');
    expect(unitIn('单位：元')).toBe('元');
    // OCR reads the colon as a semicolon
    expect(unitIn('单位;万元')).toBe('万元');
    expect(unitIn('代偿率(%)')).toBe('%');
  });

  it('puts lines read at the same height by separate blocks in one row', () => {
    const layout = new Layout(ocrLines([
      { text: '认定日期', x: 90, y: 210 },
      { text: '送达日期', x: 320, y: 211 },
      { text: '2022.5.18', x: 170, y: 209 },
    ]));
    expect(layout.rows).toHaveLength(1);
    expect(layout.rows[0].segments.map((s) => s.text)).toEqual(['认定日期', '2022.5.18', '送达日期']);
  });
});

describe('signatures and tick boxes the pixels showed', () => {
  const text = '被评议人：李红梅\n认定结论：☐尽职　☑基本尽职　☐不尽职\n异议情况：☑无异议　☐有异议\n调查人（签字）：\n被评议人（签字）：';
  const place = (label: string, signed: boolean, page = 1) => ({ label, signed, confidence: 0.95, page, bbox: { x0: 400, y0: 900, x1: 700, y1: 960 } });

  it('takes the evaluated person’s own place, not the investigator’s', () => {
    const signed = extractFields('FACT_SHEET', linesOf(text), [place('调查人（签字）：', false), place('被评议人（签字）：', true)]).extracted;
    expect(signed.kind === 'FACT_SHEET' && signed.fields.signaturePresent?.value).toBe(true);
    expect(signed.kind === 'FACT_SHEET' && signed.fields.refused?.value).toBe(false);
    const blank = extractFields('FACT_SHEET', linesOf(text), [place('调查人（签字）：', true), place('被评议人〈签字):', false)]).extracted;
    expect(blank.kind === 'FACT_SHEET' && blank.fields.signaturePresent).toMatchObject({ value: false, confidence: 0.95, provenance: { page: 1, label: '被评议人〈签字):' } });
    // a blank place without a written refusal: most likely not refused, and a person confirms
    const refused = blank.kind === 'FACT_SHEET' ? blank.fields.refused : undefined;
    expect(refused?.value).toBe(false);
    expect(refused!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('reads a ticked box as the chosen option', () => {
    const f = extractFactSheet(linesOf(text));
    expect(f.conclusion?.value).toBe('基本尽职');
    expect(f.objectionFiled?.value).toBe(false);
  });

  it('a written refusal outweighs ink in the place', () => {
    const f = extractFactSheet(linesOf(`${text}\n被评议人拒绝签字。`), [], [place('被评议人（签字）：', true)]);
    expect(f.signaturePresent?.value).toBe(false);
    expect(f.refused?.value).toBe(true);
  });
});

describe('tick boxes after or inside their options', () => {
  it('reads a conclusion in running text whose ticked box OCR followed with a stray character', () => {
    const f = extractFactSheet(linesOf('尽职免责事实认定材料\n经尽职免责认定工作小组审议，认定结论为：☐尽职☑克基本尽职☐不尽职。认定日期：2024年8月8日。'));
    expect(f.conclusion?.value).toBe('基本尽职');
  });

  it.each([
    ['尽职☐　基本尽职☑　不尽职☐', '基本尽职'],
    ['尽职■ 基本尽职□ 不尽职□', '尽职'],
    ['☐尽职　☐基本尽职　☑不尽职', '不尽职'],
    // the box placed inside its option, where a tick ran into the word
    ['☐尽职 基☑本尽职 ☐不尽职', '基本尽职'],
    // a character OCR made of the tick's tail between the box and its option
    ['☐尽职☑克基本尽职☐不尽职', '基本尽职'],
  ])('%s', (text, conclusion) => {
    expect(conclusionValue(text)?.value).toBe(conclusion);
  });

  it('reads an objection group either way round', () => {
    expect(objectionValue('无异议☐　有异议☑（异议提出日期：2024年3月5日）')?.value).toBe(true);
    expect(objectionValue('☑无异议　☐有异议')?.value).toBe(false);
    expect(objectionValue('☐无异议　☐有异议')).toBeUndefined();
    expect(objectionValue('☐无异议 有☑异议（异议提出日期：2023/9/20）')?.value).toBe(true);
  });
});

describe('a document number OCR split in two', () => {
  it.each([
    ['[2025]', '第13期', '〔2025〕第13期'],
    ['信合担保纪〔2021j', '20号', '信合担保纪〔2021〕20号'],
    ['纺', '号:JY-2021-006', 'JY-2021-006'],
  ])('joins %s and %s', (left, right, id) => {
    const f = extractMinutes(
      ocrLines([
        { text: left, x: 300, y: 40 },
        { text: right, x: 300 + left.length * 14 + 40, y: 40 },
        { text: '第13次项目评审会会议纪要', x: 200, y: 80, size: 18 },
        { text: '2025年1月8日下午，某某融资担保有限责任公司召开项目评审委员会会议。', x: 90, y: 120 },
      ]),
    );
    expect(f.minutesNo).toMatchObject({ value: id });
    expect(f.minutesNo!.confidence).toBeLessThan(1);
  });
});

describe('fact sheets in running text, as OCR reads them', () => {
  const f = extractFactSheet(
    linesOf(`
尽职免责事实认定材料
经调查核实，段刚作为该项目业务部经理，在保前调查中对企业经营场所进行了实地核查。
本材料已于2024年8月7日送达当事人，当事人拒绝等字。送达人：张欣
`),
  );

  it('reads a refusal whose 签 OCR read as 等', () => {
    expect(f.refused?.value).toBe(true);
    expect(f.signaturePresent?.value).toBe(false);
  });

  it('takes the evaluated person from the facts when the label gives no name (当事人辣丹)', () => {
    const g = extractFactSheet(linesOf('尽职免责事实认定材料\n当事人：辣丹\n认定事实：经调查核实，闫丹作为该项目业务部经理，在保前调查中进行了实地核查。'));
    expect(g.evaluatedPerson?.value).toBe('闫丹');
  });

  it('writes a post read in running text with full-width brackets', () => {
    expect(extractFactSheet(linesOf('尽职免责事实认定材料\n该项目被评议人为张欣，时任业务二部客户经理(B角)。')).position?.value).toBe('业务二部客户经理（B角）');
  });

  it('takes the part played in the project for the post, for a person to confirm', () => {
    expect(f.position?.value).toBe('业务部经理');
    expect(f.position!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe('the amount of minutes named in several places', () => {
  const minutes = (situation: string) =>
    extractMinutes(
      linesOf(`
项目评审委员会会议纪要
会议议题：1.审议《关于为天水润泽牧业有限公司提供2,480.00万元融资担保的议案》
${situation}该企业上年实现销售收入6097万元。
会议议定：一、同意为天水润泽牧业有限公司提供2,480.00万元融资担保项目。
`),
    );

  it('takes the amount all of them name', () => {
    const f = minutes('业务部门汇报了申请人民币贰仟肆佰捌拾万元整、期限24个月的担保项目情况。');
    expect(f.amount).toMatchObject({ value: 2_480_000_000 });
    expect(f.amount!.confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });

  it('doubts it when the places disagree', () => {
    const f = minutes('业务部门汇报了申请人民币贰仟肆佰万元整、期限24个月的担保项目情况。');
    expect(f.amount).toMatchObject({ value: 2_480_000_000 });
    expect(f.amount!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe('votes checked against their tally', () => {
  const votes = (names: string) =>
    extractMinutes(
      linesOf(`
项目评审委员会会议纪要
三、表决情况
经记名投票表决，同意3票，反对0票，弃权1票。其中，${names}同意。评审委员赵宁投弃权票，理由：对企业近期经营情况了解不充分。
`),
    ).votes;

  it('is sure when every vote the tally counts was read', () => {
    expect(votes('曾秀英、孔建新、徐波')!.value).toHaveLength(4);
    expect(votes('曾秀英、孔建新、徐波')!.confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });

  it('keeps a list OCR garbled in part, for a person to check', () => {
    // a character added before a name (和孔建新) is left out; a part that is no known name is kept, doubted
    expect(votes('曾秀英、和孔建新、印卫东')!.value).toEqual([
      { member: '曾秀英', vote: '同意' },
      { member: '孔建新', vote: '同意' },
      { member: '印卫东', vote: '同意' },
      { member: '赵宁', vote: '弃权', dissentText: '对企业近期经营情况了解不充分' },
    ]);
    expect(votes('曾秀英、和孔建新、印卫东')!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('asks a person when some were lost', () => {
    expect(votes('曾秀英、孔建新')!.value).toHaveLength(3);
    expect(votes('曾秀英、孔建新')!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('takes no single doubtful word for a list of names', () => {
    expect(votes('会议')!.value).toEqual([{ member: '赵宁', vote: '弃权', dissentText: '对企业近期经营情况了解不充分' }]);
  });
});

describe('a chair read one way in the heading and another in the text', () => {
  it('is doubted when the text names the other once', () => {
    const f = extractMinutes(
      linesOf(`
项目评审委员会会议纪要
主持人：黎子宁
会议由黎子涵主持。
`),
    );
    expect(f.chair?.value).toBe('黎子宁');
    expect(f.chair!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('is taken as the text writes it twice, and still checked by a person', () => {
    const f = extractMinutes(
      linesOf(`
项目评审委员会会议纪要
主持人：黎子宁
会议由黎子涵主持，黎子涵、孟春花出席会议。
`),
    );
    expect(f.chair?.value).toBe('黎子涵');
    expect(f.chair!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe('an agenda or a decision whose full stop OCR lost', () => {
  it('ends the agenda where the attendance begins, and drops numbering with a space and a trailing 、', () => {
    const f = extractMinutes(
      linesOf(`
项目评审委员会会议纪要
会议议题：1 .审议《关于为楚雄州宏达生物科技有限责任公司提供人民币2,680万元融资担保的议案》本次会议应到董事9人，实到8人，田波因出差请假，符合议事规则规定的人数要求。
`),
    );
    expect(f.agenda?.value).toEqual(['审议《关于为楚雄州宏达生物科技有限责任公司提供人民币2,680万元融资担保的议案》']);
    const g = extractMinutes(linesOf('会议纪要\n会议议题：1.审议某某公司担保项目；2.通报上季度代偿及追偿情况、'));
    expect(g.agenda?.value).toEqual(['审议某某公司担保项目', '通报上季度代偿及追偿情况']);
  });

  it('drops numbering OCR spaced, and ends at a next item whose figure OCR read twice', () => {
    const f = extractMinutes(linesOf('会议纪要\n会议议定：一 、认定夏颖在该代偿项目中基本尽职，免于追究相关责任。二二、会议要求各部门认真落实相关工作要求。'));
    expect(f.decision?.value).toBe('认定夏颖在该代偿项目中基本尽职，免于追究相关责任');
  });

  it('ends the decision where the next item or the signatures begin', () => {
    const signed = extractMinutes(linesOf('会议纪要\n会议议定：同意为何志刚（个体工商户）提供连带责任保证担保，期限24个月，年担保费率1.20%。会议主持（签字）：'));
    expect(signed.decision?.value).toBe('同意为何志刚（个体工商户）提供连带责任保证担保，期限24个月，年担保费率1.20%');
    const next = extractMinutes(linesOf('会议纪要\n会议议定：一、同意为江佳怡（个体工商户）提供担保，年担保费率0.60%。.二、会议要求各部门认真落实相关工作要求。'));
    expect(next.decision?.value).toBe('同意为江佳怡（个体工商户）提供担保，年担保费率0.60%');
  });
});

describe('a name in a list misread once and read alike elsewhere', () => {
  const minutes = (voteTable: string) =>
    extractMinutes(
      linesOf(`
项目评审委员会会议纪要
参会人员：杨俊杰、钱志强、抒永刚
${voteTable}
`),
    );

  it('is taken as the rest of the document writes it twice, for a person to check', () => {
    const f = minutes('表决情况：杨俊杰同意，钱志强同意，邱永刚反对，理由：企业负债率偏高。\n邱永刚补充说明了反对意见。');
    expect(f.attendees?.value).toEqual(['杨俊杰', '钱志强', '邱永刚']);
    expect(f.attendees!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('is taken as the rest of the document writes it once, when that reading is likelier a name, for a person to check', () => {
    // 抒 is no surname, 邱 is
    const f = minutes('表决情况：杨俊杰同意，钱志强同意，邱永刚反对。');
    expect(f.attendees?.value).toEqual(['杨俊杰', '钱志强', '邱永刚']);
    expect(f.attendees!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    // 符 and 夭 are uncommon in given names, 磊 is common; a two-character name is checked so too
    const g = extractMinutes(linesOf('项目评审委员会会议纪要\n会议主持：郭符\n参会人员：郭夭、李婷、段海涛\n经表决，同意3票。其中，郭磊、李婷、段海涛同意。'));
    expect(g.chair?.value).toBe('郭磊');
    expect(g.chair!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(g.attendees?.value).toEqual(['郭磊', '李婷', '段海涛']);
  });

  it('is taken so beside its label when OCR garbled its surname (短慧 for 孟慧), and left unread when nothing in the document puts it right', () => {
    const f = extractMinutes(linesOf('项目评审委员会会议纪要\n主持人：短慧（总经理）\n出席：孟慧、严辉、姜军\n记录员：锅志明'));
    expect(f.chair?.value).toBe('孟慧');
    expect(f.chair!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(f.recorder).toBeUndefined();
  });

  it('is kept when the other reading is written only once and no likelier, when two are likelier, or when it is another person of the list', () => {
    const once = extractMinutes(linesOf('项目评审委员会会议纪要\n参会人员：杨俊杰、钱志强、钟永刚\n表决情况：杨俊杰同意，钱志强同意，邱永刚反对。'));
    expect(once.attendees?.value).toEqual(['杨俊杰', '钱志强', '钟永刚']);
    const two = extractMinutes(linesOf('项目评审委员会会议纪要\n会议主持：郭符\n其中，郭磊同意，郭敏反对。'));
    expect(two.chair?.value).toBe('郭符');
    expect(two.chair!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    const g = extractMinutes(linesOf('项目评审委员会会议纪要\n参会人员：王建国、王建华\n王建华同意，王建华补充说明。'));
    expect(g.attendees?.value).toEqual(['王建国', '王建华']);
  });
});

describe('the debtor of a fact sheet in running text', () => {
  const debtor = (text: string) => extractFactSheet(linesOf(`尽职免责事实认定材料\n${text}`)).debtorName;

  it('is read before 以下简称 in the brackets OCR gives', () => {
    expect(debtor('普洱恒信服装有限责任公司〈以下简称“借款人 ”) 于2023年向玉溪村镇银行有限责任公司申请贷款。')?.value).toBe('普洱恒信服装有限责任公司');
  });

  it('is the reading most of its mentions give, without the 关于 of a title', () => {
    const f = debtor('关于普酒恒信服装有限责任公司代偿项目的事实认定\n经调查核实，普洱恒信服装有限责任公司因受行业政策调整影响，无力按期偿还贷款。\n普洱恒信服装有限责任公司因经营困难，无力按期偿还贷款。');
    expect(f?.value).toBe('普洱恒信服装有限责任公司');
    const g = debtor('关于运城新禾牧业有限公司代偿项目的事实认定材料');
    expect(g?.value).toBe('运城新禾牧业有限公司');
  });

  it('is doubted when two mentions disagree and nothing settles it', () => {
    const f = debtor('关于普酒恒信服装有限责任公司代偿项目的事实认定\n普洱恒信服装有限责任公司因经营困难，无力按期偿还贷款。');
    expect(f!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('prints brackets full-width, as a registered name has them', () => {
    expect(debtor('借款人：何志刚(个体工商户)')?.value).toBe('何志刚（个体工商户）');
  });

  it('read once on the form is taken as the rest of the document writes it twice, for a person to check', () => {
    const f = extractFactSheet(
      linesOf(`
尽职免责事实认定材料
借款人：固原训禾生物科技有限公司
固原嘉禾生物科技有限公司因遭受冰雹灾害，无力按期偿还贷款。经核实，固原嘉禾生物科技有限公司已停产。
`),
    );
    expect(f.debtorName?.value).toBe('固原嘉禾生物科技有限公司');
    expect(f.debtorName!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe('the closing of an audit report as OCR reads it', () => {
  it('takes a date alone on its line whose 日 was misread, for a person to confirm, and the issuer above it with full-width brackets', () => {
    const f = extractAuditReport(
      linesOf(`
审计报告
一、审计发现
1.部分项目保后检查不及时。
宁夏正衡会计师事务所(特殊普通合伙)
2022年3月14晶
`),
    );
    expect(f.reportDate?.value).toBe('2022-03-14');
    expect(f.reportDate!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(f.auditor?.value).toBe('宁夏正衡会计师事务所（特殊普通合伙）');
  });

  it('takes the issuer alone when the date under it is too garbled to read, for a person to confirm', () => {
    const f = extractAuditReport(linesOf('审计报告\n一、审计发现\n1.部分项目保后检查不及时。\n新疆兴农融资担保集团有限公司纪检审计部\n二CD-:一年石月十一日'));
    expect(f.reportDate).toBeUndefined();
    expect(f.auditor?.value).toBe('新疆兴农融资担保集团有限公司纪检审计部');
    expect(f.auditor!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('takes the issuer alone when the date is garbled past looking like one, above a page footer', () => {
    const f = extractAuditReport(linesOf('审计报告\n一、审计发现\n1.部分项目保后检查不及时。\n重庆瑞德会计师事务所(有限责任公司)\n下223)5/三二\n第2页共2页'));
    expect(f.reportDate).toBeUndefined();
    expect(f.auditor?.value).toBe('重庆瑞德会计师事务所（有限责任公司）');
    expect(f.auditor!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it("puts right one character OCR misread in an audit firm's closing word, for a person to confirm", () => {
    const f = extractAuditReport(linesOf('审计报告\n一、审计发现\n1.部分项目保后检查不及时。\n甘肃致远会计师事务扩(有限责任公司)\n2024年4月15日'));
    expect(f.auditor?.value).toBe('甘肃致远会计师事务所（有限责任公司）');
    expect(f.auditor!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    const g = extractAuditReport(linesOf('审计报告\n一、审计发现\n1.部分项目保后检查不及时。\n宁夏正衡会计师事务所(特殊普通合汰)\n2022年3月14日'));
    expect(g.auditor?.value).toBe('宁夏正衡会计师事务所（特殊普通合伙）');
  });

  it("takes nothing for the issuer where the label 会计师事务所 matched a firm's own name and cut off its end", () => {
    const f = extractAuditReport(linesOf('审计报告\n一、审计发现\n1.部分项目保后检查不及时。\n云南中信达会计师事务所：{特殊普通合伙）\n2023年5月站月'));
    expect(f.auditor?.value ?? '').not.toBe('{特殊普通合伙）');
    expect(f.auditor?.confidence ?? 0).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('takes no issuer from the last lines of running text', () => {
    const f = extractAuditReport(linesOf('审计报告\n一、审计发现\n1.部分项目保后检查不及时，由风险管理部负责整改。\n第2页共2页'));
    expect(f.auditor).toBeUndefined();
  });

  it('reads a date with stray marks after it', () => {
    const f = extractAuditReport(linesOf('审计报告\n一、审计发现\n1.部分项目保后检查不及时。\n贵州正信农业融资担保有限公司风险合规部\n2023.5.12，，'));
    expect(f.reportDate?.value).toBe('2023-05-12');
    expect(f.auditor?.value).toBe('贵州正信农业融资担保有限公司风险合规部');
  });

  it("writes an issuer inside the institution with the institution's name when OCR garbled one character of it, for a person to confirm", () => {
    const f = extractAuditReport(
      linesOf('贵州正信农业融资担保有限公司\n2022年度内部审计报告\n被审计单位：贵州正信农业融资担保有限公司\n一、审计发现\n1.部分项目保后检查不及时。\n贵州正信农业融资扫保有限公司风险合规部\n2023.5.12'),
    );
    expect(f.auditor?.value).toBe('贵州正信农业融资担保有限公司风险合规部');
    expect(f.auditor!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe('an institution named twice, one reading garbled', () => {
  it('takes the reading with its first character where the other lost it, the issuer inside it too', () => {
    const f = extractAuditReport(
      linesOf('2020年度内部审计报告\n疆鑫源中小企业融资担保有限公司：\n审计部对新疆鑫源中小企业融资担保有限公司进行了审计。\n一、审计发现\n1.部分项目保后检查不及时，新疆鑫源中小企业融资担保有限公司应予整改。\n疆鑫源中小企业融资担保有限公司审计稽核部\n2021年5月21日'),
    );
    expect(f.institutionName?.value).toBe('新疆鑫源中小企业融资担保有限公司');
    expect(f.auditor?.value).toBe('新疆鑫源中小企业融资担保有限公司审计稽核部');
    expect(f.auditor!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });

  it('takes the reading found most often where one reading has a character added', () => {
    const f = findInstitution(linesOf('新疆正信和融资担保有限责任公司\n2021年1月25日，新疆正信融资担保有限责任公司在本部召开会议。\n新疆正信融资担保有限责任公司'));
    expect(f?.value).toBe('新疆正信融资担保有限责任公司');
  });

  it('shows a person the reading that names a province when the two are found as often', () => {
    const f = findInstitution(linesOf('宁复农业融资担保有限公司\n2025年4月17日，宁夏农业融资担保有限公司在本部召开会议。'));
    expect(f?.value).toBe('宁夏农业融资担保有限公司');
    expect(f!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
  });
});

describe('the evaluated person in running text split by OCR', () => {
  it('is read when a gap stands between the name and the comma', () => {
    const f = extractFactSheet(linesOf('尽职免责事实认定材料\n该项目被调查人为曹立新 ，时任风险管理部经理。'));
    expect(f.evaluatedPerson?.value).toBe('曹立新');
  });
});

describe('a name whose middle dot OCR read as an apostrophe', () => {
  it('is written with the dot', () => {
    expect(nameList("蔡颖、努尔兰'哈力木、阿依古丽’吐尔逊")?.names).toEqual(['蔡颖', '努尔兰·哈力木', '阿依古丽·吐尔逊']);
  });

  it('is written with the dot where OCR read a comma or colon between two parts of a name written by sound', () => {
    expect(nameList('努尔兰，哈力木、方子涵、阿依古丽，吐尔逊、古丽娜尔:热合曼')?.names).toEqual(['努尔兰·哈力木', '方子涵', '阿依古丽·吐尔逊', '古丽娜尔·热合曼']);
    expect(nameAtStart('努尔兰，哈力木(总经理)')?.name).toBe('努尔兰·哈力木');
    // names of Han Chinese after a comma stay apart
    expect(nameList('王建国，李红梅')?.names).toEqual(['王建国', '李红梅']);
  });

  it('is read so in running text', () => {
    const f = extractMinutes(linesOf("会议纪要\n周子涵、崔宁出席会议，杜秀英因病请假，努尔兰'哈力木因参加上级部门培训请假。"));
    expect(f.absentees?.value).toEqual(['杜秀英', '努尔兰·哈力木']);
  });

  it('is written with the dot in running text where the document writes the name with its dot elsewhere, and only there', () => {
    const text = `会议纪要
申请人：阿依古丽，吐尔逊（个体工商户）
议题：1.审议阿依古丽，吐尔逊（个体工商户）115.00万元融资担保项目；2.通报新疆，吉林两地代偿情况
表决情况：阿依古丽·吐尔逊同意，方子涵同意。`;
    const { fields } = extractFields('MEETING_MINUTES', linesOf(text)).extracted as { fields: ReturnType<typeof extractMinutes> };
    expect(fields.agenda?.value).toEqual(['审议阿依古丽·吐尔逊（个体工商户）115.00万元融资担保项目', '通报新疆，吉林两地代偿情况']);
    expect(fields.debtorName?.value).toBe('阿依古丽·吐尔逊（个体工商户）');
    // the whole value of a label is a name, its dot misread
    const sheet = extractFields('FACT_SHEET', linesOf('尽职免责事实认定材料\n当事人：艾力，买买提\n三、基本事实\n经调查核实，艾力，买买提作为该项目客户经理，在保前调查中进行了实地核查。')).extracted as { fields: ReturnType<typeof extractFactSheet> };
    expect(sheet.fields.facts?.value).toBe('经调查核实，艾力·买买提作为该项目客户经理，在保前调查中进行了实地核查。');
  });
});

describe('what OCR adds inside words', () => {
  it('drops a quote mark read with almost no confidence, and keeps one read surely', () => {
    const doc = ocrDocument([
      { text: '会议纪要', x: 100, y: 50 },
      { text: '议”题：1.审议某某公司担保项目；2.通报上季度代偿情况', x: 100, y: 100 },
      { text: '申请“惠农担”贷款', x: 100, y: 150 },
    ]);
    for (const w of doc.pages[0].lines[1].words!) if (w.text === '”') w.confidence = 0.11;
    const lines = documentLines(doc);
    expect(extractMinutes(lines).agenda?.value).toEqual(['审议某某公司担保项目', '通报上季度代偿情况']);
    expect(lines[2].text).toBe('申请“惠农担”贷款');
  });

  it('drops a quote mark read with little confidence and no partner on its line, and keeps one that closes a quotation', () => {
    const doc = ocrDocument([
      { text: '尽职免责事实认定材料', x: 100, y: 50 },
      { text: '职“务：业务一部客户经理（A角）', x: 100, y: 100 },
      { text: '新增小微企业和“三农”户数1400户', x: 100, y: 150 },
    ]);
    for (const line of doc.pages[0].lines) for (const w of line.words!) if (/[“”]/u.test(w.text)) w.confidence = 0.37;
    const lines = documentLines(doc);
    expect(extractFactSheet(lines).position?.value).toBe('业务一部客户经理（A角）');
    expect(lines[2].raw).toBe('新增小微企业和“三农”户数1400户');
  });

  it('drops a mark that never opens a line of Chinese (an underscore, a comma) read at its start, and the line starts at the margin again', () => {
    const doc = ocrDocument([
      { text: '_开2024年第3次项目评审会', x: 90, y: 100 },
      { text: '“惠农担”产品', x: 100, y: 150 },
    ]);
    const lines = documentLines(doc);
    expect(lines[0].text).toBe('开2024年第3次项目评审会');
    expect(lines[0].bbox!.x0).toBeGreaterThan(90);
    // an opening quote may open a line
    expect(lines[1].text).toBe('“惠农担”产品');
  });

  it('drops such a mark read as part of the first word, and the word starts where its character does', () => {
    const doc = ocrDocument([{ text: '向子通、曾亮同意。', x: 100, y: 100 }]);
    const [first, second] = doc.pages[0].lines[0].words!;
    doc.pages[0].lines[0].words!.splice(0, 2, { ...first, text: '”向', bbox: { ...first.bbox, x0: first.bbox.x0 - 12 } }, second);
    const [line] = documentLines(doc);
    expect(line.text).toBe('向子通、曾亮同意。');
    expect(line.segments![0].bbox.x0).toBe(100);
  });

  it("drops what OCR read of a page's edge: a line far taller than wide, read with almost no confidence", () => {
    const doc = ocrDocument([
      { text: '三、基本事实', x: 100, y: 100 },
      { text: '经调查核实，付建新作为该项目项目经理，在保前调查中进行了实地核查。', x: 100, y: 120 },
    ]);
    const edge = { x0: 0, y0: 90, x1: 10, y1: 300 };
    doc.pages[0].lines.push({ text: 'Da', confidence: 0.2, bbox: edge, words: [{ text: 'Da', confidence: 0.2, bbox: edge }] });
    const lines = documentLines(doc);
    expect(lines.map((l) => l.raw)).toEqual(['三、基本事实', '经调查核实，付建新作为该项目项目经理，在保前调查中进行了实地核查。']);
    expect(extractFactSheet(lines).facts?.value).toBe('经调查核实，付建新作为该项目项目经理，在保前调查中进行了实地核查。');
  });

  it('reads a label with a quote mark OCR read inside it, however sure', () => {
    const f = extractMinutes(linesOf('会议纪要\n记“录：丁光明\n议”题：审议某某有限公司融资担保项目'));
    expect(f.recorder?.value).toBe('丁光明');
    expect(f.agenda?.value).toEqual(['审议某某有限公司融资担保项目']);
  });

  it('reads a spaced label with marks OCR made of specks before its second character (地　，”点：)', () => {
    const f = extractMinutes(
      ocrLines([
        { text: '会议纪要', x: 100, y: 50 },
        { text: '地', x: 100, y: 100 },
        { text: '，”点：公司十二楼大会议室', x: 160, y: 100 },
      ], { mergeRows: true }),
    );
    expect(f.location?.value).toBe('公司十二楼大会议室');
  });

  it('reads a lender whose loan OCR split with a character', () => {
    const f = extractFactSheet(linesOf('尽职免责事实认定材料\n酒泉金穗新材料有限公司于2019年向酒泉农村信用合作联社申请贷和款，由本公司提供连带责任保证担保。'));
    expect(f.lendingBank?.value).toBe('酒泉农村信用合作联社');
  });

  it("reads an agenda item whose figure's point OCR read as a comma, and ends a decision at a next item whose 二 OCR read as 一", () => {
    const f = extractMinutes(linesOf('会议纪要\n会议议题：1.审议某某有限公司115.00万元融资担保项目；2，通报上季度代偿及追偿情况\n会议决定：一、不同意为某某合作社提供融资担保。一、会议要求各部门认真落实相关工作要求。'));
    expect(f.agenda?.value).toEqual(['审议某某有限公司115.00万元融资担保项目', '通报上季度代偿及追偿情况']);
    expect(f.decision?.value).toBe('不同意为某某合作社提供融资担保');
  });

  it('takes the decision after a lead with a character added', () => {
    const f = extractMinutes(linesOf('会议纪要\n会议形成如下和意见：\n一、同意为某某有限公司提供连带责任保证担保，期限24个月。二、会议要求各部门认真落实。'));
    expect(f.decision?.value).toBe('同意为某某有限公司提供连带责任保证担保，期限24个月');
  });
});

describe('an audit report as OCR garbles its marks', () => {
  it('reads an amount in running text whose thousands separator OCR doubled, and leaves one whose first figures OCR lost', () => {
    const f = extractAuditReport(linesOf('2021年度审计报告\n截至2021年末，公司当年代偿金额1,.559.66万元，代偿率1.25%。'));
    expect(f.compensationAmount?.value).toBe(1_559_660_000);
    expect(f.compensationAmount!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    const g = extractAuditReport(linesOf('2021年度审计报告\n截至2021年末，公司当年代偿金额.919.79万元，代偿率0.95%。'));
    expect(g.compensationAmount).toBeUndefined();
    expect(g.compensationRate?.value).toBe(95);
  });

  it('reads a count whose thousands comma OCR read as a full stop, and a name whose closing quote OCR lost', () => {
    const f = extractAuditReport(linesOf('2021年度审计报告\n全年新增担保金额54,139.64万元，新增小微企业和“三农”户数5.999户，平均担保费率1.26%。'));
    expect(f.newSmallMicroClients?.value).toBe(5999);
    expect(f.newSmallMicroClients!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    const g = extractAuditReport(linesOf('2021年度审计报告\n全年新增担保金额93,737.19万元，新增小微企业和“三农户数4720户，平均担保费率1.26%。'));
    expect(g.newSmallMicroClients?.value).toBe(4720);
  });

  it('reads garbled thousands separators and per cent signs, a figure after a speck, and a first finding that lost its opening bracket', () => {
    const f = extractAuditReport(
      linesOf(`
2021年度审计报告
二、主要经营指标
序号  指标名称        单位    2021年        2020年
1     本期代偿金额    万元    1;,341.51     1;081.82
2     放大倍数        倍      ”3.12倍       3.61倍
3     在保余额        万元    104,.474.85   64,567.48
4     代偿回收率      %       23.850%4      66.42
三、审计发现的主要问题
一)单户担保集中度接近监管上限。前十大客户在保余额占比偏高。
(二)关联交易审批程序不规范。6笔关联方担保业务未提交董事会审议。
四、总体评价
`),
    );
    expect(f.compensationAmount?.value).toBe(1_341_510_000);
    expect(f.leverageMultiple?.value).toBe(312);
    // garbled separators and per cent signs are read, for a person to confirm
    expect(f.outstandingBalance?.value).toBe(104_474_850_000);
    expect(f.outstandingBalance!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(f.recoveryRate?.value).toBe(2385);
    expect(f.recoveryRate!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(f.findings?.value).toEqual(['单户担保集中度接近监管上限', '关联交易审批程序不规范']);
    expect(f.findings!.confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
  });
});

describe("an audit report's indicator table with a change column", () => {
  it('puts right a value OCR read with a figure added, from the prior year and the change, for a person to confirm', () => {
    const f = extractAuditReport(
      linesOf(`
2020年度审计报告
表1主要经营指标情况表
序号  指标名称            单位    2019年       2020年       同比变动
1     在保余额            万元    98,389.19    32,024.90    -67.45%
2     新增小微三农户数    户      6,489        60,292       -3.04%
3     代偿率              %       2.59         3.45         +0.86个百分点
`),
    );
    expect(f.newSmallMicroClients?.value).toBe(6292);
    expect(f.newSmallMicroClients!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(f.outstandingBalance?.value).toBe(32_024_900_000);
    expect(f.outstandingBalance!.confidence).toBeGreaterThanOrEqual(REVIEW_CONFIDENCE);
    expect(f.compensationRate?.value).toBe(345);
  });

  it('reads a value OCR garbled past reading, under a year heading read with a speck', () => {
    const f = extractAuditReport(
      linesOf(`
2021年度审计报告
序号  指标名称          单位    ”2020年       2021年         同比变动
1     当年新增担保      万元    391,188.08    9570,679.36    +45.88%
2     拨备覆盖率        %       236.97        349.29906      +112.32个百分点
`),
    );
    expect(f.newGuaranteeAmount?.value).toBe(5_706_793_600 * 100);
    expect(f.newGuaranteeAmount!.confidence).toBeLessThan(REVIEW_CONFIDENCE);
    expect(f.provisionCoverageRatio?.value).toBe(34_929);
  });
});

describe('a list of names wrapped onto the line above the next label', () => {
  it('stays in its own field, and the next label keeps only its own value', () => {
    const size = 47;
    const f = extractMinutes(
      ocrLines([
        { text: '会议纪要', x: 1000, y: 700, size },
        { text: '参会委员：郭敏、肖丹、邓永刚、卢军红、崔晶、叶长青、古丽娜尔·热合曼、努尔', x: 303, y: 992, size },
        { text: '兰·哈力木、黄志刚', x: 553, y: 1072, size },
        { text: '记', x: 302, y: 1153, size },
        { text: '录：', x: 453, y: 1147, size },
        { text: '丁光明', x: 574, y: 1151, size },
        { text: '议题：审议某某有限公司415万元融资担保项目，通报上季度代偿及追偿情况等事项', x: 302, y: 1227, size },
      ], { mergeRows: true }),
    );
    expect(f.recorder?.value).toBe('丁光明');
    expect(f.attendees?.value).toEqual(['郭敏', '肖丹', '邓永刚', '卢军红', '崔晶', '叶长青', '古丽娜尔·热合曼', '努尔兰·哈力木', '黄志刚']);
  });
});

describe('a value beside its label, under the title', () => {
  it('takes nothing of the title lines above the label row into the value', () => {
    const f = extractMinutes(
      ocrLines([
        { text: '新疆安泰融资担保集团有限公司', x: 150, y: 10, size: 16 },
        { text: '代偿事项集体决策会议纪要', x: 160, y: 30, size: 16 },
        { text: '编号：', x: 50, y: 52 },
        { text: '[2024]', x: 100, y: 52 },
        { text: '第14期', x: 150, y: 52 },
        { text: '开会时间：2024年7月11日下午3时', x: 50, y: 70 },
      ], { mergeRows: true }),
    );
    expect(f.minutesNo?.value).toBe('〔2024〕第14期');
  });
});
