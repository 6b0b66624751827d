import type { Signer } from '../ports.js';
import { nullValue, oid, sequence } from './der.js';

/** Object identifiers used by the certificates and CMS signatures we build and check. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsaEncryption: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  countryName: '2.5.4.6',
  organizationName: '2.5.4.10',
  commonName: '2.5.4.3',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
} as const;

export type SignatureAlgorithm = Signer['algorithm'];

/** AlgorithmIdentifier for SHA-256, parameters absent (RFC 5754 section 2). */
export const sha256AlgorithmIdentifier = (): Uint8Array => sequence(oid(OID.sha256));

/**
 * AlgorithmIdentifier of the signature: sha256WithRSAEncryption with NULL parameters
 * (RFC 4055) or ecdsa-with-SHA256 with absent parameters (RFC 5758).
 */
export function signatureAlgorithmIdentifier(algorithm: SignatureAlgorithm): Uint8Array {
  return algorithm === 'RSA_SHA256'
    ? sequence(oid(OID.sha256WithRsaEncryption), nullValue())
    : sequence(oid(OID.ecdsaWithSha256));
}

/** Signature algorithm named by a signature AlgorithmIdentifier's OID, if we support it. */
export function signatureAlgorithmOf(algorithmOid: string): SignatureAlgorithm | undefined {
  if (algorithmOid === OID.sha256WithRsaEncryption || algorithmOid === OID.rsaEncryption) return 'RSA_SHA256';
  if (algorithmOid === OID.ecdsaWithSha256) return 'ECDSA_SHA256';
  return undefined;
}
