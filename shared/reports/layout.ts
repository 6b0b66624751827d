/**
 * A small flowing layout engine over pdf-lib for A4 Chinese reports: title block, headings,
 * paragraphs, key-value tables, ruled tables that break across pages, signature blocks and
 * "第 1 页 共 N 页" footers. Blocks are laid out top to bottom as they are added; pages are
 * added when the current one is full.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedCjkFont, wrapCjk } from '../pdf/fonts.js';
import { formatDateZh, isoDateInChina } from './format.js';

export interface ReportOptions {
  title: string;
  subtitle?: string;
  /** 文书编号, printed in the header block and on every continuation page. */
  documentNo: string;
  /** Printed as 生成日期 (Chinese calendar date, China time) and stored as the PDF dates. */
  generatedAt: Date;
}

/** What every rendered report is given besides its content. */
export type ReportMeta = Pick<ReportOptions, 'documentNo' | 'generatedAt'>;

export interface TableColumn {
  title: string;
  /** Share of the line width, relative to the other columns (e.g. 1, 2, 4). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
}

export interface KeyValue {
  label: string;
  value: string;
}

export interface Signatory {
  /** E.g. `被评议人（签字）`. */
  label: string;
  /** Adds a 日期 line (年 月 日) next to the signature line. */
  date?: boolean;
  /** Adds the seal placeholder `（盖章）`. */
  seal?: boolean;
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 62;
const CONTENT_TOP = PAGE_HEIGHT - 64;
const CONTENT_BOTTOM = 64;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;

const SIZE = { title: 18, subtitle: 12, heading: 12, body: 10.5, table: 9, margin: 8.5 } as const;
const LEADING = 1.55;
const CELL_PADDING_X = 4;
const CELL_PADDING_Y = 3.5;
const RULE = 0.75;
const HEADING_SPACE_BEFORE = 8;
const HEADING_SPACE_AFTER = 5;

const INK = rgb(0, 0, 0);
const GREY_INK = rgb(0.35, 0.35, 0.35);
const HEADER_FILL = rgb(0.9, 0.9, 0.9);
const LABEL_FILL = rgb(0.96, 0.96, 0.96);

type Align = 'left' | 'center' | 'right';

interface CellStyle {
  bold?: boolean;
  fill?: ReturnType<typeof rgb>;
  align?: Align;
}

/** A row ready to draw: each cell's wrapped lines and style. */
interface LaidOutRow {
  cells: { lines: string[]; style: CellStyle }[];
  lineCount: number;
}

interface Grid {
  widths: number[];
  header?: LaidOutRow;
  /** Top of the part of the grid drawn on the current page; its column rules are drawn when it ends. */
  segmentTop?: number;
}

export class ReportDocument {
  private page!: PDFPage;
  /** The top of the next block, in PDF points from the bottom of the page. */
  private y = CONTENT_TOP;
  /** A heading waits for the block after it, so that the two start on the same page. */
  private pendingHeading: string[] = [];

  private constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly options: ReportOptions,
  ) {}

  static async create(options: ReportOptions): Promise<ReportDocument> {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.setTitle(options.title, { showInWindowTitleBar: true });
    if (options.subtitle) pdf.setSubject(options.subtitle);
    pdf.setLanguage('zh-CN');
    pdf.setProducer('guarantee-dossier reports (pdf-lib)');
    pdf.setCreationDate(options.generatedAt);
    pdf.setModificationDate(options.generatedAt);
    const doc = new ReportDocument(pdf, await embedCjkFont(pdf, 'regular'), await embedCjkFont(pdf, 'bold'), options);
    doc.addPage();
    doc.titleBlock();
    return doc;
  }

  /** A section heading, kept on the same page as the start of the block that follows it. */
  heading(text: string): this {
    this.startBlock(0);
    this.pendingHeading = this.wrap(text, this.bold, SIZE.heading, CONTENT_WIDTH);
    return this;
  }

