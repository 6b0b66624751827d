/**
 * Whether the text read from a document is Chinese at all: the pipeline reads Chinese
 * paperwork, and a document in another language (an English translation of minutes, a
 * foreign bank letter) is kept but put in front of a person, with that said plainly.
 */

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;

/** Share of Han characters among all letters, and the number of letters. */
export function hanShare(lines: Array<{ text: string }>): { share: number; letters: number } {
  let han = 0;
  let letters = 0;
  for (const { text } of lines) {
    for (const ch of text) {
      if (HAN.test(ch)) {
        han++;
        letters++;
      } else if (LETTER.test(ch)) letters++;
    }
  }
  return { share: letters === 0 ? 0 : han / letters, letters };
}

export const NOT_CHINESE_REASON =
  '文件内容主要不是中文，系统只能识别中文材料，请确认是否上传了正确的文件，或附上中文原件 (the text is mostly not Chinese)';

/** A review reason when a document with enough text is mostly not Chinese; none otherwise. */
export function languageReasons(lines: Array<{ text: string }>): string[] {
  // a letter counts once whatever its script; Latin words take several letters, a Chinese word few
  const { share, letters } = hanShare(lines);
  return letters >= 40 && share < 0.15 ? [NOT_CHINESE_REASON] : [];
}
