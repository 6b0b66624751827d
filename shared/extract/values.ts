/** Turning a labeled value into a typed field with confidence and provenance. */
import type { Field } from '../domain/fields.js';
import { findLabeledValues, firstPerField, type LabelSpec, type LabeledValue } from './labels.js';
import type { TextLine } from './lines.js';
import { findDates } from './normalize/date.js';
import { findMoney, parseMoney, type MoneyUnit } from './normalize/money.js';
import { parseCount, parseMultiple, parsePercent } from './normalize/percent.js';

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
  constructor(lines: TextLine[], spec: LabelSpec, readonly unreadable: Unreadable[] = []) {
    this.found = firstPerField(findLabeledValues(lines, spec));
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
}

/** The first candidate whose value parses. */
export function firstParsed<T>(candidates: LabeledValue[] | undefined, parse: ValueParser<T>): Field<T> | undefined {
  for (const c of candidates ?? []) {
    const parsed = parse(c.value);
    if (parsed) return fieldFrom(c.line, { ...parsed, certainty: parsed.certainty * (c.fromNextLine ? 0.95 : 1) }, c.label, c.labelQuality);
  }
  return undefined;
}

export const dateValue: ValueParser<string> = (text) => {
  const [first] = findDates(text);
  return first ? { value: first.iso, certainty: 1 } : undefined;
};

export function moneyValue(defaultUnit?: MoneyUnit): ValueParser<number> {
  return (text) => {
    const found = findMoney(text);
    if (found.length === 0) {
      // a bare number under a declared unit (金额单位：万元)
      const bare = defaultUnit && text.match(/^[\s:：]*([\d,]+(?:\.\d+)?)(?![\d.%])/);
      const money = bare ? parseMoney(bare[1], { defaultUnit }) : undefined;
      return money ? { value: money.fen, certainty: 0.95 } : undefined;
    }
    // An amount written in figures and in capitals must agree; otherwise a person decides.
    const disagree = found.slice(1, 2).some((m) => m.form !== found[0].form && m.fen !== found[0].fen && m.start - found[0].end < 4);
    return { value: found[0].fen, certainty: disagree ? 0.3 : 1 };
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

const TITLES =
  /(党委书记|董事长|副董事长|总经理|副总经理|总监|风控总监|部门经理|经理|副经理|主任|副主任|委员|组长|副组长|书记|主管|专员|科长|部长|行长|会计|财务总监|董事|监事)$/;

/** Chinese personal names: 2-4 Han characters, or minority names joined by a middle dot. */
const NAME = /^[\u4e00-\u9fff]{1,4}(?:[·•][\u4e00-\u9fff]{1,8})?/u;

/** A single person's name at the start of a value, without a trailing title or bracketed role. */
export const nameValue: ValueParser<string> = (text) => {
  const cleaned = text.replace(/^[\s:：]+/, '').replace(/[(（].*$/, '').trim();
  let name = cleaned.match(NAME)?.[0];
  if (!name) return undefined;
  const rest = cleaned.slice(name.length);
  name = name.replace(TITLES, '') || name;
  if (Array.from(name).length < 2) return undefined;
  // A name followed directly by more Chinese text (a sentence) is less certain.
  return { value: name, certainty: /^[\s,，、;；。]|^$/.test(rest) || /^[(（]/.test(text.slice(text.indexOf(name) + name.length)) ? 1 : 0.8 };
};

/** A list of names separated by 、，, spaces; titles in brackets are dropped. */
export const nameListValue: ValueParser<string[]> = (text) => {
  const names = text
    .replace(/[(（][^)）]*[)）]/g, '')
    .split(/[、,，;；\s]+/)
    .map((part) => nameValue(part)?.value)
    .filter((n): n is string => !!n);
  return names.length > 0 ? { value: [...new Set(names)], certainty: 1 } : undefined;
};

export const textValue: ValueParser<string> = (text) => {
  const value = text.replace(/^[\s:：]+/, '').trim();
  return value ? { value, certainty: 1 } : undefined;
};

/** An identifier such as a project number (YNDB-2023-0147) or a document number (X担〔2024〕12号). */
export const idValue: ValueParser<string> = (text) => {
  const m = text.match(/[A-Za-z0-9\u4e00-\u9fff]*[〔\[(（]\d{4}[〕\])）]\s*第?\d+\s*号|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z0-9]{4,}|第\d+期/u);
  return m ? { value: m[0].replace(/\s+/g, ''), certainty: 1 } : undefined;
};

const INSTITUTION =
  /[\u4e00-\u9fff()（）]{2,30}?(?:融资担保|再担保|信用担保|担保)[\u4e00-\u9fff()（）]{0,14}?(?:股份有限公司|有限责任公司|有限公司|集团|中心|公司)/u;

/** The first guarantee institution named in the text. */
export function findInstitution(lines: TextLine[]): Field<string> | undefined {
  for (const line of lines) {
    const m = line.text.match(INSTITUTION);
    if (m) return fieldFrom(line, { value: m[0].replace(/^(关于|根据|经|由|对)/, ''), certainty: 0.95 });
  }
  return undefined;
}

/** The document's money unit when a header declares one (单位：万元 / 金额单位：元). */
export function declaredUnit(lines: TextLine[]): MoneyUnit | undefined {
  for (const line of lines) {
    const m = line.text.match(/(?:金额)?单位\s*[:：]?\s*(?:人民币)?\s*(亿元|万元|元)/);
    if (m) return m[1] as MoneyUnit;
  }
  return undefined;
}

/** The first line matching a pattern, as a field. */
export function firstMatch<T>(lines: TextLine[], pattern: RegExp, toValue: (m: RegExpMatchArray) => T | undefined, certainty = 0.9): Field<T> | undefined {
  for (const line of lines) {
    const m = line.text.match(pattern);
    if (!m) continue;
    const value = toValue(m);
    if (value !== undefined) return fieldFrom(line, { value, certainty });
  }
  return undefined;
}
