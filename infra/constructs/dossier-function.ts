import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeNag } from '../nag.js';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeRequest, type RuntimeModule, type TargetPlatform } from '../bundling/runtime-modules.js';

/** The project root (the folder of package.json and package-lock.json). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Metric namespace of every function's Powertools metrics. */
export const METRICS_NAMESPACE = 'GuaranteeDossier';

/**
 * ESM bundles of CommonJS code call `require` for Node built-ins and read `__dirname` (the X-Ray SDK
 * does); ESM has neither, so the bundle defines them (Powertools' documented banner, plus the two paths).
 */
const ESM_BANNER = [
  "import{createRequire as __dossierCreateRequire}from'node:module';",
  "import{fileURLToPath as __dossierFileURLToPath}from'node:url';",
  "import{dirname as __dossierDirname}from'node:path';",
  'const require=__dossierCreateRequire(import.meta.url);',
  'const __filename=__dossierFileURLToPath(import.meta.url);',
  'const __dirname=__dossierDirname(__filename);',
].join('');

export interface DossierFunctionProps {
  /** Entry file, relative to the project root (e.g. `functions/ingest/handler.ts`). */
  readonly entry: string;
  /** Service name in logs, traces and metrics dimensions. */
  readonly serviceName: string;
  readonly description: string;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default lambda.Architecture.ARM_64 */
  readonly architecture?: lambda.Architecture;
  /** Environment variables besides the Powertools ones. @default none */
  readonly environment?: Record<string, string>;
  /**
   * Packages shipped as files next to the bundle (see `infra/bundling/runtime-modules.ts`).
   * @default none: everything is bundled
   */
  readonly runtimeModules?: readonly RuntimeModule[];
  /**
   * Concurrency reserved for (and capping) this function.
   * @default none: the account's unreserved pool
   */
  readonly reservedConcurrentExecutions?: number;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
  /** @default 'INFO' */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/**
 * A Node.js Lambda the way this project runs them: nodejs22.x, ESM, minified esbuild bundle with
 * the AWS SDK v3 inside (tree-shaken, versions pinned by the lockfile), X-Ray tracing, JSON logs
 * into its own log group, and its own role with nothing attached but what callers grant.
 */
export class DossierFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.IRole;
  readonly logGroup: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: DossierFunctionProps) {
    super(scope, id);
    const architecture = props.architecture ?? lambda.Architecture.ARM_64;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.serviceName}: execution role`,
    });
    this.logGroup.grantWrite(role);
    this.role = role;

    const runtimeModules = props.runtimeModules ?? [];
    const platform: TargetPlatform = { os: 'linux', cpu: architecture === lambda.Architecture.ARM_64 ? 'arm64' : 'x64', libc: 'glibc' };
    const copyRequest = encodeRequest({ projectRoot: PROJECT_ROOT, modules: runtimeModules, platform });
    const copyScript = join(PROJECT_ROOT, 'infra', 'bundling', 'runtime-modules.ts');

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, props.entry),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[props.logLevel ?? 'INFO'],
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      tracing: lambda.Tracing.ACTIVE,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node22',
        platform: 'node',
        mainFields: ['module', 'main'],
        minify: true,
        keepNames: true,
        sourceMap: true,
        sourcesContent: false,
        banner: ESM_BANNER,
        // Bundle the AWS SDK (tree-shaken, pinned) instead of using the runtime's copy.
        bundleAwsSDK: true,
        externalModules: runtimeModules.map((m) => m.name),
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) =>
            runtimeModules.length === 0
              ? []
              : [[process.execPath, '--import', 'tsx', copyScript, outputDir, copyRequest].map(shellQuote).join(' ')],
        },
      },
    });

    // X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level permissions.
    acknowledgeNag(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) supports only Resource "*"; no other statement of this role uses it.',
    );
    acknowledgeNag(
      this.function,
      'AwsSolutions-L1',
      'nodejs22.x is the runtime the code is built and tested for (ESM target node22); moving to a newer runtime is a deliberate change with its own test run.',
    );
  }
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
