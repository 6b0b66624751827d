import { describe, expect, it } from 'vitest';
import { repairBrackets } from '../../shared/extract/lines.js';
import { chineseText, idValue, moneyValue } from '../../shared/extract/values.js';

describe('an amount as a field value', () => {
  const read = moneyValue();

  it('is sure when figures and capitals agree, doubtful when they do not', () => {
    expect(read('人民币叁佰柒拾万元整（¥3,700,000.00）')).toEqual({ value: 370_000_000, certainty: 1 });
    expect(read('人民币叁佰柒拾万元整（¥3,600,000.00）')).toEqual({ value: 370_000_000, certainty: 0.3 });
  });

  it('trusts characters put right after OCR only when the other writing confirms them', () => {
    expect(read('人民币参佰染抬万元整（# 3,700,000.00）')).toEqual({ value: 370_000_000, certainty: 1 });
    expect(read('人民币参佰染抬万元整')).toEqual({ value: 370_000_000, certainty: 0.8 });
  });

  it('takes figures written as amounts in 元 are, without their ¥, for a person to confirm', () => {
    expect(read('3,750,000.00')).toEqual({ value: 375_000_000, certainty: 0.7 });
    // a garbled mark before them may have swallowed a digit (习 for ¥1)
    expect(read('习4,600,000.00〈期限12个月)')).toEqual({ value: 460_000_000, certainty: 0.5 });
    expect(read('3750000')).toBeUndefined();
    expect(read('12.50')).toBeUndefined();
  });

  it('takes the figures in brackets after capitals garbled past reading, for a person to confirm', () => {
    expect(read('人民币过什人参佰融拾业万玖什零伍拾过元抽角过分《对13,279,051.81)')).toEqual({ value: 1_327_905_181, certainty: 0.5 });
    expect(read('人民币过什人参佰融拾业万玖什零伍拾过元抽角过分（13,279,051.81）')).toEqual({ value: 1_327_905_181, certainty: 0.7 });
    // a comma read as a point; ¥ read as Y
    expect(read('Y5,661.027.48。')).toEqual({ value: 566_102_748, certainty: 0.5 });
    // figures whose first digits were lost are not taken
    expect(read('人民币达佰肆拾伍万壹什玖佰武拾伍元伍角参分〈轩,451,925.53)')).toBeUndefined();
    expect(read('到 ,448,598.74')).toBeUndefined();
  });

  it('does not take what is left of garbled capitals for the amount', () => {
    expect(read('人民币过佰融拾过万参什陆佰参拾类元陆角人参分')).toBeUndefined();
    expect(read('人民币数拾万元整')).toBeUndefined(); // 数 is 柒 garbled, not nothing
    expect(read('人民币 拾万元整')).toEqual({ value: 10_000_000, certainty: 1 });
  });
});

describe('a document number as a field value', () => {
  it('writes the year in 〔〕 whatever brackets were typed or read', () => {
    expect(idValue('融通担保纪[2021]2号')).toEqual({ value: '融通担保纪〔2021〕2号', certainty: 1 });
    expect(idValue('认定【2024】第15号')).toEqual({ value: '认定〔2024〕第15号', certainty: 1 });
  });

  it('reads a year whose closing bracket was lost, 期 read as 其, and a 1 read as ] (that one for a person to confirm)', () => {
    expect(idValue('(2021 第7期')).toEqual({ value: '〔2021〕第7期', certainty: 1 });
    expect(idValue('[2022] 第35其')).toEqual({ value: '〔2022〕第35期', certainty: 1 });
    expect(idValue('【2022] 第]期')).toEqual({ value: '〔2022〕第1期', certainty: 0.6 });
  });

  it('keeps only the issuer when the title before it was read on the same line, less surely', () => {
    expect(idValue('宁夏融资担保有限公司2025年第9次项目评审会会议纪要宁担保纪〔2025〕9号')).toEqual({ value: '宁担保纪〔2025〕9号', certainty: 0.8 });
  });

  it('takes a j OCR read for the closing bracket, less surely', () => {
    expect(idValue('兴农担保审【2021Jj 14号')).toEqual({ value: '兴农担保审〔2021〕14号', certainty: 0.9 });
    expect(idValue('金诚担保审【2022]j 7号')).toEqual({ value: '金诚担保审〔2022〕7号', certainty: 1 });
    expect(idValue('渝瑞德审字〔2025]】第0178号')).toEqual({ value: '渝瑞德审字〔2025〕第0178号', certainty: 1 });
    expect(idValue('认定【2024j第15号')).toEqual({ value: '认定〔2024〕第15号', certainty: 0.9 });
  });
});

