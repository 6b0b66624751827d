/**
 * Simulated scanning: rasterizes a born-digital PDF and degrades the pages the way office
 * scanners and copiers do (skew, paper tone, faded ink, noise, blur, uneven lighting, JPEG
 * artefacts), then wraps the images in a scanned PDF. Uses @napi-rs/canvas only.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import type { PageImage } from '../../shared/domain/text.js';
import { rasterizePdf } from '../../shared/pdf/rasterize.js';
import type { Rng } from './prng.js';
import { A4 } from './render.js';
import { encodeCanvas } from '../../shared/pdf/encode-canvas.js';

export type Quality = 'clean' | 'typical' | 'poor';
export type ImageFormat = 'png' | 'jpeg';

export interface ScanOptions {
  quality: Quality;
  dpi: number;
  /** Encoding of the returned page images. */
  format: ImageFormat;
  /** Creation date written into the scanned PDF. */
  date: Date;
  title: string;
}

export interface ScanResult {
  /** Degraded pages, encoded as `format`. */
  pages: PageImage[];
  /** The same pages as JPEG images in an A4 PDF, as a scanner's "scan to PDF" produces. */
  pdf: Uint8Array;
  /** Whether the scanner was set to greyscale (then seals are grey, not red). */
  grayscale: boolean;
}

/** Degradation parameters of one page. */
interface Degradation {
  angleDeg: number;
  shiftX: number;
  shiftY: number;
  paper: [number, number, number];
  /** 1 = ink as printed; lower = faded, greyer ink. */
  ink: number;
  noise: number;
  /**
   * Share of the noise left on blank paper (0..1). Office scanners level the background to an
   * even tone, so on typical scans the noise sits in the ink; cheap or old devices keep it everywhere.
   */
  paperNoise: number;
  blurPx: number;
  /** Strength of uneven lighting, 0..1. */
  shading: number;
  grey: boolean;
  specks: number;
  jpegQuality: number;
}

function degradation(rng: Rng, quality: Quality, grey: boolean): Degradation {
  const sign = rng.chance(0.5) ? 1 : -1;
  if (quality === 'clean') {
    return { angleDeg: 0, shiftX: 0, shiftY: 0, paper: [255, 255, 255], ink: 1, noise: 0, paperNoise: 0, blurPx: 0, shading: 0, grey: false, specks: 0, jpegQuality: 92 };
  }
  if (quality === 'typical') {
    return {
      angleDeg: sign * rng.float(0.5, 1.2),
      shiftX: rng.float(-0.008, 0.008),
      shiftY: rng.float(-0.006, 0.006),
      paper: [rng.int(244, 252), rng.int(242, 250), rng.int(236, 246)],
      ink: rng.float(0.82, 0.95),
      noise: rng.float(4, 7),
      paperNoise: 0,
      blurPx: rng.chance(0.5) ? rng.float(0.3, 0.5) : 0,
      shading: rng.float(0.02, 0.06),
      grey,
      specks: rng.int(6, 24),
      jpegQuality: rng.int(72, 78),
    };
  }
  return {
    angleDeg: sign * rng.float(1.0, 2.0),
    shiftX: rng.float(-0.015, 0.015),
    shiftY: rng.float(-0.012, 0.012),
    paper: [rng.int(228, 242), rng.int(226, 240), rng.int(218, 232)],
    ink: rng.float(0.66, 0.8),
    noise: rng.float(9, 14),
    paperNoise: rng.float(0.4, 0.7),
    blurPx: rng.float(0.7, 1.1),
    shading: rng.float(0.08, 0.16),
    grey,
    specks: rng.int(60, 160),
    jpegQuality: rng.int(52, 58),
  };
}

