/**
 * The certificate of the KMS signing key: its private half never leaves KMS, so the certificate
 * signing request (and, for a staging stage, a self-signed certificate) are built here and signed
 * with KMS `Sign`. The resulting PEM chain goes into the SSM parameter the processing function reads.
 *
 *   npx tsx infra/scripts/signing-certificate.ts csr --key <key arn or alias> --cn <name> [--org <org>] [--country CN]
 *       prints a PKCS#10 request for a CA
 *   npx tsx infra/scripts/signing-certificate.ts store --key <key> --parameter <name> --chain <file.pem>
 *       checks that the chain's first certificate is the key's, then stores it
 *   npx tsx infra/scripts/signing-certificate.ts self-signed --key <key> --parameter <name> --cn <name> [--org <org>]
 *       staging only: a self-signed certificate for the key, stored in the parameter
 *
 * AWS region and credentials come from the usual environment (AWS_REGION, AWS_PROFILE, ...).
 */
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { bitString, explicit, integer, octetString, oid, sequence, boolean, tlv, TAG, x509Time } from '../../shared/signing/der.js';
import { OID, signatureAlgorithmIdentifier } from '../../shared/signing/oids.js';
import { pemBlocks, toPem } from '../../shared/signing/certificate.js';
import { distinguishedName, type CertificateSubject } from '../../shared/signing/self-signed-certificate.js';

/** Signs `data` with RSASSA-PKCS1-v1_5 SHA-256 and returns the raw signature. */
export type SignFunction = (data: Uint8Array) => Promise<Uint8Array>;

/** KMS `Sign` over the SHA-256 digest (only 32 bytes leave the machine). */
export function kmsSign(client: KMSClient, keyId: string): SignFunction {
  return async (data) => {
    const out = await client.send(
      new SignCommand({
        KeyId: keyId,
        Message: createHash('sha256').update(data).digest(),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
      }),
    );
    if (!out.Signature) throw new Error(`KMS returned no signature for ${keyId}`);
    return out.Signature;
  };
}

/** The key's SubjectPublicKeyInfo (DER), as KMS returns it. */
export async function kmsPublicKey(client: KMSClient, keyId: string): Promise<Uint8Array> {
  const out = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!out.PublicKey) throw new Error(`KMS returned no public key for ${keyId}`);
  if (out.KeySpec && !out.KeySpec.startsWith('RSA_')) throw new Error(`${keyId} is ${out.KeySpec}; the reports are signed with RSA`);
  return out.PublicKey;
}

/** PKCS#10 certification request (RFC 2986) for `spki`, signed by its private key through `sign`. */
export async function certificationRequest(spki: Uint8Array, subject: CertificateSubject, sign: SignFunction): Promise<Uint8Array> {
  const info = sequence(integer(0), distinguishedName(subject), spki, tlv(0xa0));
  const signature = await sign(info);
  return sequence(info, signatureAlgorithmIdentifier('RSA_SHA256'), bitString(signature));
}

/** A self-signed X.509 v3 certificate for `spki` (digital signature and non-repudiation), signed through `sign`. */
export async function selfSignedCertificate(
  spki: Uint8Array,
  subject: CertificateSubject,
  sign: SignFunction,
  options: { notBefore?: Date; validYears?: number } = {},
): Promise<Uint8Array> {
  const notBefore = options.notBefore ?? new Date(Date.now() - 3600_000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (options.validYears ?? 3));
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const name = distinguishedName(subject);
  const extension = (type: string, critical: boolean, value: Uint8Array) => sequence(oid(type), ...(critical ? [boolean(true)] : []), octetString(value));
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(serial),
    signatureAlgorithmIdentifier('RSA_SHA256'),
    name,
    sequence(x509Time(notBefore), x509Time(notAfter)),
    name,
    spki,
    explicit(
      3,
      sequence(
        extension(OID.basicConstraints, true, sequence()),
        extension(OID.keyUsage, true, tlv(TAG.BIT_STRING, Uint8Array.of(6, 0xc0))),
        extension(OID.subjectKeyIdentifier, false, octetString(createHash('sha256').update(spki).digest().subarray(0, 20))),
      ),
    ),
  );
  return sequence(tbs, signatureAlgorithmIdentifier('RSA_SHA256'), bitString(await sign(tbs)));
}

/** Fails unless the first certificate of `chainPem` certifies `spki`. */
export function assertChainForKey(chainPem: string, spki: Uint8Array): void {
  const [leaf] = pemBlocks(chainPem);
  if (!leaf) throw new Error('no PEM certificate in the chain');
  const fromCertificate = new X509Certificate(Buffer.from(leaf)).publicKey.export({ type: 'spki', format: 'der' });
  if (!fromCertificate.equals(Buffer.from(spki))) throw new Error('the first certificate of the chain is not issued for this key');
}

async function storeChain(ssm: SSMClient, parameter: string, chainPem: string) {
  const tier = Buffer.byteLength(chainPem) > 4096 ? 'Advanced' : 'Standard';
  await ssm.send(new PutParameterCommand({ Name: parameter, Value: chainPem, Type: 'String', Overwrite: true, Tier: tier }));
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      parameter: { type: 'string' },
      chain: { type: 'string' },
      cn: { type: 'string' },
      org: { type: 'string' },
      country: { type: 'string', default: 'CN' },
    },
  });
  const [command] = positionals;
  const need = (name: keyof typeof values) => {
    const value = values[name];
    if (!value) throw new Error(`${command}: --${name} is required`);
    return value;
  };
  const kms = new KMSClient({});
  const keyId = need('key');
  const spki = await kmsPublicKey(kms, keyId);
  const subject = () => ({ commonName: need('cn'), organization: values.org, country: values.country });
  switch (command) {
    case 'csr':
      process.stdout.write(toPem(await certificationRequest(spki, subject(), kmsSign(kms, keyId)), 'CERTIFICATE REQUEST'));
      return;
    case 'store': {
      const chain = readFileSync(need('chain'), 'utf8');
      assertChainForKey(chain, spki);
      await storeChain(new SSMClient({}), need('parameter'), chain);
      process.stderr.write(`stored ${pemBlocks(chain).length} certificate(s) in ${values.parameter}\n`);
      return;
    }
    case 'self-signed': {
      const pem = toPem(await selfSignedCertificate(spki, subject(), kmsSign(kms, keyId)));
      assertChainForKey(pem, spki);
      await storeChain(new SSMClient({}), need('parameter'), pem);
      process.stderr.write(`stored a self-signed certificate (staging only) in ${values.parameter}\n`);
      return;
    }
    default:
      throw new Error('usage: signing-certificate.ts csr|store|self-signed --key <key> ...');
  }
}

if (process.argv[1]?.endsWith('signing-certificate.ts')) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
