// npm run cert:verify as a child process: a certificate file and a JWKS written by the test, nothing else.
// A good file passes (exit 0); a tampered one, one signed by an unknown key, or junk is refused in Chinese (exit 1).
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { buildCertificateDocument } from '../../server/domain/certificates/document.js';
import { publicJwkOf, signDocument, signingKeyFromPem } from '../../server/domain/certificates/signature.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('zc-cert-cli-');
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO_ROOT, 'server', 'cli', 'cert-verify.ts');

function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signing: signingKeyFromPem(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()), jwk: publicJwkOf(publicKey) };
}

const key = newKey();
const document = buildCertificateDocument({
  number: '2022AB12CD34EF56',
  holder: '包老师',
  idNumber: '15012119800101123X',
  series: '中小学教师',
  grade: '副高级',
  title: '高级教师（基层定向评价、定向使用）',
  committee: '呼和浩特市中小学教师基层高级职称评审委员会',
  approvedAt: '2022-08-01',
  issuedAt: '2022-08-01T02:00:00.000Z',
  restriction: '限本盟市基层事业单位使用',
});
const signed = signDocument(document, key.signing);

function write(name: string, value: unknown): string {
  const file = join(dir.path, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

function run(...args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CERT_KEY_FILE: join(dir.path, 'absent') } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run cert:verify (offline, public keys only)', () => {
  afterAll(() => dir.remove());
  const keys = write('zc-certificate-keys.json', { keys: [newKey().jwk, key.jwk] });

  it('accepts a genuine certificate file and prints it in words, restriction included', () => {
    const r = run(write('good.json', signed), '--keys', keys);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('证书签名有效');
    expect(r.out).toContain('2022AB12CD34EF56');
    expect(r.out).toContain('1501**********123X');
    expect(r.out).toContain('使用范围限制：限本盟市基层事业单位使用');
  });

  it('refuses a tampered certificate with a clear Chinese message and exit code 1', () => {
    const r = run(write('tampered.json', { ...signed, document: { ...signed.document, restriction: undefined, status: '有效' } }), '--keys', keys);
    expect(r.code).toBe(1);
    expect(r.err).toContain('证书无效：签名与证书内容不符');
    expect(r.out).toBe('');
  });

  it('refuses a certificate signed by a key that is not published, and a file that is not a certificate', () => {
    const stranger = signDocument(document, newKey().signing);
    const r = run(write('stranger.json', stranger), '--keys', keys);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不在所给的公钥中');
    const junk = run(write('junk.json', '{"hello": '), '--keys', keys);
    expect(junk.code).toBe(1);
    expect(junk.err).toContain('不是本平台的电子证书文件');
  });

  it('explains its usage when the keys are missing', () => {
    const r = run(write('again.json', signed));
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法：npm run cert:verify');
  });
});
