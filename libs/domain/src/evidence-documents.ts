// Evidence documents for kwaliteitseisen: which files are accepted, decided by their content, not their name.
import { DEFAULT_MAX_EVIDENCE_DOCUMENT_BYTES } from './policy-defaults';
import { RuleViolation, violation } from './rule-violation';

export const EVIDENCE_DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceDocumentType = (typeof EVIDENCE_DOCUMENT_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** The type of a file from its first bytes (magic numbers); null for anything else, whatever its name says. */
export function detectEvidenceDocumentType(bytes: Uint8Array): EvidenceDocumentType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  return null;
}

function megabytesNl(bytes: number): string {
  return (Math.round((bytes / (1024 * 1024)) * 10) / 10).toString().replace('.', ',');
}

export interface EvidenceDocumentCheckInput {
  sizeBytes: number;
  detectedType: EvidenceDocumentType | null;
  maxBytes?: number;
}

/** A document is not empty, not larger than the limit, and is a PDF, PNG or JPEG by content (platform rule: no executables). */
export function checkEvidenceDocument({ sizeBytes, detectedType, maxBytes = DEFAULT_MAX_EVIDENCE_DOCUMENT_BYTES }: EvidenceDocumentCheckInput): RuleViolation[] {
  if (sizeBytes === 0) return [violation('file', 'DOCUMENT_EMPTY', 'Het bestand is leeg. Kies een PDF, PNG of JPEG met inhoud.')];
  if (sizeBytes > maxBytes) {
    return [violation('file', 'DOCUMENT_TOO_LARGE', `Het bestand is te groot (${megabytesNl(sizeBytes)} MB); het mag maximaal ${megabytesNl(maxBytes)} MB zijn.`)];
  }
  if (!detectedType) {
    return [violation('file', 'DOCUMENT_TYPE_NOT_ALLOWED',
      'Dit bestand is geen PDF, PNG of JPEG. Alleen die bestandstypen zijn toegestaan; de inhoud van het bestand is gecontroleerd, niet alleen de naam.')];
  }
  return [];
}
