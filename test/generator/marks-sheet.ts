/**
 * A marks sheet: an A4 form dense in tick boxes and signature places (表决票, 评议表, 考核测评表),
 * with the ground truth of every box and place, so tick-box, signature and seal detection can be
 * measured on hundreds of instances from a few pages. Each page holds about 12 tick groups of 2–4
 * options (some in a ruled table, some as plain lines; ■/□ glyphs or drawn ☑/☒/☐; one or no
 * option ticked) and about 8 signature places (a handwritten name, a blank slot with or without a
 * line, or a handwritten 拒签); about half the pages have a vote table with a column to sign in;
 * some pages carry a red seal stamped over some of the lines.
 */
import type { PageImage } from '../../shared/domain/text.js';
import { fmtDate, pageStyle, workingDay } from './models/common.js';
import { createRng, type Rng } from './prng.js';
import { type Block, type Cell, type PrintedBox, renderDocumentDetailed, type StampedSeal } from './render.js';
import { type ImageFormat, type Quality, scanPdf } from './scan.js';
import { distinctNames, institution } from './vocab.js';

export type SignatureState = 'signed' | 'blank' | 'refused';

export interface MarksSheetPageTruth {
  /** Tick groups top to bottom; each row's boxes left to right: ticked? (one or none per row). */
  tickRows: boolean[][];
  /** Signature places top to bottom. */
  signatures: SignatureState[];
  /** Whether a seal is stamped on the page. */
  sealed: boolean;
}

export interface MarksSheetTruth {
  pages: MarksSheetPageTruth[];
}

export interface MarksSheetSpec {
  /** Any integer; the same spec always gives the same sheet. */
  seed: number;
  /** @default 'typical' */
  quality?: Quality;
  /** Number of pages. @default 1 */
  pages?: number;
  /** Scan resolution. @default 300 for clean, 200 otherwise */
  dpi?: number;
  /** Encoding of `pages`. @default 'png' for clean, 'jpeg' otherwise */
  imageFormat?: ImageFormat;
}

export interface MarksSheet {
  seed: number;
  quality: Quality;
  dpi: number;
  imageFormat: ImageFormat;
  truth: MarksSheetTruth;
  /** Scanned pages, encoded as `imageFormat`. */
  pages: PageImage[];
  /** The scanned pages as JPEG images in an A4 PDF (no text layer). */
  scannedPdf: Uint8Array;
  /** The form as printed, with a text layer (drawn boxes read as ☐/☑/☒ there). */
  bornDigitalPdf: Uint8Array;
  /** Scanned in greyscale: the seals are not red. */
  grayscale: boolean;
  /** `marks-s42-typical`. */
  fileStem: string;
  /** Every tick box printed, in reading order (page 0-based; PDF points, origin top-left). */
  boxes: PrintedBox[];
  /** Every seal stamped (page 0-based; PDF points, origin top-left). */
  seals: StampedSeal[];
}

type TickStyle = 'glyph' | 'tick' | 'cross';
const MARKS: Record<TickStyle, { ticked: string; empty: string }> = {
  glyph: { ticked: '■', empty: '□' },
  tick: { ticked: '☑', empty: '☐' },
  cross: { ticked: '☒', empty: '☐' },
};

/** Forms and the option sets their items are answered with. */
const FORMS: readonly { title: string; options: readonly (readonly string[])[] }[] = [
  { title: '项目评审会表决票', options: [['同意', '不同意', '弃权'], ['同意', '有条件同意', '不同意', '弃权'], ['同意', '不同意']] },
  { title: '尽职免责评议表', options: [['尽职', '基本尽职', '不尽职'], ['是', '否'], ['无异议', '有异议']] },
  { title: '员工履职考核测评表', options: [['优秀', '良好', '合格', '不合格'], ['称职', '基本称职', '不称职'], ['是', '否']] },
  { title: '代偿项目集体决策表决单', options: [['同意', '不同意', '弃权'], ['同意代偿', '暂缓代偿'], ['有', '无']] },
  { title: '保后检查情况核查表', options: [['已核实', '未核实'], ['齐全', '不齐全'], ['符合', '基本符合', '不符合'], ['正常', '关注', '风险']] },
];

