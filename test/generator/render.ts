/**
 * A small page-layout engine over pdf-lib for Chinese office paperwork: titles, indented
 * paragraphs, label-colon lines, ruled form tables, signature lines and a sealed closing,
 * flowed over A4 pages with page numbers. Tick boxes written as ☐/☑/☒ in any text are drawn
 * as graphics (a square, a hand-drawn √ or ×) and kept as those characters in the text layer.
 * Documents are described as blocks; this module knows nothing about meetings or audits.
 * `renderDocumentDetailed` also tells what was drawn where (text lines, tick boxes, seals).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import {
  BlendMode,
  LineCapStyle,
  PDFDocument,
  type PDFFont,
  PDFHexString,
  type PDFImage,
  type PDFName,
  type PDFPage,
  type PDFRef,
  type RGB,
  TextRenderingMode,
  beginText,
  clip,
  endPath,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFontAndSize,
  setTextRenderingMode,
  showText,
} from 'pdf-lib';
import type { BoundingBox } from '../../shared/domain/text.js';
import { embedCjkFont, wrapCjk } from '../../shared/pdf/fonts.js';
import { drawSeal, drawSignature } from './ink.js';
import type { Rng } from './prng.js';

export const A4 = { width: 595.28, height: 841.89 } as const;

export type Align = 'left' | 'center' | 'right';
export type Family = 'serif' | 'sans';
export type InkColor = 'black' | 'red';

export interface TextStyle {
  size?: number;
  bold?: boolean;
  family?: Family;
  color?: InkColor;
  /** Extra space between characters, in points. */
  letterSpacing?: number;
}

export interface Cell {
  text: string;
  /** Columns this cell covers. @default 1 */
  span?: number;
  align?: Align;
  bold?: boolean;
  /** Written by hand in the cell (a signature, 拒签), after any printed text. */
  handwriting?: string;
}

export interface SealSpec {
  name: string;
  bottomText?: string;
}

export type Block =
  /** One or more lines of wrapped text with an alignment: titles, document numbers, notes. */
  | { type: 'text'; text: string; align?: Align; style?: TextStyle; spaceBefore?: number; spaceAfter?: number }
  /** Running text with a first-line indent (in em). */
  | { type: 'paragraph'; text: string; indent?: number; style?: TextStyle; spaceAfter?: number }
  /** `label：value` lines; values wrap under themselves (`hanging`) or back to the margin. */
  | {
      type: 'fields';
      items: { label: string; value: string }[];
      colon: string;
      columns?: 1 | 2;
      hanging?: boolean;
      /** Labels padded to this many em so values line up. */
      labelWidth?: number;
      style?: TextStyle;
      spaceAfter?: number;
    }
  /** A ruled table; `widths` are relative column widths. */
  | {
      type: 'table';
      widths: number[];
      rows: Cell[][];
      style?: TextStyle;
      minRowHeight?: number;
      /** Short line above the table, e.g. 单位：万元. */
      caption?: { text: string; align: Align };
      spaceAfter?: number;
    }
  | { type: 'rule'; color?: InkColor; thickness?: number; double?: boolean; spaceBefore?: number; spaceAfter?: number }
  | { type: 'spacer'; height: number }
  /** Moves the cursor down so that `height` points remain above the bottom margin (抄送 lines sit at the page foot). */
  | { type: 'bottom'; height: number }
  /**
   * `label` followed by a handwritten name when signed; else `handwriting` written in the slot
   * (拒签), else a blank slot, underlined unless `underline` is false; optional date after it.
   */
  | {
      type: 'signature';
      label: string;
      name?: string;
      signed: boolean;
      date?: string;
      /** Handwritten in the slot of an unsigned place, e.g. 拒签. */
      handwriting?: string;
      /** Whether a blank slot has a line to sign on. @default true */
      underline?: boolean;
      style?: TextStyle;
      spaceAfter?: number;
    }
  /** Right-aligned closing lines (institution, date) with an optional seal stamped over them. */
  | { type: 'closing'; lines: string[]; seal?: SealSpec; style?: TextStyle; spaceBefore?: number }
  /**
   * A seal stamped over what is already on the page: its centre `above` points above the cursor,
   * at `at` (0..1) of the content width. The cursor does not move.
   */
  | { type: 'stamp'; seal: SealSpec; at: number; above: number }
  | { type: 'pageBreak' };

