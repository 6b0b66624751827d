/**
 * S3 event notifications as they arrive through SQS: one SQS message body holds an S3 event with
 * one or more records, or the `s3:TestEvent` S3 sends when a notification is configured.
 */
import { z } from 'zod';

/** Where uploads live in the ingest bucket: `uploads/<institutionId>/<path to file>`. */
export const UPLOADS_PREFIX = 'uploads/';

/** Institution ids as they appear in keys: letters, digits, `_` and `-` (e.g. a credit code). */
const INSTITUTION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const S3EventRecord = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      size: z.number().int().min(0).optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

const S3Notification = z.union([
  z.object({ Event: z.literal('s3:TestEvent'), Service: z.string().optional(), Bucket: z.string().optional() }),
  z.object({ Records: z.array(S3EventRecord) }),
]);

/** One uploaded object version: what the pipeline runs on, and what idempotency is keyed on. */
export interface UploadedObject {
  bucket: string;
  key: string;
  /** S3 version id; absent only if the bucket is not versioned. */
  versionId?: string;
  eTag?: string;
  size?: number;
}

/** An object event that cannot be processed as sent (never retried with success). */
export class UnprocessableEventError extends Error {
  override name = 'UnprocessableEventError';
}

/** S3 sends keys URL-encoded, spaces as `+` (application/x-www-form-urlencoded). */
export function decodeS3Key(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    throw new UnprocessableEventError(`object key is not URL-encoded: ${key}`);
  }
}

/**
 * The objects created according to one SQS message body. A test event yields none; other event
 * types (removals, restores) and folder markers (keys ending in `/`, made by the S3 console) are
 * ignored. Malformed bodies throw {@link UnprocessableEventError}.
 */
export function objectsCreated(body: string): UploadedObject[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new UnprocessableEventError('message body is not JSON');
  }
  const parsed = S3Notification.safeParse(json);
  if (!parsed.success) throw new UnprocessableEventError(`not an S3 event notification: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`);
  if (!('Records' in parsed.data)) return [];
  return parsed.data.Records.filter((r) => r.eventName.startsWith('ObjectCreated:'))
    .map((r) => ({
      bucket: r.s3.bucket.name,
      key: decodeS3Key(r.s3.object.key),
      versionId: r.s3.object.versionId,
      eTag: r.s3.object.eTag,
      size: r.s3.object.size,
    }))
    .filter((o) => !o.key.endsWith('/'));
}

/** The institution an upload belongs to and the file's own name, from its key. */
export function uploadLocation(key: string): { institutionId: string; fileName: string } {
  if (!key.startsWith(UPLOADS_PREFIX)) throw new UnprocessableEventError(`key outside ${UPLOADS_PREFIX}: ${key}`);
  const parts = key.slice(UPLOADS_PREFIX.length).split('/');
  const [institutionId] = parts;
  const fileName = parts.at(-1) ?? '';
  if (parts.length < 2 || !INSTITUTION_ID.test(institutionId) || fileName === '') {
    throw new UnprocessableEventError(`key is not ${UPLOADS_PREFIX}<institutionId>/<file>: ${key}`);
  }
  return { institutionId, fileName };
}
