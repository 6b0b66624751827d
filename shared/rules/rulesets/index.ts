/**
 * The registry of rule sets. Adding a province, or a new version of a regulation, is adding a
 * file to this folder and listing it here; the engine selects by jurisdiction, kind and dates.
 */
import type { AnyRuleSet } from '../types.js';
import { chongqingPerformance } from './chongqing.js';
import { ningxiaDueDiligence } from './ningxia.js';
import { shanxiIntegration } from './shanxi.js';
import { xinjiangMeasures } from './xinjiang.js';
import { yunnanDueDiligence } from './yunnan.js';

export { chongqingPerformance, ningxiaDueDiligence, shanxiIntegration, xinjiangMeasures, yunnanDueDiligence };

export const RULE_SETS: readonly AnyRuleSet[] = [
  ningxiaDueDiligence,
  yunnanDueDiligence,
  chongqingPerformance,
  xinjiangMeasures,
  shanxiIntegration,
];

export function ruleSetById(id: string): AnyRuleSet | undefined {
  return RULE_SETS.find((r) => r.id === id);
}