const ITEMS = [
  '保前调查是否到位',
  '反担保措施是否落实',
  '保后检查是否按期',
  '风险信号是否及时报告',
  '档案资料是否齐全',
  '代偿审批程序是否合规',
  '追偿措施是否及时',
  '担保方案是否可行',
  '授信额度是否合理',
  '企业经营是否正常',
  '抵押物是否足值',
  '反担保人资信情况',
  '资金用途是否合规',
  '财务数据是否真实',
  '还款来源是否可靠',
  '关联担保情况',
  '纳税记录是否正常',
  '征信查询结果',
];

const ROLES = ['主持人', '记录人', '评议人', '被评议人', '参会人员', '审核人', '经办人', '复核人', '部门负责人', '分管领导', '调查人', '送达人', '见证人', '表决人'];

/** Generates a marks sheet with its truth (a second or two per page, most of it the scan). */
export async function generateMarksSheet(spec: MarksSheetSpec): Promise<MarksSheet> {
  if (!Number.isSafeInteger(spec.seed)) throw new RangeError(`seed must be an integer: ${spec.seed}`);
  const pageCount = spec.pages ?? 1;
  if (!Number.isInteger(pageCount) || pageCount < 1 || pageCount > 50) throw new RangeError(`pages must be an integer in 1..50: ${spec.pages}`);
  const quality = spec.quality ?? 'typical';
  if (!['clean', 'typical', 'poor'].includes(quality)) throw new RangeError(`unknown quality: ${quality}`);
  const dpi = spec.dpi ?? (quality === 'clean' ? 300 : 200);
  const imageFormat = spec.imageFormat ?? (quality === 'clean' ? 'png' : 'jpeg');

  const rng = createRng(spec.seed).fork('model:marks');
  const inst = institution(rng.fork('institution'));
  const c = rng.fork('conventions');
  const family = c.chance(0.6) ? 'serif' : 'sans';
  const colon = c.chance(0.85) ? '：' : ':';
  const dateIso = workingDay(c, c.int(2020, 2024));
  const dateText = fmtDate(dateIso, c.pick(['ymd', 'zh-numerals', 'dot'] as const));
  const base = pageStyle(rng.fork('page'), { date: 'ymd', proseDate: 'ymd', colon, spacedLabels: false, family }, '', dateIso, pageCount > 1);
  const style = {
    ...base,
    // A dense form: small type, tight lines, narrow margins, so a page holds it all.
    bodySize: family === 'serif' ? c.pick([11, 11.5, 12]) : c.pick([10.5, 11, 11.5]),
    lineHeight: c.float(1.45, 1.6),
    margins: { top: c.int(52, 64), bottom: c.int(50, 60), left: c.int(60, 72), right: c.int(56, 66) },
  };

  // A dense page now and then runs over; it is drawn again (deterministically) with other content.
  let blocks: Block[] = [];
  let truth: MarksSheetTruth = { pages: [] };
  let rendered: Awaited<ReturnType<typeof renderDocumentDetailed>> | undefined;
  for (let attempt = 0; attempt < 6 && !rendered; attempt++) {
    blocks = [];
    truth = { pages: [] };
    let title = '';
    for (let i = 0; i < pageCount; i++) {
      const page = buildPage(rng.fork(attempt === 0 ? `page:${i}` : `page:${i}:${attempt}`), { inst: inst.name, province: inst.province.key, colon, dateText });
      title ||= page.title;
      if (i > 0) blocks.push({ type: 'pageBreak' });
      blocks.push(...page.blocks);
      truth.pages.push(page.truth);
    }
    style.title = `${inst.name}${title}`;
    const attemptRendered = await renderDocumentDetailed(blocks, style, createRng(spec.seed).fork('render'));
    if (attemptRendered.pageCount === pageCount) rendered = attemptRendered;
  }
  if (!rendered) throw new Error(`marks sheet ${spec.seed}: does not fit on ${pageCount} pages`);
  truth.pages.forEach((p, i) => {
    // The boxes drawn are the truth, in reading order; a mismatch is a bug in this module.
    const onPage = rendered.boxes.filter((b) => b.page === i);
    if (JSON.stringify(onPage.map((b) => b.ticked)) !== JSON.stringify(p.tickRows.flat())) throw new Error(`marks sheet ${spec.seed}: page ${i + 1} boxes differ from the truth`);
    // Each group on one line (nothing wrapped), rows in order down the page.
    let k = 0;
    let previous = -Infinity;
    for (const row of p.tickRows) {
      const ys = onPage.slice(k, k + row.length).map((b) => (b.bbox.y0 + b.bbox.y1) / 2);
      k += row.length;
      if (Math.max(...ys) - Math.min(...ys) > style.bodySize * 0.5 || Math.min(...ys) <= previous) {
        throw new Error(`marks sheet ${spec.seed}: a tick group on page ${i + 1} is not on a line of its own`);
      }
      previous = Math.max(...ys);
    }
    p.sealed = rendered.seals.some((s) => s.page === i);
  });

  const scan = await scanPdf(rendered.pdf, createRng(spec.seed).fork(`scan:${quality}`), { quality, dpi, format: imageFormat, date: style.date, title: style.title });
  return {
    seed: spec.seed,
    quality,
    dpi,
    imageFormat,
    truth,
    pages: scan.pages,
    scannedPdf: scan.pdf,
    bornDigitalPdf: rendered.pdf,
    grayscale: scan.grayscale,
    fileStem: `marks-s${spec.seed}-${quality}`,
    boxes: rendered.boxes,
    seals: rendered.seals,
  };
}

