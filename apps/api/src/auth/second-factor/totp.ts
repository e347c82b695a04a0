import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

/** Accepted clock drift: the code of the previous and of the next 30-second step too (RFC 6238 §5.2). */
const TOLERANCE_SECONDS = 30;
const ISSUER = 'Inburgering Regio';

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address and its QR code (a PNG data URL) for an authenticator app. */
export async function totpEnrolment(secret: string, email: string): Promise<{ uri: string; qrCode: string }> {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  const { toDataURL } = await import('qrcode');
  return { uri, qrCode: await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
}

/**
 * The time step of a valid code, or null. `afterTimeStep` is the step of the last accepted code: that code and any
 * older one are refused, so a code cannot be used twice within its window.
 */
export async function verifyTotp(secret: string, code: string, afterTimeStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(afterTimeStep === null ? {} : { afterTimeStep }) }).catch(() => null);
  return result?.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten recovery codes, three groups of four letters/digits without look-alikes (about 62 bits each). */
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('')).join('-'),
  );
}

/** A recovery code as typed: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{12}$/.test(plain) ? plain : null;
}

export function hashRecoveryCode(userId: string, code: string): string {
  const plain = normaliseRecoveryCode(code) ?? code;
  return createHash('sha256').update(`${userId}:${plain}`).digest('hex');
}
