import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { acknowledgeNag } from '../nag.js';
import { TABLE_KEYS } from '../../shared/adapters/dynamodb-record-store.js';
import { PIPELINE_RUNTIME_MODULES } from '../bundling/pipeline-runtime.js';
import { usesTextract, type OcrEngineName } from '../../functions/ocr-engines.js';
import { DossierFunction } from './dossier-function.js';
import { REPORTS_PREFIX, UPLOADS_PREFIX } from './storage.js';

export interface ProcessingProps {
  /** Where uploads arrive (`uploads/<institutionId>/<file>`). */
  readonly ingestBucket: s3.IBucket;
  /** Where signed reports are archived (`reports/...`). */
  readonly archiveBucket: s3.IBucket;
  readonly recordsTable: dynamodb.ITable;
  readonly idempotencyTable: dynamodb.ITable;
  /** The key of the buckets and tables. */
  readonly dataKey: kms.IKey;
  /**
   * The key of the upload queues. Separate from `dataKey`: S3 must be allowed to use the queue's key
   * for this bucket, and the bucket is itself encrypted with `dataKey` (one key would be a cycle).
   * @default a new customer-managed key with rotation
   */
  readonly queueKey?: kms.IKey;
  /** The report signing key; the caller grants `kms:Sign` (see `SigningKey.allowSigning`). */
  readonly signingKey: kms.IKey;
  /** SSM parameter with the PEM certificate chain of the signing key. */
  readonly certificate: ssm.IStringParameter;
  /** @default 'tesseract' */
  readonly ocrEngine?: OcrEngineName;
  /** @default lambda.Architecture.ARM_64 */
  readonly architecture?: lambda.Architecture;
  /**
   * Memory of the processing function. OCR runs two tesseract workers (about 560 MB together,
   * measured); Lambda's CPU share grows with memory, 1,769 MB being one vCPU.
   * @default 3008
   */
  readonly memorySize?: number;
  /**
   * OCR workers per function instance.
   * @default 2
   */
  readonly ocrWorkers?: number;
  /**
   * Timeout of the processing function. A document may have up to 100 pages (the intake limit);
   * measured OCR is 1.4-5 s a page per worker, so a full batch of two such documents takes minutes.
   * @default Duration.minutes(15)
   */
  readonly timeout?: Duration;
  /**
   * S3 events handed to one invocation (processed one after another; OCR uses every core).
   * @default 2
   */
  readonly batchSize?: number;
  /**
   * Most concurrent invocations the queue drives: the back-pressure that keeps a month-end burst
   * inside the account's Lambda, DynamoDB and KMS quotas (messages wait in the queue instead).
   * @default 10
   */
  readonly maxConcurrency?: number;
  /**
   * Deliveries of a message before it moves to the dead-letter queue.
   * @default 3
   */
  readonly maxReceiveCount?: number;
}

/**
 * S3 upload event → SQS queue (with dead-letter queue) → processing function, which runs the whole
 * pipeline for each upload: read, OCR, extract, validate, record, render, sign, archive.
 */
export class Processing extends Construct {
  readonly queue: sqs.IQueue;
  readonly deadLetterQueue: sqs.IQueue;
  readonly function: lambda.IFunction;
  readonly role: iam.IRole;

  constructor(scope: Construct, id: string, props: ProcessingProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.minutes(15);
    const batchSize = props.batchSize ?? 2;
    const maxConcurrency = props.maxConcurrency ?? 10;
    const ocrEngine = props.ocrEngine ?? 'tesseract';

    const queueKey =
      props.queueKey ??
      new kms.Key(this, 'QueueKey', {
        description: 'Encrypts the upload event queues',
        enableKeyRotation: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: queueKey,
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const queue = new sqs.Queue(this, 'Uploads', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: queueKey,
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      // AWS's rule for Lambda on SQS: at least six times the function timeout.
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 3 },
    });
    this.queue = queue;

    props.ingestBucket.addEventNotification(s3.EventType.OBJECT_CREATED, new ScopedQueueDestination(queue, queueKey), { prefix: UPLOADS_PREFIX });
    acknowledgeNotificationHandler(Stack.of(this));

    const fn = new DossierFunction(this, 'Ingest', {
      entry: 'functions/ingest/handler.ts',
      serviceName: 'ingest',
      description: 'Runs the document pipeline for each upload (OCR, extraction, validation, records, signed reports).',
      architecture: props.architecture,
      memorySize: props.memorySize ?? 3008,
      timeout,
      runtimeModules: PIPELINE_RUNTIME_MODULES,
      environment: {
        UPLOADS_BUCKET: props.ingestBucket.bucketName,
        ARCHIVE_BUCKET: props.archiveBucket.bucketName,
        RECORDS_TABLE: props.recordsTable.tableName,
        IDEMPOTENCY_TABLE: props.idempotencyTable.tableName,
        SIGNING_KEY_ID: props.signingKey.keyArn,
        CERTIFICATE_PARAMETER: props.certificate.parameterName,
        OCR_ENGINE: ocrEngine,
        OCR_WORKERS: String(props.ocrWorkers ?? 2),
      },
    });
    this.function = fn.function;
    this.role = fn.role;

    fn.function.addEventSource(
      new SqsEventSource(queue, {
        batchSize,
        maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );

    const role = fn.role;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadUploads',
        actions: ['s3:GetObject'],
        resources: [props.ingestBucket.arnForObjects(`${UPLOADS_PREFIX}*`)],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ArchiveReports',
        // Put and get only: nothing here may delete an archived report or change its retention.
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [props.archiveBucket.arnForObjects(`${REPORTS_PREFIX}*`)],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteRecords',
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:Query'],
        resources: [
          props.recordsTable.tableArn,
          ...TABLE_KEYS.indexes.map((index) => `${props.recordsTable.tableArn}/index/${index.name}`),
        ],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'IdempotencyRecords',
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [props.idempotencyTable.tableArn],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'UseDataKey',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: [props.dataKey.keyArn],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'ReadCertificate', actions: ['ssm:GetParameter'], resources: [props.certificate.parameterArn] }),
    );

