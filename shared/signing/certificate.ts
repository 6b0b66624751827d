import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { TAG, contextTag, expectChildren, readDer } from './der.js';
import type { SignatureAlgorithm } from './oids.js';

/** The parts of an X.509 certificate a CMS signature refers to, as the certificate's own DER bytes. */
export interface CertificateParts {
  der: Uint8Array;
  /** The complete serialNumber INTEGER element. */
  serialNumber: Uint8Array;
  /** The complete issuer Name element. */
  issuer: Uint8Array;
  /** The complete subject Name element. */
  subject: Uint8Array;
  subjectPublicKeyInfo: Uint8Array;
}

export function parseCertificate(der: Uint8Array): CertificateParts {
  const [tbs] = expectChildren(readDer(der), TAG.SEQUENCE, 'Certificate');
  const fields = expectChildren(tbs, TAG.SEQUENCE, 'TBSCertificate');
  // version [0] is optional (absent means v1)
  const rest = fields[0]?.tag === contextTag(0) ? fields.slice(1) : fields;
  const [serialNumber, , issuer, , subject, subjectPublicKeyInfo] = rest;
  const shapeOk =
    subjectPublicKeyInfo?.tag === TAG.SEQUENCE &&
    serialNumber.tag === TAG.INTEGER &&
    issuer.tag === TAG.SEQUENCE &&
    subject.tag === TAG.SEQUENCE;
  if (!shapeOk) throw new Error('not an X.509 certificate');
  return {
    der,
    serialNumber: serialNumber.der,
    issuer: issuer.der,
    subject: subject.der,
    subjectPublicKeyInfo: subjectPublicKeyInfo.der,
  };
}

export const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');

/** SHA-256 fingerprint of a DER certificate, lowercase hex (what archives record). */
export function certificateFingerprint(der: Uint8Array): string {
  return toHex(sha256(der));
}

export function certificatePublicKey(der: Uint8Array): KeyObject {
  const { subjectPublicKeyInfo } = parseCertificate(der);
  return createPublicKey({ key: Buffer.from(subjectPublicKeyInfo), format: 'der', type: 'spki' });
}

/** Which of the port's algorithms a key (private or public) can produce or check. */
export function signatureAlgorithmForKey(key: KeyObject): SignatureAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return 'RSA_SHA256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ECDSA_SHA256';
  throw new Error(`unsupported signing key: ${key.asymmetricKeyType} ${key.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
}

/** The DER blocks of every `-----BEGIN <label>-----` section, in order. */
export function pemBlocks(pem: string, label = 'CERTIFICATE'): Uint8Array[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...pem.matchAll(pattern)].map((m) => new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')));
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
