/** Turning a labeled value into a typed field with confidence and provenance. */
import type { Field } from '../domain/fields.js';
import { readFormValues } from './form.js';
import { withKnownNamesRepaired } from './known-names.js';
import { firstPerField, type LabelSpec, type LabeledValue } from './labels.js';
import { Layout, lineOfSegments } from './layout.js';
import { repairBrackets, type TextLine } from './lines.js';
import { nameAtStart, nameList } from './names.js';
import { findDates } from './normalize/date.js';
import { regroupedFigures } from './normalize/decimal.js';
import { editDistance } from './normalize/edit-distance.js';
import { findMoney, parseMoney, withAmountsRepaired, type MoneyUnit } from './normalize/money.js';
import { parseCount, parseMultiple, parsePercent } from './normalize/percent.js';
import { proseMatches, readProseValues, spanLine } from './prose.js';
import { checkedElsewhere } from './readings-elsewhere.js';
import { toHalfWidth } from './normalize/text.js';

export type Parsed<T> = { value: T; certainty: number } | undefined;
export type ValueParser<T> = (text: string) => Parsed<T>;

/** A field read from one line; confidence = OCR line confidence × label quality × parse certainty. */
export function fieldFrom<T>(line: TextLine, parsed: { value: T; certainty: number }, label?: string, labelQuality = 1): Field<T> {
  return {
    value: parsed.value,
    confidence: Math.round(Math.min(1, line.confidence * labelQuality * parsed.certainty) * 1000) / 1000,
    provenance: { page: line.page, bbox: line.bbox, sourceText: line.raw, label },
  };
}

/**
 * The labeled values of one document, read field by field. A label found with a value that
 * cannot be read exactly is remembered as unreadable, so a person is asked instead of guessing.
 */
export interface Unreadable {
  field: string;
  sourceText: string;
}

export class LabeledFields {
  private readonly found: Map<string, LabeledValue[]>;
  readonly layout: Layout;
  constructor(source: TextLine[] | Layout, spec: LabelSpec, readonly unreadable: Unreadable[] = []) {
    this.layout = source instanceof Layout ? source : new Layout(source);
    this.found = firstPerField([...readFormValues(this.layout, spec), ...readProseValues(this.layout, spec)]);
  }

  read<T>(field: string, parse: ValueParser<T>): Field<T> | undefined {
    const candidates = this.found.get(field);
    const value = firstParsed(candidates, parse);
    if (!value && candidates?.length) this.unreadable.push({ field, sourceText: candidates[0].line.raw });
    return value;
  }

  /** The first labeled occurrence of a field, whatever its value. */
  first(field: string): LabeledValue | undefined {
    return this.found.get(field)?.[0];
  }

  /** Every labeled occurrence of a field, best first. */
  all(field: string): LabeledValue[] {
    return this.found.get(field) ?? [];
  }
}

/**
 * The first candidate whose value parses. It is less sure when a better-placed candidate could
 * not be read (the value a person sees there may differ), and doubtful when another candidate
 * reads as a different value.
 */
export function firstParsed<T>(candidates: LabeledValue[] | undefined, parse: ValueParser<T>): Field<T> | undefined {
  const list = candidates ?? [];
  // Values given beside their label in a form (not prose, not a heading's paragraph) are the ones that count as evidence.
  const firm = (c: LabeledValue) => c.source === 'form' && !c.fromNextLine;
  let unreadFirm = false;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const parsed = parse(c.value);
    if (!parsed) {
      unreadFirm ||= firm(c);
      continue;
    }
    const conflict = list
      .slice(i + 1)
      .filter(firm)
      .map((o) => parse(o.value))
      .some((o) => o !== undefined && JSON.stringify(o.value) !== JSON.stringify(parsed.value));
    const certainty = parsed.certainty * (c.fromNextLine ? 0.95 : 1) * (c.source === 'prose' ? 0.97 : 1) * (unreadFirm ? 0.85 : 1) * (conflict ? 0.6 : 1);
    return fieldFrom(c.line, { ...parsed, certainty }, c.label, c.labelQuality);
  }
  return undefined;
}

export const dateValue: ValueParser<string> = (text) => {
  const [first] = findDates(text, { repairs: true });
  return first ? { value: first.iso, certainty: first.repaired ? 0.7 : 1 } : undefined;
};

