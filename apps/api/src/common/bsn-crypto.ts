import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

// BSNs are stored encrypted (AES-256-GCM); a keyed hash per municipality makes "unique per municipality" checkable without decrypting.
export class BsnCrypto {
  private readonly hashKey: Buffer;

  constructor(private readonly key: Buffer) {
    this.hashKey = createHmac('sha256', key).update('bsn-hash-v1').digest();
  }

  encrypt(bsn: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const encrypted = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), encrypted.toString('base64')].join(':');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, data] = stored.split(':');
    if (version !== 'v1') throw new Error('Onbekende versleutelingsversie.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  hash(municipalityId: string, bsn: string): string {
    return createHmac('sha256', this.hashKey).update(`${municipalityId}:${bsn}`).digest('hex');
  }
}

export const BSN_CRYPTO = Symbol('BSN_CRYPTO');
