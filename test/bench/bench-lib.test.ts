import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cerCount, cerOf, editDistance, normalizeForCer } from '../../bench/lib/cer.js';
import { markdownTable, writeSection } from '../../bench/lib/markdown.js';
import { median } from '../../bench/lib/stats.js';

describe('character error rate', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1],
    ['abc', 'ab', 1],
    ['ab', 'abc', 1],
    ['事实认走材料', '事实认定材料', 1],
    ['kitten', 'sitting', 3],
  ])('edit distance %s / %s = %i', (a, b, d) => {
    expect(editDistance([...a], [...b])).toBe(d);
    expect(editDistance([...b], [...a])).toBe(d);
  });

  it('ignores white space and full-width forms, and counts everything else', () => {
    expect(normalizeForCer('被评议人： 李 红梅\n２０２３')).toEqual([...'被评议人:李红梅2023']);
    expect(cerCount('被 评议人：李红梅', '被评议人:李红梅')).toEqual({ errors: 0, reference: 8 });
    expect(cerCount('被评议人:李红', '被评议人:李红梅')).toEqual({ errors: 1, reference: 8 });
  });

  it('adds up errors over reference characters across pages', () => {
    expect(cerOf([{ errors: 1, reference: 10 }, { errors: 3, reference: 30 }])).toBeCloseTo(0.1);
    expect(cerOf([])).toBeNaN();
  });
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5], 5],
  ])('of %j is %d', (values, m) => expect(median(values)).toBe(m));
  it('is NaN for no values', () => expect(median([])).toBeNaN());
});

describe('BENCHMARKS.md sections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-md-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces its own section and keeps the others, in order', () => {
    const file = join(dir, 'BENCHMARKS.md');
    const order = ['performance', 'accuracy'];
    writeSection(file, 'accuracy', 'accuracy v1', order);
    writeSection(file, 'performance', 'speed v1', order);
    let text = readFileSync(file, 'utf8');
    expect(text.indexOf('speed v1')).toBeLessThan(text.indexOf('accuracy v1'));

    writeSection(file, 'performance', 'speed v2', order);
    text = readFileSync(file, 'utf8');
    expect(text).toContain('speed v2');
    expect(text).not.toContain('speed v1');
    expect(text).toContain('accuracy v1');
    expect(text.match(/performance:begin/g)).toHaveLength(1);
  });

  it('keeps hand-written text outside the markers', () => {
    const file = join(dir, 'other.md');
    writeFileSync(file, '# Title\n\nintro\n');
    writeSection(file, 'accuracy', 'numbers');
    writeSection(file, 'accuracy', 'new numbers');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# Title\n\nintro\n/);
    expect(text).toContain('new numbers');
    expect(text).not.toContain('\nnumbers');
  });

  it('escapes pipes in table cells', () => {
    expect(markdownTable(['a', 'b'], [['x|y', '1']], ['l', 'r'])).toBe('| a | b |\n| --- | ---: |\n| x\\|y | 1 |');
  });
});
