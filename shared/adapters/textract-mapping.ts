/**
 * Maps Amazon Textract blocks (AnalyzeDocument / GetDocumentAnalysis) to the internal page model.
 *
 * Textract geometry is relative: a BoundingBox gives Left/Top/Width/Height as ratios of the
 * page image, origin top-left. Multiplying by the page's pixel size gives the same frame the
 * Tesseract adapter reports, so the two engines' boxes can be compared directly.
 */
import type { Block, BlockType, RelationshipType } from '@aws-sdk/client-textract';
import type {
  BoundingBox,
  OcrCellRole,
  OcrKeyValue,
  OcrLine,
  OcrPage,
  OcrSelection,
  OcrSignature,
  OcrTable,
  OcrTableCell,
  OcrWord,
} from '../domain/text.js';
import { joinInReadingOrder, unionBox } from './ocr-geometry.js';

/** The AnalyzeDocument features this project asks for. */
export type TextractFeature = 'TABLES' | 'FORMS' | 'SIGNATURES' | 'LAYOUT';

export interface PageSize {
  width: number;
  height: number;
}

export interface TextractMappingOptions {
  /** Pixel size of each page (Textract's ratios are multiplied by it). */
  pageSize: PageSize | ((pageNumber: number) => PageSize);
  /** Page number of blocks without a `Page` field (synchronous single-page responses). Default 1. */
  defaultPageNumber?: number;
  /**
   * Features that were requested. A structure whose feature was not requested is left out of
   * the page (undefined = not looked for), rather than given as an empty list (= none found).
   * Without this option every structure is filled.
   */
  features?: readonly TextractFeature[];
}

/** Glyphs standing for a tick box in cell and value text. */
export const TICKED = '☑';
export const UNTICKED = '☐';

const CELL_ROLES: Record<string, OcrCellRole> = {
  COLUMN_HEADER: 'column-header',
  TABLE_SECTION_TITLE: 'section-title',
  TABLE_SUMMARY: 'summary',
  TABLE_TITLE: 'title',
  TABLE_FOOTER: 'footer',
};

/** Maps the blocks of one or more Textract responses (all pages of a job, gathered) to pages. */
export function mapTextractBlocks(blocks: readonly Block[], options: TextractMappingOptions): OcrPage[] {
  const doc = new BlockIndex(blocks, options.defaultPageNumber ?? 1);
  const sizeOf = typeof options.pageSize === 'function' ? options.pageSize : () => options.pageSize as PageSize;
  const wants = (...features: TextractFeature[]) => !options.features || features.some((f) => options.features!.includes(f));

  const pages = blocks.filter((b) => b.BlockType === 'PAGE');
  return pages
    .map((pageBlock) => {
      const pageNumber = doc.pageOf(pageBlock);
      const size = sizeOf(pageNumber);
      if (!(size.width > 0 && size.height > 0)) throw new Error(`page ${pageNumber} has no pixel size`);
      const mapper = new PageMapper(doc, pageBlock, pageNumber, size);
      const page: OcrPage = { pageNumber, width: size.width, height: size.height, lines: mapper.lines() };
      if (wants('TABLES')) page.tables = mapper.tables();
      if (wants('TABLES', 'FORMS')) page.selections = mapper.selections();
      if (wants('SIGNATURES')) page.signatures = mapper.signatures();
      if (wants('FORMS')) page.keyValues = mapper.keyValues();
      return page;
    })
    .sort((a, b) => a.pageNumber - b.pageNumber);
}

/** Converts a Textract geometry (ratios) to a pixel box, clamped to the page. */
export function textractBox(geometry: Block['Geometry'], size: PageSize): BoundingBox {
  const box = geometry?.BoundingBox;
  if (!box) return { x0: 0, y0: 0, x1: 0, y1: 0 };
  const clampX = (v: number) => Math.min(size.width, Math.max(0, Math.round(v * size.width)));
  const clampY = (v: number) => Math.min(size.height, Math.max(0, Math.round(v * size.height)));
  const left = box.Left ?? 0;
  const top = box.Top ?? 0;
  return { x0: clampX(left), y0: clampY(top), x1: clampX(left + (box.Width ?? 0)), y1: clampY(top + (box.Height ?? 0)) };
}

