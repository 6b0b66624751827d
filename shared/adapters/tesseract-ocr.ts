import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import type { OcrEngine } from '../ports.js';
import { joinWords } from './ocr-geometry.js';
import type { OcrLine, OcrPage, PageImage } from '../domain/text.js';

const require = createRequire(import.meta.url);

/** The chi_sim LSTM data shipped in an npm package (no network at run time). */
function chineseDataPath(): string {
  return join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0_best_int');
}

export interface TesseractOptions {
  /** Parallel workers; defaults to one per core. */
  workers?: number;
}

/**
 * Simplified Chinese OCR with tesseract.js, a pool of workers (one per core by default).
 * Page segmentation mode 3 (fully automatic) reads ruled forms far better than the default.
 */
export class TesseractOcr implements OcrEngine {
  readonly name = 'tesseract.js-chi_sim';

  private constructor(
    private readonly scheduler: Tesseract.Scheduler,
    /** Reads pages of lines stacked on their own (PageImage.layout 'lines'), set once to its own segmentation mode. */
    private readonly linesWorker: Tesseract.Worker,
  ) {}

  static async create(options: TesseractOptions = {}): Promise<TesseractOcr> {
    const count = Math.max(1, options.workers ?? availableParallelism());
    const scheduler = Tesseract.createScheduler();
    const worker = async (mode: Tesseract.PSM) => {
      const w = await Tesseract.createWorker('chi_sim', Tesseract.OEM.LSTM_ONLY, { langPath: chineseDataPath(), gzip: true, cacheMethod: 'none' });
      await w.setParameters({
        tessedit_pageseg_mode: mode,
        preserve_interword_spaces: '1',
        // Tesseract's own progress notes ("Estimating resolution as …") are not for the user.
        debug_file: '/dev/null',
      });
      return w;
    };
    const workers = await Promise.all(Array.from({ length: count }, () => worker(Tesseract.PSM.AUTO)));
    for (const w of workers) scheduler.addWorker(w);
    // Lines stacked on their own are one uniform block (page segmentation mode 6): the automatic
    // layout analysis drops short lines standing alone, such as a cell holding 同意 or 2.
    return new TesseractOcr(scheduler, await worker(Tesseract.PSM.SINGLE_BLOCK));
  }

  async recognize(pages: PageImage[]): Promise<OcrPage[]> {
    return Promise.all(pages.map((page) => this.recognizePage(page)));
  }

  private async recognizePage(page: PageImage): Promise<OcrPage> {
    const output = { blocks: true, text: false };
    const result =
      page.layout === 'lines'
        ? await this.linesWorker.recognize(Buffer.from(page.image), {}, output)
        : await this.scheduler.addJob('recognize', Buffer.from(page.image), { rotateAuto: true }, output);
    const lines: OcrLine[] = [];
    for (const block of result.data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const line of paragraph.lines) {
          const text = joinWords(line.words.map((w) => w.text));
          if (text.trim() === '') continue;
          lines.push({
            text,
            confidence: line.confidence / 100,
            bbox: line.bbox,
            words: line.words.map((w) => ({ text: w.text, confidence: w.confidence / 100, bbox: w.bbox })),
          });
        }
      }
    }
    return { pageNumber: page.pageNumber, width: page.width, height: page.height, lines };
  }

  async close(): Promise<void> {
    await Promise.all([this.scheduler.terminate(), this.linesWorker.terminate()]);
  }
}
