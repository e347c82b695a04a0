import { checkEvidenceDocument, detectEvidenceDocumentType } from './evidence-documents';

const bytes = (text: string | number[]) => (typeof text === 'string' ? new TextEncoder().encode(text) : Uint8Array.from(text));

describe('detectEvidenceDocumentType', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(detectEvidenceDocumentType(bytes('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(detectEvidenceDocumentType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(detectEvidenceDocumentType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });

  it('refuses an executable, whatever its name', () => {
    expect(detectEvidenceDocumentType(bytes('MZ\x90\x00'))).toBeNull();
    expect(detectEvidenceDocumentType(bytes([0x7f, 0x45, 0x4c, 0x46]))).toBeNull();
    expect(detectEvidenceDocumentType(bytes('%PD'))).toBeNull();
    expect(detectEvidenceDocumentType(new Uint8Array())).toBeNull();
  });
});

describe('checkEvidenceDocument', () => {
  it('accepts a PDF up to exactly 10 MB', () => {
    expect(checkEvidenceDocument({ sizeBytes: 10 * 1024 * 1024, detectedType: 'application/pdf' })).toEqual([]);
  });

  it('refuses a file over the limit with its size in the message', () => {
    expect(checkEvidenceDocument({ sizeBytes: 20 * 1024 * 1024, detectedType: 'application/pdf' })).toEqual([
      { field: 'file', code: 'DOCUMENT_TOO_LARGE', message: 'Het bestand is te groot (20 MB); het mag maximaal 10 MB zijn.' },
    ]);
  });

  it('refuses an empty file and an unknown type', () => {
    expect(checkEvidenceDocument({ sizeBytes: 0, detectedType: null }).map((v) => v.code)).toEqual(['DOCUMENT_EMPTY']);
    expect(checkEvidenceDocument({ sizeBytes: 1000, detectedType: null }).map((v) => v.code)).toEqual(['DOCUMENT_TYPE_NOT_ALLOWED']);
  });
});
