// The link a certificate's QR code carries: `<base>/#/verify?c=<base64url(JSON of the SignedCertificate)>`.
// The verify page decodes `c`, checks the signature offline and asks the server for the current status.
// Pure and browser-safe (no node imports: btoa/atob and TextEncoder exist in Node 20 and every browser),
// so the server that prints the link and the page that reads it share this one module.
import { fail, ok, type Result } from '../result.js';
import type { SignedCertificate } from './signature.js';

/** the query parameter of the verify page that carries the signed certificate */
export const VERIFY_LINK_PARAM = 'c';
/** the verify page's hash route */
export const VERIFY_PATH = '#/verify';
/** bound on the encoded payload: a signed certificate is under 1 KB; anything larger is not ours */
export const MAX_VERIFY_PAYLOAD = 4096;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function toBase64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  // fatal: bytes that are not UTF-8 are refused, not turned into replacement characters
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** `https://host/path` without a trailing slash or hash, so the link has one form */
export function verifyPageUrl(base: string): string {
  return `${base.replace(/#.*$/, '').replace(/\/+$/, '')}/${VERIFY_PATH}`;
}

/** the verification link for a signed certificate, under the platform's public address `base` */
export function encodeVerifyLink(base: string, signed: SignedCertificate): string {
  const payload = toBase64url(JSON.stringify({ document: signed.document, signature: signed.signature, kid: signed.kid }));
  return `${verifyPageUrl(base)}?${VERIFY_LINK_PARAM}=${payload}`;
}

const MALFORMED = () => fail('certificate.malformed', '无法识别的证书数据');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** the signed certificate in a `c` value; anything else (too long, not base64url, not JSON, wrong shape) is refused */
export function decodeVerifyPayload(c: string): Result<SignedCertificate> {
  if (c.length === 0 || c.length > MAX_VERIFY_PAYLOAD || !BASE64URL.test(c)) return MALFORMED();
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64url(c));
  } catch {
    return MALFORMED();
  }
  if (!isRecord(parsed) || !isRecord(parsed['document'])) return MALFORMED();
  const { document, signature, kid } = parsed;
  if (typeof signature !== 'string' || typeof kid !== 'string' || signature.length === 0 || kid.length === 0) return MALFORMED();
  if (Object.keys(parsed).length !== 3) return MALFORMED();
  return ok({ document, signature, kid });
}

/** the signed certificate in a whole verification link (what a QR scanner reads) */
export function decodeVerifyLink(link: string): Result<SignedCertificate> {
  if (link.length > MAX_VERIFY_PAYLOAD + 2048) return MALFORMED();
  const hash = link.indexOf(VERIFY_PATH);
  if (hash < 0) return MALFORMED();
  const query = link.slice(hash + VERIFY_PATH.length);
  if (!query.startsWith('?')) return MALFORMED();
  const c = new URLSearchParams(query.slice(1)).get(VERIFY_LINK_PARAM);
  return c === null ? MALFORMED() : decodeVerifyPayload(c);
}