  /** Body text, first line of each paragraph indented by two characters; `\n` starts a new paragraph. */
  paragraph(text: string): this {
    const indented = text
      .split(/\r?\n/)
      .map((part) => `\u3000\u3000${part.trim()}`)
      .join('\n');
    const lineHeight = SIZE.body * LEADING;
    const lines = this.wrap(indented, this.regular, SIZE.body, CONTENT_WIDTH);
    this.startBlock(Math.min(lines.length, 2) * lineHeight);
    for (const line of lines) {
      this.ensureSpace(lineHeight);
      this.text(line, MARGIN_X, this.y - lineHeight, SIZE.body, this.regular);
      this.y -= lineHeight;
    }
    this.y -= 6;
    return this;
  }

  /** A two-column ruled table of labels and values. */
  keyValues(entries: KeyValue[]): this {
    const widths = columnWidths([1, 3]);
    const label: CellStyle = { bold: true, fill: LABEL_FILL };
    const grid: Grid = { widths };
    const rows = entries.map((entry) => this.layoutRow([entry.label, entry.value], widths, [label, {}]));
    this.startBlock(rows.length > 0 ? firstRowHeight(rows[0], 0) : 0);
    for (const row of rows) this.drawRow(grid, row);
    this.closeSegment(grid);
    this.y -= 8;
    return this;
  }

  /** A ruled table; the header row is repeated on every page the table continues on. */
  table({ columns, rows }: TableSpec): this {
    const widths = columnWidths(columns.map((c) => c.width));
    const headerStyles = columns.map((): CellStyle => ({ bold: true, fill: HEADER_FILL, align: 'center' }));
    const bodyStyles = columns.map((c): CellStyle => ({ align: c.align }));
    const header = this.layoutRow(
      columns.map((c) => c.title),
      widths,
      headerStyles,
    );
    const body = rows.map((row) => {
      if (row.length !== columns.length) throw new Error(`table row has ${row.length} cells, expected ${columns.length}`);
      return this.layoutRow(row, widths, bodyStyles);
    });
    const headerHeight = rowHeight(header.lineCount);
    this.startBlock(headerHeight + (body.length > 0 ? firstRowHeight(body[0], headerHeight) : 0));
    const grid: Grid = { widths, header };
    this.drawRow(grid, header, { isHeader: true });
    for (const row of body) this.drawRow(grid, row);
    this.closeSegment(grid);
    this.y -= 8;
    return this;
  }

  /** Signature lines (signature, date, seal placeholder), kept together on one page. */
  signatureBlock(signatories: Signatory[]): this {
    const lineHeight = SIZE.body * LEADING;
    const entryHeight = (s: Signatory) => lineHeight * (s.seal ? 3.2 : 2.2);
    this.y -= 10;
    this.startBlock(signatories.reduce((sum, s) => sum + entryHeight(s), 0));
    for (const signatory of signatories) {
      const baseline = this.y - lineHeight * 1.4;
      this.drawSignatureLine(signatory, baseline);
      if (signatory.seal) {
        const seal = '（盖章）';
        const x = MARGIN_X + CONTENT_WIDTH - this.regular.widthOfTextAtSize(seal, SIZE.body);
        this.text(seal, x, baseline - lineHeight * 1.2, SIZE.body, this.regular);
      }
      this.y -= entryHeight(signatory);
    }
    return this;
  }

  /** Adds page numbers and returns the PDF bytes. */
  async finish(): Promise<Uint8Array> {
    this.startBlock(0);
    const pages = this.pdf.getPages();
    pages.forEach((page, index) => {
      const label = `第 ${index + 1} 页 共 ${pages.length} 页`;
      const width = this.regular.widthOfTextAtSize(label, SIZE.margin);
      page.drawText(label, { x: (PAGE_WIDTH - width) / 2, y: 34, size: SIZE.margin, font: this.regular, color: GREY_INK });
    });
    return this.pdf.save({ objectsPerTick: Number.POSITIVE_INFINITY });
  }

  private titleBlock(): void {
    const { title, subtitle, documentNo, generatedAt } = this.options;
    this.centered(title, SIZE.title, this.bold, SIZE.title * 1.6);
    if (subtitle) this.centered(subtitle, SIZE.subtitle, this.regular, SIZE.subtitle * 1.7);
    this.y -= 8;
    const baseline = this.y - SIZE.body * 1.2;
    this.text(`文书编号：${documentNo}`, MARGIN_X, baseline, SIZE.body, this.regular);
    const date = `生成日期：${formatDateZh(isoDateInChina(generatedAt))}`;
    const dateWidth = this.regular.widthOfTextAtSize(date, SIZE.body);
    this.text(date, MARGIN_X + CONTENT_WIDTH - dateWidth, baseline, SIZE.body, this.regular);
    this.y = baseline - 7;
    this.hline(this.y, 1.2);
    this.hline(this.y - 2.2, 0.4);
    this.y -= 12;
  }

