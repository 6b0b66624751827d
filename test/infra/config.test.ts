import { describe, expect, it } from 'vitest';
import { readDeploymentConfig } from '../../infra/config.js';

const from = (context: Record<string, unknown>) => readDeploymentConfig((key) => context[key]);

describe('deployment configuration', () => {
  it('has documented defaults', () => {
    expect(from({})).toEqual({
      stage: 'dev',
      retentionYears: 10,
      ocrEngine: 'tesseract',
      allowedJurisdictions: ['NX', 'YN', 'SX', 'XJ', 'CQ'],
      architecture: 'arm64',
      certificateParameterName: '/guarantee-dossier/dev/signing-certificate',
    });
  });

  it('reads command-line strings (-c key=value) and cdk.json values alike', () => {
    const config = from({ stage: 'prod', retentionYears: '15', allowedJurisdictions: 'YN, CQ', region: 'cn-northwest-1', alarmEmail: 'ops@example.cn' });
    expect(config).toMatchObject({ stage: 'prod', retentionYears: 15, allowedJurisdictions: ['YN', 'CQ'], region: 'cn-northwest-1', alarmEmail: 'ops@example.cn' });
    expect(config.certificateParameterName).toBe('/guarantee-dossier/prod/signing-certificate');
    expect(from({ allowedJurisdictions: ['NX'], retentionYears: 7 })).toMatchObject({ allowedJurisdictions: ['NX'], retentionYears: 7 });
  });

  it.each([
    [{ stage: 'Prod!' }, /stage/],
    [{ retentionYears: '0' }, /retentionYears/],
    [{ retentionYears: 'ten' }, /retentionYears/],
    [{ ocrEngine: 'paddle' }, /ocrEngine/],
    [{ allowedJurisdictions: 'YN,BJ' }, /allowedJurisdictions/],
    [{ certificateParameterName: 'no-slash' }, /certificateParameterName/],
    [{ architecture: 'x86' }, /architecture/],
  ])('rejects %o', (context, message) => {
    expect(() => from(context)).toThrow(message);
  });
});
