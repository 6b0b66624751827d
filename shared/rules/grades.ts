/**
 * Chongqing performance grades (CQ-13). Scores are integer hundredths of a point (89.99 -> 8999)
 * and compared exactly: no rounding before comparison (C-6).
 */
import { z } from 'zod';

export const Grade = z.enum(['优', '良', '中', '低', '差']);
export type Grade = z.infer<typeof Grade>;

/** From worst to best. */
export const GRADES_ASCENDING: readonly Grade[] = ['差', '低', '中', '良', '优'];

/** 第十三条: lower bounds (inclusive) in hundredths; 优 also has the upper bound 100 (inclusive). */
export const GRADE_BANDS: readonly { grade: Grade; minInclusive: number; maxExclusive?: number; maxInclusive?: number }[] = [
  { grade: '优', minInclusive: 9000, maxInclusive: 10000 },
  { grade: '良', minInclusive: 8000, maxExclusive: 9000 },
  { grade: '中', minInclusive: 7000, maxExclusive: 8000 },
  { grade: '低', minInclusive: 6000, maxExclusive: 7000 },
  { grade: '差', minInclusive: 0, maxExclusive: 6000 },
];

export const MAX_SCORE = 10000;

/** The grade of a score in hundredths, or `INVALID_SCORE` outside 0..100 points. */
export function gradeForScore(scoreHundredths: number): Grade | 'INVALID_SCORE' {
  if (!Number.isInteger(scoreHundredths) || scoreHundredths < 0 || scoreHundredths > MAX_SCORE) return 'INVALID_SCORE';
  for (const b of GRADE_BANDS) {
    if (scoreHundredths < b.minInclusive) continue;
    if (b.maxExclusive !== undefined && scoreHundredths >= b.maxExclusive) continue;
    if (b.maxInclusive !== undefined && scoreHundredths > b.maxInclusive) continue;
    return b.grade;
  }
  return 'INVALID_SCORE';
}

export function gradeRank(g: Grade): number {
  return GRADES_ASCENDING.indexOf(g);
}

/** The worse of two grades. */
export function minGrade(a: Grade, b: Grade): Grade {
  return gradeRank(a) <= gradeRank(b) ? a : b;
}

/** One level down; 差 stays 差 (the seed does not say what is below 差). */
export function downOneGrade(g: Grade): Grade {
  return GRADES_ASCENDING[Math.max(0, gradeRank(g) - 1)];
}

/** "89.99分" from 8999. */
export function scoreText(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const v = Math.abs(hundredths);
  return `${sign}${Math.floor(v / 100)}.${String(v % 100).padStart(2, '0')}分`;
}
