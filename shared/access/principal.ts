/**
 * Who is asking: a regulator (of one jurisdiction) or an institution (only itself). Pure; the
 * handlers map their caller identity to a Principal (IAM role names in AWS, a header locally).
 */
import { JURISDICTIONS, type Jurisdiction } from '../domain/jurisdiction.js';

export type Principal = { kind: 'regulator'; jurisdiction: Jurisdiction } | { kind: 'institution'; institutionId: string };

/** Institution ids as they appear in keys and routes (same rule as the ingest's upload keys). */
export const INSTITUTION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isJurisdiction(value: string): value is Jurisdiction {
  return Object.hasOwn(JURISDICTIONS, value);
}

/** `regulator:YN` or `institution:<id>`: the form used in audit events and by the local header. */
export function formatPrincipal(principal: Principal): string {
  return principal.kind === 'regulator' ? `regulator:${principal.jurisdiction}` : `institution:${principal.institutionId}`;
}

/** Parses `regulator:<jurisdiction>` or `institution:<id>`; anything else is undefined. */
export function parsePrincipal(value: string | undefined): Principal | undefined {
  const match = /^(regulator|institution):(.+)$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, kind, id] = match;
  if (kind === 'regulator') return isJurisdiction(id) ? { kind: 'regulator', jurisdiction: id } : undefined;
  return INSTITUTION_ID.test(id) ? { kind: 'institution', institutionId: id } : undefined;
}

/** Default prefix of the IAM role names that carry a principal (see {@link principalFromIamArn}). */
export const DEFAULT_ROLE_PREFIX = 'dossier-';

/**
 * Maps the IAM identity API Gateway verified (SigV4) to a principal, by role name:
 * `<prefix>regulator-<JURISDICTION>` (e.g. `dossier-regulator-YN`) or `<prefix>institution-<id>`
 * (e.g. `dossier-institution-yn-dianzhong`). Accepts assumed-role session ARNs
 * (`arn:<partition>:sts::<account>:assumed-role/<role>/<session>`) and role ARNs (with a path).
 * Users and roles outside the convention map to undefined (no access): whoever may create roles
 * with these names in the account decides who is whom.
 */
export function principalFromIamArn(arn: string | undefined, prefix = DEFAULT_ROLE_PREFIX): Principal | undefined {
  if (!arn) return undefined;
  const match = /^arn:aws[a-z-]*:(?:sts::\d{12}:assumed-role\/([^/]+)\/[^/]+|iam::\d{12}:role\/(?:[^/]+\/)*([^/]+))$/.exec(arn);
  const role = match?.[1] ?? match?.[2];
  if (!role?.startsWith(prefix)) return undefined;
  const rest = role.slice(prefix.length);
  if (rest.startsWith('regulator-')) return parsePrincipal(`regulator:${rest.slice('regulator-'.length)}`);
  if (rest.startsWith('institution-')) return parsePrincipal(`institution:${rest.slice('institution-'.length)}`);
  return undefined;
}