export interface DocumentStyle {
  family: Family;
  bodySize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  margins: { top: number; bottom: number; left: number; right: number };
  pageNumbers: 'none' | 'dash' | 'of';
  /** A seal stamped across the right edges of all pages (骑缝章), for multi-page documents. */
  ridingSeal?: SealSpec;
  title: string;
  /** Creation date written into the PDF metadata (kept fixed for reproducible output). */
  date: Date;
}

const INK = { black: rgb(0.08, 0.08, 0.08), red: rgb(0.84, 0.1, 0.12) } as const;

/**
 * Tick boxes drawn as vector graphics wherever text holds them: ☐ empty, ☑ ticked (√), ☒ crossed
 * (× or a filled square). The fonts have no glyphs for them; each takes 1 em, like a CJK character.
 */
const DRAWN_BOXES = /[☐☑☒]/u;
/** Tick boxes printed as font glyphs: □ empty, ■ filled. */
const GLYPH_BOXES = /[■□]/u;
/** Pen colours of hand-drawn ticks: black and dark blue ballpoint. */
const PEN = [rgb(0.1, 0.1, 0.12), rgb(0.12, 0.17, 0.48)] as const;

/** A line of text the renderer drew (page 0-based; bbox in PDF points, origin top-left). */
export interface TextRun {
  page: number;
  text: string;
  bbox: BoundingBox;
  /** Drawn inside a cell of a ruled table. */
  inTable: boolean;
  /** Overlapped by the disc of a seal stamped on the page. */
  sealed: boolean;
}

/** A tick box the renderer printed (page 0-based; bbox in PDF points, origin top-left). */
export interface PrintedBox {
  page: number;
  bbox: BoundingBox;
  /** `glyph`: a font glyph (□/■); otherwise drawn: an empty square, a √ tick, a × cross or a filled square. */
  mark: 'empty' | 'tick' | 'cross' | 'fill' | 'glyph';
  ticked: boolean;
  inTable: boolean;
}

/** A seal impression on a page (page 0-based; centre in PDF points from the top-left). */
export interface StampedSeal {
  page: number;
  cx: number;
  cy: number;
  radius: number;
  /** A slice of a 骑缝章 at the page's right edge (only `clipX0`..page edge is visible). */
  riding: boolean;
  clipX0?: number;
}

export interface RenderResult {
  pdf: Uint8Array;
  pageCount: number;
  runs: TextRun[];
  boxes: PrintedBox[];
  seals: StampedSeal[];
}

const require = createRequire(import.meta.url);
const SERIF_FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;
const serifBytes = new Map<string, Uint8Array>();

class Fonts {
  private readonly cache = new Map<string, Promise<PDFFont>>();
  constructor(private readonly doc: PDFDocument) {}

  get(family: Family, bold: boolean): Promise<PDFFont> {
    const key = `${family}-${bold}`;
    let font = this.cache.get(key);
    if (!font) {
      font = this.embed(family, bold);
      this.cache.set(key, font);
    }
    return font;
  }

  private async embed(family: Family, bold: boolean): Promise<PDFFont> {
    const weight = bold ? 'bold' : 'regular';
    if (family === 'sans') return embedCjkFont(this.doc, weight);
    // embedCjkFont registers the fontkit adapter on the document; the serif face is embedded through it.
    await this.get('sans', bold);
    let bytes = serifBytes.get(weight);
    if (!bytes) {
      bytes = readFileSync(require.resolve(SERIF_FILES[weight]));
      serifBytes.set(weight, bytes);
    }
    return this.doc.embedFont(bytes, { subset: true });
  }
}

interface SealMark {
  page: PDFPage;
  cx: number;
  cy: number;
  spec: SealSpec;
}

