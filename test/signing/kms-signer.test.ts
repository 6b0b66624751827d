import { constants, createHash, generateKeyPairSync, privateEncrypt, type KeyObject } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { KMSClient, SignCommand, type SignCommandInput } from '@aws-sdk/client-kms';
import { KmsSigner } from '../../shared/adapters/kms-signer.js';
import { signPdf } from '../../shared/signing/sign-pdf.js';
import { verifySignedPdf } from '../../shared/signing/verify.js';
import { readDetachedSignature } from '../../shared/signing/cms-reader.js';
import { findSignatureDictionaries } from '../../shared/signing/pdf-signature-dictionary.js';
import { createSelfSignedCertificate } from '../../shared/signing/self-signed-certificate.js';
import { certificateFingerprint, toPem } from '../../shared/signing/certificate.js';
import { assertCommandAvailable, makeChinesePdf, pdfsig, temporaryDirectory } from './signing-fixtures.js';

const KEY_ID = 'arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * What KMS does with MessageType DIGEST: sign the 32 bytes it receives without hashing again.
 * RSA: PKCS#1 v1.5 over DigestInfo(sha256, digest) with node:crypto. ECDSA: node:crypto cannot
 * sign a precomputed digest, so OpenSSL's pkeyutl (which signs its input as the digest) does.
 */
function signDigestLikeKms(privateKey: KeyObject, keyFile: string, digest: Uint8Array): Uint8Array {
  if (privateKey.asymmetricKeyType === 'rsa') {
    const digestInfo = Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]);
    return privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, digestInfo);
  }
  return execFileSync('openssl', ['pkeyutl', '-sign', '-inkey', keyFile], { input: digest });
}

const kms = mockClient(KMSClient);
afterEach(() => kms.reset());
afterAll(() => kms.restore());

describe.each([
  ['RSA_SHA256', 'RSASSA_PKCS1_V1_5_SHA_256', () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey],
  ['ECDSA_SHA256', 'ECDSA_SHA_256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey],
] as const)('KmsSigner %s', (algorithm, kmsAlgorithm, newKey) => {
  const dir = temporaryDirectory('kms-signer-');
  const requests: SignCommandInput[] = [];
  let privateKey: KeyObject;
  let keyFile: string;
  let certificate: Uint8Array;
  let unsigned: Uint8Array;

  beforeAll(async () => {
    assertCommandAvailable('pdfsig', ['-v'], 'poppler-utils');
    assertCommandAvailable('openssl', ['version'], 'openssl');
    privateKey = newKey();
    keyFile = join(dir.path, 'kms-key.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    certificate = createSelfSignedCertificate({
      privateKey,
      subject: { country: 'CN', organization: '某融资担保有限公司（测试）', commonName: '文书签章（KMS 测试）' },
    });
    unsigned = await makeChinesePdf();
  });
  afterEach(() => {
    requests.length = 0;
  });
  afterAll(() => dir.remove());

  it('signs through KMS with a digest, and poppler accepts the PDF', async () => {
    kms.on(SignCommand).callsFake((input: SignCommandInput) => {
      requests.push(input);
      return { KeyId: input.KeyId, SigningAlgorithm: input.SigningAlgorithm, Signature: signDigestLikeKms(privateKey, keyFile, input.Message!) };
    });
    const signer = new KmsSigner(new KMSClient({ region: 'cn-north-1' }), KEY_ID, toPem(certificate), algorithm);

    const signed = await signPdf(unsigned, signer, { signerName: '某融资担保有限公司', signingTime: new Date('2025-06-30T02:00:00Z') });

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ KeyId: KEY_ID, MessageType: 'DIGEST', SigningAlgorithm: kmsAlgorithm });
    const [dictionary] = findSignatureDictionaries(signed);
    const cms = readDetachedSignature(dictionary.contents!);
    expect(Buffer.from(requests[0].Message!)).toEqual(createHash('sha256').update(cms.signedAttributes).digest());

    const report = pdfsig(signed);
    expect(report.output).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report.output).toContain('Signer Certificate Common Name: 文书签章（KMS 测试）');
    expect(report.valid).toBe(true);
    expect(await verifySignedPdf(signed, { certificateSha256: certificateFingerprint(certificate) })).toMatchObject({
      valid: true,
      problems: [],
    });
  });

  it('produces no PDF when the KMS key does not match the certificate', async () => {
    const wrongKey = newKey();
    kms.on(SignCommand).callsFake((input: SignCommandInput) => {
      const wrongKeyFile = join(dir.path, 'wrong-key.pem');
      writeFileSync(wrongKeyFile, wrongKey.export({ type: 'pkcs8', format: 'pem' }));
      return { Signature: signDigestLikeKms(wrongKey, wrongKeyFile, input.Message!) };
    });
    const signer = new KmsSigner(new KMSClient({ region: 'cn-north-1' }), KEY_ID, toPem(certificate), algorithm);

    await expect(signPdf(unsigned, signer, { signerName: '某融资担保有限公司', signingTime: new Date() })).rejects.toThrow(
      /does not verify with the signing certificate/,
    );
  });
});
