/**
 * Checks a signed PDF report on its own, without poppler: byte range, digest, signature value,
 * signing-certificate-v2, and (optionally) the file hash and certificate recorded in the archive.
 * Problems are worded for a clerk: Chinese first, English after.
 */
import { verify, X509Certificate } from 'node:crypto';
import { bytesEqual } from './der.js';
import { readDetachedSignature, readSigningCertificateV2, type DetachedSignature } from './cms-reader.js';
import { certificateFingerprint, certificatePublicKey, parseCertificate, sha256, signatureAlgorithmForKey, toHex } from './certificate.js';
import { OID, signatureAlgorithmOf } from './oids.js';
import { findSignatureDictionaries, type PdfSignatureDictionary } from './pdf-signature-dictionary.js';

export const VERIFY_PROBLEMS = {
  noSignature: '未找到数字签名 (no signature found)',
  multipleSignatures: '文件包含多个签名，与系统签发的单一签名文件不符 (the file holds more than one signature)',
  notPades: '签名类型不是 PAdES（ETSI.CAdES.detached） (the signature is not of type ETSI.CAdES.detached)',
  incompleteCoverage: '签名未覆盖整个文件，部分内容不受签名保护 (the signature does not cover the whole file)',
  appendedAfterSigning: '签名后文件末尾被追加了内容 (content was added to the file after signing)',
  unreadableSignature: '签名数据已损坏，无法读取 (the signature data is damaged and cannot be read)',
  unsupportedAlgorithm: '签名使用了不支持的算法 (the signature uses an unsupported algorithm)',
  missingCertificate: '签名中未附带签名证书 (the signing certificate is not included in the signature)',
  tampered: '文件内容在签名后被修改 (the file was changed after signing)',
  badSignatureValue: '数字签名值无效，签名可能被伪造或损坏 (the signature value does not verify)',
  missingSigningCertificateAttribute:
    '签名缺少签名证书属性，不符合 PAdES 要求 (the signing-certificate-v2 attribute is missing, so this is not PAdES)',
  signingCertificateAttributeMismatch:
    '签名中记录的证书与所附证书不一致 (the signing-certificate attribute does not match the embedded certificate)',
  fileHashMismatch: '文件哈希与存档记录不符 (file does not match the archived hash)',
  certificateMismatch: '签名证书与存档记录不符 (signed with a different certificate than the archived one)',
} as const;

export interface VerificationExpectation {
  /** SHA-256 of the whole signed file as archived, hex. */
  sha256?: string;
  /** SHA-256 fingerprint of the certificate the archive says signed it, hex. */
  certificateSha256?: string;
}

export interface VerificationResult {
  valid: boolean;
  problems: string[];
  signerName?: string;
  certificateSha256?: string;
  /** ISO 8601, from the signature dictionary's /M. */
  signingTime?: string;
}

export async function verifySignedPdf(pdf: Uint8Array, expect: VerificationExpectation = {}): Promise<VerificationResult> {
  const problems: string[] = [];
  const result = (extra: Partial<VerificationResult> = {}): VerificationResult => ({
    valid: problems.length === 0,
    problems: [...new Set(problems)],
    ...extra,
  });
  if (expect.sha256 && toHex(sha256(pdf)) !== expect.sha256.toLowerCase()) problems.push(VERIFY_PROBLEMS.fileHashMismatch);

  const dictionaries = findSignatureDictionaries(pdf);
  if (dictionaries.length === 0) {
    problems.push(VERIFY_PROBLEMS.noSignature);
    return result();
  }
  if (dictionaries.length > 1) problems.push(VERIFY_PROBLEMS.multipleSignatures);
  const dictionary = dictionaries[dictionaries.length - 1];
  if (dictionary.subFilter !== 'ETSI.CAdES.detached') problems.push(VERIFY_PROBLEMS.notPades);

  const signedBytes = checkByteRange(pdf, dictionary, problems);
  let cms: DetachedSignature | undefined;
  try {
    cms = signedBytes && readDetachedSignature(signedBytes.contents);
  } catch {
    problems.push(VERIFY_PROBLEMS.unreadableSignature);
  }
  const certificate = cms?.signerCertificate;
  const fingerprint = certificate && certificateFingerprint(certificate);
  try {
    if (signedBytes && cms) checkSignature(signedBytes.digest, cms, problems);
  } catch {
    problems.push(VERIFY_PROBLEMS.unreadableSignature);
  }
  if (cms && !certificate) problems.push(VERIFY_PROBLEMS.missingCertificate);
  if (expect.certificateSha256 && fingerprint !== expect.certificateSha256.toLowerCase()) {
    problems.push(VERIFY_PROBLEMS.certificateMismatch);
  }
  return result({
    signerName: dictionary.name || (certificate && commonNameOf(certificate)),
    certificateSha256: fingerprint,
    signingTime: dictionary.signingTime?.toISOString(),
  });
}

