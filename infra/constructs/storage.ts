import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../shared/adapters/dynamodb-record-store.js';

/** Object key prefix of uploads in the ingest bucket: `uploads/<institutionId>/<file>`. */
export const UPLOADS_PREFIX = 'uploads/';
/** Object key prefix of archived reports: `reports/<institutionId>/<year>/<kind>/<reportId>.pdf`. */
export const REPORTS_PREFIX = 'reports/';

export interface StorageProps {
  /**
   * Customer-managed key encrypting the buckets and tables (the access-log bucket excepted:
   * S3 server access logging cannot deliver to SSE-KMS buckets).
   */
  readonly dataKey: kms.IKey;
  /**
   * Years an archived report is locked in compliance mode (nobody, root included, can delete or
   * overwrite it before then).
   * @default 10
   */
  readonly retentionYears?: number;
  /**
   * Days after which uploads move to Glacier Instant Retrieval (still readable at once, for a
   * re-run or a dispute).
   * @default 90
   */
  readonly uploadsInfrequentAfter?: Duration;
  /**
   * Age at which uploads are deleted. Scans are evidence, so nothing is deleted unless asked.
   * @default - uploads are kept
   */
  readonly uploadsExpireAfter?: Duration;
  /**
   * Days server access logs are kept.
   * @default 365
   */
  readonly accessLogsExpireAfter?: Duration;
  /**
   * What happens to the data when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Where documents, reports and records live: an ingest bucket for uploads, a write-once archive
 * for signed reports, an access-log bucket, the records table and the idempotency table.
 */
export class Storage extends Construct {
  /** Uploads land here under `uploads/<institutionId>/`. */
  readonly ingestBucket: s3.IBucket;
  /** Signed reports, Object Lock in compliance mode. */
  readonly archiveBucket: s3.IBucket;
  /** Server access logs of the two data buckets. */
  readonly accessLogsBucket: s3.IBucket;
  /** Documents, reports and audit events (single-table layout of `DynamoRecordStore`). */
  readonly recordsTable: dynamodb.ITable;
  /** Powertools idempotency records (one per S3 object version), expiring by TTL. */
  readonly idempotencyTable: dynamodb.ITable;
  /** Years of the archive's default retention. */
  readonly retentionYears: number;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.retentionYears = props.retentionYears ?? 10;
    if (!Number.isInteger(this.retentionYears) || this.retentionYears < 1 || this.retentionYears > 100) {
      throw new Error(`retentionYears must be an integer from 1 to 100, got ${this.retentionYears}`);
    }

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      // S3 server access logging delivers only to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration: props.accessLogsExpireAfter ?? Duration.days(365),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy,
    });
    this.accessLogsBucket = accessLogs;

    this.ingestBucket = new s3.Bucket(this, 'Ingest', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'ingest/',
      lifecycleRules: [
        {
          id: 'uploads-to-glacier-ir',
          prefix: UPLOADS_PREFIX,
          transitions: [
            {
              storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: props.uploadsInfrequentAfter ?? Duration.days(90),
            },
          ],
          expiration: props.uploadsExpireAfter,
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy,
    });

    const archive = new s3.Bucket(this, 'Archive', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      objectLockEnabled: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'archive/',
      lifecycleRules: [{ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // A locked bucket cannot be emptied before its objects' retention ends.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The L2 prop renders days (10 x 365 falls short of ten calendar years); S3 counts years itself.
    (archive.node.defaultChild as s3.CfnBucket).objectLockConfiguration = {
      objectLockEnabled: 'Enabled',
      rule: { defaultRetention: { mode: 'COMPLIANCE', years: this.retentionYears } },
    };
    this.archiveBucket = archive;

    const [gsi1, gsi2] = TABLE_KEYS.indexes;
    const stringKey = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    // Table (not TableV2): TableV2 with a customer-managed key cannot synthesize environment-agnostic.
    const records = new dynamodb.Table(this, 'Records', {
      partitionKey: stringKey(TABLE_KEYS.partitionKey),
      sortKey: stringKey(TABLE_KEYS.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.dataKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy,
    });
    // Review queue: documents by status, oldest update first.
    records.addGlobalSecondaryIndex({ indexName: gsi1.name, partitionKey: stringKey(gsi1.partitionKey), sortKey: stringKey(gsi1.sortKey) });
    // Regulators: reports by jurisdiction and kind, then year.
    records.addGlobalSecondaryIndex({ indexName: gsi2.name, partitionKey: stringKey(gsi2.partitionKey), sortKey: stringKey(gsi2.sortKey) });
    this.recordsTable = records;

    this.idempotencyTable = new dynamodb.Table(this, 'Idempotency', {
      partitionKey: stringKey('id'),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.dataKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: 'expiration',
      // Only short-lived guards live here; they may go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }

  /** ARN pattern of every upload, for IAM. */
  uploadsArn(): string {
    return this.ingestBucket.arnForObjects(`${UPLOADS_PREFIX}*`);
  }

  /** ARN pattern of every archived report, for IAM. */
  reportsArn(): string {
    return this.archiveBucket.arnForObjects(`${REPORTS_PREFIX}*`);
  }
}
