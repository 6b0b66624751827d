import { describe, expect, it } from 'vitest';
import { capitalsOf, reconcile } from '../../shared/extract/normalize/dual-money.js';
import { findMoney, moneyAgrees, parseMoney, readDualMoney, readMoney, withAmountsRepaired } from '../../shared/extract/normalize/money.js';
import { moneyValue } from '../../shared/extract/values.js';

const YUAN = 100;

describe('parseMoney: figures', () => {
  it.each([
    ['5,000,000.00元', 5_000_000 * YUAN],
    ['¥5,000,000.00', 5_000_000 * YUAN],
    ['￥1,234.56元', 123_456],
    ['￥１，２３４．５６', 123_456],
    ['1,260万元', 12_600_000 * YUAN],
    ['1，260万元', 12_600_000 * YUAN],
    ['1260.5万元', 12_605_000 * YUAN],
    ['1.234567万元', 1_234_567],
    ['5亿元', 500_000_000 * YUAN],
    ['3.25亿元', 325_000_000 * YUAN],
    ['0.01亿元', 1_000_000 * YUAN],
    ['2万亿元', 2_000_000_000_000 * YUAN],
    ['RMB 500万', 5_000_000 * YUAN],
    ['rmb500万元', 5_000_000 * YUAN],
    ['CNY 1,000.5', 100_050],
    ['人民币 500 万元', 5_000_000 * YUAN],
    ['人民币500万元整', 5_000_000 * YUAN],
    ['500万', 5_000_000 * YUAN],
    ['0.00元', 0],
    ['12.3元', 1_230],
    ['1234.50元', 123_450],
    ['１２３圆', 12_300],
  ])('%s = %i fen', (input, fen) => {
    expect(parseMoney(input)).toEqual({ fen, form: 'figures' });
  });

  it.each([
    ['5000', '万元', 5_000 * 10_000 * YUAN],
    ['5000', '元', 5_000 * YUAN],
    ['1.5', '亿元', 150_000_000 * YUAN],
    ['1,260.55', '万元', 12_605_500 * YUAN],
    ['¥5,000', '万元', 5_000 * YUAN], // ¥ says 元: the header unit does not apply
    ['300万', '万元', 3_000_000 * YUAN], // an explicit 万 wins over the header
  ])('%s with default unit %s = %i fen', (input, defaultUnit, fen) => {
    expect(parseMoney(input, { defaultUnit: defaultUnit as '元' | '万元' | '亿元' })?.fen).toBe(fen);
  });
});

describe('parseMoney: capitals and Chinese numerals', () => {
  it.each([
    ['人民币伍佰万元整', 5_000_000 * YUAN],
    ['伍佰万元', 5_000_000 * YUAN],
    ['壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角捌分', 1_234_567_898],
    ['壹亿零伍拾万元整', 100_500_000 * YUAN],
    ['贰拾万零叁佰元', 200_300 * YUAN],
    ['拾万元', 100_000 * YUAN],
    ['两百万元', 2_000_000 * YUAN],
    ['壹亿贰仟万元', 120_000_000 * YUAN],
    ['壹拾亿柒仟万元整', 1_070_000_000 * YUAN],
    ['人民币 伍 佰 万 元 整', 5_000_000 * YUAN],
    ['伍佰万圆正', 5_000_000 * YUAN],
    ['伍佰万', 5_000_000 * YUAN],
    ['零元', 0],
    ['伍角', 50],
    ['伍角叁分', 53],
    ['伍分', 5],
    ['捌元整', 800],
    // 零 in every position
    ['壹拾万零伍佰元', 100_500 * YUAN],
    ['壹仟零伍元', 1_005 * YUAN],
    ['壹仟零伍拾元', 1_050 * YUAN],
    ['壹佰零伍元', 105 * YUAN],
    ['壹万零伍元', 10_005 * YUAN],
    ['壹拾万零柒仟元', 107_000 * YUAN],
    ['壹拾万柒仟元', 107_000 * YUAN],
    ['壹佰零伍万元', 1_050_000 * YUAN],
    ['壹仟零伍万元', 10_050_000 * YUAN],
    ['壹亿零伍元', 100_000_005 * YUAN],
    ['壹亿零伍佰万零伍元', 105_000_005 * YUAN],
    ['壹仟陆佰捌拾元零叁角贰分', 168_032],
    ['壹仟陆佰捌拾元叁角贰分', 168_032],
    ['叁佰贰拾伍元零肆分', 32_504],
    ['壹拾元零伍分', 1_005],
    ['陆仟零柒元壹角肆分', 600_714],
    ['壹仟肆佰零玖元伍角', 140_950],
    ['人民币壹拾万柒仟元零伍角叁分', 10_700_053],
  ])('%s = %i fen', (input, fen) => {
    expect(parseMoney(input)).toEqual({ fen, form: 'capital' });
  });

  it('reads capitals without 元 in the header unit', () => {
    expect(parseMoney('伍佰', { defaultUnit: '万元' })?.fen).toBe(5_000_000 * YUAN);
  });
});