class BlockIndex {
  private readonly byId = new Map<string, Block>();
  private readonly byPage = new Map<number, Block[]>();

  constructor(
    blocks: readonly Block[],
    private readonly defaultPage: number,
  ) {
    for (const block of blocks) {
      if (block.Id) this.byId.set(block.Id, block);
      const page = this.pageOf(block);
      const list = this.byPage.get(page);
      if (list) list.push(block);
      else this.byPage.set(page, [block]);
    }
  }

  onPage(pageNumber: number): Block[] {
    return this.byPage.get(pageNumber) ?? [];
  }

  pageOf(block: Block): number {
    return block.Page ?? this.defaultPage;
  }

  related(block: Block, type: RelationshipType = 'CHILD', blockTypes?: readonly BlockType[]): Block[] {
    const out: Block[] = [];
    for (const rel of block.Relationships ?? []) {
      if (rel.Type !== type) continue;
      for (const id of rel.Ids ?? []) {
        const found = this.byId.get(id);
        if (found && (!blockTypes || blockTypes.includes(found.BlockType!))) out.push(found);
      }
    }
    return out;
  }
}

const confidence = (block: Block) => (block.Confidence ?? 0) / 100;

class PageMapper {
  private readonly own: Block[];

  constructor(
    private readonly doc: BlockIndex,
    private readonly page: Block,
    pageNumber: number,
    private readonly size: PageSize,
  ) {
    this.own = doc.onPage(pageNumber);
  }

  private box(block: Block): BoundingBox {
    return textractBox(block.Geometry, this.size);
  }

  private ofType(type: BlockType): Block[] {
    return this.own.filter((b) => b.BlockType === type);
  }

  /** Lines in reading order: LAYOUT's order when the page has layout blocks, else the PAGE's child order. */
  lines(): OcrLine[] {
    const lines = new Set(this.ofType('LINE'));
    const pageChildren = this.doc.related(this.page);
    const layout = pageChildren.filter((b) => b.BlockType?.startsWith('LAYOUT_'));
    const layoutBlocks = layout.length > 0 ? layout : this.own.filter((b) => b.BlockType?.startsWith('LAYOUT_'));
    const ordered = [
      ...layoutBlocks.flatMap((b) => this.doc.related(b, 'CHILD', ['LINE'])),
      ...pageChildren.filter((b) => b.BlockType === 'LINE'),
      ...lines,
    ];
    const seen = new Set<Block>();
    const out: OcrLine[] = [];
    for (const line of ordered) {
      if (seen.has(line) || !lines.has(line)) continue;
      seen.add(line);
      const words: OcrWord[] = this.doc
        .related(line, 'CHILD', ['WORD'])
        .map((w) => ({ text: w.Text ?? '', confidence: confidence(w), bbox: this.box(w) }));
      out.push({ text: line.Text ?? words.map((w) => w.text).join(' '), confidence: confidence(line), bbox: this.box(line), words });
    }
    return out;
  }

  /** Text of words and tick boxes under the given blocks, in reading order. */
  private textUnder(parents: readonly Block[]): { text: string; selected?: boolean } {
    const items: { text: string; bbox: BoundingBox }[] = [];
    let selected: boolean | undefined;
    for (const parent of parents) {
      for (const child of this.doc.related(parent, 'CHILD', ['WORD', 'SELECTION_ELEMENT'])) {
        if (child.BlockType === 'SELECTION_ELEMENT') {
          const ticked = child.SelectionStatus === 'SELECTED';
          selected = (selected ?? false) || ticked;
          items.push({ text: ticked ? TICKED : UNTICKED, bbox: this.box(child) });
        } else {
          items.push({ text: child.Text ?? '', bbox: this.box(child) });
        }
      }
    }
    return { text: joinInReadingOrder(items), ...(selected === undefined ? {} : { selected }) };
  }