/** Checks the byte range leaves out exactly the /Contents hex string; returns the digest and the CMS bytes. */
function checkByteRange(
  pdf: Uint8Array,
  { byteRange: [start1, length1, start2, length2], contents }: PdfSignatureDictionary,
  problems: string[],
): { digest: Uint8Array; contents: Uint8Array } | undefined {
  const holeEnd = start2;
  const wellFormed =
    start1 === 0 &&
    length1 > 0 &&
    holeEnd > length1 + 1 &&
    start2 + length2 <= pdf.length &&
    pdf[length1] === 0x3c /* < */ &&
    pdf[holeEnd - 1] === 0x3e /* > */;
  const hole = wellFormed ? hexBytes(pdf.subarray(length1 + 1, holeEnd - 1)) : undefined;
  if (!hole || !contents || !bytesEqual(hole, contents)) {
    problems.push(VERIFY_PROBLEMS.incompleteCoverage);
    return undefined;
  }
  if (start2 + length2 < pdf.length) problems.push(VERIFY_PROBLEMS.appendedAfterSigning);
  const digest = sha256(Buffer.concat([pdf.subarray(0, length1), pdf.subarray(start2, start2 + length2)]));
  return { digest, contents: hole };
}

function checkSignature(contentDigest: Uint8Array, cms: DetachedSignature, problems: string[]): void {
  const algorithm = signatureAlgorithmOf(cms.signatureAlgorithm);
  if (cms.digestAlgorithm !== OID.sha256 || !algorithm) {
    problems.push(VERIFY_PROBLEMS.unsupportedAlgorithm);
    return;
  }
  const messageDigest = cms.attributes.get(OID.messageDigest);
  const contentType = cms.attributes.get(OID.contentType);
  if (cms.hasEmbeddedContent || !contentType || !messageDigest || !bytesEqual(messageDigest.content, contentDigest)) {
    problems.push(VERIFY_PROBLEMS.tampered);
  }
  const certificate = cms.signerCertificate;
  if (!certificate) return;

  const publicKey = certificatePublicKey(certificate);
  const keyFits = signatureAlgorithmForKeyOrUndefined(publicKey) === algorithm;
  if (!keyFits || !verify('sha256', cms.signedAttributes, publicKey, cms.signature)) {
    problems.push(VERIFY_PROBLEMS.badSignatureValue);
  }

  const essAttribute = cms.attributes.get(OID.signingCertificateV2);
  if (!essAttribute) {
    problems.push(VERIFY_PROBLEMS.missingSigningCertificateAttribute);
    return;
  }
  try {
    const reference = readSigningCertificateV2(essAttribute);
    const { issuer, serialNumber } = parseCertificate(certificate);
    const matches =
      reference.hashAlgorithm === OID.sha256 &&
      bytesEqual(reference.certificateHash, sha256(certificate)) &&
      (!reference.issuerSerial ||
        (bytesEqual(reference.issuerSerial.issuer, issuer) && bytesEqual(reference.issuerSerial.serialNumber, serialNumber)));
    if (!matches) problems.push(VERIFY_PROBLEMS.signingCertificateAttributeMismatch);
  } catch {
    problems.push(VERIFY_PROBLEMS.signingCertificateAttributeMismatch);
  }
}

function signatureAlgorithmForKeyOrUndefined(key: Parameters<typeof signatureAlgorithmForKey>[0]) {
  try {
    return signatureAlgorithmForKey(key);
  } catch {
    return undefined;
  }
}

/** Hex digits (whitespace allowed) to bytes; undefined when anything else is there. */
function hexBytes(ascii: Uint8Array): Uint8Array | undefined {
  const hex = Buffer.from(ascii).toString('latin1').replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  return new Uint8Array(Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex'));
}

function commonNameOf(certificate: Uint8Array): string | undefined {
  const subject = new X509Certificate(Buffer.from(certificate)).subject;
  return subject.split('\n').find((line) => line.startsWith('CN='))?.slice(3);
}
