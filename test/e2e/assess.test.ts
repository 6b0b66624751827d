import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function assess(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'functions/cli/dossier.ts', 'assess', ...args], { encoding: 'utf8' });
  return { code: run.status, json: run.status === 0 ? JSON.parse(run.stdout) : undefined, stderr: run.stderr };
}

describe('dossier assess', () => {
  it('says so when a case falls outside every validity window', () => {
    const { code, json } = assess('docs/examples/case-ningxia-after-expiry.json', '--today', '2026-11-22');
    expect(code).toBe(0);
    expect(json.ruleSet.status).toBe('NO_RULESET_IN_FORCE');
    expect(json.persons.every((p: { outcome: string }) => p.outcome === 'NO_RULESET_IN_FORCE')).toBe(true);
  });

  it('says "undetermined" and names the parameter a Ningxia case needs but nobody configured', () => {
    const { json } = assess('docs/examples/case-ningxia.json', '--today', '2026-11-22');
    const head = json.persons.find((p: { name: string }) => p.name === '王建华');
    expect(head.outcome).toBe('UNDETERMINED_PARAMETER_MISSING');
    const rule = head.rules.find((r: { ruleId: string }) => r.ruleId === 'NX-9-1');
    expect(rule).toMatchObject({ result: 'UNDETERMINED_PARAMETER_MISSING', missingParameters: ['compensationRateToleranceBp'] });
    expect(rule.article).toContain('第九条');
    expect(rule.quote.length).toBeGreaterThan(10);
  });

  it('uses a configured parameter instead', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const config = join(await mkdtemp(join(tmpdir(), 'assess-')), 'institution.json');
    await writeFile(config, JSON.stringify({ jurisdiction: 'NX', compensationRateToleranceBp: 500, compensationRateToleranceSource: '机构实施细则第五条' }));
    const { json } = assess('docs/examples/case-ningxia.json', '--config', config, '--today', '2026-11-22');
    const head = json.persons.find((p: { name: string }) => p.name === '王建华');
    expect(head.rules.find((r: { ruleId: string }) => r.ruleId === 'NX-9-1').result).toBe('MET');
  });

  it('rejects a case that does not match the schema, and prints the schema on request', () => {
    const bad = assess('package.json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('案件数据不符合格式');
    const schema = assess('--schema');
    expect(schema.json.type).toBe('object');
    expect(Object.keys(schema.json.properties)).toEqual(expect.arrayContaining(['institution', 'persons', 'dates']));
  });
});
