/**
 * Formatters for values printed in reports. Inputs are the domain's exact types: money in
 * integer fen, rates in integer basis points, multiples in integer hundredths, ISO dates.
 * No floating-point arithmetic touches money or rates.
 */
import { JURISDICTIONS } from '../domain/jurisdiction.js';
import type { DocumentStatus, Finding, Modality } from '../domain/records.js';
import type { TextSource } from '../domain/text.js';

/** Printed wherever a value could not be read from the source document. */
export const NOT_RECOGNIZED = '（未识别）';

/** `500000000` fen -> `5,000,000.00 元`. */
export function formatYuan(fen: number): string {
  return `${fixedPoint(fen, 2, 2, true)} 元`;
}

/** `500000000` fen -> `500.00 万元`; exact: keeps every significant digit (`123.456789 万元`). */
export function formatWanYuan(fen: number): string {
  return `${fixedPoint(fen, 6, 2, true)} 万元`;
}

/** `500000000` fen -> `5,000,000.00 元（500.00 万元）`. */
export function formatMoney(fen: number): string {
  return `${formatYuan(fen)}（${formatWanYuan(fen)}）`;
}

/** `435` basis points -> `4.35%`. */
export function formatBasisPoints(basisPoints: number): string {
  return `${fixedPoint(basisPoints, 2, 2, false)}%`;
}

/** `352` hundredths -> `3.52 倍`. */
export function formatMultiple(hundredths: number): string {
  return `${fixedPoint(hundredths, 2, 2, false)} 倍`;
}

/** A 0..1 reading confidence -> whole percent, rounded down so a guess never reads as `100%`. */
export function formatConfidence(confidence: number): string {
  return `${Math.floor(confidence * 100 + 1e-9)}%`;
}

/** `12345` -> `12,345`. */
export function formatCount(value: number): string {
  return groupThousands(String(Math.trunc(Math.abs(value))), value < 0);
}

/** ISO `2024-03-05` -> `2024年3月5日`. Anything else is returned unchanged. */
export function formatDateZh(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** Chinese time (UTC+8, no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date of an instant in China, as ISO `YYYY-MM-DD`. */
export function isoDateInChina(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** An ISO timestamp -> `2024年3月5日 14:07` in China time; anything unparsable is returned unchanged. */
export function formatDateTimeZh(isoTimestamp: string): string {
  const instant = new Date(isoTimestamp);
  if (Number.isNaN(instant.getTime())) return isoTimestamp;
  const local = new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${formatDateZh(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

export const MODALITY_ZH: Record<Modality, string> = {
  may: '可（可以免责）',
  shall: '应（应当）',
  not_exemptable: '不得免责',
  in_principle: '原则上',
  procedure: '程序要求',
  data_check: '数据核验',
};

export const DOCUMENT_STATUS_ZH: Record<DocumentStatus, string> = {
  RECEIVED: '处理中',
  PROCESSED: '已处理',
  NEEDS_REVIEW: '待人工复核',
  REJECTED: '已拒收',
};

export const SEVERITY_ZH: Record<Finding['severity'], string> = {
  info: '提示',
  warning: '警示',
  blocking: '阻断',
};

export const TEXT_SOURCE_ZH: Record<TextSource, string> = {
  'pdf-text-layer': 'PDF 文本层',
  ocr: '光学字符识别（OCR）',
};

/** `YN` -> `云南省（YN）`; an unknown code is printed as is. */
export function formatJurisdiction(code: string): string {
  const name = (JURISDICTIONS as Record<string, string>)[code];
  return name ? `${name}（${code}）` : code;
}

export function formatBoolean(value: boolean): string {
  return value ? '是' : '否';
}

/**
 * Prints `value / 10^scale` exactly, with between `minDecimals` and `scale` decimals
 * (trailing zeros beyond `minDecimals` are dropped), optionally grouping thousands.
 */
function fixedPoint(value: number, scale: number, minDecimals: number, group: boolean): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`expected a safe integer, got ${value}`);
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let decimals = digits.slice(digits.length - scale);
  while (decimals.length > minDecimals && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  const negative = value < 0;
  const integer = group ? groupThousands(whole, negative) : `${negative ? '-' : ''}${whole}`;
  return decimals === '' ? integer : `${integer}.${decimals}`;
}

function groupThousands(digits: string, negative: boolean): string {
  return `${negative ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}