  private centered(text: string, size: number, font: PDFFont, lineHeight: number): void {
    for (const line of this.wrap(text, font, size, CONTENT_WIDTH)) {
      const width = font.widthOfTextAtSize(line, size);
      this.text(line, MARGIN_X + (CONTENT_WIDTH - width) / 2, this.y - size * 1.15, size, font);
      this.y -= lineHeight;
    }
  }

  private addPage(): void {
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = CONTENT_TOP;
    if (this.pdf.getPageCount() > 1) {
      const { title, documentNo } = this.options;
      const running = `${title}　文书编号：${documentNo}`;
      this.page.drawText(running, { x: MARGIN_X, y: CONTENT_TOP + 16, size: SIZE.margin, font: this.regular, color: GREY_INK });
      this.hline(CONTENT_TOP + 10, 0.4);
    }
  }

  private ensureSpace(height: number): void {
    if (this.y - height < CONTENT_BOTTOM) this.addPage();
  }

  /**
   * Begins a block whose first unbreakable part is `height` tall: draws any pending heading
   * on the same page as that part, turning the page first when both do not fit.
   */
  private startBlock(height: number): void {
    const lineHeight = SIZE.heading * LEADING;
    const lines = this.pendingHeading.length;
    const headingHeight = lines > 0 ? HEADING_SPACE_BEFORE + lines * lineHeight + HEADING_SPACE_AFTER : 0;
    this.ensureSpace(headingHeight + height);
    if (this.pendingHeading.length === 0) return;
    this.y -= HEADING_SPACE_BEFORE;
    for (const line of this.pendingHeading) {
      this.text(line, MARGIN_X, this.y - lineHeight, SIZE.heading, this.bold);
      this.y -= lineHeight;
    }
    this.y -= HEADING_SPACE_AFTER;
    this.pendingHeading = [];
  }

  private layoutRow(texts: string[], widths: number[], styles: CellStyle[]): LaidOutRow {
    const cells = texts.map((text, i) => {
      const font = styles[i].bold ? this.bold : this.regular;
      const lines = this.wrap(text, font, SIZE.table, widths[i] - 2 * CELL_PADDING_X);
      return { lines, style: styles[i] };
    });
    return { cells, lineCount: Math.max(1, ...cells.map((c) => c.lines.length)) };
  }

  /**
   * Draws a row where it fits. A row that does not fit moves whole to a new page (after the
   * repeated header); only a row taller than a whole page is split, between lines.
   */
  private drawRow(grid: Grid, row: LaidOutRow, options: { isHeader?: boolean } = {}): void {
    const headerHeight = grid.header && !options.isHeader ? rowHeight(grid.header.lineCount) : 0;
    const fitsOnFreshPage = rowHeight(row.lineCount) <= CONTENT_TOP - CONTENT_BOTTOM - headerHeight;
    if (this.y - rowHeight(row.lineCount) < CONTENT_BOTTOM && (fitsOnFreshPage || this.linesThatFit() < 2)) {
      this.continueGridOnNewPage(grid, options);
    }
    let from = 0;
    while (from < row.lineCount) {
      const take = Math.min(row.lineCount - from, this.linesThatFit());
      this.drawRowSlice(grid, row, from, from + take);
      from += take;
      if (from < row.lineCount) this.continueGridOnNewPage(grid, options);
    }
  }

  private continueGridOnNewPage(grid: Grid, options: { isHeader?: boolean }): void {
    this.closeSegment(grid);
    this.addPage();
    if (grid.header && !options.isHeader) this.drawRowSlice(grid, grid.header, 0, grid.header.lineCount);
  }

  private linesThatFit(): number {
    const lineHeight = SIZE.table * LEADING;
    return Math.max(0, Math.floor((this.y - CONTENT_BOTTOM - 2 * CELL_PADDING_Y) / lineHeight));
  }

