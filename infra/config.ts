/**
 * Deployment configuration: typed CDK context with defaults.
 *
 * Every value can be set in `cdk.json` under `context`, or on the command line:
 * `npx cdk synth -c stage=prod -c retentionYears=15 -c allowedJurisdictions=YN,CQ`.
 */
import { z } from 'zod';
import { JURISDICTIONS, type Jurisdiction } from '../shared/domain/jurisdiction.js';
import { OCR_ENGINE_NAMES } from '../functions/ocr-engines.js';

export { OCR_ENGINE_NAMES, type OcrEngineName } from '../functions/ocr-engines.js';

export const LAMBDA_ARCHITECTURES = ['arm64', 'x86_64'] as const;
export type LambdaArchitectureName = (typeof LAMBDA_ARCHITECTURES)[number];

const JURISDICTION_CODES = Object.keys(JURISDICTIONS) as [Jurisdiction, ...Jurisdiction[]];

/** A list given either as a JSON array (cdk.json) or as a comma-separated string (`-c key=a,b`). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter((s) => s !== '') : value),
    z.array(item),
  );

/** A number given either as a number (cdk.json) or as a string (`-c key=10`). */
const int = (min: number, max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), z.number().int().min(min).max(max));

export const DeploymentConfig = z.object({
  /** Deployment stage, part of every resource name. @default 'dev' */
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,15}$/, 'stage: lower-case letters, digits and dashes, at most 16 characters')
    .default('dev'),
  /** Region to deploy to. @default the CLI's region (`CDK_DEFAULT_REGION`); an environment-agnostic stack without one */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/).optional(),
  /** Years an archived report stays locked (S3 Object Lock, compliance mode). @default 10 */
  retentionYears: int(1, 100).default(10),
  /** OCR engine of the processing function. @default 'tesseract' */
  ocrEngine: z.enum(OCR_ENGINE_NAMES).default('tesseract'),
  /**
   * Jurisdictions whose rule sets this deployment serves (codes of `shared/domain/jurisdiction.ts`).
   * Validated here; not yet enforced: the pipeline's configuration has no field for it.
   * @default all
   */
  allowedJurisdictions: list(z.enum(JURISDICTION_CODES)).default([...JURISDICTION_CODES]),
  /**
   * SSM parameter holding the PEM certificate chain issued for the signing key (certificate first,
   * then intermediates). Created outside the stack, after a CA has certified the key's public key.
   * @default `/guarantee-dossier/<stage>/signing-certificate`
   */
  certificateParameterName: z
    .string()
    .regex(/^\/[A-Za-z0-9_.\-/]+$/, 'certificateParameterName: a fully qualified SSM parameter name starting with /')
    .optional(),
  /** CPU architecture of the functions. @default 'arm64' */
  architecture: z.enum(LAMBDA_ARCHITECTURES).default('arm64'),
  /** E-mail address subscribed to the alarm topic. @default no subscription */
  alarmEmail: z.email().optional(),
});
export type DeploymentConfig = z.infer<typeof DeploymentConfig> & { certificateParameterName: string };

export const APP_NAME = 'guarantee-dossier';

/** Reads the configuration from a context lookup (`(key) => node.tryGetContext(key)`), applying defaults. */
export function readDeploymentConfig(context: (key: string) => unknown): DeploymentConfig {
  const raw = Object.fromEntries(
    Object.keys(DeploymentConfig.shape)
      .map((key) => [key, context(key)] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = DeploymentConfig.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(context)'}: ${i.message}`).join('\n');
    throw new Error(`Invalid deployment context:\n${problems}`);
  }
  return {
    ...parsed.data,
    certificateParameterName: parsed.data.certificateParameterName ?? `/${APP_NAME}/${parsed.data.stage}/signing-certificate`,
  };
}
