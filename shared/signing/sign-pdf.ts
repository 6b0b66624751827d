/**
 * Signs a PDF with one PAdES B-B signature (SubFilter ETSI.CAdES.detached) from a `Signer` port.
 * @signpdf lays out the signature dictionary and byte range; the CMS is built in `cms.ts`.
 */
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
// Named imports: the packages are CommonJS, so a default import would be the whole module.
import { Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { Signer } from '../ports.js';
import { buildDetachedSignature } from './cms.js';
import { sha256 } from './certificate.js';
import { pdfLiteralTextString } from './pdf-text-string.js';

export interface SignatureMeta {
  /** Shown by PDF readers as the signer (/Name). */
  signerName: string;
  /** e.g. `担保文书核验报告签发` (/Reason). */
  reason?: string;
  /** e.g. `中国 北京` (/Location). */
  location?: string;
  /** Written as /M, the signing time PAdES B-B uses (there is no signing-time CMS attribute). */
  signingTime: Date;
}

/**
 * Bytes reserved for the CMS: the chain, the signer's issuer name twice more (signer identifier
 * and signing-certificate-v2, bounded by the chain's size) and a fixed allowance for attributes,
 * algorithm identifiers and a signature value of up to RSA 4096.
 */
function reservedCmsBytes(chain: readonly Uint8Array[]): number {
  const chainBytes = chain.reduce((sum, der) => sum + der.length, 0);
  return 2 * chainBytes + 2048;
}

/** Adapts the `Signer` port to @signpdf: receives the signed byte ranges, returns the CMS DER. */
class PadesCmsSigner extends SignPdfSigner {
  constructor(private readonly signer: Signer) {
    super();
  }

  override async sign(signedBytes: Buffer): Promise<Buffer> {
    const cms = await buildDetachedSignature(sha256(signedBytes), this.signer);
    return Buffer.from(cms.buffer, cms.byteOffset, cms.length);
  }
}

/**
 * Returns a signed copy of `pdf`. The document is rewritten by pdf-lib, so `pdf` must not be
 * signed already (a second signature would need an incremental update); that case throws.
 */
export async function signPdf(pdf: Uint8Array, signer: Signer, meta: SignatureMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (hasSignatureDictionary(doc)) {
    throw new Error('the PDF is already signed; re-saving it would break the existing signature');
  }
  const chain = await signer.certificateChain();

  pdflibAddPlaceholder({
    pdfDoc: doc,
    // The placeholder writes these strings byte for byte: pass them already encoded.
    name: pdfLiteralTextString(meta.signerName),
    reason: pdfLiteralTextString(meta.reason ?? ''),
    location: pdfLiteralTextString(meta.location ?? ''),
    contactInfo: '',
    signingTime: meta.signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    // counted in hex digits: two per byte (an odd count would misplace the byte range)
    signatureLength: 2 * reservedCmsBytes(chain),
  });
  const withPlaceholder = await doc.save({ useObjectStreams: false });

  const signed = await new SignPdf().sign(Buffer.from(withPlaceholder), new PadesCmsSigner(signer));
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.length);
}

function hasSignatureDictionary(doc: PDFDocument): boolean {
  return doc.context
    .enumerateIndirectObjects()
    .some(([, object]) => object instanceof PDFDict && object.has(PDFName.of('ByteRange')));
}
