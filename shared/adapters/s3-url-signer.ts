import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { PresignOptions, UrlSigner } from '../ports.js';

/**
 * Presigned S3 URLs (SigV4, query-string) for one bucket. The client must be built with
 * `requestChecksumCalculation: 'WHEN_REQUIRED'` (see {@link presigningClientConfig}): with the
 * default, presigned PUT URLs embed the CRC32 of an empty body and every real upload fails.
 */
export class S3UrlSigner implements UrlSigner {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  presignGet(key: string, options: PresignOptions) {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: options.expiresInSeconds,
      signingDate: options.now,
    });
  }

  presignPut(key: string, options: PresignOptions) {
    return getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: options.expiresInSeconds,
      signingDate: options.now,
    });
  }
}

/** S3 client settings for presigning (and for s3rver): checksums only where S3 requires them. */
export const presigningClientConfig = {
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
} as const;
