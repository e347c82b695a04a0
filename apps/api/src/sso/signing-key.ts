import { generateKeyPairSync, randomUUID, webcrypto } from 'node:crypto';

/** The platform's own key for one connection's private_key_jwt: ES256 (P-256), the algorithm brokers accept most widely. */
export interface SigningKey {
  kid: string;
  privateJwk: webcrypto.JsonWebKey;
  publicJwk: Record<string, string>;
}

export function newSigningKey(): SigningKey {
  const kid = randomUUID();
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  return {
    kid,
    privateJwk: privateKey.export({ format: 'jwk' }),
    publicJwk: { kty: kty!, crv: crv!, x: x!, y: y!, kid, use: 'sig', alg: 'ES256' },
  };
}

/** The sealed private JWK as the CryptoKey openid-client signs its client assertions with (not extractable). */
export function signingCryptoKey(privateJwk: webcrypto.JsonWebKey): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('jwk', privateJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
}
