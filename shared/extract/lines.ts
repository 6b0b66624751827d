import type { BoundingBox, ReadDocument } from '../domain/text.js';
import { compactSpaces, toHalfWidth } from './normalize/text.js';

/** A line of a document, normalized for matching, with where it came from. */
export interface TextLine {
  page: number;
  /** Half-width, spaces between Chinese characters removed. */
  text: string;
  /** As read. */
  raw: string;
  confidence: number;
  bbox?: BoundingBox;
}

export function documentLines(doc: ReadDocument): TextLine[] {
  return doc.pages.flatMap((page) =>
    page.lines.map((line) => ({
      page: page.pageNumber,
      text: normalizeLine(line.text),
      raw: line.text,
      confidence: line.confidence,
      bbox: line.bbox,
    })),
  );
}

export function normalizeLine(text: string): string {
  return compactSpaces(toHalfWidth(text)).trim();
}