/** Applies one degradation to a rendered page; returns the canvas. */
async function degradePage(png: Uint8Array, d: Degradation, rng: Rng) {
  const img = await loadImage(Buffer.from(png));
  const w = img.width;
  const h = img.height;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `rgb(${d.paper.join(',')})`;
  ctx.fillRect(0, 0, w, h);
  ctx.save();
  ctx.translate(w / 2 + d.shiftX * w, h / 2 + d.shiftY * h);
  ctx.rotate((d.angleDeg * Math.PI) / 180);
  if (d.blurPx > 0) ctx.filter = `blur(${d.blurPx}px)`;
  // Multiply keeps the paper tone under the ink and outside the rotated sheet.
  ctx.globalCompositeOperation = 'multiply';
  ctx.drawImage(img, -w / 2, -h / 2);
  ctx.restore();

  const data = ctx.getImageData(0, 0, w, h);
  const px = data.data;
  const [pr, pg, pb] = d.paper;
  const paperSum = pr + pg + pb;
  // Lighting: a gradient from one corner plus a soft fall-off at one long edge (the lid).
  const gx = rng.float(-1, 1);
  const gy = rng.float(-1, 1);
  const edgeLeft = rng.chance(0.5);
  for (let y = 0; y < h; y++) {
    const v = y / h - 0.5;
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const u = x / w - 0.5;
      const edge = edgeLeft ? x / w : 1 - x / w;
      const light = 1 - d.shading * (0.5 + gx * u + gy * v) - (edge < 0.03 ? d.shading * 2 * (1 - edge / 0.03) : 0);
      // Fade ink towards the paper colour, add sensor noise (mostly in the ink), then light.
      const darkness = Math.max(0, Math.min(1, (paperSum - px[i] - px[i + 1] - px[i + 2] - 6) / 150));
      const amount = d.paperNoise + (1 - d.paperNoise) * darkness;
      const n = d.noise && amount > 0 ? (rng.next() + rng.next() + rng.next() - 1.5) * d.noise * 1.4 * amount : 0;
      let r = (pr - (pr - px[i]) * d.ink + n) * light;
      let g = (pg - (pg - px[i + 1]) * d.ink + n) * light;
      let b = (pb - (pb - px[i + 2]) * d.ink + n) * light;
      if (d.grey) r = g = b = 0.299 * r + 0.587 * g + 0.114 * b;
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
    }
  }
  // Dust and toner specks.
  for (let s = 0; s < d.specks; s++) {
    const x = rng.int(0, w - 3);
    const y = rng.int(0, h - 3);
    const size = rng.chance(0.8) ? 1 : 2;
    const shade = rng.int(70, 170);
    for (let yy = 0; yy < size; yy++) {
      for (let xx = 0; xx < size; xx++) {
        const i = ((y + yy) * w + x + xx) * 4;
        px[i] = Math.min(px[i], shade);
        px[i + 1] = Math.min(px[i + 1], shade);
        px[i + 2] = Math.min(px[i + 2], shade);
      }
    }
  }
  ctx.putImageData(data, 0, 0);
  return canvas;
}

/** Scans (renders and degrades) every page of a PDF. Deterministic for the same input, options and seed. */
export async function scanPdf(pdf: Uint8Array, rng: Rng, options: ScanOptions): Promise<ScanResult> {
  const rendered = await rasterizePdf(pdf, { dpi: options.dpi });
  // A scanner is set to colour or greyscale for the whole batch.
  const grey = options.quality !== 'clean' && rng.chance(options.quality === 'poor' ? 0.4 : 0.25);
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setTitle(options.title);
  out.setCreationDate(options.date);
  out.setModificationDate(options.date);
  const pages: PageImage[] = [];
  for (const page of rendered) {
    const d = degradation(rng.fork(`page:${page.pageNumber}`), options.quality, grey);
    let image: Uint8Array;
    let jpeg: Uint8Array;
    if (options.quality === 'clean') {
      const img = await loadImage(Buffer.from(page.image));
      const canvas = createCanvas(page.width, page.height);
      canvas.getContext('2d').drawImage(img, 0, 0);
      jpeg = await encodeCanvas(canvas, 'jpeg', d.jpegQuality);
      image = options.format === 'png' ? page.image : jpeg;
    } else {
      const canvas = await degradePage(page.image, d, rng.fork(`pixels:${page.pageNumber}`));
      jpeg = await encodeCanvas(canvas, 'jpeg', d.jpegQuality);
      image = options.format === 'png' ? await encodeCanvas(canvas, 'png') : jpeg;
    }
    pages.push({ pageNumber: page.pageNumber, image, width: page.width, height: page.height });
    const embedded = await out.embedJpg(jpeg);
    out.addPage([A4.width, A4.height]).drawImage(embedded, { x: 0, y: 0, width: A4.width, height: A4.height });
  }
  return { pages, pdf: await out.save({ useObjectStreams: false }), grayscale: grey };
}
