/**
 * A second opinion on doubtful lines: which lines are cut out for it, and how its reading is
 * merged with the first, character by character, only where the second model is much surer or
 * the line read again on its own agrees with it.
 */
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrPage, OcrWord } from '../../shared/domain/text.js';
import { doubtfulLineSheet, mergeReadings, withSecondOpinion } from '../../shared/read/second-opinion.js';

const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
const words = (...parts: Array<[string, number]>): OcrWord[] => parts.map(([text, confidence]) => ({ text, confidence, bbox: box }));
const lineOf = (...parts: Array<[string, number]>): OcrLine => {
  const ws = words(...parts);
  return { text: ws.map((w) => w.text).join(''), confidence: Math.min(...ws.map((w) => w.confidence)), bbox: box, words: ws };
};

describe('merging a second reading into a doubtful line', () => {
  it('takes a character the second model is much surer of, and marks the word as disputed', () => {
    const first = lineOf(['借款', 0.9], ['企业', 0.9], ['：', 0.9], ['贵阳', 0.93], ['嘉', 0.0], ['儿', 0.0], ['农机', 0.67]);
    const merged = mergeReadings(first, words(['借款企业', 0.9], ['：', 0.9], ['贵阳', 0.93], ['嘉禾', 0.85], ['农机', 0.7]));
    expect(merged.text).toBe('借款企业：贵阳嘉禾农机');
    // 嘉 agreed: its word keeps its confidence; 禾 replaced 儿: 0.85 × (1 − 0), capped below the doubt threshold
    expect(merged.words.map((w) => w.confidence)).toEqual([0.9, 0.9, 0.9, 0.93, 0.0, 0.7, 0.67]);
    expect(merged.words[5].text).toBe('禾');
  });

  it('keeps the first reading where the second is not sure, or not surer by the margin', () => {
    const first = lineOf(['吕', 0.5], ['梁', 0.55]);
    expect(mergeReadings(first, words(['吕深', 0.7])).text).toBe('吕梁');
    expect(mergeReadings(lineOf(['吕梁', 0.0]), words(['吕深', 0.75])).text).toBe('吕梁');
    expect(mergeReadings(lineOf(['吕深', 0.78]), words(['吕梁', 0.85])).text).toBe('吕深');
    expect(mergeReadings(lineOf(['吕深', 0.78]), words(['吕梁', 0.9])).text).toBe('吕梁');
  });

  it('takes a character the second model and the first model on the cut-out line both read, however sure they are', () => {
    const first = lineOf(['公司', 0.9], ['因', 0.9], ['遵', 0.6], ['遇', 0.9]);
    // the second model alone is not sure enough
    expect(mergeReadings(first, words(['公司因遭遇', 0.62])).text).toBe('公司因遵遇');
    // … but the line read again on its own agrees with it
    const merged = mergeReadings(first, words(['公司因遭遇', 0.62]), words(['公司因遭遇', 0.5]));
    expect(merged.text).toBe('公司因遭遇');
    expect(merged.words[2].confidence).toBeLessThan(0.75);
    // the cut-out line alone, or disagreeing with the second model, changes nothing
    expect(mergeReadings(first, words(['公司因遵遇', 0.62]), words(['公司因遭遇', 0.9])).text).toBe('公司因遵遇');
    expect(mergeReadings(first, words(['公司因遭遇', 0.62]), words(['公司因邀遇', 0.9])).text).toBe('公司因遵遇');
    // both must read a character of the same kind
    expect(mergeReadings(lineOf(['金额', 0.9], ['29O', 0.3]), words(['金额290', 0.5]), words(['金额290', 0.5])).text).toBe('金额29O');
  });

  it('keeps a character a sure second model reads otherwise, but as disputed', () => {
    const merged = mergeReadings(lineOf(['记录人', 0.95], ['余震', 0.87]), words(['记录人', 0.95], ['余霞', 0.94]));
    expect(merged.text).toBe('记录人余震');
    expect(merged.words.map((w) => w.confidence)).toEqual([0.95, 0.7]);
    // an unsure second reading disputes nothing
    expect(mergeReadings(lineOf(['记录人', 0.95], ['余震', 0.87]), words(['记录人', 0.95], ['余霞', 0.6])).words[1].confidence).toBe(0.87);
  });

  it('replaces a figure only with a figure, and Chinese only with Chinese', () => {
    const first = lineOf(['金额', 0.9], ['29O', 0.3], ['万元', 0.9]);
    const merged = mergeReadings(first, words(['金额', 0.9], ['2900', 0.9], ['万元', 0.9]));
    // the O is not a figure and the second reading's extra 0 is an insertion: both stay as first read
    expect(merged.text).toBe('金额29O万元');
    const digits = mergeReadings(lineOf(['金额', 0.9], ['2S0', 0.2], ['万元', 0.9]), words(['金额', 0.9], ['290', 0.9], ['万元', 0.9]));
    expect(digits.text).toBe('金额2S0万元');
    const figure = mergeReadings(lineOf(['金额', 0.9], ['280', 0.2], ['万元', 0.9]), words(['金额', 0.9], ['290', 0.9], ['万元', 0.9]));
    expect(figure.text).toBe('金额290万元');
    // the replaced 9 counts min(0.7, 0.9 × (1 − 0.2)); the word's other figures keep their 0.2
    expect(figure.words[1].confidence).toBe(0.2);
  });

  it('replaces a sentence mark with another only when both other readings agree on it', () => {
    const first = lineOf(['真实', 0.9], ['完整', 0.9], ['，', 0.66], ['保后', 0.9]);
    // the sure second model alone changes no mark (it was seen to read ； for a label's colon)
    expect(mergeReadings(first, words(['真实完整；保后', 0.96])).text).toBe('真实完整，保后');
    const merged = mergeReadings(first, words(['真实完整；保后', 0.96]), words(['真实完整;保后', 0.5]));
    expect(merged.text).toBe('真实完整；保后');
    expect(merged.words[2].confidence).toBeLessThan(0.75);
    // a mark in its ASCII form is the same mark; a mark is never taken for a character
    expect(mergeReadings(first, words(['真实完整,保后', 0.96]), words(['真实完整,保后', 0.9])).text).toBe('真实完整，保后');
    expect(mergeReadings(first, words(['真实完整与保后', 0.96]), words(['真实完整与保后', 0.9])).text).toBe('真实完整，保后');
  });

  it('adds nothing and drops nothing: characters one reading lacks stay as first read', () => {
    const first = lineOf(['代偿', 0.9], ['额', 0.28], ['：', 0.9], ['人民币', 0.9]);
    expect(mergeReadings(first, words(['代偿', 0.9], ['金额', 0.95], ['：', 0.9], ['人民币', 0.9])).text).toBe('代偿额：人民币');
    expect(mergeReadings(first, words(['代偿', 0.9], ['：', 0.9], ['人民币', 0.9])).text).toBe('代偿额：人民币');
  });

  it('adds a sentence mark the sure second model reads where the first left a gap of a character between two words', () => {
    // characters 50 wide on a line 50 high: 完整 ends at 1673, 保 starts at 1725
    const placed = (...parts: Array<[string, number, number]>): OcrLine => {
      const ws = parts.map(([text, x0, x1]) => ({ text, confidence: 0.9, bbox: { x0, y0: 1636, x1, y1: 1687 } }));
      return { text: ws.map((w) => w.text).join(''), confidence: 0.9, bbox: { x0: ws[0].bbox.x0, y0: 1636, x1: ws.at(-1)!.bbox.x1, y1: 1687 }, words: ws };
    };
    const first = placed(['真实', 1480, 1584], ['完整', 1583, 1673], ['保', 1725, 1757], ['后', 1781, 1834]);
    const merged = mergeReadings(first, words(['真实完整;保后', 0.96]));
    expect(merged.text).toBe('真实完整；保后');
    expect(merged.words[2]).toMatchObject({ text: '；', bbox: { x0: 1673, x1: 1725 } });
    expect(merged.words[2].confidence).toBeLessThan(0.75);
    // no gap for a character, an unsure second model, or a mark already there: nothing added
    expect(mergeReadings(placed(['真实', 1480, 1584], ['完整', 1583, 1673], ['保', 1690, 1722], ['后', 1750, 1800]), words(['真实完整;保后', 0.96])).text).toBe('真实完整保后');
    expect(mergeReadings(first, words(['真实完整;保后', 0.6])).text).toBe('真实完整保后');
    expect(mergeReadings(placed(['真实', 1480, 1584], ['完整，', 1583, 1690], ['保', 1725, 1757]), words(['真实完整,;保', 0.96])).text).toBe('真实完整，保');
    // between a table row's cells (figures, a gap of columns) a mark is a speck
    const row = placed(['余额', 1480, 1584], ['万元', 1600, 1700], ['189,177.19', 1800, 2000], ['113,020.36', 2100, 2300]);
    expect(mergeReadings(row, words(['余额万元189,177.19,113,020.36', 0.96]))).toBe(row);
    const labelled = placed(['会议', 1480, 1584], ['地点', 1583, 1673], ['公司', 1900, 2000]);
    expect(mergeReadings(labelled, words(['会议地点:公司', 0.96]))).toBe(labelled);
  });

  it('ignores a second reading far from the first (specks, another line)', () => {
    const first = lineOf(['会议', 0.5], ['时间', 0.5], ['：', 0.9], ['三月', 0.5]);
    expect(mergeReadings(first, words(['一一广', 0.99], ['r', 0.99], ['一一', 0.99]))).toBe(first);
    expect(mergeReadings(first, [])).toBe(first);
  });
});

