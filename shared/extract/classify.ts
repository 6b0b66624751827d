import type { DocumentKind } from '../domain/fields.js';
import { errorBudget, fuzzyFind } from './fuzzy.js';
import type { TextLine } from './lines.js';

/** Phrases that point to a kind: title phrases weigh most, body phrases add up. */
const SIGNALS: Record<Exclude<DocumentKind, 'UNKNOWN'>, { titles: string[]; body: string[] }> = {
  MEETING_MINUTES: {
    titles: ['会议纪要', '会议记录', '评审会纪要', '纪要'],
    body: ['主持人', '参会人员', '出席人员', '到会人员', '列席', '记录人', '议定事项', '会议议题', '表决', '与会', '会议认为', '会议决定', '应到', '实到', '召开'],
  },
  FACT_SHEET: {
    titles: ['事实认定材料', '事实认证材料', '事实认定书', '尽职免责事实认定'],
    body: ['被评议人', '被调查人', '评议结论', '认定结论', '认定意见', '认定日期', '事实认定', '基本尽职', '不尽职', '送达', '异议', '尽职免责', '工作小组', '签字确认'],
  },
  AUDIT_REPORT: {
    titles: ['审计报告', '审计意见书', '专项审计', '内部审计报告', '审计结果报告'],
    body: ['审计意见', '被审计单位', '审计期间', '会计师事务所', '代偿率', '拨备覆盖率', '放大倍数', '在保余额', '审计发现', '财务报表', '代偿回收率'],
  },
};

export interface Classification {
  kind: DocumentKind;
  confidence: number;
  /** Why: the phrases found, for the record and for a reviewer. */
  evidence: string[];
}

/**
 * Classifies a document from its content: a title phrase in the first lines of page 1 counts
 * heavily, body phrases add up. Weak or tied evidence gives UNKNOWN rather than a guess.
 */
export function classify(lines: TextLine[]): Classification {
  const firstLines = lines.filter((l) => l.page === 1).slice(0, 6).map((l) => l.text);
  // a long title may wrap: each line, and each line joined with the next
  const head = [...firstLines, ...firstLines.slice(1).map((t, i) => firstLines[i] + t)];
  const body = lines.map((l) => l.text).join('\n');
  const scored = (Object.keys(SIGNALS) as Array<keyof typeof SIGNALS>).map((kind) => {
    const evidence: string[] = [];
    let score = 0;
    const title = SIGNALS[kind].titles.find((t) => head.some((text) => fuzzyFind(text, t, errorBudget(t))));
    if (title) {
      score += 6;
      evidence.push(`标题含“${title}”`);
    }
    for (const phrase of SIGNALS[kind].body) {
      if (fuzzyFind(body, phrase, Array.from(phrase).length >= 4 ? 1 : 0)) {
        score += 1;
        evidence.push(phrase);
      }
    }
    return { kind, score, evidence };
  });
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  const margin = best.score - second.score;
  if (best.score < 4 || margin < 2) {
    return { kind: 'UNKNOWN', confidence: 0, evidence: scored.filter((s) => s.score > 0).map((s) => `${s.kind}:${s.score}`) };
  }
  return { kind: best.kind, confidence: Math.min(1, 0.5 + margin / 12), evidence: best.evidence };
}
