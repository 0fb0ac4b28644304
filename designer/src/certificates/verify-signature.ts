// Checks a signed certificate in the browser with only the published public keys (JWKS): Ed25519 (@noble/curves)
// over the same canonical JSON the server signs (one shared function). No server call, so it works offline.
import { ed25519 } from '@noble/curves/ed25519.js';
import { canonicalJson } from '../../../server/domain/canonical-json.js';
import type { CertificateDocument } from '../../../server/domain/certificates/document.js';
import type { SignedCertificate } from '../../../server/domain/certificates/signature.js';

export interface PublishedKey {
  kty: string;
  crv: string;
  x: string;
  kid: string;
}

export type SignatureCheck = { ok: true; document: Partial<CertificateDocument> } | { ok: false };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function bytesOfBase64url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
    return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** the Ed25519 keys of a JWKS's text or value; anything else gives none */
export function publishedKeys(jwks: unknown): PublishedKey[] {
  if (!isRecord(jwks) || !Array.isArray(jwks['keys'])) return [];
  return jwks['keys'].filter((k): k is PublishedKey => isRecord(k) && k['kty'] === 'OKP' && k['crv'] === 'Ed25519' && typeof k['x'] === 'string' && typeof k['kid'] === 'string');
}

/** a certificate file's parsed JSON as a signed certificate, or null */
export function asSignedCertificate(v: unknown): SignedCertificate | null {
  if (!isRecord(v) || !isRecord(v['document']) || typeof v['signature'] !== 'string' || typeof v['kid'] !== 'string') return null;
  return { document: v['document'], signature: v['signature'], kid: v['kid'] };
}

/** valid only when the key named by kid is published and the signature covers exactly this document */
export function checkSignature(signed: SignedCertificate, keys: PublishedKey[]): SignatureCheck {
  const key = keys.find((k) => k.kid === signed.kid);
  const publicKey = key ? bytesOfBase64url(key.x) : null;
  const signature = bytesOfBase64url(signed.signature);
  if (!publicKey || publicKey.length !== 32 || !signature || signature.length !== 64) return { ok: false };
  const message = new TextEncoder().encode(canonicalJson(signed.document));
  try {
    // strict RFC 8032 checks, as node:crypto does on the server
    if (!ed25519.verify(signature, message, publicKey, { zip215: false })) return { ok: false };
  } catch {
    return { ok: false };
  }
  return { ok: true, document: signed.document as Partial<CertificateDocument> };
}
