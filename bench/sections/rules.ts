/** Rules: full 尽职免责 case assessments per second (rule-set selection, every person, procedure checks). */
import { assessCase } from '../../shared/rules/index.js';
import { createDefaultCalendar } from '../../shared/rules/calendar.js';
import { nxCase, ynCase } from '../../test/rules/fixtures.js';
import { fmt, median } from '../lib/stats.js';
import type { BenchOptions, SectionResult } from '../lib/types.js';

const TODAY = '2025-06-30';
const WINDOW_MS = 1000;

export async function rulesSection(options: BenchOptions): Promise<SectionResult> {
  options.log('Rules: case assessments');
  const calendar = createDefaultCalendar();
  // a Yunnan case with two persons and a Ningxia one: different rule sets, persons and procedures
  const cases = [
    ynCase(),
    ynCase({
      persons: [
        { name: '张三', role: '经办人员', conduct: { violationFound: false, recoveryMeasuresTaken: true } },
        { name: '李四', role: '评审委员', conduct: { violationFound: false } },
      ],
    }),
    nxCase(),
  ];
  for (const c of cases) {
    const a = assessCase(c, { calendar, today: TODAY });
    if (a.ruleSet.status !== 'SELECTED') throw new Error(`fixture case ${c.caseId} selected no rule set: ${a.ruleSet.status}`);
  }
  const rates: number[] = [];
  for (let run = 0; run < Math.max(options.runs, 5); run++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < WINDOW_MS) {
      assessCase(cases[n % cases.length], { calendar, today: TODAY });
      n++;
    }
    rates.push((n * 1000) / (performance.now() - start));
  }
  const rate = median(rates);
  return {
    id: 'rules',
    title: 'Rules',
    figures: [{ area: 'Rules', metric: 'case assessments/s (one thread)', value: fmt(rate, 0), status: 'info' }],
    markdown: `\`assessCase\` on three valid cases in turn (Yunnan with one and with two persons, Ningxia; the rules tests' fixtures), each a full assessment: input validation, rule-set selection, every person's rules, procedure and deadline checks on the working-day calendar. ${rates.length} one-second windows, median: **${fmt(rate, 0)} assessments/s** on one thread (${fmt(1000 / rate, 2)} ms each).`,
    data: { rate },
  };
}
