/** The internal model of what was read from a document, whatever engine read it. */

/** A rectangle in page pixels (images) or PDF points (text layers), origin top-left. */
export interface BoundingBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A raster page to recognize: encoded PNG or JPEG bytes. */
export interface PageImage {
  pageNumber: number;
  image: Uint8Array;
  width: number;
  height: number;
  /**
   * 'lines': the image holds lines of text one under another and nothing else (table cells cut
   * out and stacked), so the engine need not analyse a page layout. Default 'page'.
   */
  layout?: 'page' | 'lines';
}

export interface OcrWord {
  text: string;
  confidence: number; // 0..1
  bbox: BoundingBox;
}

export interface OcrLine {
  text: string;
  confidence: number; // 0..1
  bbox: BoundingBox;
  words: OcrWord[];
}

export interface OcrPage {
  pageNumber: number;
  width: number;
  height: number;
  lines: OcrLine[];
  /**
   * The structures below are filled only by engines that detect them (e.g. Amazon Textract).
   * Absent means "not looked for"; an empty array means "looked for, none found".
   */
  tables?: OcrTable[];
  selections?: OcrSelection[];
  signatures?: OcrSignature[];
  keyValues?: OcrKeyValue[];
  /** Seal impressions (公章) found on the page; absent when the page could not show them (a grayscale scan). */
  seals?: OcrSeal[];
}

/** What a table cell is for, as far as the engine could tell. */
export type OcrCellRole = 'column-header' | 'section-title' | 'summary' | 'title' | 'footer';

/** One cell of a table; a merged cell appears once, with its spans. Rows and columns count from 1. */
export interface OcrTableCell {
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  /** The cell's text; a tick box inside it reads as ☑ (ticked) or ☐ (empty). */
  text: string;
  confidence: number; // 0..1
  bbox: BoundingBox;
  roles?: OcrCellRole[];
  /** Set when the cell holds a tick box: whether it is ticked. */
  selected?: boolean;
}

export interface OcrTable {
  rows: number;
  columns: number;
  confidence: number; // 0..1
  bbox: BoundingBox;
  cells: OcrTableCell[];
  /** Text printed as the table's title or footer (where units such as 单位：万元 often live). */
  title?: string;
  footer?: string;
}

/** A tick box or radio button and whether it is ticked. */
export interface OcrSelection {
  selected: boolean;
  confidence: number; // 0..1
  bbox: BoundingBox;
  /** The label the engine bound the box to (e.g. a form key), when it did. */
  label?: string;
}

/**
 * A place for a signature and whether it holds handwriting. Engines that only report the
 * signatures they found (Textract) give `signed: true`; the pixel reader also reports the
 * places left blank, next to their printed label.
 */
export interface OcrSignature {
  signed: boolean;
  confidence: number; // 0..1
  bbox: BoundingBox;
  /** The printed label of the place (e.g. 被评议人（签字）), when it has one. */
  label?: string;
  /** The person who is to sign there, when the form names them (the name in a vote table's row). */
  name?: string;
}

/** A seal impression: red ink in a compact round or oval region. */
export interface OcrSeal {
  confidence: number; // 0..1
  bbox: BoundingBox;
}

/** A form field: a printed label and the value written next to it. */
export interface OcrKeyValue {
  key: string;
  value: string;
  confidence: number; // 0..1
  keyBbox: BoundingBox;
  valueBbox?: BoundingBox;
  /** Set when the value is a tick box: whether it is ticked. */
  selected?: boolean;
}

/** How the text of a document was obtained. */
export type TextSource = 'pdf-text-layer' | 'ocr';

export interface ReadDocument {
  source: TextSource;
  engine: string;
  pages: OcrPage[];
}

export function pageText(page: OcrPage): string {
  return page.lines.map((l) => l.text).join('\n');
}

export function documentText(doc: { pages: OcrPage[] }): string {
  return doc.pages.map(pageText).join('\n');
}
