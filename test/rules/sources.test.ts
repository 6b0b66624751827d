/**
 * Every rule quotes its seed word for word and carries a catalogue ID. The seed texts and the
 * rule catalogue are kept in docs/regulations/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_SETS } from '../../shared/rules/rulesets/index.js';
import type { AnyRuleSet } from '../../shared/rules/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedsDir = resolve(repoRoot, 'docs', 'regulations');
const cataloguePath = resolve(seedsDir, 'rule-catalogue.md');

function rulesOf(rs: AnyRuleSet) {
  return rs.kind === 'DUE_DILIGENCE_EXEMPTION' ? [...rs.personRules, ...rs.procedureRules] : rs.rules;
}

/** Layout differences only: whitespace, markdown bullets and the LaTeX comparison signs of seed 004. */
function normalize(text: string): string {
  return text
    .replace(/\$\\leq\$/g, '≤')
    .replace(/\$<\$/g, '<')
    .replace(/^\s*-\s+/gm, '')
    .replace(/\s+/g, '');
}

describe('rule data', () => {
  it('every rule has an ID, an article, a quote, a modality and an evaluate function', () => {
    for (const rs of RULE_SETS) {
      for (const r of rulesOf(rs)) {
        expect(r.id, rs.id).toMatch(/^(NX|YN|CQ|SX|XJ)-[0-9]+(-[0-9]+)*$/);
        expect(r.article).toMatch(/^(第|公告)/);
        expect(r.quote.length).toBeGreaterThan(5);
        expect(['may', 'shall', 'not_exemptable', 'in_principle', 'procedure', 'data_check']).toContain(r.modality);
        expect(typeof r.evaluate).toBe('function');
      }
    }
  });

  it('rule sets carry their validity as the seeds state it', () => {
    const byId = Object.fromEntries(RULE_SETS.map((r) => [r.id, r]));
    expect(byId['NX-DDE-2021']).toMatchObject({ validFrom: '2021-04-01', validTo: '2023-04-01', status: 'IN_FORCE' });
    expect(byId['YN-DDE-2023']).toMatchObject({ validFrom: '2023-01-01', validTo: '2025-12-31', documentNo: '云金规〔2022〕2号' });
    expect(byId['CQ-PERF-2021'].validFrom).toBe('2021-05-25');
    expect(byId['CQ-PERF-2021'].validTo).toBeUndefined();
    expect(byId['XJ-MEASURES-2023-DRAFT'].status).toBe('DRAFT_NOT_IN_FORCE');
    expect(byId['SX-INTEGRATION'].status).toBe('VALIDITY_NOT_STATED');
    expect(byId['SX-INTEGRATION'].validFrom).toBeUndefined();
  });
});

describe('quotes match the seed texts', () => {
  const seeds = readdirSync(seedsDir);
  for (const rs of RULE_SETS) {
    const file = seeds.find((f) => f.startsWith(`${rs.seed}-`));
    it(`${rs.id}: every quote is in seed ${rs.seed}`, () => {
      expect(file).toBeDefined();
      let text = normalize(readFileSync(join(seedsDir, file!), 'utf8'));
      if (rs.id === 'YN-DDE-2023') text = text.slice(0, text.indexOf('和政策支持的主要依据')); // the stray micro-loan fragment
      for (const r of rulesOf(rs)) {
        let from = 0;
        for (const segment of r.quote.split('……').map(normalize).filter(Boolean)) {
          const at = text.indexOf(segment, from);
          expect(at, `${r.id}: ${segment}`).toBeGreaterThanOrEqual(0);
          from = at + segment.length;
        }
      }
    });
  }
});

describe('IDs come from the rule catalogue', () => {
  it('every rule ID appears in the catalogue', () => {
    const catalogue = readFileSync(cataloguePath, 'utf8');
    const ranges: Record<string, string> = { 'SX-17-25': 'SX-17…25' };
    for (const rs of RULE_SETS) {
      for (const r of rulesOf(rs)) {
        const id = ranges[r.id] ?? r.id;
        expect(new RegExp(`${id.replace(/[-…]/g, (c) => `\\${c}`)}(?![0-9-])`).test(catalogue), r.id).toBe(true);
      }
    }
  });
});
