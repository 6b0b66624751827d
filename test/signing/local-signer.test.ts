import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_SIGNER_FILES, LocalSigner } from '../../shared/adapters/local-signer.js';
import { certificateFingerprint, pemBlocks } from '../../shared/signing/certificate.js';
import { temporaryDirectory } from './signing-fixtures.js';

describe('LocalSigner', () => {
  const root = temporaryDirectory('local-signer-');
  afterAll(() => root.remove());

  it('creates a key, a Chinese self-signed certificate marked for local use, and a README on first run', async () => {
    const dir = join(root.path, 'first-run');

    const signer = await LocalSigner.loadOrCreate(dir);

    expect(statSync(join(dir, LOCAL_SIGNER_FILES.key)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, LOCAL_SIGNER_FILES.readme), 'utf8')).toMatch(/本地测试[\s\S]*LOCAL TEST/);
    const [der] = await signer.certificateChain();
    const certificate = new X509Certificate(Buffer.from(der));
    expect(certificate.subject).toBe('C=CN\nO=本地测试\nCN=政府性融资担保文书处理系统（本地测试签章，仅限本地使用）');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(signer.algorithm).toBe('RSA_SHA256');
    expect(await signer.certificateSha256()).toBe(certificateFingerprint(der));
    expect(await signer.certificateSha256()).toBe(certificate.fingerprint256.replaceAll(':', '').toLowerCase());
  });

  it('loads the same key and certificate on later runs', async () => {
    const dir = join(root.path, 'reload');
    const first = await LocalSigner.loadOrCreate(dir, { algorithm: 'ECDSA_SHA256', organization: '某担保公司（测试）' });

    const second = await LocalSigner.loadOrCreate(dir, { algorithm: 'RSA_SHA256' });

    expect(second.algorithm).toBe('ECDSA_SHA256');
    expect(await second.certificateSha256()).toBe(await first.certificateSha256());
    const [der] = pemBlocks(readFileSync(join(dir, LOCAL_SIGNER_FILES.certificate), 'utf8'));
    expect(new X509Certificate(Buffer.from(der)).subject).toContain('O=某担保公司（测试）');
  });

  it('refuses a certificate that does not belong to the key', async () => {
    const dir = join(root.path, 'mismatch');
    const otherDir = join(root.path, 'mismatch-other');
    await LocalSigner.loadOrCreate(dir, { algorithm: 'ECDSA_SHA256' });
    await LocalSigner.loadOrCreate(otherDir, { algorithm: 'ECDSA_SHA256' });
    const foreignCertificate = readFileSync(join(otherDir, LOCAL_SIGNER_FILES.certificate));
    writeFileSync(join(dir, LOCAL_SIGNER_FILES.certificate), foreignCertificate);

    await expect(LocalSigner.loadOrCreate(dir)).rejects.toThrow(/does not belong/);
  });

  it('two first runs at once end with one key', async () => {
    const dir = join(root.path, 'concurrent');

    const [a, b] = await Promise.all([
      LocalSigner.loadOrCreate(dir, { algorithm: 'ECDSA_SHA256' }),
      LocalSigner.loadOrCreate(dir, { algorithm: 'ECDSA_SHA256' }),
    ]);

    expect(await a.certificateSha256()).toBe(await b.certificateSha256());
  });
});