class Layout {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  /** Distance of the cursor from the top of the page. */
  y = 0;
  readonly seals: SealMark[] = [];
  readonly runs: TextRun[] = [];
  readonly boxes: PrintedBox[] = [];
  readonly stamped: StampedSeal[] = [];
  /** Set while table cells are drawn. */
  inTable = false;
  private readonly images = new Map<string, PDFImage>();
  private boxFont?: PDFRef;
  /** A printed form's boxes look alike, and one pen ticks them: drawn once per document. */
  private boxStyle?: { side: number; border: number; pen: RGB; penWidth: number };
  private readonly boxFontNames = new Map<PDFPage, PDFName>();

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly style: DocumentStyle,
    readonly rng: Rng,
  ) {
    this.newPage();
  }

  get contentWidth(): number {
    return A4.width - this.style.margins.left - this.style.margins.right;
  }

  get bottomLimit(): number {
    return A4.height - this.style.margins.bottom;
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = this.style.margins.top;
  }

  /** Starts a new page unless `height` still fits. */
  ensure(height: number): void {
    if (this.y + height > this.bottomLimit && this.y > this.style.margins.top) this.newPage();
  }

  font(style?: TextStyle): Promise<PDFFont> {
    return this.fonts.get(style?.family ?? this.style.family, style?.bold ?? false);
  }

  size(style?: TextStyle): number {
    return style?.size ?? this.style.bodySize;
  }

  lineHeight(style?: TextStyle): number {
    return this.size(style) * this.style.lineHeight;
  }

  width(text: string, font: PDFFont, size: number, letterSpacing = 0): number {
    return font.widthOfTextAtSize(text, size) + letterSpacing * Math.max(0, [...text].length - 1);
  }

  /** Draws one line of text with its top at `top` (distance from the page top) inside a line box of height `lh`. */
  drawLine(text: string, x: number, top: number, lh: number, font: PDFFont, size: number, style?: TextStyle): void {
    if (!text) return;
    const baseline = top + (lh - size) / 2 + size * 0.86;
    const color = INK[style?.color ?? 'black'];
    const spacing = style?.letterSpacing ?? 0;
    this.record(text, x, baseline, font, size, spacing);
    if (!DRAWN_BOXES.test(text)) {
      if (!spacing) {
        this.page.drawText(text, { x, y: A4.height - baseline, size, font, color });
        return;
      }
      let cx = x;
      for (const ch of text) {
        this.page.drawText(ch, { x: cx, y: A4.height - baseline, size, font, color });
        cx += font.widthOfTextAtSize(ch, size) + spacing;
      }
      return;
    }
    // Tick boxes are drawn as graphics, 1 em each; the text around them as before.
    let cx = x;
    for (const part of text.split(/([☐☑☒])/u)) {
      if (!part) continue;
      if (DRAWN_BOXES.test(part)) {
        this.drawTickBox(part, cx, baseline, size);
        cx += size + spacing;
      } else if (!spacing) {
        this.page.drawText(part, { x: cx, y: A4.height - baseline, size, font, color });
        cx += font.widthOfTextAtSize(part, size);
      } else {
        for (const ch of part) {
          this.page.drawText(ch, { x: cx, y: A4.height - baseline, size, font, color });
          cx += font.widthOfTextAtSize(ch, size) + spacing;
        }
      }
    }
  }

  /** Records a drawn line of text, and the tick boxes printed as glyphs in it. */
  private record(text: string, x: number, baseline: number, font: PDFFont, size: number, spacing: number): void {
    const page = this.pages.length - 1;
    const w = this.width(text, font, size, spacing);
    this.runs.push({ page, text, bbox: { x0: x, y0: baseline - 0.88 * size, x1: x + w, y1: baseline + 0.12 * size }, inTable: this.inTable, sealed: false });
    if (!GLYPH_BOXES.test(text)) return;
    let cx = x;
    for (const ch of text) {
      if (GLYPH_BOXES.test(ch)) {
        // Noto's □ and ■: 0.1..0.9 em across, 0.02 em below to 0.78 em above the baseline.
        const bbox = { x0: cx + 0.1 * size, y0: baseline - 0.78 * size, x1: cx + 0.9 * size, y1: baseline + 0.02 * size };
        this.boxes.push({ page, bbox, mark: 'glyph', ticked: ch === '■', inTable: this.inTable });
      }
      cx += font.widthOfTextAtSize(ch, size) + spacing;
    }
  }

  /**
   * A tick box in the 1-em cell at `x`: a square of 0.7–0.95 em, and for ☑ a hand-drawn √ that
   * may overflow the box, for ☒ a hand-drawn × or (sometimes) a filled square. The box is also
   * written, invisibly, into the text layer as ☐/☑/☒.
   */
  private drawTickBox(ch: string, x: number, baseline: number, size: number): void {
    if (!this.boxStyle) {
      const d = this.rng.fork('box-style');
      this.boxStyle = { side: d.float(0.7, 0.95), border: d.float(0.5, 1.2), pen: d.pick(PEN), penWidth: d.float(1, 2.2) };
    }
    const style = this.boxStyle;
    const r = this.rng.fork(`box:${this.pages.length}:${x.toFixed(2)}:${baseline.toFixed(2)}:${ch}`);
    const side = size * Math.min(0.95, Math.max(0.7, style.side + r.float(-0.02, 0.02)));
    const left = x + (size - side) / 2 + r.float(-0.03, 0.03) * size;
    // Centred on the CJK glyph box (0.88 em above the baseline to 0.12 em below).
    const top = baseline - 0.38 * size - side / 2 + r.float(-0.03, 0.03) * size;
    const border = style.border;
    this.page.drawRectangle({ x: left, y: A4.height - top - side, width: side, height: side, borderColor: INK.black, borderWidth: border });
    let mark: PrintedBox['mark'] = 'empty';
    if (ch === '☑') {
      mark = 'tick';
      this.penStrokes(r, left, top, side, [
        [
          [0.12, 0.5],
          [0.4, 0.88],
          [1 + r.float(0, 0.35), -r.float(0, 0.35)],
        ],
      ]);
    } else if (ch === '☒') {
      if (r.chance(0.3)) {
        mark = 'fill';
        const inset = side * r.float(0, 0.12);
        this.page.drawRectangle({ x: left + inset, y: A4.height - top - side + inset, width: side - 2 * inset, height: side - 2 * inset, color: INK.black });
      } else {
        mark = 'cross';
        const o = () => r.float(-0.05, 0.25);
        this.penStrokes(r, left, top, side, [
          [
            [-o(), -o()],
            [1 + o(), 1 + o()],
          ],
          [
            [1 + o(), -o()],
            [-o(), 1 + o()],
          ],
        ]);
      }
    }
    this.boxes.push({ page: this.pages.length - 1, bbox: { x0: left, y0: top, x1: left + side, y1: top + side }, mark, ticked: mark !== 'empty', inTable: this.inTable });
    this.writeInvisible(ch, x, baseline, size);
  }

  /** Pen strokes through points given in box units (0..1, y down), jittered, with round caps. */
  private penStrokes(r: Rng, left: number, top: number, side: number, strokes: [number, number][][]): void {
    const color = this.boxStyle?.pen ?? PEN[0];
    const width = Math.min(2.2, Math.max(1, (this.boxStyle?.penWidth ?? 1.5) + r.float(-0.2, 0.2)));
    const jitter = () => r.float(-0.06, 0.06) * side;
    for (const points of strokes) {
      const pts = points.map(([u, v]) => [u * side + jitter(), v * side + jitter()] as const);
      let path = `M ${pts[0][0].toFixed(2)} ${pts[0][1].toFixed(2)}`;
      for (let i = 1; i < pts.length; i++) {
        // A slight bow in each segment, as a hand draws it.
        const [ax, ay] = pts[i - 1];
        const [bx, by] = pts[i];
        const bow = r.float(-0.08, 0.08);
        const qx = (ax + bx) / 2 - (by - ay) * bow;
        const qy = (ay + by) / 2 + (bx - ax) * bow;
        path += ` Q ${qx.toFixed(2)} ${qy.toFixed(2)} ${bx.toFixed(2)} ${by.toFixed(2)}`;
      }
      this.page.drawSvgPath(path, { x: left, y: A4.height - top, borderColor: color, borderWidth: width, borderLineCap: LineCapStyle.Round });
    }
  }

  /** Writes ☐/☑/☒ into the text layer at the box, in an invisible font with no glyph outlines. */
  private writeInvisible(ch: string, x: number, baseline: number, size: number): void {
    this.boxFont ??= boxMarkFont(this.doc);
    let name = this.boxFontNames.get(this.page);
    if (!name) {
      name = this.page.node.newFontDictionary('BoxMarks', this.boxFont);
      this.boxFontNames.set(this.page, name);
    }
    const code = { '☐': '01', '☑': '02', '☒': '03' }[ch] ?? '01';
    this.page.pushOperators(
      pushGraphicsState(),
      beginText(),
      setFontAndSize(name, size),
      setTextRenderingMode(TextRenderingMode.Invisible),
      moveText(x, A4.height - baseline),
      showText(PDFHexString.of(code)),
      endText(),
      popGraphicsState(),
    );
  }

  async image(key: string, make: () => Promise<Uint8Array>): Promise<PDFImage> {
    let img = this.images.get(key);
    if (!img) {
      img = await this.doc.embedPng(await make());
      this.images.set(key, img);
    }
    return img;
  }
}

