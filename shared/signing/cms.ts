/**
 * Detached CMS SignedData (RFC 5652) for PAdES baseline B-B (ETSI EN 319 142-1):
 * SHA-256, signed attributes contentType, messageDigest and signing-certificate-v2 (RFC 5035),
 * no signing-time attribute (PAdES puts the time in the signature dictionary's /M).
 */
import { verify } from 'node:crypto';
import type { Signer } from '../ports.js';
import { contextTag, explicit, integer, octetString, oid, readDer, sequence, setOf, tlv } from './der.js';
import { OID, sha256AlgorithmIdentifier, signatureAlgorithmIdentifier } from './oids.js';
import { certificatePublicKey, parseCertificate, sha256, signatureAlgorithmForKey } from './certificate.js';

const attribute = (type: string, value: Uint8Array): Uint8Array => sequence(oid(type), setOf(value));

/** issuerAndSerialNumber / IssuerSerial content, copied from the certificate's own bytes. */
function issuerAndSerial(certificateDer: Uint8Array): { issuer: Uint8Array; serialNumber: Uint8Array } {
  const { issuer, serialNumber } = parseCertificate(certificateDer);
  return { issuer, serialNumber };
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
 * ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256 (so omitted), certHash, issuerSerial }
 * IssuerSerial ::= SEQUENCE { issuer GeneralNames (directoryName [4]), serialNumber }
 */
function signingCertificateV2(certificateDer: Uint8Array): Uint8Array {
  const { issuer, serialNumber } = issuerAndSerial(certificateDer);
  const generalNames = sequence(explicit(4, issuer));
  const essCertIdV2 = sequence(octetString(sha256(certificateDer)), sequence(generalNames, serialNumber));
  return sequence(sequence(essCertIdV2));
}

/** The signed attributes as the DER SET that gets signed (RFC 5652 5.4). */
export function buildSignedAttributes(contentDigest: Uint8Array, signerCertificate: Uint8Array): Uint8Array {
  if (contentDigest.length !== 32) throw new Error('content digest must be SHA-256 (32 bytes)');
  return setOf(
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octetString(contentDigest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(signerCertificate)),
  );
}

/**
 * Builds the DER ContentInfo holding a detached SignedData over content whose SHA-256 is
 * `contentDigest`. The signature value comes from `signer.sign(signedAttributesSet)`, and is
 * checked against the certificate before it is embedded, so a wrong key never yields a PDF.
 */
export async function buildDetachedSignature(contentDigest: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const chain = await signer.certificateChain();
  const signerCertificate = chain[0];
  if (!signerCertificate) throw new Error('signer has no certificate');
  const publicKey = certificatePublicKey(signerCertificate);
  if (signatureAlgorithmForKey(publicKey) !== signer.algorithm) {
    throw new Error(`signer algorithm ${signer.algorithm} does not fit the certificate's ${publicKey.asymmetricKeyType} key`);
  }

  const signedAttributes = buildSignedAttributes(contentDigest, signerCertificate);
  const signature = await signer.sign(signedAttributes);
  if (!verify('sha256', signedAttributes, publicKey, signature)) {
    throw new Error('the signature does not verify with the signing certificate (wrong key for this certificate?)');
  }

  const { issuer, serialNumber } = issuerAndSerial(signerCertificate);
  const signerInfo = sequence(
    integer(1),
    sequence(issuer, serialNumber),
    sha256AlgorithmIdentifier(),
    // signedAttrs [0] IMPLICIT SET OF Attribute: same content, context tag instead of SET
    tlv(contextTag(0), readDer(signedAttributes).content),
    signatureAlgorithmIdentifier(signer.algorithm),
    octetString(signature),
  );
  const signedData = sequence(
    integer(1),
    setOf(sha256AlgorithmIdentifier()),
    sequence(oid(OID.data)), // encapContentInfo without eContent: detached
    implicitSetOf(0, chain),
    setOf(signerInfo),
  );
  return sequence(oid(OID.signedData), explicit(0, signedData));
}

/** `[n] IMPLICIT SET OF` with elements in DER order. */
function implicitSetOf(n: number, items: readonly Uint8Array[]): Uint8Array {
  return tlv(contextTag(n), readDer(setOf(...items)).content);
}
