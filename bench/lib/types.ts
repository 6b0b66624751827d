/** What each benchmark section hands to the runner. */

export type Status = 'met' | 'missed' | 'info' | 'skipped';

export interface Figure {
  area: string;
  metric: string;
  value: string;
  /** e.g. `>= 0.9`; absent when the figure has no target. */
  target?: string;
  status: Status;
  /** For a missed target: why, and the next step to close the gap. */
  gap?: string;
}

export interface SectionResult {
  id: string;
  title: string;
  figures: Figure[];
  /** Details for BENCHMARKS.md: method, tables, notes. */
  markdown: string;
  /** Raw numbers other sections use (the cost model reads the end-to-end figures). */
  data: Record<string, unknown>;
}

export interface BenchOptions {
  /** Repetitions of each timed measurement (the median is reported). */
  runs: number;
  /** Pages in the OCR comparison. */
  ocrPages: number;
  /** Documents in the end-to-end batch. */
  e2eDocs: number;
  /** Skip the native tesseract comparison even when it is installed. */
  skipNative: boolean;
  log: (msg: string) => void;
}