  private drawRowSlice(grid: Grid, row: LaidOutRow, from: number, to: number): void {
    const lineHeight = SIZE.table * LEADING;
    const height = rowHeight(to - from);
    const top = this.y;
    const bottom = top - height;
    let x = MARGIN_X;
    row.cells.forEach((cell, i) => {
      const width = grid.widths[i];
      if (cell.style.fill) this.page.drawRectangle({ x, y: bottom, width, height, color: cell.style.fill });
      const font = cell.style.bold ? this.bold : this.regular;
      cell.lines.slice(from, to).forEach((line, n) => {
        const baseline = top - CELL_PADDING_Y - (n + 1) * lineHeight + (lineHeight - SIZE.table) / 2 + SIZE.table * 0.12;
        const textWidth = font.widthOfTextAtSize(line, SIZE.table);
        const align = cell.style.align ?? 'left';
        const offset =
          align === 'left' ? CELL_PADDING_X : align === 'right' ? width - CELL_PADDING_X - textWidth : (width - textWidth) / 2;
        this.text(line, x + offset, baseline, SIZE.table, font);
      });
      x += width;
    });
    // The rule above belongs to the previous row, but a fill drawn since may cover it.
    if (grid.segmentTop === undefined || row.cells.some((cell) => cell.style.fill)) this.hline(top, RULE);
    this.hline(bottom, RULE);
    grid.segmentTop ??= top;
    this.y = bottom;
  }

  /** Draws the column rules of the grid's part on this page. */
  private closeSegment(grid: Grid): void {
    if (grid.segmentTop === undefined) return;
    let edge = MARGIN_X;
    for (const width of [0, ...grid.widths]) {
      edge += width;
      this.page.drawLine({ start: { x: edge, y: grid.segmentTop }, end: { x: edge, y: this.y }, thickness: RULE, color: INK });
    }
    grid.segmentTop = undefined;
  }

  private drawSignatureLine(signatory: Signatory, baseline: number): void {
    const label = `${signatory.label}：`;
    this.text(label, MARGIN_X, baseline, SIZE.body, this.regular);
    const signStart = MARGIN_X + this.regular.widthOfTextAtSize(label, SIZE.body) + 2;
    const signEnd = MARGIN_X + CONTENT_WIDTH * (signatory.date ? 0.56 : 1);
    this.underline(signStart, signEnd, baseline);
    if (!signatory.date) return;
    // 日期：＿＿＿＿年＿＿月＿＿日
    let x = MARGIN_X + CONTENT_WIDTH * 0.6;
    for (const [text, blank] of [
      ['日期：', 46],
      ['年', 26],
      ['月', 26],
      ['日', 0],
    ] as const) {
      this.text(text, x, baseline, SIZE.body, this.regular);
      x += this.regular.widthOfTextAtSize(text, SIZE.body);
      if (blank) this.underline(x + 1, x + blank - 1, baseline);
      x += blank;
    }
  }

  private underline(from: number, to: number, baseline: number): void {
    this.page.drawLine({ start: { x: from, y: baseline - 2.5 }, end: { x: to, y: baseline - 2.5 }, thickness: 0.6, color: INK });
  }

  private hline(y: number, thickness: number): void {
    this.page.drawLine({ start: { x: MARGIN_X, y }, end: { x: MARGIN_X + CONTENT_WIDTH, y }, thickness, color: INK });
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    return wrapCjk(sanitize(text), font, size, width);
  }

  private text(text: string, x: number, y: number, size: number, font: PDFFont): void {
    if (text !== '') this.page.drawText(text, { x, y, size, font, color: INK });
  }
}

function columnWidths(shares: number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((share) => (CONTENT_WIDTH * share) / total);
}

function rowHeight(lineCount: number): number {
  return lineCount * SIZE.table * LEADING + 2 * CELL_PADDING_Y;
}

/** How much of a table's first row must fit below its header: all of it, or two lines of a row taller than a page. */
function firstRowHeight(row: LaidOutRow, headerHeight: number): number {
  const whole = rowHeight(row.lineCount);
  return whole <= CONTENT_TOP - CONTENT_BOTTOM - headerHeight ? whole : rowHeight(2);
}

/** Tabs and control characters have no glyph; OCR text may carry them. */
function sanitize(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}
