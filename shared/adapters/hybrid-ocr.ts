/**
 * Two engines on the same page images: one for the text (Tesseract, which reads Chinese) and
 * one for the structure (Amazon Textract: table geometry, tick boxes, signatures, form fields,
 * which do not depend on the language).
 *
 * The merged page takes its lines and words from the text engine, and its tables, selections,
 * signatures and key-value pairs from the structure engine, with every piece of text inside
 * them re-filled from the text engine's words whose box centre lies inside the cell (or key,
 * or value) box, because Textract's reading of Chinese is unreliable. Tick boxes keep the
 * structure engine's verdict (☑/☐) and the text engine's guesses at the box glyph are dropped.
 * Table titles and footers are left out: the model keeps no box for them to re-fill from.
 */
import type { OcrEngine } from '../ports.js';
import type { BoundingBox, OcrKeyValue, OcrPage, OcrSelection, OcrTable, OcrWord, PageImage } from '../domain/text.js';
import { centreInside, joinInReadingOrder } from './ocr-geometry.js';
import { TICKED, UNTICKED } from './textract-mapping.js';

export class HybridOcr implements OcrEngine {
  readonly name = 'hybrid(tesseract+textract)';

  /**
   * @param text engine whose lines and words are kept (Tesseract chi_sim)
   * @param structure engine whose tables, selections, signatures and form fields are kept (Textract)
   */
  constructor(
    private readonly text: OcrEngine,
    private readonly structure: OcrEngine,
  ) {
    const secondOpinion = text.secondOpinion?.bind(text);
    // doubtful lines are text: the text engine's second model reads them
    if (secondOpinion) this.secondOpinion = secondOpinion;
  }

  readonly secondOpinion?: (pages: PageImage[]) => Promise<OcrPage[]>;

  async recognize(pages: PageImage[]): Promise<OcrPage[]> {
    const [textPages, structurePages] = await Promise.all([this.text.recognize(pages), this.structure.recognize(pages)]);
    const byNumber = new Map(structurePages.map((p) => [p.pageNumber, p]));
    return textPages.map((page) => {
      const structure = byNumber.get(page.pageNumber);
      if (!structure) throw new Error(`${this.structure.name} returned no page ${page.pageNumber}`);
      return mergeOcrPages(page, structure);
    });
  }

  async close(): Promise<void> {
    const results = await Promise.allSettled([this.text.close(), this.structure.close()]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** Merges one page: text from `textPage`, structures from `structurePage` re-filled with `textPage`'s words. */
export function mergeOcrPages(textPage: OcrPage, structurePage: OcrPage): OcrPage {
  const scale = scaler(structurePage, textPage);
  const words = textPage.lines.flatMap((l) => l.words);
  const selections = structurePage.selections?.map((s) => ({ ...s, bbox: scale(s.bbox) }));
  const boxes = selections ?? [];
  const filler = new TextFiller(words, boxes);

  const merged: OcrPage = { pageNumber: textPage.pageNumber, width: textPage.width, height: textPage.height, lines: textPage.lines };
  if (structurePage.tables) merged.tables = structurePage.tables.map((t) => refillTable(t, scale, filler));
  let keyValues: OcrKeyValue[] | undefined;
  if (structurePage.keyValues) {
    keyValues = structurePage.keyValues.map((kv) => {
      const keyBbox = scale(kv.keyBbox);
      const key = filler.fill(keyBbox, kv.confidence);
      const out: OcrKeyValue = { ...kv, key: key.text, value: '', confidence: key.confidence, keyBbox };
      if (kv.valueBbox) {
        out.valueBbox = scale(kv.valueBbox);
        const value = filler.fill(out.valueBbox, kv.confidence);
        out.value = value.text;
        out.confidence = Math.min(key.confidence, value.confidence);
      }
      return out;
    });
    merged.keyValues = keyValues;
  }
  if (selections) merged.selections = selections.map((s) => relabel(s, keyValues));
  if (structurePage.signatures) merged.signatures = structurePage.signatures.map((s) => ({ ...s, bbox: scale(s.bbox) }));
  return merged;
}

class TextFiller {
  constructor(
    private readonly words: readonly OcrWord[],
    private readonly selections: readonly OcrSelection[],
  ) {}

  /** Text of the words (and tick boxes) centred in `box`; confidence no higher than the structure's. */
  fill(box: BoundingBox, structureConfidence: number): { text: string; confidence: number } {
    const ticks = this.selections.filter((s) => centreInside(s.bbox, box));
    const words = this.words.filter((w) => centreInside(w.bbox, box) && !ticks.some((s) => centreInside(w.bbox, s.bbox)));
    const text = joinInReadingOrder([...words, ...ticks.map((s) => ({ text: s.selected ? TICKED : UNTICKED, bbox: s.bbox }))]);
    if (words.length === 0) return { text, confidence: structureConfidence };
    const mean = words.reduce((sum, w) => sum + w.confidence, 0) / words.length;
    return { text, confidence: Math.min(structureConfidence, mean) };
  }
}

function refillTable(table: OcrTable, scale: (b: BoundingBox) => BoundingBox, filler: TextFiller): OcrTable {
  const { title: _title, footer: _footer, ...rest } = table;
  return {
    ...rest,
    bbox: scale(table.bbox),
    cells: table.cells.map((cell) => {
      const bbox = scale(cell.bbox);
      return { ...cell, bbox, ...filler.fill(bbox, cell.confidence) };
    }),
  };
}

/** A tick box's label is the re-filled key of the form field whose value holds it. */
function relabel(selection: OcrSelection, keyValues: readonly OcrKeyValue[] | undefined): OcrSelection {
  const { label: _label, ...rest } = selection;
  const owner = keyValues?.find((kv) => kv.valueBbox && centreInside(selection.bbox, kv.valueBbox));
  return owner && owner.key !== '' ? { ...rest, label: owner.key } : rest;
}

/** Maps boxes from one page's pixel frame to another's (the same image at another size). */
function scaler(from: OcrPage, to: OcrPage): (b: BoundingBox) => BoundingBox {
  if (from.width === to.width && from.height === to.height) return (b) => b;
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  return (b) => ({ x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy });
}
