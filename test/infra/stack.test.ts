/**
 * Security-relevant properties of the synthesized stack (bundling skipped): encryption, Object Lock,
 * TLS-only resource policies, dead-letter wiring, least privilege, authorization, alarms.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, logicalId, resourcesOf, statementsByRole, synth, type Statement, type Synthesized } from './synth.js';

let synthesized: Synthesized;
let template: Template;
const ids: Record<string, string> = {};

beforeAll(() => {
  synthesized = synth();
  template = synthesized.template;
  ids.dataKey = logicalId(template, 'AWS::KMS::Key', 'DataKey');
  ids.signingKey = logicalId(template, 'AWS::KMS::Key', 'Signing');
  ids.queueKey = logicalId(template, 'AWS::KMS::Key', 'ProcessingQueueKey');
  ids.ingest = logicalId(template, 'AWS::S3::Bucket', 'StorageIngest');
  ids.archive = logicalId(template, 'AWS::S3::Bucket', 'StorageArchive');
  ids.accessLogs = logicalId(template, 'AWS::S3::Bucket', 'StorageAccessLogs');
  ids.records = logicalId(template, 'AWS::DynamoDB::Table', 'StorageRecords');
  ids.idempotency = logicalId(template, 'AWS::DynamoDB::Table', 'StorageIdempotency');
  ids.queue = logicalId(template, 'AWS::SQS::Queue', 'ProcessingUploads');
  ids.dlq = logicalId(template, 'AWS::SQS::Queue', 'ProcessingDeadLetters');
  ids.ingestFunction = logicalId(template, 'AWS::Lambda::Function', 'ProcessingIngestFunction');
  ids.apiFunction = logicalId(template, 'AWS::Lambda::Function', 'RegulatorApiHandlerFunction');
  ids.ingestRole = logicalId(template, 'AWS::IAM::Role', 'ProcessingIngestRole');
  ids.apiRole = logicalId(template, 'AWS::IAM::Role', 'RegulatorApiHandlerRole');
});
afterAll(() => synthesized?.cleanup());

const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('storage', () => {
  it('encrypts the ingest and archive buckets with the customer-managed data key, versioned, private, logged', () => {
    for (const bucket of [ids.ingest, ids.archive]) {
      expect(template.toJSON().Resources[bucket].Properties).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arnOf(ids.dataKey) }, BucketKeyEnabled: true },
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LoggingConfiguration: { DestinationBucketName: { Ref: ids.accessLogs } },
      });
    }
  });

  it('locks archived reports in compliance mode for ten years by default', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 10 } } },
    });
    expect(template.toJSON().Resources[ids.archive].DeletionPolicy).toBe('Retain');
  });

  it('takes the retention period from the context', () => {
    const other = synth({ retentionYears: '15' });
    try {
      other.template.hasResourceProperties('AWS::S3::Bucket', {
        ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 15 } } },
      });
    } finally {
      other.cleanup();
    }
  });

  it('denies every non-TLS and pre-TLS-1.2 request on every bucket', () => {
    const buckets = resourcesOf(template, 'AWS::S3::Bucket').map(([id]) => id);
    const policies = resourcesOf(template, 'AWS::S3::BucketPolicy');
    expect(buckets).toHaveLength(3);
    for (const bucket of buckets) {
      const policy = policies.find(([, p]) => p.Properties.Bucket.Ref === bucket);
      expect(policy, `policy of ${bucket}`).toBeDefined();
      const statements: Statement[] = policy![1].Properties.PolicyDocument.Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
      );
    }
  });

  it('keeps the records table on demand, with point-in-time recovery, the data key and both GSIs', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: arnOf(ids.dataKey) },
      DeletionProtectionEnabled: true,
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'GSI1', KeySchema: [{ AttributeName: 'GSI1PK', KeyType: 'HASH' }, { AttributeName: 'GSI1SK', KeyType: 'RANGE' }] }),
        Match.objectLike({ IndexName: 'GSI2', KeySchema: [{ AttributeName: 'GSI2PK', KeyType: 'HASH' }, { AttributeName: 'GSI2SK', KeyType: 'RANGE' }] }),
      ],
    });
    expect(template.toJSON().Resources[ids.records].DeletionPolicy).toBe('Retain');
  });

  it('encrypts the idempotency table and expires its items', () => {
    expect(template.toJSON().Resources[ids.idempotency].Properties).toMatchObject({
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: arnOf(ids.dataKey) },
    });
  });

  it('rotates the symmetric keys', () => {
    for (const key of [ids.dataKey, ids.queueKey]) {
      expect(template.toJSON().Resources[key].Properties.EnableKeyRotation).toBe(true);
    }
  });
});

describe('processing', () => {
  it('sends created uploads (and only under uploads/) to the encrypted queue', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: ids.ingest },
      NotificationConfiguration: {
        QueueConfigurations: [
          { Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } }, QueueArn: arnOf(ids.queue) },
        ],
      },
    });
  });

  it('lets only the ingest bucket of this account send to the queue and use its key', () => {
    const scoped = {
      ArnLike: { 'aws:SourceArn': arnOf(ids.ingest) },
      StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
    };
    const keyPolicy: Statement[] = template.toJSON().Resources[ids.queueKey].Properties.KeyPolicy.Statement;
    const forS3 = keyPolicy.filter((s) => JSON.stringify(s).includes('s3.amazonaws.com'));
    expect(forS3).toHaveLength(1);
    expect(forS3[0].Condition).toEqual(scoped);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: ids.queue }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 's3.amazonaws.com' }, Condition: scoped })]) },
    });
  });

  it('encrypts both queues, requires TLS, and redrives failed messages to the dead-letter queue', () => {
    const resources = template.toJSON().Resources;
    expect(resources[ids.queue].Properties).toMatchObject({
      KmsMasterKeyId: arnOf(ids.queueKey),
      RedrivePolicy: { deadLetterTargetArn: arnOf(ids.dlq), maxReceiveCount: 3 },
      // Six times the function timeout (15 minutes).
      VisibilityTimeout: 5400,
    });
    expect(resources[ids.dlq].Properties.KmsMasterKeyId).toEqual(arnOf(ids.queueKey));
    for (const queue of [ids.queue, ids.dlq]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    }
  });

  it('drives the ingest function with partial batch failures and a concurrency cap', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arnOf(ids.queue),
      FunctionName: { Ref: ids.ingestFunction },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 2,
      ScalingConfig: { MaximumConcurrency: 10 },
    });
  });

  it('runs every function on nodejs22.x, arm64, traced, with JSON logs in its own log group', () => {
    for (const fn of [ids.ingestFunction, ids.apiFunction]) {
      expect(template.toJSON().Resources[fn].Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
      });
    }
    expect(template.toJSON().Resources[ids.ingestFunction].Properties).toMatchObject({ MemorySize: 3008, Timeout: 900 });
  });

  it('gives the ingest function its configuration by name, with no account ids or ARNs baked in', () => {
    const env = template.toJSON().Resources[ids.ingestFunction].Properties.Environment.Variables;
    expect(env).toMatchObject({
      UPLOADS_BUCKET: { Ref: ids.ingest },
      ARCHIVE_BUCKET: { Ref: ids.archive },
      RECORDS_TABLE: { Ref: ids.records },
      IDEMPOTENCY_TABLE: { Ref: ids.idempotency },
      SIGNING_KEY_ID: arnOf(ids.signingKey),
      CERTIFICATE_PARAMETER: '/guarantee-dossier/dev/signing-certificate',
      OCR_ENGINE: 'tesseract',
    });
    expect(JSON.stringify(template.toJSON())).not.toMatch(/\b\d{12}\b/);
  });
});

describe('signing key', () => {
  it('is an RSA 2048 signing key that only the ingest role may use to sign', () => {
    const key = template.toJSON().Resources[ids.signingKey];
    expect(key.Properties).toMatchObject({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    expect(key.DeletionPolicy).toBe('Retain');
    expect(key.Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 'kms:Sign',
        Principal: { AWS: '*' },
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': arnOf(ids.ingestRole) } },
      }),
    );
  });
});

describe('least privilege', () => {
  it('grants kms:Sign to the ingest role alone, on the signing key alone, for the report algorithm', () => {
    const byRole = statementsByRole(template);
    const signers = [...byRole].filter(([, statements]) => statements.some((s) => s.Effect === 'Allow' && actionsOf(s).some((a) => /^kms:(Sign|\*)$/.test(a) || a === '*')));
    expect(signers.map(([role]) => role)).toEqual([ids.ingestRole]);
    const sign = byRole.get(ids.ingestRole)!.filter((s) => actionsOf(s).includes('kms:Sign'));
    expect(sign).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'kms:Sign',
        Resource: arnOf(ids.signingKey),
        Condition: { StringEquals: { 'kms:SigningAlgorithm': 'RSASSA_PKCS1_V1_5_SHA_256' } },
      }),
    ]);
  });

  it('has no role with a wildcard action or NotAction', () => {
    const byRole = statementsByRole(template);
    expect(byRole.size).toBeGreaterThanOrEqual(3);
    for (const [role, statements] of byRole) {
      for (const s of statements) {
        expect(s.NotAction, `${role} NotAction`).toBeUndefined();
        for (const action of actionsOf(s)) expect(action, `${role}: ${action}`).not.toMatch(/(^\*$|:\*$)/);
      }
    }
  });

  it('lets the ingest role read uploads and write reports, never delete or unlock them', () => {
    const statements = statementsByRole(template).get(ids.ingestRole)!;
    const s3Actions = statements.flatMap(actionsOf).filter((a) => a.startsWith('s3:'));
    expect(new Set(s3Actions)).toEqual(new Set(['s3:GetObject', 's3:PutObject']));
    expect(statements).toContainEqual(
      expect.objectContaining({ Sid: 'ReadUploads', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [arnOf(ids.ingest), '/uploads/*']] } }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Sid: 'ArchiveReports', Resource: { 'Fn::Join': ['', [arnOf(ids.archive), '/reports/*']] } }),
    );
  });

  it('grants Textract only when the OCR engine uses it', () => {
    const textract = (t: Template) => [...statementsByRole(t).values()].flat().filter((s) => actionsOf(s).some((a) => a.startsWith('textract:')));
    expect(textract(template)).toEqual([]);
    const hybrid = synth({ ocrEngine: 'hybrid' });
    try {
      const role = logicalId(hybrid.template, 'AWS::IAM::Role', 'ProcessingIngestRole');
      expect(textract(hybrid.template)).toEqual([expect.objectContaining({ Action: 'textract:AnalyzeDocument', Resource: '*' })]);
      expect(statementsByRole(hybrid.template).get(role)).toContainEqual(expect.objectContaining({ Sid: 'Textract' }));
      expect(hybrid.template.toJSON().Resources[logicalId(hybrid.template, 'AWS::Lambda::Function', 'ProcessingIngestFunction')].Properties.Environment.Variables.OCR_ENGINE).toBe('hybrid');
    } finally {
      hybrid.cleanup();
    }
  });

  it('reads only the certificate parameter, by name, in this account and region', () => {
    const ssm = statementsByRole(template).get(ids.ingestRole)!.filter((s) => actionsOf(s).some((a) => a.startsWith('ssm:')));
    expect(ssm).toEqual([
      expect.objectContaining({
        Action: 'ssm:GetParameter',
        Resource: {
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':parameter/guarantee-dossier/dev/signing-certificate']],
        },
      }),
    ]);
  });

  it('gives the API role reads, audit writes and upload presigning only: it can neither sign nor delete', () => {
    const actions = statementsByRole(template).get(ids.apiRole)!.flatMap(actionsOf);
    expect(actions.filter((a) => /^(s3|dynamodb|kms):/.test(a)).sort()).toEqual(
      ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey', 's3:GetObject', 's3:PutObject'].sort(),
    );
  });

  it('attaches no AWS-managed policy to the application roles', () => {
    for (const role of [ids.ingestRole, ids.apiRole]) {
      expect(template.toJSON().Resources[role].Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe("regulators' API", () => {
  it('requires IAM authorization on every route and logs access', () => {
    const routes = resourcesOf(template, 'AWS::ApiGatewayV2::Route');
    expect(routes.map(([, r]) => r.Properties.RouteKey).sort()).toEqual([
      'GET /institutions/{institutionId}/reports',
      'GET /institutions/{institutionId}/reports/{reportId}',
      'GET /jurisdictions/{jurisdiction}/reports',
      'POST /institutions/{institutionId}/reports/{reportId}/verify',
      'POST /institutions/{institutionId}/uploads',
    ]);
    for (const [, route] of routes) expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
  });
});

describe('observability', () => {
  const alarms = () => resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);

  it('alarms on anything in the dead-letter queue', () => {
    expect(alarms()).toContainEqual(
      expect.objectContaining({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids.dlq, 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    );
  });

  it.each([['Errors'], ['Throttles']])('alarms on %s of each function', (metric) => {
    for (const fn of [ids.ingestFunction, ids.apiFunction]) {
      expect(alarms()).toContainEqual(
        expect.objectContaining({ MetricName: metric, Namespace: 'AWS/Lambda', Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn } }] }),
      );
    }
  });

  it('notifies an encrypted topic from every alarm, and has a dashboard', () => {
    const topic = logicalId(template, 'AWS::SNS::Topic', 'ObservabilityAlarms');
    for (const alarm of alarms()) expect(alarm.AlarmActions).toEqual([{ Ref: topic }]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: arnOf(ids.dataKey) });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