describe('signs OCR misread in running text', () => {
  it.each([
    ['年担保费率1.00%6', '年担保费率1.00%'],
    ['代偿率4.26％6，回收率26.73%0。', '代偿率4.26％，回收率26.73%。'],
    ['贷款本息Y3,852,597.40，并由风险管理部', '贷款本息¥3,852,597.40，并由风险管理部'],
    ['期限24个月，年担保费率1.209%', '期限24个月，年担保费率1.20%'],
    ['在固原农村信用合作联社申请的圣3,900,000.00生产经营周转贷款', '在固原农村信用合作联社申请的¥3,900,000.00生产经营周转贷款'],
    ["同意为买买提江'艾合买提（个体工商户）提供担保", '同意为买买提江·艾合买提（个体工商户）提供担保'],
    ['在中国邮政储蕃银行股份有限公司哈密分行申请', '在中国邮政储蓄银行股份有限公司哈密分行申请'],
    ['申请的人民币壹什万元整生产经营周转贷款', '申请的人民币壹仟万元整生产经营周转贷款'],
    ['人民币叁佰柒拾万元整（#3,700,000.00）', '人民币叁佰柒拾万元整（¥3,700,000.00）'],
    // a bracket pair garbled across two lines of running text
    ['未能及时发现风险信号。钟娟《个体工商户)因主要下游客户长期拖欠货款', '未能及时发现风险信号。钟娟（个体工商户）因主要下游客户长期拖欠货款'],
    // capitals garbled where the figures tell them, and the figures' ¥ read as another character
    ['代偿贷款本息人民币过佰贰拾万零喜仟玖佰融拾贰元捌角贰分（¥1,201,922.82），并由', '代偿贷款本息人民币壹佰贰拾万零壹仟玖佰贰拾贰元捌角贰分（¥1,201,922.82），并由'],
    ['提供担保的人民币项仟捌佰伍拾万元整（#28,500,000.00）流动资金贷款', '提供担保的人民币贰仟捌佰伍拾万元整（¥28,500,000.00）流动资金贷款'],
    ['本息人民币贰佰零抽万贰仟捌佰伍拾元陆角肆分（到2,082,850.64）', '本息人民币贰佰零捌万贰仟捌佰伍拾元陆角肆分（¥2,082,850.64）'],
  ])('%s', (read, printed) => {
    expect(chineseText(read)).toBe(printed);
  });

  it('leaves what may be meant alone', () => {
    // a figure after a per cent sign that goes on as a number, a Y among Latin letters
    expect(chineseText('增幅5%，60,000户')).toBe('增幅5%，60,000户');
    expect(chineseText('项目编号XY2024-17')).toBe('项目编号XY2024-17');
    // a rate with one decimal and a 9 may be printed so; a lookalike too unlike its capital is kept as read
    expect(chineseText('年担保费率0.69%')).toBe('年担保费率0.69%');
    expect(chineseText('申请的人民币喜佰万元整流动资金贷款')).toBe('申请的人民币喜佰万元整流动资金贷款');
    // a bank's name two characters off another's is that other bank
    expect(chineseText('向中国农业发展银行和中国建设银行申请')).toBe('向中国农业发展银行和中国建设银行申请');
  });
});

describe('round brackets OCR read as angle or title marks', () => {
  it.each([
    ['新疆华诚会计师事务所〈有限责任公司)', '新疆华诚会计师事务所（有限责任公司）'],
    ['杨蕾〈公务外出)、熊欣《参加上级部门培训)', '杨蕾（公务外出）、熊欣（参加上级部门培训）'],
    ['业务一部客户经理〈(A角)', '业务一部客户经理（A角）'],
    ['学习《融资担保公司监督管理条例》', '学习《融资担保公司监督管理条例》'],
  ])('%s', (read, printed) => {
    expect(repairBrackets(read)).toBe(printed);
  });
});
