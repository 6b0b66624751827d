/**
 * CDK app entry (`cdk.json`: `npx tsx infra/app.ts`). One stack per stage, checked by cdk-nag's
 * AwsSolutions rules: an unacknowledged finding fails the synth.
 */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { APP_NAME, readDeploymentConfig, type DeploymentConfig } from './config.js';
import { DossierStack } from './dossier-stack.js';

/** Builds the app; tests call this with their own `App` (outdir, context). */
export function buildApp(app: App, config: DeploymentConfig = readDeploymentConfig((key) => app.node.tryGetContext(key))): DossierStack {
  const stack = new DossierStack(app, `GuaranteeDossier-${config.stage}`, {
    config,
    description: `Guarantee dossier pipeline (${config.stage}): scans in, records and signed Chinese reports out`,
    env: {
      account: process.env.CDK_DEFAULT_ACCOUNT,
      region: config.region ?? process.env.CDK_DEFAULT_REGION,
    },
  });
  Tags.of(stack).add('app', APP_NAME);
  Tags.of(stack).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}

const isEntry = process.argv[1] !== undefined && /infra[\\/]app\.ts$/.test(process.argv[1]);
if (isEntry) {
  const app = new App();
  buildApp(app);
  app.synth();
}
