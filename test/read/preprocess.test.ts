import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { estimateSkew, removeRulingLines, type Gray } from '../../shared/read/preprocess.js';
import { prepareForOcr, rotateGray } from '../../shared/read/images.js';

const require = createRequire(import.meta.url);
GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'), 'NotoSC');

/** A page of text lines with a ruled table, as 8-bit gray. */
function page(): Gray {
  const canvas = createCanvas(1600, 1200);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 1600, 1200);
  ctx.fillStyle = '#000';
  ctx.font = '40px NotoSC';
  for (let i = 0; i < 6; i++) ctx.fillText('担保金额人民币伍佰万元整代偿率百分之四', 100, 120 + i * 70);
  ctx.lineWidth = 3;
  for (let r = 0; r <= 4; r++) ctx.strokeRect(100, 600 + r * 100, 1400, 0);
  for (const x of [100, 600, 1500]) ctx.strokeRect(x, 600, 0, 400);
  const px = ctx.getImageData(0, 0, 1600, 1200).data;
  const pixels = new Uint8Array(1600 * 1200);
  for (let j = 0; j < pixels.length; j++) pixels[j] = px[j * 4];
  return { width: 1600, height: 1200, pixels };
}

const inkIn = (g: Gray, x0: number, y0: number, x1: number, y1: number) => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (g.pixels[y * g.width + x] < 128) n++;
  return n;
};

describe('page preparation', () => {
  it.each([-1.5, -0.6, 0, 0.8, 2])('measures a skew of %s degrees', (degrees) => {
    const skewed = rotateGray(page(), degrees);
    expect(Math.abs(estimateSkew(skewed) - degrees)).toBeLessThanOrEqual(0.25);
  });

  it('removes ruling lines and keeps the text', () => {
    const g = page();
    const textInkBefore = inkIn(g, 100, 60, 1500, 520);
    removeRulingLines(g);
    expect(inkIn(g, 100, 598, 1500, 603)).toBeLessThan(50); // a horizontal rule is gone
    expect(inkIn(g, 98, 620, 103, 980)).toBeLessThan(20); // a vertical rule is gone
    expect(inkIn(g, 100, 60, 1500, 520)).toBeGreaterThan(textInkBefore * 0.97); // the text is kept
  });
});

describe('red seal ink', () => {
  it('is lifted to the paper, leaving the black text under it dark', async () => {
    const canvas = createCanvas(1200, 800);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'rgb(248, 244, 232)'; // cream paper
    ctx.fillRect(0, 0, 1200, 800);
    ctx.fillStyle = '#111';
    for (let x = 300; x < 900; x += 50) ctx.fillRect(x, 380, 36, 40); // blocks of text, half under the seal
    ctx.globalCompositeOperation = 'multiply'; // ink over ink, as on paper
    ctx.fillStyle = 'rgb(236, 178, 178)'; // the seal's pale fringe
    ctx.beginPath();
    ctx.arc(600, 400, 230, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = 'rgb(205, 45, 50)'; // its solid ring and star
    ctx.beginPath();
    ctx.arc(600, 400, 200, 0, 2 * Math.PI);
    ctx.fill();
    const { text } = await prepareForOcr(canvas, 1);
    const at = (x: number, y: number) => text.pixels[y * text.width + x];
    expect(at(100, 100)).toBeGreaterThan(235); // paper
    expect(at(600, 250)).toBeGreaterThanOrEqual(at(100, 100)); // solid seal ink: no gray shadow
    expect(at(600, 615)).toBeGreaterThanOrEqual(at(100, 100)); // pale fringe
    expect(at(615, 400)).toBeLessThan(80); // text under the seal
    expect(at(315, 400)).toBeLessThan(80); // text beside it
  });
});
