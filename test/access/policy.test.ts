import { describe, expect, it } from 'vitest';
import { canListInstitution, canListJurisdiction, canSeeReport, canUpload, fileNameProblem, MAX_FILE_NAME_CHARS, uploadKey } from '../../shared/access/policy.js';
import { formatPrincipal, parsePrincipal, principalFromIamArn, type Principal } from '../../shared/access/principal.js';

const yn: Principal = { kind: 'regulator', jurisdiction: 'YN' };
const instA: Principal = { kind: 'institution', institutionId: 'yn-a' };

describe('principals', () => {
  it.each([
    ['regulator:YN', yn],
    ['institution:yn-a', instA],
    [' institution:yn-a ', instA],
    ['regulator:ZZ', undefined],
    ['regulator:yn', undefined],
    ['institution:../x', undefined],
    ['institution:', undefined],
    ['admin:YN', undefined],
    [undefined, undefined],
  ])('parses %j', (text, expected) => {
    expect(parsePrincipal(text)).toEqual(expected);
  });

  it('formats what it parses', () => {
    expect(parsePrincipal(formatPrincipal(yn))).toEqual(yn);
    expect(parsePrincipal(formatPrincipal(instA))).toEqual(instA);
  });

  it.each([
    ['arn:aws-cn:sts::123456789012:assumed-role/dossier-regulator-YN/alice', yn],
    ['arn:aws:iam::123456789012:role/dossier-regulator-YN', yn],
    ['arn:aws:iam::123456789012:role/team/dossier-institution-yn-a', instA],
    ['arn:aws:sts::123456789012:assumed-role/dossier-institution-yn-a/session-1', instA],
    ['arn:aws:sts::123456789012:assumed-role/regulator/alice', undefined],
    ['arn:aws:sts::123456789012:assumed-role/dossier-regulator-ZZ/alice', undefined],
    ['arn:aws:sts::123456789012:assumed-role/dossier-admin/alice', undefined],
    ['arn:aws:iam::123456789012:user/dossier-regulator-YN', undefined],
    ['arn:aws:sts::123456789012:assumed-role/x-dossier-regulator-YN/alice', undefined],
    [undefined, undefined],
  ])('maps the IAM identity %s', (arn, expected) => {
    expect(principalFromIamArn(arn)).toEqual(expected);
  });

  it('honours another role prefix', () => {
    expect(principalFromIamArn('arn:aws:iam::123456789012:role/gd-regulator-NX', 'gd-')).toEqual({ kind: 'regulator', jurisdiction: 'NX' });
    expect(principalFromIamArn('arn:aws:iam::123456789012:role/dossier-regulator-NX', 'gd-')).toBeUndefined();
  });
});

describe('authorization', () => {
  const report = (institutionId: string, jurisdiction?: string) => ({ institutionId, jurisdiction });

  it('lets a regulator see its jurisdiction only', () => {
    expect(canSeeReport(yn, report('yn-a', 'YN'))).toBe(true);
    expect(canSeeReport(yn, report('nx-a', 'NX'))).toBe(false);
    expect(canSeeReport(yn, report('x'))).toBe(false);
    expect(canListJurisdiction(yn, 'YN')).toBe(true);
    expect(canListJurisdiction(yn, 'NX')).toBe(false);
  });

  it('lets an institution see only itself, whatever the jurisdiction', () => {
    expect(canSeeReport(instA, report('yn-a', 'YN'))).toBe(true);
    expect(canSeeReport(instA, report('yn-b', 'YN'))).toBe(false);
    expect(canListInstitution(instA, 'yn-a')).toBe(true);
    expect(canListInstitution(instA, 'yn-b')).toBe(false);
    expect(canListJurisdiction(instA, 'YN')).toBe(false);
  });

  it('grants uploads to the institution itself only', () => {
    expect(canUpload(instA, 'yn-a')).toBe(true);
    expect(canUpload(instA, 'yn-b')).toBe(false);
    expect(canUpload(yn, 'yn-a')).toBe(false);
    expect(uploadKey('yn-a', '授信审批表.pdf')).toBe('uploads/yn-a/授信审批表.pdf');
  });

  it.each(['授信审批表.pdf', '2025年 尽职免责（申请书）v2.pdf', 'scan_001-a.tif', 'Ａ.pdf'])('accepts the file name %j', (name) => {
    expect(fileNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['../a.pdf', 'traversal'],
    ['a/../../b.pdf', 'separator'],
    ['..', 'dots only'],
    ['a..pdf', 'double dot'],
    ['a\\b.pdf', 'backslash'],
    ['.hidden', 'leading dot'],
    ['a\u0000.pdf', 'NUL'],
    ['a\n.pdf', 'newline'],
    ['a\u202e.pdf', 'bidi override'],
    ['a#1.pdf', 'hash'],
    ['a?.pdf', 'question mark'],
    ['a%2f.pdf', 'percent'],
    ['a.pdf ', 'trailing space'],
    ['x'.repeat(MAX_FILE_NAME_CHARS + 1), 'too many characters'],
    ['报'.repeat(90), 'too many bytes'],
    ['e\u0301.pdf', 'not NFC'],
  ])('refuses %j (%s)', (name) => {
    expect(fileNameProblem(name)).toBeTypeOf('string');
  });
});
