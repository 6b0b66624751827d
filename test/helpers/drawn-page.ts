/** Pages drawn in tests: white paper, near-black ink, text set from the top; and their grayscale pixels. */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Gray } from '../../shared/read/preprocess.js';

export function drawnPage(width: number, height: number): { canvas: Canvas; ctx: SKRSContext2D } {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#141414';
  ctx.strokeStyle = '#141414';
  ctx.textBaseline = 'top';
  return { canvas, ctx };
}

export function grayOf(canvas: Canvas): Gray {
  const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const pixels = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0, j = 0; j < pixels.length; i += 4, j++) pixels[j] = (px[i] * 299 + px[i + 1] * 587 + px[i + 2] * 114) / 1000;
  return { width: canvas.width, height: canvas.height, pixels };
}