describe('parseMoney refuses what it cannot read exactly', () => {
  it.each([
    ['12,345.678元', '分以下'],
    ['1.2345678万元', '分以下'],
    ['5000', '单位不明'],
    ['5,000,000.00', '单位不明'],
    ['伍佰', '单位不明'],
    ['100 200元', '无法识别'],
    ['1,2600元', '无法识别'],
    ['1.260,50元', '无法识别'],
    ['5百万元', '无法识别'],
    ['伍佰万5元', '混用'],
    ['壹亿伍仟元', '不规范'],
    ['壹仟伍拾元', '不规范'],
    ['贰拾万叁佰元', '不规范'],
    ['壹万零柒仟元', '不规范'],
    ['壹佰零零伍元', '不规范'],
    ['壹佰零元', '不规范'],
    ['零壹佰元', '不规范'],
    ['壹拾零万元', '不规范'],
    ['一百五元', '不规范'],
    ['一万五元', '不规范'],
    ['捌佰揽拾元', '不规范'],
    ['元整', '不规范'],
    ['叁佰贰拾伍元肆分', '零'],
    ['壹佰零壹元零叁角', '零'],
    ['壹元伍角零叁分', '零'],
    ['伍角零分', '不规范'],
    ['人民币', '无法识别'],
    ['', '无法识别'],
    ['abc', '不规范'],
    ['-500元', '无法识别'],
    ['(500)元', '无法识别'],
    ['99999999999999亿元', '超出'],
  ])('refuses %j (%s)', (input, reason) => {
    const reading = readMoney(input);
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.reason).toContain(reason);
    expect(parseMoney(input)).toBeUndefined();
  });
});

describe('amounts written twice', () => {
  it('moneyAgrees compares the two writings', () => {
    expect(moneyAgrees('人民币伍佰万元整', '¥5,000,000.00')).toEqual({
      agree: true,
      a: { fen: 500_000_000, form: 'capital' },
      b: { fen: 500_000_000, form: 'figures' },
    });
    expect(moneyAgrees('人民币伍佰万元整', '¥5,000,001.00')?.agree).toBe(false);
    expect(moneyAgrees('人民币伍佰万元整', '¥5,000,000.001')).toBeUndefined();
  });

  it.each([
    ['人民币伍佰万元整（¥5,000,000.00）', 500_000_000],
    ['人民币壹仟贰佰陆拾万元整(1,260万元)', 1_260_000_000],
    ['1,234.56元（壹仟贰佰叁拾肆元伍角陆分）', 123_456],
  ])('readDualMoney reads %s', (input, fen) => {
    expect(readDualMoney(input)).toEqual({ ok: true, value: { fen, form: expect.any(String) } });
  });

  it.each([
    ['人民币伍佰万元整（¥5,000,001.00）', '不一致'],
    ['人民币伍佰万元整（¥5,000,000.001）', '分以下'],
    ['人民币伍佰伍元整（¥5,050,000.00）', '不规范'],
    ['人民币伍佰万元整', '形式'],
  ])('readDualMoney refuses %s (%s)', (input, reason) => {
    const reading = readDualMoney(input);
    expect(reading.ok ? '' : reading.reason).toContain(reason);
  });
});

