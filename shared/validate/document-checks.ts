/**
 * Consistency checks on one document's extracted values (rule catalogue section 9): values that
 * contradict each other are not guessed between; the document goes to a person with the reason.
 */
import type { ExtractedFields } from '../domain/fields.js';
import type { Finding, SealSeen } from '../domain/records.js';
import type { ReadDocument } from '../domain/text.js';

const check = (ruleId: string, message: string, fields: string[], severity: Finding['severity'] = 'warning'): Finding => ({
  ruleId,
  article: '—',
  modality: 'data_check',
  outcome: 'EVIDENCE_MISSING',
  severity,
  message,
  fields,
});

export function documentChecks(extracted: ExtractedFields): Finding[] {
  const out: Finding[] = [];
  if (extracted.kind === 'MEETING_MINUTES') {
    const f = extracted.fields;
    if (f.expectedCount && f.presentCount && f.presentCount.value > f.expectedCount.value)
      out.push(check('DATA-ATTENDANCE', `实到人数（${f.presentCount.value}）多于应到人数（${f.expectedCount.value}）`, ['expectedCount', 'presentCount']));
    if (f.attendees && f.presentCount && f.attendees.value.length > 0 && f.attendees.value.length !== f.presentCount.value)
      out.push(check('DATA-ATTENDEE-COUNT', `出席人员名单 ${f.attendees.value.length} 人，与实到人数 ${f.presentCount.value} 人不符`, ['attendees', 'presentCount']));
    const voters = new Set((f.votes?.value ?? []).map((v) => v.member));
    for (const r of f.recusals?.value ?? []) {
      if (voters.has(r.person)) out.push(check('DATA-RECUSED-VOTED', `${r.person} 已回避，但纪要记载其参与表决`, ['recusals', 'votes']));
    }
  }
  if (extracted.kind === 'FACT_SHEET') {
    const f = extracted.fields;
    if (f.conclusionDate && f.deliveryDate && f.deliveryDate.value < f.conclusionDate.value)
      out.push(check('DATA-DELIVERY-BEFORE-CONCLUSION', '送达日期早于评议结论日期', ['conclusionDate', 'deliveryDate']));
    if (f.deliveryDate && f.objectionDate && f.objectionDate.value < f.deliveryDate.value)
      out.push(check('DATA-OBJECTION-BEFORE-DELIVERY', '异议提出日期早于送达日期', ['deliveryDate', 'objectionDate']));
    if (f.objectionFiled?.value === true && !f.objectionDate)
      out.push(check('DATA-OBJECTION-DATE-MISSING', '记载有异议，但未识别到异议提出日期', ['objectionFiled', 'objectionDate']));
    if (f.compensationAmount && f.guaranteeAmount && f.compensationAmount.value > f.guaranteeAmount.value)
      out.push(check('DATA-COMPENSATION-EXCEEDS-GUARANTEE', '代偿金额大于担保金额', ['guaranteeAmount', 'compensationAmount']));
  }
  if (extracted.kind === 'AUDIT_REPORT') {
    const f = extracted.fields;
    for (const key of ['compensationRate', 'recoveryRate', 'avgFeeRate'] as const) {
      const v = f[key];
      if (v && (v.value < 0 || v.value > 10000)) out.push(check('DATA-RATE-RANGE', `比率超出 0–100% 范围：${key}`, [key]));
    }
  }
  return out;
}

/** The seals seen on a scan's pages; undefined when no page could show one (a text layer, grayscale scans). */
export function sealsOf(doc: ReadDocument): SealSeen[] | undefined {
  if (doc.source !== 'ocr' || doc.pages.every((p) => p.seals === undefined)) return undefined;
  return doc.pages.flatMap((p) => (p.seals ?? []).map((s) => ({ page: p.pageNumber, bbox: s.bbox, confidence: s.confidence })));
}

/** Kinds issued under the institution's seal: minutes of its meetings and its fact sheets. */
const SEALED_KINDS = new Set<ExtractedFields['kind']>(['MEETING_MINUTES', 'FACT_SHEET']);

/**
 * A colour scan of minutes or a fact sheet without any seal is worth a look: the institution's
 * 公章 is how such a document is issued. No finding when the scan could not show a seal.
 */
export function sealChecks(kind: ExtractedFields['kind'], seals: SealSeen[] | undefined): Finding[] {
  if (!SEALED_KINDS.has(kind) || !seals || seals.length > 0) return [];
  return [check('DATA-SEAL-MISSING', '彩色扫描件上未见机构公章（红色印章），请核对原件是否加盖公章', [])];
}
