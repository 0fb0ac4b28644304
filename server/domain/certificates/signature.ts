// Ed25519 signatures over the canonical JSON of a certificate document, and the public keys as a JWKS.
// Pure apart from node:crypto: the keys are arguments, nothing is read from disk or the clock.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';

/** one public key as published (RFC 8037 OKP) */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface Jwks {
  keys: PublicJwk[];
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** what a holder keeps and a QR code carries */
export interface SignedCertificate {
  document: Record<string, unknown>;
  signature: string;
  kid: string;
}

/** RFC 7638 thumbprint of the public key: the kid follows from the key, so two processes agree on it */
export function kidOf(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const thumb = createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${String(jwk.x)}"}`).digest('base64url');
  return thumb.slice(0, 16);
}

export function publicJwkOf(publicKey: KeyObject): PublicJwk {
  const jwk = publicKey.export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x), kid: kidOf(publicKey), alg: 'EdDSA', use: 'sig' };
}

export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('证书签名密钥须为 Ed25519 私钥（PKCS#8 PEM）');
  return { kid: kidOf(createPublicKey(privateKey)), privateKey };
}

export function signDocument(document: object, key: SigningKey): SignedCertificate {
  const signature = sign(null, Buffer.from(canonicalJson(document), 'utf8'), key.privateKey).toString('base64url');
  return { document: document as Record<string, unknown>, signature, kid: key.kid };
}

export type SignatureCheck = { ok: true; jwk: PublicJwk } | { ok: false; reason: 'unknown_key' | 'bad_signature' };

function publicKeyOf(jwk: PublicJwk): KeyObject | null {
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** checks the signature with the published key named by kid; any change to the document breaks it */
export function verifyDocument(signed: SignedCertificate, jwks: Jwks): SignatureCheck {
  const jwk = jwks.keys.find((k) => k.kid === signed.kid && k.kty === 'OKP' && k.crv === 'Ed25519');
  const key = jwk ? publicKeyOf(jwk) : null;
  if (!jwk || !key) return { ok: false, reason: 'unknown_key' };
  const sig = Buffer.from(signed.signature, 'base64url');
  if (sig.length !== 64) return { ok: false, reason: 'bad_signature' };
  const good = verify(null, Buffer.from(canonicalJson(signed.document), 'utf8'), key, sig);
  return good ? { ok: true, jwk } : { ok: false, reason: 'bad_signature' };
}
