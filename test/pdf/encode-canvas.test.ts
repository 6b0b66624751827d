/**
 * Canvases encoded on the thread pool while garbage collection runs. @napi-rs/canvas 0.1 lets
 * the collector free a canvas's surface under its encoder when nothing else holds the canvas;
 * the process then dies of a segmentation fault, so each case runs in a process of its own.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const script = (encode: string) => `
import { createCanvas } from '@napi-rs/canvas';
import v8 from 'node:v8';
import vm from 'node:vm';
import { encodeCanvas } from './shared/pdf/encode-canvas.ts';
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const encode = ${encode};
for (let round = 0; round < 10; round++) {
  const pending = Array.from({ length: 8 }, () => {
    const canvas = createCanvas(1000, 1000);
    canvas.getContext('2d').fillRect(0, 0, 1000, 1000);
    return encode(canvas);
  });
  gc();
  await Promise.all(pending);
}
`;

function run(encode: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(encode)], { encoding: 'utf8', timeout: 60_000 });
}

describe('encodeCanvas', () => {
  it('keeps each canvas alive until its bytes are back', () => {
    const result = run('(canvas) => encodeCanvas(canvas, "png")');
    expect({ status: result.status, signal: result.signal, stderr: result.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
  });

  it('is needed: the bare encoder crashes when the canvas is collected (drop encodeCanvas once this fails)', () => {
    const result = run('(canvas) => canvas.encode("png")');
    expect(result.signal ?? result.status).not.toBe(0);
  });
});