/**
 * A Type 3 font of three empty glyphs, 1 em wide, whose ToUnicode map reads them as ☐, ☑ and
 * ☒: the text layer gets the tick boxes that are drawn as graphics.
 */
function boxMarkFont(doc: PDFDocument): PDFRef {
  const ctx = doc.context;
  const glyph = () => ctx.register(ctx.stream('1000 0 0 -120 1000 880 d1'));
  const toUnicode = ctx.register(
    ctx.stream(
      [
        '/CIDInit /ProcSet findresource begin',
        '12 dict begin',
        'begincmap',
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
        '/CMapName /BoxMarks-UCS def',
        '/CMapType 2 def',
        '1 begincodespacerange',
        '<00> <FF>',
        'endcodespacerange',
        '3 beginbfchar',
        '<01> <2610>',
        '<02> <2611>',
        '<03> <2612>',
        'endbfchar',
        'endcmap',
        'CMapName currentdict /CMap defineresource pop',
        'end',
        'end',
      ].join('\n'),
    ),
  );
  return ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'Type3',
      Name: 'BoxMarks',
      FontBBox: [0, -120, 1000, 880],
      FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
      CharProcs: { box: glyph(), tick: glyph(), cross: glyph() },
      Encoding: { Type: 'Encoding', Differences: [1, 'box', 'tick', 'cross'] },
      FirstChar: 1,
      LastChar: 3,
      Widths: [1000, 1000, 1000],
      Resources: {},
      ToUnicode: toUnicode,
    }),
  );
}

