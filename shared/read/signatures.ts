/**
 * Signature places from the pixels: the space after a printed label such as 被评议人（签字）：
 * or 主持人签名： either holds handwriting, is blank (an underline, or nothing), or says 拒签.
 * A name in handwriting is not read here; whether the person signed is what counts. In a ruled
 * table with a signature column (签字 / 签名), each cell below its heading is a place of its own.
 */
import type { BoundingBox, OcrLine, OcrSignature, OcrTable, OcrTableCell } from '../domain/text.js';
import { wordChars } from '../adapters/ocr-geometry.js';
import { inkMap } from './tick-boxes.js';
import type { Gray } from './preprocess.js';

/**
 * A label that asks for a signature, up to its closing bracket and colon. OCR garbles 签, a
 * dense character, into many others (等, 答, 俭, 侍, 符…) and reads 字 as 宁, 宇 or 守; so, besides 签字 /
 * 签名 / 签章 anywhere, any character before 字, 名 or 章 in brackets after a role, or right
 * after a role before a bracket or colon, is taken for the label when the bracket is closed or a colon
 * follows (记录人（等宁）, 被评议人（等宁：, 主持人俭宁：); so is a role's bracket holding only a
 * garbled 签 (记录人(答)), and 字 read as 子 after a 签 garbled or not (参会人员(等子)). 盖章, 公章, 印章 (seal places) and 姓名 are not signature labels.
 */
export const SIGNATURE_LABEL =
  /(?:[(（〈《【]\s*签\s*[字宁宇守学名章]|签\s*[字名章]|[(（〈《【]\s*[^\s盖公印姓]\s*[字宁宇守学名章]\s*(?=[)）〉》】:：])|(?<=[人导员长])[^\s盖公印姓][字宁宇守名章]\s*(?=[)）〉》】:：])|(?<=[人导员长]\s*)[(（〈《【]\s*[签答符]\s*(?=[)）〉》】])|[(（〈《【]\s*[签等答符]\s*子\s*(?=[)）〉》】:：]))(?:\s*[)）〉》】])?\s*[:：]?/u;
/** Printed text that ends a signature place: a date, or the next label. */
const PRINTED_AFTER = /[〇零一二三四五六七八九十OoО○0-9]{2,4}\s*年|日期|[:：]/u;
/** Words written in a signature place that refuse to sign (拒 is often read as 驴, 扩 or 护 in handwriting). */
export const REFUSAL = /拒|不签|[驴扩护]签/u;
/**
 * The same, in the handwriting of a signature place read on its own: there a 签 can only come
 * from 拒签, 拒绝签字 or 不签 (no name is written with it), whatever OCR made of the first
 * character (并签, 措签).
 */
const WRITTEN_REFUSAL = /拒|签/u;
/**
 * Characters with the hand radical 扌, which OCR keeps when it misreads a handwritten 拒 (措, 托,
 * 括, 担); hardly any surname has it.
 */
const HAND_RADICAL =
  '打扑扒扔托扛扣执扩扫扬扭扮扯扰扳扶批找技抄把抓投抗折抚抛抠抡抢护报披抬抱抵抹押抽拂拄担拆拇拉拌拍拐拒拓拔拖拘招拟拢拣拥拦拧拨择括拭拯拱拴拷拼拽拾持挂指按挎挑挖挟挠挡挣挤挥挨挪挫振捂捅捆捉捌捍捎捏捐捕捞损捡换捣捧据捷捻掀掂掇授掉掏掐排掖掘掠探接控推掩措掰揉揍描提插握揣揩揪揭援揽搀搁搂搅搏搓搔搜搞搬搭携摄摆摇摊摔摘摧摸撑撒撕撞撤撩撬播撮撰擂擅操擒擦攒扦扎扼抉抒抖拎拗拙挺捶掷掸揖搪摁撂撇';
/** One or two characters, the first with 扌: a 拒签 that OCR garbled whole (措芍, 托瘤, 括葵, 措). */
const GARBLED_REFUSAL = new RegExp(`^[${HAND_RADICAL}]\\p{Script=Han}?$`, 'u');

/**
 * How sure a reading of a signature place's handwriting, read on its own, is that it refuses to
 * sign: 0.8 when it says 拒 or 签; 0.7 when it is one or two characters the first of which has 扌
 * (the place then goes to a person), unless it shares a character with the `name` of who is to
 * sign there (技东 for 周瞬东); 0 otherwise.
 */
export function writtenRefusal(reading: string, name = ''): number {
  if (WRITTEN_REFUSAL.test(reading)) return 0.8;
  const written = reading.replace(/[^\p{Script=Han}]/gu, '');
  return GARBLED_REFUSAL.test(written) && ![...written].some((ch) => name.includes(ch)) ? 0.7 : 0;
}

/** Minimum ink, in character areas, for a place to hold handwriting: a stroke or two of a name, not specks. */
const MIN_INK_EM2 = 0.12;

