import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import type { OcrEngine } from '../ports.js';
import { joinWords } from './ocr-geometry.js';
import type { OcrLine, OcrPage, PageImage } from '../domain/text.js';

const require = createRequire(import.meta.url);

/**
 * The chi_sim LSTM models shipped in an npm package (no network at run time): the integer
 * model, which pages are read with, and the float model (slower, and surer of many characters
 * the integer one doubts), which gives the second opinion.
 */
const MODELS = { pages: '4.0.0_best_int', secondOpinion: '4.0.0' } as const;

function chineseDataPath(model: keyof typeof MODELS): string {
  return join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), MODELS[model]);
}

export interface TesseractOptions {
  /** Parallel workers; defaults to one per core. */
  workers?: number;
  /** Whether doubtful lines get a second opinion from the float model (default true). */
  secondOpinion?: boolean;
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
    /** Reads pages of lines with the float model, also in segmentation mode 6; absent when turned off. */
    private readonly secondWorker: Tesseract.Worker | undefined,
  ) {
    if (secondWorker) {
      this.secondOpinion = (pages) => Promise.all(pages.map((page) => this.recognizePage(page, (image, output) => secondWorker.recognize(image, {}, output))));
    }
  }

  readonly secondOpinion?: (pages: PageImage[]) => Promise<OcrPage[]>;

  static async create(options: TesseractOptions = {}): Promise<TesseractOcr> {
    const count = Math.max(1, options.workers ?? availableParallelism());
    const scheduler = Tesseract.createScheduler();
    const worker = async (mode: Tesseract.PSM, model: keyof typeof MODELS = 'pages') => {
      const w = await Tesseract.createWorker('chi_sim', Tesseract.OEM.LSTM_ONLY, { langPath: chineseDataPath(model), gzip: true, cacheMethod: 'none' });
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
    const [linesWorker, secondWorker] = await Promise.all([
      worker(Tesseract.PSM.SINGLE_BLOCK),
      options.secondOpinion === false ? undefined : worker(Tesseract.PSM.SINGLE_BLOCK, 'secondOpinion'),
    ]);
    return new TesseractOcr(scheduler, linesWorker, secondWorker);
  }

  async recognize(pages: PageImage[]): Promise<OcrPage[]> {
    return Promise.all(
      pages.map((page) =>
        this.recognizePage(page, (image, output) =>
          page.layout === 'lines' ? this.linesWorker.recognize(image, {}, output) : this.scheduler.addJob('recognize', image, { rotateAuto: true }, output),
        ),
      ),
    );
  }

  private async recognizePage(
    page: PageImage,
    run: (image: Buffer, output: Partial<Tesseract.OutputFormats>) => Promise<Tesseract.RecognizeResult>,
  ): Promise<OcrPage> {
    const result = await run(Buffer.from(page.image), { blocks: true, text: false });
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
    await Promise.all([this.scheduler.terminate(), this.linesWorker.terminate(), this.secondWorker?.terminate()]);
  }
}
