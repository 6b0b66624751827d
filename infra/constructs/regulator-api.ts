import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNag } from '../nag.js';
import { DossierFunction } from './dossier-function.js';
import { REPORTS_PREFIX, UPLOADS_PREFIX } from './storage.js';

/** Routes of the API (all IAM-authorized); the same table as shared/access/routes.ts. */
export const API_ROUTES = [
  { path: '/institutions/{institutionId}/reports', method: apigwv2.HttpMethod.GET },
  { path: '/institutions/{institutionId}/reports/{reportId}', method: apigwv2.HttpMethod.GET },
  { path: '/institutions/{institutionId}/reports/{reportId}/verify', method: apigwv2.HttpMethod.POST },
  { path: '/institutions/{institutionId}/uploads', method: apigwv2.HttpMethod.POST },
  { path: '/jurisdictions/{jurisdiction}/reports', method: apigwv2.HttpMethod.GET },
] as const;

export interface RegulatorApiProps {
  readonly recordsTable: dynamodb.ITable;
  readonly archiveBucket: s3.IBucket;
  /** Institutions get presigned upload links into `uploads/<institutionId>/` of this bucket. */
  readonly uploadsBucket: s3.IBucket;
  /** The key of the table, the archive and the uploads (reading needs kms:Decrypt, uploading kms:GenerateDataKey). */
  readonly dataKey: kms.IKey;
  /** @default lambda.Architecture.ARM_64 */
  readonly architecture?: lambda.Architecture;
  /**
   * Lifetime of a presigned report download link.
   * @default 300 seconds
   */
  readonly downloadLinkSeconds?: number;
  /**
   * Lifetime of a presigned upload link (at most 900).
   * @default 900 seconds
   */
  readonly uploadLinkSeconds?: number;
  /**
   * Steady-state requests per second across the API.
   * @default 20
   */
  readonly rateLimit?: number;
  /** @default 40 */
  readonly burstLimit?: number;
}

/**
 * The regulators' and institutions' HTTP API: SigV4 (IAM) authorization on every route, access logs,
 * throttling, and a function that lists reports (by institution, or by jurisdiction and kind),
 * hands out short-lived download and upload links (each an audit event) and verifies reports.
 * Callers need `execute-api:Invoke` on the API's routes (see infra/README.md).
 */
export class RegulatorApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly function: lambda.IFunction;

  constructor(scope: Construct, id: string, props: RegulatorApiProps) {
    super(scope, id);
    const fn = new DossierFunction(this, 'Handler', {
      entry: 'functions/api/handler.ts',
      serviceName: 'regulator-api',
      description: 'Reports API: lists reports, presigns downloads and uploads, verifies reports; audits every grant.',
      architecture: props.architecture,
      memorySize: 512,
      environment: {
        RECORDS_TABLE: props.recordsTable.tableName,
        ARCHIVE_BUCKET: props.archiveBucket.bucketName,
        DOWNLOAD_LINK_SECONDS: String(props.downloadLinkSeconds ?? 300),
        UPLOADS_BUCKET: props.uploadsBucket.bucketName,
        UPLOAD_LINK_SECONDS: String(props.uploadLinkSeconds ?? 900),
      },
    });
    this.function = fn.function;
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadRecords',
        actions: ['dynamodb:Query', 'dynamodb:GetItem'],
        resources: [props.recordsTable.tableArn, `${props.recordsTable.tableArn}/index/GSI2`],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'AuditGrants',
        actions: ['dynamodb:PutItem'],
        resources: [props.recordsTable.tableArn],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PresignUploads',
        actions: ['s3:PutObject'],
        resources: [props.uploadsBucket.arnForObjects(`${UPLOADS_PREFIX}*`)],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PresignReports',
        actions: ['s3:GetObject'],
        resources: [props.archiveBucket.arnForObjects(`${REPORTS_PREFIX}*`)],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DecryptData',
        actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
        resources: [props.dataKey.keyArn],
      }),
    );
    const archive = props.archiveBucket.node.defaultChild as s3.CfnBucket;
    acknowledgeNag(
      fn.role,
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(archive)}.Arn>/${REPORTS_PREFIX}*]`,
      'Presigns downloads of archived reports under reports/ only; which report is asked for is known per request.',
    );
    const uploads = props.uploadsBucket.node.defaultChild as s3.CfnBucket;
    acknowledgeNag(
      fn.role,
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(uploads)}.Arn>/${UPLOADS_PREFIX}*]`,
      'Presigns uploads under uploads/ only; the function checks per request that an institution uploads under its own prefix.',
    );

    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Reports API for regulators and institutions (IAM authorization).',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new apigwv2.HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 20, burstLimit: props.burstLimit ?? 40 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigateway.AccessLogFormat.jsonWithStandardFields({
          caller: true,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
      },
    });
    const integration = new HttpLambdaIntegration('Reports', fn.function);
    for (const route of API_ROUTES) {
      this.api.addRoutes({ path: route.path, methods: [route.method], integration });
    }
  }
}