function alignedX(align: Align, left: number, width: number, textWidth: number): number {
  if (align === 'center') return left + (width - textWidth) / 2;
  if (align === 'right') return left + width - textWidth;
  return left;
}

async function renderText(L: Layout, b: Extract<Block, { type: 'text' }>): Promise<void> {
  const font = await L.font(b.style);
  const size = L.size(b.style);
  const lh = L.lineHeight(b.style);
  L.y += b.spaceBefore ?? 0;
  for (const line of wrapCjk(b.text, font, size, L.contentWidth)) {
    L.ensure(lh);
    const w = L.width(line, font, size, b.style?.letterSpacing);
    L.drawLine(line, alignedX(b.align ?? 'left', L.style.margins.left, L.contentWidth, w), L.y, lh, font, size, b.style);
    L.y += lh;
  }
  L.y += b.spaceAfter ?? 0;
}

async function renderParagraph(L: Layout, b: Extract<Block, { type: 'paragraph' }>): Promise<void> {
  const font = await L.font(b.style);
  const size = L.size(b.style);
  const lh = L.lineHeight(b.style);
  const indent = '　'.repeat(b.indent ?? 2);
  for (const line of wrapCjk(indent + b.text, font, size, L.contentWidth)) {
    L.ensure(lh);
    L.drawLine(line, L.style.margins.left, L.y, lh, font, size, b.style);
    L.y += lh;
  }
  L.y += b.spaceAfter ?? 0;
}

