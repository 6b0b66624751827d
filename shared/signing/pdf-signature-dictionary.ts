/**
 * Finds signature dictionaries in a PDF's raw bytes. A signature's /ByteRange refers to file
 * offsets, so the dictionary is always a plain object in the file body: a byte scan finds it
 * even when the rest of the document no longer parses.
 */
import { PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFObjectParser, PDFString, type PDFObject } from 'pdf-lib';

export interface PdfSignatureDictionary {
  /** [start1, length1, start2, length2] as written in /ByteRange. */
  byteRange: [number, number, number, number];
  /** The raw bytes of /Contents as the dictionary states them (may carry zero padding). */
  contents?: Uint8Array;
  subFilter?: string;
  /** /Name, decoded as a PDF text string. */
  name?: string;
  /** /M, the signing time. */
  signingTime?: Date;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const OBJECT_HEADER = /\d+\s+\d+\s+obj\b/g;

export function findSignatureDictionaries(pdf: Uint8Array): PdfSignatureDictionary[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).toString('latin1');
  const found: PdfSignatureDictionary[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const byteRange = match.slice(1, 5).map(Number) as PdfSignatureDictionary['byteRange'];
    found.push({ byteRange, ...readDictionaryAround(pdf, text, match.index) });
  }
  return found;
}

/** Parses the object holding the /ByteRange at `position` and reads the signature's entries. */
function readDictionaryAround(pdf: Uint8Array, text: string, position: number): Omit<PdfSignatureDictionary, 'byteRange'> {
  const objectStart = lastObjectHeaderEnd(text, position);
  if (objectStart === undefined) return {};
  let dict: PDFDict | undefined;
  try {
    const parsed = PDFObjectParser.forBytes(pdf.subarray(objectStart), PDFContext.create()).parseObject();
    dict = findDictWithByteRange(parsed);
  } catch {
    return {};
  }
  if (!dict) return {};
  const contents = dict.get(PDFName.of('Contents'));
  const subFilter = dict.get(PDFName.of('SubFilter'));
  return {
    contents: contents instanceof PDFHexString || contents instanceof PDFString ? contents.asBytes() : undefined,
    subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : undefined,
    name: textOf(dict.get(PDFName.of('Name'))),
    signingTime: dateOf(dict.get(PDFName.of('M'))),
  };
}

function lastObjectHeaderEnd(text: string, before: number): number | undefined {
  const windowStart = Math.max(0, before - 64 * 1024);
  let end: number | undefined;
  for (const header of text.slice(windowStart, before).matchAll(OBJECT_HEADER)) {
    end = windowStart + header.index + header[0].length;
  }
  return end;
}

function findDictWithByteRange(object: PDFObject): PDFDict | undefined {
  if (!(object instanceof PDFDict)) return undefined;
  if (object.get(PDFName.of('ByteRange')) instanceof PDFArray) return object;
  for (const [, value] of object.entries()) {
    const nested = findDictWithByteRange(value);
    if (nested) return nested;
  }
  return undefined;
}

function textOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

function dateOf(value: PDFObject | undefined): Date | undefined {
  try {
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeDate() : undefined;
  } catch {
    return undefined;
  }
}
