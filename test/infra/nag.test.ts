/**
 * cdk-nag AwsSolutions checks: the stack synthesizes with no unacknowledged finding, every
 * acknowledgement carries a written reason, and the checks do run (a bad resource fails the synth).
 */
import { Validations, type Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { synth } from './synth.js';

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Every acknowledgement recorded in the construct tree (`Validations.of(c).acknowledge` stores node metadata). */
function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason }))),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged, and every acknowledgement has a reason', () => {
    // synth() calls Template.fromStack, which runs the validation plugins (cdk-nag, and here also the
    // built-in CloudFormation validation) and throws on an unacknowledged finding.
    const { app, cleanup } = synth({}, { cfnValidation: true });
    cleanup();
    const acknowledgements = acknowledgementsIn(app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const ack of acknowledgements) {
      expect(ack.id, ack.path).toMatch(/^AwsSolutions::AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(40);
    }
    // Only findings that cannot be fixed are acknowledged: the nodejs22.x runtime, X-Ray's
    // Resource "*", object-key wildcards under fixed prefixes, and CDK's notification handler.
    expect(new Set(acknowledgements.map((a) => a.id.replace('AwsSolutions::', '').replace(/<Storage[A-Za-z0-9]+\.Arn>/, '<bucket>')))).toEqual(
      new Set([
        'AwsSolutions-L1',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::<bucket>/uploads/*]',
        'AwsSolutions-IAM5[Resource::<bucket>/reports/*]',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      ]),
    );
  });

  it('fails the synth on an unacknowledged finding', () => {
    const addUnencryptedQueue = (stack: Stack) => new sqs.Queue(stack, 'Unencrypted', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => synth({}, { extend: addUnencryptedQueue })).toThrow(/AwsSolutions-SQS2/);
  });
});