/**
 * The signature places on a page: for each label, the space to its right on the same line (up
 * to a printed date or the next label, at most ten characters wide) and a little above and
 * below it, where handwriting goes. Ink left after removing underlines and specks counts as
 * handwriting unless OCR reads a refusal there; then each cell of the tables' signature columns.
 * `gray` is the page as OCR saw it.
 */
export function findSignaturePlaces(gray: Gray, lines: readonly OcrLine[], em: number, tables: readonly OcrTable[] = []): OcrSignature[] {
  const ink = inkMap(gray);
  const columns = signatureColumns(tables);
  const places: OcrSignature[] = [];
  for (const line of lines) {
    const chars = placedChars(line);
    const text = chars.map((c) => c.ch).join('');
    const m = SIGNATURE_LABEL.exec(text);
    if (!m) continue;
    // a closing bracket misread as another character before the colon (签字六:) is the label's
    const misread = /^\s*[^\s:：]\s*[:：]/u.exec(text.slice(m.index + m[0].length));
    const labelEnd = m.index + m[0].length + (misread && !/[:：]$/u.test(m[0]) ? misread[0].length : 0);
    const labelStart = Math.max(0, text.slice(0, m.index).search(/[^\s，。；]+$/u));
    // OCR often joins the colon to the handwriting after it, in one word whose box starts well
    // inside the handwriting: the place begins at most half a character past the closing bracket
    const bracket = text.slice(0, labelEnd).search(/[)）〉》】][^)）〉》】]*$/u);
    const labelX = bracket >= m.index ? Math.min(chars[labelEnd - 1].x1, chars[bracket].x1 + em * 0.5) : chars[labelEnd - 1].x1;
    // the heading of a signature column: its places are the cells below it
    const cy0 = (line.bbox.y0 + line.bbox.y1) / 2;
    if (columns.some(({ heading: h }) => labelX > h.bbox.x0 && labelX <= h.bbox.x1 + em && cy0 >= h.bbox.y0 && cy0 <= h.bbox.y1)) continue;
    const rest = text.slice(labelEnd);
    const stopAt = rest.search(PRINTED_AFTER);
    // the printed text after the place begins at least a character past the label
    const stopX = stopAt >= 0 ? chars[labelEnd + stopAt].x0 : Infinity;
    const x0 = Math.round(labelX + em * 0.15);
    const x1 = Math.round(Math.min(stopX - em * 0.3, labelX + em * 10, gray.width - 1));
    if (x1 - x0 < em) continue;
    const cy = (line.bbox.y0 + line.bbox.y1) / 2;
    // up to the text of the lines above and below (not the handwriting OCR may have taken for a line)
    const neighbours = lines.filter((l) => l !== line && l.bbox.x0 < x1 && l.bbox.x1 > x0 && Math.abs((l.bbox.y0 + l.bbox.y1) / 2 - cy) > em * 0.9);
    const above = Math.max(cy - em * 1.1, ...neighbours.filter((l) => l.bbox.y1 < cy).map((l) => l.bbox.y1 + 2));
    const below = Math.min(cy + em * 1.1, ...neighbours.filter((l) => l.bbox.y0 > cy).map((l) => l.bbox.y0 - 2));
    const place: BoundingBox = { x0, x1, y0: Math.max(0, Math.round(above)), y1: Math.min(gray.height - 1, Math.round(below)) };
    const written = chars.filter((c) => c.x1 > x0 && c.x0 < x1).map((c) => c.ch).join('');
    const handwriting = strokesIn(ink, gray.width, place, em, cy);
    const refused = REFUSAL.test(written);
    places.push({
      signed: handwriting.present && !refused,
      confidence: refused ? 0.85 : handwriting.confidence,
      bbox: handwriting.present ? handwriting.bbox : place,
      label: text.slice(labelStart, labelEnd).trim(),
    });
  }
  for (const { heading, name, cells } of columns) {
    for (const cell of cells) {
      const inset = Math.max(4, Math.round(em * 0.15));
      const box = { x0: cell.bbox.x0 + inset, y0: cell.bbox.y0 + inset, x1: cell.bbox.x1 - inset, y1: cell.bbox.y1 - inset };
      if (box.x1 - box.x0 < em || box.y1 - box.y0 < em * 0.5) continue;
      const handwriting = strokesIn(ink, gray.width, box, em, (box.y0 + box.y1) / 2, (box.y1 - box.y0) / 2);
      const refused = REFUSAL.test(cell.text);
      const who = name(cell);
      // a spare row (no one named in it, nothing written) is no place
      if (who === '' && !handwriting.present && !refused) continue;
      places.push({
        signed: handwriting.present && !refused,
        confidence: refused ? 0.85 : handwriting.confidence,
        bbox: handwriting.present ? handwriting.bbox : box,
        label: who ? `${who}（${heading.text}）` : heading.text,
        ...(who ? { name: who } : {}),
      });
    }
  }
  return places;
}