async function renderFields(L: Layout, b: Extract<Block, { type: 'fields' }>): Promise<void> {
  const font = await L.font(b.style);
  const labelFont = await L.font({ ...b.style, bold: b.style?.bold });
  const size = L.size(b.style);
  const lh = L.lineHeight(b.style);
  const columns = b.columns ?? 1;
  const colWidth = L.contentWidth / columns;
  for (let i = 0; i < b.items.length; i += columns) {
    const rowItems = b.items.slice(i, i + columns);
    const wrapped = rowItems.map((item, c) => {
      const label = item.label + b.colon;
      const labelW = Math.max(L.width(label, labelFont, size), (b.labelWidth ?? 0) * size);
      const x = L.style.margins.left + c * colWidth;
      const avail = colWidth - labelW - (columns > 1 ? size : 0);
      let lines: string[];
      if (b.hanging !== false || columns > 1) {
        lines = wrapCjk(item.value, font, size, avail);
      } else {
        // First line after the label, then back to the margin.
        const first = wrapCjk(item.value, font, size, avail)[0] ?? '';
        const rest = item.value.slice(first.length).trimStart();
        lines = [first, ...(rest ? wrapCjk(rest, font, size, colWidth) : [])];
      }
      return { label, labelW, x, lines };
    });
    const rowLines = Math.max(...wrapped.map((w) => w.lines.length));
    for (let l = 0; l < rowLines; l++) {
      L.ensure(lh);
      for (const w of wrapped) {
        if (l === 0) L.drawLine(w.label, w.x, L.y, lh, labelFont, size, b.style);
        const line = w.lines[l];
        if (line === undefined) continue;
        const x = l === 0 || b.hanging !== false || columns > 1 ? w.x + w.labelW : w.x;
        L.drawLine(line, x, L.y, lh, font, size, b.style);
      }
      L.y += lh;
    }
  }
  L.y += b.spaceAfter ?? 0;
}

async function renderTable(L: Layout, b: Extract<Block, { type: 'table' }>): Promise<void> {
  const size = L.size(b.style);
  const lh = size * Math.min(L.style.lineHeight, 1.5);
  const pad = size * 0.45;
  const total = b.widths.reduce((s, w) => s + w, 0);
  const colW = b.widths.map((w) => (w / total) * L.contentWidth);
  const left = L.style.margins.left;
  if (b.caption) {
    const font = await L.font(b.style);
    L.ensure(lh * 3);
    const w = L.width(b.caption.text, font, size);
    L.drawLine(b.caption.text, alignedX(b.caption.align, left, L.contentWidth, w), L.y, lh, font, size, b.style);
    L.y += lh;
  }
  const stroke = rgb(0.1, 0.1, 0.1);
  for (const row of b.rows) {
    let col = 0;
    const cells = [];
    for (const cell of row) {
      const span = cell.span ?? 1;
      const x = left + colW.slice(0, col).reduce((s, w) => s + w, 0);
      const width = colW.slice(col, col + span).reduce((s, w) => s + w, 0);
      const font = await L.font({ ...b.style, bold: cell.bold ?? b.style?.bold });
      const lines = cell.text ? wrapCjk(cell.text, font, size, width - 2 * pad) : [];
      cells.push({ cell, x, width, font, lines });
      col += span;
    }
    const height = Math.max(b.minRowHeight ?? size * 2.1, ...cells.map((c) => c.lines.length * lh + 2 * pad));
    L.ensure(height);
    for (const c of cells) {
      L.page.drawRectangle({
        x: c.x,
        y: A4.height - L.y - height,
        width: c.width,
        height,
        borderColor: stroke,
        borderWidth: 0.8,
      });
      const textTop = L.y + (height - c.lines.length * lh) / 2;
      L.inTable = true;
      c.lines.forEach((line, i) => {
        const w = L.width(line, c.font, size);
        const x = alignedX(c.cell.align ?? 'left', c.x + pad, c.width - 2 * pad, w);
        L.drawLine(line, x, textTop + i * lh, lh, c.font, size, b.style);
      });
      L.inTable = false;
      if (c.cell.handwriting) await drawHandwriting(L, c.cell.handwriting, c.x + pad, L.y + height / 2, Math.min(size * 2, height - 2), c.width - 2 * pad, L.y);
    }
    L.y += height;
  }
  L.y += b.spaceAfter ?? size;
}

function renderRule(L: Layout, b: Extract<Block, { type: 'rule' }>): void {
  L.y += b.spaceBefore ?? 0;
  const thickness = b.thickness ?? 1;
  L.ensure(thickness + 4);
  const color = INK[b.color ?? 'black'];
  const draw = (top: number, t: number) =>
    L.page.drawLine({
      start: { x: L.style.margins.left, y: A4.height - top },
      end: { x: A4.width - L.style.margins.right, y: A4.height - top },
      thickness: t,
      color,
    });
  draw(L.y, thickness);
  if (b.double) draw(L.y + thickness + 2, Math.max(0.5, thickness / 3));
  L.y += (b.double ? thickness + 4 : thickness) + (b.spaceAfter ?? 0);
}

