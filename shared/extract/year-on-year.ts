/**
 * The change column of an indicator table (同比变动, 增减) ties each row's figures together: the
 * period's value, the prior period's, and the change between them, relative in per cent for
 * amounts and counts (-3.04%), a difference in percentage points for rates (+0.86个百分点). A
 * value OCR misread by one figure (60,292 for 6,292, 6003 for 603) breaks the tie; when exactly
 * one reading a figure away from it (one figure more, less or other) restores the tie, that is
 * what the page says.
 */

/** Whether a value agrees with its row's change, and the one reading a figure away that does when it does not. */
export type Tie = { agrees: true } | { agrees: false; mended?: number };

export interface ChangeRow {
  /** The value as read, in its unit (fen, basis points, a count, a multiple in hundredths), and its cell's text. */
  value: number;
  cell: string;
  /** The prior period's value, in the same unit, and its cell's text. */
  prior: number;
  priorCell: string;
  /** The change cell's text. */
  change: string;
  /** A rate's change is a difference in points; an amount's, a count's or a multiple's, relative in per cent. */
  rate: boolean;
}

/**
 * How the value stands with its row's change; undefined when the change cell says nothing this
 * can check (unreadable, a rate's change in per cent rather than in points, no prior value). A
 * value at odds is mended only when nothing else explains the odds: no reading a figure away
 * from the prior value or from the change fits the value as read.
 */
export function changeTie(row: ChangeRow): Tie | undefined {
  const change = readChange(row.change);
  const fits = change && fitsChange(row, change);
  if (!change || !fits) return undefined;
  if (fits(row.value)) return { agrees: true };
  const misreadElsewhere =
    readingsAway(row.priorCell, row.prior).some((prior) => prior !== 0 && fits(row.value, prior)) ||
    readingsAway(row.change, Math.round(change.value * 10 ** change.decimals), change.decimals).some((by) => fits(row.value, row.prior, by / 10 ** change.decimals));
  if (misreadElsewhere) return { agrees: false };
  const mended = new Set(readingsAway(row.cell, row.value).filter((v) => fits(v)));
  return mended.size === 1 ? { agrees: false, mended: [...mended][0] } : { agrees: false };
}

/**
 * The value of a cell OCR garbled past reading (9570,679.36 for 570,679.36, 3.069%40 for 3.06%),
 * from its row's change: its first figures, with as many decimals as the prior value shows, or a
 * reading of them a figure away, when exactly one such value fits the prior value and the change.
 */
export function valueFromChange(row: Omit<ChangeRow, 'value'>): number | undefined {
  const change = readChange(row.change);
  const fits = change && fitsChange(row, change);
  const prior = figuresOf(row.priorCell);
  if (!fits || !prior) return undefined;
  const perDigit = row.prior / Number(prior.digits);
  const own = figuresOf(row.cell, prior.fraction);
  if (!Number.isSafeInteger(perDigit) || perDigit <= 0 || own?.fraction !== prior.fraction) return undefined;
  const fitting = new Set([own.digits, ...oneFigureAway(own.digits, own.fraction)].map((d) => Number(d) * perDigit).filter((v) => fits(v)));
  return fitting.size === 1 ? [...fitting][0] : undefined;
}

type Change = NonNullable<ReturnType<typeof readChange>>;

/** Whether a value fits the row's change (with another prior value or change, when given); undefined when the change cannot tell. */
function fitsChange(row: Pick<ChangeRow, 'prior' | 'rate'>, change: Change): ((value: number, prior?: number, by?: number) => boolean) | undefined {
  if (change.points !== row.rate || (!row.rate && row.prior === 0)) return undefined;
  return (value, prior = row.prior, by = change.value) => {
    const delta = row.rate ? (value - prior) / 100 : ((value - prior) / prior) * 100;
    // without a sign, OCR may have lost a minus: the size of the change must fit
    return Math.abs((change.signed ? delta : Math.abs(delta)) - by) <= change.tolerance;
  };
}

/** A change as printed: -3.04%, +230.96%, -0.46个百分点; the figures OCR added after a per cent sign (-3.04%0) are left out. */
function readChange(cell: string): { value: number; decimals: number; signed: boolean; points: boolean; tolerance: number } | undefined {
  const t = cell.replace(/\s+/g, '');
  const m = /^([+＋\-－—一]?)(\d+)(?:\.(\d{1,2}))?/u.exec(t);
  if (!m) return undefined;
  const decimals = m[3]?.length ?? 0;
  const size = Number(`${m[2]}.${m[3] ?? '0'}`);
  const negative = m[1] !== '' && !/[+＋]/u.test(m[1]);
  const points = /百分点|pp/iu.test(t);
  // a difference of two rates shown to as many decimals is exact; a relative change is off by up to half a unit of its
  // last figure, and as much again when cut rather than rounded
  return { value: negative ? -size : size, decimals, signed: m[1] !== '', points, tolerance: (points ? 0.5 : 1) * 10 ** -decimals };
}

/**
 * The values a cell would hold read one figure away (a figure left out, added or other), in the
 * unit of `value`, the cell's value as read; none when the cell's first figures do not make it.
 */
function readingsAway(cell: string, value: number, decimals?: number): number[] {
  const figures = figuresOf(cell, decimals);
  const perDigit = figures && Math.abs(value) / Number(figures.digits);
  if (!figures || !perDigit || !Number.isSafeInteger(perDigit)) return [];
  return oneFigureAway(figures.digits, figures.fraction).map((d) => Math.sign(value || 1) * Number(d) * perDigit);
}

/** The first figures of a cell, without separators, and how many of them stand after the decimal point (at most `decimals`, when given). */
function figuresOf(cell: string, decimals?: number): { digits: string; fraction: number } | undefined {
  const figures = /^\D*?(\d[\d,]*(?:\.\d+)?)/u.exec(cell.replace(/\s+/g, ''))?.[1];
  if (!figures) return undefined;
  const shown = decimals === undefined ? figures : figures.replace(new RegExp(`(\\.\\d{${decimals}})\\d+$`, 'u'), '$1');
  return { digits: shown.replace(/\D/g, ''), fraction: /\.(\d+)$/u.exec(shown)?.[1].length ?? 0 };
}

/**
 * The strings of figures one figure away from `digits` (a figure left out, added or other), the
 * last `fraction` of them after the decimal point: none whose whole part is empty or starts with
 * a zero (0.72 is a reading of 0.78, 078 is not).
 */
function oneFigureAway(digits: string, fraction: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= digits.length; i++) {
    for (const d of '0123456789') {
      out.add(digits.slice(0, i) + d + digits.slice(i));
      if (i < digits.length) out.add(digits.slice(0, i) + d + digits.slice(i + 1));
    }
    if (i < digits.length) out.add(digits.slice(0, i) + digits.slice(i + 1));
  }
  out.delete(digits);
  return [...out].filter((s) => /^(?:0|[1-9]\d*)$/u.test(s.slice(0, s.length - fraction)));
}
