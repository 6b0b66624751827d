import { describe, expect, it } from 'vitest';
import { assessCase } from '../../shared/rules/assess.js';
import { CaseInput, caseInputJsonSchema } from '../../shared/rules/case.js';
import { calendar, nxCase, ynCase } from './fixtures.js';

describe('CaseInput schema', () => {
  it('exports a JSON Schema with the documented top-level properties', () => {
    const schema = caseInputJsonSchema() as { $schema: string; properties: Record<string, { properties?: Record<string, unknown> }>; required: string[] };
    expect(schema.$schema).toContain('json-schema.org');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['institution', 'business', 'dates', 'annual', 'circumstances', 'persons', 'procedure', 'documents', 'ruleSetDecision']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['institution', 'business', 'persons']));
    expect(Object.keys(schema.properties.institution.properties!)).toEqual(
      expect.arrayContaining(['name', 'jurisdiction', 'governmentGuarantee']),
    );
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it.each([
    ['an impossible date', (c: ReturnType<typeof ynCase>) => ({ ...c, dates: { compensation: '2023-02-30' } })],
    ['a fractional amount of fen', (c: ReturnType<typeof ynCase>) => ({ ...c, business: { category: '小微企业', compensationAmountFen: 10.5 } })],
    ['a share above 100%', (c: ReturnType<typeof ynCase>) => ({ ...c, business: { category: '小微企业', repaidPrincipalShareBp: 10001 } })],
    ['an unknown jurisdiction', (c: ReturnType<typeof ynCase>) => ({ ...c, institution: { ...c.institution, jurisdiction: 'GD' } })],
    ['no evaluated person', (c: ReturnType<typeof ynCase>) => ({ ...c, persons: [] })],
  ])('rejects %s', (_label, mutate) => {
    const bad = mutate(ynCase());
    expect(CaseInput.safeParse(bad).success).toBe(false);
    expect(() => assessCase(bad as never, { calendar })).toThrow();
  });

  it('the assessment is plain JSON (what `dossier assess` prints)', () => {
    for (const c of [ynCase(), nxCase()]) {
      const a = assessCase(c, { calendar, today: '2024-12-01' });
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      for (const p of a.persons) {
        for (const r of p.rules) {
          expect(r).toMatchObject({ ruleId: expect.any(String), article: expect.any(String), quote: expect.any(String) });
        }
      }
    }
  });

  it('a clean Yunnan case needs no review', () => {
    const a = assessCase(ynCase(), { calendar, today: '2024-12-01' });
    expect(a.persons[0]).toMatchObject({ outcome: 'EXEMPTION_AVAILABLE', needsReview: false, decidedBy: ['YN-9-6'], modality: 'may' });
  });
});