/** A column heading that asks each row to sign: 签字, 本人签名, 委员签字确认 (签 and 字 garbled as in labels: 本人等字). */
const SIGNATURE_HEADING = /^(?:本人|委员|成员|参会人员|与会人员)?(?:[签等答符][字宁宇守名章])(?:确认)?$/u;
/** A column heading that names the row's person. */
const NAME_HEADING = /^(?:姓名|委员|参会人员|参会委员|与会人员|出席人员|成员|董事|表决人|评审委员)$/u;

/**
 * The signature columns of ruled tables: the heading cell, the cells below it, and the person
 * each row names (from the row's name column, when there is one).
 */
function signatureColumns(tables: readonly OcrTable[]): Array<{ heading: OcrTableCell; cells: OcrTableCell[]; name: (cell: OcrTableCell) => string | undefined }> {
  const plain = (t: string) => t.replace(/[\s:：()（）]/gu, '');
  return tables.flatMap((table) => {
    const nameHeading = table.cells.find((c) => NAME_HEADING.test(plain(c.text)));
    return table.cells
      .filter((h) => SIGNATURE_HEADING.test(plain(h.text)))
      .map((heading) => ({
        heading,
        cells: table.cells.filter((c) => c.row >= heading.row + heading.rowSpan && c.column >= heading.column && c.column < heading.column + heading.columnSpan),
        /** The person the cell's row names; '' when the table has a name column but the row names no one. */
        name: (cell: OcrTableCell) => {
          if (!nameHeading) return undefined;
          const inRow = table.cells.find((c) => c.row === cell.row && c.column === nameHeading.column);
          return inRow ? plain(inRow.text) : '';
        },
      }));
  });
}

/** The characters of a line with where each lies (placed in proportion within its word). */
function placedChars(line: OcrLine): Array<{ ch: string; x0: number; x1: number }> {
  return [...line.words].sort((a, b) => a.bbox.x0 - b.bbox.x0).flatMap(wordChars);
}

/**
 * Whether a region holds handwriting on the line at `cy`: its ink without rows that are mostly
 * one long stroke (underlines), without components smaller than a speck, and without strokes
 * centred off the line (the signature above or below reaching into the region).
 */
function strokesIn(ink: Uint8Array, width: number, r: BoundingBox, em: number, cy: number, reach = em * 0.65): { present: boolean; confidence: number; bbox: BoundingBox } {
  const w = r.x1 - r.x0 + 1;
  const h = r.y1 - r.y0 + 1;
  const local = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) local[y * w + x] = ink[(r.y0 + y) * width + r.x0 + x];
  // underlines: horizontal runs longer than two characters
  for (let y = 0; y < h; y++) {
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const on = x < w && local[y * w + x];
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start > em * 2) local.fill(0, y * w + start, y * w + x);
        start = -1;
      }
    }
  }
  // connected components; specks and dust are left out
  const minComponent = Math.max(6, Math.round(em * em * 0.01));
  const seen = new Uint8Array(w * h);
  let total = 0;
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let i = 0; i < local.length; i++) {
    if (!local[i] || seen[i]) continue;
    const stack = [i];
    seen[i] = 1;
    const members: number[] = [];
    while (stack.length) {
      const p = stack.pop()!;
      members.push(p);
      const px = p % w;
      const py = (p - px) / w;
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]]) {
        const nx = px + dx;
        const ny = py + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const n = ny * w + nx;
        if (local[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    if (members.length < minComponent) continue;
    // the component's extent and mean row, in one pass (no spreading of large arrays)
    const extent = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    let rowSum = 0;
    for (const p of members) {
      const px = p % w;
      const py = (p - px) / w;
      rowSum += py;
      extent.x0 = Math.min(extent.x0, px);
      extent.x1 = Math.max(extent.x1, px);
      extent.y0 = Math.min(extent.y0, py);
      extent.y1 = Math.max(extent.y1, py);
    }
    if (Math.abs(r.y0 + rowSum / members.length - cy) > reach) continue;
    const height = extent.y1 - extent.y0;
    // what is left of an underline: long, flat slivers, not strokes
    if (height < em * 0.15) continue;
    // dots: a colon's, or dust
    if (height < em * 0.25 && extent.x1 - extent.x0 < em * 0.25) continue;
    total += members.length;
    box.x0 = Math.min(box.x0, extent.x0);
    box.x1 = Math.max(box.x1, extent.x1);
    box.y0 = Math.min(box.y0, extent.y0);
    box.y1 = Math.max(box.y1, extent.y1);
  }
  const needed = MIN_INK_EM2 * em * em;
  const present = total >= needed;
  const ratio = total / needed;
  // far from the threshold either way is sure; near it, a person should look
  const confidence = present ? (ratio >= 2 ? 0.95 : 0.7) : ratio <= 0.3 ? 0.95 : 0.7;
  const found = present ? { x0: r.x0 + box.x0, y0: r.y0 + box.y0, x1: r.x0 + box.x1, y1: r.y0 + box.y1 } : r;
  return { present, confidence, bbox: found };
}
