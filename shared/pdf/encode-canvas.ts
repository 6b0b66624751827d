import type { Canvas } from '@napi-rs/canvas';

type Format = 'png' | 'jpeg' | 'webp';

/**
 * A canvas encoded on the thread pool. @napi-rs/canvas 0.1 encodes the canvas's surface without
 * holding it, so garbage collection may free the surface under the encoder if nothing else keeps
 * the canvas reachable, and the process dies of a segmentation fault (fixed upstream in 1.0.6,
 * which pdfjs-dist 5.6 does not accept: two copies of the module would crash too). This keeps the
 * canvas reachable until its bytes are back; every encoding goes through here.
 */
export async function encodeCanvas(canvas: Canvas, format: Format, quality?: number): Promise<Uint8Array> {
  const held: Canvas[] = [canvas];
  try {
    const bytes = format === 'png' ? await canvas.encode('png') : await canvas.encode(format, quality);
    return new Uint8Array(bytes);
  } finally {
    held.pop();
  }
}
