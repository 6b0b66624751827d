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
 * pdf-lib expects the fontkit 1 API (`subset.encodeStream()`); fontkit 2 renders every
 * CJK glyph correctly but only offers `subset.encode()`. This adapter bridges the two.
 */
const fontkitAdapter = {
  create(data: Uint8Array) {
    const font = (fontkit as unknown as { create(b: Buffer): any }).create(Buffer.from(data));
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
  },
};

/** Embeds the CJK font (subset) into a document. */
export async function embedCjkFont(doc: PDFDocument, weight: FontWeight = 'regular'): Promise<PDFFont> {
  doc.registerFontkit(fontkitAdapter as never);
  return doc.embedFont(bytesOf(weight), { subset: true });
}

/**
 * Splits text into lines no wider than `maxWidth`, breaking between any two CJK characters
 * and at spaces in Latin runs; keeps closing punctuation off the start of a line (禁则).
 */
export function wrapCjk(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const token of tokenize(paragraph)) {
      const candidate = line + token;
      if (line !== '' && font.widthOfTextAtSize(candidate, size) > maxWidth && !NO_LINE_START.has(token[0])) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

const NO_LINE_START = new Set('，。、；：？！）》」』】〕,.;:?!)%…'.split(''));

/** Latin words and numbers stay whole; every other character is its own token. */
function tokenize(text: string): string[] {
  return text.match(/[A-Za-z0-9.,%/\-]+\s*|\s+|./gsu) ?? [];
}
