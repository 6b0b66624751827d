import type { TextLine } from '../../shared/extract/lines.js';
import { normalizeLine } from '../../shared/extract/lines.js';

/** Lines as a reader would deliver them, from a block of text (one line per text line). */
export function linesOf(text: string, confidence = 0.95): TextLine[] {
  return text
    .trim()
    .split('\n')
    .map((raw) => ({ page: 1, raw: raw.trim(), text: normalizeLine(raw), confidence }));
}
