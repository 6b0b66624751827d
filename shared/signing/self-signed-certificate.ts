/** A self-signed X.509 v3 certificate for a local signing key (RFC 5280), built from DER parts. */
import { createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { TAG, bitString, boolean, explicit, integer, octetString, oid, printableString, sequence, setOf, tlv, utf8String, x509Time } from './der.js';
import { OID, signatureAlgorithmIdentifier } from './oids.js';
import { sha256, signatureAlgorithmForKey } from './certificate.js';

export interface CertificateSubject {
  /** Two-letter country code, e.g. `CN`. */
  country?: string;
  organization?: string;
  commonName: string;
}

export interface SelfSignedCertificateOptions {
  privateKey: KeyObject;
  subject: CertificateSubject;
  /** @default now minus one hour (tolerates small clock differences) */
  notBefore?: Date;
  /** @default 10 */
  validYears?: number;
}

/** Distinguished name with UTF8String values, so Chinese names are stored as written. */
export function distinguishedName({ country, organization, commonName }: CertificateSubject): Uint8Array {
  const rdn = (type: string, value: Uint8Array) => setOf(sequence(oid(type), value));
  return sequence(
    ...(country ? [rdn(OID.countryName, printableString(country))] : []),
    ...(organization ? [rdn(OID.organizationName, utf8String(organization))] : []),
    rdn(OID.commonName, utf8String(commonName)),
  );
}

const extension = (type: string, critical: boolean, value: Uint8Array): Uint8Array =>
  sequence(oid(type), ...(critical ? [boolean(true)] : []), octetString(value));

/** Returns the DER certificate; issuer = subject, signed with `privateKey` itself. */
export function createSelfSignedCertificate(options: SelfSignedCertificateOptions): Uint8Array {
  const { privateKey, subject } = options;
  const algorithm = signatureAlgorithmForKey(privateKey);
  const spki = new Uint8Array(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }));
  const notBefore = options.notBefore ?? new Date(Date.now() - 3600_000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (options.validYears ?? 10));

  const serial = randomBytes(16);
  serial[0] &= 0x7f; // positive, at most 20 octets (RFC 5280 4.1.2.2)
  const name = distinguishedName(subject);
  const keyUsageDigitalSignatureAndNonRepudiation = tlv(TAG.BIT_STRING, Uint8Array.of(6, 0xc0));

  const tbs = sequence(
    explicit(0, integer(2)), // v3
    integer(serial),
    signatureAlgorithmIdentifier(algorithm),
    name,
    sequence(x509Time(notBefore), x509Time(notAfter)),
    name,
    spki,
    explicit(
      3,
      sequence(
        extension(OID.basicConstraints, true, sequence()),
        extension(OID.keyUsage, true, keyUsageDigitalSignatureAndNonRepudiation),
        extension(OID.subjectKeyIdentifier, false, octetString(sha256(spki).subarray(0, 20))),
      ),
    ),
  );
  const signature = new Uint8Array(sign('sha256', tbs, privateKey));
  return sequence(tbs, signatureAlgorithmIdentifier(algorithm), bitString(signature));
}
