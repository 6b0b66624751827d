import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { APP_NAME, type DeploymentConfig } from './config.js';
import { Observability } from './constructs/observability.js';
import { Processing } from './constructs/processing.js';
import { RegulatorApi } from './constructs/regulator-api.js';
import { SigningKey } from './constructs/signing-key.js';
import { Storage, UPLOADS_PREFIX } from './constructs/storage.js';

export interface DossierStackProps extends StackProps {
  readonly config: DeploymentConfig;
}

/** The whole deployment: storage, keys, the processing pipeline, the regulators' API, alarms. */
export class DossierStack extends Stack {
  readonly storage: Storage;
  readonly signingKey: SigningKey;
  readonly processing: Processing;
  readonly api: RegulatorApi;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: DossierStackProps) {
    super(scope, id, props);
    const { config } = props;
    const architecture = config.architecture === 'arm64' ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64;

    const dataKey = new kms.Key(this, 'DataKey', {
      description: `${APP_NAME} ${config.stage}: encrypts uploads, reports, records and queues`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.storage = new Storage(this, 'Storage', { dataKey, retentionYears: config.retentionYears });
    this.signingKey = new SigningKey(this, 'Signing', { alias: `${APP_NAME}-${config.stage}-report-signing` });
    const certificate = ssm.StringParameter.fromStringParameterName(this, 'Certificate', config.certificateParameterName);

    this.processing = new Processing(this, 'Processing', {
      ingestBucket: this.storage.ingestBucket,
      archiveBucket: this.storage.archiveBucket,
      recordsTable: this.storage.recordsTable,
      idempotencyTable: this.storage.idempotencyTable,
      dataKey,
      signingKey: this.signingKey.key,
      certificate,
      ocrEngine: config.ocrEngine,
      architecture,
    });
    this.signingKey.allowSigning(this.processing.role);

    this.api = new RegulatorApi(this, 'RegulatorApi', {
      recordsTable: this.storage.recordsTable,
      archiveBucket: this.storage.archiveBucket,
      uploadsBucket: this.storage.ingestBucket,
      dataKey,
      architecture,
    });

    this.observability = new Observability(this, 'Observability', {
      functions: [
        { label: 'Ingest', function: this.processing.function },
        { label: 'Api', function: this.api.function },
      ],
      queues: [{ label: 'Uploads', queue: this.processing.queue, deadLetterQueue: this.processing.deadLetterQueue }],
      topicKey: dataKey,
      alarmEmail: config.alarmEmail,
      dashboardName: `${APP_NAME}-${config.stage}`,
    });

    new CfnOutput(this, 'IngestBucketName', {
      value: this.storage.ingestBucket.bucketName,
      description: `Upload scans to s3://<bucket>/${UPLOADS_PREFIX}<institutionId>/<file>`,
    });
    new CfnOutput(this, 'ArchiveBucketName', { value: this.storage.archiveBucket.bucketName, description: 'Signed reports (Object Lock, compliance mode)' });
    new CfnOutput(this, 'RecordsTableName', { value: this.storage.recordsTable.tableName });
    new CfnOutput(this, 'SigningKeyArn', { value: this.signingKey.key.keyArn, description: 'Certify this key\'s public key (aws kms get-public-key) and store the PEM chain in the certificate parameter' });
    new CfnOutput(this, 'CertificateParameterName', { value: config.certificateParameterName });
    new CfnOutput(this, 'ApiUrl', { value: this.api.api.apiEndpoint, description: 'Regulators\' API (SigV4, execute-api:Invoke)' });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.processing.deadLetterQueue.queueUrl });
  }
}
