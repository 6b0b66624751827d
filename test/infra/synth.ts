/** Synthesizes the stack for assertion tests: the context of cdk.json, bundling skipped, a private outdir. */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../infra/app.js';
import { PROJECT_ROOT } from '../../infra/constructs/dossier-function.js';
import type { DossierStack } from '../../infra/dossier-stack.js';

export const CDK_CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context;

export interface Synthesized {
  app: App;
  stack: DossierStack;
  template: Template;
  /** The cloud assembly folder. */
  outdir: string;
  /** Removes the cloud assembly folder. */
  cleanup(): void;
}

export interface SynthOptions {
  /** Run esbuild and the runtime-module copy. @default false */
  bundle?: boolean;
  /** Changes the stack before it is synthesized. */
  extend?: (stack: DossierStack) => void;
  /**
   * Run aws-cdk-lib's built-in CloudFormation validation (it catches dependency cycles; about 3 s of
   * CPU a synth). `npm run synth` always runs it.
   * @default false
   */
  cfnValidation?: boolean;
}

/** Builds the app with `context` on top of cdk.json's, and synthesizes it. */
export function synth(context: Record<string, unknown> = {}, options: SynthOptions = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-test-'));
  const app = new App({
    outdir,
    builtinCloudFormationValidation: options.cfnValidation ?? false,
    context: { ...CDK_CONTEXT, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...context },
  });
  const stack = buildApp(app);
  options.extend?.(stack);
  // Runs the validation plugins (cdk-nag): an unacknowledged finding throws here.
  const cleanup = () => rmSync(outdir, { recursive: true, force: true });
  try {
    return { app, stack, template: Template.fromStack(stack), outdir, cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}

type Json = Record<string, any>;

/** Resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): [string, Json][] {
  return Object.entries(template.findResources(type));
}

/** The logical id of the only resource of `type` whose logical id starts with `prefix`. */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = resourcesOf(template, type)
    .map(([id]) => id)
    .filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} named ${prefix}*, found ${ids.join(', ') || 'none'}`);
  return ids[0];
}

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: unknown;
  Condition?: Json;
  Sid?: string;
}

export const actionsOf = (s: Statement): string[] => [s.Action ?? []].flat();

/** Every IAM statement granted to each role: its inline policies and the AWS::IAM::Policy resources attached to it. */
export function statementsByRole(template: Template): Map<string, Statement[]> {
  const byRole = new Map<string, Statement[]>();
  for (const [id, role] of resourcesOf(template, 'AWS::IAM::Role')) {
    byRole.set(id, (role.Properties.Policies ?? []).flatMap((p: Json) => p.PolicyDocument.Statement));
  }
  for (const [, policy] of resourcesOf(template, 'AWS::IAM::Policy')) {
    for (const ref of policy.Properties.Roles ?? []) {
      const roleId = ref.Ref as string;
      byRole.get(roleId)?.push(...policy.Properties.PolicyDocument.Statement);
    }
  }
  return byRole;
}
