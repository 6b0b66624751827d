/** Born-digital PDFs: pages per minute when the text layer is read instead of OCR (the pipeline's own reading path). */
import type { OcrEngine } from '../../shared/ports.js';
import { DEFAULT_LIMITS } from '../../shared/intake/gate.js';
import { readDocument } from '../../shared/read/read.js';
import { benchSpecs, loadDocuments } from '../lib/corpus.js';
import { fmt, median, perMinute, repeat } from '../lib/stats.js';
import type { BenchOptions, SectionResult } from '../lib/types.js';

/** Reading a born-digital PDF must never reach OCR: this engine fails if it does. */
const NO_OCR: OcrEngine = {
  name: 'none',
  recognize: () => Promise.reject(new Error('a born-digital PDF went to OCR')),
  close: async () => {},
};

export async function textLayerSection(options: BenchOptions): Promise<SectionResult> {
  options.log('Text layer: reading born-digital PDFs');
  const docs = await loadDocuments(benchSpecs(9), options.log);
  const pdfs = docs.map((d) => d.bornDigitalPdf);
  let pages = 0;
  // a first pass loads pdfjs and fonts' cmaps; it is not timed
  for (const pdf of pdfs) pages += (await readDocument(pdf, 'application/pdf', NO_OCR, DEFAULT_LIMITS)).pages.length;
  const times = await repeat(Math.max(options.runs, 5), async () => {
    for (const pdf of pdfs) {
      const read = await readDocument(pdf, 'application/pdf', NO_OCR, DEFAULT_LIMITS);
      if (read.source !== 'pdf-text-layer') throw new Error('expected the text layer');
    }
  });
  const rate = perMinute(pages, median(times));
  return {
    id: 'text-layer',
    title: 'Born-digital PDFs (text layer, no OCR)',
    figures: [{ area: 'Text layer', metric: 'born-digital pages/min (one thread)', value: fmt(rate, 0), status: 'info' }],
    markdown: [
      `${docs.length} born-digital PDFs (${pages} pages, all kinds and layouts) read through \`readDocument\` (page count, text layer, text check), ${times.length} passes after one warm-up pass, median: **${fmt(rate, 0)} pages/min** on one thread (${fmt(median(times) / pages, 1)} ms a page). pdfjs runs in the calling thread, so a second core adds throughput only with a second process or worker.`,
    ].join('\n'),
    data: { rate, pages },
  };
}
