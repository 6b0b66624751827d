/**
 * The pipeline's adapters in AWS, built once per Lambda container from environment variables
 * (set by the CDK stack, see `infra/constructs/processing.ts`). No business logic here: only
 * configuration, clients and the checks that fail a misconfigured deployment at its first event.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetPublicKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { TextractClient } from '@aws-sdk/client-textract';
import { DynamoRecordStore } from '../shared/adapters/dynamodb-record-store.js';
import { HybridOcr } from '../shared/adapters/hybrid-ocr.js';
import { KmsSigner } from '../shared/adapters/kms-signer.js';
import { S3ObjectStore } from '../shared/adapters/s3-object-store.js';
import { TesseractOcr } from '../shared/adapters/tesseract-ocr.js';
import { TextractOcr } from '../shared/adapters/textract-ocr.js';
import type { PipelineDeps } from '../shared/pipeline/process-document.js';
import type { OcrEngine } from '../shared/ports.js';
import { systemClock } from '../shared/ports.js';
import { certificatePublicKey, pemBlocks } from '../shared/signing/certificate.js';
import type { IngestEnvironment } from './environment.js';
import { tracer } from './powertools.js';

/** AWS SDK clients, traced by X-Ray. Region and credentials come from the Lambda environment. */
export interface AwsClients {
  s3: S3Client;
  dynamodb: DynamoDBClient;
  kms: KMSClient;
  ssm: SSMClient;
}

let clients: AwsClients | undefined;

export function awsClients(): AwsClients {
  clients ??= {
    // Default checksums: S3 requires a checksum (or Content-MD5) on PUTs into an Object Lock bucket.
    s3: tracer.captureAWSv3Client(new S3Client({})),
    dynamodb: tracer.captureAWSv3Client(new DynamoDBClient({})),
    kms: tracer.captureAWSv3Client(new KMSClient({})),
    ssm: tracer.captureAWSv3Client(new SSMClient({})),
  };
  return clients;
}

/** The PEM certificate chain stored in an SSM parameter (String or SecureString). */
export async function readCertificateChain(ssm: SSMClient, parameterName: string): Promise<string> {
  const out = await ssm.send(new GetParameterCommand({ Name: parameterName, WithDecryption: true }));
  const pem = out.Parameter?.Value;
  if (!pem || pemBlocks(pem).length === 0) {
    throw new Error(`SSM parameter ${parameterName} holds no PEM certificate: store the chain issued for the signing key there`);
  }
  return pem;
}

/**
 * Fails unless the certificate certifies the KMS key: signatures made with another key than the
 * certificate's would look signed and never validate.
 */
export async function assertCertificateMatchesKey(kms: KMSClient, keyId: string, certificatePem: string): Promise<void> {
  const [leaf] = pemBlocks(certificatePem);
  const out = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!out.PublicKey) throw new Error(`KMS returned no public key for ${keyId}`);
  if (out.KeyUsage && out.KeyUsage !== 'SIGN_VERIFY') throw new Error(`KMS key ${keyId} is not a signing key (${out.KeyUsage})`);
  const fromCertificate = certificatePublicKey(leaf).export({ type: 'spki', format: 'der' });
  if (!Buffer.from(out.PublicKey).equals(fromCertificate)) {
    throw new Error(`The certificate in the certificate parameter is not issued for KMS key ${keyId}`);
  }
}

/** Tesseract (Chinese text), Textract (synchronous AnalyzeDocument per page), or both merged. */
export async function createOcrEngine(env: Pick<IngestEnvironment, 'OCR_ENGINE' | 'OCR_WORKERS'>): Promise<OcrEngine> {
  const textract = () => new TextractOcr(tracer.captureAWSv3Client(new TextractClient({})));
  switch (env.OCR_ENGINE) {
    case 'tesseract':
      return TesseractOcr.create({ workers: env.OCR_WORKERS });
    case 'textract':
      return textract();
    case 'hybrid':
      return new HybridOcr(await TesseractOcr.create({ workers: env.OCR_WORKERS }), textract());
  }
}

/** Builds the pipeline's dependencies for AWS. */
export async function createPipelineDeps(env: IngestEnvironment, aws: AwsClients = awsClients()): Promise<PipelineDeps> {
  const certificatePem = await readCertificateChain(aws.ssm, env.CERTIFICATE_PARAMETER);
  await assertCertificateMatchesKey(aws.kms, env.SIGNING_KEY_ID, certificatePem);
  const ocr = await createOcrEngine(env);
  return {
    uploads: new S3ObjectStore(aws.s3, env.UPLOADS_BUCKET),
    archive: new S3ObjectStore(aws.s3, env.ARCHIVE_BUCKET),
    records: new DynamoRecordStore(aws.dynamodb, env.RECORDS_TABLE),
    ocr,
    signer: new KmsSigner(aws.kms, env.SIGNING_KEY_ID, certificatePem, 'RSA_SHA256'),
    clock: systemClock,
    config: { actor: `aws-lambda:${env.AWS_LAMBDA_FUNCTION_NAME}` },
  };
}

/**
 * Memoizes an async factory per container. A failed attempt is forgotten, so the next event
 * retries (for instance once the certificate parameter has been created).
 */
export function once<T>(factory: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= factory().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}
