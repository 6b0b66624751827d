/** Reads rendered PDFs back with poppler (pdftotext, pdfinfo, pdftoppm), as a person's viewer would. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Git-ignored output folder, so the pages can be looked at after a run. */
export const OUTPUT_DIR = fileURLToPath(new URL('../../.scratch/reports/', import.meta.url));

export function savePdf(name: string, bytes: Uint8Array): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/**
 * The text of the whole document, or of one page (1-based), in the order it was drawn (`-raw`):
 * a wrapped table cell comes out whole, and spaces are kept as written.
 */
export function pdfText(path: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-raw', ...range, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

export function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Renders every page to `<name>-<n>.png` at 60 dpi next to the PDF. */
export function renderPngs(path: string): void {
  execFileSync('pdftoppm', ['-r', '60', '-png', path, path.replace(/\.pdf$/, '')]);
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word poppler finds, with its box in points (origin top-left). */
export function wordBoxes(path: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const words: WordBox[] = [];
  let page = 0;
  for (const match of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0] === '<page ') {
      page += 1;
      continue;
    }
    const [xMin, yMin, xMax, yMax] = match.slice(1, 5).map(Number);
    words.push({ page, text: match[5], xMin, yMin, xMax, yMax });
  }
  return words;
}

/** Pairs of words on the same page whose boxes overlap by more than `tolerance` points each way. */
export function overlappingWords(words: WordBox[], tolerance = 0.5): [WordBox, WordBox][] {
  const overlaps: [WordBox, WordBox][] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i];
      const b = words[j];
      if (a.page !== b.page) continue;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (dx > tolerance && dy > tolerance) overlaps.push([a, b]);
    }
  }
  return overlaps;
}

/**
 * The text of each table cell (and of each run of lines sharing a left edge), with wrapped lines
 * joined and whitespace removed. poppler reports every drawn line with its box; lines of one
 * cell share a left edge and follow each other at the line pitch, while the next row starts
 * further down (cell padding), so runs are cut where the gap exceeds the pitch.
 */
export function cellTexts(path: string): string[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const cells: string[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
      x: Math.round(Number(m[1])),
      top: Number(m[2]),
      height: Number(m[3]) - Number(m[2]),
      text: [...m[4].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    }));
    const byEdge = new Map<number, typeof lines>();
    for (const line of lines) byEdge.set(line.x, [...(byEdge.get(line.x) ?? []), line]);
    for (const column of byEdge.values()) {
      column.sort((a, b) => a.top - b.top);
      let run = column[0];
      let text = run.text;
      for (const line of column.slice(1)) {
        if (line.top - run.top < line.height * 1.2) {
          text += line.text;
        } else {
          cells.push(text);
          text = line.text;
        }
        run = line;
      }
      cells.push(text);
    }
  }
  return cells.map(squeeze);
}

/** Text with all whitespace removed, so wrapped lines can be matched as one string. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
