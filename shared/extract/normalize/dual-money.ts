/**
 * An amount written twice, in capitals and then in figures in brackets (人民币贰佰肆拾叁万壹仟伍佰
 * 壹拾肆元陆角玖分（¥2,431,514.69）), where OCR garbled one writing or both: capital numerals come
 * out as lookalikes (吉 for 壹, 什 for 仟, 沫 for 柒), and the ¥ before the figures swallows or
 * hides their first digit (啼,431,514.69). Neither writing reads on its own, yet together they may
 * still tell the amount: the figures give the digits, and the capitals, written out from the
 * figures, must line up with what OCR made of them, where no character read as a capital may
 * contradict them. A first digit the figures lost is taken from the capitals when exactly one
 * digit fits. The result is a best reading for a person to confirm, never a certainty.
 */
import { NUMERAL_CHARS } from './chineseNumerals.js';
import { editDistance } from './edit-distance.js';

const DIGIT = '零壹贰叁肆伍陆柒捌玖';
const PLACE = ['', '拾', '佰', '仟'];
const GROUP = ['', '万', '亿', '万亿'];

/** The amount in financial capitals, the way a payment order writes it (叁佰零伍万元整, 壹仟元零伍分). */
export function capitalsOf(fen: bigint): string {
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);
  let integer = '';
  let gap = false;
  const digits = yuan === 0n ? '' : yuan.toString();
  for (let i = 0; i < digits.length; i++) {
    const power = digits.length - 1 - i;
    const d = Number(digits[i]);
    if (d === 0) gap = integer !== '';
    else {
      integer += (gap ? '零' : '') + DIGIT[d] + PLACE[power % 4];
      gap = false;
    }
    const group = digits.slice(Math.max(0, i - 3), i + 1);
    if (power % 4 === 0 && power > 0 && Number(group) !== 0) integer += GROUP[power / 4];
  }
  const head = integer === '' ? '' : `${integer}元`;
  if (jiao === 0 && cents === 0) return `${head || '零元'}整`;
  if (cents === 0) return `${head}${DIGIT[jiao]}角整`;
  return `${head}${jiao === 0 ? (head ? '零' : '') : `${DIGIT[jiao]}角`}${DIGIT[cents]}分`;
}

/** Characters OCR reads in place of financial capitals. */
export const CAPITAL_LOOKALIKES: Readonly<Record<string, string>> = { 参: '叁', 染: '柒', 类: '柒', 抬: '拾', 什: '仟', 圆: '元' };

/**
 * Characters OCR has been seen to read in place of capitals, but too unlike them, or too common
 * in other words, to be trusted on their own (过 is read for 壹 and at times for 柒): taken for
 * the capital only next to a place (过佰, 业万, 抽角), and an amount read with them is confirmed
 * by a person unless its figures agree.
 */
export const DOUBTFUL_CAPITAL_LOOKALIKES: Readonly<Record<string, string>> = {
  过: '壹',
  喜: '壹',
  融: '贰',
  抽: '捌',
  拥: '捌',
  揽: '捌',
  业: '柒',
  沫: '柒',
};

const CAPITAL_CHAR = new RegExp(`[${NUMERAL_CHARS}元圆角分整]`, 'u');

/** How many characters of a text are, or look like, capital numerals and their places. */
export function capitalLike(s: string): number {
  return [...s].filter((c) => /[壹贰叁肆伍陆柒捌玖拾佰仟万亿]/u.test(CAPITAL_LOOKALIKES[c] ?? c)).length;
}

/** Cost of a character of the capitals read as another capital character: it contradicts the figures. */
const CONTRADICTION = 1000;

/**
 * How far OCR's reading of the capitals is from the capitals of an amount: one edit per character
 * lost, added or read as something that is not a capital numeral. A capital character read where
 * the amount has another, or has none, contradicts it, at a cost no reading can afford.
 */
function distance(read: string, capitals: string): number {
  // a doubtful lookalike (过 is read for 壹 and for 柒) fits its capital, and contradicts nothing
  const as = (ch: string) => CAPITAL_LOOKALIKES[ch] ?? ch;
  const drop = (ch: string) => (CAPITAL_CHAR.test(as(ch)) ? CONTRADICTION : 1);
  return editDistance(read, capitals, { change: (a, b) => (as(a) === b || DOUBTFUL_CAPITAL_LOOKALIKES[a] === b ? 0 : drop(a)), drop, add: () => 1 });
}

/** Share of the capitals' characters that may be lost or misread and still confirm the figures. */
const MAX_EDITS = 0.4;

export interface DualReading {
  fen: bigint;
  /** The figures' first digit came from the capitals. */
  digitFromCapitals: boolean;
}

/**
 * The amount that OCR's reading of the capitals (`capitalsRead`, 贰佰肆拾参万壹什…玖分) and of the
 * figures (`figuresFen`, with `lostLead` when a mark before them may have swallowed a digit) both
 * fit, or undefined when none fits or two fit equally well.
 */
export function reconcile(capitalsRead: string, figuresFen: bigint, lostLead: boolean): DualReading | undefined {
  const candidates: DualReading[] = [{ fen: figuresFen, digitFromCapitals: false }];
  if (lostLead) {
    const magnitude = 10n ** BigInt(figuresFen.toString().length);
    for (let d = 1n; d <= 9n; d++) candidates.push({ fen: d * magnitude + figuresFen, digitFromCapitals: true });
  }
  const scored = candidates
    .map((c) => {
      const capitals = capitalsOf(c.fen);
      const read = capitalsRead.endsWith('整') || !capitals.endsWith('整') ? capitalsRead : `${capitalsRead}整`;
      return { c, cost: distance(read, capitals), length: [...capitals].length };
    })
    .filter((s) => s.cost <= MAX_EDITS * s.length)
    .sort((x, y) => x.cost - y.cost);
  if (scored.length === 0 || (scored.length > 1 && scored[1].cost === scored[0].cost)) return undefined;
  return scored[0].c;
}
