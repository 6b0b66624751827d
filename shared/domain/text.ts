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
