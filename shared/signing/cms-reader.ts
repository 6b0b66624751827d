/** Reads a detached CMS SignedData (RFC 5652) with one signer, keeping every part as DER bytes. */
import { TAG, bytesEqual, contextTag, decodeOid, expectChildren, readDer, tlv, type DerNode } from './der.js';
import { OID } from './oids.js';
import { parseCertificate } from './certificate.js';

export interface SigningCertificateReference {
  hashAlgorithm: string;
  certificateHash: Uint8Array;
  /** Issuer Name and serialNumber INTEGER elements, when the reference carries them. */
  issuerSerial?: { issuer: Uint8Array; serialNumber: Uint8Array };
}

export interface DetachedSignature {
  /** eContentType of the encapsulated (absent) content. */
  contentType: string;
  hasEmbeddedContent: boolean;
  certificates: Uint8Array[];
  /** The certificate the signer identifier points to, if included. */
  signerCertificate?: Uint8Array;
  digestAlgorithm: string;
  /** The signed attributes as the SET that was signed. */
  signedAttributes: Uint8Array;
  /** First value of each signed attribute, by attribute type OID. */
  attributes: Map<string, DerNode>;
  signatureAlgorithm: string;
  signature: Uint8Array;
}

/** Parses `cms`; bytes after the ContentInfo (the zero padding of a PDF /Contents) are ignored. */
export function readDetachedSignature(cms: Uint8Array): DetachedSignature {
  const [contentType, wrapped] = expectChildren(readDer(cms), TAG.SEQUENCE, 'ContentInfo');
  if (decodeOid(contentType) !== OID.signedData) throw new Error('ContentInfo is not SignedData');
  const [signedDataNode] = expectChildren(wrapped, contextTag(0), 'ContentInfo content');
  const fields = expectChildren(signedDataNode, TAG.SEQUENCE, 'SignedData');
  const [, , encapContentInfo, ...rest] = fields;

  const encap = expectChildren(encapContentInfo, TAG.SEQUENCE, 'EncapsulatedContentInfo');
  const certificateSet = rest.find((n) => n.tag === contextTag(0));
  const certificates = certificateSet ? expectChildren(certificateSet, contextTag(0), 'certificates').map((c) => c.der) : [];
  const signerInfos = expectChildren(rest[rest.length - 1], TAG.SET, 'SignerInfos');
  if (signerInfos.length !== 1) throw new Error(`expected one SignerInfo, found ${signerInfos.length}`);

  const [, sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signature] = expectChildren(
    signerInfos[0],
    TAG.SEQUENCE,
    'SignerInfo',
  );
  if (signedAttrs?.tag !== contextTag(0)) throw new Error('SignerInfo has no signed attributes');

  return {
    contentType: decodeOid(encap[0]),
    hasEmbeddedContent: encap.length > 1,
    certificates,
    signerCertificate: findSignerCertificate(sid, certificates),
    digestAlgorithm: algorithmOid(digestAlgorithm),
    signedAttributes: tlv(TAG.SET, signedAttrs.content),
    attributes: attributeValues(signedAttrs),
    signatureAlgorithm: algorithmOid(signatureAlgorithm),
    signature: expectOctetString(signature),
  };
}

/** Reads a SigningCertificateV2 attribute value (RFC 5035); the first ESSCertIDv2 names the signer. */
export function readSigningCertificateV2(value: DerNode): SigningCertificateReference {
  const [certs] = expectChildren(value, TAG.SEQUENCE, 'SigningCertificateV2');
  const [first] = expectChildren(certs, TAG.SEQUENCE, 'SigningCertificateV2 certs');
  if (!first) throw new Error('SigningCertificateV2 names no certificate');
  const parts = expectChildren(first, TAG.SEQUENCE, 'ESSCertIDv2');
  const hasAlgorithm = parts[0].tag === TAG.SEQUENCE;
  const hashAlgorithm = hasAlgorithm ? algorithmOid(parts[0]) : OID.sha256;
  const [certHash, issuerSerial] = hasAlgorithm ? parts.slice(1) : parts;
  const reference: SigningCertificateReference = { hashAlgorithm, certificateHash: expectOctetString(certHash) };
  if (issuerSerial) {
    const [generalNames, serialNumber] = expectChildren(issuerSerial, TAG.SEQUENCE, 'IssuerSerial');
    const directoryName = expectChildren(generalNames, TAG.SEQUENCE, 'GeneralNames').find((n) => n.tag === contextTag(4));
    if (directoryName) {
      const [issuer] = expectChildren(directoryName, contextTag(4), 'directoryName');
      reference.issuerSerial = { issuer: issuer.der, serialNumber: serialNumber.der };
    }
  }
  return reference;
}

function findSignerCertificate(sid: DerNode, certificates: Uint8Array[]): Uint8Array | undefined {
  if (sid.tag !== TAG.SEQUENCE) return undefined; // subjectKeyIdentifier form: not produced by us
  const [issuer, serialNumber] = expectChildren(sid, TAG.SEQUENCE, 'IssuerAndSerialNumber');
  return certificates.find((der) => {
    const parts = parseCertificate(der);
    return bytesEqual(parts.issuer, issuer.der) && bytesEqual(parts.serialNumber, serialNumber.der);
  });
}

function attributeValues(signedAttrs: DerNode): Map<string, DerNode> {
  const values = new Map<string, DerNode>();
  for (const attribute of expectChildren(signedAttrs, contextTag(0), 'signedAttrs')) {
    const [type, set] = expectChildren(attribute, TAG.SEQUENCE, 'Attribute');
    const [first] = expectChildren(set, TAG.SET, 'AttributeValues');
    if (first) values.set(decodeOid(type), first);
  }
  return values;
}

function algorithmOid(node: DerNode): string {
  return decodeOid(expectChildren(node, TAG.SEQUENCE, 'AlgorithmIdentifier')[0]);
}

function expectOctetString(node: DerNode | undefined): Uint8Array {
  if (node?.tag !== TAG.OCTET_STRING) throw new Error('expected an OCTET STRING');
  return node.content;
}
