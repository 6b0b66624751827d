/**
 * Signer on the embedded default: a key and a self-signed certificate kept in a folder,
 * created on first run. For local use only; the certificate says so in its own name.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Signer } from '../ports.js';
import {
  certificateFingerprint,
  certificatePublicKey,
  pemBlocks,
  signatureAlgorithmForKey,
  toPem,
} from '../signing/certificate.js';
import { bytesEqual } from '../signing/der.js';
import { createSelfSignedCertificate } from '../signing/self-signed-certificate.js';

export const LOCAL_SIGNER_FILES = {
  key: 'local-signing-key.pem',
  certificate: 'local-signing-certificate.pem',
  readme: 'README.txt',
} as const;

export interface LocalSignerOptions {
  /** @default '政府性融资担保文书处理系统（本地测试签章，仅限本地使用）' */
  subjectCommonName?: string;
  /** @default '本地测试' */
  organization?: string;
  /** Key type for a new key; an existing key keeps its own. @default 'RSA_SHA256' (RSA 2048) */
  algorithm?: Signer['algorithm'];
}

const DEFAULT_COMMON_NAME = '政府性融资担保文书处理系统（本地测试签章，仅限本地使用）';
const DEFAULT_ORGANIZATION = '本地测试';

const README = `本目录中的密钥和证书仅用于本地测试签章，由系统首次运行时自动生成，为自签名证书，
不具备任何法律效力，不得用于正式文书。请勿将本目录提交到代码仓库或复制到其他机器。

This folder holds a LOCAL TEST signing key and a self-signed certificate, generated
automatically on first run. Signatures made with it carry no legal weight and must not be
used for real documents. Do not commit this folder or copy it to another machine.

  ${LOCAL_SIGNER_FILES.key}          private key (PKCS#8 PEM, readable by the owner only)
  ${LOCAL_SIGNER_FILES.certificate}  self-signed certificate (PEM)
`;

export class LocalSigner implements Signer {
  readonly algorithm: Signer['algorithm'];

  private constructor(
    private readonly privateKey: KeyObject,
    private readonly certificate: Uint8Array,
  ) {
    this.algorithm = signatureAlgorithmForKey(privateKey);
  }

  /** Loads the key and certificate from `dir`, creating both on first run. */
  static async loadOrCreate(dir: string, options: LocalSignerOptions = {}): Promise<LocalSigner> {
    const existing = await LocalSigner.load(dir);
    if (existing) return existing;
    await mkdir(dir, { recursive: true });

    const privateKey = newPrivateKey(options.algorithm ?? 'RSA_SHA256');
    const certificate = createSelfSignedCertificate({
      privateKey,
      subject: {
        country: 'CN',
        organization: options.organization ?? DEFAULT_ORGANIZATION,
        commonName: options.subjectCommonName ?? DEFAULT_COMMON_NAME,
      },
    });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      // 'wx': never overwrite a key that another process created meanwhile
      await writeFile(join(dir, LOCAL_SIGNER_FILES.key), keyPem, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      return LocalSigner.loadWhenComplete(dir);
    }
    await writeFile(join(dir, LOCAL_SIGNER_FILES.certificate), toPem(certificate));
    await writeFile(join(dir, LOCAL_SIGNER_FILES.readme), README);
    return new LocalSigner(privateKey, certificate);
  }

  async certificateChain(): Promise<Uint8Array[]> {
    return [this.certificate];
  }

  async sign(data: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(sign('sha256', data, this.privateKey));
  }

  /** SHA-256 fingerprint of the certificate, lowercase hex. */
  async certificateSha256(): Promise<string> {
    return certificateFingerprint(this.certificate);
  }

  private static async load(dir: string): Promise<LocalSigner | undefined> {
    const keyPem = await readIfPresent(join(dir, LOCAL_SIGNER_FILES.key));
    const certificatePem = await readIfPresent(join(dir, LOCAL_SIGNER_FILES.certificate));
    if (keyPem === undefined && certificatePem === undefined) return undefined;
    if (keyPem === undefined || certificatePem === undefined) {
      const missing = keyPem === undefined ? LOCAL_SIGNER_FILES.key : LOCAL_SIGNER_FILES.certificate;
      throw new Error(`local signer folder ${dir} is incomplete: ${missing} is missing`);
    }
    const privateKey = createPrivateKey(keyPem);
    const [certificate] = pemBlocks(certificatePem);
    if (!certificate) throw new Error(`${LOCAL_SIGNER_FILES.certificate} holds no certificate`);
    const keySpki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    const certificateSpki = certificatePublicKey(certificate).export({ type: 'spki', format: 'der' });
    if (!bytesEqual(keySpki, certificateSpki)) {
      throw new Error(`${LOCAL_SIGNER_FILES.certificate} does not belong to ${LOCAL_SIGNER_FILES.key} in ${dir}`);
    }
    return new LocalSigner(privateKey, certificate);
  }

  /** Another process is creating the files: wait up to a second for the certificate to appear. */
  private static async loadWhenComplete(dir: string): Promise<LocalSigner> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      try {
        const signer = await LocalSigner.load(dir);
        if (signer) return signer;
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError ?? new Error(`local signer folder ${dir} was not completed by the process creating it`);
  }
}

function newPrivateKey(algorithm: Signer['algorithm']): KeyObject {
  return algorithm === 'RSA_SHA256'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
