import { describe, expect, it } from 'vitest';
import { decodeS3Key, objectsCreated, UnprocessableEventError, uploadLocation } from '../../functions/ingest/s3-events.js';

/** An S3 event notification body as S3 puts it on the queue. */
function s3Event(records: { key: string; eventName?: string; versionId?: string; bucket?: string }[]): string {
  return JSON.stringify({
    Records: records.map((r) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'cn-northwest-1',
      eventTime: '2026-01-05T08:00:00.000Z',
      eventName: r.eventName ?? 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'uploads',
        bucket: { name: r.bucket ?? 'ingest-bucket', arn: `arn:aws-cn:s3:::${r.bucket ?? 'ingest-bucket'}` },
        object: { key: r.key, size: 1024, eTag: 'd41d8cd98f00b204e9800998ecf8427e', versionId: r.versionId, sequencer: '0065A1B2C3D4E5F6' },
      },
    })),
  });
}

describe('S3 events from SQS', () => {
  it('decodes keys the way S3 encodes them (spaces as +, UTF-8 percent-encoded)', () => {
    expect(decodeS3Key('uploads/yn-01/%E4%BA%8B%E5%AE%9E+%E8%AE%A4%E5%AE%9A%E6%9D%90%E6%96%99.pdf')).toBe('uploads/yn-01/事实 认定材料.pdf');
    expect(decodeS3Key('uploads/yn-01/a%2Bb.pdf')).toBe('uploads/yn-01/a+b.pdf');
    expect(() => decodeS3Key('uploads/yn-01/%E4%BA.pdf')).toThrow(UnprocessableEventError);
  });

  it('returns the created objects with their versions', () => {
    const objects = objectsCreated(s3Event([{ key: 'uploads/yn-01/scan+1.pdf', versionId: 'v1' }, { key: 'uploads/cq-02/b.png', eventName: 'ObjectCreated:CompleteMultipartUpload' }]));
    expect(objects).toEqual([
      { bucket: 'ingest-bucket', key: 'uploads/yn-01/scan 1.pdf', versionId: 'v1', eTag: 'd41d8cd98f00b204e9800998ecf8427e', size: 1024 },
      { bucket: 'ingest-bucket', key: 'uploads/cq-02/b.png', versionId: undefined, eTag: 'd41d8cd98f00b204e9800998ecf8427e', size: 1024 },
    ]);
  });

  it('skips the test event, removals and console folder markers', () => {
    expect(objectsCreated(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2026-01-05T08:00:00Z', Bucket: 'ingest-bucket' }))).toEqual([]);
    expect(objectsCreated(s3Event([{ key: 'uploads/yn-01/a.pdf', eventName: 'ObjectRemoved:Delete' }]))).toEqual([]);
    expect(objectsCreated(s3Event([{ key: 'uploads/yn-01/' }]))).toEqual([]);
  });

  it.each([
    ['not JSON', 'hello'],
    ['another event source', JSON.stringify({ Records: [{ eventSource: 'aws:sns', eventName: 'x' }] })],
    ['no records', JSON.stringify({ detail: {} })],
  ])('rejects a body that is %s', (_label, body) => {
    expect(() => objectsCreated(body)).toThrow(UnprocessableEventError);
  });

  it('derives the institution and file name from the key', () => {
    expect(uploadLocation('uploads/91530100MA6K000001/2024/会议纪要.pdf')).toEqual({ institutionId: '91530100MA6K000001', fileName: '会议纪要.pdf' });
    expect(uploadLocation('uploads/yn-dianzhong/a.pdf')).toEqual({ institutionId: 'yn-dianzhong', fileName: 'a.pdf' });
  });

  it.each([['reports/yn-01/a.pdf'], ['uploads/a.pdf'], ['uploads//a.pdf'], ['uploads/../a.pdf'], ['uploads/yn 01/a.pdf'], ['uploads/yn-01/']])(
    'rejects %s, which is not uploads/<institutionId>/<file>',
    (key) => {
      expect(() => uploadLocation(key)).toThrow(UnprocessableEventError);
    },
  );
});
