/**
 * Signer in AWS: an asymmetric KMS key (SIGN_VERIFY) and the certificate chain issued for it.
 * KMS signs the SHA-256 digest we compute (MessageType DIGEST), so data of any size works and
 * only 32 bytes leave the function.
 */
import { createHash } from 'node:crypto';
import { SignCommand, type KMSClient, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import type { Signer } from '../ports.js';
import { pemBlocks } from '../signing/certificate.js';

const KMS_SIGNING_ALGORITHM: Record<Signer['algorithm'], SigningAlgorithmSpec> = {
  RSA_SHA256: 'RSASSA_PKCS1_V1_5_SHA_256',
  ECDSA_SHA256: 'ECDSA_SHA_256',
};

export class KmsSigner implements Signer {
  private readonly chain: Uint8Array[];

  /**
   * @param keyId key id, ARN or alias of the KMS key
   * @param certificateChainPem the key's certificate first, then any intermediates (PEM)
   * @param algorithm RSA_SHA256 for an RSA key, ECDSA_SHA256 for an ECC_NIST_P256 key
   */
  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
    certificateChainPem: string,
    readonly algorithm: Signer['algorithm'] = 'RSA_SHA256',
  ) {
    this.chain = pemBlocks(certificateChainPem);
    if (this.chain.length === 0) throw new Error('KmsSigner needs the certificate chain of its key in PEM');
  }

  async certificateChain(): Promise<Uint8Array[]> {
    return this.chain;
  }

  async sign(data: Uint8Array): Promise<Uint8Array> {
    const digest = createHash('sha256').update(data).digest();
    const response = await this.client.send(
      new SignCommand({
        KeyId: this.keyId,
        Message: digest,
        MessageType: 'DIGEST',
        SigningAlgorithm: KMS_SIGNING_ALGORITHM[this.algorithm],
      }),
    );
    if (!response.Signature) throw new Error(`KMS returned no signature for key ${this.keyId}`);
    return response.Signature;
  }
}