async function renderSignature(L: Layout, b: Extract<Block, { type: 'signature' }>): Promise<void> {
  const font = await L.font(b.style);
  const size = L.size(b.style);
  const lh = L.lineHeight(b.style) * 1.6;
  L.ensure(lh);
  const x0 = L.style.margins.left;
  L.drawLine(b.label, x0, L.y, lh, font, size, b.style);
  const sx = x0 + L.width(b.label, font, size) + size * 0.3;
  const slotW = size * 7;
  const handwriting = b.signed && b.name ? b.name : b.handwriting;
  if (handwriting) await drawHandwriting(L, handwriting, sx, L.y + lh / 2, size * 2.3, slotW * 1.3, b.signed && b.name ? undefined : L.y);
  else if (b.underline !== false) {
    L.page.drawLine({
      start: { x: sx, y: A4.height - L.y - lh * 0.78 },
      end: { x: sx + slotW, y: A4.height - L.y - lh * 0.78 },
      thickness: 0.6,
      color: INK.black,
    });
  }
  if (b.date) {
    const dx = sx + slotW + size * 2;
    L.drawLine(b.date, dx, L.y, lh, font, size, b.style);
  }
  L.y += lh + (b.spaceAfter ?? 0);
}

/**
 * Handwriting (a signed name, 拒签) `height` points tall, centred on the line at `cy`, from `x`,
 * at most `maxWidth` wide. A name keeps its own hand; other writing (no `name`) varies with its
 * place, told by `place` (a coordinate of it).
 */
async function drawHandwriting(L: Layout, text: string, x: number, cy: number, height: number, maxWidth: number, place?: number): Promise<void> {
  const label = place === undefined ? `signature:${text}` : `signature:${text}:${L.pages.length}:${Math.round(place)}`;
  const sig = await drawSignature(L.rng.fork(label), text);
  const img = await L.doc.embedPng(sig.png);
  L.page.drawImage(img, { x, y: A4.height - cy - height / 2, width: Math.min(height * sig.aspect, maxWidth), height, blendMode: BlendMode.Multiply });
}

async function renderClosing(L: Layout, b: Extract<Block, { type: 'closing' }>): Promise<void> {
  const font = await L.font(b.style);
  const size = L.size(b.style);
  const lh = L.lineHeight(b.style);
  L.y += b.spaceBefore ?? lh;
  L.ensure(lh * b.lines.length + (b.seal ? lh : 0));
  const widths = b.lines.map((l) => L.width(l, font, size));
  const blockW = Math.max(...widths);
  const right = A4.width - L.style.margins.right - size * 2;
  const top = L.y;
  b.lines.forEach((line, i) => {
    // Lines are centred on each other, the block sits at the right (公文落款).
    const x = right - blockW + (blockW - widths[i]) / 2;
    L.drawLine(line, x, L.y, lh, font, size, b.style);
    L.y += lh;
  });
  if (b.seal) {
    L.seals.push({
      page: L.page,
      cx: right - blockW / 2 + L.rng.float(-size * 1.5, size * 1.5),
      // Keep the whole seal on the page even when the closing opens a page.
      cy: Math.max(SEAL_DIAMETER / 2 + 12, top + (L.y - top) / 2 + L.rng.float(-size * 0.6, size * 0.6)),
      spec: b.seal,
    });
  }
}

function renderStamp(L: Layout, b: Extract<Block, { type: 'stamp' }>): void {
  L.seals.push({
    page: L.page,
    cx: L.style.margins.left + b.at * L.contentWidth,
    cy: Math.max(SEAL_DIAMETER / 2 + 12, L.y - b.above),
    spec: b.seal,
  });
}

const SEAL_DIAMETER = 116; // about 41 mm
/** Radius of a seal's outer ring as a share of its image's side. */
const SEAL_RING = 0.48;