interface PageContext {
  inst: string;
  province: Parameters<typeof distinctNames>[2];
  colon: string;
  dateText: string;
}

function buildPage(r: Rng, ctx: PageContext): { title: string; blocks: Block[]; truth: MarksSheetPageTruth } {
  const form = r.pick(FORMS);
  const rowCount = r.int(10, 13);
  const tableRows = r.int(4, rowCount - 4);
  const signatureCount = r.int(7, 9);
  const firstSignatures = r.int(3, signatureCount - 3);
  const items = r.sample(ITEMS, rowCount);
  const tickRows: boolean[][] = [];

  /** One tick group: its text and its truth. */
  const group = (g = r, options = g.pick(form.options)): string => {
    const style = g.weighted<TickStyle>([
      ['glyph', 1],
      ['tick', 1.3],
      ['cross', 1],
    ]);
    const ticked = g.chance(0.85) ? g.int(0, options.length - 1) : -1;
    const after = g.chance(0.2); // 同意☐ rather than ☐同意
    tickRows.push(options.map((_, k) => k === ticked));
    const mark = (k: number) => (k === ticked ? MARKS[style].ticked : MARKS[style].empty);
    return options.map((o, k) => (after ? `${o}${mark(k)}` : `${mark(k)}${o}`)).join(g.pick(['　', '　　', '  ']));
  };

  const names = distinctNames(r, signatureCount, ctx.province);
  const roles = r.sample(ROLES, signatureCount);
  const signatures: SignatureState[] = [];
  const signature = (k: number): Block => {
    const state = r.weighted<SignatureState | 'blank-no-line'>([
      ['signed', 4],
      ['blank', 2],
      ['blank-no-line', 1.5],
      ['refused', 1.5],
    ]);
    signatures.push(state === 'blank-no-line' ? 'blank' : state);
    const kind = r.weighted([
      ['签字', 6],
      ['签名', 2],
      ['签章', 1],
    ] as const);
    return {
      type: 'signature',
      label: `${roles[k]}（${kind}）${ctx.colon}`,
      name: names[k],
      signed: state === 'signed',
      handwriting: state === 'refused' ? '拒签' : undefined,
      underline: state !== 'blank-no-line',
      date: r.chance(0.3) ? ctx.dateText : undefined,
      spaceAfter: r.float(0, 4),
    };
  };

  const header: Block[] = [
    { type: 'text', text: ctx.inst, align: 'center', style: { size: 14, bold: true } },
    { type: 'text', text: form.title, align: 'center', style: { size: 16, bold: true, letterSpacing: 2 }, spaceBefore: 2, spaceAfter: 4 },
    { type: 'text', text: `${r.pick(['会议日期', '评议日期', '填表日期'])}${ctx.colon}${ctx.dateText}`, align: r.pick(['left', 'right'] as const), spaceAfter: 4 },
  ];
  const cell = (text: string, align: Cell['align'] = 'left'): Cell => ({ text, align });
  const table: Block = {
    type: 'table',
    widths: [0.5, 1.9, 3.9],
    minRowHeight: r.int(20, 24),
    rows: [
      [cell('序号', 'center'), cell('事项', 'center'), cell('意见', 'center')],
      ...items.slice(0, tableRows).map((item, k) => [cell(String(k + 1), 'center'), cell(item), cell(group())]),
    ],
    spaceAfter: 8,
  };
  // On about half the pages, a vote table whose members sign in a column of their own; drawn
  // from a generator of its own, so that the rest of the page is the same with or without it.
  const v = r.fork('vote table');
  const votes = v.chance(0.5) ? voteTable(v, ctx, (options) => group(v, options), signatures) : undefined;
  const firstSigs = Array.from({ length: firstSignatures }, (_, k) => signature(k));
  const numbered = r.chance(0.6);
  // fewer plain lines under a vote table, so that the page still holds it all
  const lineItems = items.slice(tableRows, votes ? tableRows + Math.max(2, rowCount - tableRows - votes.voters) : undefined);
  const lines: Block[] = lineItems.map((item, k) => ({
    type: 'text',
    text: `${numbered ? `${tableRows + k + 1}．` : ''}${item}${ctx.colon}${group()}`,
    spaceAfter: r.float(1, 4),
  }));
  const restSigs = Array.from({ length: signatureCount - firstSignatures }, (_, k) => signature(firstSignatures + k));
  const parts: Block[][] = [header, [table, ...(votes ? [votes.table] : [])], firstSigs, [{ type: 'spacer', height: 6 }, ...lines, { type: 'spacer', height: 6 }], restSigs];

  // A seal on about half the pages, stamped over whatever lines lie under it.
  const sealed = r.chance(0.5);
  if (sealed) {
    const after = r.int(1, parts.length - 1);
    parts[after].push({
      type: 'stamp',
      seal: { name: ctx.inst, bottomText: r.chance(0.3) ? '业务专用章' : undefined },
      at: r.float(0.25, 0.8),
      above: r.float(15, 70),
    });
  }
  return { title: form.title, blocks: parts.flat(), truth: { tickRows, signatures, sealed } };
}