describe('findMoney', () => {
  it('finds every marked amount with offsets into the original text', () => {
    const text = '担保金额人民币伍佰万元整（¥5,000,000.00），新增客户500万人，借款RMB 500万，授信1，260万元；利息12,345.678元有误。';
    const found = findMoney(text);
    expect(found.map(({ fen, form, raw }) => ({ fen, form, raw }))).toEqual([
      { fen: 500_000_000, form: 'capital', raw: '人民币伍佰万元整' },
      { fen: 500_000_000, form: 'figures', raw: '¥5,000,000.00' },
      { fen: 500_000_000, form: 'figures', raw: 'RMB 500万' },
      { fen: 1_260_000_000, form: 'figures', raw: '1，260万元' },
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.raw);
  });

  it('finds capitals with fractions and spaced figures', () => {
    expect(findMoney('代偿款项：叁佰贰拾伍元零肆分及 1,000.50 元').map((m) => m.fen)).toEqual([32_504, 100_050]);
  });

  it('reads an amount after putting right what OCR commonly confuses, and says so', () => {
    // 参 for 叁, 染 for 柒, 抬 for 拾; the ¥ of the figures read as # or Y
    const text = '担保金额人民币参佰染抬万元整（# 3,700,000.00）';
    const found = findMoney(text);
    expect(found.map(({ fen, form, repaired }) => ({ fen, form, repaired }))).toEqual([
      { fen: 370_000_000, form: 'capital', repaired: true },
      { fen: 370_000_000, form: 'figures', repaired: true },
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.raw);
    expect(findMoney('人民币叁佰元整（Y300.00）').map((m) => [m.fen, m.repaired])).toEqual([[30_000, undefined], [30_000, true]]);
    expect(findMoney('担保额度1;560万元').map((m) => [m.fen, m.repaired])).toEqual([[1_560_000_000, true]]);
    // a thousands comma read as a full stop, before two decimals and 元; without the decimals a full stop is a decimal point
    expect(findMoney('审议某某有限公司1.750.00万元融资担保项目').map((m) => [m.fen, m.repaired])).toEqual([[1_750_000_000, true]]);
    expect(withAmountsRepaired('审议某某有限公司1.750.00万元融资担保项目')).toBe('审议某某有限公司1,750.00万元融资担保项目');
    expect(findMoney('担保额度1.750万元').map((m) => [m.fen, m.repaired])).toEqual([[1_750_000, undefined]]);
    // the ¥ of figures in yuan and fen after Chinese, read as # or Y
    expect(findMoney('要求代偿贷款本息合计#3,852,597.40。').map((m) => [m.fen, m.repaired])).toEqual([[385_259_740, true]]);
    expect(findMoney('贷款本息Y3,059,784.95，并由风险管理部').map((m) => [m.fen, m.repaired])).toEqual([[305_978_495, true]]);
    expect(findMoney('申请的圣3,900,000.00生产经营周转贷款').map((m) => [m.fen, m.repaired])).toEqual([[390_000_000, true]]);
  });

  it('takes a doubtful lookalike for a capital only next to a place, for a person to confirm', () => {
    // 过 for 壹, beside 佰, 万, 元 and 分; 什 for 仟
    const [found] = findMoney('代偿金额人民币过佰贰拾过万玖什玖佰陆拾玖元陆角陆分');
    expect([found.fen, found.doubtful]).toEqual([121_996_966, true]);
    expect(moneyValue()('人民币过佰贰拾过万玖什玖佰陆拾玖元陆角陆分')).toEqual({ value: 121_996_966, certainty: 0.6 });
    // 过 in a word before a capital digit is the word
    expect(findMoney('不超过伍佰万元整').map((m) => [m.fen, m.doubtful])).toEqual([[500_000_000, undefined]]);
    // 喜 for 壹, 沫 for 柒; 吉 is read for 壹 and for 贰, so for neither
    expect(findMoney('注册资本人民币吉拾伍亿元整')).toEqual([]);
    expect(findMoney('申请人民币喜佰万元整').map((m) => [m.fen, m.doubtful])).toEqual([[100_000_000, true]]);
    expect(findMoney('贷款人民币叁佰沫拾万元整').map((m) => [m.fen, m.doubtful])).toEqual([[370_000_000, true]]);
    // 喜 in a word is the word
    expect(findMoney('喜报：人民币伍佰万元整').map((m) => [m.fen, m.doubtful])).toEqual([[500_000_000, undefined]]);
  });

  it.each(['2024年3月5日', '新增500万人', '第12条', '单位：万元', '编号2024-001', '参会人员5人', '抬头Y300', '型号#3,000'])('finds nothing in %s', (text) => {
    expect(findMoney(text)).toEqual([]);
  });
});

describe('amounts written twice and garbled by OCR', () => {
  it('writes any amount in capitals the way it reads back', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const amounts = [0n, 5n, 50n, 1005n, 100_000n, 100_700_000n, 10_050_000n, 10_000_000_000n, 100_000_000_010n];
    for (let i = 0; i < 300; i++) amounts.push(BigInt(next()) * BigInt(1 + (next() % 1000)) / BigInt(1 + (next() % 97)));
    for (const fen of amounts) expect([fen, parseMoney(capitalsOf(fen))?.fen]).toEqual([fen, Number(fen)]);
    expect(capitalsOf(243_151_469n)).toBe('贰佰肆拾叁万壹仟伍佰壹拾肆元陆角玖分');
    expect(capitalsOf(311_800_761n)).toBe('叁佰壹拾壹万捌仟零柒元陆角壹分');
  });

  it.each([
    // capitals with lookalikes (吉 for 壹, 什 for 仟) and the ¥ that swallowed the first digit
    ['代偿额:人民币贰佰肆拾参万壹什伍佰吉拾肆元陆角了玖分（啼,431,514.69）', 243_151_469],
    ['人民币贰佰芍拾肆万吉什吉佰沫拾玖元玖角僚分（于2,941,179.93）', 294_117_993],
    ['人民币参人过拾万元整( 3,700,000.00)', 370_000_000],
    ['贷款人民币参个沫拾万元整(#3,700,000.00)、期限12个月', 370_000_000],
  ])('pieces %s together from both writings, for a person to confirm', (text, fen) => {
    expect(findMoney(text).map((m) => [m.fen, m.pieced])).toEqual([[fen, 'both']]);
    expect(moneyValue()(text)).toEqual({ value: fen, certainty: 0.7 });
  });

  it('takes the figures alone, doubtfully, when nothing of the capitals fits them', () => {
    expect(findMoney('人民币叁乱码乱码拾万元整（¥3,700,000.00）').map((m) => [m.fen, m.pieced])).toEqual([[370_000_000, 'figures']]);
    expect(moneyValue()('人民币叁乱码乱码拾万元整（¥3,700,000.00）')?.certainty).toBe(0.5);
  });

  it('never lets a capital read as another capital pass, nor a fragment of garbled capitals stand for the amount', () => {
    // 伍 where the figures say 肆: the writings disagree, as before
    expect(moneyValue()('人民币伍佰万元整（¥4,000,000.00）')).toEqual({ value: 500_000_000, certainty: 0.3 });
    // 拾万元 is what is left of 玖佰?拾万元: not an amount
    expect(findMoney('担保额度人民币玖佰乱拾万元整，期限12个月')).toEqual([]);
    // the figures lost their first digit and the capitals cannot say which: nothing
    expect(findMoney('人民币乱码乱码万元整（啼,431,514.69）')).toEqual([]);
    // two first digits fit equally well: nothing
    expect(reconcile('某佰肆拾叁万壹仟伍佰壹拾肆元陆角玖分', 43_151_469n, true)).toBeUndefined();
    expect(reconcile('贰佰肆拾叁万壹仟伍佰壹拾肆元陆角玖分', 43_151_469n, true)).toEqual({ fen: 243_151_469n, digitFromCapitals: true });
  });
});