/** An amount pieced together from two garbled writings goes to a person, more surely when only the figures could be read. */
const PIECED_CERTAINTY: Readonly<Record<string, number>> = { both: 0.7, figures: 0.5 };

export function moneyValue(defaultUnit?: MoneyUnit): ValueParser<number> {
  return (text) => {
    const found = findMoney(text);
    if (found.length === 0) {
      // a bare number under a declared unit (金额单位：万元)
      const bare = defaultUnit && text.match(/^[\s:：]*([\d,]+(?:\.\d+)?)(?![\d.%])/);
      const money = bare ? parseMoney(bare[1], { defaultUnit }) : undefined;
      if (money) return { value: money.fen, certainty: 0.95 };
      // figures written the way amounts in 元 are (3,750,000.00) under a money label, or in
      // brackets after capitals OCR garbled past reading, their ¥ lost or garbled (习4,600,000.00,
      // 《对13,279,051.81)) and a comma read as a point (5,661.027.48): 元 is assumed, and a
      // garbled mark may have swallowed a digit (习 for ¥1), so a person confirms. Figures that
      // begin with a separator lost their first digits and are not taken.
      const figures = /(?:^[\s:：]*(?:人民币)?|[(（〈《【]\s*)([^\d\s,.]?)[ \t]*(?<![\d,.])(\d{1,3}(?:[,.]\d{3})+\.\d{2})(?![\d.%])/u.exec(toHalfWidth(text));
      const grouped = figures && regroupedFigures(figures[2]);
      const yuan = grouped ? parseMoney(`¥${grouped}`) : undefined;
      return yuan ? { value: yuan.fen, certainty: figures![1] ? 0.5 : 0.7 } : undefined;
    }
    // An amount written in figures and in capitals must agree; otherwise a person decides.
    const other = found.slice(1, 2).find((m) => m.form !== found[0].form && m.start - found[0].end < 4);
    if (other && other.fen !== found[0].fen) return { value: found[0].fen, certainty: 0.3 };
    // characters put right after OCR are trusted when the other writing confirms them
    const repaired = found[0].repaired || other?.repaired;
    if (found[0].doubtful && !other) return { value: found[0].fen, certainty: 0.6 };
    return { value: found[0].fen, certainty: PIECED_CERTAINTY[found[0].pieced ?? ''] ?? (repaired && !other ? 0.8 : 1) };
  };
}

export const percentValue: ValueParser<number> = (text) => {
  const p = parsePercent(text);
  return p ? { value: p.bp, certainty: 1 } : undefined;
};

export const multipleValue: ValueParser<number> = (text) => {
  const m = parseMultiple(text);
  return m !== undefined ? { value: m, certainty: 1 } : undefined;
};

export const countValue: ValueParser<number> = (text) => {
  const n = parseCount(text);
  return n !== undefined ? { value: n, certainty: 1 } : undefined;
};

/** A single person's name at the start of a value, without a title or bracketed role. */
export const nameValue: ValueParser<string> = (text) => {
  const n = nameAtStart(text, { unknown: true });
  return n ? { value: n.name, certainty: n.certainty } : undefined;
};

/** A list of names separated by 、，, spaces; titles in brackets are dropped. */
export const nameListValue: ValueParser<string[]> = (text) => {
  const list = nameList(text);
  return list ? { value: list.names, certainty: list.certainty } : undefined;
};


export const textValue: ValueParser<string> = (text) => {
  const value = chineseText(text);
  return value ? { value, certainty: 1 } : undefined;
};

const CJK_CHAR = String.raw`[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”‘’]`;
const NEXT_TO_CJK = (p: string) => new RegExp(`(?<=${CJK_CHAR})\\s*${p}\\s*|\\s*${p}\\s*(?=${CJK_CHAR})`, 'gu');

/**
 * A text value as a Chinese document writes it: what OCR leaves around it removed (a table
 * rule read as |, a stray quote or colon), and ASCII punctuation next to Chinese characters in
 * its full-width form (OCR and typists mix them: 经理(A角) -> 经理（A角）, 〈 -> （). Misread
 * signs are undone:
 * - a stray figure after a per cent sign that no figure may follow (费率1.00%6 -> 费率1.00%);
 * - a 9 that OCR makes of the sign's upper ring, after a rate's two decimals (费率1.209% ->
 *   费率1.20%): rates are written to two decimals at most, as in the reading of indicator cells;
 * - a Y read for the yuan sign between Chinese and a figure (本息Y3,852,597.40 -> 本息¥3,852,597.40);
 * - an apostrophe read for the middle dot of a name (买买提江'艾合买提 -> 买买提江·艾合买提);
 * - an amount that reads only once OCR's common slips in it are put right is written put right
 *   (壹什万元 -> 壹仟万元, see `withAmountsRepaired`);
 * - a bank's name or a company's closing words one character off (中国邮政储蕃银行, see `known-names.ts`).
 */
export function chineseText(value: string): string {
  // a bracket pair that OCR garbled across two lines (钟娟《个体工商 / 户)因…) is whole only in the value
  return repairBrackets(withKnownNamesRepaired(withAmountsRepaired(value)))
    .replace(/([%％])\d(?![\d.,])/gu, '$1')
    .replace(/(\d\.\d{2})9(?=[%％])/gu, '$1')
    .replace(new RegExp(`(?<=${CJK_CHAR})Y(?=\\d)`, 'gu'), '¥')
    .replace(/(?<=[\u4e00-\u9fff])['`](?=[\u4e00-\u9fff])/gu, '·')
    .replace(/^[\s|｜丨”“"'‘’:：;；,，.。、]+/u, '')
    .replace(/[\s|｜丨]+$/u, '')
    .replace(/〈/gu, '（')
    .replace(/〉/gu, '）')
    .replace(NEXT_TO_CJK('\\('), '（')
    .replace(NEXT_TO_CJK('\\)'), '）')
    .replace(/（([^（）()]*)\)/gu, '（$1）')
    .replace(/\(([^（）()]*)）/gu, '（$1）')
    .replace(NEXT_TO_CJK(','), '，')
    .replace(NEXT_TO_CJK(';'), '；')
    .replace(NEXT_TO_CJK(':'), '：')
    .trim();
}

/** An identifier such as a project number (YNDB-2023-0147) or a document number (X担〔2024〕12号, 〔2021〕第17期). */
export const idValue: ValueParser<string> = (text) => {
  // The year of a document number is in 〔〕; typists and OCR write [ ] 【 】 （ ） ［ ］ for it,
  // and OCR may read the closing one as j or J, or twice (〔2025]】).
  const half = toHalfWidth(text);
  // and lose the closing one before 第 (〔2021 第7期); 期 is read as 其, and a number 1 as ]
  const guessedOne = /第\s*[\]|lI](?=\s*[号期其])/u.test(half);
  const t = half
    .replace(/[(（\[【［〔]\s*(\d{4})\s*(?:[)）\]】］〕]{1,2}[jJ]?|[jJ][)）\]】］〕jJ]?|(?=第))/gu, '〔$1〕')
    .replace(/(第\s*(?:\d+|[\]|lI])\s*)其(?![\u4e00-\u9fff])/u, '$1期')
    .replace(/第\s*[\]|lI](?=\s*[号期])/u, '第1');
  const letterBracket = /[(（\[【［〔]\s*\d{4}\s*[jJ]/u.test(half);
  const m = t.match(/([A-Za-z0-9\u4e00-\u9fff]*)〔\d{4}〕\s*第?\s*\d+\s*[号期]|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z]{2,}[A-Z0-9]*\d{2,}[A-Z0-9]*|第\d+期/u);
  if (!m) return undefined;
  let value = m[0].replace(/\s+/g, '');
  // An issuer's prefix is short (融通担保纪〔2021〕2号); a long one has likely taken up a title
  // read on the same line: what follows the title's last word (…会议纪要宁担保纪) is the prefix,
  // less surely. A bare 第12期 may have lost its year.
  const prefix = (m[1] ?? '').replace(/\s+/g, '');
  const tail = prefix.length > 8 ? /^.*(?:纪要|公司|会议|报告|材料|通知)([\u4e00-\u9fffA-Za-z0-9]{2,8})$/u.exec(prefix)?.[1] : undefined;
  if (tail) value = tail + value.slice(prefix.length);
  const certainty = (prefix.length > 8 && !tail) || /^第\d+期$/.test(value) || guessedOne ? 0.6 : tail ? 0.8 : letterBracket ? 0.9 : 1;
  return { value, certainty };
};

const INSTITUTION_NAME = String.raw`[\u4e00-\u9fff]{2,30}?(?:融资担保|再担保|信用担保|担保)[\u4e00-\u9fff]{0,14}?(?:(?:集团)?(?:股份有限公司|有限责任公司|有限公司|公司)|集团|中心)`;
const WHOLE_INSTITUTION = new RegExp(`^${INSTITUTION_NAME}$`, 'u');
const INSTITUTION_IN_TEXT = new RegExp(INSTITUTION_NAME, 'gu');
/** Words that end the sentence before a name: 我们审计了…, 由…提供, 对…进行. */
const BEFORE_NAME = /^.*(?:关于|根据|由|对|了|向|在|为|与|经由)/u;

/** True when a text is the name of a guarantee institution and nothing else. */
export function isInstitutionName(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (!WHOLE_INSTITUTION.test(t) || /我们|了|的|于|对|向|根据|关于|经审计/u.test(t)) return false;
  // A place or a brand stands before 融资担保 (a name that starts with it has lost its head).
  const head = /^(.*?)(?:融资担保|再担保|信用担保|担保)/u.exec(t)?.[1] ?? '';
  return Array.from(head).length >= 2;
}

/**
 * The guarantee institution a document is about: a line that is nothing but an institution's
 * name (a letterhead, a closing), else the first one named in a sentence.
 */
export function findInstitution(lines: TextLine[] | Layout): Field<string> | undefined {
  const layout = lines instanceof Layout ? lines : new Layout(lines);
  const seen: Array<{ name: string; line: TextLine; certainty: number }> = [];
  for (const row of layout.rows) {
    for (const seg of row.segments) if (isInstitutionName(seg.display)) seen.push({ name: seg.display, line: lineOfSegments([seg]), certainty: 0.95 });
  }
  for (const p of layout.paragraphs()) {
    for (const m of p.display.matchAll(INSTITUTION_IN_TEXT)) {
      const clause = m[0].split(/[，。；：:、“”"（）()\s]/u).at(-1)!;
      const name = clause.replace(BEFORE_NAME, '');
      // a name standing alone in its row was already seen as a segment
      const at = m.index + m[0].length - name.length;
      const row = p.rows[p.starts.filter((start) => start <= at).length - 1];
      if (!isInstitutionName(name) || row?.segments.some((seg) => seg.display === name)) continue;
      seen.push({ name, line: spanLine(p, m.index, m.index + m[0].length), certainty: 0.8 });
    }
  }
  const first = seen[0];
  if (!first) return undefined;
  // The same name read differently elsewhere (a character or two apart): the reading found most
  // often wins; when none does, a person decides, shown the reading that names a province if
  // only one does (宁夏 beside 宁复, 新疆 beside 疆).
  const readings = seen.filter((s) => s.name === first.name || sameNameMisread(s.name, first.name));
  const count = (name: string) => readings.filter((r) => r.name === name).length;
  const names = [...new Set(readings.map((r) => r.name))].sort((a, b) => count(b) - count(a));
  if (names.length === 1) return fieldFrom(first.line, { value: first.name, certainty: first.certainty });
  const best = readings.find((r) => r.name === names[0])!;
  if (count(names[0]) > count(names[1])) return fieldFrom(best.line, { value: best.name, certainty: Math.min(best.certainty, 0.9) });
  const tied = names.filter((n) => count(n) === count(names[0]));
  const provincial = tied.filter((n) => PROVINCE.test(n));
  const shown = provincial.length === 1 ? readings.find((r) => r.name === provincial[0])! : first;
  return fieldFrom(shown.line, { value: shown.name, certainty: 0.5 });
}

/** China's provinces, autonomous regions and municipalities, as an institution's name begins with them. */
const PROVINCE = /^(?:北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)/u;

/**
 * Two readings of one name: the same length and at most one character in five different (at
 * least two), or one with a character lost or added (疆兴农… for 新疆兴农…, 正信和融资 for 正信融资).
 */
function sameNameMisread(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length) return x.length > 6 && y.length > 6 && Math.abs(x.length - y.length) === 1 && editDistance(a, b) === 1;
  return x.filter((ch, i) => ch !== y[i]).length <= Math.max(2, Math.floor(x.length / 5));
}

/** A document number standing alone near the top (红头: 〔2022〕第5期, 融通担保纪〔2021〕2号). */
export function standaloneId(layout: Layout): Field<string> | undefined {
  for (const row of layout.rows.slice(0, 12)) {
    // a gap OCR left inside the number splits the row: 〔2021〕 | 20号
    // or stands after a label OCR garbled but for its 号 (纺号：JY-2021-006)
    const text = row.segments.map((s) => s.display).join('').replace(/\s+/g, '').replace(/^[^:：\d]{0,3}号[:：]/u, '');
    const id = idValue(text);
    if (id && id.value.length >= text.length - 1) return fieldFrom(lineOfSegments(row.segments), { ...id, certainty: 0.9 });
  }
  return undefined;
}

/** The first match of a pattern in the document's running text, as a field. */
export function proseField<T>(layout: Layout, pattern: RegExp, toValue: (m: RegExpExecArray) => T | undefined, certainty = 0.9): Field<T> | undefined {
  for (const { match, line } of proseMatches(layout, pattern)) {
    const value = toValue(match);
    if (value !== undefined) return fieldFrom(line, { value, certainty });
  }
  return undefined;
}

/**
 * The reading most of a value's mentions give, where the document names it more than once: sure
 * when all agree (`alone` when named once, `agreed` when more often), less sure when another is
 * named less often, doubted when another is named as often (OCR garbles one mention and not the others).
 */
export function majorityOf<T>(seen: ReadonlyArray<{ value: T; line: TextLine }>, alone = 0.85, agreed = 0.9): Field<T> | undefined {
  if (seen.length === 0) return undefined;
  const count = (value: T) => seen.filter((s) => s.value === value).length;
  const best = seen.reduce((a, b) => (count(b.value) > count(a.value) ? b : a));
  const rival = Math.max(0, ...seen.filter((s) => s.value !== best.value).map((s) => count(s.value)));
  const certainty = rival === 0 ? (seen.length > 1 ? agreed : alone) : rival < count(best.value) ? 0.7 : 0.5;
  return fieldFrom(best.line, { value: best.value, certainty });
}

/** The value the matches of `pattern` in the prose give (group 1), by majority (see majorityOf). */
export function proseMajority(layout: Layout, pattern: RegExp, toValue: (group: string) => string = (g) => g): Field<string> | undefined {
  return majorityOf(proseMatches(layout, pattern).map(({ match, line }) => ({ value: toValue(match[1]), line })));
}

/** A company, cooperative or sole trader's name in running text (the shortest that ends as such names do). */
export const COMPANY = '[\\u4e00-\\u9fff（）()“”·]{2,40}?(?:股份有限公司|有限责任公司|有限公司|专业合作社|合作社|[（(]个体工商户[)）]|集团|厂|店)';

/** A company's name as printed: without closing punctuation, its brackets full-width (中卫某某食品有限公司, 何志刚（个体工商户）). */
export function companyName(text: string): string {
  return chineseText(text).replace(/[。；;，,]$/u, '').replace(/\(/gu, '（').replace(/\)/gu, '）').trim();
}

/** A company's name checked against the rest of the document (see readingsElsewhere); short values are left alone. */
export function companyCheckedAgainstText(field: Field<string> | undefined, lines: readonly TextLine[]): Field<string> | undefined {
  return [...(field?.value ?? '')].length >= 6 ? checkedElsewhere(field, lines, { plausible: () => true }) : field;
}

/** The document's money unit when a header declares one (单位：万元 / 金额单位：元). */
export function declaredUnit(lines: TextLine[]): MoneyUnit | undefined {
  for (const line of lines) {
    const m = line.text.match(/(?:金额)?单位\s*[:：]?\s*(?:人民币)?\s*(亿元|万元|元)/);
    if (m) return m[1] as MoneyUnit;
  }
  return undefined;
}