/**
 * A vote table (序号 / 姓名 / 表决意见 / 签字): each member's vote in tick boxes and, in the last
 * column, a handwritten name, 拒签, or nothing; now and then a spare row left empty (no place to
 * sign). Its tick groups come from `group`; its signature places are added to `signatures`.
 */
function voteTable(v: Rng, ctx: PageContext, group: (options: readonly string[]) => string, signatures: SignatureState[]): { table: Block; voters: number } {
  const voters = v.int(3, 5);
  const names = distinctNames(v, voters, ctx.province);
  const options = v.pick([
    ['同意', '不同意', '弃权'],
    ['同意', '反对', '弃权'],
  ]);
  const cell = (text: string, align: Cell['align'] = 'center', handwriting?: string): Cell => ({ text, align, handwriting });
  const heading = [cell('序号'), cell(v.pick(['姓名', '委员', '参会委员', '表决人'])), cell('表决意见'), cell(v.pick(['签字', '本人签字', '签名', '委员签字']))];
  const rows = names.map((name, k) => {
    const state = v.weighted<SignatureState>([
      ['signed', 4],
      ['blank', 1.5],
      ['refused', 1.5],
    ]);
    signatures.push(state);
    const written = state === 'signed' ? name : state === 'refused' ? '拒签' : undefined;
    return [cell(String(k + 1)), cell(name), cell(group(options), 'left'), cell('', 'left', written)];
  });
  const spare = v.chance(0.3) ? [[cell(''), cell(''), cell(''), cell('')]] : [];
  return { table: { type: 'table', widths: [0.5, 1.2, 3, 1.6], minRowHeight: v.int(26, 32), rows: [heading, ...rows, ...spare], spaceAfter: 8 }, voters };
}
