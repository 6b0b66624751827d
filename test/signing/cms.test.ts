import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalSigner } from '../../shared/adapters/local-signer.js';
import { buildDetachedSignature } from '../../shared/signing/cms.js';
import { readDetachedSignature, readSigningCertificateV2 } from '../../shared/signing/cms-reader.js';
import { parseCertificate } from '../../shared/signing/certificate.js';
import { OID } from '../../shared/signing/oids.js';
import { assertCommandAvailable, temporaryDirectory } from './signing-fixtures.js';

const content = new TextEncoder().encode('担保文书核验报告（签名范围内的字节）');
const contentDigest = new Uint8Array(createHash('sha256').update(content).digest());

describe.each([
  ['RSA_SHA256', OID.sha256WithRsaEncryption],
  ['ECDSA_SHA256', OID.ecdsaWithSha256],
] as const)('detached CMS signed by %s', (algorithm, signatureOid) => {
  const dir = temporaryDirectory('cms-');
  let signer: LocalSigner;
  let certificate: Uint8Array;
  let cms: Uint8Array;

  beforeAll(async () => {
    assertCommandAvailable('openssl', ['version'], 'openssl');
    signer = await LocalSigner.loadOrCreate(dir.path, { algorithm });
    [certificate] = await signer.certificateChain();
    cms = await buildDetachedSignature(contentDigest, signer);
  });
  afterAll(() => dir.remove());

  it('has exactly the PAdES B-B signed attributes and no signing time', () => {
    const parsed = readDetachedSignature(cms);

    expect(parsed.contentType).toBe(OID.data);
    expect(parsed.hasEmbeddedContent).toBe(false);
    expect(parsed.digestAlgorithm).toBe(OID.sha256);
    expect(parsed.signatureAlgorithm).toBe(signatureOid);
    expect(parsed.certificates).toEqual([certificate]);
    expect(parsed.signerCertificate).toEqual(certificate);
    expect([...parsed.attributes.keys()].sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
    );
    expect(parsed.attributes.get(OID.messageDigest)?.content).toEqual(contentDigest);
  });

  it('names the signer certificate by hash and by its own issuer and serial bytes (Chinese UTF8String names)', () => {
    const reference = readSigningCertificateV2(readDetachedSignature(cms).attributes.get(OID.signingCertificateV2)!);
    const { issuer, serialNumber } = parseCertificate(certificate);

    expect(reference.hashAlgorithm).toBe(OID.sha256);
    expect(Buffer.from(reference.certificateHash).toString('hex')).toBe(createHash('sha256').update(certificate).digest('hex'));
    expect(reference.issuerSerial).toEqual({ issuer, serialNumber });
    expect(Buffer.from(issuer).toString('utf8')).toContain('本地测试');
  });

  it('verifies with OpenSSL against the detached content', () => {
    writeFileSync(join(dir.path, 'signature.der'), cms);
    writeFileSync(join(dir.path, 'content.bin'), content);

    const run = spawnSync(
      'openssl',
      ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'signature.der', '-content', 'content.bin', '-noverify', '-out', 'verified.bin'],
      { cwd: dir.path, encoding: 'utf8' },
    );

    expect(run.stderr).toContain('Verification successful');
    expect(run.status).toBe(0);
  });
});
