/**
 * Runs in a fresh process: the first signed report (cold: fonts, modules and code paths loaded
 * on first use) and then warm ones, timed as the pipeline makes them (render, then sign).
 * Prints one JSON line. Arguments: <signer folder> <warm runs>.
 */
const processStart = performance.now();
const [signerDir, warmArg] = process.argv.slice(2);
const warmRuns = Number(warmArg ?? 15);

const importStart = performance.now();
const [{ LocalSigner }, { signPdf }, { renderFactSheet, factSheetInputFromRecord }, { renderDocumentReview }, { factSheetRecord, meetingMinutesRecord, sampleFindings }, { PDFDocument }] =
  await Promise.all([
    import('../../shared/adapters/local-signer.js'),
    import('../../shared/signing/sign-pdf.js'),
    import('../../shared/reports/fact-sheet.js'),
    import('../../shared/reports/document-review.js'),
    import('../../test/reports/samples.js'),
    import('pdf-lib'),
  ]);
const importMs = performance.now() - importStart;
const signer = await LocalSigner.loadOrCreate(signerDir);

const meta = { documentNo: 'SS-2024-BENCH001', generatedAt: new Date('2024-03-05T09:30:00+08:00') };
const factSheet = factSheetInputFromRecord(factSheetRecord({ findings: sampleFindings(3) }), '事实认定材料（张三）扫描件.pdf', {
  date: '2023-10-27',
  note: '自送达次日起五个工作日',
});
const minutes = meetingMinutesRecord(sampleFindings(4));

async function signed(pdf: Uint8Array, reason: string): Promise<Uint8Array> {
  return signPdf(pdf, signer, { signerName: 'Guarantee dossier pipeline', reason, signingTime: meta.generatedAt });
}

/** Wall time, and CPU time of this process (less sensitive to other work on the machine). */
async function timedReport(kind: 'fact-sheet' | 'review'): Promise<{ ms: number; cpuMs: number; renderMs: number; pdf: Uint8Array }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const unsigned = kind === 'fact-sheet' ? await renderFactSheet(factSheet, meta) : await renderDocumentReview(minutes, meta);
  const rendered = performance.now();
  const pdf = await signed(unsigned, kind === 'fact-sheet' ? 'FACT_SHEET' : 'DOCUMENT_REVIEW');
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, renderMs: rendered - start, pdf };
}

const cold = await timedReport('fact-sheet');
const firstReportAtMs = performance.now() - processStart;
const warm: number[] = [];
const warmRender: number[] = [];
const warmCpu: number[] = [];
let last = cold.pdf;
for (let i = 0; i < warmRuns; i++) {
  const r = await timedReport('fact-sheet');
  warm.push(r.ms);
  warmRender.push(r.renderMs);
  warmCpu.push(r.cpuMs);
  last = r.pdf;
}
const review: number[] = [];
let reviewPdf: Uint8Array = new Uint8Array();
for (let i = 0; i < Math.max(3, Math.floor(warmRuns / 2)); i++) {
  const r = await timedReport('review');
  review.push(r.ms);
  reviewPdf = r.pdf;
}
const pages = async (pdf: Uint8Array) => (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();

console.log(
  JSON.stringify({
    firstReportAtMs,
    importMs,
    coldMs: cold.ms,
    coldRenderMs: cold.renderMs,
    coldCpuMs: cold.cpuMs,
    warmCpuMs: warmCpu,
    warmMs: warm,
    warmRenderMs: warmRender,
    factSheetBytes: last.length,
    factSheetPages: await pages(last),
    reviewMs: review,
    reviewBytes: reviewPdf.length,
    reviewPages: await pages(reviewPdf),
  }),
);
