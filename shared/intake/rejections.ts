/**
 * Why an upload is refused: one stable code per cause, and a reason a clerk understands,
 * Chinese first and English after in brackets. Codes never change meaning; the wording may
 * improve. The full list is in the README ("What a rejected upload looks like").
 */

export const REJECTION_CODES = [
  'EMPTY_FILE',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'POLYGLOT_FILE',
  'TRUNCATED_FILE',
  'UNREADABLE_FILE',
  'ENCRYPTED_PDF',
  'ACTIVE_CONTENT',
  'EMBEDDED_FILES',
  'DECOMPRESSION_BOMB',
  'NO_PAGES',
  'TOO_MANY_PAGES',
  'IMAGE_TOO_LARGE',
  'IMAGE_TOO_SMALL',
  'PAGE_TOO_LARGE',
  'PAGE_TOO_SMALL',
  'NO_TEXT',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  /** Chinese first, English after: shown to the clerk and stored on the record. */
  reason: string;
}

export function reject(code: RejectionCode, zh: string, en: string): Rejection {
  return { code, reason: `${zh} (${en})` };
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0);
const megapixels = (pixels: number) => (pixels / 1_000_000).toFixed(pixels < 10_000_000 ? 1 : 0);
const inches = (points: number) => (points / 72).toFixed(1);

/** Every rejection the intake gate and the reading stage give, by cause. */
export const REJECT = {
  emptyFile: () => reject('EMPTY_FILE', '文件为空（0 字节），请重新上传', 'the file is empty'),

  fileTooLarge: (bytes: number, maxBytes: number) =>
    reject('FILE_TOO_LARGE', `文件过大（${mb(bytes)} MB，上限 ${mb(maxBytes)} MB），请拆分或降低扫描分辨率后上传`, 'the file exceeds the size limit'),

  /** `detected`: what the bytes look like, when known (e.g. `GIF 图像` / `GIF image`). */
  unsupportedType: (detected?: { zh: string; en: string }) =>
    reject(
      'UNSUPPORTED_TYPE',
      `不支持的文件类型${detected ? `（检测到：${detected.zh}）` : ''}，请上传 PDF、PNG、JPEG 或 TIFF 格式的扫描件`,
      `unsupported file type${detected ? ` (${detected.en})` : ''}; upload PDF, PNG, JPEG or TIFF`,
    ),

  polyglot: (what: { zh: string; en: string }) =>
    reject(
      'POLYGLOT_FILE',
      `文件同时具有多种格式的特征（${what.zh}），出于安全原因不予接收，请重新扫描后上传`,
      `the file is valid as more than one format (${what.en}); refused for safety`,
    ),

  truncated: (format: string) =>
    reject('TRUNCATED_FILE', `${format} 文件已损坏或不完整（可能在上传或保存时中断），请重新上传完整的文件`, `the ${format} file is truncated`),

  unreadable: (detail: string) =>
    reject('UNREADABLE_FILE', '文件已损坏或无法读取，请重新扫描后上传', `the file is corrupt or unreadable: ${detail.slice(0, 200)}`),

  encrypted: () => reject('ENCRYPTED_PDF', 'PDF 文件已加密或设有密码，请上传未加密的文件', 'the PDF is encrypted or password-protected'),

  activeContent: (what: string) =>
    reject('ACTIVE_CONTENT', 'PDF 文件含有脚本或可执行内容，出于安全原因不予接收，请重新扫描后上传', `the PDF carries scripts or active content (${what})`),

  embeddedFiles: () => reject('EMBEDDED_FILES', 'PDF 文件内嵌了其他文件（附件），请只上传扫描件本身', 'the PDF carries embedded files'),

  decompressionBomb: () =>
    reject('DECOMPRESSION_BOMB', '文件内部的压缩数据解压后异常庞大，疑似恶意文件，不予接收', 'compressed data inside the file expands beyond the limit'),

  noPages: () => reject('NO_PAGES', 'PDF 文件中没有任何页面', 'the PDF has no pages'),

  tooManyPages: (pages: number, maxPages: number) =>
    reject('TOO_MANY_PAGES', `页数过多（${pages} 页，上限 ${maxPages} 页），请拆分后分别上传`, 'too many pages; split the file'),

  imageTooLarge: (width: number, height: number, maxPixels: number) =>
    reject(
      'IMAGE_TOO_LARGE',
      `图像尺寸过大（${width}×${height} 像素，上限 ${megapixels(maxPixels)} 百万像素），请降低扫描分辨率后上传`,
      'image dimensions exceed the limit',
    ),

  imageTooSmall: (width: number, height: number, minSide: number) =>
    reject(
      'IMAGE_TOO_SMALL',
      `图像太小（${width}×${height} 像素，短边至少 ${minSide} 像素），无法识别文字，请以更高分辨率重新扫描或拍摄`,
      'the image is too small to read',
    ),

  pageTooLarge: (page: number, width: number, height: number) =>
    reject(
      'PAGE_TOO_LARGE',
      `第 ${page} 页的页面尺寸异常（${inches(width)}×${inches(height)} 英寸），无法按可识别的分辨率处理`,
      `page ${page} is too large to render at a readable resolution`,
    ),

  pageTooSmall: (page: number, width: number, height: number) =>
    reject(
      'PAGE_TOO_SMALL',
      `第 ${page} 页的页面尺寸过小（${inches(width)}×${inches(height)} 英寸），不是可识别的文书页面`,
      `page ${page} is too small to hold a readable document`,
    ),

  noText: () => reject('NO_TEXT', '未能从文件中识别出任何文字（可能是空白页或图像过于模糊）', 'no text could be read: blank page or unreadable image'),
} as const;
