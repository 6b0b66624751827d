import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { LocalSigner } from '../../shared/adapters/local-signer.js';
import { signPdf } from '../../shared/signing/sign-pdf.js';
import { VERIFY_PROBLEMS, verifySignedPdf } from '../../shared/signing/verify.js';
import { findSignatureDictionaries } from '../../shared/signing/pdf-signature-dictionary.js';
import { assertCommandAvailable, makeChinesePdf, pdfsig, temporaryDirectory } from './signing-fixtures.js';

const meta = {
  signerName: '政府性融资担保文书处理系统',
  reason: '核验报告签发（不可篡改）',
  location: '中国 北京',
  signingTime: new Date('2025-03-01T08:00:00Z'),
};

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('signPdf with a local key', () => {
  const dirs = temporaryDirectory('local-signers-');
  let unsigned: Uint8Array;

  beforeAll(async () => {
    assertCommandAvailable('pdfsig', ['-v'], 'poppler-utils');
    unsigned = await makeChinesePdf();
  });
  afterAll(() => dirs.remove());

  describe.each(['RSA_SHA256', 'ECDSA_SHA256'] as const)('%s', (algorithm) => {
    let signer: LocalSigner;
    let signed: Uint8Array;

    beforeAll(async () => {
      signer = await LocalSigner.loadOrCreate(`${dirs.path}/${algorithm}`, { algorithm });
      signed = await signPdf(unsigned, signer, meta);
    });

    it('is a valid PAdES signature for poppler, covering the whole file', () => {
      const report = pdfsig(signed);

      expect(report.output).toContain('Signature Field Name: Signature1');
      expect(report.output).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report.output).toContain('Signing Hash Algorithm: SHA-256');
      expect(report.output).toContain('Total document signed');
      expect(report.output).toContain('Signer Certificate Common Name: 政府性融资担保文书处理系统（本地测试签章，仅限本地使用）');
      expect(report.valid).toBe(true);
    });

    it('verifies on its own against the archived hash and certificate', async () => {
      const result = await verifySignedPdf(signed, {
        sha256: sha256Hex(signed),
        certificateSha256: await signer.certificateSha256(),
      });

      expect(result).toEqual({
        valid: true,
        problems: [],
        signerName: meta.signerName,
        certificateSha256: await signer.certificateSha256(),
        signingTime: '2025-03-01T08:00:00.000Z',
      });
    });

    it('flags a byte changed inside the signed range', async () => {
      const tampered = flipByteInsideFirstRange(signed);

      expect(pdfsig(tampered).digestMismatch).toBe(true);
      const result = await verifySignedPdf(tampered);
      expect(result.valid).toBe(false);
      expect(result.problems).toContain(VERIFY_PROBLEMS.tampered);
    });
  });

  it('writes Chinese reason, location and name as UTF-16 text strings', async () => {
    const signer = await LocalSigner.loadOrCreate(`${dirs.path}/RSA_SHA256`);
    const signed = await signPdf(unsigned, signer, meta);

    const doc = await PDFDocument.load(signed);
    const dictionary = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .find((object): object is PDFDict => object instanceof PDFDict && object.has(PDFName.of('ByteRange')));
    const text = (key: string) => dictionary?.lookup(PDFName.of(key), PDFString).decodeText();
    expect([text('Reason'), text('Location'), text('Name')]).toEqual([meta.reason, meta.location, meta.signerName]);
  });

  it('fails the certificate check when another key signed the same report', async () => {
    const archived = await LocalSigner.loadOrCreate(`${dirs.path}/RSA_SHA256`);
    const other = await LocalSigner.loadOrCreate(`${dirs.path}/other`);
    const signedByOther = await signPdf(unsigned, other, meta);

    expect(pdfsig(signedByOther).valid).toBe(true); // the signature itself is sound ...
    const result = await verifySignedPdf(signedByOther, { certificateSha256: await archived.certificateSha256() });
    expect(result.valid).toBe(false); // ... but not by the archived certificate
    expect(result.problems).toEqual([VERIFY_PROBLEMS.certificateMismatch]);
  });

  it('reports an unsigned file, a changed archive hash and bytes appended after signing', async () => {
    const signer = await LocalSigner.loadOrCreate(`${dirs.path}/RSA_SHA256`);
    const signed = await signPdf(unsigned, signer, meta);
    const appended = new Uint8Array([...signed, ...new TextEncoder().encode('\n% appended\n')]);

    expect((await verifySignedPdf(unsigned)).problems).toEqual([VERIFY_PROBLEMS.noSignature]);
    expect((await verifySignedPdf(signed, { sha256: sha256Hex(unsigned) })).problems).toEqual([
      VERIFY_PROBLEMS.fileHashMismatch,
    ]);
    expect((await verifySignedPdf(appended)).problems).toEqual([VERIFY_PROBLEMS.appendedAfterSigning]);
  });

  it('reports a byte range with a gap and a forged signature value', async () => {
    const signer = await LocalSigner.loadOrCreate(`${dirs.path}/RSA_SHA256`);
    const signed = await signPdf(unsigned, signer, meta);
    const [{ byteRange }] = findSignatureDictionaries(signed);
    const text = Buffer.from(signed).toString('latin1');

    const written = `/ByteRange [${byteRange.join(' ')}`;
    const gapped = text.replace(written, `/ByteRange [0 ${byteRange[1] - 10} ${byteRange.slice(2).join(' ')}`);
    const lastSignatureDigit = text.slice(0, byteRange[2] - 1).replace(/0+$/, '').length - 1;
    const forged = text.slice(0, lastSignatureDigit) + (text[lastSignatureDigit] === 'f' ? 'e' : 'f') + text.slice(lastSignatureDigit + 1);

    expect(gapped).not.toBe(text);
    expect((await verifySignedPdf(Buffer.from(gapped, 'latin1'))).problems).toEqual([VERIFY_PROBLEMS.incompleteCoverage]);
    expect(pdfsig(Buffer.from(forged, 'latin1')).valid).toBe(false);
    expect((await verifySignedPdf(Buffer.from(forged, 'latin1'))).problems).toEqual([VERIFY_PROBLEMS.badSignatureValue]);
  });

  it('refuses to re-sign a signed file (that would break the first signature)', async () => {
    const signer = await LocalSigner.loadOrCreate(`${dirs.path}/RSA_SHA256`);
    const signed = await signPdf(unsigned, signer, meta);

    await expect(signPdf(signed, signer, meta)).rejects.toThrow(/already signed/);
  });
});

/** Flips the lowest bit of a byte in the middle of the first signed range. */
function flipByteInsideFirstRange(pdf: Uint8Array): Uint8Array {
  const [signature] = findSignatureDictionaries(pdf);
  const [, firstLength] = signature.byteRange;
  const copy = pdf.slice();
  copy[Math.floor(firstLength / 2)] ^= 0x01;
  return copy;
}
