/**
 * Text clean-up before values are read. Each function does one thing; none of them is applied
 * behind the caller's back except `toHalfWidth` and `compactValue`, which only change the form
 * of characters, never which value they denote.
 */

const HAN_OR_CJK_PUNCTUATION = String.raw`[\p{Script=Han}\u3000-\u303f\uff00-\uffef]`;
const HORIZONTAL_SPACE = String.raw`[ \t\u00a0\u3000]`;

/**
 * Full-width ASCII forms to ASCII: digits, Latin letters and punctuation (０-９, Ａ-Ｚ, ，．：％（）…,
 * the whole block U+FF01-U+FF5E), the ideographic space to a space, and ￥ to ¥.
 * Ideographic punctuation with no ASCII twin (。、《》【】) is left alone: 。 is not a decimal point.
 * Every character maps to exactly one character, so offsets in the result are offsets in `s`.
 */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\uffe5/g, '¥');
}

/**
 * Removes the spaces that typesetting and OCR put between Chinese characters ("编　　号" -> "编号",
 * "会 议 时 间" -> "会议时间", "2024 年 3 月" -> "2024年3月"): any horizontal space next to a Han
 * character or CJK punctuation goes. Other runs of spaces become one space ("Zhang  San" ->
 * "Zhang San"), and spaces at the start and end of each line go. Line breaks are kept.
 */
export function compactSpaces(s: string): string {
  return s
    .replace(new RegExp(`${HORIZONTAL_SPACE}+(?=${HAN_OR_CJK_PUNCTUATION})|(?<=${HAN_OR_CJK_PUNCTUATION})${HORIZONTAL_SPACE}+`, 'gu'), '')
    .replace(new RegExp(`^${HORIZONTAL_SPACE}+|${HORIZONTAL_SPACE}+$`, 'gm'), '')
    .replace(new RegExp(`${HORIZONTAL_SPACE}+`, 'g'), ' ');
}

/**
 * Prepares one value (a cell, the text after a label) for exact reading: half-width, and every
 * whitespace removed except between two digits, where a space is kept so that "100 200" is
 * never read as 100200.
 */
export function compactValue(s: string): string {
  return toHalfWidth(s)
    .trim()
    .replace(/\s+/g, (run: string, at: number, all: string) =>
      /\d/.test(all[at - 1] ?? '') && /\d/.test(all[at + run.length] ?? '') ? ' ' : '',
    );
}

/** A maximal run of digits, look-alike letters and separators, not touching other letters. */
const NUMERIC_RUN = /(?<![A-Za-z0-9|.,])[0-9OolIS|][0-9OolIS|.,]*(?![A-Za-z0-9|.,])/g;
const LOOK_ALIKES = /[OolIS|]+/g;

/**
 * Repairs the usual OCR confusions inside numbers: O/o -> 0 and l/I -> 1; S -> 5 and | -> 1
 * only between two digits. Only runs that contain a real digit and do not touch other Latin
 * letters are changed, and a run of look-alikes is changed only after a digit or, when it is a
 * single character at the start, before one: "2O24" -> "2024", "5OO万" -> "500万", "l260" ->
 * "1260", "1S0" -> "150"; "ISO 9001", "ISO9001", "MA1OX", "No.1" and "Iot" are left alone.
 * This corrects what OCR likely misread, so apply it only where a number is expected.
 */
export function fixNumericOcr(s: string): string {
  return s.replace(NUMERIC_RUN, (run) => (/\d/.test(run) ? fixRun(run) : run));
}

function fixRun(run: string): string {
  const fixed = run.replace(LOOK_ALIKES, (letters, at: number) => {
    const afterDigit = /[0-9.,]/.test(run[at - 1] ?? '');
    const leadingSingle = at === 0 && letters.length === 1 && /\d/.test(run[1] ?? '');
    return afterDigit || leadingSingle ? letters.replace(/[Oo]/g, '0').replace(/[lI]/g, '1') : letters;
  });
  return fixed.replace(/(?<=\d)[S|](?=\d)/g, (c) => (c === 'S' ? '5' : '1'));
}
