/**
 * PDF text strings (ISO 32000-1 7.9.2.2) written as the body of a literal string `( ... )`.
 *
 * Plain ASCII stays readable; anything else becomes UTF-16BE with a byte order mark. Every byte
 * outside printable ASCII, and the delimiters `(`, `)` and `\`, is written as an octal escape
 * `\ddd`, so the result is pure ASCII: it survives writers that emit one byte per character
 * (pdf-lib's `PDFString`) and readers that normalise line ends inside strings (a bare 0x0D byte
 * occurs in UTF-16 of common characters such as 不 U+4E0D).
 */
export function pdfLiteralTextString(text: string): string {
  const bytes = /^[\x20-\x7e]*$/.test(text) ? asciiBytes(text) : utf16BeWithBom(text);
  let out = '';
  for (const byte of bytes) {
    const printable = byte >= 0x20 && byte <= 0x7e && byte !== 0x28 && byte !== 0x29 && byte !== 0x5c;
    out += printable ? String.fromCharCode(byte) : '\\' + byte.toString(8).padStart(3, '0');
  }
  return out;
}

function asciiBytes(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function utf16BeWithBom(text: string): number[] {
  const bytes = [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i); // UTF-16 code units, surrogate pairs included
    bytes.push(unit >> 8, unit & 0xff);
  }
  return bytes;
}
