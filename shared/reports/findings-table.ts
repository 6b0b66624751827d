/** The table of rule findings, the same in every report that lists them. */
import type { Finding } from '../domain/records.js';
import { MODALITY_ZH, SEVERITY_ZH } from './format.js';
import type { TableSpec } from './layout.js';

export function findingsTable(findings: Finding[]): TableSpec {
  return {
    columns: [
      { title: '规则编号', width: 1.4 },
      { title: '条款', width: 0.9 },
      { title: '效力', width: 1.2 },
      { title: '级别', width: 0.6, align: 'center' },
      { title: '结论代码', width: 2 },
      { title: '说明', width: 3.3 },
    ],
    rows: findings.map((f) => [f.ruleId, f.article, MODALITY_ZH[f.modality], SEVERITY_ZH[f.severity], f.outcome, f.message]),
  };
}