  tables(): OcrTable[] {
    return this.ofType('TABLE').map((table) => {
      const merged = this.doc.related(table, 'MERGED_CELL', ['MERGED_CELL']);
      const inMerged = new Set(merged.flatMap((m) => this.doc.related(m, 'CHILD', ['CELL'])));
      const cells: OcrTableCell[] = [
        ...this.doc
          .related(table, 'CHILD', ['CELL'])
          .filter((c) => !inMerged.has(c))
          .map((c) => this.cell(c, [c])),
        ...merged.map((m) => this.cell(m, this.doc.related(m, 'CHILD', ['CELL']))),
      ].sort((a, b) => a.row - b.row || a.column - b.column);
      const title = this.doc.related(table, 'TABLE_TITLE').map((t) => this.textUnder([t]).text).filter(Boolean);
      const footer = this.doc.related(table, 'TABLE_FOOTER').map((t) => this.textUnder([t]).text).filter(Boolean);
      const out: OcrTable = {
        rows: Math.max(0, ...cells.map((c) => c.row + c.rowSpan - 1)),
        columns: Math.max(0, ...cells.map((c) => c.column + c.columnSpan - 1)),
        confidence: confidence(table),
        bbox: this.box(table),
        cells,
      };
      if (title.length > 0) out.title = title.join('\n');
      if (footer.length > 0) out.footer = footer.join('\n');
      return out;
    });
  }

  private cell(cell: Block, parts: readonly Block[]): OcrTableCell {
    const { text, selected } = this.textUnder(parts);
    const roles = [...new Set([cell, ...parts].flatMap((b) => b.EntityTypes ?? []))]
      .map((e) => CELL_ROLES[e])
      .filter((r): r is OcrCellRole => r !== undefined);
    const out: OcrTableCell = {
      row: cell.RowIndex ?? 1,
      column: cell.ColumnIndex ?? 1,
      rowSpan: cell.RowSpan ?? 1,
      columnSpan: cell.ColumnSpan ?? 1,
      text,
      confidence: confidence(cell),
      bbox: cell.Geometry?.BoundingBox ? this.box(cell) : (unionBox(parts.map((p) => this.box(p))) ?? this.box(cell)),
    };
    if (roles.length > 0) out.roles = roles;
    if (selected !== undefined) out.selected = selected;
    return out;
  }

  private formKeys(): Block[] {
    return this.ofType('KEY_VALUE_SET').filter((b) => b.EntityTypes?.includes('KEY'));
  }

  keyValues(): OcrKeyValue[] {
    return this.formKeys().map((key) => {
      const values = this.doc.related(key, 'VALUE', ['KEY_VALUE_SET']);
      const value = this.textUnder(values);
      const out: OcrKeyValue = {
        key: this.textUnder([key]).text,
        value: value.text,
        confidence: Math.min(confidence(key), ...values.map(confidence)),
        keyBbox: this.box(key),
      };
      const valueBox = unionBox(values.map((v) => this.box(v)));
      if (valueBox) out.valueBbox = valueBox;
      if (value.selected !== undefined) out.selected = value.selected;
      return out;
    });
  }

  selections(): OcrSelection[] {
    const labels = new Map<Block, string>();
    for (const key of this.formKeys()) {
      const label = this.textUnder([key]).text;
      for (const value of this.doc.related(key, 'VALUE', ['KEY_VALUE_SET'])) {
        for (const box of this.doc.related(value, 'CHILD', ['SELECTION_ELEMENT'])) labels.set(box, label);
      }
    }
    return this.ofType('SELECTION_ELEMENT').map((box) => {
      const out: OcrSelection = { selected: box.SelectionStatus === 'SELECTED', confidence: confidence(box), bbox: this.box(box) };
      const label = labels.get(box);
      if (label) out.label = label;
      return out;
    });
  }

  signatures(): OcrSignature[] {
    return this.ofType('SIGNATURE').map((s) => ({ signed: true, confidence: confidence(s), bbox: this.box(s) }));
  }
}
