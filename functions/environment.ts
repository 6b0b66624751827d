/**
 * The functions' environments (set by the CDK stack) and their parsing, apart from the adapters
 * so that a function imports only what it uses: the API needs no OCR engine.
 */
import { z } from 'zod';
import { OCR_ENGINE_NAMES } from './ocr-engines.js';

const name = z.string().min(1);

/** Environment of the processing (ingest) function. */
export const IngestEnvironment = z.object({
  UPLOADS_BUCKET: name,
  ARCHIVE_BUCKET: name,
  RECORDS_TABLE: name,
  IDEMPOTENCY_TABLE: name,
  /** Key id or ARN of the asymmetric signing key. */
  SIGNING_KEY_ID: name,
  /** SSM parameter holding the PEM certificate chain of the signing key. */
  CERTIFICATE_PARAMETER: name.regex(/^\//, 'a fully qualified parameter name'),
  OCR_ENGINE: z.enum(OCR_ENGINE_NAMES).default('tesseract'),
  OCR_WORKERS: z.coerce.number().int().min(1).max(8).default(2),
  AWS_LAMBDA_FUNCTION_NAME: z.string().default('ingest'),
});
export type IngestEnvironment = z.infer<typeof IngestEnvironment>;

/** Environment of the regulators' and institutions' API function. */
export const ApiEnvironment = z.object({
  RECORDS_TABLE: name,
  ARCHIVE_BUCKET: name,
  /** The ingest bucket institutions upload into; without it, upload links are refused (501). */
  UPLOADS_BUCKET: name.optional(),
  /** Presigned links live at most 15 minutes. */
  DOWNLOAD_LINK_SECONDS: z.coerce.number().int().min(30).max(900).default(300),
  UPLOAD_LINK_SECONDS: z.coerce.number().int().min(30).max(900).default(900),
  /** Prefix of the IAM role names that identify callers (`<prefix>regulator-YN`, `<prefix>institution-<id>`). */
  PRINCIPAL_ROLE_PREFIX: z.string().default('dossier-'),
});
export type ApiEnvironment = z.infer<typeof ApiEnvironment>;

/** Parses an environment, naming every missing or invalid variable at once. */
export function readEnvironment<T extends z.ZodType>(schema: T, env: Record<string, string | undefined> = process.env): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid function environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

