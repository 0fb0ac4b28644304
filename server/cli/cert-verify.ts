// npm run cert:verify -- <certificate.json> --keys <jwks.json | https://…/.well-known/zc-certificate-keys.json>
// Offline check of a downloaded e-certificate with only the published public keys: no store, no server, no secret.
// A valid signature proves the platform issued exactly this content; only online verification knows of a later
// revocation; a revision re-signed on revocation says 已撤销 and exits with 1.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CertificateDocument } from '../domain/certificates/document.js';
import { verifyDocument, type Jwks, type SignedCertificate } from '../domain/certificates/signature.js';

export interface Verdict {
  exitCode: 0 | 1 | 2;
  lines: string[];
}

const USAGE = '用法：npm run cert:verify -- <证书文件.json> --keys <公钥文件 zc-certificate-keys.json 或其网址>';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function asSigned(v: unknown): SignedCertificate | null {
  if (!isRecord(v) || !isRecord(v['document']) || typeof v['signature'] !== 'string' || typeof v['kid'] !== 'string') return null;
  return { document: v['document'], signature: v['signature'], kid: v['kid'] };
}

function asJwks(v: unknown): Jwks | null {
  if (!isRecord(v) || !Array.isArray(v['keys'])) return null;
  return v as unknown as Jwks;
}

/** the verdict in Chinese for a certificate file's text and a JWKS's text */
export function certVerifyReport(certificateText: string, jwksText: string): Verdict {
  let signed: SignedCertificate | null = null;
  let jwks: Jwks | null = null;
  try {
    signed = asSigned(JSON.parse(certificateText));
  } catch {
    signed = null;
  }
  if (!signed) return { exitCode: 1, lines: ['证书无效：文件不是本平台的电子证书文件（应含 document、signature、kid）'] };
  try {
    jwks = asJwks(JSON.parse(jwksText));
  } catch {
    jwks = null;
  }
  if (!jwks) return { exitCode: 2, lines: ['公钥文件无法识别：应为平台公布的 zc-certificate-keys.json（JWKS）'] };
  const check = verifyDocument(signed, jwks);
  if (!check.ok) {
    const why = check.reason === 'unknown_key' ? `签名密钥 ${signed.kid} 不在所给的公钥中（并非本平台签发，或公钥文件过旧）` : '签名与证书内容不符（证书内容被改动，或并非本平台签发）';
    return { exitCode: 1, lines: [`证书无效：${why}`] };
  }
  const d = signed.document as Partial<CertificateDocument>;
  // a revision re-signed on revocation is genuine, and says itself that the title no longer stands
  const revoked = d.status === '已撤销';
  return {
    exitCode: revoked ? 1 : 0,
    lines: [
      `证书签名有效（签名密钥 ${check.jwk.kid}）`,
      ...(revoked ? [`证书状态：已撤销（${(d.revokedAt ?? '').slice(0, 10)} 撤销${d.revokedFor ? `，原因：${d.revokedFor}` : ''}），该证书不再有效`] : []),
      `证书编号：${d.number ?? ''}`,
      `持证人：${d.holder ?? ''}（身份证号 ${d.idNumber ?? ''}）`,
      `资格名称：${d.title ?? ''}（${d.grade ?? ''}，${d.series ?? ''}）`,
      `评审（认定）机构：${d.committee ?? ''}，核准日期 ${d.approvedAt ?? ''}`,
      ...(d.restriction ? [`使用范围限制：${d.restriction}`] : []),
      ...(revoked ? [] : ['离线核验只能证明证书由平台签发且内容未被改动；是否已被撤销，请凭证书编号和姓名在线核验。']),
    ],
  };
}

async function readKeys(where: string): Promise<string> {
  if (/^https?:\/\//.test(where)) {
    const res = await fetch(where);
    if (!res.ok) throw new Error(`无法取得公钥：${where} 返回 ${res.status}`);
    return res.text();
  }
  return readFileSync(where, 'utf8');
}

async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--keys');
  const keys = at >= 0 ? argv[at + 1] : undefined;
  const file = argv.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  if (!file || !keys) {
    console.error(USAGE);
    return 2;
  }
  let certificateText: string;
  let jwksText: string;
  try {
    certificateText = readFileSync(file, 'utf8');
    jwksText = await readKeys(keys);
  } catch (e) {
    console.error(`无法读取文件：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const { exitCode, lines } = certVerifyReport(certificateText, jwksText);
  (exitCode === 0 ? console.log : console.error)(lines.join('\n'));
  return exitCode;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
