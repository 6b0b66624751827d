import { PDFDocument } from 'pdf-lib';
import { embedCjkFont } from '../../shared/pdf/fonts.js';

/** A one-page born-digital PDF with the given lines (it has a text layer: no OCR needed). */
export async function textPdf(lines: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await embedCjkFont(doc);
  const page = doc.addPage([595.28, 841.89]);
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 22, size: 12, font }));
  return doc.save();
}

/** A Yunnan fact-confirmation sheet as an institution would type it, for the person (and case number) of choice: reliably processed. */
export function factSheetLines(person: string, caseNo = '0031'): string[] {
  return [
    '事实认定材料',
    '云南省滇中融资担保有限公司',
    `编号：YNDB-2024-${caseNo}`,
    `被评议人：${person}`,
    '职务：业务二部经理',
    '担保金额：人民币叁佰万元整',
    '代偿日期：2024年5月20日',
    '认定事实：被评议人按规定开展了保前调查和保后检查。',
    '评议结论：尽职',
    '评议日期：2024年7月1日',
    '送达日期：2024年7月3日',
  ];
}

export const YUNNAN_FACT_SHEET: readonly string[] = factSheetLines('周晓峰');
