import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PresignOptions, UrlSigner } from '../ports.js';

/**
 * Presigned URLs for the embedded default: `dossier serve` hands them out and answers them itself
 * (`<baseUrl>/objects/<store>/<key>?X-Amz-Date=…&X-Amz-Expires=…&X-Dossier-Signature=…`), over the
 * same folder stores `dossier process` writes. The signature is an HMAC-SHA256 of method, store,
 * key, date and lifetime with a secret that lives only as long as the server process.
 * The query parameters borrow S3's names for date and lifetime so clients read them the same way.
 */
export class LocalUrlSigner {
  private readonly secret: Buffer;

  constructor(
    private readonly baseUrl: string,
    secret: Uint8Array = randomBytes(32),
  ) {
    this.secret = Buffer.from(secret);
  }

  /** A signer for one store (`archive` for downloads, `uploads` for uploads). */
  forStore(store: string): UrlSigner {
    return {
      presignGet: async (key, options) => this.sign('GET', store, key, options),
      presignPut: async (key, options) => this.sign('PUT', store, key, options),
    };
  }

  private mac(method: string, store: string, key: string, date: string, expires: string): Buffer {
    return createHmac('sha256', this.secret).update([method, store, key, date, expires].join('\n')).digest();
  }

  private sign(method: 'GET' | 'PUT', store: string, key: string, options: PresignOptions): string {
    const date = amzDate(options.now);
    const expires = String(options.expiresInSeconds);
    const url = new URL(`${this.baseUrl}/objects/${encodeURIComponent(store)}/${key.split('/').map(encodeURIComponent).join('/')}`);
    url.searchParams.set('X-Amz-Date', date);
    url.searchParams.set('X-Amz-Expires', expires);
    url.searchParams.set('X-Dossier-Signature', this.mac(method, store, key, date, expires).toString('hex'));
    return url.toString();
  }

  /** Checks a request to `/objects/<store>/<key>`: `ok`, `expired`, or `invalid` (forged, altered, wrong method). */
  check(method: string, store: string, key: string, query: URLSearchParams, now: Date): 'ok' | 'expired' | 'invalid' {
    const date = query.get('X-Amz-Date') ?? '';
    const expires = query.get('X-Amz-Expires') ?? '';
    const signature = Buffer.from(query.get('X-Dossier-Signature') ?? '', 'hex');
    const expected = this.mac(method, store, key, date, expires);
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return 'invalid';
    const start = parseAmzDate(date);
    if (start === undefined || !/^\d+$/.test(expires)) return 'invalid';
    if (now.getTime() < start - 60_000) return 'invalid'; // signed in the future
    return now.getTime() > start + Number(expires) * 1000 ? 'expired' : 'ok';
  }
}

/** `YYYYMMDDTHHMMSSZ`, as in SigV4. */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}
