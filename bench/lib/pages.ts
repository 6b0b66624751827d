/** Page images as the pipeline hands them to OCR, and the true text of each page. */
import { decodeImagePages, prepareForOcr } from '../../shared/read/images.js';
import { OCR_DPI } from '../../shared/read/read.js';
import { pageText, type PageImage } from '../../shared/domain/text.js';
import { pdfTextLayer, rasterizePdf } from '../../shared/pdf/rasterize.js';

/** The scan's pages rendered and prepared exactly as `readDocument` does before OCR. */
export async function preparedPages(scannedPdf: Uint8Array): Promise<PageImage[]> {
  const images = await rasterizePdf(scannedPdf, { dpi: OCR_DPI });
  const out: PageImage[] = [];
  for (const img of images) {
    const [canvas] = await decodeImagePages(img.image, 'image/png', Number.MAX_SAFE_INTEGER);
    out.push((await prepareForOcr(canvas, img.pageNumber)).page);
  }
  return out;
}

/** The printed text of each page, from the born-digital PDF's text layer (the ground truth for OCR). */
export async function truthPageTexts(bornDigitalPdf: Uint8Array): Promise<Map<number, string>> {
  const pages = await pdfTextLayer(bornDigitalPdf);
  return new Map(pages.map((p) => [p.pageNumber, pageText(p)]));
}
