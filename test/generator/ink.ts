/**
 * Raster ink marks drawn with @napi-rs/canvas and placed into PDFs as images, the way
 * electronic seals and scanned signatures appear: a round red company seal (ring, star,
 * name along the arc) and a handwritten-looking signature.
 */
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from './prng.js';
import { encodeCanvas } from '../../shared/pdf/encode-canvas.js';

const require = createRequire(import.meta.url);

const FONT_FILES = {
  GenInkSerifBold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  GenInkSerif: '@expo-google-fonts/noto-serif-sc/500Medium/NotoSerifSC_500Medium.ttf',
} as const;

let fontsRegistered = false;

function registerFonts(): void {
  if (fontsRegistered) return;
  for (const [alias, file] of Object.entries(FONT_FILES)) {
    if (!GlobalFonts.registerFromPath(require.resolve(file), alias)) throw new Error(`cannot register font ${file}`);
  }
  fontsRegistered = true;
}

export interface SealOptions {
  /** The institution name written along the upper arc. */
  name: string;
  /** Optional short line under the star: 业务专用章. */
  bottomText?: string;
  /** Pixel size of the square image. @default 480 */
  size?: number;
}

/** Smooth 2-D value noise in [0,1], for uneven ink. */
function valueNoise(rng: Rng, cells: number): (u: number, v: number) => number {
  const grid = Array.from({ length: (cells + 1) * (cells + 1) }, () => rng.next());
  const at = (i: number, j: number) => grid[j * (cells + 1) + i];
  const smooth = (t: number) => t * t * (3 - 2 * t);
  return (u, v) => {
    const x = Math.min(u, 0.9999) * cells;
    const y = Math.min(v, 0.9999) * cells;
    const i = Math.floor(x);
    const j = Math.floor(y);
    const fx = smooth(x - i);
    const fy = smooth(y - j);
    const top = at(i, j) * (1 - fx) + at(i + 1, j) * fx;
    const bottom = at(i, j + 1) * (1 - fx) + at(i + 1, j + 1) * fx;
    return top * (1 - fy) + bottom * fy;
  };
}

/** Fades ink unevenly and drops a few specks, like a real stamp impression. */
function weatherInk(ctx: SKRSContext2D, size: number, rng: Rng, strength: number): void {
  const img = ctx.getImageData(0, 0, size, size);
  const d = img.data;
  const coarse = valueNoise(rng, 5);
  const fine = valueNoise(rng, 23);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const k = (y * size + x) * 4 + 3;
      if (d[k] === 0) continue;
      const n = 0.65 * coarse(x / size, y / size) + 0.35 * fine(x / size, y / size);
      let keep = 1 - strength * Math.max(0, n - 0.35) * 1.6;
      if (rng.next() < 0.02 * strength) keep *= 0.2;
      d[k] = Math.round(d[k] * Math.min(1, Math.max(0, keep)));
    }
  }
  ctx.putImageData(img, 0, 0);
}

/** A round red seal as a PNG with transparency. */
export async function drawSeal(rng: Rng, options: SealOptions): Promise<Uint8Array> {
  registerFonts();
  const size = options.size ?? 480;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  const red = `rgb(${rng.int(200, 228)}, ${rng.int(20, 45)}, ${rng.int(25, 45)})`;
  ctx.fillStyle = red;
  ctx.strokeStyle = red;
  const c = size / 2;
  ctx.translate(c, c);
  ctx.rotate(((rng.float(-14, 14)) * Math.PI) / 180);

  const ring = size * 0.035;
  const r = size / 2 - ring;
  ctx.lineWidth = ring;
  ctx.beginPath();
  ctx.arc(0, 0, r, 0, Math.PI * 2);
  ctx.stroke();

  // Five-pointed star.
  const outer = size * 0.16;
  const inner = outer * 0.382;
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const x = radius * Math.cos(a);
    const y = radius * Math.sin(a);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.closePath();
  ctx.fill();

  // Name along the upper arc, characters upright towards the centre.
  const chars = [...options.name];
  // The name runs over about 240 degrees of the upper arc, upright towards the centre.
  const span = Math.min((245 * Math.PI) / 180, (chars.length * 24 * Math.PI) / 180);
  const textRadius = r * 0.74;
  const fontSize = Math.min(size * 0.14, ((textRadius * span) / chars.length) * 0.95);
  ctx.font = `${fontSize}px GenInkSerifBold`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
    ctx.save();
    ctx.rotate(a + Math.PI / 2);
    ctx.translate(0, -textRadius);
    ctx.scale(0.78, 1.15);
    ctx.fillText(ch, 0, 0);
    ctx.restore();
  });

  if (options.bottomText) {
    ctx.font = `${size * 0.085}px GenInkSerifBold`;
    ctx.fillText(options.bottomText, 0, size * 0.29);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  weatherInk(ctx, size, rng, rng.float(0.3, 0.8));
  return encodeCanvas(canvas, 'png');
}

/** A signature-like rendering of a name in dark blue or black ink, slanted and uneven. */
export async function drawSignature(rng: Rng, name: string): Promise<{ png: Uint8Array; aspect: number }> {
  registerFonts();
  const chars = [...name];
  const h = 120;
  const w = Math.round(h * (0.95 * chars.length + 0.6));
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  const ink = rng.chance(0.6) ? `rgba(${rng.int(15, 40)}, ${rng.int(30, 50)}, ${rng.int(110, 150)}, 0.92)` : 'rgba(25, 25, 30, 0.92)';
  ctx.fillStyle = ink;
  ctx.strokeStyle = ink;
  ctx.textBaseline = 'middle';
  const slant = rng.float(-0.35, -0.1);
  ctx.setTransform(1, rng.float(-0.08, 0.02), slant, 1, h * 0.35, h / 2);
  let x = 0;
  for (const ch of chars) {
    const fs = h * rng.float(0.62, 0.8);
    ctx.font = `${fs}px GenInkSerif`;
    const y = rng.float(-h * 0.06, h * 0.06);
    ctx.lineWidth = rng.float(1.2, 2.2);
    ctx.strokeText(ch, x, y);
    ctx.fillText(ch, x + rng.float(-0.8, 0.8), y);
    x += fs * rng.float(0.78, 0.95);
  }
  if (rng.chance(0.4)) {
    // A trailing flourish.
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x - h * 0.2, h * 0.2);
    ctx.quadraticCurveTo(x + h * 0.1, h * 0.35, x + h * 0.3, h * 0.05);
    ctx.stroke();
  }
  return { png: await encodeCanvas(canvas, 'png'), aspect: w / h };
}
