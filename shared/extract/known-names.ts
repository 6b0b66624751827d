/**
 * Names every financing-guarantee document may cite and OCR garbles one character of: China's
 * policy and large commercial banks, rural credit bodies, and the words the names of companies
 * and audit firms end with (会计师事务扩（有限责任公司） for 会计师事务所（有限责任公司）).
 * A run of text one character off such a name (中国邮政储蕃银行 for 中国邮政储蓄银行) is that
 * name: no other name is one character away from one of these.
 */
const KNOWN_NAMES = [
  '中国工商银行',
  '中国农业银行',
  '中国建设银行',
  '中国邮政储蓄银行',
  '中国农业发展银行',
  '国家开发银行',
  '中国进出口银行',
  '中国光大银行',
  '中国民生银行',
  '上海浦东发展银行',
  '农村信用合作联社',
  '农村商业银行',
  '股份有限公司',
  '有限责任公司',
  '会计师事务所',
  '特殊普通合伙',
];

/** The text with every run one Chinese character off a known name written as that name. */
export function withKnownNamesRepaired(text: string): string {
  const chars = [...text];
  for (const name of KNOWN_NAMES) {
    const want = [...name];
    for (let i = 0; i + want.length <= chars.length; i++) {
      const differ = want.flatMap((ch, k) => (chars[i + k] === ch ? [] : [k]));
      if (differ.length === 1 && /^[\u4e00-\u9fff]$/u.test(chars[i + differ[0]])) chars[i + differ[0]] = want[differ[0]];
    }
  }
  return chars.join('');
}
