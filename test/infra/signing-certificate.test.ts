/**
 * Certificates for the KMS signing key. KMS has no local implementation: its Sign and GetPublicKey
 * are played by a real RSA key behind aws-sdk-client-mock, signing the digest it is sent exactly as
 * KMS does for MessageType DIGEST (RSASSA-PKCS1-v1_5 over a SHA-256 DigestInfo).
 */
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { execFileSync } from 'node:child_process';
import { constants, createHash, generateKeyPairSync, privateEncrypt, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertCertificateMatchesKey } from '../../functions/aws-deps.js';
import { assertChainForKey, certificationRequest, kmsPublicKey, kmsSign, selfSignedCertificate } from '../../infra/scripts/signing-certificate.js';
import { toPem } from '../../shared/signing/certificate.js';
import { childrenOf, readDer } from '../../shared/signing/der.js';

const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const KEY_ID = 'arn:aws-cn:kms:cn-northwest-1:000000000000:key/signing';

let privateKey: KeyObject;
let spki: Uint8Array;
const kms = mockClient(KMSClient);

beforeAll(() => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privateKey = pair.privateKey;
  spki = new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' }));
});
afterEach(() => kms.reset());

/** RSASSA-PKCS1-v1_5 over a SHA-256 digest, the way KMS signs a DIGEST message. */
const signDigest = (key: KeyObject, digest: Uint8Array) =>
  new Uint8Array(privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest])));

/** KMS for the key: its public key, and Sign over a 32-byte digest with RSASSA_PKCS1_V1_5_SHA_256. */
function fakeKms() {
  kms.on(GetPublicKeyCommand, { KeyId: KEY_ID }).resolves({ KeyId: KEY_ID, PublicKey: spki, KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
  kms.on(SignCommand).callsFake((input) => {
    if (input.KeyId !== KEY_ID || input.MessageType !== 'DIGEST' || input.SigningAlgorithm !== 'RSASSA_PKCS1_V1_5_SHA_256') throw new Error('unexpected Sign request');
    const digest = Buffer.from(input.Message);
    if (digest.length !== 32) throw new Error('a DIGEST message must be 32 bytes');
    return { KeyId: KEY_ID, Signature: signDigest(privateKey, digest), SigningAlgorithm: input.SigningAlgorithm };
  });
  return new KMSClient({ region: 'cn-northwest-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
}

const subject = { commonName: '担保业务档案签章', organization: '云南省融资担保监管平台', country: 'CN' };

describe('certificates for the KMS signing key', () => {
  it('issues a self-signed certificate that verifies with the key and that the function accepts', async () => {
    const client = fakeKms();
    const key = await kmsPublicKey(client, KEY_ID);
    const der = await selfSignedCertificate(key, subject, kmsSign(client, KEY_ID), { validYears: 2 });
    const certificate = new X509Certificate(Buffer.from(der));
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.subject).toContain('CN=担保业务档案签章');
    const pem = toPem(der);
    expect(() => assertChainForKey(pem, key)).not.toThrow();
    await expect(assertCertificateMatchesKey(client, KEY_ID, pem)).resolves.toBeUndefined();
  });

  it('rejects a certificate issued for another key, before anything is signed with it', async () => {
    const client = fakeKms();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const otherSpki = new Uint8Array(other.publicKey.export({ type: 'spki', format: 'der' }));
    const signOther = async (data: Uint8Array) => signDigest(other.privateKey, createHash('sha256').update(data).digest());
    const pem = toPem(await selfSignedCertificate(otherSpki, subject, signOther));
    expect(() => assertChainForKey(pem, spki)).toThrow(/not issued for this key/);
    await expect(assertCertificateMatchesKey(client, KEY_ID, pem)).rejects.toThrow(/not issued for KMS key/);
  });

  it('builds a PKCS#10 request signed by the key, which openssl verifies', async () => {
    const client = fakeKms();
    const csr = await certificationRequest(await kmsPublicKey(client, KEY_ID), subject, kmsSign(client, KEY_ID));
    const [info, , signature] = childrenOf(readDer(csr));
    // The BIT STRING's first octet counts unused bits (0); the signature follows.
    expect(verify('sha256', info.der, { key: Buffer.from(spki), format: 'der', type: 'spki' }, signature.content.subarray(1))).toBe(true);
    const out = execFileSync('openssl', ['req', '-verify', '-noout', '-subject', '-nameopt', 'utf8'], { input: toPem(csr, 'CERTIFICATE REQUEST'), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(out).toContain('担保业务档案签章');
    expect(kms.commandCalls(SignCommand)).toHaveLength(1);
  });
});