async function stampSeals(L: Layout): Promise<void> {
  for (const s of L.seals) {
    const img = await L.image(`seal:${s.spec.name}:${s.spec.bottomText ?? ''}`, () =>
      drawSeal(L.rng.fork(`seal:${s.spec.name}`), s.spec),
    );
    const d = SEAL_DIAMETER * L.rng.float(0.92, 1.04);
    L.stamped.push({ page: L.pages.indexOf(s.page), cx: s.cx, cy: s.cy, radius: d * SEAL_RING, riding: false });
    s.page.drawImage(img, {
      x: s.cx - d / 2,
      y: A4.height - s.cy - d / 2,
      width: d,
      height: d,
      opacity: L.rng.float(0.82, 0.95),
      blendMode: BlendMode.Multiply,
    });
  }
  const riding = L.style.ridingSeal;
  if (riding && L.pages.length > 1) {
    const img = await L.image(`seal:${riding.name}:${riding.bottomText ?? ''}`, () => drawSeal(L.rng.fork(`seal:${riding.name}`), riding));
    const n = L.pages.length;
    const d = SEAL_DIAMETER;
    const slice = d / n;
    const cy = A4.height * L.rng.float(0.45, 0.6);
    L.pages.forEach((page, i) => {
      const cx = A4.width - (i + 1) * slice + d / 2;
      L.stamped.push({ page: i, cx, cy: A4.height - cy, radius: d * SEAL_RING, riding: true, clipX0: A4.width - slice });
      page.pushOperators(pushGraphicsState(), rectangle(A4.width - slice, 0, slice, A4.height), clip(), endPath());
      page.drawImage(img, { x: A4.width - (i + 1) * slice, y: cy - d / 2, width: d, height: d, opacity: 0.9, blendMode: BlendMode.Multiply });
      page.pushOperators(popGraphicsState());
    });
  }
}

async function drawPageNumbers(L: Layout): Promise<void> {
  if (L.style.pageNumbers === 'none') return;
  const font = await L.fonts.get(L.style.family, false);
  const size = Math.max(9, L.style.bodySize - 2);
  const n = L.pages.length;
  L.pages.forEach((page, i) => {
    const text = L.style.pageNumbers === 'dash' ? `- ${i + 1} -` : `第 ${i + 1} 页 共 ${n} 页`;
    const w = font.widthOfTextAtSize(text, size);
    page.drawText(text, { x: (A4.width - w) / 2, y: L.style.margins.bottom / 2, size, font, color: INK.black });
  });
}

/** Whether a seal's disc overlaps a box (both in PDF points from the top-left). */
function sealCovers(seal: StampedSeal, box: BoundingBox): boolean {
  const x0 = seal.clipX0 === undefined ? box.x0 : Math.max(box.x0, seal.clipX0);
  if (x0 >= box.x1) return false;
  const nx = Math.min(Math.max(seal.cx, x0), box.x1);
  const ny = Math.min(Math.max(seal.cy, box.y0), box.y1);
  return Math.hypot(nx - seal.cx, ny - seal.cy) < seal.radius;
}

/** Lays out the blocks on A4 pages and returns the PDF bytes (deterministic for the same input and seed). */
export async function renderDocument(blocks: Block[], style: DocumentStyle, rng: Rng): Promise<Uint8Array> {
  return (await renderDocumentDetailed(blocks, style, rng)).pdf;
}

/**
 * `renderDocument`, with what was drawn where: every line of text (and whether it sits in a
 * table cell or under a seal), every tick box, and every seal.
 */
export async function renderDocumentDetailed(blocks: Block[], style: DocumentStyle, rng: Rng): Promise<RenderResult> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(style.title);
  doc.setCreationDate(style.date);
  doc.setModificationDate(style.date);
  const L = new Layout(doc, new Fonts(doc), style, rng);
  for (const b of blocks) {
    switch (b.type) {
      case 'text':
        await renderText(L, b);
        break;
      case 'paragraph':
        await renderParagraph(L, b);
        break;
      case 'fields':
        await renderFields(L, b);
        break;
      case 'table':
        await renderTable(L, b);
        break;
      case 'rule':
        renderRule(L, b);
        break;
      case 'spacer':
        L.y += b.height;
        break;
      case 'bottom':
        L.ensure(b.height);
        L.y = Math.max(L.y, L.bottomLimit - b.height);
        break;
      case 'signature':
        await renderSignature(L, b);
        break;
      case 'closing':
        await renderClosing(L, b);
        break;
      case 'stamp':
        renderStamp(L, b);
        break;
      case 'pageBreak':
        L.newPage();
        break;
    }
  }
  await stampSeals(L);
  for (const run of L.runs) run.sealed = L.stamped.some((s) => s.page === run.page && sealCovers(s, run.bbox));
  await drawPageNumbers(L);
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, pageCount: L.pages.length, runs: L.runs, boxes: L.boxes, seals: L.stamped };
}
