import { describe, expect, it } from 'vitest';
import { documentText } from '../../shared/domain/text.js';
import { pdfTextLayer } from '../../shared/pdf/rasterize.js';
import { generateBornDigital, type GeneratedKind, KINDS, LAYOUTS, truthAsFields, truthSchema } from '../generator/index.js';
import { printedIn, readCount, readDate, readHundredths, readMoney, squash } from './normalize.js';

type Reader = (printed: string) => unknown;

/** How each normalized field is read back from its printed forms. */
const READERS: Record<GeneratedKind, Record<string, Reader>> = {
  MEETING_MINUTES: {
    meetingDate: readDate,
    amount: (s) => readMoney(s),
    expectedCount: readCount,
    presentCount: readCount,
  },
  FACT_SHEET: {
    guaranteeAmount: (s) => readMoney(s),
    compensationAmount: (s) => readMoney(s),
    compensationDate: readDate,
    conclusionDate: readDate,
    deliveryDate: readDate,
    objectionDate: readDate,
  },
  AUDIT_REPORT: {
    reportDate: readDate,
    registeredCapital: (s) => readMoney(s),
    // Indicator tables are in 万元: a bare number is 万元.
    outstandingBalance: (s) => readMoney(s, '万元'),
    newGuaranteeAmount: (s) => readMoney(s, '万元'),
    compensationAmount: (s) => readMoney(s, '万元'),
    compensationRate: readHundredths,
    provisionCoverageRatio: readHundredths,
    recoveryRate: readHundredths,
    avgFeeRate: readHundredths,
    leverageMultiple: readHundredths,
    newSmallMicroClients: readCount,
    fiscalYear: (s) => Number(/^(\d{4})年/.exec(s)?.[1]),
  },
};

/** Fields whose truth is a judgement about the page rather than a printed string. */
const NOT_PRINTED = new Set(['meetingType', 'signaturePresent', 'objectionFiled', 'auditKind', 'refused']);

/** What the cue printed for a judgement field means. */
const CUES: Record<string, Record<string, unknown>> = {
  auditKind: { 内部审计: '内部审计', 专项审计: '专项检查', 合规审计: '合规检查', 审计报告: '年度财务审计' },
  meetingType: {
    项目评审: 'REVIEW_COMMITTEE',
    董事会: 'BOARD',
    党支部委员会: 'PARTY_ORG',
    代偿事项集体决策: 'COLLECTIVE_DECISION',
    总经理办公会: 'COLLECTIVE_DECISION',
    尽职免责认定: 'WORKING_GROUP',
  },
  refused: { 拒绝签字: true },
};

/** Seeds per kind and layout; raise GENERATOR_SEEDS for a deeper sweep. */
const SEEDS = Number(process.env.GENERATOR_SEEDS ?? 2);
const cases = KINDS.flatMap((kind) =>
  LAYOUTS[kind].flatMap((layout) => Array.from({ length: SEEDS }, (_, n) => ({ kind, layout, seed: (n + 1) * 101 + layout.length }))),
);

describe('generated truth', () => {
  it.each(cases)('$kind / $layout / seed $seed: truth is valid and printed on the page', async ({ kind, layout, seed }) => {
    const doc = await generateBornDigital({ kind, seed, layout });
    expect(doc.layout).toBe(layout);

    // The truth fits the extraction schemas.
    expect(() => truthSchema(kind).parse(doc.truth)).not.toThrow();
    expect(() => truthAsFields(kind, doc.truth)).not.toThrow();

    const text = documentText({ pages: await pdfTextLayer(doc.bornDigitalPdf) });
    const truth = doc.truth as Record<string, unknown>;
    for (const [field, value] of Object.entries(truth)) {
      const printed = doc.printed[field];
      if (NOT_PRINTED.has(field) && !printed) continue;
      expect(printed, `printed forms of ${field}`).toBeDefined();
      // Every printed form is on the page.
      for (const s of printed) expect(printedIn(text, s), `${field}: "${s}" on the page`).toBe(true);
      if (NOT_PRINTED.has(field)) {
        // Printed cues of a judgement: the cue must imply the value.
        const implied = CUES[field];
        if (implied) expect(printed.map((s) => implied[s])).toContain(value);
        continue;
      }
      // And means the truth value.
      const read = READERS[kind][field];
      if (read) {
        for (const s of printed) expect(read(s), `${field}: "${s}"`).toEqual(value);
      } else if (typeof value === 'string') {
        expect(printed.map(squash)).toContain(squash(value));
      } else if (Array.isArray(value)) {
        for (const item of value) {
          const strings = typeof item === 'string' ? [item] : Object.values(item as Record<string, string>).filter((v) => !['同意', '反对', '弃权', '有条件同意'].includes(v));
          for (const s of strings) expect(printed, `${field} item`).toContain(s);
        }
      }
    }
  });
});

describe('truth consistency', () => {
  it('minutes: counts, votes and recusals agree', async () => {
    for (const seed of [3, 4, 5, 6, 7, 8]) {
      const { truth } = await generateBornDigital({ kind: 'MEETING_MINUTES', seed });
      expect(truth.presentCount).toBe(truth.attendees!.length);
      expect(truth.expectedCount).toBe(truth.attendees!.length + (truth.absentees?.length ?? 0));
      const voters = truth.votes!.map((v) => v.member);
      const recused = truth.recusals?.map((r) => r.person) ?? [];
      expect([...voters, ...recused].sort()).toEqual([...truth.attendees!].sort());
      for (const v of truth.votes!) if (v.vote === '反对') expect(v.dissentText).toBeTruthy();
    }
  });

  it('fact sheets: dates run in order and refusals are not signatures', async () => {
    for (const seed of [3, 4, 5, 6, 7, 8]) {
      const { truth } = await generateBornDigital({ kind: 'FACT_SHEET', seed });
      expect(truth.compensationDate! < truth.conclusionDate!).toBe(true);
      expect(truth.conclusionDate! < truth.deliveryDate!).toBe(true);
      if (truth.objectionFiled) expect(truth.objectionDate! > truth.deliveryDate!).toBe(true);
      else expect(truth.objectionDate).toBeUndefined();
      expect(truth.refused && truth.signaturePresent).toBe(false);
    }
  });
});