    if (usesTextract(ocrEngine)) {
      // Synchronous AnalyzeDocument, one page image at a time (the OcrEngine port's recognize).
      role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'Textract', actions: ['textract:AnalyzeDocument'], resources: ['*'] }));
      acknowledgeNag(
        role,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray (xray:PutTraceSegments, xray:PutTelemetryRecords) and Textract (textract:AnalyzeDocument) support only Resource "*"; no other statement of this role uses it.',
      );
    }

    const uploadsObjects = `Resource::<${logicalIdOf(props.ingestBucket)}.Arn>/${UPLOADS_PREFIX}*`;
    const reportObjects = `Resource::<${logicalIdOf(props.archiveBucket)}.Arn>/${REPORTS_PREFIX}*`;
    acknowledgeNag(
      role,
      `AwsSolutions-IAM5[${uploadsObjects}]`,
      'Reads any upload under uploads/: which object to process is only known from the event. Narrowest prefix possible.',
    );
    acknowledgeNag(
      role,
      `AwsSolutions-IAM5[${reportObjects}]`,
      'Archives reports under reports/<institution>/<year>/<kind>/: keys are decided per document. Put and get only, no delete.',
    );
  }
}

/**
 * S3 notifications into a KMS-encrypted queue, with S3's permissions (queue policy and key policy)
 * bound to this bucket and account. (`aws-s3-notifications.SqsDestination` also grants S3 the key
 * without conditions.)
 */
class ScopedQueueDestination implements s3.IBucketNotificationDestination {
  constructor(
    private readonly queue: sqs.IQueue,
    private readonly key: kms.IKey,
  ) {}

  bind(scope: Construct, bucket: s3.IBucketRef): s3.BucketNotificationDestinationConfig {
    const s3Service = new iam.ServicePrincipal('s3.amazonaws.com');
    const conditions = {
      ArnLike: { 'aws:SourceArn': bucket.bucketRef.bucketArn },
      StringEquals: { 'aws:SourceAccount': Stack.of(scope).account },
    };
    const { policyDependable } = this.queue.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'UploadEventsFromIngestBucket',
        principals: [s3Service],
        actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
        resources: [this.queue.queueArn],
        conditions,
      }),
    );
    const { statementAdded } = this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'IngestBucketEncryptsUploadEvents',
        principals: [s3Service],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions,
      }),
      /* allowNoOp */ true,
    );
    if (!statementAdded) throw new Error(`${this.key.node.path}: the queue key must be a key of this app (its policy needs S3's statement)`);
    return { type: s3.BucketNotificationDestinationType.QUEUE, arn: this.queue.queueArn, dependencies: policyDependable ? [policyDependable] : [] };
  }
}

/** Logical id of a bucket defined in the same stack (for cdk-nag finding ids). */
function logicalIdOf(bucket: s3.IBucket): string {
  const cfn = bucket.node.defaultChild as s3.CfnBucket | undefined;
  if (!cfn) throw new Error(`${bucket.node.path}: expected a bucket defined in this stack`);
  return Stack.of(bucket).getLogicalId(cfn);
}

/** The singleton Lambda that CDK uses to configure S3 event notifications. */
function acknowledgeNotificationHandler(stack: Stack) {
  const handler = stack.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
  if (!handler) return;
  acknowledgeNag(
    handler,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'CDK-managed deployment-time handler that sets the bucket notification; it only writes its own logs with this policy.',
  );
}
