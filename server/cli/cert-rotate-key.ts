// npm run cert:rotate-key — adds a fresh Ed25519 key to the certificate key file (CERT_KEY_FILE, default
// <DATA_DIR>-keys/certificate-keys.json) and makes it current. Older keys stay in the file, so their public halves
// stay published and every certificate signed before still verifies. Running servers pick the change up themselves.
import { loadConfig } from '../config.js';
import { certificateKeyRing, rotateCertificateKey } from '../runtime/certificates/key-ring.js';

const cfg = loadConfig().certificates;
if (cfg.privateKey) {
  console.error('已设置 CERT_PRIVATE_KEY：当前签名密钥由环境变量提供，请在密钥管理中更换它（旧公钥请保留在 CERT_KEY_FILE 中）');
  process.exitCode = 1;
} else {
  if (cfg.keyFileIsDefault) certificateKeyRing(cfg); // creates the default file first, so the key servers already use is kept
  const kid = rotateCertificateKey(cfg.keyFile, new Date().toISOString());
  console.log(`新的证书签名密钥 ${kid} 已启用；已公布的公钥：${certificateKeyRing(cfg).jwks.keys.map((k) => k.kid).join('、')}`);
}
