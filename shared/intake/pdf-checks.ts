import { reject, type Rejection } from './gate.js';

/**
 * Active or hidden content an uploaded scan has no business carrying. Names are matched as PDF
 * name tokens (a delimiter must follow), also in their #xx-escaped spellings.
 */
const FORBIDDEN: Array<{ names: string[]; rejection: Rejection }> = [
  {
    names: ['Encrypt'],
    rejection: reject('ENCRYPTED_PDF', 'PDF 文件已加密或设有密码，请上传未加密的文件', 'the PDF is encrypted or password-protected'),
  },
  {
    names: ['JavaScript', 'JS', 'Launch', 'RichMedia', 'XFA'],
    rejection: reject('ACTIVE_CONTENT', 'PDF 文件含有脚本或可执行内容，出于安全原因不予接收，请重新扫描后上传', 'the PDF carries scripts or active content'),
  },
  {
    names: ['EmbeddedFile', 'EmbeddedFiles'],
    rejection: reject('EMBEDDED_FILES', 'PDF 文件内嵌了其他文件（附件），请只上传扫描件本身', 'the PDF carries embedded files'),
  },
];

/** Undoes #xx escapes in PDF names (`/Java#53cript` is `/JavaScript`). */
function unescapeNames(text: string): string {
  return text.replace(/\/[^\s/<>[\]()%{}]*#[0-9a-fA-F]{2}[^\s/<>[\]()%{}]*/g, (name) =>
    name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}

/** The first reason to refuse a PDF found in its uncompressed bytes, if any. */
export function checkPdfContent(bytes: Uint8Array): Rejection | undefined {
  const text = unescapeNames(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  for (const { names, rejection } of FORBIDDEN) {
    for (const name of names) {
      if (new RegExp(`/${name}(?=[\\s/<>\\[\\]()%{}]|$)`).test(text)) return rejection;
    }
  }
  return undefined;
}
