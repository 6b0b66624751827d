import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const require = createRequire(import.meta.url);

/** Noto Sans SC (SIL Open Font License), shipped inside an npm package. */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FONT_FILES;

const fontBytes = new Map<FontWeight, Uint8Array>();

function bytesOf(weight: FontWeight): Uint8Array {
  let bytes = fontBytes.get(weight);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FONT_FILES[weight]));
    fontBytes.set(weight, bytes);
  }
  return bytes;
}

/**
 * The fontkit that pdf-lib is given. Fonts are parsed once per process and shared by every
 * document: fontkit's glyph and metrics caches live on the font object, so later reports reuse
 * them. Subsets are created per document (`createSubset`), so sharing is safe.
 */
const fontkitAdapter = {
  create(data: Uint8Array) {
    let font = parsedFonts.get(data);
    if (!font) {
      font = adaptForPdfLib((fontkit as unknown as { create(b: Buffer): any }).create(Buffer.from(data)));
      parsedFonts.set(data, font);
    }
    return font;
  },
};

const parsedFonts = new WeakMap<Uint8Array, any>();

/**
 * pdf-lib expects the fontkit 1 API (`subset.encodeStream()`); fontkit 2 renders every CJK
 * glyph correctly but only offers `subset.encode()`. This bridges the two, and replaces
 * OpenType shaping with a cmap lookup (see `glyphsFor`).
 */
function adaptForPdfLib(font: any) {
  font.layout = (text: string) => ({ glyphs: glyphsFor(font, text) });
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    subset.encodeStream = () => {
      const handlers: Record<string, (arg?: unknown) => void> = {};
      const stream = {
        on(event: string, fn: (arg?: unknown) => void) {
          handlers[event] = fn;
          return stream;
        },
      };
      queueMicrotask(() => {
        try {
          handlers.data?.(subset.encode());
          handlers.end?.();
        } catch (err) {
          handlers.error?.(err);
        }
      });
      return stream;
    };
    return subset;
  };
  return font;
}

/**
 * Maps text to glyphs one code point at a time, through the font's cmap. pdf-lib reads only
 * `glyphs` from a layout and places each glyph at its advance width (it ignores kerning), so
 * OpenType shaping would change nothing visible except ligatures (fi, fl: unwanted in records
 * that must stay searchable) and costs about twenty times as much. fontkit caches one glyph
 * object per glyph id with the code point it was first reached by; when another code point
 * reaches the same glyph (e.g. Kangxi radical ⼀ and 一), the glyph is wrapped so the PDF's
 * ToUnicode map records the character actually written. Variation selectors are dropped.
 */
function glyphsFor(font: any, text: string): unknown[] {
  const glyphs: unknown[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if ((codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef)) continue;
    const glyph = font.glyphForCodePoint(codePoint);
    const reached = glyph.codePoints.length === 1 && glyph.codePoints[0] === codePoint;
    glyphs.push(reached ? glyph : Object.create(glyph, { codePoints: { value: [codePoint] } }));
  }
  return glyphs;
}

/**
 * PDF names a subset font `XXXXXX+Name` (six capital letters, ISO 32000-1 §9.6.4), which is how
 * readers and PDF/A validators recognise a subset. One tag per weight is enough: a document
 * embeds each weight once.
 */
const SUBSET_NAMES: Record<FontWeight, string> = {
  regular: 'CJKREG+NotoSansSC-Regular',
  bold: 'CJKBLD+NotoSansSC-Bold',
};

/** Embeds the CJK font (subset) into a document. Call once per weight and document. */
export async function embedCjkFont(doc: PDFDocument, weight: FontWeight = 'regular'): Promise<PDFFont> {
  doc.registerFontkit(fontkitAdapter as never);
  return doc.embedFont(bytesOf(weight), { subset: true, customName: SUBSET_NAMES[weight] });
}

/**
 * Splits text into lines no wider than `maxWidth`, breaking between any two CJK characters
 * and at spaces in Latin runs. Line-breaking rules (禁则): closing punctuation never starts a
 * line and opening punctuation never ends one (the neighbouring character moves with it).
 * A Latin run wider than a whole line (a hash, a code, a file name) is broken after `_-/.:`
 * where possible, else between characters.
 */
export function wrapCjk(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const advances = advancesOf(font);
  const widthOf = (token: string) => {
    let advance = advances.get(token);
    if (advance === undefined) {
      advance = font.widthOfTextAtSize(token, 1);
      advances.set(token, advance);
    }
    return advance * size;
  };
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line: string[] = [];
    let width = 0;
    for (const token of tokenize(paragraph).flatMap((t) => splitOverlong(t, widthOf, maxWidth))) {
      if (line.length > 0 && width + widthOf(token.trimEnd()) > maxWidth) {
        const carried = carryForward(line, token);
        lines.push(line.join('').trimEnd());
        line = carried;
        width = line.reduce((sum, t) => sum + widthOf(t), 0);
        if (line.length === 0 && token.trim() === '') continue;
      }
      line.push(token);
      width += widthOf(token);
    }
    lines.push(line.join('').trimEnd());
  }
  return lines;
}

const NO_LINE_START = new Set('，。、；：？！）》」』】〕〉”’,.;:?!)]}%…·'.split(''));
const NO_LINE_END = new Set('（《「『【〔〈“‘([{'.split(''));

/**
 * Takes tokens off the end of a full line so that the next line does not start with closing
 * punctuation and this one does not end with opening punctuation. When no break satisfies
 * both (a run of punctuation wider than the line), the line breaks where it is full.
 */
function carryForward(line: string[], next: string): string[] {
  const carried: string[] = [];
  const violates = () =>
    NO_LINE_START.has((carried[0] ?? next)[0]) || NO_LINE_END.has(line[line.length - 1].trimEnd().slice(-1));
  while (violates()) {
    if (line.length === 1) {
      line.push(...carried);
      return [];
    }
    carried.unshift(line.pop()!);
  }
  return carried;
}

/** Latin words, numbers and codes stay whole; every other character is its own token. */
function tokenize(text: string): string[] {
  return text.match(/[A-Za-z0-9.,%/\-_:@+#=&~*']+\s*|\s+|./gsu) ?? [];
}

/** Breaks a token wider than a line after `_-/.:`, then any piece still too wide per character. */
function splitOverlong(token: string, widthOf: (s: string) => number, maxWidth: number): string[] {
  if (widthOf(token.trimEnd()) <= maxWidth) return [token];
  return (token.match(/[^_\-/.:]*[_\-/.:]*\s*/g) ?? [token])
    .filter((piece) => piece !== '')
    .flatMap((piece) => (widthOf(piece.trimEnd()) <= maxWidth ? [piece] : Array.from(piece)));
}

/** Advance widths at size 1, kept per font: wrapping measures the same tokens over and over. */
const advanceCache = new WeakMap<PDFFont, Map<string, number>>();

function advancesOf(font: PDFFont): Map<string, number> {
  let advances = advanceCache.get(font);
  if (!advances) {
    advances = new Map();
    advanceCache.set(font, advances);
  }
  return advances;
}