describe('doubtful lines', () => {
  const page: OcrPage = {
    pageNumber: 1,
    width: 400,
    height: 300,
    lines: [
      { ...lineOf(['会议', 0.95], ['纪要', 0.95]), bbox: { x0: 20, y0: 20, x1: 200, y1: 50 } },
      { ...lineOf(['主持', 0.9], ['程', 0.9], ['起', 0.3]), bbox: { x0: 20, y0: 80, x1: 200, y1: 110 } },
      { ...lineOf(['——', 0.1]), bbox: { x0: 20, y0: 140, x1: 200, y1: 170 } },
      { ...lineOf(['金额', 0.9], ['350', 0.4]), bbox: { x0: 20, y0: 200, x1: 200, y1: 230 } },
    ],
  };
  const gray = { width: 400, height: 300, pixels: new Uint8Array(400 * 300).fill(255) };

  it('are those with a word of Chinese or figures read with little confidence, not marks alone', () => {
    expect(doubtfulLineSheet(gray, page, 30)?.lines).toEqual([1, 3]);
    expect(doubtfulLineSheet(gray, { ...page, lines: [page.lines[0], page.lines[2]] }, 30)).toBeUndefined();
  });

  it('get their second reading merged in place, the other lines untouched', () => {
    const sheet = doubtfulLineSheet(gray, page, 30)!;
    // the second model's lines, one in each slot of the sheet
    const read: OcrPage = {
      pageNumber: 1,
      width: sheet.gray.width,
      height: sheet.gray.height,
      lines: sheet.slots.map((slot, k) => {
        const bbox = { x0: 30, y0: slot.y0 + 2, x1: 200, y1: slot.y1 - 2 };
        const ws = k === 0 ? words(['主持', 0.9], ['程霞', 0.9]) : words(['金额', 0.9], ['350', 0.9]);
        return { text: ws.map((w) => w.text).join(''), confidence: 0.9, bbox, words: ws.map((w) => ({ ...w, bbox })) };
      }),
    };
    const merged = withSecondOpinion(page, sheet, read);
    expect(merged.lines.map((l) => l.text)).toEqual(['会议纪要', '主持程霞', '——', '金额350']);
    expect(merged.lines[0]).toBe(page.lines[0]);
  });
});
