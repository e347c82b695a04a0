import { hkdfSync } from 'node:crypto';
import { BsnCrypto } from '../../common';

/**
 * TOTP secrets are encrypted at rest with the same AES-256-GCM scheme and the same configured key as the BSN
 * (BSN_ENCRYPTION_KEY, one key to keep and rotate), under a key derived for this purpose (HKDF-SHA256), so a TOTP
 * ciphertext can never be decrypted as a BSN or the other way round.
 */
export class TotpSecretCrypto {
  private readonly crypto: BsnCrypto;

  constructor(masterKey: Buffer) {
    this.crypto = new BsnCrypto(Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'totp-secret-v1', 32)));
  }

  encrypt(secret: string): string {
    return this.crypto.encrypt(secret);
  }

  decrypt(stored: string): string {
    return this.crypto.decrypt(stored);
  }
}
