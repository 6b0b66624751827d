import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag AwsSolutions finding on `scope` (and its children), with the reason a
 * reviewer reads. `rule` is the finding id as cdk-nag prints it, e.g. `AwsSolutions-L1` or
 * `AwsSolutions-IAM5[Resource::*]`; it is qualified with the plugin name, since finding ids may
 * themselves contain `::`.
 */
export function acknowledgeNag(scope: IConstruct, rule: string, reason: string): void {
  if (!/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/.test(rule)) throw new Error(`not an AwsSolutions finding id: ${rule}`);
  if (reason.trim().length < 40) throw new Error(`${rule}: give a reason a reviewer can check (at least a sentence)`);
  Validations.of(scope).acknowledge({ id: `AwsSolutions::${rule}`, reason });
}
