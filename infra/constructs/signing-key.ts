import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** The signing algorithm of the reports (RSASSA-PKCS1-v1_5 with SHA-256, the Signer port's `RSA_SHA256`). */
export const REPORT_SIGNING_ALGORITHM = 'RSASSA_PKCS1_V1_5_SHA_256';

export interface SigningKeyProps {
  /**
   * Alias of the key, without the `alias/` prefix.
   * @default none
   */
  readonly alias?: string;
  /**
   * An asymmetric key cannot be re-created with the same public key: keep it.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The asymmetric KMS key (RSA 2048, SIGN_VERIFY) whose certificate signs the reports. Its private
 * half never leaves KMS. Exactly one role may sign with it: {@link SigningKey.allowSigning} grants
 * that role `kms:Sign` and makes the key policy deny `kms:Sign` to every other principal, account
 * administrators included.
 */
export class SigningKey extends Construct {
  readonly key: kms.IKey;
  private signer?: iam.IRole;

  constructor(scope: Construct, id: string, props: SigningKeyProps = {}) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Signs the archived reports (RSA 2048, RSASSA-PKCS1-v1_5 SHA-256). Certificate issued for its public key.',
      keySpec: kms.KeySpec.RSA_2048,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      alias: props.alias,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }

  /** Lets `role` (and only `role`) sign with the key, with the reports' algorithm only, and read its public key. */
  allowSigning(role: iam.IRole): void {
    if (this.signer) throw new Error(`${this.node.path}: only one role may sign; ${this.signer.node.path} already does`);
    this.signer = role;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SignReports',
        actions: ['kms:Sign'],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:SigningAlgorithm': REPORT_SIGNING_ALGORITHM } },
      }),
    );
    // The public key is public; the function compares it with its certificate at start-up.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'ReadSigningPublicKey', actions: ['kms:GetPublicKey'], resources: [this.key.keyArn] }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OnlyTheReportFunctionSigns',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:Sign'],
        resources: ['*'],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': role.roleArn } },
      }),
    );
  }
}
